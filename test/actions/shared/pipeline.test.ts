import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyConfig } from '@mlci/core';
import { readBaselineRuns, type MetricsSetup } from '../../../actions/shared/src/pipeline.js';
import { readState } from '../../../actions/shared/src/state.js';

const SHA = 'abcdef1234567890abcdef1234567890abcdef12';
const setup: MetricsSetup = {
  config: emptyConfig(),
  extraGates: [],
  files: [{ path: 'metrics.json' }],
  repeats: [],
};

function fetched(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-fetched-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('a fetched baseline that is not JSON', () => {
  it('names the history file by where it came from, and says what to do', async () => {
    const dir = fetched({ [`${SHA}.json`]: '{"schema": "mlci/history", ' });
    const found = {
      source: 'history' as const,
      label: 'main@abcdef1',
      sha: SHA,
      dir,
      files: [join(dir, `${SHA}.json`)],
    };
    await expect(readBaselineRuns(found, setup)).rejects.toThrow(
      new RegExp(`^history:abcdef1:${SHA}\\.json: not JSON \\(.*\\); the report action writes these files`),
    );
  });

  it("names an artifact's state file by where it came from", async () => {
    const dir = fetched({ 'compare.json': 'not json' });
    const found = {
      source: 'artifact' as const,
      label: 'main@abcdef1',
      sha: SHA,
      dir,
      files: [join(dir, 'compare.json')],
    };
    await expect(readBaselineRuns(found, setup)).rejects.toThrow(/^artifact:abcdef1:compare\.json: not JSON/);
  });
});

describe('a state file that is not JSON', () => {
  it('is an error that names it and says what to do', async () => {
    const dir = fetched({ 'compare.json': '{' });
    await expect(readState(dir, 'compare', 'mlci/compare')).rejects.toThrow(
      `${join(dir, 'compare.json')}: not JSON`,
    );
    await expect(readState(dir, 'compare', 'mlci/compare')).rejects.toThrow(
      /delete it or rerun the step that wrote it$/,
    );
  });
});
