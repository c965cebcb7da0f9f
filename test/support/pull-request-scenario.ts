import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeGitHub } from './fake-github/index.js';
import { pullRequestPayload, webhookExample, type RunOptions } from './action-runner.js';

/**
 * A repository with a committed baseline and a pull request, on the fake GitHub, and the run
 * options of an action step on that pull request: the scenario the end-to-end tests share.
 */
export const TOKEN = 'ghs_write_token';
export const FORK_TOKEN = 'ghs_fork_read_only_token';
export const OWNER = 'acme';
export const REPO = 'model';
export const FULL = `${OWNER}/${REPO}`;

export const CONFIG = `files:
  - train.csv
  - metrics.json
gates:
  - accuracy >= 0.8
  - accuracy drop <= 0.01
  - warn: loss rise <= 5%
metrics:
  accuracy: { percent: true }
`;
export const BASE_METRICS = '{"accuracy": 0.91, "loss": 0.30, "f1": 0.88}';
export const TRAIN_CSV = [
  'epoch,loss,val_loss',
  ...Array.from({ length: 10 }, (_, i) => `${i},${(1 / (i + 1)).toFixed(4)},${(1.2 / (i + 1)).toFixed(4)}`),
].join('\n');

/** A checkout of the pull request: the config, its metrics and a training log. */
export function workspace(metrics: string, config = CONFIG): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlci-workspace-'));
  writeFileSync(join(dir, '.mlci.yml'), config);
  writeFileSync(join(dir, 'metrics.json'), metrics);
  writeFileSync(join(dir, 'train.csv'), `${TRAIN_CSV}\n`);
  return dir;
}

export interface Seeded {
  base: string;
  head: string;
  pr: { number: number };
  headRepo: string;
}

/** main with the committed baseline, a feature branch (in the repository or a fork), its pull request. */
export function seed(
  fake: FakeGitHub,
  /** config: the base's .mlci.yml; null for none. */
  options: { fork?: boolean; baseMetrics?: string; config?: string | null } = {},
): Seeded {
  const { state } = fake;
  state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
  const base = state.commit(FULL, {
    branch: 'main',
    files: {
      ...(options.config === null ? {} : { '.mlci.yml': options.config ?? CONFIG }),
      'metrics.json': options.baseMetrics ?? BASE_METRICS,
      'train.csv': `${TRAIN_CSV}\n`,
    },
    message: 'baseline',
  });
  let headRepo = FULL;
  if (options.fork) {
    state.addRepo({ owner: 'contributor', repo: REPO, fork: FULL });
    headRepo = `contributor/${REPO}`;
  }
  const head = state.commit(headRepo, {
    branch: 'feature',
    parents: [base],
    files: { 'train.py': 'print(2)\n' },
    message: 'tweak',
  });
  const pr = state.addPullRequest(FULL, {
    head: { ref: 'feature', sha: head, repo: headRepo },
    base: { ref: 'main' },
  });
  return { base, head, pr, headRepo };
}

/** A step of a `pull_request` workflow run on the seeded pull request (a real webhook payload). */
export function pullRequestRun(
  fake: FakeGitHub,
  s: Seeded,
  dir: string,
  token = TOKEN,
): Omit<RunOptions, 'inputs'> {
  const payload = pullRequestPayload({
    number: s.pr.number,
    head: s.head,
    base: s.base,
    repository: FULL,
    headRepository: s.headRepo,
  });
  return {
    workspace: dir,
    event: { name: 'pull_request', payload },
    token,
    apiUrl: fake.url,
    repository: FULL,
    sha: 'f'.repeat(40),
    ref: `refs/pull/${s.pr.number}/merge`,
    headRef: 'feature',
    baseRef: 'main',
  };
}

/** A step of a `push` workflow run on main at `sha` (a real webhook payload). */
export function pushRun(
  fake: FakeGitHub,
  sha: string,
  dir: string,
  token = TOKEN,
): Omit<RunOptions, 'inputs'> {
  const payload = webhookExample('push');
  Object.assign(payload, { ref: 'refs/heads/main', before: 'a'.repeat(40), after: sha, deleted: false });
  Object.assign(payload.repository, {
    full_name: FULL,
    name: REPO,
    default_branch: 'main',
    master_branch: 'main',
  });
  return {
    workspace: dir,
    event: { name: 'push', payload },
    token,
    apiUrl: fake.url,
    repository: FULL,
    sha,
    ref: 'refs/heads/main',
  };
}
