import { z } from 'zod';
import { itemTypes, urgencies } from '../documents/item.ts';
import { channelIds } from '../generation/channels.ts';
import { sensitiveTopicIds } from '../generation/validation/sensitive-topics.ts';

/**
 * An approval policy (PRODUCT.md §6): ordered rules on campaign facts choose a level; a level is
 * an ordered list of stages; a stage names its eligible approvers, a mode and an SLA. Stored per
 * workspace as one JSON document, validated by this schema on the way in.
 */

/** A member role (`editor`) or a workspace-defined label (`marketing`, `executive`, `legal`). */
export const approverRole = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{0,39}$/,
    'lower-case letters, digits, `_` or `-`, starting with a letter',
  );

export const approverSet = z
  .strictObject({
    roles: z.array(approverRole).max(20).default([]),
    members: z.array(z.uuid()).max(50).default([]),
  })
  .refine((set) => set.roles.length + set.members.length > 0, {
    message: 'name at least one role or member',
  });
export type ApproverSet = z.output<typeof approverSet>;

export const stageSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** `all`: every named role and member approves (in parallel); `any`: one of them suffices. */
  mode: z.enum(['all', 'any']),
  approvers: approverSet,
  /** Minutes from the stage's start until it is overdue and escalates. */
  slaMinutes: z.int().min(1).max(525_600),
});
export type StageDefinition = z.output<typeof stageSchema>;

const levelId = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'letters, digits, `_` or `-`, ≤ 20');

export const levelSchema = z.strictObject({
  id: levelId,
  name: z.string().trim().min(1).max(100),
  /** No stages = approved automatically. */
  stages: z.array(stageSchema).max(10),
});
export type LevelDefinition = z.output<typeof levelSchema>;

/** Every condition given must hold; a list matches when any of its values does. */
export const conditionSchema = z
  .strictObject({
    contentTypes: z.array(z.enum(itemTypes)).min(1).optional(),
    /** The most urgent item's priority is this or more urgent (1 = urgent). */
    highestPriorityAtMost: z.int().min(1).max(5).optional(),
    featured: z.boolean().optional(),
    urgency: z.array(z.enum(urgencies)).min(1).optional(),
    channels: z.array(z.enum(channelIds)).min(1).optional(),
    sensitiveTopics: z.array(z.enum(sensitiveTopicIds)).min(1).optional(),
    /** A digest: the campaign carries at least this many items. */
    minItems: z.int().min(1).max(10_000).optional(),
  })
  .refine((when) => Object.keys(when).length > 0, { message: 'give at least one condition' });
export type Condition = z.output<typeof conditionSchema>;

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, `_` or `-`'),
  description: z.string().trim().min(1).max(200),
  when: conditionSchema,
  level: levelId,
});
export type Rule = z.output<typeof ruleSchema>;

export const policySchema = z
  .strictObject({
    /** Ordered from the lightest to the strictest: escalation goes to the next level's approvers. */
    levels: z.array(levelSchema).min(1).max(10),
    /** Ordered: the first rule whose conditions all hold chooses the level. */
    rules: z.array(ruleSchema).max(50),
    /** The level when no rule matches. */
    defaultLevel: levelId,
    /** Added after the level's stages whenever a draft makes a health or medical claim; cannot be turned off. */
    legalStage: stageSchema,
  })
  .superRefine((policy, context) => {
    const ids = policy.levels.map((level) => level.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index)
        context.addIssue({ code: 'custom', path: ['levels', index, 'id'], message: 'is repeated' });
    });
    if (!ids.includes(policy.defaultLevel))
      context.addIssue({ code: 'custom', path: ['defaultLevel'], message: 'names no level' });
    const ruleIds = policy.rules.map((rule) => rule.id);
    policy.rules.forEach((rule, index) => {
      if (!ids.includes(rule.level))
        context.addIssue({
          code: 'custom',
          path: ['rules', index, 'level'],
          message: 'names no level',
        });
      if (ruleIds.indexOf(rule.id) !== index)
        context.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: 'is repeated' });
    });
  });
export type ApprovalPolicy = z.output<typeof policySchema>;

/** Every member id a policy names (they must be members of the workspace). */
export function policyMemberIds(policy: ApprovalPolicy): string[] {
  const stages = [...policy.levels.flatMap((level) => level.stages), policy.legalStage];
  return [...new Set(stages.flatMap((stage) => stage.approvers.members))];
}
