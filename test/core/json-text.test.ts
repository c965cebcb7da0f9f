import fc from 'fast-check';
import { ParseError } from '../../packages/core/src/errors.js';
import { parseJsonText } from '../../packages/core/src/json-text.js';

function parseError(text: string): ParseError {
  try {
    parseJsonText(text, 'm.json');
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

describe('parseJsonText', () => {
  it('reads the NaN and Infinity tokens Python writes', () => {
    const value = parseJsonText(
      '{"loss": NaN, "grad_norm": Infinity, "x": -Infinity, "ok": 1}',
      'f.json',
    ) as Record<string, number>;
    expect(value.loss).toBeNaN();
    expect(value.grad_norm).toBe(Infinity);
    expect(value.x).toBe(-Infinity);
    expect(value.ok).toBe(1);
  });

  it('skips a UTF-8 byte order mark', () => {
    expect(parseJsonText('\uFEFF{"a": 1}', 'f.json')).toEqual({ a: 1 });
  });

  it('names the line and column of a missing comma', () => {
    const error = parseError('{\n  "a": 1\n  "b": 2\n}');
    expect(error.location).toEqual({ file: 'm.json', line: 3, column: 3 });
    expect(error.message).toBe(
      `m.json:3:3: invalid JSON: expected ',' or '}' in an object, found "\\"b\\": 2"`,
    );
  });

  it('says when the file ends inside a value', () => {
    expect(parseError('{"a": [1, 2').message).toContain(
      "expected ',' or ']' in an array, found the end of the file",
    );
    expect(parseError('{"a": "unterminated').message).toContain('unterminated string');
    expect(parseError('').message).toContain('empty document');
  });

  it('refuses trailing content and bad tokens', () => {
    expect(parseError('{"a": 1} x').message).toContain('expected the end of the document');
    expect(parseError('{"a": nan}').location).toMatchObject({ line: 1, column: 7 });
    expect(parseError('{"a": 01}').message).toContain('m.json:1:8');
  });

  it('keeps a "__proto__" key as data', () => {
    const value = parseJsonText('{"__proto__": {"x": 1}, "a": NaN}', 'f.json') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('agrees with JSON.parse on valid JSON and only ever throws ParseError', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(parseJsonText(text, 'f.json')).toEqual(JSON.parse(text));
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseJsonText(text, 'f.json');
        } catch (error) {
          expect(error).toBeInstanceOf(ParseError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
