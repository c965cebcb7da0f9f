/**
 * The whole loop a pull request goes through, run locally:
 *
 *   1. train    the pull request's model (MAIN_PARAMS with PR_CHANGES) with seeds 1 to 3 -> out/pr/seed-N
 *   2. evaluate `mlci check`: the gates on the pull request's own numbers (its first seed)
 *   3. compare  `mlci report`: against the committed baseline/ (three seeds, plus per-example
 *   4. report     predictions for the paired tests), written to mlci-report/: report.md, the
 *                 charts, report.json and index.html
 *
 * Usage (from the repository root):
 *   npx tsx examples/iris-classifier/run.ts [--lr X] [--epochs N] [--l2 X] [--hidden N] [--batch-size N]
 *                                           [--out DIR] [--report DIR]
 *   --lr ... --batch-size  the pull request's hyper-parameters (default: PR_CHANGES below)
 *   --out DIR     where the pull request's runs go (default: examples/iris-classifier/out, git-ignored)
 *   --report DIR  where the report goes (default: mlci-report in the current folder, which the
 *                 repository's .gitignore and .prettierignore already skip: report.json and
 *                 index.html are not Prettier-formatted, so a report inside examples/ would fail
 *                 `npm run lint`)
 *
 * The mlci steps call the CLI's main() in this process rather than spawning `mlci`, which saves a
 * second TypeScript start-up; the command line each step is equivalent to is printed before it.
 * The exit code is mlci report's: 0 when the change may merge (warnings allowed), 1 when a gate failed.
 */
import { rmSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { main, type CliIO } from '@mlci/cli';
import { MAIN_PARAMS, PARAM_FLAGS, SEEDS, loadIris, paramsFromFlags, train, type Params } from './train.js';

/**
 * The pull request: double the learning rate and halve the epochs, to train twice as fast.
 * Accuracy holds; the log loss rises a little on average, within the seeds' noise.
 */
const PR_CHANGES: Partial<Params> = { lr: 0.1, epochs: 30 };

const here = dirname(fileURLToPath(import.meta.url));
/** Paths as the user would type them from where they ran this, so printed commands can be pasted. */
const shown = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel || '.';
};

const io: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

async function mlci(args: string[]): Promise<number> {
  const quoted = args.map((a) => (/^[\w./:=-]+$/.test(a) ? a : `'${a}'`));
  console.log(`\n$ mlci ${quoted.join(' ')}`);
  return main(args, io);
}

/** "lr 0.05 -> 0.1, epochs 60 -> 30": what this pull request changes, for the log. */
function changesFromMain(params: Params): string {
  const changed = (Object.keys(MAIN_PARAMS) as Array<keyof Params>)
    .filter((key) => key !== 'seed' && params[key] !== MAIN_PARAMS[key])
    .map((key) => `${key} ${MAIN_PARAMS[key]} -> ${params[key]}`);
  return changed.length > 0 ? changed.join(', ') : 'the same hyper-parameters as main';
}

async function run(params: Params, outRoot: string, reportDir: string): Promise<number> {
  const started = Date.now();
  const config = shown(join(here, '.mlci.yml'));
  const runOf = (side: string, seed: number) => join(side, `seed-${seed}`);
  const prRoot = join(outRoot, 'pr');
  const baseRoot = join(here, 'baseline');

  console.log(`1. train: the pull request's model (${changesFromMain(params)}), seeds ${SEEDS.join(', ')}`);
  // A clean folder, so a seed trained by an earlier run with other settings cannot be mixed in.
  rmSync(prRoot, { recursive: true, force: true });
  const data = loadIris();
  for (const seed of SEEDS) {
    const out = runOf(prRoot, seed);
    const { metrics } = train({ ...params, seed }, out, data);
    console.log(
      `   ${shown(out)}: accuracy ${String(metrics.accuracy)}, log loss ${String(metrics.log_loss)}`,
    );
  }

  console.log(`\n2. evaluate: the gates on the pull request's own numbers`);
  const checked = await mlci(['check', '--config', config, shown(runOf(prRoot, 1))]);
  if (checked === 2) return checked;

  console.log(`\n3-4. compare with the baseline (main, ${SEEDS.length} seeds) and write the report`);
  const code = await mlci([
    'report',
    '--config',
    config,
    ...SEEDS.flatMap((seed) => ['--base', shown(runOf(baseRoot, seed))]),
    ...SEEDS.flatMap((seed) => ['--head', shown(runOf(prRoot, seed))]),
    '--base-predictions',
    shown(join(runOf(baseRoot, 1), 'eval', 'predictions.csv')),
    '--head-predictions',
    shown(join(runOf(prRoot, 1), 'eval', 'predictions.csv')),
    '--out',
    shown(reportDir),
  ]);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\nDone in ${seconds} s. Open ${shown(join(reportDir, 'index.html'))} in a browser to see the comment GitHub would show.`,
  );
  return code;
}

// Every seed is trained, so --seed is not a flag here; the others override PR_CHANGES.
const { seed: _seed, ...flags } = PARAM_FLAGS;
try {
  const { values } = parseArgs({
    options: { ...flags, out: { type: 'string' }, report: { type: 'string' } },
  });
  const params = paramsFromFlags(values, { ...MAIN_PARAMS, ...PR_CHANGES });
  process.exitCode = await run(params, values.out ?? join(here, 'out'), values.report ?? 'mlci-report');
} catch (error) {
  console.error(`run.ts: ${(error as Error).message}`);
  process.exitCode = 2;
}
