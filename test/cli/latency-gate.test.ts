// A latency gate end to end through `mlci compare` (#15): raw timings of both sides, the p95 of
// the pull request 30% higher, tested with the quantile bootstrap; the same distribution passes.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '../../packages/core/src/stats/random.js';
import { runCli } from '../support/cli.js';

/** `n` lognormal timings (CV about 0.2) around `scale` ms, one per line, in a folder of its own. */
function timings(dir: string, seed: number, scale: number, n = 400): string {
  const random = createRandom(seed);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    // Box-Muller from two uniforms: a normal, then exp(0.2 * z).
    const z = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    lines.push((scale * Math.exp(0.2 * z)).toFixed(4));
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'latency.timings.txt');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const root = mkdtempSync(join(tmpdir(), 'mlci-latency-'));
const base = timings(join(root, 'base'), 1, 10);
const slower = timings(join(root, 'slower'), 2, 13);
const same = timings(join(root, 'same'), 3, 10);
const GATE = 'latency.time_ms p95 rise <= 10%';

describe('latency.time_ms p95 rise <= 10% through mlci compare', () => {
  it('fails a pull request whose p95 rose by about 30%, with the test behind it', async () => {
    const { code, stdout } = await runCli('compare', '--base', base, '--head', slower, '--gate', GATE);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAILED: 1 of 1 check failed: latency\.time_ms\.p95/);
    expect(stdout).toMatch(
      /a rise beyond the allowed 10%, p = 0\.0\d+ < 0\.05 \(bootstrap of the p95, n = 400 vs 400 samples\)/,
    );
  });

  it('passes a pull request timed from the same distribution', async () => {
    const { code, stdout } = await runCli('compare', '--base', base, '--head', same, '--gate', GATE);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PASSED/);
  });
});
