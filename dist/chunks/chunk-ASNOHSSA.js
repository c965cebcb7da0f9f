import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  closestNames
} from "./chunk-55SCGZVG.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-3CG65SHH.js";

// builtin-by-require:node:util
var require_node_util = __commonJS({
  "builtin-by-require:node:util"(exports, module) {
    module.exports = __require("node:util");
  }
});

// packages/cli/src/arguments.ts
var import_node_util = __toESM(require_node_util(), 1);
var ArgumentError = class extends Error {
  constructor(problem) {
    super(`${problem.kind}: ${problem.option}`);
    this.problem = problem;
  }
  problem;
  name = "ArgumentError";
};
function parseCommandArgs(config) {
  const { tokens } = (0, import_node_util.parseArgs)({
    ...config.args !== void 0 ? { args: config.args } : {},
    options: config.options,
    allowPositionals: true,
    strict: false,
    tokens: true
  });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const spec = Object.hasOwn(config.options, token.name) ? config.options[token.name] : void 0;
    if (spec === void 0) throw new ArgumentError({ kind: "unknown", option: token.rawName });
    if (spec.type === "boolean" && token.inlineValue === true)
      throw new ArgumentError({
        kind: "unexpected-value",
        option: token.rawName,
        written: `${token.rawName}=${token.value ?? ""}`
      });
    if (spec.type === "string" && (token.value === void 0 || token.inlineValue === false && token.value.startsWith("-"))) {
      throw new ArgumentError(
        token.value === void 0 ? { kind: "missing-value", option: token.rawName } : { kind: "missing-value", option: token.rawName, next: token.value }
      );
    }
  }
  return (0, import_node_util.parseArgs)(config);
}
function helpHint(command) {
  return `Run 'mlci ${command} --help' for its options.`;
}
function describeArgumentProblem(problem, command, others) {
  const { option } = problem;
  if (problem.kind === "unexpected-value") return `${option} takes no value (found ${problem.written})`;
  if (problem.kind === "missing-value") {
    const placeholder = new RegExp(`^\\s+${escapeRegExp(option)} (\\S+)`, "m").exec(command.usage)?.[1];
    const example = placeholder === void 0 ? "" : `, as in ${option} ${placeholder}`;
    if (problem.next === void 0) return `${option} needs a value${example}`;
    const nextIsOption = /^--?[^-]/.test(problem.next) && knownOption(problem.next, command.options);
    return nextIsOption ? `${option} needs a value${example} (found ${problem.next} after it)` : `${option} needs a value${example}; write ${option}=${problem.next} for a value that starts with -`;
  }
  if (option.startsWith("--")) {
    const name = option.slice(2);
    const takers = Object.entries(others).filter(([, options]) => Object.hasOwn(options, name)).map(([other]) => other);
    if (takers.length > 0)
      return `${option} is not an option of ${command.name} (${listed(takers)} take${takers.length === 1 ? "s" : ""} it)`;
    const meant = closestNames(name, Object.keys(command.options)).map((n) => `--${n}`);
    if (meant.length > 0) return `unknown option ${option}; did you mean ${listed(meant, "or")}?`;
  }
  return `unknown option ${option}`;
}
function suggestCommand(name, commands) {
  const meant = closestNames(name, commands, 2);
  return meant.length > 0 ? `; did you mean ${listed(meant, "or")}?` : "";
}
function knownOption(written, options) {
  const name = written.replace(/^--?/, "").replace(/=.*$/, "");
  return written.startsWith("--") ? Object.hasOwn(options, name) : Object.values(options).some((spec) => spec.short === name);
}
function listed(items, word = "and") {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} ${word} ${items.at(-1)}`;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export {
  require_node_util,
  ArgumentError,
  parseCommandArgs,
  helpHint,
  describeArgumentProblem,
  suggestCommand
};
