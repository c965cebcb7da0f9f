import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../../../packages/core/src/errors.js';
import {
  checkStepFailures,
  recordingStepFailure,
  StepFailedError,
  writeState,
} from '../../../actions/shared/src/state.js';

// A report step that runs after a failed (or killed) evaluate / compare-metrics must fail the
// check, not judge the metrics again without that step's gates (test/actions/step-failed.e2e.test.ts).
const read = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));

describe('recordingStepFailure', () => {
  it('says the step did not finish while it runs, so a killed step leaves that behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlci-step-'));
    let during: unknown;
    await recordingStepFailure(dir, 'compare', 'compare-metrics', async () => {
      during = read(dir, 'compare');
      await writeState(dir, 'compare', { schema: 'mlci/compare', version: 1 } as { schema: string });
    });
    expect(during).toEqual({
      schema: 'mlci/step-failure',
      version: 1,
      step: 'compare-metrics',
      message:
        'compare-metrics started and did not finish (it failed, was cancelled or timed out): see its log',
    });
    expect(read(dir, 'compare').schema).toBe('mlci/compare');
    await expect(checkStepFailures(dir)).resolves.toBeUndefined();
  });

  it('keeps the error of a step that failed, and the report reads it as a step failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlci-step-'));
    await expect(
      recordingStepFailure(dir, 'evaluate', 'evaluate', async () => {
        throw new Error('input gates, line 2: "loss <= maybe" is not a gate');
      }),
    ).rejects.toThrow('is not a gate');
    const error = await checkStepFailures(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepFailedError);
    expect(error).toMatchObject({
      step: 'evaluate',
      message:
        'the evaluate step failed, so its gates were not evaluated: input gates, line 2: "loss <= maybe" is not a gate',
    });
  });

  it('reads a mistake in the inputs or the config as a configuration error, with its own message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlci-step-'));
    await recordingStepFailure(dir, 'compare', 'compare-metrics', async () => {
      throw new ConfigurationError('input gates, line 1: "accuracy dorp <= 0.005" is not a gate');
    }).catch(() => undefined);
    const error = await checkStepFailures(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).not.toBeInstanceOf(StepFailedError);
    expect((error as Error).message).toBe('input gates, line 1: "accuracy dorp <= 0.005" is not a gate');
  });

  it('keeps the results of a step that wrote them and then failed on purpose (fail-on-gate)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlci-step-'));
    await expect(
      recordingStepFailure(dir, 'evaluate', 'evaluate', async () => {
        await writeState(dir, 'evaluate', { schema: 'mlci/evaluate', version: 1 } as { schema: string });
        throw new Error('1 of 1 check failed: eval_wer');
      }),
    ).rejects.toThrow('eval_wer');
    expect(read(dir, 'evaluate').schema).toBe('mlci/evaluate');
    await expect(checkStepFailures(dir)).resolves.toBeUndefined();
  });

  it('finds a failed evaluate even when compare-metrics succeeded after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlci-step-'));
    await recordingStepFailure(dir, 'evaluate', 'evaluate', async () => {
      throw new Error('bad input');
    }).catch(() => undefined);
    await writeState(dir, 'compare', { schema: 'mlci/compare', version: 1 } as { schema: string });
    await expect(checkStepFailures(dir)).rejects.toThrow('the evaluate step failed');
  });

  it('keeps a failure record small, so the report never parses a large state file twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlci-step-'));
    await recordingStepFailure(dir, 'compare', 'compare-metrics', async () => {
      throw new Error(`gate "${'x'.repeat(100_000)}" matches no metric`);
    }).catch(() => undefined);
    const error = (await checkStepFailures(dir).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(StepFailedError);
    expect(error.message).toMatch(/x\.\.\. \(cut; the step's log has the whole message\)$/);
    expect(error.message.length).toBeLessThan(17_000);
  });

  it('lets a folder without state files through (the report reads the metrics itself)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlci-step-'));
    expect(existsSync(join(dir, 'compare.json'))).toBe(false);
    await expect(checkStepFailures(dir)).resolves.toBeUndefined();
  });
});
