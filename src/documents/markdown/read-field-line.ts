const FIELD_LINE = /^\s*(?:[-*+]\s+)?\*\*([^*]+?)(?::\s*\*\*|\*\*\s*:)\s*(.*)$/;

/** `- **Key:** value`, `* **Key**: value` or `**Key:** value`; null for any other line. */
export function readFieldLine(line: string): { key: string; value: string } | null {
  const match = FIELD_LINE.exec(line);
  if (!match) return null;
  return { key: (match[1] ?? '').trim(), value: (match[2] ?? '').trim() };
}
