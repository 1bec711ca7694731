/**
 * Calls `visit` with each line of `text` and its 1-based number, exactly the lines
 * `text.split('\n')` gives. The lines are cut one at a time rather than split into one array up
 * front: for a large document that array and its strings lived through the whole read, and the
 * garbage collector copied them again and again.
 */
export function forEachLine(text: string, visit: (line: string, lineNumber: number) => void): void {
  let start = 0;
  for (let lineNumber = 1; start <= text.length; lineNumber += 1) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    visit(text.slice(start, end), lineNumber);
    start = end + 1;
  }
}
