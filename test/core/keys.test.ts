import { childKey, escapeSegment, joinKey, slashPathToKey, splitKey } from '../../packages/core/src/keys.js';
import fc from 'fast-check';

describe('metric keys', () => {
  it('joins nested names with "."', () => {
    expect(joinKey(['f1_by_geo', 'France'])).toBe('f1_by_geo.France');
    expect(childKey('', 'f1')).toBe('f1');
    expect(childKey('eval', 'f1')).toBe('eval.f1');
  });

  it('keeps a name that contains "." apart from a nested path', () => {
    expect(joinKey(['a.b'])).toBe('a\\.b');
    expect(joinKey(['a', 'b'])).toBe('a.b');
    expect(joinKey(['a.b'])).not.toBe(joinKey(['a', 'b']));
    expect(escapeSegment('back\\slash')).toBe('back\\\\slash');
  });

  it('splits a key back into the segments it was made of', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (segments) => {
        expect(splitKey(joinKey(segments))).toEqual(segments);
      }),
    );
  });

  it('turns slash paths (dvclive plot files) into dotted keys', () => {
    expect(slashPathToKey('train/loss')).toBe('train.loss');
    expect(slashPathToKey('val/top.1')).toBe('val.top\\.1');
  });
});
