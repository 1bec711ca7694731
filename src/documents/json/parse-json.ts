import { fieldKey } from '../field-key.ts';
import type { ParseWarning } from '../item.ts';
import type { RawDocument, RawItem } from '../raw-item.ts';
import { setOwn } from '../set-own.ts';
import { slug } from '../slug.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Arrays become the comma lists the markdown strategy writes, so both share one normaliser. */
function asText(value: unknown): string {
  if (Array.isArray(value)) return value.map(asText).join(', ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

function readEntry(entry: Record<string, unknown>): RawItem | null {
  const rawTitle = entry.title ?? entry.name;
  if (typeof rawTitle !== 'string' || rawTitle.trim() === '') return null;
  const sectionText = typeof entry.section === 'string' ? entry.section.trim() : '';
  const values: Record<string, string> = {};
  const metadata: Record<string, string> = {};
  let body = '';
  for (const [name, value] of Object.entries(entry)) {
    if (name === 'section' || name === 'name' || value === null || value === undefined) continue;
    const key = fieldKey(name);
    if (key === 'content') body = asText(value).trimEnd();
    else if (key !== null && key !== 'title') values[key] = asText(value);
    else if (key === null) setOwn(metadata, name, asText(value));
  }
  return {
    section: slug(sectionText) || 'general',
    sectionHeading: sectionText || null,
    title: rawTitle.trim(),
    body,
    line: 0,
    values,
    metadata,
  };
}

/** Structured JSON: `{title?, items:[…]}` or a bare array; a malformed entry is skipped with a warning. */
export function parseJson(text: string): RawDocument {
  const warnings: ParseWarning[] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { title: null, items: [], warnings: [{ code: 'bad_json', message: reason, line: 0 }] };
  }
  const entries = Array.isArray(parsed) ? parsed : isRecord(parsed) ? parsed.items : undefined;
  if (!Array.isArray(entries)) {
    const message = 'expected an array of items or an object with an "items" array';
    return { title: null, items: [], warnings: [{ code: 'bad_json', message, line: 0 }] };
  }
  const title =
    isRecord(parsed) && typeof parsed.title === 'string' ? parsed.title.trim() || null : null;
  const items: RawItem[] = [];
  entries.forEach((entry: unknown, index) => {
    const item = isRecord(entry) ? readEntry(entry) : null;
    if (item) items.push(item);
    else
      warnings.push({
        code: 'bad_entry',
        message: `item ${index + 1} has no title; skipped`,
        line: 0,
      });
  });
  return { title, items, warnings };
}
