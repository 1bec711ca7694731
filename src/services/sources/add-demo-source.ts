import { readFile } from 'node:fs/promises';
import type { ReadContext } from '../../sources/source-kind.ts';
import type { ServiceContext } from '../context.ts';
import { createSource } from './create-source.ts';
import type { SourceView } from './source-view.ts';

const DEMO_DOCUMENT = new URL('../../sources/demo/stillwave-weekly.md', import.meta.url);

/**
 * The sample weekly document as a markdown source, added to a brand-new workspace on first start
 * so a newcomer sees items at once (DEMO_SOURCE=false turns it off). An ordinary source: edit,
 * sync or delete it like any other.
 */
export async function addDemoSource(
  ctx: ServiceContext,
  context: ReadContext,
): Promise<SourceView> {
  const text = await readFile(DEMO_DOCUMENT, 'utf8');
  const { source } = await createSource(
    ctx,
    { kind: 'markdown', name: 'Stillwave weekly (demo)', text, filename: 'stillwave-weekly.md' },
    context,
  );
  return source;
}
