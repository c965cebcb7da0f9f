import { numberFromJson, numberToJson, parseNumber } from '../../packages/core/src/numbers.js';

describe('parseNumber', () => {
  it.each([
    ['0.93', 0.93],
    ['-1e-3', -0.001],
    ['.5', 0.5],
    ['+2', 2],
    ['  42  ', 42],
    ['1E5', 100000],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['nan', 'NaN', '-nan'])('reads %j as NaN', (text) => {
    expect(parseNumber(text)).toBeNaN();
  });

  it.each([
    ['inf', Infinity],
    ['Infinity', Infinity],
    ['-inf', -Infinity],
    ['-Infinity', -Infinity],
    ['+INF', Infinity],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['', ' ', '0x10', '1,5', '12ms', 'true', 'null', '1e', '--1', 'infinite'])('refuses %j', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });
});

describe('non-finite numbers in JSON', () => {
  it('round-trips through their string spellings', () => {
    for (const n of [NaN, Infinity, -Infinity, 0, -2.5]) {
      expect(Object.is(numberFromJson(numberToJson(n)), n)).toBe(true);
    }
    expect(numberToJson(NaN)).toBe('NaN');
    expect(numberFromJson('nan')).toBeUndefined();
  });
});
