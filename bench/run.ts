/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process (so peak RSS belongs to one
 * benchmark), then prints one table with each number next to its target. Pass names to run some:
 * `npm run bench -- csv tensorboard`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

const results: BenchResult[] = [];
let failures = 0;
for (const file of files) {
  process.stderr.write(`running ${file} ...\n`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(here, file)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) {
    failures++;
    process.stderr.write(`${file} failed with exit code ${child.status}\n${child.stdout}\n`);
    continue;
  }
  for (const line of child.stdout.split('\n')) {
    if (line.startsWith('BENCH ')) results.push(JSON.parse(line.slice(6)) as BenchResult);
  }
}

const rows = results.map((r) => {
  let verdict = '';
  if (r.target !== undefined && r.value !== undefined) {
    const ok =
      (r.target.atLeast === undefined || r.value >= r.target.atLeast) &&
      (r.target.atMost === undefined || r.value <= r.target.atMost);
    if (!ok) failures++;
    const bound = r.target.atLeast !== undefined ? `>= ${r.target.atLeast}` : `<= ${r.target.atMost}`;
    const unit = r.target.metric === '%' ? '%' : ` ${r.target.metric}`;
    verdict = `${r.value.toFixed(1)}${unit} (target ${bound}) ${ok ? 'ok' : 'MISSED'}`;
  }
  return [r.name, r.detail, `${r.seconds.toFixed(3)} s`, `${r.peakRssMiB.toFixed(0)} MiB`, verdict];
});
const header = ['benchmark', 'what', 'time', 'peak RSS', 'result'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const row of [header, widths.map((w) => '-'.repeat(w)), ...rows]) {
  process.stdout.write(
    row
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd() + '\n',
  );
}
process.exitCode = failures > 0 ? 1 : 0;
