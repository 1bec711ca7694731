import type { RawDocument, RawItem } from '../raw-item.ts';

const SHORT_LINE = 80;

function isShortTitle(line: string): boolean {
  return line.length <= SHORT_LINE && !/[.]$/.test(line);
}

/** The first sentence, cut at a word boundary when a run-on sentence would make a huge title. */
function titleFromSentence(text: string): string {
  const sentence = (/^(.+?[.!?])(?:\s|$)/.exec(text)?.[1] ?? text).replace(/[.]$/, '');
  if (sentence.length <= SHORT_LINE) return sentence;
  const cut = sentence.slice(0, SHORT_LINE);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : SHORT_LINE).trimEnd()}…`;
}

/** Freeform text: blank-line blocks become items in section `notes` (PRODUCT.md §3). */
export function parseFreeform(lines: string[]): RawDocument {
  const blocks: { line: number; lines: string[] }[] = [];
  let current: { line: number; lines: string[] } | null = null;
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      current = null;
      return;
    }
    if (current === null) {
      current = { line: index + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line.trimEnd());
  });

  let title: string | null = null;
  const first = blocks[0];
  const firstLine = first?.lines[0]?.trim() ?? '';
  if (first && first.lines.length === 1 && isShortTitle(firstLine)) {
    title = firstLine;
    blocks.shift();
  }

  const items: RawItem[] = blocks.map((block) => {
    const head = block.lines[0]?.trim() ?? '';
    const titled = block.lines.length > 1 && isShortTitle(head);
    return {
      section: 'notes',
      sectionHeading: null,
      title: titled ? head : titleFromSentence(block.lines.join(' ').trim()),
      body: (titled ? block.lines.slice(1) : block.lines).join('\n').trim(),
      line: block.line,
      values: {},
      metadata: {},
    };
  });
  return { title, items, warnings: [] };
}
