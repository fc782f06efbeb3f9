import { describe, expect, it } from 'vitest';
import { groupCode, monogram } from './format';

describe('code grouping', () => {
  it.each([
    ['1234', '12 34'],
    ['ABCDE', 'AB CDE'],
    ['123456', '123 456'],
    ['1234567', '123 4567'],
    ['12345678', '1234 5678'],
    ['123456789', '123 456 789'],
    ['1234567890', '123 456 7890'],
  ])('groups %s as %s', (code, grouped) => {
    expect(groupCode(code)).toBe(grouped);
  });
});

describe('monogram', () => {
  it('takes the first letter of the issuer, else of the account, in upper case', () => {
    expect(monogram('github', 'me').letter).toBe('G');
    expect(monogram('', 'alice@example.com').letter).toBe('A');
    expect(monogram('', '').letter).toBe('?');
  });

  it('gives the same issuer the same colour whatever its case', () => {
    expect(monogram('GitHub', 'a').hue).toBe(monogram('github', 'b').hue);
  });
});
