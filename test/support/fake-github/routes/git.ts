// Git data: refs, blobs, trees, commits (how a history branch or a baseline file is written).
import { gitCommitJson } from '../serialize.js';
import { notFound, unprocessable, type FlatEntry, type RepoState } from '../state.js';
import { repoOf, type Handler, type HandlerRequest } from './util.js';

export function refJson(
  req: HandlerRequest,
  repo: RepoState,
  ref: string,
  sha: string,
): Record<string, unknown> {
  return {
    ref,
    node_id: Buffer.from(`0:Ref${repo.id}:${ref}`).toString('base64').replace(/=+$/, ''),
    url: `${req.ctx.api}/repos/${repo.fullName}/git/${ref}`,
    object: { type: 'commit', sha, url: `${req.ctx.api}/repos/${repo.fullName}/git/commits/${sha}` },
  };
}

function treeJson(
  req: HandlerRequest,
  repo: RepoState,
  sha: string,
  recursive: boolean,
): Record<string, unknown> {
  const base = `${req.ctx.api}/repos/${repo.fullName}/git`;
  const entries: Array<Record<string, unknown>> = [];
  const walk = (treeSha: string, prefix: string): void => {
    for (const e of repo.trees.get(treeSha) ?? []) {
      const path = prefix ? `${prefix}/${e.name}` : e.name;
      entries.push({
        path,
        mode: e.mode,
        type: e.type,
        sha: e.sha,
        ...(e.type === 'blob' ? { size: repo.blobs.get(e.sha)?.length ?? 0 } : {}),
        url: `${base}/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
      });
      if (recursive && e.type === 'tree') walk(e.sha, path);
    }
  };
  walk(sha, '');
  const limit = req.ctx.state.treeLimit;
  const truncated = entries.length > limit;
  return { sha, url: `${base}/trees/${sha}`, tree: truncated ? entries.slice(0, limit) : entries, truncated };
}

function fullRef(ref: string): string {
  return ref.startsWith('refs/') ? ref : `refs/${ref}`;
}

export const gitRoutes: Record<string, Handler> = {
  'git/get-ref': (req) => {
    const repo = repoOf(req);
    const ref = fullRef(String(req.params.ref));
    const sha = repo.refs.get(ref);
    if (!sha) throw notFound();
    return { status: 200, body: refJson(req, repo, ref, sha) };
  },
  'git/list-matching-refs': (req) => {
    const repo = repoOf(req);
    const prefix = fullRef(String(req.params.ref));
    const refs = [...repo.refs.entries()]
      .filter(([r]) => r.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return { status: 200, body: refs.map(([r, sha]) => refJson(req, repo, r, sha)) };
  },
  'git/create-ref': (req) => {
    const repo = repoOf(req);
    const ref = String(req.body.ref);
    const sha = String(req.body.sha);
    if (!/^refs\/.+\/.+/.test(ref))
      throw unprocessable('Reference name must start with refs/ and have at least two slashes.');
    if (repo.refs.has(ref)) throw unprocessable('Reference already exists');
    if (!repo.commits.has(sha)) throw unprocessable('Object does not exist');
    repo.refs.set(ref, sha);
    const body = refJson(req, repo, ref, sha);
    return { status: 201, body, headers: { location: String(body.url) } };
  },
  'git/update-ref': (req) => {
    const repo = repoOf(req);
    const ref = fullRef(String(req.params.ref));
    const current = repo.refs.get(ref);
    if (!current) throw unprocessable('Reference does not exist');
    const sha = String(req.body.sha);
    if (!repo.commits.has(sha)) throw unprocessable('Object does not exist');
    if (req.body.force !== true && !req.ctx.state.isAncestor(repo, current, sha)) {
      throw unprocessable('Update is not a fast forward');
    }
    repo.refs.set(ref, sha);
    return { status: 200, body: refJson(req, repo, ref, sha) };
  },
  'git/delete-ref': (req) => {
    const repo = repoOf(req);
    const ref = fullRef(String(req.params.ref));
    if (!repo.refs.delete(ref)) throw unprocessable('Reference does not exist');
    return { status: 204 };
  },
  'git/create-blob': (req) => {
    const repo = repoOf(req);
    const encoding = req.body.encoding ?? 'utf-8';
    if (encoding !== 'utf-8' && encoding !== 'utf8' && encoding !== 'base64') {
      throw unprocessable(`encoding must be utf-8 or base64`);
    }
    const content = Buffer.from(String(req.body.content), encoding === 'base64' ? 'base64' : 'utf8');
    const sha = req.ctx.state.putBlob(repo, content);
    const url = `${req.ctx.api}/repos/${repo.fullName}/git/blobs/${sha}`;
    return { status: 201, body: { url, sha }, headers: { location: url } };
  },
  'git/get-blob': (req) => {
    const repo = repoOf(req);
    const sha = String(req.params.file_sha);
    const blob = repo.blobs.get(sha);
    if (!blob) throw notFound();
    return {
      status: 200,
      body: {
        content: blob.toString('base64').replace(/(.{60})/g, '$1\n'),
        encoding: 'base64',
        url: `${req.ctx.api}/repos/${repo.fullName}/git/blobs/${sha}`,
        sha,
        size: blob.length,
        node_id: Buffer.from(`0:Blob${sha}`).toString('base64').replace(/=+$/, ''),
      },
    };
  },
  'git/create-tree': (req) => {
    const repo = repoOf(req);
    const { state } = req.ctx;
    let flat = new Map<string, FlatEntry>();
    if (req.body.base_tree) {
      if (!repo.trees.has(String(req.body.base_tree)))
        throw unprocessable('base_tree is not a valid tree oid');
      flat = state.flatten(repo, String(req.body.base_tree));
    }
    for (const e of req.body.tree as Array<Record<string, unknown>>) {
      const path = String(e.path);
      if (e.sha === null) {
        // Deleting a directory removes everything under it.
        for (const p of [...flat.keys()]) if (p === path || p.startsWith(`${path}/`)) flat.delete(p);
        continue;
      }
      if (e.type === 'tree') {
        const sub = state.flatten(repo, String(e.sha));
        for (const p of [...flat.keys()]) if (p.startsWith(`${path}/`)) flat.delete(p);
        for (const [p, v] of sub) flat.set(`${path}/${p}`, v);
        continue;
      }
      let sha: string;
      if (typeof e.content === 'string') sha = state.putBlob(repo, Buffer.from(e.content, 'utf8'));
      else if (typeof e.sha === 'string' && repo.blobs.has(e.sha)) sha = e.sha;
      else throw unprocessable(`GitRPC::BadObjectState`);
      flat.set(path, { sha, mode: String(e.mode ?? '100644') });
    }
    const sha = state.buildTree(repo, flat);
    const url = `${req.ctx.api}/repos/${repo.fullName}/git/trees/${sha}`;
    return { status: 201, body: treeJson(req, repo, sha, false), headers: { location: url } };
  },
  'git/get-tree': (req) => {
    const repo = repoOf(req);
    let sha = String(req.params.tree_sha);
    // GitHub accepts a commit or branch here too and shows its tree.
    if (!repo.trees.has(sha)) {
      const commit = req.ctx.state.resolve(repo, sha);
      if (!commit) throw notFound();
      sha = repo.commits.get(commit)!.tree;
    }
    const recursive =
      req.query.recursive !== undefined && req.query.recursive !== '0' && req.query.recursive !== 'false';
    return { status: 200, body: treeJson(req, repo, sha, recursive) };
  },
  'git/create-commit': (req) => {
    const repo = repoOf(req);
    const tree = String(req.body.tree);
    if (!repo.trees.has(tree)) throw unprocessable('Tree SHA does not exist');
    const parents = (req.body.parents as string[] | undefined) ?? [];
    for (const p of parents)
      if (!repo.commits.has(p)) throw unprocessable('Parent SHA does not exist or is not a commit object');
    const date = req.ctx.state.clock.iso();
    const sig = (s: { name?: string; email?: string; date?: string } | undefined) =>
      s && s.name && s.email ? { name: s.name, email: s.email, date: s.date ?? date } : undefined;
    const author = sig(req.body.author) ?? {
      name: 'github-actions[bot]',
      email: '41898282+github-actions[bot]@users.noreply.github.com',
      date,
    };
    const committer = sig(req.body.committer) ?? author;
    const sha = req.ctx.state.putCommit(repo, {
      tree,
      parents,
      message: String(req.body.message),
      author,
      committer,
    });
    const body = gitCommitJson(req.ctx, repo, repo.commits.get(sha)!);
    return { status: 201, body, headers: { location: String(body.url) } };
  },
  'git/get-commit': (req) => {
    const repo = repoOf(req);
    const c = repo.commits.get(String(req.params.commit_sha));
    if (!c) throw notFound();
    return { status: 200, body: gitCommitJson(req.ctx, repo, c) };
  },
};
