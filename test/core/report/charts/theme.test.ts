import {
  CHART_FONT_FAMILY,
  distinctLabels,
  formatValue,
  middleEllipsis,
  slug,
  STATUS_COLORS,
  SERIES_COLORS,
  uniqueFileName,
  withAlpha,
} from '../../../../packages/core/src/report/charts/theme.js';

describe('theme helpers', () => {
  it('uses the bundled font', () => {
    expect(CHART_FONT_FAMILY).toBe('Inter');
  });

  it('has distinct colours and a blue/orange improved/regressed pair', () => {
    expect(new Set(SERIES_COLORS).size).toBe(SERIES_COLORS.length);
    expect(STATUS_COLORS.improved).toBe('#0072B2');
    expect(STATUS_COLORS.regressed).toBe('#D55E00');
  });

  it('makes safe, unique file names', () => {
    expect(slug('eval/loss')).toBe('eval-loss');
    expect(slug('F1 (macro avg)')).toBe('f1-macro-avg');
    expect(slug('☃☃')).toBe('metric');
    expect(slug('x'.repeat(100))).toHaveLength(60);
    const taken = new Set<string>();
    expect([
      uniqueFileName('curve', 'a.b', taken),
      uniqueFileName('curve', 'a/b', taken),
      uniqueFileName('curve', 'a b', taken),
    ]).toEqual(['curve-a-b.png', 'curve-a-b-2.png', 'curve-a-b-3.png']);
  });

  it('cuts long labels in the middle', () => {
    expect(middleEllipsis('short', 10)).toBe('short');
    expect(middleEllipsis('abcdefghijklmnop', 9)).toBe('abcd…mnop');
    expect([...middleEllipsis('x'.repeat(50), 20)]).toHaveLength(20);
  });

  it('keeps shortened labels distinct by showing where they differ', () => {
    const keys = Array.from({ length: 3 }, (_, i) => `eval.per_class.class_${i}.f1_score_with_a_long_name`);
    const labels = distinctLabels(keys, 30);
    expect(new Set(labels).size).toBe(3);
    labels.forEach((l, i) => expect(l).toContain(`class_${i}`));
    expect(distinctLabels(['a', 'b'], 30)).toEqual(['a', 'b']);
  });

  it('formats values with display settings', () => {
    expect(formatValue(0.123456)).toBe('0.1235');
    expect(formatValue(0.9134, { percent: true })).toBe('91.34%');
    expect(formatValue(12.5, { unit: 'ms' })).toBe('12.5 ms');
    expect(formatValue(NaN, { unit: 'ms' })).toBe('NaN');
  });

  it('adds alpha to a hex colour', () => {
    expect(withAlpha('#0072B2', 0.5)).toBe('#0072B280');
  });
});
