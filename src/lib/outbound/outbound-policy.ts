/**
 * Limits for every request Toombos makes to an address a user typed in. Private, loopback and
 * link-local addresses are refused unless the host (or the address itself) is listed in
 * `allowedPrivateHosts`; the single entry `*` allows every host (for development only).
 */
export interface OutboundPolicy {
  allowedPrivateHosts: readonly string[];
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const defaultOutboundPolicy: OutboundPolicy = {
  allowedPrivateHosts: [],
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
};
