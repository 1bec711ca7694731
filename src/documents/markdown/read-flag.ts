/** `<!-- key: value -->` with any spacing; null for other lines (including comments without `:`). */
export function readFlag(line: string): { key: string; value: string } | null {
  const match = /^\s*<!--\s*([^:]*?)\s*:\s*(.*?)\s*-->\s*$/.exec(line);
  if (!match?.[1]) return null;
  // Spaces around list commas are noise: `Email , WEB` is the list email,web.
  return { key: match[1], value: (match[2] ?? '').replace(/\s*,\s*/g, ', ') };
}
