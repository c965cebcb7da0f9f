import { ConfigurationError } from '../../packages/core/src/errors.js';
import {
  decodeHistorySummary,
  decodeHistoryTrend,
  historyTrend,
  MAX_TREND_KEYS,
  meanMetrics,
  mergeHistorySummary,
  summaryHistory,
  summaryRecordOf,
  trendEntries,
  type HistoryDocument,
  type HistorySummaryRecord,
} from '../../packages/core/src/history.js';
import { emptyDoc, type MetricsDoc } from '../../packages/core/src/model.js';

const sha = (n: number) => n.toString(16).padStart(40, '0');
const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00Z`;
const run = (metrics: Record<string, number>): MetricsDoc => ({ ...emptyDoc(), metrics });
const record = (n: number, minute?: number, accuracy = 0.9): HistorySummaryRecord => ({
  sha: sha(n),
  ...(minute !== undefined ? { recordedAt: at(minute) } : {}),
  runs: [run({ accuracy })],
});
const shas = (records: readonly HistorySummaryRecord[]) => records.map((r) => Number.parseInt(r.sha, 16));

describe('the history summary document', () => {
  it('keeps a record of metrics only, and reads back what it wrote (NaN included)', () => {
    const doc: HistoryDocument = {
      schema: 'mlci/history',
      version: 1,
      sha: sha(1),
      recordedAt: at(1),
      runs: [
        {
          metrics: { accuracy: 0.9, loss: NaN },
          series: {
            loss: {
              points: [{ step: 1, value: 0.5 }],
              stats: {
                count: 1,
                nonFinite: 0,
                first: { step: 1, value: 0.5 },
                last: { step: 1, value: 0.5 },
              },
            },
          },
          params: { lr: 0.1 },
          sources: [{ file: 'metrics.json', format: 'json', notes: [], warnings: [] }],
        },
      ],
    };
    const kept = summaryRecordOf(doc);
    expect(kept).toEqual({ sha: sha(1), recordedAt: at(1), runs: [run({ accuracy: 0.9, loss: NaN })] });
    const { text, summary } = mergeHistorySummary([], [kept]);
    expect(text).not.toContain('series');
    expect(text).toContain('"loss":"NaN"');
    expect(decodeHistorySummary(JSON.parse(text), 'summary.json')).toEqual(summary);
  });

  it('writes one record a line, so the branch shows what each push changed', () => {
    const { text } = mergeHistorySummary([], [record(1, 1), record(2, 2)]);
    expect(text.split('\n')).toEqual([
      '{"schema":"mlci/history-summary","version":1,"records":[',
      `{"sha":"${sha(1)}","recordedAt":"${at(1)}","runs":[{"metrics":{"accuracy":0.9}}]},`,
      `{"sha":"${sha(2)}","recordedAt":"${at(2)}","runs":[{"metrics":{"accuracy":0.9}}]}`,
      ']}',
      '',
    ]);
  });

  it.each([
    [null, 'summary.json: expected an mlci/history-summary document of version 1'],
    [{ schema: 'mlci/history', version: 1, records: [] }, 'expected an mlci/history-summary document'],
    [{ schema: 'mlci/history-summary', version: 2, records: [] }, 'of version 1'],
    [{ schema: 'mlci/history-summary', version: 1 }, 'records: expected a list of at most 1000 records'],
    [
      { schema: 'mlci/history-summary', version: 1, records: new Array(1001).fill(null) },
      'at most 1000 records',
    ],
    [
      { schema: 'mlci/history-summary', version: 1, records: [{ sha: 'main', runs: [{ metrics: {} }] }] },
      'records[0].sha: expected a full commit SHA',
    ],
    [
      { schema: 'mlci/history-summary', version: 1, records: [{ sha: sha(1), runs: [] }] },
      'records[0].runs: expected a list of 1 to 100 runs',
    ],
    [
      {
        schema: 'mlci/history-summary',
        version: 1,
        records: [{ sha: sha(1), runs: [{ metrics: { accuracy: 'high' } }] }],
      },
      'records[0].runs[0].metrics["accuracy"]: expected a number',
    ],
    [
      {
        schema: 'mlci/history-summary',
        version: 1,
        records: [{ sha: sha(1), recordedAt: 'soon', runs: [{ metrics: {} }] }],
      },
      'records[0].recordedAt: expected a date and time',
    ],
    [
      {
        schema: 'mlci/history-summary',
        version: 1,
        records: [
          { sha: sha(1), runs: [{ metrics: {} }] },
          { sha: sha(1), runs: [{ metrics: {} }] },
        ],
      },
      `records[1].sha: ${sha(1)} is recorded twice`,
    ],
  ])('refuses a document that is not one mlci writes (%#)', (value, message) => {
    expect(() => decodeHistorySummary(value, 'summary.json')).toThrow(ConfigurationError);
    expect(() => decodeHistorySummary(value, 'summary.json')).toThrow(message);
  });

  it('drops curves and unknown fields a writer with push access added', () => {
    const summary = decodeHistorySummary(
      {
        schema: 'mlci/history-summary',
        version: 1,
        extra: 'x',
        records: [
          {
            sha: sha(1),
            evil: true,
            runs: [
              { metrics: { accuracy: 0.9 }, series: { loss: { points: 'nonsense' } }, params: { x: {} } },
            ],
          },
        ],
      },
      'summary.json',
    );
    expect(summary).toEqual({ schema: 'mlci/history-summary', version: 1, records: [record(1)] });
  });
});

describe('merging a record into the summary', () => {
  it('appends in the order the commits were made, even when their runs finish out of order', () => {
    let records: HistorySummaryRecord[] = [];
    for (const [n, minute] of [
      [1, 1],
      [3, 3],
      [2, 2],
      [5, 5],
      [4, 4],
    ] as const)
      records = mergeHistorySummary(records, [record(n, minute)]).summary.records;
    expect(shas(records)).toEqual([1, 2, 3, 4, 5]);
  });

  it('replaces the record of a commit recorded again (a re-run), never keeps two', () => {
    const first = mergeHistorySummary([record(1, 1), record(2, 2)], [record(1, 1, 0.5)]).summary.records;
    expect(shas(first)).toEqual([1, 2]);
    expect(first[0]!.runs[0]!.metrics.accuracy).toBe(0.5);
  });

  it('places a record without a time last, and a timed one does not jump over one without', () => {
    const records = mergeHistorySummary([record(1, 1), record(2), record(3, 5)], [record(4, 3)]).summary
      .records;
    expect(shas(records)).toEqual([1, 2, 4, 3]);
    expect(shas(mergeHistorySummary(records, [record(9)]).summary.records)).toEqual([1, 2, 4, 3, 9]);
  });

  it('keeps the newest maxRecords', () => {
    const many = Array.from({ length: 150 }, (_, i) => record(i + 1, i % 60));
    const merged = mergeHistorySummary(many.slice(0, 100), many.slice(100), { maxRecords: 100 });
    expect(merged.summary.records).toHaveLength(100);
    expect(merged.dropped).toBe(50);
    expect(merged.summary.records[0]!.sha).toBe(sha(51));
  });

  it('drops the oldest records until the file fits its byte limit, and the limit is exact', () => {
    const records = Array.from({ length: 10 }, (_, i) => record(i + 1, i));
    const whole = mergeHistorySummary(records, []).text;
    const line = Buffer.byteLength(whole.split('\n')[1]!) + 1;
    const fits = mergeHistorySummary(records, [], { maxBytes: Buffer.byteLength(whole) });
    expect(fits.dropped).toBe(0);
    const smaller = mergeHistorySummary(records, [], { maxBytes: Buffer.byteLength(whole) - 1 });
    expect(smaller.dropped).toBe(1);
    expect(Buffer.byteLength(smaller.text)).toBeLessThanOrEqual(Buffer.byteLength(whole) - 1);
    expect(Buffer.byteLength(smaller.text)).toBe(Buffer.byteLength(whole) - line);
    expect(shas(smaller.summary.records)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(decodeHistorySummary(JSON.parse(smaller.text), 's').records).toEqual(smaller.summary.records);
    // A record bigger than the limit on its own: none is kept rather than a file over it.
    expect(mergeHistorySummary([], [record(1)], { maxBytes: 10 }).summary.records).toEqual([]);
  });

  it('gives the statistics their records oldest first, labelled by short SHA', () => {
    const { summary } = mergeHistorySummary([], [record(2, 2), record(1, 1)]);
    expect(summaryHistory(summary).map((r) => r.label)).toEqual([sha(1).slice(0, 7), sha(2).slice(0, 7)]);
  });
});

describe('the trend handed to the report', () => {
  const records = [
    { label: 'aaaaaaa', runs: [run({ accuracy: 0.9, loss: 1 }), run({ accuracy: 0.8, f1: 0.5 })] },
    { label: 'bbbbbbb', runs: [run({ accuracy: 0.7, loss: 2 })] },
  ];

  it('is one point per record, the mean of its runs, of the keys asked for', () => {
    const trend = historyTrend(records, ['accuracy', 'f1'], '2 records of mlci-history:summary.json');
    expect(trend.points).toEqual([
      { label: 'aaaaaaa', runs: 2, metrics: { accuracy: expect.closeTo(0.85, 12), f1: 0.5 } },
      { label: 'bbbbbbb', runs: 1, metrics: { accuracy: 0.7 } },
    ]);
    expect(trendEntries(trend)[0]).toMatchObject({
      label: 'aaaaaaa',
      runs: 2,
      doc: { metrics: { f1: 0.5 } },
    });
    expect(meanMetrics(records[0]!.runs)).toEqual({ accuracy: expect.closeTo(0.85, 12), loss: 1, f1: 0.5 });
  });

  it('survives the state file, and a state file cannot make it large', () => {
    const trend = historyTrend(records, ['accuracy'], 'label');
    expect(decodeHistoryTrend(JSON.parse(JSON.stringify(trend)), 'compare.json: history')).toEqual(trend);
    const many = Object.fromEntries(Array.from({ length: MAX_TREND_KEYS + 1 }, (_, i) => [`m${i}`, 1]));
    expect(() =>
      decodeHistoryTrend(
        { label: 'x', points: [{ label: 'a', runs: 1, metrics: many }] },
        'compare.json: history',
      ),
    ).toThrow('compare.json: history.points[0].metrics: expected at most 50 metrics');
    expect(() =>
      decodeHistoryTrend(
        { label: 'x', points: [{ label: 'a', runs: 0, metrics: {} }] },
        'compare.json: history',
      ),
    ).toThrow('compare.json: history.points[0].runs: expected a whole number of runs from 1 to 100');
    expect(() =>
      decodeHistoryTrend({ label: 'x', points: Array.from({ length: 1001 }) }, 'compare.json: history'),
    ).toThrow('at most 1000 points');
  });
});
