import { ConfigError, type Env } from './env.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export const listensOnLoopbackOnly = (host: string): boolean =>
  LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * The base of every link in mail and every absolute URL: SITE_URL, or, for a server that only
 * listens on this machine, its own address. A request's Host header never builds a link, so a
 * forged header cannot send a reset link to someone else's site.
 */
export function publicBaseUrl(config: Pick<Env, 'SITE_URL' | 'HOST' | 'PORT'>): string {
  if (config.SITE_URL) return config.SITE_URL.replace(/\/+$/, '');
  if (listensOnLoopbackOnly(config.HOST)) {
    const host = config.HOST.includes(':') && !config.HOST.startsWith('[') ? `[${config.HOST}]` : config.HOST;
    return `http://${host}:${config.PORT}`;
  }
  throw new ConfigError(
    `Ongeldige configuratie:\n  SITE_URL: verplicht wanneer de server op ${config.HOST} luistert ` +
      '(links in e-mails komen alleen uit de configuratie).',
  );
}
