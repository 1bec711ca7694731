import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventCatalog, eventTypes, isEventType } from './catalog.ts';

const SRC = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Event types written as literals where events are built: `type: '…'`, announce(…, '…'), maps. */
function emittedLiterals(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /\btype:\s*'([a-z_]+\.[a-z_]+)'/g,
    /\b(?:announce|deliveryEvent)\([^)]*?'([a-z_]+\.[a-z_]+)'/g,
    /\b(?:approve|reject|request_changes):\s*'([a-z_]+\.[a-z_]+)'/g,
    /\beventType\s*=\s*[^;]*?'([a-z_]+\.[a-z_]+)'[^;]*?'([a-z_]+\.[a-z_]+)'/g,
  ];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    if (!/appendEvents?\(|announce\(|deliveryEvent\(|NewEvent/.test(text)) continue;
    for (const pattern of patterns)
      for (const match of text.matchAll(pattern))
        for (const type of match.slice(1)) if (type) found.set(type, file);
  }
  return found;
}

describe('event catalog', () => {
  it('has an entry for every event type the sources emit', () => {
    const literals = emittedLiterals();
    // The scan must see the well-known ones, or it is not scanning anything.
    for (const known of ['source.synced', 'campaign.created', 'delivery.sent', 'approval.granted'])
      expect(literals.has(known), known).toBe(true);
    // `webhook.test` is the body type of a webhook test message, never appended to the log.
    const notEvents = new Set(['webhook.test']);
    const missing = [...literals].filter(([type]) => !isEventType(type) && !notEvents.has(type));
    expect(missing).toEqual([]);
  });

  it('documents each type with an example its own schema accepts', () => {
    for (const type of eventTypes) {
      const definition = eventCatalog[type];
      expect(definition.summary.length, type).toBeGreaterThan(0);
      const parsed = definition.data.safeParse(definition.example);
      expect(parsed.success, `${type}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('is documented type by type in docs/events.md', () => {
    const docs = readFileSync(join(SRC, '..', 'docs', 'events.md'), 'utf8');
    const undocumented = eventTypes.filter((type) => !docs.includes(`#### \`${type}\``));
    expect(undocumented).toEqual([]);
  });

  it('rejects data of the wrong shape', () => {
    expect(eventCatalog['delivery.sent'].data.safeParse({ channel: 1 }).success).toBe(false);
    expect(eventCatalog['source.synced'].data.safeParse({}).success).toBe(false);
  });
});
