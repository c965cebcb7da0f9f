import { stopwatch } from '../../../actions/shared/src/stopwatch.js';

describe('stopwatch', () => {
  test('each lap is the time since the previous one; the first since the process started', () => {
    const clock = [80, 95, 240];
    const time = stopwatch(() => clock.shift()!);
    time.lap('start-up');
    time.lap('reading');
    time.lap('charts and Markdown');
    expect(String(time)).toBe('start-up 80 ms, reading 15 ms, charts and Markdown 145 ms');
  });

  test('says nothing before the first lap', () => {
    expect(String(stopwatch(() => 1))).toBe('');
  });
});
