import { buildItem } from './build-item.ts';
import { checkItem } from './check-item.ts';
import { detectStrategy } from './detect-strategy.ts';
import { finishItems } from './finish-items.ts';
import { parseFreeform } from './freeform/parse-freeform.ts';
import type { ParseOptions, ParseResult, ParseWarning, Strategy } from './item.ts';
import { parseJson } from './json/parse-json.ts';
import { parseMarkdown } from './markdown/parse-markdown.ts';
import type { RawDocument } from './raw-item.ts';

function readRaw(strategy: Strategy, text: string): RawDocument {
  if (strategy === 'json') return parseJson(text.trim());
  return strategy === 'markdown' ? parseMarkdown(text) : parseFreeform(text.split('\n'));
}

/**
 * Turns a living document into items (PRODUCT.md §3). Never throws: bad parts become warnings,
 * good parts become items.
 */
export function parseDocument(text: string, options: ParseOptions = {}): ParseResult {
  // Windows editors and Google Docs exports add CRLF and a BOM; neither is content. Most text
  // has no CR at all, and looking for one is far cheaper than a regex pass over the whole text.
  const unmarked = String(text).replace(/^\uFEFF/, '');
  const clean = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  const strategy = options.strategy ?? detectStrategy(clean);
  try {
    const raw = readRaw(strategy, clean);
    const now = options.now ?? new Date();
    const finished = finishItems(raw.items.map(buildItem), now);
    const warnings: ParseWarning[] = [...raw.warnings, ...finished.warnings];
    warnings.sort((a, b) => a.line - b.line);
    const issues = finished.items.flatMap((item) => checkItem(item, now));
    return { strategy, title: raw.title, items: finished.items, warnings, issues };
  } catch (error) {
    // A parser bug must not take a whole sync down; report it like any other bad input.
    const message = error instanceof Error ? error.message : String(error);
    return {
      strategy,
      title: null,
      items: [],
      warnings: [{ code: 'internal_error', message, line: 0 }],
      issues: [],
    };
  }
}
