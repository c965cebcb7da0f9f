import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  booleanInput,
  optionalInput,
  requiredInput
} from "../chunks/chunk-2G3CJ45Y.js";
import {
  DEFAULT_STATE_DIR,
  writeState
} from "../chunks/chunk-JNPPPDWK.js";
import {
  runAction
} from "../chunks/chunk-HOUHWFKS.js";
import "../chunks/chunk-BTBWC3A5.js";
import {
  require_node_child_process
} from "../chunks/chunk-CWKNKEBK.js";
import {
  require_node_os
} from "../chunks/chunk-VMLB7Z4O.js";
import {
  LastLines,
  LineSplitter,
  NVIDIA_SMI_ARGS,
  TRAIN_SCHEMA,
  describeEnding,
  nonFiniteMatcher,
  parseNvidiaSmiGpus,
  quoteLine,
  require_node_crypto,
  resolveShell,
  roundSeconds,
  stripAnsi
} from "../chunks/chunk-55SCGZVG.js";
import "../chunks/chunk-IFY4HQBU.js";
import "../chunks/chunk-D2FLYXD6.js";
import "../chunks/chunk-GWAIW46Y.js";
import "../chunks/chunk-MTIA3I3M.js";
import {
  require_promises
} from "../chunks/chunk-BDOKL3XF.js";
import {
  require_node_fs
} from "../chunks/chunk-ERMUBDDR.js";
import {
  require_node_path
} from "../chunks/chunk-DPFCA6DW.js";
import {
  ConfigurationError,
  MlciError
} from "../chunks/chunk-TQLTVCQ6.js";
import {
  __commonJS,
  __require,
  __toESM
} from "../chunks/chunk-3CG65SHH.js";

// builtin-by-require:node:perf_hooks
var require_node_perf_hooks = __commonJS({
  "builtin-by-require:node:perf_hooks"(exports, module) {
    module.exports = __require("node:perf_hooks");
  }
});

// builtin-by-require:node:string_decoder
var require_node_string_decoder = __commonJS({
  "builtin-by-require:node:string_decoder"(exports, module) {
    module.exports = __require("node:string_decoder");
  }
});

// actions/train/src/run.ts
var import_node_crypto = __toESM(require_node_crypto(), 1);
var import_node_fs = __toESM(require_node_fs(), 1);
var import_promises = __toESM(require_promises(), 1);
var import_node_path2 = __toESM(require_node_path(), 1);
var import_node_perf_hooks = __toESM(require_node_perf_hooks(), 1);

// actions/train/src/inputs.ts
var import_node_path = __toESM(require_node_path(), 1);
var INPUT = {
  run: "run",
  shell: "shell",
  workingDirectory: "working-directory",
  logFile: "log-file",
  stateDir: "state-dir",
  failOnNonFinite: "fail-on-non-finite",
  nonFinitePattern: "non-finite-pattern",
  timeoutMinutes: "timeout-minutes",
  cachePath: "cache-path",
  cacheKey: "cache-key",
  artifactPath: "artifact-path",
  artifactName: "artifact-name"
};
var OUTPUT = {
  exitCode: "exit-code",
  durationSeconds: "duration-seconds",
  logPath: "log-path",
  recordPath: "record-path",
  stoppedOnNonFinite: "stopped-on-non-finite"
};
var COMPOSITE_ONLY_INPUTS = [
  INPUT.cachePath,
  INPUT.cacheKey,
  INPUT.artifactPath,
  INPUT.artifactName
];
var DEFAULT_LOG_FILE_NAME = "train.log";
var MAX_TIMEOUT_MINUTES = 7 * 24 * 60;
function parseTrainInputs(get) {
  const command = requiredInput(get, INPUT.run, 'the training command, such as "python train.py"');
  const shell = optionalInput(get, INPUT.shell) ?? "bash";
  resolveShell(shell, command, () => "script", INPUT.shell);
  const workingDirectory = optionalInput(get, INPUT.workingDirectory) ?? ".";
  const stateDir = optionalInput(get, INPUT.stateDir) ?? DEFAULT_STATE_DIR;
  const logFile = optionalInput(get, INPUT.logFile) ?? (0, import_node_path.join)(stateDir, DEFAULT_LOG_FILE_NAME);
  const failOnNonFinite = booleanInput(get, INPUT.failOnNonFinite, true);
  const nonFinitePattern = optionalInput(get, INPUT.nonFinitePattern);
  let detectNonFinite;
  try {
    detectNonFinite = nonFiniteMatcher(nonFinitePattern);
  } catch (error) {
    throw new ConfigurationError(
      `input ${INPUT.nonFinitePattern}: expected a JavaScript regular expression, found ${JSON.stringify(nonFinitePattern)} (${error.message})`
    );
  }
  const inputs = {
    command,
    shell,
    workingDirectory,
    stateDir,
    logFile,
    failOnNonFinite,
    detectNonFinite
  };
  if (nonFinitePattern !== void 0) inputs.nonFinitePattern = nonFinitePattern;
  const timeout = optionalInput(get, INPUT.timeoutMinutes);
  if (timeout !== void 0) {
    const minutes = /^\d*\.?\d+$/.test(timeout) ? Number(timeout) : NaN;
    if (!(minutes > 0 && minutes <= MAX_TIMEOUT_MINUTES)) {
      throw new ConfigurationError(
        `input ${INPUT.timeoutMinutes}: expected a number of minutes above 0 and at most ${MAX_TIMEOUT_MINUTES}, found ${JSON.stringify(timeout)}`
      );
    }
    inputs.timeoutMinutes = minutes;
  }
  return inputs;
}

// actions/train/src/process.ts
var import_node_child_process = __toESM(require_node_child_process(), 1);
var import_node_os = __toESM(require_node_os(), 1);
var import_node_string_decoder = __toESM(require_node_string_decoder(), 1);
function nodeSystem() {
  const env = { ...process.env };
  return {
    env,
    cwd: process.cwd(),
    tempDir: env.RUNNER_TEMP !== void 0 && env.RUNNER_TEMP !== "" ? env.RUNNER_TEMP : (0, import_node_os.tmpdir)(),
    killGraceMs: 1e4,
    nvidiaSmiTimeoutMs: 1e4,
    onCancel(handler) {
      const signals = ["SIGINT", "SIGTERM"];
      for (const signal of signals) process.on(signal, handler);
      return () => {
        for (const signal of signals) process.off(signal, handler);
      };
    }
  };
}
var isWindows = process.platform === "win32";
function startProcess(file, args, options) {
  return (0, import_node_child_process.spawn)(file, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: !isWindows,
    windowsHide: true
  });
}
function killTree(child, signal) {
  if (child.pid === void 0) return;
  if (isWindows) {
    (0, import_node_child_process.spawnSync)("taskkill", ["/pid", String(child.pid), "/T", "/F"], { windowsHide: true });
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
  }
}
function readSegments(stream, onSegment, onEnd, wanted = () => false) {
  const decoder = new import_node_string_decoder.StringDecoder("utf8");
  const splitter = new LineSplitter();
  stream.on("data", (chunk) => {
    for (const segment of splitter.feed(decoder.write(chunk))) onSegment(segment);
    if (splitter.unfinished !== "" && wanted(splitter.unfinished)) {
      const segment = splitter.take();
      if (segment !== void 0) onSegment(segment);
    }
  });
  stream.on("end", () => {
    for (const segment of [...splitter.feed(decoder.end()), ...splitter.end()]) onSegment(segment);
    onEnd();
  });
}
function describeMachine(env, gpus) {
  const processors = (0, import_node_os.cpus)();
  const machine = {
    os: `${(0, import_node_os.type)()} ${(0, import_node_os.release)()}`,
    arch: process.arch,
    cpus: processors.length,
    cpuModel: processors[0]?.model.trim() ?? "unknown",
    memoryBytes: (0, import_node_os.totalmem)(),
    gpus
  };
  const runner = {};
  if (env.RUNNER_NAME !== void 0 && env.RUNNER_NAME !== "") runner.name = env.RUNNER_NAME;
  if (env.RUNNER_OS !== void 0 && env.RUNNER_OS !== "") runner.os = env.RUNNER_OS;
  if (runner.name !== void 0 || runner.os !== void 0) machine.runner = runner;
  return machine;
}
function queryGpus(system, note) {
  return new Promise((resolve2) => {
    (0, import_node_child_process.execFile)(
      "nvidia-smi",
      [...NVIDIA_SMI_ARGS],
      { env: system.env, timeout: system.nvidiaSmiTimeoutMs, windowsHide: true },
      (error, stdout) => {
        if (error === null) {
          resolve2(parseNvidiaSmiGpus(stdout));
          return;
        }
        if (error.code !== "ENOENT") {
          note(`nvidia-smi did not list the GPUs (${error.message.split("\n")[0] ?? ""}); recording none`);
        }
        resolve2([]);
      }
    );
  });
}

// actions/train/src/run.ts
var TAIL_LINES = 20;
async function run(io, system = nodeSystem()) {
  const inputs = parseTrainInputs((name) => io.getInput(name));
  const workingDirectory = (0, import_node_path2.resolve)(system.cwd, inputs.workingDirectory);
  if (!isDirectory(workingDirectory)) {
    throw new ConfigurationError(
      `input ${INPUT.workingDirectory}: expected a folder, found ${JSON.stringify(inputs.workingDirectory)} (${workingDirectory} ${describeMissing(workingDirectory)})`
    );
  }
  const stateDir = (0, import_node_path2.resolve)(system.cwd, inputs.stateDir);
  const logPath = (0, import_node_path2.resolve)(system.cwd, inputs.logFile);
  const gpus = queryGpus(system, (message) => io.info(message));
  const outcome = await train(io, system, inputs, workingDirectory, logPath);
  const record = {
    schema: TRAIN_SCHEMA,
    version: 1,
    command: inputs.command,
    shell: inputs.shell,
    workingDirectory: inputs.workingDirectory,
    startedAt: outcome.startedAt,
    durationSeconds: outcome.durationSeconds,
    exitCode: outcome.exitCode,
    ...outcome.signal === void 0 ? {} : { signal: outcome.signal },
    ...outcome.stopped === void 0 ? {} : { stoppedOnNonFinite: outcome.stopped },
    ...outcome.timedOut && inputs.timeoutMinutes !== void 0 ? { timedOut: { minutes: inputs.timeoutMinutes } } : {},
    log: (0, import_node_path2.relative)(stateDir, logPath).split(import_node_path2.sep).join("/"),
    logBytes: outcome.logBytes,
    machine: describeMachine(system.env, await gpus)
  };
  const recordPath = await writeState(stateDir, "train", record);
  io.setOutput(OUTPUT.exitCode, outcome.exitCode === null ? "" : String(outcome.exitCode));
  io.setOutput(OUTPUT.durationSeconds, String(outcome.durationSeconds));
  io.setOutput(OUTPUT.logPath, logPath);
  io.setOutput(OUTPUT.recordPath, recordPath);
  io.setOutput(OUTPUT.stoppedOnNonFinite, String(outcome.stopped !== void 0));
  const ending = describeEnding(record, inputs.logFile);
  if (outcome.stopped !== void 0) {
    throw new MlciError(`${ending}
(set ${INPUT.failOnNonFinite}: false to let such runs go on)`);
  }
  if (outcome.exitCode !== 0 || outcome.timedOut || outcome.cancelled) {
    const tail = outcome.lastLines.map((line) => `  ${quoteLine(line)}`).join("\n");
    const count = outcome.lastLines.length;
    if (count === 0) throw new MlciError(`${ending}; it printed nothing (${logPath} is empty)`);
    const which = count === 1 ? "the last line" : `the last ${count} lines`;
    throw new MlciError(`${ending}; ${which} of ${logPath}:
${tail}`);
  }
  io.info(ending);
}
async function train(io, system, inputs, cwd, logPath) {
  const scriptBase = (0, import_node_path2.join)(system.tempDir, `mlci-train-${(0, import_node_crypto.randomUUID)()}`);
  const invocation = resolveShell(inputs.shell, inputs.command, (ext) => `${scriptBase}${ext}`, INPUT.shell);
  const scriptPath = `${scriptBase}${invocation.extension}`;
  await (0, import_promises.mkdir)(system.tempDir, { recursive: true });
  await (0, import_promises.writeFile)(scriptPath, invocation.script);
  await (0, import_promises.mkdir)((0, import_node_path2.dirname)(logPath), { recursive: true });
  const log = (0, import_node_fs.openSync)(logPath, "w");
  try {
    io.info(`running ${inputs.shell} in ${inputs.workingDirectory}; the log goes to ${logPath}`);
    return await supervise(io, system, inputs, invocation.file, invocation.args, cwd, log);
  } finally {
    (0, import_node_fs.closeSync)(log);
    await (0, import_promises.rm)(scriptPath, { force: true });
  }
}
function supervise(io, system, inputs, file, args, cwd, log) {
  const startedAt = (/* @__PURE__ */ new Date()).toISOString();
  const start = import_node_perf_hooks.performance.now();
  const last = new LastLines(TAIL_LINES);
  let lineCount = 0;
  let logBytes = 0;
  let stopped;
  let warnedNonFinite = false;
  let timedOut = false;
  let cancelled = false;
  const emitLine = (parts) => {
    if (parts.length > 1 && parts.at(-1) === "") parts = parts.slice(0, -1);
    const text = `${parts.join("\r")}
`;
    logBytes += (0, import_node_fs.writeSync)(log, text);
    const shown = [...parts].reverse().find((part) => part !== "") ?? "";
    io.info(shown);
    last.push(stripAnsi(shown));
    return ++lineCount;
  };
  return new Promise((resolvePromise, reject) => {
    const child = startProcess(file, args, { cwd, env: system.env });
    const timers = [];
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      killTree(child, "SIGTERM");
      timers.push(setTimeout(() => killTree(child, "SIGKILL"), system.killGraceMs));
    };
    const unsubscribe = system.onCancel(() => {
      cancelled = true;
      stop();
    });
    if (inputs.timeoutMinutes !== void 0) {
      timers.push(
        setTimeout(() => {
          timedOut = true;
          io.info(`the training command ran longer than ${inputs.timeoutMinutes} minutes: stopping it`);
          stop();
        }, inputs.timeoutMinutes * 6e4)
      );
    }
    const watch = () => {
      let pending = [];
      return (segment) => {
        pending.push(segment.text);
        const hit = stopping ? void 0 : inputs.detectNonFinite(segment.text);
        if (!segment.endsLine && hit === void 0) return;
        const lineNumber = emitLine(pending);
        pending = [];
        if (hit === void 0) return;
        const line = quoteLine(stripAnsi(segment.text).trim());
        if (!inputs.failOnNonFinite) {
          if (!warnedNonFinite) {
            io.warning(`${hit.key} became ${hit.value} at line ${lineNumber} of the log: ${line}`);
            warnedNonFinite = true;
          }
          return;
        }
        stopped = { line, lineNumber, key: hit.key, value: hit.value };
        io.info(`${hit.key} became ${hit.value} at line ${lineNumber}: stopping the training command`);
        stop();
      };
    };
    let exit;
    let openStreams = 2;
    let settled = false;
    const finish = () => {
      if (settled || exit === void 0) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      unsubscribe();
      const outcome = {
        startedAt,
        durationSeconds: roundSeconds(import_node_perf_hooks.performance.now() - start),
        exitCode: exit.code,
        logBytes,
        lastLines: last.get(),
        timedOut,
        cancelled
      };
      if (exit.signal !== null) outcome.signal = exit.signal;
      if (stopped !== void 0) outcome.stopped = stopped;
      resolvePromise(outcome);
    };
    const streamEnded = () => {
      openStreams--;
      if (openStreams === 0) finish();
    };
    const diverged = (unfinished) => inputs.failOnNonFinite && !stopping && inputs.detectNonFinite(unfinished) !== void 0;
    readSegments(child.stdout, watch(), streamEnded, diverged);
    readSegments(child.stderr, watch(), streamEnded, diverged);
    child.on("error", (error) => {
      for (const timer of timers) clearTimeout(timer);
      unsubscribe();
      settled = true;
      reject(
        error.code === "ENOENT" ? new ConfigurationError(
          `input ${INPUT.shell}: could not start ${JSON.stringify(file)}: it is not on PATH (install it in an earlier step, or choose another shell)`
        ) : error
      );
    });
    child.on("exit", (code, signal) => {
      exit = { code, signal };
      if (openStreams === 0) {
        finish();
        return;
      }
      timers.push(
        setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
          finish();
        }, system.killGraceMs)
      );
    });
  });
}
function isDirectory(path) {
  try {
    return (0, import_node_fs.statSync)(path).isDirectory();
  } catch {
    return false;
  }
}
function describeMissing(path) {
  try {
    (0, import_node_fs.statSync)(path);
    return "is not a folder";
  } catch {
    return "does not exist";
  }
}

// actions/train/src/index.ts
await runAction(run);
