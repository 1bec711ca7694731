import { z } from 'zod';

/**
 * Query-parameter shapes shared by list filters. A value that does not fit is a 400 naming the
 * parameter (`querystring.<field>`), never a 500 and never a silently empty list.
 */

/** An ISO 8601 instant with `Z` or an offset (`2026-05-04T09:00:00Z`, `…+02:00`), as a Date. */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .describe('An ISO 8601 instant with `Z` or an offset, e.g. `2026-05-04T09:00:00Z`.');

/**
 * `state=failed,partially_failed`: a comma-separated list of `values` (no repeats needed, order
 * does not matter). An unknown entry is refused: it would match nothing.
 */
export function commaSeparatedSchema<const T extends string>(values: readonly T[], what: string) {
  const known = new Set<string>(values);
  return z
    .string()
    .max(1_000)
    .transform((value, ctx): T[] => {
      const entries = [
        ...new Set(
          value
            .split(',')
            .map((entry) => entry.trim())
            .filter((entry) => entry.length > 0),
        ),
      ];
      if (entries.length === 0) {
        ctx.addIssue({ code: 'custom', message: `lists at least one ${what}` });
        return z.NEVER;
      }
      const unknown = entries.filter((entry) => !known.has(entry));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a' : 'are not'} ${what}${unknown.length === 1 ? '' : 's'} (one of ${values.join(', ')})`,
        });
        return z.NEVER;
      }
      return entries as T[];
    })
    .describe(`Comma-separated, any of: ${values.join(', ')}.`);
}

/**
 * A refinement for a `[from, to)` pair of instant parameters: when both are given, `to` must be
 * later than `from` (an empty or reversed window is a mistake, not an empty answer).
 */
export function orderedRange<const From extends string, const To extends string>(
  from: From,
  to: To,
) {
  return (query: Partial<Record<From | To, Date | undefined>>, ctx: z.RefinementCtx): void => {
    const start = query[from];
    const end = query[to];
    if (start !== undefined && end !== undefined && end.getTime() <= start.getTime())
      ctx.addIssue({ code: 'custom', path: [to], message: `must be later than ${from}` });
  };
}
