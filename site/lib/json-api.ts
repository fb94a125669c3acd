/**
 * Answers of the public JSON API. Open data is meant to be reused from anywhere, so it allows
 * every origin (CORS `*`, no cookies involved) and may be cached for a few minutes. The server
 * adds the ETag (and answers 304) and keeps the answer until the data changes
 * (scripts/server/app-responses.ts), as for every public page.
 */
const PUBLIC_MAX_AGE_SECONDS = 300;

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag',
};

export function openDataJson(body: unknown): Response {
  return Response.json(body, {
    headers: { ...CORS_HEADERS, 'Cache-Control': `public, max-age=${PUBLIC_MAX_AGE_SECONDS}` },
  });
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
