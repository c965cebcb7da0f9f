import { isGlob, matchKeys, suggestKeys } from '../../../packages/core/src/gates/match.js';

const KEYS = [
  'eval.val.f1',
  'eval.test.f1',
  'eval.test.sub.f1',
  'train.loss',
  'top\\.1',
  'delivery_count\\.agent_0',
  'f1',
];

describe('selecting metrics', () => {
  it('matches an exact key only', () => {
    expect(matchKeys('f1', KEYS)).toEqual(['f1']);
    expect(matchKeys('eval', KEYS)).toEqual([]);
  });

  it('keeps * within a segment and lets ** cross segments', () => {
    expect(matchKeys('eval.*.f1', KEYS)).toEqual(['eval.test.f1', 'eval.val.f1']);
    expect(matchKeys('eval.**.f1', KEYS)).toEqual(['eval.test.f1', 'eval.test.sub.f1', 'eval.val.f1']);
    expect(matchKeys('**f1', KEYS)).toEqual(['eval.test.f1', 'eval.test.sub.f1', 'eval.val.f1', 'f1']);
  });

  it('treats an escaped dot as part of a name', () => {
    expect(isGlob('delivery_count\\.agent_0')).toBe(false);
    expect(matchKeys('delivery_count\\.agent_0', KEYS)).toEqual(['delivery_count\\.agent_0']);
    expect(matchKeys('*_count\\.agent_?', KEYS)).toEqual(['delivery_count\\.agent_0']);
    expect(matchKeys('top*', KEYS)).toEqual(['top\\.1']);
  });

  it('suggests close keys for a typo', () => {
    expect(suggestKeys('trian.loss', KEYS)).toEqual(['train.loss']);
    expect(suggestKeys('zzzzzzzz', KEYS)).toEqual([]);
  });
});
