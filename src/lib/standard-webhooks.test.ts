import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, verifyWebhook, webhookHeaders } from './standard-webhooks.ts';

describe('Standard Webhooks signatures', () => {
  // The example of the Standard Webhooks specification's reference libraries.
  it('matches the reference vector', () => {
    const headers = webhookHeaders('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', {
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
    });
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('verifies its own signature, and refuses a tampered body, id, secret or stale timestamp', () => {
    const secret = generateWebhookSecret();
    const now = 1_700_000_000_000;
    const message = { id: 'msg_1', timestamp: now / 1000, body: '{"type":"delivery.sent"}' };
    const headers = webhookHeaders(secret, message);
    expect(verifyWebhook(secret, headers, message.body, { now })).toBe(true);
    expect(verifyWebhook(secret, headers, '{"type":"delivery.failed"}', { now })).toBe(false);
    expect(
      verifyWebhook(secret, { ...headers, 'webhook-id': 'msg_2' }, message.body, { now }),
    ).toBe(false);
    expect(verifyWebhook(generateWebhookSecret(), headers, message.body, { now })).toBe(false);
    expect(verifyWebhook(secret, headers, message.body, { now: now + 600_000 })).toBe(false);
    // Several signatures (a rotation): one valid is enough.
    const rotated = { ...headers, 'webhook-signature': `v1,AAAA ${headers['webhook-signature']}` };
    expect(verifyWebhook(secret, rotated, message.body, { now })).toBe(true);
  });
});
