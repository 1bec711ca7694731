import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { channels } from '../generation/channels.ts';
import type { DraftContent } from '../generation/draft.ts';
import type { ChannelAdapter, ChannelCall } from './define-channel.ts';
import type { OutgoingMessage } from './outgoing-message.ts';
import { OutcomeUnknownError, PublishError } from './publish-error.ts';

/** A call and a message that make the fake destination play one failure. */
export interface ChannelScenario<Config, Credentials> {
  call: ChannelCall<Config, Credentials>;
  message: OutgoingMessage;
}

/**
 * What an adapter's contract test supplies: a working call against its fake destination (a real
 * HTTP server on loopback, or a real database for the sandbox), a message builder, and the
 * failures that destination can play. A missing scenario shows up as a skipped case.
 */
export interface ChannelHarness<Config, Credentials> {
  call(): ChannelCall<Config, Credentials>;
  /** A valid message with a fresh delivery id and idempotency key on every call. */
  message(overrides?: Partial<OutgoingMessage>): OutgoingMessage;
  /** Every remote id the destination holds, to count what a case created. */
  remoteIds?(): Promise<string[]>;
  /** Credentials the destination refuses. */
  expiredAuth?(): ChannelScenario<Config, Credentials>;
  /** The destination answers 429 with a `Retry-After`. */
  rateLimited?(): ChannelScenario<Config, Credentials>;
  /** The destination answers 5xx. */
  serverError?(): ChannelScenario<Config, Credentials>;
  /** The destination stores the message, then answers after the call's timeout. */
  timeout?(): ChannelScenario<Config, Credentials>;
}

/**
 * For adapters that never touch the database (everything but the sandbox): every use of it fails
 * loudly instead of passing a half-built handle around.
 */
export const noDatabase = new Proxy(
  {},
  {
    get() {
      throw new Error('This adapter must not use the database.');
    },
  },
) as Db;

/** The shared contract every adapter passes (ARCHITECTURE.md principle 3). */
export function describeChannel<Config, Credentials>(
  adapter: ChannelAdapter<Config, Credentials>,
  harness: ChannelHarness<Config, Credentials>,
): void {
  const ids = async () => (harness.remoteIds ? await harness.remoteIds() : []);
  const play = (scenario: (() => ChannelScenario<Config, Credentials>) | undefined) => {
    if (!scenario) throw new Error('a skipped case ran');
    return scenario();
  };
  const publishFails = (scenario: ChannelScenario<Config, Credentials>) =>
    failure(adapter.publish(scenario.call, scenario.message));

  describe(`channel contract: ${adapter.id}`, () => {
    it('publishes a valid message, records the remote id and finds it by status', async () => {
      const message = harness.message();
      const receipt = await adapter.publish(harness.call(), message);
      expect(receipt.remoteId).toMatch(/\S/);
      if (harness.remoteIds) expect(await harness.remoteIds()).toContain(receipt.remoteId);
      expect(await adapter.status(harness.call(), message)).toEqual({ found: true, ...receipt });
    });

    it('rejects input over the channel limit with a readable message, sending nothing', async () => {
      const valid = harness.message();
      const before = await ids();
      const error = await failure(
        adapter.publish(harness.call(), { ...valid, content: overLimit(valid.content) }),
      );
      expect(error).toBeInstanceOf(PublishError);
      expect(error).toMatchObject({ kind: 'rejected', message: expect.stringMatching(/limit/) });
      expect(await ids()).toEqual(before);
    });

    it.skipIf(!harness.expiredAuth)('maps refused credentials to auth_expired', async () => {
      const error = await publishFails(play(harness.expiredAuth));
      expect(error).toBeInstanceOf(PublishError);
      expect(error).toMatchObject({ kind: 'auth_expired' });
    });

    it.skipIf(!harness.rateLimited)('maps 429 to rate_limited with its retry-after', async () => {
      const error = await publishFails(play(harness.rateLimited));
      expect(error).toBeInstanceOf(PublishError);
      expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: expect.any(Number) });
      expect((error as PublishError).retryAfterMs).toBeGreaterThan(0);
    });

    it.skipIf(!harness.serverError)('maps a server failure to transient', async () => {
      const error = await publishFails(play(harness.serverError));
      expect(error).toBeInstanceOf(PublishError);
      expect(error).toMatchObject({ kind: 'transient' });
    });

    it.skipIf(!harness.timeout)(
      'reports a timeout as unknown; status finds what it created',
      async () => {
        const scenario = play(harness.timeout);
        const before = await ids();
        expect(await publishFails(scenario)).toBeInstanceOf(OutcomeUnknownError);
        const lookup = await adapter.status(harness.call(), scenario.message);
        expect(lookup).toMatchObject({ found: true, remoteId: expect.stringMatching(/\S/) });
        if (harness.remoteIds && lookup.found) {
          const created = (await ids()).filter((id) => !before.includes(id));
          expect(created).toEqual([lookup.remoteId]);
        }
      },
    );

    it('says found: false for a key it never sent', async () => {
      expect(await adapter.status(harness.call(), harness.message())).toEqual({ found: false });
    });

    it.skipIf(!adapter.publishMany)(
      'publishMany answers each message, in order, as publish would',
      async () => {
        if (!adapter.publishMany) throw new Error('a skipped case ran');
        const fresh = harness.message();
        const tooLong = harness.message();
        const repeat = harness.message();
        const earlier = await adapter.publish(harness.call(), repeat);
        const before = await ids();
        const results = await adapter.publishMany(harness.call(), [
          fresh,
          { ...tooLong, content: overLimit(tooLong.content) },
          repeat,
        ]);
        expect(results).toHaveLength(3);
        const [sent, refused, repeated] = results;
        if (sent?.kind !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(sent)}`);
        expect(await adapter.status(harness.call(), fresh)).toEqual({
          found: true,
          ...sent.receipt,
        });
        expect(refused).toMatchObject({ kind: 'error' });
        expect(refused?.kind === 'error' && refused.error).toBeInstanceOf(PublishError);
        expect(refused?.kind === 'error' && refused.error).toMatchObject({ kind: 'rejected' });
        expect(await adapter.status(harness.call(), tooLong)).toEqual({ found: false });
        expect(repeated).toEqual({ kind: 'sent', receipt: earlier });
        if (harness.remoteIds) expect((await ids()).length).toBe(before.length + 1);
      },
    );

    it('creates one remote object for two publishes with the same idempotency key', async () => {
      const message = harness.message();
      const before = await ids();
      const first = await adapter.publish(harness.call(), message);
      const second = await adapter.publish(harness.call(), message);
      expect(second).toEqual(first);
      if (harness.remoteIds) expect((await ids()).length).toBe(before.length + 1);
    });
  });
}

/** What a promise rejected with; fails the test when it resolved. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a failure, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

/** The same content, one character past the channel's hard limit. */
function overLimit(content: DraftContent): DraftContent {
  if (content.channel === 'email')
    return { ...content, subject: 'S'.repeat(channels.email.limits.subjectMax + 1) };
  if (content.channel === 'web')
    return { ...content, title: 'T'.repeat(channels.web.limits.titleMax + 1) };
  const length = channels[content.channel].limits.maxLength + 1;
  return { ...content, posts: [{ text: 'a'.repeat(length), length }] };
}
