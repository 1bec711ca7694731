import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../context.ts';

/**
 * Only an owner member may grant or take away the owner role. API keys may not, whatever their
 * scopes: an admin could otherwise mint an admin key and use it to make themselves owner.
 */
export function assertOwnerActor(actor: Actor, action: string): void {
  if (actor.kind === 'member' && actor.role === 'owner') return;
  throw new AppError('forbidden', `Only a workspace owner, signed in, may ${action}.`);
}

/** A workspace always keeps at least one owner; call with the ids from `lockOwners`. */
export function assertOtherOwnerRemains(
  ownerIds: string[],
  memberId: string,
  action: string,
): void {
  if (ownerIds.some((id) => id !== memberId)) return;
  throw new AppError(
    'conflict',
    `The last owner of a workspace cannot be ${action}: make another member owner first.`,
    { reason: 'last_owner' },
  );
}
