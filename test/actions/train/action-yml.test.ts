import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { COMPOSITE_ONLY_INPUTS, INPUT, OUTPUT } from '../../../actions/train/src/inputs.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const actionYml = readFileSync(`${root}actions/train/action.yml`, 'utf8');
const readme = readFileSync(`${root}actions/train/README.md`, 'utf8');

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description?: string; default?: unknown; required?: boolean }>;
  outputs: Record<string, { description?: string; value?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(actionYml) as Action;
const trainStep = action.runs.steps.find((step) => step.id === 'train');

describe('actions/train/action.yml', () => {
  it('declares exactly the inputs and outputs the code knows, in kebab-case', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUT).sort());
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(OUTPUT).sort());
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });

  it('gives every input a description and a default, or required: true', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect([name, typeof input.description === 'string' && input.description.length > 10]).toEqual([
        name,
        true,
      ]);
      expect([name, input.required === true || input.default !== undefined]).toEqual([name, true]);
    }
    expect(action.inputs.run?.required).toBe(true);
  });

  it('is a composite action whose every run step sets its shell', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) {
      if (step.run !== undefined) expect([step.name, step.shell]).toEqual([step.name, 'bash']);
      if (step.uses !== undefined) expect(step.uses).toMatch(/^actions\/(cache|upload-artifact)@v4$/);
    }
  });

  it('runs the bundle next to the action through GITHUB_ACTION_PATH', () => {
    expect(trainStep?.run).toBe('node "$GITHUB_ACTION_PATH/../../dist/train/index.js"');
  });

  it('passes every input run() reads under the name @actions/core getInput looks for', () => {
    const expected = Object.values(INPUT)
      .filter((name) => !COMPOSITE_ONLY_INPUTS.includes(name))
      .map((name) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, `\${{ inputs.${name} }}`]);
    expect(Object.entries(trainStep?.env ?? {}).sort()).toEqual(expected.sort());
  });

  it('maps each output to the train step', () => {
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.value).toBe(`\${{ steps.train.outputs.${name} }}`);
      expect(output.description).toBeTruthy();
    }
  });

  it('uses the cache and upload inputs only in their steps, guarded by their being set', () => {
    const cache = action.runs.steps.find((step) => step.uses?.startsWith('actions/cache'));
    expect(cache?.if).toBe("inputs.cache-path != ''");
    expect(cache?.with).toEqual({ path: '${{ inputs.cache-path }}', key: '${{ inputs.cache-key }}' });
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'));
    expect(upload?.if).toBe("${{ !cancelled() && inputs.artifact-path != '' }}");
    expect(upload?.with?.name).toBe('${{ inputs.artifact-name }}');
    expect(upload?.with?.path).toBe('${{ inputs.artifact-path }}');
  });
});

describe('actions/train/README.md', () => {
  it('has a table row for every input and output, with the default action.yml gives', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      expect([name, row !== undefined]).toEqual([name, true]);
      const shown = input.required === true ? 'required' : `\`${String(input.default)}\``;
      if (input.default !== '') expect(row).toContain(shown);
    }
    for (const name of Object.keys(action.outputs)) {
      expect(readme).toContain(`| \`${name}\` |`);
    }
  });

  it('shows how to use it by its published reference', () => {
    expect(readme).toContain('uses: mlci-dev/mlci/actions/train@v1');
  });
});
