import { sensitiveTopics } from '../generation/validation/sensitive-topics.ts';
import type { CampaignFacts } from './campaign-facts.ts';
import type { ApprovalPolicy, Condition, StageDefinition } from './policy.ts';

export type StageOrigin = 'level' | 'legal';

/** The level a campaign needs, its stages, and why, in words a reviewer can check. */
export interface LevelDecision {
  level: string;
  levelName: string;
  /** The rule that chose the level; null when none matched and the default applied. */
  rule: { id: string; description: string; position: number } | null;
  /** What made the rule match, item by item. */
  reasons: string[];
  legal: { required: boolean; reasons: string[] };
  stages: Array<StageDefinition & { origin: StageOrigin }>;
  summary: string;
}

const SHOWN = 3;

/** "a, b, c and 2 more": long digests must not make long explanations. */
function some(reasons: string[]): string[] {
  return reasons.length <= SHOWN
    ? reasons
    : [...reasons.slice(0, SHOWN), `and ${reasons.length - SHOWN} more`];
}

/** The reasons a condition holds, or null when it does not. */
function check(facts: CampaignFacts, when: Condition): string[] | null {
  const reasons: string[] = [];
  const hold = (found: string[]): boolean => {
    if (found.length === 0) return false;
    reasons.push(...some(found));
    return true;
  };
  const { items } = facts;
  const types = when.contentTypes;
  if (
    types &&
    !hold(
      items.filter((i) => types.includes(i.type)).map((i) => `item ${i.key} is ${article(i.type)}`),
    )
  )
    return null;
  const most = when.highestPriorityAtMost;
  if (
    most !== undefined &&
    !hold(
      items
        .filter((i) => i.priority <= most)
        .map((i) => `item ${i.key} has priority ${i.priority}`),
    )
  )
    return null;
  if (
    when.featured === true &&
    !hold(items.filter((i) => i.featured).map((i) => `item ${i.key} is featured`))
  )
    return null;
  if (when.featured === false) {
    if (items.some((i) => i.featured)) return null;
    reasons.push('no item is featured');
  }
  const urgency = when.urgency;
  if (
    urgency &&
    !hold(
      items
        .filter((i) => i.urgency !== null && urgency.includes(i.urgency))
        .map((i) => `item ${i.key} is of ${i.urgency} urgency`),
    )
  )
    return null;
  const channels = when.channels;
  if (
    channels &&
    !hold(
      facts.channels
        .filter((c) => (channels as readonly string[]).includes(c))
        .map((c) => `it goes to ${c}`),
    )
  )
    return null;
  const topics = when.sensitiveTopics;
  if (
    topics &&
    !hold(
      facts.sensitive
        .filter((f) => topics.includes(f.topic))
        .map((f) => `${sensitiveTopics[f.topic].label} in ${f.target} (${f.field})`),
    )
  )
    return null;
  if (when.minItems !== undefined) {
    if (items.length < when.minItems) return null;
    reasons.push(`it carries ${items.length} items`);
  }
  return reasons;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * The first rule whose conditions all hold chooses the level (the default level when none does);
 * a health or medical claim in any draft adds the policy's legal stage after the level's stages.
 * Pure and deterministic: the same policy and facts always give the same decision.
 */
export function computeLevel(policy: ApprovalPolicy, facts: CampaignFacts): LevelDecision {
  let chosen: LevelDecision['rule'] = null;
  let reasons: string[] = [];
  for (const [index, rule] of policy.rules.entries()) {
    const found = check(facts, rule.when);
    if (found === null) continue;
    chosen = { id: rule.id, description: rule.description, position: index + 1 };
    reasons = found;
    break;
  }
  const levelId = chosen
    ? (policy.rules[chosen.position - 1]?.level ?? policy.defaultLevel)
    : policy.defaultLevel;
  const level = policy.levels.find((candidate) => candidate.id === levelId);
  if (!level) throw new Error(`approval policy names a missing level ${levelId}`);
  const claims = facts.sensitive.filter((finding) => finding.topic === 'health_claim');
  const legalReasons = some(
    claims.map((finding) => `${finding.target} (${finding.field}): ${finding.message}`),
  );
  const stages = [
    ...level.stages.map((stage) => ({ ...stage, origin: 'level' as const })),
    ...(claims.length > 0 ? [{ ...policy.legalStage, origin: 'legal' as const }] : []),
  ];
  const why = chosen
    ? `rule ${chosen.position} "${chosen.id}" matched (${chosen.description}): ${reasons.join('; ')}`
    : 'no rule matched, so the default level applies';
  const legal =
    claims.length > 0
      ? `; the ${policy.legalStage.name} stage is added for a health or medical claim`
      : '';
  return {
    level: level.id,
    levelName: level.name,
    rule: chosen,
    reasons,
    legal: { required: claims.length > 0, reasons: legalReasons },
    stages,
    summary: `${level.id} (${level.name}) because ${why}${legal}.`,
  };
}
