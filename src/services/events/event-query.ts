import { z } from 'zod';
import { eventTypes, isEventType } from '../../events/catalog.ts';

const MAX_TYPE_FILTERS = 50;

/** What a type filter keeps: exact types and `prefix.*` families. */
export interface TypeFilter {
  types: string[];
  prefixes: string[];
}

/**
 * `type=campaign.approved,delivery.*`: a comma-separated list of catalog types and `<family>.*`
 * wildcards. An unknown type or family is a client mistake (it would silently match nothing).
 */
export const typeFilterSchema = z
  .string()
  .max(2_000)
  .transform((value, ctx): TypeFilter => {
    const entries = value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0);
    if (entries.length === 0 || entries.length > MAX_TYPE_FILTERS) {
      ctx.addIssue({ code: 'custom', message: `lists 1 to ${MAX_TYPE_FILTERS} event types` });
      return z.NEVER;
    }
    const filter: TypeFilter = { types: [], prefixes: [] };
    for (const entry of entries) {
      if (entry.endsWith('.*')) {
        const prefix = entry.slice(0, -1);
        if (!eventTypes.some((type) => type.startsWith(prefix))) {
          ctx.addIssue({ code: 'custom', message: `${entry} matches no event type` });
          return z.NEVER;
        }
        filter.prefixes.push(prefix);
      } else if (isEventType(entry)) filter.types.push(entry);
      else {
        ctx.addIssue({
          code: 'custom',
          message: `${entry} is not an event type (see docs/events.md)`,
        });
        return z.NEVER;
      }
    }
    return filter;
  });

/** A stored list of filter entries (validated on the way in); empty = every type. */
export function typeFilterOf(entries: readonly string[]): TypeFilter | undefined {
  if (entries.length === 0) return undefined;
  return {
    types: entries.filter((entry) => !entry.endsWith('.*')),
    prefixes: entries.filter((entry) => entry.endsWith('.*')).map((entry) => entry.slice(0, -1)),
  };
}

/** Whether an event of this type passes the filter (no filter: everything passes). */
export function matchesTypeFilter(filter: TypeFilter | undefined, type: string): boolean {
  if (filter === undefined) return true;
  return filter.types.includes(type) || filter.prefixes.some((prefix) => type.startsWith(prefix));
}

/** An event id (a workspace position): `0` means "from the beginning". */
export const eventIdSchema = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,15})$/, 'is an event id (a non-negative integer)')
  .transform(Number);
