import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, ParseError } from '../../../packages/core/src/errors.js';
import { probePath } from '../../../packages/core/src/readers/files.js';
import { chooseReader, readMetricsPath } from '../../../packages/core/src/readers/registry.js';

const REAL = 'test/fixtures/real/wandb/jaxmarl-ippo-smoke-wandb-summary.json';
const work = mkdtempSync(join(tmpdir(), 'mlci-wandb-'));
let counter = 0;

function folder(files: Record<string, string>): string {
  const dir = join(work, `case-${counter++}`);
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, ...name.split('/'));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

const CONFIG = `wandb_version: 1

_wandb:
  desc: null
  value:
    cli_version: 0.16.6
    python_version: 3.10.12
lr:
  desc: null
  value: 0.0003
model:
  desc: null
  value:
    name: resnet18
    layers: [2, 2, 2, 2]
use_amp:
  value: true
`;

describe('wandb: the real wandb-summary.json of a JaxMARL smoke run', () => {
  it('is detected by its name', async () => {
    const dir = folder({ 'wandb-summary.json': '{"_step": 1, "acc": 0.5}' });
    expect(chooseReader(await probePath(join(dir, 'wandb-summary.json')))?.format).toBe('wandb');
    expect(chooseReader(await probePath(REAL))?.format).toBe('wandb');
  });

  it('keeps each logged key as W&B shows it, with its dots escaped', async () => {
    const doc = await readMetricsPath(REAL, { format: 'wandb' });
    expect(doc.metrics).toMatchObject({
      'loss/policy': -0.018968094140291214,
      'loss/entropy': 1.7823832035064697,
      'event/pickup': 13,
      'delivery_count\\.agent_0': 0,
      _step: 160,
      _runtime: 5,
      // A dict logged as one value is flattened like JSON.
      'reward_structure.mechanics.pot_cook_time': 20,
      'reward_structure.shaped_reward_coeff': 30,
    });
    expect(doc.params).toMatchObject({
      saved_model_path: 'checkpoints/smoke_ippo_v3_cpu/model.msgpack',
      'reward_structure.layout': 'cramped_room',
      'reward_structure.shaped_rewards_enabled': true,
    });
  });

  it('names the tables it cannot compare, and tells the time of the last log instead of making it a param', async () => {
    const doc = await readMetricsPath(REAL, { format: 'wandb' });
    const notes = doc.sources[0]!.notes;
    expect(notes).toContain(
      'not numbers (W&B media and tables): reward_structure/table (table-file), training_history/table (table-file)',
    );
    expect(notes).toContain('last logged at 2026-06-10T00:59:12.429Z (_timestamp)');
    expect(doc.params['_timestamp']).toBeUndefined();
    expect(Object.keys(doc.metrics).some((k) => k.startsWith('training_history/table'))).toBe(false);
  });
});

describe('wandb: run folders', () => {
  const summary = (acc: number) =>
    JSON.stringify({ acc, _step: 9, _wandb: { runtime: 42 }, _timestamp: 1.7e9 });

  it('reads a run folder: files/wandb-summary.json and the config as params', async () => {
    const dir = folder({
      'files/wandb-summary.json': summary(0.9),
      'files/config.yaml': CONFIG,
      'files/requirements.txt': 'torch\n',
    });
    expect(chooseReader(await probePath(dir))?.format).toBe('wandb');
    const doc = await readMetricsPath(dir);
    expect(doc.metrics).toEqual({ _runtime: 42, _step: 9, acc: 0.9 });
    expect(doc.params).toEqual({
      lr: 0.0003,
      'model.name': 'resnet18',
      'model.layers.0': 2,
      'model.layers.1': 2,
      'model.layers.2': 2,
      'model.layers.3': 2,
      use_amp: true,
    });
  });

  it('reads the latest-run of a wandb/ folder, or the run named with --run', async () => {
    const dir = folder({
      'run-20240101_000000-aaaa1111/files/wandb-summary.json': summary(0.1),
      'run-20240202_000000-bbbb2222/files/wandb-summary.json': summary(0.2),
      'offline-run-20240303_000000-cccc3333/files/wandb-summary.json': summary(0.3),
    });
    // Without latest-run: the newest by the start time in the name, offline runs included.
    let doc = await readMetricsPath(dir);
    expect(doc.metrics['acc']).toBe(0.3);
    expect(doc.sources[0]!.notes.join('\n')).toContain(
      'chose the newest of 3 runs: offline-run-20240303_000000-cccc3333',
    );
    symlinkSync('run-20240101_000000-aaaa1111', join(dir, 'latest-run'));
    doc = await readMetricsPath(dir);
    expect(doc.metrics['acc']).toBe(0.1);
    doc = await readMetricsPath(dir, { run: 'cccc3333' });
    expect(doc.metrics['acc']).toBe(0.3);
    await expect(readMetricsPath(dir, { run: 'zzzz' })).rejects.toThrow(
      /no W&B run "zzzz" here; runs: aaaa1111, bbbb2222, cccc3333/,
    );
  });

  it('says what is missing when a run has not finished', async () => {
    const dir = folder({ 'files/wandb-summary.json': '{}', 'files/config.yaml': CONFIG });
    const running = folder({ 'run-20240101_000000-aaaa1111/files/config.yaml': CONFIG });
    await expect(
      readMetricsPath(join(running, 'run-20240101_000000-aaaa1111'), { format: 'wandb' }),
    ).rejects.toThrow(ConfigurationError);
    await expect(
      readMetricsPath(join(running, 'run-20240101_000000-aaaa1111'), { format: 'wandb' }),
    ).rejects.toThrow(/no wandb-summary.json in .*: W&B writes it when the run finishes/);
    expect((await readMetricsPath(dir)).metrics).toEqual({});
  });
});

describe('wandb: bad input', () => {
  it('names the file and position of broken JSON, and refuses a list', async () => {
    const dir = folder({ 'wandb-summary.json': '{"acc": 0.5,\n "loss": }', 'list.json': '[1, 2]' });
    await expect(readMetricsPath(join(dir, 'wandb-summary.json'))).rejects.toThrow(
      /wandb-summary\.json:2:\d+/,
    );
    await expect(readMetricsPath(join(dir, 'list.json'), { format: 'wandb' })).rejects.toThrow(ParseError);
    await expect(readMetricsPath(join(dir, 'list.json'), { format: 'wandb' })).rejects.toThrow(
      /expected a JSON object of logged values \(a wandb-summary.json\), found a list/,
    );
  });

  it('names the line of a broken config.yaml', async () => {
    const dir = folder({
      'files/wandb-summary.json': '{"a": 1}',
      'files/config.yaml': 'lr:\n  value: [1,\n',
    });
    await expect(readMetricsPath(dir)).rejects.toThrow(/config\.yaml:\d+:\d+: invalid YAML/);
  });
});

describe('wandb: run folders with the binary log run-<id>.wandb (real runs)', () => {
  const KWT = 'test/fixtures/real/wandb-binary/keyword-transformer';
  const NNM = 'test/fixtures/real/wandb-binary/nn-modularity/run-20250126_193919-axeaxk52';

  it('reads the history from the log, the summary and config from files/', async () => {
    expect(chooseReader(await probePath(KWT))?.format).toBe('wandb');
    const doc = await readMetricsPath(KWT);
    // wandb-summary.json was written two steps after the log's last row: its values are final.
    expect(doc.metrics).toEqual({
      'Training/accuracy': 58.59375,
      'Training/loss': 1.4769244194030762,
      'Training/step': 863,
      'Validation/accuracy': 68.17555147058823,
      'Validation/step': 792,
      _runtime: 21,
      _step: 863,
    });
    expect(doc.series['Training/loss']!.stats.last).toEqual({
      step: 861,
      value: 1.6868462562561035,
      wallTime: 1651263597,
    });
    expect(doc.params).toEqual({ Notes: 'Default Hyper Parameters, Swish activation.' });
    const run = 'run-20220429_201936-3ojed7lz';
    expect(doc.sources[0]!.notes).toEqual(
      expect.arrayContaining([
        `${run}/files/wandb-summary.json is at _step 863, the history ends at step 861: its last rows were not written (or not copied); the summary's values are the final ones`,
        `read ${run}/run-3ojed7lz.wandb, ${run}/files/wandb-summary.json, ${run}/files/config.yaml of ${KWT}`,
      ]),
    );
    expect(doc.sources[0]!.warnings).toEqual([
      expect.stringMatching(
        new RegExp(`^${run}/run-3ojed7lz\\.wandb: the log ends inside record 1107 \\(at byte 335628\\)`),
      ),
    ]);
  });

  it('tells that a run failed: its exit code is a param, and a warning', async () => {
    expect(chooseReader(await probePath(NNM))?.format).toBe('wandb');
    const doc = await readMetricsPath(NNM);
    expect(doc.series['GPT-2 Token Sub-Space Intervention Loss 5']!.stats.count).toBe(20);
    expect(doc.metrics['GPT-2 Token Sub-Space Intervention Loss 5']).toBe(0.08507950896663326);
    expect(doc.params).toEqual({ _exit_code: 1 });
    expect(doc.sources[0]!.warnings).toEqual(['run-axeaxk52.wandb: the run ended with exit code 1']);
  });

  it('reads the log alone when it is the file given, with or without --format', async () => {
    const log = `${NNM}/run-axeaxk52.wandb`;
    const doc = await readMetricsPath(log, { format: 'wandb' });
    expect(doc).toEqual(await readMetricsPath(log));
    expect(doc.sources[0]!.notes.join('\n')).not.toContain('wandb-summary.json');
    expect(doc.metrics['_runtime']).toBe(4664.358548879623);
  });
});
