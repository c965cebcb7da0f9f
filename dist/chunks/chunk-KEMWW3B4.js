import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  require_node_os
} from "./chunk-VMLB7Z4O.js";
import {
  DEFAULT_REPORT_ID,
  HISTORY_SUMMARY_FILE,
  HISTORY_SUMMARY_RECORDS,
  MAX_REPEATS,
  decodeHistoryDocument,
  decodeHistorySummary,
  matchRuns,
  mergeHistorySummary,
  normalizePattern,
  orderHistory,
  stringifyDocument,
  summaryRecordOf,
  unzipSync
} from "./chunk-55SCGZVG.js";
import {
  require_node_zlib
} from "./chunk-IFY4HQBU.js";
import {
  require_promises
} from "./chunk-BDOKL3XF.js";
import {
  require_node_fs
} from "./chunk-ERMUBDDR.js";
import {
  require_node_path
} from "./chunk-DPFCA6DW.js";
import {
  ConfigurationError
} from "./chunk-TQLTVCQ6.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-3CG65SHH.js";

// node_modules/@octokit/request/node_modules/content-type/dist/index.js
var require_dist = __commonJS({
  "node_modules/@octokit/request/node_modules/content-type/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.format = format;
    exports.parse = parse3;
    var TEXT_REGEXP = /^[\u0009\u0020-\u007e\u0080-\u00ff]*$/;
    var TOKEN_REGEXP = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
    var QUOTE_REGEXP = /[\\"]/g;
    var TYPE_REGEXP = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
    var NullObject = /* @__PURE__ */ (() => {
      const C = function() {
      };
      C.prototype = /* @__PURE__ */ Object.create(null);
      return C;
    })();
    function format(obj) {
      const { type, parameters } = obj;
      if (!type || !TYPE_REGEXP.test(type)) {
        throw new TypeError(`Invalid type: ${type}`);
      }
      let result = type;
      if (parameters) {
        for (const param of Object.keys(parameters)) {
          if (!TOKEN_REGEXP.test(param)) {
            throw new TypeError(`Invalid parameter name: ${param}`);
          }
          result += `; ${param}=${qstring(parameters[param])}`;
        }
      }
      return result;
    }
    function parse3(header, options) {
      const stopChar = options?.comma === true ? COMMA : 65536;
      const len = header.length;
      let index = skipOWS(header, options?.start ?? 0, len);
      const valueStart = index;
      index = skipValue(header, index, len, stopChar);
      const valueEnd = trailingOWS(header, valueStart, index);
      const type = header.slice(valueStart, valueEnd).toLowerCase();
      if (options?.parameters === false) {
        return { type, index, parameters: new NullObject() };
      }
      return parseParameters(header, type, index, len, stopChar);
    }
    var SP = 32;
    var HTAB = 9;
    var SEMI = 59;
    var EQ = 61;
    var DQUOTE = 34;
    var BSLASH = 92;
    var COMMA = 44;
    function parseParameters(header, type, index, len, stopChar) {
      const parameters = new NullObject();
      parameter: while (index < len) {
        if (header.charCodeAt(index) === stopChar)
          break;
        index = skipOWS(header, index + 1, len);
        const keyStart = index;
        while (index < len) {
          const code = header.charCodeAt(index);
          if (code === stopChar)
            break parameter;
          if (code === SEMI)
            continue parameter;
          if (code === EQ) {
            const keyEnd = trailingOWS(header, keyStart, index);
            const key = header.slice(keyStart, keyEnd).toLowerCase();
            index = skipOWS(header, index + 1, len);
            if (index < len && header.charCodeAt(index) === DQUOTE) {
              index++;
              let value = "";
              while (index < len) {
                const code2 = header.charCodeAt(index++);
                if (code2 === DQUOTE) {
                  index = skipValue(header, index, len, stopChar);
                  if (parameters[key] === void 0)
                    parameters[key] = value;
                  break;
                }
                if (code2 === BSLASH && index < len) {
                  value += header[index++];
                  continue;
                }
                value += String.fromCharCode(code2);
              }
              continue parameter;
            }
            const valueStart = index;
            index = skipValue(header, index, len, stopChar);
            if (parameters[key] === void 0) {
              const valueEnd = trailingOWS(header, valueStart, index);
              parameters[key] = header.slice(valueStart, valueEnd);
            }
            continue parameter;
          }
          index++;
        }
      }
      return { type, index, parameters };
    }
    function skipValue(str, index, len, stopChar) {
      while (index < len) {
        const code = str.charCodeAt(index);
        if (code === SEMI || code === stopChar)
          break;
        index++;
      }
      return index;
    }
    function skipOWS(header, index, len) {
      while (index < len) {
        const char = header.charCodeAt(index);
        if (char !== SP && char !== HTAB)
          break;
        index++;
      }
      return index;
    }
    function trailingOWS(header, start, end) {
      while (end > start) {
        const char = header.charCodeAt(end - 1);
        if (char !== SP && char !== HTAB)
          break;
        end--;
      }
      return end;
    }
    function qstring(str) {
      if (TOKEN_REGEXP.test(str))
        return str;
      if (TEXT_REGEXP.test(str))
        return `"${str.replace(QUOTE_REGEXP, "\\$&")}"`;
      throw new TypeError(`Invalid parameter value: ${str}`);
    }
  }
});

// builtin-by-require:node:http
var require_node_http = __commonJS({
  "builtin-by-require:node:http"(exports, module) {
    module.exports = __require("node:http");
  }
});

// builtin-by-require:node:https
var require_node_https = __commonJS({
  "builtin-by-require:node:https"(exports, module) {
    module.exports = __require("node:https");
  }
});

// packages/github/src/context.ts
var ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
function readContext(env, readFile) {
  const get = (name) => {
    const value = env[name];
    return value === void 0 || value === "" ? void 0 : value;
  };
  const required = (name, what) => {
    const value = get(name);
    if (value === void 0) {
      throw new ConfigurationError(
        `${name} is not set: expected ${what}. mlci's actions read it from the GitHub Actions runner; outside GitHub Actions, use the mlci CLI instead.`
      );
    }
    return value;
  };
  const repository = required("GITHUB_REPOSITORY", "the repository as owner/name");
  const slash = repository.indexOf("/");
  if (slash <= 0 || slash === repository.length - 1 || repository.indexOf("/", slash + 1) !== -1) {
    throw new ConfigurationError(
      `GITHUB_REPOSITORY is ${JSON.stringify(repository)}: expected owner/name, like "octo-org/octo-repo"`
    );
  }
  const eventName = required("GITHUB_EVENT_NAME", "the name of the event that started the workflow");
  const serverUrl = trimSlash(get("GITHUB_SERVER_URL") ?? "https://github.com");
  const apiUrl = trimSlash(get("GITHUB_API_URL") ?? "https://api.github.com");
  checkUrl("GITHUB_SERVER_URL", serverUrl);
  checkUrl("GITHUB_API_URL", apiUrl);
  const payload = readPayload(eventName, get("GITHUB_EVENT_PATH"), readFile);
  const context = {
    eventName,
    owner: repository.slice(0, slash),
    repo: repository.slice(slash + 1),
    sha: required("GITHUB_SHA", "the commit the workflow runs on"),
    ref: get("GITHUB_REF") ?? "",
    serverUrl,
    apiUrl,
    event: eventDetails(eventName, payload)
  };
  const optional = {
    headRef: get("GITHUB_HEAD_REF"),
    baseRef: get("GITHUB_BASE_REF"),
    runId: integer(env, "GITHUB_RUN_ID"),
    runAttempt: integer(env, "GITHUB_RUN_ATTEMPT"),
    runNumber: integer(env, "GITHUB_RUN_NUMBER"),
    actor: get("GITHUB_ACTOR"),
    workflow: get("GITHUB_WORKFLOW"),
    job: get("GITHUB_JOB"),
    defaultBranch: optionalString(at(payload, "repository", "default_branch"))
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== void 0) Object.assign(context, { [key]: value });
  }
  if (context.runId !== void 0) {
    context.runUrl = `${serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`;
    if (context.runAttempt !== void 0 && context.runAttempt > 1)
      context.runUrl += `/attempts/${context.runAttempt}`;
  }
  if (context.event.kind === "push") {
    context.event.toDefaultBranch = context.defaultBranch !== void 0 && context.ref === `refs/heads/${context.defaultBranch}`;
  }
  return context;
}
var NEEDS_PAYLOAD = /* @__PURE__ */ new Set(["pull_request", "pull_request_target", "push", "workflow_run"]);
function readPayload(eventName, path, readFile) {
  if (path === void 0) {
    if (NEEDS_PAYLOAD.has(eventName)) {
      throw new ConfigurationError(
        `GITHUB_EVENT_PATH is not set: a ${eventName} event needs its payload (the JSON file the runner writes)`
      );
    }
    return {};
  }
  let text;
  try {
    text = readFile(path);
  } catch (error) {
    throw new ConfigurationError(
      `GITHUB_EVENT_PATH is ${JSON.stringify(path)}, which cannot be read: ${error.message}`
    );
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`GITHUB_EVENT_PATH (${path}) is not JSON: ${error.message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ConfigurationError(`GITHUB_EVENT_PATH (${path}) does not hold a JSON object`);
  }
  return parsed;
}
function labelNames(value) {
  if (!Array.isArray(value)) return [];
  return value.flatMap((label) => {
    const name = at(label, "name");
    return typeof name === "string" ? [name] : [];
  });
}
function eventDetails(eventName, payload) {
  const field = (path, what) => {
    const value = at(payload, ...path);
    if (value === void 0 || value === null) {
      throw new ConfigurationError(
        `the ${eventName} event payload (GITHUB_EVENT_PATH) has no ${path.join(".")}: expected ${what}`
      );
    }
    return value;
  };
  switch (eventName) {
    case "pull_request":
    case "pull_request_target": {
      const headRepo = optionalString(at(payload, "pull_request", "head", "repo", "full_name"));
      const baseRepo = optionalString(at(payload, "pull_request", "base", "repo", "full_name"));
      const details = {
        kind: "pull_request",
        trigger: eventName,
        number: Number(field(["pull_request", "number"], "the pull request number")),
        headSha: String(field(["pull_request", "head", "sha"], "the head commit")),
        headRef: String(field(["pull_request", "head", "ref"], "the head branch")),
        baseSha: String(field(["pull_request", "base", "sha"], "the base commit")),
        baseRef: String(field(["pull_request", "base", "ref"], "the base branch")),
        // A deleted fork leaves head.repo null: that is still a pull request from a fork.
        fork: headRepo === void 0 || baseRepo !== void 0 && headRepo !== baseRepo,
        labels: labelNames(at(payload, "pull_request", "labels"))
      };
      const label = optionalString(at(payload, "label", "name"));
      if (label !== void 0) details.label = label;
      const sender = optionalString(at(payload, "sender", "login"));
      if (sender !== void 0) details.sender = sender;
      if (headRepo !== void 0) details.headRepo = headRepo;
      const updatedAt = optionalString(at(payload, "pull_request", "updated_at"));
      if (updatedAt !== void 0 && ISO_TIME.test(updatedAt)) details.updatedAt = updatedAt;
      const action = optionalString(payload["action"]);
      if (action !== void 0) details.action = action;
      return details;
    }
    case "push": {
      const push = {
        kind: "push",
        before: String(field(["before"], "the commit before the push")),
        after: String(field(["after"], "the commit after the push")),
        toDefaultBranch: false,
        deleted: at(payload, "deleted") === true
      };
      const committedAt = optionalString(at(payload, "head_commit", "timestamp"));
      if (committedAt !== void 0 && !Number.isNaN(Date.parse(committedAt))) push.committedAt = committedAt;
      return push;
    }
    case "workflow_run": {
      const run = field(["workflow_run"], "the triggering run");
      const headRepo = optionalString(at(run, "head_repository", "full_name"));
      const repo = optionalString(at(run, "repository", "full_name")) ?? optionalString(at(payload, "repository", "full_name"));
      const pullRequests = Array.isArray(at(run, "pull_requests")) ? at(run, "pull_requests").map((pr) => ({
        number: Number(at(pr, "number")),
        headSha: String(at(pr, "head", "sha")),
        headRef: String(at(pr, "head", "ref")),
        baseSha: String(at(pr, "base", "sha")),
        baseRef: String(at(pr, "base", "ref"))
      })) : [];
      const details = {
        kind: "workflow_run",
        run: {
          id: Number(field(["workflow_run", "id"], "the triggering run id")),
          headSha: String(field(["workflow_run", "head_sha"], "the triggering run head commit")),
          event: String(field(["workflow_run", "event"], "the event of the triggering run")),
          conclusion: optionalString(at(run, "conclusion")) ?? null,
          fork: headRepo === void 0 || repo !== void 0 && headRepo !== repo,
          pullRequests
        }
      };
      const headBranch = optionalString(at(run, "head_branch"));
      if (headBranch !== void 0) details.run.headBranch = headBranch;
      if (headRepo !== void 0) details.run.headRepo = headRepo;
      const action = optionalString(payload["action"]);
      if (action !== void 0) details.action = action;
      return details;
    }
    case "workflow_dispatch": {
      const inputs = at(payload, "inputs");
      return {
        kind: "workflow_dispatch",
        inputs: typeof inputs === "object" && inputs !== null ? inputs : {}
      };
    }
    case "schedule": {
      const schedule = optionalString(at(payload, "schedule"));
      return schedule === void 0 ? { kind: "schedule" } : { kind: "schedule", schedule };
    }
    default:
      return { kind: "other" };
  }
}
function at(value, ...path) {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return void 0;
    current = current[key];
  }
  return current;
}
function optionalString(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function integer(env, name) {
  const raw = env[name];
  if (raw === void 0 || raw === "") return void 0;
  if (!/^\d+$/.test(raw)) {
    throw new ConfigurationError(`${name} is ${JSON.stringify(raw)}: expected a whole number`);
  }
  return Number(raw);
}
function trimSlash(url) {
  return url.replace(/\/+$/, "");
}
function checkUrl(name, url) {
  if (!/^https?:\/\/[^/\s]+/.test(url)) {
    throw new ConfigurationError(`${name} is ${JSON.stringify(url)}: expected an http(s) URL`);
  }
}

// node_modules/universal-user-agent/index.js
function getUserAgent() {
  if (typeof navigator === "object" && "userAgent" in navigator) {
    return navigator.userAgent;
  }
  if (typeof process === "object" && process.version !== void 0) {
    return `Node.js/${process.version.substr(1)} (${process.platform}; ${process.arch})`;
  }
  return "<environment undetectable>";
}

// node_modules/before-after-hook/lib/register.js
function register(state, name, method, options) {
  if (typeof method !== "function") {
    throw new Error("method for before hook must be a function");
  }
  if (!options) {
    options = {};
  }
  if (Array.isArray(name)) {
    return name.reverse().reduce((callback, name2) => {
      return register.bind(null, state, name2, callback, options);
    }, method)();
  }
  return Promise.resolve().then(() => {
    if (!state.registry[name]) {
      return method(options);
    }
    return state.registry[name].reduce((method2, registered) => {
      return registered.hook.bind(null, method2, options);
    }, method)();
  });
}

// node_modules/before-after-hook/lib/add.js
function addHook(state, kind, name, hook2) {
  const orig = hook2;
  if (!state.registry[name]) {
    state.registry[name] = [];
  }
  if (kind === "before") {
    hook2 = (method, options) => {
      return Promise.resolve().then(orig.bind(null, options)).then(method.bind(null, options));
    };
  }
  if (kind === "after") {
    hook2 = (method, options) => {
      let result;
      return Promise.resolve().then(method.bind(null, options)).then((result_) => {
        result = result_;
        return orig(result, options);
      }).then(() => {
        return result;
      });
    };
  }
  if (kind === "error") {
    hook2 = (method, options) => {
      return Promise.resolve().then(method.bind(null, options)).catch((error) => {
        return orig(error, options);
      });
    };
  }
  state.registry[name].push({
    hook: hook2,
    orig
  });
}

// node_modules/before-after-hook/lib/remove.js
function removeHook(state, name, method) {
  if (!state.registry[name]) {
    return;
  }
  const index = state.registry[name].map((registered) => {
    return registered.orig;
  }).indexOf(method);
  if (index === -1) {
    return;
  }
  state.registry[name].splice(index, 1);
}

// node_modules/before-after-hook/index.js
var bind = Function.bind;
var bindable = bind.bind(bind);
function bindApi(hook2, state, name) {
  const removeHookRef = bindable(removeHook, null).apply(
    null,
    name ? [state, name] : [state]
  );
  hook2.api = { remove: removeHookRef };
  hook2.remove = removeHookRef;
  ["before", "error", "after", "wrap"].forEach((kind) => {
    const args = name ? [state, kind, name] : [state, kind];
    hook2[kind] = hook2.api[kind] = bindable(addHook, null).apply(null, args);
  });
}
function Singular() {
  const singularHookName = /* @__PURE__ */ Symbol("Singular");
  const singularHookState = {
    registry: {}
  };
  const singularHook = register.bind(null, singularHookState, singularHookName);
  bindApi(singularHook, singularHookState, singularHookName);
  return singularHook;
}
function Collection() {
  const state = {
    registry: {}
  };
  const hook2 = register.bind(null, state);
  bindApi(hook2, state);
  return hook2;
}
var before_after_hook_default = { Singular, Collection };

// node_modules/@octokit/endpoint/dist-bundle/index.js
var VERSION = "0.0.0-development";
var userAgent = `octokit-endpoint.js/${VERSION} ${getUserAgent()}`;
var DEFAULTS = {
  method: "GET",
  baseUrl: "https://api.github.com",
  headers: {
    accept: "application/vnd.github.v3+json",
    "user-agent": userAgent
  },
  mediaType: {
    format: ""
  }
};
function lowercaseKeys(object) {
  if (!object) {
    return {};
  }
  return Object.keys(object).reduce((newObj, key) => {
    newObj[key.toLowerCase()] = object[key];
    return newObj;
  }, {});
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
function mergeDeep(defaults, options) {
  const result = Object.assign({}, defaults);
  Object.keys(options).forEach((key) => {
    if (isPlainObject(options[key])) {
      if (!(key in defaults)) Object.assign(result, { [key]: options[key] });
      else result[key] = mergeDeep(defaults[key], options[key]);
    } else {
      Object.assign(result, { [key]: options[key] });
    }
  });
  return result;
}
function removeUndefinedProperties(obj) {
  for (const key in obj) {
    if (obj[key] === void 0) {
      delete obj[key];
    }
  }
  return obj;
}
function merge(defaults, route, options) {
  if (typeof route === "string") {
    let [method, url] = route.split(" ");
    options = Object.assign(url ? { method, url } : { url: method }, options);
  } else {
    options = Object.assign({}, route);
  }
  options.headers = lowercaseKeys(options.headers);
  removeUndefinedProperties(options);
  removeUndefinedProperties(options.headers);
  const mergedOptions = mergeDeep(defaults || {}, options);
  if (options.url === "/graphql") {
    if (defaults && defaults.mediaType.previews?.length) {
      mergedOptions.mediaType.previews = defaults.mediaType.previews.filter(
        (preview) => !mergedOptions.mediaType.previews.includes(preview)
      ).concat(mergedOptions.mediaType.previews);
    }
    mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""));
  }
  return mergedOptions;
}
function addQueryParameters(url, parameters) {
  const separator = /\?/.test(url) ? "&" : "?";
  const names = Object.keys(parameters);
  if (names.length === 0) {
    return url;
  }
  return url + separator + names.map((name) => {
    if (name === "q") {
      return "q=" + parameters.q.split("+").map(encodeURIComponent).join("+");
    }
    return `${name}=${encodeURIComponent(parameters[name])}`;
  }).join("&");
}
var urlVariableRegex = /\{[^{}}]+\}/g;
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url) {
  const matches = url.match(urlVariableRegex);
  if (!matches) {
    return [];
  }
  return matches.map(removeNonChars).reduce((a, b) => a.concat(b), []);
}
function omit(object, keysToOmit) {
  const result = { __proto__: null };
  for (const key of Object.keys(object)) {
    if (keysToOmit.indexOf(key) === -1) {
      result[key] = object[key];
    }
  }
  return result;
}
function encodeReserved(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    if (!/%[0-9A-Fa-f]/.test(part)) {
      part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
    }
    return part;
  }).join("");
}
function encodeUnreserved(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value);
  if (key) {
    return encodeUnreserved(key) + "=" + value;
  } else {
    return value;
  }
}
function isDefined(value) {
  return value !== void 0 && value !== null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context, operator, key, modifier) {
  var value = context[key], result = [];
  if (isDefined(value) && value !== "") {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      value = value.toString();
      if (modifier && modifier !== "*") {
        value = value.substring(0, parseInt(modifier, 10));
      }
      result.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    } else {
      if (modifier === "*") {
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            result.push(
              encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
            );
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              result.push(encodeValue(operator, value[k], k));
            }
          });
        }
      } else {
        const tmp = [];
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            tmp.push(encodeValue(operator, value2));
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              tmp.push(encodeUnreserved(k));
              tmp.push(encodeValue(operator, value[k].toString()));
            }
          });
        }
        if (isKeyOperator(operator)) {
          result.push(encodeUnreserved(key) + "=" + tmp.join(","));
        } else if (tmp.length !== 0) {
          result.push(tmp.join(","));
        }
      }
    }
  } else {
    if (operator === ";") {
      if (isDefined(value)) {
        result.push(encodeUnreserved(key));
      }
    } else if (value === "" && (operator === "&" || operator === "?")) {
      result.push(encodeUnreserved(key) + "=");
    } else if (value === "") {
      result.push("");
    }
  }
  return result;
}
function parseUrl(template) {
  return {
    expand: expand.bind(null, template)
  };
}
function expand(template, context) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_, expression, literal) {
      if (expression) {
        let operator = "";
        const values = [];
        if (operators.indexOf(expression.charAt(0)) !== -1) {
          operator = expression.charAt(0);
          expression = expression.substr(1);
        }
        expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values.push(getValues(context, operator, tmp[1], tmp[2] || tmp[3]));
        });
        if (operator && operator !== "+") {
          var separator = ",";
          if (operator === "?") {
            separator = "&";
          } else if (operator !== "#") {
            separator = operator;
          }
          return (values.length !== 0 ? operator : "") + values.join(separator);
        } else {
          return values.join(",");
        }
      } else {
        return encodeReserved(literal);
      }
    }
  );
  if (template === "/") {
    return template;
  } else {
    return template.replace(/\/$/, "");
  }
}
function parse(options) {
  let method = options.method.toUpperCase();
  let url = (options.url || "/").replace(/:([a-z]\w+)/g, "{$1}");
  let headers = Object.assign({}, options.headers);
  let body;
  let parameters = omit(options, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]);
  const urlVariableNames = extractUrlVariableNames(url);
  url = parseUrl(url).expand(parameters);
  if (!/^http/.test(url)) {
    url = options.baseUrl + url;
  }
  const omittedParameters = Object.keys(options).filter((option) => urlVariableNames.includes(option)).concat("baseUrl");
  const remainingParameters = omit(parameters, omittedParameters);
  const isBinaryRequest = /application\/octet-stream/i.test(headers.accept);
  if (!isBinaryRequest) {
    if (options.mediaType.format) {
      headers.accept = headers.accept.split(/,/).map(
        (format) => format.replace(
          /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
          `application/vnd$1$2.${options.mediaType.format}`
        )
      ).join(",");
    }
    if (url.endsWith("/graphql")) {
      if (options.mediaType.previews?.length) {
        const previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
        headers.accept = previewsFromAcceptHeader.concat(options.mediaType.previews).map((preview) => {
          const format = options.mediaType.format ? `.${options.mediaType.format}` : "+json";
          return `application/vnd.github.${preview}-preview${format}`;
        }).join(",");
      }
    }
  }
  if (["GET", "HEAD"].includes(method)) {
    url = addQueryParameters(url, remainingParameters);
  } else {
    if ("data" in remainingParameters) {
      body = remainingParameters.data;
    } else {
      if (Object.keys(remainingParameters).length) {
        body = remainingParameters;
      }
    }
  }
  if (!headers["content-type"] && typeof body !== "undefined") {
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (["PATCH", "PUT"].includes(method) && typeof body === "undefined") {
    body = "";
  }
  return Object.assign(
    { method, url, headers },
    typeof body !== "undefined" ? { body } : null,
    options.request ? { request: options.request } : null
  );
}
function endpointWithDefaults(defaults, route, options) {
  return parse(merge(defaults, route, options));
}
function withDefaults(oldDefaults, newDefaults) {
  const DEFAULTS2 = merge(oldDefaults, newDefaults);
  const endpoint2 = endpointWithDefaults.bind(null, DEFAULTS2);
  return Object.assign(endpoint2, {
    DEFAULTS: DEFAULTS2,
    defaults: withDefaults.bind(null, DEFAULTS2),
    merge: merge.bind(null, DEFAULTS2),
    parse
  });
}
var endpoint = withDefaults(null, DEFAULTS);

// node_modules/@octokit/request/dist-bundle/index.js
var import_content_type = __toESM(require_dist(), 1);

// node_modules/json-with-bigint/json-with-bigint.js
var intRegex = /^-?\d+$/;
var noiseValue = /^-?\d+n+$/;
var originalStringify = JSON.stringify;
var originalParse = JSON.parse;
var customFormat = /^-?\d+n$/;
var bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g;
var noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g;
var isUnstringifiable = (val) => val === void 0 || typeof val === "function" || typeof val === "symbol";
var isRawJSON = (val) => val !== null && typeof val === "object" && val.constructor && val.constructor.name === "RawJSON";
var stringifyIteratively = (rootValue, replacer, spaceParam) => {
  let space = "";
  if (typeof spaceParam === "number") {
    space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam))));
  } else if (typeof spaceParam === "string") {
    space = spaceParam.slice(0, 10);
  }
  const isFunctionReplacer = typeof replacer === "function";
  const propertyList = Array.isArray(replacer) ? new Set(replacer.map(String)) : null;
  const prepareVal = (parent, key, val) => {
    const isObject = val !== null && typeof val === "object";
    const hasToJSON = isObject && typeof val.toJSON === "function";
    if (hasToJSON) {
      val = val.toJSON(key);
    }
    const isNoise = typeof val === "string" && noiseValue.test(val);
    if (isNoise) return val + "n";
    const isBigInt = typeof val === "bigint";
    if (isBigInt) {
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return JSON.rawJSON(val.toString());
      return val.toString() + "n";
    }
    if (isFunctionReplacer) {
      val = replacer.call(parent, key, val);
    }
    const isPostReplacerObject = val !== null && typeof val === "object";
    if (isPostReplacerObject) {
      const isPrimitiveWrapper = val instanceof Number || val instanceof String || val instanceof Boolean;
      if (isPrimitiveWrapper) {
        val = val.valueOf();
      }
    }
    return val;
  };
  const rootProcessed = prepareVal({ "": rootValue }, "", rootValue);
  if (isUnstringifiable(rootProcessed)) {
    return void 0;
  }
  const isRootPrimitive = rootProcessed === null || typeof rootProcessed !== "object";
  const isRootNativeRawJSON = isRawJSON(rootProcessed);
  if (isRootPrimitive || isRootNativeRawJSON) {
    return originalStringify(rootProcessed);
  }
  const chunks = [];
  let level = 0;
  const stack = [
    {
      parent: { "": rootProcessed },
      key: "",
      val: rootProcessed,
      isArray: Array.isArray(rootProcessed),
      keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
      index: 0,
      first: true
    }
  ];
  const visited = new WeakSet([rootProcessed]);
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (node.index === 0) {
      chunks.push(node.isArray ? "[" : "{");
      level++;
    }
    let isDone = false;
    if (node.isArray) {
      if (node.index < node.val.length) {
        if (!node.first) chunks.push(",");
        if (space) chunks.push("\n" + space.repeat(level));
        const childRaw = node.val[node.index];
        const childVal = prepareVal(node.val, String(node.index), childRaw);
        if (isUnstringifiable(childVal)) {
          chunks.push("null");
          node.first = false;
          node.index++;
        } else {
          const isComplexObject = childVal !== null && typeof childVal === "object";
          const isNativeRaw = isRawJSON(childVal);
          if (isComplexObject && !isNativeRaw) {
            if (visited.has(childVal)) {
              throw new TypeError("Converting circular structure to JSON");
            }
            visited.add(childVal);
            stack.push({
              parent: node.val,
              key: String(node.index),
              val: childVal,
              isArray: Array.isArray(childVal),
              keys: Array.isArray(childVal) ? null : Object.keys(childVal),
              index: 0,
              first: true
            });
            node.first = false;
            node.index++;
          } else {
            chunks.push(originalStringify(childVal));
            node.first = false;
            node.index++;
          }
        }
      } else {
        isDone = true;
      }
    } else {
      while (node.index < node.keys.length) {
        const k = node.keys[node.index++];
        const isFilteredOutByArray = propertyList && !propertyList.has(k);
        if (isFilteredOutByArray) continue;
        const childRaw = node.val[k];
        const childVal = prepareVal(node.val, k, childRaw);
        if (isUnstringifiable(childVal)) continue;
        if (!node.first) chunks.push(",");
        if (space) {
          chunks.push("\n" + space.repeat(level) + originalStringify(k) + ": ");
        } else {
          chunks.push(originalStringify(k) + ":");
        }
        const isComplexObject = childVal !== null && typeof childVal === "object";
        const isNativeRaw = isRawJSON(childVal);
        if (isComplexObject && !isNativeRaw) {
          if (visited.has(childVal)) {
            throw new TypeError("Converting circular structure to JSON");
          }
          visited.add(childVal);
          stack.push({
            parent: node.val,
            key: k,
            val: childVal,
            isArray: Array.isArray(childVal),
            keys: Array.isArray(childVal) ? null : Object.keys(childVal),
            index: 0,
            first: true
          });
          node.first = false;
          break;
        } else {
          chunks.push(originalStringify(childVal));
          node.first = false;
        }
      }
      const isNodeFullyProcessed = node.index >= node.keys.length && stack[stack.length - 1] === node;
      if (isNodeFullyProcessed) {
        isDone = true;
      }
    }
    if (isDone) {
      level--;
      if (!node.first && space) chunks.push("\n" + space.repeat(level));
      chunks.push(node.isArray ? "]" : "}");
      visited.delete(node.val);
      stack.pop();
    }
  }
  return chunks.join("");
};
var JSONStringify = (value, replacer, space) => {
  try {
    const supportsRawJSON = "rawJSON" in JSON;
    if (supportsRawJSON) {
      return originalStringify(
        value,
        (key, val) => {
          if (typeof val === "bigint") return JSON.rawJSON(val.toString());
          const hasFunctionReplacer = typeof replacer === "function";
          if (hasFunctionReplacer) return replacer(key, val);
          const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
          if (isKeyInArrayReplacer) return val;
          return val;
        },
        space
      );
    }
    if (!value) return originalStringify(value, replacer, space);
    const convertedToCustomJSON = originalStringify(
      value,
      (key, val) => {
        const isNoise = typeof val === "string" && noiseValue.test(val);
        if (isNoise) return val.toString() + "n";
        if (typeof val === "bigint") return val.toString() + "n";
        const hasFunctionReplacer = typeof replacer === "function";
        if (hasFunctionReplacer) return replacer(key, val);
        const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
        if (isKeyInArrayReplacer) return val;
        return val;
      },
      space
    );
    const processedJSON = convertedToCustomJSON.replace(
      bigIntsStringify,
      "$1$2$3"
    );
    const denoisedJSON = processedJSON.replace(noiseStringify, "$1$2$3");
    return denoisedJSON;
  } catch (error) {
    if (error instanceof RangeError) {
      const convertedJSON = stringifyIteratively(value, replacer, space);
      if (convertedJSON === void 0) return void 0;
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return convertedJSON;
      const processedJSON = convertedJSON.replace(bigIntsStringify, "$1$2$3");
      return processedJSON.replace(noiseStringify, "$1$2$3");
    }
    throw error;
  }
};
var featureCache = /* @__PURE__ */ new Map();
var isContextSourceSupported = () => {
  const parseFingerprint = JSON.parse.toString();
  if (featureCache.has(parseFingerprint)) {
    return featureCache.get(parseFingerprint);
  }
  try {
    const result = JSON.parse(
      "1",
      (_, __, context) => !!context?.source && context.source === "1"
    );
    featureCache.set(parseFingerprint, result);
    return result;
  } catch {
    featureCache.set(parseFingerprint, false);
    return false;
  }
};
var convertMarkedBigIntsReviver = (key, value, context, userReviver) => {
  const isCustomFormatBigInt = typeof value === "string" && customFormat.test(value);
  if (isCustomFormatBigInt) return BigInt(value.slice(0, -1));
  const isNoiseValue = typeof value === "string" && noiseValue.test(value);
  if (isNoiseValue) return value.slice(0, -1);
  const hasUserReviver = typeof userReviver === "function";
  if (!hasUserReviver) return value;
  return userReviver(key, value, context);
};
var JSONParseV2 = (text, reviver) => {
  return JSON.parse(text, (key, value, context) => {
    const isNumber = typeof value === "number";
    const isOutOfBounds = value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER;
    const isBigNumber = isNumber && isOutOfBounds;
    const isInt = context && intRegex.test(context.source);
    const isBigInt = isBigNumber && isInt;
    if (isBigInt) return BigInt(context.source);
    const hasCustomReviver = typeof reviver === "function";
    if (!hasCustomReviver) return value;
    return reviver(key, value, context);
  });
};
var MAX_INT = Number.MAX_SAFE_INTEGER.toString();
var MAX_DIGITS = MAX_INT.length;
var stringsOrLargeNumbers = /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;
var noiseValueWithQuotes = /^"-?\d+n+"$/;
var applyReviverIteratively = (parsed, userReviver) => {
  const rootHolder = { "": parsed };
  const stack = [{ parent: rootHolder, key: "", visited: false }];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (!node.visited) {
      node.visited = true;
      const value = node.parent[node.key];
      const isComplexObject = value !== null && typeof value === "object";
      if (isComplexObject) {
        const keys = Object.keys(value);
        for (let i = keys.length - 1; i >= 0; i--) {
          stack.push({ parent: value, key: keys[i], visited: false });
        }
      }
    } else {
      const { parent, key } = node;
      let value = parent[key];
      if (typeof value === "string") {
        const isCustomFormatBigInt = customFormat.test(value);
        if (isCustomFormatBigInt) {
          value = BigInt(value.slice(0, -1));
        } else {
          const isNoise = noiseValue.test(value);
          if (isNoise) value = value.slice(0, -1);
        }
      }
      const hasUserReviver = typeof userReviver === "function";
      if (hasUserReviver) {
        value = userReviver.call(parent, key, value);
      }
      const isDeleted = value === void 0;
      if (isDeleted) {
        delete parent[key];
      } else {
        parent[key] = value;
      }
      stack.pop();
    }
  }
  return rootHolder[""];
};
var serializeBigInts = (text) => {
  return text.replace(
    stringsOrLargeNumbers,
    (match, digits, fractional, exponential) => {
      const isString = match[0] === '"';
      const isNoise = isString && noiseValueWithQuotes.test(match);
      if (isNoise) return match.substring(0, match.length - 1) + 'n"';
      const hasFractionalOrExponential = fractional || exponential;
      const isLessThanMaxSafeInt = digits && (digits.length < MAX_DIGITS || digits.length === MAX_DIGITS && digits <= MAX_INT);
      const isStandardValue = isString || hasFractionalOrExponential || isLessThanMaxSafeInt;
      if (isStandardValue) return match;
      return '"' + match + 'n"';
    }
  );
};
var JSONParse = (text, reviver) => {
  if (!text) return originalParse(text, reviver);
  try {
    if (isContextSourceSupported()) return JSONParseV2(text, reviver);
    const serializedData = serializeBigInts(text);
    return originalParse(
      serializedData,
      (key, value, context) => convertMarkedBigIntsReviver(key, value, context, reviver)
    );
  } catch (error) {
    if (error instanceof RangeError) {
      const serializedData = serializeBigInts(text);
      const parsed = originalParse(serializedData);
      return applyReviverIteratively(parsed, reviver);
    }
    throw error;
  }
};

// node_modules/@octokit/request-error/dist-src/index.js
var RequestError = class extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message, statusCode, options) {
    super(message, { cause: options.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    if ("response" in options) {
      this.response = options.response;
    }
    const requestCopy = Object.assign({}, options.request);
    if (options.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options.request.headers, {
        authorization: options.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
};

// node_modules/@octokit/request/dist-bundle/index.js
var VERSION2 = "10.0.16";
var defaults_default = {
  headers: {
    "user-agent": `octokit-request.js/${VERSION2} ${getUserAgent()}`
  }
};
function isPlainObject2(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
var noop = () => "";
async function fetchWrapper(requestOptions) {
  const fetch = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch) {
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  }
  const log = requestOptions.request?.log || console;
  const parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== false;
  const body = isPlainObject2(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body;
  const requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name, value]) => [
      name,
      String(value)
    ])
  );
  let fetchResponse;
  try {
    fetchResponse = await fetch(requestOptions.url, {
      method: requestOptions.method,
      body,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error) {
    let message = "Unknown Error";
    if (error instanceof Error) {
      if (error.name === "AbortError") {
        error.status = 500;
        throw error;
      }
      message = error.message;
      if (error.name === "TypeError" && "cause" in error) {
        if (error.cause instanceof Error) {
          message = error.cause.message;
        } else if (typeof error.cause === "string") {
          message = error.cause;
        }
      }
    }
    const requestError = new RequestError(message, 500, {
      request: requestOptions
    });
    requestError.cause = error;
    throw requestError;
  }
  const status = fetchResponse.status;
  const url = fetchResponse.url;
  const responseHeaders = {};
  for (const [key, value] of fetchResponse.headers) {
    responseHeaders[key] = value;
  }
  const octokitResponse = {
    url,
    status,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    const matches = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/);
    const deprecationLink = matches && matches.pop();
    log.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status === 204 || status === 205) {
    return octokitResponse;
  }
  if (requestOptions.method === "HEAD") {
    if (status < 400) {
      return octokitResponse;
    }
    throw new RequestError(fetchResponse.statusText, status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status === 304) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError("Not modified", status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status >= 400) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError(toErrorMessage(octokitResponse.data), status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body;
  return octokitResponse;
}
async function getResponseData(response) {
  const contentType = response.headers.get("content-type");
  if (!contentType) {
    return response.text().catch(noop);
  }
  const mimetype = (0, import_content_type.parse)(contentType);
  if (isJSONResponse(mimetype)) {
    let text = "";
    try {
      text = await response.text();
      return JSONParse(text);
    } catch (err) {
      return text;
    }
  } else if (mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream") {
    return response.text().catch(noop);
  } else {
    return response.arrayBuffer().catch(
      /* v8 ignore next -- @preserve */
      () => new ArrayBuffer(0)
    );
  }
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data === "string") {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return "Unknown error";
  }
  if (typeof data === "object" && data !== null && "message" in data) {
    const objectData = data;
    const suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v) => JSON.stringify(v)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}
function withDefaults2(oldEndpoint, newDefaults) {
  const endpoint2 = oldEndpoint.defaults(newDefaults);
  const newApi = function(route, parameters) {
    const endpointOptions = endpoint2.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook) {
      return fetchWrapper(endpoint2.parse(endpointOptions));
    }
    const request2 = (route2, parameters2) => {
      return fetchWrapper(
        endpoint2.parse(endpoint2.merge(route2, parameters2))
      );
    };
    Object.assign(request2, {
      endpoint: endpoint2,
      defaults: withDefaults2.bind(null, endpoint2)
    });
    return endpointOptions.request.hook(request2, endpointOptions);
  };
  return Object.assign(newApi, {
    endpoint: endpoint2,
    defaults: withDefaults2.bind(null, endpoint2)
  });
}
var request = withDefaults2(endpoint, defaults_default);

// node_modules/@octokit/graphql/dist-bundle/index.js
var VERSION3 = "0.0.0-development";
function _buildMessageForResponseErrors(data) {
  return `Request failed due to following response errors:
` + data.errors.map((e) => ` - ${e.message}`).join("\n");
}
var GraphqlResponseError = class extends Error {
  constructor(request2, headers, response) {
    super(_buildMessageForResponseErrors(response));
    this.request = request2;
    this.headers = headers;
    this.response = response;
    this.errors = response.errors;
    this.data = response.data;
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
  request;
  headers;
  response;
  name = "GraphqlResponseError";
  errors;
  data;
};
var NON_VARIABLE_OPTIONS = [
  "method",
  "baseUrl",
  "url",
  "headers",
  "request",
  "query",
  "mediaType",
  "operationName"
];
var FORBIDDEN_VARIABLE_OPTIONS = ["query", "method", "url"];
var GHES_V3_SUFFIX_REGEX = /\/api\/v3\/?$/;
function graphql(request2, query, options) {
  if (options) {
    if (typeof query === "string" && "query" in options) {
      return Promise.reject(
        new Error(`[@octokit/graphql] "query" cannot be used as variable name`)
      );
    }
    for (const key in options) {
      if (!FORBIDDEN_VARIABLE_OPTIONS.includes(key)) continue;
      return Promise.reject(
        new Error(
          `[@octokit/graphql] "${key}" cannot be used as variable name`
        )
      );
    }
  }
  const parsedOptions = typeof query === "string" ? Object.assign({ query }, options) : query;
  const requestOptions = Object.keys(
    parsedOptions
  ).reduce((result, key) => {
    if (NON_VARIABLE_OPTIONS.includes(key)) {
      result[key] = parsedOptions[key];
      return result;
    }
    if (!result.variables) {
      result.variables = {};
    }
    result.variables[key] = parsedOptions[key];
    return result;
  }, {});
  const baseUrl = parsedOptions.baseUrl || request2.endpoint.DEFAULTS.baseUrl;
  if (GHES_V3_SUFFIX_REGEX.test(baseUrl)) {
    requestOptions.url = baseUrl.replace(GHES_V3_SUFFIX_REGEX, "/api/graphql");
  }
  return request2(requestOptions).then((response) => {
    if (response.data.errors) {
      const headers = {};
      for (const key of Object.keys(response.headers)) {
        headers[key] = response.headers[key];
      }
      throw new GraphqlResponseError(
        requestOptions,
        headers,
        response.data
      );
    }
    return response.data.data;
  });
}
function withDefaults3(request2, newDefaults) {
  const newRequest = request2.defaults(newDefaults);
  const newApi = (query, options) => {
    return graphql(newRequest, query, options);
  };
  return Object.assign(newApi, {
    defaults: withDefaults3.bind(null, newRequest),
    endpoint: newRequest.endpoint
  });
}
var graphql2 = withDefaults3(request, {
  headers: {
    "user-agent": `octokit-graphql.js/${VERSION3} ${getUserAgent()}`
  },
  method: "POST",
  url: "/graphql"
});
function withCustomRequest(customRequest) {
  return withDefaults3(customRequest, {
    method: "POST",
    url: "/graphql"
  });
}

// node_modules/@octokit/auth-token/dist-bundle/index.js
var b64url = "(?:[a-zA-Z0-9_-]+)";
var sep = "\\.";
var jwtRE = new RegExp(`^${b64url}${sep}${b64url}${sep}${b64url}$`);
var isJWT = jwtRE.test.bind(jwtRE);
async function auth(token) {
  const isApp = isJWT(token);
  const isInstallation = token.startsWith("v1.") || token.startsWith("ghs_");
  const isUserToServer = token.startsWith("ghu_");
  const tokenType = isApp ? "app" : isInstallation ? "installation" : isUserToServer ? "user-to-server" : "oauth";
  return {
    type: "token",
    token,
    tokenType
  };
}
function withAuthorizationPrefix(token) {
  if (token.split(/\./).length === 3) {
    return `bearer ${token}`;
  }
  return `token ${token}`;
}
async function hook(token, request2, route, parameters) {
  const endpoint2 = request2.endpoint.merge(
    route,
    parameters
  );
  endpoint2.headers.authorization = withAuthorizationPrefix(token);
  return request2(endpoint2);
}
var createTokenAuth = function createTokenAuth2(token) {
  if (!token) {
    throw new Error("[@octokit/auth-token] No token passed to createTokenAuth");
  }
  if (typeof token !== "string") {
    throw new Error(
      "[@octokit/auth-token] Token passed to createTokenAuth is not a string"
    );
  }
  token = token.replace(/^(token|bearer) +/i, "");
  return Object.assign(auth.bind(null, token), {
    hook: hook.bind(null, token)
  });
};

// node_modules/@octokit/core/dist-src/version.js
var VERSION4 = "7.0.8";

// node_modules/@octokit/core/dist-src/index.js
var noop2 = () => {
};
var consoleWarn = console.warn.bind(console);
var consoleError = console.error.bind(console);
function createLogger(logger = {}) {
  if (typeof logger.debug !== "function") {
    logger.debug = noop2;
  }
  if (typeof logger.info !== "function") {
    logger.info = noop2;
  }
  if (typeof logger.warn !== "function") {
    logger.warn = consoleWarn;
  }
  if (typeof logger.error !== "function") {
    logger.error = consoleError;
  }
  return logger;
}
var userAgentTrail = `octokit-core.js/${VERSION4} ${getUserAgent()}`;
var Octokit = class {
  static VERSION = VERSION4;
  static defaults(defaults) {
    const OctokitWithDefaults = class extends this {
      constructor(...args) {
        const options = args[0] || {};
        if (typeof defaults === "function") {
          super(defaults(options));
          return;
        }
        super(
          Object.assign(
            {},
            defaults,
            options,
            options.userAgent && defaults.userAgent ? {
              userAgent: `${options.userAgent} ${defaults.userAgent}`
            } : null
          )
        );
      }
    };
    return OctokitWithDefaults;
  }
  static plugins = [];
  /**
   * Attach a plugin (or many) to your Octokit instance.
   *
   * @example
   * const API = Octokit.plugin(plugin1, plugin2, plugin3, ...)
   */
  static plugin(...newPlugins) {
    const currentPlugins = this.plugins;
    const NewOctokit = class extends this {
      static plugins = currentPlugins.concat(
        newPlugins.filter((plugin) => !currentPlugins.includes(plugin))
      );
    };
    return NewOctokit;
  }
  constructor(options = {}) {
    const hook2 = new before_after_hook_default.Collection();
    const requestDefaults = {
      baseUrl: request.endpoint.DEFAULTS.baseUrl,
      headers: {},
      request: Object.assign({}, options.request, {
        // @ts-ignore internal usage only, no need to type
        hook: hook2.bind(null, "request")
      }),
      mediaType: {
        previews: [],
        format: ""
      }
    };
    requestDefaults.headers["user-agent"] = options.userAgent ? `${options.userAgent} ${userAgentTrail}` : userAgentTrail;
    if (options.baseUrl) {
      requestDefaults.baseUrl = options.baseUrl;
    }
    if (options.previews) {
      requestDefaults.mediaType.previews = options.previews;
    }
    if (options.timeZone) {
      requestDefaults.headers["time-zone"] = options.timeZone;
    }
    this.request = request.defaults(requestDefaults);
    this.graphql = withCustomRequest(this.request).defaults(requestDefaults);
    this.log = createLogger(options.log);
    this.hook = hook2;
    if (!options.authStrategy) {
      if (!options.auth) {
        this.auth = async () => ({
          type: "unauthenticated"
        });
      } else {
        const auth2 = createTokenAuth(options.auth);
        hook2.wrap("request", auth2.hook);
        this.auth = auth2;
      }
    } else {
      const { authStrategy, ...otherOptions } = options;
      const auth2 = authStrategy(
        Object.assign(
          {
            request: this.request,
            log: this.log,
            // we pass the current octokit instance as well as its constructor options
            // to allow for authentication strategies that return a new octokit instance
            // that shares the same internal state as the current one. The original
            // requirement for this was the "event-octokit" authentication strategy
            // of https://github.com/probot/octokit-auth-probot.
            octokit: this,
            octokitOptions: otherOptions
          },
          options.auth
        )
      );
      hook2.wrap("request", auth2.hook);
      this.auth = auth2;
    }
    const classConstructor = this.constructor;
    for (let i = 0; i < classConstructor.plugins.length; ++i) {
      Object.assign(this, classConstructor.plugins[i](this, options));
    }
  }
  // assigned during constructor
  request;
  graphql;
  log;
  hook;
  // TODO: type `octokit.auth` based on passed options.authStrategy
  auth;
};

// node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var VERSION5 = "0.0.0-development";
function normalizePaginatedListResponse(response) {
  if (!response.data) {
    return {
      ...response,
      data: []
    };
  }
  const responseNeedsNormalization = ("total_count" in response.data || "total_commits" in response.data) && !("url" in response.data);
  if (!responseNeedsNormalization) return response;
  const incompleteResults = response.data.incomplete_results;
  const repositorySelection = response.data.repository_selection;
  const totalCount = response.data.total_count;
  const totalCommits = response.data.total_commits;
  delete response.data.incomplete_results;
  delete response.data.repository_selection;
  delete response.data.total_count;
  delete response.data.total_commits;
  const namespaceKey = Object.keys(response.data)[0];
  const data = response.data[namespaceKey];
  response.data = data;
  if (typeof incompleteResults !== "undefined") {
    response.data.incomplete_results = incompleteResults;
  }
  if (typeof repositorySelection !== "undefined") {
    response.data.repository_selection = repositorySelection;
  }
  response.data.total_count = totalCount;
  response.data.total_commits = totalCommits;
  return response;
}
function iterator(octokit, route, parameters) {
  const options = typeof route === "function" ? route.endpoint(parameters) : octokit.request.endpoint(route, parameters);
  const requestMethod = typeof route === "function" ? route : octokit.request;
  const method = options.method;
  const headers = options.headers;
  let url = options.url;
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (!url) return { done: true };
        try {
          const response = await requestMethod({ method, url, headers });
          const normalizedResponse = normalizePaginatedListResponse(response);
          url = ((normalizedResponse.headers.link || "").match(
            /<([^<>]+)>;\s*rel="next"/
          ) || [])[1];
          if (!url && "total_commits" in normalizedResponse.data) {
            const parsedUrl = new URL(normalizedResponse.url);
            const params = parsedUrl.searchParams;
            const page = parseInt(params.get("page") || "1", 10);
            const per_page = parseInt(params.get("per_page") || "250", 10);
            if (page * per_page < normalizedResponse.data.total_commits) {
              params.set("page", String(page + 1));
              url = parsedUrl.toString();
            }
          }
          return { value: normalizedResponse };
        } catch (error) {
          if (error.status !== 409) throw error;
          url = "";
          return {
            value: {
              status: 200,
              headers: {},
              data: []
            }
          };
        }
      }
    })
  };
}
function paginate(octokit, route, parameters, mapFn) {
  if (typeof parameters === "function") {
    mapFn = parameters;
    parameters = void 0;
  }
  return gather(
    octokit,
    [],
    iterator(octokit, route, parameters)[Symbol.asyncIterator](),
    mapFn
  );
}
function gather(octokit, results, iterator2, mapFn) {
  return iterator2.next().then((result) => {
    if (result.done) {
      return results;
    }
    let earlyExit = false;
    function done() {
      earlyExit = true;
    }
    results = results.concat(
      mapFn ? mapFn(result.value, done) : result.value.data
    );
    if (earlyExit) {
      return results;
    }
    return gather(octokit, results, iterator2, mapFn);
  });
}
var composePaginateRest = Object.assign(paginate, {
  iterator
});
function paginateRest(octokit) {
  return {
    paginate: Object.assign(paginate.bind(null, octokit), {
      iterator: iterator.bind(null, octokit)
    })
  };
}
paginateRest.VERSION = VERSION5;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/version.js
var VERSION6 = "17.0.0";

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/generated/endpoints.js
var Endpoints = {
  actions: {
    addCustomLabelsToSelfHostedRunnerForOrg: [
      "POST /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    addCustomLabelsToSelfHostedRunnerForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    addRepoAccessToSelfHostedRunnerGroupInOrg: [
      "PUT /orgs/{org}/actions/runner-groups/{runner_group_id}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    approveWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/approve"
    ],
    cancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel"
    ],
    createEnvironmentVariable: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    createHostedRunnerForOrg: ["POST /orgs/{org}/actions/hosted-runners"],
    createOrUpdateEnvironmentSecret: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    createOrUpdateOrgSecret: ["PUT /orgs/{org}/actions/secrets/{secret_name}"],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    createOrgVariable: ["POST /orgs/{org}/actions/variables"],
    createRegistrationTokenForOrg: [
      "POST /orgs/{org}/actions/runners/registration-token"
    ],
    createRegistrationTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/registration-token"
    ],
    createRemoveTokenForOrg: ["POST /orgs/{org}/actions/runners/remove-token"],
    createRemoveTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/remove-token"
    ],
    createRepoVariable: ["POST /repos/{owner}/{repo}/actions/variables"],
    createWorkflowDispatch: [
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"
    ],
    deleteActionsCacheById: [
      "DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}"
    ],
    deleteActionsCacheByKey: [
      "DELETE /repos/{owner}/{repo}/actions/caches{?key,ref}"
    ],
    deleteArtifact: [
      "DELETE /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"
    ],
    deleteCustomImageFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    deleteCustomImageVersionFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    deleteEnvironmentSecret: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    deleteEnvironmentVariable: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    deleteHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/actions/secrets/{secret_name}"],
    deleteOrgVariable: ["DELETE /orgs/{org}/actions/variables/{name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    deleteRepoVariable: [
      "DELETE /repos/{owner}/{repo}/actions/variables/{name}"
    ],
    deleteSelfHostedRunnerFromOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}"
    ],
    deleteSelfHostedRunnerFromRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    deleteWorkflowRun: ["DELETE /repos/{owner}/{repo}/actions/runs/{run_id}"],
    deleteWorkflowRunLogs: [
      "DELETE /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    disableSelectedRepositoryGithubActionsOrganization: [
      "DELETE /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    disableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/disable"
    ],
    downloadArtifact: [
      "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}"
    ],
    downloadJobLogsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs"
    ],
    downloadWorkflowRunAttemptLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs"
    ],
    downloadWorkflowRunLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    enableSelectedRepositoryGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    enableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable"
    ],
    forceCancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/force-cancel"
    ],
    generateRunnerJitconfigForOrg: [
      "POST /orgs/{org}/actions/runners/generate-jitconfig"
    ],
    generateRunnerJitconfigForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig"
    ],
    getActionsCacheList: ["GET /repos/{owner}/{repo}/actions/caches"],
    getActionsCacheUsage: ["GET /repos/{owner}/{repo}/actions/cache/usage"],
    getActionsCacheUsageByRepoForOrg: [
      "GET /orgs/{org}/actions/cache/usage-by-repository"
    ],
    getActionsCacheUsageForOrg: ["GET /orgs/{org}/actions/cache/usage"],
    getAllowedActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/selected-actions"
    ],
    getAllowedActionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    getArtifact: ["GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"],
    getCustomImageForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    getCustomImageVersionForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    getCustomOidcSubClaimForRepo: [
      "GET /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    getEnvironmentPublicKey: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key"
    ],
    getEnvironmentSecret: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    getEnvironmentVariable: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    getGithubActionsDefaultWorkflowPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions/workflow"
    ],
    getGithubActionsDefaultWorkflowPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    getGithubActionsPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions"
    ],
    getGithubActionsPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions"
    ],
    getHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    getHostedRunnersGithubOwnedImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/github-owned"
    ],
    getHostedRunnersLimitsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/limits"
    ],
    getHostedRunnersMachineSpecsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/machine-sizes"
    ],
    getHostedRunnersPartnerImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/partner"
    ],
    getHostedRunnersPlatformsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/platforms"
    ],
    getJobForWorkflowRun: ["GET /repos/{owner}/{repo}/actions/jobs/{job_id}"],
    getOrgPublicKey: ["GET /orgs/{org}/actions/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/actions/secrets/{secret_name}"],
    getOrgVariable: ["GET /orgs/{org}/actions/variables/{name}"],
    getPendingDeploymentsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    getRepoPermissions: [
      "GET /repos/{owner}/{repo}/actions/permissions",
      {},
      { renamed: ["actions", "getGithubActionsPermissionsRepository"] }
    ],
    getRepoPublicKey: ["GET /repos/{owner}/{repo}/actions/secrets/public-key"],
    getRepoSecret: ["GET /repos/{owner}/{repo}/actions/secrets/{secret_name}"],
    getRepoVariable: ["GET /repos/{owner}/{repo}/actions/variables/{name}"],
    getReviewsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals"
    ],
    getSelfHostedRunnerForOrg: ["GET /orgs/{org}/actions/runners/{runner_id}"],
    getSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    getWorkflow: ["GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}"],
    getWorkflowAccessToRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/access"
    ],
    getWorkflowRun: ["GET /repos/{owner}/{repo}/actions/runs/{run_id}"],
    getWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}"
    ],
    getWorkflowRunUsage: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/timing"
    ],
    getWorkflowUsage: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/timing"
    ],
    listArtifactsForRepo: ["GET /repos/{owner}/{repo}/actions/artifacts"],
    listCustomImageVersionsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions"
    ],
    listCustomImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom"
    ],
    listEnvironmentSecrets: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets"
    ],
    listEnvironmentVariables: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    listGithubHostedRunnersInGroupForOrg: [
      "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/hosted-runners"
    ],
    listHostedRunnersForOrg: ["GET /orgs/{org}/actions/hosted-runners"],
    listJobsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs"
    ],
    listJobsForWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs"
    ],
    listLabelsForSelfHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    listLabelsForSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    listOrgSecrets: ["GET /orgs/{org}/actions/secrets"],
    listOrgVariables: ["GET /orgs/{org}/actions/variables"],
    listRepoOrganizationSecrets: [
      "GET /repos/{owner}/{repo}/actions/organization-secrets"
    ],
    listRepoOrganizationVariables: [
      "GET /repos/{owner}/{repo}/actions/organization-variables"
    ],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/actions/secrets"],
    listRepoVariables: ["GET /repos/{owner}/{repo}/actions/variables"],
    listRepoWorkflows: ["GET /repos/{owner}/{repo}/actions/workflows"],
    listRunnerApplicationsForOrg: ["GET /orgs/{org}/actions/runners/downloads"],
    listRunnerApplicationsForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/downloads"
    ],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    listSelectedReposForOrgVariable: [
      "GET /orgs/{org}/actions/variables/{name}/repositories"
    ],
    listSelectedRepositoriesEnabledGithubActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/repositories"
    ],
    listSelfHostedRunnersForOrg: ["GET /orgs/{org}/actions/runners"],
    listSelfHostedRunnersForRepo: ["GET /repos/{owner}/{repo}/actions/runners"],
    listWorkflowRunArtifacts: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts"
    ],
    listWorkflowRuns: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"
    ],
    listWorkflowRunsForRepo: ["GET /repos/{owner}/{repo}/actions/runs"],
    reRunJobForWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/jobs/{job_id}/rerun"
    ],
    reRunWorkflow: ["POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun"],
    reRunWorkflowFailedJobs: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    removeCustomLabelFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeCustomLabelFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgVariable: [
      "DELETE /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    reviewCustomGatesForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule"
    ],
    reviewPendingDeploymentsForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    setAllowedActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/selected-actions"
    ],
    setAllowedActionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    setCustomLabelsForSelfHostedRunnerForOrg: [
      "PUT /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    setCustomLabelsForSelfHostedRunnerForRepo: [
      "PUT /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    setCustomOidcSubClaimForRepo: [
      "PUT /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    setGithubActionsDefaultWorkflowPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/workflow"
    ],
    setGithubActionsDefaultWorkflowPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    setGithubActionsPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions"
    ],
    setGithubActionsPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories"
    ],
    setSelectedRepositoriesEnabledGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories"
    ],
    setWorkflowAccessToRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/access"
    ],
    updateEnvironmentVariable: [
      "PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    updateHostedRunnerForOrg: [
      "PATCH /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    updateOrgVariable: ["PATCH /orgs/{org}/actions/variables/{name}"],
    updateRepoVariable: [
      "PATCH /repos/{owner}/{repo}/actions/variables/{name}"
    ]
  },
  activity: {
    checkRepoIsStarredByAuthenticatedUser: ["GET /user/starred/{owner}/{repo}"],
    deleteRepoSubscription: ["DELETE /repos/{owner}/{repo}/subscription"],
    deleteThreadSubscription: [
      "DELETE /notifications/threads/{thread_id}/subscription"
    ],
    getFeeds: ["GET /feeds"],
    getRepoSubscription: ["GET /repos/{owner}/{repo}/subscription"],
    getThread: ["GET /notifications/threads/{thread_id}"],
    getThreadSubscriptionForAuthenticatedUser: [
      "GET /notifications/threads/{thread_id}/subscription"
    ],
    listEventsForAuthenticatedUser: ["GET /users/{username}/events"],
    listNotificationsForAuthenticatedUser: ["GET /notifications"],
    listOrgEventsForAuthenticatedUser: [
      "GET /users/{username}/events/orgs/{org}"
    ],
    listPublicEvents: ["GET /events"],
    listPublicEventsForRepoNetwork: ["GET /networks/{owner}/{repo}/events"],
    listPublicEventsForUser: ["GET /users/{username}/events/public"],
    listPublicOrgEvents: ["GET /orgs/{org}/events"],
    listReceivedEventsForUser: ["GET /users/{username}/received_events"],
    listReceivedPublicEventsForUser: [
      "GET /users/{username}/received_events/public"
    ],
    listRepoEvents: ["GET /repos/{owner}/{repo}/events"],
    listRepoNotificationsForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/notifications"
    ],
    listReposStarredByAuthenticatedUser: ["GET /user/starred"],
    listReposStarredByUser: ["GET /users/{username}/starred"],
    listReposWatchedByUser: ["GET /users/{username}/subscriptions"],
    listStargazersForRepo: ["GET /repos/{owner}/{repo}/stargazers"],
    listWatchedReposForAuthenticatedUser: ["GET /user/subscriptions"],
    listWatchersForRepo: ["GET /repos/{owner}/{repo}/subscribers"],
    markNotificationsAsRead: ["PUT /notifications"],
    markRepoNotificationsAsRead: ["PUT /repos/{owner}/{repo}/notifications"],
    markThreadAsDone: ["DELETE /notifications/threads/{thread_id}"],
    markThreadAsRead: ["PATCH /notifications/threads/{thread_id}"],
    setRepoSubscription: ["PUT /repos/{owner}/{repo}/subscription"],
    setThreadSubscription: [
      "PUT /notifications/threads/{thread_id}/subscription"
    ],
    starRepoForAuthenticatedUser: ["PUT /user/starred/{owner}/{repo}"],
    unstarRepoForAuthenticatedUser: ["DELETE /user/starred/{owner}/{repo}"]
  },
  apps: {
    addRepoToInstallation: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "addRepoToInstallationForAuthenticatedUser"] }
    ],
    addRepoToInstallationForAuthenticatedUser: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    checkToken: ["POST /applications/{client_id}/token"],
    createFromManifest: ["POST /app-manifests/{code}/conversions"],
    createInstallationAccessToken: [
      "POST /app/installations/{installation_id}/access_tokens"
    ],
    deleteAuthorization: ["DELETE /applications/{client_id}/grant"],
    deleteInstallation: ["DELETE /app/installations/{installation_id}"],
    deleteToken: ["DELETE /applications/{client_id}/token"],
    getAuthenticated: ["GET /app"],
    getBySlug: ["GET /apps/{app_slug}"],
    getInstallation: ["GET /app/installations/{installation_id}"],
    getOrgInstallation: ["GET /orgs/{org}/installation"],
    getRepoInstallation: ["GET /repos/{owner}/{repo}/installation"],
    getSubscriptionPlanForAccount: [
      "GET /marketplace_listing/accounts/{account_id}"
    ],
    getSubscriptionPlanForAccountStubbed: [
      "GET /marketplace_listing/stubbed/accounts/{account_id}"
    ],
    getUserInstallation: ["GET /users/{username}/installation"],
    getWebhookConfigForApp: ["GET /app/hook/config"],
    getWebhookDelivery: ["GET /app/hook/deliveries/{delivery_id}"],
    listAccountsForPlan: ["GET /marketplace_listing/plans/{plan_id}/accounts"],
    listAccountsForPlanStubbed: [
      "GET /marketplace_listing/stubbed/plans/{plan_id}/accounts"
    ],
    listInstallationReposForAuthenticatedUser: [
      "GET /user/installations/{installation_id}/repositories"
    ],
    listInstallationRequestsForAuthenticatedApp: [
      "GET /app/installation-requests"
    ],
    listInstallations: ["GET /app/installations"],
    listInstallationsForAuthenticatedUser: ["GET /user/installations"],
    listPlans: ["GET /marketplace_listing/plans"],
    listPlansStubbed: ["GET /marketplace_listing/stubbed/plans"],
    listReposAccessibleToInstallation: ["GET /installation/repositories"],
    listSubscriptionsForAuthenticatedUser: ["GET /user/marketplace_purchases"],
    listSubscriptionsForAuthenticatedUserStubbed: [
      "GET /user/marketplace_purchases/stubbed"
    ],
    listWebhookDeliveries: ["GET /app/hook/deliveries"],
    redeliverWebhookDelivery: [
      "POST /app/hook/deliveries/{delivery_id}/attempts"
    ],
    removeRepoFromInstallation: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "removeRepoFromInstallationForAuthenticatedUser"] }
    ],
    removeRepoFromInstallationForAuthenticatedUser: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    resetToken: ["PATCH /applications/{client_id}/token"],
    revokeInstallationAccessToken: ["DELETE /installation/token"],
    scopeToken: ["POST /applications/{client_id}/token/scoped"],
    suspendInstallation: ["PUT /app/installations/{installation_id}/suspended"],
    unsuspendInstallation: [
      "DELETE /app/installations/{installation_id}/suspended"
    ],
    updateWebhookConfigForApp: ["PATCH /app/hook/config"]
  },
  billing: {
    getGithubActionsBillingOrg: ["GET /orgs/{org}/settings/billing/actions"],
    getGithubActionsBillingUser: [
      "GET /users/{username}/settings/billing/actions"
    ],
    getGithubBillingPremiumRequestUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/premium_request/usage"
    ],
    getGithubBillingPremiumRequestUsageReportUser: [
      "GET /users/{username}/settings/billing/premium_request/usage"
    ],
    getGithubBillingUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/usage"
    ],
    getGithubBillingUsageReportUser: [
      "GET /users/{username}/settings/billing/usage"
    ],
    getGithubPackagesBillingOrg: ["GET /orgs/{org}/settings/billing/packages"],
    getGithubPackagesBillingUser: [
      "GET /users/{username}/settings/billing/packages"
    ],
    getSharedStorageBillingOrg: [
      "GET /orgs/{org}/settings/billing/shared-storage"
    ],
    getSharedStorageBillingUser: [
      "GET /users/{username}/settings/billing/shared-storage"
    ]
  },
  campaigns: {
    createCampaign: ["POST /orgs/{org}/campaigns"],
    deleteCampaign: ["DELETE /orgs/{org}/campaigns/{campaign_number}"],
    getCampaignSummary: ["GET /orgs/{org}/campaigns/{campaign_number}"],
    listOrgCampaigns: ["GET /orgs/{org}/campaigns"],
    updateCampaign: ["PATCH /orgs/{org}/campaigns/{campaign_number}"]
  },
  checks: {
    create: ["POST /repos/{owner}/{repo}/check-runs"],
    createSuite: ["POST /repos/{owner}/{repo}/check-suites"],
    get: ["GET /repos/{owner}/{repo}/check-runs/{check_run_id}"],
    getSuite: ["GET /repos/{owner}/{repo}/check-suites/{check_suite_id}"],
    listAnnotations: [
      "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations"
    ],
    listForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-runs"],
    listForSuite: [
      "GET /repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs"
    ],
    listSuitesForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-suites"],
    rerequestRun: [
      "POST /repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest"
    ],
    rerequestSuite: [
      "POST /repos/{owner}/{repo}/check-suites/{check_suite_id}/rerequest"
    ],
    setSuitesPreferences: [
      "PATCH /repos/{owner}/{repo}/check-suites/preferences"
    ],
    update: ["PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"]
  },
  codeScanning: {
    commitAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix/commits"
    ],
    createAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    createVariantAnalysis: [
      "POST /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses"
    ],
    deleteAnalysis: [
      "DELETE /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}{?confirm_delete}"
    ],
    deleteCodeqlDatabase: [
      "DELETE /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}",
      {},
      { renamedParameters: { alert_id: "alert_number" } }
    ],
    getAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}"
    ],
    getAutofix: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    getCodeqlDatabase: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getDefaultSetup: ["GET /repos/{owner}/{repo}/code-scanning/default-setup"],
    getSarif: ["GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}"],
    getVariantAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}"
    ],
    getVariantAnalysisRepoTask: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}/repos/{repo_owner}/{repo_name}"
    ],
    listAlertInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/code-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/code-scanning/alerts"],
    listAlertsInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances",
      {},
      { renamed: ["codeScanning", "listAlertInstances"] }
    ],
    listCodeqlDatabases: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases"
    ],
    listRecentAnalyses: ["GET /repos/{owner}/{repo}/code-scanning/analyses"],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}"
    ],
    updateDefaultSetup: [
      "PATCH /repos/{owner}/{repo}/code-scanning/default-setup"
    ],
    uploadSarif: ["POST /repos/{owner}/{repo}/code-scanning/sarifs"]
  },
  codeSecurity: {
    attachConfiguration: [
      "POST /orgs/{org}/code-security/configurations/{configuration_id}/attach"
    ],
    attachEnterpriseConfiguration: [
      "POST /enterprises/{enterprise}/code-security/configurations/{configuration_id}/attach"
    ],
    createConfiguration: ["POST /orgs/{org}/code-security/configurations"],
    createConfigurationForEnterprise: [
      "POST /enterprises/{enterprise}/code-security/configurations"
    ],
    deleteConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    deleteConfigurationForEnterprise: [
      "DELETE /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    detachConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/detach"
    ],
    getConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    getConfigurationForRepository: [
      "GET /repos/{owner}/{repo}/code-security-configuration"
    ],
    getConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations"
    ],
    getConfigurationsForOrg: ["GET /orgs/{org}/code-security/configurations"],
    getDefaultConfigurations: [
      "GET /orgs/{org}/code-security/configurations/defaults"
    ],
    getDefaultConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/defaults"
    ],
    getRepositoriesForConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}/repositories"
    ],
    getRepositoriesForEnterpriseConfiguration: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories"
    ],
    getSingleConfigurationForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    setConfigurationAsDefault: [
      "PUT /orgs/{org}/code-security/configurations/{configuration_id}/defaults"
    ],
    setConfigurationAsDefaultForEnterprise: [
      "PUT /enterprises/{enterprise}/code-security/configurations/{configuration_id}/defaults"
    ],
    updateConfiguration: [
      "PATCH /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    updateEnterpriseConfiguration: [
      "PATCH /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ]
  },
  codesOfConduct: {
    getAllCodesOfConduct: ["GET /codes_of_conduct"],
    getConductCode: ["GET /codes_of_conduct/{key}"]
  },
  codespaces: {
    addRepositoryForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    checkPermissionsForDevcontainer: [
      "GET /repos/{owner}/{repo}/codespaces/permissions_check"
    ],
    codespaceMachinesForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/machines"
    ],
    createForAuthenticatedUser: ["POST /user/codespaces"],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}"
    ],
    createWithPrForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/codespaces"
    ],
    createWithRepoForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/codespaces"
    ],
    deleteForAuthenticatedUser: ["DELETE /user/codespaces/{codespace_name}"],
    deleteFromOrganization: [
      "DELETE /orgs/{org}/members/{username}/codespaces/{codespace_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/codespaces/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    deleteSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}"
    ],
    exportForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/exports"
    ],
    getCodespacesForUserInOrg: [
      "GET /orgs/{org}/members/{username}/codespaces"
    ],
    getExportDetailsForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/exports/{export_id}"
    ],
    getForAuthenticatedUser: ["GET /user/codespaces/{codespace_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/codespaces/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/codespaces/secrets/{secret_name}"],
    getPublicKeyForAuthenticatedUser: [
      "GET /user/codespaces/secrets/public-key"
    ],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    getSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}"
    ],
    listDevcontainersInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/devcontainers"
    ],
    listForAuthenticatedUser: ["GET /user/codespaces"],
    listInOrganization: [
      "GET /orgs/{org}/codespaces",
      {},
      { renamedParameters: { org_id: "org" } }
    ],
    listInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces"
    ],
    listOrgSecrets: ["GET /orgs/{org}/codespaces/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/codespaces/secrets"],
    listRepositoriesForSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}/repositories"
    ],
    listSecretsForAuthenticatedUser: ["GET /user/codespaces/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    preFlightWithRepoForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/new"
    ],
    publishForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/publish"
    ],
    removeRepositoryForSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repoMachinesForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/machines"
    ],
    setRepositoriesForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    startForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/start"],
    stopForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/stop"],
    stopInOrganization: [
      "POST /orgs/{org}/members/{username}/codespaces/{codespace_name}/stop"
    ],
    updateForAuthenticatedUser: ["PATCH /user/codespaces/{codespace_name}"]
  },
  copilot: {
    addCopilotSeatsForTeams: [
      "POST /orgs/{org}/copilot/billing/selected_teams"
    ],
    addCopilotSeatsForUsers: [
      "POST /orgs/{org}/copilot/billing/selected_users"
    ],
    cancelCopilotSeatAssignmentForTeams: [
      "DELETE /orgs/{org}/copilot/billing/selected_teams"
    ],
    cancelCopilotSeatAssignmentForUsers: [
      "DELETE /orgs/{org}/copilot/billing/selected_users"
    ],
    copilotMetricsForOrganization: ["GET /orgs/{org}/copilot/metrics"],
    copilotMetricsForTeam: ["GET /orgs/{org}/team/{team_slug}/copilot/metrics"],
    getCopilotOrganizationDetails: ["GET /orgs/{org}/copilot/billing"],
    getCopilotSeatDetailsForUser: [
      "GET /orgs/{org}/members/{username}/copilot"
    ],
    listCopilotSeats: ["GET /orgs/{org}/copilot/billing/seats"]
  },
  credentials: { revoke: ["POST /credentials/revoke"] },
  dependabot: {
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/dependabot/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    getAlert: ["GET /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"],
    getOrgPublicKey: ["GET /orgs/{org}/dependabot/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/dependabot/secrets/{secret_name}"],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    listAlertsForEnterprise: [
      "GET /enterprises/{enterprise}/dependabot/alerts"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/dependabot/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/dependabot/alerts"],
    listOrgSecrets: ["GET /orgs/{org}/dependabot/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/dependabot/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repositoryAccessForOrg: [
      "GET /organizations/{org}/dependabot/repository-access"
    ],
    setRepositoryAccessDefaultLevel: [
      "PUT /organizations/{org}/dependabot/repository-access/default-level"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"
    ],
    updateRepositoryAccessForOrg: [
      "PATCH /organizations/{org}/dependabot/repository-access"
    ]
  },
  dependencyGraph: {
    createRepositorySnapshot: [
      "POST /repos/{owner}/{repo}/dependency-graph/snapshots"
    ],
    diffRange: [
      "GET /repos/{owner}/{repo}/dependency-graph/compare/{basehead}"
    ],
    exportSbom: ["GET /repos/{owner}/{repo}/dependency-graph/sbom"]
  },
  emojis: { get: ["GET /emojis"] },
  enterpriseTeamMemberships: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/remove"
    ],
    get: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    list: ["GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships"],
    remove: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ]
  },
  enterpriseTeamOrganizations: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/remove"
    ],
    delete: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignment: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignments: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations"
    ]
  },
  enterpriseTeams: {
    create: ["POST /enterprises/{enterprise}/teams"],
    delete: ["DELETE /enterprises/{enterprise}/teams/{team_slug}"],
    get: ["GET /enterprises/{enterprise}/teams/{team_slug}"],
    list: ["GET /enterprises/{enterprise}/teams"],
    update: ["PATCH /enterprises/{enterprise}/teams/{team_slug}"]
  },
  gists: {
    checkIsStarred: ["GET /gists/{gist_id}/star"],
    create: ["POST /gists"],
    createComment: ["POST /gists/{gist_id}/comments"],
    delete: ["DELETE /gists/{gist_id}"],
    deleteComment: ["DELETE /gists/{gist_id}/comments/{comment_id}"],
    fork: ["POST /gists/{gist_id}/forks"],
    get: ["GET /gists/{gist_id}"],
    getComment: ["GET /gists/{gist_id}/comments/{comment_id}"],
    getRevision: ["GET /gists/{gist_id}/{sha}"],
    list: ["GET /gists"],
    listComments: ["GET /gists/{gist_id}/comments"],
    listCommits: ["GET /gists/{gist_id}/commits"],
    listForUser: ["GET /users/{username}/gists"],
    listForks: ["GET /gists/{gist_id}/forks"],
    listPublic: ["GET /gists/public"],
    listStarred: ["GET /gists/starred"],
    star: ["PUT /gists/{gist_id}/star"],
    unstar: ["DELETE /gists/{gist_id}/star"],
    update: ["PATCH /gists/{gist_id}"],
    updateComment: ["PATCH /gists/{gist_id}/comments/{comment_id}"]
  },
  git: {
    createBlob: ["POST /repos/{owner}/{repo}/git/blobs"],
    createCommit: ["POST /repos/{owner}/{repo}/git/commits"],
    createRef: ["POST /repos/{owner}/{repo}/git/refs"],
    createTag: ["POST /repos/{owner}/{repo}/git/tags"],
    createTree: ["POST /repos/{owner}/{repo}/git/trees"],
    deleteRef: ["DELETE /repos/{owner}/{repo}/git/refs/{ref}"],
    getBlob: ["GET /repos/{owner}/{repo}/git/blobs/{file_sha}"],
    getCommit: ["GET /repos/{owner}/{repo}/git/commits/{commit_sha}"],
    getRef: ["GET /repos/{owner}/{repo}/git/ref/{ref}"],
    getTag: ["GET /repos/{owner}/{repo}/git/tags/{tag_sha}"],
    getTree: ["GET /repos/{owner}/{repo}/git/trees/{tree_sha}"],
    listMatchingRefs: ["GET /repos/{owner}/{repo}/git/matching-refs/{ref}"],
    updateRef: ["PATCH /repos/{owner}/{repo}/git/refs/{ref}"]
  },
  gitignore: {
    getAllTemplates: ["GET /gitignore/templates"],
    getTemplate: ["GET /gitignore/templates/{name}"]
  },
  hostedCompute: {
    createNetworkConfigurationForOrg: [
      "POST /orgs/{org}/settings/network-configurations"
    ],
    deleteNetworkConfigurationFromOrg: [
      "DELETE /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkConfigurationForOrg: [
      "GET /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkSettingsForOrg: [
      "GET /orgs/{org}/settings/network-settings/{network_settings_id}"
    ],
    listNetworkConfigurationsForOrg: [
      "GET /orgs/{org}/settings/network-configurations"
    ],
    updateNetworkConfigurationForOrg: [
      "PATCH /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ]
  },
  interactions: {
    getRestrictionsForAuthenticatedUser: ["GET /user/interaction-limits"],
    getRestrictionsForOrg: ["GET /orgs/{org}/interaction-limits"],
    getRestrictionsForRepo: ["GET /repos/{owner}/{repo}/interaction-limits"],
    getRestrictionsForYourPublicRepos: [
      "GET /user/interaction-limits",
      {},
      { renamed: ["interactions", "getRestrictionsForAuthenticatedUser"] }
    ],
    removeRestrictionsForAuthenticatedUser: ["DELETE /user/interaction-limits"],
    removeRestrictionsForOrg: ["DELETE /orgs/{org}/interaction-limits"],
    removeRestrictionsForRepo: [
      "DELETE /repos/{owner}/{repo}/interaction-limits"
    ],
    removeRestrictionsForYourPublicRepos: [
      "DELETE /user/interaction-limits",
      {},
      { renamed: ["interactions", "removeRestrictionsForAuthenticatedUser"] }
    ],
    setRestrictionsForAuthenticatedUser: ["PUT /user/interaction-limits"],
    setRestrictionsForOrg: ["PUT /orgs/{org}/interaction-limits"],
    setRestrictionsForRepo: ["PUT /repos/{owner}/{repo}/interaction-limits"],
    setRestrictionsForYourPublicRepos: [
      "PUT /user/interaction-limits",
      {},
      { renamed: ["interactions", "setRestrictionsForAuthenticatedUser"] }
    ]
  },
  issues: {
    addAssignees: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    addBlockedByDependency: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    addLabels: ["POST /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    addSubIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    checkUserCanBeAssigned: ["GET /repos/{owner}/{repo}/assignees/{assignee}"],
    checkUserCanBeAssignedToIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/assignees/{assignee}"
    ],
    create: ["POST /repos/{owner}/{repo}/issues"],
    createComment: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"
    ],
    createLabel: ["POST /repos/{owner}/{repo}/labels"],
    createMilestone: ["POST /repos/{owner}/{repo}/milestones"],
    deleteComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}"
    ],
    deleteLabel: ["DELETE /repos/{owner}/{repo}/labels/{name}"],
    deleteMilestone: [
      "DELETE /repos/{owner}/{repo}/milestones/{milestone_number}"
    ],
    get: ["GET /repos/{owner}/{repo}/issues/{issue_number}"],
    getComment: ["GET /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    getEvent: ["GET /repos/{owner}/{repo}/issues/events/{event_id}"],
    getLabel: ["GET /repos/{owner}/{repo}/labels/{name}"],
    getMilestone: ["GET /repos/{owner}/{repo}/milestones/{milestone_number}"],
    getParent: ["GET /repos/{owner}/{repo}/issues/{issue_number}/parent"],
    list: ["GET /issues"],
    listAssignees: ["GET /repos/{owner}/{repo}/assignees"],
    listComments: ["GET /repos/{owner}/{repo}/issues/{issue_number}/comments"],
    listCommentsForRepo: ["GET /repos/{owner}/{repo}/issues/comments"],
    listDependenciesBlockedBy: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    listDependenciesBlocking: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking"
    ],
    listEvents: ["GET /repos/{owner}/{repo}/issues/{issue_number}/events"],
    listEventsForRepo: ["GET /repos/{owner}/{repo}/issues/events"],
    listEventsForTimeline: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline"
    ],
    listForAuthenticatedUser: ["GET /user/issues"],
    listForOrg: ["GET /orgs/{org}/issues"],
    listForRepo: ["GET /repos/{owner}/{repo}/issues"],
    listLabelsForMilestone: [
      "GET /repos/{owner}/{repo}/milestones/{milestone_number}/labels"
    ],
    listLabelsForRepo: ["GET /repos/{owner}/{repo}/labels"],
    listLabelsOnIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    listMilestones: ["GET /repos/{owner}/{repo}/milestones"],
    listSubIssues: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    lock: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    removeAllLabels: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    removeAssignees: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    removeDependencyBlockedBy: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}"
    ],
    removeLabel: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"
    ],
    removeSubIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue"
    ],
    reprioritizeSubIssue: [
      "PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority"
    ],
    setLabels: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    unlock: ["DELETE /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    update: ["PATCH /repos/{owner}/{repo}/issues/{issue_number}"],
    updateComment: ["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    updateLabel: ["PATCH /repos/{owner}/{repo}/labels/{name}"],
    updateMilestone: [
      "PATCH /repos/{owner}/{repo}/milestones/{milestone_number}"
    ]
  },
  licenses: {
    get: ["GET /licenses/{license}"],
    getAllCommonlyUsed: ["GET /licenses"],
    getForRepo: ["GET /repos/{owner}/{repo}/license"]
  },
  markdown: {
    render: ["POST /markdown"],
    renderRaw: [
      "POST /markdown/raw",
      { headers: { "content-type": "text/plain; charset=utf-8" } }
    ]
  },
  meta: {
    get: ["GET /meta"],
    getAllVersions: ["GET /versions"],
    getOctocat: ["GET /octocat"],
    getZen: ["GET /zen"],
    root: ["GET /"]
  },
  migrations: {
    deleteArchiveForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/archive"
    ],
    deleteArchiveForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/archive"
    ],
    downloadArchiveForOrg: [
      "GET /orgs/{org}/migrations/{migration_id}/archive"
    ],
    getArchiveForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/archive"
    ],
    getStatusForAuthenticatedUser: ["GET /user/migrations/{migration_id}"],
    getStatusForOrg: ["GET /orgs/{org}/migrations/{migration_id}"],
    listForAuthenticatedUser: ["GET /user/migrations"],
    listForOrg: ["GET /orgs/{org}/migrations"],
    listReposForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/repositories"
    ],
    listReposForOrg: ["GET /orgs/{org}/migrations/{migration_id}/repositories"],
    listReposForUser: [
      "GET /user/migrations/{migration_id}/repositories",
      {},
      { renamed: ["migrations", "listReposForAuthenticatedUser"] }
    ],
    startForAuthenticatedUser: ["POST /user/migrations"],
    startForOrg: ["POST /orgs/{org}/migrations"],
    unlockRepoForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/repos/{repo_name}/lock"
    ],
    unlockRepoForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/repos/{repo_name}/lock"
    ]
  },
  oidc: {
    getOidcCustomSubTemplateForOrg: [
      "GET /orgs/{org}/actions/oidc/customization/sub"
    ],
    updateOidcCustomSubTemplateForOrg: [
      "PUT /orgs/{org}/actions/oidc/customization/sub"
    ]
  },
  orgs: {
    addSecurityManagerTeam: [
      "PUT /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.addSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#add-a-security-manager-team"
      }
    ],
    assignTeamToOrgRole: [
      "PUT /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    assignUserToOrgRole: [
      "PUT /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    blockUser: ["PUT /orgs/{org}/blocks/{username}"],
    cancelInvitation: ["DELETE /orgs/{org}/invitations/{invitation_id}"],
    checkBlockedUser: ["GET /orgs/{org}/blocks/{username}"],
    checkMembershipForUser: ["GET /orgs/{org}/members/{username}"],
    checkPublicMembershipForUser: ["GET /orgs/{org}/public_members/{username}"],
    convertMemberToOutsideCollaborator: [
      "PUT /orgs/{org}/outside_collaborators/{username}"
    ],
    createArtifactStorageRecord: [
      "POST /orgs/{org}/artifacts/metadata/storage-record"
    ],
    createInvitation: ["POST /orgs/{org}/invitations"],
    createIssueType: ["POST /orgs/{org}/issue-types"],
    createWebhook: ["POST /orgs/{org}/hooks"],
    customPropertiesForOrgsCreateOrUpdateOrganizationValues: [
      "PATCH /organizations/{org}/org-properties/values"
    ],
    customPropertiesForOrgsGetOrganizationValues: [
      "GET /organizations/{org}/org-properties/values"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinition: [
      "PUT /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinitions: [
      "PATCH /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationValues: [
      "PATCH /orgs/{org}/properties/values"
    ],
    customPropertiesForReposDeleteOrganizationDefinition: [
      "DELETE /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinition: [
      "GET /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinitions: [
      "GET /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposGetOrganizationValues: [
      "GET /orgs/{org}/properties/values"
    ],
    delete: ["DELETE /orgs/{org}"],
    deleteAttestationsBulk: ["POST /orgs/{org}/attestations/delete-request"],
    deleteAttestationsById: [
      "DELETE /orgs/{org}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /orgs/{org}/attestations/digest/{subject_digest}"
    ],
    deleteIssueType: ["DELETE /orgs/{org}/issue-types/{issue_type_id}"],
    deleteWebhook: ["DELETE /orgs/{org}/hooks/{hook_id}"],
    disableSelectedRepositoryImmutableReleasesOrganization: [
      "DELETE /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    enableSelectedRepositoryImmutableReleasesOrganization: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    get: ["GET /orgs/{org}"],
    getImmutableReleasesSettings: [
      "GET /orgs/{org}/settings/immutable-releases"
    ],
    getImmutableReleasesSettingsRepositories: [
      "GET /orgs/{org}/settings/immutable-releases/repositories"
    ],
    getMembershipForAuthenticatedUser: ["GET /user/memberships/orgs/{org}"],
    getMembershipForUser: ["GET /orgs/{org}/memberships/{username}"],
    getOrgRole: ["GET /orgs/{org}/organization-roles/{role_id}"],
    getOrgRulesetHistory: ["GET /orgs/{org}/rulesets/{ruleset_id}/history"],
    getOrgRulesetVersion: [
      "GET /orgs/{org}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getWebhook: ["GET /orgs/{org}/hooks/{hook_id}"],
    getWebhookConfigForOrg: ["GET /orgs/{org}/hooks/{hook_id}/config"],
    getWebhookDelivery: [
      "GET /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    list: ["GET /organizations"],
    listAppInstallations: ["GET /orgs/{org}/installations"],
    listArtifactStorageRecords: [
      "GET /orgs/{org}/artifacts/{subject_digest}/metadata/storage-records"
    ],
    listAttestationRepositories: ["GET /orgs/{org}/attestations/repositories"],
    listAttestations: ["GET /orgs/{org}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /orgs/{org}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedUsers: ["GET /orgs/{org}/blocks"],
    listFailedInvitations: ["GET /orgs/{org}/failed_invitations"],
    listForAuthenticatedUser: ["GET /user/orgs"],
    listForUser: ["GET /users/{username}/orgs"],
    listInvitationTeams: ["GET /orgs/{org}/invitations/{invitation_id}/teams"],
    listIssueTypes: ["GET /orgs/{org}/issue-types"],
    listMembers: ["GET /orgs/{org}/members"],
    listMembershipsForAuthenticatedUser: ["GET /user/memberships/orgs"],
    listOrgRoleTeams: ["GET /orgs/{org}/organization-roles/{role_id}/teams"],
    listOrgRoleUsers: ["GET /orgs/{org}/organization-roles/{role_id}/users"],
    listOrgRoles: ["GET /orgs/{org}/organization-roles"],
    listOrganizationFineGrainedPermissions: [
      "GET /orgs/{org}/organization-fine-grained-permissions"
    ],
    listOutsideCollaborators: ["GET /orgs/{org}/outside_collaborators"],
    listPatGrantRepositories: [
      "GET /orgs/{org}/personal-access-tokens/{pat_id}/repositories"
    ],
    listPatGrantRequestRepositories: [
      "GET /orgs/{org}/personal-access-token-requests/{pat_request_id}/repositories"
    ],
    listPatGrantRequests: ["GET /orgs/{org}/personal-access-token-requests"],
    listPatGrants: ["GET /orgs/{org}/personal-access-tokens"],
    listPendingInvitations: ["GET /orgs/{org}/invitations"],
    listPublicMembers: ["GET /orgs/{org}/public_members"],
    listSecurityManagerTeams: [
      "GET /orgs/{org}/security-managers",
      {},
      {
        deprecated: "octokit.rest.orgs.listSecurityManagerTeams() is deprecated, see https://docs.github.com/rest/orgs/security-managers#list-security-manager-teams"
      }
    ],
    listWebhookDeliveries: ["GET /orgs/{org}/hooks/{hook_id}/deliveries"],
    listWebhooks: ["GET /orgs/{org}/hooks"],
    pingWebhook: ["POST /orgs/{org}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeMember: ["DELETE /orgs/{org}/members/{username}"],
    removeMembershipForUser: ["DELETE /orgs/{org}/memberships/{username}"],
    removeOutsideCollaborator: [
      "DELETE /orgs/{org}/outside_collaborators/{username}"
    ],
    removePublicMembershipForAuthenticatedUser: [
      "DELETE /orgs/{org}/public_members/{username}"
    ],
    removeSecurityManagerTeam: [
      "DELETE /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.removeSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#remove-a-security-manager-team"
      }
    ],
    reviewPatGrantRequest: [
      "POST /orgs/{org}/personal-access-token-requests/{pat_request_id}"
    ],
    reviewPatGrantRequestsInBulk: [
      "POST /orgs/{org}/personal-access-token-requests"
    ],
    revokeAllOrgRolesTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}"
    ],
    revokeAllOrgRolesUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}"
    ],
    revokeOrgRoleTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    revokeOrgRoleUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    setImmutableReleasesSettings: [
      "PUT /orgs/{org}/settings/immutable-releases"
    ],
    setImmutableReleasesSettingsRepositories: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories"
    ],
    setMembershipForUser: ["PUT /orgs/{org}/memberships/{username}"],
    setPublicMembershipForAuthenticatedUser: [
      "PUT /orgs/{org}/public_members/{username}"
    ],
    unblockUser: ["DELETE /orgs/{org}/blocks/{username}"],
    update: ["PATCH /orgs/{org}"],
    updateIssueType: ["PUT /orgs/{org}/issue-types/{issue_type_id}"],
    updateMembershipForAuthenticatedUser: [
      "PATCH /user/memberships/orgs/{org}"
    ],
    updatePatAccess: ["POST /orgs/{org}/personal-access-tokens/{pat_id}"],
    updatePatAccesses: ["POST /orgs/{org}/personal-access-tokens"],
    updateWebhook: ["PATCH /orgs/{org}/hooks/{hook_id}"],
    updateWebhookConfigForOrg: ["PATCH /orgs/{org}/hooks/{hook_id}/config"]
  },
  packages: {
    deletePackageForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}"
    ],
    deletePackageForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    deletePackageForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}"
    ],
    deletePackageVersionForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getAllPackageVersionsForAPackageOwnedByAnOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions",
      {},
      { renamed: ["packages", "getAllPackageVersionsForPackageOwnedByOrg"] }
    ],
    getAllPackageVersionsForAPackageOwnedByTheAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions",
      {},
      {
        renamed: [
          "packages",
          "getAllPackageVersionsForPackageOwnedByAuthenticatedUser"
        ]
      }
    ],
    getAllPackageVersionsForPackageOwnedByAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions"
    ],
    getPackageForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}"
    ],
    getPackageForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    getPackageForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}"
    ],
    getPackageVersionForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    listDockerMigrationConflictingPackagesForAuthenticatedUser: [
      "GET /user/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForOrganization: [
      "GET /orgs/{org}/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForUser: [
      "GET /users/{username}/docker/conflicts"
    ],
    listPackagesForAuthenticatedUser: ["GET /user/packages"],
    listPackagesForOrganization: ["GET /orgs/{org}/packages"],
    listPackagesForUser: ["GET /users/{username}/packages"],
    restorePackageForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageVersionForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ]
  },
  privateRegistries: {
    createOrgPrivateRegistry: ["POST /orgs/{org}/private-registries"],
    deleteOrgPrivateRegistry: [
      "DELETE /orgs/{org}/private-registries/{secret_name}"
    ],
    getOrgPrivateRegistry: ["GET /orgs/{org}/private-registries/{secret_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/private-registries/public-key"],
    listOrgPrivateRegistries: ["GET /orgs/{org}/private-registries"],
    updateOrgPrivateRegistry: [
      "PATCH /orgs/{org}/private-registries/{secret_name}"
    ]
  },
  projects: {
    addItemForOrg: ["POST /orgs/{org}/projectsV2/{project_number}/items"],
    addItemForUser: [
      "POST /users/{username}/projectsV2/{project_number}/items"
    ],
    deleteItemForOrg: [
      "DELETE /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    deleteItemForUser: [
      "DELETE /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    getFieldForOrg: [
      "GET /orgs/{org}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getFieldForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getForOrg: ["GET /orgs/{org}/projectsV2/{project_number}"],
    getForUser: ["GET /users/{username}/projectsV2/{project_number}"],
    getOrgItem: ["GET /orgs/{org}/projectsV2/{project_number}/items/{item_id}"],
    getUserItem: [
      "GET /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    listFieldsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/fields"],
    listFieldsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields"
    ],
    listForOrg: ["GET /orgs/{org}/projectsV2"],
    listForUser: ["GET /users/{username}/projectsV2"],
    listItemsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/items"],
    listItemsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/items"
    ],
    updateItemForOrg: [
      "PATCH /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    updateItemForUser: [
      "PATCH /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ]
  },
  pulls: {
    checkIfMerged: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    create: ["POST /repos/{owner}/{repo}/pulls"],
    createReplyForReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies"
    ],
    createReview: ["POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    createReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    deletePendingReview: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    deleteReviewComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ],
    dismissReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals"
    ],
    get: ["GET /repos/{owner}/{repo}/pulls/{pull_number}"],
    getReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    getReviewComment: ["GET /repos/{owner}/{repo}/pulls/comments/{comment_id}"],
    list: ["GET /repos/{owner}/{repo}/pulls"],
    listCommentsForReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/commits"],
    listFiles: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/files"],
    listRequestedReviewers: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    listReviewComments: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    listReviewCommentsForRepo: ["GET /repos/{owner}/{repo}/pulls/comments"],
    listReviews: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    merge: ["PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    removeRequestedReviewers: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    requestReviewers: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    submitReview: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events"
    ],
    update: ["PATCH /repos/{owner}/{repo}/pulls/{pull_number}"],
    updateBranch: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/update-branch"
    ],
    updateReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    updateReviewComment: [
      "PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ]
  },
  rateLimit: { get: ["GET /rate_limit"] },
  reactions: {
    createForCommitComment: [
      "POST /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    createForIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions"
    ],
    createForIssueComment: [
      "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    createForPullRequestReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    createForRelease: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    createForTeamDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    createForTeamDiscussionInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ],
    deleteForCommitComment: [
      "DELETE /repos/{owner}/{repo}/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}"
    ],
    deleteForIssueComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForPullRequestComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForRelease: [
      "DELETE /repos/{owner}/{repo}/releases/{release_id}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussion: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussionComment: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions/{reaction_id}"
    ],
    listForCommitComment: [
      "GET /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    listForIssue: ["GET /repos/{owner}/{repo}/issues/{issue_number}/reactions"],
    listForIssueComment: [
      "GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    listForPullRequestReviewComment: [
      "GET /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    listForRelease: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    listForTeamDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    listForTeamDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ]
  },
  repos: {
    acceptInvitation: [
      "PATCH /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "acceptInvitationForAuthenticatedUser"] }
    ],
    acceptInvitationForAuthenticatedUser: [
      "PATCH /user/repository_invitations/{invitation_id}"
    ],
    addAppAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    addCollaborator: ["PUT /repos/{owner}/{repo}/collaborators/{username}"],
    addStatusCheckContexts: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    addTeamAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    addUserAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    cancelPagesDeployment: [
      "POST /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}/cancel"
    ],
    checkAutomatedSecurityFixes: [
      "GET /repos/{owner}/{repo}/automated-security-fixes"
    ],
    checkCollaborator: ["GET /repos/{owner}/{repo}/collaborators/{username}"],
    checkImmutableReleases: ["GET /repos/{owner}/{repo}/immutable-releases"],
    checkPrivateVulnerabilityReporting: [
      "GET /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    checkVulnerabilityAlerts: [
      "GET /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    codeownersErrors: ["GET /repos/{owner}/{repo}/codeowners/errors"],
    compareCommits: ["GET /repos/{owner}/{repo}/compare/{base}...{head}"],
    compareCommitsWithBasehead: [
      "GET /repos/{owner}/{repo}/compare/{basehead}"
    ],
    createAttestation: ["POST /repos/{owner}/{repo}/attestations"],
    createAutolink: ["POST /repos/{owner}/{repo}/autolinks"],
    createCommitComment: [
      "POST /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    createCommitSignatureProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    createCommitStatus: ["POST /repos/{owner}/{repo}/statuses/{sha}"],
    createDeployKey: ["POST /repos/{owner}/{repo}/keys"],
    createDeployment: ["POST /repos/{owner}/{repo}/deployments"],
    createDeploymentBranchPolicy: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    createDeploymentProtectionRule: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    createDeploymentStatus: [
      "POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    createDispatchEvent: ["POST /repos/{owner}/{repo}/dispatches"],
    createForAuthenticatedUser: ["POST /user/repos"],
    createFork: ["POST /repos/{owner}/{repo}/forks"],
    createInOrg: ["POST /orgs/{org}/repos"],
    createOrUpdateEnvironment: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    createOrUpdateFileContents: ["PUT /repos/{owner}/{repo}/contents/{path}"],
    createOrgRuleset: ["POST /orgs/{org}/rulesets"],
    createPagesDeployment: ["POST /repos/{owner}/{repo}/pages/deployments"],
    createPagesSite: ["POST /repos/{owner}/{repo}/pages"],
    createRelease: ["POST /repos/{owner}/{repo}/releases"],
    createRepoRuleset: ["POST /repos/{owner}/{repo}/rulesets"],
    createUsingTemplate: [
      "POST /repos/{template_owner}/{template_repo}/generate"
    ],
    createWebhook: ["POST /repos/{owner}/{repo}/hooks"],
    customPropertiesForReposCreateOrUpdateRepositoryValues: [
      "PATCH /repos/{owner}/{repo}/properties/values"
    ],
    customPropertiesForReposGetRepositoryValues: [
      "GET /repos/{owner}/{repo}/properties/values"
    ],
    declineInvitation: [
      "DELETE /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "declineInvitationForAuthenticatedUser"] }
    ],
    declineInvitationForAuthenticatedUser: [
      "DELETE /user/repository_invitations/{invitation_id}"
    ],
    delete: ["DELETE /repos/{owner}/{repo}"],
    deleteAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    deleteAdminBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    deleteAnEnvironment: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    deleteAutolink: ["DELETE /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    deleteBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    deleteCommitComment: ["DELETE /repos/{owner}/{repo}/comments/{comment_id}"],
    deleteCommitSignatureProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    deleteDeployKey: ["DELETE /repos/{owner}/{repo}/keys/{key_id}"],
    deleteDeployment: [
      "DELETE /repos/{owner}/{repo}/deployments/{deployment_id}"
    ],
    deleteDeploymentBranchPolicy: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    deleteFile: ["DELETE /repos/{owner}/{repo}/contents/{path}"],
    deleteInvitation: [
      "DELETE /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    deleteOrgRuleset: ["DELETE /orgs/{org}/rulesets/{ruleset_id}"],
    deletePagesSite: ["DELETE /repos/{owner}/{repo}/pages"],
    deletePullRequestReviewProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    deleteRelease: ["DELETE /repos/{owner}/{repo}/releases/{release_id}"],
    deleteReleaseAsset: [
      "DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    deleteRepoRuleset: ["DELETE /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    deleteWebhook: ["DELETE /repos/{owner}/{repo}/hooks/{hook_id}"],
    disableAutomatedSecurityFixes: [
      "DELETE /repos/{owner}/{repo}/automated-security-fixes"
    ],
    disableDeploymentProtectionRule: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    disableImmutableReleases: [
      "DELETE /repos/{owner}/{repo}/immutable-releases"
    ],
    disablePrivateVulnerabilityReporting: [
      "DELETE /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    disableVulnerabilityAlerts: [
      "DELETE /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    downloadArchive: [
      "GET /repos/{owner}/{repo}/zipball/{ref}",
      {},
      { renamed: ["repos", "downloadZipballArchive"] }
    ],
    downloadTarballArchive: ["GET /repos/{owner}/{repo}/tarball/{ref}"],
    downloadZipballArchive: ["GET /repos/{owner}/{repo}/zipball/{ref}"],
    enableAutomatedSecurityFixes: [
      "PUT /repos/{owner}/{repo}/automated-security-fixes"
    ],
    enableImmutableReleases: ["PUT /repos/{owner}/{repo}/immutable-releases"],
    enablePrivateVulnerabilityReporting: [
      "PUT /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    enableVulnerabilityAlerts: [
      "PUT /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    generateReleaseNotes: [
      "POST /repos/{owner}/{repo}/releases/generate-notes"
    ],
    get: ["GET /repos/{owner}/{repo}"],
    getAccessRestrictions: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    getAdminBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    getAllDeploymentProtectionRules: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    getAllEnvironments: ["GET /repos/{owner}/{repo}/environments"],
    getAllStatusCheckContexts: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts"
    ],
    getAllTopics: ["GET /repos/{owner}/{repo}/topics"],
    getAppsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps"
    ],
    getAutolink: ["GET /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    getBranch: ["GET /repos/{owner}/{repo}/branches/{branch}"],
    getBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    getBranchRules: ["GET /repos/{owner}/{repo}/rules/branches/{branch}"],
    getClones: ["GET /repos/{owner}/{repo}/traffic/clones"],
    getCodeFrequencyStats: ["GET /repos/{owner}/{repo}/stats/code_frequency"],
    getCollaboratorPermissionLevel: [
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission"
    ],
    getCombinedStatusForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/status"],
    getCommit: ["GET /repos/{owner}/{repo}/commits/{ref}"],
    getCommitActivityStats: ["GET /repos/{owner}/{repo}/stats/commit_activity"],
    getCommitComment: ["GET /repos/{owner}/{repo}/comments/{comment_id}"],
    getCommitSignatureProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    getCommunityProfileMetrics: ["GET /repos/{owner}/{repo}/community/profile"],
    getContent: ["GET /repos/{owner}/{repo}/contents/{path}"],
    getContributorsStats: ["GET /repos/{owner}/{repo}/stats/contributors"],
    getCustomDeploymentProtectionRule: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    getDeployKey: ["GET /repos/{owner}/{repo}/keys/{key_id}"],
    getDeployment: ["GET /repos/{owner}/{repo}/deployments/{deployment_id}"],
    getDeploymentBranchPolicy: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    getDeploymentStatus: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}"
    ],
    getEnvironment: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    getLatestPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/latest"],
    getLatestRelease: ["GET /repos/{owner}/{repo}/releases/latest"],
    getOrgRuleSuite: ["GET /orgs/{org}/rulesets/rule-suites/{rule_suite_id}"],
    getOrgRuleSuites: ["GET /orgs/{org}/rulesets/rule-suites"],
    getOrgRuleset: ["GET /orgs/{org}/rulesets/{ruleset_id}"],
    getOrgRulesets: ["GET /orgs/{org}/rulesets"],
    getPages: ["GET /repos/{owner}/{repo}/pages"],
    getPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/{build_id}"],
    getPagesDeployment: [
      "GET /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}"
    ],
    getPagesHealthCheck: ["GET /repos/{owner}/{repo}/pages/health"],
    getParticipationStats: ["GET /repos/{owner}/{repo}/stats/participation"],
    getPullRequestReviewProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    getPunchCardStats: ["GET /repos/{owner}/{repo}/stats/punch_card"],
    getReadme: ["GET /repos/{owner}/{repo}/readme"],
    getReadmeInDirectory: ["GET /repos/{owner}/{repo}/readme/{dir}"],
    getRelease: ["GET /repos/{owner}/{repo}/releases/{release_id}"],
    getReleaseAsset: ["GET /repos/{owner}/{repo}/releases/assets/{asset_id}"],
    getReleaseByTag: ["GET /repos/{owner}/{repo}/releases/tags/{tag}"],
    getRepoRuleSuite: [
      "GET /repos/{owner}/{repo}/rulesets/rule-suites/{rule_suite_id}"
    ],
    getRepoRuleSuites: ["GET /repos/{owner}/{repo}/rulesets/rule-suites"],
    getRepoRuleset: ["GET /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    getRepoRulesetHistory: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history"
    ],
    getRepoRulesetVersion: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getRepoRulesets: ["GET /repos/{owner}/{repo}/rulesets"],
    getStatusChecksProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    getTeamsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams"
    ],
    getTopPaths: ["GET /repos/{owner}/{repo}/traffic/popular/paths"],
    getTopReferrers: ["GET /repos/{owner}/{repo}/traffic/popular/referrers"],
    getUsersWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users"
    ],
    getViews: ["GET /repos/{owner}/{repo}/traffic/views"],
    getWebhook: ["GET /repos/{owner}/{repo}/hooks/{hook_id}"],
    getWebhookConfigForRepo: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    getWebhookDelivery: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    listActivities: ["GET /repos/{owner}/{repo}/activity"],
    listAttestations: [
      "GET /repos/{owner}/{repo}/attestations/{subject_digest}"
    ],
    listAutolinks: ["GET /repos/{owner}/{repo}/autolinks"],
    listBranches: ["GET /repos/{owner}/{repo}/branches"],
    listBranchesForHeadCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/branches-where-head"
    ],
    listCollaborators: ["GET /repos/{owner}/{repo}/collaborators"],
    listCommentsForCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    listCommitCommentsForRepo: ["GET /repos/{owner}/{repo}/comments"],
    listCommitStatusesForRef: [
      "GET /repos/{owner}/{repo}/commits/{ref}/statuses"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/commits"],
    listContributors: ["GET /repos/{owner}/{repo}/contributors"],
    listCustomDeploymentRuleIntegrations: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/apps"
    ],
    listDeployKeys: ["GET /repos/{owner}/{repo}/keys"],
    listDeploymentBranchPolicies: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    listDeploymentStatuses: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    listDeployments: ["GET /repos/{owner}/{repo}/deployments"],
    listForAuthenticatedUser: ["GET /user/repos"],
    listForOrg: ["GET /orgs/{org}/repos"],
    listForUser: ["GET /users/{username}/repos"],
    listForks: ["GET /repos/{owner}/{repo}/forks"],
    listInvitations: ["GET /repos/{owner}/{repo}/invitations"],
    listInvitationsForAuthenticatedUser: ["GET /user/repository_invitations"],
    listLanguages: ["GET /repos/{owner}/{repo}/languages"],
    listPagesBuilds: ["GET /repos/{owner}/{repo}/pages/builds"],
    listPublic: ["GET /repositories"],
    listPullRequestsAssociatedWithCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls"
    ],
    listReleaseAssets: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/assets"
    ],
    listReleases: ["GET /repos/{owner}/{repo}/releases"],
    listTags: ["GET /repos/{owner}/{repo}/tags"],
    listTeams: ["GET /repos/{owner}/{repo}/teams"],
    listWebhookDeliveries: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries"
    ],
    listWebhooks: ["GET /repos/{owner}/{repo}/hooks"],
    merge: ["POST /repos/{owner}/{repo}/merges"],
    mergeUpstream: ["POST /repos/{owner}/{repo}/merge-upstream"],
    pingWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeAppAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    removeCollaborator: [
      "DELETE /repos/{owner}/{repo}/collaborators/{username}"
    ],
    removeStatusCheckContexts: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    removeStatusCheckProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    removeTeamAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    removeUserAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    renameBranch: ["POST /repos/{owner}/{repo}/branches/{branch}/rename"],
    replaceAllTopics: ["PUT /repos/{owner}/{repo}/topics"],
    requestPagesBuild: ["POST /repos/{owner}/{repo}/pages/builds"],
    setAdminBranchProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    setAppAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    setStatusCheckContexts: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    setTeamAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    setUserAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    testPushWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/tests"],
    transfer: ["POST /repos/{owner}/{repo}/transfer"],
    update: ["PATCH /repos/{owner}/{repo}"],
    updateBranchProtection: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    updateCommitComment: ["PATCH /repos/{owner}/{repo}/comments/{comment_id}"],
    updateDeploymentBranchPolicy: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    updateInformationAboutPagesSite: ["PUT /repos/{owner}/{repo}/pages"],
    updateInvitation: [
      "PATCH /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    updateOrgRuleset: ["PUT /orgs/{org}/rulesets/{ruleset_id}"],
    updatePullRequestReviewProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    updateRelease: ["PATCH /repos/{owner}/{repo}/releases/{release_id}"],
    updateReleaseAsset: [
      "PATCH /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    updateRepoRuleset: ["PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    updateStatusCheckPotection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks",
      {},
      { renamed: ["repos", "updateStatusCheckProtection"] }
    ],
    updateStatusCheckProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    updateWebhook: ["PATCH /repos/{owner}/{repo}/hooks/{hook_id}"],
    updateWebhookConfigForRepo: [
      "PATCH /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    uploadReleaseAsset: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}",
      { baseUrl: "https://uploads.github.com" }
    ]
  },
  search: {
    code: ["GET /search/code"],
    commits: ["GET /search/commits"],
    issuesAndPullRequests: ["GET /search/issues"],
    labels: ["GET /search/labels"],
    repos: ["GET /search/repositories"],
    topics: ["GET /search/topics"],
    users: ["GET /search/users"]
  },
  secretScanning: {
    createPushProtectionBypass: [
      "POST /repos/{owner}/{repo}/secret-scanning/push-protection-bypasses"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    getScanHistory: ["GET /repos/{owner}/{repo}/secret-scanning/scan-history"],
    listAlertsForOrg: ["GET /orgs/{org}/secret-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/secret-scanning/alerts"],
    listLocationsForAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations"
    ],
    listOrgPatternConfigs: [
      "GET /orgs/{org}/secret-scanning/pattern-configurations"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    updateOrgPatternConfigs: [
      "PATCH /orgs/{org}/secret-scanning/pattern-configurations"
    ]
  },
  securityAdvisories: {
    createFork: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/forks"
    ],
    createPrivateVulnerabilityReport: [
      "POST /repos/{owner}/{repo}/security-advisories/reports"
    ],
    createRepositoryAdvisory: [
      "POST /repos/{owner}/{repo}/security-advisories"
    ],
    createRepositoryAdvisoryCveRequest: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/cve"
    ],
    getGlobalAdvisory: ["GET /advisories/{ghsa_id}"],
    getRepositoryAdvisory: [
      "GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ],
    listGlobalAdvisories: ["GET /advisories"],
    listOrgRepositoryAdvisories: ["GET /orgs/{org}/security-advisories"],
    listRepositoryAdvisories: ["GET /repos/{owner}/{repo}/security-advisories"],
    updateRepositoryAdvisory: [
      "PATCH /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ]
  },
  teams: {
    addOrUpdateMembershipForUserInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    addOrUpdateRepoPermissionsInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    checkPermissionsForRepoInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    create: ["POST /orgs/{org}/teams"],
    createDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    createDiscussionInOrg: ["POST /orgs/{org}/teams/{team_slug}/discussions"],
    deleteDiscussionCommentInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    deleteDiscussionInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    deleteInOrg: ["DELETE /orgs/{org}/teams/{team_slug}"],
    getByName: ["GET /orgs/{org}/teams/{team_slug}"],
    getDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    getDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    getMembershipForUserInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    list: ["GET /orgs/{org}/teams"],
    listChildInOrg: ["GET /orgs/{org}/teams/{team_slug}/teams"],
    listDiscussionCommentsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    listDiscussionsInOrg: ["GET /orgs/{org}/teams/{team_slug}/discussions"],
    listForAuthenticatedUser: ["GET /user/teams"],
    listMembersInOrg: ["GET /orgs/{org}/teams/{team_slug}/members"],
    listPendingInvitationsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/invitations"
    ],
    listReposInOrg: ["GET /orgs/{org}/teams/{team_slug}/repos"],
    removeMembershipForUserInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    removeRepoInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    updateDiscussionCommentInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    updateDiscussionInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    updateInOrg: ["PATCH /orgs/{org}/teams/{team_slug}"]
  },
  users: {
    addEmailForAuthenticated: [
      "POST /user/emails",
      {},
      { renamed: ["users", "addEmailForAuthenticatedUser"] }
    ],
    addEmailForAuthenticatedUser: ["POST /user/emails"],
    addSocialAccountForAuthenticatedUser: ["POST /user/social_accounts"],
    block: ["PUT /user/blocks/{username}"],
    checkBlocked: ["GET /user/blocks/{username}"],
    checkFollowingForUser: ["GET /users/{username}/following/{target_user}"],
    checkPersonIsFollowedByAuthenticated: ["GET /user/following/{username}"],
    createGpgKeyForAuthenticated: [
      "POST /user/gpg_keys",
      {},
      { renamed: ["users", "createGpgKeyForAuthenticatedUser"] }
    ],
    createGpgKeyForAuthenticatedUser: ["POST /user/gpg_keys"],
    createPublicSshKeyForAuthenticated: [
      "POST /user/keys",
      {},
      { renamed: ["users", "createPublicSshKeyForAuthenticatedUser"] }
    ],
    createPublicSshKeyForAuthenticatedUser: ["POST /user/keys"],
    createSshSigningKeyForAuthenticatedUser: ["POST /user/ssh_signing_keys"],
    deleteAttestationsBulk: [
      "POST /users/{username}/attestations/delete-request"
    ],
    deleteAttestationsById: [
      "DELETE /users/{username}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /users/{username}/attestations/digest/{subject_digest}"
    ],
    deleteEmailForAuthenticated: [
      "DELETE /user/emails",
      {},
      { renamed: ["users", "deleteEmailForAuthenticatedUser"] }
    ],
    deleteEmailForAuthenticatedUser: ["DELETE /user/emails"],
    deleteGpgKeyForAuthenticated: [
      "DELETE /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "deleteGpgKeyForAuthenticatedUser"] }
    ],
    deleteGpgKeyForAuthenticatedUser: ["DELETE /user/gpg_keys/{gpg_key_id}"],
    deletePublicSshKeyForAuthenticated: [
      "DELETE /user/keys/{key_id}",
      {},
      { renamed: ["users", "deletePublicSshKeyForAuthenticatedUser"] }
    ],
    deletePublicSshKeyForAuthenticatedUser: ["DELETE /user/keys/{key_id}"],
    deleteSocialAccountForAuthenticatedUser: ["DELETE /user/social_accounts"],
    deleteSshSigningKeyForAuthenticatedUser: [
      "DELETE /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    follow: ["PUT /user/following/{username}"],
    getAuthenticated: ["GET /user"],
    getById: ["GET /user/{account_id}"],
    getByUsername: ["GET /users/{username}"],
    getContextForUser: ["GET /users/{username}/hovercard"],
    getGpgKeyForAuthenticated: [
      "GET /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "getGpgKeyForAuthenticatedUser"] }
    ],
    getGpgKeyForAuthenticatedUser: ["GET /user/gpg_keys/{gpg_key_id}"],
    getPublicSshKeyForAuthenticated: [
      "GET /user/keys/{key_id}",
      {},
      { renamed: ["users", "getPublicSshKeyForAuthenticatedUser"] }
    ],
    getPublicSshKeyForAuthenticatedUser: ["GET /user/keys/{key_id}"],
    getSshSigningKeyForAuthenticatedUser: [
      "GET /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    list: ["GET /users"],
    listAttestations: ["GET /users/{username}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /users/{username}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedByAuthenticated: [
      "GET /user/blocks",
      {},
      { renamed: ["users", "listBlockedByAuthenticatedUser"] }
    ],
    listBlockedByAuthenticatedUser: ["GET /user/blocks"],
    listEmailsForAuthenticated: [
      "GET /user/emails",
      {},
      { renamed: ["users", "listEmailsForAuthenticatedUser"] }
    ],
    listEmailsForAuthenticatedUser: ["GET /user/emails"],
    listFollowedByAuthenticated: [
      "GET /user/following",
      {},
      { renamed: ["users", "listFollowedByAuthenticatedUser"] }
    ],
    listFollowedByAuthenticatedUser: ["GET /user/following"],
    listFollowersForAuthenticatedUser: ["GET /user/followers"],
    listFollowersForUser: ["GET /users/{username}/followers"],
    listFollowingForUser: ["GET /users/{username}/following"],
    listGpgKeysForAuthenticated: [
      "GET /user/gpg_keys",
      {},
      { renamed: ["users", "listGpgKeysForAuthenticatedUser"] }
    ],
    listGpgKeysForAuthenticatedUser: ["GET /user/gpg_keys"],
    listGpgKeysForUser: ["GET /users/{username}/gpg_keys"],
    listPublicEmailsForAuthenticated: [
      "GET /user/public_emails",
      {},
      { renamed: ["users", "listPublicEmailsForAuthenticatedUser"] }
    ],
    listPublicEmailsForAuthenticatedUser: ["GET /user/public_emails"],
    listPublicKeysForUser: ["GET /users/{username}/keys"],
    listPublicSshKeysForAuthenticated: [
      "GET /user/keys",
      {},
      { renamed: ["users", "listPublicSshKeysForAuthenticatedUser"] }
    ],
    listPublicSshKeysForAuthenticatedUser: ["GET /user/keys"],
    listSocialAccountsForAuthenticatedUser: ["GET /user/social_accounts"],
    listSocialAccountsForUser: ["GET /users/{username}/social_accounts"],
    listSshSigningKeysForAuthenticatedUser: ["GET /user/ssh_signing_keys"],
    listSshSigningKeysForUser: ["GET /users/{username}/ssh_signing_keys"],
    setPrimaryEmailVisibilityForAuthenticated: [
      "PATCH /user/email/visibility",
      {},
      { renamed: ["users", "setPrimaryEmailVisibilityForAuthenticatedUser"] }
    ],
    setPrimaryEmailVisibilityForAuthenticatedUser: [
      "PATCH /user/email/visibility"
    ],
    unblock: ["DELETE /user/blocks/{username}"],
    unfollow: ["DELETE /user/following/{username}"],
    updateAuthenticated: ["PATCH /user"]
  }
};
var endpoints_default = Endpoints;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/endpoints-to-methods.js
var endpointMethodsMap = /* @__PURE__ */ new Map();
for (const [scope, endpoints] of Object.entries(endpoints_default)) {
  for (const [methodName, endpoint2] of Object.entries(endpoints)) {
    const [route, defaults, decorations] = endpoint2;
    const [method, url] = route.split(/ /);
    const endpointDefaults = Object.assign(
      {
        method,
        url
      },
      defaults
    );
    if (!endpointMethodsMap.has(scope)) {
      endpointMethodsMap.set(scope, /* @__PURE__ */ new Map());
    }
    endpointMethodsMap.get(scope).set(methodName, {
      scope,
      methodName,
      endpointDefaults,
      decorations
    });
  }
}
var handler = {
  has({ scope }, methodName) {
    return endpointMethodsMap.get(scope).has(methodName);
  },
  getOwnPropertyDescriptor(target, methodName) {
    return {
      value: this.get(target, methodName),
      // ensures method is in the cache
      configurable: true,
      writable: true,
      enumerable: true
    };
  },
  defineProperty(target, methodName, descriptor) {
    Object.defineProperty(target.cache, methodName, descriptor);
    return true;
  },
  deleteProperty(target, methodName) {
    delete target.cache[methodName];
    return true;
  },
  ownKeys({ scope }) {
    return [...endpointMethodsMap.get(scope).keys()];
  },
  set(target, methodName, value) {
    return target.cache[methodName] = value;
  },
  get({ octokit, scope, cache }, methodName) {
    if (cache[methodName]) {
      return cache[methodName];
    }
    const method = endpointMethodsMap.get(scope).get(methodName);
    if (!method) {
      return void 0;
    }
    const { endpointDefaults, decorations } = method;
    if (decorations) {
      cache[methodName] = decorate(
        octokit,
        scope,
        methodName,
        endpointDefaults,
        decorations
      );
    } else {
      cache[methodName] = octokit.request.defaults(endpointDefaults);
    }
    return cache[methodName];
  }
};
function endpointsToMethods(octokit) {
  const newMethods = {};
  for (const scope of endpointMethodsMap.keys()) {
    newMethods[scope] = new Proxy({ octokit, scope, cache: {} }, handler);
  }
  return newMethods;
}
function decorate(octokit, scope, methodName, defaults, decorations) {
  const requestWithDefaults = octokit.request.defaults(defaults);
  function withDecorations(...args) {
    let options = requestWithDefaults.endpoint.merge(...args);
    if (decorations.mapToData) {
      options = Object.assign({}, options, {
        data: options[decorations.mapToData],
        [decorations.mapToData]: void 0
      });
      return requestWithDefaults(options);
    }
    if (decorations.renamed) {
      const [newScope, newMethodName] = decorations.renamed;
      octokit.log.warn(
        `octokit.${scope}.${methodName}() has been renamed to octokit.${newScope}.${newMethodName}()`
      );
    }
    if (decorations.deprecated) {
      octokit.log.warn(decorations.deprecated);
    }
    if (decorations.renamedParameters) {
      const options2 = requestWithDefaults.endpoint.merge(...args);
      for (const [name, alias] of Object.entries(
        decorations.renamedParameters
      )) {
        if (name in options2) {
          octokit.log.warn(
            `"${name}" parameter is deprecated for "octokit.${scope}.${methodName}()". Use "${alias}" instead`
          );
          if (!(alias in options2)) {
            options2[alias] = options2[name];
          }
          delete options2[name];
        }
      }
      return requestWithDefaults(options2);
    }
    return requestWithDefaults(...args);
  }
  return Object.assign(withDecorations, requestWithDefaults);
}

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js
function restEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    rest: api
  };
}
restEndpointMethods.VERSION = VERSION6;
function legacyRestEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    ...api,
    rest: api
  };
}
legacyRestEndpointMethods.VERSION = VERSION6;

// packages/github/src/http.ts
var import_node_http = __toESM(require_node_http(), 1);
var import_node_https = __toESM(require_node_https(), 1);
var import_node_zlib = __toESM(require_node_zlib(), 1);
async function nodeFetch(input, init = {}, timeouts = {}) {
  const body = init.body;
  if (typeof input !== "string" && !(input instanceof URL)) {
    return limitFetch(globalThis.fetch, timeouts)(input, init);
  }
  if (body !== void 0 && body !== null && typeof body !== "string" && !isBytes(body)) {
    return limitFetch(globalThis.fetch, timeouts)(input, init);
  }
  const limits = checkTimeouts(timeouts);
  let url = new URL(input);
  let method = (init.method ?? "GET").toUpperCase();
  const asked3 = { method, path: url.pathname, origin: url.origin };
  let payload = toBuffer(body);
  const headers = headerRecord(init.headers);
  headers["accept-encoding"] ??= "gzip, deflate, br";
  const deadline = new Deadline(
    init.signal ?? void 0,
    limits.totalMs,
    () => new RequestTimeoutError("total", limits.totalMs, asked3.method, asked3.path, hostOf(url, asked3.origin))
  );
  const connectTimeout = () => new RequestTimeoutError("connect", limits.connectMs, asked3.method, asked3.path, hostOf(url, asked3.origin));
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await send(url, method, headers, payload, deadline, limits.connectMs, connectTimeout);
      const location = response.headers.location;
      const status = response.statusCode ?? 0;
      if (!REDIRECTS.has(status) || location === void 0 || init.redirect === "manual") {
        const bytes = await read(response, deadline);
        return new NodeResponse(
          status,
          response.statusMessage ?? "",
          url.href,
          redirects > 0,
          response,
          bytes
        );
      }
      response.resume();
      if (init.redirect === "error") throw networkError(new Error(`redirected to ${location}`));
      if (redirects >= MAX_REDIRECTS) throw networkError(new Error(`more than ${MAX_REDIRECTS} redirects`));
      const next = new URL(location, url);
      if (next.protocol !== "http:" && next.protocol !== "https:") {
        throw networkError(new Error(`redirected to an unsupported URL: ${next.protocol}`));
      }
      if (status === 303 ? method !== "HEAD" : (status === 301 || status === 302) && method === "POST") {
        method = "GET";
        payload = void 0;
        for (const name of ["content-type", "content-length", "content-encoding", "content-language"]) {
          delete headers[name];
        }
      }
      if (next.origin !== url.origin) delete headers.authorization;
      url = next;
    }
  } finally {
    deadline.clear();
  }
}
var DEFAULT_TIMEOUTS = Object.freeze({
  connectMs: 1e4,
  totalMs: 6e4
});
var RequestTimeoutError = class extends Error {
  constructor(phase, limitMs, method, path, redirectedTo) {
    const where = redirectedTo === void 0 ? "" : ` (redirected to ${redirectedTo})`;
    super(
      phase === "connect" ? `could not connect to GitHub for ${method} ${path}${where} within ${seconds(limitMs)}` : `GitHub did not answer ${method} ${path}${where} within ${seconds(limitMs)}`
    );
    this.phase = phase;
    this.limitMs = limitMs;
    this.method = method;
    this.path = path;
    this.redirectedTo = redirectedTo;
  }
  phase;
  limitMs;
  method;
  path;
  redirectedTo;
  name = "RequestTimeoutError";
};
function limitFetch(fetch, timeouts = {}) {
  const { totalMs } = checkTimeouts(timeouts);
  return async (input, init = {}) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const method = (init.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const outer = init.signal ?? (input instanceof Request ? input.signal : void 0);
    const deadline = new Deadline(
      outer,
      totalMs,
      () => new RequestTimeoutError("total", totalMs, method, url.pathname)
    );
    try {
      const response = await fetch(input, { ...init, signal: deadline.signal });
      const bytes = await response.arrayBuffer();
      const copy = new Response(NULL_BODY.has(response.status) ? null : bytes, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers
      });
      Object.defineProperties(copy, {
        url: { value: response.url },
        redirected: { value: response.redirected }
      });
      return copy;
    } catch (error) {
      throw deadline.timedOut !== void 0 ? networkError(deadline.timedOut) : error;
    } finally {
      deadline.clear();
    }
  };
}
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var NULL_BODY = /* @__PURE__ */ new Set([101, 103, 204, 205, 304]);
var MAX_REDIRECTS = 20;
var IDLE_TIMEOUT_MS = 3e5;
var MAX_TIMER_MS = 2 ** 31 - 1;
function checkTimeouts(timeouts) {
  const limits = { ...DEFAULT_TIMEOUTS };
  for (const key of ["connectMs", "totalMs"]) {
    const value = timeouts[key];
    if (value === void 0) continue;
    if (typeof value !== "number" || !(value > 0)) {
      throw new RangeError(`timeouts.${key} must be a number of milliseconds above 0, not ${String(value)}`);
    }
    limits[key] = value;
  }
  return limits;
}
function seconds(ms) {
  return `${Number((ms / 1e3).toFixed(3))} s`;
}
function hostOf(url, origin) {
  return url.origin === origin ? void 0 : url.host;
}
var Deadline = class {
  #controller = new AbortController();
  #outer;
  #timer;
  timedOut;
  constructor(outer, ms, timeout) {
    this.#outer = outer;
    if (outer?.aborted) this.#controller.abort(outer.reason);
    else outer?.addEventListener("abort", this.#onAbort, { once: true });
    this.#timer = setTimeout(
      () => {
        this.timedOut = timeout();
        this.#controller.abort(this.timedOut);
      },
      Math.min(ms, MAX_TIMER_MS)
    );
  }
  get signal() {
    return this.#controller.signal;
  }
  /** What a request ended by `signal` rejects with: a network failure or the caller's AbortError. */
  failure() {
    return this.timedOut !== void 0 ? networkError(this.timedOut) : abortError(this.#outer);
  }
  clear() {
    clearTimeout(this.#timer);
    this.#outer?.removeEventListener("abort", this.#onAbort);
  }
  #onAbort = () => this.#controller.abort(this.#outer?.reason);
};
function isBytes(body) {
  return body instanceof ArrayBuffer || ArrayBuffer.isView(body);
}
function toBuffer(body) {
  if (body === void 0 || body === null) return void 0;
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  const view = body;
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}
function headerRecord(headers) {
  const record = {};
  if (headers === void 0) return record;
  const entries = typeof headers.entries === "function" && !Array.isArray(headers) ? headers.entries() : Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of entries) record[name.toLowerCase()] = String(value);
  return record;
}
function networkError(cause) {
  return new TypeError("fetch failed", { cause });
}
function abortError(signal) {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}
function send(url, method, headers, payload, deadline, connectMs, connectTimeout) {
  return new Promise((resolve2, reject) => {
    const signal = deadline.signal;
    if (signal.aborted) {
      reject(deadline.failure());
      return;
    }
    const outgoing = { ...headers };
    if (payload !== void 0) outgoing["content-length"] = String(payload.length);
    const request2 = (url.protocol === "https:" ? import_node_https.request : import_node_http.request)(url, {
      method,
      headers: outgoing
    });
    let connecting = setTimeout(
      () => request2.destroy(connectTimeout()),
      Math.min(connectMs, MAX_TIMER_MS)
    );
    const connected = () => {
      clearTimeout(connecting);
      connecting = void 0;
    };
    request2.on("socket", (socket) => {
      if (request2.reusedSocket) connected();
      else socket.once(url.protocol === "https:" ? "secureConnect" : "connect", connected);
    });
    const onAbort = () => request2.destroy(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    request2.setTimeout(
      IDLE_TIMEOUT_MS,
      () => request2.destroy(new Error(`no answer from ${url.host} for ${IDLE_TIMEOUT_MS / 1e3} s`))
    );
    request2.on("response", (response) => {
      connected();
      signal.removeEventListener("abort", onAbort);
      response.setTimeout?.(
        IDLE_TIMEOUT_MS,
        () => response.destroy(new Error(`${url.host} stopped sending for ${IDLE_TIMEOUT_MS / 1e3} s`))
      );
      resolve2(response);
    });
    request2.on("error", (error) => {
      connected();
      signal.removeEventListener("abort", onAbort);
      reject(signal.aborted ? deadline.failure() : networkError(error));
    });
    request2.end(payload);
  });
}
function read(response, deadline) {
  return new Promise((resolve2, reject) => {
    const signal = deadline.signal;
    const chunks = [];
    const onAbort = () => {
      response.destroy();
      reject(deadline.failure());
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener("abort", onAbort, { once: true });
    response.on("data", (chunk) => chunks.push(chunk));
    response.on("error", (error) => {
      signal.removeEventListener("abort", onAbort);
      reject(networkError(error));
    });
    response.on("end", () => {
      signal.removeEventListener("abort", onAbort);
      const raw = Buffer.concat(chunks);
      try {
        resolve2(decode(raw, response.headers["content-encoding"]));
      } catch (error) {
        reject(networkError(error));
      }
    });
  });
}
function decode(raw, encoding) {
  if (encoding === void 0 || raw.length === 0) return raw;
  let body = raw;
  for (const coding of encoding.toLowerCase().split(",").map((c) => c.trim()).reverse()) {
    if (coding === "gzip" || coding === "x-gzip") body = (0, import_node_zlib.gunzipSync)(body);
    else if (coding === "br") body = (0, import_node_zlib.brotliDecompressSync)(body);
    else if (coding === "deflate") body = isZlibWrapped(body) ? (0, import_node_zlib.inflateSync)(body) : (0, import_node_zlib.inflateRawSync)(body);
    else if (coding !== "" && coding !== "identity") return raw;
  }
  return body;
}
function isZlibWrapped(body) {
  return body.length >= 2 && (body[0] & 15) === 8 && (body[0] << 8 | body[1]) % 31 === 0;
}
var ResponseHeaders = class {
  #values;
  constructor(message) {
    const values = /* @__PURE__ */ new Map();
    for (const [name, value] of Object.entries(message.headers)) {
      if (value === void 0) continue;
      values.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    this.#values = new Map([...values].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
  }
  get(name) {
    return this.#values.get(name.toLowerCase()) ?? null;
  }
  has(name) {
    return this.#values.has(name.toLowerCase());
  }
  forEach(callback) {
    for (const [name, value] of this.#values) callback(value, name);
  }
  entries() {
    return this.#values.entries();
  }
  keys() {
    return this.#values.keys();
  }
  values() {
    return this.#values.values();
  }
  [Symbol.iterator]() {
    return this.#values.entries();
  }
};
var NodeResponse = class {
  constructor(status, statusText, url, redirected, message, bytes) {
    this.status = status;
    this.statusText = statusText;
    this.url = url;
    this.redirected = redirected;
    this.bytes = bytes;
    this.headers = new ResponseHeaders(message);
    this.ok = status >= 200 && status < 300;
  }
  status;
  statusText;
  url;
  redirected;
  bytes;
  headers;
  ok;
  type = "basic";
  #used = false;
  get bodyUsed() {
    return this.#used;
  }
  /** A stream over the buffered body (Octokit hands it out when asked not to parse the body). */
  get body() {
    if (this.bytes.length === 0) return null;
    const bytes = this.#consume();
    return new ReadableStream({
      start(controller) {
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      }
    });
  }
  async text() {
    return this.#consume().toString("utf8");
  }
  async json() {
    return JSON.parse(await this.text());
  }
  async arrayBuffer() {
    const bytes = this.#consume();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  #consume() {
    if (this.#used) throw new TypeError("Body is unusable: Body has already been read");
    this.#used = true;
    return this.bytes;
  }
};

// packages/github/src/client.ts
var silentLogger = { info() {
}, warning() {
} };
var REQUEST_TIMEOUT_VARIABLE = "MLCI_REQUEST_TIMEOUT";
var DEFAULT_DOWNLOAD_MS = 3e5;
var DEFAULT_RETRY_BUDGET_SECONDS = 60;
var RETRY_BUDGET_VARIABLE = "MLCI_RETRY_BUDGET";
var RetryBudgetError = class extends Error {
  name = "RetryBudgetError";
  status;
  response;
  request;
  constructor(message, cause) {
    super(message, { cause });
    this.status = statusOf(cause) ?? 500;
    const { response, request: request2 } = cause;
    if (response !== void 0) this.response = response;
    if (request2 !== void 0) this.request = request2;
  }
};
var PLUGGED = Octokit.plugin(restEndpointMethods, paginateRest);
var NOT_RETRIED = /* @__PURE__ */ new Set([400, 401, 403, 404, 409, 410, 422, 429, 451]);
function createClient(options) {
  const log = options.log ?? silentLogger;
  const env = options.env ?? process.env;
  const unit = options.delayUnitMs ?? 1e3;
  const retries = options.retries ?? 3;
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const budget = options.retryBudgetSeconds ?? budgetFromEnv(env) ?? DEFAULT_RETRY_BUDGET_SECONDS;
  if (typeof budget !== "number" || !(budget >= 0)) {
    throw new RangeError(`retryBudgetSeconds must be a number of seconds, 0 or more, not ${String(budget)}`);
  }
  const timeouts = clientTimeouts(options.timeouts, env);
  const apiUrl = (options.apiUrl ?? env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, "");
  const fetch = proxyAwareFetch({ connectMs: timeouts.connectMs, totalMs: timeouts.totalMs });
  const client = new PLUGGED({
    auth: `token ${options.token}`,
    userAgent: userAgent2(),
    baseUrl: apiUrl,
    request: { fetch },
    log: {
      debug: (message) => log.debug?.(message),
      info: (message) => log.debug?.(message),
      warn: (message) => log.warning(message),
      error: (message) => log.warning(message)
    }
  });
  let lastWrite = 0;
  let waited = 0;
  client.hook.wrap("request", async (request2, route) => {
    const what = `${route.method} ${route.url}`;
    applyLimits(route, fetch, timeouts);
    let failures = 0;
    let limits = 0;
    const fits = (seconds2, reason) => {
      if (waited + seconds2 <= budget) return true;
      log.debug?.(
        `${what}: ${reason}; not retried: waiting ${seconds2} s does not fit in the retry budget (${budgetLeft(budget, waited)})`
      );
      return false;
    };
    const wait = async (seconds2, reason, retry) => {
      waited += seconds2;
      log.debug?.(
        `${what}: ${reason}; ${retry} in ${seconds2} s (${waited} of ${budget} s of retry waits spent)`
      );
      await sleep(seconds2 * unit);
    };
    for (; ; ) {
      if (options.paceWrites !== false && route.method !== "GET" && route.method !== "HEAD") {
        const pause = lastWrite + unit - Date.now();
        if (pause > 0) await sleep(pause);
        lastWrite = Date.now();
      }
      try {
        return await request2(route);
      } catch (error) {
        if (error instanceof Error && error.name === "AbortError" || signalOf(route)?.aborted) throw error;
        const limit = rateLimit(error);
        if (limit !== void 0) {
          if (limits >= rateLimitRetries) {
            log.warning(
              `GitHub ${limit.kind} rate limit hit by ${what}: giving up after ${rateLimitRetries} retries`
            );
            throw error;
          }
          const reason2 = `GitHub ${limit.kind} rate limit (${statusOf(error)})`;
          if (!fits(limit.seconds, reason2)) {
            throw new RetryBudgetError(
              `GitHub asked to wait ${limit.seconds} s before retrying ${asked(error, route)} (${limit.kind} rate limit); mlci waits at most ${budget} s in a step${waited > 0 ? ` and has ${budgetLeft(budget, waited)}` : ""}: re-run the job later`,
              error
            );
          }
          limits++;
          log.warning(
            `GitHub ${limit.kind} rate limit hit by ${what}: retrying after ${limit.seconds} s (retry ${limits} of ${rateLimitRetries})`
          );
          await wait(limit.seconds, reason2, `retry ${limits} of ${rateLimitRetries}`);
          continue;
        }
        const status = statusOf(error);
        if (status !== void 0 && (NOT_RETRIED.has(status) || status < 500)) throw error;
        const reason = failureOf(error);
        if (failures >= retries) {
          log.debug?.(`${what}: ${reason}; giving up after ${retries} retries`);
          throw error;
        }
        const backOff = (failures + 1) * (failures + 1);
        if (!fits(backOff, reason)) {
          throw new RetryBudgetError(
            `${asked(error, route)} failed (${reason}) and was not retried: mlci waits at most ${budget} s in a step for retries and has ${budgetLeft(budget, waited)}: re-run the job later`,
            error
          );
        }
        failures++;
        await wait(backOff, reason, `retry ${failures} of ${retries}`);
      }
    }
  });
  return client;
}
function budgetFromEnv(env) {
  const variable = (env[RETRY_BUDGET_VARIABLE] ?? "").trim();
  if (variable === "") return void 0;
  const value = Number(variable);
  if (!Number.isFinite(value) || value < 0) {
    throw new ConfigurationError(
      `${RETRY_BUDGET_VARIABLE} must be a number of seconds, 0 or more (such as 300), but is "${variable}"`
    );
  }
  return value;
}
function clientTimeouts(timeouts = {}, env) {
  for (const key of ["connectMs", "totalMs", "downloadMs"]) {
    const value = timeouts[key];
    if (value !== void 0 && (typeof value !== "number" || !(value > 0))) {
      throw new RangeError(`timeouts.${key} must be a number of milliseconds above 0, not ${String(value)}`);
    }
  }
  let totalMs = timeouts.totalMs;
  const variable = (env[REQUEST_TIMEOUT_VARIABLE] ?? "").trim();
  if (totalMs === void 0 && variable !== "") {
    const value = Number(variable);
    if (!Number.isFinite(value) || !(value > 0)) {
      throw new ConfigurationError(
        `${REQUEST_TIMEOUT_VARIABLE} must be a number of seconds above 0 (such as 120), but is "${variable}"`
      );
    }
    totalMs = value * 1e3;
  }
  totalMs ??= DEFAULT_TIMEOUTS.totalMs;
  return {
    connectMs: timeouts.connectMs ?? DEFAULT_TIMEOUTS.connectMs,
    totalMs,
    downloadMs: Math.max(timeouts.downloadMs ?? DEFAULT_DOWNLOAD_MS, totalMs)
  };
}
var DOWNLOADS = [
  /\/actions\/artifacts\/[^/]+\/[^/]+$/,
  // artifact archive: .../artifacts/{artifact_id}/{archive_format}
  /\/(zipball|tarball)(\/|$)/,
  /\/actions\/(runs|jobs)\/.+\/logs$/
];
function applyLimits(route, fetch, timeouts) {
  const options = route.request ?? {};
  if (options.fetch !== void 0 && options.fetch !== fetch) return;
  const path = route.url.split("?")[0];
  const own = {
    connectMs: timeouts.connectMs,
    totalMs: DOWNLOADS.some((pattern) => pattern.test(path)) ? timeouts.downloadMs : timeouts.totalMs,
    ...options.timeouts
  };
  route.request = { ...route.request, fetch: fetch.within(own) };
}
function asked(error, route) {
  const url = error.request?.url;
  if (typeof url === "string") {
    try {
      return `${route.method} ${new URL(url).pathname}`;
    } catch {
    }
  }
  return `${route.method} ${route.url.split("?")[0]}`;
}
function signalOf(route) {
  return route.request?.signal;
}
function failureOf(error) {
  const status = statusOf(error);
  const answered = error.response !== void 0;
  return answered && status !== void 0 ? `HTTP ${status}` : `network error: ${messageOf(error)}`;
}
function budgetLeft(budget, waited) {
  return `${Math.max(0, budget - waited)} s of ${budget} s left`;
}
function rateLimit(error) {
  const status = statusOf(error);
  if (status !== 403 && status !== 429) return void 0;
  const headers = error.response?.headers ?? {};
  const retryAfter = Number(headers["retry-after"]);
  if (/\bsecondary rate\b/i.test(messageOf(error)) || status === 429 && Number.isFinite(retryAfter)) {
    return { kind: "secondary", seconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 60 };
  }
  if (headers["x-ratelimit-remaining"] === "0") {
    const reset = Number(headers["x-ratelimit-reset"]);
    const seconds2 = Number.isFinite(reset) ? Math.max(0, Math.ceil(reset - Date.now() / 1e3)) : 60;
    return { kind: "primary", seconds: seconds2 };
  }
  return void 0;
}
function sleep(ms) {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve2) => setTimeout(resolve2, ms));
}
function userAgent2() {
  const id = process.env.ACTIONS_ORCHESTRATION_ID?.trim();
  return id ? `mlci actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, "_")}` : "mlci";
}
var PROXY_VARIABLES = ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"];
var proxied;
function proxyAwareFetch(timeouts) {
  const fetch = (async (input, init) => {
    if (!PROXY_VARIABLES.some((name) => (process.env[name] ?? "") !== "")) {
      return nodeFetch(input, init, timeouts);
    }
    proxied ??= (async () => {
      const [{ HttpClient }, undici] = await Promise.all([import("./lib-DXNGOBOQ.js"), import("./undici-73KG7M2Z.js")]);
      return (async (url, options) => {
        const target = typeof url === "string" ? url : url instanceof URL ? url.href : url.url;
        const dispatcher = new HttpClient().getAgentDispatcher(target);
        return undici.fetch(target, {
          ...options,
          ...dispatcher ? { dispatcher } : {}
        });
      });
    })();
    return limitFetch(await proxied, timeouts)(input, init);
  });
  fetch.within = (other) => proxyAwareFetch(other);
  return fetch;
}
function statusOf(error) {
  if (typeof error === "object" && error !== null && "status" in error) {
    const status = error.status;
    return typeof status === "number" ? status : void 0;
  }
  return void 0;
}
function messageOf(error) {
  if (error instanceof Error) return error.message;
  return String(error);
}

// packages/github/src/identity.ts
var asked2 = /* @__PURE__ */ new WeakMap();
function tokenIdentity(client, log) {
  let identity = asked2.get(client);
  if (identity === void 0) {
    identity = lookUp(client, log);
    asked2.set(client, identity);
  }
  return identity;
}
function rememberIdentity(client, identity) {
  asked2.set(client, Promise.resolve({ login: identity.login }));
}
var VIEWER = "query { viewer { login } }";
async function lookUp(client, log) {
  let graphqlFailure;
  try {
    const answer = await client.graphql(VIEWER);
    const login = answer.viewer?.login;
    if (typeof login === "string" && login !== "") {
      log?.debug?.(`The token is ${login} (GraphQL viewer).`);
      return { login };
    }
    graphqlFailure = "no login in the answer";
  } catch (error) {
    graphqlFailure = messageOf(error);
  }
  try {
    const user = await client.rest.users.getAuthenticated();
    log?.debug?.(`The token is ${user.data.login} (GET /user; GraphQL viewer failed: ${graphqlFailure}).`);
    return { login: user.data.login };
  } catch (error) {
    log?.warning(
      `Could not tell which account the token belongs to (GraphQL viewer: ${graphqlFailure}; GET /user: ${statusOf(error) ?? messageOf(error)}). Only comments this step's token is seen to write count as its own; set the report input comment-author to its login to skip the question.`
    );
    return void 0;
  }
}

// packages/github/src/comments.ts
function headMarker(sha, time) {
  const at2 = time !== void 0 && ISO_TIME2.test(time) ? ` at="${time}"` : "";
  return `<!-- mlci-head sha="${sha.replace(/[^0-9a-fA-F]/g, "")}"${at2} -->`;
}
var ISO_TIME2 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
function readHeadTime(body) {
  const time = /<!-- mlci-head sha="[0-9a-fA-F]+" at="([^"]+)" -->/.exec(body)?.[1];
  return time !== void 0 && ISO_TIME2.test(time) ? time : void 0;
}
function readHeadMarker(body) {
  return /<!-- mlci-head sha="([0-9a-fA-F]+)"(?: at="[^"]*")? -->/.exec(body)?.[1];
}
function runMarker(run) {
  return `<!-- mlci-run id="${run.id}" attempt="${run.attempt}" -->`;
}
function readRunMarker(body) {
  const m = /<!-- mlci-run id="(\d+)" attempt="(\d+)" -->/.exec(body);
  return m === null ? void 0 : { id: Number(m[1]), attempt: Number(m[2]) };
}
var STAMP_ROOM = 200;
function withMarkers(body, marker, headSha, headTime, run) {
  let out = body.replace(/\n?<!-- mlci-head sha="[0-9a-fA-F]*"(?: at="[^"]*")? -->/g, "").replace(/\n?<!-- mlci-run id="\d*" attempt="\d*" -->/g, "");
  if (!out.includes(marker)) out += `
${marker}`;
  if (headSha !== void 0) out += `
${headMarker(headSha, headTime)}`;
  if (run !== void 0) out += `
${runMarker(run)}`;
  return out;
}
function shortReportBody(marker, headSha, fullReportUrl, headTime, run) {
  const where = fullReportUrl === void 0 ? "in the job summary of this pull request's mlci run" : `[here](${fullReportUrl})`;
  return withMarkers(
    `**mlci report**: the report is too long for a comment; read it ${where}.`,
    marker,
    headSha,
    headTime,
    run
  );
}
function readStamp(body) {
  const stamp = {};
  const sha = readHeadMarker(body);
  const time = readHeadTime(body);
  const run = readRunMarker(body);
  if (sha !== void 0) stamp.sha = sha;
  if (time !== void 0) stamp.time = time;
  if (run !== void 0) stamp.run = run;
  return stamp;
}
function compareReports(a, b, currentHead) {
  const sign = (aWins) => aWins ? 1 : -1;
  if (a.time !== b.time) {
    if (a.time !== void 0 && b.time !== void 0) return { order: sign(a.time > b.time), by: "time" };
    return { order: sign(a.time !== void 0), by: "time" };
  }
  const commits = a.sha !== void 0 && b.sha !== void 0 && a.sha !== b.sha;
  if (commits) {
    if (currentHead === void 0) return "ask";
    if (currentHead !== null && (a.sha === currentHead || b.sha === currentHead)) {
      return { order: sign(a.sha === currentHead), by: "head" };
    }
  }
  const [ra, rb] = [a.run, b.run];
  if (ra?.id !== rb?.id || ra?.attempt !== rb?.attempt) {
    if (ra === void 0 || rb === void 0) return { order: sign(ra !== void 0), by: "run" };
    return { order: sign(ra.id !== rb.id ? ra.id > rb.id : ra.attempt > rb.attempt), by: "run" };
  }
  if (commits) return { order: sign(a.sha > b.sha), by: "commit" };
  return { order: 0, by: "same" };
}
function newerBecause(by, own, theirs) {
  const of = (s) => s.sha === void 0 ? "a report" : short(s.sha);
  const run = (s) => s.run === void 0 ? "no run recorded" : `run ${s.run.id}, attempt ${s.run.attempt}`;
  switch (by) {
    case "time":
      return `it reports on ${of(theirs)}, pushed at ${theirs.time}, after ${of(own)} (${own.time ?? "no time recorded"}), the commit this run is for.`;
    case "head":
      return `it reports on ${of(theirs)}, the pull request's current head, pushed at the same time (${own.time}) as ${of(own)}, the commit this run is for: this run yields.`;
    case "run":
      return `it reports on ${of(theirs)} from a later run (${run(theirs)}; this run: ${run(own)}), with the same event time (${own.time}): this run yields.`;
    default:
      return `it reports on ${of(theirs)}, pushed at the same time (${own.time}) as ${of(own)}, neither the pull request's head (the higher SHA stays, so that every run agrees): this run yields.`;
  }
}
async function upsertReportComment(client, options) {
  const log = options.log ?? silentLogger;
  const { owner, repo, issueNumber, marker, headSha } = options;
  const ourTime = options.headTime !== void 0 && ISO_TIME2.test(options.headTime) ? options.headTime : void 0;
  const ourRun = options.run !== void 0 ? { id: options.run.id, attempt: options.run.attempt ?? 1 } : void 0;
  const body = withMarkers(options.body, marker, headSha, ourTime, ourRun);
  const own = readStamp(body);
  let author = options.author;
  const byAuthor2 = (c) => author !== void 0 && c.user?.login === author.login && (author.type === void 0 || c.user.type === author.type);
  const listMarked2 = async () => (await client.paginate(client.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100
  })).filter((c) => c.body?.includes(marker) === true).sort((a, b) => a.id - b.id);
  const list = async () => (await listMarked2()).filter(byAuthor2);
  let currentHead;
  const current = async () => {
    if (currentHead === void 0) {
      currentHead = headSha === void 0 ? null : await pullRequestHead(client, options, log) ?? null;
    }
    return currentHead;
  };
  const compare = async (a, b) => {
    const order = compareReports(a, b, currentHead);
    return order !== "ask" ? order : compareReports(a, b, await current());
  };
  const settling = { client, options, log, own, timed: ourTime !== void 0, compare, current };
  const result = { action: "created", deleted: 0, shortened: false };
  let write = { body, shortened: false };
  let contested = false;
  let yielded = false;
  const listStarted = performance.now();
  const marked = await listMarked2();
  const listMs = performance.now() - listStarted;
  if (author === void 0 && marked.length > 0) {
    const identity = await tokenIdentity(client, log);
    if (identity !== void 0) author = { login: identity.login };
  }
  const existing = marked.find(byAuthor2);
  if (existing !== void 0) {
    let target = existing;
    const theirs = readStamp(existing.body ?? "");
    if (headSha !== void 0 && theirs.sha !== void 0) {
      let stale;
      if (ourTime !== void 0 && theirs.time !== void 0) {
        const order = await compare(own, theirs);
        if (order.order < 0) stale = newerBecause(order.by, own, theirs);
        contested = order.order > 0 && (theirs.sha !== headSha || theirs.time === ourTime && theirs.run?.id !== ourRun?.id);
      } else if (theirs.sha !== headSha) {
        contested = true;
        const fresh = await getComment(client, owner, repo, existing.id);
        if (fresh !== void 0) target = fresh;
        const freshHead = readHeadMarker(target.body ?? "") ?? theirs.sha;
        const head = await current();
        if (head !== null && freshHead === head && freshHead !== headSha) {
          stale = `it reports on ${short(head)}, the pull request's current head; this run is for ${short(headSha)}, an older commit.`;
        }
      }
      if (stale !== void 0) {
        log.info(`Not updating comment ${target.id}: ${stale}`);
        return {
          action: "skipped-stale",
          commentId: target.id,
          url: target.html_url,
          deleted: 0,
          shortened: false
        };
      }
    }
    result.commentId = target.id;
    result.url = target.html_url;
    if (target.body === body) {
      result.action = "unchanged";
    } else {
      write = await writeComment(client, options, log, body, { update: target.id });
      result.action = "updated";
    }
  } else {
    if (author === void 0 && marked.length > 0) {
      log.info(
        `${marked.length} comment(s) carry this report's marker, but which account the token is could not be found: posting the report as a new comment (GitHub names its author), then keeping one comment of that author.`
      );
    }
    const created = await writeComment(client, options, log, body, { create: true });
    write = created;
    result.commentId = created.id;
    result.url = created.url;
    const login = created.comment.user?.login;
    if (login !== void 0 && author === void 0) {
      author = { login };
      rememberIdentity(client, { login });
    } else if (login !== void 0 && author !== void 0 && author.login !== login) {
      log.warning(
        `comment-author is ${author.login}, but this token comments as ${login}: every run posts a new comment. Leave comment-author empty (the token's own identity) or set it to ${login}.`
      );
    }
    const after = await list();
    if (after.length > 1) {
      contested = true;
      const reconciled = await reconcile(settling, async () => after, write.body);
      result.deleted += reconciled.deleted;
      yielded = reconciled.yielded;
      if (reconciled.keeper !== void 0) {
        result.commentId = reconciled.keeper.id;
        result.url = reconciled.keeper.html_url;
      }
    }
  }
  result.shortened = write.shortened;
  const settle = options.settleMs ?? settleAfter(listMs);
  if (settle > 0 && contested && !yielded && headSha !== void 0 && (ourTime !== void 0 || await current() === headSha)) {
    for (let round = 0; round < 3; round++) {
      await sleep2(settle);
      const again = await reconcile(settling, list, write.body);
      result.deleted += again.deleted;
      if (again.keeper !== void 0) {
        result.commentId = again.keeper.id;
        result.url = again.keeper.html_url;
      }
      if (again.yielded || !again.changed) break;
    }
  }
  return result;
}
function settleAfter(listMs) {
  return Math.min(3e3, Math.max(250, Math.round(4 * listMs)));
}
async function reconcile(s, list, ourBody) {
  const { client, options, log } = s;
  const comments = await list();
  const keeper = comments[0];
  const head = s.timed ? void 0 : await s.current();
  const oursIsCurrent = head !== void 0 && head !== null && head === s.own.sha;
  if (keeper === void 0) {
    if (!oursIsCurrent && !s.timed) return { deleted: 0, changed: false, yielded: false };
    const created = await writeComment(client, options, log, ourBody, { create: true });
    return { deleted: 0, changed: true, yielded: false, keeper: { ...created.comment } };
  }
  let wanted;
  let yielded = false;
  if (s.timed) {
    let best = { body: ourBody, stamp: s.own };
    for (const c of comments) {
      const stamp = readStamp(c.body ?? "");
      if ((await s.compare(stamp, best.stamp)).order > 0) best = { body: c.body ?? "", stamp };
    }
    wanted = best.body;
    if (wanted !== ourBody) {
      yielded = true;
      const order = await s.compare(best.stamp, s.own);
      log.info(
        `Comment ${keeper.id} is to hold a newer report than this run's: ${newerBecause(order.by, s.own, best.stamp)}`
      );
    }
  } else if (oursIsCurrent) wanted = ourBody;
  else if (head !== void 0 && head !== null) {
    wanted = comments.find((c) => readHeadMarker(c.body ?? "") === head)?.body;
  } else if (comments.length > 1) {
    wanted = comments.some((c) => c.body === ourBody) ? ourBody : comments.at(-1)?.body;
  }
  let changed = false;
  if (wanted !== void 0 && keeper.body !== wanted) {
    await writeComment(client, options, log, wanted, { update: keeper.id });
    changed = true;
  }
  let deleted = 0;
  for (const duplicate of comments.slice(1)) {
    try {
      await client.rest.issues.deleteComment({
        owner: options.owner,
        repo: options.repo,
        comment_id: duplicate.id
      });
      deleted++;
      changed = true;
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
  if (deleted > 0) log.info(`Deleted ${deleted} duplicate report comment(s) left by concurrent runs.`);
  return { keeper, deleted, changed, yielded };
}
async function writeComment(client, options, log, body, how) {
  const { owner, repo } = options;
  const send2 = async (text) => "update" in how ? (await client.rest.issues.updateComment({ owner, repo, comment_id: how.update, body: text })).data : (await client.rest.issues.createComment({
    owner,
    repo,
    issue_number: options.issueNumber,
    body: text
  })).data;
  try {
    const comment = await send2(body);
    return { id: comment.id, url: comment.html_url, body, shortened: false, comment };
  } catch (error) {
    if (statusOf(error) !== 422 || !/too long/i.test(String(error.message))) throw error;
    const short2 = shortReportBody(
      options.marker,
      readHeadMarker(body),
      options.fullReportUrl,
      readHeadTime(body),
      readRunMarker(body)
    );
    log.warning(
      `GitHub refused the report comment as too long (${body.length} characters): posting a short comment that links the full report.`
    );
    const comment = await send2(short2);
    return { id: comment.id, url: comment.html_url, body: short2, shortened: true, comment };
  }
}
async function getComment(client, owner, repo, id) {
  try {
    return (await client.rest.issues.getComment({ owner, repo, comment_id: id })).data;
  } catch (error) {
    if (statusOf(error) === 404) return void 0;
    throw error;
  }
}
async function pullRequestHead(client, options, log) {
  try {
    const pr = await client.rest.pulls.get({
      owner: options.owner,
      repo: options.repo,
      pull_number: options.issueNumber
    });
    return pr.data.head.sha;
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 403) {
      log.info(
        `Could not read pull request #${options.issueNumber}'s head commit; updating without the staleness check.`
      );
      return void 0;
    }
    throw error;
  }
}
function short(sha) {
  return sha.slice(0, 7);
}
function sleep2(ms) {
  return new Promise((resolve2) => setTimeout(resolve2, ms));
}

// packages/github/src/fork.ts
function assertForkSafe(context, facts) {
  const event = context.event;
  if (event.kind !== "pull_request" || event.trigger !== "pull_request_target") return;
  if (!event.fork || !facts.runsCode) return;
  if (facts.checkedOutSha === void 0 || facts.checkedOutSha !== event.headSha) return;
  throw new ConfigurationError(
    `this pull_request_target workflow checked out the head of pull request #${event.number} (${event.headSha.slice(0, 7)}, from the fork ${event.headRepo ?? "(deleted)"}) and is about to run its code with a token that can write to this repository and read its secrets: anyone who opens a pull request could take over the repository. Use two workflows instead: one on \`pull_request\` that trains, evaluates and uploads the results as an artifact with a read-only token, and one on \`workflow_run\` that downloads the artifact and posts the report without checking out any code from the fork. See docs/github.md ("Pull requests from forks").`
  );
}
function isReadOnlyError(error) {
  if (statusOf(error) !== 403) return false;
  const message = error instanceof Error ? error.message : "";
  return !/rate limit/i.test(message);
}

// packages/github/src/checks.ts
var MAX_CHECK_TEXT = 65535;
var ANNOTATIONS_PER_REQUEST = 50;
var MAX_STATUS_DESCRIPTION = 140;
async function publishCheckRun(client, options) {
  const log = options.log ?? silentLogger;
  let checkRefusal;
  try {
    return await writeCheckRun(client, options);
  } catch (error) {
    if (!isGitHubAnswer(error)) throw error;
    checkRefusal = describe(error);
  }
  log.info(`The check run could not be written (${checkRefusal}); publishing a commit status instead.`);
  const state = options.conclusion === "failure" ? "failure" : "success";
  const description = statusDescription(options.conclusion, options.title);
  try {
    await client.rest.repos.createCommitStatus({
      owner: options.owner,
      repo: options.repo,
      sha: options.headSha,
      state,
      context: options.name,
      description,
      ...options.detailsUrl === void 0 ? {} : { target_url: options.detailsUrl }
    });
    return { kind: "status", state, reason: `check run not written: ${checkRefusal}` };
  } catch (error) {
    if (!isGitHubAnswer(error)) throw error;
    if (!isReadOnlyError(error))
      return {
        kind: "none",
        readOnly: false,
        reason: `neither a check run (${checkRefusal}) nor a commit status (${describe(error)}) could be written`
      };
    return {
      kind: "none",
      readOnly: true,
      reason: `the token may write neither check runs (${checkRefusal}) nor commit statuses (${describe(error)}); grant \`checks: write\` (or \`statuses: write\`) in the workflow, or post from a workflow_run workflow for pull requests from forks`
    };
  }
}
function isGitHubAnswer(error) {
  if (statusOf(error) !== void 0) return true;
  return error instanceof Error && (error.name === "HttpError" || error.message === "fetch failed");
}
function describe(error) {
  const status = statusOf(error);
  return `${status === void 0 ? "" : `${status} `}${messageOf(error)}`;
}
async function writeCheckRun(client, options) {
  const { owner, repo } = options;
  const batches = batchAnnotations(options.annotations ?? []);
  const output = (annotations) => ({
    title: options.title,
    summary: trimText(options.summary, MAX_CHECK_TEXT),
    ...options.text === void 0 ? {} : { text: trimText(options.text, MAX_CHECK_TEXT) },
    ...annotations === void 0 || annotations.length === 0 ? {} : { annotations }
  });
  const common = {
    owner,
    repo,
    name: options.name,
    status: "completed",
    conclusion: options.conclusion,
    ...options.detailsUrl === void 0 ? {} : { details_url: options.detailsUrl }
  };
  const existing = options.updateExisting === false ? void 0 : (await client.rest.checks.listForRef({
    owner,
    repo,
    ref: options.headSha,
    check_name: options.name,
    filter: "latest",
    per_page: 1
  })).data.check_runs[0];
  const fresh = existing === void 0 || batches.length > 0 && existing.output.annotations_count > 0;
  const { data: run } = fresh ? await client.rest.checks.create({ ...common, head_sha: options.headSha, output: output(batches[0]) }) : await client.rest.checks.update({ ...common, check_run_id: existing.id, output: output(batches[0]) });
  const id = run.id;
  const url = run.html_url ?? run.url;
  for (const batch of batches.slice(1)) {
    await client.rest.checks.update({ owner, repo, check_run_id: id, output: output(batch) });
  }
  return { kind: "check-run", id, url, created: fresh };
}
function batchAnnotations(annotations) {
  const batches = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  return batches;
}
function trimText(text, max) {
  if (text.length <= max) return text;
  const note = "\n\n\u2026 (trimmed: the full report is in the job summary)";
  let cut = max - note.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 55296 && code <= 56319) cut--;
  return text.slice(0, cut) + note;
}
function statusDescription(conclusion, title) {
  const text = conclusion === "neutral" ? `no baseline: ${title}` : title;
  return text.length <= MAX_STATUS_DESCRIPTION ? text : `${text.slice(0, MAX_STATUS_DESCRIPTION - 1)}\u2026`;
}

// packages/github/src/git-data.ts
async function commitFiles(client, options) {
  const { owner, repo, branch } = options;
  const log = options.log ?? silentLogger;
  const maxAttempts = options.maxAttempts ?? 5;
  const createBlobs = (files) => Promise.all(
    files.map(async (file) => {
      const content = file.content;
      if (content === null) return { path: file.path, sha: null };
      const blob = await client.rest.git.createBlob(
        typeof content === "string" ? { owner, repo, content, encoding: "utf-8" } : { owner, repo, content: Buffer.from(content).toString("base64"), encoding: "base64" }
      );
      return { path: file.path, sha: blob.data.sha };
    })
  );
  const blobs = await createBlobs(options.files);
  const entry = (b) => ({
    path: b.path,
    mode: "100644",
    type: "blob",
    sha: b.sha
  });
  for (let attempt = 1; ; attempt++) {
    const head = await branchHead(client, owner, repo, branch);
    let baseTree;
    if (head !== void 0 && options.keepFiles !== false) {
      baseTree = (await client.rest.git.getCommit({ owner, repo, commit_sha: head })).data.tree.sha;
    }
    const atHead = options.filesAtHead === void 0 ? [] : await createBlobs(await options.filesAtHead(head));
    const tree = [...blobs, ...atHead].filter((b) => b.sha !== null || baseTree !== void 0).map(entry);
    const newTree = await client.rest.git.createTree({
      owner,
      repo,
      tree,
      ...baseTree === void 0 ? {} : { base_tree: baseTree }
    });
    const commit = await client.rest.git.createCommit({
      owner,
      repo,
      message: options.message,
      tree: newTree.data.sha,
      parents: head === void 0 ? [] : [head]
    });
    try {
      if (head === void 0) {
        await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.data.sha });
      } else {
        await client.rest.git.updateRef({
          owner,
          repo,
          ref: `heads/${branch}`,
          sha: commit.data.sha,
          force: false
        });
      }
      return { commitSha: commit.data.sha, createdBranch: head === void 0, attempts: attempt };
    } catch (error) {
      const status = statusOf(error);
      if (status !== 409 && status !== 422 || attempt >= maxAttempts) throw error;
      log.info(
        `Branch ${branch} moved while committing (${status}); retrying on its new head (attempt ${attempt + 1} of ${maxAttempts}).`
      );
      await sleep3((options.retryDelayMs ?? 200) * attempt);
    }
  }
}
async function branchHead(client, owner, repo, branch) {
  try {
    return (await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })).data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 409) return void 0;
    throw error;
  }
}
function readBranchHeadEarly(client, owner, repo, branch) {
  const head = branchHead(client, owner, repo, branch);
  head.catch(() => {
  });
  return head;
}
function sleep3(ms) {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve2) => setTimeout(resolve2, ms));
}
var CREATE_COMMIT_ON_BRANCH = `mutation ($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) {
    commit {
      oid
    }
  }
}`;
function graphqlErrorTypes(error) {
  return (error.errors ?? []).map((e) => e.type ?? "");
}
function isGraphqlForbidden(error) {
  return graphqlErrorTypes(error).includes("FORBIDDEN");
}
async function commitFilesInOneRequest(client, options) {
  const { owner, repo, branch } = options;
  const log = options.log ?? silentLogger;
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const head = attempt === 1 && options.head !== void 0 ? await options.head : await branchHead(client, owner, repo, branch);
    if (head === void 0) return commitFiles(client, options);
    const files = [
      ...options.files,
      ...options.filesAtHead === void 0 ? [] : await options.filesAtHead(head)
    ];
    try {
      const result = await client.graphql(
        CREATE_COMMIT_ON_BRANCH,
        {
          input: {
            branch: { repositoryNameWithOwner: `${owner}/${repo}`, branchName: branch },
            expectedHeadOid: head,
            message: { headline: options.message },
            fileChanges: {
              additions: files.flatMap(
                (file) => file.content === null ? [] : [{ path: file.path, contents: Buffer.from(file.content).toString("base64") }]
              ),
              deletions: files.filter((file) => file.content === null).map((file) => ({ path: file.path }))
            }
          }
        }
      );
      return { commitSha: result.createCommitOnBranch.commit.oid, createdBranch: false, attempts: attempt };
    } catch (error) {
      const types = graphqlErrorTypes(error);
      if (types.includes("STALE_DATA") && attempt < maxAttempts) {
        log.info(
          `Branch ${branch} moved while committing; retrying on its new head (attempt ${attempt + 1} of ${maxAttempts}).`
        );
        await sleep3((options.retryDelayMs ?? 200) * attempt);
        continue;
      }
      if (isGraphqlForbidden(error) || types.includes("STALE_DATA") || statusOf(error) === 403) throw error;
      log.info(
        `GraphQL createCommitOnBranch is not available here (${String(error.message)}); using the Git Data API.`
      );
      return commitFiles(client, options);
    }
  }
}

// packages/github/src/snapshot.ts
var MAX_BLOB_BYTES = 100 * 1024 * 1024;
var GRAPHQL_TEXT_LIMIT = 512e3;
var QUERY_BYTES = 8 * 1024 * 1024;
var QUERY_BLOBS = 100;
var BINARY_NAME = /(tfevents|\.(parquet|pb|npy|npz|pkl|pickle|db|sqlite3?|gz|zip|feather|arrow|h5|hdf5|png|jpe?g))$/i;
async function commitTree(client, options) {
  const { data } = await client.rest.git.getTree({
    owner: options.owner,
    repo: options.repo,
    tree_sha: options.sha,
    recursive: "1"
  });
  const blobs = [];
  const folders = [];
  for (const entry of data.tree) {
    if (entry.path === void 0 || entry.sha === void 0) continue;
    if (entry.type === "blob") blobs.push({ path: entry.path, sha: entry.sha, size: entry.size ?? 0 });
    else if (entry.type === "tree") folders.push(entry.path);
  }
  return { blobs, folders, truncated: data.truncated };
}
var BLOB_FIELDS = "... on Blob { oid byteSize isBinary isTruncated text }";
async function readBlobs(client, options) {
  const out = /* @__PURE__ */ new Map();
  const unique = [...new Map(options.blobs.map((b) => [b.sha, b])).values()];
  for (const blob of unique) {
    if (blob.size > MAX_BLOB_BYTES) {
      throw new Error(
        `${blob.path} is ${(blob.size / 1024 / 1024).toFixed(0)} MB; GitHub's API gives files up to 100 MB: keep metrics and predictions smaller, or take the baseline from an artifact`
      );
    }
  }
  const viaRest = [];
  const viaGraphql = [[]];
  let bytes = 0;
  for (const blob of unique) {
    if (blob.size > GRAPHQL_TEXT_LIMIT || BINARY_NAME.test(blob.path)) {
      viaRest.push(blob);
      continue;
    }
    let batch = viaGraphql[viaGraphql.length - 1];
    if (batch.length >= QUERY_BLOBS || batch.length > 0 && bytes + blob.size > QUERY_BYTES) {
      batch = [];
      viaGraphql.push(batch);
      bytes = 0;
    }
    batch.push(blob);
    bytes += blob.size;
  }
  const expressions = options.expressions ?? [];
  for (const [index, batch] of viaGraphql.entries()) {
    const asked3 = index === 0 ? expressions : [];
    if (batch.length === 0 && asked3.length === 0) continue;
    const aliases = [
      ...batch.map((blob, i) => `b${i}: object(oid: "${blob.sha}") { ${BLOB_FIELDS} }`),
      ...asked3.map((_, i) => `e${i}: object(expression: $e${i}) { ${BLOB_FIELDS} }`)
    ];
    const variables = asked3.map((_, i) => `, $e${i}: String!`).join("");
    const answer = await client.graphql(
      `query($owner: String!, $repo: String!${variables}) { repository(owner: $owner, name: $repo) { ${aliases.join(" ")} } }`,
      {
        owner: options.owner,
        repo: options.repo,
        ...Object.fromEntries(asked3.map((expression, i) => [`e${i}`, expression]))
      }
    );
    for (const [i, expression] of asked3.entries()) {
      const found = answer.repository?.[`e${i}`];
      if (found === null || found === void 0 || found.byteSize === void 0) continue;
      const text = found.text;
      if (text !== null && found.isBinary !== true && !found.isTruncated && Buffer.byteLength(text) === found.byteSize)
        out.set(expression, Buffer.from(text, "utf8"));
      else {
        if (found.byteSize > MAX_BLOB_BYTES)
          throw new Error(
            `${expression} is ${(found.byteSize / 1024 / 1024).toFixed(0)} MB; GitHub's API gives files up to 100 MB`
          );
        const { data } = await client.rest.git.getBlob({
          owner: options.owner,
          repo: options.repo,
          file_sha: found.oid
        });
        out.set(expression, Buffer.from(data.content, data.encoding === "utf-8" ? "utf8" : "base64"));
      }
    }
    batch.forEach((blob, i) => {
      const found = answer.repository?.[`b${i}`];
      if (found === null || found === void 0) {
        viaRest.push(blob);
        return;
      }
      const text = found.text;
      const whole = text !== null && found.isBinary !== true && !found.isTruncated && Buffer.byteLength(text) === found.byteSize;
      if (whole) out.set(blob.sha, Buffer.from(text, "utf8"));
      else viaRest.push(blob);
    });
  }
  const queue = [...viaRest];
  const worker = async () => {
    for (let blob = queue.shift(); blob !== void 0; blob = queue.shift()) {
      const { data } = await client.rest.git.getBlob({
        owner: options.owner,
        repo: options.repo,
        file_sha: blob.sha
      });
      out.set(blob.sha, Buffer.from(data.content, data.encoding === "utf-8" ? "utf8" : "base64"));
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
  return out;
}

// packages/github/src/assets.ts
var DEFAULT_ASSETS_BRANCH = "mlci-assets";
async function publishAssets(client, options) {
  const branch = options.branch ?? DEFAULT_ASSETS_BRANCH;
  const prefix = [...pathSegments(options.folder), ...pathSegments(options.reportId)].join("/");
  const files = options.files.map((f) => ({
    name: f.name,
    path: `${prefix}/${pathSegments(f.name).join("/")}`
  }));
  try {
    const result = await commitFilesInOneRequest(client, {
      owner: options.owner,
      repo: options.repo,
      branch,
      files: options.files.map((f, i) => ({ path: files[i].path, content: f.content })),
      message: options.message ?? `mlci: charts for ${prefix}`,
      keepFiles: false,
      ...options.head === void 0 ? {} : { head: options.head },
      ...options.maxAttempts === void 0 ? {} : { maxAttempts: options.maxAttempts },
      ...options.retryDelayMs === void 0 ? {} : { retryDelayMs: options.retryDelayMs },
      ...options.log === void 0 ? {} : { log: options.log }
    });
    const urls = {};
    for (const file of files) {
      urls[file.name] = assetUrl(options.serverUrl, options.owner, options.repo, result.commitSha, file.path);
    }
    return { ok: true, commitSha: result.commitSha, urls };
  } catch (error) {
    if (!isReadOnlyError(error) && !isGraphqlForbidden(error)) throw error;
    return {
      ok: false,
      reason: `the token may not push to the ${branch} branch (${messageOf(error)}); the charts are in the job summary and the run's artifact`
    };
  }
}
function assetUrl(serverUrl, owner, repo, commitSha, path) {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return `${serverUrl.replace(/\/+$/, "")}/${owner}/${repo}/blob/${commitSha}/${encoded}?raw=true`;
}
function pathSegments(name) {
  const segments = name.split("/").map((s) => s.replace(/[^A-Za-z0-9._-]/g, "_")).filter((s) => s !== "" && s !== "." && s !== "..");
  return segments.length === 0 ? ["_"] : segments;
}
async function removeAssetsFolder(client, options) {
  const branch = options.branch ?? DEFAULT_ASSETS_BRANCH;
  const { owner, repo } = options;
  const folder = pathSegments(options.folder).join("/");
  let listed = [];
  const underFolder = async (head) => {
    if (head === void 0) return listed = [];
    const tree = await commitTree(client, { owner, repo, sha: head });
    listed = tree.blobs.filter((b) => b.path.startsWith(`${folder}/`));
    return listed.map((b) => ({ path: b.path, content: null }));
  };
  try {
    const head = await branchHead(client, owner, repo, branch);
    const first = await underFolder(head);
    if (head === void 0 || first.length === 0) return { ok: true, removed: 0, bytes: 0 };
    let attempt = 0;
    const result = await commitFilesInOneRequest(client, {
      owner,
      repo,
      branch,
      files: [],
      filesAtHead: async (at2) => attempt++ === 0 && at2 === head ? first : underFolder(at2),
      // The Git Data fallback keeps the rest of the tree and deletes from it.
      keepFiles: true,
      head: Promise.resolve(head),
      message: options.message ?? `mlci: remove ${folder} (pull request closed)`,
      ...options.maxAttempts === void 0 ? {} : { maxAttempts: options.maxAttempts },
      ...options.retryDelayMs === void 0 ? {} : { retryDelayMs: options.retryDelayMs },
      ...options.log === void 0 ? {} : { log: options.log }
    });
    return {
      ok: true,
      removed: listed.length,
      bytes: listed.reduce((sum, b) => sum + b.size, 0),
      commitSha: result.commitSha
    };
  } catch (error) {
    if (!isReadOnlyError(error) && !isGraphqlForbidden(error)) throw error;
    return {
      ok: false,
      reason: `the token may not push to the ${branch} branch (${messageOf(error)}); grant \`contents: write\``
    };
  }
}
var PUSHES_INDEX_FILE = "pushes.json";
var DEFAULT_ASSETS_KEEP_DAYS = 90;
var DAY_MS = 24 * 60 * 60 * 1e3;
var PUSH_FOLDER = /^[0-9a-f]{40}$/;
function expiredPushFolders(folders, index, options) {
  const cutoff = options.now.getTime() - options.keepDays * DAY_MS;
  const expired = [];
  const kept = {};
  for (const folder of [...new Set(folders)].sort()) {
    const recorded = index[folder];
    const time = recorded === void 0 ? Number.NaN : Date.parse(recorded);
    if (Number.isNaN(time)) kept[folder] = options.now.toISOString();
    else if (time < cutoff) expired.push(folder);
    else kept[folder] = recorded;
  }
  return { expired, kept };
}
function parsePushesIndex(text) {
  if (text === void 0) return {};
  try {
    const parsed = JSON.parse(text);
    const folders = parsed?.folders;
    if (typeof folders !== "object" || folders === null || Array.isArray(folders)) return {};
    return Object.fromEntries(
      Object.entries(folders).filter((e) => typeof e[1] === "string")
    );
  } catch {
    return {};
  }
}
async function prunePushFolders(client, options) {
  const branch = options.branch ?? DEFAULT_ASSETS_BRANCH;
  const { owner, repo } = options;
  const now = options.now ?? /* @__PURE__ */ new Date();
  let outcome = { removedFolders: [], removed: 0, bytes: 0, kept: 0 };
  const changesAt = async (head) => {
    outcome = { removedFolders: [], removed: 0, bytes: 0, kept: 0 };
    if (head === void 0) return [];
    const tree = await commitTree(client, { owner, repo, sha: head });
    const folders = tree.blobs.map((b) => b.path.split("/")[0]).filter((f) => PUSH_FOLDER.test(f));
    const indexBlob = tree.blobs.find((b) => b.path === PUSHES_INDEX_FILE);
    const indexText = indexBlob === void 0 ? void 0 : (await readBlobs(client, { owner, repo, blobs: [indexBlob] })).get(indexBlob.sha)?.toString("utf8");
    const before = parsePushesIndex(indexText);
    const { expired, kept } = expiredPushFolders(folders, before, { now, keepDays: options.keepDays });
    const gone = new Set(expired);
    const deleted = tree.blobs.filter((b) => gone.has(b.path.split("/")[0]));
    outcome = {
      removedFolders: expired,
      removed: deleted.length,
      bytes: deleted.reduce((sum, b) => sum + b.size, 0),
      kept: Object.keys(kept).length
    };
    const index = `${JSON.stringify({ version: 1, folders: kept }, null, 2)}
`;
    if (deleted.length === 0 && index === indexText) return [];
    return [
      ...deleted.map((b) => ({ path: b.path, content: null })),
      { path: PUSHES_INDEX_FILE, content: index }
    ];
  };
  try {
    const head = await branchHead(client, owner, repo, branch);
    const first = await changesAt(head);
    if (head === void 0 || first.length === 0) return { ok: true, ...outcome };
    let attempt = 0;
    const result = await commitFilesInOneRequest(client, {
      owner,
      repo,
      branch,
      files: [],
      filesAtHead: async (at2) => attempt++ === 0 && at2 === head ? first : changesAt(at2),
      keepFiles: true,
      head: Promise.resolve(head),
      message: outcome.removedFolders.length === 0 ? "mlci: date the default branch charts" : `mlci: remove ${outcome.removedFolders.length} default branch chart folders older than ${options.keepDays} days`,
      ...options.maxAttempts === void 0 ? {} : { maxAttempts: options.maxAttempts },
      ...options.retryDelayMs === void 0 ? {} : { retryDelayMs: options.retryDelayMs },
      ...options.log === void 0 ? {} : { log: options.log }
    });
    return { ok: true, ...outcome, commitSha: result.commitSha };
  } catch (error) {
    if (!isReadOnlyError(error) && !isGraphqlForbidden(error)) throw error;
    return {
      ok: false,
      reason: `the token may not push to the ${branch} branch (${messageOf(error)}); grant \`contents: write\``
    };
  }
}

// packages/github/src/baseline.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_promises = __toESM(require_promises(), 1);
var import_node_os = __toESM(require_node_os(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var DEFAULT_BASELINE_SOURCES = [
  "contents",
  "artifact",
  "history",
  "path"
];
var DEFAULT_HISTORY_BRANCH = "mlci-history";
var DEFAULT_BASELINE_ARTIFACT = "mlci-results";
var MAX_FILES = 500;
async function findBaseline(client, options) {
  const log = options.log ?? silentLogger;
  const sources = options.sources ?? DEFAULT_BASELINE_SOURCES;
  for (const source of sources) {
    if (!DEFAULT_BASELINE_SOURCES.includes(source)) {
      throw new ConfigurationError(
        `baseline source ${JSON.stringify(source)} is unknown: expected some of ${DEFAULT_BASELINE_SOURCES.join(", ")}`
      );
    }
  }
  const paths = (options.paths ?? []).map(repositoryPath);
  const repeats = (options.repeats ?? []).map((p) => normalizePattern(p));
  const workDir = options.workDir ?? await (0, import_promises.mkdtemp)((0, import_node_path.join)((0, import_node_os.tmpdir)(), "mlci-baseline-"));
  const attempts = [];
  const failures = [];
  const snapshots = [];
  const expressions = /* @__PURE__ */ new Map();
  const record = (source, label, found, detail) => {
    const attempt = { source, label, found, detail, text: `${source}: ${label}: ${detail}` };
    attempts.push(attempt);
    log.info(`Baseline ${attempt.text}`);
  };
  const fail = (what, error) => {
    const failure = failureOf2(what, error);
    failures.push(failure);
    return failure;
  };
  let candidates;
  const commits = async () => candidates ??= await baseCommits(client, options, log, fail);
  for (const source of sources) {
    if (source === "path") {
      if (options.path === void 0) continue;
      const dir = (0, import_node_path.resolve)(options.path);
      if ((0, import_node_fs.existsSync)(dir)) {
        record("path", options.path, true, "found");
        return {
          found: { source, label: options.path, dir, files: [dir] },
          attempts,
          failures,
          commits: candidates ?? [],
          snapshots,
          expressions
        };
      }
      record("path", options.path, false, "does not exist");
      continue;
    }
    if (source === "contents" && paths.length === 0 && repeats.length === 0) continue;
    for (const candidate of await commits()) {
      const dir = (0, import_node_path.join)(workDir, `${source}-${candidate.sha.slice(0, 12)}`);
      try {
        const outcome = source === "contents" ? await fromContents(client, options, candidate, { paths, repeats }, dir, snapshots, expressions) : source === "artifact" ? await fromArtifact(client, options, candidate, dir) : await fromHistory(client, options, candidate, dir);
        record(source, candidate.label, outcome.files.length > 0, outcome.detail);
        if (outcome.files.length > 0) {
          return {
            found: { source, label: candidate.label, sha: candidate.sha, dir, files: outcome.files },
            attempts,
            failures,
            commits: candidates ?? [],
            snapshots,
            expressions
          };
        }
      } catch (error) {
        if (error instanceof ConfigurationError) throw error;
        const failure = fail(`${source}: ${candidate.label}`, error);
        record(source, candidate.label, false, `failed: ${failure.text.slice(failure.what.length + 2)}`);
      }
    }
  }
  return { attempts, failures, commits: candidates ?? [], snapshots, expressions };
}
async function findBaseCommits(client, options) {
  const failures = [];
  const commits = await baseCommits(client, options, options.log ?? silentLogger, (what, error) => {
    const failure = failureOf2(what, error);
    failures.push(failure);
    return failure;
  });
  return { commits, failures };
}
function failureOf2(what, error) {
  const status = statusOf(error);
  const message = messageOf(error);
  return {
    what,
    message,
    text: `${what}: ${status === void 0 ? "" : `${status} `}${message}`,
    ...status !== void 0 ? { status } : {}
  };
}
async function fileAt(client, options) {
  let data;
  try {
    data = (await client.rest.repos.getContent(options)).data;
  } catch (error) {
    if (statusOf(error) === 404) return void 0;
    throw error;
  }
  if (Array.isArray(data) || data.type !== "file") return void 0;
  let base64 = "content" in data ? data.content : "";
  if (base64 === "" && data.size > 0) {
    base64 = (await client.rest.git.getBlob({ owner: options.owner, repo: options.repo, file_sha: data.sha })).data.content;
  }
  return Buffer.from(base64, "base64").toString("utf8");
}
async function baseCommits(client, options, log, fail) {
  const { ref, sha } = options.base;
  const out = [];
  if (options.headSha !== void 0) {
    try {
      const compare = await client.rest.repos.compareCommitsWithBasehead({
        owner: options.owner,
        repo: options.repo,
        basehead: `${sha}...${options.headSha}`,
        per_page: 1
      });
      const mergeBase = compare.data.merge_base_commit.sha;
      out.push({ sha: mergeBase, label: `${ref}@${mergeBase.slice(0, 7)} (merge base)` });
    } catch (error) {
      const what = `the merge base of ${sha.slice(0, 7)} and ${options.headSha.slice(0, 7)}`;
      if (statusOf(error) === 404) log.info(`GitHub does not know ${what}: ${messageOf(error)}`);
      else log.info(`Could not ask for ${fail(what, error).text}`);
    }
  }
  if (!out.some((c) => c.sha === sha)) out.push({ sha, label: `${ref}@${sha.slice(0, 7)} (base)` });
  return out;
}
async function fromContents(client, options, at2, wanted, dir, snapshots, expressions) {
  const tree = await commitTree(client, { owner: options.owner, repo: options.repo, sha: at2.sha });
  if (tree.truncated) {
    if (wanted.repeats.length > 0) {
      throw new Error(
        `the tree of ${at2.sha.slice(0, 7)} is too large for GitHub to list (over 100,000 entries), so repeats: cannot be matched there; take the baseline from the artifact or history source (baseline-sources)`
      );
    }
    return fromContentsOneByOne(client, options, at2, wanted.paths, dir);
  }
  const byPath = new Map(tree.blobs.map((b) => [b.path, b]));
  const under = (folder) => tree.blobs.filter((b) => b.path.startsWith(`${folder}/`));
  const selected = [];
  const found = [];
  const missing = [];
  const take = (path) => {
    const exact = byPath.get(path);
    const blobs = exact !== void 0 ? [exact] : under(path).slice(0, MAX_FILES);
    selected.push(...blobs);
    return blobs.length > 0;
  };
  for (const path of wanted.paths) (take(path) ? found : missing).push(path);
  if (wanted.repeats.length > 0) {
    const entries = [
      ...tree.blobs.map((b) => ({ path: b.path, kind: "file" })),
      ...tree.folders.map((path) => ({ path, kind: "dir" }))
    ];
    const runs = matchRuns(wanted.repeats, entries).slice(0, MAX_REPEATS);
    for (const run of runs) take(run);
    if (runs.length > 0)
      found.push(`${runs.length} ${runs.length === 1 ? "run" : "runs"} (${wanted.repeats.join(", ")})`);
    else missing.push(`runs matching ${wanted.repeats.join(", ")}`);
  }
  const extras = (options.alsoFetch ?? []).map(repositoryPath).map((path) => byPath.get(path)).filter((b) => b !== void 0);
  const asked3 = snapshots.length === 0 ? options.alsoFetchExpressions ?? [] : [];
  const contents = await readBlobs(client, {
    owner: options.owner,
    repo: options.repo,
    blobs: [...selected, ...extras],
    expressions: asked3
  });
  for (const expression of asked3) expressions.set(expression, contents.get(expression) ?? null);
  const files = [];
  for (const blob of selected) files.push(await writeInside(dir, blob.path, contents.get(blob.sha)));
  for (const blob of extras) await writeInside(dir, blob.path, contents.get(blob.sha));
  snapshots.push({ sha: at2.sha, dir, present: extras.map((b) => b.path) });
  const parts = [];
  if (found.length > 0) parts.push(`found ${found.join(", ")}`);
  if (missing.length > 0) parts.push(`${missing.join(", ")} not found`);
  return { files: found.length > 0 ? files : [], detail: parts.join("; ") };
}
async function fromContentsOneByOne(client, options, at2, paths, dir) {
  const files = [];
  const found = [];
  const missing = [];
  for (const path of paths) {
    const before = files.length;
    const exists = await downloadPath(client, options, at2.sha, path, dir, files, 0);
    if (exists && files.length > before) found.push(path);
    else missing.push(exists ? `${path} (empty folder)` : path);
  }
  const parts = [];
  if (found.length > 0) parts.push(`found ${found.join(", ")}`);
  if (missing.length > 0) parts.push(`${missing.join(", ")} not found`);
  return { files, detail: parts.join("; ") };
}
async function downloadPath(client, options, ref, path, dir, files, depth) {
  let data;
  try {
    data = (await client.rest.repos.getContent({ owner: options.owner, repo: options.repo, path, ref })).data;
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw error;
  }
  if (Array.isArray(data)) {
    for (const entry of data) {
      if (files.length >= MAX_FILES) break;
      if (entry.type === "file" || entry.type === "dir" && depth < 8) {
        await downloadPath(client, options, ref, entry.path, dir, files, depth + 1);
      }
    }
    return true;
  }
  if (data.type !== "file") return true;
  let base64 = "content" in data ? data.content : "";
  if (base64 === "" && data.size > 0) {
    base64 = (await client.rest.git.getBlob({ owner: options.owner, repo: options.repo, file_sha: data.sha })).data.content;
  }
  files.push(await writeInside(dir, data.path, Buffer.from(base64, "base64")));
  return true;
}
async function fromArtifact(client, options, at2, dir) {
  const name = options.artifactName ?? DEFAULT_BASELINE_ARTIFACT;
  const { owner, repo } = options;
  const runs = (await client.rest.actions.listWorkflowRunsForRepo({
    owner,
    repo,
    head_sha: at2.sha,
    status: "success",
    per_page: 20
  })).data.workflow_runs.filter(
    (run) => options.workflow === void 0 || run.path.endsWith(`/${options.workflow}`) || run.path === options.workflow
  ).sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
  if (runs.length === 0) {
    return {
      files: [],
      detail: `no successful workflow run${options.workflow ? ` of ${options.workflow}` : ""}`
    };
  }
  let expired = false;
  for (const run of runs) {
    const artifacts = (await client.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: run.id, name, per_page: 100 })).data.artifacts.filter((a) => a.name === name);
    const artifact = artifacts.find((a) => !a.expired);
    if (artifact === void 0) {
      expired ||= artifacts.length > 0;
      continue;
    }
    let zip;
    try {
      zip = await client.rest.actions.downloadArtifact({
        owner,
        repo,
        artifact_id: artifact.id,
        archive_format: "zip"
      });
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 410) {
        expired = true;
        continue;
      }
      throw error;
    }
    const files = await unzipInto(new Uint8Array(zip.data), dir);
    return {
      files,
      detail: files.length > 0 ? `found artifact ${name} of run ${run.id} (${files.length} file${files.length === 1 ? "" : "s"})` : `artifact ${name} of run ${run.id} is empty`
    };
  }
  return {
    files: [],
    detail: expired ? `artifact ${name} has expired` : `no artifact named ${name} in ${runs.length} successful run${runs.length === 1 ? "" : "s"}`
  };
}
async function fromHistory(client, options, at2, dir) {
  const branch = options.historyBranch ?? DEFAULT_HISTORY_BRANCH;
  const path = historyPath(at2.sha, options.reportId);
  const files = [];
  try {
    await downloadPath(client, options, branch, path, dir, files, 0);
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
  }
  return { files, detail: files.length > 0 ? `found ${branch}:${path}` : `${branch}:${path} not found` };
}
function historyPath(sha, reportId = DEFAULT_REPORT_ID) {
  if (reportId === DEFAULT_REPORT_ID) return `${sha}.json`;
  return `${pathSegments(reportId).join("/")}/${sha}.json`;
}
function repositoryPath(path) {
  const segments = path.replace(/\\/g, "/").split("/").filter((s) => s !== "" && s !== ".");
  if (segments.length === 0 || segments.includes("..")) {
    throw new ConfigurationError(
      `baseline path ${JSON.stringify(path)} is not a path inside the repository: expected a file or folder like "metrics.json" or "results/"`
    );
  }
  return segments.join("/");
}
async function unzipInto(zip, dir) {
  const entries = unzipSync(zip);
  const files = [];
  for (const [name, content] of Object.entries(entries)) {
    if (name.endsWith("/")) continue;
    files.push(await writeInside(dir, name, content));
    if (files.length >= MAX_FILES) break;
  }
  return files.sort();
}
async function writeInside(dir, name, content) {
  const root = (0, import_node_path.resolve)(dir);
  const target = (0, import_node_path.resolve)(root, name.replace(/\\/g, "/").replace(/^\/+/, ""));
  if (target !== root && !target.startsWith(root + import_node_path.sep)) {
    throw new Error(`refusing to write ${JSON.stringify(name)} outside ${root}`);
  }
  await (0, import_promises.mkdir)((0, import_node_path.dirname)(target), { recursive: true });
  await (0, import_promises.writeFile)(target, content);
  return target;
}

// packages/github/src/pulls.ts
async function findPullRequestForRun(client, options) {
  const { run } = options;
  const listed = run.pullRequests.find((pr2) => pr2.headSha === run.headSha) ?? run.pullRequests[0];
  if (listed !== void 0) return listed;
  if (run.headBranch === void 0) return void 0;
  const headOwner = run.headRepo?.split("/")[0] ?? options.owner;
  const candidates = await client.paginate(client.rest.pulls.list, {
    owner: options.owner,
    repo: options.repo,
    head: `${headOwner}:${run.headBranch}`,
    state: "open",
    per_page: 100
  });
  const pr = candidates.find((p) => p.head.sha === run.headSha);
  if (pr === void 0) return void 0;
  return {
    number: pr.number,
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    baseSha: pr.base.sha,
    baseRef: pr.base.ref
  };
}

// packages/github/src/acceptance.ts
var WRITERS = /* @__PURE__ */ new Set(["admin", "maintain", "write"]);
async function findAcceptance(client, options) {
  const { event, label } = options;
  if (!event.labels.includes(label) && event.label !== label) return {};
  if (event.action !== "labeled" || event.label !== label || event.sender === void 0) {
    return {
      note: `the label "${label}" was added for an earlier state of this pull request: add it again to accept the regressions of ${event.headSha.slice(0, 7)}`
    };
  }
  try {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({
      owner: options.owner,
      repo: options.repo,
      username: event.sender
    });
    const role = data.role_name ?? data.permission;
    if (!WRITERS.has(role) && !WRITERS.has(data.permission)) {
      return {
        note: `the label "${label}" was added by @${event.sender}, who may not write to this repository (${role}): only a maintainer can accept a regression`
      };
    }
    return { accepted: { by: event.sender, label, head: event.headSha } };
  } catch (error) {
    const status = statusOf(error);
    return {
      note: `the label "${label}" could not be checked: the permission of @${event.sender} could not be read (${status === void 0 ? "" : `${status} `}${messageOf(error)}); re-run the job`
    };
  }
}

// packages/github/src/history.ts
function historySummaryPath(reportId = DEFAULT_REPORT_ID) {
  if (reportId === DEFAULT_REPORT_ID) return HISTORY_SUMMARY_FILE;
  return `${pathSegments(reportId).join("/")}/${HISTORY_SUMMARY_FILE}`;
}
var MAX_READ_BYTES = 16 * 1024 * 1024;
var FIX = "delete it on the history branch: the next push to the default branch that the report action records rebuilds it from the records";
async function readHistorySummary(client, options) {
  const branch = options.branch ?? DEFAULT_HISTORY_BRANCH;
  const path = historySummaryPath(options.reportId);
  const where = `${branch}:${path}`;
  let text;
  if (options.prefetched !== void 0) text = options.prefetched?.toString("utf8");
  else
    try {
      text = await fileAt(client, {
        owner: options.owner,
        repo: options.repo,
        ref: options.ref ?? branch,
        path
      });
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
    }
  if (text === void 0) return { where };
  if (text.length > MAX_READ_BYTES)
    throw new ConfigurationError(`${where}: ${text.length} bytes, more than a summary holds; ${FIX}`);
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`${where}: not JSON (${messageOf(error)}); ${FIX}`);
  }
  try {
    return { summary: decodeHistorySummary(value, where), where };
  } catch (error) {
    if (error instanceof ConfigurationError) throw new ConfigurationError(`${error.message}; ${FIX}`);
    throw error;
  }
}
var MAX_REBUILD_RECORDS = 1e3;
var MAX_REBUILD_BYTES = 64 * 1024 * 1024;
var RECORD_FILE = /^(?:.*\/)?[0-9a-f]{40}(?:[0-9a-f]{24})?\.json$/;
async function recordHistoryWithSummary(client, options) {
  const log = options.log ?? silentLogger;
  const branch = options.branch ?? DEFAULT_HISTORY_BRANCH;
  const { owner, repo, document } = options;
  const path = historyPath(document.sha, options.reportId);
  const summaryPath = historySummaryPath(options.reportId);
  const record = summaryRecordOf(document);
  let outcome;
  const summaryAt = async (head) => {
    let previous = [];
    let rebuilt;
    if (head !== void 0) {
      let summary;
      let why = "missing";
      try {
        summary = (await readHistorySummary(client, { owner, repo, branch, reportId: options.reportId, ref: head })).summary;
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        why = "not one mlci can read";
        log.warning(`${error.message}. Rebuilding it from the records.`);
      }
      if (summary !== void 0) previous = summary.records;
      else {
        previous = await rebuildFromRecords(client, {
          owner,
          repo,
          head,
          branch,
          summaryPath,
          why,
          keep: options.keep ?? HISTORY_SUMMARY_RECORDS,
          maxRebuild: options.maxRebuild ?? MAX_REBUILD_RECORDS,
          log
        });
        rebuilt = previous.length;
      }
    }
    const merged = mergeHistorySummary(previous, [record], {
      maxRecords: options.keep ?? HISTORY_SUMMARY_RECORDS
    });
    outcome = { records: merged.summary.records.length, dropped: merged.dropped };
    if (rebuilt !== void 0) outcome.rebuilt = rebuilt;
    const kept = new Set(merged.summary.records.map((r) => r.sha));
    const removed = previous.filter((r) => !kept.has(r.sha) && r.sha !== record.sha);
    outcome.removed = removed.length;
    if (!merged.summary.records.some((r) => r.sha === record.sha))
      log.warning(
        `${branch}:${summaryPath}: the record of ${document.sha.slice(0, 7)} alone is over the summary's size limit, so the summary does not hold it; the statistics of pull requests will not see it`
      );
    return [
      { path: summaryPath, content: merged.text },
      ...removed.map((r) => ({ path: historyPath(r.sha, options.reportId), content: null }))
    ];
  };
  try {
    const result = await commitFilesInOneRequest(client, {
      owner,
      repo,
      branch,
      files: [{ path, content: `${stringifyDocument(document)}
` }],
      filesAtHead: summaryAt,
      message: `mlci: metrics of ${document.sha.slice(0, 7)}`,
      ...options.maxAttempts === void 0 ? {} : { maxAttempts: options.maxAttempts },
      ...options.retryDelayMs === void 0 ? {} : { retryDelayMs: options.retryDelayMs },
      log
    });
    const done = outcome;
    return {
      ok: true,
      commitSha: result.commitSha,
      path,
      summaryPath,
      records: done.records,
      removed: done.removed ?? 0,
      ...done.rebuilt !== void 0 ? { rebuilt: done.rebuilt } : {}
    };
  } catch (error) {
    if (!isReadOnlyError(error) && !isGraphqlForbidden(error)) throw error;
    return {
      ok: false,
      reason: `the token may not push to the ${branch} branch (${messageOf(error)}); grant \`contents: write\``
    };
  }
}
async function rebuildFromRecords(client, options) {
  const { owner, repo, log, branch, keep } = options;
  const folder = options.summaryPath.slice(0, -HISTORY_SUMMARY_FILE.length);
  const where = `${branch}:${options.summaryPath}`;
  const tree = await commitTree(client, { owner, repo, sha: options.head });
  const records = tree.blobs.filter(
    (b) => b.path.startsWith(folder) && !b.path.slice(folder.length).includes("/") && RECORD_FILE.test(b.path)
  );
  if (records.length === 0) return [];
  const limit = Math.min(options.maxRebuild, MAX_REBUILD_RECORDS);
  const bytes = records.reduce((sum, b) => sum + b.size, 0);
  if (tree.truncated || records.length > limit || bytes > MAX_REBUILD_BYTES) {
    log.warning(
      `${where} is ${options.why}, and the ${tree.truncated ? "branch is too large to list" : `${records.length} records (${Math.round(bytes / 1024)} KiB) are more than a rebuild reads (${limit}, ${MAX_REBUILD_BYTES / 1024 / 1024} MiB)`}: the summary starts from this record. To rebuild it from older records, delete all but the newest ${keep} records and ${options.summaryPath} on the branch; the next recorded push reads them.`
    );
    return [];
  }
  const contents = await readBlobs(client, { owner, repo, blobs: records });
  const dated = [];
  let undated = 0;
  for (const blob of records) {
    const shown = `${branch}:${blob.path}`;
    let doc;
    try {
      doc = decodeHistoryDocument(JSON.parse(contents.get(blob.sha).toString("utf8")), shown);
    } catch (error) {
      log.warning(`${shown} is left out of the summary: ${messageOf(error)}`);
      continue;
    }
    if (doc.recordedAt === void 0) undated++;
    else dated.push({ doc, file: blob.path });
  }
  const kept = orderHistory(dated).sorted.slice(-keep);
  log.info(
    `${where} was ${options.why}: rebuilt from the newest ${kept.length} of ${records.length} records on the branch${undated > 0 ? ` (${undated} without a recording time left out: their order is unknown)` : ""}.`
  );
  return kept.map((e) => summaryRecordOf(e.doc));
}

// packages/github/src/path-at.ts
var import_promises2 = __toESM(require_promises(), 1);
var import_node_os2 = __toESM(require_node_os(), 1);
var import_node_path2 = __toESM(require_node_path(), 1);
var MAX_FETCHED_FILES = 1e3;
var MAX_FETCHED_BYTES = 1024 * 1024 * 1024;
var LISTING_LIMIT = 1e3;
var MAX_DEPTH = 8;
async function fetchPathAt(client, options) {
  const path = options.path.replace(/\\/g, "/").replace(/^\.\//, "").replace(/^\/+|\/+$/g, "");
  const label = options.label ?? `${options.ref}:${path}`;
  const root = await (0, import_promises2.mkdtemp)((0, import_node_path2.join)(options.workDir ?? (0, import_node_os2.tmpdir)(), "mlci-path-at-"));
  const target = (0, import_node_path2.join)(root, import_node_path2.posix.basename(path) || "root");
  const tooLarge = (what) => new ConfigurationError(
    `${label}: ${what}, more than mlci fetches through GitHub's API (${MAX_FETCHED_FILES} files, ${MAX_FETCHED_BYTES / 1024 / 1024 / 1024} GB in all, ${MAX_BLOB_BYTES / 1024 / 1024} MB a file): fetch the base commit in the checkout (actions/checkout with fetch-depth: 0), which is read without these limits, or name a smaller reference`
  );
  const fetched = { path: target, kind: "file", files: 0, bytes: 0, skipped: [] };
  const get = async (inside) => {
    try {
      return (await client.rest.repos.getContent({
        owner: options.owner,
        repo: options.repo,
        path: inside,
        ref: options.ref
      })).data;
    } catch (error) {
      if (statusOf(error) === 404) return void 0;
      throw error;
    }
  };
  const readFile = async (entry) => {
    if (entry.size > MAX_BLOB_BYTES)
      throw tooLarge(`${entry.path} is ${(entry.size / 1024 / 1024).toFixed(0)} MB`);
    if (fetched.files + 1 > MAX_FETCHED_FILES) throw tooLarge(`more than ${MAX_FETCHED_FILES} files`);
    if (fetched.bytes + entry.size > MAX_FETCHED_BYTES)
      throw tooLarge(`more than ${MAX_FETCHED_BYTES / 1024 / 1024 / 1024} GB`);
    let base64 = entry.content ?? "";
    if (base64 === "" && entry.size > 0) {
      base64 = (await client.rest.git.getBlob({ owner: options.owner, repo: options.repo, file_sha: entry.sha })).data.content;
    }
    const bytes = Buffer.from(base64, "base64");
    fetched.files += 1;
    fetched.bytes += bytes.length;
    return bytes;
  };
  const top = await get(path);
  if (top === void 0) return void 0;
  if (!Array.isArray(top)) {
    if (top.type !== "file")
      throw new ConfigurationError(`${label}: is a ${top.type}, expected a file or a folder`);
    await writeInside(root, import_node_path2.posix.basename(path), await readFile(top));
    return fetched;
  }
  fetched.kind = "folder";
  await (0, import_promises2.mkdir)(target, { recursive: true });
  const walk = async (folder, listing, depth) => {
    if (listing.length >= LISTING_LIMIT)
      throw tooLarge(`${folder} lists ${listing.length} entries or more (GitHub's contents API stops there)`);
    for (const entry of [...listing].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
      const inside = entry.path.slice(path.length).replace(/^\/+/, "");
      if (entry.name.startsWith(".") || entry.name.startsWith("_")) continue;
      if (entry.type === "dir") {
        if (depth >= MAX_DEPTH) {
          fetched.skipped.push(`${entry.path} (deeper than ${MAX_DEPTH} folders)`);
          continue;
        }
        const sub = await get(entry.path);
        if (Array.isArray(sub)) await walk(entry.path, sub, depth + 1);
        continue;
      }
      if (entry.type !== "file") {
        fetched.skipped.push(`${entry.path} (a ${entry.type})`);
        continue;
      }
      await writeInside(target, inside, await readFile(entry));
    }
  };
  await walk(path, top, 0);
  return fetched;
}

// packages/github/src/issues.ts
function issueMarker(id) {
  return `<!-- mlci-issue id="${id.replace(/[^A-Za-z0-9._/-]/g, "_")}" -->`;
}
function toReportIssue(i) {
  const issue = {
    number: i.number,
    url: i.html_url,
    title: i.title,
    body: i.body ?? "",
    labels: i.labels.map((l) => typeof l === "string" ? l : l.name).filter((name) => name !== void 0)
  };
  if (i.user !== null) issue.author = { login: i.user.login, type: i.user.type };
  return issue;
}
function byAuthor(author) {
  return (i) => author !== void 0 && i.author?.login === author.login && (author.type === void 0 || i.author.type === author.type);
}
async function listMarked(client, target, labels) {
  const listed = await client.paginate(client.rest.issues.listForRepo, {
    owner: target.owner,
    repo: target.repo,
    state: "open",
    sort: "created",
    direction: "asc",
    per_page: 100,
    ...labels !== void 0 && labels.length > 0 ? { labels: labels.join(",") } : {}
  });
  return listed.filter((i) => i.pull_request === void 0 && (i.body ?? "").includes(target.marker)).map(toReportIssue).sort((a, b) => a.number - b.number);
}
async function findReportIssues(client, target) {
  const log = target.log ?? silentLogger;
  let author = target.author;
  const identify = async (marked2) => {
    if (author !== void 0 || marked2.length === 0) return;
    const identity = await tokenIdentity(client, log);
    if (identity !== void 0) author = { login: identity.login };
  };
  if (target.labels !== void 0 && target.labels.length > 0) {
    const labelled = await listMarked(client, target, target.labels);
    await identify(labelled);
    const ours = labelled.filter(byAuthor(author));
    if (ours.length > 0) return { issues: ours, identified: true, marked: labelled.length };
  }
  const marked = await listMarked(client, target);
  await identify(marked);
  return {
    issues: marked.filter(byAuthor(author)),
    identified: author !== void 0 || marked.length === 0,
    marked: marked.length
  };
}
async function createIssue(client, options) {
  const { data } = await client.rest.issues.create({
    owner: options.owner,
    repo: options.repo,
    title: options.title,
    body: options.body,
    ...options.labels !== void 0 && options.labels.length > 0 ? { labels: options.labels } : {}
  });
  return toReportIssue(data);
}
async function updateIssue(client, options) {
  const { data } = await client.rest.issues.update({
    owner: options.owner,
    repo: options.repo,
    issue_number: options.number,
    body: options.body,
    ...options.title !== void 0 ? { title: options.title } : {}
  });
  return toReportIssue(data);
}
async function commentOnIssue(client, options) {
  const { data } = await client.rest.issues.createComment({
    owner: options.owner,
    repo: options.repo,
    issue_number: options.number,
    body: options.body
  });
  return { id: data.id, url: data.html_url };
}
async function closeIssue(client, options) {
  const { data } = await client.rest.issues.update({
    owner: options.owner,
    repo: options.repo,
    issue_number: options.number,
    state: "closed",
    state_reason: options.reason
  });
  return toReportIssue(data);
}
function withIssueMarker(body, marker) {
  return body.includes(marker) ? body : `${body}
${marker}`;
}
function shortIssueBody(marker, fullReportUrl) {
  const where = fullReportUrl === void 0 ? "in the workflow run's job summary" : `[here](${fullReportUrl})`;
  return withIssueMarker(`**mlci report**: the report is too long for an issue; read it ${where}.`, marker);
}
async function raiseReportIssue(client, options) {
  const log = options.log ?? silentLogger;
  const { owner, repo, marker } = options;
  const body = withIssueMarker(options.body, marker);
  const found = await findReportIssues(client, options);
  if (!found.identified) {
    log.info(
      `${found.marked} open issue(s) carry this report's marker, but which account the token is could not be found: opening the report as a new issue (GitHub names its author), then keeping one issue of that author.`
    );
  }
  const existing = found.issues[0];
  if (existing !== void 0) {
    const written2 = await writeBody(client, options, log, body, existing);
    await commentOnIssue(client, { owner, repo, number: existing.number, body: options.comment });
    const duplicatesClosed2 = await closeDuplicates(client, options, existing, found.issues.slice(1));
    return {
      action: "updated",
      number: existing.number,
      url: existing.url,
      duplicatesClosed: duplicatesClosed2,
      shortened: written2.shortened
    };
  }
  const created = await writeBody(client, options, log, body);
  const author = options.author ?? created.issue.author;
  if (options.author === void 0 && created.issue.author !== void 0) {
    rememberIdentity(client, { login: created.issue.author.login });
  }
  const after = (await listMarked(client, options)).filter(byAuthor(author));
  const keeper = after[0];
  if (keeper === void 0 || keeper.number === created.issue.number) {
    const duplicatesClosed2 = await closeDuplicates(client, options, created.issue, after.slice(1));
    return {
      action: "created",
      number: created.issue.number,
      url: created.issue.url,
      duplicatesClosed: duplicatesClosed2,
      shortened: created.shortened
    };
  }
  const written = await writeBody(client, options, log, created.body, keeper);
  await commentOnIssue(client, { owner, repo, number: keeper.number, body: options.comment });
  const duplicatesClosed = await closeDuplicates(client, options, keeper, after.slice(1));
  return {
    action: "updated",
    number: keeper.number,
    url: keeper.url,
    duplicatesClosed,
    shortened: written.shortened
  };
}
async function resolveReportIssue(client, options) {
  const log = options.log ?? silentLogger;
  const { owner, repo } = options;
  const found = await findReportIssues(client, options);
  if (!found.identified) {
    const reason = `${found.marked} open issue(s) carry this report's marker, but which account the token is could not be found, so none is known to be the report's: left open. Set the report input comment-author to the token's login to close it.`;
    log.warning(reason);
    return { action: "none", duplicatesClosed: 0, shortened: false, reason };
  }
  if (found.issues.length === 0) {
    return { action: "none", duplicatesClosed: 0, shortened: false, reason: "no open issue" };
  }
  for (const issue of found.issues) {
    await commentOnIssue(client, { owner, repo, number: issue.number, body: options.comment });
    if (options.close) await closeIssue(client, { owner, repo, number: issue.number, reason: "completed" });
  }
  const first = found.issues[0];
  return {
    action: options.close ? "closed" : "commented",
    number: first.number,
    url: first.url,
    duplicatesClosed: options.close ? found.issues.length - 1 : 0,
    shortened: false
  };
}
async function closeDuplicates(client, options, keeper, duplicates) {
  const { owner, repo } = options;
  let closed = 0;
  for (const duplicate of duplicates) {
    if (duplicate.number === keeper.number) continue;
    try {
      await commentOnIssue(client, {
        owner,
        repo,
        number: duplicate.number,
        body: `Duplicate of #${keeper.number}`
      });
      await closeIssue(client, { owner, repo, number: duplicate.number, reason: "not_planned" });
      closed++;
    } catch (error) {
      if (statusOf(error) !== 404 && statusOf(error) !== 410) throw error;
    }
  }
  if (closed > 0) {
    options.log?.info(
      `Closed ${closed} duplicate issue(s) opened by concurrent runs, keeping #${keeper.number}.`
    );
  }
  return closed;
}
async function writeBody(client, options, log, body, existing) {
  const { owner, repo } = options;
  const send2 = (text) => existing === void 0 ? createIssue(client, {
    owner,
    repo,
    title: options.title,
    body: text,
    ...options.labels !== void 0 ? { labels: options.labels } : {}
  }) : updateIssue(client, {
    owner,
    repo,
    number: existing.number,
    body: text,
    ...existing.title !== options.title ? { title: options.title } : {}
  });
  try {
    return { issue: await send2(body), body, shortened: false };
  } catch (error) {
    if (statusOf(error) !== 422 || !/body is too long/i.test(String(error.message))) throw error;
    const short2 = shortIssueBody(options.marker, options.fullReportUrl);
    log.warning(
      `GitHub refused the report as too long for an issue (${body.length} characters): writing a short body that links the full report.`
    );
    return { issue: await send2(short2), body: short2, shortened: true };
  }
}

export {
  readContext,
  createClient,
  statusOf,
  messageOf,
  STAMP_ROOM,
  upsertReportComment,
  issueMarker,
  raiseReportIssue,
  resolveReportIssue,
  assertForkSafe,
  isReadOnlyError,
  publishCheckRun,
  branchHead,
  readBranchHeadEarly,
  DEFAULT_ASSETS_BRANCH,
  publishAssets,
  removeAssetsFolder,
  DEFAULT_ASSETS_KEEP_DAYS,
  prunePushFolders,
  DEFAULT_BASELINE_SOURCES,
  DEFAULT_HISTORY_BRANCH,
  DEFAULT_BASELINE_ARTIFACT,
  findBaseline,
  findBaseCommits,
  fileAt,
  findPullRequestForRun,
  findAcceptance,
  historySummaryPath,
  readHistorySummary,
  recordHistoryWithSummary,
  fetchPathAt
};
/*! Bundled license information:

content-type/dist/index.js:
  (*!
   * content-type
   * Copyright(c) 2015 Douglas Christopher Wilson
   * MIT Licensed
   *)

@octokit/request-error/dist-src/index.js:
  (* v8 ignore else -- @preserve -- Bug with vitest coverage where it sees an else branch that doesn't exist *)

@octokit/request/dist-bundle/index.js:
  (* v8 ignore next -- @preserve *)
  (* v8 ignore else -- @preserve *)

@octokit/graphql/dist-bundle/index.js:
  (* v8 ignore if -- @preserve *)
*/
