export type SubscriberStatus = 'active' | 'unsubscribed';

export interface Subscriber {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  status: SubscriberStatus;
}

const firstNames = ['Ada', 'Bruno', 'Chiara', 'Dmitri', 'Esme', 'Farid', 'Greta', 'Hiro'];
const lastNames = ['Lovelace', 'Costa', 'Rossi', 'Ivanov', 'Nkemelu', 'Haddad', 'Berg', 'Tanaka'];

/** Deterministic subscribers so tests can name them: every 8th one is unsubscribed. */
export function seedSubscribers(count: number): Subscriber[] {
  return Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(3, '0');
    return {
      id: `sub_${number}`,
      email: `subscriber${number}@example.test`,
      first_name: firstNames[index % firstNames.length] ?? 'Ada',
      last_name: lastNames[Math.floor(index / firstNames.length) % lastNames.length] ?? 'Lovelace',
      status: (index + 1) % 8 === 0 ? 'unsubscribed' : 'active',
    };
  });
}

export interface SubscriberPage {
  subscribers: Subscriber[];
  next_cursor: string | null;
}

/**
 * One page of the seeded list. The cursor is opaque to clients: it encodes the position of the
 * last subscriber returned, so pages never overlap or skip.
 */
export function pageSubscribers(
  all: readonly Subscriber[],
  query: { status?: SubscriberStatus | undefined; limit: number; after: number },
): SubscriberPage {
  const page: Subscriber[] = [];
  let lastIndex = query.after;
  for (let index = query.after + 1; index < all.length; index++) {
    const subscriber = all[index];
    if (!subscriber || (query.status && subscriber.status !== query.status)) continue;
    if (page.length === query.limit) {
      return { subscribers: page, next_cursor: encodeCursor(lastIndex) };
    }
    page.push(subscriber);
    lastIndex = index;
  }
  return { subscribers: page, next_cursor: null };
}

/** Cursor → position after which the next page starts (-1 = from the beginning). */
export function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined || cursor === '') return -1;
  const match = /^after:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match?.[1] === undefined ? null : Number(match[1]);
}

function encodeCursor(index: number): string {
  return Buffer.from(`after:${index}`, 'utf8').toString('base64url');
}
