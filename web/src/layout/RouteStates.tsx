// What a route shows while its code loads, when it throws, and when nothing matches the URL.
import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, type ErrorComponentProps } from '@tanstack/react-router';
import { IconMoodConfuzed } from '@tabler/icons-react';
import { errorMessage } from '../api/problem.ts';

export function PagePending() {
  return (
    <Center h="60vh">
      <Loader size="md" type="dots" aria-label="Loading" />
    </Center>
  );
}

export function RouteError({ error, reset }: ErrorComponentProps) {
  return (
    <Center h="60vh">
      <Stack align="center" gap="xs" maw={460}>
        <IconMoodConfuzed size={40} stroke={1.4} color="var(--mantine-color-dimmed)" />
        <Title order={3}>This page could not load</Title>
        <Text c="dimmed" ta="center">
          {errorMessage(error)}
        </Text>
        <Button variant="light" onClick={reset} mt="sm">
          Try again
        </Button>
      </Stack>
    </Center>
  );
}

export function NotFound() {
  return (
    <Center h="70vh">
      <Stack align="center" gap="xs">
        <Text fz={64} fw={700} c="gray.4" lh={1}>
          404
        </Text>
        <Title order={3}>Page not found</Title>
        <Text c="dimmed">The link may be broken, or the page was moved.</Text>
        <Button component={Link} to="/" variant="light" mt="sm">
          Go to the dashboard
        </Button>
      </Stack>
    </Center>
  );
}
