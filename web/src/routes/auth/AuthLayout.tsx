import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from '../../layout/Logo.tsx';

/** Centered card for the signed-out pages (login, onboarding, invitations). */
export function AuthLayout({
  title,
  subtitle,
  children,
  width = 420,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  return (
    <Box
      mih="100vh"
      style={{ background: 'radial-gradient(1200px 600px at 10% -10%, var(--mantine-color-brand-0), transparent), var(--app-bg)' }}
    >
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={width} gap="lg">
          <Center>
            <Logo />
          </Center>
          <Paper p="xl" shadow="sm">
            <Stack gap={4} mb="lg">
              <Title order={2} fz={22}>
                {title}
              </Title>
              {subtitle && (
                <Text c="dimmed" fz="sm">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {children}
          </Paper>
          <Text c="dimmed" fz="xs" ta="center">
            Tandem · marketing and sales on one data model
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
