import type { Delays } from './delays.ts';
import type { ResolvedMockCrmOptions } from './options.ts';
import type { MockCrmState } from './state.ts';

/** What every route module of the mock CRM needs. */
export interface MockCrmContext {
  options: ResolvedMockCrmOptions;
  state: MockCrmState;
  delays: Delays;
}
