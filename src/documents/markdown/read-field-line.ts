import { trimmedSlice } from '../trimmed-slice.ts';

const FIELD_LINE = /^\s*(?:[-*+]\s+)?\*\*([^*]+?)(?::\s*\*\*|\*\*\s*:)\s*(.*)$/;
const LIST_FIELD_START = '- **';
const LIST_FIELD_KEY_END = ':**';

/**
 * Whether `text` holds a character FIELD_LINE's `.` does not match; such a line is left to the
 * regex to judge. Four `includes` are cheaper than a regex test, as ASCII text is not searched
 * for the two non-ASCII separators at all.
 */
function hasLineBreak(text: string): boolean {
  return (
    text.includes('\n') || text.includes('\r') || text.includes('\u2028') || text.includes('\u2029')
  );
}

/**
 * The common `- **Key:** value` form, read without the regex: for such a line (a key without `*`
 * and no line break) FIELD_LINE's first try matches with exactly these parts. The regex's match
 * array and its captures were a tenth of the parser's garbage. Undefined when the line has
 * another form, which FIELD_LINE then reads.
 */
function readListField(line: string): { key: string; value: string } | undefined {
  if (!line.startsWith(LIST_FIELD_START)) return undefined;
  const keyStart = LIST_FIELD_START.length;
  const keyEnd = line.indexOf(LIST_FIELD_KEY_END, keyStart);
  // The key is one or more characters, none of them `*`.
  if (keyEnd <= keyStart || line.indexOf('*', keyStart) !== keyEnd + 1) return undefined;
  if (hasLineBreak(line)) return undefined;
  return {
    key: trimmedSlice(line, keyStart, keyEnd),
    value: trimmedSlice(line, keyEnd + LIST_FIELD_KEY_END.length, line.length),
  };
}

/** `- **Key:** value`, `* **Key**: value` or `**Key:** value`; null for any other line. */
export function readFieldLine(line: string): { key: string; value: string } | null {
  const listField = readListField(line);
  if (listField) return listField;
  const match = FIELD_LINE.exec(line);
  if (!match) return null;
  return { key: (match[1] ?? '').trim(), value: (match[2] ?? '').trim() };
}
