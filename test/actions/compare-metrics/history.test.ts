import {
  ConfigurationError,
  emptyConfig,
  parseGate,
  type HistoryDocument,
  type MlciConfig,
} from '@mlci/core';
import { createClient, recordHistoryWithSummary } from '@mlci/github';
import {
  gatesUseHistory,
  readBaseHistory,
  trendForReport,
} from '../../../actions/compare-metrics/src/history.js';
import { fakeClient, FULL_NAME, OWNER, REPO, TOKEN, useFakeGitHub } from '../../github/helpers.js';
import { recordingIO } from '../train/helpers.js';

const STATISTICAL = parseGate('accuracy no significant regression', '.mlci.yml gates[0]');
const PLAIN = parseGate('accuracy drop <= 0.01', '.mlci.yml gates[1]');

function config(gates = [PLAIN], historyWindow = 30): MlciConfig {
  const c = emptyConfig();
  c.gates = gates;
  c.statistics.historyWindow = historyWindow;
  return c;
}

function record(n: number): HistoryDocument {
  return {
    schema: 'mlci/history',
    version: 1,
    sha: `f${String(n).padStart(39, '0')}`,
    recordedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    runs: [{ metrics: { accuracy: 0.9 + (n % 3) / 100, loss: 0.3 }, series: {}, params: {}, sources: [] }],
  };
}

describe('the history compare-metrics reads', () => {
  const fake = useFakeGitHub();
  const read = (options: Partial<Parameters<typeof readBaseHistory>[1]> = {}, io = recordingIO({})) =>
    readBaseHistory(io, {
      input: 'auto',
      client: fakeClient(fake()),
      owner: OWNER,
      repo: REPO,
      branch: 'mlci-history',
      reportId: 'mlci',
      config: config(),
      extraGates: [],
      ...options,
    });
  const seed = async (records: number) => {
    fake().state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
    fake().state.commit(FULL_NAME, { branch: 'main', files: { 'README.md': '#' }, message: 'init' });
    for (let n = 1; n <= records; n++)
      await recordHistoryWithSummary(fakeClient(fake()), { owner: OWNER, repo: REPO, document: record(n) });
  };

  it('is the last statistics.history-window records, oldest first, in one request', async () => {
    await seed(8);
    const before = fake().requests.length;
    const io = recordingIO({});
    const history = await read({ config: config([PLAIN], 6) }, io);
    expect(fake().requests.length - before).toBe(1);
    expect(history.records).toHaveLength(6);
    expect(history.records!.map((r) => r.runs[0]!.metrics.accuracy)).toEqual(
      [3, 4, 5, 6, 7, 8].map((n) => 0.9 + (n % 3) / 100),
    );
    expect(history.label).toBe('the last 6 of 8 records of mlci-history:summary.json');
    expect(io.infos).toContain('History: the last 6 of 8 records of mlci-history:summary.json.');
    expect((await read()).label).toBe('8 records of mlci-history:summary.json');
  });

  it('without a branch: no history, said in the log, and nothing fails', async () => {
    await seed(0);
    const io = recordingIO({});
    expect(await read({ config: config([STATISTICAL]) }, io)).toEqual({});
    expect(io.infos).toEqual([
      'No history: mlci-history:summary.json does not exist (the report action writes it on pushes to the default branch).',
    ]);
  });

  it('history: false or no token: not asked', async () => {
    await seed(3);
    const before = fake().requests.length;
    expect(await read({ input: 'false' })).toEqual({});
    expect(await read({ client: undefined })).toEqual({});
    expect(fake().requests.length).toBe(before);
  });

  describe('could not ask (an outage past the retries)', () => {
    const impatient = () => createClient({ token: TOKEN, apiUrl: fake().url, retries: 0 });

    it('fails the comparison when a statistical gate would use the history, naming what failed', async () => {
      await seed(3);
      fake().inject({ path: /summary\.json$/, status: 502, times: 10 });
      expect(await read({ client: impatient(), config: config([PLAIN]), extraGates: [STATISTICAL] })).toEqual(
        {
          problem: { kind: 'unavailable', detail: expect.stringMatching(/^history: mlci-history: 502 /) },
        },
      );
    });

    it('only warns when no gate uses it: the labels go without the noise, no verdict changes', async () => {
      await seed(3);
      fake().inject({ path: /summary\.json$/, status: 502, times: 10 });
      const io = recordingIO({});
      expect(await read({ client: impatient() }, io)).toEqual({});
      expect(io.warnings[0]).toMatch(
        /^The history could not be read \(history: mlci-history: 502 .*\): changes are compared without its noise; no gate uses it\.$/,
      );
    });
  });

  it('a summary that is not one mlci wrote: an error naming it when a gate needs it, else a warning', async () => {
    await seed(2);
    fake().state.commit(FULL_NAME, { branch: 'mlci-history', files: { 'summary.json': '[]' }, message: 'x' });
    await expect(read({ config: config([STATISTICAL]) })).rejects.toThrow(ConfigurationError);
    await expect(read({ config: config([STATISTICAL]) })).rejects.toThrow(
      /^mlci-history:summary.json: expected an mlci\/history-summary document of version 1; delete it on the history branch/,
    );
    const io = recordingIO({});
    expect(await read({}, io)).toEqual({});
    expect(io.warnings[0]).toMatch(/^The history is not used: mlci-history:summary.json: expected/);
  });

  it('statistical gates are what need it', () => {
    expect(gatesUseHistory([PLAIN])).toBe(false);
    expect(gatesUseHistory([PLAIN, STATISTICAL])).toBe(true);
    expect(gatesUseHistory([parseGate('accuracy paired no significant regression', 'x')])).toBe(false);
  });

  it('hands the report the gated metrics only', () => {
    const records = [record(1), record(2)].map((d) => ({ label: d.sha.slice(0, 7), runs: d.runs }));
    const trend = trendForReport({ records, label: '2 records' }, {
      gates: [{ gate: PLAIN, metric: 'accuracy', status: 'pass', reason: '' }],
    } as never)!;
    expect(trend.points.map((p) => Object.keys(p.metrics))).toEqual([['accuracy'], ['accuracy']]);
    expect(trendForReport({}, { gates: [] } as never)).toBeUndefined();
  });
});
