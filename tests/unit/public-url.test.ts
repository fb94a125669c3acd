import { describe, expect, it } from 'vitest';
import { ConfigError } from '#admin/config/env.ts';
import { publicBaseUrl } from '#admin/config/public-url.ts';

describe('the base of links in mail', () => {
  it('is SITE_URL when it is set', () => {
    expect(publicBaseUrl({ SITE_URL: 'https://wijkwijzer.ridderkerk.nl/', HOST: '0.0.0.0', PORT: 80 })).toBe(
      'https://wijkwijzer.ridderkerk.nl',
    );
  });

  it("is the server's own address when it listens on this machine only", () => {
    expect(publicBaseUrl({ HOST: 'localhost', PORT: 4321 })).toBe('http://localhost:4321');
    expect(publicBaseUrl({ HOST: '127.0.0.1', PORT: 4399 })).toBe('http://127.0.0.1:4399');
    expect(publicBaseUrl({ HOST: '::1', PORT: 8080 })).toBe('http://[::1]:8080');
  });

  it('is required configuration for a server that others can reach', () => {
    expect(() => publicBaseUrl({ HOST: '0.0.0.0', PORT: 4321 })).toThrow(ConfigError);
    expect(() => publicBaseUrl({ HOST: '192.168.1.10', PORT: 4321 })).toThrow(/SITE_URL/);
  });
});
