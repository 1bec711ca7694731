export interface MockPlatformOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  apiKey?: string;
  /** How long a `timeout` title keeps the answer back. */
  hangMs?: number;
  /** How long a `slow` title keeps the answer back. */
  slowMs?: number;
}

export interface MockPlatformTiming {
  hangMs: number;
  slowMs: number;
}

export const mockPlatformDefaults = {
  port: 0,
  host: '127.0.0.1',
  apiKey: 'mock-platform-key',
  hangMs: 30_000,
  slowMs: 2_000,
} as const;
