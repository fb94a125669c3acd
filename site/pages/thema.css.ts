import type { APIRoute } from 'astro';
import { getMunicipality } from '../lib/site-content.ts';

/** The municipality's colours as CSS custom properties; a file, so the CSP needs no inline styles. */
export const GET: APIRoute = async () => {
  const { theme } = await getMunicipality();
  const css = `:root{--ww-primary:${theme.primaryColor};--ww-primary-dark:${theme.primaryColorDark};}\n`;
  return new Response(css, {
    headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
};
