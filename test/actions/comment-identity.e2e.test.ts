import { startFakeGitHub, tokenAccounts, type FakeGitHub } from '../support/fake-github/index.js';
import { runDistAction } from '../support/action-runner.js';
import {
  FULL,
  TOKEN,
  pullRequestRun,
  seed,
  workspace,
  type Seeded,
} from '../support/pull-request-scenario.js';

// The report action from the committed dist/, commenting with each kind of token: the sticky
// comment is the token's own (found by the token's identity), and among concurrent runs with the
// same event time the pull request's current head wins.
let fake: FakeGitHub;
afterEach(async () => {
  fake.assertNoProblems();
  await fake.close();
});

const PAT = 'github_pat_fake_e2e_personal';
const APP_TOKEN = 'ghs_fake_e2e_app_installation';
const INPUTS = { 'upload-charts': 'false', check: 'false', 'max-curves': '0' };

/** The comment writes of the requests from `from` on. */
function writes(from: number): { created: number; updated: number; deleted: number } {
  const made = fake.requests.slice(from).map((r) => r.operationId);
  const count = (op: string) => made.filter((o) => o === op).length;
  return {
    created: count('issues/create-comment'),
    updated: count('issues/update-comment'),
    deleted: count('issues/delete-comment'),
  };
}

describe('the report comments with the token it is given', () => {
  it.each([
    ['a personal access token', PAT, 'ml-release-bot', 'User'],
    ['a GitHub App installation token', APP_TOKEN, 'mlci-reporter[bot]', 'Bot'],
  ])(
    'three report runs with %s leave one comment, created once and updated twice',
    async (_kind, token, login, type) => {
      fake = await startFakeGitHub({
        token: TOKEN,
        tokens: {
          [PAT]: tokenAccounts.personal('ml-release-bot'),
          [APP_TOKEN]: tokenAccounts.app('mlci-reporter'),
        },
      });
      const s = seed(fake);
      for (const [i, accuracy] of [0.95, 0.96, 0.97].entries()) {
        const dir = workspace(`{"accuracy": ${accuracy}, "loss": 0.3, "f1": 0.88}`);
        const result = await runDistAction('report', {
          ...pullRequestRun(fake, s, dir, token),
          runId: 3001 + i,
          inputs: INPUTS,
        });
        expect(result.stderr).toBe('');
        expect(result.exitCode).toBe(0);
      }
      const comments = fake.state.repo(FULL).comments;
      expect(comments).toHaveLength(1);
      expect(comments[0]!.user).toMatchObject({ login, type });
      expect(comments[0]!.body).toContain('<!-- mlci-run id="3003" attempt="1" -->');
      expect(writes(0)).toEqual({ created: 1, updated: 2, deleted: 0 });
      // Who the token is was asked once per run that found a comment: GraphQL viewer.
      expect(fake.requests.filter((r) => r.operationId === 'graphql')).toHaveLength(2);
    },
    60_000,
  );
});

describe('ten report runs at once with the same event time', () => {
  it('leave one comment holding the current head report, in 5 of 5 rounds', async () => {
    fake = await startFakeGitHub({ token: TOKEN });
    const s = seed(fake);
    const pr = fake.state.repo(FULL).pulls.find((p) => p.number === s.pr.number)!;
    const measured: string[] = [];
    let parent = s.head;
    for (let round = 0; round < 5; round++) {
      // Ten commits, ten runs; every event carries the same updated_at (the pull request's head
      // is the last commit). The run ids are shuffled: the head decides, not the run id.
      const heads: string[] = [];
      for (let i = 0; i < 10; i++) {
        parent = fake.state.commit(FULL, {
          branch: 'feature',
          parents: [parent],
          files: { 'n.txt': `${round}.${i}\n` },
          message: `round ${round}, push ${i}`,
        });
        heads.push(parent);
      }
      pr.head.sha = heads.at(-1)!;
      const updatedAt = `2024-06-01T12:0${round}:00Z`;
      const runIds = [17, 12, 19, 11, 16, 10, 13, 18, 14, 15].map((id) => 5000 + 100 * round + id);
      const from = fake.requests.length;
      const results = await Promise.all(
        heads.map((head, i) => {
          const dir = workspace(`{"accuracy": ${0.9 + i / 1000}, "loss": 0.3, "f1": 0.88}`);
          const run = pullRequestRun(fake, { ...s, head } satisfies Seeded, dir);
          (run.event.payload as { pull_request: { updated_at: string } }).pull_request.updated_at = updatedAt;
          return runDistAction('report', { ...run, runId: runIds[i]!, inputs: INPUTS });
        }),
      );
      for (const result of results) expect(result.stderr).toBe('');
      const comments = fake.state.repo(FULL).comments;
      expect(comments).toHaveLength(1);
      expect(comments[0]!.body).toContain(`<!-- mlci-head sha="${heads.at(-1)}" at="${updatedAt}" -->`);
      expect(comments[0]!.body).toContain(`<!-- mlci-run id="${runIds[9]}" attempt="1" -->`);
      const w = writes(from);
      const headRequests = fake.requests.slice(from).filter((r) => r.operationId === 'pulls/get').length;
      measured.push(
        `round ${round + 1}: ${w.created + w.updated + w.deleted} comment writes ` +
          `(${w.created} created, ${w.updated} updated, ${w.deleted} deleted), ${headRequests} head requests`,
      );
    }
    process.stdout.write(`ten runs, equal updated_at:\n${measured.join('\n')}\n`);
  }, 300_000);
});
