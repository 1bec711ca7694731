/** PRODUCT.md §4 quality score of a session from its average improvement in percent. */
export function sessionQuality(averageImprovement: number): 1 | 2 | 3 | 4 | 5 {
  if (averageImprovement > 15) return 5;
  if (averageImprovement > 10) return 4;
  if (averageImprovement > 5) return 3;
  if (averageImprovement >= 0) return 2;
  return 1;
}
