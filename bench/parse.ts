// Parser throughput: a generated ~1 MB living document with 2,000+ items, parsed repeatedly;
// median time and items/s, against a baseline in the same run: splitting the same text into
// lines and testing each against a heading regex (the floor any line-based parser pays).
import { parseDocument } from '../src/documents/parse-document.ts';

const GOAL_MEDIAN_MS = 50;
const RUNS = 15;

export function generateDocument(targetBytes = 1024 * 1024): { text: string; items: number } {
  const lines = ['# Generated living document', '<!-- channels: email, web, x -->', ''];
  let size = 0;
  let items = 0;
  for (let section = 0; size < targetBytes; section += 1) {
    lines.push(`## [S${section}] Section ${section}`, '');
    for (let index = 0; index < 25 && size < targetBytes; index += 1) {
      const day = String(1 + (index % 28)).padStart(2, '0');
      const block = [
        `### Item ${section}-${index}: a title with some words`,
        `- **Date:** 2026-11-${day}`,
        `- **Tags:** breathing, calm, item-${index % 7}`,
        `- **Priority:** ${1 + (index % 5)}`,
        `- **Content:** Paragraph ${index} of section ${section}. Slow breathing shifts heart rate patterns; longer exhales are linked with calmer states, and regular practice makes those shifts easier to reach.`,
        '',
        `A second paragraph with a [link](https://example.com/${section}/${index}) and a list:`,
        '',
        '- first point',
        '- second point',
        '',
      ];
      size += block.join('\n').length + 1;
      lines.push(...block);
      items += 1;
    }
  }
  return { text: lines.join('\n'), items };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function benchParse(write: (line: string) => void): void {
  const { text, items } = generateDocument();
  const now = new Date('2026-11-25T12:00:00Z');
  const parsed = parseDocument(text, { now });
  if (parsed.items.length !== items) {
    throw new Error(`parser returned ${parsed.items.length} items, expected ${items}`);
  }
  const heading = /^#{1,3} /;
  const baseline = () => {
    let count = 0;
    for (const line of text.split('\n')) if (heading.test(line)) count += 1;
    return count;
  };
  for (let i = 0; i < 3; i += 1) {
    parseDocument(text, { now });
    baseline();
  }
  const parseTimes = Array.from({ length: RUNS }, () => time(() => parseDocument(text, { now })));
  const baselineTimes = Array.from({ length: RUNS }, () => time(baseline));
  const parseMedian = median(parseTimes);
  const baselineMedian = median(baselineTimes);
  write(
    `parse: ${(text.length / 1024 / 1024).toFixed(2)} MB, ${items} items, ${RUNS} runs: ` +
      `median ${parseMedian.toFixed(1)} ms (${Math.round(items / (parseMedian / 1000))} items/s), ` +
      `baseline line scan ${baselineMedian.toFixed(1)} ms, ratio parse/baseline ${(parseMedian / baselineMedian).toFixed(1)}×; ` +
      `goal median < ${GOAL_MEDIAN_MS} ms: ${parseMedian < GOAL_MEDIAN_MS ? 'MET' : 'NOT MET'}`,
  );
}
