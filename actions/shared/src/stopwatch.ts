/**
 * Where a step's time went, phase by phase, for the debug log: a slow report on a real runner
 * then says whether it was start-up, drawing or GitHub's answers. The first lap counts from the
 * process's start (performance.now() is relative to it), so it is Node's start-up and the
 * loading of the action's code.
 *
 * Each phase also counts the page faults it took (memory touched for the first time): on a small
 * virtual machine each can cost over 10 µs, and then they, not the code, are where the time goes.
 */
export interface Stopwatch {
  /** Ends the current phase under `name` and starts the next. */
  lap(name: string): void;
  /** `start-up 95 ms (3412 page faults), charts and Markdown 140 ms (7158 page faults), ...`. */
  toString(): string;
}

export function stopwatch(
  now: () => number = () => performance.now(),
  pageFaults: () => number = () => process.resourceUsage().minorPageFault,
): Stopwatch {
  let last = 0;
  let lastFaults = 0;
  const laps: Array<[string, number, number]> = [];
  return {
    lap(name) {
      const time = now();
      const faults = pageFaults();
      laps.push([name, time - last, faults - lastFaults]);
      last = time;
      lastFaults = faults;
    },
    toString() {
      return laps
        .map(([name, ms, faults]) => `${name} ${Math.round(ms)} ms (${faults} page faults)`)
        .join(', ');
    },
  };
}
