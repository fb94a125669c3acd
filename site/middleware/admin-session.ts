import type { APIContext, MiddlewareHandler } from 'astro';
import { env } from '#admin/config/env.ts';
import { call } from '#admin/app/call.ts';
import { twoFactorStep } from '#admin/accounts/log-in.ts';
import { SESSION_COOKIE, sessionCookieAttributes, validateSessionToken } from '#admin/accounts/sessions.ts';

/** Back-office pages anyone may open: logging in and the links from mail. */
const OPEN_PAGES = [
  /^\/beheer\/inloggen\/?$/,
  /^\/beheer\/wachtwoord-vergeten\/?$/,
  /^\/beheer\/wachtwoord-herstellen\//,
  /^\/beheer\/uitnodiging\//,
];
/** Pages for a session whose second factor is still to come. */
const TWO_FACTOR_PAGES = /^\/beheer\/tweestapsverificatie(\/instellen)?\/?$/;

export function secureCookies(url: URL): boolean {
  const configured = env().SESSION_SECURE_COOKIE;
  if (configured !== undefined) return configured;
  return url.protocol === 'https:' || (env().SITE_URL ?? '').startsWith('https:');
}

export function setSessionCookie(context: Pick<APIContext, 'cookies' | 'url'>, token: string): void {
  context.cookies.set(SESSION_COOKIE, token, sessionCookieAttributes({ secure: secureCookies(context.url) }));
}

export function clearSessionCookie(context: Pick<APIContext, 'cookies' | 'url'>): void {
  context.cookies.delete(SESSION_COOKIE, {
    path: '/',
    secure: secureCookies(context.url),
    httpOnly: true,
    sameSite: 'lax',
  });
}

/**
 * Reads the session cookie for back-office pages and actions, and keeps people where they belong:
 * not logged in → login page; second factor missing → the two-factor step. Pages and use cases
 * still check roles and ownership themselves.
 */
export const adminSessionMiddleware: MiddlewareHandler = async (context, next) => {
  const path = context.url.pathname;
  const isAdminPage = path === '/beheer' || path.startsWith('/beheer/');
  if (!isAdminPage && !path.startsWith('/_actions/')) return next();

  const token = context.cookies.get(SESSION_COOKIE)?.value;
  const validated = token ? await call(validateSessionToken, token) : undefined;
  if (token && !validated) clearSessionCookie(context);
  if (validated) {
    context.locals.user = validated.user;
    context.locals.session = validated.session;
    const needsSecondFactor =
      !validated.session.twoFactorVerified && twoFactorStep(validated.user) !== 'done';
    if (!needsSecondFactor) context.locals.actor = validated.user;
    if (validated.extended && token) setSessionCookie(context, token);
  }

  if (isAdminPage && !OPEN_PAGES.some((pattern) => pattern.test(path))) {
    const { user, actor } = context.locals;
    if (!user)
      return context.redirect(`/beheer/inloggen?terug=${encodeURIComponent(path + context.url.search)}`, 303);
    if (!actor && !TWO_FACTOR_PAGES.test(path) && path !== '/beheer/uitloggen') {
      return context.redirect(
        user.twoFactorEnabled ? '/beheer/tweestapsverificatie' : '/beheer/tweestapsverificatie/instellen',
        303,
      );
    }
  }

  const response = await next();
  if (isAdminPage) {
    // Personal data and one-time links: never cached, never indexed.
    response.headers.set('Cache-Control', 'no-store');
    response.headers.set('X-Robots-Tag', 'noindex, nofollow');
  }
  return response;
};
