import { Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { SettingsModal } from './SettingsModal.tsx';

/**
 * A destructive action behind a confirmation dialog; the API's refusal is shown in the dialog.
 * `label` is the button text, `ariaLabel` names what it acts on ("Remove dana@example.com").
 */
export function ConfirmButton({
  label,
  ariaLabel,
  title,
  message,
  confirmLabel,
  onConfirm,
}: {
  label: string;
  ariaLabel: string;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
}) {
  const [opened, setOpened] = useState(false);
  const action = useMutation({ mutationFn: onConfirm, onSuccess: () => setOpened(false) });
  const close = () => {
    setOpened(false);
    action.reset();
  };
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        size="xs"
        aria-label={ariaLabel}
        onClick={() => setOpened(true)}
      >
        {label}
      </Button>
      <SettingsModal opened={opened} onClose={close} title={title} centered>
        <Text mb="md">{message}</Text>
        {action.isError ? <ErrorAlert error={action.error} title={`${label} failed`} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" loading={action.isPending} onClick={() => action.mutate()}>
            {confirmLabel}
          </Button>
        </Group>
      </SettingsModal>
    </>
  );
}
