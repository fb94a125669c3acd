import { expect, it } from 'vitest';
import { REFERENCE_PREFIXES, referenceFor } from '#admin/references/reference.ts';

it('gives every kind of case a prefix of its own, so a reference names one case', () => {
  const prefixes = Object.values(REFERENCE_PREFIXES);
  expect(new Set(prefixes).size).toBe(prefixes.length);
  expect(referenceFor('volunteer', 12, '2026-03-01T10:00:00Z')).toBe('VL-2026-000012');
  expect(referenceFor('referral', 12, '2026-03-01T10:00:00Z')).toBe('VW-2026-000012');
});
