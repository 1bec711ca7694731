import classes from './LengthCounter.module.css';

export type CounterSeverity = 'error' | 'warning';

/**
 * "N / limit", measured the platform's way. Past the limit (or short of a minimum) it says by how
 * much in words, not only in color, and carries `data-state` (`error` blocks, `warning` does not).
 */
export function LengthCounter({
  length,
  max,
  min,
  severity = 'error',
  testId,
  id,
}: {
  length: number;
  max: number;
  min?: number;
  severity?: CounterSeverity;
  testId?: string;
  id?: string;
}) {
  const over = length - max;
  const short = min === undefined ? 0 : min - length;
  const state = over > 0 || short > 0 ? severity : 'ok';
  const note = over > 0 ? ` — ${over} over` : short > 0 ? ` — ${short} short of ${min}` : '';
  return (
    <span className={classes.counter} data-state={state} data-testid={testId} id={id}>
      {length} / {max}
      {note}
    </span>
  );
}
