import { sessionTypes, type TypeFields, urgencies } from './item.ts';
import { type ItemWarnings, warnAbout } from './item-warnings.ts';
import { parseDate } from './parse-date.ts';
import { readEnum, readList, readNumber } from './read-value.ts';

const TYPE_KEYS = [
  'seoDescription',
  'keywords',
  'urgency',
  'expiresAt',
  'mediaContact',
  'sessionId',
  'duration',
  'participants',
  'techniques',
  'averageImprovement',
  'achievements',
  'sessionType',
  'instructor',
] as const;

// Module-level helpers, not closures per item: this runs for every item of a document.
function textOf(values: Record<string, string>, key: string): string | undefined {
  return values[key]?.trim() || undefined;
}

function numberOf(
  values: Record<string, string>,
  key: string,
  warnings: ItemWarnings,
): number | undefined {
  const raw = textOf(values, key);
  if (raw === undefined) return undefined;
  const parsed = readNumber(raw);
  if (parsed === null) warnAbout(warnings, 'bad_number', `${key} "${raw}" is not a number`);
  return parsed ?? undefined;
}

/** Whether `values` holds a type-specific field; a loop, not `some` with a closure per item. */
function hasTypeField(values: Record<string, string>): boolean {
  for (const key of TYPE_KEYS) if (key in values) return true;
  return false;
}

/** The type-specific fields of PRODUCT.md §4; only those present are set. */
export function readTypeFields(values: Record<string, string>, warnings: ItemWarnings): TypeFields {
  const fields: TypeFields = {};
  // Most items carry none of these: skip thirteen lookups.
  if (!hasTypeField(values)) return fields;

  const seoDescription = textOf(values, 'seoDescription');
  if (seoDescription !== undefined) fields.seoDescription = seoDescription;
  const keywords = textOf(values, 'keywords');
  if (keywords !== undefined) fields.keywords = readList(keywords);
  const urgency = textOf(values, 'urgency');
  if (urgency !== undefined) {
    const parsed = readEnum(urgency, urgencies);
    if (parsed === null)
      warnAbout(
        warnings,
        'bad_urgency',
        `urgency "${urgency}" is not one of ${urgencies.join(', ')}`,
      );
    else fields.urgency = parsed;
  }
  const expiresAt = textOf(values, 'expiresAt');
  if (expiresAt !== undefined) {
    const parsed = parseDate(expiresAt);
    if (parsed === null) warnAbout(warnings, 'bad_date', `expires at "${expiresAt}" is not a date`);
    else fields.expiresAt = parsed;
  }
  const mediaContact = textOf(values, 'mediaContact');
  if (mediaContact !== undefined) fields.mediaContact = mediaContact;
  const sessionId = textOf(values, 'sessionId');
  if (sessionId !== undefined) fields.sessionId = sessionId;
  const duration = numberOf(values, 'duration', warnings);
  if (duration !== undefined) fields.durationSeconds = duration;
  const participants = numberOf(values, 'participants', warnings);
  if (participants !== undefined) fields.participants = participants;
  const techniques = textOf(values, 'techniques');
  if (techniques !== undefined) fields.techniques = readList(techniques);
  const improvement = numberOf(values, 'averageImprovement', warnings);
  if (improvement !== undefined) fields.averageImprovement = improvement;
  const achievements = textOf(values, 'achievements');
  if (achievements !== undefined) fields.achievements = readList(achievements);
  const sessionType = textOf(values, 'sessionType');
  if (sessionType !== undefined) {
    const parsed = readEnum(sessionType, sessionTypes);
    if (parsed === null)
      warnAbout(warnings, 'bad_session_type', `session type "${sessionType}" is not known`);
    else fields.sessionType = parsed;
  }
  const instructor = textOf(values, 'instructor');
  if (instructor !== undefined) fields.instructor = instructor;
  return fields;
}
