/**
 * Case references residents and teams quote on the phone ("VR-2026-000123"). Each kind of case
 * has its own prefix, so a reference alone says where to look it up.
 */
export const REFERENCE_PREFIXES = {
  question: 'VR',
  referral: 'VW',
  volunteer: 'VL',
  matchRequest: 'AV',
  activity: 'AC',
} as const;

export type ReferenceKind = keyof typeof REFERENCE_PREFIXES;

export const referenceFor = (kind: ReferenceKind, id: number, createdAt: string): string =>
  `${REFERENCE_PREFIXES[kind]}-${createdAt.slice(0, 4)}-${String(id).padStart(6, '0')}`;
