import { createClient, type GitHubClient, type Logger } from '../../packages/github/src/client.js';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../support/fake-github/index.js';

export const TOKEN = 'ghs_fake_token_for_tests';

/** A logger that keeps what it was told, so tests can assert on decisions. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    debug: () => {},
  };
}

/** A client for the fake: waits measured in milliseconds instead of seconds, writes not paced. */
export function fakeClient(fake: FakeGitHub, log: Logger = recordingLogger()): GitHubClient {
  return createClient({ token: TOKEN, apiUrl: fake.url, log, delayUnitMs: 1, paceWrites: false });
}

/** Starts the fake for each test of the enclosing describe and checks it saw no invalid request. */
export function useFakeGitHub(options: FakeGitHubOptions = {}): () => FakeGitHub {
  let fake: FakeGitHub | undefined;
  beforeEach(async () => {
    fake = await startFakeGitHub({ token: TOKEN, ...options });
  });
  afterEach(async () => {
    const current = fake;
    fake = undefined;
    if (current === undefined) return;
    try {
      current.assertNoProblems();
    } finally {
      await current.close();
    }
  });
  return () => {
    if (fake === undefined) throw new Error('the fake GitHub server runs only inside a test');
    return fake;
  };
}

export const OWNER = 'acme';
export const REPO = 'model';
export const FULL_NAME = `${OWNER}/${REPO}`;

/** A repository with a main branch and a pull request from `feature`. */
export function seedPullRequest(
  fake: FakeGitHub,
  files: Record<string, string> = { 'metrics.json': '{"acc":0.9}' },
) {
  const { state } = fake;
  state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: 'main' });
  const base = state.commit(FULL_NAME, { branch: 'main', files, message: 'init' });
  const head = state.commit(FULL_NAME, {
    branch: 'feature',
    parents: [base],
    files: { 'train.py': 'print(1)\n' },
    message: 'change',
  });
  const pr = state.addPullRequest(FULL_NAME, { head: { ref: 'feature', sha: head }, base: { ref: 'main' } });
  return { base, head, pr };
}
