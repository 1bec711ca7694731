import { markdownSource } from './markdown/index.ts';
import type { SourceKind } from './source-kind.ts';
import { urlSource } from './url/index.ts';

/**
 * Every kind of living document Toombos reads, by name. `google_docs` and `notion` come as their
 * own folders and one line each here (see source-kind.ts).
 */
export const sourceKinds = {
  markdown: markdownSource,
  url: urlSource,
} as const;

export type SourceKindName = keyof typeof sourceKinds;
export const sourceKindNames = Object.keys(sourceKinds) as [SourceKindName, ...SourceKindName[]];

export function sourceKindOf(name: string): SourceKind | undefined {
  return Object.hasOwn(sourceKinds, name)
    ? (sourceKinds[name as SourceKindName] as SourceKind)
    : undefined;
}
