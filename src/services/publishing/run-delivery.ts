import type { Db } from '../../db/client.ts';
import { getDelivery, transitionDelivery } from '../../db/queries/deliveries.ts';
import type { PublishingDeps } from './publishing-deps.ts';
import { resolveUnknownDelivery } from './resolve-unknown-delivery.ts';
import { announce } from './settle-delivery.ts';
import { startDelivery } from './start-delivery.ts';

/**
 * The next step of one delivery, whatever brought the job (its schedule, a retry, the
 * reconciler): start it when due, resolve it when `unknown`, and treat a `sending` row whose call
 * began more than `staleSendingMs` ago as a crashed call, so `unknown`. Any other state is done.
 * Safe to run twice at once: every step is a compare-and-set on the row's state.
 */
export async function runDelivery(
  db: Db,
  deps: PublishingDeps,
  { workspaceId, deliveryId }: { workspaceId: string; deliveryId: string },
  now = new Date(),
): Promise<void> {
  const delivery = await getDelivery(db, { workspaceId, id: deliveryId });
  if (!delivery) return;
  if (delivery.state === 'scheduled') return startDelivery(db, deps, delivery, now);
  if (delivery.state === 'unknown') return resolveUnknownDelivery(db, deps, delivery, now);
  if (delivery.state !== 'sending' || delivery.sendingAt === null) return;
  if (now.getTime() - delivery.sendingAt.getTime() < deps.staleSendingMs) return;
  const message = 'The worker stopped during the call; asking the destination what happened.';
  const unknown = await transitionDelivery(db, { workspaceId, id: deliveryId }, ['sending'], {
    state: 'unknown',
    dueAt: now,
    lastError: { kind: 'unknown', message },
    attempt: { at: now.toISOString(), outcome: 'unknown', error: { kind: 'unknown', message } },
  });
  if (!unknown) return;
  await announce(db, unknown, 'delivery.unknown', { message });
  await resolveUnknownDelivery(db, deps, unknown, now);
}
