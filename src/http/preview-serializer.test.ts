import { describe, expect, it } from 'vitest';
import { createDraftCache } from '../generation/draft-cache.ts';
import { generateDrafts } from '../generation/generate-drafts.ts';
import { fixtureItems, testInput } from '../generation/test-input.ts';
import type { PreviewResult } from '../services/generation/preview-drafts.ts';
import { previewSerializerCompiler } from './preview-serializer.ts';
import { problemSchema } from './problem-schema.ts';
import { compileSerializer } from './response-serializer.ts';
import { previewResultSchema } from './routes/generation-schemas.ts';

const channels = ['email', 'web', 'x', 'bluesky'] as const;

async function preview(cache = createDraftCache({ maxEntries: 10 })): Promise<PreviewResult> {
  const items = fixtureItems('stillwave-weekly.md');
  const result = await generateDrafts(testInput(items), channels, { cache });
  return { ...result, itemKeys: items.map((item) => item.key), warnings: [] };
}

function compile(httpStatus: string): (data: unknown) => string {
  return previewSerializerCompiler({
    schema: httpStatus === '200' ? previewResultSchema : problemSchema,
    method: 'POST',
    url: '/v1/preview',
    httpStatus,
  });
}

describe('previewSerializerCompiler', () => {
  it('writes the same bytes as the plain schema serializer, first and remembered', async () => {
    const cache = createDraftCache({ maxEntries: 10 });
    const write = compile('200');
    const plain = compileSerializer(previewResultSchema);
    const first = await preview(cache);
    const again = await preview(cache);
    expect(again.drafts[0]).toBe(first.drafts[0]);
    for (const result of [first, again, first]) {
      const written = write(result) as unknown as Buffer;
      expect(Buffer.isBuffer(written)).toBe(true);
      expect(written.toString('utf8')).toBe(plain(result));
      expect(JSON.parse(written.toString('utf8')).drafts).toHaveLength(first.drafts.length);
    }
  });

  it('drops fields the schema does not declare, and handles no drafts at all', async () => {
    const result = await preview();
    const [draft] = result.drafts;
    if (!draft) throw new Error('no draft');
    const leaky = { ...result, secret: 's', drafts: [{ ...draft, secret: 's' }] };
    const written = (compile('200')(leaky) as unknown as Buffer).toString('utf8');
    expect(written).not.toContain('"secret"');
    const empty = { drafts: [], skipped: [], itemKeys: [], warnings: [] };
    expect(JSON.parse((compile('200')(empty) as unknown as Buffer).toString('utf8'))).toEqual(
      empty,
    );
  });

  it('leaves other statuses to the ordinary serializer', () => {
    const problem = { type: 'about:blank', title: 'Bad', status: 400, detail: 'No.', code: 'bad' };
    const written = compile('400')(problem);
    expect(typeof written).toBe('string');
    expect(JSON.parse(written)).toMatchObject(problem);
  });
});
