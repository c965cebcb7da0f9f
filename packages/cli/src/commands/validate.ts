import {
  DRIFT_KEY_PREFIXES,
  inferSchema,
  nestedMetricsJson,
  parseMissingValues,
  parseSchema,
  parseTableFormat,
  readTextFile,
  runComparison,
  schemaYaml,
  stringifyDocument,
  TABLE_FORMATS,
  toJsonDoc,
  validateTable,
  validationMetricsDoc,
  type DataSchema,
  type Gate,
  type ValidationReport,
} from '@mlci/core';
import { comparisonText } from '../comparison-text.js';
import { readTableSpec, writeOutFile } from '../tables.js';
import { helpHint, parseCommandArgs } from '../arguments.js';
import { EXIT, type CliIO } from '../io.js';
import { loadConfig, parseGateFlags } from '../inputs.js';

export const VALIDATE_OPTIONS = {
  schema: { type: 'string' },
  infer: { type: 'boolean', default: false },
  format: { type: 'string' },
  'missing-values': { type: 'string', multiple: true, default: [] as string[] },
  config: { type: 'string' },
  gate: { type: 'string', multiple: true, default: [] as string[] },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const SUGGESTED_GATE = 'schema.violations == 0';

export const validateUsage = `Usage: mlci validate <data> [--schema schema.yml] [--gate "G"]... [options]
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
  --format F              read the data as ${TABLE_FORMATS.join(', ')} (default: the file extension)
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

const KEY_PREFIXES = ['schema.', ...DRIFT_KEY_PREFIXES.filter((p) => p !== 'drift.')];

export async function validateCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    allowPositionals: true,
    options: VALIDATE_OPTIONS,
  });
  if (values.help) {
    io.stdout(validateUsage);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    io.stderr(
      `mlci validate: ${positionals.length === 0 ? 'name the data to validate' : `one table at a time, found ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(', ')}`} (a CSV, TSV, JSON Lines or Parquet file, or a folder of them)\n${helpHint('validate')}\n`,
    );
    return EXIT.badInput;
  }
  if (values.infer && values.schema !== undefined) {
    io.stderr(
      `mlci validate: --infer writes a schema and --schema reads one: give one of them\n${helpHint('validate')}\n`,
    );
    return EXIT.badInput;
  }
  const data = positionals[0]!;
  const format = values.format === undefined ? undefined : parseTableFormat(values.format);
  const missing = parseMissingValues(values['missing-values']);
  // Read before the table, so a mistake in it is reported without reading a large table first.
  const schema =
    values.schema === undefined ? undefined : parseSchema(await readTextFile(values.schema), values.schema);
  const config = loadConfig(values.config);
  const ownGates = config.gates.filter(isValidateGate);
  const extraGates = parseGateFlags(values.gate);
  const gated = ownGates.length + extraGates.length > 0;
  const { profile, path } = await readTableSpec(data, {
    missing,
    ...(format !== undefined ? { format } : {}),
  });

  if (values.infer || (schema === undefined && !gated)) {
    const yaml = schemaYaml(inferSchema(profile));
    for (const warning of profile.warnings) io.stderr(`warning: ${warning}\n`);
    if (values.infer && values.out !== undefined) {
      writeOutFile(values.out, yaml, 'the schema file');
      io.stdout(`wrote the schema inferred from ${profile.label} (${profile.rows} rows) to ${values.out}\n`);
      return EXIT.ok;
    }
    io.stdout(yaml);
    if (!values.infer) {
      io.stdout(
        `\n# No --schema: this is the schema ${profile.label} satisfies, so no violation is possible.\n# Save it with: mlci validate --infer ${data} --out schema.yml, then validate with --schema schema.yml\n`,
      );
    }
    return EXIT.ok;
  }

  const report = await validateTable(path, profile, schema ?? noSchema(), {
    ...(format !== undefined ? { format } : {}),
    missing,
  });
  const doc = validationMetricsDoc(report, schema !== undefined);
  const comparison = runComparison({
    head: { runs: [doc], label: report.label },
    config: { ...config, gates: ownGates },
    extraGates,
    expectBaseline: false,
  });
  if (values.out !== undefined)
    writeOutFile(values.out, `${stringifyDocument(nestedMetricsJson(doc))}\n`, 'the metrics file');
  for (const warning of report.warnings) io.stderr(`warning: ${warning}\n`);
  if (values.json) {
    io.stdout(`${stringifyDocument({ validation: report, metrics: toJsonDoc(doc), comparison })}\n`);
  } else {
    io.stdout(validationText(report, schema !== undefined));
    if (comparison.gates.length > 0) io.stdout(`\n${comparisonText(comparison, { metrics: false })}`);
    else if (report.violations.length > 0)
      io.stdout(
        `\nNo gates given: pass --gate "${SUGGESTED_GATE}" (or add it to gates: in .mlci.yml) to fail on these.\n`,
      );
  }
  return comparison.verdict.kind === 'failed' ? EXIT.gateFailed : EXIT.ok;
}

function isValidateGate(gate: Gate): boolean {
  return KEY_PREFIXES.some((prefix) => gate.selector.startsWith(prefix));
}

/** Gates without a schema: only the table's own numbers (data.rows, data.missing.*). */
function noSchema(): DataSchema {
  return { rows: {}, columns: [] };
}

/** The verdict, then one line per violation with its examples. */
export function validationText(report: ValidationReport, withSchema: boolean): string {
  const lines: string[] = [];
  const against = withSchema
    ? ` against ${report.schemaFile}`
    : ' (no schema: only data.rows and data.missing.*)';
  const n = report.violations.length;
  lines.push(
    n === 0
      ? `VALID: ${report.label} (${report.rows} rows)${against}`
      : `INVALID: ${n} violation${n === 1 ? '' : 's'} in ${report.label} (${report.rows} rows)${against}`,
  );
  for (const v of report.violations) lines.push(`- ${v.message}`);
  if (report.notes.length > 0) lines.push('', ...report.notes.map((note) => `note: ${note}`));
  return `${lines.join('\n')}\n`;
}
