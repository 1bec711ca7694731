/**
 * The API shapes the Approvals and Calendar pages read (only the fields they use). Sources:
 * src/services/approvals/approval-view.ts, src/http/routes/approval-schemas.ts,
 * src/http/routes/campaign-schemas.ts, src/services/comments/comment-view.ts,
 * src/http/routes/publishing-schemas.ts, src/services/members/member-view.ts.
 */

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export interface ApproverList {
  roles: string[];
  members: string[];
}

export type StageStatus =
  | 'waiting'
  | 'active'
  | 'approved'
  | 'rejected'
  | 'changes_requested'
  | 'closed';

export type DecisionKind = 'approve' | 'reject' | 'request_changes';

export interface Decision {
  actor: string;
  decision: DecisionKind;
  comment: string | null;
  via: string;
  createdAt: string;
}

export interface Stage {
  id: string;
  position: number;
  name: string;
  origin: 'level' | 'legal';
  mode: 'all' | 'any';
  approvers: ApproverList;
  escalated: ApproverList;
  status: StageStatus;
  slaMinutes: number;
  startedAt: string | null;
  deadlineAt: string | null;
  overdue: boolean;
  escalations: number;
  remaining: number;
  decisions: Decision[];
}

export interface Round {
  id: string;
  status: string;
  statusReason: string | null;
  level: string;
  levelName: string;
  explanation: {
    summary: string;
    rule: { id: string; description: string; position: number } | null;
    reasons: string[];
    legal: { required: boolean; reasons: string[] };
  };
  submittedBy: string;
  createdAt: string;
  closedAt: string | null;
  stages: Stage[];
}

export interface Campaign {
  id: string;
  name: string;
  state: string;
  createdBy: string;
  approvalLevel: string | null;
  scheduledAt: string | null;
  /** The schedule as local time in `scheduleZone`, with its offset. */
  scheduledLocal: string | null;
  scheduleZone: string | null;
  sendBy: string | null;
  channelOffsets: Record<string, number>;
}

export interface CampaignApproval {
  campaign: Campaign;
  round: Round | null;
}

/** One entry of `GET /v1/approvals`: an active stage (without decisions) and its deadline. */
export interface QueueEntry {
  id: string;
  campaignId: string;
  campaignName: string;
  level: string;
  stage: Omit<Stage, 'decisions' | 'remaining'>;
  deadlineAt: string | null;
  overdue: boolean;
  createdAt: string;
}

export interface DraftIssue {
  severity: 'error' | 'warning' | 'info';
  code: string;
  field: string;
  message: string;
}

export type DraftContent =
  | { channel: 'email'; subject: string; preheader: string }
  | { channel: 'web'; title: string; excerpt: string }
  | { channel: string; posts: { text: string; length: number }[] };

export interface Draft {
  id: string;
  channel: string;
  target: string;
  version: number;
  content: DraftContent;
  issues: DraftIssue[];
  dryRun: boolean;
}

export interface CampaignWithDrafts extends Campaign {
  drafts: Draft[];
}

export interface Comment {
  id: string;
  campaignId: string;
  draftId: string | null;
  parentId: string | null;
  body: string;
  mentions: string[];
  author: string;
  createdAt: string;
}

export interface Member {
  id: string;
  email: string;
  name: string;
  role: string;
  labels: string[];
}

export interface Delivery {
  id: string;
  campaignId: string;
  draftId: string;
  connectionId: string;
  channel: string;
  batch: number;
  state: string;
  dueAt: string;
}

export interface Workspace {
  id: string;
  name: string;
  timeZone: string;
}
