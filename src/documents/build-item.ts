import { detectType } from './detect-type.ts';
import { type Item, itemTypes, type ParseWarning } from './item.ts';
import { type ItemWarnings, warnAbout } from './item-warnings.ts';
import { parseDate } from './parse-date.ts';
import type { RawItem } from './raw-item.ts';
import { readTypeFields } from './read-type-fields.ts';
import { readBoolean, readEnum, readLowerList } from './read-value.ts';

/** An item before `key` and `contentHash`, which depend on the whole document. */
export type DraftItem = Omit<Item, 'key' | 'contentHash'>;

type Values = Record<string, string>;

// Module-level helpers, not closures per item: this runs for every item of a document.
function textOf(values: Values, key: string): string | null {
  return values[key]?.trim() || null;
}

function flagOf(values: Values, key: string, fallback: boolean, warnings: ItemWarnings): boolean {
  const value = textOf(values, key);
  if (value === null) return fallback;
  const parsed = readBoolean(value);
  if (parsed === null)
    warnAbout(warnings, 'bad_boolean', `${key} "${value}" is not yes/no/true/false`);
  return parsed ?? fallback;
}

function dateOf(values: Values, key: string, warnings: ItemWarnings): string | null {
  const value = textOf(values, key);
  if (value === null) return null;
  const parsed = parseDate(value);
  if (parsed === null)
    warnAbout(warnings, 'bad_date', `${key} "${value}" is not a date we understand`);
  return parsed;
}

/** Normalises one raw item's text values; every bad value is a warning and a default. */
export function buildItem(raw: RawItem): { item: DraftItem; warnings: ParseWarning[] } {
  const warnings: ItemWarnings = { list: [], title: raw.title, line: raw.line };
  const { values } = raw;

  const typeText = textOf(values, 'type');
  let type = typeText === null ? null : readEnum(typeText, itemTypes);
  if (typeText !== null && type === null)
    warnAbout(warnings, 'bad_type', `type "${typeText}" is not known`);
  type ??= detectType(raw.title, raw.body);

  let priority = 3;
  const priorityText = textOf(values, 'priority');
  if (priorityText !== null) {
    const parsed = Number(priorityText);
    if (Number.isInteger(parsed) && parsed >= 1 && parsed <= 5) priority = parsed;
    else warnAbout(warnings, 'bad_priority', `priority "${priorityText}" is not 1–5; using 3`);
  }

  const scheduled = dateOf(values, 'scheduledFor', warnings);
  const channels = textOf(values, 'channels');
  const tags = textOf(values, 'tags');
  const template = textOf(values, 'template');
  const item: DraftItem = {
    section: raw.section,
    sectionHeading: raw.sectionHeading,
    // The schema needs a title; text such as "." leaves a strategy with nothing to use.
    title: raw.title.trim() || 'Untitled',
    body: raw.body,
    date: dateOf(values, 'date', warnings),
    type,
    priority,
    featured: flagOf(values, 'featured', false, warnings),
    published: flagOf(values, 'published', true, warnings),
    dryRun: flagOf(values, 'dryRun', false, warnings),
    channels: channels === null ? null : readLowerList(channels),
    tags: tags === null ? [] : readLowerList(tags),
    link: textOf(values, 'link'),
    callToAction: textOf(values, 'callToAction'),
    category: textOf(values, 'category'),
    // A date alone is scheduled for the start of that day in UTC: the field is always an instant.
    scheduledFor:
      scheduled !== null && scheduled.length === 10 ? `${scheduled}T00:00:00.000Z` : scheduled,
    template: template === null ? null : template.toLowerCase(),
    fields: readTypeFields(values, warnings),
    metadata: raw.metadata,
    line: raw.line,
  };
  return { item, warnings: warnings.list };
}
