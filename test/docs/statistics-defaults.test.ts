import { readFileSync } from 'node:fs';
import { DEFAULT_UNTESTABLE } from '../../packages/core/src/gates/types.js';
import { DEFAULT_CORRECTION } from '../../packages/core/src/stats/family.js';
import { DEFAULT_HISTORY_WINDOW, MIN_HISTORY_RECORDS } from '../../packages/core/src/stats/noise.js';
import { DEFAULT_RESAMPLES } from '../../packages/core/src/stats/bootstrap.js';
import { DEFAULT_SEED } from '../../packages/core/src/stats/random.js';
import {
  DEFAULT_ALPHA,
  MIN_BOOTSTRAP_RUNS,
  MIN_PAIRED_EXAMPLES,
} from '../../packages/core/src/stats/regression.js';

// Issue #11: "the default alpha is 0.05 in the code and 0.01 in docs/statistics.md". The defaults
// table of docs/statistics.md names each constant next to its value; this keeps them equal.
const statistics = readFileSync('docs/statistics.md', 'utf8');
const gates = readFileSync('docs/gates.md', 'utf8');
const config = readFileSync('docs/config.md', 'utf8');
const schema = readFileSync('schema/mlci.schema.json', 'utf8');

/** How the docs write a value: numbers with thousands separators, words as a reader says them. */
const shown = (value: number | string): string =>
  typeof value === 'number'
    ? value >= 1e5 // seeds are written whole, counts with separators
      ? String(value)
      : value.toLocaleString('en-US')
    : (({ holm: 'Holm', fail: 'fails' } as Record<string, string>)[value] ?? value);

const constants: Record<string, number | string> = {
  DEFAULT_ALPHA,
  DEFAULT_CORRECTION,
  DEFAULT_UNTESTABLE,
  MIN_BOOTSTRAP_RUNS,
  MIN_PAIRED_EXAMPLES,
  DEFAULT_HISTORY_WINDOW,
  MIN_HISTORY_RECORDS,
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
};

describe('the defaults in the docs are the defaults in the code', () => {
  const table = statistics.slice(
    statistics.indexOf('## Defaults'),
    statistics.indexOf('## Which test, when'),
  );

  it.each(Object.entries(constants))('docs/statistics.md gives %s its value', (name, value) => {
    expect(table).toContain(`**${shown(value)}** (\`${name}\`)`);
  });

  it('names no constant the code does not have', () => {
    const named = [...table.matchAll(/\(`([A-Z_]+)`\)/g)].map((m) => m[1]);
    expect(named.filter((name) => !(name! in constants))).toEqual([]);
  });

  it('gives alpha, the correction, the untestable default and the window the same everywhere', () => {
    expect(gates).toContain(`(default ${DEFAULT_ALPHA})`);
    expect(config).toContain(`history-window: ${DEFAULT_HISTORY_WINDOW}`);
    expect(config).toContain(
      `correction: ${DEFAULT_CORRECTION}              # ${DEFAULT_CORRECTION} (default)`,
    );
    expect(config).toContain(
      `untestable: ${DEFAULT_UNTESTABLE}              # a gate that cannot test: ${DEFAULT_UNTESTABLE} (default)`,
    );
    expect(schema).toContain(`(default ${DEFAULT_HISTORY_WINDOW})`);
    expect(schema).toContain(`(default ${DEFAULT_CORRECTION};`);
    expect(schema).toContain(`(default ${DEFAULT_UNTESTABLE};`);
  });
});
