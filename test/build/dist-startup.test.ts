import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// What keeps the actions' start-up short (docs/architecture.md, "Start-up of the actions") holds in
// the committed dist/: check:dist only proves dist/ is a fresh build, not that the build still
// leaves the heavy libraries to first use.
const DIST = resolve(import.meta.dirname, '../../dist');

/** The files an action's process loads before its code runs: the entry, what the entry awaits, and their static imports. */
function startupFiles(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string, followDynamic: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const specifiers = [
      ...text.matchAll(/(?:^|\n)(?:import|export)\s[^;]*?\sfrom\s+"(\.{1,2}\/[^"]+)";/g),
      ...text.matchAll(/(?:^|\n)import\s+"(\.{1,2}\/[^"]+)";/g),
      // The entry awaits its run module at once: that is start-up too, not a first use.
      ...(followDynamic ? text.matchAll(/import\("(\.{1,2}\/[^"]+)"\)/g) : []),
    ].map((m) => m[1]!);
    for (const specifier of specifiers) visit(join(dirname(file), specifier), false);
  };
  visit(join(DIST, entry), true);
  return seen;
}

/** Libraries that must load on first use only, by the path comments esbuild leaves in a chunk. */
const LAZY = {
  'the Markdown-to-HTML stack': '// node_modules/micromark',
  'chart.js': '// node_modules/chart.js/',
  'the TOML parser': '// node_modules/smol-toml/',
  'undici (the proxy stack)': '// node_modules/undici/',
};

describe('the start-up of the actions in dist/', () => {
  test.each(['evaluate', 'compare-metrics', 'report'])(
    '%s loads no heavy library before it needs one',
    (name) => {
      const files = [...startupFiles(`${name}/index.js`)];
      expect(files.length).toBeGreaterThan(3); // the walk found the chunks
      for (const [library, marker] of Object.entries(LAZY)) {
        const loading = files.filter((f) => readFileSync(f, 'utf8').includes(marker));
        expect({ library, loading }).toEqual({ library, loading: [] });
      }
    },
  );

  test('every built-in module is required, never imported (Node 24 loads undici for an import of node:http)', () => {
    const chunks = [
      ...readdirSync(join(DIST, 'chunks')).map((f) => join(DIST, 'chunks', f)),
      ...['evaluate', 'compare-metrics', 'report', 'cli'].map((a) => join(DIST, a, 'index.js')),
    ].filter((f) => f.endsWith('.js'));
    const imported = chunks.filter((file) =>
      /(?:^|\n)import\s[^;]*?\sfrom\s+"(?:node:)?(?:http|https|fs|util|process|zlib|crypto|child_process|os|path|url|buffer|stream)(?:\/[a-z]+)?";/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(imported).toEqual([]);
  });
});
