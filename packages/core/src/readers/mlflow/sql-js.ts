/**
 * sql.js (SQLite compiled to WebAssembly): no native build, so the same bundle runs on every
 * runner. Loaded on first use only: reading any other format does not pay for 700 KB of
 * WebAssembly. Its module is imported dynamically (the bundler puts it in a chunk of its own) and
 * its `sql-wasm.wasm` is read by mlci and handed over (`wasmBinary`), so sql.js never looks for it
 * next to a script that a bundle moved.
 *
 * The build imported is sql.js's "browser" one: the same engine and the same `.wasm` (byte for
 * byte), without the Node-only code of the main entry, which finds its `.wasm` through `__dirname`
 * (undefined in an ES module bundle: dist/ failed with a ReferenceError) and `require("node:fs")`.
 * Given the binary, it needs nothing but WebAssembly and `crypto.getRandomValues`, both in Node 20.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlJsStatic } from 'sql.js';

const WASM = 'sql-wasm.wasm';
let loading: Promise<SqlJsStatic> | undefined;

/** The SQLite engine, loaded once however many stores ask for it at once. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= (async () => {
    const wasmBinary = readFileSync(sqlWasmPath());
    const { default: initSqlJs } = await import('sql.js/dist/sql-wasm-browser.js');
    return initSqlJs({
      wasmBinary: wasmBinary.buffer.slice(
        wasmBinary.byteOffset,
        wasmBinary.byteOffset + wasmBinary.byteLength,
      ),
    });
  })();
  // A failed load (a broken install) is not remembered: the next read says what is wrong again.
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * Where `sql-wasm.wasm` is: beside the bundle (dist/assets/, copied there by scripts/build.ts, as
 * the chart fonts are) or in sql.js's own package (a checkout, or @mlci/core installed by npm).
 */
export function sqlWasmPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../assets', WASM), join(here, 'assets', WASM)];
  try {
    candidates.push(createRequire(import.meta.url).resolve(`sql.js/dist/${WASM}`));
  } catch {
    // Not installed as a package here: a bundle, which has its own copy in assets/.
  }
  const found = candidates.find((file) => existsSync(file));
  if (found === undefined)
    throw new Error(`mlci's SQLite engine is missing: looked for ${WASM} in ${candidates.join(', ')}`);
  return found;
}
