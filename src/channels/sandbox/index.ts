import { z } from 'zod';
import { findOutboxMessage, insertOutboxMessages } from '../../db/queries/outbox.ts';
import { channelIds } from '../../generation/channels.ts';
import { assertWithinLimits } from '../check-limits.ts';
import type { ChannelCall } from '../define-channel.ts';
import { defineChannel } from '../define-channel.ts';
import type { OutgoingMessage, PublishResult } from '../outgoing-message.ts';

/**
 * Publishes into the workspace outbox: the message is stored exactly as a real adapter would
 * receive it, and nothing leaves the machine. Every channel has one; new workspaces have only
 * these. A repeat of a delivery finds the stored message (one per delivery), so it never doubles.
 */
export const sandbox = defineChannel({
  id: 'sandbox',
  label: 'Sandbox (outbox)',
  channels: channelIds,
  configSchema: z.object({}).strict(),
  credentialsSchema: z.object({}).strict(),
  audience: null,
  async publish(call, message) {
    const [result] = await writeOutbox(call, [message]);
    if (result?.kind !== 'sent') throw result?.error;
    return result.receipt;
  },
  publishMany: writeOutbox,
  async status({ db, workspaceId }, { deliveryId }) {
    const row = await findOutboxMessage(db, { workspaceId, deliveryId });
    return row ? { found: true, remoteId: `outbox:${row.id}`, remoteUrl: null } : { found: false };
  },
});

/** Every message within its channel's limits is stored in one statement; the rest are refused. */
async function writeOutbox(
  { db, workspaceId }: ChannelCall<unknown, unknown>,
  messages: readonly OutgoingMessage[],
): Promise<PublishResult[]> {
  const refusals = new Map<OutgoingMessage, unknown>();
  for (const message of messages) {
    try {
      assertWithinLimits(message.content);
    } catch (error) {
      refusals.set(message, error);
    }
  }
  const accepted = messages.filter((message) => !refusals.has(message));
  const ids = await insertOutboxMessages(
    db,
    workspaceId,
    accepted.map((message) => ({
      deliveryId: message.deliveryId,
      campaignId: message.campaignId,
      channel: message.channel,
      message: message.content as unknown as Record<string, unknown>,
    })),
  );
  const stored = new Map(accepted.map((message, index) => [message, ids[index]]));
  return messages.map((message): PublishResult => {
    const id = stored.get(message);
    return id === undefined
      ? { kind: 'error', error: refusals.get(message) }
      : { kind: 'sent', receipt: { remoteId: `outbox:${id}`, remoteUrl: null } };
  });
}
