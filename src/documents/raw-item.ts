import type { ParseWarning } from './item.ts';

/** What a strategy extracts before values are normalised: every value is still text. */
export interface RawItem {
  section: string;
  sectionHeading: string | null;
  title: string;
  body: string;
  line: number;
  /** Canonical field key → raw value, outer flags already overridden by inner ones. */
  values: Record<string, string>;
  metadata: Record<string, string>;
}

export interface RawDocument {
  title: string | null;
  items: RawItem[];
  warnings: ParseWarning[];
}
