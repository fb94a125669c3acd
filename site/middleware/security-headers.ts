import type { MiddlewareHandler } from 'astro';

/**
 * Content-Security-Policy without 'unsafe-inline': all scripts and styles are files of our own,
 * and images (map tiles too) come from this origin only.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(options: { https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()',
  };
  if (options.https) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

/** Adds the security headers to every response the app renders. */
export const securityHeadersMiddleware: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const https = context.url.protocol === 'https:' || (process.env.SITE_URL ?? '').startsWith('https:');
  for (const [name, value] of Object.entries(securityHeaders({ https }))) {
    // A page with a personal link in its URL sends only its origin as Referer; keep that stricter policy.
    if (name === 'Referrer-Policy' && response.headers.get(name) === 'strict-origin') continue;
    response.headers.set(name, value);
  }
  return response;
};
