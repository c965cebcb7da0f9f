import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareTables,
  driftMetricsDoc,
  emptyConfig,
  parseGate,
  readTable,
  runComparison,
  type MetricsDoc,
} from '../../packages/core/src/index.js';
import { comparisonText } from '../../packages/cli/src/comparison-text.js';
import { runCli } from '../support/cli.js';

// The terminal form of a comparison that holds a data drift (docs/drift.md, "In GitHub Actions"):
// the drift's ~50 metrics would bury the model's as "added" rows. The ones a gate names stay in
// the table; the others are one line that says where they are.

const SEATTLE_2012 = 'test/fixtures/drift/seattle-2012.csv';
const SEATTLE_2015 = 'test/fixtures/drift/seattle-2015.csv';

let drift: MetricsDoc;
beforeAll(async () => {
  const report = compareTables(await readTable(SEATTLE_2012), await readTable(SEATTLE_2015));
  drift = driftMetricsDoc(report);
});

const model = (metrics: Record<string, number>): MetricsDoc => ({
  metrics,
  series: {},
  params: {},
  sources: [{ file: 'metrics.json', format: 'json', notes: [], warnings: [] }],
});
const withDrift = (doc: MetricsDoc): MetricsDoc => ({
  ...doc,
  metrics: { ...doc.metrics, ...drift.metrics },
  sources: [...doc.sources, ...drift.sources],
});
const gates = (...texts: string[]) => texts.map((t, i) => parseGate(t, `gate ${i + 1}`));
/** Lines of the metrics table and after: what follows the gates' table. */
const metricRows = (text: string) => text.split('\n\n').at(-1)!.trimEnd().split('\n');

describe('comparisonText with a data drift', () => {
  it('keeps the gated drift metrics and the model’s, and folds the others into one line', () => {
    const dataKeys = Object.keys(drift.metrics);
    const comparison = runComparison({
      head: { runs: [withDrift(model({ f1: 0.85 }))] },
      base: { runs: [model({ f1: 0.84 })], label: 'main@abc1234 (merge base)' },
      config: emptyConfig(),
      extraGates: gates('f1 >= 0.5', 'drift.share <= 0.3', 'drift.columns.*.psi <= 0.5'),
    });
    const text = comparisonText(comparison, {
      metrics: true,
      dataMetricsAt: ".mlci/drift.json and the report's data drift section",
    });
    const rows = metricRows(text);
    const listed = rows.slice(2, -1).map((row) => row.split(/ +/)[0]);
    // drift.share and the 5 tested columns' PSI, named by the gates; f1; nothing else.
    expect(listed.sort()).toEqual(
      [
        'drift.columns.precipitation.psi',
        'drift.columns.temp_max.psi',
        'drift.columns.temp_min.psi',
        'drift.columns.weather.psi',
        'drift.columns.wind.psi',
        'drift.share',
        'f1',
      ].sort(),
    );
    expect(rows.at(-1)).toBe(
      `${dataKeys.length - 6} data drift metrics that no gate names (${dataKeys.length - 6} added) are not listed: see .mlci/drift.json and the report's data drift section`,
    );
    expect(dataKeys.length).toBeGreaterThan(40);
  });

  it('without a baseline, lists the gated ones with their values and says where the rest are', () => {
    const comparison = runComparison({
      head: { runs: [drift] },
      config: emptyConfig(),
      extraGates: gates('drift.share <= 0.3'),
      expectBaseline: false,
    });
    const rows = metricRows(comparisonText(comparison, { metrics: true }));
    expect(rows[0]).toMatch(/^metric +value +direction$/);
    expect(rows.slice(2, -1)).toEqual([expect.stringMatching(/^drift\.share +0\.6 +\S+$/)]);
    expect(rows.at(-1)).toBe(
      `${Object.keys(drift.metrics).length - 1} data drift metrics that no gate names are not listed (drift.*, data.*): the JSON comparison has them`,
    );
  });

  it('lists every metric when there is no drift comparison, data.* keys of a training run included', () => {
    const comparison = runComparison({
      head: { runs: [model({ f1: 0.85, 'data.load_seconds': 12 })] },
      base: { runs: [model({ f1: 0.84, 'data.load_seconds': 11 })] },
      config: emptyConfig(),
    });
    const text = comparisonText(comparison, { metrics: true });
    expect(text).toMatch(/^data\.load_seconds +11 +12 /m);
    expect(text).not.toContain('not listed');
  });

  it('prints no metrics and no folded line when the metrics are not asked for', () => {
    const comparison = runComparison({
      head: { runs: [withDrift(model({ f1: 0.85 }))] },
      config: emptyConfig(),
      extraGates: gates('drift.share <= 0.3'),
      expectBaseline: false,
    });
    const text = comparisonText(comparison, { metrics: false });
    expect(text).not.toContain('not listed');
    expect(text).not.toMatch(/^f1 /m);
  });

  it('folds the drift’s params and keeps the model’s, with or without the metrics table', () => {
    const head = withDrift(model({ f1: 0.85 }));
    head.params = { lr: 0.02, ...drift.params };
    const base = { ...model({ f1: 0.84 }), params: { lr: 0.01 } };
    const comparison = runComparison({
      head: { runs: [head] },
      base: { runs: [base] },
      config: emptyConfig(),
      extraGates: gates('drift.share <= 0.7'),
    });
    const driftParams = Object.keys(drift.params).length;
    for (const metrics of [true, false]) {
      const text = comparisonText(comparison, { metrics, dataMetricsAt: 'drift.json' });
      expect(text).toMatch(/^Params that changed\nparam +base +head\n-+ +-+ +-+\nlr +0\.01 +0\.02\n$/m);
      expect(text).toContain(`${driftParams} data drift params are not listed: see drift.json\n`);
      expect(text).not.toMatch(/^drift\.columns\.\w+\.test /m);
    }
    expect(driftParams).toBeGreaterThan(5);
  });
});

describe('mlci compare with the metrics of mlci drift', () => {
  it('folds the drift metrics no gate names in its text, and lists them all in --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlci-comparison-text-'));
    const out = join(dir, 'drift.json');
    expect(
      (await runCli('drift', '--reference', SEATTLE_2012, '--current', SEATTLE_2015, '--out', out)).code,
    ).toBe(0);
    writeFileSync(join(dir, 'base.json'), '{"f1": 0.84}');
    writeFileSync(join(dir, 'head.json'), '{"f1": 0.85}');
    const args = ['compare', '--base', join(dir, 'base.json'), '--head', `${join(dir, 'head.json')},${out}`];
    const text = await runCli(...args, '--gate', 'drift.share <= 0.7');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^drift\.share +- +0\.6 +- +- +added$/m);
    expect(text.stdout).toMatch(/^f1 +0\.84 +0\.85 /m);
    expect(text.stdout).toMatch(
      /^\d\d data drift metrics that no gate names \(\d\d added\) and 12 data drift params are not listed \(drift\.\*, data\.\*\): the JSON comparison has them$/m,
    );
    // Neither the metrics nor the params (each column's type and test) as rows of their own.
    expect(text.stdout).not.toMatch(/^drift\.columns\./m);
    expect(text.stdout).not.toContain('Params that changed');
    const json = await runCli(...args, '--gate', 'drift.share <= 0.7', '--json');
    const keys = JSON.parse(json.stdout).metrics.map((m: { key: string }) => m.key);
    expect(keys).toContain('drift.columns.weather.psi');
  });
});
