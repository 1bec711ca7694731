import { z } from 'zod';
import { findOutboxMessage, insertOutboxMessage } from '../../db/queries/outbox.ts';
import { channelIds } from '../../generation/channels.ts';
import { assertWithinLimits } from '../check-limits.ts';
import { defineChannel } from '../define-channel.ts';

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
  async publish({ db, workspaceId }, message) {
    assertWithinLimits(message.content);
    const row = await insertOutboxMessage(db, {
      workspaceId,
      deliveryId: message.deliveryId,
      campaignId: message.campaignId,
      channel: message.channel,
      message: message.content as unknown as Record<string, unknown>,
    });
    return { remoteId: `outbox:${row.id}`, remoteUrl: null };
  },
  async status({ db, workspaceId }, { deliveryId }) {
    const row = await findOutboxMessage(db, { workspaceId, deliveryId });
    return row ? { found: true, remoteId: `outbox:${row.id}`, remoteUrl: null } : { found: false };
  },
});
