import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';

// Issue #13, item 4, as measured on a clean clone: `accuracy >= 90%` was refused although the
// report shows percentages, and a gate naming a metric that does not exist exited 1 ("gate
// failed") where the mistake is the configuration's (exit 2).
const dir = mkdtempSync(join(tmpdir(), 'mlci-cli-gates-'));
let count = 0;
function file(content: string, name = `run-${++count}.json`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const RUN = file('{"accuracy": 0.91, "val_accuracy": 0.88, "accuracy_top1": 0.9, "error_rate": 0.03}');

describe('percent literals in gates', () => {
  it('reads accuracy >= 90% as accuracy >= 0.9 for a fraction', async () => {
    const passed = await runCli('check', RUN, '--gate', 'accuracy >= 90%', '--gate', 'error_rate <= 5%');
    expect(passed.code).toBe(0);
    expect(passed.stderr).toBe('');
    expect(passed.stdout).toMatch(/^PASSED: all 2 checks passed\n/);
    const failed = await runCli('check', RUN, '--gate', 'accuracy in [92%, 100%]');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('0.91 is below the allowed range [0.92, 1] (92% to 100%)');
  });

  it('means 90 for a metric declared in percent', async () => {
    const run = file('{"top1": 91.3}');
    const config = file('metrics:\n  top1: { unit: percent }\n', 'percent.yml');
    const { code, stdout } = await runCli('check', run, '--config', config, '--gate', 'top1 >= 90%');
    expect(code).toBe(0);
    expect(stdout).toContain('91.3% >= 90%');
  });

  it('refuses a percent bound on a metric whose value is no fraction and whose unit is not declared (exit 2)', async () => {
    const run = file('{"top1": 91.3}');
    const { code, stdout, stderr } = await runCli('check', run, '--gate', 'top1 >= 90%');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'mlci check: --gate #1: gate "top1 >= 90%": top1 is 91.3 in the pull request, not a fraction from 0 to 1, so 90% could mean 0.9 or 90. ' +
        'If top1 is written in percent, declare it in .mlci.yml (metrics: { top1: { unit: percent } }); if it is a fraction, write the bound as one (0.9)\n',
    );
  });
});

describe('a gate that matches no metric', () => {
  it('is a configuration error (exit 2) that names the metrics probably meant', async () => {
    const { code, stdout, stderr } = await runCli('check', RUN, '--gate', 'acuracy >= 0.9');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'mlci check: --gate #1: gate "acuracy >= 0.9" matches no metric; did you mean accuracy?\n' +
        'A gate that matches nothing would check nothing: fix the name, or write "<metric> required" for a metric that must be there.\n',
    );
    const several = await runCli(
      'check',
      file('{"val_accuracy": 0.8, "accuracy_top1": 0.9, "loss": 0.1}'),
      '--gate',
      'accuracy >= 0.9',
    );
    expect(several.stderr).toMatch(
      /^mlci check: --gate #1: gate "accuracy >= 0.9" matches no metric; did you mean val_accuracy, accuracy_top1\?\n/,
    );
  });

  it('a gate on data metrics (drift., data., schema.) in a model check still fails, and says where it is checked', async () => {
    const { code, stderr } = await runCli('check', RUN, '--gate', 'drift.share <= 0.3');
    expect(code).toBe(2);
    expect(stderr).toContain(
      "drift.*, data.* and schema.* metrics come from mlci drift and mlci validate: give this gate to them (--gate), or add the metrics document they write (--out) to this run's files",
    );
  });

  it('a glob that matches nothing is one too', async () => {
    const { code, stderr } = await runCli('check', RUN, '--gate', 'eval.*.f1 >= 0.5');
    expect(code).toBe(2);
    expect(stderr).toContain(
      'gate "eval.*.f1 >= 0.5" matches no metric of the pull request (its metrics: accuracy, accuracy_top1, error_rate, val_accuracy)\n',
    );
  });

  it('a metric the baseline has and the head lacks is a failed gate (exit 1), not a mistake', async () => {
    const base = file('{"accuracy": 0.91, "f1": 0.8}');
    const head = file('{"accuracy": 0.92}');
    const { code, stdout } = await runCli('compare', '--base', base, '--head', head, '--gate', 'f1 >= 0.7');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAILED: 1 of 1 check failed: f1\n/);
    expect(stdout).toContain('f1 is missing from the head, though the baseline has it (0.8)');
  });

  it('"required" asserts presence: its metric missing is a failed gate (exit 1)', async () => {
    const { code, stdout } = await runCli('check', RUN, '--gate', 'f1 required');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAILED: 1 of 1 check failed: f1\n/);
    expect(stdout).toContain('f1 is missing');
  });
});
