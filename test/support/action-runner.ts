import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * Runs a JavaScript action from the committed dist/ the way the GitHub Actions runner does: every
 * input declared in action.yml as INPUT_<NAME> (defaults applied, `${{ github.token }}` replaced),
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV / GITHUB_STATE files, GITHUB_EVENT_PATH with a
 * webhook payload, the workspace as the working directory, and `node dist/<name>/index.js`.
 */
export interface ActionRun {
  exitCode: number;
  outputs: Record<string, string>;
  summary: string;
  stdout: string;
  stderr: string;
  milliseconds: number;
}

export interface RunOptions {
  workspace: string;
  event: { name: string; payload: unknown };
  inputs?: Record<string, string>;
  token: string;
  apiUrl: string;
  repository: string;
  sha: string;
  ref: string;
  headRef?: string;
  baseRef?: string;
  runId?: number;
  /**
   * RUNNER_TEMP: the job's temporary folder, shared by the steps of one job (the compile cache of
   * the actions lives there). A fresh folder per step when not given.
   */
  runnerTemp?: string;
  /**
   * Another build of dist/ to run (bench/compare-builds.ts); default `MLCI_TEST_DIST` when set (a
   * build of work in progress, `buildDist(dir)`, so the committed dist/ stays as it is), else the
   * repository's.
   */
  distDir?: string;
  /** More environment variables of the step (a workflow's `env:`). */
  env?: Record<string, string>;
}

const ROOT = resolve(import.meta.dirname, '../..');

interface ActionYaml {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; main?: string };
}

export function actionInputs(name: string): ActionYaml {
  return parse(readFileSync(join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as ActionYaml;
}

/** The Node the steps run on: MLCI_ACTION_NODE=/path/to/node (the runner uses 24), else this one. */
export function stepNode(): { path: string; version: string; major: number } {
  const path = process.env.MLCI_ACTION_NODE || process.execPath;
  let version = stepNodeVersions.get(path);
  if (version === undefined) {
    // Asked once per binary: a `node --version` costs tens of milliseconds.
    version =
      path === process.execPath
        ? process.version
        : execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
    stepNodeVersions.set(path, version);
  }
  return { path, version, major: Number(/^v(\d+)/.exec(version)?.[1]) };
}

const stepNodeVersions = new Map<string, string>();

export async function runDistAction(name: string, options: RunOptions): Promise<ActionRun> {
  const action = actionInputs(name);
  const files = mkdtempSync(join(tmpdir(), `mlci-runner-${name}-`));
  const paths = {
    GITHUB_OUTPUT: join(files, 'output'),
    GITHUB_STEP_SUMMARY: join(files, 'summary.md'),
    GITHUB_ENV: join(files, 'env'),
    GITHUB_STATE: join(files, 'state'),
    GITHUB_EVENT_PATH: join(files, 'event.json'),
  };
  for (const path of Object.values(paths)) writeFileSync(path, '');
  writeFileSync(paths.GITHUB_EVENT_PATH, JSON.stringify(options.event.payload));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    // The test run's temporary folder (test/support/temp-folder.js), as a runner's own TMPDIR.
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: options.repository,
    GITHUB_EVENT_NAME: options.event.name,
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.ref,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: String(options.runId ?? 1001),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'model',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKSPACE: options.workspace,
    RUNNER_TEMP: options.runnerTemp ?? mkdtempSync(join(tmpdir(), 'mlci-runner-temp-')),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 2',
    ...paths,
    ...options.env,
  };
  if (options.headRef !== undefined) env.GITHUB_HEAD_REF = options.headRef;
  if (options.baseRef !== undefined) env.GITHUB_BASE_REF = options.baseRef;
  for (const [input, spec] of Object.entries(action.inputs ?? {})) {
    const given = options.inputs?.[input];
    const value = given ?? String(spec.default ?? '').replace('${{ github.token }}', options.token);
    env[`INPUT_${input.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const input of Object.keys(options.inputs ?? {})) {
    if (!(input in (action.inputs ?? {}))) throw new Error(`${name} has no input ${input} in its action.yml`);
  }
  const distDir = options.distDir ?? (process.env['MLCI_TEST_DIST'] || undefined);
  const entry =
    distDir !== undefined
      ? join(distDir, name, 'index.js')
      : join(ROOT, 'actions', name, action.runs.main ?? '');
  // Before the clock starts: the first call for a binary asks it for its version.
  const node = stepNode().path;
  const started = performance.now();
  // MLCI_ACTION_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the steps (bench/actions.bench.ts).
  const nodeArgs = (process.env.MLCI_ACTION_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  const child = spawn(node, [...nodeArgs, entry], { cwd: options.workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? -1)));
  return {
    exitCode,
    outputs: parseOutputFile(readFileSync(paths.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(paths.GITHUB_STEP_SUMMARY, 'utf8'),
    stdout,
    stderr,
    milliseconds: performance.now() - started,
  };
}

/** `name<<DELIMITER\nvalue\nDELIMITER` blocks, as @actions/core writes GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m === null) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    outputs[m[1]!] = value.join('\n');
  }
  return outputs;
}

const require = createRequire(import.meta.url);
/** A webhook payload as JSON, edited by tests field by field (the shapes are GitHub's, not ours). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Payload = Record<string, any>;
type Example = Payload & { action?: string };
const index = require('@octokit/webhooks-examples/api.github.com/index.json') as Array<{
  name: string;
  examples: Example[];
}>;

/** A real example payload GitHub sent, as collected by the Octokit project. */
export function webhookExample(event: string, action?: string): Example {
  const examples = index.find((e) => e.name === event)?.examples ?? [];
  const example = examples.find((e) => action === undefined || e.action === action);
  if (example === undefined) throw new Error(`no ${event}${action ? `.${action}` : ''} example payload`);
  return structuredClone(example);
}

/**
 * GitHub's `pull_request.opened` example payload, pointed at a pull request of `repository`
 * (`owner/name`): its number, head `feature` at `head` (in `headRepository`, a fork, when given),
 * base `main` at `base`.
 */
export function pullRequestPayload(pr: {
  number: number;
  head: string;
  base: string;
  repository: string;
  headRepository?: string;
}): Example {
  const [owner, name] = pr.repository.split('/') as [string, string];
  const payload = webhookExample('pull_request', 'opened');
  payload.number = pr.number;
  payload.pull_request.number = pr.number;
  Object.assign(payload.pull_request.head, { sha: pr.head, ref: 'feature' });
  payload.pull_request.head.repo.full_name = pr.headRepository ?? pr.repository;
  Object.assign(payload.pull_request.base, { sha: pr.base, ref: 'main' });
  payload.pull_request.base.repo.full_name = pr.repository;
  Object.assign(payload.repository, { full_name: pr.repository, name, default_branch: 'main' });
  payload.repository.owner.login = owner;
  return payload;
}
