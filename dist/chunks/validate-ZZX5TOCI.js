import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  readTableSpec,
  writeOutFile
} from "./chunk-F56DFHV3.js";
import {
  comparisonText,
  loadConfig,
  parseGateFlags
} from "./chunk-4R3FL7BL.js";
import "./chunk-BBRN4AUK.js";
import {
  helpHint,
  parseCommandArgs
} from "./chunk-ASNOHSSA.js";
import "./chunk-CWKNKEBK.js";
import "./chunk-VMLB7Z4O.js";
import {
  DRIFT_KEY_PREFIXES,
  TABLE_FORMATS,
  inferSchema,
  nestedMetricsJson,
  parseMissingValues,
  parseSchema,
  parseTableFormat,
  runComparison,
  schemaYaml,
  stringifyDocument,
  toJsonDoc,
  validateTable,
  validationMetricsDoc
} from "./chunk-55SCGZVG.js";
import "./chunk-IFY4HQBU.js";
import "./chunk-D2FLYXD6.js";
import "./chunk-GWAIW46Y.js";
import "./chunk-MTIA3I3M.js";
import {
  EXIT
} from "./chunk-PTB36J5H.js";
import {
  readTextFile
} from "./chunk-BDOKL3XF.js";
import "./chunk-ERMUBDDR.js";
import "./chunk-DPFCA6DW.js";
import "./chunk-TQLTVCQ6.js";
import "./chunk-3CG65SHH.js";

// packages/cli/src/commands/validate.ts
var VALIDATE_OPTIONS = {
  schema: { type: "string" },
  infer: { type: "boolean", default: false },
  format: { type: "string" },
  "missing-values": { type: "string", multiple: true, default: [] },
  config: { type: "string" },
  gate: { type: "string", multiple: true, default: [] },
  out: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false }
};
var SUGGESTED_GATE = "schema.violations == 0";
var validateUsage = `Usage: mlci validate <data> [--schema schema.yml] [--gate "G"]... [options]
       mlci validate --infer <data> [--out schema.yml]

Checks a table against a data schema: its columns (a dropped, new or retyped one), numeric ranges,
allowed categories, the share of missing values, the row count and unique columns; values that
break a rule are counted and shown with their rows. The results are metrics that gates check:
schema.violations, schema.columns.<column>.violations, data.rows, data.missing.<column>
(docs/validate.md). Data is a CSV, TSV, JSON Lines or Parquet file, a folder of them read as one
table, or git:<revision>:<path>.

Without --schema, the schema the data satisfies is inferred and printed (a YAML file to edit:
each bound says where it came from); --infer --out F writes it.

Options:
  --schema F              the schema (YAML) the data must satisfy
  --infer                 infer the schema from the data and print it (or write it with --out)
  --format F              read the data as ${TABLE_FORMATS.join(", ")} (default: the file extension)
  --missing-values V      more values that mean missing, besides empty cells and pandas' NA
                          tokens: V[,V...] for every column, COLUMN=V[,V...] for one (repeatable;
                          write --missing-values=-99.99 for a value that starts with -)
  --config F              the config file (default: .mlci.yml); its gates on schema.* and data.*
                          keys are evaluated
  --gate "G"              a gate, such as "${SUGGESTED_GATE}" or "data.rows >= 1000"
                          (repeatable; see docs/gates.md)
  --out F                 with --infer, the schema file to write; otherwise the metrics as JSON
  --json                  print the violations, the metrics and the gates as JSON
  -h, --help              show this help

Exit code: 0 passed (or no gates), 1 a gate failed, 2 bad input or configuration.
`;
var KEY_PREFIXES = ["schema.", ...DRIFT_KEY_PREFIXES.filter((p) => p !== "drift.")];
async function validateCommand(args, io) {
  const { values, positionals } = parseCommandArgs({
    args,
    allowPositionals: true,
    options: VALIDATE_OPTIONS
  });
  if (values.help) {
    io.stdout(validateUsage);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    io.stderr(
      `mlci validate: ${positionals.length === 0 ? "name the data to validate" : `one table at a time, found ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(", ")}`} (a CSV, TSV, JSON Lines or Parquet file, or a folder of them)
${helpHint("validate")}
`
    );
    return EXIT.badInput;
  }
  if (values.infer && values.schema !== void 0) {
    io.stderr(
      `mlci validate: --infer writes a schema and --schema reads one: give one of them
${helpHint("validate")}
`
    );
    return EXIT.badInput;
  }
  const data = positionals[0];
  const format = values.format === void 0 ? void 0 : parseTableFormat(values.format);
  const missing = parseMissingValues(values["missing-values"]);
  const schema = values.schema === void 0 ? void 0 : parseSchema(await readTextFile(values.schema), values.schema);
  const config = loadConfig(values.config);
  const ownGates = config.gates.filter(isValidateGate);
  const extraGates = parseGateFlags(values.gate);
  const gated = ownGates.length + extraGates.length > 0;
  const { profile, path } = await readTableSpec(data, {
    missing,
    ...format !== void 0 ? { format } : {}
  });
  if (values.infer || schema === void 0 && !gated) {
    const yaml = schemaYaml(inferSchema(profile));
    for (const warning of profile.warnings) io.stderr(`warning: ${warning}
`);
    if (values.infer && values.out !== void 0) {
      writeOutFile(values.out, yaml, "the schema file");
      io.stdout(`wrote the schema inferred from ${profile.label} (${profile.rows} rows) to ${values.out}
`);
      return EXIT.ok;
    }
    io.stdout(yaml);
    if (!values.infer) {
      io.stdout(
        `
# No --schema: this is the schema ${profile.label} satisfies, so no violation is possible.
# Save it with: mlci validate --infer ${data} --out schema.yml, then validate with --schema schema.yml
`
      );
    }
    return EXIT.ok;
  }
  const report = await validateTable(path, profile, schema ?? noSchema(), {
    ...format !== void 0 ? { format } : {},
    missing
  });
  const doc = validationMetricsDoc(report, schema !== void 0);
  const comparison = runComparison({
    head: { runs: [doc], label: report.label },
    config: { ...config, gates: ownGates },
    extraGates,
    expectBaseline: false
  });
  if (values.out !== void 0)
    writeOutFile(values.out, `${stringifyDocument(nestedMetricsJson(doc))}
`, "the metrics file");
  for (const warning of report.warnings) io.stderr(`warning: ${warning}
`);
  if (values.json) {
    io.stdout(`${stringifyDocument({ validation: report, metrics: toJsonDoc(doc), comparison })}
`);
  } else {
    io.stdout(validationText(report, schema !== void 0));
    if (comparison.gates.length > 0) io.stdout(`
${comparisonText(comparison, { metrics: false })}`);
    else if (report.violations.length > 0)
      io.stdout(
        `
No gates given: pass --gate "${SUGGESTED_GATE}" (or add it to gates: in .mlci.yml) to fail on these.
`
      );
  }
  return comparison.verdict.kind === "failed" ? EXIT.gateFailed : EXIT.ok;
}
function isValidateGate(gate) {
  return KEY_PREFIXES.some((prefix) => gate.selector.startsWith(prefix));
}
function noSchema() {
  return { rows: {}, columns: [] };
}
function validationText(report, withSchema) {
  const lines = [];
  const against = withSchema ? ` against ${report.schemaFile}` : " (no schema: only data.rows and data.missing.*)";
  const n = report.violations.length;
  lines.push(
    n === 0 ? `VALID: ${report.label} (${report.rows} rows)${against}` : `INVALID: ${n} violation${n === 1 ? "" : "s"} in ${report.label} (${report.rows} rows)${against}`
  );
  for (const v of report.violations) lines.push(`- ${v.message}`);
  if (report.notes.length > 0) lines.push("", ...report.notes.map((note) => `note: ${note}`));
  return `${lines.join("\n")}
`;
}
export {
  VALIDATE_OPTIONS,
  validateCommand,
  validateUsage,
  validationText
};
