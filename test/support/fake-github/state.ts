// The fake's in-memory GitHub: repositories with a real git object store (SHAs are git's own object ids,
// so a blob's SHA equals `git hash-object`), pull requests, comments, checks, statuses and Actions runs.
// Ids come from counters and time from a fixed clock, so every response is deterministic.
import { createHash } from 'node:crypto';
import { zipSync, strToU8 } from 'fflate';

export interface UserRef {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

export interface GitSignature {
  name: string;
  email: string;
  date: string;
}

export interface GitCommitObject {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: GitSignature;
  committer: GitSignature;
}

export interface TreeEntry {
  name: string;
  /** As the API shows it: 100644, 100755, 120000, 040000, 160000. */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

export interface FlatEntry {
  sha: string;
  mode: string;
}

export interface Comment {
  id: number;
  issueNumber: number;
  body: string;
  user: UserRef;
  createdAt: string;
  updatedAt: string;
}

/** A plain issue (pull requests are their own records, and the issues API shows them too). */
export interface Issue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'reopened' | 'not_planned' | 'duplicate' | null;
  user: UserRef;
  /** Label names, in the order given (each one is in RepoState.labels). */
  labels: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: UserRef | null;
}

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  externalId: string | null;
  detailsUrl: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: Annotation[];
  checkSuiteId: number;
}

export interface CommitStatus {
  id: number;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string | null;
  targetUrl: string | null;
  context: string;
  createdAt: string;
  updatedAt: string;
  creator: UserRef;
}

export interface PullRequest {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  merged: boolean;
  user: UserRef;
  head: { ref: string; sha: string; repo: string };
  base: { ref: string; sha: string; repo: string };
  createdAt: string;
  updatedAt: string;
}

export interface Artifact {
  id: number;
  name: string;
  runId: number;
  zip: Uint8Array;
  expired: boolean;
  createdAt: string;
}

export interface WorkflowRun {
  id: number;
  runNumber: number;
  runAttempt: number;
  name: string;
  path: string;
  workflowId: number;
  headSha: string;
  headBranch: string | null;
  /** full name of the repository the head commit is in (a fork for fork PRs). */
  headRepo: string;
  event: string;
  status: string;
  conclusion: string | null;
  pullRequests: number[];
  actor: UserRef;
  createdAt: string;
  updatedAt: string;
}

export interface RepoState {
  id: number;
  owner: UserRef;
  name: string;
  fullName: string;
  defaultBranch: string;
  private: boolean;
  /** Full name of the parent when this repository is a fork. */
  parent: string | null;
  createdAt: string;
  refs: Map<string, string>;
  blobs: Map<string, Buffer>;
  trees: Map<string, TreeEntry[]>;
  commits: Map<string, GitCommitObject>;
  /** Plain issues by number; pull requests share the numbering but live in `pulls`. */
  issues: Map<number, Issue>;
  /** Labels by lower-cased name: GitHub creates a label an issue is given when the repository lacks it. */
  labels: Map<string, Label>;
  nextNumber: number;
  comments: Comment[];
  checkRuns: CheckRun[];
  statuses: CommitStatus[];
  pulls: PullRequest[];
  runs: WorkflowRun[];
  artifacts: Artifact[];
  /** Roles given to people besides the owner (who is admin); see FakeState.addCollaborator. */
  collaborators: Map<string, CollaboratorRole>;
}

/** A repository role, as `role_name` of the collaborator permission API. */
export type CollaboratorRole = 'admin' | 'maintain' | 'write' | 'triage' | 'read';

/** The identity of an installation token (GITHUB_TOKEN). */
export const GITHUB_ACTIONS_BOT: UserRef = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export class FakeClock {
  private ms = Date.UTC(2024, 0, 1);
  /** Advances one second and returns the new time (each write happens at a distinct time). */
  tick(): string {
    this.ms += 1000;
    return this.iso();
  }
  iso(): string {
    return new Date(this.ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  epochSeconds(): number {
    return Math.floor(this.ms / 1000);
  }
}

function sha1(buf: Buffer): string {
  return createHash('sha1').update(buf).digest('hex');
}

export function gitBlobSha(content: Buffer): string {
  return sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message));
  }
}

export function notFound(): HttpError {
  return new HttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
}

/** 422 with field-level details, as GitHub sends for invalid resources. */
export function validationFailed(errors: Array<Record<string, unknown>>): HttpError {
  return new HttpError(422, { message: 'Validation Failed', errors, documentation_url: DOCS, status: '422' });
}

/** 422 with just a message (GitHub sends no `errors` for plain refusals such as a non fast-forward). */
export function unprocessable(message: string): HttpError {
  return new HttpError(422, { message, documentation_url: DOCS, status: '422' });
}

export const DOCS = 'https://docs.github.com/rest';

export interface CommitOptions {
  branch?: string;
  /** Path -> content; `null` deletes the path. Applied on top of the first parent's tree. */
  files?: Record<string, string | Buffer | Uint8Array | null>;
  message?: string;
  /** Default: the branch tip (none for a new branch). */
  parents?: string[];
  author?: { name: string; email: string };
}

export interface AddPullRequest {
  number?: number;
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  draft?: boolean;
  merged?: boolean;
  user?: Partial<UserRef> & { login: string };
  head: { ref: string; sha?: string; repo?: string };
  base: { ref: string; sha?: string };
}

export interface AddIssue {
  number?: number;
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  stateReason?: Issue['stateReason'];
  /** Default: the token's identity (state.identity). */
  user?: Partial<UserRef> & { login: string };
  labels?: string[];
}

export interface AddWorkflowRun {
  head_sha: string;
  head_branch?: string | null;
  /** Full name of the head repository (a fork for fork PRs); default: this repository. */
  head_repository?: string;
  event?: string;
  status?: string;
  conclusion?: string | null;
  name?: string;
  path?: string;
  pull_requests?: number[];
  run_attempt?: number;
  actor?: Partial<UserRef> & { login: string };
  artifacts?: Array<{ name: string; files: Record<string, string | Uint8Array>; expired?: boolean }>;
}

export class FakeState {
  readonly clock = new FakeClock();
  readonly repos = new Map<string, RepoState>();
  /** The token's user: author of comments, statuses and check runs created through the API. */
  identity: UserRef = GITHUB_ACTIONS_BOT;
  /**
   * Entries a recursive tree listing returns before it says `truncated: true` (GitHub: 100,000
   * entries or 7 MB); lower it to test a client's fallback.
   */
  treeLimit = 100_000;
  private nextIds = new Map<string, number>();

  /** Unique id per kind, from a per-kind counter with a kind-specific base (ids look GitHub-like). */
  nextId(kind: string): number {
    const bases: Record<string, number> = {
      repo: 100000,
      user: 5000,
      comment: 1000000,
      check: 2000000,
      suite: 3000000,
      status: 4000000,
      pull: 5000000,
      run: 6000000,
      artifact: 7000000,
      workflow: 8000000,
      issue: 9000000,
      label: 9500000,
    };
    const next = (this.nextIds.get(kind) ?? bases[kind] ?? 1) + 1;
    this.nextIds.set(kind, next);
    return next;
  }

  private users = new Map<string, UserRef>([[GITHUB_ACTIONS_BOT.login, GITHUB_ACTIONS_BOT]]);

  user(u: Partial<UserRef> & { login: string }): UserRef {
    const known = this.users.get(u.login);
    if (known && u.id === undefined && u.type === undefined) return known;
    const made: UserRef = {
      login: u.login,
      id: u.id ?? known?.id ?? this.nextId('user'),
      type: u.type ?? known?.type ?? (u.login.endsWith('[bot]') ? 'Bot' : 'User'),
    };
    this.users.set(u.login, made);
    return made;
  }

  addRepo(options: {
    owner: string;
    repo: string;
    defaultBranch?: string;
    private?: boolean;
    /** Full name of the parent when this repository is a fork. */
    fork?: string;
    ownerType?: 'User' | 'Organization';
  }): RepoState {
    const fullName = `${options.owner}/${options.repo}`;
    const repo: RepoState = {
      id: this.nextId('repo'),
      owner: this.user({ login: options.owner, ...(options.ownerType ? { type: options.ownerType } : {}) }),
      name: options.repo,
      fullName,
      defaultBranch: options.defaultBranch ?? 'main',
      private: options.private ?? false,
      parent: options.fork ?? null,
      createdAt: this.clock.tick(),
      refs: new Map(),
      blobs: new Map(),
      trees: new Map(),
      commits: new Map(),
      issues: new Map(),
      labels: new Map(),
      nextNumber: 1,
      comments: [],
      checkRuns: [],
      statuses: [],
      pulls: [],
      runs: [],
      artifacts: [],
      collaborators: new Map(),
    };
    if (options.fork) {
      // A fork starts with its parent's objects and branches, as on GitHub.
      const parent = this.repo(options.fork);
      copyObjects(parent, repo);
      for (const [ref, sha] of parent.refs) if (ref.startsWith('refs/heads/')) repo.refs.set(ref, sha);
      if (!options.defaultBranch) repo.defaultBranch = parent.defaultBranch;
    }
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  /** Gives `login` a role on `fullName` (the owner is admin without this). */
  addCollaborator(fullName: string, login: string, role: CollaboratorRole): UserRef {
    const user = this.user({ login });
    this.repo(fullName).collaborators.set(login.toLowerCase(), role);
    return user;
  }

  /** A user GitHub knows (one the fake has seen), by login, case-insensitively. */
  findUser(login: string): UserRef | undefined {
    for (const [known, user] of this.users) if (known.toLowerCase() === login.toLowerCase()) return user;
    return undefined;
  }

  repo(fullName: string): RepoState {
    const r = this.repos.get(fullName.toLowerCase());
    if (!r) throw new Error(`fake GitHub: no repository ${fullName} (state.addRepo first)`);
    return r;
  }

  findRepo(owner: string, name: string): RepoState | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  // ---- git objects ----

  putBlob(repo: RepoState, content: Buffer): string {
    const sha = gitBlobSha(content);
    repo.blobs.set(sha, content);
    return sha;
  }

  putTree(repo: RepoState, entries: TreeEntry[]): string {
    // git orders entries by name, comparing directories as if their name ended in '/'.
    const key = (e: TreeEntry): string => (e.type === 'tree' ? `${e.name}/` : e.name);
    const sorted = [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const body = Buffer.concat(
      sorted.flatMap((e) => [
        Buffer.from(`${e.mode.replace(/^0+/, '')} ${e.name}\0`),
        Buffer.from(e.sha, 'hex'),
      ]),
    );
    const sha = sha1(Buffer.concat([Buffer.from(`tree ${body.length}\0`), body]));
    repo.trees.set(sha, sorted);
    return sha;
  }

  putCommit(
    repo: RepoState,
    c: { tree: string; parents: string[]; message: string; author?: GitSignature; committer?: GitSignature },
  ): string {
    const date = this.clock.tick();
    const author = c.author ?? { name: 'Mona Lisa', email: 'mona@example.com', date };
    const committer = c.committer ?? author;
    const sig = (s: GitSignature): string => `${s.name} <${s.email}> ${Date.parse(s.date) / 1000} +0000`;
    const text =
      `tree ${c.tree}\n` +
      c.parents.map((p) => `parent ${p}\n`).join('') +
      `author ${sig(author)}\ncommitter ${sig(committer)}\n\n${c.message}`;
    const buf = Buffer.from(text);
    const sha = sha1(Buffer.concat([Buffer.from(`commit ${buf.length}\0`), buf]));
    repo.commits.set(sha, { sha, tree: c.tree, parents: c.parents, message: c.message, author, committer });
    return sha;
  }

  /** Path -> blob of every file in a tree (recursively). */
  flatten(
    repo: RepoState,
    treeSha: string,
    prefix = '',
    out = new Map<string, FlatEntry>(),
  ): Map<string, FlatEntry> {
    for (const e of repo.trees.get(treeSha) ?? []) {
      const path = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.type === 'tree') this.flatten(repo, e.sha, path, out);
      else out.set(path, { sha: e.sha, mode: e.mode });
    }
    return out;
  }

  /** Builds nested trees from a flat path -> blob map and returns the root tree's SHA. */
  buildTree(repo: RepoState, flat: Map<string, FlatEntry>): string {
    const build = (prefix: string): string => {
      const entries = new Map<string, TreeEntry>();
      for (const [path, entry] of flat) {
        if (prefix && !path.startsWith(`${prefix}/`)) continue;
        const rest = prefix ? path.slice(prefix.length + 1) : path;
        const slash = rest.indexOf('/');
        if (slash === -1) {
          entries.set(rest, { name: rest, mode: entry.mode, type: 'blob', sha: entry.sha });
        } else {
          const dir = rest.slice(0, slash);
          if (!entries.has(dir)) {
            entries.set(dir, {
              name: dir,
              mode: '040000',
              type: 'tree',
              sha: build(prefix ? `${prefix}/${dir}` : dir),
            });
          }
        }
      }
      return this.putTree(repo, [...entries.values()]);
    };
    return build('');
  }

  /** Resolves a branch, tag, full ref, or (abbreviated) commit SHA to a commit SHA. */
  resolve(repo: RepoState, ref: string): string | undefined {
    if (/^[0-9a-f]{40}$/.test(ref)) return repo.commits.has(ref) ? ref : undefined;
    for (const candidate of [ref, `refs/${ref}`, `refs/heads/${ref}`, `refs/tags/${ref}`]) {
      const sha = repo.refs.get(candidate);
      if (sha) return sha;
    }
    if (/^[0-9a-f]{7,39}$/.test(ref)) {
      const hits = [...repo.commits.keys()].filter((s) => s.startsWith(ref));
      if (hits.length === 1) return hits[0];
    }
    return undefined;
  }

  /** Creates a commit whose tree is the first parent's tree with `files` applied; moves `branch` to it. */
  commit(fullName: string, options: CommitOptions): string {
    const repo = this.repo(fullName);
    const branch = options.branch ?? repo.defaultBranch;
    const tip = repo.refs.get(`refs/heads/${branch}`);
    const parents = options.parents ?? (tip ? [tip] : []);
    const first = parents[0] ? repo.commits.get(parents[0]) : undefined;
    if (parents[0] && !first) throw new Error(`fake GitHub: unknown parent ${parents[0]} in ${fullName}`);
    const flat = first ? this.flatten(repo, first.tree) : new Map<string, FlatEntry>();
    for (const [path, content] of Object.entries(options.files ?? {})) {
      if (content === null) flat.delete(path);
      else flat.set(path, { sha: this.putBlob(repo, toBuffer(content)), mode: '100644' });
    }
    const tree = this.buildTree(repo, flat);
    const date = this.clock.iso();
    const who = options.author ?? { name: 'Mona Lisa', email: 'mona@example.com' };
    const sha = this.putCommit(repo, {
      tree,
      parents,
      message: options.message ?? 'commit',
      author: { ...who, date },
      committer: { ...who, date },
    });
    repo.refs.set(`refs/heads/${branch}`, sha);
    return sha;
  }

  /** Path -> content of every file at a ref or SHA. */
  files(fullName: string, ref: string): Map<string, Buffer> {
    const repo = this.repo(fullName);
    const sha = this.resolve(repo, ref);
    if (!sha) throw new Error(`fake GitHub: unknown ref ${ref} in ${fullName}`);
    const out = new Map<string, Buffer>();
    for (const [path, e] of this.flatten(repo, repo.commits.get(sha)!.tree))
      out.set(path, repo.blobs.get(e.sha)!);
    return out;
  }

  /** All commits reachable from `sha`, nearest first (breadth-first). */
  ancestors(repo: RepoState, sha: string): string[] {
    const seen = new Set<string>();
    const queue = [sha];
    const order: string[] = [];
    while (queue.length) {
      const s = queue.shift()!;
      if (seen.has(s)) continue;
      seen.add(s);
      order.push(s);
      queue.push(...(repo.commits.get(s)?.parents ?? []));
    }
    return order;
  }

  isAncestor(repo: RepoState, ancestor: string, of: string): boolean {
    return this.ancestors(repo, of).includes(ancestor);
  }

  // ---- issues, pulls, comments ----

  /** A number for a new issue or pull request (they share one sequence), or the one asked for. */
  private allocateNumber(repo: RepoState, asked?: number): number {
    const n = asked ?? repo.nextNumber;
    if (repo.issues.has(n) || repo.pulls.some((p) => p.number === n)) {
      throw new Error(`fake GitHub: #${n} already exists in ${repo.fullName}`);
    }
    repo.nextNumber = Math.max(repo.nextNumber, n + 1);
    return n;
  }

  /** A plain issue; returns its number. Default: open, titled "Issue N", by the token's identity. */
  addIssue(fullName: string, options: AddIssue = {}): number {
    return this.createIssue(fullName, options).number;
  }

  /** As addIssue, returning the record (the issues/create route uses it). */
  createIssue(fullName: string, options: AddIssue = {}): Issue {
    const repo = this.repo(fullName);
    const number = this.allocateNumber(repo, options.number);
    const now = this.clock.tick();
    const state = options.state ?? 'open';
    const user = options.user ? this.user(options.user) : this.identity;
    const issue: Issue = {
      id: this.nextId('issue'),
      number,
      title: options.title ?? `Issue ${number}`,
      body: options.body ?? null,
      state,
      stateReason: state === 'closed' ? (options.stateReason ?? 'completed') : null,
      user,
      labels: this.labelNames(repo, options.labels ?? []),
      createdAt: now,
      updatedAt: now,
      closedAt: state === 'closed' ? now : null,
      closedBy: state === 'closed' ? user : null,
    };
    repo.issues.set(number, issue);
    return issue;
  }

  /** The names of `names`' labels, each created (grey, as GitHub does) when the repository lacks it. */
  labelNames(repo: RepoState, names: readonly string[]): string[] {
    const out: string[] = [];
    for (const name of names) {
      const key = name.toLowerCase();
      let label = repo.labels.get(key);
      if (label === undefined) {
        label = { id: this.nextId('label'), name, color: 'ededed', description: null };
        repo.labels.set(key, label);
      }
      if (!out.includes(label.name)) out.push(label.name);
    }
    return out;
  }

  addPullRequest(fullName: string, options: AddPullRequest): PullRequest {
    const repo = this.repo(fullName);
    const number = this.allocateNumber(repo, options.number);
    const headRepoName = options.head.repo ?? repo.fullName;
    const headRepo = this.repo(headRepoName);
    const headSha = options.head.sha ?? headRepo.refs.get(`refs/heads/${options.head.ref}`);
    const baseSha = options.base.sha ?? repo.refs.get(`refs/heads/${options.base.ref}`);
    if (!headSha || !baseSha)
      throw new Error('fake GitHub: addPullRequest needs existing head and base commits');
    // A fork's commits are reachable from the base repository on GitHub (refs/pull/N/head).
    if (headRepo !== repo) copyObjects(headRepo, repo);
    repo.refs.set(`refs/pull/${number}/head`, headSha);
    const now = this.clock.tick();
    const pr: PullRequest = {
      id: this.nextId('pull'),
      number,
      title: options.title ?? `Pull request ${number}`,
      body: options.body ?? null,
      state: options.state ?? 'open',
      draft: options.draft ?? false,
      merged: options.merged ?? false,
      user: this.user(options.user ?? { login: headRepo.owner.login }),
      head: { ref: options.head.ref, sha: headSha, repo: headRepo.fullName },
      base: { ref: options.base.ref, sha: baseSha, repo: repo.fullName },
      createdAt: now,
      updatedAt: now,
    };
    repo.pulls.push(pr);
    return pr;
  }

  addComment(
    fullName: string,
    issueNumber: number,
    options: { body: string; user?: Partial<UserRef> & { login: string } },
  ): Comment {
    const repo = this.repo(fullName);
    const now = this.clock.tick();
    const comment: Comment = {
      id: this.nextId('comment'),
      issueNumber,
      body: options.body,
      user: options.user ? this.user(options.user) : this.identity,
      createdAt: now,
      updatedAt: now,
    };
    repo.comments.push(comment);
    return comment;
  }

  // ---- Actions ----

  addWorkflowRun(fullName: string, options: AddWorkflowRun): WorkflowRun {
    const repo = this.repo(fullName);
    const now = this.clock.tick();
    const path = options.path ?? '.github/workflows/ci.yml';
    const sameWorkflow = repo.runs.find((r) => r.path === path);
    const run: WorkflowRun = {
      id: this.nextId('run'),
      runNumber: repo.runs.filter((r) => r.path === path).length + 1,
      runAttempt: options.run_attempt ?? 1,
      name: options.name ?? 'CI',
      path,
      workflowId: sameWorkflow?.workflowId ?? this.nextId('workflow'),
      headSha: options.head_sha,
      headBranch: options.head_branch === undefined ? repo.defaultBranch : options.head_branch,
      headRepo: options.head_repository ?? repo.fullName,
      event: options.event ?? 'push',
      status: options.status ?? 'completed',
      conclusion:
        options.conclusion !== undefined
          ? options.conclusion
          : (options.status ?? 'completed') === 'completed'
            ? 'success'
            : null,
      pullRequests: options.pull_requests ?? [],
      actor: this.user(options.actor ?? { login: repo.owner.login }),
      createdAt: now,
      updatedAt: now,
    };
    repo.runs.push(run);
    for (const a of options.artifacts ?? []) this.addArtifact(fullName, run.id, a);
    return run;
  }

  addArtifact(
    fullName: string,
    runId: number,
    a: { name: string; files: Record<string, string | Uint8Array>; expired?: boolean },
  ): Artifact {
    const repo = this.repo(fullName);
    const entries: Record<string, Uint8Array> = {};
    for (const [p, c] of Object.entries(a.files)) entries[p] = typeof c === 'string' ? strToU8(c) : c;
    // A fixed mtime keeps the zip bytes deterministic.
    const zip = zipSync(entries, { mtime: new Date(Date.UTC(2024, 0, 1)) });
    const artifact: Artifact = {
      id: this.nextId('artifact'),
      name: a.name,
      runId,
      zip,
      expired: a.expired ?? false,
      createdAt: this.clock.tick(),
    };
    repo.artifacts.push(artifact);
    return artifact;
  }
}

function toBuffer(content: string | Buffer | Uint8Array): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
}

function copyObjects(from: RepoState, to: RepoState): void {
  for (const [k, v] of from.blobs) to.blobs.set(k, v);
  for (const [k, v] of from.trees) to.trees.set(k, v);
  for (const [k, v] of from.commits) to.commits.set(k, v);
}
