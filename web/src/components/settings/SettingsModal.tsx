import { Modal, type ModalProps } from '@mantine/core';

/** Mantine's Modal with a named close button (its icon-only default has no accessible name). */
export function SettingsModal(props: ModalProps) {
  return <Modal closeButtonProps={{ 'aria-label': 'Close' }} {...props} />;
}
