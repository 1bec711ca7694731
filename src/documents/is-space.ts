/**
 * True for the characters `\s` matches, which are also those `trim` removes: ASCII whitespace,
 * NBSP, the Unicode spaces and line separators, and the BOM.
 */
export function isSpace(code: number): boolean {
  // Printable ASCII (and the C1 controls) make up most of any body and none of them is a space:
  // one range test settles them before the full list below.
  if (code > 32 && code < 0xa0) return false;
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
