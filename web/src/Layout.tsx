import { AppShell, Badge, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useEventStream } from './events.tsx';
import { useLogOut, useSession } from './session.tsx';

const sections = [
  { href: '/', label: 'Overview' },
  { href: '/sources', label: 'Sources' },
  { href: '/campaigns', label: 'Campaigns' },
  { href: '/approvals', label: 'Approvals' },
  { href: '/calendar', label: 'Calendar' },
  { href: '/deliveries', label: 'Deliveries' },
  { href: '/outbox', label: 'Outbox' },
  { href: '/settings', label: 'Settings' },
] as const;

function isCurrent(location: string, href: string): boolean {
  return href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`);
}

/** The signed-in frame: header (workspace, live status, sign out) and the section navigation. */
export function Layout({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const [location] = useLocation();
  const { data: session } = useSession();
  const { connected } = useEventStream();
  const logOut = useLogOut();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <Text fw={700} component={Link} href="/" c="inherit" td="none">
              Toombos
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="xs" truncate>
              {session?.workspace.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Badge
              variant="dot"
              color={connected ? 'green' : 'gray'}
              title={connected ? 'Live updates are on' : 'Reconnecting to live updates…'}
            >
              {connected ? 'Live' : 'Offline'}
            </Badge>
            <Text size="sm" visibleFrom="sm" truncate maw={200}>
              {session?.member.email}
            </Text>
            <Button variant="subtle" size="xs" onClick={() => void logOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Sections">
        {sections.map((section) => (
          <NavLink
            key={section.href}
            component={Link}
            href={section.href}
            label={section.label}
            active={isCurrent(location, section.href)}
            aria-current={isCurrent(location, section.href) ? 'page' : undefined}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
