import { createHash } from 'node:crypto';

/**
 * A weak validator of a body's content: the same for every encoding of it (RFC 9110 allows that
 * for weak tags), so a browser that got the Brotli version can revalidate after a gzip one.
 */
export function weakEtag(body: Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** True when `If-None-Match` names this tag (weak comparison, `*` matches anything). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = bare(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === wanted);
}
