import { join } from 'node:path';
import { enableCompileCache } from '../../../actions/shared/src/compile-cache.js';

describe('enableCompileCache', () => {
  test("puts the cache in the job's RUNNER_TEMP", () => {
    const asked: string[] = [];
    const directory = enableCompileCache({ RUNNER_TEMP: '/runner/_temp' }, (dir) => asked.push(dir));
    expect(directory).toBe(join('/runner/_temp', 'mlci-compile-cache'));
    expect(asked).toEqual([directory]);
  });

  test('does nothing outside a runner, or on a Node without the API (20)', () => {
    const asked: string[] = [];
    expect(enableCompileCache({}, (dir) => asked.push(dir))).toBeUndefined();
    expect(enableCompileCache({ RUNNER_TEMP: '' }, (dir) => asked.push(dir))).toBeUndefined();
    expect(asked).toEqual([]);
    expect(enableCompileCache({ RUNNER_TEMP: '/runner/_temp' }, undefined)).toBeUndefined();
  });

  test('a cache that cannot be turned on never fails the step', () => {
    const failing = () => {
      throw new Error('EACCES: permission denied');
    };
    expect(enableCompileCache({ RUNNER_TEMP: '/read-only' }, failing)).toBeUndefined();
  });
});
