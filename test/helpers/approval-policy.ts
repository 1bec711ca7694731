import { expect } from 'vitest';
import { defaultPolicy } from '../../src/approvals/default-policy.ts';
import { bearer, type TestApp } from './test-app.ts';

/**
 * Gives the workspace a policy that approves every campaign without anyone (health claims still
 * add the legal stage): for tests about publishing, not approval.
 */
export async function approveEverythingAutomatically(t: TestApp, adminKey: string): Promise<void> {
  const response = await t.app.inject({
    method: 'PUT',
    url: '/v1/approval-policy',
    headers: bearer(adminKey),
    payload: {
      levels: [{ id: 'L1', name: 'Automatic', stages: [] }],
      rules: [],
      defaultLevel: 'L1',
      legalStage: defaultPolicy.legalStage,
    },
  });
  expect(response.statusCode, response.body).toBe(200);
}
