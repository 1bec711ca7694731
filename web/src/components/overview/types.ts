/** The fields of campaigns, deliveries, stats and readiness the overview reads (src/http/routes/*-schemas.ts). */

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

/** GET /v1/deliveries/stats: per local day in `zone`, oldest first, the last one today. */
export interface DeliveryStats {
  zone: string;
  days: Array<{
    date: string;
    sent: number;
    failed: number;
    cancelled: number;
    unknown: number;
  }>;
}

export type CheckName = 'database' | 'queue' | 'worker';

export interface Check {
  ok: boolean;
  detail: string;
}

/** The worker check also counts live workers and dates the freshest heartbeat (null: unread). */
export interface WorkerCheck extends Check {
  workers: number | null;
  lastHeartbeatAt: string | null;
}

/** GET /health/ready, with 200 (ready) and with 503 (unavailable: `failing` names the checks). */
export interface Readiness {
  status: 'ready' | 'unavailable';
  failing: string[];
  checks: { database: Check; queue: Check; worker: WorkerCheck };
}
