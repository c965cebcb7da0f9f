import { spawnSync } from 'node:child_process';

// The real process, as a user or a CI job runs it: exit codes and streams, not just main()'s return.
function mlci(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', ...args], {
    encoding: 'utf8',
  });
}

describe('the mlci executable', () => {
  it('exits 0 and prints JSON on stdout', () => {
    const result = mlci('read', 'test/fixtures/real/dvc/churn-metrics-flat-head.json', '--json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).metrics).toEqual({
      f1: 0.5853051058530511,
      roc_auc: 0.8585411620999085,
    });
  });

  it('exits 2 with one line on stderr and nothing on stdout for bad input', () => {
    const result = mlci('read', 'no/such/metrics.json');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('mlci read: no/such/metrics.json: no such file or folder\n');
  });
});
