/** The fields of campaigns, deliveries and readiness the overview reads (src/http/routes/*-schemas.ts). */

export interface Campaign {
  id: string;
  name: string;
  state: string;
  channels: string[];
  scheduledAt: string | null;
  scheduleZone: string | null;
  stateReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Delivery {
  id: string;
  campaignId: string;
  channel: string;
  state: string;
  error: { kind: string; message: string } | null;
  reason: string | null;
  updatedAt: string;
}

export type CheckName = 'database' | 'queue' | 'worker';

/** GET /health/ready, with 200 (ready) and with 503 (unavailable: `failing` names the checks). */
export interface Readiness {
  status: 'ready' | 'unavailable';
  failing: string[];
  checks: Record<CheckName, { ok: boolean; detail: string }>;
}
