import { stopwatch } from '../../../actions/shared/src/stopwatch.js';

describe('stopwatch', () => {
  test('each lap is the time and page faults since the previous one; the first since the process started', () => {
    const clock = [80, 95, 240];
    const faults = [3000, 3400, 10500];
    const time = stopwatch(
      () => clock.shift()!,
      () => faults.shift()!,
    );
    time.lap('start-up');
    time.lap('reading');
    time.lap('charts and Markdown');
    expect(String(time)).toBe(
      'start-up 80 ms (3000 page faults), reading 15 ms (400 page faults), charts and Markdown 145 ms (7100 page faults)',
    );
  });

  test('counts the process page faults by default', () => {
    const time = stopwatch();
    time.lap('start-up');
    // Above glibc's largest mmap threshold (32 MiB), so always fresh pages, never reused ones.
    Buffer.allocUnsafeSlow(64 * 1024 * 1024).fill(1);
    time.lap('touching 64 MiB');
    const [, faults] = /touching 64 MiB \d+ ms \((\d+) page faults\)/.exec(String(time)) ?? [];
    expect(Number(faults)).toBeGreaterThan(0); // 16,384 pages of 4 KiB; far fewer with huge pages
  });

  test('says nothing before the first lap', () => {
    expect(String(stopwatch(() => 1))).toBe('');
  });
});
