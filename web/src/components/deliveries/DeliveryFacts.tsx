import { Anchor, Text } from '@mantine/core';
import type { Delivery } from '../../types/deliveries.ts';

/** A delivery with the names its ids stand for, as the list shows it. */
export interface DeliveryView {
  delivery: Delivery;
  campaign: string;
  channel: string;
  connection: string;
}

/** When the destination took it: the attempt that sent it, or the lookup that found it sent. */
export function sentAt(delivery: Delivery): string | null {
  if (delivery.state !== 'sent') return null;
  const done = delivery.attempts.findLast(
    (attempt) => attempt.outcome === 'sent' || attempt.outcome === 'found',
  );
  return done?.at ?? null;
}

/** "batch 2 · 100 recipients" for a recipient batch; null for a delivery that is not one. */
export function batchText({ batch, recipientCount }: Delivery): string | null {
  if (recipientCount === null) return batch > 0 ? `batch ${batch}` : null;
  return `batch ${batch} · ${recipientCount} recipients`;
}

/** "X delivery of Weekly news" (", batch 2" for a CRM's later batches): names a row's controls. */
export function deliveryName({ delivery, campaign, channel }: DeliveryView): string {
  const batch = delivery.batch > 0 ? `, batch ${delivery.batch}` : '';
  return `${channel} delivery of ${campaign}${batch}`;
}

/** The destination's last refusal in its own words, or why the delivery was cancelled. */
export function DeliveryError({ delivery }: { delivery: Delivery }) {
  if (delivery.error)
    return (
      <Text size="sm">
        <Text span fw={600} size="sm">
          {delivery.error.kind.replaceAll('_', ' ')}:
        </Text>{' '}
        {delivery.error.message}
      </Text>
    );
  if (delivery.reason)
    return (
      <Text size="sm">
        <Text span fw={600} size="sm">
          reason:
        </Text>{' '}
        {delivery.reason.replaceAll('_', ' ')}
      </Text>
    );
  return <Text size="sm">—</Text>;
}

/** Where the destination published it, in a new tab. */
export function RemoteLink({ view, href }: { view: DeliveryView; href: string }) {
  return (
    <Anchor
      href={href}
      target="_blank"
      rel="noreferrer noopener"
      size="sm"
      aria-label={`Open ${view.channel} of ${view.campaign} at its destination (new tab)`}
    >
      Open
    </Anchor>
  );
}
