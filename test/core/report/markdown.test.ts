import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { runComparison } from '../../../packages/core/src/compare/pipeline.js';
import { parseConfig, type DisplaySettings } from '../../../packages/core/src/config/config.js';
import { DocBuilder } from '../../../packages/core/src/doc-builder.js';
import type { GateResult } from '../../../packages/core/src/gates/types.js';
import type { MetricsDoc, ParamValue } from '../../../packages/core/src/model.js';
import { WORD_JOINER } from '../../../packages/core/src/report/escape.js';
import {
  formatDuration,
  MAX_COMMENT_LENGTH,
  renderMarkdown,
} from '../../../packages/core/src/report/markdown.js';
import { reportMarker, type ChartImage, type ReportInput } from '../../../packages/core/src/report/model.js';

function run(
  metrics: Record<string, number>,
  params: Record<string, ParamValue> = {},
  file = 'metrics.json',
): MetricsDoc {
  const b = new DocBuilder(file, 'json');
  for (const [k, v] of Object.entries(metrics)) b.metric(k, v);
  for (const [k, v] of Object.entries(params)) b.param(k, v);
  return b.build();
}

interface Scenario {
  head: MetricsDoc[];
  base?: MetricsDoc[];
  config?: string;
  expectBaseline?: boolean;
  extra?: Partial<ReportInput>;
}

/** A report input built by the real pipeline: readers' model -> gates -> comparison. */
function reportInput({ head, base, config = '', expectBaseline, extra = {} }: Scenario): ReportInput {
  const parsed = parseConfig(config, '.mlci.yml');
  const comparison = runComparison({
    head: { runs: head },
    ...(base !== undefined ? { base: { runs: base, label: 'main@abc1234' } } : {}),
    config: parsed,
    ...(expectBaseline !== undefined ? { expectBaseline } : {}),
  });
  const displayFor = (key: string): DisplaySettings => {
    const rule = parsed.metrics.find((m) => m.selector === key);
    return rule === undefined ? {} : { ...rule };
  };
  return {
    id: 'mlci',
    comparison,
    head,
    ...(base !== undefined ? { base } : {}),
    displayFor,
    charts: [],
    ...extra,
  };
}

/** The elements and link targets a GitHub-flavoured renderer makes of the Markdown (raw HTML parsed too). */
function render(markdown: string): { tags: string[]; links: string[] } {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw);
  type Node = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] };
  const tags: string[] = [];
  const links: string[] = [];
  const walk = (node: Node) => {
    if (node.type === 'element') {
      tags.push(node.tagName!);
      const target = node.properties?.href ?? node.properties?.src;
      if (target !== undefined) links.push(String(target));
    }
    node.children?.forEach(walk);
  };
  walk(processor.runSync(processor.parse(markdown)) as Node);
  return { tags, links };
}

const CHART: ChartImage = {
  file: 'change-metrics.png',
  alt: 'Change of each metric from the baseline, in percent: accuracy -3.3% (regressed), latency_ms -14.3% (improved)',
  title: 'Metric changes',
  width: 800,
  height: 240,
};

const FAILED: Scenario = {
  head: [
    run({ accuracy: 0.88, loss: 0.31, f1: 0.8, latency_ms: 12, 'eval.new_metric': 3 }, { lr: 0.01, seed: 1 }),
  ],
  base: [run({ accuracy: 0.91, loss: 0.3, f1: 0.8, latency_ms: 14, old_metric: 1 }, { lr: 0.1, seed: 1 })],
  config: [
    'gates:',
    '  - accuracy >= 0.9',
    '  - loss rise <= 2%',
    '  - latency_ms <= 50',
    '  - f1 no regression',
    'metrics:',
    '  accuracy: { percent: true, precision: 3 }',
    '  latency_ms: { unit: ms }',
  ].join('\n'),
  extra: {
    baseline: { label: 'main@abc1234', how: 'merge base' },
    run: {
      commit: '0123456789abcdef0123456789abcdef01234567',
      branch: 'feature/bigger-model',
      durationSeconds: 725,
      runner: 'ubuntu-latest (4 CPU, 16 GB)',
      url: 'https://github.com/octo/repo/actions/runs/42',
    },
    charts: [CHART],
  },
};

const md = (scenario: Scenario, maxLength?: number) =>
  renderMarkdown(reportInput(scenario), maxLength === undefined ? {} : { maxLength });

describe('the Markdown report, reviewed snapshots', () => {
  it('a failed pull request: verdict, gates failed first, regressions first, params, run, chart', () => {
    const report = md(FAILED);
    expect(report.omitted).toEqual([]);
    expect(report.markdown).toMatchSnapshot();
  });

  it('a passed pull request', () => {
    const report = md({
      head: [run({ accuracy: 0.93, loss: 0.25, f1: 0.81 })],
      base: [run({ accuracy: 0.91, loss: 0.3, f1: 0.81 })],
      config: 'gates: ["accuracy >= 0.9", "loss no regression"]',
      extra: { baseline: { label: 'main@abc1234', how: 'merge base' } },
    });
    expect(report.markdown).toMatchSnapshot();
  });

  it('passed with warnings', () => {
    const report = md({
      head: [run({ accuracy: 0.905, loss: 0.32 })],
      base: [run({ accuracy: 0.91, loss: 0.3 })],
      config: 'gates: ["accuracy >= 0.9", "warn: loss rise <= 5%"]',
    });
    expect(report.markdown).toMatchSnapshot();
  });

  it('no baseline: said in the verdict and the baseline line, never a silent pass', () => {
    const report = md({
      head: [run({ accuracy: 0.93, loss: NaN })],
      config: 'gates: ["accuracy >= 0.9", "accuracy no regression"]',
    });
    expect(report.markdown).toMatchSnapshot();
    expect(report.markdown).toContain('**⚪ No baseline**');
    expect(report.markdown).toContain('Baseline: **none found**');
  });

  it('mlci check: no baseline expected, the run judged on its own numbers', () => {
    const report = md({
      head: [run({ accuracy: 0.93 })],
      config: 'gates: ["accuracy >= 0.9"]',
      expectBaseline: false,
    });
    expect(report.markdown).toMatchSnapshot();
    expect(report.markdown).toContain("Baseline: none; the run's own numbers were checked.");
  });

  it('repeats: mean ± sd over n runs and the interval of the change', () => {
    const report = md({
      head: [
        run({ accuracy: 0.9, loss: 0.3 }),
        run({ accuracy: 0.92, loss: 0.29 }),
        run({ accuracy: 0.94, loss: 0.31 }),
      ],
      base: [run({ accuracy: 0.88, loss: 0.3 }), run({ accuracy: 0.9, loss: 0.3 })],
      config: 'gates: ["accuracy >= 0.9"]',
    });
    expect(report.markdown).toMatchSnapshot();
    expect(report.markdown).toContain('0.92 ± 0.02 (n=3)');
  });

  it('added, removed, non-finite and changed (unknown direction) metrics, and many params in details', () => {
    const params = (v: number) => Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((k) => [k, v]));
    const report = md({
      head: [run({ acc: 0.5, widgets: 2, loss: NaN, brand_new: 7 }, { ...params(2), optimizer: 'adamw' })],
      base: [run({ acc: 0.5, widgets: 1, loss: 0.3, gone: 1 }, { ...params(1), dropout: null })],
    });
    expect(report.markdown).toMatchSnapshot();
    expect(report.markdown).toContain('<details><summary>Parameters: 8 changes</summary>');
  });

  it('charts: embedded in the order given, alt text escaped, hosted URL preferred, unsafe links refused', () => {
    const report = md({
      head: [run({ loss: 0.2 })],
      base: [run({ loss: 0.3 })],
      extra: {
        charts: [
          {
            ...CHART,
            url: 'https://raw.githubusercontent.com/octo/repo/mlci-assets/pr-7/change metrics.png',
          },
          { ...CHART, file: 'curve-loss.png', alt: 'loss by step: *train* ends at 0.2 [see](x) @octocat' },
          { ...CHART, file: 'javascript:alert(1)', alt: 'sneaky' },
        ],
      },
    });
    expect(report.markdown).toMatchSnapshot();
    expect(render(report.markdown).links).toEqual([
      'https://raw.githubusercontent.com/octo/repo/mlci-assets/pr-7/change%20metrics.png',
      'curve-loss.png',
    ]);
  });
  it('a shortened report: says what it left out and where the full report is', () => {
    const base = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`class_${i}.f1`, 0.5]));
    const head = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`class_${i}.f1`, i < 8 ? 0.4 : 0.5]),
    );
    const input = reportInput({
      head: [run(head, { lr: 0.01 })],
      base: [run(base, { lr: 0.1 })],
      config: 'gates: ["class_*.f1 >= 0.45"]',
      extra: { fullReportUrl: 'https://github.com/octo/repo/actions/runs/42', charts: [CHART] },
    });
    const report = renderMarkdown(input, { maxLength: 2_500 });
    expect(report.markdown.length).toBeLessThanOrEqual(2_500);
    expect(report.markdown).toMatchSnapshot();
  });
});

describe('the Markdown report', () => {
  it('ends with the hidden marker of its id, on its own line', () => {
    const { markdown } = renderMarkdown({ ...reportInput(FAILED), id: 'mlci/gpu' });
    expect(markdown.endsWith(`\n${reportMarker('mlci/gpu')}`)).toBe(true);
    expect(markdown.split(reportMarker('mlci/gpu'))).toHaveLength(2);
  });

  it('is deterministic', () => {
    expect(md(FAILED).markdown).toBe(md(FAILED).markdown);
  });

  it('uses the title given', () => {
    const input = { ...reportInput(FAILED), title: 'GPU model (A100)' };
    expect(renderMarkdown(input).markdown.startsWith('## GPU model (A100)\n')).toBe(true);
  });

  it('counts gate checks, not gates, when a glob matched several metrics', () => {
    const report = md({
      head: [run({ 'f1.cat': 0.5, 'f1.dog': 0.9 })],
      base: [run({ 'f1.cat': 0.6, 'f1.dog': 0.9 })],
      config: 'gates: ["f1.* >= 0.8"]',
    });
    expect(report.markdown).toContain('**❌ Failed**: 1 of 2 gate checks failed (f1.cat).');
  });

  it('says when no gates are configured', () => {
    const report = md({ head: [run({ acc: 0.9 })], base: [run({ acc: 0.8 })] });
    expect(report.markdown).toContain('**✅ Passed**: no gates are configured, so nothing could fail.');
    expect(report.markdown).not.toContain('### Gates');
  });

  it('links the CI run and the full report only through safe URLs', () => {
    const input = reportInput({ ...FAILED, extra: { ...FAILED.extra, run: { url: 'javascript:alert(1)' } } });
    expect(renderMarkdown(input).markdown).not.toContain('javascript');
  });
});

describe('file data cannot inject anything into the comment', () => {
  const EVIL = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '![x](https://evil.example/p.png)',
    '@octocat',
    '#1',
    'www.evil.example',
    'https://evil.example',
    'a|b',
    '`x`',
    '*em*',
    'line\n# heading',
    '<!-- mlci-report id="mlci" -->',
  ];

  function evilInput(): ReportInput {
    const metrics = Object.fromEntries(EVIL.map((k, i) => [k, i]));
    const baseMetrics = Object.fromEntries(EVIL.map((k, i) => [k, i + 1]));
    const params = Object.fromEntries(EVIL.map((k) => [k, k]));
    const head = run(metrics, params, '<img src=x onerror=alert(2)>.json');
    head.sources[0]!.warnings.push('@octocat see #2 at https://evil.example');
    const input = reportInput({
      head: [head],
      base: [run(baseMetrics, { ...params, [EVIL[0]!]: 'x' }, '[x](https://evil.example).json')],
      extra: {
        title: '<b>@octocat</b> #3',
        baseline: { label: 'main@evil <script>', how: '[x](https://evil.example)' },
        run: { branch: '@octocat/<img src=x>', runner: 'www.evil.example', commit: '<script>' },
        charts: [{ ...CHART, alt: '<img src=x onerror=alert(3)> @octocat #4 ](https://evil.example)' }],
      },
    });
    // Gate text and reasons quote metric names; the gate parser refuses such names, a reason need not.
    input.comparison.gates.push(
      ...EVIL.map((text): GateResult => ({
        gate: { text, selector: text, rule: { kind: 'required' }, level: 'fail', origin: '.mlci.yml' },
        metric: text,
        status: 'fail',
        head: 1,
        reason: `${text} is not ${text}`,
      })),
    );
    return input;
  }

  it('every link, image and element in the rendered comment is the report’s own', () => {
    const { markdown } = renderMarkdown(evilInput());
    const { tags, links } = render(markdown);
    expect(links).toEqual(['change-metrics.png']);
    const allowed = new Set(['h2', 'h3', 'p', 'strong', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
    for (const tag of ['details', 'summary', 'ul', 'li', 'img', 'br', 'sub', 'blockquote']) allowed.add(tag);
    expect(tags.filter((t) => !allowed.has(t))).toEqual([]);
    expect(tags.filter((t) => t === 'img')).toHaveLength(1);
  });

  it('no mention, issue reference, autolink or marker imitation survives in the raw text', () => {
    const { markdown } = renderMarkdown(evilInput());
    expect(markdown).not.toMatch(/@[\p{L}\p{N}_-]/u);
    expect(markdown).not.toMatch(/#\d/);
    expect(markdown).not.toMatch(/www\.|https?:\/\/evil/);
    expect(markdown).not.toMatch(/<script|<img/);
    expect(markdown.split('<!--')).toHaveLength(2);
    expect(markdown).toContain(`@${WORD_JOINER}octocat`);
  });
});

describe('trimming to fit a comment', () => {
  /** 20,000 metrics: 300 regressed, 700 improved, the rest unchanged; 50 params changed. */
  function huge(): ReportInput {
    const base: Record<string, number> = {};
    const head: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) {
      const key = `eval.class_${String(i).padStart(5, '0')}.accuracy`;
      base[key] = 0.5;
      head[key] = i < 300 ? 0.4 - i / 10_000 : i < 1000 ? 0.6 : 0.5;
    }
    const params = (v: number) => Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`p${i}`, v]));
    return reportInput({
      head: [run(head, params(2), 'head.json')],
      base: [run(base, params(1), 'base.json')],
      config: 'gates: ["eval.class_00000.accuracy >= 0.9", "eval.class_00001.accuracy >= 0.1"]',
      extra: { charts: [CHART], fullReportUrl: 'https://github.com/octo/repo/actions/runs/42#summary' },
    });
  }

  it('keeps 20,000 metrics within GitHub’s limit, regressions first, and says what it left out', () => {
    const report = renderMarkdown(huge());
    expect(report.markdown.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(report.markdown.endsWith(reportMarker('mlci'))).toBe(true);
    expect(report.omitted).toEqual([
      'the list of 2 files read',
      '19,000 unchanged metrics',
      '50 parameter changes',
      expect.stringMatching(/^\d[\d,]* of 1,000 changed metrics$/),
    ]);
    expect(report.markdown).toContain('This report was shortened');
    expect(report.markdown).toContain('[here](https://github.com/octo/repo/actions/runs/42#summary)');
    // The largest regression is the first row; every regression is shown before any improvement.
    const rows = report.markdown.split('\n').filter((l) => /^\| eval\.\S+ \| 0\.5 \|/.test(l));
    expect(rows[0]).toContain('eval.class_00299.accuracy');
    expect(rows.slice(0, 300).every((r) => r.includes('🔴 regressed'))).toBe(true);
    expect(report.markdown).toContain('❌ failed');
    expect(report.markdown).toContain('![');
  });

  it('uses the room it has: a little more room shows more rows', () => {
    const small = renderMarkdown(huge(), { maxLength: 20_000 });
    const large = renderMarkdown(huge(), { maxLength: 40_000 });
    const rows = (s: string) => s.split('\n').filter((l) => l.includes('🔴') || l.includes('🟢')).length;
    expect(small.markdown.length).toBeLessThanOrEqual(20_000);
    expect(small.markdown.length).toBeGreaterThan(19_000);
    expect(rows(large.markdown)).toBeGreaterThan(rows(small.markdown));
  });

  it('drops passing gates before failing ones, then cuts the gates table last', () => {
    const gates = Array.from({ length: 400 }, (_, i) => `"m${i} >= ${i % 2 === 0 ? 0 : 100}"`);
    const metrics = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`m${i}`, 1]));
    const input = reportInput({
      head: [run(metrics)],
      base: [run(metrics)],
      config: `gates: [${gates.join(', ')}]`,
    });
    const report = renderMarkdown(input, { maxLength: 12_000 });
    expect(report.markdown.length).toBeLessThanOrEqual(12_000);
    expect(report.omitted).toContain('200 passing gate results');
    expect(report.omitted.at(-1)).toMatch(/^[\d,]+ of 200 failing or warning gate results$/);
    expect(report.markdown).not.toContain('✅ passed');
    expect(report.markdown).toContain('❌ failed');
    expect(report.markdown).toContain('**❌ Failed**: 200 of 400 gates failed');
    expect(report.markdown).toContain('The full report is in report.md and the job summary.');
  });

  it('copes with huge keys, values and reasons', () => {
    const key = (c: string) => c.repeat(100_000);
    const input = reportInput({
      head: [run({ [key('a')]: 1, [key('b')]: 2 }, { [key('p')]: key('v') }, key('f'))],
      base: [run({ [key('a')]: 2, [key('c')]: 2 }, { [key('p')]: 'x' }, key('g'))],
      config: `gates: ["${key('a')} >= 5"]`,
      extra: { title: key('t'), charts: [{ ...CHART, alt: key('z') }] },
    });
    for (const maxLength of [MAX_COMMENT_LENGTH, 5_000, 1_000, 300]) {
      const report = renderMarkdown(input, { maxLength });
      expect(report.markdown.length).toBeLessThanOrEqual(maxLength);
      expect(report.markdown.endsWith(reportMarker('mlci'))).toBe(true);
    }
    expect(renderMarkdown(input).omitted).toEqual([]);
  });

  it('always fits and ends with the marker, down to a length that holds only the marker', () => {
    const input = huge();
    const marker = reportMarker('mlci');
    for (const maxLength of [10_000, 2_000, 500, 200, marker.length + 5, marker.length]) {
      const report = renderMarkdown(input, { maxLength });
      expect(report.markdown.length).toBeLessThanOrEqual(maxLength);
      expect(report.markdown.endsWith(marker)).toBe(true);
    }
    expect(() => renderMarkdown(input, { maxLength: marker.length - 1 })).toThrow(RangeError);
  });

  // Its time is measured by `npm run bench -- report` (no wall-clock assertions in tests).
  it('renders 20,000 metrics within the comment limit', () => {
    const report = renderMarkdown(huge());
    expect(report.markdown.length).toBeLessThanOrEqual(65_536);
  });
});

describe('formatDuration', () => {
  it('reads like a person would say it', () => {
    expect(formatDuration(4.26)).toBe('4.3 s');
    expect(formatDuration(45.4)).toBe('45 s');
    expect(formatDuration(725)).toBe('12 min 5 s');
    expect(formatDuration(7380)).toBe('2 h 3 min');
  });
});
