import { fieldKey } from '../field-key.ts';
import { isSpace } from '../is-space.ts';
import type { ParseWarning } from '../item.ts';
import type { RawDocument, RawItem } from '../raw-item.ts';
import { setOwn } from '../set-own.ts';
import { forEachLine } from './for-each-line.ts';
import { readFieldLine } from './read-field-line.ts';
import { readFlag } from './read-flag.ts';
import { readSectionHeading, unescapeMarkdown } from './read-heading.ts';

// Regexes used on every line or item are compiled once here: a literal inside a function makes a
// new RegExp object each time it runs.
// Closing `#`s only count after a space (CommonMark), so `### C#` keeps its `#`.
const HEADING = /^(#{1,3})\s+(.*?)(?:\s+#+)?\s*$/;
const LEADING_BLANK_LINES = /^(?:[ \t]*\n)+/;

interface OpenItem {
  heading: string;
  line: number;
  fields: Record<string, string>;
  flags: Record<string, string>;
  metadata: Record<string, string>;
  bodyLines: string[];
}

/** True when `line` is empty or only whitespace (what `trim` would remove entirely). */
function isBlank(line: string): boolean {
  for (let index = 0; index < line.length; index += 1) {
    if (!isSpace(line.charCodeAt(index))) return false;
  }
  return true;
}

/** Body Markdown as written, without the blank lines that only separate it from what follows. */
function joinBody(lines: string[]): string {
  // Trailing blank lines are dropped before joining rather than trimmed after: `trimEnd` would
  // return a slice of the joined text, and every later pass over the body (word count, type
  // detection, hashing) reads a slice more slowly than the flat string `join` makes.
  // `lines` is the closing item's own array, dropped after this, so it is shortened in place.
  let count = lines.length;
  while (count > 0 && isBlank(lines[count - 1] ?? '')) count -= 1;
  lines.length = count;
  return lines.join('\n').replace(LEADING_BLANK_LINES, '').trimEnd();
}

/** The Markdown strategy of PRODUCT.md §3; `text` is already free of CR and BOM. */
export function parseMarkdown(text: string): RawDocument {
  const warnings: ParseWarning[] = [];
  const items: RawItem[] = [];
  let title: string | null = null;
  const documentFlags: Record<string, string> = {};
  let section = {
    key: 'general',
    heading: null as string | null,
    flags: {} as Record<string, string>,
  };
  let open: OpenItem | null = null;
  // Flags above the first `##` belong to the whole document.
  let sawSection = false;

  const close = (): void => {
    if (open === null) return;
    // Object.assign onto one fresh literal, not `{ ...a, ...b, ... }`: V8 gave every spread result
    // its own hidden class, so each later `values[key]` lookup missed its caches. All keys are
    // canonical field names (never `__proto__`), so assigning and spreading store the same.
    const values: Record<string, string> = Object.assign(
      {},
      documentFlags,
      section.flags,
      open.fields,
      open.flags,
    );
    const titleText = unescapeMarkdown(values.title ?? open.heading).trim() || 'Untitled';
    items.push({
      section: section.key,
      sectionHeading: section.heading,
      title: titleText,
      body: joinBody(open.bodyLines),
      line: open.line,
      values,
      metadata: open.metadata,
    });
    open = null;
  };

  forEachLine(text, (line, lineNumber) => {
    // Cheap first-character checks keep the regexes off the body lines that make up most text.
    const heading = line.startsWith('#') ? HEADING.exec(line) : null;
    const level = heading?.[1]?.length;
    const headingText = heading?.[2] ?? '';
    if (level === 1 && title === null && open === null) {
      title = unescapeMarkdown(headingText).trim() || null;
      return;
    }
    if (level === 2) {
      close();
      // Built as one literal (not spread) so every section object shares one hidden class.
      const { key, heading } = readSectionHeading(headingText);
      section = { key, heading, flags: {} };
      sawSection = true;
      return;
    }
    if (level === 3) {
      close();
      open = {
        heading: headingText,
        line: lineNumber,
        fields: {},
        flags: {},
        metadata: {},
        bodyLines: [],
      };
      return;
    }
    const flag = line.includes('<!--') ? readFlag(line) : null;
    if (flag) {
      const key = fieldKey(flag.key);
      if (key === null) {
        warnings.push({
          code: 'unknown_flag',
          message: `unknown flag "${flag.key}"`,
          line: lineNumber,
        });
        return;
      }
      const target = open?.flags ?? (sawSection ? section.flags : documentFlags);
      target[key] = flag.value;
      return;
    }
    if (open === null) return;
    const field = line.includes('**') ? readFieldLine(line) : null;
    if (field) {
      const key = fieldKey(field.key);
      if (key === 'content') open.bodyLines.push(field.value);
      else if (key !== null) open.fields[key] = field.value;
      else setOwn(open.metadata, field.key, field.value);
      return;
    }
    open.bodyLines.push(line);
  });
  close();
  return { title, items, warnings };
}
