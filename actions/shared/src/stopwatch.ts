/**
 * Where a step's time went, phase by phase, for the debug log: a slow report on a real runner
 * then says whether it was start-up, drawing or GitHub's answers. The first lap counts from the
 * process's start (performance.now() is relative to it), so it is Node's start-up and the
 * loading of the action's code.
 */
export interface Stopwatch {
  /** Ends the current phase under `name` and starts the next. */
  lap(name: string): void;
  /** `start-up 95 ms, charts and Markdown 140 ms, ...`. */
  toString(): string;
}

export function stopwatch(now: () => number = () => performance.now()): Stopwatch {
  let last = 0;
  const laps: Array<[string, number]> = [];
  return {
    lap(name) {
      const time = now();
      laps.push([name, time - last]);
      last = time;
    },
    toString() {
      return laps.map(([name, ms]) => `${name} ${Math.round(ms)} ms`).join(', ');
    },
  };
}
