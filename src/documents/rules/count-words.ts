/** Words as an editor counts them: runs of non-space characters, Markdown marks included. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}
