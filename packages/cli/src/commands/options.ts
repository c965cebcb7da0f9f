import { formatIds, wrap } from '../help.js';
import { loadConfig, parseDirectionFlags, parseGateFlags, type ReadRunOptions } from '../inputs.js';

/** Options that check, compare and report share, parsed the same way everywhere. */
export const GATE_OPTIONS = {
  config: { type: 'string' },
  gate: { type: 'string', multiple: true, default: [] as string[] },
  direction: { type: 'string', multiple: true, default: [] as string[] },
  format: { type: 'string' },
  run: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const GATE_OPTIONS_HELP = `  --config F              the config file (default: .mlci.yml in the current folder, if any)
  --gate "G"              a gate, such as "accuracy >= 0.9" or "loss rise <= 2%" (repeatable;
                          evaluated after the config's gates; see docs/gates.md)
  --direction KEY=higher  whether higher or lower is better for a metric (repeatable)
${wrap(`read every path as format F instead of detecting it: ${formatIds()} (mlci read --help says what each is)`, 26, '  --format F')}
  --run ID                MLflow: the run to read (run id, run name or experiment name)
  --json                  print the comparison document as JSON
  -h, --help              show this help`;

/** What the shared options mean: the config, extra gates and directions, and how to read runs. */
export function gateSetup(values: {
  config?: string;
  gate: string[];
  direction: string[];
  format?: string;
  run?: string;
}) {
  const readOptions: ReadRunOptions = {};
  if (values.format !== undefined) readOptions.format = values.format;
  if (values.run !== undefined) readOptions.run = values.run;
  return {
    config: loadConfig(values.config),
    extraGates: parseGateFlags(values.gate),
    directions: parseDirectionFlags(values.direction),
    readOptions,
  };
}
