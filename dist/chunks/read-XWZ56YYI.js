import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  formatTable
} from "./chunk-7C3KBPAG.js";
import {
  textTable
} from "./chunk-BBRN4AUK.js";
import {
  parseCommandArgs
} from "./chunk-ASNOHSSA.js";
import {
  readMetrics,
  toJsonDoc
} from "./chunk-55SCGZVG.js";
import {
  formatNumber
} from "./chunk-IFY4HQBU.js";
import "./chunk-D2FLYXD6.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-MTIA3I3M.js";
import {
  EXIT
} from "./chunk-PTB36J5H.js";
import "./chunk-BDOKL3XF.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import {
  ConfigurationError
} from "./chunk-TQLTVCQ6.js";
import "./chunk-3CG65SHH.js";

// packages/cli/src/commands/read.ts
var READ_OPTIONS = {
  format: { type: "string" },
  run: { type: "string" },
  "max-points": { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false }
};
var readUsage = `Usage: mlci read <path...> [--format F] [--run ID] [--json]

Reads metrics files or folders and prints what mlci sees in them. Several paths are read as one
run; a key found twice takes the later file's value.

Formats (detected from a file's name and first bytes, or named with --format):
${formatTable()}

Options:
  --format F      read every path as format F instead of detecting it
  --run ID        MLflow: the run (id, name or experiment name); default the latest finished run
  --max-points N  downsample each curve to at most N points for display (default 2000)
  --json          print { metrics, series, params, sources } as JSON
  -h, --help      show this help
`;
async function readCommand(args, io) {
  const { values, positionals } = parseCommandArgs({ args, allowPositionals: true, options: READ_OPTIONS });
  if (values.help) {
    io.stdout(readUsage);
    return EXIT.ok;
  }
  const options = {};
  if (values.format !== void 0) options.format = values.format;
  if (values.run !== void 0) options.run = values.run;
  if (values["max-points"] !== void 0) options.maxSeriesPoints = parsePointBudget(values["max-points"]);
  const doc = await readMetrics(positionals, options);
  for (const source of doc.sources) {
    for (const warning of source.warnings) io.stderr(`warning: ${source.file}: ${warning}
`);
  }
  io.stdout(values.json ? `${JSON.stringify(toJsonDoc(doc), null, 2)}
` : describeDoc(doc));
  return EXIT.ok;
}
function parsePointBudget(text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 10) {
    throw new ConfigurationError(
      `--max-points: expected a whole number of at least 10, got ${JSON.stringify(text)}`
    );
  }
  return n;
}
function describeDoc(doc) {
  const parts = [];
  parts.push(
    textTable(
      ["source", "format"],
      doc.sources.map((s) => [s.file, s.format])
    )
  );
  const remarks = doc.sources.flatMap((s) => [
    ...s.notes.map((n) => `  ${s.file}: ${n}`),
    ...s.warnings.map((w) => `  ${s.file}: warning: ${w}`)
  ]);
  if (remarks.length > 0) parts.push(`
Notes
${remarks.join("\n")}
`);
  parts.push("\n");
  const metricKeys = Object.keys(doc.metrics);
  parts.push(`Metrics (${metricKeys.length})
`);
  if (metricKeys.length > 0) {
    parts.push(
      textTable(
        ["metric", "value"],
        metricKeys.map((k) => [k, formatNumber(doc.metrics[k])]),
        [false, true]
      )
    );
  }
  const seriesKeys = Object.keys(doc.series);
  if (seriesKeys.length > 0) {
    parts.push(`
Curves (${seriesKeys.length})
`);
    parts.push(
      textTable(
        ["curve", "points", "steps", "first", "last", "min", "max"],
        seriesKeys.map((k) => {
          const { stats, points, downsampledFrom } = doc.series[k];
          return [
            k,
            downsampledFrom === void 0 ? String(stats.count) : `${stats.count} (${points.length} kept)`,
            `${formatNumber(stats.first.step)}..${formatNumber(stats.last.step)}`,
            formatNumber(stats.first.value),
            formatNumber(stats.last.value),
            stats.min === void 0 ? "-" : formatNumber(stats.min),
            stats.max === void 0 ? "-" : formatNumber(stats.max)
          ];
        }),
        [false, true, true, true, true, true, true]
      )
    );
  }
  const paramKeys = Object.keys(doc.params);
  if (paramKeys.length > 0) {
    parts.push(`
Params (${paramKeys.length})
`);
    parts.push(
      textTable(
        ["param", "value"],
        paramKeys.map((k) => {
          const v = doc.params[k];
          return [k, typeof v === "number" ? formatNumber(v) : JSON.stringify(v)];
        })
      )
    );
  }
  return parts.join("");
}
export {
  READ_OPTIONS,
  describeDoc,
  readCommand,
  readUsage
};
