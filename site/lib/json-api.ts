import { createHash } from 'node:crypto';

/**
 * Answers of the public JSON API. Open data is meant to be reused from anywhere, so it allows
 * every origin (CORS `*`, no cookies involved) and may be cached; an ETag lets a client or a
 * cache ask "still the same?" and get a 304 without the body.
 */
const PUBLIC_MAX_AGE_SECONDS = 300;

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag',
};

export function openDataJson(request: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  const headers = {
    ...CORS_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`,
    ETag: etag,
  };
  const asked = request.headers.get('if-none-match');
  if (asked && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))
    return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers });
}

export interface ApiErrorBody {
  error: { code: string; message: string; issues?: { parameter: string; message: string }[] };
}

/** A refusal in the shape every endpoint uses, with a Dutch message a developer can act on. */
export function openDataError(
  status: 400 | 404,
  code: string,
  message: string,
  issues?: { parameter: string; message: string }[],
): Response {
  const body: ApiErrorBody = { error: { code, message, ...(issues ? { issues } : {}) } };
  return Response.json(body, {
    status,
    headers: { ...CORS_HEADERS, 'Cache-Control': 'no-store' },
  });
}

/** The answer to a CORS preflight: only GET is offered. */
export function openDataPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': 'If-None-Match',
      'Access-Control-Max-Age': '86400',
    },
  });
}
