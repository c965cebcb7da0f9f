// The authenticated user, a collaborator's permission and the rate limit.
import { authenticatedUserJson, userJson } from '../serialize.js';
import { HttpError, notFound, type CollaboratorRole } from '../state.js';
import { repoOf, type Handler } from './util.js';

/** The legacy base permission GitHub reports next to a role (`permission` vs `role_name`). */
const LEGACY_PERMISSION: Record<CollaboratorRole | 'none', string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none',
};

const PERMISSIONS_OF: Record<CollaboratorRole | 'none', Record<string, boolean>> = {
  admin: { pull: true, triage: true, push: true, maintain: true, admin: true },
  maintain: { pull: true, triage: true, push: true, maintain: true, admin: false },
  write: { pull: true, triage: true, push: true, maintain: false, admin: false },
  triage: { pull: true, triage: true, push: false, maintain: false, admin: false },
  read: { pull: true, triage: false, push: false, maintain: false, admin: false },
  none: { pull: false, triage: false, push: false, maintain: false, admin: false },
};

export const miscRoutes: Record<string, Handler> = {
  // A personal access token's user; GITHUB_TOKEN and App tokens are installation tokens, for
  // which GitHub refuses /user (the operation is not enabled for GitHub Apps).
  'users/get-authenticated': (req) => {
    if (req.ctx.userToken === true && req.ctx.identity !== undefined) {
      return { status: 200, body: authenticatedUserJson(req.ctx, req.ctx.identity) };
    }
    throw new HttpError(403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
      status: '403',
    });
  },
  // The owner is admin, people given a role have it, anyone else can read a public repository and
  // has no access to a private one; a login GitHub does not know is 404.
  'repos/get-collaborator-permission-level': (req) => {
    const repo = repoOf(req);
    const login = String(req.params.username);
    const user = req.ctx.state.findUser(login);
    if (user === undefined) throw notFound();
    const role: CollaboratorRole | 'none' =
      repo.owner.login.toLowerCase() === login.toLowerCase()
        ? 'admin'
        : (repo.collaborators.get(login.toLowerCase()) ?? (repo.private ? 'none' : 'read'));
    return {
      status: 200,
      body: {
        permission: LEGACY_PERMISSION[role],
        role_name: role,
        user: { ...userJson(req.ctx, user), permissions: PERMISSIONS_OF[role], role_name: role },
      },
    };
  },
  'rate-limit/get': (req) => {
    const reset = req.ctx.state.clock.epochSeconds() + 3600;
    const bucket = (limit: number) => ({ limit, used: 0, remaining: limit, reset });
    return {
      status: 200,
      body: {
        resources: {
          core: bucket(15000),
          search: bucket(30),
          graphql: bucket(5000),
          integration_manifest: bucket(5000),
          code_search: bucket(10),
        },
        rate: bucket(15000),
      },
    };
  },
};
