import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

// Issue #14, item 6: only sklearn.yml ran report on `pull_request: closed`, so a team that copied
// any other example kept every pull request's charts on mlci-assets forever. Every example that
// posts a pull request report must run it on closed, with nothing else running then; the fork
// setup's clean-up must never check out or run the pull request's code.
const dir = fileURLToPath(new URL('../../examples/workflows/', import.meta.url));

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, { types?: string[] } | null>;
  jobs: Record<string, { steps: Step[] }>;
}

const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.yml'))
  .map((file) => ({ file, workflow: parse(readFileSync(`${dir}${file}`, 'utf8')) as Workflow }));
const isReport = (step: Step) => step.uses?.includes('/actions/report@') === true;
/** Runs on pull_request and its report posts (a comment or a check): it uploads the charts. */
const postsPullRequestReport = ({ workflow }: (typeof examples)[number]) =>
  'pull_request' in workflow.on &&
  Object.values(workflow.jobs).some((job) =>
    job.steps.some((s) => isReport(s) && s.with?.['upload-charts'] !== 'false'),
  );

describe('example workflows clean up after a closed pull request', () => {
  const posting = examples.filter(postsPullRequestReport);

  test('the examples that post a pull request report are the expected ones', () => {
    expect(posting.map((e) => e.file).sort()).toEqual([
      'dvc-dvclive.yml',
      'huggingface-trainer.yml',
      'lightning-tensorboard.yml',
      'matrix-sweep.yml',
      'mlflow.yml',
      'sklearn.yml',
    ]);
  });

  test.each(posting.map((e) => [e.file, e.workflow] as const))(
    '%s runs report on closed and skips every other step then',
    (_file, workflow) => {
      expect(workflow.on.pull_request?.types).toEqual(
        expect.arrayContaining(['opened', 'synchronize', 'reopened', 'closed']),
      );
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps) {
          if (isReport(step)) expect(step.if ?? '').not.toContain('closed');
          // A push-only step (`github.event_name == 'push'`) never runs on closed either.
          else expect(step.if).toMatch(/github\.event\.action != 'closed'|github\.event_name == 'push'/);
        }
      }
    },
  );

  test("the fork setup's clean-up runs only report, on pull_request_target: closed, with no checkout", () => {
    const cleanUp = examples.find((e) => e.file === 'fork-safe-clean-up.yml')!.workflow;
    expect(cleanUp.on).toEqual({ pull_request_target: { types: ['closed'] } });
    const steps = Object.values(cleanUp.jobs).flatMap((job) => job.steps);
    expect(steps).toHaveLength(1);
    expect(isReport(steps[0]!)).toBe(true);
    expect(readFileSync(`${dir}README.md`, 'utf8')).toContain('(fork-safe-clean-up.yml)');
  });
});
