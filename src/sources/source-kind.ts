import type { z } from 'zod';
import type { Strategy } from '../documents/item.ts';
import type { OutboundPolicy } from '../lib/outbound/outbound-policy.ts';

/** The text of a living document as one read returned it. */
export interface SourceDocument {
  text: string;
  /** A strategy the transport implies (JSON by content type); null = let the parser detect. */
  strategyHint: Strategy | null;
}

/** What reading may use beyond the source itself. */
export interface ReadContext {
  outbound: OutboundPolicy;
}

/**
 * One kind of living document (PRODUCT.md §2). Adding a kind (google_docs, notion) = one folder
 * under src/sources/ with a definition like this, and one line in registry.ts.
 */
export interface SourceKind<Settings extends object = object> {
  kind: string;
  /** Settings a client may set on create and PATCH (a URL, a file name). */
  settingsSchema: z.ZodType<Settings>;
  /** The document's text is kept in Toombos and replaced through sync, not fetched. */
  holdsContent: boolean;
  /** Reading may take a while or fail; it throws SourceReadError with a reason for the owner. */
  read(
    source: { settings: Settings; content: string | null },
    context: ReadContext,
  ): Promise<SourceDocument>;
}

export function defineSourceKind<Settings extends object>(
  definition: SourceKind<Settings>,
): SourceKind<Settings> {
  return definition;
}
