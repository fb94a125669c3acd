import { expect, it } from 'vitest';
import { isUuid, uuidV5 } from '#admin/open-data/identifiers.ts';

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

it('makes RFC 9562 version 5 UUIDs: the same name in the same namespace, the same id', () => {
  // The RFC's own example: "www.example.com" in the DNS namespace.
  expect(uuidV5(DNS, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  expect(uuidV5(DNS, 'www.example.com')).toBe(uuidV5(DNS.toUpperCase(), 'www.example.com'));
  expect(uuidV5(DNS, 'schedule:1')).not.toBe(uuidV5(DNS, 'schedule:2'));
  expect(isUuid(uuidV5(DNS, 'ü'))).toBe(true);
  expect(() => uuidV5('geen-uuid', 'x')).toThrow(TypeError);
});
