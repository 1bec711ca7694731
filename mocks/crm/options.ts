/** What `startMockCrm` accepts; every field has a default suited to tests. */
export interface MockCrmOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** The value every `/api/v1/*` request must send in `X-API-Key`. */
  apiKey?: string;
  /** How many subscribers to seed (`sub_001`…). */
  subscribers?: number;
  /** How long a `timeout` subject holds its (accepted) batch's response. */
  hangMs?: number;
  /** How long a `slow` subject delays its response. */
  slowMs?: number;
  logger?: boolean;
}

export type ResolvedMockCrmOptions = Required<MockCrmOptions>;

export const mockCrmDefaults: ResolvedMockCrmOptions = {
  port: 0,
  host: '127.0.0.1',
  apiKey: 'mock-crm-key',
  subscribers: 25,
  hangMs: 30_000,
  slowMs: 2_000,
  logger: false,
};

/** Fills in defaults and rejects nonsense early, before a port is opened. */
export function resolveMockCrmOptions(options: MockCrmOptions): ResolvedMockCrmOptions {
  const resolved = { ...mockCrmDefaults, ...stripUndefined(options) };
  for (const name of ['port', 'subscribers', 'hangMs', 'slowMs'] as const) {
    const value = resolved[name];
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`Mock CRM option ${name} must be a non-negative integer, got ${value}`);
  }
  if (resolved.apiKey === '') throw new Error('Mock CRM option apiKey must not be empty');
  return resolved;
}

function stripUndefined(options: MockCrmOptions): Partial<ResolvedMockCrmOptions> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<ResolvedMockCrmOptions>;
}
