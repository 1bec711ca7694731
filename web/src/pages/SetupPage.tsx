import {
  Alert,
  Button,
  Container,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { post } from '../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { type Session, useAcceptSession } from '../session.tsx';

const MIN_PASSWORD = 12;

/**
 * First-run owner setup and invitations: the one-time link is `/setup#token=…` (a fragment, so
 * the token never reaches a server log). Choosing a password signs the member in.
 */
export function SetupPage() {
  const [, navigate] = useLocation();
  const accept = useAcceptSession();
  const [token] = useState(() => new URLSearchParams(location.hash.slice(1)).get('token'));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const tooShort = password.length > 0 && password.length < MIN_PASSWORD;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!token || password.length < MIN_PASSWORD) return;
    setBusy(true);
    setError(null);
    try {
      const body = {
        token,
        password,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
      };
      accept(await post<Session>('/v1/auth/setup', body));
      history.replaceState(null, '', '/setup');
      navigate('/', { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size={460} py={64} component="main">
      <Title order={1} ta="center" mb="xs">
        Set up your account
      </Title>
      <Text ta="center" c="dimmed" mb="lg">
        Choose a password to finish your invitation. This link works once.
      </Text>
      <Paper withBorder p="lg" radius="md">
        {token ? (
          <form onSubmit={submit} noValidate>
            <Stack>
              <TextInput
                label="Name"
                description="Optional"
                autoComplete="name"
                maxLength={100}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
              />
              <TextInput
                label="Email"
                description="Optional: leave empty to keep the invited address"
                type="email"
                autoComplete="email"
                maxLength={254}
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <PasswordInput
                label="Password"
                description={`At least ${MIN_PASSWORD} characters`}
                autoComplete="new-password"
                required
                maxLength={200}
                value={password}
                error={tooShort ? `${MIN_PASSWORD - password.length} more characters` : undefined}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              {error ? <ErrorAlert error={error} title="Setup failed" /> : null}
              <Button type="submit" loading={busy} disabled={password.length < MIN_PASSWORD}>
                Finish setup
              </Button>
            </Stack>
          </form>
        ) : (
          <Alert color="red" title="This page needs the full setup link" role="alert">
            The link ends with #token=…; open the link you were sent, or ask an admin for a new
            invitation.
          </Alert>
        )}
      </Paper>
    </Container>
  );
}
