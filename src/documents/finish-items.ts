import * as crypto from 'node:crypto';
import { sha256Hex } from '../lib/crypto.ts';
import { stableJson } from '../lib/stable-json.ts';
import type { DraftItem } from './build-item.ts';
import type { Item, ParseWarning } from './item.ts';
import { slug } from './slug.ts';

const STALE_AFTER_MS = 90 * 24 * 60 * 60 * 1000;

/** Every field of an item except `line`, in a fixed order: the content its hash covers. */
export const HASHED = [
  'section',
  'sectionHeading',
  'title',
  'body',
  'date',
  'type',
  'priority',
  'featured',
  'published',
  'dryRun',
  'channels',
  'tags',
  'link',
  'callToAction',
  'category',
  'scheduledFor',
  'template',
  'fields',
  'metadata',
] as const satisfies readonly (keyof DraftItem)[];
// Adding a field to Item without hashing it is a type error here: an edit to it must count as a change.
type Unhashed = Exclude<keyof DraftItem, (typeof HASHED)[number] | 'line'>;
const everyFieldHashed: [Unhashed] extends [never] ? true : Unhashed = true;
void everyFieldHashed;

/**
 * SHA-256 as hex. `crypto.hash` (Node ≥ 20.12) hashes in one call, without the Hash stream object
 * `createHash` builds for every item; Node 20.11, which `engines` still allows, lacks it and gets
 * the general helper. Both give the same digest.
 */
const sha256 =
  typeof crypto.hash === 'function'
    ? (text: string): string => crypto.hash('sha256', text, 'hex')
    : sha256Hex;

/**
 * Hash of the content only (`line` moves when text above changes, which is not an edit). Native
 * JSON over a fixed order is ~4× faster than a key-sorting serialiser; only the two open records
 * need their keys sorted.
 */
function hashItem(item: DraftItem): string {
  return sha256(JSON.stringify(hashedValues(item)));
}

/**
 * The HASHED fields in HASHED's order, written out: named property reads are several times
 * faster than `HASHED.map((key) => item[key])` over 19 keys. finish-items.test.ts checks that the
 * two agree.
 */
export function hashedValues(item: DraftItem): unknown[] {
  return [
    item.section,
    item.sectionHeading,
    item.title,
    item.body,
    item.date,
    item.type,
    item.priority,
    item.featured,
    item.published,
    item.dryRun,
    item.channels,
    item.tags,
    item.link,
    item.callToAction,
    item.category,
    item.scheduledFor,
    item.template,
    recordJson(item.fields),
    recordJson(item.metadata),
  ];
}

/** `stableJson(record)`; most items have no type fields or metadata, and `{}` needs no sorting. */
function recordJson(record: object): string {
  for (const _key in record) return stableJson(record);
  return '{}';
}

/** `Date.parse(date)`, each distinct date parsed once: a document's items share a few dates. */
function timeOf(date: string, parsed: Map<string, number>): number {
  let time = parsed.get(date);
  if (time === undefined) {
    time = Date.parse(date);
    parsed.set(date, time);
  }
  return time;
}

/**
 * Document-wide rules (PRODUCT.md §3): duplicates dropped, stale items flagged but kept, and keys
 * made unique so two different items never collide on sync.
 */
export function finishItems(
  built: { item: DraftItem; warnings: ParseWarning[] }[],
  now: Date,
): { items: Item[]; warnings: ParseWarning[] } {
  const items: Item[] = [];
  const warnings: ParseWarning[] = [];
  // Title → bodies seen under it: duplicate detection without building a title+body string per item.
  const seenBodies = new Map<string, string[]>();
  const usedKeys = new Set<string>();
  // Many items share a section: slug each section once.
  const sectionSlugs = new Map<string, string>();
  const dateTimes = new Map<string, number>();
  for (const { item: draft, warnings: itemWarnings } of built) {
    const title = draft.title.trim();
    const body = draft.body.trim();
    const bodies = seenBodies.get(title);
    if (bodies?.includes(body)) {
      warnings.push(...itemWarnings, {
        code: 'duplicate',
        message: `"${draft.title}" repeats an earlier item with the same title and body; dropped`,
        line: draft.line,
      });
      continue;
    }
    if (bodies) bodies.push(body);
    else seenBodies.set(title, [body]);

    let sectionSlug = sectionSlugs.get(draft.section);
    if (sectionSlug === undefined) {
      sectionSlug = slug(draft.section) || 'section';
      sectionSlugs.set(draft.section, sectionSlug);
    }
    const base = `${sectionSlug}/${slug(draft.title) || 'item'}`;
    let key = base;
    for (let n = 2; usedKeys.has(key); n += 1) key = `${base}-${n}`;
    usedKeys.add(key);
    // Tie the item's own warnings to its key, so a UI can show them next to the item.
    for (const warning of itemWarnings) warnings.push({ ...warning, itemKey: key });

    if (draft.date !== null && now.getTime() - timeOf(draft.date, dateTimes) > STALE_AFTER_MS) {
      warnings.push({
        code: 'stale',
        message: `"${draft.title}" is dated ${draft.date}, more than 90 days ago`,
        line: draft.line,
        itemKey: key,
      });
    }
    // Completed in place rather than spread into a copy: copying a 20-field object per item was a
    // fifth of this function's time. The drafts are ours and not used after this.
    const item = draft as Item;
    item.key = key;
    item.contentHash = hashItem(draft);
    items.push(item);
  }
  return { items, warnings };
}
