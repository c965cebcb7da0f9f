import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { COMMANDS } from '../../scripts/release.js';

/**
 * .github/workflows/release.yml cannot be run by a test (it pushes tags and publishes), so this
 * reads it and checks the promises CONTRIBUTING.md makes about it: nothing is tagged before
 * everything is verified, nothing is published before it is tagged, the major tag moves last
 * and never for a pre-release, npm gets provenance, write access exists only where it is used,
 * and every script it calls exists.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const FILE = '.github/workflows/release.yml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { workflow_dispatch?: { inputs?: Record<string, { required?: boolean; type?: string }> } };
  permissions?: Record<string, string>;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(join(root, FILE), 'utf8')) as Workflow;
const needs = (job: Job): string[] => (job.needs === undefined ? [] : [job.needs].flat());

/** The jobs in the order they can run (each after the jobs it needs), then their steps. */
function stepsInOrder(): { job: string; step: Step }[] {
  const order: string[] = [];
  const visit = (name: string) => {
    if (order.includes(name)) return;
    needs(workflow.jobs[name]!).forEach(visit);
    order.push(name);
  };
  Object.keys(workflow.jobs).forEach(visit);
  return order.flatMap((job) => workflow.jobs[job]!.steps.map((step) => ({ job, step })));
}

const steps = stepsInOrder();

/** The position of the one step whose run: script matches. */
function position(what: string, pattern: RegExp): number {
  const found = steps.flatMap(({ step }, i) => (pattern.test(step.run ?? '') ? [i] : []));
  if (found.length !== 1) throw new Error(`${FILE}: expected one step that ${what}, found ${found.length}`);
  return found[0]!;
}

/** Whether job `later` runs only after job `earlier` succeeded. */
function after(later: string, earlier: string): boolean {
  return later === earlier || needs(workflow.jobs[later]!).some((n) => after(n, earlier));
}

describe('the release workflow', () => {
  const at = {
    verify: position('verifies the release', /scripts\/release\.ts verify "\$VERSION"/),
    dist: position('checks dist/', /\bnpm run check:dist\b/),
    pack: position('packs the CLI', /\bnpm run\b.*\bpack:cli\b/),
    smoke: position('smoke-tests the package', /\bnpm run smoke:cli\b/),
    tests: position('runs the tests', /^npm test$/m),
    tag: position('creates the release tag', /git tag -a "\$TAG"/),
    publish: position('publishes to npm', /\bnpm publish\b/),
    release: position('creates the GitHub release', /\bgh release create\b/),
    major: position('moves the major tag', /git push -f origin "refs\/tags\/\$MAJOR_TAG"/),
  };
  const jobOf = (i: number) => steps[i]!.job;

  it('runs by hand with a required version', () => {
    expect(Object.keys(workflow.on)).toEqual(['workflow_dispatch']);
    expect(workflow.on.workflow_dispatch?.inputs?.['version']).toMatchObject({
      required: true,
      type: 'string',
    });
  });

  it('verifies, checks dist/, packs, smoke-tests and tests before it tags, in a job the tagging job needs', () => {
    for (const check of [at.verify, at.dist, at.pack, at.smoke, at.tests]) {
      expect(check).toBeLessThan(at.tag);
      expect(after(jobOf(at.tag), jobOf(check))).toBe(true);
    }
    expect(at.pack).toBeLessThan(at.smoke);
  });

  it('tags before it publishes, publishes before the GitHub release, and moves the major tag last', () => {
    expect(at.tag).toBeLessThan(at.publish);
    expect(at.publish).toBeLessThan(at.release);
    expect(at.release).toBeLessThan(at.major);
    expect(at.major).toBe(steps.length - 1);
    expect(steps[at.tag]!.step.run).toMatch(/git push origin "refs\/tags\/\$TAG"/);
    expect(steps[at.major]!.step.run).toContain('git tag -f "$MAJOR_TAG" "$TAG^{}"');
  });

  it('never moves the major tag for a pre-release: the step is skipped when major-tag prints nothing', () => {
    expect(steps[at.major]!.step.if).toBe("needs.verify.outputs.major-tag != ''");
    expect(steps[at.verify]!.step.run).toContain(
      'major-tag=$(npx tsx scripts/release.ts major-tag "$VERSION")',
    );
    expect(steps[at.release]!.step.run).toContain('--prerelease');
  });

  it('publishes with provenance, to the dist-tag release.ts names, with the npm token only there', () => {
    const publishes = steps
      .flatMap(({ step }) => (step.run ?? '').split('\n'))
      .filter((l) => /\bnpm publish\b/.test(l));
    expect(publishes.length).toBeGreaterThan(0);
    for (const line of publishes) {
      expect(line).toContain('--provenance');
      expect(line).toContain('--tag "$NPM_TAG"');
    }
    const withToken = steps.filter(({ step }) => JSON.stringify(step).includes('secrets.NPM_TOKEN'));
    expect(withToken.map(({ step }) => step.env?.['NODE_AUTH_TOKEN'])).toEqual(['${{ secrets.NPM_TOKEN }}']);
    expect(withToken[0]!.step).toBe(steps[at.publish]!.step);
  });

  it('gives write access only to the job that tags and publishes, and runs one release at a time', () => {
    expect(workflow.permissions).toEqual({});
    expect(workflow.concurrency).toEqual({ group: 'release', 'cancel-in-progress': false });
    const writer = jobOf(at.tag);
    expect(jobOf(at.publish)).toBe(writer);
    expect(workflow.jobs[writer]!.permissions).toEqual({
      contents: 'write',
      'id-token': 'write',
      actions: 'read',
    });
    for (const [name, job] of Object.entries(workflow.jobs)) {
      if (name !== writer) expect(Object.values(job.permissions ?? {})).not.toContain('write');
    }
    // The job with write access runs none of the repository's code or its dependencies.
    const writerRuns = workflow.jobs[writer]!.steps.map((s) => s.run ?? '').join('\n');
    expect(writerRuns).not.toMatch(/\bnpm (ci|install|test|run)\b|\bnpx\b|\btsx\b/);
  });

  it('passes the version to scripts through the environment, never pasted into them', () => {
    for (const { step } of steps) {
      expect(step.run ?? '').not.toMatch(/\$\{\{\s*(inputs|github\.event\.inputs)\./);
    }
  });

  it('calls only scripts that exist', () => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: object })
      .scripts;
    const runs = steps.map(({ step }) => step.run ?? '').join('\n');
    const npmScripts = [...runs.matchAll(/\bnpm run(?:\s+-{1,2}[\w-]+)*\s+([\w:-]+)/g)].map((m) => m[1]!);
    if (/^npm test$/m.test(runs)) npmScripts.push('test');
    expect(npmScripts.length).toBeGreaterThanOrEqual(4);
    expect(npmScripts.filter((name) => !Object.hasOwn(scripts, name))).toEqual([]);
    const files = [...runs.matchAll(/\bnpx tsx (\S+)/g)].map((m) => m[1]!);
    expect(files.filter((file) => !existsSync(join(root, file)))).toEqual([]);
    const commands = [...runs.matchAll(/scripts\/release\.ts ([\w-]+)/g)].map((m) => m[1]!);
    expect(commands.filter((c) => !(COMMANDS as readonly string[]).includes(c))).toEqual([]);
  });
});
