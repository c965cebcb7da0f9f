/**
 * `npm run docs:actions`: writes the inputs and outputs tables of every actions/<name>/README.md
 * from its action.yml, between `<!-- inputs -->`/`<!-- /inputs -->` and `<!-- outputs -->`/
 * `<!-- /outputs -->` markers, so names, defaults and descriptions are defined once (STYLE.md 10).
 * `--check` (part of npm test) fails when a README is stale or lacks the markers.
 */
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface ActionYaml {
  inputs?: Record<string, { description?: string; default?: unknown; required?: boolean }>;
  outputs?: Record<string, { description?: string }>;
}

const cell = (text: string) =>
  text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();

export function inputsTable(action: ActionYaml): string {
  const rows = Object.entries(action.inputs ?? {}).map(([name, spec]) => {
    const value = spec.default === undefined ? '' : String(spec.default);
    const shown = spec.required ? 'required' : value === '' ? '' : `\`${value}\``;
    return `| \`${name}\` | ${shown} | ${cell(spec.description ?? '')} |`;
  });
  return ['| Input | Default | Description |', '| --- | --- | --- |', ...rows].join('\n');
}

export function outputsTable(action: ActionYaml): string {
  const rows = Object.entries(action.outputs ?? {}).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description ?? '')} |`,
  );
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n');
}

export function withTables(readme: string, action: ActionYaml, file: string): string {
  let out = readme;
  for (const [marker, table] of [
    ['inputs', inputsTable(action)],
    ['outputs', outputsTable(action)],
  ] as const) {
    const pattern = new RegExp(`<!-- ${marker} -->[\\s\\S]*?<!-- /${marker} -->`);
    if (!pattern.test(out)) throw new Error(`${file}: no <!-- ${marker} --> ... <!-- /${marker} --> markers`);
    out = out.replace(pattern, `<!-- ${marker} -->\n${table}\n<!-- /${marker} -->`);
  }
  return out;
}

const check = process.argv.includes('--check');
const stale: string[] = [];
for (const name of readdirSync(join(root, 'actions')).sort()) {
  const yml = join(root, 'actions', name, 'action.yml');
  if (!existsSync(yml)) continue;
  const readmePath = join(root, 'actions', name, 'README.md');
  const action = parse(readFileSync(yml, 'utf8')) as ActionYaml;
  const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
  const updated = withTables(readme, action, `actions/${name}/README.md`);
  if (updated === readme) continue;
  if (check) stale.push(`actions/${name}/README.md`);
  else writeFileSync(readmePath, updated);
}
if (stale.length > 0) {
  process.stderr.write(
    `README tables differ from action.yml: ${stale.join(', ')}. Run \`npm run docs:actions\`.\n`,
  );
  process.exitCode = 1;
}
