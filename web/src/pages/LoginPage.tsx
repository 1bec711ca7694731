import { Button, Container, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError, post } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { type Session, useAcceptSession } from '../session.tsx';

export function LoginPage() {
  const [, navigate] = useLocation();
  const accept = useAcceptSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [workspace, setWorkspace] = useState('');
  const [needsWorkspace, setNeedsWorkspace] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { email, password, ...(workspace ? { workspace } : {}) };
      accept(await post<Session>('/v1/auth/login', body));
      navigate('/', { replace: true });
    } catch (caught) {
      // The same email and password open several workspaces: ask which one.
      if (caught instanceof ApiError && caught.status === 409) setNeedsWorkspace(true);
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size={420} py={64} component="main">
      <Title order={1} ta="center" mb="lg">
        Sign in to Toombos
      </Title>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            {needsWorkspace ? (
              <TextInput
                label="Workspace"
                description="Its short name (slug): this email opens several workspaces"
                value={workspace}
                onChange={(e) => setWorkspace(e.currentTarget.value)}
              />
            ) : null}
            {error ? <ErrorAlert error={error} title="Could not sign in" /> : null}
            <Button type="submit" loading={busy}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
