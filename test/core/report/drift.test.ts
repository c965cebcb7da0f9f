import { runComparison } from '../../../packages/core/src/compare/pipeline.js';
import { emptyConfig } from '../../../packages/core/src/config/config.js';
import { compareTables, type DriftReport } from '../../../packages/core/src/data/drift.js';
import { driftMetricsDoc } from '../../../packages/core/src/data/metrics.js';
import { TableProfile } from '../../../packages/core/src/data/profile.js';
import { readTable } from '../../../packages/core/src/data/read.js';
import { noExtraMissing, parseMissingValues } from '../../../packages/core/src/data/values.js';
import { parseGate } from '../../../packages/core/src/gates/parse.js';
import { DocBuilder } from '../../../packages/core/src/doc-builder.js';
import { buildReport, type BuiltReport } from '../../../packages/core/src/report/build.js';
import { DRIFT_COLORS } from '../../../packages/core/src/report/charts/drift.js';
import { withAlpha } from '../../../packages/core/src/report/charts/theme.js';
import { driftChartColumns } from '../../../packages/core/src/report/drift.js';
import { MAX_COMMENT_LENGTH, renderMarkdown } from '../../../packages/core/src/report/markdown.js';
import type { MetricsDoc } from '../../../packages/core/src/model.js';
import { createRandom } from '../../../packages/core/src/stats/random.js';
import { countColor, decodePng } from '../../support/png.js';

async function seattle(): Promise<DriftReport> {
  const options = { missing: parseMissingValues([]), seed: 1 };
  return compareTables(
    await readTable('test/fixtures/drift/seattle-2012.csv', options),
    await readTable('test/fixtures/drift/seattle-2015.csv', options),
  );
}

/** The report `mlci drift --report` builds: the drift metrics, their gates, the section. */
function report(drift: DriftReport, gates: string[] = [], extra: MetricsDoc[] = []): Promise<BuiltReport> {
  const doc = driftMetricsDoc(drift);
  const head = extra.length > 0 ? [{ ...doc, metrics: { ...doc.metrics, ...extra[0]!.metrics } }] : [doc];
  const comparison = runComparison({
    head: { runs: head, label: drift.current.label },
    config: emptyConfig(),
    extraGates: gates.map((g) => parseGate(g, '--gate')),
    expectBaseline: false,
  });
  return buildReport({ comparison, head, drift });
}

/** The drifted table's column names, in order, from the section's first table. */
function driftedColumns(markdown: string): string[] {
  const section = markdown.slice(markdown.indexOf('Data drift:'));
  const table = section.slice(
    section.indexOf('| column |'),
    section.indexOf('\n\n', section.indexOf('| column |')),
  );
  return table
    .split('\n')
    .slice(2)
    .map((row) => row.split(' | ')[0]!.replace(/^\| /, ''));
}

/** Two tables of `columns` numeric columns; the first `shifted` move by one standard deviation. */
function wideTables(columns: number, shifted: number, name = (i: number) => `feature_${i}`) {
  const reference = new TableProfile('reference.csv', noExtraMissing(), 1);
  const current = new TableProfile('current.csv', noExtraMissing(), 1);
  const rng = createRandom(5);
  for (let row = 0; row < 200; row++) {
    for (let i = 0; i < columns; i++) {
      reference.column(name(i)).addNumber(rng.normal());
      current.column(name(i)).addNumber(rng.normal() + (i < shifted ? 1 : 0));
    }
  }
  reference.rows = current.rows = 200;
  return compareTables(reference, current);
}

describe('the report\'s "Data drift" section', () => {
  it('lists the drifted seattle columns first (temp_max, temp_min, weather), the others folded', async () => {
    const built = await report(await seattle());
    const md = built.markdown;
    expect(md).toContain('### ⚠️ Data drift: 3 of 5 columns drifted (60%); the dataset drifts at 50%');
    expect(driftedColumns(md)).toEqual(['temp_max', 'temp_min', 'weather']);
    expect(md).toContain(
      '| temp_max | numeric | Kolmogorov–Smirnov | D = 0.153 | p = 0.0013 | p < 0.05 | 0.225 | 0% → 0% |',
    );
    expect(md).toContain(
      '| weather | categorical | chi-square | χ² = 88.42 (4 df) | p = 1.4e-17 | p < 0.05 | 0.838 | 0% → 0% |',
    );
    // The correction, said once.
    expect(md.match(/corrected together \(Holm\)/g)).toHaveLength(1);
    const folded = md.slice(
      md.indexOf('<details><summary>2 columns without drift, 1 not compared</summary>'),
    );
    expect(folded).toMatch(
      /^<details><summary>2 columns without drift, 1 not compared<\/summary>\n\n\| column \|/,
    );
    expect(folded.indexOf('| precipitation |')).toBeLessThan(folded.indexOf('</details>'));
    expect(folded.indexOf('| date | datetime | not compared |')).toBeLessThan(folded.indexOf('</details>'));
    // The headline names the drifted columns; the 51 drift metrics are not listed again as metrics.
    expect(md).toContain(
      'Data: **3 of 5 columns drifted** (60%; the dataset drifts at 50%): temp_max, temp_min, weather.',
    );
    expect(md).toContain('Metrics: only data drift\'s (51 metrics), in "Data drift" below.');
    expect(md).not.toContain('drift.columns.temp\\_max');
  });

  it('draws the top columns: drifted by how far past their threshold, then the largest PSI', async () => {
    const drift = await seattle();
    expect(driftChartColumns(drift).map((c) => c.name)).toEqual(['weather', 'temp_max', 'temp_min', 'wind']);
    const built = await report(drift);
    expect(built.charts.map((c) => [c.file, c.section, c.title])).toEqual([
      ['drift-weather.png', 'drift', 'weather: drifted, chi-square p = 1.4e-17'],
      ['drift-temp-max.png', 'drift', 'temp_max: drifted, KS p = 0.0013'],
      ['drift-temp-min.png', 'drift', 'temp_min: drifted, KS p = 0.034'],
      ['drift-wind.png', 'drift', 'wind: no drift, KS p = 0.22'],
    ]);
    const md = built.markdown;
    expect(md).toContain(
      '![Histogram of temp_max: the share of values per bin, reference (366 values) against current (365).',
    );
    // In the drift section, after its table, and not on the model's first screen.
    expect(md.indexOf('](drift-weather.png)')).toBeGreaterThan(md.indexOf('| temp_max |'));
    expect(md).toContain('*1 more column not drawn');
    for (const chart of built.charts) {
      const png = decodePng(chart.png);
      expect([png.width, png.height]).toEqual([1600, 640]);
    }
    // Both sides are drawn: the overlaid histogram's translucent fills, on white.
    const onWhite = (color: string, alpha: number) =>
      [0, 1, 2].map((i) =>
        Math.round(255 * (1 - alpha) + parseInt(color.slice(1 + 2 * i, 3 + 2 * i), 16) * alpha),
      ) as [number, number, number];
    const histogram = decodePng(built.charts[1]!.png);
    expect(countColor(histogram, onWhite(DRIFT_COLORS.reference, 0.4), undefined, 3)).toBeGreaterThan(2000);
    expect(countColor(histogram, onWhite(DRIFT_COLORS.current, 0.4), undefined, 3)).toBeGreaterThan(2000);
    expect(withAlpha(DRIFT_COLORS.reference, 0.4)).toBe('#0072B266');
  });

  it('opens with a failed drift.share gate, before the section that explains it', async () => {
    const md = (await report(await seattle(), ['drift.share <= 0.3'])).markdown;
    expect(md).toMatch(/^## mlci report\n\n\*\*❌ Failed\*\*: 1 of 1 gate failed \(drift\.share\)\./);
    const gateRow = md.indexOf('| ❌ failed | drift.share | — | 0.6 |');
    expect(gateRow).toBeGreaterThan(0);
    expect(gateRow).toBeLessThan(md.indexOf('### ⚠️ Data drift'));
  });

  it('escapes a hostile column name everywhere it is shown', async () => {
    const hostile = 'a|b<script>alert(1)</script>`rm -rf`@octocat';
    const drift = wideTables(2, 1, (i) => (i === 0 ? hostile : 'plain'));
    expect(drift.columns[0]!.name).toBe(hostile);
    const md = (await report(drift)).markdown;
    expect(md).not.toContain('<script');
    expect(md).not.toMatch(/(?<!\\)`/);
    expect(md).not.toContain('@octocat');
    expect(md).toContain('| a\\|b&lt;script>alert(1)&lt;/script>\\`rm -rf\\`@\u2060octocat | numeric |');
    // Each row keeps its eight cells: the pipe in the name does not open a ninth.
    const row = md.split('\n').find((line) => line.startsWith('| a\\|b'))!;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(8);
  });

  it('fits 300 columns in a comment, dropping the folded rows first and keeping the failed gate', async () => {
    const drift = wideTables(300, 200);
    expect(drift.drifted).toBeGreaterThan(150);
    const built = await report(drift, ['drift.share <= 0.3']);
    const md = built.markdown;
    expect(md.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(md).toContain('| ❌ failed | drift.share |');
    expect(built.omitted[0]).toMatch(/^the table of \d+ columns without drift$/);
    // The drifted columns are shown for as long as they fit, the rest counted.
    expect(driftedColumns(md).length).toBeGreaterThan(20);
    // Uncut, in the job summary's megabyte, every column is there.
    const full = renderMarkdown(built.input, { maxLength: 1_000_000 });
    expect(full.omitted).toEqual([]);
    expect(driftedColumns(full.markdown)).toHaveLength(drift.drifted);
  });

  it("does not draw a malformed histogram read back from another job's drift.json", async () => {
    const drift = JSON.parse(JSON.stringify(await seattle())) as DriftReport;
    const weather = drift.columns.find((c) => c.name === 'weather')!;
    (weather.histogram as unknown as { reference: unknown }).reference = 'lots';
    const built = await report(drift);
    expect(built.charts.map((c) => c.file)).toEqual([
      'drift-temp-max.png',
      'drift-temp-min.png',
      'drift-wind.png',
      'drift-precipitation.png',
    ]);
    expect(built.markdown).toContain('| weather | categorical |');
  });

  it('draws and writes the same bytes from a DriftReport read back from JSON', async () => {
    const drift = await seattle();
    const builder = new DocBuilder('metrics.json', 'json');
    builder.metric('accuracy', 0.9);
    const doc = builder.build();
    const direct = await report(drift, ['drift.share <= 0.7'], [doc]);
    const readBack = await report(
      JSON.parse(JSON.stringify(drift)) as DriftReport,
      ['drift.share <= 0.7'],
      [doc],
    );
    expect(readBack.markdown).toBe(direct.markdown);
    expect(readBack.charts.map((c) => c.png.toString('base64'))).toEqual(
      direct.charts.map((c) => c.png.toString('base64')),
    );
    // The model's own metrics stay in the metric tables.
    expect(direct.markdown).toContain('| accuracy | 0.9 |');
  });
});
