import type { Item, ItemIssue } from '../item.ts';
import { makeIssue } from './make-issue.ts';
import { checkSessionDate } from './session-date.ts';
import { sessionQuality } from './session-quality.ts';

function missing(item: Item, field: string, label: string): ItemIssue {
  return makeIssue(item, 'error', 'missing_field', field, `A session recap needs its ${label}.`);
}

/** One measured field: missing when `required` and absent, else within [min, max]. */
interface Measure {
  field: string;
  label: string;
  value: number | undefined;
  min: number;
  max: number;
  required: boolean;
}

function checkMeasure(item: Item, measure: Measure): ItemIssue[] {
  const { field, label, value, min, max } = measure;
  if (value === undefined) return measure.required ? [missing(item, field, label)] : [];
  if (value >= min && value <= max) return [];
  const message = `The ${label} is ${value}; it must be between ${min} and ${max}.`;
  return [makeIssue(item, 'error', 'out_of_range', field, message)];
}

/** PRODUCT.md §4 rules for `session` items (recaps of live group sessions). */
export function checkSession(item: Item, now: Date): ItemIssue[] {
  const fields = item.fields;
  const measures: Measure[] = [
    {
      field: 'fields.durationSeconds',
      label: 'duration in seconds',
      value: fields.durationSeconds,
      min: 1,
      max: 7200,
      required: true,
    },
    {
      field: 'fields.participants',
      label: 'number of participants',
      value: fields.participants,
      min: 1,
      max: 1000,
      required: true,
    },
    {
      field: 'fields.techniques',
      label: 'number of techniques',
      value: fields.techniques?.length,
      min: 1,
      max: 10,
      required: true,
    },
    {
      field: 'fields.achievements',
      label: 'number of achievements',
      value: fields.achievements?.length,
      min: 0,
      max: 10,
      required: false,
    },
  ];
  const issues: ItemIssue[] = [];
  if (fields.sessionId === undefined) issues.push(missing(item, 'fields.sessionId', 'session id'));
  for (const measure of measures) issues.push(...checkMeasure(item, measure));
  if (fields.averageImprovement === undefined)
    issues.push(missing(item, 'fields.averageImprovement', 'average improvement'));
  else issues.push(...checkImprovement(item, fields.averageImprovement));
  issues.push(...checkSessionKind(item));
  issues.push(...checkSessionDate(item, now));
  return issues;
}

function checkImprovement(item: Item, improvement: number): ItemIssue[] {
  const field = 'fields.averageImprovement';
  const issues = checkMeasure(item, {
    field,
    label: 'average improvement in percent',
    value: improvement,
    min: -100,
    max: 200,
    required: true,
  });
  const score = sessionQuality(improvement);
  issues.push(
    makeIssue(
      item,
      'info',
      'quality_score',
      field,
      `This session's quality score is ${score} of 5.`,
    ),
  );
  if (score === 5 && !item.featured) {
    issues.push(
      makeIssue(
        item,
        'warning',
        'top_session_not_featured',
        'featured',
        'A session with a quality score of 5 should be featured.',
      ),
    );
  }
  return issues;
}

function checkSessionKind(item: Item): ItemIssue[] {
  const { sessionType, instructor, participants } = item.fields;
  if (sessionType === undefined) return [missing(item, 'fields.sessionType', 'session type')];
  if (sessionType === 'live' && instructor === undefined)
    return [missing(item, 'fields.instructor', 'instructor, because it was a live session')];
  if (sessionType === 'workshop' && participants !== undefined && participants < 5) {
    return [
      makeIssue(
        item,
        'error',
        'workshop_too_small',
        'fields.participants',
        `A workshop needs at least 5 participants; this one had ${participants}.`,
      ),
    ];
  }
  return [];
}
