// The authenticated user and the rate limit.
import { HttpError } from '../state.js';
import type { Handler } from './util.js';

export const miscRoutes: Record<string, Handler> = {
  // GITHUB_TOKEN is an installation token: GitHub refuses /user for it.
  'users/get-authenticated': () => {
    throw new HttpError(403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
      status: '403',
    });
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
