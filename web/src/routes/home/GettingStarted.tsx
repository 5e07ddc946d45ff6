import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { IconAdjustmentsHorizontal, IconFileImport, IconUserPlus, type Icon } from '@tabler/icons-react';
import { usePermissions } from '../../session/session.ts';

/** First steps for an empty workspace (right after onboarding). */
export function GettingStarted() {
  const { isAdmin, canWrite } = usePermissions();
  const steps: Array<{
    to: '/import' | '/settings/users' | '/settings/custom-fields';
    title: string;
    text: string;
    icon: Icon;
    show: boolean;
  }> = [
    {
      to: '/import',
      title: 'Import your contacts',
      text: 'Upload a CSV export from HubSpot, Salesforce or a spreadsheet.',
      icon: IconFileImport,
      show: canWrite,
    },
    {
      to: '/settings/custom-fields',
      title: 'Add custom fields',
      text: 'Track plan, seats, renewal date or anything else.',
      icon: IconAdjustmentsHorizontal,
      show: isAdmin,
    },
    {
      to: '/settings/users',
      title: 'Invite your team',
      text: 'Marketing and sales on the same data, with roles.',
      icon: IconUserPlus,
      show: isAdmin,
    },
  ];
  return (
    <Card p="lg" bg="var(--mantine-color-brand-0)" style={{ borderColor: 'var(--mantine-color-brand-1)' }}>
      <Text fw={650} mb={4}>
        Get started
      </Text>
      <Text fz="sm" c="dimmed" mb="md">
        Your workspace is empty. A few steps to make it useful:
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {steps
          .filter((s) => s.show)
          .map((s) => (
            <UnstyledButton
              key={s.to}
              component={Link}
              to={s.to}
              p="md"
              bg="white"
              style={{ borderRadius: 10, border: '1px solid var(--mantine-color-default-border)' }}
            >
              <Group wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size={36} radius="md">
                  <s.icon size={20} />
                </ThemeIcon>
                <Stack gap={2}>
                  <Text fz="sm" fw={600}>
                    {s.title}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {s.text}
                  </Text>
                </Stack>
              </Group>
            </UnstyledButton>
          ))}
      </SimpleGrid>
    </Card>
  );
}
