// Repositories, branches, commits, compare, pull requests and the contents API.
import { commitJson, fullPullJson, gitCommitJson, HTML, pullJson, repoJson } from '../serialize.js';
import { HttpError, notFound, DOCS, type FlatEntry, type RepoState } from '../state.js';
import { paginate, repoOf, type Handler, type HandlerRequest } from './util.js';

/** Files above this size come from the contents API without content, as on GitHub. */
const CONTENT_LIMIT = 1024 * 1024;

function commitOf(req: HandlerRequest, repo: RepoState, ref: string) {
  const sha = req.ctx.state.resolve(repo, ref);
  if (!sha) {
    throw new HttpError(422, {
      message: `No commit found for SHA: ${ref}`,
      documentation_url: DOCS,
      status: '422',
    });
  }
  return repo.commits.get(sha)!;
}

function compare(req: HandlerRequest, base: string, head: string): Record<string, unknown> {
  const repo = repoOf(req);
  const { state } = req.ctx;
  const baseSha = state.resolve(repo, base);
  const headSha = state.resolve(repo, head);
  if (!baseSha || !headSha) throw notFound();
  const fromBase = state.ancestors(repo, baseSha);
  const fromHead = state.ancestors(repo, headSha);
  const mergeBase = fromHead.find((s) => fromBase.includes(s));
  if (!mergeBase) throw notFound();
  const ahead = fromHead.filter((s) => !fromBase.includes(s));
  const behind = fromBase.filter((s) => !fromHead.includes(s));
  const status =
    ahead.length && behind.length
      ? 'diverged'
      : ahead.length
        ? 'ahead'
        : behind.length
          ? 'behind'
          : 'identical';
  const html = `${HTML}/${repo.fullName}/compare/${base}...${head}`;
  return {
    url: `${req.ctx.api}/repos/${repo.fullName}/compare/${base}...${head}`,
    html_url: html,
    permalink_url: `${HTML}/${repo.fullName}/compare/${repo.owner.login}:${baseSha.slice(0, 7)}...${repo.owner.login}:${headSha.slice(0, 7)}`,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    base_commit: commitJson(req.ctx, repo, repo.commits.get(baseSha)!),
    merge_base_commit: commitJson(req.ctx, repo, repo.commits.get(mergeBase)!),
    status,
    ahead_by: ahead.length,
    behind_by: behind.length,
    total_commits: ahead.length,
    // Oldest first, as GitHub lists them.
    commits: ahead.reverse().map((s) => commitJson(req.ctx, repo, repo.commits.get(s)!)),
    files: [],
  };
}

function contentEntry(
  req: HandlerRequest,
  repo: RepoState,
  path: string,
  ref: string,
  entry: { sha: string; type: 'file' | 'dir'; size: number },
) {
  const url = `${req.ctx.api}/repos/${repo.fullName}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const kind = entry.type === 'dir' ? 'tree' : 'blob';
  const git = `${req.ctx.api}/repos/${repo.fullName}/git/${kind === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`;
  const html = `${HTML}/${repo.fullName}/${kind}/${ref}/${path}`;
  return {
    name: path.split('/').pop()!,
    path,
    sha: entry.sha,
    size: entry.size,
    url,
    html_url: html,
    git_url: git,
    download_url:
      entry.type === 'file' ? `https://raw.githubusercontent.com/${repo.fullName}/${ref}/${path}` : null,
    type: entry.type,
    _links: { self: url, git, html },
  };
}

function lookupPath(req: HandlerRequest, repo: RepoState, treeSha: string, path: string) {
  const flat = req.ctx.state.flatten(repo, treeSha);
  return { flat, file: flat.get(path) };
}

export const repoRoutes: Record<string, Handler> = {
  'repos/get': (req) => ({ status: 200, body: repoJson(req.ctx, repoOf(req), true) }),
  'repos/get-branch': (req) => {
    const repo = repoOf(req);
    const name = String(req.params.branch);
    const sha = repo.refs.get(`refs/heads/${name}`);
    if (!sha) throw notFound();
    return {
      status: 200,
      body: {
        name,
        commit: commitJson(req.ctx, repo, repo.commits.get(sha)!),
        _links: {
          html: `${HTML}/${repo.fullName}/tree/${name}`,
          self: `${req.ctx.api}/repos/${repo.fullName}/branches/${name}`,
        },
        protected: false,
        protection: {
          enabled: false,
          required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] },
        },
        protection_url: `${req.ctx.api}/repos/${repo.fullName}/branches/${name}/protection`,
      },
    };
  },
  'repos/get-commit': (req) => {
    const repo = repoOf(req);
    return {
      status: 200,
      body: {
        ...commitJson(req.ctx, repo, commitOf(req, repo, String(req.params.ref))),
        files: [],
        stats: { additions: 0, deletions: 0, total: 0 },
      },
    };
  },
  'repos/compare-commits-with-basehead': (req) => {
    const m = /^(.+?)\.\.\.(.+)$/.exec(String(req.params.basehead));
    if (!m) throw notFound();
    return { status: 200, body: compare(req, m[1]!, m[2]!) };
  },
  'repos/compare-commits': (req) => ({
    status: 200,
    body: compare(req, String(req.params.base), String(req.params.head)),
  }),
  'pulls/get': (req) => {
    const repo = repoOf(req);
    const pr = repo.pulls.find((p) => p.number === Number(req.params.pull_number));
    if (!pr) throw notFound();
    return { status: 200, body: fullPullJson(req.ctx, repo, pr) };
  },
  'pulls/list': (req) => {
    const repo = repoOf(req);
    const state = String(req.query.state ?? 'open');
    let list = repo.pulls.filter((p) => state === 'all' || p.state === state);
    if (typeof req.query.head === 'string') {
      // head is "owner:branch" (or just "branch" for this repository's owner).
      const [owner, ref] = req.query.head.includes(':')
        ? req.query.head.split(/:(.*)/s)
        : [repo.owner.login, req.query.head];
      list = list.filter(
        (p) => p.head.repo.split('/')[0]!.toLowerCase() === owner!.toLowerCase() && p.head.ref === ref,
      );
    }
    if (typeof req.query.base === 'string') list = list.filter((p) => p.base.ref === req.query.base);
    list = [...list].sort((a, b) => b.number - a.number);
    const { items, headers } = paginate(req, list);
    return { status: 200, body: items.map((p) => pullJson(req.ctx, repo, p)), headers };
  },
  'repos/list-pull-requests-associated-with-commit': (req) => {
    const repo = repoOf(req);
    const sha = String(req.params.commit_sha);
    // GitHub lists open pull requests whose head contains the commit; a head SHA match covers mlci's use.
    const list = repo.pulls.filter((p) => p.head.sha === sha || (p.merged && p.base.sha === sha));
    const { items, headers } = paginate(req, list);
    return { status: 200, body: items.map((p) => pullJson(req.ctx, repo, p)), headers };
  },
  'repos/get-content': (req) => {
    const repo = repoOf(req);
    const ref = typeof req.query.ref === 'string' ? req.query.ref : repo.defaultBranch;
    const sha = req.ctx.state.resolve(repo, ref);
    if (!sha) throw notFound();
    const path = String(req.params.path).replace(/^\/+|\/+$/g, '');
    const { flat, file } = lookupPath(req, repo, repo.commits.get(sha)!.tree, path);
    if (file) {
      const blob = repo.blobs.get(file.sha)!;
      const big = blob.length > CONTENT_LIMIT;
      return {
        status: 200,
        body: {
          ...contentEntry(req, repo, path, ref, { sha: file.sha, type: 'file', size: blob.length }),
          // Over 1 MB GitHub sends an empty content with encoding "none".
          content: big ? '' : blob.toString('base64').replace(/(.{60})/g, '$1\n'),
          encoding: big ? 'none' : 'base64',
        },
      };
    }
    const children = new Map<string, { sha: string; type: 'file' | 'dir'; size: number }>();
    const prefix = path ? `${path}/` : '';
    for (const [p, e] of flat) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const name = rest.split('/')[0]!;
      if (rest.includes('/')) {
        if (!children.has(name))
          children.set(name, { sha: dirSha(req, repo, sha, prefix + name), type: 'dir', size: 0 });
      } else {
        children.set(name, { sha: e.sha, type: 'file', size: repo.blobs.get(e.sha)!.length });
      }
    }
    if (!children.size) throw notFound();
    const listing = [...children.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, e]) => contentEntry(req, repo, prefix + name, ref, e));
    return { status: 200, body: listing };
  },
  'repos/create-or-update-file-contents': (req) => {
    const repo = repoOf(req);
    const { state } = req.ctx;
    const path = String(req.params.path).replace(/^\/+|\/+$/g, '');
    const branch = String(req.body.branch ?? repo.defaultBranch);
    const tip = repo.refs.get(`refs/heads/${branch}`);
    if (!tip && req.body.branch !== undefined) throw notFound();
    const flat = tip ? state.flatten(repo, repo.commits.get(tip)!.tree) : new Map<string, FlatEntry>();
    const existing = flat.get(path);
    if (existing && req.body.sha === undefined) {
      throw new HttpError(422, {
        message: 'Invalid request.\n\n"sha" wasn\'t supplied.',
        documentation_url: DOCS,
        status: '422',
      });
    }
    if (existing && req.body.sha !== existing.sha) {
      throw new HttpError(409, {
        message: `${path} does not match ${String(req.body.sha)}`,
        documentation_url: DOCS,
        status: '409',
      });
    }
    const blob = state.putBlob(repo, Buffer.from(String(req.body.content), 'base64'));
    flat.set(path, { sha: blob, mode: '100644' });
    const tree = state.buildTree(repo, flat);
    const date = state.clock.iso();
    const sig = (s: { name: string; email: string; date?: string } | undefined) =>
      s ? { name: s.name, email: s.email, date: s.date ?? date } : undefined;
    const author = sig(req.body.author) ?? {
      name: 'github-actions[bot]',
      email: '41898282+github-actions[bot]@users.noreply.github.com',
      date,
    };
    const commitSha = state.putCommit(repo, {
      tree,
      parents: tip ? [tip] : [],
      message: String(req.body.message),
      author,
      committer: sig(req.body.committer) ?? author,
    });
    repo.refs.set(`refs/heads/${branch}`, commitSha);
    const size = repo.blobs.get(blob)!.length;
    return {
      status: existing ? 200 : 201,
      body: {
        content: contentEntry(req, repo, path, branch, { sha: blob, type: 'file', size }),
        commit: gitCommitJson(req.ctx, repo, repo.commits.get(commitSha)!),
      },
    };
  },
};

function dirSha(req: HandlerRequest, repo: RepoState, commitSha: string, dir: string): string {
  let tree = repo.commits.get(commitSha)!.tree;
  for (const part of dir.split('/')) {
    tree = repo.trees.get(tree)!.find((e) => e.name === part)!.sha;
  }
  return tree;
}
