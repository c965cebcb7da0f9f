// One seed must not stand in for all seeds without saying so (#14): the iris example has three
// runs per side, each with its own predictions.
import { readPredictions } from '../../packages/core/src/readers/predictions.js';
import { confusionCharts } from '../../packages/core/src/report/charts/confusion.js';
import { loadSidePlots, predictionsOfRuns } from '../../packages/cli/src/plots.js';

const IRIS = 'test/fixtures/generated/iris-pr';
const RUNS = [1, 2, 3].map((seed) => `${IRIS}/seed-${seed}`);
const FIRST = `${IRIS}/seed-1/eval/predictions.csv`;

describe('plots of a side with several runs', () => {
  it('finds the same predictions file in every run folder', async () => {
    const sets = await predictionsOfRuns(await readPredictions(FIRST), RUNS);
    expect(sets.map((s) => s.file)).toEqual(RUNS.map((run) => `${run}/eval/predictions.csv`));
  });

  it('sums the confusion counts over the runs, and the chart says so', async () => {
    const sets = await predictionsOfRuns(await readPredictions(FIRST), RUNS);
    const plots = await loadSidePlots([], sets, { runs: 3 });
    const matrix = plots.confusion!;
    expect(matrix.scope).toBe('summed over 3 runs');
    // 60 held-out flowers per run, three runs.
    expect(matrix.counts.flat().reduce((a, b) => a + b, 0)).toBe(180);
    const one = await loadSidePlots([], sets.slice(0, 1));
    const each = await Promise.all(sets.map((s) => loadSidePlots([], s)));
    matrix.counts.forEach((row, i) =>
      row.forEach((count, j) =>
        expect(count).toBe(each.reduce((sum, p) => sum + p.confusion!.counts[i]![j]!, 0)),
      ),
    );
    expect(one.confusion!.scope).toBeUndefined();
    const [chart] = confusionCharts(matrix);
    expect(chart!.title).toBe('Confusion matrix, summed over 3 runs');
    expect(chart!.alt).toMatch(
      /^Confusion matrix, summed over 3 runs, of the pull request over 3 classes .*180 examples/,
    );
  });

  it('names the run it shows when only one of several runs has predictions', async () => {
    const plots = await loadSidePlots([], await readPredictions(FIRST), { runs: 3 });
    expect(plots.confusion!.scope).toBe(`one run of 3: ${FIRST}`);
    expect(confusionCharts(plots.confusion!)[0]!.title).toBe(`Confusion matrix, one run of 3: ${FIRST}`);
  });

  it('keeps the one file when a run folder lacks it, rather than summing some of the runs', async () => {
    const first = await readPredictions(FIRST);
    expect(await predictionsOfRuns(first, [...RUNS, 'examples/iris-classifier/data'])).toEqual([first]);
  });
});
