import { expect, test } from '@playwright/test';

test('/api/health says the process lives; /api/ready that database, schema and search are ready', async ({
  request,
}) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  // The search index may still be building right after the start.
  await expect.poll(async () => (await request.get('/api/ready')).status(), { timeout: 30_000 }).toBe(200);
  expect(await (await request.get('/api/ready')).json()).toEqual({
    status: 'ready',
    checks: { database: 'ok', migrations: 'current', instance: 'running', search: 'ready' },
  });
});

test('pages carry the security headers', async ({ request }) => {
  const response = await request.get('/wijken');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).not.toContain('unsafe-inline');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  // Served over plain http here, so no HSTS.
  expect(headers['strict-transport-security']).toBeUndefined();
});

test('the theme stylesheet carries the municipality colours', async ({ request }) => {
  const response = await request.get('/thema.css');
  expect(response.headers()['content-type']).toContain('text/css');
  expect(await response.text()).toMatch(/--ww-primary:#[0-9a-f]{6}/i);
});

test('pages load no third-party resources and break no CSP rule', async ({ page }) => {
  const foreign: string[] = [];
  const violations: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:')
      foreign.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      violations.push(message.text());
  });
  for (const path of ['/', '/wijken', '/wijken/oost', '/organisaties', '/privacy']) await page.goto(path);
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
});

test('a cross-origin POST is refused', async ({ request }) => {
  const response = await request.post('/wijken', {
    headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'a=b',
  });
  expect(response.status()).toBe(403);
});
