import { runComparison } from '../../../packages/core/src/compare/pipeline.js';
import { parseConfig, type DisplaySettings } from '../../../packages/core/src/config/config.js';
import { DocBuilder } from '../../../packages/core/src/doc-builder.js';
import { gateStatistics } from '../../../packages/core/src/gates/statistics.js';
import type { MetricsDoc } from '../../../packages/core/src/model.js';
import type { PredictionSet } from '../../../packages/core/src/readers/predictions.js';
import {
  DECIDING_ROWS,
  MAX_COMMENT_LENGTH,
  renderMarkdown,
} from '../../../packages/core/src/report/markdown.js';
import {
  reportMarker,
  type ChartImage,
  type ExtraSection,
  type ReportInput,
} from '../../../packages/core/src/report/model.js';
import { STAMP_ROOM, withMarkers } from '../../../packages/github/src/comments.js';

function run(metrics: Record<string, number>, file = 'metrics.json'): MetricsDoc {
  const b = new DocBuilder(file, 'json');
  for (const [k, v] of Object.entries(metrics)) b.metric(k, v);
  return b.build();
}

function input(
  head: MetricsDoc[],
  base: MetricsDoc[] | undefined,
  config: string,
  extra: Partial<ReportInput> = {},
  statistics?: ReturnType<typeof gateStatistics>,
): ReportInput {
  const parsed = parseConfig(config, '.mlci.yml');
  const comparison = runComparison({
    head: { runs: head },
    ...(base !== undefined ? { base: { runs: base, label: 'main@abc1234' } } : {}),
    config: parsed,
    ...(statistics !== undefined ? { statistics } : {}),
  });
  const displayFor = (key: string): DisplaySettings => {
    const rule = parsed.metrics.find((m) => m.selector === key);
    return rule === undefined ? {} : { ...rule };
  };
  return { id: 'mlci', comparison, head, ...(base ? { base } : {}), displayFor, charts: [], ...extra };
}

const chart = (file: string): ChartImage => ({
  file,
  alt: `${file} alt`,
  title: file,
  width: 800,
  height: 300,
});

/** 30 metrics, 12 of them regressed and 3 failing gates: far more than a first screen holds. */
function busy(extra: Partial<ReportInput> = {}): ReportInput {
  const base: Record<string, number> = {};
  const head: Record<string, number> = {};
  for (let i = 0; i < 30; i++) {
    base[`m${i}_acc`] = 0.9;
    head[`m${i}_acc`] = i < 12 ? 0.8 : 0.9;
  }
  return input(
    [run(head)],
    [run(base)],
    'gates: ["m0_acc >= 0.85", "m1_acc >= 0.85", "warn: m2_acc >= 0.85"]',
    {
      charts: [chart('change-metrics.png'), chart('curve-loss.png'), chart('curve-acc.png')],
      ...extra,
    },
  );
}

/** The lines before the first folded section: what a reviewer sees without a click. */
function firstScreen(markdown: string): string {
  const end = markdown.indexOf('<details>');
  return end < 0 ? markdown : markdown.slice(0, end);
}

describe('the first screen decides', () => {
  it('starts with the verdict, then at most 8 deciding rows, failed and warned gates first', () => {
    const { markdown } = renderMarkdown(busy());
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('## mlci report');
    expect(lines[2]).toMatch(
      /^\*\*❌ Failed\*\*: 2 of 3 gates failed \(m0_acc, m1_acc\); 1 warned \(m2_acc\)\./,
    );
    const rows = firstScreen(markdown)
      .split('\n')
      .filter((l) => /^\| (❌|⚠️|🔴|🟢)/.test(l));
    expect(rows).toHaveLength(DECIDING_ROWS);
    expect(rows.slice(0, 3).map((r) => r.split(' | ')[0])).toEqual([
      '| ❌ failed',
      '| ❌ failed',
      '| ⚠️ warning',
    ]);
    expect(rows.slice(3).every((r) => r.startsWith('| 🔴 regressed'))).toBe(true);
    // Each deciding row: value, change, interval or p, and the gate with its short reason.
    expect(rows[0]).toBe(
      '| ❌ failed | m0_acc | 0.9 | 0.8 | -0.1 (-11.1%) | — | m0_acc >= 0.85: 0.8, not ≥ 0.85 |',
    );
    expect(firstScreen(markdown)).toContain('4 more rows (gates and changes) in the tables below.');
  });

  it('shows the explaining chart (the first of the plan) before the folded tables, the others folded', () => {
    const { markdown } = renderMarkdown(busy());
    const screen = firstScreen(markdown);
    expect(screen).toContain('](change-metrics.png)');
    expect(screen).not.toContain('](curve-loss.png)');
    const more = markdown.indexOf('<details><summary>More charts: 2</summary>');
    expect(more).toBeGreaterThan(markdown.indexOf('<details><summary>Gates'));
    expect(markdown.indexOf('](curve-loss.png)')).toBeGreaterThan(more);
    expect(markdown.indexOf('](curve-acc.png)')).toBeGreaterThan(more);
  });

  it('folds every full table: gates, metrics, unchanged metrics, files read', () => {
    const { markdown } = renderMarkdown(busy());
    expect(markdown).toContain('<details><summary>Gates: 3 gates, 2 failed, 1 warned</summary>');
    expect(markdown).toContain('<details><summary>Metrics: 12 changes</summary>');
    expect(markdown).toContain('<details><summary>18 unchanged metrics</summary>');
    expect(firstScreen(markdown)).not.toContain('###');
  });

  it('says the baseline in one short line, not one path per run', () => {
    const report = busy();
    report.comparison.base!.label = 'ci/base/seed-1, ci/base/seed-2, ci/base/seed-3';
    expect(renderMarkdown(report).markdown).toContain('\nBaseline: 3 runs in ci/base\n');
    const linked = busy({
      baseline: { label: 'main@abc1234', how: 'merge base', url: 'https://github.com/o/r/commit/abc1234' },
    });
    expect(renderMarkdown(linked).markdown).toContain(
      '\nBaseline: [main@⁠abc1234 (merge base)](https://github.com/o/r/commit/abc1234)\n',
    );
  });

  it('gives a metric one display everywhere: the reason uses the columns’ percent and precision', () => {
    const report = input(
      [run({ accuracy: 0.9611111 }), run({ accuracy: 0.9611111 })],
      [run({ accuracy: 0.9555555 }), run({ accuracy: 0.9555555 })],
      [
        'gates: ["accuracy >= 0.9", "accuracy drop <= 0.03"]',
        'metrics:',
        '  accuracy: { percent: true, precision: 3 }',
      ].join('\n'),
    );
    const rows = renderMarkdown(report)
      .markdown.split('\n')
      .filter((l) => l.startsWith('| accuracy'));
    expect(rows).toContain('| accuracy >= 0.9 | accuracy | 95.6% | 96.1% | ✅ passed | 96.1% ≥ 90% |');
    expect(rows).toContain('| accuracy drop <= 0.03 | accuracy | 95.6% | 96.1% | ✅ passed | did not drop |');
    for (const row of rows) expect(row).not.toMatch(/0\.96|0\.95/);
  });

  it('keeps every reason short: no cell of a gate table repeats the values of its row', () => {
    const report = input([run({ loss: 0.432615 })], [run({ loss: 0.420015 })], 'gates: ["loss rise <= 1%"]');
    const row = renderMarkdown(report)
      .markdown.split('\n')
      .find((l) => l.startsWith('| loss rise'));
    expect(row).toBe(
      '| loss rise <= 1% | loss | 0.420015 | 0.432615 | ❌ failed | rose 3%, over the allowed 1% |',
    );
  });
});

describe('a paired test says what it compared', () => {
  const predictions = (file: string, wrong: number[]): PredictionSet => {
    const ids = Array.from({ length: 60 }, (_, i) => String(i + 1));
    return {
      file,
      ids,
      hasIds: true,
      labels: ids.map(() => 'a'),
      predictions: ids.map((_, i) => (wrong.includes(i) ? 'b' : 'a')),
      scores: new Map(),
    };
  };

  it('names one run’s predictions and their counts when the columns are means of several runs', () => {
    const statistics = gateStatistics({
      predictions: {
        base: predictions('base/seed-1/p.csv', [3, 9]),
        head: predictions('pr/seed-1/p.csv', [4, 9]),
      },
    });
    const report = input(
      [run({ accuracy: 0.96 }), run({ accuracy: 0.97 }), run({ accuracy: 0.955 })],
      [run({ accuracy: 0.95 }), run({ accuracy: 0.96 }), run({ accuracy: 0.957 })],
      [
        'gates: ["accuracy paired no significant regression at 0.05"]',
        'metrics:',
        '  accuracy: { percent: true, precision: 3 }',
      ].join('\n'),
      {},
      statistics,
    );
    const gate = report.comparison.gates[0]!;
    expect(gate.statistics?.paired).toEqual({
      examples: 60,
      measure: 'correctness (label = prediction)',
      correct: { base: 58, head: 58 },
    });
    const row = renderMarkdown(report)
      .markdown.split('\n')
      .find((l) => l.startsWith('| accuracy paired'));
    // The columns are 3-run means (95.6% → 96.2%); the test's numbers are one run's, and it says so.
    expect(row).toContain('| 95.6% | 96.2% |');
    expect(row).toContain(
      'on 60 examples of one run per side: 58 → 58 correct (96.7% → 96.7%), not the mean of the runs in the columns',
    );
  });
});

describe('the team’s own sections', () => {
  const section = (placement: ExtraSection['placement'], title: string, more: Partial<ExtraSection> = {}) =>
    ({
      placement,
      title,
      markdown: `Text of ${title.length > 10 ? 'the notes' : title}.\n\n![SHAP summary](extra-shap.png)`,
      folded: false,
      source: `docs/${title}.md`,
      images: [{ file: 'extra-shap.png', alt: 'SHAP summary' }],
      ...more,
    }) satisfies ExtraSection;

  it('go where the team said: top after the verdict, after the deciding rows, bottom before the marker', () => {
    const { markdown } = renderMarkdown(
      busy({
        extraSections: [
          section('bottom', 'Samples', { folded: true }),
          section('top', 'Note'),
          section('after-summary', 'SHAP'),
        ],
      }),
    );
    const at = (text: string) => markdown.indexOf(text);
    expect(at('### Note')).toBeGreaterThan(at('**❌ Failed**'));
    expect(at('### Note')).toBeLessThan(at('| ❌ failed'));
    expect(at('### SHAP')).toBeGreaterThan(at('](change-metrics.png)'));
    expect(at('### SHAP')).toBeLessThan(at('<details><summary>Gates'));
    expect(at('<details><summary>Samples</summary>\n\nText of Samples.')).toBeGreaterThan(at('Files read'));
    expect(markdown.endsWith(`</details>\n\n${reportMarker('mlci')}`)).toBe(true);
  });

  it('show an image at its hosted URL when it has one, and escape the title', () => {
    const hosted = section('top', '@team #12 <b>notes</b>', {
      images: [
        {
          file: 'extra-shap.png',
          url: 'https://raw.githubusercontent.com/o/r/mlci-assets/pr-7/extra-shap.png',
          alt: 'SHAP summary',
        },
      ],
    });
    const { markdown } = renderMarkdown(busy({ extraSections: [hosted] }));
    expect(markdown).toContain(
      '![SHAP summary](https://raw.githubusercontent.com/o/r/mlci-assets/pr-7/extra-shap.png)',
    );
    expect(markdown).not.toContain('](extra-shap.png)');
    expect(markdown).not.toContain('<b>');
    expect(markdown).not.toMatch(/@team|#12/);
  });

  it('are trimmed before the deciding rows, and the report says so', () => {
    const long = section('after-summary', 'Samples', { markdown: 'x '.repeat(3_000) });
    const full = renderMarkdown(busy({ extraSections: [long] }));
    const report = renderMarkdown(busy({ extraSections: [long] }), { maxLength: 4_000 });
    expect(full.omitted).toEqual([]);
    expect(report.markdown.length).toBeLessThanOrEqual(4_000);
    expect(report.omitted).toContain('the section "Samples" (docs/Samples.md)');
    expect(report.markdown).toContain('Not shown:');
    expect(report.markdown).toContain('the section "Samples" (docs/Samples.md)');
    const rows = firstScreen(report.markdown)
      .split('\n')
      .filter((l) => /^\| (❌|⚠️|🔴)/.test(l));
    expect(rows).toHaveLength(DECIDING_ROWS);
  });
});

describe('the cap counts everything', () => {
  /** Metric names of emoji (2 UTF-16 units, 1 code point) and CJK text, many enough to need trimming. */
  function wide(): ReportInput {
    const base: Record<string, number> = {};
    const head: Record<string, number> = {};
    for (let i = 0; i < 3_000; i++) {
      const key = `評価指標_${String(i).padStart(4, '0')}_🚀🧪📉_精度`;
      base[key] = 0.5;
      head[key] = i % 2 === 0 ? 0.4 : 0.6;
    }
    return input([run(head, '結果.json')], [run(base, '基準.json')], '', {
      charts: [chart('change-metrics.png')],
      extraSections: [
        {
          placement: 'top',
          title: 'メモ 🚀',
          markdown: '説明 🧪 '.repeat(2_000),
          folded: false,
          source: 'notes.md',
          images: [],
        },
      ],
    });
  }
  const codePoints = (s: string) => [...s].length;

  it('keeps the comment within 65,536 UTF-16 units and code points, marker included', () => {
    const report = renderMarkdown(wide());
    expect(report.omitted.length).toBeGreaterThan(0);
    expect(report.markdown.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(codePoints(report.markdown)).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(report.markdown.length).toBeGreaterThan(MAX_COMMENT_LENGTH - 2_000);
    expect(report.markdown.endsWith(reportMarker('mlci'))).toBe(true);
  });

  it('leaves room for the head and run markers the action adds after rendering', () => {
    const report = renderMarkdown(wide(), { maxLength: MAX_COMMENT_LENGTH - STAMP_ROOM });
    const sha256 = 'f'.repeat(64);
    const posted = withMarkers(report.markdown, reportMarker('mlci'), sha256, '2024-12-31T23:59:59Z', {
      id: Number.MAX_SAFE_INTEGER,
      attempt: 9_999_999_999,
    });
    expect(posted.length).toBeGreaterThan(report.markdown.length + 100);
    expect(posted.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(codePoints(posted)).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
  });
});
