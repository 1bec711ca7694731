import { detectType } from './detect-type.ts';
import { type Item, itemTypes, type ParseWarning } from './item.ts';
import { parseDate } from './parse-date.ts';
import type { RawItem } from './raw-item.ts';
import { readTypeFields } from './read-type-fields.ts';
import { readBoolean, readEnum, readLowerList } from './read-value.ts';

/** An item before `key` and `contentHash`, which depend on the whole document. */
export type DraftItem = Omit<Item, 'key' | 'contentHash'>;

/** Normalises one raw item's text values; every bad value is a warning and a default. */
export function buildItem(raw: RawItem): { item: DraftItem; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = [];
  const warn = (code: string, message: string): void => {
    warnings.push({ code, message: `${raw.title}: ${message}`, line: raw.line });
  };
  const { values } = raw;
  const text = (key: string): string | null => values[key]?.trim() || null;
  const flag = (key: string, fallback: boolean): boolean => {
    const value = text(key);
    if (value === null) return fallback;
    const parsed = readBoolean(value);
    if (parsed === null) warn('bad_boolean', `${key} "${value}" is not yes/no/true/false`);
    return parsed ?? fallback;
  };
  const date = (key: string): string | null => {
    const value = text(key);
    if (value === null) return null;
    const parsed = parseDate(value);
    if (parsed === null) warn('bad_date', `${key} "${value}" is not a date we understand`);
    return parsed;
  };

  const typeText = text('type');
  let type = typeText === null ? null : readEnum(typeText, itemTypes);
  if (typeText !== null && type === null) warn('bad_type', `type "${typeText}" is not known`);
  type ??= detectType(`${raw.title}\n${raw.body}`);

  let priority = 3;
  const priorityText = text('priority');
  if (priorityText !== null) {
    const parsed = Number(priorityText);
    if (Number.isInteger(parsed) && parsed >= 1 && parsed <= 5) priority = parsed;
    else warn('bad_priority', `priority "${priorityText}" is not 1–5; using 3`);
  }

  const scheduled = date('scheduledFor');
  const channels = text('channels');
  const tags = text('tags');
  const template = text('template');
  const item: DraftItem = {
    section: raw.section,
    sectionHeading: raw.sectionHeading,
    // The schema needs a title; text such as "." leaves a strategy with nothing to use.
    title: raw.title.trim() || 'Untitled',
    body: raw.body,
    date: date('date'),
    type,
    priority,
    featured: flag('featured', false),
    published: flag('published', true),
    dryRun: flag('dryRun', false),
    channels: channels === null ? null : readLowerList(channels),
    tags: tags === null ? [] : readLowerList(tags),
    link: text('link'),
    callToAction: text('callToAction'),
    category: text('category'),
    // A date alone is scheduled for the start of that day in UTC: the field is always an instant.
    scheduledFor:
      scheduled !== null && scheduled.length === 10 ? `${scheduled}T00:00:00.000Z` : scheduled,
    template: template === null ? null : template.toLowerCase(),
    fields: readTypeFields(values, warn),
    metadata: raw.metadata,
    line: raw.line,
  };
  return { item, warnings };
}
