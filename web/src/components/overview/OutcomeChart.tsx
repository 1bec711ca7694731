import { useComputedColorScheme } from '@mantine/core';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { type Outcome, type OutcomeCounts, outcomes } from './deliveryOutcomes.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface ChartDay {
  label: string;
  counts: OutcomeCounts;
}

/** Each outcome's Mantine color; the CSS variables follow the color scheme. */
export const outcomeColors: Record<Outcome, string> = {
  sent: '--mantine-color-green-filled',
  failed: '--mantine-color-red-filled',
  cancelled: '--mantine-color-gray-filled',
  unknown: '--mantine-color-yellow-filled',
};

/**
 * Stacked bars of outcomes per day. The canvas is an image described by `summary`; the numbers
 * are also in the legend and the table beside it.
 */
export function OutcomeChart({ days, summary }: { days: ChartDay[]; summary: string }) {
  // The colors come from CSS variables that follow the scheme: a new scheme draws a new chart.
  const scheme = useComputedColorScheme('light');
  return <ChartCanvas key={scheme} days={days} summary={summary} />;
}

function ChartCanvas({ days, summary }: { days: ChartDay[]; summary: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const styles = getComputedStyle(document.documentElement);
    const color = (variable: string) => styles.getPropertyValue(variable).trim();
    const text = color('--mantine-color-text');
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: days.map((day) => day.label),
        datasets: outcomes.map((outcome) => ({
          label: outcome,
          data: days.map((day) => day.counts[outcome]),
          backgroundColor: color(outcomeColors[outcome]),
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { tooltip: { mode: 'index', intersect: false } },
        scales: {
          x: { stacked: true, grid: { display: false }, ticks: { color: text } },
          y: {
            stacked: true,
            beginAtZero: true,
            ticks: { color: text, precision: 0 },
            grid: { color: color('--mantine-color-default-border') },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [days]);

  return (
    <div style={{ position: 'relative', height: 240 }}>
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
