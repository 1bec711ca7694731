/**
 * Security headers, computed once (@fastify/helmet rebuilt and re-parsed its policy on every
 * request: 14% of a trivial route's CPU in our bench). JSON answers get the short set OWASP's REST
 * Security Cheat Sheet recommends for APIs; HTML pages (/docs, /setup) get a page policy that
 * allows their inline bootstrap script and styles. HSTS and upgrade-insecure-requests only over
 * https: on http://localhost they would break every asset.
 */
export interface SecurityHeaders {
  api: Record<string, string>;
  page: Record<string, string>;
}

export function securityHeaders({ https }: { https: boolean }): SecurityHeaders {
  const common = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
  const pagePolicy = [
    "default-src 'self'",
    "base-uri 'self'",
    "font-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'self'",
    // Brand logos and images in previews come from the brand's own https sites.
    "img-src 'self' data: https:",
    "object-src 'none'",
    "script-src 'self' 'unsafe-inline'",
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join(';');
  return {
    api: {
      ...common,
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-frame-options': 'DENY',
    },
    page: {
      ...common,
      'content-security-policy': pagePolicy,
      'x-frame-options': 'SAMEORIGIN',
      'cross-origin-opener-policy': 'same-origin',
    },
  };
}
