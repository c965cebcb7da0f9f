import { runComparison } from '../../../packages/core/src/compare/pipeline.js';
import { emptyConfig } from '../../../packages/core/src/config/config.js';
import { parseGate } from '../../../packages/core/src/gates/parse.js';
import { emptyDoc } from '../../../packages/core/src/model.js';
import {
  matrixVerdict,
  renderMatrixMarkdown,
  type MatrixVariant,
} from '../../../packages/core/src/report/matrix.js';

function variant(name: string, head: Record<string, number>, base?: Record<string, number>): MatrixVariant {
  const comparison = runComparison({
    head: { runs: [{ ...emptyDoc(), metrics: head }] },
    ...(base ? { base: { runs: [{ ...emptyDoc(), metrics: base }], label: 'main@abc1234' } } : {}),
    config: emptyConfig(),
    extraGates: [parseGate('accuracy drop <= 0.01', 'g1'), parseGate('loss finite', 'g2')],
  });
  return {
    name,
    comparison,
    charts: [
      {
        file: 'change-metrics.png',
        url: 'https://example.com/c.png',
        alt: 'changes',
        title: 'c',
        width: 800,
        height: 400,
      },
    ],
  };
}

const BASE = { accuracy: 0.9, loss: 0.3, f1: 0.8 };

describe('one comment for a matrix of jobs', () => {
  it('shows each job as a column under the worst verdict, regressions first', () => {
    const report = renderMatrixMarkdown({
      id: 'mlci',
      title: 'Sweep',
      variants: [
        variant('lr=0.1', { accuracy: 0.85, loss: 0.35, f1: 0.8 }, BASE),
        variant('lr=0.01', { accuracy: 0.91, loss: 0.29, f1: 0.8 }, BASE),
      ],
    });
    const md = report.markdown;
    expect(md.startsWith('## Sweep\n\n**❌ Failed**: 1 of 2 matrix jobs failed (lr=0.1).')).toBe(true);
    expect(md).toContain('| gate | lr=0.1 | lr=0.01 |');
    expect(md).toContain('| accuracy drop <= 0.01 | ❌ 0.85 | ✅ 0.91 |');
    expect(md).toContain('| metric | lr=0.1 | lr=0.01 |');
    const metricLines = md.split('\n').filter((l) => /^\| (accuracy|loss|f1) \|/.test(l));
    expect(metricLines[0]).toBe('| accuracy | 0.85 (-5.56%) 🔴 | 0.91 (+1.11%) 🟢 |');
    expect(md).toContain('<details><summary>1 metric unchanged in every job</summary>');
    expect(md).toContain('<details><summary>Charts: lr=0.1</summary>');
    expect(md.endsWith('<!-- mlci-report id="mlci" -->')).toBe(true);
    expect(report.omitted).toEqual([]);
  });

  it('decides the verdict from the worst job; no baseline anywhere is "no baseline"', () => {
    const passed = variant('a', { accuracy: 0.95, loss: 0.2 }, BASE);
    const none = variant('b', { accuracy: 0.95, loss: 0.2 });
    expect(matrixVerdict([passed, passed])).toBe('passed');
    expect(matrixVerdict([passed, none])).toBe('passed-with-warnings');
    expect(matrixVerdict([none, none])).toBe('no-baseline');
    expect(matrixVerdict([none, variant('c', { accuracy: 0.5, loss: 0.2 }, BASE)])).toBe('failed');
  });

  it('escapes job names and metric keys, and trims to the limit with a notice', () => {
    const many: Record<string, number> = { accuracy: 0.9, loss: 0.3 };
    for (let i = 0; i < 3000; i++) many[`eval.class_${i}.f1`] = i / 3000;
    const shifted = Object.fromEntries(Object.entries(many).map(([k, v]) => [k, v + 0.01]));
    const report = renderMatrixMarkdown({
      id: 'mlci',
      variants: [variant('@octocat <b>|x', shifted, many), variant('b', many, many)],
    });
    expect(report.markdown.length).toBeLessThanOrEqual(65_536);
    expect(report.markdown).not.toContain('@octocat');
    expect(report.markdown).not.toContain('<b>');
    expect(report.omitted.join(' ')).toMatch(/metric rows/);
    expect(report.markdown).toContain('> Shortened to fit a comment');
    expect(report.markdown.endsWith('<!-- mlci-report id="mlci" -->')).toBe(true);
  });
});
