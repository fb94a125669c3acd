import type { AstroGlobal } from 'astro';

/**
 * Pages reached by a personal link (a volunteer's or organiser's own page, an answer link): the
 * token is in the URL, so the page is never cached, never indexed, and its Referer is the origin
 * only, never the path. (`no-referrer` would also empty the Origin header of its forms, which the
 * origin check then refuses.)
 */
export function protectPersonalPage(astro: Pick<AstroGlobal, 'response'>): void {
  astro.response.headers.set('Cache-Control', 'no-store');
  astro.response.headers.set('Referrer-Policy', 'strict-origin');
  astro.response.headers.set('X-Robots-Tag', 'noindex, nofollow');
}

/** The page's message for a link that cannot be used, with its status. */
export const LINK_STATUS = { unknown: 404, expired: 410, used: 410 } as const;
