/**
 * The installed `mlci` package (issue #13): `mlci --version` and `mlci read` of a small file, each
 * minus `node -e 0` measured in the same rounds (interleaved, so a busy moment of this shared
 * machine hits all three alike). Also the packed tarball's size and `npm install -g` time from a
 * warm local cache (the second of two installs; `--prefer-offline`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packCli } from '../scripts/pack-cli.js';
import { DATA_DIR, emit, median, peakRssMiB } from './lib.js';

const ROUNDS = 15;
const work = join(DATA_DIR, 'cli-package');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const tarball = await packCli(work);
const sizeKiB = statSync(tarball).size / 1024;

const install = (prefix: string): number => {
  rmSync(prefix, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  execFileSync(
    'npm',
    ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball],
    { stdio: 'ignore' },
  );
  return Number(process.hrtime.bigint() - started) / 1e6;
};
install(join(work, 'warm-up'));
const prefix = join(work, 'prefix');
const installMs = install(prefix);
const mlci = join(prefix, 'bin', 'mlci');
const small = join(work, 'metrics.json');
writeFileSync(small, JSON.stringify({ accuracy: 0.912, loss: 0.301, f1: 0.88, epoch: 12 }));

const wall = (file: string, args: string[]): number => {
  const started = process.hrtime.bigint();
  const ran = spawnSync(file, args, { stdio: 'ignore' });
  if (ran.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${String(ran.status)}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
};
const node: number[] = [];
const version: number[] = [];
const read: number[] = [];
wall(mlci, ['read', small]); // page cache
for (let i = 0; i < ROUNDS; i++) {
  node.push(wall(process.execPath, ['-e', '0']));
  version.push(wall(mlci, ['--version']));
  read.push(wall(mlci, ['read', small]));
}
const nodeMs = median(node);
const versionAbove = median(version) - nodeMs;
const readAbove = median(read) - nodeMs;
emit({
  name: 'cli-version-above-node',
  detail: `installed mlci --version ${median(version).toFixed(0)} ms minus node -e 0 ${nodeMs.toFixed(0)} ms, medians of ${ROUNDS} interleaved rounds`,
  seconds: versionAbove / 1000,
  peakRssMiB: peakRssMiB(),
  target: { metric: 'ms', atMost: 100 },
  value: versionAbove,
});
emit({
  name: 'cli-read-above-node',
  detail: `installed mlci read of a 4-metric JSON file ${median(read).toFixed(0)} ms minus node -e 0 ${nodeMs.toFixed(0)} ms`,
  seconds: readAbove / 1000,
  peakRssMiB: peakRssMiB(),
  target: { metric: 'ms', atMost: 150 },
  value: readAbove,
});
emit({
  name: 'cli-package',
  detail: `${tarball.split('/').pop()}: ${sizeKiB.toFixed(0)} KiB packed; npm install -g from a warm cache ${installMs.toFixed(0)} ms`,
  seconds: installMs / 1000,
  bytes: statSync(tarball).size,
  peakRssMiB: peakRssMiB(),
});
rmSync(work, { recursive: true, force: true });
