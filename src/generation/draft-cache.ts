import { sha256Hex } from '../lib/crypto.ts';
import { stableJson } from '../lib/stable-json.ts';
import type { ChannelId } from './channels.ts';
import type { Draft } from './draft.ts';
import type { GenerationInput } from './generation-input.ts';

/**
 * Generation is a pure function of its input, so a channel's drafts can be remembered by a hash
 * of everything that shapes them: items (keys and content hashes), tone, brand, template and
 * options. A dashboard re-previewing an unchanged document, or one edited item away, gets the
 * unchanged channels back at once. Bounded by entries; the oldest is dropped first.
 * Cached drafts are shared: callers must not mutate them.
 */
export interface DraftCache {
  key(input: GenerationInput, channel: ChannelId, items: GenerationInput['items']): string;
  get(key: string): Draft[] | undefined;
  set(key: string, drafts: Draft[]): void;
}

export function createDraftCache({ maxEntries }: { maxEntries: number }): DraftCache {
  const entries = new Map<string, Draft[]>();
  // The non-item part of the key is the same for every channel of one input object.
  const settingsHashes = new WeakMap<GenerationInput, string>();
  return {
    key(input, channel, items) {
      let settings = settingsHashes.get(input);
      if (settings === undefined) {
        const { items: _items, ...rest } = input;
        settings = sha256Hex(stableJson(rest));
        settingsHashes.set(input, settings);
      }
      const itemPart = items.map((item) => `${item.key}:${item.contentHash}`).join('\n');
      return sha256Hex(`${channel}\n${settings}\n${itemPart}`);
    },
    get(key) {
      const drafts = entries.get(key);
      if (drafts !== undefined) {
        // Refresh its place: Map order is insertion order, so the first key is the least recent.
        entries.delete(key);
        entries.set(key, drafts);
      }
      return drafts;
    },
    set(key, drafts) {
      if (entries.size >= maxEntries && !entries.has(key)) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, drafts);
    },
  };
}
