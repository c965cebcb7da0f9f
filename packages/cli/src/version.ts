/**
 * The version of mlci: the CLI package, the actions and the release tags carry this one number.
 * `npm run release -- prepare X.Y.Z` rewrites it with the package.json files, and a test checks
 * that they agree, so `mlci --version` always names the release it came from.
 */
export const VERSION = '0.1.0';
