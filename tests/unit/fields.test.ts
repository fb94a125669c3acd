import { describe, expect, it } from 'vitest';
import { PhoneSchema, PostcodeSchema, WeeklyRuleSchema } from '#admin/schemas/fields.ts';

describe('PostcodeSchema', () => {
  it.each([
    ['2981 AB', '2981 AB'],
    ['2981ab', '2981 AB'],
    [' 2981  ab ', '2981 AB'],
  ])('normalises %j to %j', (input, expected) => {
    expect(PostcodeSchema.parse(input)).toBe(expected);
  });

  it.each(['0981 AB', '2981', '2981 A1', 'ABCD EF'])('rejects %j with a Dutch message', (input) => {
    const result = PostcodeSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Vul een postcode in zoals 2981 AB.');
  });
});

describe('PhoneSchema', () => {
  it.each(['0180-451234', '06 12345678', '0800-2000', '112', '+31 180 451234'])('accepts %j', (input) => {
    expect(PhoneSchema.safeParse(input).success).toBe(true);
  });

  it.each(['bel me', '12', '0180-45a234', ''])('rejects %j', (input) => {
    expect(PhoneSchema.safeParse(input).success).toBe(false);
  });
});

describe('WeeklyRuleSchema', () => {
  it('rejects a closing time before the opening time, on the closing field', () => {
    const result = WeeklyRuleSchema.safeParse({ days: ['ma'], opens: '12:00', closes: '09:00' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['closes']);
  });
});
