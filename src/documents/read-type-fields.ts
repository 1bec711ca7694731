import { sessionTypes, type TypeFields, urgencies } from './item.ts';
import { parseDate } from './parse-date.ts';
import { readEnum, readList, readNumber } from './read-value.ts';

type Warn = (code: string, message: string) => void;

/** The type-specific fields of PRODUCT.md §4; only those present are set. */
export function readTypeFields(values: Record<string, string>, warn: Warn): TypeFields {
  const fields: TypeFields = {};
  const text = (key: string): string | undefined => values[key]?.trim() || undefined;
  const number = (key: string): number | undefined => {
    const raw = text(key);
    if (raw === undefined) return undefined;
    const parsed = readNumber(raw);
    if (parsed === null) warn('bad_number', `${key} "${raw}" is not a number`);
    return parsed ?? undefined;
  };

  const seoDescription = text('seoDescription');
  if (seoDescription !== undefined) fields.seoDescription = seoDescription;
  const keywords = text('keywords');
  if (keywords !== undefined) fields.keywords = readList(keywords);
  const urgency = text('urgency');
  if (urgency !== undefined) {
    const parsed = readEnum(urgency, urgencies);
    if (parsed === null)
      warn('bad_urgency', `urgency "${urgency}" is not one of ${urgencies.join(', ')}`);
    else fields.urgency = parsed;
  }
  const expiresAt = text('expiresAt');
  if (expiresAt !== undefined) {
    const parsed = parseDate(expiresAt);
    if (parsed === null) warn('bad_date', `expires at "${expiresAt}" is not a date`);
    else fields.expiresAt = parsed;
  }
  const mediaContact = text('mediaContact');
  if (mediaContact !== undefined) fields.mediaContact = mediaContact;
  const sessionId = text('sessionId');
  if (sessionId !== undefined) fields.sessionId = sessionId;
  const duration = number('duration');
  if (duration !== undefined) fields.durationSeconds = duration;
  const participants = number('participants');
  if (participants !== undefined) fields.participants = participants;
  const techniques = text('techniques');
  if (techniques !== undefined) fields.techniques = readList(techniques);
  const improvement = number('averageImprovement');
  if (improvement !== undefined) fields.averageImprovement = improvement;
  const achievements = text('achievements');
  if (achievements !== undefined) fields.achievements = readList(achievements);
  const sessionType = text('sessionType');
  if (sessionType !== undefined) {
    const parsed = readEnum(sessionType, sessionTypes);
    if (parsed === null) warn('bad_session_type', `session type "${sessionType}" is not known`);
    else fields.sessionType = parsed;
  }
  const instructor = text('instructor');
  if (instructor !== undefined) fields.instructor = instructor;
  return fields;
}
