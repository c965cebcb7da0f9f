import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  EXIT,
  terminalIO,
  wantsJson
} from "./chunk-PTB36J5H.js";
import {
  isMlciError
} from "./chunk-TQLTVCQ6.js";

// packages/cli/src/version.ts
var VERSION = "0.1.0";

// packages/cli/src/main.ts
var usage = `mlci ${VERSION}: continuous integration for machine-learning projects

Usage: mlci <command> [options]

Commands:
  read <path...>   read metrics files or folders and print what mlci sees
  check [path...]  evaluate gates on one run's own numbers
  compare          compare a pull request's metrics with a baseline and evaluate gates
  report           compare, then write the pull request report (Markdown, charts, HTML preview)
  drift            compare two data tables column by column; drift as metrics that gates check
  validate <data>  check a data table against a schema (inferred or written); violations as metrics

Run 'mlci <command> --help' for a command's options.
`;
var COMMANDS = {
  read: async () => {
    const { readCommand, readUsage, READ_OPTIONS } = await import("./read-XWZ56YYI.js");
    return { run: readCommand, usage: readUsage, options: READ_OPTIONS };
  },
  check: async () => {
    const { checkCommand, checkUsage, CHECK_OPTIONS } = await import("./check-TGAPHXAX.js");
    return { run: checkCommand, usage: checkUsage, options: CHECK_OPTIONS };
  },
  compare: async () => {
    const { compareCommand, compareUsage, COMPARE_OPTIONS } = await import("./compare-UGZIF3T2.js");
    return { run: compareCommand, usage: compareUsage, options: COMPARE_OPTIONS };
  },
  report: async () => {
    const { reportCommand, reportUsage, REPORT_OPTIONS } = await import("./report-MXY2CHVD.js");
    return { run: reportCommand, usage: reportUsage, options: REPORT_OPTIONS };
  },
  drift: async () => {
    const { driftCommand, driftUsage, DRIFT_OPTIONS } = await import("./drift-2JXG2ED5.js");
    return { run: driftCommand, usage: driftUsage, options: DRIFT_OPTIONS };
  },
  validate: async () => {
    const { validateCommand, validateUsage, VALIDATE_OPTIONS } = await import("./validate-ZZX5TOCI.js");
    return { run: validateCommand, usage: validateUsage, options: VALIDATE_OPTIONS };
  }
};
async function main(argv, output) {
  const io = terminalIO(output, { json: wantsJson(argv) });
  const [name, ...rest] = argv;
  if (name === void 0 || name === "-h" || name === "--help" || name === "help") {
    io.stdout(usage);
    return name === void 0 ? EXIT.badInput : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${VERSION}
`);
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : void 0;
  if (load === void 0) {
    const { suggestCommand } = await import("./arguments-T43EM5L7.js");
    io.stderr(
      `mlci: unknown command ${JSON.stringify(name)}${suggestCommand(name, Object.keys(COMMANDS))}
Run 'mlci --help' for the commands.
`
    );
    return EXIT.badInput;
  }
  const command = await load();
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (isMlciError(error)) {
      io.stderr(`mlci ${name}: ${error.message}
`);
      return EXIT.badInput;
    }
    if (isArgumentError(error)) {
      io.stderr(`mlci ${name}: ${await argumentMessage(error, name, command)}
`);
      return EXIT.badInput;
    }
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    io.stderr(
      `mlci ${name}: internal error, this is a bug in mlci; please report it with this output:
${detail}
`
    );
    return EXIT.internal;
  }
}
function isArgumentError(error) {
  if (error?.name === "ArgumentError") return true;
  const code = error?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}
async function argumentMessage(error, name, command) {
  const { ArgumentError, describeArgumentProblem, helpHint } = await import("./arguments-T43EM5L7.js");
  if (!(error instanceof ArgumentError)) {
    const first = (error.message.split("\n")[0] ?? "").replace(/\. To specify .*$/, "");
    return `${first}
${helpHint(name)}`;
  }
  const others = {};
  if (error.problem.kind === "unknown") {
    for (const [other, load] of Object.entries(COMMANDS))
      if (other !== name) others[other] = (await load()).options;
  }
  const problem = describeArgumentProblem(error.problem, { name, ...command }, others);
  return `${problem}
${helpHint(name)}`;
}

export {
  main
};
