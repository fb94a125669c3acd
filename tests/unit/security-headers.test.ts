import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '#site/middleware/security-headers.ts';

describe('security headers', () => {
  it('allows no inline script or style and no framing', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('allows images (map tiles too) only from this origin', () => {
    expect(contentSecurityPolicy()).toContain("img-src 'self' data:;");
  });

  it('sends HSTS only over https', () => {
    expect(securityHeaders({ https: false })['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders({ https: true })['Strict-Transport-Security']).toMatch(/max-age=\d+/);
    expect(securityHeaders({ https: false })['X-Content-Type-Options']).toBe('nosniff');
  });
});
