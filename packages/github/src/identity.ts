import { messageOf, statusOf, type GitHubClient, type Logger } from './client.js';

/** An account that writes comments: a user (personal access token) or an App's bot. */
export interface TokenIdentity {
  /** `github-actions[bot]` (GITHUB_TOKEN), `<app-slug>[bot]` (a GitHub App), or the user's login. */
  login: string;
}

/**
 * One question per client (so: per step), answered or not. A comment this client created says who
 * the token is too (the author of a created comment is the token's identity): rememberIdentity
 * records it, and no question is asked afterwards.
 */
const asked = new WeakMap<GitHubClient, Promise<TokenIdentity | undefined>>();

/**
 * Who the client's token is, asked once per client: the login its comments are written by.
 *
 * - GITHUB_TOKEN is an installation token of the GitHub Actions App: `github-actions[bot]`.
 * - A GitHub App installation token: `<app-slug>[bot]`.
 * - A personal access token (classic or fine-grained): its user's login.
 *
 * One request answers all three: GraphQL `query { viewer { login } }`. REST cannot: `GET /user`
 * is not available to installation tokens (GitHub's OpenAPI description marks
 * users/get-authenticated `enabledForGitHubApps: false`; GitHub answers 403 "Resource not
 * accessible by integration"), and `GET /app` needs the App's JWT, which a workflow step does not
 * have ("You must use a JWT to access this endpoint", apps/get-authenticated). GraphQL `viewer`
 * is the authenticated actor for installation tokens too, the App's bot: Renovate resolves a
 * GitHub App's login this way (renovatebot/renovate, lib/modules/platform/github/user.ts,
 * getAppDetails), and CatChen/token-who-am-i-action runs the same query with GITHUB_TOKEN
 * (`github-actions[bot]`), App installation tokens and personal access tokens in its CI;
 * fullsend-ai/fullsend#1953 replaced `GET /app` (401 with an installation token) by it.
 *
 * When GraphQL fails (a proxy or server that refuses it), `GET /user` answers for personal access
 * tokens. Undefined when neither answers: callers then trust only what the token itself wrote
 * (see upsertReportComment).
 */
export function tokenIdentity(client: GitHubClient, log?: Logger): Promise<TokenIdentity | undefined> {
  let identity = asked.get(client);
  if (identity === undefined) {
    identity = lookUp(client, log);
    asked.set(client, identity);
  }
  return identity;
}

/** Records who the token is, learned from something it wrote (a created comment's author). */
export function rememberIdentity(client: GitHubClient, identity: TokenIdentity): void {
  asked.set(client, Promise.resolve({ login: identity.login }));
}

const VIEWER = 'query { viewer { login } }';

async function lookUp(client: GitHubClient, log?: Logger): Promise<TokenIdentity | undefined> {
  let graphqlFailure: string;
  try {
    const answer = await client.graphql<{ viewer?: { login?: unknown } }>(VIEWER);
    const login = answer.viewer?.login;
    if (typeof login === 'string' && login !== '') {
      log?.debug?.(`The token is ${login} (GraphQL viewer).`);
      return { login };
    }
    graphqlFailure = 'no login in the answer';
  } catch (error) {
    graphqlFailure = messageOf(error);
  }
  try {
    const user = await client.rest.users.getAuthenticated();
    log?.debug?.(`The token is ${user.data.login} (GET /user; GraphQL viewer failed: ${graphqlFailure}).`);
    return { login: user.data.login };
  } catch (error) {
    log?.warning(
      `Could not tell which account the token belongs to (GraphQL viewer: ${graphqlFailure}; GET /user: ` +
        `${statusOf(error) ?? messageOf(error)}). Only comments this step's token is seen to write count ` +
        'as its own; set the report input comment-author to its login to skip the question.',
    );
    return undefined;
  }
}
