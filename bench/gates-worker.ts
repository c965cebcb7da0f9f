/**
 * A worker process of bench/gates.bench.ts: reads one job per line on stdin (JSON), simulates it
 * (gates-sim.ts) and writes one result per line on stdout, until stdin ends.
 */
import { createInterface } from 'node:readline';
import { peakRssMiB } from './lib.js';
import { runJob, type Job } from './gates-sim.js';

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === '') continue;
  const result = runJob(JSON.parse(line) as Job);
  process.stdout.write(`${JSON.stringify({ ...result, peakRssMiB: peakRssMiB() })}\n`);
}
