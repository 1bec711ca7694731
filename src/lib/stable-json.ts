/**
 * JSON with object keys sorted, so two equal values always serialise to the same text. Written
 * by hand rather than with a replacer: the replacer form copied every object and dominated the
 * parser's profile (hashing every item of a 1 MB document).
 */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify(undefined) is undefined; inside arrays JSON writes null, as we do.
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const inner = record[key];
    if (inner === undefined || typeof inner === 'function') continue;
    parts.push(`${JSON.stringify(key)}:${stableJson(inner)}`);
  }
  return `{${parts.join(',')}}`;
}
