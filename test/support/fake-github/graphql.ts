import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, graphqlSync, GraphQLError, type GraphQLSchema } from 'graphql';
import type { FakeState, UserRef } from './state.js';

/**
 * GitHub's GraphQL API, as far as mlci uses it: the `createCommitOnBranch` mutation, and the
 * `viewer` query (the token's account: a user, or an App's bot for installation tokens). Every query
 * is parsed and validated against GitHub's published schema (@octokit/graphql-schema), variables
 * included, and graphql-js shapes each answer by that schema, so an answer the real API could not
 * give cannot be given here either. A query outside what the fake implements is a problem.
 */
let schema: GraphQLSchema | undefined;

function githubSchema(): GraphQLSchema {
  // Its package.json exports no path that node can resolve, so the file is found by location.
  const file = fileURLToPath(
    new URL('../../../node_modules/@octokit/graphql-schema/schema.graphql', import.meta.url),
  );
  schema ??= buildSchema(readFileSync(file, 'utf8'), {
    assumeValidSDL: true,
  });
  return schema;
}

interface CreateCommitOnBranchInput {
  branch: { repositoryNameWithOwner?: string; branchName?: string; id?: string };
  expectedHeadOid: string;
  message: { headline: string; body?: string };
  fileChanges?: {
    additions?: Array<{ path: string; contents: string }>;
    deletions?: Array<{ path: string }>;
  };
}

export function handleGraphql(
  state: FakeState,
  body: unknown,
  problems: string[],
  readOnly: boolean,
  identity: UserRef = state.identity,
): { status: number; body: unknown } {
  const request = body as { query?: unknown; variables?: unknown } | undefined;
  if (typeof request?.query !== 'string') {
    problems.push('GraphQL request without a query');
    return { status: 400, body: { message: 'Problems parsing JSON' } };
  }
  const used = new Set<string>();
  const rootValue = {
    // `viewer: User!`, the authenticated account; for an installation token GitHub answers with
    // the App's bot (`<slug>[bot]`), for GITHUB_TOKEN `github-actions[bot]`.
    viewer: () => {
      used.add('viewer');
      return {
        login: identity.login,
        databaseId: identity.id,
        id: Buffer.from(`0:${identity.type}${identity.id}`).toString('base64').replace(/=+$/, ''),
      };
    },
    // `repository { object(oid:) / object(expression: "rev:path") }`: blobs as GitHub shows them,
    // text cut at 512,000 bytes (`isTruncated`) and none for binary content (a NUL byte in the
    // first 8,000 bytes, git's rule).
    repository: ({ owner, name }: { owner: string; name: string }) => {
      used.add('repository');
      const repo = state.findRepo(owner, name);
      if (repo === undefined)
        throw new GraphQLError(`Could not resolve to a Repository with the name '${owner}/${name}'.`, {
          extensions: { type: 'NOT_FOUND' },
        });
      return {
        nameWithOwner: repo.fullName,
        object: ({ oid, expression }: { oid?: string; expression?: string }) => {
          let sha = oid;
          if (sha === undefined && expression !== undefined) {
            const colon = expression.indexOf(':');
            const rev = colon < 0 ? expression : expression.slice(0, colon);
            const commit = state.resolve(repo, rev);
            if (commit === undefined) return null;
            if (colon < 0) return null; // a commit object: not implemented by the fake
            const path = expression.slice(colon + 1).replace(/^\/+|\/+$/g, '');
            const entry = state.flatten(repo, repo.commits.get(commit)!.tree).get(path);
            if (entry === undefined) return null;
            sha = entry.sha;
          }
          const blob = sha === undefined ? undefined : repo.blobs.get(sha);
          if (blob === undefined) return null;
          const binary = blob.subarray(0, 8000).includes(0);
          const LIMIT = 512_000;
          return {
            __typename: 'Blob',
            oid: sha,
            abbreviatedOid: sha!.slice(0, 7),
            byteSize: blob.length,
            isBinary: binary,
            isTruncated: !binary && blob.length > LIMIT,
            text: binary ? null : blob.subarray(0, LIMIT).toString('utf8'),
          };
        },
      };
    },
    createCommitOnBranch: ({ input }: { input: CreateCommitOnBranchInput }) => {
      used.add('createCommitOnBranch');
      if (readOnly)
        throw new GraphQLError('Resource not accessible by integration', {
          extensions: { type: 'FORBIDDEN' },
        });
      const full = input.branch.repositoryNameWithOwner;
      const branch = input.branch.branchName;
      if (full === undefined || branch === undefined) {
        throw new GraphQLError('the fake needs branch.repositoryNameWithOwner and branch.branchName');
      }
      const [owner, name] = full.split('/');
      const repo = owner !== undefined && name !== undefined ? state.findRepo(owner, name) : undefined;
      if (repo === undefined)
        throw new GraphQLError(`Could not resolve to a Repository with the name '${full}'.`, {
          extensions: { type: 'NOT_FOUND' },
        });
      const head = repo.refs.get(`refs/heads/${branch}`);
      if (head === undefined)
        throw new GraphQLError(`A ref named "refs/heads/${branch}" does not exist.`, {
          extensions: { type: 'UNPROCESSABLE' },
        });
      if (head !== input.expectedHeadOid) {
        throw new GraphQLError(
          `Expected branch to point to "${input.expectedHeadOid}" but it did not. Pull and try again.`,
          {
            extensions: { type: 'STALE_DATA' },
          },
        );
      }
      const files: Record<string, Buffer | null> = {};
      for (const addition of input.fileChanges?.additions ?? [])
        files[addition.path] = Buffer.from(addition.contents, 'base64');
      for (const deletion of input.fileChanges?.deletions ?? []) files[deletion.path] = null;
      const message = input.message.body
        ? `${input.message.headline}\n\n${input.message.body}`
        : input.message.headline;
      const oid = state.commit(full, { branch, parents: [head], files, message });
      return { commit: { oid, url: `https://github.com/${full}/commit/${oid}` }, ref: { name: branch } };
    },
  };
  const result = graphqlSync({
    schema: githubSchema(),
    source: request.query,
    rootValue,
    variableValues: (request.variables ?? {}) as Record<string, unknown>,
  });
  const validation = (result.errors ?? []).filter((e) => e.path === undefined);
  if (validation.length > 0)
    problems.push(`invalid GraphQL request: ${validation.map((e) => e.message).join('; ')}`);
  if (used.size === 0 && validation.length === 0)
    problems.push(`GraphQL operation not implemented by the fake: ${request.query.slice(0, 80)}`);
  return {
    status: 200,
    body: result.errors
      ? {
          data: result.data ?? null,
          errors: result.errors.map((e) => ({ ...e.toJSON(), type: e.extensions?.['type'] })),
        }
      : { data: result.data },
  };
}
