import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  splitKey
} from "./chunk-OVCBO5QH.js";

// actions/shared/src/annotations.ts
import { existsSync, readFileSync, statSync } from "node:fs";
function lineOfKey(text, key) {
  const name = splitKey(key).at(-1) ?? key;
  const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const patterns = [
    new RegExp(`"${quoted}"\\s*:`),
    new RegExp(`^\\s*['"]?${quoted}['"]?\\s*[:=]`),
    new RegExp(`(^|[,\\t])\\s*"?${quoted}"?\\s*([,\\t]|$)`)
  ];
  const lines = text.split("\n", 1e5);
  for (const pattern of patterns) {
    const index = lines.findIndex((line) => pattern.test(line));
    if (index >= 0) return index + 1;
  }
  return void 0;
}
function locateMetric(sources, key, readText = readSmallFile) {
  let fallback;
  for (const source of [...sources].reverse()) {
    const text = readText(source.file);
    if (text === void 0) continue;
    fallback ??= { file: source.file };
    const line = lineOfKey(text, key);
    if (line !== void 0) return { file: source.file, line };
  }
  return fallback;
}
function readSmallFile(file) {
  try {
    if (!existsSync(file) || !statSync(file).isFile() || statSync(file).size > 16 * 1024 * 1024)
      return void 0;
    return readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
}
function annotateGates(io, comparison) {
  for (const result of comparison.gates) {
    if (result.status !== "fail" && result.status !== "error" && result.status !== "warn") continue;
    const where = result.metric !== void 0 ? locateMetric(comparison.head.sources, result.metric) : void 0;
    const message = `${result.gate.text}: ${result.reason}`;
    const properties = {
      title: `mlci gate ${result.status === "warn" ? "warning" : "failed"}`,
      ...where !== void 0 ? { file: where.file } : {},
      ...where?.line !== void 0 ? { startLine: where.line } : {}
    };
    if (result.status === "warn") io.warning(message, properties);
    else io.error(message, properties);
  }
}

export {
  annotateGates
};
