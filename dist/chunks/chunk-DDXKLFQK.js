import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  AXIS_COLOR,
  BASE_DASH,
  BASE_LINE_WIDTH,
  CHART_FONT_FAMILY,
  CHART_WIDTH,
  CURVE_HEIGHT,
  ChartsUnavailableError,
  FONT_SIZE,
  GRID_COLOR,
  HEAD_LINE_WIDTH,
  HISTORY_HEIGHT,
  MUTED_TEXT_COLOR,
  OKABE_ITO,
  STATUS_COLORS,
  TEXT_COLOR,
  WHISKER_COLOR,
  ZERO_LINE_COLOR,
  axisOptions,
  bandFill,
  baseOptions,
  distinctLabels,
  formatDelta,
  formatNumber,
  formatPercent,
  formatValue,
  listWords,
  middleEllipsis,
  plural,
  require_node_zlib,
  roundNoise,
  seriesColor,
  tickLabel,
  uniqueFileName,
  withAlpha
} from "./chunk-ERHSPN4D.js";
import {
  require_node_url
} from "./chunk-D2FLYXD6.js";
import {
  markdownTable
} from "./chunk-V3TF6P22.js";
import {
  require_node_module
} from "./chunk-MTIA3I3M.js";
import {
  DEFAULT_MAX_SERIES_POINTS,
  DocBuilder,
  LONG_LIST,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_KEYS,
  MAX_NESTING,
  checkInside,
  childKey,
  decodeUtf8,
  escapeSegment,
  extensionOf,
  fileStem,
  flattenInto,
  folderScope,
  isParamsFileName,
  joinKey,
  listFolder,
  numberFromJson,
  numberToJson,
  openRegular,
  parseNumber,
  probePath,
  readAt,
  readTextFile,
  require_promises,
  setOwn,
  slashPathToKey,
  sortRecord,
  splitKey,
  statOrExplain,
  streamFile
} from "./chunk-5VLZXSW3.js";
import {
  require_node_fs
} from "./chunk-ERMUBDDR.js";
import {
  require_node_path
} from "./chunk-DPFCA6DW.js";
import {
  ConfigurationError,
  MlciError,
  ParseError,
  isMlciError,
  lineColumnAt
} from "./chunk-TQLTVCQ6.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-3CG65SHH.js";

// builtin-by-require:node:buffer
var require_node_buffer = __commonJS({
  "builtin-by-require:node:buffer"(exports, module) {
    module.exports = __require("node:buffer");
  }
});

// ../../work/main/node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "../../work/main/node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar4(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap4;
    exports.isNode = isNode;
    exports.isPair = isPair2;
    exports.isScalar = isScalar4;
    exports.isSeq = isSeq4;
  }
});

// ../../work/main/node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "../../work/main/node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i2 = 0; i2 < node.items.length; ++i2) {
            const ci = visit_(i2, node.items[i2], visitor, path);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i2, 1);
              i2 -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i2 = 0; i2 < node.items.length; ++i2) {
            const ci = await visitAsync_(i2, node.items[i2], visitor, path);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i2, 1);
              i2 -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// ../../work/main/node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "../../work/main/node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line2, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line2.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source2, onError) {
        if (source2 === "!")
          return "!";
        if (source2[0] !== "!") {
          onError(`Not a valid tag: ${source2}`);
          return null;
        }
        if (source2[1] === "<") {
          const verbatim = source2.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source2} is invalid.`);
            return null;
          }
          if (source2[source2.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source2.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source2} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source2;
        onError(`Could not resolve tag: ${source2}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// ../../work/main/node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "../../work/main/node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i2 = 1; true; ++i2) {
        const name = `${prefix}${i2}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source2) => {
          aliasObjects.push(source2);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source2 of aliasObjects) {
            const ref = sourceObjects.get(source2);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source2;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// ../../work/main/node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "../../work/main/node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i2 = 0, len = val.length; i2 < len; ++i2) {
            const v0 = val[i2];
            const v1 = applyReviver(reviver, val, String(i2), v0);
            if (v1 === void 0)
              delete val[i2];
            else if (v1 !== v0)
              val[i2] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// ../../work/main/node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "../../work/main/node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i2) => toJS(v, String(i2), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// ../../work/main/node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "../../work/main/node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count4, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count4);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// ../../work/main/node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "../../work/main/node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source2) {
        super(identity.ALIAS);
        this.source = source2;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source2 = this.resolve(ctx.doc, ctx);
        if (!source2) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source2).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source2 = node.resolve(doc);
        const anchor = anchors2 && source2 && anchors2.get(source2);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count4 = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count4)
            count4 = c;
        }
        return count4;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// ../../work/main/node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "../../work/main/node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// ../../work/main/node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "../../work/main/node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// ../../work/main/node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "../../work/main/node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i2 = path.length - 1; i2 >= 0; --i2) {
        const k = path[i2];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// ../../work/main/node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "../../work/main/node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// ../../work/main/node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "../../work/main/node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text6, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text6;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text6.length <= endStep)
        return text6;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i2 = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i2 = consumeMoreIndentedLines(text6, i2, indent.length);
        if (i2 !== -1)
          end = i2 + endStep;
      }
      for (let ch; ch = text6[i2 += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i2;
          switch (text6[i2 + 1]) {
            case "x":
              i2 += 3;
              break;
            case "u":
              i2 += 5;
              break;
            case "U":
              i2 += 9;
              break;
            default:
              i2 += 1;
          }
          escEnd = i2;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i2 = consumeMoreIndentedLines(text6, i2, indent.length);
          end = i2 + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text6[i2 + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i2;
          }
          if (i2 >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text6[i2 += 1];
                overflow = true;
              }
              const j = i2 > escEnd + 1 ? i2 - 2 : escStart - 1;
              if (escapedFolds[j])
                return text6;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text6;
      if (onFold)
        onFold();
      let res = text6.slice(0, folds[0]);
      for (let i3 = 0; i3 < folds.length; ++i3) {
        const fold = folds[i3];
        const end2 = folds[i3 + 1] || text6.length;
        if (fold === 0)
          res = `
${indent}${text6.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text6[fold]}\\`;
          res += `
${indent}${text6.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text6, i2, indent) {
      let end = i2;
      let start = i2 + 1;
      let ch = text6[start];
      while (ch === " " || ch === "	") {
        if (i2 < start + indent) {
          ch = text6[++i2];
        } else {
          do {
            ch = text6[++i2];
          } while (ch && ch !== "\n");
          end = i2;
          start = i2 + 1;
          ch = text6[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// ../../work/main/node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "../../work/main/node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i2 = 0, start = 0; i2 < strLen; ++i2) {
        if (str[i2] === "\n") {
          if (i2 - start > limit)
            return true;
          start = i2 + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i2 = 0, ch = json[i2]; ch; ch = json[++i2]) {
        if (ch === " " && json[i2 + 1] === "\\" && json[i2 + 2] === "n") {
          str += json.slice(start, i2) + "\\ ";
          i2 += 1;
          start = i2;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i2 + 1]) {
            case "u":
              {
                str += json.slice(start, i2);
                const code = json.substr(i2 + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i2, 6);
                }
                i2 += 5;
                start = i2 + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i2 + 2] === '"' || json.length < minMultiLineLength) {
                i2 += 1;
              } else {
                str += json.slice(start, i2) + "\n\n";
                while (json[i2 + 2] === "\\" && json[i2 + 3] === "n" && json[i2 + 4] !== '"') {
                  str += "\n";
                  i2 += 2;
                }
                str += indent;
                if (json[i2 + 2] === " ")
                  str += "\\";
                i2 += 1;
                start = i2 + 1;
              }
              break;
            default:
              i2 += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal2 = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal2 ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal2) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// ../../work/main/node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "../../work/main/node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// ../../work/main/node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "../../work/main/node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// ../../work/main/node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "../../work/main/node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source2 = resolveAliasValue(ctx, value);
      if (identity.isSeq(source2))
        for (const it of source2.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source2))
        for (const it of source2)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source2);
    }
    function mergeValue(ctx, map, value) {
      const source2 = resolveAliasValue(ctx, value);
      if (!identity.isMap(source2))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source2.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// ../../work/main/node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "../../work/main/node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// ../../work/main/node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "../../work/main/node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// ../../work/main/node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "../../work/main/node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i2 = 0; i2 < items.length; ++i2) {
        const item = items[i2];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i2 = 1; i2 < lines.length; ++i2) {
          const line2 = lines[i2];
          str += line2 ? `
${indent}${line2}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i2 = 0; i2 < items.length; ++i2) {
        const item = items[i2];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i2 < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line2) => sum + line2.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line2) => sum + line2.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line2 of lines)
            str += line2 ? `
${indentStep}${indent}${line2}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// ../../work/main/node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "../../work/main/node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i2 = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i2 === -1)
            this.items.push(_pair);
          else
            this.items.splice(i2, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// ../../work/main/node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "../../work/main/node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i2 = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i2++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i2 = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i2++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source: source2 }, ctx) => typeof source2 === "string" && nullTag.test.test(source2) ? source2 : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source: source2, value }, ctx) {
        if (source2 && boolTag.test.test(source2)) {
          const sv = source2[0] === "t" || source2[0] === "T";
          if (value === sv)
            return source2;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// ../../work/main/node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "../../work/main/node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i2 = n.indexOf(".");
        if (i2 < 0) {
          i2 = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i2 - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i2 = 0; i2 < str.length; ++i2)
            buffer[i2] = str.charCodeAt(i2);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i2 = 0; i2 < buf.length; ++i2)
            s += String.fromCharCode(buf[i2]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i2 = 0, o = 0; i2 < n; ++i2, o += lineWidth) {
            lines[i2] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i2 = 0; i2 < seq.items.length; ++i2) {
          let item = seq.items[i2];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i2] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i2 = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i2++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source: source2 }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source2 && boolObj.test.test(source2))
        return source2;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// ../../work/main/node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "../../work/main/node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// ../../work/main/node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "../../work/main/node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument2(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument2;
  }
});

// ../../work/main/node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "../../work/main/node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument2 = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count4, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count4);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument2.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// ../../work/main/node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "../../work/main/node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line: line2, col } = error.linePos[0];
      error.message += ` at line ${line2}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line2 - 1], lc.lineStarts[line2]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line2 > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line2 - 2], lc.lineStarts[line2 - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count4 = 1;
        const end = error.linePos[1];
        if (end?.line === line2 && end.col > col) {
          count4 = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count4);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep3, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep3) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep3 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep3, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep3 = "";
        for (const token of end) {
          const { source: source2, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source2.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep3 + cb;
              sep3 = "";
              break;
            }
            case "newline":
              if (comment)
                sep3 += source2;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source2.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap4 = fc.start.source === "{";
      const fcName = isMap4 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap4 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i2 = 0; i2 < fc.items.length; ++i2) {
        const collItem = fc.items[i2];
        const { start, key, sep: sep3, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep3 && !value) {
            if (i2 === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i2 < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap4 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i2 === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap4 && !sep3 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep3, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep3 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap4 && !props.found && ctx.options.strict) {
              if (sep3)
                for (const st of sep3) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep3, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap4) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap4 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i2 = lines.length - 1; i2 >= 0; --i2) {
        const content = lines[i2][1];
        if (content === "" || content === "\r")
          chompStart = i2;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i2 = 0; i2 < chompStart; ++i2) {
        const [indent, content] = lines[i2];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i2;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i2 = lines.length - 1; i2 >= chompStart; --i2) {
        if (lines[i2][0].length > trimIndent)
          chompStart = i2 + 1;
      }
      let value = "";
      let sep3 = "";
      let prevMoreIndented = false;
      for (let i2 = 0; i2 < contentStart; ++i2)
        value += lines[i2][0].slice(trimIndent) + "\n";
      for (let i2 = contentStart; i2 < chompStart; ++i2) {
        let [indent, content] = lines[i2];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep3 === " ")
            sep3 = "\n";
          else if (!prevMoreIndented && sep3 === "\n")
            sep3 = "\n\n";
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep3 === "\n")
            value += "\n";
          else
            sep3 = "\n";
        } else {
          value += sep3 + content;
          sep3 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i2 = chompStart; i2 < lines.length; ++i2)
            value += "\n" + lines[i2][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source: source2 } = props[0];
      const mode = source2[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i2 = 1; i2 < source2.length; ++i2) {
        const ch = source2[i2];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i2;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source2}`);
      let hasSpace = false;
      let comment = "";
      let length = source2.length;
      for (let i2 = 1; i2 < props.length; ++i2) {
        const token = props[i2];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source2) {
      const split = source2.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i2 = 1; i2 < split.length; i2 += 2)
        lines.push([split[i2], split[i2 + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source: source2, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source2, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source2, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source2, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source2.length, offset + source2.length]
          };
      }
      const valueEnd = offset + source2.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source2, onError) {
      let badChar = "";
      switch (source2[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source2[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source2[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source2);
    }
    function singleQuotedValue(source2, onError) {
      if (source2[source2.length - 1] !== "'" || source2.length === 1)
        onError(source2.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source2.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source2) {
      const line2 = /(.*?)\r?\n/sy;
      let match = line2.exec(source2);
      if (!match)
        return source2;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep3 = " ";
      let pos = line2.lastIndex;
      while (match = line2.exec(source2)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep3 === "\n")
            res += sep3;
          else
            sep3 = "\n";
        } else {
          res += sep3 + lm;
          sep3 = " ";
        }
        pos = line2.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source2);
      return res + sep3 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source2, onError) {
      let res = "";
      for (let i2 = 1; i2 < source2.length - 1; ++i2) {
        const ch = source2[i2];
        if (ch === "\r" && source2[i2 + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source2, i2);
          res += fold;
          i2 = offset;
        } else if (ch === "\\") {
          let next = source2[++i2];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source2[i2 + 1];
            while (next === " " || next === "	")
              next = source2[++i2 + 1];
          } else if (next === "\r" && source2[i2 + 1] === "\n") {
            next = source2[++i2 + 1];
            while (next === " " || next === "	")
              next = source2[++i2 + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source2, i2 + 1, length, onError);
            i2 += length;
          } else {
            const raw = source2.substr(i2 - 1, 2);
            onError(i2 - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i2;
          let next = source2[i2 + 1];
          while (next === " " || next === "	")
            next = source2[++i2 + 1];
          if (next !== "\n" && !(next === "\r" && source2[i2 + 2] === "\n"))
            res += i2 > wsStart ? source2.slice(wsStart, i2 + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source2[source2.length - 1] !== '"' || source2.length === 1)
        onError(source2.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source2, offset) {
      let fold = "";
      let ch = source2[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source2[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source2[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source2, offset, length, onError) {
      const cc = source2.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source2.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey: atKey2, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey2 && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i2 = pos - 1; i2 >= 0; --i2) {
          let st = before[i2];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i2];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i2];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey2 = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey2 && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source: source2, end }, onError) {
      const alias = new Alias.Alias(source2.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source2.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source2.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// ../../work/main/node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "../../work/main/node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source: source2 } = src;
      return [offset, offset + (typeof source2 === "string" ? source2.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i2 = 0; i2 < prelude.length; ++i2) {
        const source2 = prelude[i2];
        switch (source2[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source2.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i2 + 1]?.[0] !== "#")
              i2 += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source2, code, message, warning) => {
          const pos = getErrorPos(source2);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i2 = 0; i2 < this.errors.length; ++i2)
            doc.errors.push(this.errors[i2]);
          for (let i2 = 0; i2 < this.warnings.length; ++i2)
            doc.warnings.push(this.warnings[i2]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// ../../work/main/node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "../../work/main/node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source2 = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source2[0]) {
        case "|":
        case ">": {
          const he = source2.indexOf("\n");
          const head = source2.substring(0, he);
          const body = source2.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source: source2, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source: source2, end };
        default:
          return { type: "scalar", offset, indent, source: source2, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source2 = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source2[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source2);
          break;
        case '"':
          setFlowScalarValue(token, source2, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source2, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source2, "scalar");
      }
    }
    function setBlockScalarValue(token, source2) {
      const he = source2.indexOf("\n");
      const head = source2.substring(0, he);
      const body = source2.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source2, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source2;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source2.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source: source2, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source2.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source: source2, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source: source2, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// ../../work/main/node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "../../work/main/node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep3, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep3)
        for (const st of sep3)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// ../../work/main/node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "../../work/main/node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field2, index] of path) {
        const tok = item?.[field2];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field2 = path[path.length - 1][0];
      const coll = parent?.[field2];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field2 of ["key", "value"]) {
        const token = item[field2];
        if (token && "items" in token) {
          for (let i2 = 0; i2 < token.items.length; ++i2) {
            const ci = _visit(Object.freeze(path.concat([[field2, i2]])), token.items[i2], visitor);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i2, 1);
              i2 -= 1;
            }
          }
          if (typeof ctrl === "function" && field2 === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// ../../work/main/node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "../../work/main/node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar4 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source2) {
      switch (source2) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source2[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar4;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// ../../work/main/node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "../../work/main/node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source2, incomplete = false) {
        if (source2) {
          if (typeof source2 !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source2 : source2;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i2 = this.pos;
        let ch = this.buffer[i2];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i2];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i2 + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line2 = this.getLine();
        if (line2 === null)
          return this.setNext("stream");
        if (line2[0] === cst.BOM) {
          yield* this.pushCount(1);
          line2 = line2.substring(1);
        }
        if (line2[0] === "%") {
          let dirEnd = line2.length;
          let cs = line2.indexOf("#");
          while (cs !== -1) {
            const ch = line2[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line2.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line2[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line2.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line2.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line2 = this.getLine();
        if (line2 === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line2[n]) {
          case "#":
            yield* this.pushCount(line2.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line2.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line2 = this.getLine();
        if (line2 === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line2[0] !== "#" || indent === 0 && (line2.startsWith("---") || line2.startsWith("...")) && isEmpty(line2[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line2[0] === "]" || line2[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line2[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line2[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line2.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote2 = this.charAt(0);
        let end = this.buffer.indexOf(quote2, this.pos + 1);
        if (quote2 === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i2 = this.pos;
        while (true) {
          const ch = this.buffer[++i2];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i3 = this.pos; ch = this.buffer[i3]; ++i3) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i3;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i3 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i2 = nl + 1;
        ch = this.buffer[i2];
        while (ch === " ")
          ch = this.buffer[++i2];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i2];
          nl = i2 - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i3 = nl - 1;
            let ch2 = this.buffer[i3];
            if (ch2 === "\r")
              ch2 = this.buffer[--i3];
            const lastChar = i3;
            while (ch2 === " ")
              ch2 = this.buffer[--i3];
            if (ch2 === "\n" && i3 >= this.pos && i3 + 1 + indent > lastChar)
              nl = i3;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i2 = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i2]) {
          if (ch === ":") {
            const next = this.buffer[i2 + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i2;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i2 + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i2 += 1;
                ch = "\n";
                next = this.buffer[i2 + 1];
              } else
                end = i2;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i2 + 1);
              if (cs === -1)
                break;
              i2 = Math.max(i2, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i2;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i2, allowEmpty) {
        const s = this.buffer.slice(this.pos, i2);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i2 = this.pos + 2;
          let ch = this.buffer[i2];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i2];
          return yield* this.pushToIndex(ch === ">" ? i2 + 1 : i2, false);
        } else {
          let i2 = this.pos + 1;
          let ch = this.buffer[i2];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i2];
            else if (ch === "%" && hexDigits.has(this.buffer[i2 + 1]) && hexDigits.has(this.buffer[i2 + 2])) {
              ch = this.buffer[i2 += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i2, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i2 = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i2];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i2 - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i2;
        }
        return n;
      }
      *pushUntil(test) {
        let i2 = this.pos;
        let ch = this.buffer[i2];
        while (!test(ch))
          ch = this.buffer[++i2];
        return yield* this.pushToIndex(i2, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// ../../work/main/node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "../../work/main/node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter4 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter4;
  }
});

// ../../work/main/node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "../../work/main/node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list3, type) {
      for (let i2 = 0; i2 < list3.length; ++i2)
        if (list3[i2].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list3) {
      for (let i2 = 0; i2 < list3.length; ++i2) {
        switch (list3[i2].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i2;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i2 = prev.length;
      loop: while (--i2 >= 0) {
        switch (prev[i2].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i2]?.type === "space") {
      }
      return prev.splice(i2, prev.length);
    }
    function arrayPushArray(target, source2) {
      if (source2.length < 1e5)
        Array.prototype.push.apply(target, source2);
      else
        for (let i2 = 0; i2 < source2.length; ++i2)
          target.push(source2[i2]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source2, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source2, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source2) {
        this.source = source2;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source2));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source2.length;
          return;
        }
        const type = cst.tokenType(source2);
        if (!type) {
          const message = `Not a YAML token: ${source2}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source: source2 });
          this.offset += source2.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source2.length);
              break;
            case "space":
              if (this.atNewLine && source2[0] === " ")
                this.indent += source2.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source2.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source2.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep3;
          if (scalar.end) {
            sep3 = scalar.end;
            sep3.push(this.sourceToken);
            delete scalar.end;
          } else
            sep3 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep3 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i2 = 0; i2 < it.sep.length; ++i2) {
              const st = it.sep[i2];
              switch (st.type) {
                case "newline":
                  nl.push(i2);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep3 = it.sep;
                  sep3.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep3 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep3 = fc.end.splice(1, fc.end.length);
            sep3.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep3 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// ../../work/main/node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "../../work/main/node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source2, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source2)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source2, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source2, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument4(source2, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source2), true, source2.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source2, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source2, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument4(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument4;
    exports.stringify = stringify;
  }
});

// ../../work/main/node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "../../work/main/node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// builtin-by-require:module
var require_module = __commonJS({
  "builtin-by-require:module"(exports, module) {
    module.exports = __require("module");
  }
});

// builtin-by-require:node:crypto
var require_node_crypto = __commonJS({
  "builtin-by-require:node:crypto"(exports, module) {
    module.exports = __require("node:crypto");
  }
});

// packages/core/src/serialize.ts
function toJsonDoc(doc) {
  const metrics = {};
  for (const [key, value] of Object.entries(doc.metrics)) setOwn(metrics, key, numberToJson(value));
  const series2 = {};
  for (const [key, data] of Object.entries(doc.series)) {
    setOwn(
      series2,
      key,
      data.points.map((p) => [p.step, numberToJson(p.value)])
    );
  }
  const params = {};
  for (const [key, value] of Object.entries(doc.params)) {
    setOwn(params, key, typeof value === "number" && !Number.isFinite(value) ? numberToJson(value) : value);
  }
  const json = {
    metrics,
    series: series2,
    params,
    sources: doc.sources.map((s) => ({
      file: s.file,
      format: s.format,
      notes: s.notes,
      warnings: s.warnings
    }))
  };
  if (doc.samples !== void 0) {
    const samples = {};
    for (const [key, values] of Object.entries(doc.samples)) setOwn(samples, key, values.map(numberToJson));
    json.samples = samples;
  }
  if (doc.examples !== void 0) {
    json.examples = doc.examples.map((set) => {
      const scores = {};
      for (const [measure, values] of Object.entries(set.scores))
        setOwn(scores, measure, values.map(numberToJson));
      return { task: set.task, file: set.file, ids: set.ids, scores };
    });
  }
  return json;
}

// packages/core/src/suggest.ts
function editDistance(a, b) {
  let before = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i2 = 1; i2 <= a.length; i2++) {
    const current = [i2];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i2 - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i2 > 1 && j > 1 && a[i2 - 1] === b[j - 2] && a[i2 - 2] === b[j - 1])
        best = Math.min(best, before[j - 2] + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
function closestNames(wanted, names, limit = 3) {
  const word = wanted.toLowerCase();
  const most = Math.max(1, Math.round(word.length / 3));
  const scored = [];
  for (const name of new Set(names)) {
    const other = name.toLowerCase();
    const distance = editDistance(word, other);
    const contains = word.length >= 3 && other.includes(word) || other.length >= 4 && word.includes(other);
    if (distance <= most || contains) scored.push({ name, distance });
  }
  return scored.sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, limit).map(({ name }) => name);
}

// packages/core/src/readers/registry.ts
var import_node_path9 = __toESM(require_node_path(), 1);

// packages/core/src/merge.ts
function mergeDocs(docs) {
  if (docs.length === 1) return docs[0];
  const out = { metrics: {}, series: {}, params: {}, sources: [] };
  const origin = /* @__PURE__ */ new Map();
  for (const doc of docs) {
    const sources = doc.sources.map((s) => ({ ...s, notes: [...s.notes], warnings: [...s.warnings] }));
    const here = sources[0]?.file ?? "(input)";
    const replaced = [];
    for (const [key, value] of Object.entries(doc.metrics)) {
      const previous = out.metrics[key];
      if (previous !== void 0 && !Object.is(previous, value)) {
        replaced.push(`${key} (${String(previous)} from ${origin.get(`m:${key}`) ?? "?"})`);
      }
      out.metrics[key] = value;
      origin.set(`m:${key}`, here);
    }
    for (const [key, value] of Object.entries(doc.params)) {
      const previous = out.params[key];
      if (previous !== void 0 && previous !== value) {
        replaced.push(`param ${key} (${String(previous)} from ${origin.get(`p:${key}`) ?? "?"})`);
      }
      out.params[key] = value;
      origin.set(`p:${key}`, here);
    }
    for (const [key, data] of Object.entries(doc.series)) {
      if (out.series[key] !== void 0)
        replaced.push(`curve ${key} (from ${origin.get(`s:${key}`) ?? "?"})`);
      out.series[key] = data;
      origin.set(`s:${key}`, here);
    }
    for (const [key, values] of Object.entries(doc.samples ?? {})) {
      out.samples ??= {};
      if (out.samples[key] !== void 0)
        replaced.push(`samples of ${key} (from ${origin.get(`x:${key}`) ?? "?"})`);
      out.samples[key] = values;
      origin.set(`x:${key}`, here);
    }
    for (const set of doc.examples ?? []) {
      out.examples ??= [];
      const at = out.examples.findIndex((e) => e.task === set.task);
      if (at >= 0) {
        replaced.push(`examples of ${set.task} (from ${out.examples[at].file})`);
        out.examples.splice(at, 1);
      }
      out.examples.push(set);
    }
    if (replaced.length > 0 && sources[0] !== void 0) {
      const shown2 = replaced.slice(0, 10).join(", ");
      const more = replaced.length > 10 ? ` and ${replaced.length - 10} more` : "";
      sources[0].notes.push(`replaced values read earlier: ${shown2}${more}`);
    }
    out.sources.push(...sources);
  }
  const merged = {
    metrics: sortRecord(out.metrics),
    series: sortRecord(out.series),
    params: sortRecord(out.params),
    sources: out.sources
  };
  if (out.samples !== void 0) merged.samples = sortRecord(out.samples);
  if (out.examples !== void 0)
    merged.examples = [...out.examples].sort((a, b) => a.task < b.task ? -1 : a.task > b.task ? 1 : 0);
  return merged;
}

// packages/core/src/readers/tabular.ts
var import_node_buffer = __toESM(require_node_buffer(), 1);
var STEP_NAMES = ["step", "global_step", "iteration", "iter", "batch", "_step", "epoch"];
var WALL_TIME_NAMES = ["timestamp", "_timestamp", "wall_time", "walltime"];
function chooseStep(names) {
  const lower = names.map((n) => n.trim().toLowerCase());
  for (const wanted of STEP_NAMES) {
    const at = lower.indexOf(wanted);
    if (at >= 0) return at;
  }
  return -1;
}
function isWallTimeName(name) {
  return WALL_TIME_NAMES.includes(name.trim().toLowerCase());
}
function wallTimeSeconds(value) {
  return Math.abs(value) > 1e11 ? value / 1e3 : value;
}
function nameKey(parent, name) {
  return childKey(parent, name);
}
var MAX_LINE_CHARS = 16 * 1024 * 1024;
async function streamTextFile(path, onText, options = {}) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let previous = new Uint8Array(0);
  let end = 0;
  let ascii = true;
  await streamFile(
    path,
    (data, offset) => {
      let chunk = data;
      if (offset === 0 && chunk[0] === 239 && chunk[1] === 187 && chunk[2] === 191)
        chunk = chunk.subarray(3);
      let text6;
      if (ascii && (0, import_node_buffer.isAscii)(chunk)) {
        text6 = import_node_buffer.Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("latin1");
      } else {
        ascii = false;
        try {
          text6 = decoder.decode(chunk, { stream: true });
        } catch {
          throw notUtf8(path, offset + data.length - chunk.length, previous, chunk);
        }
      }
      end = offset + data.length;
      previous = chunk.slice(Math.max(0, chunk.length - 3));
      if (text6 !== "") onText(text6);
    },
    options
  );
  let tail;
  try {
    tail = decoder.decode();
  } catch {
    throw new ParseError(
      { file: path, offset: Math.max(0, end - 3) },
      "not UTF-8 text: the file ends inside a multi-byte character"
    );
  }
  if (tail !== "") onText(tail);
}
function notUtf8(file, offset, previous, chunk) {
  const joined = new Uint8Array(previous.length + chunk.length);
  joined.set(previous, 0);
  joined.set(chunk, previous.length);
  let start = 0;
  while (start < previous.length && (joined[start] & 192) === 128) start++;
  const bad = firstInvalidUtf8(joined, start);
  const at = offset - previous.length + Math.max(bad, previous.length);
  return new ParseError(
    { file, offset: at },
    "not UTF-8 text (is this a binary file? pass --format to say what it is)"
  );
}
function firstInvalidUtf8(bytes, start = 0) {
  let i2 = start;
  while (i2 < bytes.length) {
    const b = bytes[i2];
    let need;
    let min;
    if (b < 128) {
      i2++;
      continue;
    } else if (b >= 194 && b <= 223) {
      need = 1;
      min = 128;
    } else if (b >= 224 && b <= 239) {
      need = 2;
      min = 2048;
    } else if (b >= 240 && b <= 244) {
      need = 3;
      min = 65536;
    } else {
      return i2;
    }
    if (i2 + need >= bytes.length) return i2;
    let cp = b & 63 >> need;
    for (let k = 1; k <= need; k++) {
      const cont = bytes[i2 + k];
      if ((cont & 192) !== 128) return i2;
      cp = cp << 6 | cont & 63;
    }
    if (cp < min || cp > 1114111 || cp >= 55296 && cp <= 57343) return i2;
    i2 += need + 1;
  }
  return bytes.length;
}

// packages/core/src/readers/types.ts
var DETECT = {
  no: 0,
  extension: 10,
  content: 50,
  name: 90
};

// packages/core/src/readers/delimited.ts
var QUOTE = 34;
var NEWLINE = 10;
var CR = 13;
var SPACE = 32;
var CELL_MISSING = 0;
var CELL_NUMBER = 1;
var CELL_TEXT = 2;
var cellKind = CELL_MISSING;
var scanEnd = 0;
var scanValid = false;
var POW10 = [
  1,
  10,
  100,
  1e3,
  1e4,
  1e5,
  1e6,
  1e7,
  1e8,
  1e9,
  1e10,
  1e11,
  1e12,
  1e13,
  1e14,
  1e15,
  1e16,
  1e17,
  1e18,
  1e19,
  1e20,
  1e21,
  1e22
];
var MAX_EXACT = 9007199254740992;
function scanDecimal(text6, i2) {
  const start = i2;
  let c = text6.charCodeAt(i2);
  let negative = false;
  if (c === 45 || c === 43) {
    negative = c === 45;
    c = text6.charCodeAt(++i2);
  }
  let mantissa = 0;
  let exact = true;
  let scale = 0;
  let sawDigit = false;
  while (c >= 48 && c <= 57) {
    sawDigit = true;
    if (exact) {
      const next = mantissa * 10 + (c - 48);
      if (next > MAX_EXACT) exact = false;
      else mantissa = next;
    }
    c = text6.charCodeAt(++i2);
  }
  if (c === 46) {
    c = text6.charCodeAt(++i2);
    while (c >= 48 && c <= 57) {
      sawDigit = true;
      if (exact) {
        const next = mantissa * 10 + (c - 48);
        if (next > MAX_EXACT) {
          exact = false;
        } else {
          mantissa = next;
          scale--;
        }
      }
      c = text6.charCodeAt(++i2);
    }
  }
  if (sawDigit && (c === 101 || c === 69)) {
    c = text6.charCodeAt(++i2);
    let expNegative = false;
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      c = text6.charCodeAt(++i2);
    }
    let exponent = 0;
    let expDigits = 0;
    while (c >= 48 && c <= 57) {
      if (exponent < 1e5) exponent = exponent * 10 + (c - 48);
      expDigits++;
      c = text6.charCodeAt(++i2);
    }
    if (expDigits === 0) sawDigit = false;
    scale += expNegative ? -exponent : exponent;
  }
  scanEnd = i2;
  scanValid = sawDigit;
  if (!sawDigit) return 0;
  if (!exact || scale > 22 || scale < -22) return Number(text6.slice(start, i2));
  const value = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
  return negative ? -value : value;
}
function parseCell(text6, start, end) {
  const value = scanDecimal(text6, start);
  if (scanValid && scanEnd === end) {
    cellKind = CELL_NUMBER;
    return value;
  }
  const s = text6.slice(start, end);
  const n = parseNumber(s);
  if (n !== void 0) {
    cellKind = CELL_NUMBER;
    return n;
  }
  cellKind = s.trim() === "" ? CELL_MISSING : CELL_TEXT;
  return 0;
}
function lastCellKind() {
  return cellKind;
}
var DelimitedParser = class {
  constructor(delimiter, sink, file) {
    this.delimiter = delimiter;
    this.sink = sink;
    this.file = file;
    this.delimiterChar = String.fromCharCode(delimiter);
  }
  delimiter;
  sink;
  file;
  buffer = "";
  line = 1;
  width = 0;
  started = false;
  delimiterChar;
  push(chunk) {
    if (!this.started && chunk !== "") {
      this.started = true;
      if (chunk.charCodeAt(0) === 65279) chunk = chunk.slice(1);
    }
    let start = 0;
    if (this.buffer !== "") {
      const nl = chunk.indexOf("\n");
      if (nl === -1) {
        this.buffer += chunk;
        this.checkLength();
        return;
      }
      const joined = this.buffer + chunk.slice(0, nl + 1);
      const used2 = this.consume(joined, 0, false);
      if (used2 < joined.length) {
        const rest = joined.slice(used2) + chunk.slice(nl + 1);
        this.buffer = rest.slice(this.consume(rest, 0, false));
        this.checkLength();
        return;
      }
      start = nl + 1;
    }
    const used = this.consume(chunk, start, false);
    this.buffer = used >= chunk.length ? "" : chunk.slice(used);
    this.checkLength();
  }
  end() {
    const text6 = this.buffer;
    this.buffer = "";
    this.consume(text6, 0, true);
  }
  checkLength() {
    if (this.buffer.length > MAX_LINE_CHARS) {
      throw new ParseError(
        { file: this.file, line: this.line, column: 1 },
        `a row longer than ${MAX_LINE_CHARS} characters starts here: a quoted field may be missing its closing quote, or this is not a ${this.delimiter === 9 ? "TSV" : "CSV"} file`
      );
    }
  }
  /** Parses the whole rows of `text` from `pos`; returns where the first incomplete row starts. */
  consume(text6, pos, final) {
    const n = text6.length;
    const delimiter = this.delimiter;
    const sink = this.sink;
    let nextQuote = -1;
    while (pos < n) {
      let nl = text6.indexOf("\n", pos);
      if (nl === -1) {
        if (!final) break;
        nl = n;
      }
      if (nextQuote < pos) {
        nextQuote = text6.indexOf('"', pos);
        if (nextQuote === -1) nextQuote = n;
      }
      if (nextQuote >= nl) {
        let end = nl;
        if (end > pos && text6.charCodeAt(end - 1) === CR) end--;
        if (end === pos || text6.charCodeAt(pos) === SPACE && isBlank(text6, pos, end)) {
          this.line++;
          pos = nl + 1;
          continue;
        }
        const width2 = this.width;
        let index = 0;
        let extraAt = -1;
        if (width2 > 0 && sink.numbers) {
          let i2 = pos;
          for (; ; ) {
            const value = scanDecimal(text6, i2);
            let j = scanEnd;
            if (scanValid && (j === end || text6.charCodeAt(j) === delimiter)) {
              if (index < width2) sink.value(index, value);
              else if (extraAt < 0) extraAt = i2;
            } else {
              while (j < end && text6.charCodeAt(j) !== delimiter) j++;
              if (index < width2) sink.cell(index, text6, i2, j);
              else if (extraAt < 0) extraAt = i2;
            }
            index++;
            if (j >= end) break;
            i2 = j + 1;
          }
        } else {
          let start = pos;
          for (let i2 = pos; i2 < end; i2++) {
            if (text6.charCodeAt(i2) === delimiter) {
              if (width2 === 0 || index < width2) sink.cell(index, text6, start, i2);
              else if (extraAt < 0) extraAt = start;
              index++;
              start = i2 + 1;
            }
          }
          if (width2 === 0 || index < width2) sink.cell(index, text6, start, end);
          else if (extraAt < 0) extraAt = start;
          index++;
        }
        if (extraAt >= 0) this.tooWide(this.line, extraAt - pos + 1, index);
        if (width2 === 0) this.width = index;
        sink.row(this.line, index);
        this.line++;
        pos = nl + 1;
        continue;
      }
      const row = this.quotedRow(text6, pos, final);
      if (row === void 0) break;
      const width = this.width;
      if (width > 0 && row.cells.length > width) {
        this.tooWide(row.extraLine, row.extraColumn, row.cells.length);
      }
      for (let i2 = 0; i2 < row.cells.length; i2++) {
        const cell2 = row.cells[i2];
        sink.cell(i2, cell2, 0, cell2.length);
      }
      if (width === 0) this.width = row.cells.length;
      sink.row(this.line, row.cells.length);
      this.line += 1 + row.newlines;
      pos = row.end + 1;
      nextQuote = -1;
    }
    return Math.min(pos, n);
  }
  tooWide(line2, column2, found) {
    throw new ParseError(
      { file: this.file, line: line2, column: column2 },
      `expected ${this.width} column${this.width === 1 ? "" : "s"} as in the header, found ${found}`
    );
  }
  /** One row that holds a quote, unescaped; undefined when the text ends before the row does. */
  quotedRow(text6, pos, final) {
    const n = text6.length;
    const cells = [];
    let newlines = 0;
    let lineStart = pos;
    let extraLine = 0;
    let extraColumn = 0;
    let i2 = pos;
    for (; ; ) {
      if (this.width > 0 && cells.length === this.width && extraLine === 0) {
        extraLine = this.line + newlines;
        extraColumn = i2 - lineStart + 1;
      }
      let value = "";
      if (i2 < n && text6.charCodeAt(i2) === QUOTE) {
        const openLine = this.line + newlines;
        const openColumn = i2 - lineStart + 1;
        i2++;
        let segment = i2;
        for (; ; ) {
          const q = text6.indexOf('"', i2);
          if (q === -1) {
            if (!final) return void 0;
            throw new ParseError(
              { file: this.file, line: openLine, column: openColumn },
              "unterminated quoted field: the file ends before its closing quote"
            );
          }
          for (let k = text6.indexOf("\n", i2); k !== -1 && k < q; k = text6.indexOf("\n", k + 1)) {
            newlines++;
            lineStart = k + 1;
          }
          if (q + 1 >= n && !final) return void 0;
          if (text6.charCodeAt(q + 1) === QUOTE) {
            value += text6.slice(segment, q + 1);
            i2 = q + 2;
            segment = i2;
            continue;
          }
          value += text6.slice(segment, q);
          i2 = q + 1;
          break;
        }
      }
      let j = i2;
      while (j < n) {
        const c = text6.charCodeAt(j);
        if (c === this.delimiter || c === NEWLINE) break;
        j++;
      }
      if (j >= n && !final) return void 0;
      let stop = j;
      if ((j >= n || text6.charCodeAt(j) === NEWLINE) && stop > i2 && text6.charCodeAt(stop - 1) === CR) stop--;
      value += text6.slice(i2, stop);
      cells.push(value);
      if (j < n && text6.charCodeAt(j) === this.delimiter) {
        i2 = j + 1;
        continue;
      }
      return { cells, end: j, newlines, extraLine, extraColumn };
    }
  }
};
function isBlank(text6, start, end) {
  for (let i2 = start; i2 < end; i2++) if (text6.charCodeAt(i2) !== SPACE) return false;
  return true;
}
var UNKNOWN = 0;
var NUMERIC = 1;
var TEXTUAL = 2;
var LONG_NAME_COLUMNS = ["name", "metric", "key", "tag", "metric_name"];
var TableSink = class {
  constructor(builder, file, options = {}) {
    this.builder = builder;
    this.file = file;
    this.options = options;
    this.singleRowSummary = options.singleRowSummary ?? true;
    this.where = options.where ?? "";
  }
  builder;
  file;
  options;
  numbers = false;
  header = true;
  long = false;
  names = [];
  keys = [];
  width = 0;
  values = new Float64Array(0);
  kinds = new Uint8Array(0);
  texts = [];
  rawColumn = -1;
  stepColumn = -1;
  wallColumn = -1;
  valueColumn = -1;
  metricColumns = new Int32Array(0);
  state = new Uint8Array(0);
  accs = [];
  rows = 0;
  first;
  shortRows = 0;
  shortFirst = 0;
  noStepRows = 0;
  noStepFirst = 0;
  badCells = /* @__PURE__ */ new Map();
  longAccs = /* @__PURE__ */ new Map();
  longCounts = /* @__PURE__ */ new Map();
  longBad = 0;
  longBadFirst = 0;
  longBadWhat = "";
  singleRowSummary;
  where;
  value(index, value) {
    this.values[index] = value;
    this.kinds[index] = CELL_NUMBER;
  }
  cell(index, text6, start, end) {
    if (this.header) {
      this.names[index] = text6.slice(start, end).trim();
      return;
    }
    if (index === this.rawColumn) {
      this.kinds[index] = CELL_TEXT;
      this.texts[index] = text6.slice(start, end).trim();
      return;
    }
    this.values[index] = parseCell(text6, start, end);
    const kind = cellKind;
    this.kinds[index] = kind;
    if (kind === CELL_TEXT) this.texts[index] = text6.slice(start, end).trim();
  }
  row(line2, cells) {
    if (this.header) {
      this.readHeader(line2, cells);
      return;
    }
    if (cells < this.width) {
      for (let i2 = cells; i2 < this.width; i2++) this.kinds[i2] = CELL_MISSING;
      if (this.shortRows++ === 0) this.shortFirst = line2;
    }
    if (this.long) {
      this.longRow(line2);
      return;
    }
    if (this.rows === 0) {
      this.first = { values: this.values.slice(), kinds: this.kinds.slice(), texts: [...this.texts], line: line2 };
    } else {
      if (this.rows === 1) this.commitFirst();
      this.commit(this.values, this.kinds, this.texts, line2, this.rows);
    }
    this.rows++;
  }
  commitFirst() {
    const first = this.first;
    if (first === void 0) return;
    this.first = void 0;
    this.commit(first.values, first.kinds, first.texts, first.line, 0);
  }
  readHeader(line2, cells) {
    this.header = false;
    this.width = cells;
    const names = this.names.slice(0, cells);
    this.names = names;
    this.values = new Float64Array(cells);
    this.kinds = new Uint8Array(cells);
    this.texts = new Array(cells).fill(void 0);
    this.state = new Uint8Array(cells);
    this.accs = new Array(cells).fill(void 0);
    const lower = names.map((n) => n.toLowerCase());
    const seriesKey = this.options.seriesKey;
    const nameColumn = seriesKey === void 0 ? lower.findIndex((n) => LONG_NAME_COLUMNS.includes(n)) : -1;
    const valueColumn = lower.indexOf("value");
    this.long = nameColumn >= 0 && valueColumn >= 0;
    this.numbers = !this.long;
    this.stepColumn = chooseStep(names);
    this.wallColumn = names.findIndex((n, i2) => i2 !== this.stepColumn && isWallTimeName(n));
    if (this.long) {
      this.rawColumn = nameColumn;
      this.valueColumn = valueColumn;
      this.builder.note(
        `${this.where}read as a long table: one series per value of column "${names[nameColumn]}", values from column "${names[valueColumn]}"` + (this.stepColumn >= 0 ? `, steps from column "${names[this.stepColumn]}"` : ", steps counted per name from 0")
      );
      names.forEach((name, i2) => {
        if (i2 !== nameColumn && i2 !== valueColumn && i2 !== this.stepColumn && i2 !== this.wallColumn) {
          this.builder.skip(name === "" ? `(column ${i2 + 1})` : name, "a column a long table does not use");
        }
      });
      return;
    }
    const keys = new Array(cells).fill("");
    const seen = /* @__PURE__ */ new Map();
    const valueColumns = names.flatMap(
      (name, i2) => i2 !== this.stepColumn && i2 !== this.wallColumn && name !== "" ? [i2] : []
    );
    names.forEach((name, i2) => {
      if (name === "") {
        this.builder.skip(`(column ${i2 + 1})`, "a column without a name in the header");
        return;
      }
      let key;
      if (seriesKey === void 0) key = nameKey("", name);
      else if (i2 === this.stepColumn || i2 === this.wallColumn) key = childKey(seriesKey, name);
      else key = valueColumns.length === 1 ? seriesKey : nameKey(seriesKey, name);
      const other = seen.get(key);
      if (other !== void 0) {
        throw new ParseError(
          { file: this.file, line: line2 },
          `columns ${other + 1} (${JSON.stringify(names[other])}) and ${i2 + 1} (${JSON.stringify(name)}) both name the metric ${JSON.stringify(key)}; rename one of them`
        );
      }
      seen.set(key, i2);
      keys[i2] = key;
    });
    this.keys = keys;
    this.metricColumns = Int32Array.from(valueColumns);
    if (this.stepColumn < 0) {
      this.builder.note(
        `${this.where}no step column (step, global_step, iteration, iter, batch, _step or epoch): the row number, from 0, is used as the step`
      );
    } else if (lower[this.stepColumn] !== "step") {
      this.builder.note(`${this.where}steps are read from column "${names[this.stepColumn]}"`);
    }
    if (this.wallColumn >= 0) {
      this.builder.note(
        `${this.where}column "${names[this.wallColumn]}" is read as the wall-clock time of each point`
      );
    }
  }
  commit(values, kinds, texts, line2, rowIndex) {
    let step;
    const stepColumn = this.stepColumn;
    if (stepColumn >= 0) {
      step = values[stepColumn];
      if (kinds[stepColumn] !== CELL_NUMBER || !Number.isFinite(step)) {
        if (this.noStepRows++ === 0) this.noStepFirst = line2;
        return;
      }
    } else {
      step = rowIndex;
    }
    let wall;
    const wallColumn = this.wallColumn;
    if (wallColumn >= 0) {
      const kind = kinds[wallColumn];
      if (kind === CELL_NUMBER) {
        const w = values[wallColumn];
        if (Number.isFinite(w)) wall = wallTimeSeconds(w);
      } else if (kind === CELL_TEXT && this.state[wallColumn] === UNKNOWN) {
        this.state[wallColumn] = TEXTUAL;
        this.builder.skip(
          this.keys[wallColumn],
          `a time as text, such as ${JSON.stringify(texts[wallColumn])}`
        );
      }
    }
    const columns = this.metricColumns;
    const state = this.state;
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j];
      const kind = kinds[c];
      if (kind === CELL_NUMBER) {
        const s = state[c];
        if (s === NUMERIC) {
          this.accs[c].add(step, values[c], wall);
        } else if (s === UNKNOWN) {
          state[c] = NUMERIC;
          const acc = this.builder.seriesFor(this.keys[c]);
          this.accs[c] = acc;
          acc.add(step, values[c], wall);
        }
      } else if (kind === CELL_TEXT) {
        const s = state[c];
        if (s === UNKNOWN) {
          state[c] = TEXTUAL;
          this.builder.skip(this.keys[c], `text such as ${JSON.stringify(clip(texts[c] ?? ""))}`);
        } else if (s === NUMERIC) {
          const bad = this.badCells.get(c);
          if (bad === void 0) this.badCells.set(c, { count: 1, line: line2, text: texts[c] ?? "" });
          else bad.count++;
        }
      }
    }
  }
  longRow(line2) {
    const kinds = this.kinds;
    const name = this.texts[this.rawColumn] ?? "";
    const valueKind = kinds[this.valueColumn];
    if (valueKind === CELL_MISSING) return;
    if (name === "" || valueKind !== CELL_NUMBER) {
      if (this.longBad++ === 0) {
        this.longBadFirst = line2;
        this.longBadWhat = name === "" ? "has no name" : `has the value ${JSON.stringify(clip(this.texts[this.valueColumn] ?? ""))}`;
      }
      return;
    }
    let step;
    if (this.stepColumn >= 0) {
      step = this.values[this.stepColumn];
      if (kinds[this.stepColumn] !== CELL_NUMBER || !Number.isFinite(step)) {
        if (this.noStepRows++ === 0) this.noStepFirst = line2;
        return;
      }
    } else {
      step = this.longCounts.get(name) ?? 0;
      this.longCounts.set(name, step + 1);
    }
    let wall;
    if (this.wallColumn >= 0 && kinds[this.wallColumn] === CELL_NUMBER) {
      const w = this.values[this.wallColumn];
      if (Number.isFinite(w)) wall = wallTimeSeconds(w);
    }
    let acc = this.longAccs.get(name);
    if (acc === void 0) {
      acc = this.builder.seriesFor(nameKey("", name));
      this.longAccs.set(name, acc);
    }
    acc.add(step, this.values[this.valueColumn], wall);
    this.rows++;
  }
  /** Call once the parser has ended. */
  finish() {
    const b = this.builder;
    const w = this.where;
    if (this.header) {
      b.note(`${w}the file is empty: no header, no rows`);
      return;
    }
    if (this.long) {
      if (this.rows === 0) b.note(`${w}the file has a header but no rows yet`);
    } else if (this.rows === 0) {
      b.note(`${w}the file has a header but no rows yet`);
    } else if (this.rows === 1 && this.singleRowSummary && this.first !== void 0) {
      this.summary(this.first);
    } else {
      this.commitFirst();
    }
    if (this.shortRows > 0) {
      b.warn(
        `${w}line ${this.shortFirst}: fewer cells than the ${this.width} columns of the header; the missing cells were read as empty` + (this.shortRows > 1 ? ` (${this.shortRows} rows like this)` : "")
      );
    }
    if (this.noStepRows > 0) {
      b.warn(
        `${w}line ${this.noStepFirst}: no number in step column "${this.names[this.stepColumn]}"; the row's values were not read` + (this.noStepRows > 1 ? ` (${this.noStepRows} rows like this)` : "")
      );
    }
    for (const [c, bad] of this.badCells) {
      b.warn(
        `${w}line ${bad.line}: column "${this.names[c]}" holds ${JSON.stringify(clip(bad.text))}, which is not a number; ` + (bad.count > 1 ? `${bad.count} such cells were` : "it was") + " not read"
      );
    }
    if (this.longBad > 0) {
      b.warn(
        `${w}line ${this.longBadFirst}: the row ${this.longBadWhat}; it was not read` + (this.longBad > 1 ? ` (${this.longBad} rows like this)` : "")
      );
    }
    if (!this.long && this.rows > 1) {
      for (const c of this.metricColumns) {
        if (this.state[c] === UNKNOWN) {
          b.skip(this.keys[c], "an empty column");
        }
      }
    }
  }
  summary(row) {
    this.builder.note(
      `${this.where}one data row: read as summary values (numbers as metrics, text as params)`
    );
    this.names.forEach((name, i2) => {
      if (name === "") return;
      const key = this.keys[i2];
      const kind = row.kinds[i2];
      if (i2 === this.wallColumn) {
        if (kind !== CELL_MISSING) this.builder.skip(key, "wall-clock time");
      } else if (kind === CELL_NUMBER) {
        this.builder.metric(key, row.values[i2]);
      } else if (kind === CELL_TEXT) {
        this.builder.param(key, row.texts[i2] ?? "");
      } else {
        this.builder.skip(key, "an empty cell");
      }
    });
  }
};
function clip(text6) {
  return text6.length > 40 ? `${text6.slice(0, 37)}...` : text6;
}
function delimiterOf(format) {
  return format === "tsv" ? 9 : 44;
}
async function readDelimitedInto(builder, path, format, options = {}) {
  const sink = new TableSink(builder, path, options);
  const parser = new DelimitedParser(delimiterOf(format), sink, path);
  await streamTextFile(path, (text6) => parser.push(text6));
  parser.end();
  sink.finish();
}
async function readDelimitedFile(path, format, options) {
  const builder = new DocBuilder(path, format, { maxSeriesPoints: options.maxSeriesPoints });
  await readDelimitedInto(builder, path, format, {});
  return builder.build();
}
function looksDelimited(head, delimiter) {
  const text6 = new TextDecoder("utf-8").decode(head).replace(/^\uFEFF/, "");
  const all = text6.split(/\r?\n/);
  if (head.length >= 8192) all.pop();
  const lines = all.filter((l) => l.trim() !== "");
  if (lines.length < 2) return false;
  const header = lines[0].split(delimiter);
  const row = lines[1].split(delimiter);
  if (header.length < 2 || row.length !== header.length) return false;
  if (header.some((h) => h.trim() === "" || /^[+-]?\d/.test(h.trim()))) return false;
  return row.some((cell2) => {
    parseCell(cell2, 0, cell2.length);
    return lastCellKind() === CELL_NUMBER;
  });
}
function delimitedReader(format, title, extensions) {
  const delimiter = format === "tsv" ? "	" : ",";
  return {
    format,
    title,
    target: "file",
    detect(probe) {
      if (probe.isDirectory) return DETECT.no;
      const extension = extensionOf(probe.name);
      if (extensions.includes(extension)) return DETECT.extension + 5;
      if ((extension === "txt" || extension === "log") && looksDelimited(probe.head, delimiter)) {
        return DETECT.extension - 2;
      }
      return DETECT.no;
    },
    read(path, options) {
      return readDelimitedFile(path, format, options);
    }
  };
}
var csvReader = delimitedReader("csv", "CSV log (Keras, Lightning, pandas)", ["csv"]);
var tsvReader = delimitedReader("tsv", "TSV log", ["tsv", "tab"]);

// packages/core/src/readers/dvclive.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_promises = __toESM(require_promises(), 1);
var import_node_path = __toESM(require_node_path(), 1);

// packages/core/src/json-text.ts
var NAMED_DUPLICATES = 10;
function parseJsonText(text6, file, notes) {
  const body = text6.charCodeAt(0) === 65279 ? text6.slice(1) : text6;
  let value;
  try {
    value = JSON.parse(body);
  } catch {
    const parser = new JsonParser(body, file, notes !== void 0);
    value = parser.parseDocument();
    if (notes !== void 0) parser.noteDuplicates(notes);
    return value;
  }
  if (notes !== void 0 && mayHaveDuplicateKeys(body, value)) {
    const parser = new JsonParser(body, file, true);
    parser.parseDocument();
    parser.noteDuplicates(notes);
  }
  return value;
}
function isJsonBlank(c) {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
function mayHaveDuplicateKeys(text6, value) {
  let colons = 0;
  for (let at = text6.indexOf(":"); at !== -1; at = text6.indexOf(":", at + 1)) {
    let before = at - 1;
    while (before >= 0 && isJsonBlank(text6.charCodeAt(before))) before--;
    if (text6.charCodeAt(before) === 34) colons++;
  }
  if (colons === 0) return false;
  let keys = 0;
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === "object") stack.push(item);
      continue;
    }
    for (const key of Object.keys(node)) {
      keys++;
      const item = node[key];
      if (item !== null && typeof item === "object") stack.push(item);
    }
  }
  return colons > keys;
}
var JsonParser = class {
  constructor(text6, file, findDuplicates = false) {
    this.text = text6;
    this.file = file;
    this.findDuplicates = findDuplicates;
  }
  text;
  file;
  findDuplicates;
  pos = 0;
  /** The keys leading to the value being parsed, kept only when duplicates are looked for. */
  path = [];
  duplicates = [];
  duplicateCount = 0;
  noteDuplicates(notes) {
    if (this.duplicateCount === 0) return;
    const more = this.duplicateCount - this.duplicates.length;
    notes.push(
      `duplicate keys, the last value of each is read: ${this.duplicates.join(", ")}${more > 0 ? ` and ${more} more` : ""}`
    );
  }
  parseDocument() {
    this.skipBlank();
    if (this.pos >= this.text.length) this.fail("expected a JSON value, found an empty document");
    const value = this.parseValue(0);
    this.skipBlank();
    if (this.pos < this.text.length)
      this.fail(`expected the end of the document, found ${this.describeHere()}`);
    return value;
  }
  parseValue(depth) {
    if (depth > MAX_NESTING)
      this.fail(`nested deeper than ${MAX_NESTING} levels; mlci reads at most ${MAX_NESTING}`);
    const c = this.text[this.pos];
    switch (c) {
      case "{":
        return this.parseObject(depth);
      case "[":
        return this.parseArray(depth);
      case '"':
        return this.parseString();
      case "t":
        return this.literal("true", true);
      case "f":
        return this.literal("false", false);
      case "n":
        return this.literal("null", null);
      case "N":
        return this.literal("NaN", NaN);
      case "I":
        return this.literal("Infinity", Infinity);
      case "-":
        if (this.text.startsWith("-Infinity", this.pos)) return this.literal("-Infinity", -Infinity);
        return this.parseNumber();
      default:
        if (c !== void 0 && c >= "0" && c <= "9") return this.parseNumber();
        return this.fail(
          `expected a value (object, array, string, number, true, false or null), found ${this.describeHere()}`
        );
    }
  }
  parseObject(depth) {
    const out = {};
    this.pos++;
    this.skipBlank();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (; ; ) {
      this.skipBlank();
      if (this.text[this.pos] !== '"') this.fail(`expected a quoted key, found ${this.describeHere()}`);
      const keyStart = this.pos;
      const key = this.parseString();
      this.skipBlank();
      if (this.text[this.pos] !== ":")
        this.fail(`expected ':' after key ${JSON.stringify(key)}, found ${this.describeHere()}`);
      this.pos++;
      this.skipBlank();
      if (this.findDuplicates) {
        this.path.push(key);
        if (Object.hasOwn(out, key) && this.duplicateCount++ < NAMED_DUPLICATES)
          this.duplicates.push(`${joinKey(this.path)} (line ${lineColumnAt(this.text, keyStart).line})`);
      }
      const value = this.parseValue(depth + 1);
      if (this.findDuplicates) this.path.pop();
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipBlank();
      const c = this.text[this.pos];
      if (c === ",") {
        this.pos++;
        continue;
      }
      if (c === "}") {
        this.pos++;
        return out;
      }
      this.fail(`expected ',' or '}' in an object, found ${this.describeHere()}`);
    }
  }
  parseArray(depth) {
    const out = [];
    this.pos++;
    this.skipBlank();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return out;
    }
    for (; ; ) {
      this.skipBlank();
      if (this.findDuplicates) this.path.push(String(out.length));
      out.push(this.parseValue(depth + 1));
      if (this.findDuplicates) this.path.pop();
      this.skipBlank();
      const c = this.text[this.pos];
      if (c === ",") {
        this.pos++;
        continue;
      }
      if (c === "]") {
        this.pos++;
        return out;
      }
      this.fail(`expected ',' or ']' in an array, found ${this.describeHere()}`);
    }
  }
  parseString() {
    const start = this.pos;
    this.pos++;
    for (; ; ) {
      const c = this.text.charCodeAt(this.pos);
      if (Number.isNaN(c)) {
        this.pos = start;
        this.fail("unterminated string: the file ends before its closing quote");
      }
      if (c === 34) break;
      if (c < 32) this.fail("control character inside a string (escape it as \\n, \\t or \\u00XX)");
      if (c === 92) {
        const e = this.text[this.pos + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
            this.pos++;
            this.fail("expected four hex digits after \\u");
          }
          this.pos += 6;
          continue;
        }
        if (e === void 0 || !'"\\/bfnrt'.includes(e)) {
          this.pos++;
          this.fail(`invalid escape \\${e ?? ""} in a string`);
        }
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
    this.pos++;
    return JSON.parse(this.text.slice(start, this.pos));
  }
  parseNumber() {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
      this.text.slice(this.pos, this.pos + 400)
    );
    if (match === null) this.fail(`expected a number, found ${this.describeHere()}`);
    this.pos += match[0].length;
    return Number(match[0]);
  }
  literal(word, value) {
    if (!this.text.startsWith(word, this.pos)) this.fail(`expected ${word}, found ${this.describeHere()}`);
    this.pos += word.length;
    return value;
  }
  skipBlank() {
    for (; ; ) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.pos++;
      else return;
    }
  }
  describeHere() {
    if (this.pos >= this.text.length) return "the end of the file";
    const snippet = this.text.slice(this.pos, this.pos + 12).split(/\r?\n/)[0] ?? "";
    return JSON.stringify(snippet);
  }
  fail(detail) {
    let line2 = 1;
    let lineStart = 0;
    for (let i2 = 0; i2 < this.pos && i2 < this.text.length; i2++) {
      if (this.text.charCodeAt(i2) === 10) {
        line2++;
        lineStart = i2 + 1;
      }
    }
    throw new ParseError(
      { file: this.file, line: line2, column: this.pos - lineStart + 1 },
      `invalid JSON: ${detail}`
    );
  }
};

// packages/core/src/readers/structured.ts
var import_yaml = __toESM(require_dist(), 1);

// packages/core/src/readers/number-list.ts
var MAX_TOKEN = 400;
var POW102 = [
  1,
  10,
  100,
  1e3,
  1e4,
  1e5,
  1e6,
  1e7,
  1e8,
  1e9,
  1e10,
  1e11,
  1e12,
  1e13,
  1e14,
  1e15,
  1e16,
  1e17,
  1e18,
  1e19,
  1e20,
  1e21,
  1e22
];
var NumberListScanner = class {
  /** `series` is asked for only once the list is known to be long (so a short one adds no key). */
  constructor(seriesFor) {
    this.seriesFor = seriesFor;
  }
  seriesFor;
  state = 0 /* BeforeList */;
  token = new Uint8Array(MAX_TOKEN);
  tokenLength = 0;
  count = 0;
  series;
  get gaveUp() {
    return this.state === 6 /* GaveUp */;
  }
  push(bytes) {
    let state = this.state;
    if (state === 6 /* GaveUp */) return;
    for (let i2 = 0; i2 < bytes.length; i2++) {
      let b = bytes[i2];
      if (state === 3 /* InNumber */) {
        const token = this.token;
        let length = this.tokenLength;
        while (b !== 44 && b !== 93 && !isBlank2(b)) {
          if (length === MAX_TOKEN) return this.giveUp();
          token[length++] = b;
          if (++i2 === bytes.length) break;
          b = bytes[i2];
        }
        this.tokenLength = length;
        if (i2 === bytes.length) break;
        if (!this.endNumber()) return this.giveUp();
        state = b === 44 ? 2 /* BeforeValue */ : b === 93 ? 5 /* AfterList */ : 4 /* AfterValue */;
        continue;
      }
      if (isBlank2(b)) continue;
      switch (state) {
        case 0 /* BeforeList */:
          if (b === 91) state = 1 /* BeforeFirst */;
          else if (!(b === 239 || b === 187 || b === 191)) return this.giveUp();
          break;
        case 1 /* BeforeFirst */:
        case 2 /* BeforeValue */:
          if (!startsNumber(b)) return this.giveUp();
          this.token[0] = b;
          this.tokenLength = 1;
          state = 3 /* InNumber */;
          break;
        case 4 /* AfterValue */:
          if (b === 44) state = 2 /* BeforeValue */;
          else if (b === 93) state = 5 /* AfterList */;
          else return this.giveUp();
          break;
        default:
          return this.giveUp();
      }
    }
    this.state = state;
  }
  finish() {
    if (this.state !== 5 /* AfterList */ || this.count <= LONG_LIST) return void 0;
    return this.count;
  }
  giveUp() {
    this.state = 6 /* GaveUp */;
  }
  endNumber() {
    const value = parseToken(this.token, this.tokenLength);
    if (value === void 0) return false;
    const index = this.count++;
    if (this.series !== void 0) {
      this.series.add(index, value);
      return true;
    }
    this.pending.push(value);
    if (this.pending.length > LONG_LIST) {
      this.series = this.seriesFor();
      this.pending.forEach((v, i2) => this.series.add(i2, v));
      this.pending.length = 0;
    }
    return true;
  }
  pending = [];
};
function isBlank2(b) {
  return b === 32 || b === 10 || b === 13 || b === 9;
}
function startsNumber(b) {
  return b >= 48 && b <= 57 || b === 45 || b === 78 || b === 73;
}
function parseToken(t, n) {
  let i2 = 0;
  const negative = t[0] === 45;
  if (negative) i2++;
  if (i2 < n && (t[i2] === 78 || t[i2] === 73)) return literal(t, n, negative);
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  const intStart = i2;
  while (i2 < n && t[i2] >= 48 && t[i2] <= 57) {
    mantissa = mantissa * 10 + (t[i2] - 48);
    digits++;
    i2++;
  }
  if (i2 === intStart || t[intStart] === 48 && i2 - intStart > 1) return void 0;
  if (i2 < n && t[i2] === 46) {
    i2++;
    const fracStart = i2;
    while (i2 < n && t[i2] >= 48 && t[i2] <= 57) {
      mantissa = mantissa * 10 + (t[i2] - 48);
      digits++;
      scale--;
      i2++;
    }
    if (i2 === fracStart) return void 0;
  }
  if (i2 < n && (t[i2] === 101 || t[i2] === 69)) {
    i2++;
    let expNegative = false;
    if (t[i2] === 43 || t[i2] === 45) expNegative = t[i2++] === 45;
    const expStart = i2;
    let exponent = 0;
    while (i2 < n && t[i2] >= 48 && t[i2] <= 57 && exponent < 1e5) {
      exponent = exponent * 10 + (t[i2] - 48);
      i2++;
    }
    if (i2 === expStart) return void 0;
    scale += expNegative ? -exponent : exponent;
  }
  if (i2 !== n) return void 0;
  let value;
  if (digits <= 15 && scale >= -22 && scale <= 22) {
    value = scale >= 0 ? mantissa * POW102[scale] : mantissa / POW102[-scale];
  } else {
    value = Number(String.fromCharCode(...t.subarray(negative ? 1 : 0, n)));
  }
  return negative ? -value : value;
}
function literal(t, n, negative) {
  const word = String.fromCharCode(...t.subarray(negative ? 1 : 0, n));
  if (word === "NaN" && !negative) return NaN;
  if (word === "Infinity") return negative ? -Infinity : Infinity;
  return void 0;
}

// packages/core/src/readers/structured.ts
function structuredReader(format, title, extensions, parse) {
  return {
    format,
    title,
    target: "file",
    detect(probe) {
      if (probe.isDirectory) return DETECT.no;
      return extensions.includes(extensionOf(probe.name)) ? DETECT.extension : DETECT.no;
    },
    async read(path, options) {
      if (format === "json" && !isParamsFileName(path.split(/[\\/]/).pop() ?? path)) {
        const list3 = await readNumberListJson(path, options);
        if (list3 !== void 0) return list3;
      }
      const notes = [];
      const value = await parse(await readTextFile(path), path, notes);
      return structuredDoc(value, path, format, options, notes);
    }
  };
}
var STOP = /* @__PURE__ */ Symbol("stop");
async function readNumberListJson(path, options) {
  const builder = new DocBuilder(path, "json", { maxSeriesPoints: options.maxSeriesPoints });
  const name = escapeSegment(fileStem(path));
  const scanner = new NumberListScanner(() => builder.seriesFor(name));
  let bytes = 0;
  try {
    await streamFile(path, (chunk) => {
      bytes += chunk.length;
      if (bytes > MAX_DOCUMENT_BYTES) throw STOP;
      scanner.push(chunk);
      if (scanner.gaveUp) throw STOP;
    });
  } catch (error) {
    if (error === STOP) return void 0;
    throw error;
  }
  const count4 = scanner.finish();
  if (count4 === void 0) return void 0;
  builder.note(`read the list ${name} (${count4} numbers) as a curve over its index`);
  return builder.build();
}
function structuredDoc(value, path, format, options, notes = []) {
  const builder = new DocBuilder(path, format, { maxSeriesPoints: options.maxSeriesPoints });
  for (const note of notes) builder.note(note);
  const name = path.split(/[\\/]/).pop() ?? path;
  const role = isParamsFileName(name) ? "params" : "metrics";
  if (role === "params") builder.note("read as parameters (the file name says it holds hyper-parameters)");
  flattenInto(builder, value, role);
  return builder.build();
}
var MAX_YAML_ALIAS_EXPANSION = 1e3;
function parseYamlText(text6, file, notes) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text6, { prettyErrors: true, uniqueKeys: false, strict: false, lineCounter });
  const error = doc.errors[0];
  if (error !== void 0) {
    const pos = error.linePos?.[0];
    let detail = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    if (detail.startsWith("Maximum call stack size exceeded"))
      detail = `nested too deeply for the YAML parser (mlci reads at most ${MAX_NESTING} levels)`;
    throw new ParseError(
      pos ? { file, line: pos.line, column: pos.col } : { file, offset: error.pos[0] },
      `invalid YAML: ${detail}`
    );
  }
  const at = (offset) => {
    const { line: line2, col } = lineCounter.linePos(offset);
    return { file, line: line2, column: col };
  };
  const firstAlias = checkYamlNodes(doc, at, notes);
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_EXPANSION });
  } catch (error2) {
    if (error2 instanceof ReferenceError && firstAlias !== void 0) {
      throw new ParseError(
        at(firstAlias),
        `invalid YAML: the aliases expand to more than ${MAX_YAML_ALIAS_EXPANSION} values, starting with this one (an alias bomb?); mlci expands at most ${MAX_YAML_ALIAS_EXPANSION}`
      );
    }
    throw error2;
  }
}
function checkYamlNodes(doc, at, notes) {
  const anchors = /* @__PURE__ */ new Map();
  const open = /* @__PURE__ */ new Set();
  const duplicates = [];
  let duplicateCount = 0;
  let firstAlias;
  const stack = [{ node: doc.contents, key: "", depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop();
    if ("close" in frame) {
      open.delete(frame.close);
      continue;
    }
    const { node, key, depth } = frame;
    if (node === null || typeof node !== "object") continue;
    const range = node.range;
    if (depth > MAX_NESTING) {
      throw new ParseError(
        at(range?.[0] ?? 0),
        `invalid YAML: nested deeper than ${MAX_NESTING} levels; mlci reads at most ${MAX_NESTING}`
      );
    }
    if ((0, import_yaml.isAlias)(node)) {
      firstAlias ??= range?.[0] ?? 0;
      const target = anchors.get(node.source);
      if (target === void 0) {
        throw new ParseError(
          at(range?.[0] ?? 0),
          `invalid YAML: alias *${node.source} refers to no anchor &${node.source} defined before it`
        );
      }
      if (open.has(target)) {
        throw new ParseError(
          at(range?.[0] ?? 0),
          `invalid YAML: alias *${node.source} is inside the value of its own anchor &${node.source} (a cycle); mlci cannot flatten it`
        );
      }
      continue;
    }
    const anchor = node.anchor;
    if (anchor !== void 0) anchors.set(anchor, node);
    if ((0, import_yaml.isScalar)(node)) continue;
    open.add(node);
    stack.push({ close: node });
    const children = [];
    if ((0, import_yaml.isMap)(node)) {
      const seen = /* @__PURE__ */ new Set();
      for (const pair of node.items) {
        if (!(0, import_yaml.isPair)(pair)) continue;
        const name = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : void 0;
        const childPath = name === void 0 ? key : childKey(key, name);
        if (name !== void 0) {
          if (seen.has(name) && notes !== void 0 && duplicateCount++ < 10) {
            const offset = pair.key.range?.[0] ?? 0;
            duplicates.push({ offset, text: `${childPath} (line ${at(offset).line})` });
          }
          seen.add(name);
        }
        children.push({ node: pair.key, key: childPath, depth: depth + 1 });
        children.push({ node: pair.value, key: childPath, depth: depth + 1 });
      }
    } else if ((0, import_yaml.isSeq)(node)) {
      node.items.forEach(
        (item, i2) => children.push({ node: item, key: childKey(key, String(i2)), depth: depth + 1 })
      );
    }
    for (let i2 = children.length - 1; i2 >= 0; i2--) stack.push(children[i2]);
  }
  if (notes !== void 0 && duplicateCount > 0) {
    const more = duplicateCount - duplicates.length;
    const named2 = duplicates.sort((a, b) => a.offset - b.offset).map((d) => d.text);
    notes.push(
      `duplicate keys, the last value of each is read: ${named2.join(", ")}${more > 0 ? ` and ${more} more` : ""}`
    );
  }
  return firstAlias;
}
async function parseTomlText(text6, file) {
  const { TomlError, parse: parseToml } = await import("./dist-TP3SXJZG.js");
  try {
    return parseToml(text6, { integersAsBigInt: "asNeeded" });
  } catch (error) {
    if (error instanceof TomlError) {
      const detail = error.message.split("\n")[0]?.replace(/^Invalid TOML document: /, "") ?? "syntax error";
      throw new ParseError({ file, line: error.line, column: error.column }, `invalid TOML: ${detail}`);
    }
    throw error;
  }
}
var jsonReader = structuredReader("json", "JSON metrics file", ["json"], parseJsonText);
var yamlReader = structuredReader("yaml", "YAML metrics file", ["yaml", "yml"], parseYamlText);
var tomlReader = structuredReader("toml", "TOML metrics file", ["toml"], parseTomlText);

// packages/core/src/readers/dvclive.ts
var CURVE_FOLDERS = ["plots/metrics", "scalars"];
var READ_ENTRIES = /* @__PURE__ */ new Set(["metrics.json", "params.yaml", "plots", "scalars"]);
var dvcliveReader = {
  format: "dvclive",
  title: "dvclive output folder",
  target: "directory",
  detect(probe) {
    if (!probe.isDirectory) return DETECT.no;
    const has = (entry) => probe.entries.includes(entry);
    if (has("plots") && isFolder((0, import_node_path.join)(probe.path, "plots", "metrics"))) return DETECT.name;
    if (has("metrics.json") && has("params.yaml") && has("plots")) return DETECT.name;
    if (probe.name === "dvclive") {
      return has("metrics.json") || has("plots") || has("params.yaml") || has("dvc.yaml") ? DETECT.name : DETECT.content;
    }
    return DETECT.no;
  },
  read: readDvcliveFolder
};
async function readDvcliveFolder(path, options) {
  const info = await statOrExplain(path);
  if (!info.isDirectory()) throw new ConfigurationError(`${path}: is a file, expected a dvclive folder`);
  const builder = new DocBuilder(path, "dvclive", { maxSeriesPoints: options.maxSeriesPoints });
  const entries = (await (0, import_promises.readdir)(path)).sort();
  const read = [];
  const within = await folderScope(path);
  for (const folder of CURVE_FOLDERS) {
    const root = (0, import_node_path.join)(path, ...folder.split("/"));
    if (!isFolder(root)) continue;
    const files = await curveFiles(root, "");
    for (const relative3 of files) {
      const extension = extensionOf(relative3);
      const withoutExtension = relative3.slice(0, relative3.length - extension.length - 1);
      await readDelimitedInto(
        builder,
        (0, import_node_path.join)(root, ...relative3.split("/")),
        extension === "csv" ? "csv" : "tsv",
        {
          seriesKey: slashPathToKey(withoutExtension),
          singleRowSummary: false,
          where: `${folder}/${relative3}: `
        }
      );
    }
    if (files.length > 0) read.push(`${folder} (${files.length} curve${files.length === 1 ? "" : "s"})`);
  }
  if (entries.includes("metrics.json")) {
    const file = (0, import_node_path.join)(path, "metrics.json");
    flattenInto(builder, parseJsonText(await readTextFile(file, { within }), file), "metrics");
    read.push("metrics.json");
  }
  if (entries.includes("params.yaml")) {
    const file = (0, import_node_path.join)(path, "params.yaml");
    const params = parseYamlText(await readTextFile(file, { within }), file);
    if (params !== null && params !== void 0) flattenInto(builder, params, "params");
    read.push("params.yaml");
  }
  if (read.length === 0) {
    builder.note("found no metrics.json, params.yaml or plots/metrics in this folder: nothing to read yet");
  } else {
    builder.note(`read ${read.join(", ")}`);
  }
  const ignored = entries.filter(
    (e) => !READ_ENTRIES.has(e) || (e === "plots" || e === "scalars") && !isFolder((0, import_node_path.join)(path, e))
  );
  if (isFolder((0, import_node_path.join)(path, "plots"))) {
    const plots = (await (0, import_promises.readdir)((0, import_node_path.join)(path, "plots"))).sort().filter((e) => e !== "metrics");
    ignored.push(...plots.map((e) => `plots/${e}`));
  }
  if (ignored.length > 0) {
    builder.note(`not read (plot data, images and reports are not metrics): ${ignored.join(", ")}`);
  }
  return builder.build();
}
function isFolder(path) {
  return (0, import_node_fs.existsSync)(path) && (0, import_node_fs.statSync)(path).isDirectory();
}
async function curveFiles(root, relative3, depth = 0) {
  if (depth > 32) return [];
  const out = [];
  const entries = await (0, import_promises.readdir)(relative3 === "" ? root : (0, import_node_path.join)(root, ...relative3.split("/")), {
    withFileTypes: true
  });
  entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const entry of entries) {
    const path = relative3 === "" ? entry.name : `${relative3}/${entry.name}`;
    if (entry.isDirectory()) out.push(...await curveFiles(root, path, depth + 1));
    else if (entry.isFile() && ["tsv", "csv"].includes(extensionOf(entry.name))) out.push(path);
  }
  return out;
}

// packages/core/src/readers/hf-trainer.ts
var import_node_fs2 = __toESM(require_node_fs(), 1);
var import_promises2 = __toESM(require_promises(), 1);
var import_node_path2 = __toESM(require_node_path(), 1);
var STATE_FILE = "trainer_state.json";
var KNOWN_RESULTS = /^(all|eval|train|test|predict)_results\.json$/i;
var ANY_RESULTS = /_results\.json$/i;
var CHECKPOINT = /^checkpoint-(\d+)$/;
var STATE_METRICS = /* @__PURE__ */ new Set(["best_metric", "global_step", "epoch", "total_flos", "num_input_tokens_seen"]);
var STATE_NESTED_PARAMS = /* @__PURE__ */ new Set(["trial_params", "stateful_callbacks"]);
var hfTrainerReader = {
  format: "hf-trainer",
  title: "Hugging Face Trainer output (trainer_state.json, *_results.json or the output folder)",
  target: "both",
  detect(probe) {
    if (!probe.isDirectory) {
      if (probe.name === STATE_FILE || KNOWN_RESULTS.test(probe.name)) return DETECT.name;
      const head = new TextDecoder().decode(probe.head);
      return /^\s*\{/.test(head) && head.includes('"log_history"') && head.includes('"global_step"') ? DETECT.content : DETECT.no;
    }
    if (probe.entries.some((e) => e === STATE_FILE || KNOWN_RESULTS.test(e))) return DETECT.name;
    const hasCheckpointState = probe.entries.some(
      (e) => CHECKPOINT.test(e) && (0, import_node_fs2.existsSync)((0, import_node_path2.join)(probe.path, e, STATE_FILE))
    );
    return hasCheckpointState ? DETECT.name : DETECT.no;
  },
  read: readHfTrainer
};
async function readHfTrainer(path, options) {
  const info = await statOrExplain(path);
  const builder = new DocBuilder(path, "hf-trainer", { maxSeriesPoints: options.maxSeriesPoints });
  if (!info.isDirectory()) {
    const name = path.split(/[\\/]/).pop() ?? path;
    const value = parseJsonText(await readTextFile(path), path);
    if (ANY_RESULTS.test(name)) {
      readResultsInto(builder, value, path);
    } else if (name === STATE_FILE || !isPlainObject(value) || "log_history" in value || "global_step" in value) {
      readTrainerStateInto(builder, value, path);
    } else {
      builder.note("no log_history or global_step: read as a summary of results (like all_results.json)");
      readResultsInto(builder, value, path);
    }
    return builder.build();
  }
  const entries = (await (0, import_promises2.readdir)(path, { withFileTypes: true })).sort((a, b) => compare(a.name, b.name));
  const read = [];
  const within = await folderScope(path);
  let stateName;
  if (entries.some((e) => e.name === STATE_FILE && e.isFile())) {
    stateName = STATE_FILE;
  } else {
    const checkpoints = entries.filter((e) => e.isDirectory() && CHECKPOINT.test(e.name) && (0, import_node_fs2.existsSync)((0, import_node_path2.join)(path, e.name, STATE_FILE))).map((e) => ({ name: e.name, n: Number(CHECKPOINT.exec(e.name)[1]) })).sort((a, b) => b.n - a.n);
    const latest = checkpoints[0];
    if (latest !== void 0) {
      stateName = `${latest.name}/${STATE_FILE}`;
      builder.note(
        `no ${STATE_FILE} at the top of this folder (the Trainer writes it when training ends): read ${stateName}, the highest-numbered of ${checkpoints.length} checkpoint${checkpoints.length === 1 ? "" : "s"}`
      );
    }
  }
  if (stateName !== void 0) {
    const file = (0, import_node_path2.join)(path, ...stateName.split("/"));
    readTrainerStateInto(builder, parseJsonText(await readTextFile(file, { within }), file), file);
    read.push(stateName);
  }
  const results = entries.filter((e) => e.isFile() && ANY_RESULTS.test(e.name)).map((e) => e.name);
  for (const name of results) {
    const file = (0, import_node_path2.join)(path, name);
    readResultsInto(builder, parseJsonText(await readTextFile(file, { within }), file), file);
    read.push(name);
  }
  if (read.length === 0) {
    throw new ConfigurationError(
      `${path}: no ${STATE_FILE}, checkpoint-N/${STATE_FILE} or *_results.json in this folder: is it a Hugging Face Trainer output_dir?`
    );
  }
  builder.note(`read ${read.join(", ")}`);
  if (stateName !== void 0 && results.length > 0) {
    builder.note("summary values from *_results.json win over the last point of the curve of the same key");
  }
  return builder.build();
}
function readResultsInto(builder, value, file) {
  if (!isPlainObject(value)) {
    throw new ParseError(
      { file },
      `expected a JSON object of named results (as Trainer.save_metrics writes), found ${describe(value)}`
    );
  }
  flattenInto(builder, value, "metrics");
}
function readTrainerStateInto(builder, value, file) {
  if (!isPlainObject(value)) {
    throw new ParseError(
      { file },
      `expected a JSON object with log_history (a Hugging Face trainer_state.json), found ${describe(value)}`
    );
  }
  const notSet = [];
  let quoted = 0;
  for (const [name, node] of Object.entries(value)) {
    const key = childKey("", name);
    if (name === "log_history") continue;
    if (node === null || node === void 0) {
      notSet.push(name);
      continue;
    }
    if (STATE_NESTED_PARAMS.has(name) && typeof node === "object") {
      if (Array.isArray(node) ? node.length === 0 : Object.keys(node).length === 0) notSet.push(name);
      else flattenInto(builder, node, "params", key);
      continue;
    }
    if (STATE_METRICS.has(name)) {
      const n = typeof node === "number" ? node : typeof node === "string" ? parseNumber(node) : void 0;
      if (n !== void 0) {
        if (typeof node === "string") quoted++;
        builder.metric(key, n);
        continue;
      }
    }
    if (typeof node === "number" || typeof node === "string" || typeof node === "boolean") {
      builder.param(key, node);
    } else if (Array.isArray(node)) {
      builder.skip(key, `a list of ${node.length} value${node.length === 1 ? "" : "s"}`);
    } else if (typeof node === "object") {
      flattenInto(builder, node, "params", key);
    } else {
      builder.skip(key, typeof node);
    }
  }
  if (notSet.length > 0) builder.note(`not set in this run: ${notSet.join(", ")}`);
  const history = value["log_history"];
  if (history === void 0 || history === null) {
    builder.note("no log_history in this trainer_state.json: no curves");
  } else if (!Array.isArray(history)) {
    throw new ParseError(
      { file, key: "log_history" },
      `expected a list of logged entries, found ${describe(history)}`
    );
  } else {
    quoted += readLogHistory(builder, history, file);
  }
  if (quoted > 0) {
    builder.note(
      `read ${quoted} quoted number${quoted === 1 ? "" : "s"} (such as "0.9" or "nan") as numbers`
    );
  }
}
function readLogHistory(builder, history, file) {
  const skippedKeys = /* @__PURE__ */ new Set();
  let withoutStep = 0;
  let notObjects = 0;
  let quoted = 0;
  let lastEpochStep = NaN;
  history.forEach((entry, index) => {
    if (!isPlainObject(entry)) {
      notObjects++;
      if (notObjects <= 3) {
        builder.warn(
          `${file}: log_history[${index}] is ${describe(entry)}, not an object of logged values; skipped`
        );
      }
      return;
    }
    const rawStep = entry["step"];
    let step;
    if (typeof rawStep === "number" && Number.isFinite(rawStep)) {
      step = rawStep;
    } else {
      withoutStep++;
      step = index;
    }
    for (const [name, node] of Object.entries(entry)) {
      if (name === "step") continue;
      let n;
      if (typeof node === "number") n = node;
      else if (typeof node === "string") {
        n = parseNumber(node);
        if (n !== void 0) quoted++;
      }
      if (n === void 0) {
        if (!skippedKeys.has(name)) {
          skippedKeys.add(name);
          builder.skip(
            `log_history ${name}`,
            node === null ? "null" : Array.isArray(node) ? "list" : typeof node
          );
        }
        continue;
      }
      if (name === "epoch") {
        if (step === lastEpochStep) continue;
        lastEpochStep = step;
      }
      builder.point(childKey("", name), step, n);
    }
  });
  if (notObjects > 3)
    builder.warn(`${file}: ${notObjects} log_history entries in all were not objects and were skipped`);
  if (withoutStep > 0) {
    builder.note(
      `${withoutStep} log_history entr${withoutStep === 1 ? "y has" : "ies have"} no numeric "step": their position in log_history (from 0) is used as the step`
    );
  }
  return quoted;
}
function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "..." : value)}`;
  if (typeof value === "object") return "an object";
  return `the ${typeof value} ${String(value)}`;
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// packages/core/src/readers/mlflow.ts
var import_node_fs6 = __toESM(require_node_fs(), 1);
var import_node_path4 = __toESM(require_node_path(), 1);

// packages/core/src/readers/mlflow-sqlite.ts
var import_node_fs5 = __toESM(require_node_fs(), 1);

// packages/core/src/readers/mlflow/runs.ts
var RUN_STATUS = {
  1: "RUNNING",
  2: "SCHEDULED",
  3: "FINISHED",
  4: "FAILED",
  5: "KILLED"
};
var LISTED_RUNS = 20;
var MIN_PREFIX = 6;
function statusName(status) {
  if (status === void 0 || status === null) return "RUNNING";
  if (typeof status === "number") return RUN_STATUS[status] ?? `status ${status}`;
  const s = String(status).toUpperCase();
  const n = Number(s);
  return Number.isInteger(n) && RUN_STATUS[n] !== void 0 ? RUN_STATUS[n] : s;
}
function experimentLabel(e) {
  return e.name === void 0 ? e.id : `${e.id} '${e.name}'`;
}
function scopeOf(experiments, runs) {
  const withRuns = experiments.filter((e) => runs.some((r) => r.experimentId === e.id));
  const label = withRuns.length === 1 ? `experiment ${experimentLabel(withRuns[0])}` : `experiments ${(withRuns.length > 0 ? withRuns : experiments).map((e) => e.id).join(", ")}`;
  return { label, experiments };
}
function matches(runs, wanted) {
  const exact = runs.filter((r) => r.id === wanted);
  if (exact.length > 0) return exact;
  return runs.filter((r) => wanted.length >= MIN_PREFIX && r.id.startsWith(wanted) || r.name === wanted);
}
function chooseRun(all, wanted, scope, path, builder) {
  const runs = all.filter((r) => !r.deleted);
  if (wanted === void 0 || wanted === "") return latestFinished(all, scope.label, path, builder);
  const found = matches(runs, wanted);
  if (found.length === 1) {
    const run = found[0];
    const how = run.id === wanted ? "its id" : run.name === wanted ? "its name" : "its id prefix";
    builder.note(
      `chose run ${short(run)} '${run.name}' (${run.status}${ended(run)}) by ${how}, as --run asked`
    );
    return run;
  }
  if (found.length > 1) {
    throw new ConfigurationError(
      `${path}: --run ${JSON.stringify(wanted)} matches ${found.length} runs in ${scope.label}; pass a run id instead:
${listing(found)}`
    );
  }
  const experiments = scope.experiments.filter((e) => e.id === wanted || e.name === wanted);
  if (experiments.length === 1) {
    const experiment = experiments[0];
    return latestFinished(
      all.filter((r) => r.experimentId === experiment.id),
      `experiment ${experimentLabel(experiment)}`,
      path,
      builder,
      `, as --run ${JSON.stringify(wanted)} asked`
    );
  }
  const gone = matches(
    all.filter((r) => r.deleted),
    wanted
  );
  const why = gone.length > 0 ? ` (run ${gone[0].id} matches, but it is deleted)` : "";
  const kinds = scope.experiments.length > 0 ? ", a run name, or an experiment name or id" : " or a run name";
  throw new ConfigurationError(
    `${path}: no run matches --run ${JSON.stringify(wanted)}${why}: pass a run id, an id prefix of ${MIN_PREFIX}+ characters${kinds}. ` + (runs.length === 0 ? `There are no runs in ${scope.label}.` : `Runs in ${scope.label}:
${listing(runs)}`)
  );
}
function latestFinished(all, scope, path, builder, asked = "") {
  const runs = all.filter((r) => !r.deleted);
  const deleted = all.length - runs.length;
  const deletedNote = deleted > 0 ? `, not counting ${deleted} deleted run${deleted === 1 ? "" : "s"}` : "";
  if (runs.length === 0) {
    throw new ConfigurationError(`${path}: no runs in ${scope}${deletedNote}`);
  }
  const finished = runs.filter((r) => r.status === "FINISHED").sort(latestFirst);
  const chosen = finished[0];
  if (chosen === void 0) {
    throw new ConfigurationError(
      `${path}: none of the ${runs.length} run${runs.length === 1 ? "" : "s"} in ${scope} is FINISHED; pass --run to read one anyway:
${listing(runs)}`
    );
  }
  const others = runs.length - finished.length;
  const byStatus = others > 0 ? ` (${countStatuses(runs.filter((r) => r.status !== "FINISHED"))} not considered)` : "";
  builder.note(
    `chose run ${short(chosen)} '${chosen.name}' (FINISHED${ended(chosen)}), the latest finished of ${runs.length} run${runs.length === 1 ? "" : "s"} in ${scope}${byStatus}${deletedNote}${asked}; pass ${asked === "" ? "--run" : "a run id"} to pick another`
  );
  return chosen;
}
function latestFirst(a, b) {
  const byEnd = (b.endTime ?? -Infinity) - (a.endTime ?? -Infinity);
  if (byEnd !== 0 && !Number.isNaN(byEnd)) return byEnd;
  const byStart = (b.startTime ?? -Infinity) - (a.startTime ?? -Infinity);
  if (byStart !== 0 && !Number.isNaN(byStart)) return byStart;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
function countStatuses(runs) {
  const counts = /* @__PURE__ */ new Map();
  for (const r of runs) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${status}`).join(", ");
}
function listing(runs) {
  const sorted = [...runs].sort(latestFirst);
  const lines = sorted.slice(0, LISTED_RUNS).map((r) => `  ${describeRun(r)}`);
  if (sorted.length > LISTED_RUNS) lines.push(`  and ${sorted.length - LISTED_RUNS} more`);
  return lines.join("\n");
}
function describeRun(r) {
  return `${r.id} '${r.name}' ${r.status}${ended(r)}`;
}
function short(r) {
  return r.id.slice(0, 8);
}
function ended(r) {
  if (r.endTime !== void 0) return `, ended ${isoTime(r.endTime)}`;
  if (r.startTime !== void 0) return `, started ${isoTime(r.startTime)}`;
  return "";
}
function isoTime(ms) {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

// packages/core/src/readers/mlflow/sqlite-file.ts
var import_node_fs3 = __toESM(require_node_fs(), 1);
var MAGIC = [83, 81, 76, 105, 116, 101, 32, 102, 111, 114, 109, 97, 116, 32, 51, 0];
var HEADER_BYTES = 100;
var MAX_SCHEMA_PAGES = 256;
function hasSqliteMagic(head) {
  return head.length >= MAGIC.length && MAGIC.every((byte, i2) => head[i2] === byte);
}
var ENCODINGS = { 1: "utf-8", 2: "utf-16le", 3: "utf-16be" };
function parseHeader(head) {
  if (head.length < HEADER_BYTES)
    return `the file ends within the ${HEADER_BYTES}-byte SQLite header (${head.length} bytes)`;
  const raw = head[16] << 8 | head[17];
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & pageSize - 1) !== 0)
    return `the header's page size ${raw} is not a power of two from 512 to 65536`;
  const usableSize = pageSize - head[20];
  if (usableSize < 480) return `the header reserves ${head[20]} bytes of each ${pageSize}-byte page`;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const valid = view.getUint32(24) === view.getUint32(92);
  const encoding = ENCODINGS[view.getUint32(56)] ?? "utf-8";
  return { pageSize, usableSize, pageCount: valid ? view.getUint32(28) : 0, encoding };
}
function sqliteTableNames(path) {
  let fd2;
  try {
    fd2 = openRegular(path).fd;
    const head = new Uint8Array(HEADER_BYTES);
    if ((0, import_node_fs3.readSync)(fd2, head, 0, HEADER_BYTES, 0) < HEADER_BYTES || !hasSqliteMagic(head)) return void 0;
    const header = parseHeader(head);
    if (typeof header === "string") return void 0;
    const file = fd2;
    const readPage = (n) => {
      const page = new Uint8Array(header.pageSize);
      return (0, import_node_fs3.readSync)(file, page, 0, page.length, (n - 1) * header.pageSize) === page.length ? page : void 0;
    };
    const decoder = new TextDecoder(header.encoding);
    return schemaTables(readPage, header.usableSize, (bytes) => decoder.decode(bytes));
  } catch {
    return void 0;
  } finally {
    if (fd2 !== void 0) (0, import_node_fs3.closeSync)(fd2);
  }
}
function schemaTables(readPage, usable, decode) {
  const names = [];
  const pending = [1];
  const seen = /* @__PURE__ */ new Set();
  while (pending.length > 0) {
    const n = pending.pop();
    if (seen.has(n) || seen.size >= MAX_SCHEMA_PAGES) return void 0;
    seen.add(n);
    const page = readPage(n);
    if (page === void 0) return void 0;
    const at = n === 1 ? HEADER_BYTES : 0;
    const type = page[at];
    const cells = page[at + 3] << 8 | page[at + 4];
    const interior = type === 5;
    if (!interior && type !== 13) return void 0;
    const pointers = at + (interior ? 12 : 8);
    if (pointers + 2 * cells > usable) return void 0;
    const view = new DataView(page.buffer);
    if (interior) pending.push(view.getUint32(at + 8));
    for (let i2 = 0; i2 < cells; i2++) {
      const cell2 = view.getUint16(pointers + 2 * i2);
      if (cell2 >= usable) return void 0;
      if (interior) {
        pending.push(view.getUint32(cell2));
        continue;
      }
      const entry = schemaEntry(page, cell2, usable, decode);
      if (entry === void 0) return void 0;
      if (entry.type === "table") names.push(entry.name);
    }
  }
  return names.sort();
}
function schemaEntry(page, cell2, usable, decode) {
  const payload = varint(page, cell2);
  const rowid = varint(page, payload.end);
  const most = usable - 35;
  let local = payload.value;
  if (local > most) {
    const least = Math.floor((usable - 12) * 32 / 255) - 23;
    const k = least + (payload.value - least) % (usable - 4);
    local = k <= most ? k : least;
  }
  const start = rowid.end;
  const end = Math.min(start + local, usable);
  const headerSize = varint(page, start);
  let typeAt = headerSize.end;
  let body = start + headerSize.value;
  const columns = [];
  while (columns.length < 2) {
    if (typeAt >= start + headerSize.value) return void 0;
    const serial = varint(page, typeAt);
    typeAt = serial.end;
    if (serial.value < 13 || serial.value % 2 === 0) return void 0;
    const length = (serial.value - 13) / 2;
    if (body + length > end) return void 0;
    columns.push(decode(page.subarray(body, body + length)));
    body += length;
  }
  return { type: columns[0], name: columns[1] };
}
function varint(bytes, at) {
  let value = 0;
  for (let i2 = 0; i2 < 9; i2++) {
    const byte = bytes[at + i2] ?? 0;
    if (i2 === 8) return { value: value * 256 + byte, end: at + 9 };
    value = value * 128 + (byte & 127);
    if ((byte & 128) === 0) return { value, end: at + i2 + 1 };
  }
  return { value, end: at + 9 };
}

// packages/core/src/readers/mlflow/sql-js.ts
var import_node_fs4 = __toESM(require_node_fs(), 1);
var import_node_module = __toESM(require_node_module(), 1);
var import_node_path3 = __toESM(require_node_path(), 1);
var import_node_url = __toESM(require_node_url(), 1);
var WASM = "sql-wasm.wasm";
var loading;
function loadSqlJs() {
  loading ??= (async () => {
    const wasmBinary = (0, import_node_fs4.readFileSync)(sqlWasmPath());
    const { default: initSqlJs } = await import("./sql-wasm-browser-67PUWWQV.js");
    return initSqlJs({
      wasmBinary: wasmBinary.buffer.slice(
        wasmBinary.byteOffset,
        wasmBinary.byteOffset + wasmBinary.byteLength
      )
    });
  })();
  loading.catch(() => loading = void 0);
  return loading;
}
function sqlWasmPath() {
  const here = (0, import_node_path3.dirname)((0, import_node_url.fileURLToPath)(import.meta.url));
  const candidates = [(0, import_node_path3.join)(here, "../assets", WASM), (0, import_node_path3.join)(here, "assets", WASM)];
  try {
    candidates.push((0, import_node_module.createRequire)(import.meta.url).resolve(`sql.js/dist/${WASM}`));
  } catch {
  }
  const found = candidates.find((file) => (0, import_node_fs4.existsSync)(file));
  if (found === void 0)
    throw new Error(`mlci's SQLite engine is missing: looked for ${WASM} in ${candidates.join(", ")}`);
  return found;
}

// packages/core/src/readers/mlflow/values.ts
var DOCUMENT_TAGS = /* @__PURE__ */ new Set(["mlflow.log-model.history", "mlflow.loggedArtifacts", "mlflow.datasets"]);
var MAX_TAG_CHARS = 500;
function metricKey(name) {
  return escapeSegment(name);
}
function paramValue(text6) {
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text6)) {
    const n = Number(text6);
    if (Number.isFinite(n)) return n;
  }
  if (text6 === "True") return true;
  if (text6 === "False") return false;
  return text6;
}
function laterThan(step, timestamp, value, best) {
  if (step !== best.step) return step > best.step;
  if (timestamp !== best.timestamp) return timestamp > best.timestamp;
  return value > best.value;
}
function addTag(builder, name, value) {
  const key = childKey("tag", name);
  if (DOCUMENT_TAGS.has(name) || value.length > MAX_TAG_CHARS) {
    builder.skip(key, `a ${value.length}-character document, not a fact about the run`);
    return false;
  }
  builder.param(key, value);
  return true;
}
function addRunParams(builder, run) {
  builder.param("run.id", run.id);
  builder.param("run.name", run.name);
  builder.param("run.status", run.status);
  builder.param("run.experiment_id", run.experimentId);
  if (run.startTime !== void 0) builder.param("run.start_time", isoTime(run.startTime));
  if (run.endTime !== void 0) builder.param("run.end_time", isoTime(run.endTime));
}
function plural2(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function noteRead(builder, run, counts) {
  builder.note(
    `read ${plural2(counts.metrics, "metric")}, ${plural2(counts.params, "param")} and ${plural2(counts.tags, "tag")} (as tag.<name>) of run ${run.id}; artifacts are not read`
  );
}

// packages/core/src/readers/mlflow-sqlite.ts
var MAX_STORE_BYTES = 1024 * 1024 * 1024;
var STORE_NAME = /^(mlflow|mlruns)\.db$/i;
var MLFLOW_TABLES = ["experiments", "metrics", "params", "runs", "tags"];
var STORED_INFINITY = 17976931348623157e292;
function detectMlflowSqlite(probe) {
  if (!hasSqliteMagic(probe.head)) return DETECT.no;
  const tables = sqliteTableNames(probe.path);
  if (tables !== void 0 && MLFLOW_TABLES.every((t) => tables.includes(t))) return DETECT.name;
  if (STORE_NAME.test(probe.name)) return DETECT.name;
  if (tables === void 0 && /\.db$/i.test(probe.name)) return DETECT.extension;
  return DETECT.no;
}
async function readMlflowSqlite(path, options) {
  const bytes = await readStore(path);
  const builder = new DocBuilder(path, "mlflow", { maxSeriesPoints: options.maxSeriesPoints });
  checkJournals(path, builder);
  const SQL = await loadSqlJs();
  const db = sqlite(path, "open it", () => new SQL.Database(bytes));
  try {
    sqlite(path, "set it up", () => db.exec("PRAGMA query_only = 1; PRAGMA temp_store = MEMORY"));
    const schema = readSchema(db, path);
    const experiments = listExperiments(db, schema, path, builder);
    const runs = listRuns(db, schema, path, experiments);
    const live = [...experiments.values()].filter((e) => !e.deleted);
    const deletedExperiments = experiments.size - live.length;
    if (deletedExperiments > 0) builder.note(`skipped ${plural2(deletedExperiments, "deleted experiment")}`);
    const inScope = runs.filter((r) => experiments.get(r.experimentId)?.deleted !== true);
    if (runs.length === 0) {
      throw new ConfigurationError(`${path}: no runs in this MLflow store (its runs table is empty)`);
    }
    const run = chooseRun(inScope, options.run, scopeOf(live, inScope), path, builder);
    addRunParams(builder, run);
    const metrics = readMetrics(db, schema, path, run, builder);
    const params = readParams(db, schema, path, run, builder);
    const tags = readTags(db, schema, path, run, builder);
    noteRead(builder, run, { metrics, params, tags });
  } finally {
    db.close();
  }
  return builder.build();
}
async function readStore(path) {
  const { fd: fd2, size } = openRegular(path);
  let bytes;
  try {
    const tooBig = (what) => new ParseError(
      { file: path },
      `the file ${what}; mlci reads MLflow SQLite stores of up to ${MAX_STORE_BYTES} bytes (SQLite runs in memory here). Export the runs to compare (mlflow.search_runs, or an mlruns folder) or prune the store (mlflow gc) first`
    );
    if (size > MAX_STORE_BYTES) throw tooBig(`is ${size} bytes`);
    let buffer = new Uint8Array(size + 1);
    let filled = 0;
    for (; ; ) {
      if (filled === buffer.length) {
        if (filled > MAX_STORE_BYTES)
          throw tooBig(`holds over ${MAX_STORE_BYTES} bytes (counted while reading)`);
        const bigger = new Uint8Array(Math.min(MAX_STORE_BYTES + 1, buffer.length * 2));
        bigger.set(buffer);
        buffer = bigger;
      }
      const read = await readAt(fd2, buffer, filled, buffer.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    bytes = buffer.subarray(0, filled);
  } finally {
    (0, import_node_fs5.closeSync)(fd2);
  }
  if (bytes.length === 0) {
    throw new ParseError(
      { file: path },
      "an empty file, not an MLflow tracking store (MLflow writes its tables when it first opens the store)"
    );
  }
  if (!hasSqliteMagic(bytes)) {
    throw new ConfigurationError(
      `${path}: is not an SQLite database (it does not start with "SQLite format 3"); the mlflow format reads an mlruns, experiment or run folder, or an MLflow SQLite store such as mlflow.db`
    );
  }
  const header = parseHeader(bytes);
  if (typeof header === "string")
    throw new ParseError({ file: path, offset: 16 }, `not a readable SQLite file: ${header}`);
  const expected = header.pageCount * header.pageSize;
  if (bytes.length < expected || bytes.length % header.pageSize !== 0) {
    const says = expected > 0 ? `its header says ${header.pageCount} pages of ${header.pageSize} bytes (${expected} bytes)` : `its pages are ${header.pageSize} bytes`;
    throw new ParseError(
      { file: path, offset: bytes.length },
      `the SQLite file is truncated: it ends at byte ${bytes.length}, but ${says} (an incomplete copy or download?)`
    );
  }
  return bytes;
}
function checkJournals(path, builder) {
  const size = (file) => (0, import_node_fs5.statSync)(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size(`${path}-wal`) > 0) {
    builder.warn(
      `${path}-wal holds changes not yet written into the store (a tracking server has it open in WAL mode); they are not read. Stop the server, or run sqlite3 ${path} 'PRAGMA wal_checkpoint', to include them`
    );
  }
  if (size(`${path}-journal`) > 0) {
    builder.warn(
      `${path}-journal is beside the store: MLflow was writing to it (or stopped while writing) when it was read, so the last changes may be missing or half written`
    );
  }
}
function sqlite(path, doing, call) {
  try {
    return call();
  } catch (error) {
    if (error instanceof MlciError || !(error instanceof Error) || error.constructor !== Error) throw error;
    const hint = /malformed|not a database|corrupt/i.test(error.message) ? " (the file is damaged, or was copied while MLflow was writing it)" : "";
    throw new ParseError({ file: path }, `SQLite could not ${doing}: ${error.message}${hint}`);
  }
}
function readSchema(db, path) {
  const tables = sqlite(
    path,
    "read its list of tables",
    () => column(db.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
  ).map(String);
  const missing = ["metrics", "runs"].filter((t) => !tables.includes(t));
  if (tables.length === 0) {
    throw new ParseError(
      { file: path },
      "no tables: an empty SQLite database, not an MLflow tracking store (MLflow creates its tables when it first opens the store)"
    );
  }
  if (missing.length > 0) {
    throw new ParseError(
      { file: path },
      `no ${missing.map((t) => `\`${t}\``).join(" and ")} table${missing.length === 1 ? "" : "s"}: not an MLflow tracking store (its tables: ${shortList(tables)})`
    );
  }
  const schema = /* @__PURE__ */ new Map();
  for (const table4 of ["experiments", "runs", "metrics", "latest_metrics", "params", "tags"]) {
    if (!tables.includes(table4)) continue;
    const columns = sqlite(
      path,
      `read the columns of table ${table4}`,
      () => (
        // PRAGMA table_info: cid, name, type, notnull, dflt_value, pk.
        column(db.exec(`PRAGMA table_info(${quote(table4)})`), 1)
      )
    );
    schema.set(table4, new Set(columns.map(String)));
  }
  requireColumns(schema, path, "runs", ["run_uuid"]);
  requireColumns(schema, path, "metrics", ["key", "value", "run_uuid"]);
  return schema;
}
function requireColumns(schema, path, table4, columns) {
  const has = schema.get(table4);
  const missing = columns.filter((c) => !has.has(c));
  if (missing.length > 0) {
    throw new ParseError(
      { file: path, key: table4 },
      `the \`${table4}\` table has no ${missing.map((c) => `\`${c}\``).join(", ")} column${missing.length === 1 ? "" : "s"} (its columns: ${shortList([...has])}): not an MLflow tracking store`
    );
  }
}
function metricsColumn(schema, name, builder, meaning) {
  if (schema.get("metrics").has(name)) return quote(name);
  builder.note(`the metrics table has no ${name} column (an older MLflow schema): ${meaning}`);
  return void 0;
}
function listExperiments(db, schema, path, builder) {
  const out = /* @__PURE__ */ new Map();
  const has = schema.get("experiments");
  if (has === void 0 || !has.has("experiment_id")) {
    builder.note("no experiments table: runs are listed by experiment id only");
    return out;
  }
  const name = has.has("name") ? quote("name") : "NULL";
  const stage = has.has("lifecycle_stage") ? quote("lifecycle_stage") : "'active'";
  sqlite(
    path,
    "read the experiments table",
    () => each(db, `SELECT experiment_id, ${name}, ${stage} FROM experiments ORDER BY experiment_id`, [], (row) => {
      const id = String(row[0]);
      const experiment = { id, deleted: row[2] === "deleted" };
      if (typeof row[1] === "string" && row[1] !== "") experiment.name = row[1];
      out.set(id, experiment);
    })
  );
  return out;
}
function listRuns(db, schema, path, experiments) {
  const has = schema.get("runs");
  const col = (name, fallback = "NULL") => has.has(name) ? quote(name) : fallback;
  const runs = [];
  const sql = `SELECT run_uuid, ${col("name")}, ${col("status")}, ${col("start_time")}, ${col("end_time")}, ${col("lifecycle_stage", "'active'")}, ${col("experiment_id")} FROM runs`;
  sqlite(
    path,
    "read the runs table",
    () => each(db, sql, [], (row) => {
      const run = {
        id: String(row[0]),
        name: typeof row[1] === "string" ? row[1] : "",
        status: statusName(row[2]),
        experimentId: row[6] === null ? "" : String(row[6]),
        deleted: row[5] === "deleted"
      };
      if (typeof row[3] === "number") run.startTime = row[3];
      if (typeof row[4] === "number") run.endTime = row[4];
      const experiment = experiments.get(run.experimentId);
      if (experiment?.name !== void 0) run.experimentName = experiment.name;
      runs.push(run);
    })
  );
  const unnamed = new Map(runs.filter((r) => r.name === "").map((r) => [r.id, r]));
  if (unnamed.size > 0 && schema.get("tags")?.has("value") === true) {
    sqlite(
      path,
      "read the run names in the tags table",
      () => each(db, "SELECT run_uuid, value FROM tags WHERE key = 'mlflow.runName'", [], (row) => {
        const run = unnamed.get(String(row[0]));
        if (run !== void 0 && typeof row[1] === "string") run.name = row[1];
      })
    );
  }
  return runs;
}
function readMetrics(db, schema, path, run, builder) {
  const step = metricsColumn(schema, "step", builder, "every value is read as step 0, as MLflow does");
  const timestamp = metricsColumn(schema, "timestamp", builder, "the values are read without a time");
  const isNan = metricsColumn(schema, "is_nan", builder, "values are read as stored");
  const order = ['"key"', step, timestamp].filter((c) => c !== void 0).join(", ");
  const sql = `SELECT "key", "value", ${timestamp ?? "0"}, ${step ?? "0"}, ${isNan ?? "0"} FROM metrics WHERE run_uuid = ? ORDER BY ${order}`;
  const keys = /* @__PURE__ */ new Set();
  let name;
  let acc;
  let best;
  let rows = 0;
  const finish = () => {
    if (name !== void 0 && best !== void 0) builder.metric(metricKey(name), best.value);
  };
  sqlite(
    path,
    `read the metrics of run ${run.id}`,
    () => each(db, sql, [run.id], (row) => {
      rows++;
      const key = String(row[0]);
      if (key !== name) {
        finish();
        name = key;
        keys.add(key);
        acc = builder.seriesFor(metricKey(key));
        best = void 0;
      }
      const s = finite(row[3], path, run, key, "step");
      const t = finite(row[2], path, run, key, "timestamp");
      const value = row[4] === 1 || row[4] === "1" ? NaN : metricValue(row[1], path, run, key, s);
      acc.add(s, value, t / 1e3);
      if (best === void 0 || laterThan(s, t, value, best)) best = { step: s, timestamp: t, value };
    })
  );
  finish();
  const onlyLatest = readLatestOnly(db, schema, path, run, builder, keys);
  if (rows > 0)
    builder.note(
      `read ${plural2(rows, "logged value")} of ${plural2(keys.size, "metric")} from the metrics table`
    );
  return keys.size + onlyLatest;
}
function readLatestOnly(db, schema, path, run, builder, seen) {
  const has = schema.get("latest_metrics");
  if (has === void 0 || !["key", "value", "run_uuid"].every((c) => has.has(c))) return 0;
  const isNan = has.has("is_nan") ? quote("is_nan") : "0";
  const added = [];
  const sql = `SELECT "key", "value", ${isNan} FROM latest_metrics WHERE run_uuid = ? ORDER BY "key"`;
  sqlite(
    path,
    `read the latest metrics of run ${run.id}`,
    () => each(db, sql, [run.id], (row) => {
      const key = String(row[0]);
      if (seen.has(key)) return;
      builder.metric(
        metricKey(key),
        row[2] === 1 || row[2] === "1" ? NaN : metricValue(row[1], path, run, key)
      );
      added.push(key);
    })
  );
  if (added.length > 0) {
    builder.note(
      `${plural2(added.length, "metric")} ${added.length === 1 ? "has" : "have"} a latest value (latest_metrics) but no logged history in the metrics table: ${shortList(added)}`
    );
  }
  return added.length;
}
function readParams(db, schema, path, run, builder) {
  const has = schema.get("params");
  if (has === void 0 || !["key", "value", "run_uuid"].every((c) => has.has(c))) {
    builder.note("no params table (key, value, run_uuid): no params read");
    return 0;
  }
  let count4 = 0;
  sqlite(
    path,
    `read the params of run ${run.id}`,
    () => each(db, 'SELECT "key", "value" FROM params WHERE run_uuid = ? ORDER BY "key"', [run.id], (row) => {
      builder.param(metricKey(String(row[0])), paramValue(text(row[1])));
      count4++;
    })
  );
  return count4;
}
function readTags(db, schema, path, run, builder) {
  const has = schema.get("tags");
  if (has === void 0 || !["key", "value", "run_uuid"].every((c) => has.has(c))) {
    builder.note("no tags table (key, value, run_uuid): no tags read");
    return 0;
  }
  let count4 = 0;
  sqlite(
    path,
    `read the tags of run ${run.id}`,
    () => each(db, 'SELECT "key", "value" FROM tags WHERE run_uuid = ? ORDER BY "key"', [run.id], (row) => {
      if (addTag(builder, String(row[0]), text(row[1]))) count4++;
    })
  );
  return count4;
}
function each(db, sql, params, onRow) {
  const statement = db.prepare(sql);
  try {
    if (params.length > 0) statement.bind(params);
    while (statement.step()) onRow(statement.get());
  } finally {
    statement.free();
  }
}
function column(results, index = 0) {
  return results[0]?.values.map((row) => row[index] ?? null) ?? [];
}
function metricValue(value, path, run, key, step) {
  let n;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") n = parseNumber(value);
  if (n === void 0) {
    throw new ParseError(
      { file: path, key: `metrics/${key}` },
      `expected a number as the value of metric ${JSON.stringify(key)} of run ${run.id}${step === void 0 ? "" : ` at step ${step}`}, found ${describe2(value)}`
    );
  }
  if (n === STORED_INFINITY) return Infinity;
  if (n === -STORED_INFINITY) return -Infinity;
  return n;
}
function finite(value, path, run, key, what) {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new ParseError(
    { file: path, key: `metrics/${key}` },
    `expected a number as the ${what} of a value of metric ${JSON.stringify(key)} of run ${run.id}, found ${describe2(value)}`
  );
}
function describe2(value) {
  if (value === null || value === void 0) return "NULL";
  if (value instanceof Uint8Array) return `a ${value.length}-byte blob`;
  return JSON.stringify(value);
}
function text(value) {
  if (value === null || value === void 0) return "";
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return String(value);
}
function quote(name) {
  return `"${name.replace(/"/g, '""')}"`;
}
function shortList(items) {
  const shown2 = items.slice(0, 12).join(", ");
  return items.length > 12 ? `${shown2} and ${items.length - 12} more` : shown2;
}

// packages/core/src/readers/mlflow.ts
var META = "meta.yaml";
var NOT_RUNS = /* @__PURE__ */ new Set(["tags", "datasets", "traces", "models"]);
var NOT_EXPERIMENTS = /* @__PURE__ */ new Set([".trash", "models"]);
var MAX_LINE_CHARS2 = 64 * 1024;
var MAX_NAME_DEPTH = 32;
var mlflowReader = {
  format: "mlflow",
  title: "MLflow tracking store (an mlruns folder, an experiment or run folder, or an mlflow.db SQLite file)",
  target: "both",
  detect(probe) {
    if (!probe.isDirectory) return detectMlflowSqlite(probe);
    const has = (e) => probe.entries.includes(e);
    if (has(META)) {
      if (has("metrics")) return DETECT.name;
      const meta = smallText((0, import_node_path4.join)(probe.path, META));
      if (meta === void 0) return DETECT.no;
      if (/^run_(id|uuid):/m.test(meta) && (has("params") || has("tags"))) return DETECT.name;
      if (/^artifact_location:/m.test(meta) && /^experiment_id:/m.test(meta)) return DETECT.name;
      return DETECT.no;
    }
    if (probe.name === "mlruns") return DETECT.name;
    let checked = 0;
    for (const entry of probe.entries) {
      if (!/^\d+$/.test(entry)) continue;
      if (++checked > 20) break;
      const meta = smallText((0, import_node_path4.join)(probe.path, entry, META));
      if (meta !== void 0 && /^experiment_id:/m.test(meta) && !/^run_(id|uuid):/m.test(meta))
        return DETECT.name;
    }
    return DETECT.no;
  },
  read: readMlflow
};
async function readMlflow(path, options) {
  const info = await statOrExplain(path);
  if (!info.isDirectory()) return readMlflowSqlite(path, options);
  const builder = new DocBuilder(path, "mlflow", { maxSeriesPoints: options.maxSeriesPoints });
  const scope = await folderScope(path);
  const metaPath = (0, import_node_path4.join)(path, META);
  let run;
  if ((0, import_node_fs6.existsSync)(metaPath)) {
    const meta = await readMeta(metaPath, scope);
    if (meta["run_id"] !== void 0 || meta["run_uuid"] !== void 0) {
      run = await runInfo(path, meta, metaPath, scope);
      if (options.run !== void 0 && options.run !== "" && matches([run], options.run).length === 0) {
        throw new ConfigurationError(
          `${path}: --run ${JSON.stringify(options.run)} does not match this run folder (run ${describeRun(run)}); point at the experiment or mlruns folder to choose among runs`
        );
      }
      builder.note(`read run ${run.id} '${run.name}' (${run.status}${ended(run)})`);
      if (run.deleted) builder.note("this run is marked deleted (lifecycle_stage: deleted)");
    } else if (meta["experiment_id"] !== void 0) {
      const experiment = experimentOf(meta, path);
      const listed3 = await listRuns2(path, experiment, builder, scope);
      const label = `experiment ${experimentLabel(experiment)}`;
      run = chooseRun(listed3, options.run, { label, experiments: [experiment] }, path, builder);
    } else {
      throw new ParseError(
        { file: metaPath },
        "expected an MLflow run (run_id) or experiment (experiment_id) meta.yaml, found neither key"
      );
    }
  } else {
    const experiments = await listExperiments2(path, builder, scope);
    if (experiments.length === 0) {
      throw new ConfigurationError(
        `${path}: no MLflow experiment folders (a folder with a meta.yaml holding experiment_id) in this folder`
      );
    }
    const runs = [];
    for (const experiment of experiments)
      runs.push(...await listRuns2(experiment.dir, experiment, builder, scope));
    run = chooseRun(runs, options.run, scopeOf(experiments, runs), path, builder);
  }
  await readRunInto(builder, run, scope);
  return builder.build();
}
function experimentOf(meta, dir) {
  const experiment = { dir, id: text2(meta["experiment_id"]) ?? (0, import_node_path4.basename)(dir) };
  const name = text2(meta["name"]);
  if (name !== void 0 && name !== "") experiment.name = name;
  return experiment;
}
async function listExperiments2(root, builder, scope) {
  const out = [];
  let deleted = 0;
  for (const entry of await sortedDirs(root, scope)) {
    if (NOT_EXPERIMENTS.has(entry)) continue;
    const metaPath = (0, import_node_path4.join)(root, entry, META);
    if (!(0, import_node_fs6.existsSync)(metaPath)) continue;
    let meta;
    try {
      meta = await readMeta(metaPath, scope);
    } catch (error) {
      if (!(error instanceof MlciError)) throw error;
      builder.warn(`skipped experiment folder ${entry}: ${error.message}`);
      continue;
    }
    if (meta["experiment_id"] === void 0) continue;
    if (meta["lifecycle_stage"] === "deleted") {
      deleted++;
      continue;
    }
    out.push(experimentOf(meta, (0, import_node_path4.join)(root, entry)));
  }
  if (deleted > 0) builder.note(`skipped ${deleted} deleted experiment${deleted === 1 ? "" : "s"}`);
  if ((0, import_node_fs6.existsSync)((0, import_node_path4.join)(root, ".trash"))) builder.note("the .trash folder (deleted experiments) is not read");
  return out;
}
async function listRuns2(dir, experiment, builder, scope) {
  const out = [];
  for (const entry of await sortedDirs(dir, scope)) {
    if (NOT_RUNS.has(entry)) continue;
    const metaPath = (0, import_node_path4.join)(dir, entry, META);
    if (!(0, import_node_fs6.existsSync)(metaPath)) continue;
    try {
      const meta = await readMeta(metaPath, scope);
      if (meta["run_id"] === void 0 && meta["run_uuid"] === void 0) continue;
      const run = await runInfo((0, import_node_path4.join)(dir, entry), meta, metaPath, scope);
      if (experiment.name !== void 0) run.experimentName = experiment.name;
      out.push(run);
    } catch (error) {
      if (!(error instanceof MlciError)) throw error;
      builder.warn(`skipped run folder ${entry}: ${error.message}`);
    }
  }
  return out;
}
async function runInfo(dir, meta, metaPath, scope) {
  const id = text2(meta["run_id"]) ?? text2(meta["run_uuid"]);
  if (id === void 0 || id === "") {
    throw new ParseError({ file: metaPath, key: "run_id" }, "expected the run id, found an empty value");
  }
  let name = text2(meta["run_name"]) ?? "";
  if (name === "") name = text2(meta["name"]) ?? "";
  if (name === "") {
    const tag = (0, import_node_path4.join)(dir, "tags", "mlflow.runName");
    if ((0, import_node_fs6.existsSync)(tag)) name = await readTextFile(tag, { within: scope });
  }
  const run = {
    dir,
    id,
    name,
    status: statusName(meta["status"]),
    experimentId: text2(meta["experiment_id"]) ?? "",
    deleted: meta["lifecycle_stage"] === "deleted"
  };
  const start = timeMs(meta["start_time"]);
  if (start !== void 0) run.startTime = start;
  const end = timeMs(meta["end_time"]);
  if (end !== void 0) run.endTime = end;
  return run;
}
function timeMs(value) {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value.trim());
  return void 0;
}
async function readRunInto(builder, run, scope) {
  addRunParams(builder, run);
  const metricsDir = (0, import_node_path4.join)(run.dir, "metrics");
  let metricCount = 0;
  for (const name of await filesBelow(metricsDir, "metric", scope, builder)) {
    await readMetricFile(builder, (0, import_node_path4.join)(metricsDir, ...name.split("/")), metricKey(name), true);
    metricCount++;
  }
  const paramsDir = (0, import_node_path4.join)(run.dir, "params");
  let paramCount = 0;
  for (const name of await filesBelow(paramsDir, "param", scope, builder)) {
    builder.param(metricKey(name), paramValue(await readTextFile((0, import_node_path4.join)(paramsDir, ...name.split("/")))));
    paramCount++;
  }
  const tagsDir = (0, import_node_path4.join)(run.dir, "tags");
  let tagCount = 0;
  for (const name of await filesBelow(tagsDir, "tag", scope, builder)) {
    if (addTag(builder, name, await readTextFile((0, import_node_path4.join)(tagsDir, ...name.split("/"))))) tagCount++;
  }
  noteRead(builder, run, { metrics: metricCount, params: paramCount, tags: tagCount });
}
var INTEGER = /^[+-]?\d+$/;
async function readMetricFile(builder, file, key, listed3 = false) {
  let acc;
  let best;
  let lineNo = 0;
  let good = 0;
  const parse = (raw, complete) => {
    lineNo++;
    const line2 = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const trimmed = line2.trim();
    if (trimmed === "") return;
    const parts = trimmed.split(/[ \t]+/);
    let problem;
    let timestamp = NaN;
    let value;
    let step = 0;
    if (parts.length !== 2 && parts.length !== 3) {
      problem = `found ${parts.length} field${parts.length === 1 ? "" : "s"}`;
    } else if (!INTEGER.test(parts[0])) {
      problem = `the timestamp ${JSON.stringify(parts[0])} is not an integer (milliseconds)`;
    } else if ((value = parseNumber(parts[1])) === void 0) {
      problem = `the value ${JSON.stringify(parts[1])} is not a number`;
    } else if (parts.length === 3 && !INTEGER.test(parts[2])) {
      problem = `the step ${JSON.stringify(parts[2])} is not an integer`;
    } else {
      timestamp = Number(parts[0]);
      if (parts.length === 3) step = Number(parts[2]);
    }
    if (problem !== void 0 || value === void 0) {
      const shown2 = JSON.stringify(trimmed.length > 60 ? trimmed.slice(0, 60) + "..." : trimmed);
      if (!complete && good > 0) {
        builder.warn(
          `${file}:${lineNo}: ignored the last line ${shown2}: it is incomplete (no newline at the end of the file; was the run killed while writing?)`
        );
        return;
      }
      throw new ParseError(
        { file, line: lineNo, column: 1 },
        `expected 'timestamp value step' (an MLflow metric line), ${problem ?? "found no value"}: ${shown2}`
      );
    }
    good++;
    (acc ??= builder.seriesFor(key)).add(step, value, timestamp / 1e3);
    if (best === void 0 || laterThan(step, timestamp, value, best)) best = { step, timestamp, value };
  };
  await streamLines(file, parse, listed3);
  if (best === void 0) {
    builder.warn(
      `${file}: empty metric file (MLflow writes a line for every logged value): no value for ${key}`
    );
    return;
  }
  builder.metric(key, best.value);
}
async function streamLines(file, onLine, listed3) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let carry = "";
  let lines = 0;
  let offset = 0;
  const decode = (bytes) => {
    try {
      return bytes === void 0 ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch {
      throw new ParseError(
        { file, line: lines + 1 + countNewlines(carry) },
        `not UTF-8 text near byte ${offset} (is this a binary file? MLflow metric files are text lines)`
      );
    }
  };
  await streamFile(
    file,
    (chunk) => {
      const text6 = decode(chunk);
      offset += chunk.length;
      let start = 0;
      let nl = text6.indexOf("\n");
      if (nl < 0) {
        carry += text6;
      } else {
        let first = true;
        while (nl >= 0) {
          const piece = first ? carry + text6.slice(start, nl) : text6.slice(start, nl);
          first = false;
          lines++;
          onLine(piece, true);
          start = nl + 1;
          nl = text6.indexOf("\n", start);
        }
        carry = text6.slice(start);
      }
      if (carry.length > MAX_LINE_CHARS2) {
        throw new ParseError(
          { file, line: lines + 1 },
          `expected 'timestamp value step' lines, found a line longer than ${MAX_LINE_CHARS2} characters`
        );
      }
    },
    { chunkBytes: 256 * 1024, listed: listed3 }
  );
  carry += decode();
  if (carry !== "") onLine(carry, false);
}
function countNewlines(s) {
  let n = 0;
  for (let i2 = s.indexOf("\n"); i2 >= 0; i2 = s.indexOf("\n", i2 + 1)) n++;
  return n;
}
async function readMeta(path, scope) {
  const value = parseYamlText(await readTextFile(path, { within: scope }), path);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ParseError(
      { file: path },
      "expected an MLflow meta.yaml (a mapping of run or experiment fields)"
    );
  }
  return value;
}
function text2(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return void 0;
}
async function sortedDirs(dir, scope) {
  const { entries } = await listFolder(dir, scope);
  return entries.filter((e) => e.isDirectory).map((e) => e.name);
}
async function filesBelow(root, what, scope, builder) {
  if (!(0, import_node_fs6.existsSync)(root)) return [];
  if (!(await statOrExplain(root)).isDirectory()) {
    throw new ParseError(
      { file: root },
      `expected a folder of ${what} files, found a file (MLflow's file store keeps one file per ${what} in it)`
    );
  }
  const out = [];
  const refused = [];
  const visit = async (relative3, depth) => {
    const dir = relative3 === "" ? root : (0, import_node_path4.join)(root, ...relative3.split("/"));
    const listing2 = await listFolder(dir, scope);
    for (const { name, why } of listing2.refused)
      refused.push(`${relative3 === "" ? name : `${relative3}/${name}`}: ${why}`);
    for (const entry of listing2.entries) {
      const path = relative3 === "" ? entry.name : `${relative3}/${entry.name}`;
      if (!entry.isDirectory) out.push(path);
      else if (depth < MAX_NAME_DEPTH && !entry.isLink) await visit(path, depth + 1);
    }
  };
  await visit("", 0);
  for (const problem of refused) builder.warn(`not read: ${(0, import_node_path4.basename)(root)}/${problem}`);
  return out;
}
function smallText(path) {
  try {
    const info = (0, import_node_fs6.statSync)(path);
    if (!info.isFile() || info.size > 64 * 1024) return void 0;
    return (0, import_node_fs6.readFileSync)(path, "utf8");
  } catch {
    return void 0;
  }
}

// packages/core/src/readers/tensorboard/reader.ts
var import_node_fs7 = __toESM(require_node_fs(), 1);
var import_node_path5 = __toESM(require_node_path(), 1);

// packages/core/src/readers/tensorboard/protobuf.ts
var ProtoError = class extends Error {
  constructor(message, position) {
    super(message);
    this.position = position;
  }
  position;
  name = "ProtoError";
};
var WIRE_VARINT = 0;
var WIRE_FIXED64 = 1;
var WIRE_LENGTH = 2;
var WIRE_FIXED32 = 5;
var WIRE_NAMES = ["varint", "64-bit", "length-delimited", "group start", "group end", "32-bit", "6", "7"];
function wireTypeName(wire) {
  return WIRE_NAMES[wire] ?? String(wire);
}
var scratch = new ArrayBuffer(8);
var scratchBytes = new Uint8Array(scratch);
var scratchF32 = new Float32Array(scratch);
var scratchF64 = new Float64Array(scratch);
var scratchU32 = new Uint32Array(scratch);
var LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
function halfToNumber(bits2) {
  const sign = bits2 & 32768 ? -1 : 1;
  const exponent = bits2 >>> 10 & 31;
  const fraction = bits2 & 1023;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
function bfloat16ToNumber(bits2) {
  scratchU32[0] = (bits2 & 65535) << 16;
  return scratchF32[0];
}
function readFloat32(bytes, at) {
  for (let k = 0; k < 4; k++) scratchBytes[LITTLE_ENDIAN ? k : 3 - k] = bytes[at + k];
  return scratchF32[0];
}
function readFloat64(bytes, at) {
  for (let k = 0; k < 8; k++) scratchBytes[LITTLE_ENDIAN ? k : 7 - k] = bytes[at + k];
  return scratchF64[0];
}
var ProtoReader = class {
  bytes = new Uint8Array(0);
  pos = 0;
  /** The end of the message being read (exclusive). */
  end = 0;
  /** The high 32 bits of the last varint read by `varint()`. */
  hi = 0;
  /** Where the last field key started (for messages). */
  keyAt = 0;
  reset(bytes, start, end) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }
  /** Reads a varint; returns its low 32 bits (unsigned) and keeps the high ones in `hi`. */
  varint() {
    const b = this.bytes;
    const e = this.end;
    let p = this.pos;
    let lo = 0;
    let byte;
    for (let shift = 0; shift < 28; shift += 7) {
      if (p >= e) throw this.truncatedVarint();
      byte = b[p++];
      lo |= (byte & 127) << shift;
      if (byte < 128) {
        this.pos = p;
        this.hi = 0;
        return lo >>> 0;
      }
    }
    if (p >= e) throw this.truncatedVarint();
    byte = b[p++];
    lo |= (byte & 15) << 28;
    let hi = (byte & 112) >>> 4;
    if (byte < 128) {
      this.pos = p;
      this.hi = hi;
      return lo >>> 0;
    }
    for (let shift = 3; shift < 32; shift += 7) {
      if (p >= e) throw this.truncatedVarint();
      byte = b[p++];
      hi |= (byte & 127) << shift;
      if (byte < 128) {
        this.pos = p;
        this.hi = hi >>> 0;
        return lo >>> 0;
      }
    }
    throw new ProtoError("a varint longer than 10 bytes", this.pos);
  }
  truncatedVarint() {
    return new ProtoError("a varint runs past the end of its message", this.pos);
  }
  /** An unsigned varint as a number (exact up to 2^53). */
  uint() {
    const b = this.bytes;
    const p = this.pos;
    if (p < this.end) {
      const first = b[p];
      if (first < 128) {
        this.pos = p + 1;
        return first;
      }
    }
    const lo = this.varint();
    return this.hi * 4294967296 + lo;
  }
  /** A varint read as a two's complement int64 (proto `int64`, `int32`, enums). */
  int64() {
    const b = this.bytes;
    const p = this.pos;
    if (p + 4 <= this.end) {
      const b0 = b[p];
      if (b0 < 128) {
        this.pos = p + 1;
        return b0;
      }
      const b1 = b[p + 1];
      if (b1 < 128) {
        this.pos = p + 2;
        return b0 & 127 | b1 << 7;
      }
      const b22 = b[p + 2];
      if (b22 < 128) {
        this.pos = p + 3;
        return b0 & 127 | (b1 & 127) << 7 | b22 << 14;
      }
      const b3 = b[p + 3];
      if (b3 < 128) {
        this.pos = p + 4;
        return b0 & 127 | (b1 & 127) << 7 | (b22 & 127) << 14 | b3 << 21;
      }
    }
    const lo = this.varint();
    const hi = this.hi;
    if (hi & 2147483648) return -((~hi >>> 0) * 4294967296 + (~lo >>> 0) + 1);
    return hi * 4294967296 + lo;
  }
  /** A field key: returns `field << 3 | wire`, checked. */
  key() {
    const start = this.pos;
    this.keyAt = start;
    const key = this.uint();
    if (key > 4294967295 || key >>> 3 === 0) {
      throw new ProtoError(`an invalid field key ${key} (field number 0 or too large)`, start);
    }
    return key;
  }
  need(count4) {
    if (this.end - this.pos < count4) {
      throw new ProtoError(
        `a field needs ${count4} bytes but its message has ${this.end - this.pos} left`,
        this.pos
      );
    }
  }
  float32() {
    this.need(4);
    const value = readFloat32(this.bytes, this.pos);
    this.pos += 4;
    return value;
  }
  float64() {
    this.need(8);
    const value = readFloat64(this.bytes, this.pos);
    this.pos += 8;
    return value;
  }
  /** Reads a length prefix and returns where that field ends; `pos` is at its first byte. */
  lengthEnd() {
    const start = this.pos;
    const length = this.uint();
    if (length > this.end - this.pos) {
      throw new ProtoError(
        `a length-delimited field of ${length} bytes runs past the end of its message (${this.end - this.pos} bytes left)`,
        start
      );
    }
    return this.pos + length;
  }
  /** Narrows reading to a length-delimited field; returns the outer end for `leave`. */
  enter() {
    const end = this.lengthEnd();
    const outer = this.end;
    this.end = end;
    return outer;
  }
  leave(outer) {
    this.pos = this.end;
    this.end = outer;
  }
  skip(wire) {
    switch (wire) {
      case WIRE_VARINT:
        this.varint();
        return;
      case WIRE_FIXED64:
        this.need(8);
        this.pos += 8;
        return;
      case WIRE_LENGTH:
        this.pos = this.lengthEnd();
        return;
      case WIRE_FIXED32:
        this.need(4);
        this.pos += 4;
        return;
      default:
        throw new ProtoError(`wire type ${wireTypeName(wire)} is not used by this message`, this.keyAt);
    }
  }
  /** Throws unless `wire` is what field `name` is declared as. */
  expect(wire, expected, name) {
    if (wire !== expected) {
      throw new ProtoError(
        `field ${name} has wire type ${wireTypeName(wire)}, expected ${wireTypeName(expected)}`,
        this.keyAt
      );
    }
  }
};

// packages/core/src/readers/tensorboard/events.ts
var DT_FLOAT = 1;
var DT_DOUBLE = 2;
var DT_BFLOAT16 = 14;
var DT_HALF = 19;
var DTYPE_NAMES = {
  0: "DT_INVALID",
  1: "DT_FLOAT",
  2: "DT_DOUBLE",
  3: "DT_INT32",
  4: "DT_UINT8",
  5: "DT_INT16",
  6: "DT_INT8",
  7: "DT_STRING",
  8: "DT_COMPLEX64",
  9: "DT_INT64",
  10: "DT_BOOL",
  14: "DT_BFLOAT16",
  17: "DT_UINT16",
  18: "DT_COMPLEX128",
  19: "DT_HALF",
  22: "DT_UINT32",
  23: "DT_UINT64"
};
var EventKind = {
  Empty: 0,
  FileVersion: 1,
  Graph: 2,
  Summary: 3,
  LogMessage: 4,
  SessionLog: 5,
  RunMetadata: 6,
  MetaGraph: 7
};
var utf8 = new TextDecoder("utf-8");
var TagTable = class {
  /** `makeSeries` gives the accumulator of a tag, when its first scalar is committed. */
  constructor(makeSeries) {
    this.makeSeries = makeSeries;
  }
  makeSeries;
  buckets = /* @__PURE__ */ new Map();
  entries = [];
  lookup(bytes, start, end) {
    const length = end - start;
    let h = length;
    if (length >= 4) {
      const first = bytes[start] | bytes[start + 1] << 8 | bytes[start + 2] << 16 | bytes[start + 3] << 24;
      const last = bytes[end - 4] | bytes[end - 3] << 8 | bytes[end - 2] << 16 | bytes[end - 1] << 24;
      h = Math.imul(h ^ first, 2654435761) ^ last;
    } else {
      for (let i2 = start; i2 < end; i2++) h = Math.imul(h ^ bytes[i2], 16777619);
    }
    const entries = this.entries;
    if (entries.length <= 16) {
      for (let k = 0; k < entries.length; k++) {
        const e = entries[k];
        if (e.hash === h && sameBytes(e.bytes, bytes, start, end)) return e;
      }
    } else {
      for (let e = this.buckets.get(h); e !== void 0; e = e.next) {
        if (sameBytes(e.bytes, bytes, start, end)) return e;
      }
    }
    const copy = bytes.slice(start, end);
    const entry = {
      bytes: copy,
      hash: h,
      tag: utf8.decode(copy),
      plugin: void 0,
      series: void 0,
      skipped: void 0,
      untyped: 0,
      next: this.buckets.get(h)
    };
    this.buckets.set(h, entry);
    entries.push(entry);
    return entry;
  }
};
function sameBytes(known, bytes, start, end) {
  if (known.length !== end - start) return false;
  for (let i2 = 0; i2 < known.length; i2++) if (known[i2] !== bytes[start + i2]) return false;
  return true;
}
var NO_TAG = new Uint8Array(0);
var EventDecoder = class {
  constructor(tags, fastPath = true) {
    this.tags = tags;
    this.fastPath = fastPath;
  }
  tags;
  fastPath;
  r = new ProtoReader();
  wallTime = 0;
  step = 0;
  kind = EventKind.Empty;
  fileVersion;
  /** The values of the last decoded Summary. */
  count = 0;
  slotEntry = [];
  slotValue = new Float64Array(16);
  slotSkip = [];
  slotPlugin = [];
  slotUntyped = [];
  /** Set by `tensorScalar` when a tensor is not a float scalar. */
  tensorProblem;
  /** Decodes one Event; throws ProtoError when the bytes are not one. */
  decode(bytes, start, end) {
    if (this.fastPath && this.oneScalar(bytes, start, end)) return EventKind.Summary;
    const r = this.r;
    r.reset(bytes, start, end);
    this.wallTime = 0;
    this.step = 0;
    this.kind = EventKind.Empty;
    this.fileVersion = void 0;
    this.count = 0;
    while (r.pos < r.end) {
      const key = r.key();
      const wire = key & 7;
      switch (key >>> 3) {
        case 1:
          r.expect(wire, WIRE_FIXED64, "Event.wall_time");
          this.wallTime = r.float64();
          break;
        case 2:
          r.expect(wire, WIRE_VARINT, "Event.step");
          this.step = r.int64();
          break;
        case 3: {
          r.expect(wire, WIRE_LENGTH, "Event.file_version");
          const stop = r.lengthEnd();
          this.fileVersion = utf8.decode(bytes.subarray(r.pos, stop));
          r.pos = stop;
          this.kind = EventKind.FileVersion;
          break;
        }
        case 5: {
          r.expect(wire, WIRE_LENGTH, "Event.summary");
          this.kind = EventKind.Summary;
          const outer = r.enter();
          this.summary();
          r.leave(outer);
          break;
        }
        case 4:
        case 6:
        case 7:
        case 8:
        case 9:
          r.expect(wire, WIRE_LENGTH, "Event.what");
          r.skip(wire);
          this.kind = WHAT_KINDS[key >>> 3];
          break;
        default:
          r.skip(wire);
      }
    }
    return this.kind;
  }
  /** Adds the last Summary's scalars to their series, and counts the values that are not scalars. */
  commit(step, wallTime) {
    for (let i2 = 0; i2 < this.count; i2++) {
      const entry = this.slotEntry[i2];
      const plugin = this.slotPlugin[i2];
      if (plugin !== void 0 && entry.plugin === void 0) entry.plugin = plugin;
      const skip = this.slotSkip[i2];
      if (skip === void 0) {
        if (this.slotUntyped[i2]) entry.untyped++;
        (entry.series ??= this.tags.makeSeries(entry.tag)).add(step, this.slotValue[i2], wallTime);
      } else {
        const skipped = entry.skipped ??= /* @__PURE__ */ new Map();
        skipped.set(skip, (skipped.get(skip) ?? 0) + 1);
      }
    }
  }
  /**
   * The fast path, for the layout every writer gives an event holding one scalar: wall_time, step
   * and a summary of one value, fields in order, lengths under 128; the value a `simple_value`, or
   * a float tensor of a tag already known to be in the `scalars` plugin (`tensor_content` or a
   * packed float_val/double_val, shape `[]`). Returns false at the first byte that differs, and the
   * general decoder then reads the record (tests check that both agree).
   */
  oneScalar(b, start, end) {
    let p = start;
    if (end - p < 17 || b[p] !== 9) return false;
    const wallTime = readFloat64(b, p + 1);
    p += 9;
    let step = 0;
    if (b[p] === 16) {
      p++;
      for (let shift = 0; ; shift += 7) {
        if (shift > 21 || p >= end) return false;
        const x2 = b[p++];
        step |= (x2 & 127) << shift;
        if (x2 < 128) break;
      }
    }
    if (end - p < 4 || b[p] !== 42 || b[p + 1] >= 128 || p + 2 + b[p + 1] !== end) return false;
    if (b[p + 2] !== 10 || b[p + 3] >= 128 || p + 4 + b[p + 3] !== end) return false;
    p += 4;
    if (end - p < 2 || b[p] !== 10 || b[p + 1] >= 128) return false;
    const tagStart = p + 2;
    const tagEnd = tagStart + b[p + 1];
    if (end - tagEnd < 5) return false;
    p = tagEnd;
    let value;
    let entry;
    if (b[p] === 21 && end - p === 5) {
      value = readFloat32(b, p + 1);
      entry = this.tags.lookup(b, tagStart, tagEnd);
    } else if (b[p] === 66 && b[p + 1] < 128 && p + 2 + b[p + 1] === end) {
      p += 2;
      if (end - p < 4 || b[p] !== 8) return false;
      const dtype = b[p + 1];
      p += 2;
      if (b[p] === 18 && b[p + 1] === 0) p += 2;
      if (end - p < 2 || b[p + 1] >= 128 || p + 2 + b[p + 1] !== end) return false;
      const field2 = b[p];
      const size = b[p + 1];
      p += 2;
      if (dtype === DT_FLOAT && size === 4 && (field2 === 34 || field2 === 42)) value = readFloat32(b, p);
      else if (dtype === DT_DOUBLE && size === 8 && (field2 === 34 || field2 === 50))
        value = readFloat64(b, p);
      else if (dtype === DT_HALF && size === 2 && field2 === 34)
        value = halfToNumber(b[p] | b[p + 1] << 8);
      else return false;
      entry = this.tags.lookup(b, tagStart, tagEnd);
      if (entry.plugin !== "scalars") return false;
    } else {
      return false;
    }
    this.wallTime = wallTime;
    this.step = step;
    this.kind = EventKind.Summary;
    this.fileVersion = void 0;
    this.count = 1;
    this.slotEntry[0] = entry;
    this.slotValue[0] = value;
    this.slotSkip[0] = void 0;
    this.slotPlugin[0] = void 0;
    this.slotUntyped[0] = false;
    return true;
  }
  summary() {
    const r = this.r;
    while (r.pos < r.end) {
      const key = r.key();
      const wire = key & 7;
      if (key >>> 3 === 1) {
        r.expect(wire, WIRE_LENGTH, "Summary.value");
        const outer = r.enter();
        this.value();
        r.leave(outer);
      } else {
        r.skip(wire);
      }
    }
  }
  value() {
    const r = this.r;
    const bytes = r.bytes;
    let tagStart = -1;
    let tagEnd = -1;
    let plugin;
    let kind = 0;
    let simple = 0;
    let tensorStart = 0;
    let tensorEnd = 0;
    let other = "";
    while (r.pos < r.end) {
      const key = r.key();
      const wire = key & 7;
      switch (key >>> 3) {
        case 1:
          r.expect(wire, WIRE_LENGTH, "Value.tag");
          tagEnd = r.lengthEnd();
          tagStart = r.pos;
          r.pos = tagEnd;
          break;
        case 2:
          r.expect(wire, WIRE_FIXED32, "Value.simple_value");
          simple = r.float32();
          kind = 1;
          break;
        case 8:
          r.expect(wire, WIRE_LENGTH, "Value.tensor");
          tensorEnd = r.lengthEnd();
          tensorStart = r.pos;
          r.pos = tensorEnd;
          kind = 2;
          break;
        case 9: {
          r.expect(wire, WIRE_LENGTH, "Value.metadata");
          const outer = r.enter();
          plugin = this.metadata();
          r.leave(outer);
          break;
        }
        case 3:
        case 4:
        case 5:
        case 6:
          r.expect(wire, WIRE_LENGTH, "Value.value");
          r.skip(wire);
          kind = 3;
          other = VALUE_KINDS[key >>> 3];
          break;
        default:
          r.skip(wire);
      }
    }
    const entry = tagStart < 0 ? this.tags.lookup(NO_TAG, 0, 0) : this.tags.lookup(bytes, tagStart, tagEnd);
    const known = plugin ?? entry.plugin;
    let skip;
    let value = 0;
    let untyped = false;
    if (kind === 1) {
      value = simple;
    } else if (kind === 2) {
      if (known === void 0 || known === "" || known === "scalars") {
        value = this.tensorScalar(tensorStart, tensorEnd);
        if (this.tensorProblem !== void 0) {
          skip = known === "scalars" ? `scalars plugin, but ${this.tensorProblem}` : this.tensorProblem;
        } else if (known !== "scalars") {
          untyped = true;
        }
      } else {
        skip = `${known} plugin`;
      }
    } else if (kind === 3) {
      skip = other;
    } else {
      skip = known !== void 0 && known !== "" ? `${known} plugin` : "no value";
    }
    const i2 = this.count++;
    if (i2 === this.slotValue.length) {
      const grown = new Float64Array(i2 * 2);
      grown.set(this.slotValue);
      this.slotValue = grown;
    }
    this.slotEntry[i2] = entry;
    this.slotValue[i2] = value;
    this.slotSkip[i2] = skip;
    this.slotPlugin[i2] = plugin;
    this.slotUntyped[i2] = untyped;
  }
  /** SummaryMetadata: returns plugin_data.plugin_name, if any. */
  metadata() {
    const r = this.r;
    let name;
    while (r.pos < r.end) {
      const key = r.key();
      const wire = key & 7;
      if (key >>> 3 === 1) {
        r.expect(wire, WIRE_LENGTH, "SummaryMetadata.plugin_data");
        const outer = r.enter();
        while (r.pos < r.end) {
          const k = r.key();
          const w = k & 7;
          if (k >>> 3 === 1) {
            r.expect(w, WIRE_LENGTH, "PluginData.plugin_name");
            const stop = r.lengthEnd();
            name = utf8.decode(r.bytes.subarray(r.pos, stop));
            r.pos = stop;
          } else {
            r.skip(w);
          }
        }
        r.leave(outer);
      } else {
        r.skip(wire);
      }
    }
    return name;
  }
  /**
   * A TensorProto holding one float: its value, or 0 with `tensorProblem` set. As TensorFlow's
   * `make_ndarray`, a tensor with no values at all is zeros, and `tensor_content` (raw
   * little-endian bytes) wins over the typed `*_val` lists.
   */
  tensorScalar(start, end) {
    const r = this.r;
    const outerEnd = r.end;
    const outerPos = r.pos;
    r.pos = start;
    r.end = end;
    this.tensorProblem = void 0;
    let dtype = 0;
    let elements = 1;
    let contentStart = -1;
    let contentEnd = -1;
    let floatCount = 0;
    let doubleCount = 0;
    let halfCount = 0;
    let firstFloat = 0;
    let firstDouble = 0;
    let firstHalf = 0;
    while (r.pos < r.end) {
      const key = r.key();
      const wire = key & 7;
      switch (key >>> 3) {
        case 1:
          r.expect(wire, WIRE_VARINT, "TensorProto.dtype");
          dtype = r.int64();
          break;
        case 2: {
          r.expect(wire, WIRE_LENGTH, "TensorProto.tensor_shape");
          const outer = r.enter();
          elements = this.shapeElements();
          r.leave(outer);
          break;
        }
        case 4:
          r.expect(wire, WIRE_LENGTH, "TensorProto.tensor_content");
          contentEnd = r.lengthEnd();
          contentStart = r.pos;
          r.pos = contentEnd;
          break;
        case 5:
          if (wire === WIRE_LENGTH) {
            const stop = r.lengthEnd();
            const n = stop - r.pos >>> 2;
            if (n * 4 !== stop - r.pos)
              throw new ProtoError("packed float_val is not a multiple of 4 bytes", r.pos);
            if (floatCount === 0 && n > 0) firstFloat = r.float32();
            floatCount += n;
            r.pos = stop;
          } else {
            r.expect(wire, WIRE_FIXED32, "TensorProto.float_val");
            const v = r.float32();
            if (floatCount++ === 0) firstFloat = v;
          }
          break;
        case 6:
          if (wire === WIRE_LENGTH) {
            const stop = r.lengthEnd();
            const n = stop - r.pos >>> 3;
            if (n * 8 !== stop - r.pos)
              throw new ProtoError("packed double_val is not a multiple of 8 bytes", r.pos);
            if (doubleCount === 0 && n > 0) firstDouble = r.float64();
            doubleCount += n;
            r.pos = stop;
          } else {
            r.expect(wire, WIRE_FIXED64, "TensorProto.double_val");
            const v = r.float64();
            if (doubleCount++ === 0) firstDouble = v;
          }
          break;
        case 13:
          if (wire === WIRE_LENGTH) {
            const outer = r.enter();
            while (r.pos < r.end) {
              const v = r.int64();
              if (halfCount++ === 0) firstHalf = v;
            }
            r.leave(outer);
          } else {
            r.expect(wire, WIRE_VARINT, "TensorProto.half_val");
            const v = r.int64();
            if (halfCount++ === 0) firstHalf = v;
          }
          break;
        default:
          r.skip(wire);
      }
    }
    r.pos = outerPos;
    r.end = outerEnd;
    let size;
    if (dtype === DT_FLOAT) size = 4;
    else if (dtype === DT_DOUBLE) size = 8;
    else if (dtype === DT_HALF || dtype === DT_BFLOAT16) size = 2;
    else {
      this.tensorProblem = `a tensor of dtype ${DTYPE_NAMES[dtype] ?? dtype}, not a float`;
      return 0;
    }
    if (elements !== 1) {
      this.tensorProblem = Number.isNaN(elements) ? "a tensor of unknown shape, not a scalar" : `a tensor of ${elements} elements, not a scalar`;
      return 0;
    }
    if (contentStart >= 0) {
      if (contentEnd - contentStart !== size) {
        this.tensorProblem = `tensor_content of ${contentEnd - contentStart} bytes for one ${DTYPE_NAMES[dtype]}`;
        return 0;
      }
      r.pos = contentStart;
      let value;
      if (size === 4) value = r.float32();
      else if (size === 8) value = r.float64();
      else {
        const bits2 = r.bytes[contentStart] | r.bytes[contentStart + 1] << 8;
        value = dtype === DT_HALF ? halfToNumber(bits2) : bfloat16ToNumber(bits2);
      }
      r.pos = outerPos;
      return value;
    }
    if (dtype === DT_FLOAT) return floatCount > 0 ? firstFloat : 0;
    if (dtype === DT_DOUBLE) return doubleCount > 0 ? firstDouble : 0;
    if (halfCount === 0) return 0;
    return dtype === DT_HALF ? halfToNumber(firstHalf & 65535) : bfloat16ToNumber(firstHalf & 65535);
  }
  /** TensorShapeProto: the number of elements (1 for a scalar). */
  shapeElements() {
    const r = this.r;
    let elements = 1;
    while (r.pos < r.end) {
      const key = r.key();
      const wire = key & 7;
      if (key >>> 3 === 2) {
        r.expect(wire, WIRE_LENGTH, "TensorShapeProto.dim");
        const outer = r.enter();
        let size = 0;
        while (r.pos < r.end) {
          const k = r.key();
          const w = k & 7;
          if (k >>> 3 === 1) {
            r.expect(w, WIRE_VARINT, "Dim.size");
            size = r.int64();
          } else {
            r.skip(w);
          }
        }
        r.leave(outer);
        elements = size < 0 ? NaN : elements * size;
      } else {
        r.skip(wire);
      }
    }
    return elements;
  }
};
var WHAT_KINDS = {
  4: EventKind.Graph,
  6: EventKind.LogMessage,
  7: EventKind.SessionLog,
  8: EventKind.RunMetadata,
  9: EventKind.MetaGraph
};
var VALUE_KINDS = {
  3: "histogram",
  4: "image",
  5: "histogram",
  6: "audio"
};

// packages/core/src/readers/tensorboard/crc32c.ts
var POLY = 2197175160;
var TABLE = /* @__PURE__ */ buildTable();
function buildTable() {
  const table4 = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? c >>> 1 ^ POLY : c >>> 1;
    table4[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = table4[n];
    for (let t = 1; t < 8; t++) {
      c = c >>> 8 ^ table4[c & 255];
      table4[t * 256 + n] = c >>> 0;
    }
  }
  return table4;
}
function crc32c(bytes, start = 0, end = bytes.length, crc = 0) {
  const t = TABLE;
  let c = ~crc;
  let i2 = start;
  const stop8 = end - 8;
  while (i2 <= stop8) {
    const one = c ^ (bytes[i2] | bytes[i2 + 1] << 8 | bytes[i2 + 2] << 16 | bytes[i2 + 3] << 24);
    c = t[1792 + (one & 255)] ^ t[1536 + (one >>> 8 & 255)] ^ t[1280 + (one >>> 16 & 255)] ^ t[1024 + (one >>> 24)] ^ t[768 + bytes[i2 + 4]] ^ t[512 + bytes[i2 + 5]] ^ t[256 + bytes[i2 + 6]] ^ t[bytes[i2 + 7]];
    i2 += 8;
  }
  while (i2 < end) c = t[(c ^ bytes[i2++]) & 255] ^ c >>> 8;
  return ~c >>> 0;
}
function maskCrc(crc) {
  return (crc >>> 15 | crc << 17) + 2726488792 >>> 0;
}

// packages/core/src/readers/tensorboard/tfrecord.ts
var HEADER_BYTES2 = 12;
var FOOTER_BYTES = 4;
var DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;
var State = { Header: 0, Body: 1, Skip: 2, Footer: 3 };
var hex = (n) => `0x${n.toString(16).padStart(8, "0")}`;
function u32(bytes, at) {
  return (bytes[at] | bytes[at + 1] << 8 | bytes[at + 2] << 16 | bytes[at + 3] << 24) >>> 0;
}
var RecordParser = class {
  constructor(sink, maxRecordBytes = DEFAULT_MAX_RECORD_BYTES) {
    this.sink = sink;
    this.maxRecordBytes = maxRecordBytes;
  }
  sink;
  maxRecordBytes;
  state = State.Header;
  /** Bytes consumed so far: the offset of the next byte pushed. */
  position = 0;
  recordOffset = 0;
  length = 0;
  skipRemaining = 0;
  skipCrc = 0;
  carry = new Uint8Array(256);
  carryLength = 0;
  stopped = false;
  /**
   * Headers whose checksum held, by the low byte of their length: a file's records have a few
   * lengths, and a header equal to a good one is good, so most headers need no CRC computed.
   */
  goodLength = new Float64Array(256).fill(-1);
  goodStored = new Float64Array(256);
  /** True once framing was lost: further input is ignored. */
  get done() {
    return this.stopped;
  }
  /** Bytes consumed so far. */
  get offset() {
    return this.position;
  }
  push(chunk) {
    const n = chunk.length;
    let i2 = 0;
    while (!this.stopped) {
      if (this.state === State.Header && this.carryLength === 0) i2 = this.wholeRecords(chunk, i2);
      if (this.state === State.Skip) {
        const take = Math.min(this.skipRemaining, n - i2);
        this.skipCrc = crc32c(chunk, i2, i2 + take, this.skipCrc);
        i2 += take;
        this.position += take;
        this.skipRemaining -= take;
        if (this.skipRemaining > 0) return;
        this.state = State.Footer;
        continue;
      }
      if (this.state === State.Header && this.carryLength === 0) {
        if (i2 === n) return;
        this.recordOffset = this.position;
      }
      const needed = this.state === State.Header ? HEADER_BYTES2 : this.state === State.Body ? this.length + FOOTER_BYTES : FOOTER_BYTES;
      let bytes;
      let at;
      if (this.carryLength === 0 && n - i2 >= needed) {
        bytes = chunk;
        at = i2;
        i2 += needed;
        this.position += needed;
      } else {
        const take = Math.min(needed - this.carryLength, n - i2);
        this.append(chunk, i2, take);
        i2 += take;
        this.position += take;
        if (this.carryLength < needed) return;
        bytes = this.carry;
        at = 0;
        this.carryLength = 0;
      }
      if (this.state === State.Header) this.header(bytes, at);
      else if (this.state === State.Body) this.body(bytes, at);
      else this.footer(bytes, at);
    }
  }
  /**
   * The fast path: records that lie whole inside the chunk, read in place. Returns where it stopped
   * (at a record it leaves to the general path: damaged, oversized, or running past the chunk).
   */
  wholeRecords(chunk, from) {
    const n = chunk.length;
    const sink = this.sink;
    let i2 = from;
    while (n - i2 >= HEADER_BYTES2) {
      const lo = u32(chunk, i2);
      const hi = u32(chunk, i2 + 4);
      const stored = u32(chunk, i2 + 8);
      if (!this.knownGood(lo, hi, stored)) {
        if (stored !== maskCrc(crc32c(chunk, i2, i2 + 8, 0))) break;
        this.remember(lo, hi, stored);
      }
      if (hi !== 0 || lo > this.maxRecordBytes) break;
      const start = i2 + HEADER_BYTES2;
      const end = start + lo;
      if (end + FOOTER_BYTES > n) break;
      const offset = this.position + (i2 - from);
      if (u32(chunk, end) !== maskCrc(crc32c(chunk, start, end, 0))) break;
      i2 = end + FOOTER_BYTES;
      this.recordOffset = offset;
      sink.record(chunk, start, end, offset);
      if (this.stopped) break;
    }
    this.position += i2 - from;
    return i2;
  }
  /** The input ended: reports a record it ended inside of. */
  end() {
    if (this.stopped) return;
    this.stopped = true;
    if (this.state === State.Header && this.carryLength === 0) return;
    const into = this.position - this.recordOffset;
    let what;
    if (this.state === State.Header) {
      what = `truncated record: the input ends ${into} bytes into the ${HEADER_BYTES2}-byte record header`;
    } else {
      what = `truncated record: the header announces ${this.length} data bytes, but the input ends ${into - HEADER_BYTES2} bytes after the header (${this.length + FOOTER_BYTES} expected, with the checksum)`;
    }
    this.sink.corrupt(this.recordOffset, what, true);
  }
  header(bytes, at) {
    const lo = u32(bytes, at);
    const hi = u32(bytes, at + 4);
    const stored = u32(bytes, at + 8);
    if (!this.knownGood(lo, hi, stored)) {
      const computed = maskCrc(crc32c(bytes, at, at + 8));
      if (stored !== computed) {
        this.lengthMismatch(stored, computed);
        return;
      }
      this.remember(lo, hi, stored);
    }
    this.length = lo + hi * 4294967296;
    if (this.length > this.maxRecordBytes) {
      this.state = State.Skip;
      this.skipRemaining = this.length;
      this.skipCrc = 0;
    } else {
      this.state = State.Body;
    }
  }
  knownGood(lo, hi, stored) {
    const slot = lo & 255;
    return hi === 0 && this.goodLength[slot] === lo && this.goodStored[slot] === stored;
  }
  remember(lo, hi, stored) {
    if (hi !== 0) return;
    this.goodLength[lo & 255] = lo;
    this.goodStored[lo & 255] = stored;
  }
  lengthMismatch(stored, computed) {
    this.stopped = true;
    this.sink.corrupt(
      this.recordOffset,
      `length checksum mismatch (stored ${hex(stored)}, computed ${hex(computed)}): the record framing is lost, nothing after it can be read`,
      true
    );
  }
  body(bytes, at) {
    this.state = State.Header;
    const end = at + this.length;
    const stored = u32(bytes, end);
    const computed = maskCrc(crc32c(bytes, at, end));
    if (stored !== computed) {
      this.sink.corrupt(
        this.recordOffset,
        `data checksum mismatch (stored ${hex(stored)}, computed ${hex(computed)}) over ${this.length} bytes`,
        false
      );
      return;
    }
    this.sink.record(bytes, at, end, this.recordOffset);
  }
  footer(bytes, at) {
    this.state = State.Header;
    const stored = u32(bytes, at);
    const computed = maskCrc(this.skipCrc);
    if (stored !== computed) {
      this.sink.corrupt(
        this.recordOffset,
        `data checksum mismatch (stored ${hex(stored)}, computed ${hex(computed)}) over ${this.length} bytes`,
        false
      );
      return;
    }
    this.sink.oversized(this.recordOffset, this.length);
  }
  append(chunk, from, count4) {
    const need = this.carryLength + count4;
    if (need > this.carry.length) {
      const next = new Uint8Array(Math.max(need, this.carry.length * 2));
      next.set(this.carry.subarray(0, this.carryLength));
      this.carry = next;
    }
    this.carry.set(chunk.subarray(from, from + count4), this.carryLength);
    this.carryLength = need;
  }
};
function startsWithRecordHeader(bytes) {
  if (bytes.length < HEADER_BYTES2) return false;
  return u32(bytes, 8) === maskCrc(crc32c(bytes, 0, 8));
}

// packages/core/src/readers/tensorboard/reader.ts
var EVENT_SEARCH_DEPTH = 4;
var CHUNK_BYTES = 4 * 1024 * 1024;
var DETECT_FOLDER_BUDGET = 200;
var HPARAMS = "hparams.yaml";
function isEventFileName(name) {
  return /^events\.out\.tfevents\./.test(name) || name.includes("tfevents");
}
var tensorboardReader = {
  format: "tensorboard",
  title: "TensorBoard event files (events.out.tfevents.*, or a log folder holding them)",
  target: "both",
  detect(probe) {
    if (probe.isDirectory) return folderHasEventFiles(probe) ? DETECT.name : DETECT.no;
    if (isEventFileName(probe.name)) return DETECT.name;
    return startsWithRecordHeader(probe.head) ? DETECT.content : DETECT.no;
  },
  read: readTensorBoard
};
function folderHasEventFiles(probe) {
  if (probe.entries.some(isEventFileName)) return true;
  let budget = DETECT_FOLDER_BUDGET;
  const visit = (dir, depth) => {
    if (depth > EVENT_SEARCH_DEPTH || budget-- <= 0) return false;
    let entries;
    try {
      entries = (0, import_node_fs7.readdirSync)(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    const folders = [];
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".")) folders.push(entry.name);
      } else if (isEventFileName(entry.name)) {
        return true;
      }
    }
    return folders.sort().some((name) => visit((0, import_node_path5.join)(dir, name), depth + 1));
  };
  return visit(probe.path, 0);
}
async function findEventRuns(root) {
  const scope = await folderScope(root);
  const runs = [];
  const unreadable = [];
  const refused = [];
  let deeper = false;
  const label = (dir) => (0, import_node_path5.relative)(root, dir).split(import_node_path5.sep).join("/");
  const visit = async (dir, depth) => {
    let listing2;
    try {
      listing2 = await listFolder(dir, scope);
    } catch (error) {
      if (depth === 0 || !(error instanceof MlciError)) throw error;
      unreadable.push(label(dir));
      return;
    }
    const files = [];
    const folders = [];
    for (const entry of listing2.entries) {
      if (entry.isDirectory) {
        if (!entry.name.startsWith(".") && !entry.isLink) folders.push(entry.name);
      } else if (isEventFileName(entry.name)) {
        files.push(entry.name);
      }
    }
    for (const { name, why } of listing2.refused) {
      if (isEventFileName(name)) refused.push(`${label((0, import_node_path5.join)(dir, name))}: ${why}`);
    }
    if (files.length > 0) runs.push({ dir, name: label(dir), files: files.map((f) => (0, import_node_path5.join)(dir, f)) });
    if (depth === EVENT_SEARCH_DEPTH) {
      if (folders.length > 0) deeper = true;
      return;
    }
    for (const folder of folders) await visit((0, import_node_path5.join)(dir, folder), depth + 1);
  };
  await visit(root, 0);
  runs.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return { runs, deeper, unreadable, refused, scope };
}
async function readTensorBoard(path, options) {
  const info = await statOrExplain(path);
  const builder = new DocBuilder(path, "tensorboard", { maxSeriesPoints: options.maxSeriesPoints });
  if (!info.isDirectory()) {
    const reading = new RunReading(builder, "", false);
    await reading.readFile(path);
    await reading.finish((0, import_node_path5.join)((0, import_node_path5.dirname)(path), HPARAMS), await folderScope((0, import_node_path5.dirname)(path)));
    return builder.build();
  }
  const { runs, deeper, unreadable, refused, scope } = await findEventRuns(path);
  if (runs.length === 0) {
    const why = refused.length > 0 ? `; not opened: ${refused.join("; ")}` : "";
    throw new ConfigurationError(
      `${path}: no TensorBoard event files (events.out.tfevents.*) in this folder or up to ${EVENT_SEARCH_DEPTH} folders below it${why}`
    );
  }
  const failures = [];
  let readable = 0;
  for (const run of runs) {
    const reading = new RunReading(builder, run.name === "" ? "" : `${run.name}/`, true, path);
    for (const file of run.files) {
      try {
        await reading.readFile(file, true);
        readable++;
      } catch (error) {
        if (!(error instanceof MlciError)) throw error;
        failures.push(error);
      }
    }
    await reading.finish((0, import_node_path5.join)(run.dir, HPARAMS), scope);
  }
  if (readable === 0) throw failures[0];
  for (const failure of failures) builder.warn(`not read: ${failure.message}`);
  for (const what of refused)
    builder.warn(`not opened: ${what}; mlci reads event files, and links only to files inside ${path}`);
  if (runs.length > 1 || runs[0].name !== "") {
    const names = runs.map((r) => r.name === "" ? "(the folder itself)" : r.name);
    builder.note(
      `read ${runs.length} run${runs.length === 1 ? "" : "s"} (folders of event files): ${names.join(", ")}; keys from a sub-folder start with its path and "/", e.g. ${runs.find((r) => r.name !== "").name}/loss`
    );
  }
  if (unreadable.length > 0) builder.warn(`could not list folders ${unreadable.join(", ")}`);
  if (deeper)
    builder.note(`did not look for event files more than ${EVENT_SEARCH_DEPTH} folders below ${path}`);
  return builder.build();
}
var KIND_NAMES = {
  [EventKind.Graph]: ["graph", "graphs"],
  [EventKind.MetaGraph]: ["meta graph", "meta graphs"],
  [EventKind.RunMetadata]: ["run metadata record", "run metadata records"],
  [EventKind.SessionLog]: ["session log", "session logs"],
  [EventKind.LogMessage]: ["log message", "log messages"]
};
var RunReading = class {
  constructor(builder, prefix, inFolder, root = "") {
    this.builder = builder;
    this.prefix = prefix;
    this.inFolder = inFolder;
    this.root = root;
    this.tags = new TagTable((tag) => builder.seriesFor(escapeSegment(prefix + tag)));
    this.decoder = new EventDecoder(this.tags);
  }
  builder;
  prefix;
  inFolder;
  root;
  tags;
  decoder;
  kinds = /* @__PURE__ */ new Map();
  versions = /* @__PURE__ */ new Set();
  files = 0;
  records = 0;
  oversized = 0;
  label(file) {
    return (0, import_node_path5.relative)(this.root, file).split(import_node_path5.sep).join("/");
  }
  /** `listed`: found by a folder listing that saw a regular file there. */
  async readFile(file, listed3 = false) {
    const builder = this.builder;
    const decoder = this.decoder;
    const where = this.inFolder ? `${this.label(file)}: ` : "";
    const kinds = this.kinds;
    let records = 0;
    const parser = new RecordParser({
      record: (bytes, start, end, offset) => {
        let kind;
        try {
          kind = decoder.decode(bytes, start, end);
        } catch (error) {
          if (!(error instanceof ProtoError)) throw error;
          const at = offset + HEADER_BYTES2 + (error.position - start);
          reportCorrupt(offset, `not an Event protobuf: ${error.message} (byte ${at})`);
          return;
        }
        records++;
        if (kind === EventKind.Summary) {
          const wall = decoder.wallTime;
          decoder.commit(decoder.step, wall > 0 || wall < 0 ? wall : void 0);
        } else if (kind === EventKind.FileVersion) {
          this.versions.add(decoder.fileVersion);
        } else if (kind !== EventKind.Empty) {
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        }
      },
      corrupt: (offset, what) => reportCorrupt(offset, what),
      oversized: () => {
        records++;
        this.oversized++;
      }
    });
    const reportCorrupt = (offset, what) => {
      if (offset === 0) {
        throw new ParseError(
          { file, offset: 0 },
          `not a TensorBoard event file (expected TFRecord records holding Event protobufs): ${what}`
        );
      }
      builder.warn(
        `${where}corrupt record at byte ${offset}: ${what}; read ${records} record${records === 1 ? "" : "s"} before it`
      );
    };
    const { fd: fd2 } = openRegular(file, listed3);
    let size = 0;
    const buffers = [new Uint8Array(CHUNK_BYTES), new Uint8Array(CHUNK_BYTES)];
    let which = 0;
    let pending = readAt(fd2, buffers[0], 0, CHUNK_BYTES, 0);
    try {
      while (pending !== void 0) {
        const bytesRead = await pending;
        pending = void 0;
        if (bytesRead === 0) break;
        const chunk = buffers[which];
        size += bytesRead;
        which ^= 1;
        pending = readAt(fd2, buffers[which], 0, CHUNK_BYTES, size);
        parser.push(bytesRead === CHUNK_BYTES ? chunk : chunk.subarray(0, bytesRead));
        if (parser.done) break;
      }
      parser.end();
    } finally {
      if (pending !== void 0) await pending.catch(() => void 0);
      (0, import_node_fs7.closeSync)(fd2);
    }
    this.files++;
    this.records += records;
    if (size === 0) builder.note(`${where}empty event file, nothing to read`);
  }
  /** Notes what the run held besides scalars, and reads its hparams.yaml. */
  async finish(hparamsPath, scope) {
    const builder = this.builder;
    const run = this.prefix === "" ? "" : `run ${this.prefix.slice(0, -1)}: `;
    if (this.files > 0) {
      const versions = this.versions.size > 0 ? `${[...this.versions].join(", ")}, ` : "";
      builder.note(
        `${run}read ${this.files} event file${this.files === 1 ? "" : "s"} (${versions}${this.records} record${this.records === 1 ? "" : "s"})`
      );
    }
    const odd = [...this.versions].filter((v) => !v.startsWith("brain.Event:"));
    if (odd.length > 0)
      builder.note(`${run}unexpected event file version ${odd.join(", ")} (expected brain.Event:2)`);
    const untyped = [];
    for (const entry of this.tags.entries) {
      const key = escapeSegment(this.prefix + entry.tag);
      if (entry.untyped > 0) untyped.push(key);
      if (entry.skipped === void 0) continue;
      for (const [why, count4] of entry.skipped)
        builder.skip(key, `${count4} ${why} value${count4 === 1 ? "" : "s"}`);
    }
    if (untyped.length > 0) {
      builder.note(
        `${run}read float tensors without plugin metadata as scalars: ${untyped.slice(0, 10).join(", ")}${untyped.length > 10 ? ` and ${untyped.length - 10} more` : ""}`
      );
    }
    const other = [...this.kinds].sort(([a], [b]) => a - b).map(([kind, count4]) => `${count4} ${KIND_NAMES[kind][count4 === 1 ? 0 : 1]}`);
    if (this.oversized > 0) {
      other.push(
        `${this.oversized} record${this.oversized === 1 ? "" : "s"} over ${DEFAULT_MAX_RECORD_BYTES / 1024 / 1024} MiB`
      );
    }
    if (other.length > 0) builder.note(`${run}not metrics, not read: ${other.join(", ")}`);
    await this.readHparams(hparamsPath, run, scope);
  }
  async readHparams(path, run, scope) {
    if (!(0, import_node_fs7.existsSync)(path)) return;
    try {
      const text6 = (await readTextFile(path, { within: scope })).replace(
        /!!python\/name:([\w.]+)[ \t]+''/g,
        (_, name) => `'${name}'`
      );
      let value = parseYamlText(text6, path);
      if (this.prefix !== "" && value !== null && typeof value === "object" && !Array.isArray(value)) {
        value = Object.fromEntries(Object.entries(value).map(([key, v]) => [this.prefix + key, v]));
      }
      flattenInto(this.builder, value, "params");
      this.builder.note(`${run}read ${HPARAMS} (Lightning's hyper-parameters) as parameters`);
    } catch (error) {
      if (!(error instanceof MlciError)) throw error;
      this.builder.warn(`${run}${HPARAMS} not read: ${error.message}`);
    }
  }
};

// packages/core/src/readers/jsonl.ts
var JsonLinesParser = class {
  constructor(sink, file) {
    this.sink = sink;
    this.file = file;
  }
  sink;
  file;
  buffer = "";
  line = 1;
  started = false;
  push(chunk) {
    if (!this.started && chunk !== "") {
      this.started = true;
      if (chunk.charCodeAt(0) === 65279) chunk = chunk.slice(1);
    }
    const text6 = this.buffer === "" ? chunk : this.buffer + chunk;
    let pos = 0;
    for (; ; ) {
      const nl = text6.indexOf("\n", pos);
      if (nl === -1) break;
      this.handle(text6, pos, nl, false);
      pos = nl + 1;
    }
    this.buffer = pos >= text6.length ? "" : text6.slice(pos);
    if (this.buffer.length > MAX_LINE_CHARS) {
      throw new ParseError(
        { file: this.file, line: this.line, column: 1 },
        `a line longer than ${MAX_LINE_CHARS} characters starts here; JSON Lines logs hold one record per line`
      );
    }
  }
  end() {
    const text6 = this.buffer;
    this.buffer = "";
    if (text6 !== "") this.handle(text6, 0, text6.length, true);
  }
  handle(text6, start, end, last) {
    const line2 = this.line++;
    let stop = end;
    if (stop > start && text6.charCodeAt(stop - 1) === 13) stop--;
    let first = start;
    while (first < stop && isJsonBlank2(text6.charCodeAt(first))) first++;
    if (first === stop) return;
    const body = text6.slice(first, stop);
    let value;
    try {
      value = JSON.parse(body);
    } catch {
      try {
        value = parseJsonText(body, this.file);
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        if (last) {
          this.sink.warn(
            `line ${line2}: the file ends in the middle of a record (it may still be being written); that line was not read`
          );
          return;
        }
        const column2 = (error.location.column ?? 1) + (first - start);
        throw new ParseError({ file: this.file, line: line2, column: column2 }, error.detail);
      }
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      const found = Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`;
      throw new ParseError(
        { file: this.file, line: line2, column: first - start + 1 },
        `expected a JSON object on each line, found ${found}`
      );
    }
    this.sink.record(value, line2);
  }
};
function isJsonBlank2(c) {
  return c === 32 || c === 9 || c === 13;
}
var STEP_FIELDS = STEP_NAMES;
var JsonLinesTable = class {
  constructor(builder) {
    this.builder = builder;
  }
  builder;
  records = 0;
  first;
  stepField;
  lastStep;
  noStep = 0;
  noStepFirst = 0;
  numericStrings = 0;
  skipped = /* @__PURE__ */ new Set();
  step = 0;
  wall;
  warn(message) {
    this.builder.warn(message);
  }
  record(value, line2) {
    if (this.records === 0) {
      this.first = { value, line: line2 };
    } else {
      if (this.records === 1) this.commitFirst();
      this.commit(value, line2, this.records);
    }
    this.records++;
  }
  commitFirst() {
    const first = this.first;
    if (first === void 0) return;
    this.first = void 0;
    this.commit(first.value, first.line, 0);
  }
  commit(value, line2, index) {
    if (this.stepField === void 0) {
      for (const name of STEP_FIELDS) {
        const field2 = Object.keys(value).find((k) => k.toLowerCase() === name);
        if (field2 !== void 0 && typeof value[field2] === "number" && Number.isFinite(value[field2])) {
          this.stepField = field2;
          if (name !== "step") this.builder.note(`steps are read from field "${field2}"`);
          break;
        }
      }
      if (this.stepField === void 0 && index === 0) {
        this.builder.note(
          "the first record has no step field (step, global_step, iteration, iter, batch, _step or epoch): records are numbered from 0"
        );
      }
    }
    let step;
    if (this.stepField === void 0) {
      step = index;
    } else {
      const s = value[this.stepField];
      if (typeof s === "number" && Number.isFinite(s)) {
        step = s;
        this.lastStep = s;
      } else {
        step = this.lastStep ?? index;
        if (this.noStep++ === 0) this.noStepFirst = line2;
      }
    }
    this.step = step;
    this.wall = void 0;
    for (const key of Object.keys(value)) {
      if (key === this.stepField) continue;
      const v = value[key];
      if (isWallTimeName(key) && typeof v === "number") {
        if (Number.isFinite(v)) this.wall = wallTimeSeconds(v);
        continue;
      }
    }
    for (const key of Object.keys(value)) {
      if (key === this.stepField) continue;
      const v = value[key];
      if (isWallTimeName(key) && typeof v === "number") continue;
      this.visit(nameKey("", key), v, 0);
    }
  }
  visit(key, value, depth) {
    if (typeof value === "number") {
      this.builder.seriesFor(key).add(this.step, value, this.wall);
      return;
    }
    if (value === null || value === void 0) return;
    if (typeof value === "string") {
      const n = parseNumber(value);
      if (n === void 0) return this.skipOnce(key, "text");
      this.numericStrings++;
      this.builder.seriesFor(key).add(this.step, n, this.wall);
      return;
    }
    if (typeof value === "boolean") return this.skipOnce(key, "true/false");
    if (Array.isArray(value)) {
      if (value.length === 1) return this.visit(key, value[0], depth + 1);
      return this.skipOnce(key, `a list of ${value.length} values`);
    }
    if (typeof value === "object") {
      const type = value._type;
      if (typeof type === "string")
        return this.skipOnce(key, `a "${type}" object (media or a chart, not a number)`);
      if (depth > 64) return this.skipOnce(key, "nested too deeply");
      for (const [k, v] of Object.entries(value)) this.visit(nameKey(key, k), v, depth + 1);
      return;
    }
    this.skipOnce(key, typeof value);
  }
  skipOnce(key, why) {
    if (this.skipped.has(key)) return;
    this.skipped.add(key);
    this.builder.skip(key, why);
  }
  finish() {
    if (this.records === 0) {
      this.builder.note("the file holds no records yet");
      return;
    }
    if (this.records === 1 && this.first !== void 0) {
      this.builder.note("one record: read as summary values, like a JSON metrics file");
      flattenInto(this.builder, this.first.value, "metrics");
      this.first = void 0;
      return;
    }
    this.commitFirst();
    if (this.noStep > 0) {
      this.builder.warn(
        `line ${this.noStepFirst}: no number in step field "${this.stepField}"; the record's values were placed at the previous step` + (this.noStep > 1 ? ` (${this.noStep} records like this)` : "")
      );
    }
    if (this.numericStrings > 0) {
      this.builder.note(
        `read ${this.numericStrings} quoted number${this.numericStrings === 1 ? "" : "s"} (such as "0.9" or "nan") as values`
      );
    }
  }
};
async function readJsonLinesFile(path, options) {
  const builder = new DocBuilder(path, "jsonl", { maxSeriesPoints: options.maxSeriesPoints });
  const table4 = new JsonLinesTable(builder);
  const parser = new JsonLinesParser(table4, path);
  await streamTextFile(path, (text6) => parser.push(text6));
  parser.end();
  table4.finish();
  return builder.build();
}
function looksLikeJsonLines(head) {
  const text6 = new TextDecoder("utf-8").decode(head).replace(/^\uFEFF/, "");
  const lines = text6.split("\n").filter((l) => l.trim() !== "");
  const first = lines[0]?.trim();
  const second = lines[1]?.trim();
  if (first === void 0 || second === void 0 || !first.startsWith("{") || !second.startsWith("{"))
    return false;
  try {
    const value = parseJsonText(first, "head");
    return value !== null && typeof value === "object" && !Array.isArray(value);
  } catch (error) {
    if (isMlciError(error)) return false;
    throw error;
  }
}
var jsonlReader = {
  format: "jsonl",
  title: "JSON Lines log",
  target: "file",
  detect(probe) {
    if (probe.isDirectory) return DETECT.no;
    const extension = extensionOf(probe.name);
    if (extension === "jsonl" || extension === "ndjson") return DETECT.extension + 5;
    if (extension === "json" && looksLikeJsonLines(probe.head)) return DETECT.extension + 2;
    if ((extension === "txt" || extension === "log") && looksLikeJsonLines(probe.head))
      return DETECT.extension - 2;
    return DETECT.no;
  },
  read: readJsonLinesFile
};

// packages/core/src/readers/junit.ts
var junitReader = {
  format: "junit",
  title: "JUnit XML test report",
  target: "file",
  detect(probe) {
    if (probe.isDirectory) return DETECT.no;
    const ext = extensionOf(probe.name);
    if (ext !== "xml" && ext !== "") return DETECT.no;
    const head = new TextDecoder().decode(probe.head);
    const root = /<(testsuites|testsuite)[\s>/]/.exec(head.replace(/<!--[\s\S]*?-->/g, ""));
    if (root !== null) return DETECT.content;
    return /^(junit|TEST-).*\.xml$/i.test(probe.name) ? DETECT.extension : DETECT.no;
  },
  // The XML parser is loaded by the first JUnit file, not by every step that reads metrics.
  async read(path, options) {
    const { readJunit } = await import("./junit-xml-VO2XPP3Z.js");
    return readJunit(path, options);
  }
};

// packages/core/src/readers/sklearn-report.ts
var COLUMNS = ["precision", "recall", "f1-score", "support"];
var AVERAGE_ROWS = /* @__PURE__ */ new Set(["micro avg", "macro avg", "weighted avg", "samples avg"]);
var HEADER = /^\s*precision\s+recall\s+f1-score\s+support\s*$/m;
var NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|nan|NaN|inf|-inf`;
var ROW = new RegExp(String.raw`^(.*?\S)\s+(${NUMBER})\s+(${NUMBER})\s+(${NUMBER})\s+(${NUMBER})\s*$`);
var ACCURACY_ROW = new RegExp(String.raw`^\s*accuracy\s+(${NUMBER})\s+(${NUMBER})\s*$`);
var ENDS_WITH_NUMBER = new RegExp(String.raw`(?:^|\s)(?:${NUMBER})\s*$`);
var sklearnReportReader = {
  format: "sklearn-report",
  title: "scikit-learn classification_report (JSON dict or printed text)",
  target: "file",
  detect(probe) {
    if (probe.isDirectory) return DETECT.no;
    const head = new TextDecoder().decode(probe.head);
    const ext = extensionOf(probe.name);
    if (ext === "json") {
      const avg = /"(macro|weighted|micro|samples) avg"\s*:/.test(head);
      return avg && head.includes('"f1-score"') && head.includes('"support"') ? DETECT.content : DETECT.no;
    }
    if (ext === "txt" || ext === "log" || ext === "out" || ext === "") {
      return HEADER.test(head) ? DETECT.content : DETECT.no;
    }
    return DETECT.no;
  },
  read: readSklearnReport
};
async function readSklearnReport(path, options) {
  const text6 = await readTextFile(path);
  const builder = new DocBuilder(path, "sklearn-report", { maxSeriesPoints: options.maxSeriesPoints });
  if (/^\s*\{/.test(text6)) readReportDictInto(builder, parseJsonText(text6, path), path);
  else readReportTextInto(builder, text6, path);
  return builder.build();
}
function readReportDictInto(builder, value, file) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ParseError(
      { file },
      "expected the JSON object classification_report(output_dict=True) returns"
    );
  }
  const classes = [];
  let rows = 0;
  for (const [name, node] of Object.entries(value)) {
    if (name === "accuracy") {
      if (typeof node !== "number") {
        throw new ParseError(
          { file, key: name },
          `expected accuracy to be a number, found ${JSON.stringify(node)}`
        );
      }
      continue;
    }
    if (node === null || typeof node !== "object" || Array.isArray(node)) {
      throw new ParseError(
        { file, key: name },
        `expected an object with ${COLUMNS.join(", ")} (a class or an average row), found ${JSON.stringify(node)}`
      );
    }
    const missing = COLUMNS.filter((c) => typeof node[c] !== "number");
    if (missing.length > 0) {
      throw new ParseError({ file, key: name }, `expected numbers for ${missing.join(", ")} in this row`);
    }
    rows++;
    if (!AVERAGE_ROWS.has(name)) classes.push(name);
  }
  if (rows === 0) {
    throw new ParseError(
      { file },
      'expected at least one class row ({"precision", "recall", "f1-score", "support"})'
    );
  }
  flattenInto(builder, value, "metrics");
  noteClasses(builder, classes);
}
function readReportTextInto(builder, text6, file) {
  const lines = text6.split(/\r?\n/);
  const headerIndex = lines.findIndex((line2) => HEADER.test(line2));
  if (headerIndex < 0) {
    throw new ParseError(
      { file, line: 1 },
      'expected a classification report: a header line "precision recall f1-score support", found none'
    );
  }
  if (lines.slice(0, headerIndex).some((l) => l.trim() !== "")) {
    builder.note(
      `read the report that starts at line ${headerIndex + 1}; the lines before it are not part of it`
    );
  }
  const classes = [];
  let rows = 0;
  let end = lines.length;
  for (let i2 = headerIndex + 1; i2 < lines.length; i2++) {
    const line2 = lines[i2];
    if (line2.trim() === "") continue;
    const lineNo = i2 + 1;
    const accuracy = ACCURACY_ROW.exec(line2);
    if (accuracy !== null) {
      builder.metric("accuracy", number(accuracy[1], file, lineNo, line2));
      support(accuracy[2], file, lineNo, line2);
      rows++;
      continue;
    }
    const row = ROW.exec(line2);
    if (row === null) {
      if (ENDS_WITH_NUMBER.test(line2)) {
        throw new ParseError(
          { file, line: lineNo, column: 1 },
          `expected a report row: a label and four numbers (${COLUMNS.join(", ")}), or "accuracy" and two numbers; found ${JSON.stringify(line2.trim())}`
        );
      }
      end = i2;
      break;
    }
    const label = row[1].trim();
    const key = childKey("", label);
    builder.metric(childKey(key, "precision"), number(row[2], file, lineNo, line2));
    builder.metric(childKey(key, "recall"), number(row[3], file, lineNo, line2));
    builder.metric(childKey(key, "f1-score"), number(row[4], file, lineNo, line2));
    builder.metric(childKey(key, "support"), support(row[5], file, lineNo, line2));
    if (!AVERAGE_ROWS.has(label)) classes.push(label);
    rows++;
  }
  if (rows === 0) {
    throw new ParseError(
      { file, line: Math.min(end, lines.length - 1) + 1, column: 1 },
      "expected report rows after the header line, found none"
    );
  }
  const next = lines.slice(end).findIndex((l) => HEADER.test(l));
  if (next >= 0) {
    builder.warn(
      `another classification report starts at line ${end + next + 1} and was not read: keep one report per file`
    );
  } else if (end < lines.length && lines.slice(end).some((l) => l.trim() !== "")) {
    builder.note(`the report ends at line ${end}; the lines after it are not part of it`);
  }
  noteClasses(builder, classes);
}
function number(text6, file, line2, source2) {
  const value = parseNumber(text6);
  if (value === void 0) {
    throw new ParseError(
      { file, line: line2, column: source2.indexOf(text6) + 1 },
      `expected a number, found ${JSON.stringify(text6)}`
    );
  }
  return value;
}
function support(text6, file, line2, source2) {
  const value = number(text6, file, line2, source2);
  if (!Number.isInteger(value) || value < 0) {
    throw new ParseError(
      { file, line: line2, column: source2.lastIndexOf(text6) + 1 },
      `expected the support (a count of examples, a whole number >= 0), found ${JSON.stringify(text6)}`
    );
  }
  return value;
}
function noteClasses(builder, classes) {
  if (classes.length === 0) return;
  const shown2 = classes.slice(0, 10).join(", ");
  builder.note(
    `${classes.length} class${classes.length === 1 ? "" : "es"}: ${shown2}${classes.length > 10 ? ` and ${classes.length - 10} more` : ""}`
  );
}

// packages/core/src/readers/wandb.ts
var import_node_fs9 = __toESM(require_node_fs(), 1);
var import_promises3 = __toESM(require_promises(), 1);
var import_node_path6 = __toESM(require_node_path(), 1);

// packages/core/src/readers/wandb/binary.ts
var import_node_fs8 = __toESM(require_node_fs(), 1);

// packages/core/src/readers/wandb/history.ts
var Role = { Value: 0, Step: 1, Runtime: 2, Timestamp: 3, Internal: 4 };
var EMPTY_KEY = "(empty key)";
var BOOKKEEPING = /* @__PURE__ */ new Map([
  ["_step", Role.Step],
  ["_runtime", Role.Runtime],
  ["_timestamp", Role.Timestamp],
  ["_wandb", Role.Internal]
]);
var HistoryTable = class {
  constructor(builder) {
    this.builder = builder;
  }
  builder;
  keys = /* @__PURE__ */ new Map();
  /** Values that are not numbers: key -> what they were -> how many. */
  skipped = /* @__PURE__ */ new Map();
  rowCount = 0;
  inferred = 0;
  badSteps = 0;
  step = -1;
  wall;
  firstStep;
  lastRuntime;
  lastTimestamp;
  /** A key as logged (`wandb.log({"eval/acc": ...})`): one segment. */
  keyFor(name) {
    return this.intern(name, BOOKKEEPING.get(name) ?? Role.Value, escapeSegment(name));
  }
  /** A nested key path (`nested_key` of a HistoryItem). */
  keyForPath(segments) {
    if (segments.length === 1) return this.keyFor(segments[0]);
    return this.intern(`\0${segments.join("\0")}`, Role.Value, joinKey(segments));
  }
  intern(id, role, key) {
    let entry = this.keys.get(id);
    if (entry === void 0) {
      if (this.keys.size >= MAX_DOCUMENT_KEYS) {
        throw new ParseError(
          { file: this.builder.file },
          `the history logs more than ${MAX_DOCUMENT_KEYS} distinct keys; mlci reads at most ${MAX_DOCUMENT_KEYS} from one run`
        );
      }
      entry = { key, role, series: void 0 };
      this.keys.set(id, entry);
    }
    return entry;
  }
  /**
   * Starts a row. `stepValue`: the row's `_step` as logged (undefined when absent); `recordStep`:
   * the step the log record carries besides (HistoryRecord.step), if any.
   */
  row(stepValue, recordStep, timestamp, runtime) {
    let step;
    if (typeof stepValue === "number" && Number.isSafeInteger(stepValue) && stepValue >= 0) {
      step = stepValue;
    } else if (stepValue !== void 0) {
      this.badSteps++;
    }
    if (step === void 0 && recordStep !== void 0 && Number.isSafeInteger(recordStep)) step = recordStep;
    if (step === void 0) {
      step = this.step + 1;
      this.inferred++;
    }
    this.step = step;
    this.firstStep ??= step;
    this.wall = typeof timestamp === "number" && Number.isFinite(timestamp) ? timestamp : void 0;
    if (this.wall !== void 0) this.lastTimestamp = this.wall;
    if (typeof runtime === "number" && Number.isFinite(runtime)) this.lastRuntime = runtime;
    this.rowCount++;
  }
  /** A number of the current row. */
  number(entry, value) {
    if (entry.role !== Role.Value) return;
    if (entry.key === "") {
      this.skip(EMPTY_KEY, "number");
      return;
    }
    (entry.series ??= this.builder.seriesFor(entry.key)).add(this.step, value, this.wall);
  }
  /** A value of the current row that is not a plain number (parsed JSON). */
  value(entry, value) {
    if (entry.role !== Role.Value) return;
    if (typeof value === "number") {
      this.number(entry, value);
      return;
    }
    this.walk(entry.key, value);
  }
  /** A value whose JSON text could not be parsed. */
  unreadable(entry) {
    if (entry.role === Role.Value) this.skip(entry.key, "unreadable JSON");
  }
  walk(rootKey, rootValue) {
    const stack = [
      { key: rootKey, value: rootValue, depth: 0 }
    ];
    while (stack.length > 0) {
      const { key, value, depth } = stack.pop();
      let node = value;
      while (Array.isArray(node) && node.length === 1) node = node[0];
      if (typeof node === "number") {
        if (key === "") this.skip(EMPTY_KEY, "number");
        else this.builder.seriesFor(key).add(this.step, node, this.wall);
      } else if (typeof node === "string") {
        this.skip(key, "text");
      } else if (typeof node === "boolean") {
        this.skip(key, "true/false");
      } else if (node === null || node === void 0) {
        this.skip(key, "null");
      } else if (Array.isArray(node)) {
        this.skip(key, "list");
      } else if (typeof node === "object") {
        const type = node._type;
        if (typeof type === "string") {
          this.skip(key, `"${type}" media`);
        } else if (depth >= MAX_NESTING) {
          this.skip(key, `nested deeper than ${MAX_NESTING} levels`);
        } else {
          const names = Object.keys(node);
          for (let i2 = names.length - 1; i2 >= 0; i2--) {
            const name = names[i2];
            stack.push({
              key: childKey(key, name),
              value: node[name],
              depth: depth + 1
            });
          }
        }
      } else {
        this.skip(key, typeof node);
      }
    }
  }
  skip(name, why) {
    const key = name === "" ? EMPTY_KEY : name;
    let kinds = this.skipped.get(key);
    if (kinds === void 0) {
      if (this.skipped.size >= MAX_DOCUMENT_KEYS) return;
      kinds = /* @__PURE__ */ new Map();
      this.skipped.set(key, kinds);
    }
    kinds.set(why, (kinds.get(why) ?? 0) + 1);
  }
  get rows() {
    return this.rowCount;
  }
  /** The last row's step; undefined before any row. */
  get lastStep() {
    return this.rowCount === 0 ? void 0 : this.step;
  }
  get lastRuntimeSeconds() {
    return this.lastRuntime;
  }
  get lastWallTime() {
    return this.lastTimestamp;
  }
  /** A short account: "862 history rows (steps 0 to 861)". */
  describe() {
    if (this.rowCount === 0) return "no history rows";
    const rows = `${this.rowCount} history row${this.rowCount === 1 ? "" : "s"}`;
    return this.firstStep === this.step ? `${rows} (step ${this.step})` : `${rows} (steps ${this.firstStep} to ${this.step})`;
  }
  /** Notes what was skipped and how steps were found; `where` prefixes the notes ("" or "file: "). */
  finish(where) {
    const builder = this.builder;
    for (const [key, kinds] of this.skipped) {
      for (const [why, count4] of kinds) builder.skip(key, `${count4} ${why} value${count4 === 1 ? "" : "s"}`);
    }
    if (this.badSteps > 0) {
      builder.warn(
        `${where}${this.badSteps} history row${this.badSteps === 1 ? "" : "s"} had a _step that is not a whole number \u2265 0; ${this.badSteps === 1 ? "it was" : "they were"} placed after the previous row`
      );
    }
    if (this.inferred > 0 && this.inferred < this.rowCount) {
      builder.note(
        `${where}${this.inferred} of ${this.rowCount} history rows carry no step; each was placed one step after the previous row, as W&B numbers them`
      );
    } else if (this.inferred > 0) {
      builder.note(`${where}the history rows carry no step; they are numbered from 0, as W&B numbers them`);
    }
  }
};

// packages/core/src/readers/wandb/log.ts
var zlib = __toESM(require_node_zlib(), 1);
var BLOCK_BYTES = 32 * 1024;
var FILE_HEADER_BYTES = 7;
var CHUNK_HEADER_BYTES = 7;
var MAGIC_IDENT = [58, 87, 38, 66];
var MAGIC2 = 48865;
var KNOWN_VERSIONS = [0, 1];
var DEFAULT_MAX_RECORD_BYTES2 = 64 * 1024 * 1024;
var ChunkType = { Full: 1, First: 2, Middle: 3, Last: 4 };
var TYPE_NAMES = ["zero", "FULL", "FIRST", "MIDDLE", "LAST"];
var LogHeaderError = class extends Error {
  name = "LogHeaderError";
};
var Phase = { FileHeader: 0, Boundary: 1, ChunkHeader: 2, Data: 3, Skip: 4, Stopped: 5 };
var nativeCrc32 = zlib.crc32;
var crc322 = nativeCrc32 === void 0 ? tableCrc32 : (bytes, start, end, crc) => nativeCrc32(bytes.subarray(start, end), crc);
var IEEE = 3988292384;
var table;
function tableCrc32(bytes, start = 0, end = bytes.length, crc = 0) {
  const t = table ??= buildTable2();
  let c = ~crc;
  let i2 = start;
  const stop8 = end - 8;
  while (i2 <= stop8) {
    const one = c ^ (bytes[i2] | bytes[i2 + 1] << 8 | bytes[i2 + 2] << 16 | bytes[i2 + 3] << 24);
    c = t[1792 + (one & 255)] ^ t[1536 + (one >>> 8 & 255)] ^ t[1280 + (one >>> 16 & 255)] ^ t[1024 + (one >>> 24)] ^ t[768 + bytes[i2 + 4]] ^ t[512 + bytes[i2 + 5]] ^ t[256 + bytes[i2 + 6]] ^ t[bytes[i2 + 7]];
    i2 += 8;
  }
  while (i2 < end) c = t[(c ^ bytes[i2++]) & 255] ^ c >>> 8;
  return ~c >>> 0;
}
function buildTable2() {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? c >>> 1 ^ IEEE : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n];
    for (let s = 1; s < 8; s++) {
      c = c >>> 8 ^ t[c & 255];
      t[s * 256 + n] = c >>> 0;
    }
  }
  return t;
}
var TYPE_SEED = [0, 1, 2, 3, 4].map((type) => crc322(Uint8Array.of(type), 0, 1, 0));
var hex2 = (n) => `0x${n.toString(16).padStart(8, "0")}`;
function u322(bytes, at) {
  return (bytes[at] | bytes[at + 1] << 8 | bytes[at + 2] << 16 | bytes[at + 3] << 24) >>> 0;
}
function startsWithLogHeader(head) {
  return head.length >= 6 && MAGIC_IDENT.every((b, i2) => head[i2] === b) && (head[4] | head[5] << 8) === MAGIC2;
}
function headerProblem(bytes, length) {
  const shown2 = Array.from(bytes.subarray(0, length), (b) => b.toString(16).padStart(2, "0")).join(" ");
  for (let i2 = 0; i2 < Math.min(length, 4); i2++) {
    if (bytes[i2] !== MAGIC_IDENT[i2]) {
      return `expected the W&B log header ":W&B" (3a 57 26 42), found ${shown2 || "nothing"}`;
    }
  }
  if (length >= 6 && (bytes[4] | bytes[5] << 8) !== MAGIC2) {
    return `":W&B" is followed by ${shown2.slice(12, 17)}, expected W&B's magic e1 be`;
  }
  if (length === 7 && !KNOWN_VERSIONS.includes(bytes[6])) {
    return `W&B log format version ${bytes[6]}: mlci reads versions ${KNOWN_VERSIONS.join(" and ")} (a newer wandb wrote this file)`;
  }
  return void 0;
}
var LogParser = class {
  constructor(sink, maxRecordBytes = DEFAULT_MAX_RECORD_BYTES2) {
    this.sink = sink;
    this.maxRecordBytes = maxRecordBytes;
  }
  sink;
  maxRecordBytes;
  phase = Phase.FileHeader;
  /** Bytes consumed so far: the offset of the next byte pushed. */
  position = 0;
  /** File or chunk header bytes collected across pieces. */
  head = new Uint8Array(7);
  headFill = 0;
  // The chunk being read.
  chunkOffset = 0;
  chunkType = 0;
  chunkStored = 0;
  chunkCrc = 0;
  chunkLength = 0;
  remaining = 0;
  skipRemaining = 0;
  // The record being assembled (FIRST seen, LAST not yet).
  assembling = false;
  recordOffset = 0;
  recordLength = 0;
  kept = new Uint8Array(0);
  keptFill = 0;
  tooLong = false;
  records = 0;
  zeroTails = 0;
  /** True once reading stopped at damage: further input is ignored. */
  get done() {
    return this.phase === Phase.Stopped;
  }
  /** Bytes consumed so far. */
  get offset() {
    return this.position;
  }
  /** Records reported so far (kept or oversized). */
  get recordCount() {
    return this.records;
  }
  /** Block tails skipped because they held zeros where a record could start. */
  get zeroFilledTails() {
    return this.zeroTails;
  }
  /** Throws LogHeaderError when the first bytes are not a W&B log header. */
  push(piece) {
    const n = piece.length;
    let i2 = 0;
    while (i2 < n) {
      switch (this.phase) {
        case Phase.Stopped:
          return;
        case Phase.FileHeader: {
          const take = Math.min(FILE_HEADER_BYTES - this.headFill, n - i2);
          this.head.set(piece.subarray(i2, i2 + take), this.headFill);
          this.headFill += take;
          i2 += take;
          this.position += take;
          const problem = headerProblem(this.head, this.headFill);
          if (problem !== void 0) throw new LogHeaderError(problem);
          if (this.headFill === FILE_HEADER_BYTES) {
            this.headFill = 0;
            this.phase = Phase.Boundary;
            this.sink.header(this.head[6]);
          }
          break;
        }
        case Phase.Boundary: {
          const left = BLOCK_BYTES - this.position % BLOCK_BYTES;
          if (left < CHUNK_HEADER_BYTES) {
            this.skipRemaining = left;
            this.phase = Phase.Skip;
            break;
          }
          this.chunkOffset = this.position;
          if (n - i2 >= CHUNK_HEADER_BYTES) {
            i2 = this.chunkHeader(piece, i2, n);
          } else {
            this.phase = Phase.ChunkHeader;
          }
          break;
        }
        case Phase.ChunkHeader: {
          const take = Math.min(CHUNK_HEADER_BYTES - this.headFill, n - i2);
          this.head.set(piece.subarray(i2, i2 + take), this.headFill);
          this.headFill += take;
          i2 += take;
          this.position += take;
          if (this.headFill === CHUNK_HEADER_BYTES) {
            this.headFill = 0;
            this.startChunk(this.head, 0);
          }
          break;
        }
        case Phase.Data: {
          const take = Math.min(this.remaining, n - i2);
          this.chunkCrc = crc322(piece, i2, i2 + take, this.chunkCrc);
          this.keep(piece, i2, i2 + take);
          i2 += take;
          this.position += take;
          this.remaining -= take;
          if (this.remaining === 0) this.endChunk(void 0, 0, 0);
          break;
        }
        case Phase.Skip: {
          const take = Math.min(this.skipRemaining, n - i2);
          i2 += take;
          this.position += take;
          this.skipRemaining -= take;
          if (this.skipRemaining === 0) this.phase = Phase.Boundary;
          break;
        }
      }
    }
  }
  /**
   * A chunk header that lies whole in `piece` at `i`. When the chunk's data is in the piece too it
   * is checked in place (the common case: pieces are whole blocks). Returns where reading goes on.
   */
  chunkHeader(piece, i2, n) {
    this.position += CHUNK_HEADER_BYTES;
    if (!this.startChunk(piece, i2)) return i2 + CHUNK_HEADER_BYTES;
    const start = i2 + CHUNK_HEADER_BYTES;
    const end = start + this.chunkLength;
    if (end > n) return start;
    this.chunkCrc = crc322(piece, start, end, this.chunkCrc);
    this.position += this.chunkLength;
    this.remaining = 0;
    if (this.chunkType === ChunkType.Full && this.chunkLength <= this.maxRecordBytes) {
      this.endChunk(piece, start, end);
    } else {
      this.keep(piece, start, end);
      this.endChunk(void 0, 0, 0);
    }
    return end;
  }
  /** Checks a chunk header at `bytes[at]`; false when reading does not go on into its data. */
  startChunk(bytes, at) {
    const stored = u322(bytes, at);
    const length = bytes[at + 4] | bytes[at + 5] << 8;
    const type = bytes[at + 6];
    if (stored === 0 && length === 0 && type === 0) {
      if (this.assembling) {
        this.stop(
          `zero bytes where the next chunk of the record begun at byte ${this.recordOffset} should be (the writer reserved space it never filled)`,
          true
        );
        return false;
      }
      this.zeroTails++;
      this.skipRemaining = BLOCK_BYTES - this.position % BLOCK_BYTES;
      this.phase = this.skipRemaining === BLOCK_BYTES ? Phase.Boundary : Phase.Skip;
      return false;
    }
    if (type < ChunkType.Full || type > ChunkType.Last) {
      this.stop(`unknown chunk type ${type} (expected 1 FULL, 2 FIRST, 3 MIDDLE or 4 LAST)`, false);
      return false;
    }
    const inBlock = this.chunkOffset % BLOCK_BYTES;
    if (inBlock + CHUNK_HEADER_BYTES + length > BLOCK_BYTES) {
      this.stop(
        `a ${TYPE_NAMES[type]} chunk of ${length} bytes at ${inBlock} bytes into its block would run past the 32 KiB block (chunks never cross blocks)`,
        false
      );
      return false;
    }
    const starts = type === ChunkType.Full || type === ChunkType.First;
    if (starts && this.assembling) {
      this.stop(
        `a ${TYPE_NAMES[type]} chunk where the record begun at byte ${this.recordOffset} should go on (MIDDLE or LAST expected)`,
        false
      );
      return false;
    }
    if (!starts && !this.assembling) {
      this.stop(`a ${TYPE_NAMES[type]} chunk with no FIRST chunk before it`, false);
      return false;
    }
    this.chunkType = type;
    this.chunkStored = stored;
    this.chunkCrc = TYPE_SEED[type];
    this.chunkLength = length;
    this.remaining = length;
    if (type === ChunkType.First) {
      this.assembling = true;
      this.recordOffset = this.chunkOffset;
      this.recordLength = 0;
      this.keptFill = 0;
      this.tooLong = false;
    }
    if (type === ChunkType.Full) {
      this.recordOffset = this.chunkOffset;
      this.recordLength = 0;
      this.keptFill = 0;
      this.tooLong = false;
    }
    this.phase = length === 0 ? Phase.Boundary : Phase.Data;
    if (length === 0) {
      this.endChunk(void 0, 0, 0);
      return false;
    }
    return true;
  }
  /** Copies data of the record being read into the assembly buffer, up to the size limit. */
  keep(piece, start, end) {
    const count4 = end - start;
    this.recordLength += count4;
    if (this.tooLong) return;
    if (this.recordLength > this.maxRecordBytes) {
      this.tooLong = true;
      this.kept = new Uint8Array(0);
      this.keptFill = 0;
      return;
    }
    const need = this.keptFill + count4;
    if (need > this.kept.length) {
      const next = new Uint8Array(Math.min(this.maxRecordBytes, Math.max(need, this.kept.length * 2, 256)));
      next.set(this.kept.subarray(0, this.keptFill));
      this.kept = next;
    }
    this.kept.set(piece.subarray(start, end), this.keptFill);
    this.keptFill = need;
  }
  /**
   * The chunk's data has all been read: checks its checksum, and reports the record it ends.
   * `inPlace`: a FULL chunk's data, when it lay whole in one piece.
   */
  endChunk(inPlace, start, end) {
    this.phase = Phase.Boundary;
    const computed = this.chunkCrc >>> 0;
    if (computed !== this.chunkStored) {
      this.stop(
        `checksum mismatch in a ${TYPE_NAMES[this.chunkType]} chunk of ${this.chunkLength} bytes (stored ${hex2(this.chunkStored)}, computed ${hex2(computed)})`,
        false
      );
      return;
    }
    const type = this.chunkType;
    if (type === ChunkType.First || type === ChunkType.Middle) return;
    this.assembling = false;
    const index = ++this.records;
    if (this.tooLong) {
      this.sink.oversized(this.recordOffset, index, this.recordLength);
    } else if (inPlace !== void 0) {
      this.sink.record(inPlace, start, end, this.recordOffset, index);
    } else {
      this.sink.record(this.kept, 0, this.keptFill, this.recordOffset, index);
    }
    if (this.kept.length > 1024 * 1024) this.kept = new Uint8Array(0);
    this.keptFill = 0;
  }
  stop(what, torn) {
    this.phase = Phase.Stopped;
    this.sink.damaged(this.chunkOffset, this.records + 1, what, torn);
  }
  /**
   * The input ended. Reports a record it ended inside of. Returns false when it ended inside the
   * file header (or was empty): nothing was read (`offset` says how many header bytes there were).
   */
  end() {
    const phase = this.phase;
    if (phase === Phase.Stopped) return true;
    this.phase = Phase.Stopped;
    if (phase === Phase.FileHeader) return false;
    if (phase === Phase.ChunkHeader) {
      this.sink.damaged(
        this.chunkOffset,
        this.records + 1,
        `the log ends ${this.headFill} bytes into the ${CHUNK_HEADER_BYTES}-byte header of a chunk`,
        true
      );
    } else if (phase === Phase.Data) {
      this.sink.damaged(
        this.chunkOffset,
        this.records + 1,
        `the ${TYPE_NAMES[this.chunkType]} chunk announces ${this.chunkLength} bytes, the log ends after ${this.chunkLength - this.remaining} of them`,
        true
      );
    } else if (this.assembling) {
      this.sink.damaged(
        this.recordOffset,
        this.records + 1,
        `the log ends after ${this.recordLength} bytes of a record cut into chunks, before its LAST chunk`,
        true
      );
    }
    return true;
  }
};

// packages/core/src/readers/wandb/binary.ts
var Field = {
  History: 2,
  Summary: 3,
  Output: 4,
  Config: 5,
  Files: 6,
  Stats: 7,
  Artifact: 8,
  TbRecord: 9,
  Alert: 10,
  Telemetry: 11,
  Metric: 12,
  OutputRaw: 13,
  Run: 17,
  Exit: 18,
  Final: 20,
  Header: 21,
  Footer: 22,
  Preempting: 23,
  LinkArtifact: 24,
  UseArtifact: 25,
  Request: 100
};
var OTHER_KINDS = {
  [Field.Output]: "console output",
  [Field.OutputRaw]: "console output",
  [Field.Stats]: "system metrics",
  [Field.Files]: "file list",
  [Field.Artifact]: "artifact",
  [Field.LinkArtifact]: "artifact",
  [Field.UseArtifact]: "artifact",
  [Field.TbRecord]: "TensorBoard sync",
  [Field.Alert]: "alert",
  [Field.Metric]: "define_metric",
  [Field.Preempting]: "preemption",
  [Field.Request]: "request"
};
var SILENT_KINDS = /* @__PURE__ */ new Set([0, Field.Telemetry, Field.Final, Field.Header, Field.Footer]);
var utf82 = new TextDecoder("utf-8");
var RecordDecoder = class {
  constructor(table4) {
    this.table = table4;
    this.tags = new TagTable(() => {
      throw new Error("W&B history keys get their curves from the HistoryTable");
    });
  }
  table;
  r = new ProtoReader();
  tags;
  tagKeys = /* @__PURE__ */ new Map();
  // The current history row's items.
  itemKeys = [];
  valueStart = new Int32Array(64);
  valueEnd = new Int32Array(64);
  itemCount = 0;
  recordStep;
  nested = [];
  values = new ValueReader();
  /** The oneof field of a Record and its range: [field, start, end]; field 0 for none. */
  kind(bytes, start, end) {
    const r = this.r;
    r.reset(bytes, start, end);
    let field2 = 0;
    let bodyStart = 0;
    let bodyEnd = 0;
    while (r.pos < r.end) {
      const key = r.key();
      const f = key >>> 3;
      const wire = key & 7;
      if (wire === WIRE_LENGTH && f !== 16 && f !== 19 && f !== 200) {
        const stop = r.lengthEnd();
        field2 = f;
        bodyStart = r.pos;
        bodyEnd = stop;
        r.pos = stop;
      } else {
        r.skip(wire);
      }
    }
    return [field2, bodyStart, bodyEnd];
  }
  /** A HistoryRecord: decodes every item, then commits the row. */
  history(bytes, start, end) {
    const r = this.r;
    r.reset(bytes, start, end);
    this.itemCount = 0;
    this.recordStep = void 0;
    while (r.pos < r.end) {
      const key = r.key();
      const f = key >>> 3;
      const wire = key & 7;
      if (f === 1) {
        r.expect(wire, WIRE_LENGTH, "HistoryRecord.item");
        const outer = r.enter();
        this.item(bytes);
        r.leave(outer);
      } else if (f === 2) {
        r.expect(wire, WIRE_LENGTH, "HistoryRecord.step");
        const outer = r.enter();
        let num = 0;
        while (r.pos < r.end) {
          const k = r.key();
          if (k >>> 3 === 1) {
            r.expect(k & 7, WIRE_VARINT, "HistoryStep.num");
            num = r.int64();
          } else {
            r.skip(k & 7);
          }
        }
        r.leave(outer);
        this.recordStep = num;
      } else {
        r.skip(wire);
      }
    }
    this.commit(bytes);
  }
  item(bytes) {
    const r = this.r;
    let keyStart = -1;
    let keyEnd = -1;
    let valueStart = -1;
    let valueEnd = -1;
    this.nested.length = 0;
    while (r.pos < r.end) {
      const k = r.key();
      const f = k >>> 3;
      const wire = k & 7;
      if (f === 1 || f === 2 || f === 16) {
        r.expect(
          wire,
          WIRE_LENGTH,
          f === 1 ? "HistoryItem.key" : f === 2 ? "HistoryItem.nested_key" : "HistoryItem.value_json"
        );
        const stop = r.lengthEnd();
        if (f === 1) {
          keyStart = r.pos;
          keyEnd = stop;
        } else if (f === 16) {
          valueStart = r.pos;
          valueEnd = stop;
        } else {
          this.nested.push(utf82.decode(bytes.subarray(r.pos, stop)));
        }
        r.pos = stop;
      } else {
        r.skip(wire);
      }
    }
    let entry;
    if (this.nested.length > 0) {
      entry = this.table.keyForPath(this.nested);
    } else {
      if (keyStart < 0) {
        keyStart = 0;
        keyEnd = 0;
      }
      const tag = this.tags.lookup(bytes, keyStart, keyEnd);
      let known = this.tagKeys.get(tag);
      if (known === void 0) {
        known = this.table.keyFor(tag.tag);
        this.tagKeys.set(tag, known);
      }
      entry = known;
    }
    const n = this.itemCount++;
    if (n === this.valueStart.length) {
      const grow = (a) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.valueStart = grow(this.valueStart);
      this.valueEnd = grow(this.valueEnd);
    }
    this.itemKeys[n] = entry;
    this.valueStart[n] = valueStart < 0 ? 0 : valueStart;
    this.valueEnd[n] = valueStart < 0 ? 0 : valueEnd;
  }
  commit(bytes) {
    const table4 = this.table;
    let step;
    let timestamp;
    let runtime;
    for (let i2 = 0; i2 < this.itemCount; i2++) {
      const role = this.itemKeys[i2].role;
      if (role === Role.Value || role === Role.Internal) continue;
      const value = this.values.parse(bytes, this.valueStart[i2], this.valueEnd[i2]);
      if (role === Role.Step) step = value;
      else if (role === Role.Timestamp) timestamp = value;
      else runtime = value;
    }
    table4.row(step, this.recordStep, timestamp, runtime);
    for (let i2 = 0; i2 < this.itemCount; i2++) {
      const entry = this.itemKeys[i2];
      if (entry.role !== Role.Value) continue;
      const start = this.valueStart[i2];
      const end = this.valueEnd[i2];
      const n = this.values.number(bytes, start, end);
      if (n !== void 0) {
        table4.number(entry, n);
        continue;
      }
      const value = this.values.parse(bytes, start, end);
      if (value === UNREADABLE) table4.unreadable(entry);
      else table4.value(entry, value);
    }
  }
  /** SummaryRecord / ConfigRecord: updates (field 1) and removes (field 2), in order. */
  items(bytes, start, end, name) {
    const r = this.r;
    r.reset(bytes, start, end);
    const changes = [];
    while (r.pos < r.end) {
      const key = r.key();
      const f = key >>> 3;
      if (f === 1 || f === 2) {
        r.expect(key & 7, WIRE_LENGTH, `${name}.${f === 1 ? "update" : "remove"}`);
        const outer = r.enter();
        const change = this.change(bytes);
        if (f === 2) change.json = void 0;
        changes.push(change);
        r.leave(outer);
      } else {
        r.skip(key & 7);
      }
    }
    return changes;
  }
  change(bytes) {
    const r = this.r;
    let key;
    const nested = [];
    let json = "";
    while (r.pos < r.end) {
      const k = r.key();
      const f = k >>> 3;
      if (f === 1 || f === 2 || f === 16) {
        r.expect(k & 7, WIRE_LENGTH, f === 1 ? "key" : f === 2 ? "nested_key" : "value_json");
        const stop = r.lengthEnd();
        const text6 = utf82.decode(bytes.subarray(r.pos, stop));
        if (f === 1) key = text6;
        else if (f === 2) nested.push(text6);
        else json = text6;
        r.pos = stop;
      } else {
        r.skip(k & 7);
      }
    }
    return { path: nested.length > 0 ? nested : [key ?? ""], json };
  }
  /** RunExitRecord.exit_code (0 when absent, as proto3 omits zero). */
  exit(bytes, start, end) {
    const r = this.r;
    r.reset(bytes, start, end);
    let code = 0;
    while (r.pos < r.end) {
      const key = r.key();
      if (key >>> 3 === 1) {
        r.expect(key & 7, WIRE_VARINT, "RunExitRecord.exit_code");
        code = r.int64() | 0;
      } else {
        r.skip(key & 7);
      }
    }
    return code;
  }
  /** RunRecord: what names the run, and the ranges of its config and summary. */
  run(bytes, start, end, info) {
    const r = this.r;
    r.reset(bytes, start, end);
    const out = {};
    const text6 = (stop) => utf82.decode(bytes.subarray(r.pos, stop));
    while (r.pos < r.end) {
      const key = r.key();
      const f = key >>> 3;
      const wire = key & 7;
      if (wire !== WIRE_LENGTH || ![1, 2, 3, 4, 5, 6, 8, 17].includes(f)) {
        r.skip(wire);
        continue;
      }
      const stop = r.lengthEnd();
      if (f === 1) info.id = text6(stop);
      else if (f === 2) info.entity = text6(stop);
      else if (f === 3) info.project = text6(stop);
      else if (f === 4) out.config = [r.pos, stop];
      else if (f === 5) out.summary = [r.pos, stop];
      else if (f === 6) info.group = text6(stop);
      else if (f === 8) info.name = text6(stop);
      else {
        const outer = r.end;
        r.end = stop;
        let seconds = 0;
        let nanos = 0;
        while (r.pos < r.end) {
          const k = r.key();
          if ((k & 7) === WIRE_VARINT && (k >>> 3 === 1 || k >>> 3 === 2)) {
            if (k >>> 3 === 1) seconds = r.int64();
            else nanos = r.int64();
          } else {
            r.skip(k & 7);
          }
        }
        r.end = outer;
        info.startTime = seconds + nanos / 1e9;
      }
      r.pos = stop;
    }
    return out;
  }
  /** TelemetryRecord.cli_version (field 5), or undefined. */
  cliVersion(bytes, start, end) {
    const r = this.r;
    r.reset(bytes, start, end);
    let version;
    while (r.pos < r.end) {
      const key = r.key();
      if (key >>> 3 === 5 && (key & 7) === WIRE_LENGTH) {
        const stop = r.lengthEnd();
        version = utf82.decode(bytes.subarray(r.pos, stop));
        r.pos = stop;
      } else {
        r.skip(key & 7);
      }
    }
    return version;
  }
};
var UNREADABLE = /* @__PURE__ */ Symbol("unreadable");
var ValueReader = class {
  /** A Buffer view of the buffer last read from, for its native Latin-1 slicing. */
  viewOf;
  view;
  /** The number a value_json spells, or undefined when it is not a plain number. */
  number(bytes, start, end) {
    const length = end - start;
    if (length === 0 || length > 64) return void 0;
    const first = bytes[start];
    if (first === 78 || first === 73 || first === 45 && bytes[start + 1] === 73) {
      return nonFinite(bytes, start, end);
    }
    if (first !== 45 && (first < 48 || first > 57)) return void 0;
    let i2 = first === 45 ? start + 1 : start;
    let mantissa = 0;
    let digits = 0;
    let decimals = -1;
    for (; i2 < end; i2++) {
      const c = bytes[i2];
      if (c >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
        if (decimals >= 0) decimals++;
      } else if (c === 46 && decimals < 0) {
        decimals = 0;
      } else {
        break;
      }
    }
    if (i2 === end && digits > 0 && mantissa <= 2 ** 53 && decimals <= 22) {
      const value2 = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
      return first === 45 ? -value2 : value2;
    }
    for (let k = start; k < end; k++) {
      const c = bytes[k];
      if (!(c >= 48 && c <= 57 || c === 46 || c === 101 || c === 69 || c === 43 || c === 45)) {
        return void 0;
      }
    }
    const value = Number(this.latin1(bytes, start, end));
    return Number.isNaN(value) ? void 0 : value;
  }
  /** A value_json parsed (NaN and Infinity tokens accepted), or UNREADABLE. */
  parse(bytes, start, end) {
    const n = this.number(bytes, start, end);
    if (n !== void 0) return n;
    return parseJsonValue(() => strictUtf8.decode(bytes.subarray(start, end)));
  }
  latin1(bytes, start, end) {
    if (bytes !== this.viewOf || this.view === void 0) {
      this.viewOf = bytes;
      this.view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return this.view.toString("latin1", start, end);
  }
};
var POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
function nonFinite(bytes, start, end) {
  const length = end - start;
  const is = (word, from) => {
    for (let i2 = 0; i2 < word.length; i2++) if (bytes[from + i2] !== word.charCodeAt(i2)) return false;
    return true;
  };
  if (length === 3 && is("NaN", start)) return NaN;
  if (length === 8 && is("Infinity", start)) return Infinity;
  if (length === 9 && bytes[start] === 45 && is("Infinity", start + 1)) return -Infinity;
  return void 0;
}
var strictUtf8 = new TextDecoder("utf-8", { fatal: true });
function parseJsonValue(text6) {
  try {
    return parseJsonText(text6(), "value_json");
  } catch (error) {
    if (error instanceof MlciError || error instanceof TypeError) return UNREADABLE;
    throw error;
  }
}
var TreeBuilder = class {
  constructor(file, what) {
    this.file = file;
    this.what = what;
  }
  file;
  what;
  root = /* @__PURE__ */ Object.create(null);
  /** Keys created so far, at any depth (removes do not give them back): bounds the replay's memory. */
  created = 0;
  unreadable = [];
  apply(changes) {
    for (const { path, json } of changes) {
      if (json === void 0) {
        this.remove(path);
        continue;
      }
      const value = parseJsonValue(() => json);
      if (value === UNREADABLE) {
        if (this.unreadable.length < 10) this.unreadable.push(path.join("."));
        continue;
      }
      this.set(path, value);
    }
  }
  set(path, value) {
    let node = this.root;
    for (let i2 = 0; i2 < path.length; i2++) {
      const name = path[i2];
      if (!Object.hasOwn(node, name) && ++this.created > MAX_DOCUMENT_KEYS) {
        throw new ParseError(
          { file: this.file },
          `the ${this.what} records create more than ${MAX_DOCUMENT_KEYS} keys; mlci reads at most ${MAX_DOCUMENT_KEYS} from one run`
        );
      }
      if (i2 === path.length - 1) {
        define(node, name, value);
        return;
      }
      let next = Object.hasOwn(node, name) ? node[name] : void 0;
      if (next === null || typeof next !== "object" || Array.isArray(next)) {
        next = /* @__PURE__ */ Object.create(null);
        define(node, name, next);
      }
      node = next;
    }
  }
  remove(path) {
    let node = this.root;
    for (let i2 = 0; i2 < path.length - 1; i2++) {
      if (node === null || typeof node !== "object" || !Object.hasOwn(node, path[i2])) return;
      node = node[path[i2]];
    }
    if (node !== null && typeof node === "object") delete node[path[path.length - 1]];
  }
};
function define(node, name, value) {
  Object.defineProperty(node, name, { value, enumerable: true, writable: true, configurable: true });
}
async function readRunLog(path, builder, options) {
  const where = options.label === "" ? "" : `${options.label}: `;
  const history = new HistoryTable(builder);
  const decoder = new RecordDecoder(history);
  const summary2 = new TreeBuilder(path, "summary");
  const config = new TreeBuilder(path, "config");
  const log = {
    version: void 0,
    records: 0,
    history,
    summary: void 0,
    config: void 0,
    exitCode: void 0,
    run: {},
    cliVersion: void 0,
    damaged: false
  };
  const others = /* @__PURE__ */ new Map();
  let oversized = 0;
  let undecodable = 0;
  const sink = {
    header: (version) => {
      log.version = version;
    },
    record: (bytes, start, end, offset, index) => {
      log.records = index;
      try {
        const [field2, bodyStart, bodyEnd] = decoder.kind(bytes, start, end);
        switch (field2) {
          case Field.History:
            decoder.history(bytes, bodyStart, bodyEnd);
            return;
          case Field.Summary:
            summary2.apply(decoder.items(bytes, bodyStart, bodyEnd, "SummaryRecord"));
            log.summary = summary2.root;
            return;
          case Field.Config:
            config.apply(decoder.items(bytes, bodyStart, bodyEnd, "ConfigRecord"));
            log.config = config.root;
            return;
          case Field.Exit:
            log.exitCode = decoder.exit(bytes, bodyStart, bodyEnd);
            return;
          case Field.Run: {
            const ranges = decoder.run(bytes, bodyStart, bodyEnd, log.run);
            if (ranges.config !== void 0) {
              config.apply(decoder.items(bytes, ranges.config[0], ranges.config[1], "ConfigRecord"));
              log.config = config.root;
            }
            if (ranges.summary !== void 0) {
              summary2.apply(decoder.items(bytes, ranges.summary[0], ranges.summary[1], "SummaryRecord"));
              log.summary = summary2.root;
            }
            return;
          }
          case Field.Telemetry:
            log.cliVersion = decoder.cliVersion(bytes, bodyStart, bodyEnd) || log.cliVersion;
            return;
          default: {
            if (SILENT_KINDS.has(field2)) return;
            const kind = OTHER_KINDS[field2] ?? `kind ${field2}`;
            others.set(kind, (others.get(kind) ?? 0) + 1);
          }
        }
      } catch (error) {
        if (!(error instanceof ProtoError)) throw error;
        if (undecodable++ < 3) {
          builder.warn(
            `${where}record ${index} (at byte ${offset}) is not a W&B Record protobuf: ${error.message}; skipped`
          );
        }
      }
    },
    oversized: (_offset, index) => {
      log.records = index;
      oversized++;
    },
    damaged: (offset, index, what, torn) => {
      log.damaged = true;
      const read = `read the ${index - 1} record${index === 2 ? "" : "s"} before it`;
      builder.warn(
        torn ? `${where}the log ends inside record ${index} (at byte ${offset}): ${what}; ${read} (the run may still be writing, or was killed)` : `${where}damaged record ${index} at byte ${offset}: ${what}; ${read}, nothing after it`
      );
    }
  };
  const parser = new LogParser(sink, options.maxRecordBytes);
  const { fd: fd2 } = openRegular(path, options.listed ?? false);
  try {
    const block = new Uint8Array(BLOCK_BYTES);
    let position = 0;
    while (!parser.done) {
      const bytesRead = (0, import_node_fs8.readSync)(fd2, block, 0, BLOCK_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      parser.push(bytesRead === BLOCK_BYTES ? block : block.subarray(0, bytesRead));
    }
  } catch (error) {
    if (error instanceof LogHeaderError) {
      throw new ParseError({ file: path, offset: 0 }, `not a W&B run log (run-<id>.wandb): ${error.message}`);
    }
    throw error;
  } finally {
    (0, import_node_fs8.closeSync)(fd2);
  }
  const started = parser.end();
  if (!started) {
    const bytes = parser.offset;
    builder.note(
      bytes === 0 ? `${where}the log is empty: the run wrote nothing to it yet` : `${where}the log holds only ${bytes} of the ${FILE_HEADER_BYTES} bytes of its header: the run wrote nothing to it yet`
    );
    return log;
  }
  history.finish(where);
  if (undecodable > 3) builder.warn(`${where}${undecodable - 3} more records were not W&B Record protobufs`);
  if (oversized > 0) {
    builder.note(
      `${where}${oversized} record${oversized === 1 ? "" : "s"} over ${(options.maxRecordBytes ?? 64 * 1024 * 1024) / 1024 / 1024} MiB checked but not read`
    );
  }
  if (parser.zeroFilledTails > 0) {
    builder.note(
      `${where}skipped ${parser.zeroFilledTails} block tail${parser.zeroFilledTails === 1 ? "" : "s"} of zero bytes (space the writer reserved but did not fill)`
    );
  }
  for (const tree of [summary2, config]) {
    const { unreadable } = tree;
    if (unreadable.length > 0) {
      builder.warn(
        `${where}values in the log's ${tree === summary2 ? "summary" : "config"} that are not JSON, skipped: ${unreadable.join(", ")}`
      );
    }
  }
  if (others.size > 0) {
    const parts = [...others].map(([kind, count4]) => `${count4} ${kind} record${count4 === 1 ? "" : "s"}`);
    builder.note(`${where}not metrics, not read: ${parts.join(", ")}`);
  }
  return log;
}

// packages/core/src/readers/wandb.ts
var SUMMARY_FILE = "wandb-summary.json";
var CONFIG_FILE = "config.yaml";
var HISTORY_FILE = "wandb-history.jsonl";
var RUN_FOLDER = /^(offline-)?run-\d{8}_\d{6}-([A-Za-z0-9]+)$/;
var LOG_FILE = /^run-([A-Za-z0-9]+)\.wandb$/;
var RUN_METRICS = /* @__PURE__ */ new Set(["_step", "_runtime"]);
var wandbReader = {
  format: "wandb",
  title: "Weights & Biases run files (wandb-summary.json, run-<id>.wandb, a run folder or a wandb/ folder)",
  target: "both",
  detect(probe) {
    if (!probe.isDirectory) {
      if (probe.name === SUMMARY_FILE || LOG_FILE.test(probe.name)) return DETECT.name;
      if (startsWithLogHeader(probe.head)) return DETECT.content;
      const head = new TextDecoder().decode(probe.head);
      const own = ['"_runtime"', '"_timestamp"', '"_step"', '"_wandb"'].filter((k) => head.includes(k));
      return /^\s*\{/.test(head) && own.length >= 2 ? DETECT.content : DETECT.no;
    }
    if (probe.entries.includes(SUMMARY_FILE)) return DETECT.name;
    if (probe.entries.includes("files") && (0, import_node_fs9.existsSync)((0, import_node_path6.join)(probe.path, "files", SUMMARY_FILE)))
      return DETECT.name;
    if (probe.entries.some((e) => LOG_FILE.test(e))) return DETECT.name;
    if (probe.entries.includes("latest-run") || probe.entries.some((e) => RUN_FOLDER.test(e)))
      return DETECT.name;
    return DETECT.no;
  },
  read: readWandb
};
async function readWandb(path, options) {
  const info = await statOrExplain(path);
  const builder = new DocBuilder(path, "wandb", { maxSeriesPoints: options.maxSeriesPoints });
  if (!info.isDirectory()) {
    if (await isRunLog(path)) {
      const log2 = await readRunLog(path, builder, { label: "" });
      finishFromLog(builder, log2, path, "", { summary: true, config: true });
    } else {
      readSummaryInto(builder, parseJsonText(await readTextFile(path), path), path);
    }
    return builder.build();
  }
  const run = await locateRun(path, options, builder);
  const { files } = run;
  const within = await folderScope(path);
  const summary2 = (0, import_node_path6.join)(files, SUMMARY_FILE);
  const history = (0, import_node_path6.join)(files, HISTORY_FILE);
  const hasSummary = (0, import_node_fs9.existsSync)(summary2);
  const hasHistory = (0, import_node_fs9.existsSync)(history);
  const logPath = run.dir === void 0 ? void 0 : await findRunLog(run.dir, within, builder);
  if (!hasSummary && !hasHistory && logPath === void 0) {
    const logWhere = run.dir === void 0 ? "" : ` in ${run.dir === path ? "this folder" : run.dir}`;
    throw new ConfigurationError(
      `${path}: no ${SUMMARY_FILE} in ${files === path ? "this folder" : files} and no run-<id>.wandb log${logWhere}: W&B writes it when the run finishes (and the log while it runs); is the run still going, or was it synced elsewhere?`
    );
  }
  const read = [];
  const label = (file) => (0, import_node_path6.relative)(path, file).split(import_node_path6.sep).join("/");
  let log;
  let table4;
  if (hasHistory) {
    table4 = await readHistoryLines(history, within, builder);
    read.push(label(history));
    if (logPath !== void 0)
      builder.note(`read the history of ${HISTORY_FILE}; ${label(logPath)} was not read`);
  } else if (logPath !== void 0) {
    try {
      log = await readRunLog(logPath, builder, { label: label(logPath), listed: true });
      table4 = log.history;
      read.push(label(logPath));
    } catch (error) {
      if (!(error instanceof MlciError) || !hasSummary) throw error;
      builder.warn(`not read: ${error.message}`);
    }
  }
  if (hasSummary) {
    const value = parseJsonText(await readTextFile(summary2, { within }), summary2);
    readSummaryInto(builder, value, summary2);
    read.push(label(summary2));
    if (table4 !== void 0) compareSteps(builder, value, table4, label(summary2));
  }
  const config = (0, import_node_path6.join)(files, CONFIG_FILE);
  const hasConfig = (0, import_node_fs9.existsSync)(config);
  if (hasConfig) {
    readConfigInto(builder, parseYamlText(await readTextFile(config, { within }), config), config);
    read.push(label(config));
  }
  if (log !== void 0) {
    finishFromLog(builder, log, logPath, label(logPath), { summary: !hasSummary, config: !hasConfig });
  } else if (!hasSummary && table4 !== void 0) {
    lastValuesAsSummary(builder, table4);
  }
  builder.note(`read ${read.join(", ")} of ${path}`);
  return builder.build();
}
async function isRunLog(path) {
  if (path.endsWith(".wandb")) return true;
  return startsWithLogHeader((await probePath(path)).head);
}
function finishFromLog(builder, log, file, name, use) {
  if (log.version === void 0) return;
  const table4 = log.history;
  if (use.summary) {
    if (log.summary !== void 0) {
      readSummaryInto(builder, log.summary, file);
      compareSteps(builder, log.summary, table4, `the summary in ${name === "" ? "the log" : name}`);
    } else {
      lastValuesAsSummary(builder, table4);
    }
  }
  if (use.config && log.config !== void 0) {
    const wrapped = /* @__PURE__ */ Object.create(null);
    for (const [key, value] of Object.entries(log.config)) {
      Object.defineProperty(wrapped, key, { value: { value }, enumerable: true });
    }
    readConfigInto(builder, wrapped, file);
  }
  const where = name === "" ? "" : `${name}: `;
  if (log.exitCode !== void 0) {
    builder.param("_exit_code", log.exitCode);
    if (log.exitCode !== 0) builder.warn(`${where}the run ended with exit code ${log.exitCode}`);
  } else {
    builder.note(
      `${where}no exit record${log.damaged ? " before the damage" : ""}: the run was still going when the log was copied, or was killed before wandb could close it`
    );
  }
  const run = log.run;
  const parts = [];
  if (run.id !== void 0) parts.push(`run ${run.id}`);
  if (run.name !== void 0 && run.name !== "") parts.push(JSON.stringify(run.name));
  const place = [run.entity, run.project].filter((p) => p !== void 0 && p !== "").join("/");
  if (place !== "") parts.push(`in ${place}`);
  if (run.group !== void 0 && run.group !== "") parts.push(`group ${JSON.stringify(run.group)}`);
  if (run.startTime !== void 0 && Number.isFinite(run.startTime) && run.startTime > 0) {
    parts.push(`started ${new Date(run.startTime * 1e3).toISOString()}`);
  }
  const client = log.cliVersion === void 0 ? "" : `, wandb ${log.cliVersion}`;
  builder.note(
    `${where}${parts.length > 0 ? `${parts.join(" ")}; ` : ""}W&B log format ${log.version}${client}: ${log.records} record${log.records === 1 ? "" : "s"}, ${table4.describe()}`
  );
}
function lastValuesAsSummary(builder, table4) {
  if (table4.rows === 0) return;
  builder.metric("_step", table4.lastStep);
  if (table4.lastRuntimeSeconds !== void 0) builder.metric("_runtime", table4.lastRuntimeSeconds);
  if (table4.lastWallTime !== void 0) {
    builder.note(`last logged at ${new Date(table4.lastWallTime * 1e3).toISOString()} (_timestamp)`);
  }
  builder.note(
    "no summary (wandb-summary.json or a summary record): each metric is the last logged value of its curve"
  );
}
function compareSteps(builder, summary2, table4, what) {
  const step = summary2?._step;
  const last = table4.lastStep;
  if (typeof step !== "number" || last === void 0 || step <= last) return;
  builder.note(
    `${what} is at _step ${step}, the history ends at step ${last}: its last rows were not written (or not copied); the summary's values are the final ones`
  );
}
async function readHistoryLines(path, within, builder) {
  await checkInside(path, within);
  const table4 = new HistoryTable(builder);
  const parser = new JsonLinesParser(
    {
      record(value) {
        table4.row(value["_step"], void 0, value["_timestamp"], value["_runtime"]);
        for (const name of Object.keys(value)) {
          const entry = table4.keyFor(name);
          if (entry.role === Role.Value) table4.value(entry, value[name]);
        }
      },
      warn(message) {
        builder.warn(`${HISTORY_FILE}: ${message}`);
      }
    },
    path
  );
  await streamTextFile(path, (text6) => parser.push(text6));
  parser.end();
  table4.finish(`${HISTORY_FILE}: `);
  return table4;
}
async function findRunLog(dir, within, builder) {
  if (!(0, import_node_fs9.existsSync)(dir)) return void 0;
  const listing2 = await listFolder(dir, within);
  for (const { name, why } of listing2.refused) {
    if (LOG_FILE.test(name)) builder.warn(`not opened: ${(0, import_node_path6.join)(dir, name)} (${why})`);
  }
  const logs = listing2.entries.filter((e) => !e.isDirectory && LOG_FILE.test(e.name));
  if (logs.length <= 1) return logs[0]?.path;
  const id = RUN_FOLDER.exec((0, import_node_path6.basename)(dir))?.[2];
  const chosen = logs.find((e) => LOG_FILE.exec(e.name)[1] === id) ?? logs[0];
  builder.note(`${dir} holds ${logs.length} run logs; read ${chosen.name}`);
  return chosen.path;
}
async function locateRun(path, options, builder) {
  const entries = await (0, import_promises3.readdir)(path);
  const hasLog = entries.some((e) => LOG_FILE.test(e));
  if (entries.includes(SUMMARY_FILE) || entries.includes(HISTORY_FILE)) {
    return { files: path, dir: hasLog ? path : void 0 };
  }
  if (hasLog) return { files: (0, import_node_path6.join)(path, "files"), dir: path };
  if ((0, import_node_fs9.existsSync)((0, import_node_path6.join)(path, "files", SUMMARY_FILE))) return { files: (0, import_node_path6.join)(path, "files"), dir: path };
  if (RUN_FOLDER.test((0, import_node_path6.basename)(path)) && (0, import_node_fs9.existsSync)((0, import_node_path6.join)(path, "files"))) {
    return { files: (0, import_node_path6.join)(path, "files"), dir: path };
  }
  if (entries.includes(CONFIG_FILE) || entries.includes("wandb-metadata.json")) {
    return { files: path, dir: void 0 };
  }
  const startOf = (name) => name.replace(/^offline-/, "");
  const runs = (await (0, import_promises3.readdir)(path, { withFileTypes: true })).filter((e) => e.isDirectory() && RUN_FOLDER.test(e.name)).map((e) => e.name).sort((a, b) => startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : 0);
  const runAt = (dir) => ({ files: (0, import_node_path6.join)(dir, "files"), dir });
  if (options.run !== void 0) {
    const wanted = options.run;
    const match = runs.filter((name) => name === wanted || RUN_FOLDER.exec(name)[2] === wanted);
    if (match.length === 0) {
      throw new ConfigurationError(
        `${path}: no W&B run ${JSON.stringify(wanted)} here; runs: ${runs.map((r) => RUN_FOLDER.exec(r)[2]).join(", ") || "none"}`
      );
    }
    builder.note(`chose run ${match[0]} (--run ${wanted})`);
    return runAt((0, import_node_path6.join)(path, match[0]));
  }
  if ((0, import_node_fs9.existsSync)((0, import_node_path6.join)(path, "latest-run"))) {
    const target = (0, import_node_path6.basename)(await (0, import_promises3.realpath)((0, import_node_path6.join)(path, "latest-run")));
    builder.note(`chose the run latest-run points at: ${target}`);
    return runAt((0, import_node_path6.join)(path, "latest-run"));
  }
  const latest = runs.at(-1);
  if (latest === void 0) {
    throw new ConfigurationError(
      `${path}: no ${SUMMARY_FILE}, files/${SUMMARY_FILE}, run-<id>.wandb or run-* folder here`
    );
  }
  builder.note(
    `chose the newest of ${runs.length} run${runs.length === 1 ? "" : "s"}: ${latest} (pass --run <id> for another)`
  );
  return runAt((0, import_node_path6.join)(path, latest));
}
function readSummaryInto(builder, value, file) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ParseError(
      { file },
      `expected a JSON object of logged values (a wandb-summary.json), found ${describe3(value)}`
    );
  }
  const media = [];
  const rest = {};
  for (const [name, node] of Object.entries(value)) {
    if (name === "_timestamp") {
      if (typeof node === "number" && Number.isFinite(node)) {
        builder.note(`last logged at ${new Date(node * 1e3).toISOString()} (_timestamp)`);
      }
      continue;
    }
    if (name === "_wandb") {
      const runtime = node?.runtime;
      if (typeof runtime === "number" && !("_runtime" in value)) builder.metric("_runtime", runtime);
      continue;
    }
    if (node !== null && typeof node === "object" && !Array.isArray(node) && "_type" in node) {
      media.push(`${name} (${String(node._type)})`);
      continue;
    }
    if (RUN_METRICS.has(name) && typeof node === "number") {
      builder.metric(escapeSegment(name), node);
      continue;
    }
    rest[name] = node;
  }
  flattenInto(builder, rest, "metrics");
  if (media.length > 0) {
    const shown2 = media.slice(0, 8).join(", ");
    builder.note(
      `not numbers (W&B media and tables): ${shown2}${media.length > 8 ? ` and ${media.length - 8} more` : ""}`
    );
  }
}
function readConfigInto(builder, value, file) {
  if (value === null || value === void 0) return;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new ParseError(
      { file },
      `expected a mapping of config keys (a W&B config.yaml), found ${describe3(value)}`
    );
  }
  for (const [name, node] of Object.entries(value)) {
    if (name === "wandb_version" || name === "_wandb") continue;
    const inner = node !== null && typeof node === "object" && !Array.isArray(node) && "value" in node ? node.value : node;
    const key = childKey("", name);
    if (inner !== null && typeof inner === "object") flattenInto(builder, inner, "params", key);
    else flattenInto(builder, { [name]: inner }, "params");
  }
}
function describe3(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return `a ${typeof value}`;
}

// packages/core/src/stats/descriptive.ts
function sampleMean(values) {
  const n = values.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (const v of values) sum += v;
  const m = sum / n;
  let correction = 0;
  for (const v of values) correction += v - m;
  return m + correction / n;
}
function sampleVariance(values, mean = sampleMean(values)) {
  const n = values.length;
  if (n < 2) return NaN;
  let ss = 0;
  let comp = 0;
  for (const v of values) {
    const d = v - mean;
    ss += d * d;
    comp += d;
  }
  return Math.max(0, (ss - comp * comp / n) / (n - 1));
}
function findNonFinite(label, values) {
  for (let i2 = 0; i2 < values.length; i2++) {
    const v = values[i2];
    if (typeof v !== "number") return `${label}[${i2}] is not a number (${String(v)})`;
    if (!Number.isFinite(v)) return `${label}[${i2}] is ${v}`;
  }
  return void 0;
}
function quantileSorted(sorted, q) {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo];
  const b = sorted[hi];
  return a + (h - lo) * (b - a);
}

// packages/core/src/readers/benchmark.ts
var MS_PER = { ns: 1e-6, us: 1e-3, \u00B5s: 1e-3, ms: 1, s: 1e3 };
var UNIT_WORDS = {
  ns: "ns",
  nanoseconds: "ns",
  us: "us",
  \u00B5s: "us",
  microseconds: "us",
  ms: "ms",
  milliseconds: "ms",
  s: "s",
  sec: "s",
  secs: "s",
  seconds: "s"
};
var UNIT_NAMES = {
  ns: "nanoseconds",
  us: "microseconds",
  ms: "milliseconds",
  s: "seconds"
};
var QUANTILES = [
  ["p50", 0.5],
  ["p95", 0.95],
  ["p99", 0.99]
];
var MAX_SAMPLES = 1e6;
var FEW_TIMINGS = 20;
var MAX_NAME = 200;
var TIMINGS_NAME = /\.timings\.(txt|csv|json)$/i;
var LATENCY_NAME = /^(latenc(y|ies)|timings?)([^\\/]*)\.txt$/i;
var PYTEST_STORAGE = /(^|[\\/])\.benchmarks[\\/][^\\/]+[\\/]\d{4}_[^\\/]*\.json$/;
var benchmarkReader = {
  format: "benchmark",
  title: "Benchmark results (pytest-benchmark, hyperfine or Google Benchmark JSON, or a file of timings)",
  target: "file",
  detect(probe) {
    if (probe.isDirectory) return DETECT.no;
    if (TIMINGS_NAME.test(probe.name) || PYTEST_STORAGE.test(probe.path)) return DETECT.name;
    const head = new TextDecoder().decode(probe.head);
    if (LATENCY_NAME.test(probe.name))
      return looksLikeTimings(head, probe.head.length >= 8192) ? DETECT.name : DETECT.no;
    return toolOfHead(head) === void 0 ? DETECT.no : DETECT.content;
  },
  read: readBenchmark
};
function toolOfHead(head) {
  if (/^\s*\{\s*"machine_info"\s*:\s*\{/.test(head) && /"python_(implementation|version)"/.test(head))
    return "pytest-benchmark";
  if (/^\s*\{\s*"results"\s*:\s*\[\s*\{\s*"command"\s*:/.test(head)) return "hyperfine";
  if (/^\s*\{\s*"context"\s*:\s*\{/.test(head) && /"(num_cpus|mhz_per_cpu)"\s*:/.test(head))
    return "google-benchmark";
  return void 0;
}
function looksLikeTimings(head, cut) {
  const lines = head.split(/\r?\n/).slice(0, 50).map((line2) => line2.trim()).filter((line2) => line2 !== "" && !line2.startsWith("#"));
  const whole = cut && lines.length > 1 ? lines.slice(0, -1) : lines;
  const body = whole.length > 0 && parseNumber(whole[0]) === void 0 && /^[^\s,;\t]+$/.test(whole[0]) ? whole.slice(1) : whole;
  return body.length > 0 && body.every((line2) => parseNumber(line2) !== void 0);
}
async function readBenchmark(path, options) {
  const text6 = await readTextFile(path);
  const builder = new DocBuilder(path, "benchmark", { maxSeriesPoints: options.maxSeriesPoints });
  const samples = {};
  const name = path.split(/[\\/]/).pop() ?? path;
  const extension = extensionOf(name);
  const json = /^\uFEFF?\s*[{[]/.test(text6.slice(0, 1024));
  let families;
  if (extension !== "txt" && extension !== "csv" && json) {
    families = readJsonInto(builder, parseJsonText(text6, path), path, name);
  } else {
    families = [readTimingsText(builder, text6, path, name, extension)];
  }
  writeFamilies(builder, samples, families);
  const doc = builder.build();
  if (Object.keys(samples).length > 0) doc.samples = samples;
  return doc;
}
function readJsonInto(builder, value, file, name) {
  if (Array.isArray(value)) return [timingsFromList(builder, value, file, name, void 0, "(root)")];
  if (!isObject(value))
    throw new ParseError(
      { file },
      `expected a benchmark tool's JSON object or a list of timings, found ${describe4(value)}`
    );
  if ("machine_info" in value || "benchmarks" in value && "commit_info" in value)
    return readPytest(builder, value, file);
  if (Array.isArray(value["results"])) return readHyperfine(builder, value, file);
  if ("context" in value && "benchmarks" in value) return readGoogle(builder, value, file);
  const list3 = TIMINGS_KEYS.find((k) => Array.isArray(value[k]));
  if (list3 !== void 0) {
    const unit = value["unit"];
    if (unit !== void 0 && typeof unit !== "string")
      throw new ParseError(
        { file, key: "unit" },
        `expected the unit as a string (ms, us, ns or s), found ${describe4(unit)}`
      );
    return [timingsFromList(builder, value[list3], file, name, unit, list3)];
  }
  throw new ParseError(
    { file },
    `not a benchmark file mlci knows: expected pytest-benchmark JSON ("machine_info", "benchmarks"), hyperfine's --export-json ("results"), Google Benchmark JSON ("context", "benchmarks"), or a list of timings; found the keys ${Object.keys(value).slice(0, 8).join(", ") || "(none)"}`
  );
}
var TIMINGS_KEYS = ["timings", "times", "samples", "latencies"];
function readPytest(builder, doc, file) {
  const benchmarks = doc["benchmarks"];
  if (!Array.isArray(benchmarks))
    throw new ParseError(
      { file, key: "benchmarks" },
      `expected the list of benchmarks, found ${describe4(benchmarks)}`
    );
  const entries = benchmarks.map((entry, i2) => {
    const key = `benchmarks[${i2}]`;
    if (!isObject(entry))
      throw new ParseError({ file, key }, `expected a benchmark object, found ${describe4(entry)}`);
    const name = text3(entry["name"]) ?? text3(entry["fullname"]);
    if (name === void 0) throw new ParseError({ file, key }, `expected the benchmark's "name"`);
    return { entry, key, name, fullname: text3(entry["fullname"]) ?? name };
  });
  const names = uniqueNames(entries.map((e) => ({ short: e.name, long: e.fullname, separator: "::" })));
  const families = [];
  let summaryOnly = 0;
  let averaged = 0;
  entries.forEach(({ entry, key }, i2) => {
    const stats = isObject(entry["stats"]) ? entry["stats"] : entry;
    const statsKey = isObject(entry["stats"]) ? `${key}.stats` : key;
    if (!isObject(entry["stats"]) && typeof entry["mean"] !== "number") {
      builder.warn(`${names[i2]}: no stats (${statsKey}), so no timings were read for it`);
      return;
    }
    const seconds = (field2) => optionalNumber(stats, field2, file, statsKey);
    const timing = {};
    const data = stats["data"];
    if (data !== void 0 && data !== null) {
      timing.samples = timingsOf(data, file, `${statsKey}.data`, MS_PER["s"]);
    } else {
      summaryOnly++;
      setIf(timing, "mean", scaled(seconds("mean"), 1e3));
      setIf(timing, "median", scaled(seconds("median"), 1e3));
      setIf(timing, "min", scaled(seconds("min"), 1e3));
      setIf(timing, "max", scaled(seconds("max"), 1e3));
      setIf(timing, "sd", scaled(seconds("stddev"), 1e3));
      setIf(timing, "n", seconds("rounds"));
    }
    const mean = seconds("mean");
    if (timing.samples !== void 0 && mean !== void 0)
      checkMean(builder, names[i2], timing.samples, mean * 1e3);
    const iterations = seconds("iterations");
    if (iterations !== void 0 && iterations > 1) averaged++;
    families.push({ name: names[i2], measure: "time_ms", timing });
    const ops = seconds("ops");
    if (ops !== void 0) builder.metric(childKey(escapeName(names[i2]), "ops_per_second"), ops);
    readExtraInfo(builder, names[i2], entry["extra_info"]);
  });
  notePytestRun(builder, doc, families.length, summaryOnly, averaged);
  return families;
}
function readExtraInfo(builder, name, extra) {
  if (!isObject(extra)) return;
  for (const [field2, value] of Object.entries(extra)) {
    const key = childKey(childKey(escapeName(name), "extra_info"), field2);
    if (typeof value === "number") builder.metric(key, value);
    else if (typeof value === "string" || typeof value === "boolean") builder.param(key, value);
    else builder.skip(key, value === null ? "null" : Array.isArray(value) ? "a list" : "an object");
  }
}
function notePytestRun(builder, doc, count4, summaryOnly, averaged) {
  const version = text3(doc["version"]);
  const when = text3(doc["datetime"]);
  const commit = isObject(doc["commit_info"]) ? doc["commit_info"] : {};
  const machine = isObject(doc["machine_info"]) ? doc["machine_info"] : {};
  const id = text3(commit["id"]);
  const branch = text3(commit["branch"]);
  const node = text3(machine["node"]);
  const parts = [`pytest-benchmark${version === void 0 ? "" : ` ${version}`} run`];
  if (when !== void 0) parts.push(`of ${when}`);
  if (id !== void 0)
    parts.push(`at commit ${id.slice(0, 12)}${branch === void 0 ? "" : ` (${branch})`}`);
  if (node !== void 0) parts.push(`on ${node}`);
  builder.note(
    `${parts.join(" ")}: ${count4} benchmark${count4 === 1 ? "" : "s"}, times converted from seconds to milliseconds`
  );
  if (commit["dirty"] === true)
    builder.note("measured on a working tree with uncommitted changes (commit_info.dirty)");
  if (summaryOnly > 0)
    builder.note(
      `${summaryOnly === count4 ? "no benchmark has" : `${summaryOnly} of ${count4} benchmarks have`} its timings (stats.data): only the summaries were read, so there are no samples to test and no quantile but the median (p50). pytest-benchmark writes every round with --benchmark-json, or with --benchmark-save-data for saved runs`
    );
  if (averaged > 0)
    builder.note(
      `${averaged} benchmark${averaged === 1 ? "" : "s"} ran several iterations per round: each timing is a round's mean per call, and its quantiles are quantiles of those means`
    );
  const cpu = isObject(machine["cpu"]) ? text3(machine["cpu"]["brand_raw"]) ?? text3(machine["cpu"]["brand"]) : void 0;
  if (cpu !== void 0) builder.param("machine.cpu", cpu);
  const implementation = text3(machine["python_implementation"]);
  const python = text3(machine["python_version"]);
  if (python !== void 0) builder.param("machine.python", `${implementation ?? "Python"} ${python}`);
}
function readHyperfine(builder, doc, file) {
  const results = doc["results"];
  const entries = results.map((entry, i2) => {
    const key = `results[${i2}]`;
    if (!isObject(entry))
      throw new ParseError({ file, key }, `expected a result object, found ${describe4(entry)}`);
    const command = text3(entry["command"]);
    if (command === void 0) throw new ParseError({ file, key }, `expected the result's "command"`);
    return { entry, key, command };
  });
  const names = uniqueNames(
    entries.map((e) => ({ short: e.command.trim() || `command ${e.key}`, long: e.command, separator: "" }))
  );
  const families = [];
  let summaryOnly = 0;
  entries.forEach(({ entry, key }, i2) => {
    const name = names[i2];
    const seconds = (field2) => optionalNumber(entry, field2, file, key);
    const timing = {};
    if (entry["times"] !== void 0 && entry["times"] !== null) {
      timing.samples = timingsOf(entry["times"], file, `${key}.times`, 1e3);
      const mean = seconds("mean");
      if (mean !== void 0) checkMean(builder, name, timing.samples, mean * 1e3);
    } else {
      summaryOnly++;
      setIf(timing, "mean", scaled(seconds("mean"), 1e3));
      setIf(timing, "median", scaled(seconds("median"), 1e3));
      setIf(timing, "min", scaled(seconds("min"), 1e3));
      setIf(timing, "max", scaled(seconds("max"), 1e3));
      setIf(timing, "sd", scaled(seconds("stddev"), 1e3));
    }
    families.push({ name, measure: "time_ms", timing });
    for (const [field2, measure] of [
      ["user", "user_time_ms"],
      ["system", "system_time_ms"]
    ]) {
      const value = seconds(field2);
      if (value !== void 0)
        builder.metric(childKey(childKey(escapeName(name), measure), "mean"), tidy(toMs(value, 1e3)));
    }
    warnExitCodes(builder, name, entry["exit_codes"], file, key);
    const parameters = entry["parameters"];
    if (isObject(parameters)) {
      for (const [parameter, value] of Object.entries(parameters)) {
        if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
          builder.param(childKey(childKey(escapeName(name), "parameters"), parameter), value);
      }
    }
  });
  builder.note(
    `hyperfine results: ${families.length} command${families.length === 1 ? "" : "s"}, times converted from seconds to milliseconds`
  );
  if (summaryOnly > 0)
    builder.note(
      `${summaryOnly} of ${families.length} results have no "times" (every run): only the summaries were read, so there are no samples to test and no quantile but the median (p50)`
    );
  return families;
}
function warnExitCodes(builder, name, codes, file, key) {
  if (codes === void 0 || codes === null) return;
  if (!Array.isArray(codes))
    throw new ParseError(
      { file, key: `${key}.exit_codes` },
      `expected a list of exit codes, found ${describe4(codes)}`
    );
  const bad = codes.filter((code) => code !== 0);
  if (bad.length === 0) return;
  const shown2 = [...new Set(bad.map((code) => code === null ? "killed by a signal" : String(code)))].join(
    ", "
  );
  builder.warn(
    `${name}: ${bad.length} of ${codes.length} runs exited with a non-zero code (${shown2}): those timings measure a failure, not the command's work`
  );
}
var GOOGLE_FIELDS = /* @__PURE__ */ new Set([
  "name",
  "family_index",
  "per_family_instance_index",
  "run_name",
  "run_type",
  "repetitions",
  "repetition_index",
  "threads",
  "iterations",
  "real_time",
  "cpu_time",
  "time_unit",
  "aggregate_name",
  "aggregate_unit",
  "error_occurred",
  "error_message",
  "label",
  "big_o",
  "cpu_coefficient",
  "real_coefficient",
  "rms"
]);
var OLD_AGGREGATE = /_(mean|median|stddev|cv|BigO|RMS)$/;
function readGoogle(builder, doc, file) {
  const rows = doc["benchmarks"];
  if (!Array.isArray(rows))
    throw new ParseError(
      { file, key: "benchmarks" },
      `expected the list of benchmarks, found ${describe4(rows)}`
    );
  const groups = /* @__PURE__ */ new Map();
  const skipped = /* @__PURE__ */ new Set();
  rows.forEach((row, i2) => {
    const key = `benchmarks[${i2}]`;
    if (!isObject(row))
      throw new ParseError({ file, key }, `expected a benchmark row, found ${describe4(row)}`);
    const name = text3(row["name"]);
    if (name === void 0) throw new ParseError({ file, key }, `expected the row's "name"`);
    if (row["error_occurred"] === true) {
      builder.warn(
        `${name}: the benchmark reported an error${text3(row["error_message"]) === void 0 ? "" : ` (${text3(row["error_message"])})`}; its row was not read`
      );
      return;
    }
    const suffix = OLD_AGGREGATE.exec(name);
    const isAggregate = row["run_type"] === "aggregate" || row["run_type"] === void 0 && suffix !== null;
    const aggregate = isAggregate ? text3(row["aggregate_name"]) ?? suffix?.[1] ?? "" : void 0;
    const base = text3(row["run_name"]) ?? (isAggregate && suffix !== null ? name.slice(0, -suffix[0].length) : name);
    let group = groups.get(base);
    if (group === void 0) {
      group = { name: base, iterations: [], aggregates: /* @__PURE__ */ new Map() };
      groups.set(base, group);
    }
    if (aggregate === void 0) group.iterations.push({ row, key });
    else if (aggregate === "BigO" || aggregate === "RMS") skipped.add(`${name} (complexity fit)`);
    else group.aggregates.set(aggregate, { row, key });
  });
  const names = uniqueNames(
    [...groups.values()].map((g) => ({ short: g.name, long: g.name, separator: "" }))
  );
  const families = [];
  let summaryOnly = 0;
  [...groups.values()].forEach((group, i2) => {
    const name = names[i2];
    for (const [field2, measure] of [
      ["real_time", "time_ms"],
      ["cpu_time", "cpu_time_ms"]
    ]) {
      const timing = googleTiming(group, field2, file, skipped);
      if (timing === void 0) continue;
      if (field2 === "real_time" && timing.samples === void 0) summaryOnly++;
      families.push({ name, measure, timing });
    }
    readCounters(builder, name, group);
  });
  noteGoogleRun(builder, doc["context"], groups.size, summaryOnly);
  if (skipped.size > 0)
    builder.note(
      `not read: ${[...skipped].slice(0, 10).join(", ")}${skipped.size > 10 ? ` and ${skipped.size - 10} more` : ""}`
    );
  return families;
}
function googleTiming(group, field2, file, skipped) {
  const inMs = (entry) => {
    const value2 = optionalNumber(entry.row, field2, file, entry.key);
    if (value2 === void 0) return void 0;
    return toMs(value2, unitOfRow(entry.row, file, entry.key));
  };
  if (group.iterations.length >= 2) {
    const samples = group.iterations.map((entry) => {
      const value2 = inMs(entry);
      if (value2 === void 0)
        throw new ParseError(
          { file, key: `${entry.key}.${field2}` },
          `expected the ${field2} of this repetition`
        );
      return checkTiming(value2, file, `${entry.key}.${field2}`);
    });
    return { samples };
  }
  const timing = {};
  const aggregate = (name) => {
    const entry = group.aggregates.get(name);
    return entry === void 0 ? void 0 : inMs(entry);
  };
  setIf(timing, "mean", aggregate("mean"));
  setIf(timing, "median", aggregate("median"));
  setIf(timing, "sd", aggregate("stddev"));
  setIf(timing, "min", aggregate("min"));
  setIf(timing, "max", aggregate("max"));
  for (const other of group.aggregates.keys())
    if (!["mean", "median", "stddev", "min", "max", "cv"].includes(other))
      skipped.add(`${group.name}_${other} (an aggregate mlci does not map)`);
  if (timing.mean !== void 0) {
    const repetitions = group.aggregates.get("mean").row["repetitions"];
    if (typeof repetitions === "number" && repetitions > 0) timing.n = repetitions;
    return timing;
  }
  const only = group.iterations[0];
  if (only === void 0) return Object.keys(timing).length > 0 ? timing : void 0;
  const value = inMs(only);
  if (value === void 0) return void 0;
  return { mean: checkTiming(value, file, `${only.key}.${field2}`) };
}
function unitOfRow(row, file, key) {
  const unit = row["time_unit"];
  if (unit === void 0) return MS_PER["ns"];
  const factor = typeof unit === "string" ? MS_PER[unit] : void 0;
  if (factor === void 0)
    throw new ParseError(
      { file, key: `${key}.time_unit` },
      `expected a time unit ns, us, ms or s, found ${describe4(unit)}`
    );
  return factor;
}
function readCounters(builder, name, group) {
  const rows = group.iterations.length > 0 ? group.iterations : [...group.aggregates.entries()].filter(([n]) => n === "mean").map(([, e]) => e);
  const sums = /* @__PURE__ */ new Map();
  for (const { row } of rows) {
    for (const [field2, value] of Object.entries(row)) {
      if (GOOGLE_FIELDS.has(field2) || typeof value !== "number") continue;
      const entry = sums.get(field2) ?? { sum: 0, count: 0 };
      entry.sum += value;
      entry.count++;
      sums.set(field2, entry);
    }
  }
  for (const [field2, { sum, count: count4 }] of sums) builder.metric(childKey(escapeName(name), field2), sum / count4);
}
function noteGoogleRun(builder, context, count4, summaryOnly) {
  const c = isObject(context) ? context : {};
  const parts = ["Google Benchmark run"];
  const when = text3(c["date"]);
  const host = text3(c["host_name"]);
  const executable = text3(c["executable"]);
  if (executable !== void 0) parts.push(`of ${executable}`);
  if (when !== void 0) parts.push(`at ${when}`);
  if (host !== void 0) parts.push(`on ${host}`);
  builder.note(
    `${parts.join(" ")}: ${count4} benchmark${count4 === 1 ? "" : "s"}, real and CPU times converted to milliseconds (time_ms, cpu_time_ms)`
  );
  if (summaryOnly > 0)
    builder.note(
      `${summaryOnly === count4 ? "no benchmark was" : `${summaryOnly} of ${count4} benchmarks were not`} repeated (--benchmark_repetitions): each has one mean over its iterations, or the aggregates written with --benchmark_report_aggregates_only, so there are no samples to test and no quantile but the median (p50)`
    );
  if (c["library_build_type"] === "debug")
    builder.warn(
      "Google Benchmark was built as a debug library (context.library_build_type): its timings may not represent a release build"
    );
  if (c["cpu_scaling_enabled"] === true)
    builder.note(
      "CPU frequency scaling was enabled while measuring (context.cpu_scaling_enabled): timings vary more than they need to"
    );
  const cpus = c["num_cpus"];
  if (typeof cpus === "number") builder.param("machine.num_cpus", cpus);
  const mhz = c["mhz_per_cpu"];
  if (typeof mhz === "number") builder.param("machine.mhz_per_cpu", mhz);
  const build = text3(c["library_build_type"]);
  if (build !== void 0) builder.param("library_build_type", build);
}
function readTimingsText(builder, body, file, name, extension) {
  const text6 = body.replace(/^\uFEFF/, "");
  const units = [];
  const fromName = unitOfName(stemOf(name));
  if (fromName !== void 0) units.push({ unit: fromName, from: `the file name ${name}` });
  const csv = extension === "csv";
  let column2;
  let header = false;
  const values = [];
  let lineNo = 0;
  for (let start = 0; start <= text6.length; ) {
    let end = text6.indexOf("\n", start);
    if (end === -1) end = text6.length;
    const line2 = text6.slice(start, end);
    start = end + 1;
    lineNo++;
    const trimmed = line2.trim();
    if (trimmed === "") continue;
    if (trimmed.charCodeAt(0) === 35) {
      const stated = /^#\s*unit\s*[:=]\s*(\S+)\s*$/i.exec(trimmed);
      if (stated !== null) {
        const unit2 = UNIT_WORDS[stated[1].toLowerCase()];
        if (unit2 === void 0)
          throw new ParseError(
            { file, line: lineNo, column: line2.indexOf(stated[1]) + 1 },
            `expected a time unit (ns, us, ms or s), found ${JSON.stringify(stated[1])}`
          );
        units.push({ unit: unit2, from: `line ${lineNo}` });
      }
      continue;
    }
    let cell2 = trimmed;
    if (csv && (column2 !== 0 || trimmed.includes(","))) {
      const cells = splitCsv(trimmed);
      if (!header && values.length === 0 && cells.some((c) => parseNumber(c) === void 0)) {
        header = true;
        column2 = chooseColumn(cells, file, lineNo);
        const unit2 = unitOfName(cells[column2]);
        if (unit2 !== void 0) units.push({ unit: unit2, from: `the header ${JSON.stringify(cells[column2])}` });
        continue;
      }
      if (column2 === void 0) {
        if (cells.length > 1)
          throw new ParseError(
            { file, line: lineNo, column: 1 },
            `expected one column of timings, found ${cells.length}; give the CSV a header that names the timing column with its unit (latency_ms)`
          );
        column2 = 0;
      }
      cell2 = cells[column2];
    }
    let value = cell2 === void 0 ? void 0 : parseNumber(cell2);
    if (value === void 0 && !header && values.length === 0) {
      header = true;
      column2 = 0;
      const unit2 = unitOfName(trimmed);
      if (unit2 !== void 0) units.push({ unit: unit2, from: `the header ${JSON.stringify(trimmed)}` });
      continue;
    }
    if (value === void 0)
      throw new ParseError(
        { file, line: lineNo, column: 1 },
        `expected a timing (a number), found ${JSON.stringify(cell2 ?? trimmed)}`
      );
    value = checkTiming(value, file, void 0, lineNo);
    values.push(value);
  }
  if (values.length === 0)
    throw new ParseError({ file }, "expected timings, one number per line; found none");
  const unit = agreedUnit(units, file);
  noteUnit(builder, unit, units, values.length);
  const factor = MS_PER[unit.unit];
  return {
    name: timingsName(name),
    measure: "time_ms",
    timing: { samples: factor === 1 ? values : values.map((v) => toMs(v, factor)) }
  };
}
function timingsFromList(builder, list3, file, name, statedUnit, key) {
  const units = [];
  const fromName = unitOfName(stemOf(name));
  if (fromName !== void 0) units.push({ unit: fromName, from: `the file name ${name}` });
  if (statedUnit !== void 0) {
    const unit2 = UNIT_WORDS[statedUnit.toLowerCase()];
    if (unit2 === void 0)
      throw new ParseError(
        { file, key: "unit" },
        `expected a time unit (ns, us, ms or s), found ${JSON.stringify(statedUnit)}`
      );
    units.push({ unit: unit2, from: '"unit"' });
  }
  const values = timingsOf(list3, file, key, 1);
  if (values.length === 0) throw new ParseError({ file, key }, "expected a list of timings; it is empty");
  const unit = agreedUnit(units, file);
  noteUnit(builder, unit, units, values.length);
  const factor = MS_PER[unit.unit];
  return {
    name: timingsName(name),
    measure: "time_ms",
    timing: { samples: factor === 1 ? values : values.map((v) => toMs(v, factor)) }
  };
}
function agreedUnit(units, file) {
  const first = units[0];
  if (first === void 0) return { unit: "ms", stated: false };
  const other = units.find((u) => u.unit !== first.unit);
  if (other !== void 0)
    throw new ParseError(
      { file },
      `the unit is ${UNIT_NAMES[first.unit]} by ${first.from} but ${UNIT_NAMES[other.unit]} by ${other.from}: make them agree`
    );
  return { unit: first.unit, stated: true };
}
function noteUnit(builder, unit, units, count4) {
  builder.note(
    unit.stated ? `${count4} timing${count4 === 1 ? "" : "s"} in ${UNIT_NAMES[unit.unit]} (by ${units[0].from})${unit.unit === "ms" ? "" : ", converted to milliseconds"}` : `${count4} timing${count4 === 1 ? "" : "s"}, read as milliseconds: no unit was given (name the file or its column latency_us, latency_s..., or add a line "# unit: us")`
  );
}
function timingsName(file) {
  const stem = stemOf(file).replace(/\.timings$/i, "");
  const unit = /^(.*?)[_.-](ns|us|µs|ms|s|sec|secs|seconds|milliseconds|microseconds|nanoseconds)$/i.exec(
    stem
  );
  return unit !== null && unit[1] !== "" ? unit[1] : stem;
}
function stemOf(file) {
  const dot = file.lastIndexOf(".");
  return dot <= 0 ? file : file.slice(0, dot);
}
function unitOfName(name) {
  const match = /(?:^|[_.\s-])(ns|us|µs|ms|s|sec|secs|seconds|milliseconds|microseconds|nanoseconds)$/i.exec(
    name.replace(/\.timings$/i, "").replace(/[\s)\]]+$/, "").replace(/[([]\s*/g, "_")
  );
  return match === null ? void 0 : UNIT_WORDS[match[1].toLowerCase()];
}
function chooseColumn(header, file, line2) {
  if (header.length === 1) return 0;
  const timed = header.flatMap((cell2, i2) => unitOfName(cell2) !== void 0 ? [i2] : []);
  if (timed.length === 1) return timed[0];
  throw new ParseError(
    { file, line: line2, column: 1 },
    timed.length === 0 ? `expected one column of timings, or a header naming the timing column with its unit (latency_ms); found ${header.map((h) => JSON.stringify(h)).join(", ")}` : `more than one column is named with a time unit (${timed.map((i2) => header[i2]).join(", ")}): a timings file holds one benchmark`
  );
}
function splitCsv(line2) {
  return line2.split(",").map((cell2) => cell2.trim().replace(/^"(.*)"$/, "$1"));
}
function writeFamilies(builder, samples, families) {
  let thinned = 0;
  const few = [];
  for (const family of families) {
    const key = childKey(escapeName(family.name), family.measure);
    const metric = (stat2, value) => {
      if (value !== void 0 && Number.isFinite(value)) builder.metric(childKey(key, stat2), tidy(value));
    };
    const timing = family.timing;
    if (timing.samples !== void 0 && timing.samples.length > 0) {
      const values = timing.samples;
      const sorted = Float64Array.from(values).sort();
      for (const [label, q] of QUANTILES) metric(label, quantileSorted(sorted, q));
      const mean = sampleMean(values);
      metric("mean", mean);
      metric("min", sorted[0]);
      metric("max", sorted[sorted.length - 1]);
      if (values.length >= 2) metric("sd", Math.sqrt(sampleVariance(values, mean)));
      metric("n", values.length);
      if (values.length < FEW_TIMINGS && family.measure === "time_ms")
        few.push(`${family.name} (${values.length})`);
      if (values.length > MAX_SAMPLES) thinned++;
      samples[key] = values.length > MAX_SAMPLES ? evenlySpaced(values, MAX_SAMPLES) : values;
      continue;
    }
    metric("p50", timing.median);
    metric("mean", timing.mean);
    metric("min", timing.min);
    metric("max", timing.max);
    metric("sd", timing.sd);
    metric("n", timing.n);
  }
  if (few.length > 0)
    builder.note(
      `few timings: ${few.slice(0, 5).join(", ")}${few.length > 5 ? ` and ${few.length - 5} more` : ""}; their p95 and p99 are interpolated between the largest timings, and a quantile gate needs at least 100 per side to test the p95`
    );
  if (thinned > 0)
    builder.note(
      `${thinned} benchmark${thinned === 1 ? " has" : "s have"} more than ${MAX_SAMPLES} timings: their statistics are of all of them, and ${MAX_SAMPLES} evenly spaced ones are kept as samples for the tests`
    );
}
function evenlySpaced(values, count4) {
  const step = values.length / count4;
  const out = new Array(count4);
  for (let i2 = 0; i2 < count4; i2++) out[i2] = values[Math.floor(i2 * step)];
  return out;
}
function timingsOf(value, file, key, factor) {
  if (!Array.isArray(value))
    throw new ParseError({ file, key }, `expected a list of timings, found ${describe4(value)}`);
  const out = new Array(value.length);
  for (let i2 = 0; i2 < value.length; i2++) {
    const v = value[i2];
    if (typeof v !== "number")
      throw new ParseError(
        { file, key: `${key}[${i2}]` },
        `expected a timing (a number), found ${describe4(v)}`
      );
    out[i2] = checkTiming(toMs(v, factor), file, `${key}[${i2}]`);
  }
  return out;
}
function checkTiming(value, file, key, line2) {
  if (Number.isFinite(value) && value >= 0) return value;
  const where = line2 !== void 0 ? { file, line: line2, column: 1 } : key !== void 0 ? { file, key } : { file };
  throw new ParseError(
    where,
    `expected a timing of 0 or more, found ${value}: a benchmark that logs this is broken`
  );
}
function checkMean(builder, name, samples, mean) {
  if (samples.length === 0) return;
  const computed = sampleMean(samples);
  if (Math.abs(computed - mean) > 1e-6 * Math.max(Math.abs(mean), 1e-12))
    builder.warn(
      `${name}: the mean of its timings (${computed} ms) is not the mean the file states (${mean} ms)`
    );
}
function optionalNumber(object, field2, file, key) {
  const value = object[field2];
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "number")
    throw new ParseError({ file, key: `${key}.${field2}` }, `expected a number, found ${describe4(value)}`);
  return value;
}
function scaled(value, factor) {
  return value === void 0 ? void 0 : toMs(value, factor);
}
function toMs(value, factor) {
  if (factor === 1) return value;
  return factor < 1 ? value / Math.round(1 / factor) : value * factor;
}
function tidy(value) {
  return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(15)) : value;
}
function setIf(timing, field2, value) {
  if (value !== void 0) timing[field2] = value;
}
function uniqueNames(entries) {
  const cut = (name) => name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}\u2026` : name;
  const names = entries.map((e) => cut(e.short));
  const counts = /* @__PURE__ */ new Map();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const out = names.map((name, i2) => {
    if (counts.get(name) === 1) return name;
    const { long, separator } = entries[i2];
    if (separator === "") return name;
    const parts = long.split(separator);
    for (let take = 2; take <= parts.length; take++) {
      const candidate = cut(parts.slice(-take).join(separator));
      const clashes = entries.some(
        (other, j) => j !== i2 && cut(other.long.split(separator).slice(-take).join(separator)) === candidate
      );
      if (!clashes) return candidate;
    }
    return name;
  });
  const seen = /* @__PURE__ */ new Map();
  return out.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} #${n}`;
  });
}
function escapeName(name) {
  return escapeSegment(name);
}
function text3(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function describe4(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  return String(value);
}

// packages/core/src/readers/llm-eval/inspect-ai.ts
var import_node_path7 = __toESM(require_node_path(), 1);

// packages/core/src/stats/distributions.ts
var LN_SQRT_2PI = 0.9189385332046727;
var EPS = 1e-16;
var FPMIN = 1e-300;
function assertFinitePositive(name, value) {
  if (!(value > 0) || !Number.isFinite(value))
    throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
}
function stirlingCorrection(x2) {
  const r = 1 / x2;
  const r2 = r * r;
  return r * (1 / 12 + r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156)))))));
}
var LANCZOS_G = 7;
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
function logGamma(x2) {
  if (Number.isNaN(x2)) return NaN;
  if (x2 === 1 || x2 === 2) return 0;
  if (x2 === Infinity) return Infinity;
  if (x2 <= 0 && Number.isInteger(x2)) return Infinity;
  if (x2 < 0.5) {
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x2))) - logGamma(1 - x2);
  }
  if (x2 >= 10) return (x2 - 0.5) * Math.log(x2) - x2 + LN_SQRT_2PI + stirlingCorrection(x2);
  const xm1 = x2 - 1;
  let sum = LANCZOS[0];
  for (let i2 = 1; i2 < LANCZOS.length; i2++) sum += LANCZOS[i2] / (xm1 + i2);
  const t = xm1 + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (xm1 + 0.5) * Math.log(t) - t + Math.log(sum);
}
function logBeta(a, b) {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const corr = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
    return -0.5 * Math.log(q) + LN_SQRT_2PI + corr + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q));
  }
  if (q >= 10) {
    const corr = stirlingCorrection(q) - stirlingCorrection(p + q);
    return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}
function betaContinuedFraction(a, b, x2) {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - qab * x2 / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  const maxIterations = 1e3 + Math.ceil(20 * Math.sqrt(Math.max(a, b)));
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x2 / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x2 / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) return h;
  }
  return h;
}
function incompleteBeta(a, b, x2, y) {
  if (x2 <= 0) return 0;
  if (y <= 0) return 1;
  if (x2 < (a + 1) / (a + b + 2)) return betaFront(a, b, x2, y) * betaContinuedFraction(a, b, x2) / a;
  return 1 - betaFront(b, a, y, x2) * betaContinuedFraction(b, a, y) / b;
}
function betaFront(a, b, x2, y) {
  const lnx = x2 <= 0.5 ? Math.log(x2) : Math.log1p(-y);
  const lny = y <= 0.5 ? Math.log(y) : Math.log1p(-x2);
  return Math.exp(a * lnx + b * lny - logBeta(a, b));
}
function betaInc(a, b, x2) {
  if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(x2)) return NaN;
  assertFinitePositive("a", a);
  assertFinitePositive("b", b);
  if (x2 < 0 || x2 > 1) throw new RangeError(`x must be in [0, 1], got ${x2}`);
  return incompleteBeta(a, b, x2, 1 - x2);
}
function softplus(z) {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}
function betaQuantileGuess(p, a, b) {
  if (a >= 1 && b >= 1) {
    const t2 = Math.sqrt(-2 * Math.log(p < 0.5 ? p : 1 - p));
    let z = (2.30753 + t2 * 0.27061) / (1 + t2 * (0.99229 + t2 * 0.04481)) - t2;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w2 = z * Math.sqrt(al + h) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    const lnRatio = Math.log(b / a) + 2 * w2;
    return [-softplus(lnRatio), -softplus(-lnRatio)];
  }
  const lna = Math.log(a / (a + b));
  const lnb = Math.log(b / (a + b));
  const t = Math.exp(a * lna) / a;
  const u = Math.exp(b * lnb) / b;
  const w = t + u;
  if (p < t / w) {
    const lnx = (Math.log(a * w) + Math.log(p)) / a;
    return [lnx, Math.log1p(-Math.exp(lnx))];
  }
  const lny = (Math.log(b * w) + Math.log1p(-p)) / b;
  return [Math.log1p(-Math.exp(lny)), lny];
}
var HALF_LOG = Math.log(0.5);
function betaQuantile(p, a, b) {
  if (Number.isNaN(p) || Number.isNaN(a) || Number.isNaN(b)) return NaN;
  assertFinitePositive("a", a);
  assertFinitePositive("b", b);
  if (p < 0 || p > 1) return NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  if (a === 1 && b === 1) return p;
  if (b === 1) return Math.exp(Math.log(p) / a);
  if (a === 1) return -Math.expm1(Math.log1p(-p) / b);
  const lower = p <= 0.5;
  const logTarget = Math.log(lower ? p : 1 - p);
  const lnB = logBeta(a, b);
  const evaluate = (s2, sideX2) => {
    const x2 = sideX2 ? s2 : 1 - s2;
    const y = sideX2 ? 1 - s2 : s2;
    const lnx = sideX2 ? Math.log(s2) : Math.log1p(-s2);
    const lny = sideX2 ? Math.log1p(-s2) : Math.log(s2);
    const tail = lower ? incompleteBeta(a, b, x2, y) : incompleteBeta(b, a, y, x2);
    const logTail = tail > 0 ? Math.log(tail) : -Infinity;
    const g = logTail - logTarget;
    const slope = Math.exp(Math.log(s2) + (a - 1) * lnx + (b - 1) * lny - lnB - logTail);
    return [lower === sideX2 ? g : -g, slope];
  };
  const [gHalf] = evaluate(0.5, true);
  if (gHalf === 0) return 0.5;
  const sideX = gHalf > 0;
  const finish = (s2) => sideX ? s2 : 1 - s2;
  let sLo = Number.MIN_VALUE;
  let sHi = 0.5;
  const [gMin] = evaluate(sLo, sideX);
  if (gMin >= 0) return finish(gMin === 0 ? sLo : 0);
  const [lnx0, lny0] = betaQuantileGuess(p, a, b);
  const u0 = sideX ? lnx0 : lny0;
  let s = u0 < HALF_LOG ? Math.exp(u0) : NaN;
  if (!(s > sLo && s < sHi)) s = Math.sqrt(sLo) * Math.sqrt(sHi);
  let step = Infinity;
  let stepBefore = Infinity;
  for (let i2 = 0; i2 < 300; i2++) {
    const [g, slope] = evaluate(s, sideX);
    if (g === 0) return finish(s);
    if (g < 0) sLo = s;
    else sHi = s;
    const newton = g / slope;
    const next = s * Math.exp(-newton);
    const limit = 0.5 * Math.abs(stepBefore);
    stepBefore = step;
    if (Number.isFinite(newton) && next > sLo && next < sHi && Math.abs(newton) <= limit) {
      step = newton;
      s = next;
      if (Math.abs(newton) <= 1e-15) return finish(s);
    } else {
      const ratio = sHi / sLo;
      step = 0.5 * Math.log(ratio);
      s = ratio > 4 ? Math.exp(0.5 * (Math.log(sLo) + Math.log(sHi))) : 0.5 * (sLo + sHi);
      if (sHi - sLo <= 1e-15 * sHi) return finish(s);
    }
  }
  return finish(s);
}
function erfcContinuedFraction(u) {
  const a = 0.5;
  let b = u + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i2 = 1; i2 < 1e4; i2++) {
    const an = -i2 * (i2 - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(-u + 0.5 * Math.log(u) - 0.5 * Math.log(Math.PI)) * h;
}
function erfSeries(z) {
  const u = z * z;
  let term = z;
  let sum = z;
  for (let n = 1; n < 200; n++) {
    term *= 2 * u / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return 2 / Math.sqrt(Math.PI) * Math.exp(-u) * sum;
}
function normalCdf(x2) {
  if (Number.isNaN(x2)) return NaN;
  const u = x2 * x2 / 2;
  if (u < 1.5) {
    const e = erfSeries(Math.abs(x2) / Math.SQRT2);
    return x2 < 0 ? 0.5 * (1 - e) : 0.5 * (1 + e);
  }
  const tail = u > 800 ? 0 : 0.5 * erfcContinuedFraction(u);
  return x2 < 0 ? tail : 1 - tail;
}
function normalSf(x2) {
  return normalCdf(-x2);
}
function normalPdf(x2) {
  return Math.exp(-(x2 * x2) / 2 - LN_SQRT_2PI);
}
var ACKLAM_A = [
  -39.69683028665376,
  220.9460984245205,
  -275.9285104469687,
  138.357751867269,
  -30.66479806614716,
  2.506628277459239
];
var ACKLAM_B = [
  -54.47609879822406,
  161.5858368580409,
  -155.6989798598866,
  66.80131188771972,
  -13.28068155288572
];
var ACKLAM_C = [
  -0.007784894002430293,
  -0.3223964580411365,
  -2.400758277161838,
  -2.549732539343734,
  4.374664141464968,
  2.938163982698783
];
var ACKLAM_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
function polynomial(coefficients, x2) {
  let s = 0;
  for (const c of coefficients) s = s * x2 + c;
  return s;
}
function normalLowerQuantile(p) {
  let x2;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x2 = polynomial(ACKLAM_C, q) / (polynomial(ACKLAM_D, q) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x2 = polynomial(ACKLAM_A, r) * q / (polynomial(ACKLAM_B, r) * r + 1);
  }
  for (let i2 = 0; i2 < 2; i2++) {
    const relative3 = normalCdf(x2) / p - 1;
    const u = relative3 * Math.exp(Math.log(p) + x2 * x2 / 2 + LN_SQRT_2PI);
    x2 -= u / (1 + x2 * u / 2);
  }
  return x2;
}
function normalQuantile(p) {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  return p < 0.5 ? normalLowerQuantile(p) : -normalLowerQuantile(1 - p);
}
function hillTail(t, df) {
  const a = df - 0.5;
  const b = 48 * a * a;
  const y = a * Math.log1p(t * t / df);
  if (!(y < 1e5)) return 0;
  const z = (((((-0.4 * y - 3.3) * y - 24) * y - 85.5) / (0.8 * y * y + 100 + b) + y + 3) / b + 1) * Math.sqrt(y);
  return normalSf(z);
}
function studentTailBeyond(t, df) {
  const at = Math.abs(t);
  if (at === Infinity) return 0;
  if (df === Infinity) return normalSf(at);
  if (df >= 1e4) return hillTail(at, df);
  const t2 = at * at;
  if (!(t2 < 1e280 * df)) {
    const a = df / 2;
    const lnx = Math.log(df) - 2 * Math.log(at);
    return 0.5 * Math.exp(a * lnx - logBeta(a, 0.5)) / a;
  }
  return 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t2), t2 / (df + t2));
}
function studentTTails(t, df) {
  if (Number.isNaN(t) || Number.isNaN(df)) return [NaN, NaN];
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  const tail = studentTailBeyond(t, df);
  return [t < 0 ? tail : 1 - tail, -t < 0 ? tail : 1 - tail];
}
function studentTPdf(t, df) {
  if (df === Infinity) return normalPdf(t);
  return Math.exp(-((df + 1) / 2) * Math.log1p(t * t / df) - 0.5 * Math.log(df) - logBeta(df / 2, 0.5));
}
function cornishFisher(z, df) {
  const z2 = z * z;
  const g1 = z * (z2 + 1) / 4;
  if (df < 3) return z + g1 / df;
  const g2 = z * ((5 * z2 + 16) * z2 + 3) / 96;
  const g3 = z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384;
  const g4 = z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}
function studentUpperQuantile(q, df) {
  if (df === 1) return 1 / Math.tan(Math.PI * q);
  if (df === Infinity) return -normalLowerQuantile(q);
  if ((df < 1 || q < 1e-300) && studentTailBeyond(Number.MAX_VALUE, df) > q) return Infinity;
  const z = -normalLowerQuantile(q);
  let t = df === 2 ? (1 - 2 * q) / Math.sqrt(2 * q * (1 - q)) : cornishFisher(z, df);
  if (!(t > 0) || !Number.isFinite(t)) t = 1;
  let u = Math.log(t);
  let lo = -Infinity;
  let hi = Math.log(Number.MAX_VALUE);
  const target = Math.log(q);
  for (let i2 = 0; i2 < 400; i2++) {
    t = Math.exp(u);
    const sf = studentTailBeyond(t, df);
    const f = Math.log(sf) - target;
    if (f === 0) return t;
    if (f > 0) lo = u;
    else hi = u;
    const slope = -t * studentTPdf(t, df) / sf;
    let next = u - f / slope;
    if (!(next > lo && next < hi)) next = lo === -Infinity ? u - 2 : (lo + hi) / 2;
    if (Math.abs(next - u) <= 4e-16 * Math.max(1, Math.abs(u))) return Math.exp(next);
    u = next;
  }
  return Math.exp(u);
}
function studentTQuantile(p, df) {
  if (Number.isNaN(p) || Number.isNaN(df) || p < 0 || p > 1) return NaN;
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  return p < 0.5 ? -studentUpperQuantile(p, df) : studentUpperQuantile(1 - p, df);
}
function checkBinomial(n, p) {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
}
function binomialCdf(k, n, p) {
  checkBinomial(n, p);
  const kk = Math.floor(k);
  if (kk < 0) return 0;
  if (kk >= n) return 1;
  if (p === 0) return 1;
  if (p === 1) return 0;
  return incompleteBeta(n - kk, kk + 1, 1 - p, p);
}
function binomialSf(k, n, p) {
  checkBinomial(n, p);
  const kk = Math.floor(k);
  if (kk < 0) return 1;
  if (kk >= n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  return incompleteBeta(kk + 1, n - kk, p, 1 - p);
}
function binomialPmf(k, n, p) {
  checkBinomial(n, p);
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  const logChoose = -Math.log(n + 1) - logBeta(n - k + 1, k + 1);
  return Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

// packages/core/src/stats/noise.ts
var DEFAULT_HISTORY_WINDOW = 30;
var MIN_HISTORY_RECORDS = 6;
var MIN_HISTORY_DF = 2;
var OUTLIER_CUT = 4;
var DIFFERENCE_CUT = 3;
var DIFFERENCES_DF_EFFICIENCY = 0.85;
function truncatedVariance(c) {
  const density = Math.exp(-(c * c) / 2) / Math.sqrt(2 * Math.PI);
  return 1 - 2 * c * density / (2 * normalCdf(c) - 1);
}
var MAD_SCALE = 1.482602218505602;
var POOLING_ALPHA = 0.01;
function estimateNoise(records, options = {}) {
  const window = options.window ?? DEFAULT_HISTORY_WINDOW;
  if (!Number.isInteger(window) || window < MIN_HISTORY_RECORDS)
    throw new RangeError(`window must be a whole number >= ${MIN_HISTORY_RECORDS}, got ${window}`);
  let nonFinite2 = 0;
  const usable = [];
  for (const record3 of records) {
    const finite3 = record3.filter((v) => Number.isFinite(v));
    nonFinite2 += record3.length - finite3.length;
    if (finite3.length > 0) usable.push(finite3);
  }
  const recent = usable.slice(-window);
  const withRepeats = recent.filter((r) => r.length >= 2);
  const repeatsDf = withRepeats.reduce((sum, r) => sum + r.length - 1, 0);
  const estimate = repeatsDf >= MIN_HISTORY_DF ? withinRecords(withRepeats) : recent.length >= MIN_HISTORY_RECORDS ? (
    // One run of each record: a mean of several runs would be less noisy than one run.
    successiveDifferences(recent.map((r) => r[0]))
  ) : void 0;
  if (estimate === void 0) {
    return {
      kind: "insufficient",
      reason: `the history has ${recent.length} ${recent.length === 1 ? "record" : "records"} of this metric; at least ${MIN_HISTORY_RECORDS} are needed to estimate its noise`
    };
  }
  if (estimate.df < MIN_HISTORY_DF) {
    return {
      kind: "insufficient",
      reason: `after leaving out ${estimate.outliers} outlying values, the history has too few left to estimate the noise`
    };
  }
  return {
    kind: "ok",
    sd: Math.sqrt(estimate.ss / estimate.df),
    ss: estimate.ss,
    df: estimate.df,
    method: estimate.method,
    records: recent.length,
    outliers: estimate.outliers,
    nonFinite: nonFinite2
  };
}
function withinRecords(records) {
  const distances = records.map(
    (record3) => record3.map((x2, j) => Math.abs(x2 - median(record3.filter((_, k) => k !== j))))
  );
  const scale = MAD_SCALE * median(distances.flat());
  let ss = 0;
  let df = 0;
  let outliers = 0;
  records.forEach((record3, i2) => {
    const kept = scale > 0 ? record3.filter((_, j) => distances[i2][j] <= OUTLIER_CUT * scale) : record3;
    outliers += record3.length - kept.length;
    if (kept.length < 2) return;
    const mean = sampleMean(kept);
    for (const x2 of kept) ss += (x2 - mean) ** 2;
    df += kept.length - 1;
  });
  return { ss, df, method: "repeats", outliers };
}
function successiveDifferences(values) {
  const diffs = [];
  for (let i2 = 1; i2 < values.length; i2++) diffs.push(values[i2] - values[i2 - 1]);
  const centre = median(diffs);
  const scale = MAD_SCALE * median(diffs.map((d) => Math.abs(d - centre)));
  const trimmed = scale > 0;
  const kept = trimmed ? diffs.filter((d) => Math.abs(d - centre) <= DIFFERENCE_CUT * scale) : diffs;
  const m = kept.length;
  if (m < 2) return { ss: 0, df: 0, method: "successive differences", outliers: diffs.length - m };
  const mean = sampleMean(kept);
  const variance = kept.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (2 * (m - 1 / m)) / (trimmed ? truncatedVariance(DIFFERENCE_CUT) : 1);
  const df = Math.max(0, (2 * m * m / (3 * m - 1) - 1) * DIFFERENCES_DF_EFFICIENCY);
  return { ss: variance * df, df, method: "successive differences", outliers: diffs.length - m };
}
function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function sumOfSquares(values) {
  if (values.length < 2) return { ss: 0, df: 0 };
  const mean = sampleMean(values);
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { ss, df: values.length - 1 };
}
function poolingCheck(head, history) {
  const { ss, df } = sumOfSquares(head);
  if (df === 0) return void 0;
  const variance = ss / df;
  const historyVariance = history.ss / history.df;
  if (historyVariance === 0) return { p: variance === 0 ? 1 : 0, sd: Math.sqrt(variance) };
  const f = variance / historyVariance;
  const p = betaInc(history.df / 2, df / 2, history.df / (history.df + df * f));
  return { p, sd: Math.sqrt(variance) };
}
function pooledTest(a, b, history, options = {}) {
  const level = options.level ?? 0.95;
  const hypothesis = options.null ?? 0;
  const nA = a.length;
  const nB = b.length;
  if (nA === 0 || nB === 0) throw new RangeError("pooledTest needs at least one value per side");
  const meanA = sampleMean(a);
  const meanB = sampleMean(b);
  const diff = meanB - meanA;
  const sa = sumOfSquares(a);
  const sb = sumOfSquares(b);
  let sd;
  let se;
  let df;
  if (options.headApart === true && sb.df > 0) {
    const dfA = history.df + sa.df;
    const varA = (history.ss + sa.ss) / dfA;
    const vA = varA / nA;
    const vB = sb.ss / sb.df / nB;
    sd = Math.sqrt(varA);
    se = Math.sqrt(vA + vB);
    df = vA + vB === 0 ? dfA + sb.df : (vA + vB) ** 2 / (vA * vA / dfA + vB * vB / sb.df);
  } else {
    df = history.df + sa.df + sb.df;
    sd = Math.sqrt((history.ss + sa.ss + sb.ss) / df);
    se = sd * Math.sqrt(1 / nA + 1 / nB);
  }
  const common = { kind: "ok", meanA, meanB, nA, nB, diff, null: hypothesis, sd, se, df, level };
  if (se === 0) {
    const away = diff - hypothesis;
    return {
      ...common,
      t: away === 0 ? 0 : away > 0 ? Infinity : -Infinity,
      pLess: away < 0 ? 0 : 1,
      pGreater: away > 0 ? 0 : 1,
      ci: [diff, diff],
      note: "the history and the runs have no spread: the difference is exact, not noise"
    };
  }
  const t = (diff - hypothesis) / se;
  const q = studentTQuantile(1 - (1 - level) / 2, df);
  const tails = studentTTails(t, df);
  return {
    ...common,
    t,
    pLess: tails[0],
    pGreater: tails[1],
    ci: [diff - q * se, diff + q * se]
  };
}

// packages/core/src/stats/welch.ts
function checkLevel(level) {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
}
function pOneSided(result, direction) {
  return direction === "higher" ? result.pLess : result.pGreater;
}
function welchTest(a, b, options = {}) {
  const level = options.level ?? 0.95;
  const hypothesis = options.null ?? 0;
  checkLevel(level);
  if (!Number.isFinite(hypothesis)) throw new RangeError(`null must be a finite number, got ${hypothesis}`);
  const bad = findNonFinite("a", a) ?? findNonFinite("b", b);
  if (bad !== void 0) return { kind: "invalid", error: bad };
  const nA = a.length;
  const nB = b.length;
  if (nA < 2 || nB < 2) {
    return {
      kind: "insufficient",
      reason: `Welch's t-test needs at least 2 values on each side to estimate their spread; got ${nA} and ${nB}`
    };
  }
  const meanA = sampleMean(a);
  const meanB = sampleMean(b);
  const varA = sampleVariance(a, meanA);
  const varB = sampleVariance(b, meanB);
  const diff = meanB - meanA;
  const vA = varA / nA;
  const vB = varB / nB;
  const se = Math.sqrt(vA + vB);
  const base = {
    meanA,
    meanB,
    sdA: Math.sqrt(varA),
    sdB: Math.sqrt(varB),
    nA,
    nB,
    diff,
    null: hypothesis,
    level
  };
  if (se === 0) {
    const away = diff - hypothesis;
    const result2 = {
      kind: "ok",
      ...base,
      se: 0,
      t: away === 0 ? 0 : away > 0 ? Infinity : -Infinity,
      df: nA + nB - 2,
      pTwoSided: away === 0 ? 1 : 0,
      pLess: away < 0 ? 0 : 1,
      pGreater: away > 0 ? 0 : 1,
      ci: [diff, diff],
      note: diff === 0 ? "both samples are constant and equal: no difference (p = 1)" : "both samples are constant: the difference is exact, not noise"
    };
    if (options.direction !== void 0) result2.pWorse = pOneSided(result2, options.direction);
    return result2;
  }
  const t = (diff - hypothesis) / se;
  const scale = Math.max(vA, vB);
  const wA = vA / scale;
  const wB = vB / scale;
  const df = (wA + wB) ** 2 / (wA * wA / (nA - 1) + wB * wB / (nB - 1));
  const [pLess, pGreater] = studentTTails(t, df);
  const pTwoSided = Math.min(1, 2 * Math.min(pLess, pGreater));
  const q = studentTQuantile(1 - (1 - level) / 2, df);
  const result = {
    kind: "ok",
    ...base,
    se,
    t,
    df,
    pTwoSided,
    pLess,
    pGreater,
    ci: [diff - q * se, diff + q * se]
  };
  if (options.direction !== void 0) result.pWorse = pOneSided(result, options.direction);
  return result;
}

// packages/core/src/stats/difference.ts
function formatShort(x2) {
  return x2 < 1e-4 ? "< 0.0001" : String(Number(x2.toPrecision(2)));
}
function noiseModel(base, head, history) {
  if (history !== void 0 && history.kind === "ok") {
    const check = poolingCheck(head, history);
    if (check === void 0 || check.p >= POOLING_ALPHA) return { kind: "history", history };
    const note = `the pull request's runs spread more than the base branch's history (sd ${formatShort(check.sd)} against ${formatShort(history.sd)}, F-test p = ${formatShort(check.p)}), so its side uses its own spread`;
    return { kind: "history", history, headApart: true, note };
  }
  if (base.length >= 2 && head.length >= 2) return { kind: "welch" };
  const why = history !== void 0 && history.kind === "insufficient" ? ` (${history.reason})` : "";
  return {
    kind: "none",
    reason: `a statistical gate needs at least 2 runs on each side (seeds, folds) or the base branch's history of this metric${why}; got ${base.length} and ${head.length}`
  };
}
function differenceNoise(base, head, history, level = 0.95) {
  if (base.length === 0 || head.length === 0) return void 0;
  if (![...base, ...head].every((v) => Number.isFinite(v))) return void 0;
  const b = base.map(roundNoise);
  const h = head.map(roundNoise);
  const model = noiseModel(b, h, history);
  const rounded = (ci) => [roundNoise(ci[0]), roundNoise(ci[1])];
  if (model.kind === "history") {
    const r = pooledTest(b, h, model.history, { level, headApart: model.headApart === true });
    return {
      ci: rounded(r.ci),
      level,
      method: "history",
      history: { records: model.history.records, sd: model.history.sd }
    };
  }
  if (model.kind === "welch") {
    const r = welchTest(b, h, { level });
    if (r.kind !== "ok") return void 0;
    return { ci: rounded(r.ci), level, method: "welch" };
  }
  return void 0;
}

// packages/core/src/stats/family.ts
var CORRECTIONS = ["holm", "bonferroni", "bh", "none"];
var DEFAULT_CORRECTION = "holm";
var CORRECTION_NAMES = {
  holm: "Holm",
  bonferroni: "Bonferroni",
  bh: "Benjamini\u2013Hochberg",
  none: "no"
};
function adjustPValues(ps, correction) {
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`p values must be in [0, 1], got ${p}`);
  const m = ps.length;
  if (correction === "none" || m <= 1) return [...ps];
  if (correction === "bonferroni") return ps.map((p) => Math.min(1, p * m));
  const order = ps.map((p, i2) => ({ p, i: i2 })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array(m);
  if (correction === "holm") {
    let running2 = 0;
    order.forEach(({ p, i: i2 }, rank) => {
      running2 = Math.max(running2, Math.min(1, (m - rank) * p));
      adjusted[i2] = running2;
    });
    return adjusted;
  }
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i: i2 } = order[rank - 1];
    running = Math.min(running, p * m / rank);
    adjusted[i2] = running;
  }
  return adjusted;
}

// packages/core/src/stats/random.ts
var DEFAULT_SEED = 20240611;
function splitmix32(state) {
  state.s = state.s + 2654435769 | 0;
  let z = state.s;
  z = Math.imul(z ^ z >>> 16, 2246822507);
  z = Math.imul(z ^ z >>> 13, 3266489909);
  return (z ^ z >>> 16) >>> 0;
}
function createRandom(seed = DEFAULT_SEED) {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const whole = Math.floor(seed);
  const frac = Math.floor((seed - whole) * 2 ** 32) >>> 0;
  const st = { s: whole >>> 0 ^ Math.imul(Math.floor(whole / 2 ** 32) >>> 0, 668265261) ^ frac };
  let a = splitmix32(st);
  let b = splitmix32(st);
  let c = splitmix32(st);
  let d = splitmix32(st);
  if ((a | b | c | d) === 0) a = 1;
  function nextUint32() {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  }
  let spare;
  const random = {
    next() {
      const hi = nextUint32() >>> 5;
      const lo = nextUint32() >>> 6;
      return (hi * 67108864 + lo) / 9007199254740992;
    },
    int(n) {
      return Math.floor(random.next() * n);
    },
    normal() {
      if (spare !== void 0) {
        const s = spare;
        spare = void 0;
        return s;
      }
      for (; ; ) {
        const u = 2 * random.next() - 1;
        const v = 2 * random.next() - 1;
        const s = u * u + v * v;
        if (s > 0 && s < 1) {
          const m = Math.sqrt(-2 * Math.log(s) / s);
          spare = v * m;
          return u * m;
        }
      }
    }
  };
  return random;
}
function rotl(x2, k) {
  return x2 << k | x2 >>> 32 - k;
}

// packages/core/src/stats/bootstrap.ts
var DEFAULT_RESAMPLES = 1e4;
function validateResamples(resamples) {
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a whole number >= 1, got ${resamples}`);
  }
}
function tailOrder(tail, resamples) {
  let k = Math.max(0, Math.floor(tail * (resamples + 1)));
  while (k > 0 && k / (resamples + 1) > tail) k--;
  while ((k + 1) / (resamples + 1) <= tail) k++;
  return k;
}
function tailOf(options) {
  if (options.alpha !== void 0) {
    if (!(options.alpha > 0 && options.alpha < 0.5))
      throw new RangeError(`alpha must be in (0, 0.5), got ${options.alpha}`);
    return { tail: options.alpha, level: 1 - 2 * options.alpha };
  }
  const level = options.level ?? 0.95;
  checkLevel(level);
  return { tail: (1 - level) / 2, level };
}
function resamplesFor(tail, wanted = DEFAULT_RESAMPLES) {
  return Math.max(wanted, Math.ceil(20 / tail) - 1);
}
function bootstrapMeanDiff(a, b, options = {}) {
  const { tail, level } = tailOf(options);
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const interval2 = options.interval ?? "studentized";
  const hypothesis = options.null ?? 0;
  validateResamples(resamples);
  checkTail(tail, resamples);
  const bad = findNonFinite("a", a) ?? findNonFinite("b", b);
  if (bad !== void 0) return { kind: "invalid", error: bad };
  const nA = a.length;
  const nB = b.length;
  if (nA < 2 || nB < 2) {
    return {
      kind: "insufficient",
      reason: `the bootstrap needs at least 2 values on each side; got ${nA} and ${nB}`
    };
  }
  const meanA = sampleMean(a);
  const meanB = sampleMean(b);
  const diff = meanB - meanA;
  const se = Math.sqrt(sampleVariance(a, meanA) / nA + sampleVariance(b, meanB) / nB);
  const summary2 = interval2 === "studentized" ? summariseStudentized(
    studentizedResamples(a, b, meanA, meanB, seed, resamples),
    diff,
    se,
    tail,
    hypothesis
  ) : summarise(
    differenceResamples(a, b, seed, resamples),
    diff,
    tail,
    interval2,
    hypothesis,
    () => acceleration(a, b, meanA, meanB)
  );
  const result = {
    kind: "ok",
    diff,
    se,
    ci: summary2.ci,
    level,
    resamples,
    seed,
    interval: interval2,
    meanA,
    meanB,
    nA,
    nB,
    null: hypothesis,
    pLess: summary2.pLess,
    pGreater: summary2.pGreater
  };
  if (summary2.note !== void 0) result.note = summary2.note;
  if (options.direction !== void 0) result.pWorse = pOneSided(result, options.direction);
  return result;
}
function differenceResamples(a, b, seed, resamples) {
  const nA = a.length;
  const nB = b.length;
  const rng = createRandom(seed);
  const diffs = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sa = 0;
    for (let i2 = 0; i2 < nA; i2++) sa += a[rng.int(nA)];
    let sb = 0;
    for (let i2 = 0; i2 < nB; i2++) sb += b[rng.int(nB)];
    diffs[r] = sb / nB - sa / nA;
  }
  return diffs;
}
function studentizedResamples(a, b, meanA, meanB, seed, resamples) {
  const nA = a.length;
  const nB = b.length;
  const ca = Float64Array.from(a, (v) => v - meanA);
  const cb = Float64Array.from(b, (v) => v - meanB);
  const rng = createRandom(seed);
  const t = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sa = 0;
    let qa = 0;
    for (let i2 = 0; i2 < nA; i2++) {
      const v = ca[rng.int(nA)];
      sa += v;
      qa += v * v;
    }
    let sb = 0;
    let qb = 0;
    for (let i2 = 0; i2 < nB; i2++) {
      const v = cb[rng.int(nB)];
      sb += v;
      qb += v * v;
    }
    const ma = sa / nA;
    const mb = sb / nB;
    const va = Math.max(0, (qa - sa * ma) / (nA - 1));
    const vb = Math.max(0, (qb - sb * mb) / (nB - 1));
    t[r] = studentize(mb - ma, Math.sqrt(va / nA + vb / nB));
  }
  return t;
}
function studentize(shift, se) {
  if (se > 0) return shift / se;
  return shift === 0 ? 0 : shift > 0 ? Infinity : -Infinity;
}
function acceleration(a, b, meanA, meanB) {
  let num = 0;
  let den = 0;
  for (const v of b) {
    const u = (v - meanB) / b.length;
    num += u * u * u;
    den += u * u;
  }
  for (const v of a) {
    const u = -(v - meanA) / a.length;
    num += u * u * u;
    den += u * u;
  }
  return den === 0 ? 0 : num / (6 * den ** 1.5);
}
function checkTail(tail, resamples) {
  if (tailOrder(tail, resamples) < 1) {
    throw new RangeError(
      `${resamples} resamples cannot give a one-sided tail of ${tail}: use at least ${Math.ceil(1 / tail) - 1}`
    );
  }
}
function summariseStudentized(t, diff, se, tail, hypothesis) {
  const R = t.length;
  if (!(se > 0)) {
    return {
      ci: [diff, diff],
      pLess: diff < hypothesis ? 0 : 1,
      pGreater: diff > hypothesis ? 0 : 1,
      note: diff === hypothesis ? "the data have no spread and the difference is exactly as tested (p = 1)" : "the data have no spread: the difference is exact, not noise"
    };
  }
  const bounds = t.map((x2) => diff - x2 * se).sort();
  const k = tailOrder(tail, R);
  let atLeast = 0;
  let atMost = 0;
  for (const b of bounds) {
    if (b >= hypothesis) atLeast++;
    if (b <= hypothesis) atMost++;
  }
  return {
    ci: [bounds[k - 1], bounds[R - k]],
    pLess: (1 + atLeast) / (R + 1),
    pGreater: (1 + atMost) / (R + 1)
  };
}
function summarise(diffs, observed, tail, interval2, hypothesis, accelerationOf) {
  const R = diffs.length;
  let notBelow = 0;
  let notAbove = 0;
  let below = 0;
  let equal = 0;
  for (const d of diffs) {
    if (d >= hypothesis) notBelow++;
    if (d <= hypothesis) notAbove++;
    if (d < observed) below++;
    else if (d === observed) equal++;
  }
  diffs.sort();
  const k = tailOrder(tail, R);
  let ci = [diffs[k - 1], diffs[R - k]];
  let note;
  if (interval2 === "bca") {
    const share = (below + 0.5 * equal) / R;
    const z0 = normalQuantile(share);
    if (!Number.isFinite(z0)) {
      note = "BCa not possible (every resample on one side of the estimate); percentile interval used";
    } else {
      const acc = accelerationOf();
      const adjust = (p) => {
        const z = normalQuantile(p);
        return normalCdf(z0 + (z0 + z) / (1 - acc * (z0 + z)));
      };
      ci = [quantileSorted(diffs, adjust(tail)), quantileSorted(diffs, adjust(1 - tail))];
    }
  }
  if (diffs[0] === diffs[R - 1]) note = "every resample gave the same difference: the data have no spread";
  const summary2 = {
    ci,
    pLess: (1 + notBelow) / (R + 1),
    pGreater: (1 + notAbove) / (R + 1)
  };
  if (note !== void 0) summary2.note = note;
  return summary2;
}

// packages/core/src/stats/quantile.ts
function quantile(values, q) {
  return quantileSorted(Float64Array.from(values).sort(), q);
}
var MIN_TAIL_SAMPLES = 5;
function minSamplesFor(q) {
  const tail = Math.min(q, 1 - q);
  return Math.ceil(MIN_TAIL_SAMPLES / tail - 1e-9);
}
function quantileChangeTest(input) {
  const { q, alpha, limit } = input;
  if (!(q > 0 && q < 1)) throw new RangeError(`q must be strictly between 0 and 1, got ${q}`);
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`alpha must be in (0, 0.5), got ${alpha}`);
  if (!(limit >= 0 && Number.isFinite(limit)))
    throw new RangeError(`limit must be a finite number >= 0, got ${limit}`);
  const resamples = input.resamples ?? resamplesFor(alpha, DEFAULT_RESAMPLES);
  if (!Number.isInteger(resamples) || tailOrder(alpha, resamples) < 1)
    throw new RangeError(`${resamples} resamples cannot give a one-sided tail of ${alpha}`);
  const seed = input.seed ?? DEFAULT_SEED;
  const bad = findNonFinite("base", input.base) ?? findNonFinite("head", input.head);
  if (bad !== void 0) return { kind: "invalid", reason: bad };
  const nBase = input.base.length;
  const nHead = input.head.length;
  const needed = minSamplesFor(q);
  if (nBase < needed || nHead < needed) {
    return {
      kind: "insufficient",
      reason: `the bootstrap of the ${quantileLabel(q)} needs at least ${needed} samples per side (${MIN_TAIL_SAMPLES} beyond the quantile); got ${nBase} and ${nHead}`
    };
  }
  const base = Float64Array.from(input.base).sort();
  const head = Float64Array.from(input.head).sort();
  const qBase = quantileSorted(base, q);
  const qHead = quantileSorted(head, q);
  const relative3 = input.scale === "relative";
  if (relative3 && !(qBase > 0)) {
    return {
      kind: "insufficient",
      reason: `a change relative to the base's ${quantileLabel(q)} needs it to be above 0; it is ${qBase}`
    };
  }
  const change = (h, b) => {
    if (!relative3) return roundNoise(h - b);
    if (b > 0) return roundNoise(h / b - 1);
    return h === b ? 0 : h > b ? Infinity : -Infinity;
  };
  const rng = createRandom(seed);
  const onScale = new Float64Array(resamples);
  const absolute = new Float64Array(resamples);
  let notAbove = 0;
  let notBelow = 0;
  for (let r = 0; r < resamples; r++) {
    const b = resampledQuantile(base, q, rng);
    const h = resampledQuantile(head, q, rng);
    const theta = change(h, b);
    onScale[r] = theta;
    absolute[r] = relative3 ? roundNoise(h - b) : theta;
    if (theta <= limit) notAbove++;
    if (theta >= -limit) notBelow++;
  }
  const pRise = (1 + notAbove) / (resamples + 1);
  const pDrop = (1 + notBelow) / (resamples + 1);
  const p = input.alternative === "rise" ? pRise : input.alternative === "drop" ? pDrop : Math.min(1, 2 * Math.min(pRise, pDrop));
  onScale.sort();
  absolute.sort();
  const k = tailOrder(alpha, resamples);
  return {
    kind: "ok",
    q,
    base: qBase,
    head: qHead,
    nBase,
    nHead,
    scale: input.scale,
    estimate: change(qHead, qBase),
    ci: [onScale[k - 1], onScale[resamples - k]],
    ciAbsolute: [absolute[k - 1], absolute[resamples - k]],
    level: 1 - 2 * alpha,
    p,
    resamples,
    seed
  };
}
function quantileLabel(q) {
  return `p${Number((q * 100).toPrecision(6))}`;
}
function resampledQuantile(sorted, q, rng) {
  const n = sorted.length;
  if (n === 1) return sorted[0];
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const frac = h - lo;
  const k = lo + 1;
  const u = betaSample(rng, k, n - k + 1);
  const first = sorted[Math.min(n - 1, Math.floor(n * u))];
  if (frac === 0 || k >= n) return first;
  const next = u + (1 - u) * -Math.expm1(Math.log(rng.next()) / (n - k));
  const second = sorted[Math.min(n - 1, Math.floor(n * next))];
  return first + frac * (second - first);
}
function betaSample(rng, a, b) {
  const x2 = gammaSample(rng, a);
  const y = gammaSample(rng, b);
  return x2 / (x2 + y);
}
function gammaSample(rng, shape) {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (; ; ) {
    let x2;
    let v;
    do {
      x2 = rng.normal();
      v = 1 + c * x2;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    const x22 = x2 * x2;
    if (u < 1 - 0.0331 * x22 * x22) return d * v;
    if (Math.log(u) < 0.5 * x22 + d * (1 - v + Math.log(v))) return d * v;
  }
}

// packages/core/src/stats/mcnemar.ts
function isCount(v) {
  return Number.isInteger(v) && v >= 0;
}
function mcnemarCounts(baseCorrect, headCorrect) {
  if (baseCorrect.length !== headCorrect.length) {
    return {
      kind: "invalid",
      error: `paired outcomes need one base and one head value per example; got ${baseCorrect.length} and ${headCorrect.length}`
    };
  }
  const counts = { bothCorrect: 0, baseOnly: 0, headOnly: 0, neitherCorrect: 0 };
  for (let i2 = 0; i2 < baseCorrect.length; i2++) {
    const x2 = toBit(baseCorrect[i2]);
    if (x2 === void 0)
      return { kind: "invalid", error: `base[${i2}] is ${String(baseCorrect[i2])}, expected 0/1 or a boolean` };
    const y = toBit(headCorrect[i2]);
    if (y === void 0)
      return { kind: "invalid", error: `head[${i2}] is ${String(headCorrect[i2])}, expected 0/1 or a boolean` };
    if (x2 && y) counts.bothCorrect++;
    else if (x2) counts.baseOnly++;
    else if (y) counts.headOnly++;
    else counts.neitherCorrect++;
  }
  return counts;
}
function toBit(v) {
  if (v === true || v === 1) return true;
  if (v === false || v === 0) return false;
  return void 0;
}
function mcnemarTest(counts) {
  for (const [key, v] of Object.entries(counts)) {
    if (!isCount(v))
      return { kind: "invalid", error: `${key} must be a whole number >= 0, got ${v}` };
  }
  const { bothCorrect, baseOnly: b, headOnly: c, neitherCorrect } = counts;
  const n = bothCorrect + b + c + neitherCorrect;
  if (n === 0) return { kind: "insufficient", reason: "no paired examples to compare" };
  const m = b + c;
  const accuracyBase = (bothCorrect + b) / n;
  const accuracyHead = (bothCorrect + c) / n;
  const base = {
    kind: "ok",
    counts: { ...counts },
    n,
    discordant: m,
    accuracyBase,
    accuracyHead,
    diff: (c - b) / n
  };
  if (m === 0) {
    return {
      ...base,
      pTwoSided: 1,
      pHeadWorse: 1,
      pHeadBetter: 1,
      midPTwoSided: 1,
      midPHeadWorse: 1,
      midPHeadBetter: 1,
      note: "base and head are right and wrong on exactly the same examples"
    };
  }
  const k = Math.min(b, c);
  const lowerTail = binomialCdf(k, m, 0.5);
  const pmfK = binomialPmf(k, m, 0.5);
  const upper = (x2) => binomialSf(x2 - 1, m, 0.5);
  const mid = (x2) => binomialSf(x2, m, 0.5) + 0.5 * binomialPmf(x2, m, 0.5);
  return {
    ...base,
    pTwoSided: Math.min(1, 2 * lowerTail),
    pHeadWorse: upper(b),
    pHeadBetter: upper(c),
    midPTwoSided: Math.min(1, 2 * (lowerTail - 0.5 * pmfK)),
    midPHeadWorse: mid(b),
    midPHeadBetter: mid(c)
  };
}
var ABOVE_HALF = 0.5 + Number.EPSILON / 2;
function lowerShareBound(k, other, alpha, p) {
  if (k === 0) return 0;
  const bound = betaQuantile(alpha, k, other + 1);
  if (p <= alpha) return bound > 0.5 ? bound : ABOVE_HALF;
  return bound > 0.5 ? 0.5 : bound;
}
function mcnemarInterval(counts, level) {
  let alpha;
  let twoSided;
  if (typeof level === "number") {
    if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
    alpha = (1 - level) / 2;
    twoSided = level;
  } else {
    alpha = level.alpha;
    if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`alpha must be in (0, 0.5), got ${alpha}`);
    twoSided = 1 - 2 * alpha;
  }
  const r = mcnemarTest(counts);
  if (r.kind !== "ok") return r;
  const m = r.discordant;
  if (m === 0) return { ...r, level: twoSided, alpha, ci: [0, 0], piCi: [0, 1] };
  const b = r.counts.baseOnly;
  const c = r.counts.headOnly;
  const scale = m / r.n;
  const piLow = lowerShareBound(b, c, alpha, r.pHeadWorse);
  const piLowMirrored = lowerShareBound(c, b, alpha, r.pHeadBetter);
  return {
    ...r,
    level: twoSided,
    alpha,
    ci: [scale * (2 * piLowMirrored - 1), scale * (1 - 2 * piLow)],
    piCi: [piLow, 1 - piLowMirrored]
  };
}

// packages/core/src/stats/paired.ts
function pairedBootstrap(base, head, options = {}) {
  const { tail, level } = tailOf(options);
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const interval2 = options.interval ?? "studentized";
  const hypothesis = options.null ?? 0;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a whole number >= 1, got ${resamples}`);
  }
  if (tailOrder(tail, resamples) < 1) {
    throw new RangeError(`${resamples} resamples are too few for a ${level} interval`);
  }
  const bad = findNonFinite("base", base) ?? findNonFinite("head", head);
  if (bad !== void 0) return { kind: "invalid", error: bad };
  if (base.length !== head.length) {
    return {
      kind: "invalid",
      error: `paired scores need one base and one head value per example; got ${base.length} and ${head.length}`
    };
  }
  const n = base.length;
  if (n < 2)
    return { kind: "insufficient", reason: `the paired bootstrap needs at least 2 examples; got ${n}` };
  const d = Float64Array.from(head, (h, i2) => h - base[i2]);
  const diff = sampleMean(Array.from(d));
  const se = Math.sqrt(sampleVariance(Array.from(d), diff) / n);
  const summary2 = interval2 === "studentized" ? summariseStudentized(studentizedMeans(d, diff, seed, resamples), diff, se, tail, hypothesis) : summarise(resampledMeans(d, seed, resamples), diff, tail, "percentile", hypothesis, () => 0);
  const result = {
    kind: "ok",
    n,
    diff,
    se,
    meanBase: sampleMean(base),
    meanHead: sampleMean(head),
    ci: summary2.ci,
    level,
    resamples,
    seed,
    interval: interval2,
    null: hypothesis,
    pLess: summary2.pLess,
    pGreater: summary2.pGreater
  };
  if (summary2.note !== void 0) result.note = summary2.note;
  if (options.direction !== void 0) result.pWorse = pOneSided(result, options.direction);
  return result;
}
function resampledMeans(d, seed, resamples) {
  const n = d.length;
  const rng = createRandom(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i2 = 0; i2 < n; i2++) s += d[rng.int(n)];
    means[r] = s / n;
  }
  return means;
}
function studentizedMeans(d, mean, seed, resamples) {
  const n = d.length;
  const centred = Float64Array.from(d, (x2) => x2 - mean);
  const rng = createRandom(seed);
  const t = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    let q = 0;
    for (let i2 = 0; i2 < n; i2++) {
      const x2 = centred[rng.int(n)];
      s += x2;
      q += x2 * x2;
    }
    const m = s / n;
    const variance = Math.max(0, (q - s * m) / (n - 1));
    t[r] = studentize(m, Math.sqrt(variance / n));
  }
  return t;
}

// packages/core/src/stats/regression.ts
var MAX_ALPHA = 0.5;
var DEFAULT_ALPHA = 0.05;
var MIN_BOOTSTRAP_RUNS = 15;
var MIN_PAIRED_EXAMPLES = 15;
var METHOD_NAMES = {
  welch: "Welch's t-test",
  bootstrap: "studentized bootstrap",
  history: "t-test with the base branch's noise",
  "paired-bootstrap": "paired studentized bootstrap",
  mcnemar: "McNemar's exact test"
};
function checkCommon(alpha, minEffect, ciLevel) {
  if (!(alpha > 0 && alpha < MAX_ALPHA))
    throw new RangeError(`alpha must be in (0, ${MAX_ALPHA}), got ${alpha}`);
  if (minEffect !== void 0 && !(minEffect >= 0 && Number.isFinite(minEffect))) {
    throw new RangeError(`minEffect must be a finite number >= 0, got ${minEffect}`);
  }
  const level = ciLevel ?? 1 - 2 * alpha;
  if (!(level > 0 && level < 1)) throw new RangeError(`ciLevel must be in (0, 1), got ${level}`);
  return level;
}
function denoise(values) {
  return values.map((v) => typeof v === "number" ? roundNoise(v) : v);
}
function testRegression(input) {
  const { direction, alpha, minEffect } = input;
  const ciLevel = checkCommon(alpha, minEffect, input.ciLevel);
  const base = denoise(input.base);
  const head = denoise(input.head);
  const common = { method: input.method, direction, alpha, n: { base: base.length, head: head.length } };
  const bad = findNonFinite("base", base) ?? findNonFinite("head", head);
  if (bad !== void 0) return insufficient(common, "invalid-values", bad);
  if (base.length === 0 || head.length === 0)
    return insufficient(common, "too-few-values", `got ${base.length} and ${head.length} values`);
  const shift = minEffect ?? 0;
  const worseNull = direction === "higher" ? -shift : shift;
  const enoughForBootstrap = Math.min(base.length, head.length) >= MIN_BOOTSTRAP_RUNS;
  const notes = [];
  let outcome;
  if (input.method === "bootstrap" && enoughForBootstrap) {
    outcome = bootstrapOutcome(input, base, head, ciLevel, worseNull, common);
  } else {
    if (input.method === "bootstrap")
      notes.push(
        `the bootstrap needs at least ${MIN_BOOTSTRAP_RUNS} runs per side to keep false blocks at ${alpha}, so ${input.history?.kind === "ok" ? "the base branch's noise" : "Welch's t-test"} was used`
      );
    outcome = parametricOutcome(input, base, head, ciLevel, worseNull, common);
  }
  if ("verdict" in outcome) return outcome;
  outcome.notes.unshift(...notes);
  return decide(
    { ...common, method: outcome.method },
    {
      diff: outcome.diff,
      ci: outcome.ci,
      ciLevel,
      p: outcome.pWorse,
      pAnyWorsening: outcome.pWorseAtAll,
      pBetter: outcome.pBetter,
      mean: outcome.mean,
      minEffect,
      df: outcome.df,
      history: outcome.history,
      seed: outcome.seed,
      resamples: outcome.resamples,
      note: outcome.notes.length > 0 ? outcome.notes.join("; ") : void 0
    }
  );
}
function bootstrapOutcome(input, base, head, ciLevel, worseNull, common) {
  const options = {
    // With the default level, the bounds are set by alpha itself, so that p <= alpha and the
    // interval agree exactly (1 - 2 alpha loses bits on its way back to alpha).
    ...input.ciLevel === void 0 ? { alpha: input.alpha } : { level: ciLevel },
    seed: input.seed ?? DEFAULT_SEED,
    resamples: input.resamples ?? resamplesFor(input.alpha)
  };
  const shifted = bootstrapMeanDiff(base, head, { ...options, null: worseNull });
  if (shifted.kind !== "ok") return insufficientOf(common, shifted);
  const atZero = worseNull === 0 ? shifted : bootstrapMeanDiff(base, head, options);
  if (atZero.kind !== "ok") return insufficientOf(common, atZero);
  return outcomeOf("bootstrap", input.direction, shifted, atZero, {
    seed: shifted.seed,
    resamples: shifted.resamples,
    notes: shifted.note === void 0 ? [] : [shifted.note]
  });
}
function outcomeOf(method, direction, shifted, atZero, extra) {
  const higher = direction === "higher";
  return {
    method,
    diff: shifted.diff,
    ci: shifted.ci,
    pWorse: higher ? shifted.pLess : shifted.pGreater,
    pWorseAtAll: higher ? atZero.pLess : atZero.pGreater,
    pBetter: higher ? atZero.pGreater : atZero.pLess,
    mean: { base: shifted.meanA, head: shifted.meanB },
    ...extra
  };
}
function parametricOutcome(input, base, head, ciLevel, worseNull, common) {
  const model = noiseModel(base, head, input.history);
  if (model.kind === "none") return insufficient(common, "too-few-values", model.reason);
  if (model.kind === "history") {
    const history = model.history;
    const headApart = model.headApart === true;
    const shifted2 = pooledTest(base, head, history, { level: ciLevel, null: worseNull, headApart });
    const atZero2 = worseNull === 0 ? shifted2 : pooledTest(base, head, history, { level: ciLevel, headApart });
    return outcomeOf("history", input.direction, shifted2, atZero2, {
      df: shifted2.df,
      history: {
        records: history.records,
        df: history.df,
        sd: history.sd,
        method: history.method,
        outliers: history.outliers
      },
      notes: [model.note, shifted2.note].filter((n) => n !== void 0)
    });
  }
  const shifted = welchTest(base, head, { level: ciLevel, null: worseNull });
  const atZero = worseNull === 0 ? shifted : welchTest(base, head, { level: ciLevel });
  if (shifted.kind !== "ok") return insufficientOf(common, shifted);
  if (atZero.kind !== "ok") return insufficientOf(common, atZero);
  const notes = [model.note, shifted.note].filter((n) => n !== void 0);
  return outcomeOf("welch", input.direction, shifted, atZero, { df: shifted.df, notes });
}
function insufficientOf(common, r) {
  return r.kind === "invalid" ? insufficient(common, "invalid-values", r.error) : insufficient(common, "too-few-values", r.reason);
}
function formatSd(sd) {
  return String(Number(sd.toPrecision(2)));
}
function testPairedRegression(input) {
  const { direction, alpha, method } = input;
  const ciLevel = checkCommon(alpha, void 0, input.ciLevel);
  const common = { method, direction, alpha, n: { base: input.base.length, head: input.head.length } };
  const seed = input.seed ?? DEFAULT_SEED;
  const resamples = input.resamples ?? resamplesFor(alpha);
  if (method === "mcnemar") {
    const counts = mcnemarCounts(input.base, input.head);
    if ("kind" in counts) return insufficient(common, "invalid-values", counts.error);
    const r2 = mcnemarInterval(counts, input.ciLevel === void 0 ? { alpha } : input.ciLevel);
    if (r2.kind === "invalid") return insufficient(common, "invalid-values", r2.error);
    if (r2.kind === "insufficient") return insufficient(common, "too-few-values", r2.reason);
    return decide(common, {
      diff: r2.diff,
      ci: r2.ci,
      ciLevel: r2.level,
      p: direction === "higher" ? r2.pHeadWorse : r2.pHeadBetter,
      pBetter: direction === "higher" ? r2.pHeadBetter : r2.pHeadWorse,
      mean: { base: r2.accuracyBase, head: r2.accuracyHead },
      minEffect: void 0,
      note: r2.note
    });
  }
  const base = denoise(input.base);
  const head = denoise(input.head);
  const bad = findNonFinite("base", base) ?? findNonFinite("head", head);
  if (bad !== void 0) return insufficient(common, "invalid-values", bad);
  if (base.length !== head.length)
    return insufficient(
      common,
      "invalid-values",
      `paired scores need one base and one head value per example; got ${base.length} and ${head.length}`
    );
  if (base.length < MIN_PAIRED_EXAMPLES)
    return insufficient(
      common,
      "too-few-values",
      `the paired bootstrap needs at least ${MIN_PAIRED_EXAMPLES} examples to keep false blocks at ${alpha}; got ${base.length}`
    );
  const r = pairedBootstrap(base, head, {
    ...input.ciLevel === void 0 ? { alpha } : { level: ciLevel },
    seed,
    resamples
  });
  if (r.kind !== "ok") return insufficientOf(common, r);
  return decide(common, {
    diff: r.diff,
    ci: r.ci,
    ciLevel,
    p: direction === "higher" ? r.pLess : r.pGreater,
    pBetter: direction === "higher" ? r.pGreater : r.pLess,
    mean: { base: r.meanBase, head: r.meanHead },
    minEffect: void 0,
    note: r.note,
    seed: r.seed,
    resamples: r.resamples
  });
}
function insufficient(common, reason, detail) {
  const what = reason === "too-few-values" ? "not enough data to test" : "cannot test";
  return { ...common, verdict: "insufficient", reason, explanation: `${what}: ${detail}` };
}
function decide(common, d) {
  const worsening = common.direction === "higher" ? -d.diff : d.diff;
  let verdict = "not-significant";
  if (d.p <= common.alpha) verdict = "regressed";
  else if (d.pBetter <= common.alpha) verdict = "improved";
  const result = {
    verdict,
    method: common.method,
    direction: common.direction,
    alpha: common.alpha,
    n: common.n,
    p: d.p,
    pBetter: d.pBetter,
    diff: d.diff,
    worsening: worsening === 0 ? 0 : worsening,
    ci: d.ci,
    ciLevel: d.ciLevel,
    mean: d.mean,
    explanation: ""
  };
  if (d.minEffect !== void 0) {
    result.minEffect = d.minEffect;
    if (d.pAnyWorsening !== void 0) result.pAnyWorsening = d.pAnyWorsening;
    if (verdict !== "regressed" && d.pAnyWorsening !== void 0 && d.pAnyWorsening <= common.alpha)
      result.withinMinEffect = true;
  }
  if (d.df !== void 0) result.df = d.df;
  if (d.history !== void 0) result.history = d.history;
  if (d.seed !== void 0) result.seed = d.seed;
  if (d.resamples !== void 0) result.resamples = d.resamples;
  if (d.note !== void 0) result.note = d.note;
  if (d.explain !== false) result.explanation = explainRegression(result);
  return result;
}
function decimalsFor(a, b, c) {
  let min = Infinity;
  let max2 = -Infinity;
  let largest = 0;
  for (const v of [a, b, c]) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max2) max2 = v;
    if (Math.abs(v) > largest) largest = Math.abs(v);
  }
  const width = max2 - min;
  const scale = width > 0 ? width : largest;
  if (!(scale > 0)) return 0;
  return Math.min(12, Math.max(0, 1 - Math.floor(Math.log10(scale))));
}
function fixed(v, decimals) {
  const s = v.toFixed(decimals);
  return s.charCodeAt(0) === 45 && Number(s) === 0 ? s.slice(1) : s;
}
function formatP(p) {
  if (p < 1e-4) return "p < 0.0001";
  if (p >= 0.1) return `p = ${Number(p.toFixed(2))}`;
  return `p = ${Number(p.toPrecision(2))}`;
}
function explainRegression(r, adjustment) {
  const worse = r.worsening > 0;
  const sign = r.direction === "higher" ? -1 : 1;
  const flip2 = worse ? sign : -sign;
  const end0 = flip2 * r.ci[0];
  const end1 = flip2 * r.ci[1];
  const low = Math.min(end0, end1);
  const high = Math.max(end0, end1);
  const shown2 = Math.abs(r.worsening);
  const dec = decimalsFor(shown2, low, high);
  const level = `${Number((r.ciLevel * 100).toPrecision(4))}%`;
  const interval2 = `(${level} CI ${fixed(low, dec)} to ${fixed(high, dec)})`;
  const what = r.worsening === 0 ? `no difference ${interval2}` : `head is ${worse ? "worse" : "better"} by ${fixed(shown2, dec)} ${interval2}`;
  const shifted = r.minEffect !== void 0 && r.minEffect > 0;
  const raw = worse || r.worsening === 0 ? r.p : r.pBetter;
  const decisive = adjustment !== void 0 && (worse || r.worsening === 0) ? adjustment.p : raw;
  const ps = formatP(raw);
  const adjustedP = adjustment === void 0 ? "" : formatP(adjustment.p).slice(2).replace(/^= /, "");
  const adjusted = adjustment !== void 0 && (worse || r.worsening === 0) ? `, adjusted ${adjustedP} (${adjustment.name}, ${adjustment.size} tests)` : "";
  const cmp = decisive > r.alpha ? `${ps}${adjusted} \u2265 ${r.alpha}, not significant` : adjusted === "" && ps.startsWith("p <") ? ps : `${ps}${adjusted} ${decisive < r.alpha ? "<" : "\u2264"} ${r.alpha}`;
  const unit = r.method === "mcnemar" || r.method === "paired-bootstrap" ? " examples" : "";
  let sizes = r.n.base === r.n.head && unit !== "" ? `n = ${r.n.base}${unit}` : `n = ${r.n.base} vs ${r.n.head}`;
  if (r.history !== void 0)
    sizes += `, noise sd ${formatSd(r.history.sd)} from ${r.history.records} past records`;
  const beyond = shifted && worse ? `; tested against the allowed ${r.minEffect}` : "";
  let sentence = `${what}${beyond}, ${cmp} (${METHOD_NAMES[r.method]}, ${sizes})`;
  if (r.withinMinEffect) sentence += `; worse, but not confidently by more than the allowed ${r.minEffect}`;
  if (r.note !== void 0) sentence += `; ${r.note}`;
  return sentence;
}

// packages/core/src/gates/match.ts
function isGlob(selector) {
  return /(^|[^\\])[*?]/.test(selector);
}
function selectorToRegExp(selector) {
  let out = "";
  for (let i2 = 0; i2 < selector.length; i2++) {
    const c = selector[i2];
    if (c === "\\" && i2 + 1 < selector.length) {
      out += escapeRegExp(c + selector[++i2]);
    } else if (c === "*" && selector[i2 + 1] === "*") {
      out += ".*";
      i2++;
    } else if (c === "*") {
      out += "(?:[^.\\\\]|\\\\.)*";
    } else if (c === "?") {
      out += "(?:[^.\\\\]|\\\\.)";
    } else {
      out += escapeRegExp(c);
    }
  }
  return new RegExp(`^${out}$`);
}
var compiled = /* @__PURE__ */ new Map();
function compiledSelector(selector) {
  let re = compiled.get(selector);
  if (re === void 0) {
    if (compiled.size >= 1e3) compiled.clear();
    re = selectorToRegExp(selector);
    compiled.set(selector, re);
  }
  return re;
}
function matchKeys(selector, keys) {
  if (!isGlob(selector)) {
    for (const key of keys) if (key === selector) return [selector];
    return [];
  }
  const re = compiledSelector(selector);
  const matched = [];
  for (const key of keys) if (re.test(key)) matched.push(key);
  return matched.sort();
}
function suggestKeys(selector, keys) {
  return closestNames(selector, keys, 3);
}
function escapeRegExp(text6) {
  return text6.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

// packages/core/src/gates/percent.ts
var PERCENT_UNITS = /* @__PURE__ */ new Set(["percent", "%"]);
function isPercentUnit(unit) {
  return unit !== void 0 && PERCENT_UNITS.has(unit.trim().toLowerCase());
}
function percentToFraction(percent) {
  return shiftDecimal(percent, -2);
}
function fractionToPercent(fraction) {
  return shiftDecimal(fraction, 2);
}
function shiftDecimal(value, places) {
  const [digits, exponent = "0"] = String(value).split("e");
  return Number(`${digits}e${Number(exponent) + places}`);
}
function percentLimit(percent, unit) {
  return unit === "percent" ? percent : percentToFraction(percent);
}

// packages/core/src/gates/types.ts
var UNTESTABLE_CHOICES = ["fail", "neutral", "threshold"];
var DEFAULT_UNTESTABLE = "fail";

// packages/core/src/gates/evaluate.ts
function collectValues(runs) {
  const values = /* @__PURE__ */ new Map();
  for (const run of runs) {
    for (const [key, value] of Object.entries(run.metrics)) {
      const list3 = values.get(key);
      if (list3 === void 0) values.set(key, [value]);
      else list3.push(value);
    }
  }
  return values;
}
function collectSamples(runs) {
  const samples = /* @__PURE__ */ new Map();
  for (const run of runs) {
    for (const [family, values] of Object.entries(run.samples ?? {})) {
      const list3 = samples.get(family);
      if (list3 === void 0) samples.set(family, [values]);
      else list3.push(values);
    }
  }
  return samples;
}
function sideValue(values) {
  if (values === void 0 || values.length === 0) return void 0;
  if (values.length === 1) return values[0];
  return roundNoise(values.reduce((a, b) => a + b, 0) / values.length);
}
function evaluateGates(gates, given) {
  const directions = /* @__PURE__ */ new Map();
  const input = {
    ...withSampleQuantiles(gates, given),
    directionOf(key) {
      if (directions.has(key)) return directions.get(key);
      const direction = given.directionOf(key);
      directions.set(key, direction);
      return direction;
    }
  };
  checkTargets(gates, input);
  checkDirections(gates, input);
  const tests = /* @__PURE__ */ new Map();
  const results = gates.flatMap((gate) => evaluateGate(gate, input, tests));
  decideFamilies(tests, input.policy?.correction ?? DEFAULT_CORRECTION);
  return results;
}
function withSampleQuantiles(gates, input) {
  const rules = gates.filter((g) => g.rule.kind === "quantile");
  if (rules.length === 0 || input.samples === void 0) return input;
  const extend = (values, samples) => {
    if (samples === void 0) return values;
    let out;
    for (const gate of rules) {
      const family = familyOf(gate.selector);
      if (family === void 0) continue;
      for (const key of matchKeys(family, samples.keys())) {
        const metric = childKey(key, gate.rule.label);
        if (values.has(metric) || out?.has(metric) === true) continue;
        out ??= new Map(values);
        out.set(
          metric,
          samples.get(key).map((run) => quantile(run, gate.rule.q))
        );
      }
    }
    return out ?? values;
  };
  const head = extend(input.head, input.samples.head);
  const base = input.base === void 0 ? void 0 : extend(input.base, input.samples.base);
  return { ...input, head, ...base !== void 0 ? { base } : {} };
}
function familyOf(key) {
  const segments = splitKey(key);
  return segments.length < 2 ? void 0 : joinKey(segments.slice(0, -1));
}
function checkTargets(gates, input) {
  const problems = [];
  let unmatched = false;
  for (const gate of gates) {
    const head = matchKeys(gate.selector, input.head.keys());
    const base = input.base === void 0 ? [] : matchKeys(gate.selector, input.base.keys());
    const where = `${gate.origin}: gate ${JSON.stringify(gate.text)}`;
    if (head.length === 0 && base.length === 0) {
      if (gate.rule.kind === "required") continue;
      unmatched = true;
      problems.push(`${where} matches no metric${knownNames(gate.selector, input)}`);
      continue;
    }
    const rule = gate.rule;
    if ((rule.kind === "bound" || rule.kind === "range") && rule.percent === true)
      problems.push(...percentProblems(where, rule, [.../* @__PURE__ */ new Set([...head, ...base])], input));
  }
  if (problems.length === 0) return;
  const advice = unmatched ? '\nA gate that matches nothing would check nothing: fix the name, or write "<metric> required" for a metric that must be there.' : "";
  throw new ConfigurationError(`${problems.join("\n")}${advice}`);
}
function knownNames(selector, input) {
  const keys = /* @__PURE__ */ new Set([...input.head.keys(), ...input.base?.keys() ?? []]);
  const suggestions = suggestKeys(selector, keys);
  if (suggestions.length > 0) return `; did you mean ${suggestions.join(", ")}?`;
  const sides = input.base === void 0 ? "of the pull request" : "of the pull request or the baseline";
  const names = [...keys].sort();
  if (names.length === 0) return ` (there are no metrics ${sides})`;
  return ` ${sides} (${input.base === void 0 ? "its" : "their"} metrics: ${listed(names)})`;
}
function percentProblems(where, rule, metrics, input) {
  const limits = rule.kind === "bound" ? [rule.value] : [rule.min, rule.max];
  const undeclared = metrics.filter((key) => input.unitOf?.(key) === void 0);
  if (undeclared.length === 0) return [];
  const declare = (key) => `If ${key} is written in percent, declare it in .mlci.yml (metrics: { ${yamlKey(key)}: { unit: percent } })`;
  const outside = limits.find((p) => p < 0 || p > 100);
  if (outside !== void 0) {
    const key = undeclared[0];
    return [
      `${where}: ${outside}% is outside 0% to 100%, where ${key} lies as a fraction, so the gate could never decide anything. ${declare(key)}`
    ];
  }
  const problems = [];
  for (const key of undeclared) {
    const side2 = ["head", "base"].find(
      (s) => input[s]?.get(key)?.some((v) => Number.isFinite(v) && (v < 0 || v > 1))
    );
    if (side2 === void 0) continue;
    const value = input[side2].get(key).find((v) => Number.isFinite(v) && (v < 0 || v > 1));
    const limit = limits[0];
    problems.push(
      `${where}: ${key} is ${formatNumber(value)} in ${side2 === "head" ? "the pull request" : "the baseline"}, not a fraction from 0 to 1, so ${limit}% could mean ${formatNumber(percentLimit(limit, "fraction"))} or ${limit}. ${declare(key)}; if it is a fraction, write the bound as one (${formatNumber(percentLimit(limit, "fraction"))})`
    );
  }
  return problems;
}
var NEEDS_DIRECTION = (rule) => rule.kind === "no-regression" || rule.kind === "significant" || rule.kind === "paired" || (rule.kind === "change" || rule.kind === "quantile") && rule.measure === "regression";
function checkDirections(gates, input) {
  const problems = [];
  const unknown = /* @__PURE__ */ new Set();
  for (const gate of gates) {
    if (!NEEDS_DIRECTION(gate.rule)) continue;
    const metrics = matchKeys(gate.selector, input.head.keys()).filter(
      (k) => input.directionOf(k) === void 0
    );
    if (metrics.length === 0) continue;
    for (const metric of metrics) unknown.add(metric);
    problems.push(
      `${gate.origin}: gate ${JSON.stringify(gate.text)} needs to know whether higher or lower is better for ${listed(metrics)}`
    );
  }
  if (problems.length === 0) return;
  const keys = [...unknown];
  const lines = keys.slice(0, 10).map((key) => `    ${yamlKey(key)}: { direction: higher }   # or lower`).join("\n");
  throw new ConfigurationError(
    `${problems.join("\n")}
mlci does not guess a direction that a name does not make clear. Add to .mlci.yml:
  metrics:
${lines}${keys.length > 10 ? `
    # ... and ${keys.length - 10} more` : ""}
or pass --direction ${keys[0]}=higher (or =lower) on the command line.`
  );
}
function listed(metrics) {
  const shown2 = metrics.slice(0, 5).join(", ");
  return metrics.length > 5 ? `${shown2} and ${metrics.length - 5} more` : shown2;
}
function yamlKey(key) {
  return /^[A-Za-z_][\w.\\/-]*$/.test(key) ? key : JSON.stringify(key);
}
function decideFamilies(tests, correction) {
  for (const level of ["fail", "warn"]) {
    const members = [...tests.entries()].filter(([result]) => result.gate.level === level);
    if (members.length === 0) continue;
    const adjusted = adjustPValues(
      members.map(([, test]) => test.p),
      correction
    );
    const size = members.length;
    const family = { size, correction };
    members.forEach(([result, test], i2) => {
      const pAdjusted = adjusted[i2];
      const blocks = pAdjusted <= test.alpha;
      result.status = blocks ? failing(result.gate) : "pass";
      const adjustment = size > 1 && correction !== "none" ? { p: pAdjusted, size, name: CORRECTION_NAMES[correction] } : void 0;
      result.reason = test.explain(adjustment);
      result.statistics.pAdjusted = pAdjusted;
      result.statistics.family = family;
    });
  }
}
var COMPARES_WITH_BASE = /* @__PURE__ */ new Set([
  "change",
  "no-regression",
  "significant",
  "paired",
  "quantile"
]);
function evaluateGate(gate, input, tests) {
  const keys = matchKeys(gate.selector, input.head.keys());
  const missing = input.base === void 0 ? [] : matchKeys(gate.selector, input.base.keys()).filter((key) => !input.head.has(key));
  const results = keys.map((metric) => evaluateOne(gate, metric, input, tests));
  for (const metric of missing) {
    const base = sideValue(input.base.get(metric));
    const suggestions = isGlob(gate.selector) ? [] : suggestKeys(metric, input.head.keys());
    results.push({
      gate,
      metric,
      status: failing(gate),
      base,
      reason: `${metric} is missing from the head, though the baseline has it (${formatNumber(base)})${didYouMean(suggestions)}`
    });
  }
  if (results.length > 0) return results;
  const what = isGlob(gate.selector) ? `${gate.selector} matches no metric: the gate requires one` : `${gate.selector} is missing: the gate requires it`;
  return [
    {
      gate,
      status: failing(gate),
      reason: `${what}${didYouMean(suggestKeys(gate.selector, input.head.keys()))}`
    }
  ];
}
function didYouMean(suggestions) {
  return suggestions.length > 0 ? `; did you mean ${suggestions.join(", ")}?` : "";
}
function evaluateOne(gate, metric, input, tests) {
  const headValues = input.head.get(metric);
  const head = sideValue(headValues);
  const baseValues = input.base?.get(metric);
  const base = sideValue(baseValues);
  const direction = input.directionOf(metric);
  const result = (status, reason, extra = {}) => {
    const out = { gate, metric, status, head, reason, ...extra };
    if (base !== void 0) out.base = base;
    if (direction !== void 0) out.direction = direction;
    return out;
  };
  const rule = gate.rule;
  if (rule.kind === "required") return result("pass", `${metric} is present (${formatNumber(head)})`);
  if (rule.kind === "finite") {
    const bad = headValues.filter((v) => !Number.isFinite(v));
    return bad.length === 0 ? result("pass", `${metric} is finite (${formatNumber(head)})`) : result(
      failing(gate),
      `${metric} is ${formatNumber(bad[0])}${headValues.length > 1 ? ` in ${bad.length} of ${headValues.length} runs` : ""}`
    );
  }
  if (!Number.isFinite(head)) {
    return result(
      failing(gate),
      `${metric} is ${formatNumber(head)} in the pull request: the run diverged or did not log it properly`
    );
  }
  if (rule.kind === "bound") {
    const scale = limitScale(rule, input.unitOf?.(metric));
    const limit = scale.limit(rule.value);
    const ok = compare2(head, rule.op, limit);
    return result(
      ok ? "pass" : failing(gate),
      boundReason(metric, scale.value(head), rule.op, scale.shown(rule.value), ok),
      { observed: head }
    );
  }
  if (rule.kind === "range") {
    const scale = limitScale(rule, input.unitOf?.(metric));
    const min = scale.limit(rule.min);
    const max2 = scale.limit(rule.max);
    const ok = head >= min && head <= max2;
    const where = head < min ? "below" : "above";
    const range = scale.range(rule.min, rule.max);
    return result(
      ok ? "pass" : failing(gate),
      ok ? `${scale.value(head)} is within ${range}` : `${scale.value(head)} is ${where} the allowed range ${range}`,
      { observed: head }
    );
  }
  if (!COMPARES_WITH_BASE.has(rule.kind)) throw new Error(`unhandled rule ${rule.kind}`);
  if (input.base === void 0)
    return result("neutral", "no baseline was found, so there is nothing to compare with");
  if (base === void 0)
    return result("neutral", `the baseline has no ${metric}, so there is nothing to compare with`);
  const badBase = baseValues.filter((v) => !Number.isFinite(v));
  if (badBase.length > 0) {
    const runs = baseValues.length > 1 ? ` in ${badBase.length} of ${baseValues.length} runs` : "";
    return result(
      failing(gate),
      `the baseline's ${metric} is ${formatNumber(badBase[0])}${runs}, so a change cannot be measured: the base branch's run diverged or did not log it. Re-run the baseline (or fix it on the base branch); until then this gate fails rather than pass unchecked`
    );
  }
  if (rule.kind === "change") {
    const { ok, observed, reason } = compareChange(rule, base, head, direction);
    return result(ok ? "pass" : failing(gate), reason, { observed });
  }
  if (rule.kind === "quantile")
    return evaluateQuantile({ gate, rule, metric, input, result, tests, base, head });
  if (rule.kind === "no-regression") {
    const delta = roundNoise(head - base);
    const worse = direction === "higher" ? delta < 0 : delta > 0;
    const changeText3 = `${formatNumber(base)} \u2192 ${formatNumber(head)} (${formatDelta(delta)})`;
    return result(
      worse ? failing(gate) : "pass",
      worse ? `${changeText3}: worse than the baseline` : `${changeText3}: not worse than the baseline`,
      {
        observed: delta
      }
    );
  }
  if (input.statistics === void 0) return result("error", "statistical gates are not available here");
  const history = rule.kind === "significant" ? input.historyNoise?.(metric) : void 0;
  const verdict = rule.kind === "significant" ? input.statistics.repeats(rule, baseValues, headValues, direction, history) : input.statistics.paired?.(rule, metric, direction);
  if (verdict === void 0) {
    return untestable(
      { gate, result, input },
      input.statistics.pairedUnavailable ?? "a paired gate needs per-example predictions of both sides (predictions in .mlci.yml, or --base-predictions and --head-predictions)",
      { method: "paired" }
    );
  }
  const tested = verdict.result;
  const statistics = { method: METHOD_NAMES[tested.method], alpha: rule.alpha };
  if (rule.kind === "significant") {
    statistics.nBase = baseValues.length;
    statistics.nHead = headValues.length;
  }
  if (verdict.minEffect !== void 0) statistics.minEffect = verdict.minEffect;
  if (verdict.paired !== void 0) statistics.paired = verdict.paired;
  if (tested.verdict === "insufficient") {
    if (tested.reason === "invalid-values") {
      return result(
        failing(gate),
        `${tested.explanation}: a run diverged or logged a broken value, and a statistical gate fails on it rather than skip the test`,
        { statistics }
      );
    }
    const means = { base, head, direction, minEffect: verdict.minEffect };
    return untestable({ gate, result, input }, tested.explanation, statistics, means);
  }
  statistics.p = tested.p;
  statistics.ci = tested.ci;
  statistics.level = tested.ciLevel;
  if (tested.history !== void 0)
    statistics.history = { records: tested.history.records, df: tested.history.df, sd: tested.history.sd };
  const pending = result(tested.verdict === "regressed" ? failing(gate) : "pass", tested.explanation, {
    statistics,
    observed: tested.p
  });
  tests.set(pending, {
    p: tested.p,
    alpha: tested.alpha,
    explain(adjustment) {
      const sentence = explainRegression(tested, adjustment);
      return verdict.detail === void 0 ? sentence : `${sentence}; ${verdict.detail}`;
    }
  });
  return pending;
}
function evaluateQuantile(q) {
  const { gate, rule, metric, input, result } = q;
  const direction = input.directionOf(metric);
  const measure = rule.measure === "regression" ? direction === "higher" ? "drop" : "rise" : rule.measure;
  const method = `bootstrap of the ${rule.label}`;
  const family = familyOf(metric);
  const headRuns = family === void 0 ? void 0 : input.samples?.head.get(family);
  const baseRuns = family === void 0 ? void 0 : input.samples?.base?.get(family);
  if (family === void 0 || headRuns === void 0 || baseRuns === void 0) {
    const why = family === void 0 ? `${metric} is not the quantile of a family of timings` : headRuns === void 0 && baseRuns === void 0 ? `neither side has the timings behind ${family}, only summary values` : `${headRuns === void 0 ? "the pull request" : "the baseline"} has no timings behind ${family}, only summary values`;
    return quantileUntestable(q, measure, why, method);
  }
  const test = quantileChangeTest({
    base: baseRuns.flat(),
    head: headRuns.flat(),
    q: rule.q,
    scale: rule.relative ? "relative" : "absolute",
    alternative: measure,
    limit: rule.relative ? rule.value / 100 : rule.value,
    alpha: rule.alpha,
    ...input.seed !== void 0 ? { seed: input.seed } : {},
    ...input.resamples !== void 0 ? { resamples: input.resamples } : {}
  });
  if (test.kind === "invalid") {
    return result(
      failing(gate),
      `the timings behind ${family}: ${test.reason}: a benchmark logged a broken value, and the gate fails on it rather than skip the test`,
      { statistics: { method, alpha: rule.alpha } }
    );
  }
  if (test.kind === "insufficient") return quantileUntestable(q, measure, test.reason, method);
  const statistics = {
    method,
    p: test.p,
    alpha: rule.alpha,
    ci: test.ciAbsolute,
    level: test.level,
    nBase: test.nBase,
    nHead: test.nHead,
    minEffect: rule.relative ? roundNoise(rule.value / 100 * test.base) : rule.value
  };
  const runs = headRuns.length > 1 || baseRuns.length > 1 ? `; the timings of ${baseRuns.length} and ${headRuns.length} runs pooled` : "";
  const explain = (adjustment) => explainQuantile(rule, measure, test, adjustment, runs);
  const pending = result(test.p <= rule.alpha ? failing(gate) : "pass", explain(void 0), {
    statistics,
    observed: test.p
  });
  q.tests.set(pending, { p: test.p, alpha: rule.alpha, explain });
  return pending;
}
function quantileUntestable({ gate, rule, metric, input, result, base, head }, measure, why, method) {
  const policy = rule.untestable ?? "threshold";
  const statistics = { method, alpha: rule.alpha, untestable: policy };
  if (policy === "neutral")
    return result("neutral", `not tested (${why}); this gate is set to be neutral when it cannot test`, {
      statistics
    });
  if (policy === "fail")
    return result(
      failing(gate),
      `${why}. This gate does not pass without a test: give both sides' timings (a benchmark file with every round, such as pytest-benchmark's --benchmark-save-data), or remove "if untestable fail"`,
      { statistics }
    );
  const plain = compareChange({ ...rule, measure }, base, head, input.directionOf(metric));
  return result(
    plain.ok ? "pass" : failing(gate),
    `not tested (${why}); compared the two ${rule.label} values as a plain ${measure} gate: ${plain.reason}`,
    { statistics, observed: plain.observed }
  );
}
function explainQuantile(rule, measure, test, adjustment, note) {
  const shown2 = (v) => test.scale === "relative" ? formatPercent(v * 100) : formatDelta(v);
  const level = `${Number((test.level * 100).toPrecision(4))}%`;
  const change = `${shown2(test.estimate)}; ${level} CI ${shown2(test.ci[0])} to ${shown2(test.ci[1])}`;
  const limit = rule.relative ? `${formatNumber(rule.value)}%` : formatNumber(rule.value);
  const decisive = adjustment?.p ?? test.p;
  const blocks = decisive <= rule.alpha;
  const verdict = blocks ? `a ${measure} beyond the allowed ${limit}` : `no significant ${measure} beyond the allowed ${limit}`;
  const ps = formatP(test.p);
  const adjusted = adjustment === void 0 ? "" : `, adjusted ${formatP(adjustment.p).slice(2).replace(/^= /, "")} (${adjustment.name}, ${adjustment.size} tests)`;
  const cmp = !blocks ? `${ps}${adjusted} \u2265 ${rule.alpha}, not significant` : adjusted === "" && ps.startsWith("p <") ? ps : `${ps}${adjusted} ${decisive < rule.alpha ? "<" : "\u2264"} ${rule.alpha}`;
  return `${rule.label} ${formatNumber(test.base)} \u2192 ${formatNumber(test.head)} (${change}): ${verdict}, ${cmp} (bootstrap of the ${rule.label}, n = ${test.nBase} vs ${test.nHead} samples${note})`;
}
function compareChange(rule, base, head, direction) {
  const delta = roundNoise(head - base);
  const amount = rule.measure === "drop" ? -delta : rule.measure === "rise" ? delta : rule.measure === "change" ? Math.abs(delta) : direction === "higher" ? -delta : delta;
  const observed = rule.relative ? relativeAmount(amount, base) : amount;
  const ok = rule.op === "<=" ? roundNoise(observed) <= rule.value : roundNoise(observed) < rule.value;
  const limit = `${formatNumber(rule.value)}${rule.relative ? "%" : ""}`;
  const shown2 = rule.relative ? formatPercent(observed).replace(/^\+/, "") : formatNumber(roundNoise(observed));
  const verb = { drop: "dropped", rise: "rose", change: "changed", regression: "got worse" }[rule.measure];
  const changeText3 = `${formatNumber(base)} \u2192 ${formatNumber(head)} (${formatDelta(delta)}${base !== 0 ? `, ${formatPercent(delta / Math.abs(base) * 100)}` : ""})`;
  const reason = amount <= 0 && rule.measure !== "change" ? `${changeText3}: it did not ${rule.measure === "regression" ? "get worse" : rule.measure}` : ok ? `${changeText3}: ${verb} by ${shown2}, within the allowed ${limit}` : `${changeText3}: ${verb} by ${shown2}, more than the allowed ${limit}`;
  return { ok, observed, reason };
}
function untestable({ gate, result, input }, why, statistics, means) {
  const rule = gate.rule;
  const asked = rule.untestable ?? input.policy?.untestable ?? DEFAULT_UNTESTABLE;
  const minEffect = means?.minEffect;
  const policy = asked === "threshold" && minEffect === void 0 ? "fail" : asked;
  const detail = { ...statistics, untestable: policy };
  if (policy === "neutral")
    return result("neutral", `not tested (${why}); this gate is set to be neutral when it cannot test`, {
      statistics: detail
    });
  if (policy === "threshold" && means !== void 0 && minEffect !== void 0) {
    const { base, head } = means;
    const worsening = roundNoise(means.direction === "higher" ? base - head : head - base);
    const within = worsening <= roundNoise(minEffect);
    const change = `${formatNumber(base)} \u2192 ${formatNumber(head)}`;
    const amount = worsening > 0 ? `worse by ${formatNumber(worsening)}` : "not worse";
    return result(
      within ? "pass" : failing(gate),
      `not tested (${why}); compared the means with the allowed ${formatNumber(minEffect)} instead: ${change}, ${amount}${within ? "" : `, more than the allowed ${formatNumber(minEffect)}`}`,
      { statistics: detail, observed: worsening }
    );
  }
  const instead = asked === "threshold" ? ' ("if untestable threshold" needs "beyond X" to have a threshold)' : "";
  return result(
    failing(gate),
    `${why}. A gate that cannot test does not pass${instead}: run repeats (seeds) on both sides, give the base branch's history, or write "if untestable neutral" on the gate`,
    { statistics: detail }
  );
}
function failing(gate) {
  return gate.level === "warn" ? "warn" : "fail";
}
function compare2(value, op, limit) {
  switch (op) {
    case ">=":
      return value >= limit;
    case ">":
      return value > limit;
    case "<=":
      return value <= limit;
    case "<":
      return value < limit;
    case "==":
      return roundNoise(value) === limit;
    case "!=":
      return roundNoise(value) !== limit;
  }
}
function limitScale(rule, unit) {
  const plain = (n) => formatNumber(n);
  if (rule.percent !== true)
    return {
      limit: (n) => n,
      value: plain,
      shown: plain,
      range: (min, max2) => `[${plain(min)}, ${plain(max2)}]`
    };
  const percent = (n) => `${formatNumber(n)}%`;
  if (unit === "percent")
    return {
      limit: (n) => n,
      value: percent,
      shown: percent,
      range: (min, max2) => `[${percent(min)}, ${percent(max2)}]`
    };
  const fraction = (n) => percentLimit(n, "fraction");
  return {
    limit: fraction,
    value: plain,
    shown: (n) => `${plain(fraction(n))} (${percent(n)})`,
    range: (min, max2) => `[${plain(fraction(min))}, ${plain(fraction(max2))}] (${percent(min)} to ${percent(max2)})`
  };
}
function boundReason(metric, v, op, l, ok) {
  if (ok) return `${v} ${op} ${l}`;
  switch (op) {
    case ">=":
      return `${v} is below the minimum of ${l}`;
    case ">":
      return `${v} is not above ${l}`;
    case "<=":
      return `${v} is above the maximum of ${l}`;
    case "<":
      return `${v} is not below ${l}`;
    case "==":
      return `${metric} is ${v}, expected exactly ${l}`;
    case "!=":
      return `${metric} is ${v}, which it must not be`;
  }
}
function relativeAmount(amount, base) {
  if (base === 0) return amount === 0 ? 0 : amount > 0 ? Infinity : -Infinity;
  return amount / Math.abs(base) * 100;
}

// packages/core/src/compare/compare.ts
var METRIC_STATUSES = [
  "improved",
  "regressed",
  "within-noise",
  "unchanged",
  "changed",
  "added",
  "removed",
  "non-finite",
  "no-baseline"
];
function compareMetrics(input) {
  const keys = /* @__PURE__ */ new Set([...input.head.values.keys(), ...input.base?.values.keys() ?? []]);
  const metrics = [...keys].sort().map((key) => compareOne(key, input));
  const comparison = {
    schema: "mlci/comparison",
    version: 1,
    verdict: verdictOf(
      input.gates,
      input.base !== void 0 || input.expectBaseline === false,
      input.base === void 0 ? input.baselineProblem : void 0,
      input.acceptance
    ),
    gates: input.gates,
    metrics,
    params: diffParams(input.base?.runs ?? [], input.head.runs, input.base !== void 0),
    head: sideInfo(input.head)
  };
  if (input.base !== void 0) comparison.base = sideInfo(input.base);
  if (input.history !== void 0) comparison.history = input.history;
  if (input.base === void 0 && input.baselineProblem !== void 0)
    comparison.baselineProblem = input.baselineProblem;
  if (input.configChanges !== void 0) comparison.configChanges = input.configChanges;
  if (input.acceptance !== void 0) comparison.acceptance = input.acceptance;
  return comparison;
}
function sideInfo(side2) {
  const info = { runs: side2.runs.length, sources: side2.runs.flatMap((r) => r.sources) };
  if (side2.label !== void 0) info.label = side2.label;
  return info;
}
function compareOne(key, input) {
  const settings = input.settingsFor(key);
  const inferred = input.inferDirection(key);
  const direction = settings.direction ?? inferred;
  const headValues = input.head.values.get(key);
  const baseValues = input.base?.values.get(key);
  const head = sideValue(headValues);
  const base = sideValue(baseValues);
  const out = {
    key,
    directionSource: settings.direction !== void 0 ? "config" : inferred !== void 0 ? "name" : "unknown",
    status: "unchanged"
  };
  if (direction !== void 0) out.direction = direction;
  if (base !== void 0) out.base = base;
  if (head !== void 0) out.head = head;
  if ((headValues?.length ?? 0) > 1 || (baseValues?.length ?? 0) > 1) {
    out.repeats = {};
    if (baseValues !== void 0) out.repeats.base = summarize(baseValues);
    if (headValues !== void 0) out.repeats.head = summarize(headValues);
  }
  if (baseValues !== void 0 && headValues !== void 0) {
    const noise = differenceNoise(baseValues, headValues, input.historyNoise?.(key));
    if (noise !== void 0) out.noise = noise;
  }
  if (head === void 0) {
    out.status = "removed";
    return out;
  }
  if (base === void 0) {
    out.status = input.base === void 0 ? "no-baseline" : "added";
    return out;
  }
  if (!Number.isFinite(head) || !Number.isFinite(base)) {
    out.status = Object.is(head, base) ? "unchanged" : "non-finite";
    return out;
  }
  const delta = roundNoise(head - base);
  out.delta = delta;
  if (base !== 0) out.deltaPercent = roundNoise(delta / Math.abs(base) * 100);
  const tolerance = settings.tolerance;
  const within = tolerance === void 0 ? delta === 0 : tolerance.relative ? base !== 0 && Math.abs(delta) / Math.abs(base) * 100 <= tolerance.value : Math.abs(delta) <= tolerance.value;
  const inNoise = out.noise !== void 0 && out.noise.ci[0] <= 0 && out.noise.ci[1] >= 0;
  if (within) out.status = "unchanged";
  else if (inNoise) out.status = "within-noise";
  else if (direction === void 0) out.status = "changed";
  else out.status = direction === "higher" === delta > 0 ? "improved" : "regressed";
  return out;
}
var T975 = /* @__PURE__ */ new Map();
function t975(df) {
  let q = T975.get(df);
  if (q === void 0) {
    q = studentTQuantile(0.975, df);
    if (T975.size < 1e4) T975.set(df, q);
  }
  return q;
}
function summarize(values) {
  const n = values.length;
  const mean = roundNoise(values.reduce((a, b) => a + b, 0) / n);
  const summary2 = { n, mean, values: [...values] };
  if (n > 1) {
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
    summary2.sd = roundNoise(sd);
    if (Number.isFinite(sd)) {
      const half = t975(n - 1) * (sd / Math.sqrt(n));
      summary2.ci = [roundNoise(mean - half), roundNoise(mean + half)];
    }
  }
  return summary2;
}
var RUN_IDENTITY_PARAMS = [
  /^run\.(id|name|start_time|end_time|experiment_id)$/,
  /^tag\.mlflow\\\.(runName|user|source\\\.git\\\.commit|log-model\\\.history|parentRunId)$/
];
function isRunIdentity(key) {
  return RUN_IDENTITY_PARAMS.some((pattern) => pattern.test(key));
}
function diffParams(baseRuns, headRuns, hasBase) {
  if (!hasBase) return [];
  const base = Object.assign({}, ...baseRuns.map((r) => r.params));
  const head = Object.assign({}, ...headRuns.map((r) => r.params));
  const changes = [];
  for (const key of [.../* @__PURE__ */ new Set([...Object.keys(base), ...Object.keys(head)])].sort()) {
    if (isRunIdentity(key)) continue;
    const inBase = Object.hasOwn(base, key);
    const inHead = Object.hasOwn(head, key);
    if (inBase && inHead) {
      if (!Object.is(base[key], head[key]))
        changes.push({ key, base: base[key], head: head[key], status: "changed" });
    } else if (inHead) changes.push({ key, head: head[key], status: "added" });
    else changes.push({ key, base: base[key], status: "removed" });
  }
  return changes;
}
function verdictOf(results, hasBase, problem, acceptance) {
  const counts = { pass: 0, warn: 0, fail: 0, neutral: 0, error: 0 };
  for (const r of results) counts[r.status]++;
  const named2 = (status) => [...new Set(results.filter((r) => r.status === status).map((r) => r.metric ?? r.gate.selector))].join(
    ", "
  );
  const total = results.length;
  if (problem !== void 0) {
    const failed = counts.fail > 0 ? `; ${counts.fail} of ${total} ${total === 1 ? "check" : "checks"} failed: ${named2("fail")}` : "";
    return {
      kind: "failed",
      counts,
      summary: problem.kind === "unavailable" ? `the baseline could not be fetched, so nothing was compared: re-run the job (${problem.detail})${failed}` : `no baseline was found, though this repository has recorded baselines before: ${problem.detail}${failed}`
    };
  }
  if (acceptance !== void 0 && counts.fail > 0 && counts.error === 0) {
    return {
      kind: "passed-with-warnings",
      counts,
      summary: `accepted by @${acceptance.by} (label "${acceptance.label}"): ${counts.fail} of ${total} ${total === 1 ? "check" : "checks"} failed: ${named2("fail")}`
    };
  }
  if (counts.fail + counts.error > 0) {
    const parts = [];
    if (counts.fail > 0)
      parts.push(`${counts.fail} of ${total} ${total === 1 ? "check" : "checks"} failed: ${named2("fail")}`);
    if (counts.error > 0) parts.push(`${counts.error} could not be evaluated: ${named2("error")}`);
    return { kind: "failed", counts, summary: parts.join("; ") };
  }
  if (!hasBase) {
    return {
      kind: "no-baseline",
      counts,
      summary: total === 0 ? "no baseline was found to compare with" : `no baseline was found; ${counts.pass} of ${total} ${total === 1 ? "check" : "checks"} passed on the pull request's own numbers` + (counts.warn > 0 ? `, ${counts.warn} warned: ${named2("warn")}` : "")
    };
  }
  const untested = counts.neutral > 0 ? `; ${counts.neutral} not tested: ${named2("neutral")}` : "";
  if (counts.warn > 0) {
    return {
      kind: "passed-with-warnings",
      counts,
      summary: `no check failed; ${counts.warn} warning${counts.warn === 1 ? "" : "s"}: ${named2("warn")}${untested}`
    };
  }
  const checks = (n) => `${n} ${n === 1 ? "check" : "checks"}`;
  return {
    kind: "passed",
    counts,
    summary: total === 0 ? "no gates are configured" : counts.neutral === 0 ? `all ${checks(counts.pass)} passed` : `${counts.pass} of ${checks(total)} passed${untested}`
  };
}

// packages/core/src/gates/parse.ts
function parseGate(text6, origin) {
  return new GateParser(text6, origin).parse();
}
var asPercent = ({ value, percent }) => `${percent ? value : fractionToPercent(value)}%`;
var NUMBER2 = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
var COMPARATOR = /^(>=|<=|==|!=|>|<)/;
function quantileOfKey(selector) {
  const last = splitKey(selector).at(-1) ?? "";
  const match = /^p(\d+(?:\.\d+)?)$/.exec(last);
  if (match === null) return void 0;
  const percent = Number(match[1]);
  if (!(percent > 0 && percent < 100)) return void 0;
  return quantileOf(percent);
}
function quantileOf(percent) {
  const q = Number((percent / 100).toPrecision(12));
  return { q, label: quantileLabel(q) };
}
var GateParser = class {
  constructor(text6, origin) {
    this.text = text6;
    this.origin = origin;
  }
  text;
  origin;
  pos = 0;
  parse() {
    this.blank();
    let level = "fail";
    const levelMatch = /^(warn|fail)\s*:/i.exec(this.rest());
    if (levelMatch !== null) {
      level = levelMatch[1].toLowerCase();
      this.pos += levelMatch[0].length;
      this.blank();
    }
    if (this.pos >= this.text.length) this.fail("expected a metric name, found nothing");
    let selector = this.selector();
    this.blank();
    const written = this.quantileWord();
    if (written !== void 0) selector = childKey(selector, written.label);
    let rule = this.rule();
    const quantile2 = written ?? quantileOfKey(selector);
    if (quantile2 !== void 0 && rule.kind === "change") rule = this.quantileRule(rule, quantile2);
    this.blank();
    if (this.pos < this.text.length) this.fail(`expected the end of the gate, found ${this.found()}`);
    return { text: this.text.trim(), selector, rule, level, origin: this.origin };
  }
  selector() {
    if (this.text[this.pos] === '"') {
      const match2 = /^"(?:[^"\\]|\\.)*"/.exec(this.rest());
      if (match2 === null) this.fail("the quoted metric name has no closing quote");
      this.pos += match2[0].length;
      const name = JSON.parse(match2[0]);
      if (name === "") this.fail("the metric name is empty");
      return name;
    }
    const match = /^[^\s<>=!]+/.exec(this.rest());
    if (match === null) this.fail(`expected a metric name, found ${this.found()}`);
    this.pos += match[0].length;
    return match[0];
  }
  rule() {
    const comparator = this.comparator();
    if (comparator !== void 0) {
      const value = this.number(`after "${comparator}"`);
      return this.optional("%") ? { kind: "bound", op: comparator, value, percent: true } : { kind: "bound", op: comparator, value };
    }
    const word = this.word();
    switch (word) {
      case "in": {
        this.expect("[");
        const min = this.limit("for the lower end of the range");
        this.expect(",");
        const max2 = this.limit("for the upper end of the range");
        this.expect("]");
        return this.range(min, max2, `[${min.text}, ${max2.text}]`);
      }
      case "between": {
        const min = this.limit("for the lower end of the range");
        this.keyword("and");
        const max2 = this.limit("for the upper end of the range");
        return this.range(min, max2, `${min.text} to ${max2.text}`);
      }
      case "drop":
      case "rise":
      case "change":
      case "regression": {
        const at = this.pos;
        const op = this.comparator();
        if (op !== "<=" && op !== "<") {
          this.pos = at;
          this.blank();
          this.fail(
            `expected "<=" or "<" after "${word}" (a limit on how much it may ${word === "change" ? "change" : word === "regression" ? "get worse" : word}), found ${this.found()}`
          );
        }
        const value = this.number(`after "${word} ${op}"`);
        if (value < 0) this.fail(`a ${word} limit cannot be negative, found ${value}`);
        const relative3 = this.optional("%");
        return { kind: "change", measure: word, op, value, relative: relative3 };
      }
      case "no": {
        const next = this.word();
        if (next === "regression") return { kind: "no-regression" };
        if (next === "significant") {
          this.keyword("regression");
          return this.significance();
        }
        return this.fail(`expected "regression" or "significant regression" after "no"`, next);
      }
      case "paired": {
        this.keyword("no");
        this.keyword("significant");
        this.keyword("regression");
        let alpha = DEFAULT_ALPHA;
        let method = "mcnemar";
        let untestable2;
        for (; ; ) {
          this.blank();
          const at = this.pos;
          const option = this.word();
          if (option === "at") alpha = this.alpha();
          else if (option === "by" || option === "using")
            method = this.choice(["mcnemar", "bootstrap"]);
          else if (option === "if") untestable2 = this.untestable(["fail", "neutral"]);
          else {
            this.pos = at;
            break;
          }
        }
        const rule = { kind: "paired", alpha, method };
        if (untestable2 !== void 0) rule.untestable = untestable2;
        return rule;
      }
      case "required":
        return { kind: "required" };
      case "finite":
        return { kind: "finite" };
      case "is": {
        this.keyword("finite");
        return { kind: "finite" };
      }
      default:
        return this.fail(
          'expected a rule: a comparison (>= 0.9), "in [a, b]", "drop <= x", "rise <= x%", "no regression", "no significant regression", "paired no significant regression", "required" or "finite"',
          word
        );
    }
  }
  /**
   * A quantile word after the metric: `p95`, `p99.9` (p1 to below p100) or `median` (p50);
   * undefined, with nothing consumed, when the next word is not one.
   */
  quantileWord() {
    const match = /^(?:p(\d+(?:\.\d+)?)|median)(?=[\s<>=!]|$)/i.exec(this.rest());
    if (match === null) return void 0;
    if (match[1] === void 0) {
      this.pos += match[0].length;
      return { q: 0.5, label: "p50" };
    }
    const percent = Number(match[1]);
    if (!(percent > 0 && percent < 100))
      this.fail(
        `a quantile is written p1 to p99.9 (the percent of timings at or below it), found ${JSON.stringify(match[0])}; the fastest and slowest timings are the keys min and max`
      );
    this.pos += match[0].length;
    return quantileOf(percent);
  }
  /** A change rule on a quantile, and its options: `at 0.01`, `if untestable fail`. */
  quantileRule(change, quantile2) {
    const rule = {
      kind: "quantile",
      q: quantile2.q,
      label: quantile2.label,
      measure: change.measure,
      op: change.op,
      value: change.value,
      relative: change.relative,
      alpha: DEFAULT_ALPHA
    };
    for (; ; ) {
      this.blank();
      const at = this.pos;
      const option = this.word();
      if (option === "at") rule.alpha = this.alpha();
      else if (option === "if")
        rule.untestable = this.untestable(["threshold", "fail", "neutral"]);
      else {
        this.pos = at;
        break;
      }
    }
    return rule;
  }
  significance() {
    let alpha = DEFAULT_ALPHA;
    let method = "welch";
    let minEffect;
    let minEffectRelative = false;
    let untestable2;
    for (; ; ) {
      this.blank();
      const at = this.pos;
      const option = this.word();
      if (option === "at") alpha = this.alpha();
      else if (option === "by" || option === "using")
        method = this.choice(["welch", "bootstrap"]);
      else if (option === "beyond") {
        minEffect = this.number('after "beyond" (the smallest worsening that counts)');
        if (minEffect < 0) this.fail(`"beyond" takes a worsening of 0 or more, found ${minEffect}`);
        minEffectRelative = this.optional("%");
      } else if (option === "if") {
        untestable2 = this.untestable(["fail", "neutral", "threshold"]);
      } else {
        this.pos = at;
        break;
      }
    }
    const rule = { kind: "significant", alpha, method };
    if (minEffect !== void 0) {
      rule.minEffect = minEffect;
      rule.minEffectRelative = minEffectRelative;
    }
    if (untestable2 === "threshold" && minEffect === void 0)
      this.fail('"if untestable threshold" needs "beyond X": X is the threshold the means are compared with');
    if (untestable2 !== void 0) rule.untestable = untestable2;
    return rule;
  }
  /** `if untestable <choice>`, after "if": what the gate does when it cannot test. */
  untestable(choices) {
    this.keyword("untestable");
    return this.choice(choices);
  }
  alpha() {
    const at = this.pos;
    const value = this.number('after "at" (the significance level, such as 0.05)');
    if (!(value > 0 && value < MAX_ALPHA)) {
      this.pos = at;
      this.blank();
      this.fail(
        `the significance level must be above 0 and below ${MAX_ALPHA} (such as 0.05 or 0.01), found ${value}`
      );
    }
    return value;
  }
  /** One end of a range: a number, perhaps with `%`, and where it started (for messages). */
  limit(context) {
    this.blank();
    const at = this.pos;
    const value = this.number(context);
    const percent = this.optional("%");
    return { value, percent, text: `${value}${percent ? "%" : ""}`, at };
  }
  range(min, max2, shown2) {
    if (min.percent !== max2.percent) {
      const plain = min.percent ? max2 : min;
      this.pos = plain.at;
      this.fail(
        `write both ends of the range as percentages (${asPercent(min)}, ${asPercent(max2)}) or neither`
      );
    }
    if (min.value > max2.value) this.fail(`the range ${shown2} is empty: its lower end is above its upper end`);
    return min.percent ? { kind: "range", min: min.value, max: max2.value, percent: true } : { kind: "range", min: min.value, max: max2.value };
  }
  choice(options) {
    const at = this.pos;
    const word = this.word();
    if (!options.includes(word)) {
      this.pos = at;
      this.fail(`expected ${options.map((o) => `"${o}"`).join(" or ")}`, word);
    }
    return word;
  }
  comparator() {
    this.blank();
    const match = COMPARATOR.exec(this.rest());
    if (match === null) return void 0;
    this.pos += match[0].length;
    return match[0];
  }
  number(context) {
    this.blank();
    const match = NUMBER2.exec(this.rest());
    if (match === null) this.fail(`expected a number ${context}, found ${this.found()}`);
    this.pos += match[0].length;
    return Number(match[0]);
  }
  word() {
    this.blank();
    const match = /^[A-Za-z]+/.exec(this.rest());
    if (match === null) return "";
    this.pos += match[0].length;
    return match[0].toLowerCase();
  }
  keyword(expected) {
    const at = this.pos;
    const word = this.word();
    if (word !== expected) {
      this.pos = at;
      this.blank();
      this.fail(`expected "${expected}", found ${this.found()}`);
    }
  }
  expect(token) {
    this.blank();
    if (!this.rest().startsWith(token)) this.fail(`expected "${token}", found ${this.found()}`);
    this.pos += token.length;
  }
  optional(token) {
    this.blank();
    if (!this.rest().startsWith(token)) return false;
    this.pos += token.length;
    return true;
  }
  blank() {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }
  rest() {
    return this.text.slice(this.pos);
  }
  found() {
    const rest = this.rest();
    return rest === "" ? "the end of the gate" : JSON.stringify(rest.length > 20 ? `${rest.slice(0, 20)}...` : rest);
  }
  fail(detail, word) {
    let column2 = this.pos + 1;
    if (word !== void 0) {
      column2 -= word.length;
      if (!detail.includes("found")) detail += `, found ${word === "" ? this.found() : JSON.stringify(word)}`;
    }
    throw new ConfigurationError(
      `${this.origin}: gate ${JSON.stringify(this.text)}, column ${column2}: ${detail}`
    );
  }
};

// packages/core/src/documents.ts
var DOCUMENT_LIMITS = {
  text: 1e4,
  key: 1e3,
  entries: 1e5,
  points: 1e5,
  runs: 100,
  /** Raw measurements per sampled metric, and examples per evaluation task. */
  samples: 1e6,
  tasks: 1e4
};
function fail(path, expected, value) {
  const found = value === void 0 ? "nothing" : value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "string" ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value) : typeof value === "object" ? "an object" : String(value);
  throw new ConfigurationError(`${path}: expected ${expected}, found ${found}`);
}
var number2 = (value, path) => {
  const n = numberFromJson(value);
  return n === void 0 ? fail(path, 'a number (or "NaN", "Infinity", "-Infinity")', value) : n;
};
var finite2 = (value, path) => typeof value === "number" && Number.isFinite(value) ? value : fail(path, "a finite number", value);
function text4(max2 = DOCUMENT_LIMITS.text) {
  return (value, path) => typeof value === "string" && value.length <= max2 ? value : fail(path, `text of at most ${max2} characters`, value);
}
function oneOf(choices) {
  return (value, path) => typeof value === "string" && choices.includes(value) ? value : fail(path, `one of ${choices.join(", ")}`, value);
}
function list(item, max2) {
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, "a list", value);
    if (value.length > max2) return fail(path, `at most ${max2} items`, `${value.length} items`);
    return value.map((v, i2) => item(v, `${path}[${i2}]`));
  };
}
function record(item, max2 = DOCUMENT_LIMITS.entries) {
  return (value, path) => {
    const entries = objectEntries(value, path);
    if (entries.length > max2) return fail(path, `at most ${max2} entries`, `${entries.length} entries`);
    const out = {};
    for (const [key, v] of entries) {
      if (key.length > DOCUMENT_LIMITS.key)
        fail(`${path}`, `keys of at most ${DOCUMENT_LIMITS.key} characters`, key);
      out[key] = item(v, `${path}[${JSON.stringify(key)}]`);
    }
    return out;
  };
}
function objectEntries(value, path) {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return fail(path, "an object", value);
  return Object.entries(value);
}
function field(value, path, name) {
  objectEntries(value, path);
  return Object.hasOwn(value, name) ? value[name] : void 0;
}
function optional(value, path, name, check) {
  const v = field(value, path, name);
  return v === void 0 || v === null ? void 0 : check(v, `${path}.${name}`);
}
function required(value, path, name, check) {
  return check(field(value, path, name), `${path}.${name}`);
}
var point = (value, path) => {
  const p = {
    step: required(value, path, "step", number2),
    value: required(value, path, "value", number2)
  };
  const wallTime = optional(value, path, "wallTime", number2);
  if (wallTime !== void 0) p.wallTime = wallTime;
  return p;
};
var series = (value, path) => {
  const stats = required(value, path, "stats", (v) => v);
  const statsPath = `${path}.stats`;
  const data = {
    points: required(value, path, "points", list(point, DOCUMENT_LIMITS.points)),
    stats: {
      count: required(stats, statsPath, "count", finite2),
      nonFinite: required(stats, statsPath, "nonFinite", finite2),
      first: required(stats, statsPath, "first", point),
      last: required(stats, statsPath, "last", point)
    }
  };
  for (const name of ["min", "max", "mean", "minStep", "maxStep"]) {
    const v = optional(stats, statsPath, name, number2);
    if (v !== void 0) data.stats[name] = v;
  }
  const downsampledFrom = optional(value, path, "downsampledFrom", finite2);
  if (downsampledFrom !== void 0) data.downsampledFrom = downsampledFrom;
  return data;
};
var paramValue2 = (value, path) => {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "string") return text4()(value, path);
  if (typeof value === "number") return value;
  return fail(path, "a string, number, true, false or null", value);
};
var source = (value, path) => ({
  file: required(value, path, "file", text4()),
  format: required(value, path, "format", text4(40)),
  notes: optional(value, path, "notes", list(text4(), 1e3)) ?? [],
  warnings: optional(value, path, "warnings", list(text4(), 1e3)) ?? []
});
var exampleResults = (value, path) => {
  const ids = required(value, path, "ids", list(text4(DOCUMENT_LIMITS.key), DOCUMENT_LIMITS.samples));
  const scores = required(value, path, "scores", record(list(number2, DOCUMENT_LIMITS.samples), 1e3));
  for (const [measure, values] of Object.entries(scores)) {
    if (values.length !== ids.length)
      fail(`${path}.scores.${measure}`, `one number per example (${ids.length})`, `${values.length} numbers`);
  }
  return {
    task: required(value, path, "task", text4(DOCUMENT_LIMITS.key)),
    file: required(value, path, "file", text4()),
    ids,
    scores
  };
};
function decodeMetricsDoc(value, path = "document") {
  const doc = {
    metrics: required(value, path, "metrics", record(number2)),
    series: optional(value, path, "series", record(series, 1e4)) ?? {},
    params: optional(value, path, "params", record(paramValue2)) ?? {},
    sources: optional(value, path, "sources", list(source, 1e3)) ?? []
  };
  const samples = optional(value, path, "samples", record(list(number2, DOCUMENT_LIMITS.samples), 1e4));
  if (samples !== void 0) doc.samples = samples;
  const examples = optional(value, path, "examples", list(exampleResults, DOCUMENT_LIMITS.tasks));
  if (examples !== void 0) doc.examples = examples;
  return doc;
}
var GATE_STATUSES = ["pass", "warn", "fail", "neutral", "error"];
var DIRECTIONS = ["higher", "lower"];
var interval = (value, path) => {
  const pair = list(number2, 2)(value, path);
  return pair.length === 2 ? [pair[0], pair[1]] : fail(path, "two numbers", value);
};
var gateResult = (value, path) => {
  const gatePath = `${path}.gate`;
  const gateValue = required(value, path, "gate", (v) => v);
  const gateText = required(gateValue, gatePath, "text", text4(2e3));
  const level = required(gateValue, gatePath, "level", oneOf(["fail", "warn"]));
  let gate;
  try {
    gate = parseGate(gateText, required(gateValue, gatePath, "origin", text4(200)));
  } catch (error) {
    throw new ConfigurationError(`${gatePath}.text: not a gate mlci writes (${error.message})`);
  }
  gate.level = level;
  const result = {
    gate,
    status: required(value, path, "status", oneOf(GATE_STATUSES)),
    reason: required(value, path, "reason", text4())
  };
  const metric = optional(value, path, "metric", text4(DOCUMENT_LIMITS.key));
  if (metric !== void 0) result.metric = metric;
  for (const name of ["base", "head", "observed"]) {
    const v = optional(value, path, name, number2);
    if (v !== void 0) result[name] = v;
  }
  const direction = optional(value, path, "direction", oneOf(DIRECTIONS));
  if (direction !== void 0) result.direction = direction;
  const stats = field(value, path, "statistics");
  if (stats !== void 0 && stats !== null) {
    const sp = `${path}.statistics`;
    const statistics = {
      method: required(stats, sp, "method", text4(100))
    };
    for (const name of ["p", "pAdjusted", "alpha", "level", "nBase", "nHead", "minEffect"]) {
      const v = optional(stats, sp, name, number2);
      if (v !== void 0) statistics[name] = v;
    }
    const ci = optional(stats, sp, "ci", interval);
    if (ci !== void 0) statistics.ci = ci;
    const family = field(stats, sp, "family");
    if (family !== void 0 && family !== null) {
      statistics.family = {
        size: required(family, `${sp}.family`, "size", finite2),
        correction: required(family, `${sp}.family`, "correction", oneOf(CORRECTIONS))
      };
    }
    const history = field(stats, sp, "history");
    if (history !== void 0 && history !== null) {
      statistics.history = {
        records: required(history, `${sp}.history`, "records", finite2),
        df: required(history, `${sp}.history`, "df", finite2),
        sd: required(history, `${sp}.history`, "sd", finite2)
      };
    }
    const untestable2 = optional(stats, sp, "untestable", oneOf(UNTESTABLE_CHOICES));
    if (untestable2 !== void 0) statistics.untestable = untestable2;
    result.statistics = statistics;
  }
  return result;
};
var summary = (value, path) => {
  const out = {
    n: required(value, path, "n", finite2),
    mean: required(value, path, "mean", number2),
    values: required(value, path, "values", list(number2, DOCUMENT_LIMITS.runs))
  };
  const sd = optional(value, path, "sd", number2);
  if (sd !== void 0) out.sd = sd;
  const ci = optional(value, path, "ci", interval);
  if (ci !== void 0) out.ci = ci;
  return out;
};
var metricComparison = (value, path) => {
  const m = {
    key: required(value, path, "key", text4(DOCUMENT_LIMITS.key)),
    directionSource: required(value, path, "directionSource", oneOf(["config", "name", "unknown"])),
    status: required(value, path, "status", oneOf(METRIC_STATUSES))
  };
  for (const name of ["base", "head", "delta", "deltaPercent"]) {
    const v = optional(value, path, name, number2);
    if (v !== void 0) m[name] = v;
  }
  const direction = optional(value, path, "direction", oneOf(DIRECTIONS));
  if (direction !== void 0) m.direction = direction;
  const repeats = field(value, path, "repeats");
  if (repeats !== void 0 && repeats !== null) {
    const rp = `${path}.repeats`;
    m.repeats = {};
    const base = optional(repeats, rp, "base", summary);
    if (base !== void 0) m.repeats.base = base;
    const head = optional(repeats, rp, "head", summary);
    if (head !== void 0) m.repeats.head = head;
  }
  const noise = field(value, path, "noise");
  if (noise !== void 0 && noise !== null) {
    const np = `${path}.noise`;
    m.noise = {
      ci: required(noise, np, "ci", interval),
      level: required(noise, np, "level", finite2),
      method: required(noise, np, "method", oneOf(["welch", "history"]))
    };
    const history = field(noise, np, "history");
    if (history !== void 0 && history !== null) {
      m.noise.history = {
        records: required(history, `${np}.history`, "records", finite2),
        sd: required(history, `${np}.history`, "sd", finite2)
      };
    }
  }
  return m;
};
var paramChange = (value, path) => {
  const p = {
    key: required(value, path, "key", text4(DOCUMENT_LIMITS.key)),
    status: required(value, path, "status", oneOf(["changed", "added", "removed"]))
  };
  if (field(value, path, "base") !== void 0) p.base = required(value, path, "base", paramValue2);
  if (field(value, path, "head") !== void 0) p.head = required(value, path, "head", paramValue2);
  return p;
};
var side = (value, path) => {
  const s = {
    runs: required(value, path, "runs", finite2),
    sources: required(value, path, "sources", list(source, 1e3))
  };
  const label = optional(value, path, "label", text4(500));
  if (label !== void 0) s.label = label;
  return s;
};
function decodeComparison(value, path = "comparison", options = {}) {
  required(value, path, "schema", oneOf(["mlci/comparison"]));
  const version = required(value, path, "version", finite2);
  if (version !== 1) fail(`${path}.version`, "1 (this mlci reads version 1)", version);
  const verdictPath = `${path}.verdict`;
  const verdict = required(value, path, "verdict", (v) => v);
  const counts = required(verdict, verdictPath, "counts", (v) => v);
  const comparison = {
    schema: "mlci/comparison",
    version: 1,
    verdict: {
      kind: required(
        verdict,
        verdictPath,
        "kind",
        oneOf(["passed", "failed", "passed-with-warnings", "no-baseline"])
      ),
      counts: {
        pass: required(counts, `${verdictPath}.counts`, "pass", finite2),
        warn: required(counts, `${verdictPath}.counts`, "warn", finite2),
        fail: required(counts, `${verdictPath}.counts`, "fail", finite2),
        neutral: required(counts, `${verdictPath}.counts`, "neutral", finite2),
        error: required(counts, `${verdictPath}.counts`, "error", finite2)
      },
      summary: required(verdict, verdictPath, "summary", text4())
    },
    gates: required(value, path, "gates", list(gateResult, DOCUMENT_LIMITS.entries)),
    metrics: required(value, path, "metrics", list(metricComparison, DOCUMENT_LIMITS.entries)),
    params: required(value, path, "params", list(paramChange, DOCUMENT_LIMITS.entries)),
    head: required(value, path, "head", side)
  };
  const base = optional(value, path, "base", side);
  if (base !== void 0) comparison.base = base;
  const history = field(value, path, "history");
  if (history !== void 0 && history !== null) {
    comparison.history = {
      records: required(history, `${path}.history`, "records", finite2),
      label: required(history, `${path}.history`, "label", text4(500))
    };
  }
  const problem = field(value, path, "baselineProblem");
  if (problem !== void 0 && problem !== null && base === void 0) {
    comparison.baselineProblem = {
      kind: required(problem, `${path}.baselineProblem`, "kind", oneOf(["unavailable", "missing"])),
      detail: required(problem, `${path}.baselineProblem`, "detail", text4(2e3))
    };
  }
  const changes = field(value, path, "configChanges");
  if (changes !== void 0 && changes !== null) {
    const cp = `${path}.configChanges`;
    comparison.configChanges = {
      from: required(changes, cp, "from", text4(500)),
      gatesAdded: required(changes, cp, "gatesAdded", list(text4(2e3), DOCUMENT_LIMITS.entries)),
      gatesRemoved: required(changes, cp, "gatesRemoved", list(text4(2e3), DOCUMENT_LIMITS.entries)),
      settings: required(changes, cp, "settings", list(text4(2e3), DOCUMENT_LIMITS.entries))
    };
  }
  const acceptance = field(value, path, "acceptance");
  if (acceptance !== void 0 && acceptance !== null && options.trustAcceptance !== false) {
    const ap = `${path}.acceptance`;
    comparison.acceptance = {
      by: required(acceptance, ap, "by", text4(100)),
      label: required(acceptance, ap, "label", text4(100)),
      head: required(acceptance, ap, "head", text4(64))
    };
  }
  const checkedOwnNumbers = base === void 0 && comparison.verdict.kind !== "no-baseline" && comparison.baselineProblem === void 0;
  comparison.verdict = verdictOf(
    comparison.gates,
    base !== void 0 || checkedOwnNumbers,
    comparison.baselineProblem,
    comparison.acceptance
  );
  return comparison;
}

// packages/core/src/readers/llm-eval/examples.ts
var MAX_MEASURES = 1e3;
var ExampleTable = class {
  constructor(task, file) {
    this.task = task;
    this.file = file;
  }
  task;
  file;
  index = /* @__PURE__ */ new Map();
  ids = [];
  columns = /* @__PURE__ */ new Map();
  get size() {
    return this.ids.length;
  }
  has(id) {
    return this.index.has(id);
  }
  /** The row of `id`, added (with NaN in every measure) when it is new. */
  row(id, where = {}) {
    let at = this.index.get(id);
    if (at !== void 0) return at;
    if (id.length > DOCUMENT_LIMITS.key) {
      throw new ParseError(
        { file: this.file, ...where },
        `an example id of ${id.length} characters; mlci keeps ids of at most ${DOCUMENT_LIMITS.key}`
      );
    }
    if (this.ids.length >= DOCUMENT_LIMITS.samples) {
      throw new ParseError(
        { file: this.file, ...where },
        `more than ${DOCUMENT_LIMITS.samples} examples in task ${this.task}; mlci keeps at most ${DOCUMENT_LIMITS.samples} per task`
      );
    }
    at = this.ids.length;
    this.ids.push(id);
    this.index.set(id, at);
    for (const column2 of this.columns.values()) column2.push(NaN);
    return at;
  }
  /** The value of `measure` for the example at `row`; undefined when none was set. */
  get(measure, row) {
    const value = this.columns.get(measure)?.[row];
    return value === void 0 || Number.isNaN(value) ? void 0 : value;
  }
  set(measure, row, value, where = {}) {
    let column2 = this.columns.get(measure);
    if (column2 === void 0) {
      if (this.columns.size >= MAX_MEASURES) {
        throw new ParseError(
          { file: this.file, ...where },
          `more than ${MAX_MEASURES} per-example measures in task ${this.task}; mlci keeps at most ${MAX_MEASURES}`
        );
      }
      column2 = new Array(this.ids.length).fill(NaN);
      this.columns.set(measure, column2);
    }
    column2[row] = value;
  }
  measures() {
    return [...this.columns.keys()];
  }
  /** Forgets a measure (one whose values turned out not to be per-example numbers). */
  drop(measure) {
    this.columns.delete(measure);
  }
  /** The mean of a measure over the examples that have it; undefined when none has. */
  mean(measure) {
    const column2 = this.columns.get(measure);
    if (column2 === void 0) return void 0;
    let sum = 0;
    let n = 0;
    for (const v of column2) {
      if (Number.isNaN(v)) continue;
      sum += v;
      n++;
    }
    return n === 0 ? void 0 : sum / n;
  }
  /** The model's form; undefined when no example has a value of any measure. */
  build() {
    if (this.ids.length === 0 || this.columns.size === 0) return void 0;
    const scores = {};
    for (const [measure, column2] of this.columns) setOwn(scores, measure, column2);
    return { task: this.task, file: this.file, ids: [...this.ids], scores };
  }
};
function exampleNumber(value) {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === null) return NaN;
  if (typeof value === "string") return parseNumber(value);
  return void 0;
}
function sameValue(a, b) {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
function listed2(names, most = 8) {
  const shown2 = names.slice(0, most).join(", ");
  return names.length > most ? `${shown2} and ${names.length - most} more` : shown2;
}
function plural3(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function isPlainObject2(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function describeValue(value) {
  if (value === null) return "null";
  if (value === void 0) return "nothing";
  if (Array.isArray(value)) return `a list of ${plural3(value.length, "item")}`;
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value === "object") return "an object";
  return `the ${typeof value} ${String(value)}`;
}

// packages/core/src/readers/llm-eval/zip.ts
var import_node_fs10 = __toESM(require_node_fs(), 1);

// ../../work/main/node_modules/fflate/esm/index.mjs
var import_module = __toESM(require_module(), 1);
var require2 = (0, import_module.createRequire)("/");
var _a;
var Worker;
var isMarkedAsUntransferable;
try {
  _a = require2("worker_threads"), Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable;
} catch (e) {
}
var u8 = Uint8Array;
var u16 = Uint16Array;
var i32 = Int32Array;
var fleb = new u8([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  1,
  1,
  1,
  1,
  2,
  2,
  2,
  2,
  3,
  3,
  3,
  3,
  4,
  4,
  4,
  4,
  5,
  5,
  5,
  5,
  0,
  /* unused */
  0,
  0,
  /* impossible */
  0
]);
var fdeb = new u8([
  0,
  0,
  0,
  0,
  1,
  1,
  2,
  2,
  3,
  3,
  4,
  4,
  5,
  5,
  6,
  6,
  7,
  7,
  8,
  8,
  9,
  9,
  10,
  10,
  11,
  11,
  12,
  12,
  13,
  13,
  /* unused */
  0,
  0
]);
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
var freb = function(eb, start) {
  var b = new u16(31);
  for (var i2 = 0; i2 < 31; ++i2) {
    b[i2] = start += 1 << eb[i2 - 1];
  }
  var r = new i32(b[30]);
  for (var i2 = 1; i2 < 30; ++i2) {
    for (var j = b[i2]; j < b[i2 + 1]; ++j) {
      r[j] = j - b[i2] << 5 | i2;
    }
  }
  return { b, r };
};
var _a = freb(fleb, 2);
var fl = _a.b;
var revfl = _a.r;
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0);
var fd = _b.b;
var revfd = _b.r;
var rev = new u16(32768);
for (i = 0; i < 32768; ++i) {
  x = (i & 43690) >> 1 | (i & 21845) << 1;
  x = (x & 52428) >> 2 | (x & 13107) << 2;
  x = (x & 61680) >> 4 | (x & 3855) << 4;
  rev[i] = ((x & 65280) >> 8 | (x & 255) << 8) >> 1;
}
var x;
var i;
var hMap = (function(cd, mb, r) {
  var s = cd.length;
  var i2 = 0;
  var l = new u16(mb);
  for (; i2 < s; ++i2) {
    if (cd[i2])
      ++l[cd[i2] - 1];
  }
  var le = new u16(mb);
  for (i2 = 1; i2 < mb; ++i2) {
    le[i2] = le[i2 - 1] + l[i2 - 1] << 1;
  }
  var co;
  if (r) {
    co = new u16(1 << mb);
    var rvb = 15 - mb;
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        var sv = i2 << 4 | cd[i2];
        var r_1 = mb - cd[i2];
        var v = le[cd[i2] - 1]++ << r_1;
        for (var m = v | (1 << r_1) - 1; v <= m; ++v) {
          co[rev[v] >> rvb] = sv;
        }
      }
    }
  } else {
    co = new u16(s);
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        co[i2] = rev[le[cd[i2] - 1]++] >> 15 - cd[i2];
      }
    }
  }
  return co;
});
var flt = new u8(288);
for (i = 0; i < 144; ++i)
  flt[i] = 8;
var i;
for (i = 144; i < 256; ++i)
  flt[i] = 9;
var i;
for (i = 256; i < 280; ++i)
  flt[i] = 7;
var i;
for (i = 280; i < 288; ++i)
  flt[i] = 8;
var i;
var fdt = new u8(32);
for (i = 0; i < 32; ++i)
  fdt[i] = 5;
var i;
var flrm = /* @__PURE__ */ hMap(flt, 9, 1);
var fdrm = /* @__PURE__ */ hMap(fdt, 5, 1);
var max = function(a) {
  var m = a[0];
  for (var i2 = 1; i2 < a.length; ++i2) {
    if (a[i2] > m)
      m = a[i2];
  }
  return m;
};
var bits = function(d, p, m) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8) >> (p & 7) & m;
};
var bits16 = function(d, p) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8 | d[o + 2] << 16) >> (p & 7);
};
var shft = function(p) {
  return (p + 7) / 8 | 0;
};
var slc = function(v, s, e) {
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  return new u8(v.subarray(s, e));
};
var ec = [
  "unexpected EOF",
  "invalid block type",
  "invalid length/literal",
  "invalid distance",
  "stream finished",
  "no stream handler",
  ,
  // determined by compression function
  "no callback",
  "invalid UTF-8 data",
  "extra field too long",
  "date not in range 1980-2099",
  "filename too long",
  "stream finishing",
  "invalid zip data"
  // determined by unknown compression method
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var inflt = function(dat, st, buf, dict) {
  var sl = dat.length, dl = dict ? dict.length : 0;
  if (!sl || st.f && !st.l)
    return buf || new u8(0);
  var noBuf = !buf;
  var resize = noBuf || st.i != 2;
  var noSt = st.i;
  if (noBuf)
    buf = new u8(sl * 3);
  var cbuf = function(l2) {
    var bl = buf.length;
    if (l2 > bl) {
      var nbuf = new u8(Math.max(bl * 2, l2));
      nbuf.set(buf);
      buf = nbuf;
    }
  };
  var final = st.f || 0, pos = st.p || 0, bt = st.b || 0, lm = st.l, dm = st.d, lbt = st.m, dbt = st.n;
  var tbts = sl * 8;
  do {
    if (!lm) {
      final = bits(dat, pos, 1);
      var type = bits(dat, pos + 1, 3);
      pos += 3;
      if (!type) {
        var s = shft(pos) + 4, l = dat[s - 4] | dat[s - 3] << 8, t = s + l;
        if (t > sl) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + l);
        buf.set(dat.subarray(s, t), bt);
        st.b = bt += l, st.p = pos = t * 8, st.f = final;
        continue;
      } else if (type == 1)
        lm = flrm, dm = fdrm, lbt = 9, dbt = 5;
      else if (type == 2) {
        var hLit = bits(dat, pos, 31) + 257, hcLen = bits(dat, pos + 10, 15) + 4;
        var tl = hLit + bits(dat, pos + 5, 31) + 1;
        pos += 14;
        var ldt = new u8(tl);
        var clt = new u8(19);
        for (var i2 = 0; i2 < hcLen; ++i2) {
          clt[clim[i2]] = bits(dat, pos + i2 * 3, 7);
        }
        pos += hcLen * 3;
        var clb = max(clt), clbmsk = (1 << clb) - 1;
        var clm = hMap(clt, clb, 1);
        for (var i2 = 0; i2 < tl; ) {
          var r = clm[bits(dat, pos, clbmsk)];
          pos += r & 15;
          var s = r >> 4;
          if (s < 16) {
            ldt[i2++] = s;
          } else {
            var c = 0, n = 0;
            if (s == 16)
              n = 3 + bits(dat, pos, 3), pos += 2, c = ldt[i2 - 1];
            else if (s == 17)
              n = 3 + bits(dat, pos, 7), pos += 3;
            else if (s == 18)
              n = 11 + bits(dat, pos, 127), pos += 7;
            while (n--)
              ldt[i2++] = c;
          }
        }
        var lt = ldt.subarray(0, hLit), dt = ldt.subarray(hLit);
        lbt = max(lt);
        dbt = max(dt);
        lm = hMap(lt, lbt, 1);
        dm = hMap(dt, dbt, 1);
      } else
        err(1);
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
    }
    if (resize)
      cbuf(bt + 131072);
    var lms = (1 << lbt) - 1, dms = (1 << dbt) - 1;
    var lpos = pos;
    for (; ; lpos = pos) {
      var c = lm[bits16(dat, pos) & lms], sym = c >> 4;
      pos += c & 15;
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
      if (!c)
        err(2);
      if (sym < 256)
        buf[bt++] = sym;
      else if (sym == 256) {
        lpos = pos, lm = null;
        break;
      } else {
        var add = sym - 254;
        if (sym > 264) {
          var i2 = sym - 257, b = fleb[i2];
          add = bits(dat, pos, (1 << b) - 1) + fl[i2];
          pos += b;
        }
        var d = dm[bits16(dat, pos) & dms], dsym = d >> 4;
        if (!d)
          err(3);
        pos += d & 15;
        var dt = fd[dsym];
        if (dsym > 3) {
          var b = fdeb[dsym];
          dt += bits16(dat, pos) & (1 << b) - 1, pos += b;
        }
        if (pos > tbts) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + 131072);
        var end = bt + add;
        if (bt < dt) {
          var shift = dl - dt, dend = Math.min(dt, end);
          if (shift + bt < 0)
            err(3);
          for (; bt < dend; ++bt)
            buf[bt] = dict[shift + bt];
        }
        for (; bt < end; ++bt)
          buf[bt] = buf[bt - dt];
      }
    }
    st.l = lm, st.p = lpos, st.b = bt, st.f = final;
    if (lm)
      final = 1, st.m = lbt, st.d = dm, st.n = dbt;
  } while (!final);
  return bt != buf.length && noBuf ? slc(buf, 0, bt) : buf.subarray(0, bt);
};
var et = /* @__PURE__ */ new u8(0);
var b2 = function(d, b) {
  return d[b] | d[b + 1] << 8;
};
var b4 = function(d, b) {
  return (d[b] | d[b + 1] << 8 | d[b + 2] << 16 | d[b + 3] << 24) >>> 0;
};
var b8 = function(d, b) {
  return b4(d, b) + b4(d, b + 4) * 4294967296;
};
var Inflate = /* @__PURE__ */ (function() {
  function Inflate2(opts, cb) {
    if (typeof opts == "function")
      cb = opts, opts = {};
    this.ondata = cb;
    var dict = opts && opts.dictionary && opts.dictionary.subarray(-32768);
    this.s = { i: 0, b: dict ? dict.length : 0 };
    this.o = new u8(32768);
    this.p = new u8(0);
    if (dict)
      this.o.set(dict);
  }
  Inflate2.prototype.e = function(c) {
    if (!this.ondata)
      err(5);
    if (this.d)
      err(4);
    if (!this.p.length)
      this.p = c;
    else if (c.length) {
      var n = new u8(this.p.length + c.length);
      n.set(this.p), n.set(c, this.p.length), this.p = n;
    }
  };
  Inflate2.prototype.c = function(final) {
    this.s.i = +(this.d = final || false);
    var bts = this.s.b;
    var dt = inflt(this.p, this.s, this.o);
    this.ondata(slc(dt, bts, this.s.b), this.d);
    this.o = slc(dt, this.s.b - 32768), this.s.b = this.o.length;
    this.p = slc(this.p, this.s.p / 8 | 0), this.s.p &= 7;
  };
  Inflate2.prototype.push = function(chunk, final) {
    this.e(chunk), this.c(final);
  };
  return Inflate2;
})();
function inflateSync(data, opts) {
  return inflt(data, { i: 2 }, opts && opts.out, opts && opts.dictionary);
}
var td = typeof TextDecoder != "undefined" && /* @__PURE__ */ new TextDecoder();
var tds = 0;
try {
  td.decode(et, { stream: true });
  tds = 1;
} catch (e) {
}
var dutf8 = function(d) {
  for (var r = "", i2 = 0; ; ) {
    var c = d[i2++];
    var eb = (c > 127) + (c > 223) + (c > 239);
    if (i2 + eb > d.length)
      return { s: r, r: slc(d, i2 - 1) };
    if (!eb)
      r += String.fromCharCode(c);
    else if (eb == 3) {
      c = ((c & 15) << 18 | (d[i2++] & 63) << 12 | (d[i2++] & 63) << 6 | d[i2++] & 63) - 65536, r += String.fromCharCode(55296 | c >> 10, 56320 | c & 1023);
    } else if (eb & 1)
      r += String.fromCharCode((c & 31) << 6 | d[i2++] & 63);
    else
      r += String.fromCharCode((c & 15) << 12 | (d[i2++] & 63) << 6 | d[i2++] & 63);
  }
};
function strFromU8(dat, latin1) {
  if (latin1) {
    var r = "";
    for (var i2 = 0; i2 < dat.length; i2 += 16384)
      r += String.fromCharCode.apply(null, dat.subarray(i2, i2 + 16384));
    return r;
  } else if (td) {
    return td.decode(dat);
  } else {
    var _a2 = dutf8(dat), s = _a2.s, r = _a2.r;
    if (r.length)
      err(8);
    return s;
  }
}
var slzh = function(d, b) {
  return b + 30 + b2(d, b + 26) + b2(d, b + 28);
};
var zh = function(d, b, z) {
  var fnl = b2(d, b + 28), efl = b2(d, b + 30), fn = strFromU8(d.subarray(b + 46, b + 46 + fnl), !(b2(d, b + 8) & 2048)), es = b + 46 + fnl;
  var _a2 = z64hs(d, es, efl, z, b4(d, b + 20), b4(d, b + 24), b4(d, b + 42)), sc = _a2[0], su = _a2[1], off = _a2[2];
  return [b2(d, b + 10), sc, su, fn, es + efl + b2(d, b + 32), off];
};
var z64hs = function(d, b, l, z, sc, su, off) {
  var nsc = sc == 4294967295, nsu = su == 4294967295, noff = off == 4294967295, e = b + l;
  var nf = nsc + nsu + noff;
  if (z && nf) {
    for (; b + 4 < e; b += 4 + b2(d, b + 2)) {
      if (b2(d, b) == 1) {
        return [
          nsc ? b8(d, b + 4 + 8 * nsu) : sc,
          nsu ? b8(d, b + 4) : su,
          noff ? b8(d, b + 4 + 8 * (nsu + nsc)) : off,
          1
        ];
      }
    }
    if (z < 2)
      err(13);
  }
  return [sc, su, off, 0];
};
function unzipSync(data, opts) {
  var files = {};
  var e = data.length - 22;
  for (; b4(data, e) != 101010256; --e) {
    if (!e || data.length - e > 65558)
      err(13);
  }
  ;
  var c = b2(data, e + 8);
  if (!c)
    return {};
  var o = b4(data, e + 16);
  var z = b4(data, e - 20) == 117853008;
  if (z) {
    var ze = b4(data, e - 12);
    z = b4(data, ze) == 101075792;
    if (z) {
      c = b4(data, ze + 32);
      o = b4(data, ze + 48);
    }
  }
  var fltr = opts && opts.filter;
  for (var i2 = 0; i2 < c; ++i2) {
    var _a2 = zh(data, o, z), c_2 = _a2[0], sc = _a2[1], su = _a2[2], fn = _a2[3], no = _a2[4], off = _a2[5], b = slzh(data, off);
    o = no;
    if (!fltr || fltr({
      name: fn,
      size: sc,
      originalSize: su,
      compression: c_2
    })) {
      if (!c_2)
        files[fn] = slc(data, b, b + sc);
      else if (c_2 == 8)
        files[fn] = inflateSync(data.subarray(b, b + sc), { out: new u8(su) });
      else
        err(14, "unknown compression type " + c_2);
    }
  }
  return files;
}

// packages/core/src/readers/llm-eval/zip.ts
var MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;
var EOCD_SEARCH = 22 + 65535;
var INFLATE_STEP = 16 * 1024;
var SIG_EOCD = 101010256;
var SIG_ZIP64_LOCATOR = 117853008;
var SIG_ZIP64_EOCD = 101075792;
var SIG_CENTRAL = 33639248;
var SIG_LOCAL = 67324752;
var ZipArchive = class {
  constructor(file, limits) {
    this.file = file;
    this.limits = limits;
    const { fd: fd2, size } = openRegular(file);
    this.fd = fd2;
    this.size = size;
    try {
      this.entries = this.readDirectory();
    } catch (error) {
      (0, import_node_fs10.closeSync)(fd2);
      throw error;
    }
  }
  file;
  limits;
  fd;
  size;
  inflated = 0;
  entries;
  close() {
    (0, import_node_fs10.closeSync)(this.fd);
  }
  /** The last entry of that name (a rewritten entry is appended), or undefined. */
  find(name) {
    for (let i2 = this.entries.length - 1; i2 >= 0; i2--)
      if (this.entries[i2].name === name) return this.entries[i2];
    return void 0;
  }
  /** The entry's bytes, inflated within the limits. */
  read(entry) {
    const where = `entry ${entry.name}`;
    if (entry.encrypted) this.fail(`${where} is encrypted; mlci does not read encrypted archives`);
    const cap = Math.min(this.limits.entryBytes, this.limits.totalBytes - this.inflated);
    if (entry.size > cap) {
      this.fail(
        entry.size > this.limits.entryBytes ? `${where} declares ${entry.size} bytes; mlci inflates at most ${this.limits.entryBytes} per entry` : `${where} declares ${entry.size} bytes, more than the ${this.limits.totalBytes} bytes mlci inflates from one archive in all`
      );
    }
    const local = this.bytes(entry.offset, 30, where);
    if (u323(local, 0) !== SIG_LOCAL)
      this.fail(`${where}: expected a local file header at byte ${entry.offset}`);
    const start = entry.offset + 30 + u162(local, 26) + u162(local, 28);
    if (start + entry.compressedSize > this.size)
      this.fail(`${where} runs past the end of the file (the archive is cut off?)`);
    let out;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size)
        this.fail(
          `${where} is stored uncompressed, yet declares ${entry.size} bytes and holds ${entry.compressedSize}`
        );
      out = this.bytes(start, entry.size, where);
    } else if (entry.method === 8) {
      out = this.inflate(entry, start, where);
    } else {
      this.fail(
        `${where} is compressed with method ${entry.method}; mlci reads stored (0) and deflated (8) entries`
      );
    }
    this.inflated += out.length;
    return out;
  }
  /**
   * Inflates step by step, counting: the output may never exceed what the entry declared, so
   * memory is bounded by the declared size (itself capped) whatever the compressed bytes say.
   */
  inflate(entry, start, where) {
    const out = new Uint8Array(entry.size);
    let filled = 0;
    let ended2 = false;
    const inflater = new Inflate((chunk, final) => {
      if (filled + chunk.length > entry.size) {
        this.fail(
          `${where} inflates to more than the ${entry.size} bytes it declares; refused (a zip bomb, or a damaged archive)`
        );
      }
      out.set(chunk, filled);
      filled += chunk.length;
      if (final) ended2 = true;
    });
    const step = new Uint8Array(INFLATE_STEP);
    for (let done = 0; done < entry.compressedSize; ) {
      const length = Math.min(INFLATE_STEP, entry.compressedSize - done);
      const got = (0, import_node_fs10.readSync)(this.fd, step, 0, length, start + done);
      if (got !== length) this.fail(`${where} runs past the end of the file (the archive is cut off?)`);
      done += length;
      try {
        inflater.push(step.slice(0, length), done === entry.compressedSize);
      } catch (error) {
        if (error instanceof ParseError) throw error;
        this.fail(`${where} is not valid deflate data (${error.message})`);
      }
      if (ended2) break;
    }
    if (!ended2 || filled !== entry.size)
      this.fail(`${where} inflates to ${filled} bytes, but declares ${entry.size} (a damaged archive?)`);
    return out;
  }
  readDirectory() {
    const tailLength = Math.min(this.size, EOCD_SEARCH);
    const tail = this.bytes(this.size - tailLength, tailLength, "the end of the archive");
    let at = -1;
    for (let i2 = tail.length - 22; i2 >= 0; i2--) {
      if (u323(tail, i2) === SIG_EOCD) {
        at = i2;
        break;
      }
    }
    if (at < 0) this.fail("not a zip archive: no end-of-central-directory record (is the file cut off?)");
    let count4 = u162(tail, at + 10);
    let directorySize = u323(tail, at + 12);
    let directoryOffset = u323(tail, at + 16);
    const locator = at - 20;
    if (locator >= 0 && u323(tail, locator) === SIG_ZIP64_LOCATOR) {
      const zip64At = u64(tail, locator + 8, this);
      const record3 = this.bytes(zip64At, 56, "the zip64 end-of-central-directory record");
      if (u323(record3, 0) !== SIG_ZIP64_EOCD) this.fail("a zip64 locator that points at no zip64 record");
      count4 = u64(record3, 32, this);
      directorySize = u64(record3, 40, this);
      directoryOffset = u64(record3, 48, this);
    }
    if (directorySize > MAX_DIRECTORY_BYTES)
      this.fail(`a central directory of ${directorySize} bytes; mlci reads at most ${MAX_DIRECTORY_BYTES}`);
    if (directoryOffset + directorySize > this.size)
      this.fail("the central directory lies past the end of the file (the archive is cut off?)");
    const directory = this.bytes(directoryOffset, directorySize, "the central directory");
    const entries = [];
    let pos = 0;
    for (let i2 = 0; i2 < count4; i2++) {
      if (pos + 46 > directory.length || u323(directory, pos) !== SIG_CENTRAL)
        this.fail(`central directory entry ${i2 + 1} of ${count4} is damaged`);
      const nameLength = u162(directory, pos + 28);
      const extraLength = u162(directory, pos + 30);
      const commentLength = u162(directory, pos + 32);
      const end = pos + 46 + nameLength + extraLength + commentLength;
      if (end > directory.length) this.fail(`central directory entry ${i2 + 1} of ${count4} is damaged`);
      const entry = {
        name: new TextDecoder().decode(directory.subarray(pos + 46, pos + 46 + nameLength)),
        method: u162(directory, pos + 10),
        compressedSize: u323(directory, pos + 20),
        size: u323(directory, pos + 24),
        offset: u323(directory, pos + 42),
        encrypted: (u162(directory, pos + 8) & 1) === 1
      };
      readZip64Extra(directory, pos + 46 + nameLength, extraLength, entry, this);
      entries.push(entry);
      pos = end;
    }
    return entries;
  }
  bytes(position, length, what) {
    const buffer = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const got = (0, import_node_fs10.readSync)(this.fd, buffer, filled, length - filled, position + filled);
      if (got === 0) this.fail(`${what} runs past the end of the file (the archive is cut off?)`);
      filled += got;
    }
    return buffer;
  }
  fail(detail) {
    throw new ParseError({ file: this.file }, detail);
  }
};
function readZip64Extra(data, start, length, entry, archive) {
  const MAX = 4294967295;
  if (entry.size !== MAX && entry.compressedSize !== MAX && entry.offset !== MAX) return;
  for (let pos = start; pos + 4 <= start + length; ) {
    const id = u162(data, pos);
    const size = u162(data, pos + 2);
    if (id === 1) {
      let at = pos + 4;
      if (entry.size === MAX) {
        entry.size = u64(data, at, archive);
        at += 8;
      }
      if (entry.compressedSize === MAX) {
        entry.compressedSize = u64(data, at, archive);
        at += 8;
      }
      if (entry.offset === MAX) entry.offset = u64(data, at, archive);
      return;
    }
    pos += 4 + size;
  }
  archive.fail(`entry ${entry.name} has zip64 sizes but no zip64 extra field`);
}
function u162(data, at) {
  return data[at] | data[at + 1] << 8;
}
function u323(data, at) {
  return (data[at] | data[at + 1] << 8 | data[at + 2] << 16 | data[at + 3] << 24) >>> 0;
}
function u64(data, at, archive) {
  const value = u323(data, at) + u323(data, at + 4) * 2 ** 32;
  if (!Number.isSafeInteger(value) || at + 8 > data.length)
    archive.fail("a zip64 size or offset out of range");
  return value;
}

// packages/core/src/readers/llm-eval/inspect-ai.ts
var LOG_NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:[+-]\d{2}-\d{2}|Z)?)_(.+)_([A-Za-z0-9]+)\.(eval|json)$/;
var JSON_LOG_HEAD = /^\s*\{\s*"version"\s*:\s*\d+\s*,\s*"status"\s*:\s*"[a-z]+"\s*,\s*"eval"\s*:/;
var MEAN_METRICS = /* @__PURE__ */ new Set(["accuracy", "mean"]);
var LETTERS = { C: 1, I: 0, P: 0.5, N: 0 };
var WORDS = { yes: 1, true: 1, no: 0, false: 0 };
var ARCHIVE_LIMITS = { entryBytes: MAX_DOCUMENT_BYTES, totalBytes: MAX_DOCUMENT_BYTES };
var inspectAiReader = {
  format: "inspect-ai",
  title: "Inspect AI eval log (.eval or .json, or a folder of them)",
  target: "both",
  detect(probe) {
    if (probe.isDirectory)
      return probe.entries.some((e) => LOG_NAME.test(e) && e.endsWith(".eval")) ? DETECT.name : DETECT.no;
    const ext = extensionOf(probe.name);
    if (ext === "eval") return isZip(probe.head) ? DETECT.name : DETECT.no;
    if (ext !== "json") return DETECT.no;
    return JSON_LOG_HEAD.test(new TextDecoder().decode(probe.head)) ? DETECT.content : DETECT.no;
  },
  read: readInspectAi
};
function isZip(head) {
  return head[0] === 80 && head[1] === 75 && head[2] === 3 && head[3] === 4;
}
async function readInspectAi(path, options) {
  const info = await statOrExplain(path);
  if (info.isDirectory()) return readFolder(path, options);
  return readLog(path, options, void 0);
}
async function readLog(path, options, scope) {
  if (scope !== void 0) await checkInside(path, scope);
  const builder = new DocBuilder(path, "inspect-ai", { maxSeriesPoints: options.maxSeriesPoints });
  const parts = extensionOf(path) === "eval" ? readArchive(path, builder) : await readJsonLog(path);
  const examples = readLogInto(builder, parts, path);
  const doc = builder.build();
  if (examples.length > 0) doc.examples = examples;
  return doc;
}
async function readJsonLog(path) {
  const value = parseJsonText(await readTextFile(path), path);
  if (!isPlainObject2(value) || !isPlainObject2(value["eval"])) {
    throw new ParseError(
      { file: path, key: "eval" },
      `expected an Inspect AI log: an object with "eval" (the task, model and settings) and "results", found ${isPlainObject2(value) ? `eval: ${describeValue(value["eval"])}` : describeValue(value)}`
    );
  }
  const parts = { header: value, where: { reductions: path, samples: path } };
  if (value["reductions"] !== void 0 && value["reductions"] !== null)
    parts.reductions = value["reductions"];
  if (Array.isArray(value["samples"])) parts.samples = value["samples"];
  return parts;
}
function readArchive(path, builder) {
  const archive = new ZipArchive(path, ARCHIVE_LIMITS);
  try {
    const json = (name) => {
      const entry = archive.find(name);
      const label = `${path} (${name})`;
      return parseJsonText(decodeUtf8(archive.read(entry), label), label);
    };
    let header;
    if (archive.find("header.json") !== void 0) {
      header = json("header.json");
    } else if (archive.find("_journal/start.json") !== void 0) {
      header = json("_journal/start.json");
      builder.warn(
        `${path}: no header.json, only the journal of a log still being written (or cut off): no results yet`
      );
      if (isPlainObject2(header) && header["status"] === void 0) header["status"] = "started";
    } else {
      throw new ParseError(
        { file: path },
        `expected an Inspect AI .eval log (a zip archive with header.json), found an archive of ${listed2(
          archive.entries.map((e) => e.name),
          5
        ) || "nothing"}`
      );
    }
    if (!isPlainObject2(header) || !isPlainObject2(header["eval"])) {
      throw new ParseError(
        { file: `${path} (header.json)`, key: "eval" },
        `expected the log's header: an object with "eval" (the task, model and settings), found ${describeValue(header)}`
      );
    }
    const parts = {
      header,
      where: { reductions: `${path} (reductions.json)`, samples: `${path} (summaries.json)` }
    };
    if (archive.find("reductions.json") !== void 0) parts.reductions = json("reductions.json");
    if (reducesEveryScorer(header, parts.reductions)) return parts;
    if (archive.find("summaries.json") !== void 0) {
      const summaries = json("summaries.json");
      if (Array.isArray(summaries)) parts.samples = summaries;
    } else {
      const journal = archive.entries.filter((e) => /^_journal\/summaries\/\d+\.json$/.test(e.name)).sort((a, b) => journalIndex(a.name) - journalIndex(b.name));
      if (journal.length > 0) {
        parts.samples = journal.flatMap((e) => {
          const list3 = json(e.name);
          return Array.isArray(list3) ? list3 : [];
        });
        parts.where.samples = `${path} (_journal/summaries)`;
      }
    }
    return parts;
  } finally {
    archive.close();
  }
}
function reducesEveryScorer(header, reductions) {
  if (!Array.isArray(reductions)) return false;
  const results = header["results"];
  const scores = isPlainObject2(results) && Array.isArray(results["scores"]) ? results["scores"] : [];
  const reduced = new Set(
    reductions.filter((r) => isPlainObject2(r) && Array.isArray(r["samples"])).map((r) => r["scorer"])
  );
  return scores.every(
    (score) => isPlainObject2(score) && reduced.has(typeof score["scorer"] === "string" ? score["scorer"] : score["name"])
  );
}
function journalIndex(name) {
  return Number(/(\d+)\.json$/.exec(name)[1]);
}
function scoreNumber(value) {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value !== "string") return void 0;
  const letter = LETTERS[value];
  if (letter !== void 0) return letter;
  const word = WORDS[value.trim().toLowerCase()];
  if (word !== void 0) return word;
  const n = Number(value);
  return value.trim() !== "" && Number.isFinite(n) ? n : void 0;
}
function readLogInto(builder, parts, file) {
  const header = parts.header;
  const spec = header["eval"];
  const fullTask = typeof spec["task"] === "string" && spec["task"] !== "" ? spec["task"] : "task";
  const task = fullTask.split("/").pop();
  const taskKey = escapeSegment(task);
  readSpec(builder, spec, fullTask);
  const status = typeof header["status"] === "string" ? header["status"] : "unknown";
  builder.param("status", status);
  if (status !== "success") {
    const error = isPlainObject2(header["error"]) ? header["error"]["message"] : void 0;
    builder.warn(
      `the evaluation's status is ${status}${typeof error === "string" ? ` (${error.split("\n")[0].slice(0, 300)})` : ""}, not success: its results may be partial or missing`
    );
  }
  const results = header["results"];
  if (!isPlainObject2(results)) {
    builder.note("no results in this log (the evaluation did not finish)");
    return [];
  }
  for (const field2 of ["total_samples", "completed_samples"]) {
    if (typeof results[field2] === "number") builder.metric(childKey(taskKey, field2), results[field2]);
  }
  const dataset = isPlainObject2(spec["dataset"]) ? spec["dataset"]["samples"] : void 0;
  const total = results["total_samples"];
  if (typeof dataset === "number" && typeof total === "number" && total < dataset)
    builder.note(`evaluated ${total} of the dataset's ${dataset} samples (--limit)`);
  readUsage(builder, header["stats"], taskKey);
  const scores = readScores(builder, results["scores"], taskKey, file);
  if (scores.length === 0) return [];
  return readExamples(builder, parts, scores);
}
function readSpec(builder, spec, task) {
  builder.param("task", task);
  for (const field2 of ["model", "created", "run_id", "eval_id", "task_version"]) {
    const v = spec[field2];
    if (typeof v === "string" || typeof v === "number") builder.param(field2, v);
  }
  const dataset = spec["dataset"];
  if (isPlainObject2(dataset)) {
    if (typeof dataset["name"] === "string") builder.param("dataset", dataset["name"]);
    if (typeof dataset["samples"] === "number") builder.param("dataset_samples", dataset["samples"]);
  }
  const packages = spec["packages"];
  if (isPlainObject2(packages) && typeof packages["inspect_ai"] === "string")
    builder.param("inspect_ai_version", packages["inspect_ai"]);
  const revision = spec["revision"];
  if (isPlainObject2(revision) && typeof revision["commit"] === "string")
    builder.param("git_commit", revision["commit"]);
  for (const field2 of ["config", "task_args", "model_generate_config"]) {
    const v = spec[field2];
    if (isPlainObject2(v) && Object.keys(v).length > 0) flattenInto(builder, v, "params", field2);
  }
}
function readUsage(builder, stats, taskKey) {
  if (!isPlainObject2(stats) || !isPlainObject2(stats["model_usage"])) return;
  const totals = /* @__PURE__ */ new Map();
  for (const usage of Object.values(stats["model_usage"])) {
    if (!isPlainObject2(usage)) continue;
    for (const field2 of ["input_tokens", "output_tokens", "total_tokens"]) {
      const v = usage[field2];
      if (typeof v === "number") totals.set(field2, (totals.get(field2) ?? 0) + v);
    }
  }
  for (const [field2, total] of totals) builder.metric(childKey(taskKey, field2), total);
}
function readScores(builder, value, taskKey, file) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) {
    throw new ParseError(
      { file, key: "results.scores" },
      `expected a list of scores (one per scorer), found ${describeValue(value)}`
    );
  }
  const entries = [];
  const names = /* @__PURE__ */ new Map();
  for (const raw of value) {
    if (!isPlainObject2(raw) || typeof raw["name"] !== "string") continue;
    names.set(raw["name"], (names.get(raw["name"]) ?? 0) + 1);
  }
  value.forEach((raw, index) => {
    if (!isPlainObject2(raw) || typeof raw["name"] !== "string") {
      builder.warn(`${file}: results.scores[${index}] is ${describeValue(raw)}, not a named score; skipped`);
      return;
    }
    const name = raw["name"];
    const reducer = typeof raw["reducer"] === "string" ? raw["reducer"] : void 0;
    const segment = names.get(name) > 1 && reducer !== void 0 ? `${name}_${reducer}` : name;
    const entry = {
      name,
      scorer: typeof raw["scorer"] === "string" ? raw["scorer"] : name,
      metrics: /* @__PURE__ */ new Map(),
      key: childKey(taskKey, segment)
    };
    if (reducer !== void 0) entry.reducer = reducer;
    const metrics = isPlainObject2(raw["metrics"]) ? raw["metrics"] : {};
    for (const [metricName, metric] of Object.entries(metrics)) {
      const v = isPlainObject2(metric) ? metric["value"] : metric;
      const key = childKey(entry.key, metricName);
      if (typeof v === "number") {
        builder.metric(key, v);
        entry.metrics.set(metricName, v);
      } else if (isPlainObject2(v)) {
        flattenInto(builder, v, "metrics", key);
      } else {
        builder.skip(key, describeValue(v));
      }
    }
    entries.push(entry);
  });
  return entries;
}
function readExamples(builder, parts, scores) {
  const out = [];
  const mismatched = [];
  const noMean = [];
  const notNumbers = [];
  const missing = [];
  const reductions = Array.isArray(parts.reductions) ? parts.reductions.filter(isPlainObject2) : void 0;
  let epochsNoted = false;
  for (const score of scores) {
    const means = [...score.metrics.keys()].filter((m) => MEAN_METRICS.has(m));
    if (means.length === 0) {
      noMean.push(score.key);
      continue;
    }
    const pick = (value) => score.name !== score.scorer && isPlainObject2(value) ? value[score.name] : value;
    const reduction = reductions?.find(
      (r) => r["scorer"] === score.scorer && (score.reducer === void 0 || r["reducer"] === void 0 || r["reducer"] === score.reducer)
    );
    const values = /* @__PURE__ */ new Map();
    let unreadable = 0;
    let file;
    const add = (id, value) => {
      if (id === void 0) return;
      const n = scoreNumber(pick(value));
      if (n === void 0) {
        unreadable++;
        return;
      }
      const entry = values.get(id);
      if (entry === void 0) values.set(id, { sum: n, n: 1 });
      else {
        entry.sum += n;
        entry.n++;
      }
    };
    if (reduction !== void 0 && Array.isArray(reduction["samples"])) {
      file = parts.where.reductions;
      for (const sample of reduction["samples"])
        if (isPlainObject2(sample)) add(sampleId(sample["sample_id"]), sample["value"]);
    } else if (parts.samples !== void 0) {
      file = parts.where.samples;
      let epochs = 1;
      for (const sample of parts.samples) {
        if (!isPlainObject2(sample) || !isPlainObject2(sample["scores"])) continue;
        const scored = sample["scores"][score.scorer];
        if (!isPlainObject2(scored)) continue;
        if (typeof sample["epoch"] === "number") epochs = Math.max(epochs, sample["epoch"]);
        add(sampleId(sample["id"]), scored["value"]);
      }
      if (epochs > 1 && !epochsNoted) {
        epochsNoted = true;
        builder.note(
          `${plural3(epochs, "epoch")} and no reductions: each sample's value is its mean over its epochs (Inspect's default reducer)`
        );
      }
    } else {
      missing.push(score.key);
      continue;
    }
    if (unreadable > 0) notNumbers.push(`${score.key} (${unreadable})`);
    const table4 = new ExampleTable(score.key, file);
    for (const [id, { sum, n }] of values) {
      const at = table4.row(id);
      for (const measure of means) table4.set(measure, at, sum / n);
    }
    for (const measure of means) {
      const mean = table4.mean(measure);
      if (mean !== void 0 && !sameValue(mean, score.metrics.get(measure)))
        mismatched.push(childKey(score.key, measure));
    }
    const built = table4.build();
    if (built !== void 0) out.push(built);
  }
  if (noMean.length > 0) {
    builder.note(
      `no per-example results kept for ${listed2(noMean)}: none of ${noMean.length === 1 ? "its" : "their"} metrics is a mean of the samples' values (accuracy, mean), which is what paired gates compare`
    );
  }
  if (missing.length > 0) builder.note(`no per-sample scores in this log for ${listed2(missing)}`);
  if (notNumbers.length > 0) {
    builder.note(`sample values that are not numbers (nor C, I, P, N) were left out: ${listed2(notNumbers)}`);
  }
  if (mismatched.length > 0) {
    builder.note(`the mean of the per-sample values differs from the log's metric for ${listed2(mismatched)}`);
  }
  return out.sort((a, b) => a.task < b.task ? -1 : a.task > b.task ? 1 : 0);
}
function sampleId(value) {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number") return String(value);
  return void 0;
}
async function readFolder(path, options) {
  const scope = await folderScope(path);
  const listing2 = await listFolder(path, scope);
  const logs = listing2.entries.filter((e) => !e.isDirectory).flatMap((e) => {
    const match = LOG_NAME.exec(e.name);
    return match === null ? [] : [{ name: e.name, created: match[1], task: match[2], id: match[3] }];
  });
  if (logs.length === 0) {
    throw new ConfigurationError(
      `${path}: no Inspect AI logs (<time>_<task>_<id>.eval or .json) in this folder`
    );
  }
  if (options.run !== void 0 && options.run !== "") {
    const wanted = options.run;
    const found = logs.filter((l) => l.name === wanted || l.id === wanted);
    if (found.length !== 1) {
      throw new ConfigurationError(
        `${path}: ${found.length === 0 ? "no" : `${found.length}`} Inspect AI log${found.length === 1 ? "" : "s"} match${found.length === 1 ? "es" : ""} --run ${JSON.stringify(wanted)}: pass a log's file name or id. Logs here: ${listed2(
          logs.map((l) => l.name),
          10
        )}`
      );
    }
    const doc = await readLog((0, import_node_path7.join)(path, found[0].name), options, scope);
    doc.sources[0].notes.unshift(`read ${found[0].name}, as --run asked`);
    return doc;
  }
  const byTask = /* @__PURE__ */ new Map();
  for (const log of logs) {
    const list3 = byTask.get(log.task) ?? [];
    list3.push(log);
    byTask.set(log.task, list3);
  }
  const chosen = [...byTask.values()].map(
    (list3) => [...list3].sort((a, b) => createdMs(b.created) - createdMs(a.created) || (a.name < b.name ? -1 : 1))[0]
  );
  chosen.sort((a, b) => a.task < b.task ? -1 : a.task > b.task ? 1 : 0);
  const docs = [];
  for (const log of chosen) docs.push(await readLog((0, import_node_path7.join)(path, log.name), options, scope));
  const merged = mergeDocs(docs);
  const older = logs.length - chosen.length;
  merged.sources[0].notes.unshift(
    `read the newest log of each of ${plural3(chosen.length, "task")} in ${path}: ${listed2(
      chosen.map((l) => l.name),
      4
    )}${older > 0 ? `; ${plural3(older, "older log")} not read (pass --run <file or id> to read one)` : ""}`
  );
  return merged;
}
function createdMs(created) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:([+-]\d{2})-(\d{2})|Z)?$/.exec(created);
  if (m === null) return -Infinity;
  const zone = m[5] === void 0 ? "Z" : `${m[5]}:${m[6]}`;
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}${zone}`);
  return Number.isNaN(ms) ? -Infinity : ms;
}

// packages/core/src/readers/llm-eval/lm-eval.ts
var import_node_fs11 = __toESM(require_node_fs(), 1);
var import_node_path8 = __toESM(require_node_path(), 1);
var TIMESTAMP = String.raw`\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:\.\d+)?`;
var RESULTS_NAME = new RegExp(String.raw`^results(?:_(.+?))?_(${TIMESTAMP})\.json$`);
var PLAIN_RESULTS_NAME = /^results(?:_[^/]*)?\.json$/;
var SAMPLES_NAME = new RegExp(String.raw`^samples_(.+?)(?:_(${TIMESTAMP}))?\.jsonl$`);
var NOT_METRICS = /* @__PURE__ */ new Set(["alias", "name", "sample_len", "sample_count", "samples"]);
var SAMPLE_FIELDS = /* @__PURE__ */ new Set([
  "doc_id",
  "doc",
  "target",
  "arguments",
  "resps",
  "filtered_resps",
  "filter",
  "metrics",
  "doc_hash",
  "prompt_hash",
  "target_hash",
  "task_name"
]);
var RUN_PARAMS = {
  model_name: "model",
  model_source: "model_source",
  lm_eval_version: "lm_eval_version",
  transformers_version: "transformers_version",
  git_hash: "git_hash",
  max_length: "max_length",
  fewshot_as_multiturn: "fewshot_as_multiturn",
  system_instruction_sha: "system_instruction_sha",
  chat_template_sha: "chat_template_sha"
};
var KNOWN_KEYS = /* @__PURE__ */ new Set([
  "results",
  "groups",
  "group_subtasks",
  "configs",
  "versions",
  "n-shot",
  "higher_is_better",
  "n-samples",
  "config",
  "date",
  "pretty_env_info",
  "upper_git_hash",
  "tokenizer_pad_token",
  "tokenizer_eos_token",
  "tokenizer_bos_token",
  "eot_token_id",
  "task_hashes",
  "model_name_sanitized",
  "system_instruction",
  "chat_template",
  "start_time",
  "end_time",
  "total_evaluation_time_seconds"
]);
var DETECT_SUBFOLDERS = 20;
var LISTED_RUNS2 = 20;
var MIN_PREFIX2 = 6;
var lmEvalReader = {
  format: "lm-eval",
  title: "EleutherAI lm-evaluation-harness output (results_*.json, samples_*.jsonl or their folder)",
  target: "both",
  detect(probe) {
    if (probe.isDirectory) {
      if (probe.entries.some(isRunFileName)) return DETECT.name;
      let looked = 0;
      for (const entry of probe.entries) {
        if (entry.startsWith(".") || looked >= DETECT_SUBFOLDERS) continue;
        const sub = (0, import_node_path8.join)(probe.path, entry);
        if (!isFolder2(sub)) continue;
        looked++;
        if (namesIn(sub).some((name) => RESULTS_NAME.test(name))) return DETECT.name;
      }
      return DETECT.no;
    }
    const head = new TextDecoder().decode(probe.head);
    if (SAMPLES_NAME.test(probe.name)) return /"doc_id"\s*:/.test(head) ? DETECT.name : DETECT.no;
    if (!/^\s*\{/.test(head) || !/"results"\s*:/.test(head)) return DETECT.no;
    if (RESULTS_NAME.test(probe.name)) return DETECT.name;
    return /"[^"\n]+,none"\s*:|"lm_eval_version"|"n-samples"|"group_subtasks"/.test(head) ? DETECT.content : DETECT.no;
  },
  read: readLmEval
};
function isRunFileName(name) {
  return RESULTS_NAME.test(name) || SAMPLES_NAME.test(name);
}
function isFolder2(path) {
  try {
    return (0, import_node_fs11.statSync)(path).isDirectory();
  } catch {
    return false;
  }
}
function namesIn(dir) {
  try {
    return (0, import_node_fs11.readdirSync)(dir);
  } catch {
    return [];
  }
}
async function readLmEval(path, options) {
  const info = await statOrExplain(path);
  const builder = new DocBuilder(path, "lm-eval", { maxSeriesPoints: options.maxSeriesPoints });
  if (info.isDirectory()) {
    const scope2 = await folderScope(path);
    const run2 = chooseRun2(await findRuns(path, scope2, builder), options.run, path, builder);
    return readRun(builder, run2, scope2);
  }
  const name = (0, import_node_path8.basename)(path);
  const dir = (0, import_node_path8.dirname)(path);
  const scope = await folderScope(dir);
  const samples = SAMPLES_NAME.exec(name);
  if (samples !== null) {
    builder.note(
      "read a samples file alone: its metrics are the means of its per-example values (name the results file, or the folder, to read the run)"
    );
    const run2 = {
      dir,
      where: "",
      timestamp: samples[2] ?? "",
      samples: /* @__PURE__ */ new Map([[samples[1], name]])
    };
    return readRun(builder, run2, void 0);
  }
  const timestamp = RESULTS_NAME.exec(name)?.[2] ?? "";
  const run = { dir, where: "", timestamp, results: name, samples: /* @__PURE__ */ new Map() };
  if (timestamp === "") {
    builder.note(
      `${name} carries no timestamp in its name, so no samples_<task>_<timestamp>.jsonl file can be paired with it: no per-example results`
    );
  } else {
    const listing2 = await listFolder(dir, scope);
    warnRefused(builder, dir, listing2.refused);
    for (const entry of listing2.entries) {
      const match = SAMPLES_NAME.exec(entry.name);
      if (!entry.isDirectory && match !== null && match[2] === timestamp)
        run.samples.set(match[1], entry.name);
    }
  }
  return readRun(builder, run, scope);
}
async function findRuns(path, scope, builder) {
  const listing2 = await listFolder(path, scope);
  warnRefused(builder, path, listing2.refused);
  const here = runsIn(
    listing2.entries.filter((e) => !e.isDirectory).map((e) => e.name),
    path,
    ""
  );
  if (here.length > 0) return here;
  const below = [];
  for (const entry of listing2.entries) {
    if (!entry.isDirectory || entry.name.startsWith(".")) continue;
    const sub = await listFolder(entry.path, scope);
    warnRefused(builder, entry.path, sub.refused);
    below.push(
      ...runsIn(
        sub.entries.filter((e) => !e.isDirectory).map((e) => e.name),
        entry.path,
        entry.name
      )
    );
  }
  if (below.length === 0) {
    throw new ConfigurationError(
      `${path}: no lm-evaluation-harness results_<timestamp>.json or samples_<task>_<timestamp>.jsonl in this folder or its sub-folders (lm_eval --output_path writes them into <output_path>/<model>/)`
    );
  }
  return below;
}
function warnRefused(builder, dir, refused) {
  const named2 = refused.filter((r) => isRunFileName(r.name) || PLAIN_RESULTS_NAME.test(r.name));
  if (named2.length === 0) return;
  builder.warn(
    `not opened in ${dir}: ${listed2(named2.map((r) => `${r.name} (${r.why})`))}; mlci reads regular files, and symbolic links only to what is inside the folder`
  );
}
function runsIn(names, dir, where) {
  const byTimestamp = /* @__PURE__ */ new Map();
  const runOf = (timestamp) => {
    let runs = byTimestamp.get(timestamp);
    if (runs === void 0) {
      runs = [];
      byTimestamp.set(timestamp, runs);
    }
    return runs;
  };
  for (const name of names) {
    const results = RESULTS_NAME.exec(name);
    if (results !== null) {
      runOf(results[2]).push({ dir, where, timestamp: results[2], results: name, samples: /* @__PURE__ */ new Map() });
    } else if (PLAIN_RESULTS_NAME.test(name)) {
      runOf("").push({ dir, where, timestamp: "", results: name, samples: /* @__PURE__ */ new Map() });
    }
  }
  for (const name of names) {
    const match = SAMPLES_NAME.exec(name);
    if (match === null) continue;
    const runs = runOf(match[2] ?? "");
    if (runs.length === 0) runs.push({ dir, where, timestamp: match[2] ?? "", samples: /* @__PURE__ */ new Map() });
    for (const run of runs) run.samples.set(match[1], name);
  }
  return [...byTimestamp.values()].flat();
}
function describeRun2(run) {
  const at = run.where === "" ? "" : `${run.where}/`;
  const what = run.results ?? `${plural3(run.samples.size, "samples file")}, no results file`;
  return `${at}${what}`;
}
function newestFirst(a, b) {
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? 1 : -1;
  const x2 = `${a.where}/${a.results ?? ""}`;
  const y = `${b.where}/${b.results ?? ""}`;
  return x2 < y ? -1 : x2 > y ? 1 : 0;
}
function chooseRun2(runs, wanted, path, builder) {
  const sorted = [...runs].sort(newestFirst);
  const list3 = () => {
    const lines = sorted.slice(0, LISTED_RUNS2).map((r) => `  ${r.timestamp || "(no timestamp)"}  ${describeRun2(r)}`);
    if (sorted.length > LISTED_RUNS2) lines.push(`  and ${sorted.length - LISTED_RUNS2} more`);
    return lines.join("\n");
  };
  if (wanted !== void 0 && wanted !== "") {
    const exact = sorted.filter(
      (r) => r.timestamp === wanted || r.results === wanted || `${r.where}/${r.results ?? ""}` === wanted
    );
    const found = exact.length > 0 ? exact : wanted.length >= MIN_PREFIX2 ? sorted.filter((r) => r.timestamp.startsWith(wanted)) : [];
    if (found.length === 1) {
      builder.note(`read run ${found[0].timestamp} (${describeRun2(found[0])}), as --run asked`);
      return found[0];
    }
    throw new ConfigurationError(
      found.length > 1 ? `${path}: --run ${JSON.stringify(wanted)} matches ${found.length} lm-eval runs; pass a whole timestamp or a results file name:
${list3()}` : `${path}: no lm-eval run matches --run ${JSON.stringify(wanted)}: pass a timestamp, a prefix of ${MIN_PREFIX2}+ characters or a results file name. Runs here:
${list3()}`
    );
  }
  const complete = sorted.filter((r) => r.results !== void 0);
  const chosen = complete[0] ?? sorted[0];
  if (sorted.length === 1) {
    builder.note(`read run ${chosen.timestamp || "(no timestamp)"} (${describeRun2(chosen)})`);
  } else {
    const partial = sorted.length - complete.length;
    const why = chosen.results === void 0 ? "none has a results file; the newest" : `the newest with a results file${partial > 0 ? ` (${plural3(partial, "run")} without one not considered)` : ""}`;
    builder.note(
      `read run ${chosen.timestamp || "(no timestamp)"} (${describeRun2(chosen)}), ${why} of ${sorted.length} runs in ${path}; pass --run <timestamp> to read another`
    );
  }
  return chosen;
}
async function readRun(builder, run, scope) {
  let results;
  if (run.results !== void 0) {
    const file = (0, import_node_path8.join)(run.dir, run.results);
    const text6 = await readTextFile(file, scope === void 0 ? {} : { within: scope });
    results = readResultsInto2(builder, parseJsonText(text6, file), file);
  }
  const examples = [];
  const mismatched = [];
  for (const [task, name] of [...run.samples].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    const file = (0, import_node_path8.join)(run.dir, name);
    const table4 = await readSamplesFile(file, task, scope, builder);
    for (const measure of table4.measures()) {
      const key = childKey(table4.task, measure);
      const mean = table4.mean(measure);
      if (mean === void 0) continue;
      const stated = results?.values.get(key);
      if (results === void 0 || stated === void 0 && !results.tasks.has(task))
        builder.metric(key, mean);
      else if (stated !== void 0 && !sameValue(stated, mean)) mismatched.push(key);
    }
    const built = table4.build();
    if (built !== void 0) examples.push(built);
  }
  if (mismatched.length > 0) {
    builder.note(
      `the mean of the per-example values differs from the results file for ${listed2(mismatched)}: those metrics are not means of their examples, or the samples come from another run`
    );
  }
  if (results !== void 0) {
    const withoutSamples = [...results.tasks].filter((t) => !results.groups.has(t) && !run.samples.has(t));
    if (run.samples.size === 0) {
      builder.note(
        "no samples_<task>_<timestamp>.jsonl beside the results: no per-example results (lm_eval writes them with --log_samples; paired gates need them)"
      );
    } else if (withoutSamples.length > 0) {
      builder.note(`no per-example results (samples file) for ${listed2(withoutSamples)}`);
    }
  }
  const doc = builder.build();
  if (examples.length > 0) doc.examples = examples;
  return doc;
}
function measureKey(raw) {
  const comma = raw.indexOf(",");
  if (comma < 0) return raw;
  return raw.slice(comma + 1) === "none" ? raw.slice(0, comma) : raw;
}
function readResultsInto2(builder, value, file) {
  if (!isPlainObject2(value) || !isPlainObject2(value["results"])) {
    throw new ParseError(
      { file, key: "results" },
      `expected lm-evaluation-harness results: an object whose "results" maps each task to its metrics, found ${isPlainObject2(value) ? describeValue(value["results"]) : describeValue(value)}`
    );
  }
  const info = { tasks: /* @__PURE__ */ new Set(), groups: /* @__PURE__ */ new Set(), values: /* @__PURE__ */ new Map() };
  const results = value["results"];
  const rows = Object.entries(results);
  if (isPlainObject2(value["groups"])) {
    for (const [group, row] of Object.entries(value["groups"])) {
      info.groups.add(group);
      if (!Object.hasOwn(results, group)) rows.push([group, row]);
    }
  }
  const subtasks = /* @__PURE__ */ new Map();
  if (isPlainObject2(value["group_subtasks"])) {
    for (const [group, list3] of Object.entries(value["group_subtasks"])) {
      if (!Array.isArray(list3) || list3.length === 0) continue;
      subtasks.set(group, list3.map(String));
      info.groups.add(group);
    }
  }
  const notComputed = [];
  let quoted = 0;
  for (const [task, row] of rows) {
    info.tasks.add(task);
    const taskKey = escapeSegment(task);
    if (!isPlainObject2(row)) {
      builder.warn(`${file}: results.${task} is ${describeValue(row)}, not an object of metrics; skipped`);
      continue;
    }
    for (const [raw, node] of Object.entries(row)) {
      if (NOT_METRICS.has(raw)) continue;
      const key = childKey(taskKey, measureKey(raw));
      let n;
      if (typeof node === "number") n = node;
      else if (typeof node === "string") {
        n = parseNumber(node);
        if (n !== void 0) quoted++;
        else if (node.trim() === "N/A") {
          notComputed.push(key);
          continue;
        }
      } else if (node === null) {
        notComputed.push(key);
        continue;
      }
      if (n === void 0) {
        builder.skip(key, describeValue(node));
        continue;
      }
      builder.metric(key, n);
      info.values.set(key, n);
    }
  }
  if (quoted > 0) builder.note(`read ${plural3(quoted, "quoted number")} (such as "0.9") as metrics`);
  if (notComputed.length > 0) {
    builder.note(`not computed by lm-eval ("N/A"), so not read: ${listed2(notComputed)}`);
  }
  if (subtasks.size > 0) {
    const groups = [...subtasks].map(([group, list3]) => `${group} (of ${listed2(list3, 4)})`);
    builder.note(`groups (their metrics aggregate their subtasks'): ${listed2(groups, 4)}`);
  }
  readRunFacts(builder, value, file);
  return info;
}
function readRunFacts(builder, value, file) {
  const samples = value["n-samples"];
  if (isPlainObject2(samples)) {
    const limited = [];
    for (const [task, counts] of Object.entries(samples)) {
      if (!isPlainObject2(counts)) continue;
      const effective = counts["effective"];
      const original = counts["original"];
      if (typeof effective === "number") builder.param(childKey(escapeSegment(task), "n_samples"), effective);
      if (typeof effective === "number" && typeof original === "number" && effective < original)
        limited.push(`${task} ${effective} of ${original}`);
    }
    if (limited.length > 0)
      builder.note(`evaluated on part of each dataset (--limit): ${listed2(limited, 5)} examples`);
  }
  for (const [field2, name] of [
    ["versions", "version"],
    ["n-shot", "num_fewshot"]
  ]) {
    const record3 = value[field2];
    if (!isPlainObject2(record3)) continue;
    for (const [task, v] of Object.entries(record3)) {
      if (typeof v === "number" || typeof v === "string" || typeof v === "boolean")
        builder.param(childKey(escapeSegment(task), name), v);
    }
  }
  if (isPlainObject2(value["config"])) flattenInto(builder, value["config"], "params", "config");
  for (const [field2, name] of Object.entries(RUN_PARAMS)) {
    const v = value[field2];
    if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") builder.param(name, v);
  }
  const time = value["total_evaluation_time_seconds"];
  const seconds = typeof time === "number" ? time : typeof time === "string" ? parseNumber(time) : void 0;
  if (seconds !== void 0) builder.metric("total_evaluation_time_seconds", seconds);
  const unknown = Object.keys(value).filter((k) => !KNOWN_KEYS.has(k) && !Object.hasOwn(RUN_PARAMS, k));
  if (unknown.length > 0) builder.note(`${(0, import_node_path8.basename)(file)}: not read: ${listed2(unknown)}`);
}
async function readSamplesFile(file, task, scope, builder) {
  if (scope !== void 0) await checkInside(file, scope);
  const table4 = new ExampleTable(escapeSegment(task), file);
  const notNumbers = /* @__PURE__ */ new Set();
  let rows = 0;
  const parser = new JsonLinesParser(
    {
      record(row, line2) {
        rows++;
        const rawId = row["doc_id"];
        if (typeof rawId !== "number" && typeof rawId !== "string") {
          throw new ParseError(
            { file, line: line2 },
            `expected "doc_id" (the example's index in the task's documents), found ${describeValue(rawId)}`
          );
        }
        const id = String(rawId);
        const filter = typeof row["filter"] === "string" ? row["filter"] : "none";
        const listedNames = row["metrics"];
        const names = Array.isArray(listedNames) ? listedNames.filter((n) => typeof n === "string") : Object.keys(row).filter((k) => !SAMPLE_FIELDS.has(k));
        const at = table4.row(id, { line: line2 });
        for (const name of names) {
          if (!Object.hasOwn(row, name)) continue;
          const measure = filter === "none" ? name : `${name},${filter}`;
          const n = exampleNumber(row[name]);
          if (n === void 0) {
            notNumbers.add(measure);
            continue;
          }
          if (table4.get(measure, at) !== void 0) {
            throw new ParseError(
              { file, line: line2 },
              `doc_id ${id} has a second row${filter === "none" ? "" : ` for filter ${filter}`}: expected one row per example and filter`
            );
          }
          table4.set(measure, at, n, { line: line2 });
        }
      },
      warn(message) {
        builder.warn(`${file}: ${message}`);
      }
    },
    file
  );
  await streamTextFile(file, (text6) => parser.push(text6));
  parser.end();
  if (rows === 0) builder.warn(`${file}: no examples (an empty samples file)`);
  if (notNumbers.size > 0) {
    for (const measure of notNumbers) table4.drop(measure);
    builder.note(
      `per-example ${listed2([...notNumbers])} of ${task} ${notNumbers.size === 1 ? "is" : "are"} not numbers (lm-eval keeps such rows as [gold, prediction] pairs and computes the metric over the whole set): no per-example results for ${notNumbers.size === 1 ? "it" : "them"}, so paired gates cannot use ${notNumbers.size === 1 ? "it" : "them"}`
    );
  }
  return table4;
}

// packages/core/src/readers/llm-eval/promptfoo.ts
var import_node_crypto = __toESM(require_node_crypto(), 1);
var FAILURE_ERROR = 2;
var MIN_VERSION = 3;
var OWN_NAMES = /* @__PURE__ */ new Set([
  "pass_rate",
  "score",
  "tests",
  "passes",
  "failures",
  "errors",
  "latency_ms",
  "cost"
]);
var PROMPT_CHARS = 200;
var promptfooReader = {
  format: "promptfoo",
  title: "promptfoo eval output (promptfoo eval -o results.json)",
  target: "file",
  detect(probe) {
    if (probe.isDirectory || extensionOf(probe.name) !== "json") return DETECT.no;
    const head = new TextDecoder().decode(probe.head);
    if (!/^\s*\{/.test(head)) return DETECT.no;
    if (/"evalId"\s*:/.test(head) && /"results"\s*:\s*\{/.test(head)) return DETECT.content;
    if (/"results"\s*:\s*\{\s*"version"\s*:\s*\d+\s*,\s*"timestamp"\s*:/.test(head)) return DETECT.content;
    return DETECT.no;
  },
  read: readPromptfoo
};
async function readPromptfoo(path, options) {
  const info = await statOrExplain(path);
  if (info.isDirectory())
    throw new ParseError(
      { file: path },
      "is a folder; the promptfoo format reads the file promptfoo eval -o wrote"
    );
  const builder = new DocBuilder(path, "promptfoo", { maxSeriesPoints: options.maxSeriesPoints });
  const value = parseJsonText(await readTextFile(path), path);
  const summary2 = summaryOf(value, path);
  const version = summary2["version"];
  if (typeof version === "number" && version < MIN_VERSION) {
    throw new ParseError(
      { file: path, key: "results.version" },
      `promptfoo results version ${version}: mlci reads version ${MIN_VERSION} and later (rows with testIdx and promptIdx); write the file again with a current promptfoo (promptfoo eval -o results.json)`
    );
  }
  if (typeof version !== "number") builder.note("no results.version: read as version 3");
  const rows = summary2["results"];
  if (rows.length === 0)
    throw new ParseError({ file: path, key: "results.results" }, "no test results: the eval ran no tests");
  const prompts = Array.isArray(summary2["prompts"]) ? summary2["prompts"] : [];
  const columns = /* @__PURE__ */ new Map();
  let skipped = 0;
  rows.forEach((row, index) => {
    if (!isPlainObject2(row)) {
      if (++skipped <= 3)
        builder.warn(
          `${path}: results.results[${index}] is ${describeValue(row)}, not a test result; skipped`
        );
      return;
    }
    readRow(row, index, columns, prompts, path);
  });
  if (skipped > 3) builder.warn(`${path}: ${skipped} rows in all were not test results and were skipped`);
  const ordered = [...columns.values()].sort((a, b) => a.promptIdx - b.promptIdx);
  const prefixes = columnPrefixes(ordered);
  const examples = [];
  ordered.forEach((column2, i2) => {
    const prefix = prefixes[i2];
    writeColumn(builder, column2, prefix);
    const built = column2.table.build();
    if (built !== void 0) examples.push({ ...built, task: prefix });
  });
  if (ordered.length > 1) {
    builder.note(
      `${ordered.length} columns (prompt \xD7 provider), each with its own metrics and examples under its key: ${listed2(
        prefixes.map(
          (p, i2) => ordered[i2].providerId === ordered[i2].provider ? p : `${p} (${ordered[i2].providerId})`
        ),
        4
      )}`
    );
  }
  writeTotals(builder, summary2, ordered, path);
  const evalId = isPlainObject2(value) ? value["evalId"] : void 0;
  if (typeof evalId === "string") builder.param("eval_id", evalId);
  if (typeof summary2["timestamp"] === "string") builder.param("timestamp", summary2["timestamp"]);
  const config = isPlainObject2(value) ? value["config"] : void 0;
  if (isPlainObject2(config) && typeof config["description"] === "string")
    builder.param("description", config["description"]);
  const doc = builder.build();
  if (examples.length > 0)
    doc.examples = examples.sort((a, b) => a.task < b.task ? -1 : a.task > b.task ? 1 : 0);
  return doc;
}
function summaryOf(value, file) {
  if (isPlainObject2(value) && isPlainObject2(value["results"]) && Array.isArray(value["results"]["results"]))
    return value["results"];
  if (isPlainObject2(value) && Array.isArray(value["results"]) && "version" in value) return value;
  throw new ParseError(
    { file, key: "results" },
    `expected promptfoo eval output: { "results": { "version": 3, "results": [ one row per test ], "stats": \u2026 } }, found ${isPlainObject2(value) ? `results: ${describeValue(value["results"])}` : describeValue(value)}`
  );
}
function providerName(provider) {
  if (typeof provider === "string" && provider !== "") return { name: provider, id: provider };
  if (!isPlainObject2(provider)) return void 0;
  const id = typeof provider["id"] === "string" ? provider["id"] : void 0;
  const label = typeof provider["label"] === "string" && provider["label"] !== "" ? provider["label"] : void 0;
  const name = label ?? id;
  return name === void 0 ? void 0 : { name, id: id ?? name };
}
function readRow(row, index, columns, prompts, file) {
  const where = `results.results[${index}]`;
  const promptIdx = typeof row["promptIdx"] === "number" ? row["promptIdx"] : 0;
  let column2 = columns.get(promptIdx);
  if (column2 === void 0) {
    const prompt = prompts[promptIdx];
    const provider = providerName(row["provider"]) ?? (isPlainObject2(prompt) ? providerName(prompt["provider"]) : void 0);
    column2 = {
      promptIdx,
      provider: provider?.name ?? `prompt ${promptIdx}`,
      providerId: provider?.id ?? "(provider not named)",
      tests: 0,
      passes: 0,
      errors: 0,
      scoreSum: 0,
      scored: 0,
      named: /* @__PURE__ */ new Map(),
      latencySum: 0,
      timed: 0,
      cost: 0,
      costed: 0,
      table: new ExampleTable("", file),
      seen: /* @__PURE__ */ new Map()
    };
    if (isPlainObject2(prompt)) {
      const text6 = typeof prompt["label"] === "string" ? prompt["label"] : prompt["raw"];
      if (typeof text6 === "string")
        column2.prompt = text6.length > PROMPT_CHARS ? `${text6.slice(0, PROMPT_CHARS)}\u2026` : text6;
    }
    columns.set(promptIdx, column2);
  }
  const grading = isPlainObject2(row["gradingResult"]) ? row["gradingResult"] : void 0;
  const success = typeof row["success"] === "boolean" ? row["success"] : typeof grading?.["pass"] === "boolean" ? grading["pass"] : void 0;
  if (success === void 0) {
    throw new ParseError(
      { file, key: `${where}.success` },
      `expected true or false (whether the test passed), found ${describeValue(row["success"])}`
    );
  }
  const score = typeof row["score"] === "number" ? row["score"] : typeof grading?.["score"] === "number" ? grading["score"] : void 0;
  column2.tests++;
  if (success) column2.passes++;
  if (row["failureReason"] === FAILURE_ERROR) {
    column2.errors++;
    if (column2.firstError === void 0 && typeof row["error"] === "string") column2.firstError = row["error"];
  }
  const at = column2.table.row(testId(row, column2), {});
  column2.table.set("pass_rate", at, success ? 1 : 0);
  if (score !== void 0) {
    column2.scoreSum += score;
    column2.scored++;
    column2.table.set("score", at, score);
  }
  const named2 = isPlainObject2(row["namedScores"]) ? row["namedScores"] : {};
  for (const [name, v] of Object.entries(named2)) {
    if (typeof v !== "number") continue;
    const measure = OWN_NAMES.has(name) ? `${name}_named` : name;
    const entry = column2.named.get(measure);
    if (entry === void 0) column2.named.set(measure, { sum: v, n: 1 });
    else {
      entry.sum += v;
      entry.n++;
    }
    column2.table.set(measure, at, v);
  }
  if (typeof row["latencyMs"] === "number") {
    column2.latencySum += row["latencyMs"];
    column2.timed++;
  }
  if (typeof row["cost"] === "number") {
    column2.cost += row["cost"];
    column2.costed++;
  }
}
function testId(row, column2) {
  const testCase = isPlainObject2(row["testCase"]) ? row["testCase"] : {};
  const vars = testCase["vars"] ?? row["vars"] ?? null;
  const description = typeof testCase["description"] === "string" ? testCase["description"] : null;
  const content = description === null && (vars === null || isPlainObject2(vars) && Object.keys(vars).length === 0) ? `testIdx ${String(row["testIdx"] ?? "")}` : stableJson({ description, vars });
  const id = (0, import_node_crypto.createHash)("sha256").update(content).digest("hex").slice(0, 16);
  const n = (column2.seen.get(id) ?? 0) + 1;
  column2.seen.set(id, n);
  return n === 1 ? id : `${id}#${n}`;
}
function stableJson(value) {
  return JSON.stringify(
    value,
    (_key, v) => isPlainObject2(v) ? Object.fromEntries(
      Object.keys(v).sort().map((k) => [k, v[k]])
    ) : v
  );
}
function columnPrefixes(columns) {
  if (columns.length === 1) return [""];
  const providers = new Set(columns.map((c) => c.provider));
  if (providers.size === columns.length) return columns.map((c) => escapeSegment(c.provider));
  return columns.map((c) => childKey(escapeSegment(c.provider), `prompt_${c.promptIdx}`));
}
function writeColumn(builder, column2, prefix) {
  const key = (name) => childKey(prefix, name);
  builder.metric(key("tests"), column2.tests);
  builder.metric(key("passes"), column2.passes);
  builder.metric(key("failures"), column2.tests - column2.passes - column2.errors);
  builder.metric(key("errors"), column2.errors);
  builder.metric(key("pass_rate"), column2.passes / column2.tests);
  if (column2.scored > 0) builder.metric(key("score"), column2.scoreSum / column2.scored);
  for (const [name, { sum, n }] of column2.named) builder.metric(key(name), sum / n);
  if (column2.timed > 0) builder.metric(key("latency_ms"), column2.latencySum / column2.timed);
  if (column2.costed > 0) builder.metric(key("cost"), column2.cost);
  builder.param(key("provider"), column2.providerId);
  if (column2.prompt !== void 0) builder.param(key("prompt"), column2.prompt);
  const renamed = [...column2.named.keys()].filter(
    (n) => n.endsWith("_named") && OWN_NAMES.has(n.slice(0, -6))
  );
  if (renamed.length > 0)
    builder.note(`named scores called like a column's own metric are kept as ${listed2(renamed)}`);
  if (column2.errors > 0) {
    builder.warn(
      `${prefix === "" ? "" : `${prefix}: `}${plural3(column2.errors, "test")} ended in an error (the provider or the grader failed, not an assertion)${column2.firstError !== void 0 ? `, first: ${column2.firstError.slice(0, 200)}` : ""}; promptfoo counts them as not passed, and so does pass_rate`
    );
  }
}
function writeTotals(builder, summary2, columns, file) {
  const rows = columns.reduce(
    (t, c) => ({ passes: t.passes + c.passes, errors: t.errors + c.errors, tests: t.tests + c.tests }),
    { passes: 0, errors: 0, tests: 0 }
  );
  const stats = isPlainObject2(summary2["stats"]) ? summary2["stats"] : void 0;
  const successes = stats?.["successes"];
  const failures = stats?.["failures"];
  const errors = stats?.["errors"];
  if (typeof successes === "number" && typeof failures === "number") {
    const erred = typeof errors === "number" ? errors : 0;
    const total = successes + failures + erred;
    if (total !== rows.tests || successes !== rows.passes) {
      builder.warn(
        `${file}: stats says ${successes} of ${total} tests passed, the rows ${rows.passes} of ${rows.tests}; the metrics are the rows'`
      );
    }
  }
  if (columns.length <= 1) return;
  builder.metric("tests", rows.tests);
  builder.metric("passes", rows.passes);
  builder.metric("failures", rows.tests - rows.passes - rows.errors);
  builder.metric("errors", rows.errors);
  builder.metric("pass_rate", rows.passes / rows.tests);
}

// packages/core/src/readers/registry.ts
var READERS = [
  dvcliveReader,
  hfTrainerReader,
  mlflowReader,
  tensorboardReader,
  wandbReader,
  lmEvalReader,
  promptfooReader,
  inspectAiReader,
  junitReader,
  sklearnReportReader,
  benchmarkReader,
  csvReader,
  tsvReader,
  jsonlReader,
  jsonReader,
  yamlReader,
  tomlReader
];
var ALIASES = {
  yml: "yaml",
  ndjson: "jsonl",
  "json-lines": "jsonl",
  hf: "hf-trainer",
  huggingface: "hf-trainer",
  transformers: "hf-trainer",
  mlruns: "mlflow",
  tfevents: "tensorboard",
  tb: "tensorboard",
  "junit-xml": "junit",
  sklearn: "sklearn-report",
  classification_report: "sklearn-report",
  "weights-and-biases": "wandb",
  "wandb-summary": "wandb",
  xunit: "junit",
  "classification-report": "sklearn-report",
  lm_eval: "lm-eval",
  lmeval: "lm-eval",
  "lm-evaluation-harness": "lm-eval",
  inspect: "inspect-ai",
  inspect_ai: "inspect-ai",
  "pytest-benchmark": "benchmark",
  hyperfine: "benchmark",
  "google-benchmark": "benchmark",
  timings: "benchmark"
};
function formatNames() {
  return READERS.map((r) => r.format);
}
function resolveFormat(name) {
  const wanted = name.trim().toLowerCase();
  const id = ALIASES[wanted] ?? wanted;
  const reader = READERS.find((r) => r.format === id);
  if (reader === void 0) {
    throw new ConfigurationError(
      `unknown format ${JSON.stringify(name)}: expected one of ${formatNames().join(", ")}`
    );
  }
  return reader;
}
function chooseReader(probe) {
  return detectBest(probe)?.reader;
}
function detectBest(probe) {
  let best;
  let bestScore = 0;
  for (const reader of READERS) {
    if (reader.target === "file" && probe.isDirectory) continue;
    if (reader.target === "directory" && !probe.isDirectory) continue;
    const score = reader.detect(probe);
    if (score > bestScore) {
      best = reader;
      bestScore = score;
    }
  }
  return best === void 0 ? void 0 : { reader: best, score: bestScore };
}
function unrecognised(probe) {
  const kinds = READERS.filter((r) => r.target !== (probe.isDirectory ? "file" : "directory")).map((r) => `${r.format} (${r.title})`).join(", ");
  if (probe.isDirectory) {
    return new ConfigurationError(
      `${probe.path}: found no metrics mlci recognises in this folder (it holds ${describeEntries(probe.entries)}). Folders can be: ${kinds}, or hold such files. Point at a metrics file instead, or pass --format.`
    );
  }
  return new ConfigurationError(
    `${probe.path}: cannot tell which metrics format this is from its name or first bytes. Pass --format with one of: ${kinds}.`
  );
}
var LOG_FORMATS = /* @__PURE__ */ new Set(["csv", "tsv", "jsonl", "tensorboard"]);
var NOT_METRICS2 = /^(\..*|dvc\.(yaml|lock)|.*\.dvc|package(-lock)?\.json|tsconfig\.json|MLproject|conda\.ya?ml|requirements.*\.txt|.*\.md)$/;
async function readPlainFolder(probe, options) {
  const found = [];
  const ignored = [];
  const listing2 = await listFolder(probe.path, await folderScope(probe.path));
  for (const entry of listing2.entries) {
    if (entry.isDirectory) {
      ignored.push(`${entry.name}/`);
      continue;
    }
    if (NOT_METRICS2.test(entry.name)) {
      ignored.push(entry.name);
      continue;
    }
    const reader = chooseReader(await probePath(entry.path, true));
    if (reader === void 0) ignored.push(entry.name);
    else found.push({ path: entry.path, reader });
  }
  const refused = listing2.refused.map(({ name, why }) => `${name} (${why})`);
  found.sort((a, b) => Number(!LOG_FORMATS.has(a.reader.format)) - Number(!LOG_FORMATS.has(b.reader.format)));
  const docs = [];
  for (const { path, reader } of found) docs.push(await reader.read(path, options));
  if (docs.length === 0) {
    const error = unrecognised(probe);
    if (refused.length === 0) throw error;
    throw new ConfigurationError(`${error.message} Not opened: ${describeEntries(refused)}.`);
  }
  const merged = mergeDocs(docs);
  if (ignored.length > 0) {
    merged.sources[0].notes.push(
      `read the recognised files of folder ${probe.path}; not read: ${describeEntries(ignored)}`
    );
  }
  if (refused.length > 0) {
    merged.sources[0].warnings.push(
      `not opened in folder ${probe.path}: ${describeEntries(refused)}; mlci reads regular files, and symbolic links only to what is inside the folder`
    );
  }
  return merged;
}
function describeEntries(entries) {
  if (entries.length === 0) return "nothing";
  const shown2 = entries.slice(0, 8).join(", ");
  return entries.length > 8 ? `${shown2} and ${entries.length - 8} more` : shown2;
}
async function readMetricsPath(path, options = {}) {
  const readerOptions = {
    maxSeriesPoints: options.maxSeriesPoints ?? DEFAULT_MAX_SERIES_POINTS
  };
  if (options.run !== void 0) readerOptions.run = options.run;
  if (options.format !== void 0 && options.format !== "") {
    const reader2 = resolveFormat(options.format);
    const probe2 = await probePath(path);
    if (reader2.target === "file" && probe2.isDirectory) {
      throw new ConfigurationError(`${path}: is a folder, but format ${reader2.format} reads files`);
    }
    if (reader2.target === "directory" && !probe2.isDirectory) {
      throw new ConfigurationError(`${path}: is a file, but format ${reader2.format} reads folders`);
    }
    return reader2.read(path, readerOptions);
  }
  const probe = await probePath(path);
  const reader = chooseReader(probe);
  if (reader !== void 0) return reader.read(path, readerOptions);
  if (probe.isDirectory) return readPlainFolder(probe, readerOptions);
  throw unrecognised(probe);
}
async function readMetrics2(paths, options = {}) {
  if (paths.length === 0)
    throw new ConfigurationError("no metrics file given: name at least one file or folder");
  const docs = [];
  for (const path of paths) docs.push(await readMetricsPath(path, options));
  return mergeDocs(docs);
}

// packages/core/src/dvc/lock.ts
var import_yaml2 = __toESM(require_dist(), 1);
var MAX_LOCK_BYTES = 64 * 1024 * 1024;
var HASH_KINDS = ["md5", "etag", "checksum"];
async function readDvcLock(path, shown2 = path) {
  let text6;
  try {
    text6 = await readTextFile(path, { maxBytes: MAX_LOCK_BYTES });
  } catch (error) {
    if (error instanceof ParseError && shown2 !== path)
      throw new ParseError({ ...error.location, file: shown2 }, error.detail);
    throw error;
  }
  return parseDvcLock(text6, shown2);
}
function parseDvcLock(text6, file) {
  const notes = [];
  const root = parseYamlText(text6, file, notes);
  const check = new Checker(text6, file);
  if (root === null || root === void 0) {
    notes.push("the file is empty: no stages");
    return { file, schema: 2, stages: [], notes };
  }
  if (!isPlainObject3(root))
    check.fail([], `expected a dvc.lock (schema: '2.0' and stages:), found ${describe5(root)}`);
  let schema;
  let stagesValue;
  let stagesAt;
  if (Object.hasOwn(root, "schema")) {
    const version = root.schema;
    if (version !== "2.0" && version !== 2)
      check.fail(
        ["schema"],
        `mlci reads dvc.lock schemas '2.0' and 1 (DVC 1.x, no schema: line), found ${describe5(version)}; a newer DVC may have written it`
      );
    if (version === 2) notes.push("schema: 2.0 is written without quotes; read as '2.0'");
    schema = 2;
    stagesValue = root.stages;
    stagesAt = ["stages"];
    for (const key of Object.keys(root))
      if (key !== "schema" && key !== "stages")
        notes.push(`unknown top-level key ${JSON.stringify(key)} ignored`);
  } else if (isPlainObject3(root.stages) && !Object.hasOwn(root.stages, "cmd")) {
    notes.push("no schema: line, but the stages are under stages:, so it is read as schema '2.0'");
    schema = 2;
    stagesValue = root.stages;
    stagesAt = ["stages"];
    for (const key of Object.keys(root))
      if (key !== "stages") notes.push(`unknown top-level key ${JSON.stringify(key)} ignored`);
  } else {
    schema = 1;
    stagesValue = root;
    stagesAt = [];
  }
  const stages = [];
  if (stagesValue !== null && stagesValue !== void 0) {
    if (!isPlainObject3(stagesValue))
      check.fail(
        stagesAt,
        `expected the stages, each a mapping under its name, found ${describe5(stagesValue)}`
      );
    for (const [name, value] of Object.entries(stagesValue))
      stages.push(readStage(check, name, value, [...stagesAt, name], notes));
  }
  if (stages.length === 0) notes.push("no stages");
  return { file, schema, stages, notes };
}
function readStage(check, name, value, at, notes) {
  if (!isPlainObject3(value))
    check.fail(at, `expected a stage (cmd:, deps:, params:, outs:), found ${describe5(value)}`);
  const stage = {
    name,
    cmd: readCmd(check, value.cmd, [...at, "cmd"]),
    deps: readEntries(check, value.deps, [...at, "deps"]),
    outs: readEntries(check, value.outs, [...at, "outs"]),
    params: readParams2(check, value.params, [...at, "params"], notes)
  };
  const marker = name.indexOf("@");
  if (marker > 0 && marker < name.length - 1)
    stage.generated = { definition: name.slice(0, marker), item: name.slice(marker + 1) };
  for (const key of Object.keys(value))
    if (!STAGE_KEYS.has(key)) notes.push(`${keyPath([...at, key])}: unknown key ignored`);
  return stage;
}
var STAGE_KEYS = /* @__PURE__ */ new Set(["cmd", "deps", "outs", "params"]);
function readCmd(check, value, at) {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.length > 0) {
    return value.map((line2, i2) => {
      if (typeof line2 !== "string")
        check.fail([...at, i2], `expected a command (a string), found ${describe5(line2)}`);
      return line2;
    });
  }
  if (value === void 0)
    check.fail(at.slice(0, -1), "expected a cmd: DVC records the command of every stage");
  return check.fail(at, `expected the command: a string or a list of strings, found ${describe5(value)}`);
}
function readEntries(check, value, at) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value))
    check.fail(at, `expected a list of entries (path: and a hash), found ${describe5(value)}`);
  const entries = [];
  value.forEach((item, i2) => entries.push(readEntry(check, item, [...at, i2])));
  return entries;
}
function readEntry(check, value, at) {
  if (!isPlainObject3(value)) {
    const hint = typeof value === "string" ? " (a dvc.yaml lists paths; a dvc.lock records path: and md5:)" : "";
    check.fail(at, `expected path: and a hash, found ${describe5(value)}${hint}`);
  }
  const path = value.path;
  if (path === void 0) check.fail(at, "expected a path: every dependency and output has one");
  if (typeof path !== "string" || path === "")
    check.fail([...at, "path"], `expected a path, found ${describe5(path)}`);
  const entry = { path, folder: false };
  for (const kind of HASH_KINDS) {
    const hash = readHash(check, value[kind], [...at, kind]);
    if (hash !== void 0) {
      entry.hash = { kind, value: hash };
      break;
    }
  }
  if (value.hash !== void 0 && value.hash !== null) {
    if (typeof value.hash !== "string")
      check.fail([...at, "hash"], `expected the hash's name (md5), found ${describe5(value.hash)}`);
    entry.hashName = value.hash;
  }
  const size = readCount(check, value.size, [...at, "size"], "bytes");
  if (size !== void 0) entry.size = size;
  const nfiles = readCount(check, value.nfiles, [...at, "nfiles"], "files");
  if (nfiles !== void 0) entry.nfiles = nfiles;
  entry.folder = entry.hash?.value.endsWith(".dir") === true || nfiles !== void 0;
  return entry;
}
function readHash(check, value, at) {
  if (value === void 0 || value === null || value === "") return void 0;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === "number")
    return check.fail(
      at,
      `a hash written as a number too large to read exactly (${String(value)}); quote it`
    );
  return check.fail(at, `expected a hash (a string), found ${describe5(value)}`);
}
function readCount(check, value, at, unit) {
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    check.fail(at, `expected a whole number of ${unit}, found ${describe5(value)}`);
  return value;
}
function readParams2(check, value, at, notes) {
  if (value === void 0 || value === null) return [];
  if (!isPlainObject3(value))
    check.fail(at, `expected the parameters by file ({params.yaml: {key: value}}), found ${describe5(value)}`);
  const params = [];
  for (const [file, values] of Object.entries(value)) {
    if (values === null) continue;
    if (!isPlainObject3(values))
      check.fail(
        [...at, file],
        `expected the parameters read from ${file}, each key: value, found ${describe5(values)}`
      );
    const byKey = /* @__PURE__ */ new Map();
    const repeated = [];
    const put = (key, leaf) => {
      if (byKey.has(key)) repeated.push(key);
      byKey.set(key, leaf);
    };
    for (const [key, leaf] of Object.entries(values)) flattenParam(key, leaf, put);
    if (repeated.length > 0)
      notes.push(
        `${keyPath([...at, file])}: ${repeated.slice(0, 5).join(", ")}${repeated.length > 5 ? ` and ${repeated.length - 5} more` : ""} recorded both as a dotted key and nested; the later value is read`
      );
    for (const [key, leaf] of byKey) params.push({ file, key, value: leaf });
  }
  return params;
}
function flattenParam(key, value, put) {
  if (isPlainObject3(value) && Object.keys(value).length > 0) {
    for (const [child, leaf] of Object.entries(value))
      flattenParam(`${key}.${child}`, leaf, put);
    return;
  }
  put(key, value);
}
function isPlainObject3(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function describe5(value) {
  if (value === null || value === void 0) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  return String(value);
}
function keyPath(at) {
  let out = "";
  for (const segment of at) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[^.[\]"\s]+$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === "" ? "(top level)" : out;
}
var Checker = class {
  constructor(text6, file) {
    this.text = text6;
    this.file = file;
  }
  text;
  file;
  fail(at, detail) {
    throw new ParseError(this.locate(at), `${keyPath(at)}: ${detail}`);
  }
  locate(at) {
    const lineCounter = new import_yaml2.LineCounter();
    const doc = (0, import_yaml2.parseDocument)(this.text, { lineCounter, uniqueKeys: false, strict: false });
    let node = doc.contents;
    let offset = node?.range?.[0];
    for (const segment of at) {
      let next;
      if ((0, import_yaml2.isMap)(node)) {
        const pair = node.items.findLast((p) => (0, import_yaml2.isScalar)(p.key) && String(p.key.value) === String(segment));
        if (pair === void 0) break;
        next = pair.value ?? pair.key;
      } else if ((0, import_yaml2.isSeq)(node) && typeof segment === "number") {
        next = node.items[segment];
      }
      if (next === void 0 || next === null) break;
      node = next;
      offset = next.range?.[0] ?? offset;
    }
    if (offset === void 0) return { file: this.file };
    const { line: line2, col } = lineCounter.linePos(offset);
    return { file: this.file, line: line2, column: col };
  }
};

// packages/core/src/dvc/diff.ts
function diffDvcLocks(base, head, options = {}) {
  const made = /* @__PURE__ */ new Set();
  for (const lock of [base, head])
    for (const stage of lock.stages) for (const out of stage.outs) made.add(normalPath(out.path));
  const role = (path) => dependencyRole(path, made);
  const baseStages = new Map(base.stages.map((s) => [s.name, s]));
  const headNames = new Set(head.stages.map((s) => s.name));
  const stages = [];
  let algorithmChanges = 0;
  for (const stage of head.stages) {
    const before = baseStages.get(stage.name);
    if (before === void 0) {
      stages.push(wholeStage(stage, "added", role));
      continue;
    }
    const change = {
      name: stage.name,
      status: "changed",
      deps: diffEntries(before.deps, stage.deps, role),
      outs: diffEntries(before.outs, stage.outs),
      params: diffParams2(before, stage)
    };
    const cmdBefore = before.cmd.join("\n");
    const cmdAfter = stage.cmd.join("\n");
    if (cmdBefore !== cmdAfter) change.cmd = { base: cmdBefore, head: cmdAfter };
    algorithmChanges += [...change.deps, ...change.outs].filter(hashAlgorithmChanged).length;
    if (change.cmd !== void 0 || change.deps.length + change.outs.length + change.params.length > 0)
      stages.push(change);
  }
  for (const stage of base.stages)
    if (!headNames.has(stage.name)) stages.push(wholeStage(stage, "removed", role));
  const notes = [];
  if (algorithmChanges > 0)
    notes.push(
      `${algorithmChanges === 1 ? "One changed hash was" : `${algorithmChanges} changed hashes were`} taken by DVC 2 on one side and DVC 3 on the other: DVC 2 turned CRLF into LF before hashing a text file and DVC 3 does not, so a text file's md5 can change with no change to the file.`
    );
  return {
    file: options.file ?? head.file,
    base: options.base ?? base.file,
    headStages: head.stages.length,
    stages,
    notes
  };
}
function isUnchangedPipeline(diff) {
  return diff.stages.length === 0;
}
function wholeStage(stage, status, role) {
  const side2 = status === "added" ? "head" : "base";
  const entry = (e, dependency) => ({
    path: e.path,
    status,
    ...dependency ? { role: role(e.path) } : {},
    [side2]: entrySide(e)
  });
  return {
    name: stage.name,
    status,
    cmd: { [side2]: stage.cmd.join("\n") },
    deps: stage.deps.map((e) => entry(e, true)),
    outs: stage.outs.map((e) => entry(e, false)),
    params: stage.params.map((p) => ({ file: p.file, key: p.key, status, [side2]: paramText(p.value) }))
  };
}
function diffEntries(before, after, role) {
  const old = /* @__PURE__ */ new Map();
  for (const e of before) if (!old.has(normalPath(e.path))) old.set(normalPath(e.path), e);
  const seen = /* @__PURE__ */ new Set();
  const changes = [];
  const withRole = (change) => role === void 0 ? change : { ...change, role: role(change.path) };
  for (const e of after) {
    const key = normalPath(e.path);
    if (seen.has(key)) continue;
    seen.add(key);
    const was = old.get(key);
    if (was === void 0) {
      changes.push(withRole({ path: e.path, status: "added", head: entrySide(e) }));
    } else if (entryChanged(was, e)) {
      changes.push(withRole({ path: e.path, status: "changed", base: entrySide(was), head: entrySide(e) }));
    }
  }
  for (const [key, e] of old)
    if (!seen.has(key)) changes.push(withRole({ path: e.path, status: "removed", base: entrySide(e) }));
  return changes;
}
function entryChanged(a, b) {
  if (a.hash !== void 0 || b.hash !== void 0)
    return a.hash?.kind !== b.hash?.kind || a.hash?.value !== b.hash?.value;
  return a.size !== b.size || a.nfiles !== b.nfiles;
}
function hashAlgorithmChanged(change) {
  const a = change.base;
  const b = change.head;
  return change.status === "changed" && a?.hashKind === "md5" && b?.hashKind === "md5" && (a.hashName ?? "md5-dos2unix") !== (b.hashName ?? "md5-dos2unix");
}
function entrySide(e) {
  const side2 = {};
  if (e.hash !== void 0) {
    side2.hash = e.hash.value;
    side2.hashKind = e.hash.kind;
  }
  if (e.hashName !== void 0) side2.hashName = e.hashName;
  if (e.size !== void 0) side2.size = e.size;
  if (e.nfiles !== void 0) side2.nfiles = e.nfiles;
  if (e.folder) side2.folder = true;
  return side2;
}
function diffParams2(before, after) {
  const id = (file, key) => `${file}\0${key}`;
  const old = new Map(before.params.map((p) => [id(p.file, p.key), p]));
  const seen = /* @__PURE__ */ new Set();
  const changes = [];
  for (const p of after.params) {
    const key = id(p.file, p.key);
    seen.add(key);
    const was = old.get(key);
    if (was === void 0) {
      changes.push({ file: p.file, key: p.key, status: "added", head: paramText(p.value) });
    } else if (canonical(was.value) !== canonical(p.value)) {
      let [base, head] = [paramText(was.value), paramText(p.value)];
      if (base === head) [base, head] = [shown(was.value), shown(p.value)];
      changes.push({ file: p.file, key: p.key, status: "changed", base, head });
    }
  }
  for (const p of before.params)
    if (!seen.has(id(p.file, p.key)))
      changes.push({ file: p.file, key: p.key, status: "removed", base: paramText(p.value) });
  return changes;
}
function canonical(value) {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
}
function paramText(value) {
  if (typeof value === "string") return value === "" ? '""' : value;
  return shown(value);
}
function shown(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  if (value === null || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(shown).join(", ")}]`;
  const keys = Object.keys(value);
  return `{${keys.map((k) => `${k}: ${shown(value[k])}`).join(", ")}}`;
}
function normalPath(path) {
  return path.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
}
var CODE_EXTENSIONS = new Set(
  `py pyx ipynb r rmd jl sh bash zsh ps1 bat js mjs cjs ts java scala kt go rs c h cc cpp hpp cu
   swift rb pl php lua cs f90 sql yaml yml toml cfg ini conf env lock`.split(/\s+/)
);
var CODE_NAMES = /* @__PURE__ */ new Set(["makefile", "dockerfile", "requirements.txt", "pipfile", "dvc.yaml"]);
var CODE_FOLDERS = /* @__PURE__ */ new Set(["src", "lib", "libs", "scripts", "code", "utils", "configs", "config", "conf"]);
function dependencyRole(path, made) {
  const normal = normalPath(path);
  if (made.has(normal)) return "stage-output";
  for (let cut = normal.lastIndexOf("/"); cut > 0; cut = normal.lastIndexOf("/", cut - 1))
    if (made.has(normal.slice(0, cut))) return "stage-output";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return "data";
  const segments = normal.split("/");
  const name = segments.at(-1).toLowerCase();
  const dot = name.lastIndexOf(".");
  if (CODE_NAMES.has(name) || dot > 0 && CODE_EXTENSIONS.has(name.slice(dot + 1))) return "code";
  if (CODE_FOLDERS.has(segments[0].toLowerCase()) && !segments.some((s) => /^data(sets?)?$/i.test(s)))
    return "code";
  return "data";
}
var MAX_STAGES = 1e4;
var MAX_ENTRIES = 1e4;
var MAX_TEXT = 1e4;
var STATUSES = ["changed", "added", "removed"];
var ROLES = ["data", "code", "stage-output"];
var KINDS = ["md5", "etag", "checksum"];
function decodeDvcLockDiff(value, where) {
  const doc = record2(value, where, "a pipeline diff (file, base, headStages, stages, notes)");
  const stages = list2(doc.stages, `${where}.stages`, MAX_STAGES).map(
    (item, i2) => decodeStage(item, `${where}.stages[${i2}]`)
  );
  return {
    file: text5(doc.file, `${where}.file`),
    base: text5(doc.base, `${where}.base`),
    headStages: count(doc.headStages, `${where}.headStages`),
    stages,
    notes: list2(doc.notes, `${where}.notes`, 20).map((n, i2) => text5(n, `${where}.notes[${i2}]`))
  };
}
function decodeStage(value, where) {
  const doc = record2(value, where, "a stage change (name, status, deps, outs, params)");
  const stage = {
    name: text5(doc.name, `${where}.name`),
    status: choice(doc.status, `${where}.status`, STATUSES),
    deps: list2(doc.deps, `${where}.deps`, MAX_ENTRIES).map((e, i2) => decodeEntry(e, `${where}.deps[${i2}]`)),
    outs: list2(doc.outs, `${where}.outs`, MAX_ENTRIES).map((e, i2) => decodeEntry(e, `${where}.outs[${i2}]`)),
    params: list2(doc.params, `${where}.params`, MAX_ENTRIES).map(
      (p, i2) => decodeParam(p, `${where}.params[${i2}]`)
    )
  };
  if (doc.cmd !== void 0) {
    const cmd = record2(doc.cmd, `${where}.cmd`, "the command of each side");
    stage.cmd = {};
    if (cmd.base !== void 0) stage.cmd.base = text5(cmd.base, `${where}.cmd.base`);
    if (cmd.head !== void 0) stage.cmd.head = text5(cmd.head, `${where}.cmd.head`);
  }
  return stage;
}
function decodeEntry(value, where) {
  const doc = record2(value, where, "an entry change (path, status, base, head)");
  const entry = {
    path: text5(doc.path, `${where}.path`),
    status: choice(doc.status, `${where}.status`, STATUSES)
  };
  if (doc.role !== void 0) entry.role = choice(doc.role, `${where}.role`, ROLES);
  if (doc.base !== void 0) entry.base = decodeSide(doc.base, `${where}.base`);
  if (doc.head !== void 0) entry.head = decodeSide(doc.head, `${where}.head`);
  return entry;
}
function decodeSide(value, where) {
  const doc = record2(value, where, "one side of an entry (hash, size, nfiles)");
  const side2 = {};
  if (doc.hash !== void 0) side2.hash = text5(doc.hash, `${where}.hash`, 200);
  if (doc.hashKind !== void 0) side2.hashKind = choice(doc.hashKind, `${where}.hashKind`, KINDS);
  if (doc.hashName !== void 0) side2.hashName = text5(doc.hashName, `${where}.hashName`, 40);
  if (doc.size !== void 0) side2.size = count(doc.size, `${where}.size`);
  if (doc.nfiles !== void 0) side2.nfiles = count(doc.nfiles, `${where}.nfiles`);
  if (doc.folder === true) side2.folder = true;
  return side2;
}
function decodeParam(value, where) {
  const doc = record2(value, where, "a parameter change (file, key, status, base, head)");
  const param = {
    file: text5(doc.file, `${where}.file`),
    key: text5(doc.key, `${where}.key`),
    status: choice(doc.status, `${where}.status`, STATUSES)
  };
  if (doc.base !== void 0) param.base = text5(doc.base, `${where}.base`);
  if (doc.head !== void 0) param.head = text5(doc.head, `${where}.head`);
  return param;
}
function record2(value, where, what) {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new ConfigurationError(`${where}: expected ${what}`);
  return value;
}
function list2(value, where, max2) {
  if (!Array.isArray(value) || value.length > max2)
    throw new ConfigurationError(`${where}: expected a list of at most ${max2} items`);
  return value;
}
function text5(value, where, max2 = MAX_TEXT) {
  if (typeof value !== "string") throw new ConfigurationError(`${where}: expected a string`);
  return value.length > max2 ? `${value.slice(0, max2 - 1)}\u2026` : value;
}
function count(value, where) {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    throw new ConfigurationError(`${where}: expected a whole number`);
  return value;
}
function choice(value, where, choices) {
  if (typeof value !== "string" || !choices.includes(value))
    throw new ConfigurationError(`${where}: expected one of ${choices.join(", ")}`);
  return value;
}

// packages/core/src/dvc/rows.ts
var RANK = {
  data: 0,
  param: 1,
  command: 2,
  stage: 3,
  code: 4,
  input: 5,
  output: 6
};
var NONE = "\u2014";
function pipelineRows(diff) {
  const rows = /* @__PURE__ */ new Map();
  let order = 0;
  const add = (stage, row) => {
    const id = [row.kind, row.status, row.subject, row.base, row.head].join("\0");
    const known = rows.get(id);
    if (known !== void 0) {
      if (!known.stages.includes(stage)) known.stages.push(stage);
    } else {
      rows.set(id, { ...row, stages: [stage], order: order++ });
    }
  };
  const outputs = new Set(diff.stages.flatMap((s) => s.outs.map((o) => entryIdentity(o))));
  let shownAsOutputs = 0;
  for (const stage of diff.stages) {
    if (stage.status !== "changed") {
      addWholeStage(stage, add);
      continue;
    }
    if (stage.cmd !== void 0)
      add(stage.name, {
        kind: "command",
        status: "changed",
        subject: stage.name,
        base: commandText(stage.cmd.base),
        head: commandText(stage.cmd.head),
        change: "changed"
      });
    for (const param of stage.params)
      add(stage.name, {
        kind: "param",
        status: param.status,
        subject: `${param.file}: ${param.key}`,
        base: param.base ?? NONE,
        head: param.head ?? NONE,
        change: param.status === "changed" ? `${param.base} \u2192 ${param.head}` : param.status
      });
    for (const dep of stage.deps) {
      if (dep.role === "stage-output" && outputs.has(entryIdentity(dep))) {
        shownAsOutputs++;
        continue;
      }
      add(stage.name, entryRow(dep, dep.role === "data" ? "data" : dep.role === "code" ? "code" : "input"));
    }
    for (const out of stage.outs) add(stage.name, entryRow(out, "output"));
  }
  const sorted = [...rows.values()].sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.order - b.order);
  return { rows: sorted.map(({ order: _order, ...row }) => row), shownAsOutputs };
}
function addWholeStage(stage, add) {
  add(stage.name, {
    kind: "stage",
    status: stage.status,
    subject: stage.name,
    base: commandText(stage.cmd?.base),
    head: commandText(stage.cmd?.head),
    change: stage.status === "added" ? "stage added" : "stage removed"
  });
  for (const dep of stage.deps) if (dep.role === "data") add(stage.name, entryRow(dep, "data"));
}
function commandText(cmd) {
  return cmd === void 0 ? NONE : cmd.split("\n").join(" && ");
}
function entryRow(entry, kind) {
  const [base, head] = sideTexts(entry.base, entry.head);
  return { kind, status: entry.status, subject: entry.path, base, head, change: entryChange(entry) };
}
function entryIdentity(entry) {
  const path = entry.path.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
  return [path, entry.status, entry.base?.hash ?? "", entry.head?.hash ?? ""].join("\0");
}
function sideTexts(base, head) {
  const [baseHash, headHash] = shortHashes(base, head);
  const [baseSize, headSize] = sizeTexts(base?.size, head?.size);
  const side2 = (s, hash, size) => {
    if (s === void 0) return NONE;
    const parts = [hash ?? "no hash"];
    if (s.nfiles !== void 0) parts.push(count2(s.nfiles, "file"));
    if (size !== void 0) parts.push(size);
    return parts.join(" \xB7 ");
  };
  return [side2(base, baseHash, baseSize), side2(head, headHash, headSize)];
}
function entryChange(entry) {
  if (entry.status !== "changed") return entry.status;
  const { base, head } = entry;
  const [a, b] = shortHashes(base, head);
  const parts = [];
  const kind = head?.hashKind ?? base?.hashKind;
  const prefix = kind === void 0 || base?.hashKind !== head?.hashKind || kind !== "md5" ? "" : `${kind} `;
  if (a !== b) parts.push(`${prefix}${a ?? "no hash"} \u2192 ${b ?? "no hash"}`);
  const files = (n) => n === void 0 ? "?" : grouped(n);
  if (base?.nfiles !== head?.nfiles) parts.push(`${files(base?.nfiles)} \u2192 ${files(head?.nfiles)} files`);
  else if (base?.size !== head?.size && base?.size !== void 0 && head?.size !== void 0) {
    const [x2, y] = sizeTexts(base.size, head.size);
    parts.push(`${x2} \u2192 ${y}`);
  }
  return parts.length > 0 ? parts.join(", ") : "changed";
}
function shortHashes(base, head) {
  const bare = (s) => s?.hash?.replace(/\.dir$/, "").replace(/^"(.*)"$/, "$1");
  const a = bare(base);
  const b = bare(head);
  let length = 7;
  if (a !== void 0 && b !== void 0 && a !== b)
    while (length < Math.max(a.length, b.length) && a.slice(0, length) === b.slice(0, length)) length++;
  const named2 = (s, hash) => {
    if (hash === void 0) return void 0;
    const cut = hash.slice(0, length);
    return s?.hashKind === void 0 || s.hashKind === "md5" ? cut : `${s.hashKind} ${cut}`;
  };
  return [named2(base, a), named2(head, b)];
}
function sizeTexts(a, b) {
  const x2 = a === void 0 ? void 0 : formatBytes(a);
  const y = b === void 0 ? void 0 : formatBytes(b);
  if (a !== void 0 && b !== void 0 && a !== b && x2 === y) return [`${grouped(a)} B`, `${grouped(b)} B`];
  return [x2, y];
}
function formatBytes(bytes) {
  if (bytes < 1e3) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB", "PB"];
  let value = bytes / 1e3;
  let unit = 0;
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1e3;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
function pipelineSummary(diff) {
  const changed = diff.stages.filter((s) => s.status === "changed").length;
  const added = diff.stages.filter((s) => s.status === "added").length;
  const removed = diff.stages.filter((s) => s.status === "removed").length;
  const parts = [];
  if (changed > 0) parts.push(`${grouped(changed)} of ${count2(diff.headStages, "stage")} changed`);
  if (added > 0) parts.push(`${grouped(added)} ${added === 1 ? "stage" : "stages"} added`);
  if (removed > 0) parts.push(`${grouped(removed)} ${removed === 1 ? "stage" : "stages"} removed`);
  return parts.length > 0 ? parts.join(", ") : "no stage changed";
}
function dataChanges(rows) {
  const seen = /* @__PURE__ */ new Set();
  return rows.filter((r) => {
    if (r.kind !== "data" || seen.has(r.subject)) return false;
    seen.add(r.subject);
    return true;
  });
}
function pipelineText(diff) {
  const { rows, shownAsOutputs } = pipelineRows(diff);
  const lines = [`Pipeline (${oneLine(diff.file)}, against ${oneLine(diff.base)}): ${pipelineSummary(diff)}`];
  const width = Math.max(...rows.map((r) => r.kind.length), 4);
  for (const row of rows) {
    const detail = row.kind === "command" || row.kind === "stage" ? row.kind === "stage" ? `${row.change}: ${oneLine(row.status === "added" ? row.head : row.base)}` : `${oneLine(row.base)} \u2192 ${oneLine(row.head)}` : row.status === "changed" ? row.kind === "param" ? `${oneLine(row.base)} \u2192 ${oneLine(row.head)}` : row.change : `${row.status} (${oneLine(row.status === "added" ? row.head : row.base)})`;
    const subject = row.kind === "command" || row.kind === "stage" ? "" : `${oneLine(row.subject)}: `;
    lines.push(`  ${row.kind.padEnd(width)}  ${subject}${detail}  [${row.stages.map(oneLine).join(", ")}]`);
  }
  if (shownAsOutputs > 0)
    lines.push(
      `  (${count2(shownAsOutputs, "input")} made by another stage ${shownAsOutputs === 1 ? "is" : "are"} listed once, as that stage's output)`
    );
  for (const note of diff.notes) lines.push(`  Note: ${oneLine(note)}`);
  return `${lines.join("\n")}
`;
}
function oneLine(text6) {
  return text6.replace(/\r/g, "\\x0d").replace(/\n/g, "\\n");
}
function count2(n, noun) {
  return `${grouped(n)} ${noun}${n === 1 ? "" : "s"}`;
}
function grouped(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// packages/core/src/config/config.ts
var import_yaml3 = __toESM(require_dist(), 1);

// packages/core/src/config/repeats.ts
var MAX_REPEATS = 100;
function isPathGlob(pattern) {
  return /(^|[^\\])[*?[{]/.test(pattern);
}
function staticPrefix(pattern) {
  const segments = normalizePattern(pattern).split("/");
  const fixed2 = [];
  for (const segment of segments.slice(0, -1)) {
    if (isPathGlob(segment)) break;
    fixed2.push(segment.replace(/\\(.)/g, "$1"));
  }
  return fixed2.join("/");
}
function normalizePattern(pattern, where = "repeats") {
  const trimmed = pattern.trim();
  const segments = trimmed.split("/").filter((s) => s !== "" && s !== ".");
  if (trimmed === "" || segments.length === 0)
    throw new ConfigurationError(`${where}: expected a path pattern such as runs/seed-*/metrics.json`);
  if (trimmed.startsWith("/") || /^[A-Za-z]:/.test(trimmed) || segments.includes("..")) {
    throw new ConfigurationError(
      `${where}: ${JSON.stringify(pattern)} must be a relative path inside the repository (no leading /, no ..), such as runs/seed-*/metrics.json`
    );
  }
  return segments.join("/");
}
function pathPatternToRegExp(pattern, where = "repeats") {
  const source2 = normalizePattern(pattern, where);
  let out = "";
  let braces = 0;
  for (let i2 = 0; i2 < source2.length; i2++) {
    const c = source2[i2];
    if (c === "\\" && i2 + 1 < source2.length) {
      out += escapeRegExp2(source2[++i2]);
    } else if (c === "*" && source2[i2 + 1] === "*") {
      const atStart = i2 === 0 || source2[i2 - 1] === "/";
      const atEnd = i2 + 2 === source2.length || source2[i2 + 2] === "/";
      if (atStart && atEnd) {
        if (i2 + 2 === source2.length) out += ".*";
        else {
          out += "(?:[^/]+/)*";
          i2++;
        }
        i2++;
      } else {
        out += "[^/]*";
        i2++;
      }
    } else if (c === "*") {
      out += "[^/]*";
    } else if (c === "?") {
      out += "[^/]";
    } else if (c === "[") {
      const end = source2.indexOf("]", i2 + 2);
      if (end < 0) throw new ConfigurationError(`${where}: ${JSON.stringify(pattern)}: a [ without its ]`);
      let set = source2.slice(i2 + 1, end);
      const negate = set.startsWith("!") || set.startsWith("^");
      if (negate) set = set.slice(1);
      out += `[${negate ? "^/" : ""}${set.replace(/[\\\]]/g, "\\$&")}]`;
      i2 = end;
    } else if (c === "{") {
      braces++;
      out += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      out += ")";
    } else if (c === "," && braces > 0) {
      out += "|";
    } else {
      out += escapeRegExp2(c);
    }
  }
  if (braces > 0) throw new ConfigurationError(`${where}: ${JSON.stringify(pattern)}: a { without its }`);
  try {
    return new RegExp(`^${out}$`);
  } catch (error) {
    throw new ConfigurationError(
      `${where}: ${JSON.stringify(pattern)} is not a valid pattern (${error instanceof Error ? error.message : String(error)})`
    );
  }
}
function matchRuns(patterns, entries, where = "repeats") {
  const regexps = patterns.map((p) => pathPatternToRegExp(p, where));
  const matched = /* @__PURE__ */ new Set();
  for (const entry of entries) {
    const path = entry.path.replace(/\/+$/, "");
    if (regexps.some((re) => re.test(path))) matched.add(path);
  }
  const outermost = [...matched].filter((path) => {
    for (let cut = path.lastIndexOf("/"); cut > 0; cut = path.lastIndexOf("/", cut - 1)) {
      if (matched.has(path.slice(0, cut))) return false;
    }
    return true;
  });
  return outermost.sort(naturalCompare);
}
function requireRuns(patterns, entries, where, searched) {
  const runs = matchRuns(patterns, entries, where);
  if (runs.length === 0) {
    throw new ConfigurationError(
      `${where}: ${patterns.map((p) => JSON.stringify(p)).join(", ")} matched nothing in ${searched}: write each run's metrics where the pattern says (one file or folder per seed), or fix the pattern`
    );
  }
  if (runs.length > MAX_REPEATS) {
    throw new ConfigurationError(
      `${where}: ${patterns.map((p) => JSON.stringify(p)).join(", ")} matched ${runs.length} runs in ${searched}; at most ${MAX_REPEATS} are read: narrow the pattern`
    );
  }
  return runs;
}
function naturalCompare(a, b) {
  const split = (s) => s.split(/(\d+)/);
  const pa = split(a);
  const pb = split(b);
  for (let i2 = 0; i2 < Math.min(pa.length, pb.length); i2++) {
    const x2 = pa[i2];
    const y = pb[i2];
    if (x2 === y) continue;
    if (i2 % 2 === 1) {
      const diff = Number(x2) - Number(y);
      if (diff !== 0) return diff < 0 ? -1 : 1;
    }
    return x2 < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
function escapeRegExp2(s) {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

// packages/core/src/report/extra.ts
var import_node_path10 = __toESM(require_node_path(), 1);

// packages/core/src/report/escape.ts
var WORD_JOINER = "\u2060";
var INLINE_SPECIAL = /[\\`*[\]|~$#]/g;
var CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
var NEEDS_ESCAPING = /[\\`*[\]|~$#&<@:\r\n\t\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]|www|gh-/i;
var LOOSE_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/u;
function escapeMarkdownText(text6) {
  if (!NEEDS_ESCAPING.test(text6) && !LOOSE_UNDERSCORE.test(text6)) return escapeLineStart(text6);
  let out = text6.replace(/\r\n?|\n|\t/g, " ").replace(CONTROL, "\uFFFD").replace(/&(?=[#A-Za-z0-9])/g, "&amp;").replace(/<(?=[A-Za-z/!?])/g, "&lt;").replace(INLINE_SPECIAL, "\\$&");
  out = out.replace(new RegExp(LOOSE_UNDERSCORE.source, "gu"), "\\_");
  out = breakAutolinks(out);
  return escapeLineStart(out);
}
function escapeTableCell(text6) {
  const out = escapeMarkdownText(text6).trim();
  return out === "" ? " " : out;
}
function breakAutolinks(text6) {
  return text6.replace(/@(?=[\p{L}\p{N}_-])/gu, `@${WORD_JOINER}`).replace(/#(?=\d)/g, `#${WORD_JOINER}`).replace(/\b(GH-)(?=\d)/gi, `$1${WORD_JOINER}`).replace(/:(?=\/\/)/g, `:${WORD_JOINER}`).replace(/\b(www)(?=\.)/gi, `$1${WORD_JOINER}`).replace(/:(?=[a-z0-9_+\\-]+:)/gi, `:${WORD_JOINER}`);
}
function escapeLineStart(text6) {
  return text6.replace(/^\s+/, "").replace(/^>/, "\\>").replace(/^([-+=])(?=\s|$|[-=])/, "\\$1").replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}
function shortenMiddle(text6, max2) {
  if (text6.length <= max2) return text6;
  const chars = [...text6];
  if (chars.length <= max2) return text6;
  const keep = Math.max(0, max2 - 1);
  const head = Math.ceil(keep / 2);
  return `${chars.slice(0, head).join("")}\u2026${chars.slice(chars.length - (keep - head)).join("")}`;
}
function safeUrl(url) {
  const trimmed = url.trim();
  if (trimmed === "" || /[\u0000-\u001f\u007f]/.test(trimmed)) return void 0;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (scheme !== null && !/^https?$/i.test(scheme[1])) return void 0;
  if (scheme === null && trimmed.startsWith("//")) return void 0;
  return trimmed.replace(
    /[\s()<>"'`\\[\]|]/gu,
    (c) => [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("")
  );
}

// packages/core/src/report/extra.ts
var EXTRA_PLACEMENTS = ["top", "after-summary", "bottom"];
var EXTRA_LIMITS = {
  /** Sections per report. */
  sections: 10,
  /** Characters (UTF-16 units) of one Markdown file: a section explains, the comment holds 65,536. */
  markdownChars: 2e4,
  /** Images in all sections together. */
  images: 10,
  /** Bytes of one image file as read (an SVG's source too) and of an SVG's rendered PNG. */
  imageBytes: 1024 * 1024,
  /** An SVG is drawn at twice its size (sharp on high-density screens), at most this wide and high. */
  svgMaxPixels: 1600
};
function parseExtraArgument(text6, from) {
  const trimmed = text6.trim();
  const at = /^(.*)@([a-z-]+)$/.exec(trimmed);
  let file = trimmed;
  let placement;
  if (at !== null) {
    if (!EXTRA_PLACEMENTS.includes(at[2]))
      throw new ConfigurationError(
        `${from}: ${JSON.stringify(trimmed)}: unknown placement "${at[2]}"; expected FILE or FILE@PLACEMENT with ${EXTRA_PLACEMENTS.join(", ")}`
      );
    file = at[1];
    placement = at[2];
  }
  if (file === "")
    throw new ConfigurationError(
      `${from}: ${JSON.stringify(trimmed)}: expected a file, such as reports/shap.md@bottom`
    );
  return { file, ...placement !== void 0 ? { placement } : {}, from };
}
function workspacePath(path, base, where) {
  if (/^[A-Za-z]:[\\/]/.test(path) || path.startsWith("/") && !path.startsWith("//") || path.startsWith("\\"))
    throw new ConfigurationError(
      `${where}: ${JSON.stringify(path)} is an absolute path; expected a path relative to the file that names it, inside the workspace`
    );
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("//"))
    throw new ConfigurationError(
      `${where}: ${JSON.stringify(path)} is a URL; expected a file of the repository (remote images are not shown: download it into the repository)`
    );
  const joined = import_node_path10.posix.normalize(import_node_path10.posix.join(base, path.replace(/\\/g, "/")));
  if (joined === ".." || joined.startsWith("../"))
    throw new ConfigurationError(
      `${where}: ${JSON.stringify(path)} leads outside the workspace; expected a file inside it`
    );
  if (joined === "." || joined.endsWith("/"))
    throw new ConfigurationError(`${where}: ${JSON.stringify(path)} is a folder; expected a file`);
  return joined;
}
function imageKind(bytes) {
  if (bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).equals(PNG_SIGNATURE)) return "png";
  if (bytes.length >= 3 && bytes[0] === 255 && bytes[1] === 216 && bytes[2] === 255) return "jpeg";
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("utf8").replace(/^\uFEFF/, "");
  if (/^\s*(<\?xml[^>]*>\s*)?((<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<svg[\s>]/i.test(head)) return "svg";
  return void 0;
}
var PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
async function buildExtraSections(requests, read) {
  if (requests.length > EXTRA_LIMITS.sections)
    throw new ConfigurationError(
      `${requests[EXTRA_LIMITS.sections].from}: at most ${EXTRA_LIMITS.sections} sections of the team's own content per report, found ${requests.length}`
    );
  const images = new ImageStore(read);
  const sections = [];
  for (const request of requests) {
    const file = workspacePath(request.file, "", request.from);
    const bytes = await read(file, Math.max(EXTRA_LIMITS.imageBytes, EXTRA_LIMITS.markdownChars * 4));
    const placement = request.placement ?? "bottom";
    const folded = request.folded ?? placement === "bottom";
    if (imageKind(bytes) !== void 0) {
      const alt = request.alt?.trim() ?? "";
      if (alt === "")
        throw new ConfigurationError(
          `${request.from}: ${file} is an image and has no alt text; give it alt: (in report.sections), or show it from a Markdown file as ![what it shows](${import_node_path10.posix.basename(file)})`
        );
      const image = await images.add(file, alt, `${request.from}: ${file}`);
      sections.push({
        placement,
        title: request.title ?? image.alt,
        markdown: `![${escapeMarkdownText(image.alt)}](${image.file})`,
        folded,
        source: file,
        images: [image]
      });
      continue;
    }
    if (request.alt !== void 0)
      throw new ConfigurationError(
        `${request.from}: alt: is for an image, and ${file} is not a PNG, JPEG or SVG; a Markdown file gives each image's alt text in ![alt](path)`
      );
    const text6 = markdownText(bytes, file);
    const { markdown, heading, shown: shown2 } = await checkMarkdown(text6, file, images);
    sections.push({
      placement,
      title: request.title ?? heading ?? import_node_path10.posix.basename(file).replace(/\.(md|markdown|txt)$/i, ""),
      markdown,
      folded,
      source: file,
      images: shown2
    });
  }
  return { sections, images: images.files };
}
function markdownText(bytes, file) {
  if (bytes.includes(0))
    throw new ConfigurationError(
      `${file}: expected a Markdown file or a PNG, JPEG or SVG image; found binary data`
    );
  const text6 = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
  if (text6.length > EXTRA_LIMITS.markdownChars)
    throw new ConfigurationError(
      `${file}: ${text6.length > EXTRA_LIMITS.markdownChars * 2 ? "more than " : ""}${Math.min(text6.length, EXTRA_LIMITS.markdownChars * 2).toLocaleString("en-US")} characters; a section of the report holds at most ${EXTRA_LIMITS.markdownChars.toLocaleString("en-US")} (link to the rest, or split it)`
    );
  return text6.replace(/\r\n?/g, "\n");
}
var ImageStore = class {
  constructor(read) {
    this.read = read;
  }
  read;
  files = [];
  byPath = /* @__PURE__ */ new Map();
  async add(path, alt, where) {
    let stored = this.byPath.get(path);
    if (stored === void 0) {
      if (this.byPath.size >= EXTRA_LIMITS.images)
        throw new ConfigurationError(
          `${where}: more than ${EXTRA_LIMITS.images} images in the team's own sections; a report shows at most ${EXTRA_LIMITS.images}`
        );
      const bytes = await this.read(path, EXTRA_LIMITS.imageBytes);
      if (bytes.length > EXTRA_LIMITS.imageBytes)
        throw new ConfigurationError(
          `${where}: more than ${EXTRA_LIMITS.imageBytes / 1024 / 1024} MiB; an image in the report is at most ${EXTRA_LIMITS.imageBytes / 1024 / 1024} MiB (shrink or compress it)`
        );
      const kind = imageKind(bytes);
      if (kind === void 0)
        throw new ConfigurationError(
          `${where}: ${path} is not a PNG, JPEG or SVG image (by its contents, whatever its name)`
        );
      const index = this.byPath.size + 1;
      const stem = import_node_path10.posix.basename(path).replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
      const name = `extra-${index}${stem === "" ? "" : `-${stem}`}.${kind === "jpeg" ? "jpg" : "png"}`;
      let out;
      if (kind === "svg") out = await svgToPng(bytes, `${where}: ${path}`);
      else out = { bytes, ...kind === "png" ? pngSize(bytes) : jpegSize(bytes) };
      if (out.bytes.length > EXTRA_LIMITS.imageBytes)
        throw new ConfigurationError(
          `${where}: ${path} rendered to a PNG of more than ${EXTRA_LIMITS.imageBytes / 1024 / 1024} MiB; give it a smaller width and height`
        );
      stored = { file: name };
      if (out.width !== void 0) stored.width = out.width;
      if (out.height !== void 0) stored.height = out.height;
      this.byPath.set(path, stored);
      this.files.push({ file: name, bytes: out.bytes });
    }
    return { ...stored, alt };
  }
};
function pngSize(bytes) {
  if (bytes.length < 24 || bytes.toString("latin1", 12, 16) !== "IHDR") return {};
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
function jpegSize(bytes) {
  let i2 = 2;
  while (i2 + 9 < bytes.length) {
    if (bytes[i2] !== 255) return {};
    const marker = bytes[i2 + 1];
    const length = bytes.readUInt16BE(i2 + 2);
    if (marker >= 192 && marker <= 207 && marker !== 196 && marker !== 200 && marker !== 204)
      return { height: bytes.readUInt16BE(i2 + 5), width: bytes.readUInt16BE(i2 + 7) };
    i2 += 2 + length;
  }
  return {};
}
async function svgToPng(svg, where) {
  let canvasModule;
  try {
    canvasModule = await import("@napi-rs/canvas");
  } catch (error) {
    throw new ConfigurationError(
      `${where}: an SVG is drawn to PNG with the canvas library, which did not load on ${process.platform}-${process.arch} (${error.message.split("\n")[0]}); commit a PNG instead`
    );
  }
  const { encodePng } = await import("./render-AWHEFOFH.js");
  const image = new canvasModule.Image();
  await new Promise((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = (error) => reject(error);
    image.src = svg;
  }).catch((error) => {
    throw new ConfigurationError(
      `${where}: the SVG could not be drawn (${error instanceof Error ? error.message : String(error)}); expected an SVG with a width and height or a viewBox`
    );
  });
  if (!(image.width > 0 && image.height > 0))
    throw new ConfigurationError(
      `${where}: the SVG has no size; give its <svg> a width and height or a viewBox`
    );
  const scale = Math.min(
    2,
    EXTRA_LIMITS.svgMaxPixels / image.width,
    EXTRA_LIMITS.svgMaxPixels / image.height
  );
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = canvasModule.createCanvas(width, height);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  const pixels = context.getImageData(0, 0, width, height);
  return { bytes: encodePng(pixels.data, width, height), width, height };
}
var VOID_ELEMENTS = /* @__PURE__ */ new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr"
]);
async function checkMarkdown(text6, source2, images) {
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }] = await Promise.all([
    import("./unified-FPUTUV4Q.js"),
    import("./remark-parse-2BFTWWIB.js"),
    import("./remark-gfm-QN3CHQXZ.js")
  ]);
  const processor = unified().use(remarkParse).use(remarkGfm);
  const tree = processor.runSync(processor.parse(text6));
  const edits = [];
  const htmlRanges = [];
  const openTags = [];
  const shown2 = [];
  const at = (node) => `${source2}:${node.position?.start.line ?? 1}`;
  const range = (node) => [
    node.position?.start.offset ?? 0,
    node.position?.end.offset ?? 0
  ];
  let heading;
  const first = tree.children?.[0];
  if (first?.type === "heading" && first.depth === 1) {
    heading = plainText(first).trim() || void 0;
    if (heading !== void 0) edits.push({ start: range(first)[0], end: range(first)[1], text: "" });
  }
  const visit = async (node) => {
    switch (node.type) {
      case "image": {
        const alt = (node.alt ?? "").trim();
        if (alt === "")
          throw new ConfigurationError(
            `${at(node)}: the image ${JSON.stringify(node.url ?? "")} has no alt text; write ![what it shows](${node.url ?? ""}): a reader who cannot see it, and GitHub when it cannot load it, show the alt text instead`
          );
        const path = workspacePath(decodePath(node.url ?? ""), import_node_path10.posix.dirname(source2), `${at(node)}: image`);
        const image = await images.add(path, alt, at(node));
        if (!shown2.some((s) => s.file === image.file)) shown2.push(image);
        const [start, end] = range(node);
        edits.push({ start, end, text: `![${escapeMarkdownText(alt)}](${image.file})` });
        return;
      }
      case "imageReference":
        throw new ConfigurationError(
          `${at(node)}: a reference-style image (![alt][name]); write it as ![alt](path) so mlci can check and upload the file`
        );
      case "html": {
        const value = node.value ?? "";
        const [start, end] = range(node);
        if (/^<!--[\s\S]*?-->\s*$/.test(value)) {
          edits.push({ start, end, text: "" });
          return;
        }
        if (value.includes("<!--"))
          throw new ConfigurationError(
            `${at(node)}: an HTML comment inside other HTML; put comments on their own (they are dropped from the report, whose hidden marker is one)`
          );
        if (/<img\b/i.test(value))
          throw new ConfigurationError(
            `${at(node)}: an HTML <img>; write images as ![alt](path) so mlci can check, size-cap and upload the file`
          );
        htmlRanges.push([start, end]);
        balanceTags(value, node.position?.start.line ?? 1, source2, openTags);
        return;
      }
      case "code": {
        const [start, end] = range(node);
        const fence = /^ {0,3}(`{3,}|~{3,})/.exec(text6.slice(start, end));
        const lines = text6.slice(start, end).split("\n");
        const last = lines[lines.length - 1].trim();
        if (fence !== null && (lines.length < 2 || !last.startsWith(fence[1]) || last.replace(/[`~]/g, "") !== ""))
          throw new ConfigurationError(
            `${at(node)}: a code block opened with ${fence[1]} is never closed; it would swallow the rest of the report`
          );
        return;
      }
      default:
        for (const child of node.children ?? []) await visit(child);
    }
  };
  for (const child of tree.children ?? []) await visit(child);
  const open = openTags[openTags.length - 1];
  if (open !== void 0)
    throw new ConfigurationError(
      `${source2}:${open.line}: <${open.tag}> is never closed; close it in the same file, or it would swallow the rest of the report`
    );
  if (htmlRanges.length > 0) await checkSanitised(tree, source2, htmlRanges);
  edits.sort((a, b) => a.start - b.start);
  let markdown = "";
  let from = 0;
  for (const edit of edits) {
    markdown += text6.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  markdown += text6.slice(from);
  markdown = markdown.replace(/\n{3,}/g, "\n\n").trim();
  return { markdown, ...heading !== void 0 ? { heading } : {}, shown: shown2 };
}
function plainText(node) {
  if (typeof node.value === "string") return node.value;
  if (node.type === "image") return node.alt ?? "";
  return (node.children ?? []).map(plainText).join("");
}
function decodePath(url) {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
function balanceTags(html, firstLine, source2, open) {
  const tags = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  for (const match of html.matchAll(tags)) {
    const line2 = firstLine + (html.slice(0, match.index).match(/\n/g)?.length ?? 0);
    const tag = match[2].toLowerCase();
    if (VOID_ELEMENTS.has(tag) || match[3] === "/") continue;
    if (match[1] !== "/") {
      open.push({ tag, line: line2 });
      continue;
    }
    const top = open.pop();
    if (top?.tag !== tag)
      throw new ConfigurationError(
        top === void 0 ? `${source2}:${line2}: </${tag}> closes nothing opened in this file; it would close part of the report` : `${source2}:${line2}: </${tag}> closes <${top.tag}> (line ${top.line}); expected </${top.tag}> first`
      );
  }
}
async function checkSanitised(tree, source2, htmlRanges) {
  const [{ unified }, { default: remarkRehype }, { default: rehypeRaw }, { default: rehypeSanitize }] = await Promise.all([
    import("./unified-FPUTUV4Q.js"),
    import("./remark-rehype-5TZ7C2OW.js"),
    import("./rehype-raw-BF74QIQI.js"),
    import("./rehype-sanitize-TFICXT5S.js")
  ]);
  const hast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).runSync(structuredClone(tree));
  const sanitizer = unified().use(rehypeSanitize);
  const fromHtml = (node) => {
    const offset = node.position?.start.offset;
    return offset !== void 0 && htmlRanges.some(([start, end]) => offset >= start && offset < end);
  };
  const visit = (node) => {
    if (node.type === "element" && fromHtml(node)) {
      const alone = {
        type: "element",
        tagName: node.tagName,
        properties: { ...node.properties },
        children: []
      };
      const kept = sanitizer.runSync({ type: "root", children: [alone] }).children?.[0];
      const where = `${source2}:${node.position?.start.line ?? 1}`;
      if (kept?.type !== "element" || kept.tagName !== node.tagName)
        throw new ConfigurationError(
          `${where}: <${node.tagName}> is removed by GitHub's sanitiser; use Markdown, or HTML that GitHub keeps (details, summary, sub, sup, kbd, table, ...)`
        );
      const lost = Object.keys(node.properties ?? {}).filter((key) => !(key in (kept.properties ?? {})));
      if (lost.length > 0)
        throw new ConfigurationError(
          `${where}: <${node.tagName}> ${lost.map(attributeName).join(", ")} ${lost.length === 1 ? "is" : "are"} removed by GitHub's sanitiser (styles, scripts and non-http links are); leave ${lost.length === 1 ? "it" : "them"} out`
        );
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(hast);
}
function attributeName(property) {
  if (property === "className") return "class=";
  if (property === "htmlFor") return "for=";
  return `${property.replace(/^(aria|data)([A-Z])/, (_m, p, c) => `${p}-${c.toLowerCase()}`).toLowerCase()}=`;
}

// packages/core/src/config/config.ts
function emptyConfig() {
  return {
    files: [],
    repeats: [],
    gates: [],
    metrics: [],
    report: { plots: [] },
    statistics: {
      correction: DEFAULT_CORRECTION,
      untestable: DEFAULT_UNTESTABLE,
      historyWindow: DEFAULT_HISTORY_WINDOW
    }
  };
}
var CONFIG_KEYS = {
  top: ["version", "files", "repeats", "gates", "metrics", "report", "statistics"],
  report: ["title", "id", "max-curves", "curves", "plots", "predictions", "sections"],
  section: ["file", "placement", "title", "folded", "alt"],
  statistics: ["correction", "untestable", "history-window"],
  file: ["path", "format"],
  gate: ["gate", "metric", "rule", "level"],
  metric: ["direction", "tolerance", "precision", "unit", "percent"]
};
var TOP_KEYS = [...CONFIG_KEYS.top];
var FILE_KEYS = [...CONFIG_KEYS.file];
var GATE_KEYS = [...CONFIG_KEYS.gate];
var LEVEL_KEYS = ["warn", "fail"];
var METRIC_KEYS = [...CONFIG_KEYS.metric];
var REPORT_KEYS = [...CONFIG_KEYS.report];
var SECTION_KEYS = [...CONFIG_KEYS.section];
var STATISTICS_KEYS = [...CONFIG_KEYS.statistics];
function parseConfig(text6, file) {
  const lineCounter = new import_yaml3.LineCounter();
  const doc = (0, import_yaml3.parseDocument)(text6, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const where = (node, path) => {
    const offset = node?.range?.[0];
    const pos = offset === void 0 ? void 0 : lineCounter.linePos(offset);
    return `${file}${pos ? `:${pos.line}:${pos.col}` : ""}: ${path}`;
  };
  const firstError = doc.errors[0];
  if (firstError !== void 0) {
    const pos = firstError.linePos?.[0];
    const message = (firstError.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    const line2 = pos === void 0 ? "" : text6.split("\n")[pos.line - 1] ?? "";
    const hint = /(^|[:-])\s*"[^"]*"\s+\S/.test(line2) ? `. A YAML value that starts with a quote must end with it: quote the whole gate ('"macro avg.f1" >= 0.8') or use metric: and rule:` : "";
    throw new ConfigurationError(
      `${file}${pos ? `:${pos.line}:${pos.col}` : ""}: invalid YAML: ${message}${hint}`
    );
  }
  const fail2 = (node, path, detail) => {
    throw new ConfigurationError(`${where(node, path)}: ${detail}`);
  };
  const describe7 = (node) => {
    if (node === null || node === void 0) return "nothing";
    if ((0, import_yaml3.isMap)(node)) return "a mapping";
    if ((0, import_yaml3.isSeq)(node)) return "a list";
    if ((0, import_yaml3.isScalar)(node)) return JSON.stringify(node.value);
    return "something else";
  };
  const checkKeys = (node, path, allowed) => {
    if (!(0, import_yaml3.isMap)(node)) return;
    for (const pair of node.items) {
      const key = (0, import_yaml3.isScalar)(pair.key) ? String(pair.key.value) : "?";
      if (!allowed.includes(key)) {
        fail2(
          pair.key,
          path === "" ? key : `${path}.${key}`,
          `unknown key; expected one of ${allowed.join(", ")}`
        );
      }
    }
  };
  const scalarString = (node, path, expected) => {
    if (!(0, import_yaml3.isScalar)(node) || typeof node.value !== "string" && typeof node.value !== "number") {
      return fail2(node, path, `expected ${expected}, found ${describe7(node)}`);
    }
    return String(node.value);
  };
  const config = emptyConfig();
  config.file = file;
  const root = doc.contents;
  if (root === null || (0, import_yaml3.isScalar)(root) && root.value === null) return config;
  if (!(0, import_yaml3.isMap)(root))
    return fail2(
      root,
      "(top level)",
      `expected a mapping with keys ${TOP_KEYS.join(", ")}, found ${describe7(root)}`
    );
  checkKeys(root, "", TOP_KEYS);
  const version = root.get("version", true);
  if (version !== void 0 && !((0, import_yaml3.isScalar)(version) && version.value === 1))
    fail2(version, "version", `expected 1, found ${describe7(version)}`);
  const files = root.get("files", true);
  if (files !== void 0) {
    if (!(0, import_yaml3.isSeq)(files)) fail2(files, "files", `expected a list of paths, found ${describe7(files)}`);
    files.items.forEach((item, i2) => {
      const path = `files[${i2}]`;
      if ((0, import_yaml3.isScalar)(item)) {
        config.files.push({ path: scalarString(item, path, "a path") });
        return;
      }
      if (!(0, import_yaml3.isMap)(item)) fail2(item, path, `expected a path or { path, format }, found ${describe7(item)}`);
      checkKeys(item, path, FILE_KEYS);
      const spec = { path: scalarString(item.get("path", true), `${path}.path`, "a path") };
      const format = item.get("format", true);
      if (format !== void 0) spec.format = scalarString(format, `${path}.format`, "a format name");
      config.files.push(spec);
    });
  }
  const repeats = root.get("repeats", true);
  if (repeats !== void 0 && !((0, import_yaml3.isScalar)(repeats) && repeats.value === null)) {
    const patterns = (0, import_yaml3.isSeq)(repeats) ? repeats.items.map((node, i2) => ({ node, path: `repeats[${i2}]` })) : [{ node: repeats, path: "repeats" }];
    for (const { node, path } of patterns) {
      const pattern = scalarString(node, path, "a path pattern such as runs/seed-*/metrics.json");
      try {
        pathPatternToRegExp(pattern, path);
      } catch (error) {
        fail2(
          node,
          path,
          error instanceof Error ? error.message.replace(/^repeats(\[\d+\])?: /, "") : String(error)
        );
      }
      config.repeats.push(pattern);
    }
    if (config.files.length > 0)
      fail2(
        repeats,
        "repeats",
        "files: and repeats: both name the runs: keep files: for one run, or repeats: for one run per match (each seed folder or file), not both"
      );
  }
  const report = root.get("report", true);
  if (report !== void 0 && !((0, import_yaml3.isScalar)(report) && report.value === null)) {
    if (!(0, import_yaml3.isMap)(report))
      return fail2(report, "report", `expected a mapping with keys ${REPORT_KEYS.join(", ")}`);
    checkKeys(report, "report", REPORT_KEYS);
    const section = { get: (key) => report.get(key, true) };
    const title = section.get("title");
    if (title !== void 0) config.report.title = scalarString(title, "report.title", "a title");
    const id = section.get("id");
    if (id !== void 0) {
      config.report.id = scalarString(id, "report.id", "a report id");
      if (!/^[A-Za-z0-9._/-]+$/.test(config.report.id))
        fail2(id, "report.id", "expected letters, digits and . _ / - only (it is part of a hidden marker)");
    }
    const maxCurves = section.get("max-curves");
    if (maxCurves !== void 0) {
      const n = (0, import_yaml3.isScalar)(maxCurves) ? maxCurves.value : void 0;
      if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > 50)
        fail2(
          maxCurves,
          "report.max-curves",
          `expected a whole number from 0 to 50, found ${describe7(maxCurves)}`
        );
      config.report.maxCurves = n;
    }
    const curves = section.get("curves");
    if (curves !== void 0) {
      const list3 = [];
      if ((0, import_yaml3.isScalar)(curves)) list3.push(scalarString(curves, "report.curves", "a series key or glob"));
      else if ((0, import_yaml3.isSeq)(curves))
        curves.items.forEach(
          (item, i2) => list3.push(scalarString(item, `report.curves[${i2}]`, "a series key or glob"))
        );
      else
        fail2(
          curves,
          "report.curves",
          `expected a series key (learning_rate), a glob (eval_*) or a list of them, found ${describe7(curves)}`
        );
      config.report.curves = list3;
    }
    const plots = section.get("plots");
    if (plots !== void 0) {
      if ((0, import_yaml3.isScalar)(plots)) config.report.plots.push(scalarString(plots, "report.plots", "a path"));
      else if ((0, import_yaml3.isSeq)(plots))
        plots.items.forEach(
          (item, i2) => config.report.plots.push(scalarString(item, `report.plots[${i2}]`, "a path"))
        );
      else fail2(plots, "report.plots", `expected a path or a list of paths, found ${describe7(plots)}`);
    }
    const predictions = section.get("predictions");
    if (predictions !== void 0)
      config.report.predictions = scalarString(predictions, "report.predictions", "a path");
    const sections = section.get("sections");
    if (sections !== void 0 && !((0, import_yaml3.isScalar)(sections) && sections.value === null)) {
      if (!(0, import_yaml3.isSeq)(sections))
        fail2(
          sections,
          "report.sections",
          `expected a list of files such as - reports/shap.md or - { file: reports/shap.md, placement: after-summary }, found ${describe7(sections)}`
        );
      config.report.sections = sections.items.map((item, i2) => {
        const path = `report.sections[${i2}]`;
        if ((0, import_yaml3.isScalar)(item)) return { file: scalarString(item, path, "a file"), from: where(item, path) };
        if (!(0, import_yaml3.isMap)(item))
          return fail2(
            item,
            path,
            `expected a file or { file, placement, title, folded, alt }, found ${describe7(item)}`
          );
        checkKeys(item, path, SECTION_KEYS);
        const get = (key) => item.get(key, true);
        const fileNode = get("file");
        if (fileNode === void 0) fail2(item, path, "expected file: (a Markdown file or an image)");
        const request = {
          file: scalarString(fileNode, `${path}.file`, "a file"),
          from: where(item, path)
        };
        const placement = get("placement");
        if (placement !== void 0) {
          const value = scalarString(placement, `${path}.placement`, EXTRA_PLACEMENTS.join(", "));
          if (!EXTRA_PLACEMENTS.includes(value))
            fail2(
              placement,
              `${path}.placement`,
              `expected ${EXTRA_PLACEMENTS.join(", ")}; found ${JSON.stringify(value)}`
            );
          request.placement = value;
        }
        const title2 = get("title");
        if (title2 !== void 0) request.title = scalarString(title2, `${path}.title`, "a title");
        const alt = get("alt");
        if (alt !== void 0)
          request.alt = scalarString(alt, `${path}.alt`, "alt text that says what the image shows");
        const folded = get("folded");
        if (folded !== void 0) {
          if (!(0, import_yaml3.isScalar)(folded) || typeof folded.value !== "boolean")
            fail2(folded, `${path}.folded`, `expected true or false, found ${describe7(folded)}`);
          request.folded = folded.value;
        }
        return request;
      });
    }
  }
  const statistics = root.get("statistics", true);
  if (statistics !== void 0 && !((0, import_yaml3.isScalar)(statistics) && statistics.value === null)) {
    if (!(0, import_yaml3.isMap)(statistics))
      return fail2(statistics, "statistics", `expected a mapping with keys ${STATISTICS_KEYS.join(", ")}`);
    checkKeys(statistics, "statistics", STATISTICS_KEYS);
    const choice2 = (key, choices) => {
      const node = statistics.get(key, true);
      if (node === void 0) return void 0;
      const value = scalarString(node, `statistics.${key}`, choices.join(" or "));
      if (!choices.includes(value))
        fail2(node, `statistics.${key}`, `expected ${choices.join(", ")}; found ${JSON.stringify(value)}`);
      return value;
    };
    const correction = choice2("correction", CORRECTIONS);
    if (correction !== void 0) config.statistics.correction = correction;
    const untestable2 = choice2("untestable", UNTESTABLE_CHOICES);
    if (untestable2 !== void 0) config.statistics.untestable = untestable2;
    const window = statistics.get("history-window", true);
    if (window !== void 0) {
      const n = (0, import_yaml3.isScalar)(window) ? window.value : void 0;
      if (typeof n !== "number" || !Number.isInteger(n) || n < MIN_HISTORY_RECORDS || n > 1e3)
        fail2(
          window,
          "statistics.history-window",
          `expected a whole number of records from ${MIN_HISTORY_RECORDS} to 1000, found ${describe7(window)}`
        );
      config.statistics.historyWindow = n;
    }
  }
  const gates = root.get("gates", true);
  if (gates !== void 0) {
    if (!(0, import_yaml3.isSeq)(gates))
      fail2(gates, "gates", `expected a list of gates such as "accuracy >= 0.9", found ${describe7(gates)}`);
    gates.items.forEach((item, i2) => {
      const path = `gates[${i2}]`;
      const origin = where(item, path);
      let text7;
      let level;
      if ((0, import_yaml3.isScalar)(item)) {
        text7 = scalarString(item, path, 'a gate such as "accuracy >= 0.9"');
      } else if ((0, import_yaml3.isMap)(item) && item.items.length === 1 && LEVEL_KEYS.includes(String(item.items[0].key.value))) {
        level = String(item.items[0].key.value);
        text7 = scalarString(
          item.items[0].value,
          `${path}.${level}`,
          'a gate such as "loss rise <= 2%"'
        );
      } else if ((0, import_yaml3.isMap)(item)) {
        checkKeys(item, path, GATE_KEYS);
        const gateNode = item.get("gate", true);
        const metricNode = item.get("metric", true);
        const ruleNode = item.get("rule", true);
        if (gateNode !== void 0) {
          if (metricNode !== void 0 || ruleNode !== void 0)
            fail2(item, path, "give either gate, or metric and rule, not both");
          text7 = scalarString(gateNode, `${path}.gate`, 'a gate such as "accuracy >= 0.9"');
        } else {
          if (metricNode === void 0)
            fail2(item, path, 'expected a gate: either gate: "accuracy >= 0.9", or metric: and rule:');
          if (ruleNode === void 0)
            fail2(item, `${path}.rule`, 'missing; expected a rule such as ">= 0.9" or "drop <= 0.01"');
          const metric = scalarString(metricNode, `${path}.metric`, "a metric name or glob");
          const rule = scalarString(ruleNode, `${path}.rule`, 'a rule such as ">= 0.9"');
          text7 = `${/\s/.test(metric) ? JSON.stringify(metric) : metric} ${rule}`;
        }
        const levelNode = item.get("level", true);
        if (levelNode !== void 0) {
          level = scalarString(levelNode, `${path}.level`, "fail or warn");
          if (level !== "fail" && level !== "warn")
            fail2(levelNode, `${path}.level`, `expected fail or warn, found ${JSON.stringify(level)}`);
        }
      } else {
        return fail2(item, path, `expected a gate such as "accuracy >= 0.9", found ${describe7(item)}`);
      }
      const gate = parseGate(text7, origin);
      if (level !== void 0) gate.level = level;
      config.gates.push(gate);
    });
  }
  const metrics = root.get("metrics", true);
  if (metrics !== void 0) {
    if (!(0, import_yaml3.isMap)(metrics))
      fail2(
        metrics,
        "metrics",
        `expected a mapping of metric names (or globs) to settings, found ${describe7(metrics)}`
      );
    for (const pair of metrics.items) {
      const selector = (0, import_yaml3.isScalar)(pair.key) ? String(pair.key.value) : fail2(pair.key, "metrics", "expected a metric name as key");
      const path = `metrics.${selector}`;
      const node = pair.value;
      if (!(0, import_yaml3.isMap)(node))
        return fail2(node, path, `expected settings such as { direction: higher }, found ${describe7(node)}`);
      checkKeys(node, path, METRIC_KEYS);
      const rule = { selector };
      const direction = node.get("direction", true);
      if (direction !== void 0) {
        const value = scalarString(direction, `${path}.direction`, "higher or lower");
        if (value !== "higher" && value !== "lower")
          fail2(direction, `${path}.direction`, `expected higher or lower, found ${JSON.stringify(value)}`);
        rule.direction = value;
      }
      const tolerance = node.get("tolerance", true);
      if (tolerance !== void 0)
        rule.tolerance = parseTolerance(
          scalarString(tolerance, `${path}.tolerance`, "a number or a percentage"),
          () => fail2(
            tolerance,
            `${path}.tolerance`,
            `expected a number of 0 or more, or a percentage such as 0.5%, found ${describe7(tolerance)}`
          )
        );
      const precision = node.get("precision", true);
      if (precision !== void 0) {
        const value = (0, import_yaml3.isScalar)(precision) ? precision.value : void 0;
        if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 15) {
          fail2(
            precision,
            `${path}.precision`,
            `expected a whole number of significant digits from 1 to 15, found ${describe7(precision)}`
          );
        }
        rule.precision = value;
      }
      const unit = node.get("unit", true);
      if (unit !== void 0) rule.unit = scalarString(unit, `${path}.unit`, "a unit such as ms");
      const percent = node.get("percent", true);
      if (percent !== void 0) {
        if (!(0, import_yaml3.isScalar)(percent) || typeof percent.value !== "boolean")
          fail2(percent, `${path}.percent`, `expected true or false, found ${describe7(percent)}`);
        rule.percent = percent.value;
      }
      if (rule.percent === true && isPercentUnit(rule.unit))
        fail2(
          node,
          path,
          "percent: true says the value is a fraction (0.913 shown as 91.3%), unit: percent that it is written in percent (91.3): keep the one that is true"
        );
      config.metrics.push(rule);
    }
  }
  return config;
}
function parseTolerance(text6, bad) {
  const match = /^\s*(\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*(%?)\s*$/.exec(text6);
  if (match === null) return bad();
  const value = Number(text6.replace("%", ""));
  if (!(value >= 0)) return bad();
  return { value, relative: match[2] === "%" };
}
function settingsFor(config, key) {
  const merged = { selector: key };
  for (const rule of config.metrics) {
    if (matchKeys(rule.selector, [key]).length !== 1) continue;
    if (rule.percent === true && isPercentUnit(merged.unit)) delete merged.unit;
    if (isPercentUnit(rule.unit)) delete merged.percent;
    Object.assign(merged, rule, { selector: key });
  }
  return merged;
}
function metricUnit(settings) {
  if (isPercentUnit(settings.unit)) return "percent";
  return settings.percent === true ? "fraction" : void 0;
}

// packages/core/src/readers/predictions.ts
var ID_NAMES = ["id", "example_id", "sample_id", "uid", "idx", "index"];
var LABEL_NAMES = ["label", "target", "y_true", "gold", "reference", "true", "labels"];
var PREDICTION_NAMES = ["prediction", "pred", "y_pred", "predicted", "output", "predictions"];
async function readPredictions(path) {
  const text6 = await readTextFile(path);
  const ext = extensionOf(path);
  const table4 = ext === "jsonl" || ext === "ndjson" || /^\s*\{/.test(text6) ? jsonLinesTable(text6, path) : delimitedTable(text6, path, ext === "tsv" ? 9 : 44);
  return toPredictionSet(table4, path);
}
function delimitedTable(text6, file, delimiter) {
  const table4 = { columns: [], rows: [] };
  let current = [];
  const sink = {
    numbers: false,
    value: (index, value) => void (current[index] = String(value)),
    cell: (index, source2, start, end) => void (current[index] = source2.slice(start, end)),
    row: (line2) => {
      if (table4.columns.length === 0) table4.columns = current.map((c) => (c ?? "").trim());
      else table4.rows.push({ line: line2, cells: current });
      current = [];
    }
  };
  const parser = new DelimitedParser(delimiter, sink, file);
  parser.push(text6);
  parser.end();
  return table4;
}
function jsonLinesTable(text6, file) {
  const columns = [];
  const rows = [];
  text6.split(/\r?\n/).forEach((lineText, i2) => {
    if (lineText.trim() === "") return;
    const value = parseJsonText(lineText, `${file}:${i2 + 1}`);
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new ParseError(
        { file, line: i2 + 1, column: 1 },
        "expected one JSON object per line (one example)"
      );
    }
    const cells = [];
    for (const [key, cell2] of Object.entries(value)) {
      let at = columns.indexOf(key);
      if (at < 0) at = columns.push(key) - 1;
      cells[at] = cell2 === null || cell2 === void 0 ? void 0 : typeof cell2 === "object" ? JSON.stringify(cell2) : String(cell2);
    }
    rows.push({ line: i2 + 1, cells });
  });
  return { columns, rows };
}
function toPredictionSet(table4, file) {
  if (table4.rows.length === 0)
    throw new ParseError({ file }, "no examples: expected a header and one row per example");
  const find = (names) => table4.columns.findIndex((c) => names.includes(c.toLowerCase()));
  const idAt = find(ID_NAMES);
  const labelAt = find(LABEL_NAMES);
  const predictionAt = find(PREDICTION_NAMES);
  const set = { file, ids: [], hasIds: idAt >= 0, scores: /* @__PURE__ */ new Map() };
  const seen = /* @__PURE__ */ new Map();
  table4.rows.forEach((row, i2) => {
    const id = idAt >= 0 ? (row.cells[idAt] ?? "").trim() : String(i2 + 1);
    if (id === "")
      throw new ParseError(
        { file, line: row.line },
        `the ${table4.columns[idAt]} cell is empty: every example needs an id`
      );
    const earlier = seen.get(id);
    if (earlier !== void 0)
      throw new ParseError(
        { file, line: row.line },
        `example id ${JSON.stringify(id)} appears twice (first on line ${earlier})`
      );
    seen.set(id, row.line);
    set.ids.push(id);
  });
  const column2 = (at) => table4.rows.map((row) => (row.cells[at] ?? "").trim());
  if (labelAt >= 0) set.labels = column2(labelAt);
  if (predictionAt >= 0) set.predictions = column2(predictionAt);
  table4.columns.forEach((name, at) => {
    if (at === idAt || at === labelAt || at === predictionAt) return;
    const values = table4.rows.map((row) => parseNumber(row.cells[at] ?? ""));
    if (values.every((v) => v !== void 0)) set.scores.set(name, values);
  });
  return set;
}
function pairPredictions(base, head, column2) {
  const valuesOf = (set) => {
    if (column2 !== void 0 && set.scores.has(column2))
      return { values: set.scores.get(column2), measure: column2 };
    if (set.labels !== void 0 && set.predictions !== void 0) {
      const predictions = set.predictions;
      return {
        values: set.labels.map((label, i2) => label === predictions[i2] ? 1 : 0),
        measure: "correctness (label = prediction)"
      };
    }
    if (set.scores.has("correct")) return { values: set.scores.get("correct"), measure: "correct" };
    throw new ParseError(
      { file: set.file },
      `cannot tell which examples are right: expected label and prediction columns, a numeric "correct" column${column2 !== void 0 ? ` or a "${column2}" column` : ""}`
    );
  };
  const b = valuesOf(base);
  const h = valuesOf(head);
  if (b.measure !== h.measure) {
    throw new ParseError(
      { file: head.file },
      `compares ${h.measure} but ${base.file} gives ${b.measure}: give both sides the same columns`
    );
  }
  if (!base.hasIds || !head.hasIds) {
    if (base.ids.length !== head.ids.length) {
      throw new ParseError(
        { file: head.file },
        `has ${head.ids.length} examples and ${base.file} has ${base.ids.length}; without an id column examples are paired by row, so the counts must match (add an id column)`
      );
    }
    return { base: b.values, head: h.values, measure: b.measure, unpaired: 0 };
  }
  const aligned = alignById(base.ids, b.values, head.ids, h.values, false);
  if (aligned.base.length === 0)
    throw new ParseError({ file: head.file }, `shares no example id with ${base.file}`);
  return { base: aligned.base, head: aligned.head, measure: b.measure, unpaired: aligned.unpaired };
}
function alignById(baseIds, baseValues, headIds, headValues, dropMissing) {
  const baseIndex = /* @__PURE__ */ new Map();
  baseIds.forEach((id, i2) => baseIndex.set(id, i2));
  const pairedBase = [];
  const pairedHead = [];
  let shared = 0;
  let missing = 0;
  headIds.forEach((id, i2) => {
    const j = baseIndex.get(id);
    if (j === void 0) return;
    shared++;
    const x2 = baseValues[j];
    const y = headValues[i2];
    if (dropMissing && (Number.isNaN(x2) || Number.isNaN(y))) {
      missing++;
      return;
    }
    pairedBase.push(x2);
    pairedHead.push(y);
  });
  return {
    base: pairedBase,
    head: pairedHead,
    unpaired: baseIds.length + headIds.length - 2 * shared,
    missing
  };
}

// packages/core/src/gates/statistics.ts
var seeds = /* @__PURE__ */ new WeakMap();
function gateStatistics(options = {}) {
  const statistics = {
    repeats(rule, base, head, direction, history) {
      const baseMean = base.reduce((a, b) => a + b, 0) / Math.max(1, base.length);
      const minEffect = rule.minEffect === void 0 ? void 0 : rule.minEffectRelative === true ? rule.minEffect / 100 * Math.abs(baseMean) : rule.minEffect;
      const result = testRegression({
        base,
        head,
        direction,
        alpha: rule.alpha,
        method: rule.method,
        ...minEffect !== void 0 && Number.isFinite(minEffect) ? { minEffect } : {},
        ...history !== void 0 ? { history } : {},
        ...options.seed !== void 0 ? { seed: options.seed } : {},
        // The gate words the result after the family-wise correction (evaluate.ts).
        explain: false
      });
      return { result, ...minEffect !== void 0 ? { minEffect } : {} };
    }
  };
  if (options.seed !== void 0) seeds.set(statistics, options.seed);
  const predictions = options.predictions;
  if (predictions === void 0 && options.predictionsUnavailable !== void 0)
    statistics.pairedUnavailable = options.predictionsUnavailable;
  if (predictions !== void 0) {
    statistics.paired = (rule, metric, direction) => {
      const column2 = splitKey(metric).at(-1);
      const paired = pairPredictions(
        predictions.base,
        predictions.head,
        rule.method === "bootstrap" ? column2 : void 0
      );
      const isCorrectness = paired.measure.startsWith("correct");
      const result = testPairedRegression({
        base: paired.base,
        head: paired.head,
        direction: isCorrectness ? "higher" : direction,
        alpha: rule.alpha,
        method: rule.method === "mcnemar" ? "mcnemar" : "paired-bootstrap",
        ...options.seed !== void 0 ? { seed: options.seed } : {}
      });
      const unpaired = paired.unpaired > 0 ? ` (${paired.unpaired} examples present on one side only were left out)` : "";
      const sum = (values) => values.reduce((a, b) => a + b, 0);
      return {
        result,
        detail: `compared ${paired.measure} over ${paired.base.length} examples${unpaired}`,
        paired: {
          examples: paired.base.length,
          measure: paired.measure,
          ...isCorrectness ? { correct: { base: sum(paired.base), head: sum(paired.head) } } : {}
        }
      };
    };
  }
  return statistics;
}
function withExamplePairing(statistics, sides) {
  if (statistics.paired !== void 0) return statistics;
  const anyExamples = (runs) => runs.some((run) => (run.examples?.length ?? 0) > 0);
  if (!anyExamples(sides.base) && !anyExamples(sides.head)) return statistics;
  const seed = seeds.get(statistics);
  const withExamples = {
    ...statistics,
    paired: (rule, metric, direction) => pairedFromExamples(rule, metric, direction, sides, seed, statistics.pairedUnavailable)
  };
  if (seed !== void 0) seeds.set(withExamples, seed);
  return withExamples;
}
var SIDE_NAMES = { base: "baseline", head: "pull request" };
function pairedFromExamples(rule, metric, direction, sides, seed, predictionsUnavailable) {
  const segments = splitKey(metric);
  const measure = segments.at(-1);
  const task = joinKey(segments.slice(0, -1));
  const base = exampleSide(sides.base, task, measure, "base");
  const head = exampleSide(sides.head, task, measure, "head");
  const method = rule.method === "bootstrap" ? "paired-bootstrap" : "mcnemar";
  if (base.kind === "missing" || head.kind === "missing") {
    const why2 = [base, head].flatMap((s) => s.kind === "missing" ? [s.why] : []);
    const unique = [...new Set(why2)];
    const also = predictionsUnavailable === void 0 ? "" : `; and no predictions files: ${predictionsUnavailable}`;
    return notPaired(rule, direction, method, `${unique.join("; ")}${also}`);
  }
  const aligned = alignById(base.side.ids, base.side.values, head.side.ids, head.side.values, true);
  const left = [];
  if (aligned.unpaired > 0) left.push(`${aligned.unpaired} present on one side only`);
  if (aligned.missing > 0) left.push(`${aligned.missing} without a ${measure} value on one side`);
  const incomplete = base.side.incomplete + head.side.incomplete;
  if (incomplete > 0) left.push(`${incomplete} missing from some of a side's runs`);
  const leftOut = left.length > 0 ? `; left out: ${left.join(", ")}` : "";
  const where = describeSource(task, base.side, head.side);
  if (aligned.base.length === 0) {
    return notPaired(
      rule,
      direction,
      method,
      `the per-example results of ${where} share no example with a ${measure} value on both sides${leftOut}`
    );
  }
  const binary = isBinary(aligned.base) && isBinary(aligned.head);
  const test = rule.method === "bootstrap" || !binary ? "paired-bootstrap" : "mcnemar";
  const result = testPairedRegression({
    base: aligned.base,
    head: aligned.head,
    direction,
    alpha: rule.alpha,
    method: test,
    ...seed !== void 0 ? { seed } : {}
  });
  const why = test === "paired-bootstrap" && rule.method !== "bootstrap" ? `; its per-example values are not all 0 or 1${base.side.runs > 1 || head.side.runs > 1 ? " (means over runs)" : ""}, so the paired bootstrap rather than McNemar's test` : "";
  const pooled = base.side.runs > 1 || head.side.runs > 1;
  const measureText = `${measure} per example${pooled ? `, mean of ${base.side.runs} vs ${head.side.runs} runs` : ""}`;
  const sum = (values) => values.reduce((a, b) => a + b, 0);
  const counts = test === "mcnemar" && direction === "higher" && !pooled;
  return {
    result,
    detail: `compared ${measureText} of ${where} over ${aligned.base.length} examples${leftOut}${why}`,
    paired: {
      examples: aligned.base.length,
      measure: measureText,
      ...counts ? { correct: { base: sum(aligned.base), head: sum(aligned.head) } } : {}
    }
  };
}
function isBinary(values) {
  for (const v of values) if (v !== 0 && v !== 1) return false;
  return true;
}
function describeSource(task, base, head) {
  const name = (file) => file.split(/[\\/]/).pop() ?? file;
  const files = (side2) => {
    const names = [...new Set(side2.files.map(name))];
    return names.length === 1 ? names[0] : `${names[0]} and ${names.length - 1} more`;
  };
  const b = files(base);
  const h = files(head);
  const label = task === "" ? "the evaluation" : task;
  return b === h ? `${label} (${b} on both sides)` : `${label} (${b} vs ${h})`;
}
function exampleSide(runs, task, measure, which) {
  const who = SIDE_NAMES[which];
  const found = [];
  for (const run of runs) {
    const set = run.examples?.find((e) => e.task === task);
    if (set !== void 0) found.push(set);
  }
  const label = task === "" ? "the evaluation" : `task ${task}`;
  if (found.length === 0) {
    const tasks = [...new Set(runs.flatMap((run) => (run.examples ?? []).map((e) => e.task)))];
    const known = tasks.length === 0 ? `the ${who}'s runs carry no per-example results at all (lm-eval writes them with --log_samples; promptfoo and Inspect AI logs hold them)` : `the ${who}'s runs have per-example results of ${listTasks(tasks)}, not of ${label}`;
    return { kind: "missing", why: known };
  }
  if (found.length < runs.length) {
    return {
      kind: "missing",
      why: `only ${found.length} of the ${who}'s ${runs.length} runs have per-example results of ${label}; examples are pooled over every run of a side, so each run needs them`
    };
  }
  const lacking = found.filter((set) => !Object.hasOwn(set.scores, measure));
  if (lacking.length > 0) {
    const measures = Object.keys(lacking[0].scores);
    return {
      kind: "missing",
      why: `the ${who}'s per-example results of ${label} have no ${measure} (${lacking[0].file} has ${measures.length === 0 ? "no measure" : measures.join(", ")})`
    };
  }
  const files = found.map((set) => set.file);
  if (found.length === 1) {
    const set = found[0];
    return {
      kind: "ok",
      side: { ids: set.ids, values: set.scores[measure], files, runs: 1, incomplete: 0 }
    };
  }
  const sums = /* @__PURE__ */ new Map();
  for (const set of found) {
    const values2 = set.scores[measure];
    set.ids.forEach((id, i2) => {
      const v = values2[i2];
      if (Number.isNaN(v)) return;
      const entry = sums.get(id);
      if (entry === void 0) sums.set(id, { sum: v, n: 1 });
      else {
        entry.sum += v;
        entry.n++;
      }
    });
  }
  const ids = [];
  const values = [];
  let incomplete = 0;
  for (const [id, { sum, n }] of sums) {
    if (n < found.length) {
      incomplete++;
      continue;
    }
    ids.push(id);
    values.push(sum / n);
  }
  return { kind: "ok", side: { ids, values, files, runs: found.length, incomplete } };
}
function listTasks(tasks) {
  const shown2 = tasks.slice(0, 5).map((t) => t === "" ? "(the whole evaluation)" : t);
  return tasks.length > 5 ? `${shown2.join(", ")} and ${tasks.length - 5} more` : shown2.join(", ");
}
function notPaired(rule, direction, method, why) {
  const result = {
    verdict: "insufficient",
    reason: "too-few-values",
    method,
    direction,
    alpha: rule.alpha,
    n: { base: 0, head: 0 },
    explanation: `no per-example results to pair: ${why}`
  };
  return { result };
}

// packages/core/src/gates/direction.ts
var words = (text6) => new Set(text6.trim().split(/\s+/));
var NEUTRAL = words(`
  train training val valid validation eval evaluation test testing dev holdout
  mean avg average macro micro weighted overall final best total sum median min max agg aggregate
  combined global running smoothed ema cv epoch step metric metrics
  mb gb kb tb mib gib kib pct percent percentage`);
var TRAILING = words(`samples norm unscaled ovr ovo k small medium large`);
var NUMBERED = /^(?:\d+|p\d+|v\d+|(?:split|fold|seed|run)\d+)$/;
var TOP_K = /^top\d+$/;
var NEGATION = words("neg negative");
var UNDIRECTED = words(`
  std stddev stdev stderr var variance iqr spread
  delta deltas diff diffs difference differences change changes shift`);
var INVERTING = words("reduction reductions decrease decreases drop drops degradation decline");
var KEEPING = words("increase increases rise growth");
var BETTERING = words("improvement improvements gain gains savings saving speedup uplift");
var WEAK = words("score scores rate rates ratio index measure count");
var JOINING = /* @__PURE__ */ new Set([...WEAK, ...INVERTING, ...KEEPING, ...BETTERING, "gap"]);
var DURATIONS_TO = words(
  "time steps epochs iterations iters updates samples tokens episodes seconds minutes hours"
);
var TIME = words("time latency runtime duration delay seconds second secs sec s ms us ns minutes hours");
var TIME_UNITS = words("second seconds sec secs s minute minutes hour hours hr ms day");
var SHORT_TIME_UNITS = words("s us ns");
var NOT_ELAPSED = words("start end begin finish stop wall creation eta current timeout interval");
var COUNTED = words(`
  samples sample tokens token steps step it its iter iters iteration iterations images image imgs img
  frames frame examples example sequences sequence seqs queries query requests request batches batch
  items item words chars characters bytes episodes episode updates predictions docs documents rows records
  instances sentences utterances flops tflops gflops ops calls transactions events`);
var GROUPS = words(`
  class classes label labels category categories group groups language languages lang task tasks dataset
  datasets domain domains slice slices bucket buckets segment segments geo country countries region regions
  user users subset subsets subgroup subgroups split splits device gpu node worker source`);
var SIZED = words(
  "model file checkpoint ckpt artifact disk binary bundle package weights onnx download docker"
);
var LOSS_PARTS = words(`
  cls classifier class box bbox reg objectness obj rpn roi loc mask keypoint ce giou iou dice focal dfl seg
  ctc mlm nsp lm recon rec reconstruction kl kld vq commit commitment aux policy value vf pi actor critic
  gen disc generator discriminator g d adv content style perceptual contrastive centerness depth pose
  l1 l2 mse mae bce nll smooth main`);
var BLOCKING_ANCESTORS = words(`
  count counts std stddev stdev stderr var variance delta deltas diff diffs difference change changes
  config configs params hparams hyperparameters args options settings kwargs`);
var LOWER = words(`
  loss losses error errors err mae mse rmse msle rmsle mape smape wape mase nll nloglik logloss mlogloss
  merror perplexity ppl latency time duration runtime delay seconds secs sec ms memory mem rss vram bytes
  wer cer ter mer wil fpr fnr fdr fid kid kl kld divergence regret cost costs distance bpc bpd bpb
  failures failed failure fail fails miss misses eer hamming brier ece mce violations violation
  crossentropy deviance huber hinge logcosh poisson toxicity ttft tpot itl e2el lpips ergas minutes hours`);
var HIGHER = words(`
  accuracy accuracies acc f1 fscore fbeta fmeasure auc auroc auprc aupr aucpr precision prec recall map
  mar ap aps apm apl bleu sacrebleu rouge rougel rougelsum r2 iou miou dice ndcg dcg mrr hit hits hitrate
  throughput reward rewards rew return returns sensitivity specificity tpr tnr kappa mcc
  psnr ssim meteor chrf cider em exact spearman spearmanr pearson pearsonr corr corrcoef correlation
  coverage passed pass success successes win wins winrate qps fps likelihood elbo jaccard similarity
  quality rand homogeneity completeness silhouette bertscore pesq stoi intelligibility snr sdr sisnr sisdr
  mc1 mc2 goodput`);
var NUMBERED_HIGHER = /^(?:f|acc|top|map|mar|ap|ndcg|recall|precision|prec|hit|hits|mrr|rouge)\d+$/;
function phrases(entries) {
  const table4 = /* @__PURE__ */ new Map();
  for (const [text6, direction] of Object.entries(entries)) {
    const w = text6.split(" ");
    const last = w[w.length - 1];
    table4.set(last, [...table4.get(last) ?? [], { words: w, direction }]);
  }
  for (const list3 of table4.values()) list3.sort((a, b) => b.words.length - a.words.length);
  return table4;
}
var OVERRIDES = phrases({
  "explained variance": "higher",
  "demographic parity difference": "lower",
  "equalized odds difference": "lower",
  "equal opportunity difference": "lower",
  "demographic parity ratio": "higher",
  "equalized odds ratio": "higher",
  "equal opportunity ratio": "higher",
  // sklearn.metrics.max_error is an error, but the scorer 'max_error' returns its negation.
  "max error": "none",
  "neg max error": "higher"
});
var HEAD_PHRASES = phrases({
  "cross entropy": "lower",
  "false positive rate": "lower",
  "false negative rate": "lower",
  "false discovery rate": "lower",
  "false positives": "lower",
  "false negatives": "lower",
  "false positive": "lower",
  "false negative": "lower",
  "fall out": "lower",
  "edit rate": "lower",
  "davies bouldin": "lower",
  "kullback leibler": "lower",
  "log cosh": "lower",
  "word info lost": "lower",
  "learned perceptual image patch similarity": "lower",
  "memory allocated": "lower",
  "memory reserved": "lower",
  "memory used": "lower",
  "memory usage": "lower",
  "exact match": "higher",
  "true positive rate": "higher",
  "true negative rate": "higher",
  "true positives": "higher",
  "true negatives": "higher",
  "mutual info": "higher",
  "mutual information": "higher",
  "signal noise ratio": "higher",
  "signal distortion ratio": "higher",
  "intersection over union": "higher",
  "fowlkes mallows": "higher",
  "calinski harabasz": "higher",
  "v measure": "higher",
  "auc mu": "higher",
  "reciprocal rank": "higher",
  "mean rank": "lower",
  "median rank": "lower",
  "corr coef": "higher",
  "correlation coefficient": "higher",
  "word info preserved": "higher",
  "inception score": "higher",
  "bert score": "higher"
});
var NEEDS_REWRITE = /[A-Z,(]|\/s(?:ec)?$/;
var CAMEL_HUMP = /([a-z0-9])([A-Z][a-z])/g;
var PARENTHESES = /\([^)]*\)/g;
var PER_SECOND_SLASH = /\/s(?:ec)?$/;
var DIGITS = /^\d+$/;
var ROUGE_VARIANTS = words("l lsum 1 2 3 w");
var F_VARIANTS = words("score measure beta");
function inferDirection(key) {
  const segments = splitKey(key).map(cachedSegmentWords);
  let i2 = segments.length - 1;
  while (i2 >= 0 && (segments[i2].every(isNeutral) || i2 > 0 && isGroupParent(segments[i2 - 1]))) i2--;
  if (i2 < 0) return void 0;
  for (let j = 0; j < i2; j++) if (blocksChildren(segments[j])) return void 0;
  let phrase = segments[i2];
  const first = phrase.find((w) => !isNeutral(w));
  if (i2 > 0 && first !== void 0 && JOINING.has(first)) phrase = [...segments[i2 - 1], ...phrase];
  return readPhrase(phrase, 0, phrase.length);
}
var segmentCache = /* @__PURE__ */ new Map();
var SEGMENT_CACHE_SIZE = 4096;
function cachedSegmentWords(segment) {
  let found = segmentCache.get(segment);
  if (found === void 0) {
    if (segmentCache.size >= SEGMENT_CACHE_SIZE) segmentCache.clear();
    found = segmentWords(segment);
    segmentCache.set(segment, found);
  }
  return found;
}
function segmentWords(segment) {
  let text6 = segment;
  if (NEEDS_REWRITE.test(text6)) {
    const comma = text6.indexOf(",");
    if (comma > 0) text6 = text6.slice(0, comma);
    if (text6.includes("(")) text6 = text6.replace(PARENTHESES, " ");
    text6 = text6.replace(CAMEL_HUMP, "$1_$2").toLowerCase().replace(PER_SECOND_SLASH, "_per_second");
  }
  const out = [];
  let from = 0;
  for (let i2 = 0; i2 <= text6.length; i2++) {
    const c = i2 < text6.length ? text6.charCodeAt(i2) : 0;
    if (c >= 97 && c <= 122 || c >= 48 && c <= 57) continue;
    if (i2 > from) addWord(out, text6.slice(from, i2));
    from = i2 + 1;
  }
  return out;
}
function addWord(out, word) {
  const prev = out[out.length - 1];
  if (prev !== void 0 && (prev === "top" && DIGITS.test(word) || prev === "rouge" && ROUGE_VARIANTS.has(word) || prev === "io" && word === "u" || prev === "f" && (F_VARIANTS.has(word) || DIGITS.test(word)))) {
    out[out.length - 1] = prev + word;
  } else {
    out.push(word);
  }
}
function isNeutral(word) {
  if (NEUTRAL.has(word)) return true;
  const c = word.charCodeAt(0);
  return (c <= 57 || c === 112 || c === 118 || c === 115 || c === 102 || c === 114) && NUMBERED.test(word);
}
function isTrailing(word) {
  return isNeutral(word) || TRAILING.has(word) || TOP_K.test(word);
}
function isGroupParent(segment) {
  for (let i2 = 1; i2 < segment.length; i2++) {
    if (segment[i2] === "by") return true;
    if (segment[i2] === "per" && GROUPS.has(segment[i2 + 1] ?? "")) return true;
  }
  return false;
}
function blocksChildren(segment) {
  let end = segment.length;
  while (end > 1 && isNeutral(segment[end - 1])) end--;
  const last = segment[end - 1];
  if (last === void 0 || !BLOCKING_ANCESTORS.has(last)) return false;
  return !(last === "variance" && segment[end - 2] === "explained");
}
function flip(direction) {
  return direction === void 0 ? void 0 : direction === "higher" ? "lower" : "higher";
}
function lookup(table4, w, start, end) {
  const candidates = table4.get(w[end - 1]);
  if (candidates === void 0) return void 0;
  for (const { words: phrase, direction } of candidates) {
    const from = end - phrase.length;
    if (from < start) continue;
    let i2 = phrase.length - 2;
    while (i2 >= 0 && phrase[i2] === w[from + i2]) i2--;
    if (i2 < 0) return direction;
  }
  return void 0;
}
function readPhrase(w, start, end) {
  let s = start;
  let e = end;
  while (s < e && isNeutral(w[s])) s++;
  if (s >= e) return void 0;
  while (e - s > 1 && isTrailing(w[e - 1]) && w[e - 2] !== "per") e--;
  const override = lookup(OVERRIDES, w, start, e);
  if (override !== void 0) return override === "none" ? void 0 : override;
  const first = w[s];
  if (NEGATION.has(first)) return e - s > 1 ? flip(readPhrase(w, s + 1, e)) : void 0;
  if (first === "rank" && e - s > 1 && isNeutral(w[s + 1])) return "lower";
  if (first === "d2" && e - s > 1) return "higher";
  for (let i2 = s + 1; i2 < e; i2++) {
    const word = w[i2];
    if (word === "at" || word === "by") return readPhrase(w, s, i2);
    if (word === "per") return readPer(w, s, i2, e);
  }
  for (let i2 = s; i2 + 1 < e; i2++) if (DURATIONS_TO.has(w[i2]) && w[i2 + 1] === "to") return "lower";
  const last = w[e - 1];
  if (UNDIRECTED.has(last) || UNDIRECTED.has(first)) return void 0;
  if (e - s > 1) {
    if (INVERTING.has(last)) return flip(readPhrase(w, s, e - 1));
    if (KEEPING.has(last)) return readPhrase(w, s, e - 1);
    if (BETTERING.has(last)) return readPhrase(w, s, e - 1) === void 0 ? void 0 : "higher";
  } else if (BETTERING.has(last)) {
    return "higher";
  }
  if (last === "gap") return "lower";
  const phrase = lookup(HEAD_PHRASES, w, start, e);
  if (phrase !== void 0) return phrase === "none" ? void 0 : phrase;
  if (WEAK.has(last)) {
    if (e - s > 1) return readPhrase(w, s, e - 1);
    return last === "score" ? "higher" : void 0;
  }
  if ((first === "loss" || first === "losses") && e - s > 1 && allLossParts(w, s + 1, e)) return "lower";
  return headWord(w, s, e);
}
function readPer(w, s, per, e) {
  if (per + 1 >= e) return void 0;
  const unit = w[per + 1];
  if (GROUPS.has(unit)) return readPhrase(w, s, per);
  const counted = w[per - 1];
  if (TIME.has(counted)) return TIME_UNITS.has(unit) ? void 0 : "lower";
  if (COUNTED.has(counted)) return TIME_UNITS.has(unit) ? "higher" : void 0;
  if (counted === "bits" || counted === "nats") return "lower";
  return readPhrase(w, s, per);
}
function allLossParts(w, s, e) {
  for (let i2 = s; i2 < e; i2++) if (!LOSS_PARTS.has(w[i2]) && !isTrailing(w[i2])) return false;
  return true;
}
function headWord(w, s, e) {
  const last = w[e - 1];
  const before = e - s > 1 ? w[e - 2] : void 0;
  if (last === "size") return before !== void 0 && SIZED.has(before) ? "lower" : void 0;
  if (before !== void 0 && TIME.has(last) && NOT_ELAPSED.has(before)) return void 0;
  if (before !== void 0 && SHORT_TIME_UNITS.has(last) && TIME.has(before)) return "lower";
  if (LOWER.has(last)) return "lower";
  if (HIGHER.has(last) || NUMBERED_HIGHER.test(last)) return "higher";
  return void 0;
}

// packages/core/src/compare/pipeline.ts
function historyNoiseOf(history, window) {
  if (history === void 0 || history.length === 0) return void 0;
  const cache = /* @__PURE__ */ new Map();
  return (key) => {
    let estimate = cache.get(key);
    if (estimate === void 0) {
      const records = history.map(
        (record3) => record3.runs.flatMap((run) => Object.hasOwn(run.metrics, key) ? [run.metrics[key]] : [])
      );
      estimate = estimateNoise(
        records.filter((values) => values.length > 0),
        { window }
      );
      cache.set(key, estimate);
    }
    return estimate;
  };
}
function runComparison(input) {
  const inferred = /* @__PURE__ */ new Map();
  const inferOnce = (key) => {
    if (inferred.has(key)) return inferred.get(key);
    const direction = inferDirection(key);
    inferred.set(key, direction);
    return direction;
  };
  const directionOf = (key) => input.directions?.[key] ?? settingsFor(input.config, key).direction ?? inferOnce(key);
  const head = { values: collectValues(input.head.runs), runs: input.head.runs, label: input.head.label };
  const base = input.base === void 0 ? void 0 : { values: collectValues(input.base.runs), runs: input.base.runs, label: input.base.label };
  const gates = [...input.config.gates, ...input.extraGates ?? []];
  const historyNoise = historyNoiseOf(input.history, input.config.statistics.historyWindow);
  const statistics = input.statistics === void 0 ? void 0 : withExamplePairing(input.statistics, { head: input.head.runs, base: input.base?.runs ?? [] });
  const results = evaluateGates(gates, {
    head: head.values,
    ...base !== void 0 ? { base: base.values } : {},
    // Raw timings behind quantile metrics, for quantile gates (`latency_ms p95 rise <= 10%`).
    samples: {
      head: collectSamples(input.head.runs),
      ...input.base !== void 0 ? { base: collectSamples(input.base.runs) } : {}
    },
    directionOf,
    unitOf: (key) => metricUnit(settingsFor(input.config, key)),
    ...statistics !== void 0 ? { statistics } : {},
    ...historyNoise !== void 0 ? { historyNoise } : {},
    policy: {
      correction: input.config.statistics.correction,
      untestable: input.config.statistics.untestable
    }
  });
  return compareMetrics({
    head: stripUndefined(head),
    ...base !== void 0 ? { base: stripUndefined(base) } : {},
    settingsFor: (key) => {
      const settings = settingsFor(input.config, key);
      const direction = input.directions?.[key] ?? settings.direction;
      return {
        ...direction !== void 0 ? { direction } : {},
        ...settings.tolerance !== void 0 ? { tolerance: settings.tolerance } : {}
      };
    },
    inferDirection: inferOnce,
    ...historyNoise !== void 0 ? { historyNoise } : {},
    ...input.history !== void 0 && input.history.length > 0 ? {
      history: {
        records: input.history.length,
        label: input.historyLabel ?? `${input.history.length} records`
      }
    } : {},
    gates: results,
    ...input.expectBaseline !== void 0 ? { expectBaseline: input.expectBaseline } : {},
    ...input.baselineProblem !== void 0 ? { baselineProblem: input.baselineProblem } : {},
    ...input.configChanges !== void 0 ? { configChanges: input.configChanges } : {},
    ...input.acceptance !== void 0 ? { acceptance: input.acceptance } : {}
  });
}
function stripUndefined(side2) {
  if (side2.label === void 0) {
    const { label: _label, ...rest } = side2;
    return rest;
  }
  return side2;
}

// packages/core/src/compare/json.ts
function stringifyDocument(value, indent = 2) {
  return JSON.stringify(
    value,
    (_key, v) => {
      if (typeof v === "number" && !Number.isFinite(v))
        return Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
      return v;
    },
    indent
  );
}

// packages/core/src/config/gating.ts
function gatingConfig(base, head) {
  const config = {
    files: head.files,
    repeats: head.repeats,
    gates: base.gates,
    metrics: base.metrics,
    report: head.report,
    statistics: base.statistics
  };
  if (head.file !== void 0) config.file = head.file;
  return config;
}
function diffConfigs(base, head, from) {
  const gateText = (gate) => `${gate.level === "warn" ? "warn: " : ""}${gate.text.replace(/^(warn|fail)\s*:\s*/i, "")}`;
  const baseGates = base.gates.map(gateText);
  const headGates = head.gates.map(gateText);
  const gatesAdded = difference(headGates, baseGates);
  const gatesRemoved = difference(baseGates, headGates);
  const settings = [
    ...metricChanges(base.metrics, head.metrics),
    ...statisticsChanges(base.statistics, head.statistics)
  ];
  if (gatesAdded.length + gatesRemoved.length + settings.length === 0) return void 0;
  return { from, gatesAdded, gatesRemoved, settings };
}
function difference(a, b) {
  const left = /* @__PURE__ */ new Map();
  for (const item of b) left.set(item, (left.get(item) ?? 0) + 1);
  const out = [];
  for (const item of a) {
    const n = left.get(item) ?? 0;
    if (n > 0) left.set(item, n - 1);
    else out.push(item);
  }
  return out;
}
var RULE_SETTINGS = ["direction", "tolerance"];
function metricChanges(base, head) {
  const bySelector = (rules) => {
    const map = /* @__PURE__ */ new Map();
    for (const rule of rules) map.set(rule.selector, { ...map.get(rule.selector), ...rule });
    return map;
  };
  const b = bySelector(base);
  const h = bySelector(head);
  const out = [];
  for (const selector of [.../* @__PURE__ */ new Set([...b.keys(), ...h.keys()])].sort()) {
    for (const key of RULE_SETTINGS) {
      const before2 = show(b.get(selector)?.[key]);
      const after2 = show(h.get(selector)?.[key]);
      if (before2 !== after2) out.push(`metrics.${selector}.${key}: ${before2} \u2192 ${after2}`);
    }
    const [before, after] = [b, h].map((rules) => rules.get(selector)?.unit);
    if (isPercentUnit(before) !== isPercentUnit(after))
      out.push(`metrics.${selector}.unit: ${show(before)} \u2192 ${show(after)}`);
  }
  return out;
}
function statisticsChanges(base, head) {
  const out = [];
  for (const [key, name] of [
    ["correction", "correction"],
    ["untestable", "untestable"],
    ["historyWindow", "history-window"]
  ]) {
    if (base[key] !== head[key]) out.push(`statistics.${name}: ${show(base[key])} \u2192 ${show(head[key])}`);
  }
  return out;
}
function show(value) {
  if (value === void 0) return "(not set)";
  if (typeof value === "object" && value !== null && "value" in value) {
    const tolerance = value;
    return `${tolerance.value}${tolerance.relative ? "%" : ""}`;
  }
  return String(value);
}

// packages/core/src/report/model.ts
function reportMarker(id) {
  return `<!-- mlci-report id="${id.replace(/[^A-Za-z0-9._/-]/g, "_")}" -->`;
}

// packages/core/src/model.ts
function emptyDoc() {
  return { metrics: {}, series: {}, params: {}, sources: [] };
}

// packages/core/src/history.ts
function decodeHistoryDocument(value, file) {
  const doc = value;
  if (doc === null || typeof doc !== "object" || doc.schema !== "mlci/history" || doc.version !== 1) {
    throw new ConfigurationError(`${file}: expected an mlci/history document of version 1`);
  }
  if (typeof doc.sha !== "string" || !Array.isArray(doc.runs) || doc.runs.length > 100) {
    throw new ConfigurationError(`${file}: expected sha and a list of runs`);
  }
  const decoded = {
    schema: "mlci/history",
    version: 1,
    sha: doc.sha.slice(0, 64),
    runs: doc.runs.map((run, i2) => decodeMetricsDoc(run, `${file}: runs[${i2}]`))
  };
  if (typeof doc.ref === "string") decoded.ref = doc.ref.slice(0, 500);
  if (doc.recordedAt !== void 0) {
    if (typeof doc.recordedAt !== "string" || Number.isNaN(Date.parse(doc.recordedAt)))
      throw new ConfigurationError(
        `${file}: recordedAt: expected a date and time such as 2026-01-31T12:00:00Z, found ${JSON.stringify(doc.recordedAt)}`
      );
    decoded.recordedAt = doc.recordedAt;
  }
  return decoded;
}
function orderHistory(entries) {
  const byRecorded = entries.every((e) => e.doc.recordedAt !== void 0);
  const byTime = !byRecorded && entries.every((e) => e.time !== void 0);
  const key = (e) => byRecorded ? Date.parse(e.doc.recordedAt) : byTime ? e.time : 0;
  const sorted = [...entries].sort(
    (a, b) => key(a) - key(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
  );
  return {
    records: sorted.map((e) => ({ label: e.doc.sha.slice(0, 7), runs: e.doc.runs })),
    sorted,
    orderedBy: byRecorded ? "recorded time" : byTime ? "given time" : "file name"
  };
}
var HISTORY_SUMMARY_FILE = "summary.json";
var HISTORY_SUMMARY_RECORDS = 100;
var MAX_HISTORY_SUMMARY_RECORDS = 1e3;
var MAX_HISTORY_SUMMARY_BYTES = 8 * 1024 * 1024;
var COMMIT_SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
function decodeHistorySummary(value, file) {
  const doc = value;
  if (doc === null || typeof doc !== "object" || Array.isArray(doc) || doc.schema !== "mlci/history-summary" || doc.version !== 1) {
    throw new ConfigurationError(`${file}: expected an mlci/history-summary document of version 1`);
  }
  if (!Array.isArray(doc.records) || doc.records.length > MAX_HISTORY_SUMMARY_RECORDS) {
    throw new ConfigurationError(
      `${file}: records: expected a list of at most ${MAX_HISTORY_SUMMARY_RECORDS} records`
    );
  }
  const seen = /* @__PURE__ */ new Set();
  const records = doc.records.map((item, i2) => {
    const at = `${file}: records[${i2}]`;
    const record3 = item;
    if (record3 === null || typeof record3 !== "object" || Array.isArray(record3))
      throw new ConfigurationError(`${at}: expected an object with sha and runs`);
    if (typeof record3.sha !== "string" || !COMMIT_SHA.test(record3.sha))
      throw new ConfigurationError(`${at}.sha: expected a full commit SHA (40 hexadecimal digits)`);
    if (seen.has(record3.sha)) throw new ConfigurationError(`${at}.sha: ${record3.sha} is recorded twice`);
    seen.add(record3.sha);
    if (!Array.isArray(record3.runs) || record3.runs.length === 0 || record3.runs.length > 100)
      throw new ConfigurationError(`${at}.runs: expected a list of 1 to 100 runs`);
    const runs = record3.runs.map((run, j) => {
      const metrics = run?.metrics;
      return { ...emptyDoc(), metrics: decodeMetricsDoc({ metrics }, `${at}.runs[${j}]`).metrics };
    });
    const decoded = { sha: record3.sha, runs };
    if (record3.recordedAt !== void 0) {
      if (typeof record3.recordedAt !== "string" || Number.isNaN(Date.parse(record3.recordedAt)))
        throw new ConfigurationError(
          `${at}.recordedAt: expected a date and time such as 2026-01-31T12:00:00Z, found ${JSON.stringify(record3.recordedAt)}`
        );
      decoded.recordedAt = record3.recordedAt;
    }
    return decoded;
  });
  return { schema: "mlci/history-summary", version: 1, records };
}
function summaryRecordOf(doc) {
  const record3 = {
    sha: doc.sha,
    runs: doc.runs.map((run) => ({ ...emptyDoc(), metrics: run.metrics }))
  };
  if (doc.recordedAt !== void 0) record3.recordedAt = doc.recordedAt;
  return record3;
}
function mergeHistorySummary(previous, added, options = {}) {
  const maxRecords = Math.min(options.maxRecords ?? HISTORY_SUMMARY_RECORDS, MAX_HISTORY_SUMMARY_RECORDS);
  const maxBytes = options.maxBytes ?? MAX_HISTORY_SUMMARY_BYTES;
  const shas = new Set(added.map((r) => r.sha));
  const records = previous.filter((r) => !shas.has(r.sha));
  for (const record3 of added) {
    let at = records.length;
    const time = record3.recordedAt === void 0 ? void 0 : Date.parse(record3.recordedAt);
    if (time !== void 0) {
      while (at > 0) {
        const before = records[at - 1].recordedAt;
        if (before === void 0 || Date.parse(before) <= time) break;
        at--;
      }
    }
    records.splice(at, 0, record3);
  }
  let start = Math.max(0, records.length - maxRecords);
  const lines = records.map(
    (r) => stringifyDocument(
      {
        sha: r.sha,
        ...r.recordedAt !== void 0 ? { recordedAt: r.recordedAt } : {},
        runs: r.runs.map((run) => ({ metrics: run.metrics }))
      },
      0
    )
  );
  const head = '{"schema":"mlci/history-summary","version":1,"records":[\n';
  const tail = "\n]}\n";
  let bytes = Buffer.byteLength(head + tail) - 2;
  for (const line2 of lines.slice(start)) bytes += Buffer.byteLength(line2) + 2;
  while (start < records.length && bytes > maxBytes) bytes -= Buffer.byteLength(lines[start++]) + 2;
  return {
    summary: { schema: "mlci/history-summary", version: 1, records: records.slice(start) },
    text: `${head}${lines.slice(start).join(",\n")}${tail}`,
    dropped: start
  };
}
function summaryHistory(summary2) {
  return summary2.records.map((r) => ({ label: r.sha.slice(0, 7), runs: r.runs }));
}
function meanMetrics(runs, keys) {
  const sums = /* @__PURE__ */ new Map();
  for (const run of runs)
    for (const [key, value] of Object.entries(run.metrics)) {
      if (keys !== void 0 && !keys.has(key)) continue;
      const s = sums.get(key) ?? { sum: 0, n: 0 };
      s.sum += value;
      s.n++;
      sums.set(key, s);
    }
  return Object.fromEntries([...sums].map(([key, s]) => [key, s.sum / s.n]));
}
var MAX_TREND_KEYS = 50;
function historyTrend(records, keys, label) {
  const wanted = new Set(keys.slice(0, MAX_TREND_KEYS));
  return {
    label,
    points: records.map((r) => ({
      label: r.label,
      runs: r.runs.length,
      metrics: meanMetrics(r.runs, wanted)
    }))
  };
}
function trendEntries(trend) {
  return trend.points.map((p) => ({
    label: p.label,
    runs: p.runs,
    doc: { ...emptyDoc(), metrics: p.metrics }
  }));
}
function decodeHistoryTrend(value, path) {
  const doc = value;
  if (doc === null || typeof doc !== "object" || typeof doc.label !== "string")
    throw new ConfigurationError(`${path}: expected a history trend with a label and points`);
  if (!Array.isArray(doc.points) || doc.points.length > MAX_HISTORY_SUMMARY_RECORDS)
    throw new ConfigurationError(
      `${path}.points: expected a list of at most ${MAX_HISTORY_SUMMARY_RECORDS} points`
    );
  const points2 = doc.points.map((item, i2) => {
    const at = `${path}.points[${i2}]`;
    const point2 = item;
    if (point2 === null || typeof point2 !== "object" || typeof point2.label !== "string")
      throw new ConfigurationError(`${at}: expected a point with a label, runs and metrics`);
    if (typeof point2.runs !== "number" || !Number.isInteger(point2.runs) || point2.runs < 1 || point2.runs > 100)
      throw new ConfigurationError(`${at}.runs: expected a whole number of runs from 1 to 100`);
    const metrics = point2.metrics;
    if (metrics !== null && typeof metrics === "object" && Object.keys(metrics).length > MAX_TREND_KEYS)
      throw new ConfigurationError(`${at}.metrics: expected at most ${MAX_TREND_KEYS} metrics`);
    return {
      label: point2.label.slice(0, 40),
      runs: point2.runs,
      metrics: decodeMetricsDoc({ metrics }, at).metrics
    };
  });
  return { label: doc.label.slice(0, 500), points: points2 };
}

// packages/core/src/report/display.ts
var DEFAULT_DIGITS = 6;
var SPREAD_DIGITS = 3;
function formatValue2(value, settings, digits) {
  if (!Number.isFinite(value)) return formatNumber(value);
  const precision = settings?.precision ?? digits ?? DEFAULT_DIGITS;
  if (settings?.percent === true) return `${formatNumber(roundNoise(value * 100), precision)}%`;
  const text6 = formatNumber(value, precision);
  return settings?.unit === void 0 ? text6 : `${text6} ${settings.unit}`;
}
function formatChange(delta, settings, digits) {
  const precision = settings?.precision ?? digits ?? DEFAULT_DIGITS;
  if (settings?.percent === true) return `${formatDelta(roundNoise(delta * 100), precision)} pp`;
  const text6 = formatDelta(delta, precision);
  return settings?.unit === void 0 || !Number.isFinite(delta) ? text6 : `${text6} ${settings.unit}`;
}
function formatInterval(ci, settings) {
  return `${formatChange(ci[0], settings, SPREAD_DIGITS)} to ${formatChange(ci[1], settings, SPREAD_DIGITS)}`;
}
function formatP2(p) {
  return p < 1e-4 ? "< 0.0001" : formatNumber(p, 2);
}
var OP_TEXT = {
  ">=": "\u2265",
  ">": ">",
  "<=": "\u2264",
  "<": "<",
  "==": "=",
  "!=": "\u2260"
};
function shortReason(result, settings, runs) {
  const rule = result.gate.rule;
  const { head, base } = result;
  const passed = result.status === "pass";
  const stats = result.statistics;
  if (stats?.untestable !== void 0 || result.status === "error" || result.status === "neutral")
    return result.reason;
  if (head === void 0 || !Number.isFinite(head)) return result.reason;
  const plainLimits = rule.kind !== "bound" && rule.kind !== "range" ? true : rule.percent !== true;
  const limitsMatch = plainLimits || settings?.percent === true;
  switch (rule.kind) {
    case "bound": {
      if (!limitsMatch) return result.reason;
      const limit = formatValue2(rule.percent === true ? rule.value / 100 : rule.value, settings);
      const value = formatValue2(head, settings);
      return passed ? `${value} ${OP_TEXT[rule.op]} ${limit}` : `${value}, not ${OP_TEXT[rule.op]} ${limit}`;
    }
    case "range": {
      if (!limitsMatch) return result.reason;
      const scale = rule.percent === true ? 0.01 : 1;
      const range = `${formatValue2(rule.min * scale, settings)} to ${formatValue2(rule.max * scale, settings)}`;
      return passed ? `within ${range}` : `outside ${range}`;
    }
    case "change": {
      if (base === void 0 || result.observed === void 0 || !Number.isFinite(base)) return result.reason;
      const delta = roundNoise(head - base);
      const verb = { drop: "dropped", rise: "rose", change: "changed", regression: "got worse" }[rule.measure];
      const amount = rule.relative ? formatPercent(result.observed).replace(/^\+/, "") : formatChange(result.observed, settings).replace(/^\+/, "");
      const limit = rule.relative ? `${formatNumber(rule.value)}%` : formatChange(rule.value, settings).replace(/^\+/, "");
      if (result.observed <= 0 && rule.measure !== "change")
        return `did not ${rule.measure === "regression" ? "get worse" : rule.measure}`;
      if (delta === 0) return "unchanged";
      return passed ? `${verb} ${amount}, within ${limit}` : `${verb} ${amount}, over the allowed ${limit}`;
    }
    case "finite":
      return passed ? "finite" : result.reason;
    case "required":
      return passed ? "present" : result.reason;
    case "no-regression":
      return passed ? "not worse" : "worse than the baseline";
    case "significant":
    case "paired": {
      if (stats?.p === void 0) return result.reason;
      const adjusted = stats.pAdjusted !== void 0 && stats.family !== void 0 && stats.family.size > 1;
      const p = adjusted ? stats.pAdjusted : stats.p;
      const alpha = stats.alpha ?? (rule.kind === "significant" || rule.kind === "paired" ? rule.alpha : 0.05);
      const pText = `${adjusted ? "adjusted p" : "p"} = ${formatP2(p)} ${p <= alpha ? "\u2264" : ">"} ${formatNumber(alpha)}`;
      const what = passed ? "not significantly worse" : "significantly worse";
      if (rule.kind === "significant") {
        const n = stats.nBase !== void 0 && stats.nHead !== void 0 ? `, ${stats.nBase} vs ${stats.nHead} runs` : "";
        return `${what}: ${pText} (${stats.method}${n})`;
      }
      const on = stats.paired;
      const pooled = on?.measure.includes("mean of") ?? false;
      const perSide = pooled ? "" : " of one run per side";
      const sample = on === void 0 ? "" : on.correct !== void 0 ? `; on ${on.examples} examples${perSide}: ${on.correct.base} \u2192 ${on.correct.head} correct (${formatPercent100(on.correct.base / on.examples)} \u2192 ${formatPercent100(on.correct.head / on.examples)})` : `; on ${on.examples} examples${perSide} (${on.measure})`;
      const many = (runs?.head ?? 1) > 1 || (runs?.base ?? 1) > 1;
      const columns = many && on !== void 0 && !pooled ? `, not the mean of the runs in the columns` : "";
      return `${what}: ${pText} (${stats.method})${sample}${columns}`;
    }
    default:
      return result.reason;
  }
}
function formatPercent100(fraction) {
  return `${formatNumber(roundNoise(fraction * 100), 3)}%`;
}

// packages/core/src/report/markdown.ts
var MAX_COMMENT_LENGTH = 65536;
var MAX_KEY = 160;
var MAX_TEXT2 = 600;
var MAX_NAMES = 5;
var MAX_WARNINGS_PER_FILE = 5;
var MAX_CONFIG_CHANGES = 50;
var MAX_PIPELINE_ROWS = 50;
var MAX_DATA_NAMES = 3;
var DECIDING_ROWS = 8;
function renderMarkdown(input, options = {}) {
  const maxLength = options.maxLength ?? MAX_COMMENT_LENGTH;
  const marker = reportMarker(input.id);
  if (maxLength < marker.length) {
    throw new RangeError(`maxLength ${maxLength} is shorter than the report's marker (${marker.length})`);
  }
  const facts = gatherFacts(input);
  const fits = (plan2) => render(facts, plan2, maxLength).markdown.length <= maxLength;
  const regressions = facts.changed.filter((m) => m.status === "regressed").length;
  const notPassing = facts.gates.filter((g) => !isPassing(g.status)).length;
  const cuts = [
    (p) => ({ ...p, sources: false }),
    (p) => ({ ...p, unchanged: false }),
    (p) => ({ ...p, params: false }),
    (p) => ({
      ...p,
      pipelineRows: largestFitting(0, p.pipelineRows, (n) => fits({ ...p, pipelineRows: n }))
    }),
    (p) => ({
      ...p,
      metricRows: largestFitting(regressions, p.metricRows, (n) => fits({ ...p, metricRows: n }))
    }),
    (p) => ({ ...p, passingGates: false }),
    (p) => ({ ...p, metricRows: largestFitting(0, p.metricRows, (n) => fits({ ...p, metricRows: n })) }),
    (p) => ({ ...p, charts: false, runInfo: false }),
    // The team's sections go before our own deciding rows do, the last kept last.
    (p) => ({ ...p, extras: largestFitting(0, p.extras, (n) => fits({ ...p, extras: n })) }),
    (p) => ({ ...p, gateRows: largestFitting(0, p.gateRows, (n) => fits({ ...p, gateRows: n })) }),
    (p) => ({
      ...p,
      decidingRows: largestFitting(0, p.decidingRows, (n) => fits({ ...p, decidingRows: n }))
    })
  ];
  let plan = fullPlan(facts);
  const full = render(facts, plan, maxLength);
  if (full.markdown.length <= maxLength) return full;
  for (const cut of cuts) {
    if (fits(plan)) break;
    plan = cut(plan);
  }
  if (!fits(plan)) {
    return hardCut(render(facts, { ...plan, minimal: true }, maxLength), marker, maxLength);
  }
  const refills = [
    (p) => ({
      ...p,
      decidingRows: largestFitting(
        p.decidingRows,
        Math.min(DECIDING_ROWS, facts.deciding.length),
        (n) => fits({ ...p, decidingRows: n })
      )
    }),
    (p) => ({ ...p, gateRows: largestFitting(p.gateRows, notPassing, (n) => fits({ ...p, gateRows: n })) }),
    (p) => ({
      ...p,
      extras: largestFitting(p.extras, facts.extras.length, (n) => fits({ ...p, extras: n }))
    }),
    (p) => ({
      ...p,
      metricRows: largestFitting(p.metricRows, facts.changed.length, (n) => fits({ ...p, metricRows: n }))
    }),
    (p) => ({ ...p, passingGates: true }),
    (p) => ({ ...p, charts: true, runInfo: true }),
    (p) => ({
      ...p,
      pipelineRows: largestFitting(
        p.pipelineRows,
        shownPipelineRows(facts),
        (n) => fits({ ...p, pipelineRows: n })
      )
    }),
    (p) => ({ ...p, params: true }),
    (p) => ({ ...p, unchanged: true }),
    (p) => ({ ...p, sources: true })
  ];
  for (const refill of refills) {
    const more = refill(plan);
    if (!samePlan(more, plan) && fits(more)) plan = more;
  }
  return render(facts, plan, maxLength);
}
function samePlan(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
function largestFitting(min, max2, ok) {
  let low = min;
  let high = max2;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ok(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}
function hardCut(report, marker, maxLength) {
  if (report.markdown.length <= maxLength) return report;
  const body = report.markdown.slice(0, report.markdown.length - marker.length);
  const room = maxLength - marker.length - 2;
  let cut = room <= 0 ? "" : body.slice(0, room);
  const lastNewline = cut.lastIndexOf("\n");
  cut = lastNewline >= 0 ? cut.slice(0, lastNewline) : "";
  const markdown = cut.trimEnd() === "" ? marker : `${cut.trimEnd()}

${marker}`;
  return { markdown, omitted: [...report.omitted, "part of the verdict"] };
}
function fullPlan(facts) {
  return {
    sources: true,
    unchanged: true,
    params: true,
    metricRows: facts.changed.length,
    charts: true,
    runInfo: true,
    passingGates: true,
    gateRows: facts.gates.length,
    decidingRows: Math.min(DECIDING_ROWS, facts.deciding.length),
    extras: facts.extras.length,
    pipelineRows: shownPipelineRows(facts),
    minimal: false
  };
}
function shownPipelineRows(facts) {
  return Math.min(MAX_PIPELINE_ROWS, facts.pipeline?.rows.length ?? 0);
}
var GATE_RANK = { fail: 0, error: 0, warn: 1, pass: 2, neutral: 2 };
var METRIC_RANK = {
  regressed: 0,
  "non-finite": 1,
  changed: 2,
  improved: 3,
  added: 4,
  removed: 5,
  "no-baseline": 6,
  "within-noise": 7,
  unchanged: 8
};
function isPassing(status) {
  return status === "pass" || status === "neutral";
}
function gatherFacts(input) {
  const comparison = input.comparison;
  const gates = comparison.gates.map((g, i2) => ({ g, i: i2 })).sort((a, b) => GATE_RANK[a.g.status] - GATE_RANK[b.g.status] || a.i - b.i).map(({ g }) => g);
  const changed = comparison.metrics.filter((m) => m.status !== "unchanged" && m.status !== "within-noise").map((m, i2) => ({ m, i: i2 })).sort((a, b) => METRIC_RANK[a.m.status] - METRIC_RANK[b.m.status] || bySize(a.m, b.m) || a.i - b.i).map(({ m }) => m);
  const notPassing = gates.filter((g) => !isPassing(g.status));
  const named2 = new Set(notPassing.flatMap((g) => g.metric === void 0 ? [] : [g.metric]));
  const moved = comparison.base === void 0 ? [] : changed.filter((m) => !named2.has(m.key));
  const deciding = [
    ...notPassing.map((gate) => ({ kind: "gate", gate })),
    ...moved.map((metric) => ({ kind: "metric", metric }))
  ];
  const placementRank = { top: 0, "after-summary": 1, bottom: 2 };
  const extras = (input.extraSections ?? []).map((section, i2) => ({ section, i: i2 })).sort((a, b) => placementRank[a.section.placement] - placementRank[b.section.placement] || a.i - b.i).map(({ section }) => section);
  const pipeline = pipelineFacts(input.pipeline);
  return {
    ...pipeline !== void 0 ? { pipeline } : {},
    input,
    hasBase: comparison.base !== void 0,
    gates,
    changed,
    withinNoise: comparison.metrics.filter((m) => m.status === "within-noise").map((m, i2) => ({ m, i: i2 })).sort((a, b) => bySize(a.m, b.m) || a.i - b.i).map(({ m }) => m),
    unchanged: comparison.metrics.filter((m) => m.status === "unchanged"),
    params: comparison.params,
    sources: [
      ...comparison.head.sources.map((source2) => ({ side: "pull request", source: source2 })),
      ...(comparison.base?.sources ?? []).map((source2) => ({ side: "baseline", source: source2 }))
    ],
    hasRepeats: comparison.metrics.some((m) => m.repeats !== void 0),
    deciding,
    extras,
    rows: /* @__PURE__ */ new Map()
  };
}
function pipelineFacts(diff) {
  if (diff === void 0 || isUnchangedPipeline(diff)) return void 0;
  const { rows, shownAsOutputs } = pipelineRows(diff);
  return { diff, rows, shownAsOutputs, data: dataChanges(rows) };
}
function bySize(a, b) {
  if (a.status !== "regressed" && a.status !== "improved" && a.status !== "within-noise") return 0;
  const size = (m) => m.deltaPercent === void 0 ? -1 : Math.abs(m.deltaPercent);
  return size(b) - size(a);
}
function render(facts, plan, maxLength) {
  if (plan.minimal) {
    const notice = `> **This report was shortened** to fit in ${grouped2(maxLength)} characters: only the verdict is shown. ${whereFullReport(facts)}`;
    const markdown = [headline(facts), notice, reportMarker(facts.input.id)].join("\n\n");
    return { markdown, omitted: ["everything but the verdict"] };
  }
  const omitted = omissions(facts, plan);
  const extras = facts.extras.slice(0, plan.extras);
  const placed = (where) => extras.filter((e) => e.placement === where).map(extraSection);
  const charts = plan.charts ? facts.input.charts : [];
  const sections = [
    headline(facts),
    omitted.length > 0 ? trimNotice(facts, omitted, maxLength) : "",
    ...placed("top"),
    // The first screen: what decides the merge, and the chart that explains it.
    decidingSection(facts, plan),
    configChangesSection(facts),
    charts.length > 0 ? chartImage(charts[0]) : "",
    ...placed("after-summary"),
    // The evidence, folded.
    gatesSection(facts, plan),
    metricsSection(facts, plan),
    plan.params ? paramsSection(facts) : "",
    pipelineSection(facts, plan),
    plan.charts ? moreChartsSection(charts.slice(1), facts.input.chartNotes ?? []) : "",
    plan.runInfo ? runSection(facts) : "",
    plan.sources ? sourcesSection(facts) : "",
    ...placed("bottom"),
    reportMarker(facts.input.id)
  ];
  return { markdown: sections.filter((s) => s !== "").join("\n\n"), omitted };
}
function omissions(facts, plan) {
  const out = [];
  if (!plan.sources && facts.sources.length > 0)
    out.push(`the list of ${count3(facts.sources.length, "file")} read`);
  if (!plan.unchanged && facts.withinNoise.length > 0)
    out.push(count3(facts.withinNoise.length, "change") + " within noise");
  if (!plan.unchanged && facts.unchanged.length > 0)
    out.push(count3(facts.unchanged.length, "unchanged metric"));
  if (!plan.params && facts.params.length > 0) out.push(count3(facts.params.length, "parameter change"));
  const pipelineShown = shownPipelineRows(facts);
  if (plan.pipelineRows < pipelineShown)
    out.push(
      `${grouped2(pipelineShown - plan.pipelineRows)} of ${count3(facts.pipeline.rows.length, "pipeline change")}`
    );
  if (plan.metricRows < facts.changed.length) {
    const noun = facts.hasBase ? "changed metric" : "metric";
    out.push(`${grouped2(facts.changed.length - plan.metricRows)} of ${count3(facts.changed.length, noun)}`);
  }
  if (!plan.charts && facts.input.charts.length > 0) out.push(count3(facts.input.charts.length, "chart"));
  if (!plan.runInfo && facts.input.run !== void 0) out.push("the run details");
  const passing = facts.gates.filter((g) => isPassing(g.status)).length;
  if (!plan.passingGates && passing > 0) out.push(count3(passing, "passing gate result"));
  const notPassing = facts.gates.length - passing;
  if (plan.gateRows < notPassing)
    out.push(
      `${grouped2(notPassing - plan.gateRows)} of ${count3(notPassing, "failing or warning gate result")}`
    );
  for (const section of facts.extras.slice(plan.extras))
    out.push(`the section "${shortenMiddle(section.title, 80)}" (${shortenMiddle(section.source, 80)})`);
  const deciding = Math.min(DECIDING_ROWS, facts.deciding.length);
  if (plan.decidingRows < deciding)
    out.push(`${grouped2(deciding - plan.decidingRows)} of ${count3(deciding, "deciding row")}`);
  return out;
}
function trimNotice(facts, omitted, maxLength) {
  return `> **This report was shortened** to fit in ${grouped2(maxLength)} characters. Not shown: ${escapeMarkdownText(omitted.join("; "))}. ${whereFullReport(facts)}`;
}
function whereFullReport(facts) {
  const url = facts.input.fullReportUrl === void 0 ? void 0 : safeUrl(facts.input.fullReportUrl);
  return url !== void 0 ? `The full report is [here](${url}).` : "The full report is in report.md and the job summary.";
}
var VERDICT_LABEL = {
  passed: "\u2705 Passed",
  failed: "\u274C Failed",
  "passed-with-warnings": "\u26A0\uFE0F Passed with warnings",
  "no-baseline": "\u26AA No baseline"
};
function headline(facts) {
  const { input } = facts;
  const comparison = input.comparison;
  const title = `## ${escapeMarkdownText(shortenMiddle(input.title ?? "mlci report", MAX_KEY))}`;
  const verdict = `**${VERDICT_LABEL[comparison.verdict.kind]}**: ${verdictSentence(facts)}`;
  const lines = [title, "", `${verdict}  `, `${metricsSentence(facts)}  `, baselineSentence(facts)];
  const changes = comparison.configChanges;
  if (changes !== void 0) {
    const n = changes.gatesAdded.length + changes.gatesRemoved.length + changes.settings.length;
    lines[lines.length - 1] += "  ";
    lines.push(
      `Gates: this pull request changes ${grouped2(n)} of its rules; they take effect after the merge, and it was judged by the rules of ${escapeMarkdownText(shortenMiddle(changes.from, MAX_KEY))} (see "Gates changed by this pull request").`
    );
  }
  const data = dataSentence(facts);
  if (data !== "") {
    lines[lines.length - 1] += "  ";
    lines.push(data);
  }
  return lines.join("\n");
}
function dataSentence(facts) {
  const data = facts.pipeline?.data ?? [];
  if (data.length === 0) return "";
  const named2 = data.slice(0, MAX_DATA_NAMES).map((row) => {
    const what = row.status === "changed" ? row.change : row.status;
    return `${escapeMarkdownText(shortenMiddle(row.subject, 80))} (${escapeMarkdownText(shortenMiddle(what, 120))})`;
  });
  const more = data.length > MAX_DATA_NAMES ? ` and ${grouped2(data.length - MAX_DATA_NAMES)} more` : "";
  return `Data: **the pipeline's input data changed**: ${named2.join(", ")}${more}. See "Pipeline" below.`;
}
function configChangesSection(facts) {
  const changes = facts.input.comparison.configChanges;
  if (changes === void 0) return "";
  const rows = [
    ...changes.gatesRemoved.map((g) => tableRow(["gate removed", shortenMiddle(g, MAX_TEXT2)])),
    ...changes.gatesAdded.map((g) => tableRow(["gate added", shortenMiddle(g, MAX_TEXT2)])),
    ...changes.settings.map((c) => tableRow(["setting changed", shortenMiddle(c, MAX_TEXT2)]))
  ];
  const shown2 = rows.slice(0, MAX_CONFIG_CHANGES);
  const more = rows.length > shown2.length ? `

${grouped2(rows.length - shown2.length)} more changes are in report.json.` : "";
  return `### Gates changed by this pull request

This pull request was judged by the gates of ${escapeMarkdownText(shortenMiddle(changes.from, MAX_KEY))}; its own take effect after the merge.

${table2(["change", "gate or setting"], shown2, ["l", "l"])}${more}`;
}
function verdictSentence(facts) {
  const gates = facts.input.comparison.gates;
  const counts = facts.input.comparison.verdict.counts;
  const total = gates.length;
  const noun = gateNoun(gates);
  const names = (status) => ` (${namesOf(gates.filter((g) => g.status === status))})`;
  const of = (n) => `${grouped2(n)} of ${count3(total, noun)}`;
  const neutral = counts.neutral > 0 ? `; ${grouped2(counts.neutral)} not tested${names("neutral")}` : "";
  const warned = counts.warn > 0 ? `; ${grouped2(counts.warn)} warned${names("warn")}` : "";
  switch (facts.input.comparison.verdict.kind) {
    case "failed": {
      const problem = facts.input.comparison.baselineProblem;
      if (problem !== void 0)
        return `${escapeMarkdownText(shortenMiddle(facts.input.comparison.verdict.summary, MAX_TEXT2))}.`;
      const parts = [];
      if (counts.fail > 0) parts.push(`${of(counts.fail)} failed${names("fail")}`);
      if (counts.error > 0) parts.push(`${grouped2(counts.error)} could not be evaluated${names("error")}`);
      if (counts.warn > 0) parts.push(`${grouped2(counts.warn)} warned${names("warn")}`);
      return `${parts.join("; ")}.`;
    }
    case "passed-with-warnings": {
      const acceptance = facts.input.comparison.acceptance;
      if (acceptance !== void 0 && counts.fail > 0)
        return `${of(counts.fail)} failed${names("fail")}, and **@${escapeMarkdownText(acceptance.by)} accepted** these regressions of ${escapeMarkdownText(acceptance.head.slice(0, 7))} with the label "${escapeMarkdownText(acceptance.label)}"${counts.warn > 0 ? `; ${grouped2(counts.warn)} warned${names("warn")}` : ""}${neutral}.`;
      return `no gate failed; ${of(counts.warn)} warned${names("warn")}${neutral}.`;
    }
    case "no-baseline":
      if (total === 0) return "no baseline was found, so nothing was compared, and no gates are configured.";
      return `no baseline was found, so nothing was compared; ${of(counts.pass)} passed on the pull request's own numbers${warned}${counts.neutral > 0 ? `; ${grouped2(counts.neutral)} had nothing to compare with${names("neutral")}` : ""}.`;
    case "passed":
      if (total === 0) return "no gates are configured, so nothing could fail.";
      if (counts.pass === total)
        return total === 1 ? `the one ${noun} passed.` : `all ${count3(total, noun)} passed.`;
      return `${of(counts.pass)} passed${neutral}.`;
  }
}
var gateNouns = /* @__PURE__ */ new WeakMap();
function gateNoun(gates) {
  const known = gateNouns.get(gates);
  if (known !== void 0) return known;
  const noun = countGateNoun(gates);
  gateNouns.set(gates, noun);
  return noun;
}
function countGateNoun(gates) {
  const distinct = new Set(gates.map((g) => `${g.gate.origin}\0${g.gate.text}`)).size;
  return distinct === gates.length ? "gate" : "gate check";
}
function namesOf(results) {
  const names = [...new Set(results.map((r) => r.metric ?? r.gate.selector))];
  const shown2 = names.slice(0, MAX_NAMES).map((n) => escapeMarkdownText(shortenMiddle(n, 60)));
  return names.length > MAX_NAMES ? `${shown2.join(", ")} and ${grouped2(names.length - MAX_NAMES)} more` : shown2.join(", ");
}
var METRIC_COUNT_ORDER = [
  ["regressed", "regressed"],
  ["improved", "improved"],
  ["within-noise", "within noise"],
  ["changed", "changed (direction unknown)"],
  ["non-finite", "non-finite"],
  ["unchanged", "unchanged"],
  ["added", "added"],
  ["removed", "removed"]
];
function metricsSentence(facts) {
  const metrics = facts.input.comparison.metrics;
  if (metrics.length === 0) return "Metrics: none were read.";
  if (!facts.hasBase) return `Metrics: ${grouped2(metrics.length)} read, none compared (no baseline).`;
  const tally = /* @__PURE__ */ new Map();
  for (const m of metrics) tally.set(m.status, (tally.get(m.status) ?? 0) + 1);
  const parts = METRIC_COUNT_ORDER.filter(([status]) => (tally.get(status) ?? 0) > 0).map(
    ([status, word]) => `${grouped2(tally.get(status))} ${word}`
  );
  const moved = metrics.filter(
    (m) => m.status === "regressed" || m.status === "improved" || m.status === "changed"
  );
  const noiseUnknown = moved.filter((m) => m.noise === void 0).length;
  const unknown = noiseUnknown === 0 ? "" : noiseUnknown === moved.length ? " (one run per side, no history: noise unknown)" : ` (noise unknown for ${grouped2(noiseUnknown)} of them: one run per side, no history)`;
  return `Metrics: ${parts.join(", ")}${unknown}.`;
}
function baselineSentence(facts) {
  const { comparison, baseline } = facts.input;
  if (comparison.base === void 0) {
    const problem = comparison.baselineProblem;
    if (problem !== void 0)
      return problem.kind === "unavailable" ? "Baseline: **could not be fetched**. Gates that compare with a baseline were not evaluated, so the check fails until a re-run can fetch it." : "Baseline: **none found**, where this repository has recorded baselines before. Gates that compare with a baseline were not evaluated.";
    return comparison.verdict.kind === "no-baseline" ? "Baseline: **none found**. Metrics are shown without changes, and gates that compare with a baseline were not evaluated." : "Baseline: none; the run's own numbers were checked.";
  }
  const label = baseline?.label ?? comparison.base.label;
  const how = baseline?.how === void 0 ? "" : ` (${baseline.how})`;
  const name = label === void 0 ? "the base runs given (no label)" : shortLabel(label);
  const text6 = escapeMarkdownText(shortenMiddle(`${name}${how}`, 120));
  const url = baseline?.url === void 0 ? void 0 : safeUrl(baseline.url);
  return `Baseline: ${url === void 0 ? text6 : `[${text6}](${url})`}`;
}
function shortLabel(label) {
  const paths = label.split(", ");
  if (paths.length < 2) return label;
  const parts = paths.map((p) => p.split("/"));
  let shared = 0;
  while (parts.every((p) => shared < p.length - 1 && p[shared] === parts[0][shared])) shared++;
  const folder = parts[0].slice(0, shared).join("/");
  return folder === "" ? `${paths.length} runs` : `${paths.length} runs in ${folder}`;
}
var GATE_MARK = {
  fail: "\u274C failed",
  error: "\u2757 error",
  warn: "\u26A0\uFE0F warning",
  pass: "\u2705 passed",
  neutral: "\u26AA not compared"
};
function gatesSection(facts, plan) {
  if (facts.gates.length === 0) return "";
  const notPassing = facts.gates.filter((g) => !isPassing(g.status)).slice(0, plan.gateRows);
  const passing = plan.passingGates ? facts.gates.filter((g) => isPassing(g.status)) : [];
  const rows = [...notPassing, ...passing].map((g) => cachedRow(facts, g, () => gateRow(g, facts)));
  const hidden = facts.gates.length - rows.length;
  const noun = rows.length > 0 ? "more gate result" : "gate result";
  const more = hidden > 0 ? `

${count3(hidden, noun)} not shown.` : "";
  const summary2 = `Gates: ${gateTally(facts)}`;
  if (rows.length === 0) return `${summary2}.${more}`;
  return details(
    summary2,
    `${table2(["gate", "metric", "base", "PR", "result", "why"], rows, ["l", "l", "r", "r", "l", "l"])}${more}`
  );
}
function gateTally(facts) {
  const counts = facts.input.comparison.verdict.counts;
  const parts = [
    counts.fail > 0 ? `${grouped2(counts.fail)} failed` : "",
    counts.error > 0 ? `${grouped2(counts.error)} could not be evaluated` : "",
    counts.warn > 0 ? `${grouped2(counts.warn)} warned` : "",
    counts.pass > 0 ? `${grouped2(counts.pass)} passed` : "",
    counts.neutral > 0 ? `${grouped2(counts.neutral)} not compared` : ""
  ].filter((p) => p !== "");
  return `${count3(facts.gates.length, gateNoun(facts.input.comparison.gates))}, ${parts.join(", ")}`;
}
function gateRow(result, facts) {
  const settings = result.metric === void 0 ? void 0 : facts.input.displayFor?.(result.metric);
  return [
    shortenMiddle(result.gate.text, MAX_KEY),
    result.metric === void 0 ? "\u2014" : shortenMiddle(result.metric, MAX_KEY),
    result.base === void 0 ? "\u2014" : formatValue2(result.base, settings),
    result.head === void 0 ? "\u2014" : formatValue2(result.head, settings),
    GATE_MARK[result.status],
    shortenMiddle(shortReason(result, settings, runsOf(facts)), MAX_TEXT2)
  ];
}
function runsOf(facts) {
  const { head, base } = facts.input.comparison;
  return base === void 0 ? { head: head.runs } : { head: head.runs, base: base.runs };
}
function decidingSection(facts, plan) {
  const rows = facts.deciding.slice(0, plan.decidingRows);
  const rest = facts.deciding.length - rows.length;
  if (rows.length === 0)
    return rest > 0 ? `${count3(rest, "deciding row")} not shown: see the tables below.` : "";
  const body = table2(
    ["", "metric", "base", "PR", "change", "interval or p", "gate"],
    rows.map((row) => cachedRow(facts, row, () => decidingRow(row, facts))),
    ["l", "l", "r", "r", "r", "r", "l"]
  );
  const more = rest > 0 ? `

${count3(rest, facts.deciding.length - rest > 0 ? "more row" : "row")} (${rest === 1 ? "a gate or a change" : "gates and changes"}) in the tables below.` : "";
  return `${body}${more}`;
}
function decidingRow(row, facts) {
  const input = facts.input;
  if (row.kind === "gate") {
    const g = row.gate;
    const metric = g.metric === void 0 ? void 0 : metricOf(input, g.metric);
    const settings2 = g.metric === void 0 ? void 0 : input.displayFor?.(g.metric);
    const change = g.base !== void 0 && g.head !== void 0 && Number.isFinite(g.base) && Number.isFinite(g.head) ? changeText(roundNoise(g.head - g.base), g.base, settings2) : "\u2014";
    const p = g.statistics?.pAdjusted ?? g.statistics?.p;
    const spread = p !== void 0 ? `p = ${formatP2(p)}` : metric?.noise !== void 0 ? formatInterval(metric.noise.ci, settings2) : "\u2014";
    const gate = `${shortenMiddle(g.gate.text, MAX_KEY)}: ${shortenMiddle(shortReason(g, settings2, runsOf(facts)), 200)}`;
    return [
      GATE_MARK[g.status],
      g.metric === void 0 ? "\u2014" : shortenMiddle(g.metric, MAX_KEY),
      g.base === void 0 ? "\u2014" : formatValue2(g.base, settings2),
      g.head === void 0 ? "\u2014" : formatValue2(g.head, settings2),
      change,
      spread,
      gate
    ];
  }
  const m = row.metric;
  const settings = input.displayFor?.(m.key);
  const gates = facts.gates.filter((g) => g.metric === m.key);
  return [
    METRIC_MARK[m.status],
    shortenMiddle(m.key, MAX_KEY),
    m.base === void 0 ? "\u2014" : formatValue2(m.base, settings),
    m.head === void 0 ? "\u2014" : formatValue2(m.head, settings),
    m.delta === void 0 ? "\u2014" : changeText(m.delta, m.base, settings),
    m.noise === void 0 ? "\u2014" : formatInterval(m.noise.ci, settings),
    gates.length === 0 ? "no gate" : `passed: ${shortenMiddle(gates.map((g) => g.gate.text).join(", "), MAX_KEY)}`
  ];
}
function metricOf(input, key) {
  return input.comparison.metrics.find((m) => m.key === key);
}
function changeText(delta, base, settings) {
  const change = formatChange(delta, settings);
  if (settings?.percent === true || base === void 0 || base === 0 || !Number.isFinite(delta))
    return change;
  return `${change} (${formatPercent(delta / Math.abs(base) * 100)})`;
}
function extraSection(section) {
  let markdown = section.markdown.trim();
  for (const image of section.images) {
    if (image.url === void 0 || image.url === image.file) continue;
    const url = safeUrl(image.url);
    if (url === void 0) continue;
    markdown = markdown.split(`](${image.file})`).join(`](${url})`).split(`src="${image.file}"`).join(`src="${url}"`);
  }
  const title = escapeMarkdownText(shortenMiddle(section.title, MAX_KEY));
  return section.folded ? details(title, markdown) : `### ${title}

${markdown}`;
}
var METRIC_MARK = {
  regressed: "\u{1F534} regressed",
  improved: "\u{1F7E2} improved",
  "within-noise": "\u26AA within noise",
  unchanged: "\u26AA unchanged",
  changed: "\u{1F535} changed",
  added: "\u{1F195} added",
  removed: "\u2796 removed",
  "non-finite": "\u26A0\uFE0F non-finite",
  "no-baseline": ""
};
function metricsSection(facts, plan) {
  const metrics = facts.input.comparison.metrics;
  if (metrics.length === 0) return "";
  const parts = [];
  const shown2 = facts.changed.slice(0, plan.metricRows);
  if (!facts.hasBase) {
    if (shown2.length > 0)
      parts.push(
        details(
          `Metrics: ${count3(facts.changed.length, "metric")}`,
          table2(
            ["metric", "value"],
            shown2.map((m) => cachedRow(facts, m, () => noBaselineRow(m, facts.input))),
            ["l", "r"]
          )
        )
      );
  } else if (facts.changed.length === 0) {
    parts.push(facts.withinNoise.length > 0 ? "No metric changed beyond noise." : "No metric changed.");
  } else if (shown2.length > 0) {
    parts.push(details(`Metrics: ${count3(facts.changed.length, "change")}`, metricTable(shown2, facts)));
  }
  const hiddenRows = facts.changed.length - shown2.length;
  if (hiddenRows > 0) {
    const noun = shown2.length > 0 ? "more metric" : facts.hasBase ? "changed metric" : "metric";
    parts.push(`${count3(hiddenRows, noun)} not shown.`);
  }
  if (facts.withinNoise.length > 0) {
    const summary2 = `${count3(facts.withinNoise.length, "change")} within noise`;
    parts.push(
      plan.unchanged ? details(summary2, metricTable(facts.withinNoise, facts)) : `${summary2} not shown.`
    );
  }
  if (facts.unchanged.length > 0) {
    const summary2 = count3(facts.unchanged.length, "unchanged metric");
    parts.push(
      plan.unchanged ? details(summary2, metricTable(facts.unchanged, facts)) : `${summary2} not shown.`
    );
  }
  const notes = [
    facts.hasRepeats ? repeatsNote(facts) : "",
    noiseNote(facts),
    unknownNoiseNote(facts)
  ].filter((n) => n !== "");
  if (notes.length > 0) parts.push(`<sub>${notes.join(" ")}</sub>`);
  return parts.join("\n\n");
}
function repeatsNote(facts) {
  const { head, base } = facts.input.comparison;
  const runs = `The pull request has ${count3(head.runs, "run")}${base === void 0 ? "" : `, the baseline ${count3(base.runs, "run")}`}.`;
  return `${runs} With several runs (seeds, folds), a value is the mean \xB1 standard deviation over n runs.`;
}
function unknownNoiseNote(facts) {
  if (!facts.hasBase || !facts.changed.some((m) => m.delta !== void 0 && m.noise === void 0)) return "";
  return "A change without a range is one run against one run: its noise is unknown. Run repeats (seeds) on both sides or give the base branch's history to tell changes from noise.";
}
function noiseNote(facts) {
  if (!facts.hasBase) return "";
  const methods = new Set(facts.input.comparison.metrics.flatMap((m) => m.noise ? [m.noise.method] : []));
  if (methods.size === 0) return "";
  const from = [
    methods.has("welch") ? "the runs' own spread (Welch)" : "",
    methods.has("history") ? `the base branch's history${facts.input.comparison.history !== void 0 ? ` (${escapeMarkdownText(shortenMiddle(facts.input.comparison.history.label, MAX_KEY))})` : ""}` : ""
  ].filter((w) => w !== "").join(" or ");
  return `The range after a delta is its 95% interval, from ${from}; a change whose interval contains 0 is within noise, not a regression or an improvement.`;
}
function metricTable(metrics, facts) {
  return table2(
    ["metric", "base", "PR", "delta", "delta %", "status"],
    metrics.map((m) => cachedRow(facts, m, () => metricRow(m, facts.input))),
    ["l", "r", "r", "r", "r", "l"]
  );
}
function metricRow(m, input) {
  const settings = input.displayFor?.(m.key);
  const noise = m.noise;
  const delta = m.delta === void 0 ? "\u2014" : noise === void 0 ? formatChange(m.delta, settings) : `${formatChange(m.delta, settings)} (${formatInterval(noise.ci, settings)})`;
  return [
    shortenMiddle(m.key, MAX_KEY),
    sideText(m.base, m.repeats?.base, settings),
    sideText(m.head, m.repeats?.head, settings),
    delta,
    m.deltaPercent === void 0 ? "\u2014" : formatPercent(m.deltaPercent),
    METRIC_MARK[m.status]
  ];
}
function noBaselineRow(m, input) {
  const head = sideText(m.head, m.repeats?.head, input.displayFor?.(m.key));
  const flagged = m.head !== void 0 && !Number.isFinite(m.head) ? `\u26A0\uFE0F ${head}` : head;
  return [shortenMiddle(m.key, MAX_KEY), flagged];
}
function sideText(value, summary2, settings) {
  if (value === void 0) return "\u2014";
  if (summary2 === void 0 || summary2.n < 2) return formatValue2(value, settings);
  const sd = summary2.sd === void 0 ? "" : ` \xB1 ${formatValue2(summary2.sd, settings, SPREAD_DIGITS)}`;
  return `${formatValue2(summary2.mean, settings)}${sd} (n=${summary2.n})`;
}
function paramsSection(facts) {
  if (facts.params.length === 0) return "";
  const body = table2(
    ["parameter", "base", "PR"],
    facts.params.map(
      (p) => tableRow([
        shortenMiddle(p.key, MAX_KEY),
        paramText2(p.base, p.status === "added"),
        paramText2(p.head, p.status === "removed")
      ])
    ),
    ["l", "l", "l"]
  );
  return details(`Parameters: ${count3(facts.params.length, "change")}`, body);
}
function paramText2(value, absent) {
  if (absent || value === void 0) return "\u2014";
  if (value === null) return "null";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return String(value);
  return value === "" ? '""' : shortenMiddle(value, MAX_TEXT2);
}
var PIPELINE_CHANGE_WORD = {
  data: "input data",
  param: "parameter",
  command: "command",
  stage: "stage",
  code: "code",
  input: "input (another stage's output)",
  output: "output"
};
function pipelineSection(facts, plan) {
  const pipeline = facts.pipeline;
  if (pipeline === void 0) return "";
  const { diff, rows } = pipeline;
  const summary2 = `Pipeline (${escapeMarkdownText(shortenMiddle(diff.file, 80))}): ${pipelineSummary(diff)}${pipeline.data.length > 0 ? ", input data changed" : ""}`;
  const shown2 = rows.slice(0, plan.pipelineRows);
  if (shown2.length === 0) return `${summary2}; ${count3(rows.length, "change")} not shown.`;
  const body = table2(
    ["stage", "change", "path or key", "base", "PR"],
    shown2.map((row) => cachedRow(facts, row, () => pipelineRow(row))),
    ["l", "l", "l", "l", "l"]
  );
  const hidden = rows.length - shown2.length;
  const more = hidden > 0 ? `

${count3(hidden, shown2.length > 0 ? "more change" : "change")} not shown; the log of the step that compared lists every one.` : "";
  const notes = [
    pipeline.shownAsOutputs > 0 ? `${count3(pipeline.shownAsOutputs, "input")} made by another stage ${pipeline.shownAsOutputs === 1 ? "is" : "are"} listed once, as that stage's output.` : "",
    ...diff.notes.map((note) => escapeMarkdownText(shortenMiddle(note, MAX_TEXT2)))
  ].filter((n) => n !== "");
  const intro = `Against the dvc.lock of ${escapeMarkdownText(shortenMiddle(diff.base, MAX_KEY))}.`;
  const sub = notes.length > 0 ? `

<sub>${notes.join(" ")}</sub>` : "";
  return details(summary2, `${intro}

${body}${more}${sub}`);
}
function pipelineRow(row) {
  const word = PIPELINE_CHANGE_WORD[row.kind];
  const stages = row.stages.length > 3 ? `${row.stages.slice(0, 3).join(", ")} and ${grouped2(row.stages.length - 3)} more` : row.stages.join(", ");
  const subject = row.kind === "command" || row.kind === "stage" ? "\u2014" : row.subject;
  return [
    shortenMiddle(stages, MAX_KEY),
    `${word} ${row.status}`,
    shortenMiddle(subject, MAX_KEY),
    shortenMiddle(row.base, 200),
    shortenMiddle(row.head, 200)
  ];
}
function runSection(facts) {
  const run = facts.input.run;
  if (run === void 0) return "";
  const parts = [];
  if (run.commit !== void 0) {
    const commit = escapeMarkdownText(run.commit.slice(0, 7));
    parts.push(
      run.branch === void 0 ? `commit ${commit}` : `commit ${commit} on ${escapeMarkdownText(shortenMiddle(run.branch, MAX_KEY))}`
    );
  } else if (run.branch !== void 0) {
    parts.push(`branch ${escapeMarkdownText(shortenMiddle(run.branch, MAX_KEY))}`);
  }
  if (run.durationSeconds !== void 0) parts.push(`trained in ${formatDuration(run.durationSeconds)}`);
  if (run.runner !== void 0)
    parts.push(`runner ${escapeMarkdownText(shortenMiddle(run.runner, MAX_KEY))}`);
  const url = run.url === void 0 ? void 0 : safeUrl(run.url);
  if (url !== void 0) parts.push(`[CI run](${url})`);
  if (parts.length === 0) return "";
  return `Run: ${parts.join(" \xB7 ")}`;
}
function formatDuration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return formatNumber(seconds);
  if (seconds < 60)
    return `${formatNumber(seconds < 10 ? roundNoise(Math.round(seconds * 10) / 10) : Math.round(seconds))} s`;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const min = Math.floor(total % 3600 / 60);
  const s = total % 60;
  return h > 0 ? `${h} h ${min} min` : `${min} min ${s} s`;
}
function chartImage(chart) {
  const url = safeUrl(chart.url ?? chart.file);
  const alt = escapeMarkdownText(shortenMiddle(chart.alt, 1e3));
  return url === void 0 ? `*Chart not shown (not an http(s) or relative link):* ${alt}` : `![${alt}](${url})`;
}
function moreChartsSection(charts, notes) {
  if (charts.length === 0 && notes.length === 0) return "";
  const said = notes.map((note) => `*${escapeMarkdownText(shortenMiddle(note, MAX_TEXT2))}*`);
  const body = [...charts.map(chartImage), ...said].join("\n\n");
  if (charts.length === 0) return body;
  return details(`More charts: ${grouped2(charts.length)}`, body);
}
function sourcesSection(facts) {
  if (facts.sources.length === 0) return "";
  const lines = facts.sources.map(({ side: side2, source: source2 }) => {
    const warnings2 = source2.warnings.slice(0, MAX_WARNINGS_PER_FILE).map((w) => escapeMarkdownText(shortenMiddle(w, MAX_TEXT2)));
    const more = source2.warnings.length > MAX_WARNINGS_PER_FILE ? ` and ${grouped2(source2.warnings.length - MAX_WARNINGS_PER_FILE)} more` : "";
    const warned = warnings2.length > 0 ? ` \u2014 \u26A0\uFE0F ${count3(source2.warnings.length, "warning")}: ${warnings2.join("; ")}${more}` : "";
    return `- ${side2}: ${escapeMarkdownText(shortenMiddle(source2.file, MAX_TEXT2))} (${source2.format})${warned}`;
  });
  const warnings = facts.sources.reduce((n, s) => n + s.source.warnings.length, 0);
  const summary2 = `Files read: ${grouped2(facts.sources.length)}${warnings > 0 ? `, \u26A0\uFE0F ${count3(warnings, "warning")}` : ""}`;
  return details(summary2, lines.join("\n"));
}
function table2(header, rows, align) {
  const head = markdownTable([header], { align, alignDelimiters: false });
  return rows.length === 0 ? head : `${head}
${rows.join("\n")}`;
}
function tableRow(cells) {
  return `| ${cells.map(escapeTableCell).join(" | ")} |`;
}
function cachedRow(facts, source2, cells) {
  let row = facts.rows.get(source2);
  if (row === void 0) {
    row = tableRow(cells());
    facts.rows.set(source2, row);
  }
  return row;
}
function details(summary2, body) {
  return `<details><summary>${summary2}</summary>

${body}

</details>`;
}
function count3(n, noun) {
  return `${grouped2(n)} ${noun}${n === 1 ? "" : "s"}`;
}
function grouped2(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// packages/core/src/report/charts/change.ts
var STATUS_ORDER = ["regressed", "improved", "changed", "within-noise", "unchanged"];
var STATUS_WORDS = {
  regressed: "regressed",
  improved: "improved",
  changed: "changed (direction unknown)",
  "within-noise": "within noise",
  unchanged: "within tolerance"
};
var SORT_TIER = {
  regressed: 0,
  improved: 1,
  changed: 1,
  "within-noise": 2,
  unchanged: 3
};
var BAR_HEIGHT = 22;
var CHROME_HEIGHT = 96;
var WHISKER_CAP = 4;
var WHISKER_WIDTH = 1.5;
var WHISKER_ROOM = 16 + 26;
function changeChart(comparison, options = {}) {
  if (comparison.base === void 0) return void 0;
  const limit = Math.max(1, options.limit ?? 20);
  const moved = comparison.metrics.filter(
    (m) => m.delta !== void 0 && m.delta !== 0 && Number.isFinite(m.delta) && isBarStatus(m.status)
  );
  if (!moved.some((m) => m.status !== "unchanged")) return void 0;
  const percent = moved.some((m) => m.deltaPercent !== void 0);
  const drawable2 = percent ? moved.filter((m) => m.deltaPercent !== void 0) : moved;
  const zeroBase = percent ? moved.filter((m) => m.deltaPercent === void 0) : [];
  const candidates = drawable2.map((metric) => {
    const bar = {
      metric,
      status: metric.status,
      value: percent ? metric.deltaPercent : metric.delta
    };
    const interval2 = axisInterval(metric, percent);
    if (interval2 !== void 0) bar.interval = interval2;
    return bar;
  });
  candidates.sort(
    (a, b) => SORT_TIER[a.status] - SORT_TIER[b.status] || Math.abs(b.value) - Math.abs(a.value) || (a.metric.key < b.metric.key ? -1 : a.metric.key > b.metric.key ? 1 : 0)
  );
  const bars = candidates.slice(0, limit);
  const maxLabel = Math.max(8, options.maxLabel ?? 36);
  const labels = distinctLabels(
    bars.map((b) => b.metric.key),
    maxLabel
  );
  const present = STATUS_ORDER.filter((s) => bars.some((b) => b.status === s));
  const datasets = present.map((status) => ({
    label: STATUS_WORDS[status],
    data: bars.map((b) => b.status === status ? b.value : null),
    backgroundColor: STATUS_COLORS[status],
    borderWidth: 0,
    // One bar per row: the datasets only split the colours for the legend, they never share a row.
    grouped: false,
    barPercentage: 0.8,
    categoryPercentage: 0.9
  }));
  const formatChange2 = (value, key) => percent ? formatPercent(value) : formatDelta(value, options.displayFor?.(key).precision ?? 4);
  const format = (bar) => formatChange2(bar.value, bar.metric.key);
  const formatInterval2 = (bar) => bar.interval === void 0 ? "" : ` (${intervalLevel(bar)} interval ${formatChange2(bar.interval[0], bar.metric.key)} to ${formatChange2(bar.interval[1], bar.metric.key)})`;
  const whiskers = whiskerSentence(bars);
  const shown2 = bars.length < candidates.length ? `the ${bars.length} largest of ${candidates.length} changes` : void 0;
  const title = percent ? "Change from the baseline, % of its value" : "Change from the baseline";
  const subtitleParts = [];
  if (shown2 !== void 0) subtitleParts.push(`${capitalize(shown2)}, regressions first`);
  if (zeroBase.length > 0)
    subtitleParts.push(
      `not drawn (baseline 0, no percentage): ${middleEllipsis(zeroBase.map((m) => `${m.key} ${formatDelta(m.delta, 4)}`).join(", "), 90)}`
    );
  const subtitleLines = [
    ...subtitleParts.length > 0 ? [subtitleParts.join("; ")] : [],
    ...whiskers !== void 0 ? [whiskers] : []
  ];
  const base = baseOptions(title, subtitleLines[0]);
  if (subtitleLines.length > 1) base.plugins.subtitle.text = subtitleLines;
  const ends = bars.flatMap((b) => b.interval === void 0 ? [] : [b.value, ...b.interval]);
  const range = ends.length > 0 ? { suggestedMin: Math.min(0, ...ends), suggestedMax: Math.max(0, ...ends) } : {};
  const axis = axisOptions(percent ? "change, % of the baseline" : "change (pull request minus baseline)");
  const config = {
    type: "bar",
    data: { labels, datasets },
    options: {
      ...base,
      indexAxis: "y",
      layout: { padding: { top: 4, right: 64, bottom: 4, left: 8 } },
      plugins: {
        ...base.plugins,
        legend: {
          ...base.plugins?.legend,
          labels: { ...base.plugins?.legend?.labels, boxWidth: 12, boxHeight: 12 }
        }
      },
      scales: {
        x: {
          type: "linear",
          ...axis,
          ...range,
          // Room at both ends for the value written past each bar.
          grace: "15%",
          ticks: {
            ...axis.ticks,
            maxRotation: 0,
            callback: (v) => percent && typeof v === "number" ? `${tickLabel(v)}%` : tickLabel(v)
          },
          grid: {
            ...axis.grid,
            // The zero line is where "no change" is: darker and wider than the other gridlines.
            color: (ctx) => ctx.tick?.value === 0 ? ZERO_LINE_COLOR : GRID_COLOR,
            lineWidth: (ctx) => ctx.tick?.value === 0 ? 1.5 : 1
          }
        },
        y: {
          type: "category",
          ...axisOptions(void 0),
          grid: { display: false },
          ticks: { ...axisOptions(void 0).ticks, autoSkip: false }
        }
      }
    },
    // Whiskers first, so the values written past them stay on top.
    plugins: [
      ...ends.length > 0 ? [whiskerBars(bars.map((b) => b.interval))] : [],
      valueLabels(
        bars.map(format),
        bars.map((b) => b.interval)
      )
    ]
  };
  return {
    file: uniqueFileName("change", "metrics", options.takenFiles ?? /* @__PURE__ */ new Set()),
    title,
    alt: altText(candidates, bars, zeroBase, percent, format, formatInterval2, whiskers),
    config,
    width: CHART_WIDTH,
    height: CHROME_HEIGHT + BAR_HEIGHT * Math.max(bars.length, 2) + (whiskers !== void 0 ? WHISKER_ROOM : 0)
  };
}
function isBarStatus(status) {
  return STATUS_ORDER.includes(status);
}
function axisInterval(metric, percent) {
  const ci = metric.noise?.ci;
  if (ci === void 0 || !ci.every((v) => Number.isFinite(v))) return void 0;
  if (!percent) return [ci[0], ci[1]];
  if (metric.base === void 0 || metric.base === 0) return void 0;
  const scale = 100 / Math.abs(metric.base);
  return [roundNoise(ci[0] * scale), roundNoise(ci[1] * scale)];
}
function intervalLevel(bar) {
  return `${formatNumber((bar.metric.noise?.level ?? 0.95) * 100, 4)}%`;
}
function whiskerSentence(bars) {
  const drawn = bars.filter((b) => b.interval !== void 0);
  if (drawn.length === 0) return void 0;
  const methods = new Set(drawn.map((b) => b.metric.noise.method));
  const from = [
    methods.has("welch") ? "the runs' spread" : "",
    methods.has("history") ? "the base branch's history" : ""
  ].filter((w) => w !== "").join(", or ");
  return `Whiskers: ${intervalLevel(drawn[0])} interval of the change (from ${from})`;
}
function whiskerBars(intervals) {
  return {
    id: "mlci-whiskers",
    afterDatasetsDraw(chart) {
      const scale = chart.scales.x;
      if (scale === void 0) return;
      const ctx = chart.ctx;
      ctx.save();
      ctx.lineCap = "butt";
      chart.data.datasets.forEach((dataset, d) => {
        const meta = chart.getDatasetMeta(d);
        dataset.data.forEach((value, i2) => {
          const interval2 = intervals[i2];
          if (typeof value !== "number" || interval2 === void 0) return;
          const element = meta.data[i2];
          if (element === void 0) return;
          const [lo, hi] = interval2.map((v) => scale.getPixelForValue(v));
          const y = element.y;
          ctx.beginPath();
          ctx.moveTo(lo, y);
          ctx.lineTo(hi, y);
          for (const x2 of [lo, hi]) {
            ctx.moveTo(x2, y - WHISKER_CAP);
            ctx.lineTo(x2, y + WHISKER_CAP);
          }
          ctx.strokeStyle = WHISKER_COLOR;
          ctx.lineWidth = WHISKER_WIDTH;
          ctx.stroke();
        });
      });
      ctx.restore();
    }
  };
}
function valueLabels(texts, intervals = []) {
  return {
    id: "mlci-value-labels",
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const scale = chart.scales.x;
      ctx.save();
      ctx.font = `${FONT_SIZE}px ${CHART_FONT_FAMILY}`;
      ctx.fillStyle = MUTED_TEXT_COLOR;
      ctx.textBaseline = "middle";
      chart.data.datasets.forEach((dataset, d) => {
        const meta = chart.getDatasetMeta(d);
        dataset.data.forEach((value, i2) => {
          if (typeof value !== "number") return;
          const element = meta.data[i2];
          if (element === void 0) return;
          const right = value >= 0;
          const interval2 = intervals[i2];
          let x2 = element.x;
          if (interval2 !== void 0 && scale !== void 0) {
            const end = scale.getPixelForValue(right ? interval2[1] : interval2[0]);
            x2 = right ? Math.max(x2, end + WHISKER_WIDTH + 2) : Math.min(x2, end - WHISKER_WIDTH - 2);
          }
          ctx.textAlign = right ? "left" : "right";
          ctx.fillText(texts[i2] ?? "", x2 + (right ? 4 : -4), element.y);
        });
      });
      ctx.restore();
    }
  };
}
function altText(candidates, bars, zeroBase, percent, format, formatInterval2, whiskers) {
  const head = `Change of each metric from the baseline${percent ? " in percent of the baseline" : ""}, ${bars.length < candidates.length ? `the ${bars.length} largest of ${candidates.length}` : plural(bars.length, "metric")}`;
  const groups = STATUS_ORDER.map((status) => {
    const of = bars.filter((b) => b.status === status);
    if (of.length === 0) return "";
    const named2 = of.slice(0, 5).map((b) => `${b.metric.key} ${format(b)}${formatInterval2(b)}`);
    const more = of.length > 5 ? ` and ${of.length - 5} more` : "";
    return `${of.length} ${STATUS_WORDS[status]}: ${named2.join(", ")}${more}`;
  }).filter((t) => t !== "");
  const zero = zeroBase.length > 0 ? ` Not drawn because their baseline is 0: ${listWords(zeroBase.map((m) => `${m.key} ${formatDelta(m.delta, 4)}`))}.` : "";
  return `${head}.${whiskers !== void 0 ? ` ${whiskers}.` : ""} ${groups.join("; ")}.${zero}`;
}
function capitalize(text6) {
  return text6.length === 0 ? text6 : text6[0].toUpperCase() + text6.slice(1);
}

// packages/core/src/plots/metrics.ts
function trapezoidArea(x2, y) {
  let area = 0;
  for (let i2 = 1; i2 < x2.length; i2++) area += (x2[i2] - x2[i2 - 1]) * (y[i2] + y[i2 - 1]) / 2;
  return area;
}
function averagePrecision(recall, precision) {
  let ap = 0;
  let previous = 0;
  for (let i2 = 0; i2 < recall.length; i2++) {
    const r = recall[i2];
    if (r > previous) {
      ap += (r - previous) * precision[i2];
      previous = r;
    }
  }
  return ap;
}
function points(x2, y, t) {
  return x2.map((xi, i2) => ({ x: xi, y: y[i2], t: t?.[i2] }));
}
function rocCurve(file, fpr, tpr, thresholds) {
  const sorted = points(fpr, tpr, thresholds).sort((a, b) => a.x - b.x || a.y - b.y);
  const x2 = sorted.map((p) => p.x);
  const y = sorted.map((p) => p.y);
  const curve = { kind: "roc", file, fpr: x2, tpr: y, auc: trapezoidArea(x2, y) };
  if (thresholds !== void 0) curve.thresholds = sorted.map((p) => p.t);
  return curve;
}
function prCurve(file, recall, precision, thresholds, prevalence) {
  const sorted = points(recall, precision, thresholds).sort((a, b) => a.x - b.x || b.y - a.y);
  const r = sorted.map((p2) => p2.x);
  const p = sorted.map((q) => q.y);
  const curve = { kind: "pr", file, recall: r, precision: p, ap: averagePrecision(r, p) };
  if (thresholds !== void 0) curve.thresholds = sorted.map((q) => q.t);
  if (prevalence !== void 0) curve.prevalence = prevalence;
  return curve;
}
function rowTotals(matrix) {
  return matrix.counts.map((row) => row.reduce((a, b) => a + b, 0));
}
function rowShares(matrix) {
  const totals = rowTotals(matrix);
  return matrix.counts.map((row, i2) => row.map((c) => totals[i2] > 0 ? c / totals[i2] : 0));
}
function summarizeConfusion(matrix) {
  const totals = rowTotals(matrix);
  const total = totals.reduce((a, b) => a + b, 0);
  let diagonal = 0;
  let top;
  matrix.counts.forEach(
    (row, i2) => row.forEach((count4, j) => {
      if (i2 === j) diagonal += count4;
      else if (count4 > 0 && (top === void 0 || count4 > top.count))
        top = {
          actual: matrix.labels[i2],
          predicted: matrix.labels[j],
          count: count4,
          shareOfRow: count4 / totals[i2]
        };
    })
  );
  return { total, accuracy: matrix.integer && total > 0 ? diagonal / total : void 0, topConfusion: top };
}
function sortLabels(labels) {
  const unique = [...new Set(labels)];
  const numeric = unique.every((l) => l.trim() !== "" && Number.isFinite(Number(l)));
  return numeric ? unique.sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0)) : unique.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
}
function countPairs(file, actual, predicted) {
  const labels = sortLabels([...actual, ...predicted]);
  const index = new Map(labels.map((l, i2) => [l, i2]));
  const counts = labels.map(() => labels.map(() => 0));
  actual.forEach((a, i2) => counts[index.get(a)][index.get(predicted[i2])]++);
  return { kind: "confusion", file, labels, counts, integer: true };
}

// packages/core/src/report/charts/confusion.ts
var HEATMAP_COLOR = OKABE_ITO.blue;
var MISSING_CELL_COLOR = "#EEF1F4";
var MIN_TINT = 0.08;
var CHANGE_EPSILON = 0.05;
var CHANGE_FULL_SCALE = 20;
var CHROME_HEIGHT2 = 150;
function mixColor(a, b, t) {
  const k = Math.min(1, Math.max(0, t));
  const channel = (i2) => {
    const x2 = parseInt(a.slice(1 + 2 * i2, 3 + 2 * i2), 16);
    const y = parseInt(b.slice(1 + 2 * i2, 3 + 2 * i2), 16);
    return Math.round(x2 + (y - x2) * k).toString(16).padStart(2, "0");
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`.toUpperCase();
}
function shareColor(share) {
  return share <= 0 ? "#FFFFFF" : mixColor("#FFFFFF", HEATMAP_COLOR, MIN_TINT + (1 - MIN_TINT) * share);
}
function chooseClasses(labels, support2, max2) {
  if (labels.length <= max2) return { kept: [...labels], merged: [] };
  const ranked = [...labels].sort(
    (a, b) => (support2.get(b) ?? 0) - (support2.get(a) ?? 0) || labels.indexOf(a) - labels.indexOf(b)
  );
  const keep = new Set(ranked.slice(0, Math.max(1, max2 - 1)));
  return { kept: labels.filter((l) => keep.has(l)), merged: labels.filter((l) => !keep.has(l)) };
}
function supportOf(matrix, into = /* @__PURE__ */ new Map()) {
  const totals = rowTotals(matrix);
  matrix.labels.forEach((label, i2) => {
    const column2 = matrix.counts.reduce((sum, row) => sum + row[i2], 0);
    into.set(label, (into.get(label) ?? 0) + totals[i2] + column2);
  });
  return into;
}
function projectMatrix(matrix, kept, merged, other) {
  const labels = merged.length > 0 ? [...kept, other] : [...kept];
  const index = new Map(kept.map((l, i2) => [l, i2]));
  for (const l of merged) index.set(l, kept.length);
  const counts = labels.map(() => labels.map(() => 0));
  matrix.labels.forEach((a, i2) => {
    const r = index.get(a);
    matrix.labels.forEach((p, j) => {
      const c = index.get(p);
      if (r !== void 0 && c !== void 0) counts[r][c] += matrix.counts[i2][j];
    });
  });
  return { ...matrix, labels, counts };
}
function otherName(merged) {
  return `other (${merged.length})`;
}
function percentText(share) {
  const p = share * 100;
  if (p === 0) return "0%";
  if (p < 0.1) return "<0.1%";
  return `${p >= 9.95 ? Math.round(p) : Number(p.toFixed(1))}%`;
}
function countText(value, integer) {
  return integer ? String(value) : formatNumber(value, 3);
}
function rowHeight(n) {
  return Math.round(Math.min(64, Math.max(26, 560 / n)));
}
function accuracyText(accuracy) {
  return `${formatNumber(roundNoise(accuracy * 100), 3)}%`;
}
function ppText(delta) {
  const rounded = Number(delta.toFixed(1));
  if (rounded === 0) return "0 pp";
  return `${rounded > 0 ? "+" : "\u2212"}${Math.abs(rounded)} pp`;
}
function confusionCharts(head, base, options = {}) {
  const taken2 = options.takenFiles ?? /* @__PURE__ */ new Set();
  const specs = [confusionChart(head, base, { ...options, takenFiles: taken2 })];
  if (base !== void 0) {
    const change = confusionChangeChart(head, base, { ...options, takenFiles: taken2 });
    if (change !== void 0) specs.push(change);
  }
  return specs;
}
function confusionChart(head, base, options = {}) {
  const max2 = Math.max(2, options.maxClasses ?? 20);
  const { kept, merged } = chooseClasses(head.labels, supportOf(head), max2);
  const shown2 = projectMatrix(head, kept, merged, otherName(merged));
  const shares = rowShares(shown2);
  const cells = [];
  shown2.counts.forEach(
    (row, i2) => row.forEach((count4, j) => {
      const share = shares[i2][j];
      cells.push({
        x: shown2.labels[j],
        y: shown2.labels[i2],
        color: shareColor(share),
        lines: count4 === 0 ? ["0"] : [countText(count4, head.integer), percentText(share)],
        dark: share > 0.5
      });
    })
  );
  const summary2 = summarizeConfusion(head);
  const baseSummary = base === void 0 ? void 0 : summarizeConfusion(base);
  const named2 = options.name === void 0 ? "" : ` (${options.name})`;
  const title = `Confusion matrix${named2}${head.scope !== void 0 ? `, ${head.scope}` : ""}`;
  const notes = [
    head.integer ? `${plural(summary2.total, "example")}${summary2.accuracy !== void 0 ? `, accuracy ${accuracyText(summary2.accuracy)}` : ""}` : "values as given (not counts)"
  ];
  if (baseSummary?.accuracy !== void 0 && summary2.accuracy !== void 0)
    notes.push(
      `baseline ${accuracyText(baseSummary.accuracy)} (${ppText((summary2.accuracy - baseSummary.accuracy) * 100)})`
    );
  notes.push("colour is the share of each actual class");
  if (merged.length > 0)
    notes.push(`${merged.length} least frequent of ${head.labels.length} classes merged`);
  const file = uniqueFileName(
    "confusion",
    options.name === void 0 ? "matrix" : `matrix-${options.name}`,
    taken(options)
  );
  return {
    file,
    title,
    alt: matrixAlt(
      head,
      summary2,
      baseSummary,
      merged,
      named2 + (head.scope !== void 0 ? `, ${head.scope},` : "")
    ),
    config: heatmapConfig(shown2.labels, cells, title, capitalize2(notes.join("; "))),
    width: CHART_WIDTH,
    height: CHROME_HEIGHT2 + rowHeight(shown2.labels.length) * shown2.labels.length
  };
}
function taken(options) {
  return options.takenFiles ?? /* @__PURE__ */ new Set();
}
function confusionChangeChart(head, base, options = {}) {
  const max2 = Math.max(2, options.maxClasses ?? 20);
  const union = [...head.labels, ...base.labels.filter((l) => !head.labels.includes(l))];
  const support2 = supportOf(base, supportOf(head));
  const { kept, merged } = chooseClasses(union, support2, max2);
  const other = otherName(merged);
  const h = projectMatrix(
    head,
    kept.filter((l) => head.labels.includes(l)),
    merged.filter((l) => head.labels.includes(l)),
    other
  );
  const b = projectMatrix(
    base,
    kept.filter((l) => base.labels.includes(l)),
    merged.filter((l) => base.labels.includes(l)),
    other
  );
  const labels = merged.length > 0 ? [...kept, other] : kept;
  const hShares = rowShares(h);
  const bShares = rowShares(b);
  const hTotals = rowTotals(h);
  const bTotals = rowTotals(b);
  const share = (m, shares, totals, a, p) => {
    const i2 = m.labels.indexOf(a);
    const j = m.labels.indexOf(p);
    if (i2 < 0 || totals[i2] === 0) return void 0;
    return j < 0 ? 0 : shares[i2][j];
  };
  const count4 = (m, a, p) => {
    const i2 = m.labels.indexOf(a);
    const j = m.labels.indexOf(p);
    return i2 < 0 || j < 0 ? 0 : m.counts[i2][j];
  };
  const changes = [];
  const cells = [];
  let largest = 0;
  const deltas = labels.map(
    (a) => labels.map((p) => {
      const hs = share(h, hShares, hTotals, a, p);
      const bs = share(b, bShares, bTotals, a, p);
      return hs === void 0 || bs === void 0 ? void 0 : roundNoise((hs - bs) * 100);
    })
  );
  for (const row of deltas)
    for (const d of row) if (d !== void 0) largest = Math.max(largest, Math.abs(d));
  if (largest < CHANGE_EPSILON) return void 0;
  const fullScale = Math.min(CHANGE_FULL_SCALE, Math.max(largest, 5));
  labels.forEach(
    (a, i2) => labels.forEach((p, j) => {
      const d = deltas[i2][j];
      if (d === void 0) {
        cells.push({ x: p, y: a, color: MISSING_CELL_COLOR, lines: ["n/a"], dark: false });
        return;
      }
      const counts = `${countText(count4(b, a, p), b.integer)}\u2192${countText(count4(h, a, p), h.integer)}`;
      if (Math.abs(d) < CHANGE_EPSILON) {
        cells.push({ x: p, y: a, color: "#FFFFFF", lines: ["0", counts], dark: false });
        return;
      }
      const good = i2 === j ? d > 0 : d < 0;
      changes.push({ actual: a, predicted: p, delta: d, good });
      const t = Math.min(1, Math.abs(d) / fullScale);
      cells.push({
        x: p,
        y: a,
        color: mixColor("#FFFFFF", good ? STATUS_COLORS.improved : STATUS_COLORS.regressed, 0.1 + 0.9 * t),
        lines: [ppText(d), counts],
        dark: t > 0.55
      });
    })
  );
  const named2 = options.name === void 0 ? "" : ` (${options.name})`;
  const title = `Confusion matrix${named2}: change from the baseline`;
  const scopes = sideScopes(head, base);
  const subtitle = "Percentage points of each actual class, pull request minus baseline; blue better, orange-red worse; counts baseline\u2192pull request" + (scopes !== "" ? `; ${scopes}` : "") + (merged.length > 0 ? `; ${merged.length} least frequent of ${union.length} classes merged` : "");
  return {
    file: uniqueFileName(
      "confusion",
      options.name === void 0 ? "matrix-change" : `matrix-${options.name}-change`,
      taken(options)
    ),
    title,
    alt: changeAlt(head, base, changes, named2) + (scopes !== "" ? ` Counts: ${scopes}.` : ""),
    config: heatmapConfig(labels, cells, title, subtitle),
    width: CHART_WIDTH,
    height: CHROME_HEIGHT2 + rowHeight(labels.length) * labels.length
  };
}
function sideScopes(head, base) {
  const parts = [];
  if (head.scope !== void 0) parts.push(`pull request ${head.scope}`);
  if (base?.scope !== void 0) parts.push(`baseline ${base.scope}`);
  return parts.join(", ");
}
function heatmapConfig(labels, cells, title, subtitle) {
  const n = labels.length;
  const maxLabel = n > 10 ? 10 : 18;
  const display = distinctLabels(labels, maxLabel);
  const shortOf = new Map(labels.map((l, i2) => [l, display[i2]]));
  const base = baseOptions(title, subtitle);
  const axis = (name) => {
    const options = axisOptions(name);
    return {
      ...options,
      type: "category",
      labels: display,
      offset: true,
      grid: { display: false },
      border: { display: false },
      ticks: { ...options.ticks, autoSkip: false, maxRotation: 90 }
    };
  };
  return {
    type: "matrix",
    data: {
      datasets: [
        {
          label: "cells",
          data: cells.map((c) => ({ x: shortOf.get(c.x), y: shortOf.get(c.y) })),
          backgroundColor: cells.map((c) => c.color),
          borderColor: GRID_COLOR,
          borderWidth: 1,
          width: (ctx) => (ctx.chart.chartArea?.width ?? 0) / n,
          height: (ctx) => (ctx.chart.chartArea?.height ?? 0) / n
        }
      ]
    },
    options: {
      ...base,
      layout: { padding: { top: 4, right: 16, bottom: 4, left: 8 } },
      plugins: { ...base.plugins, legend: { display: false } },
      scales: { x: { ...axis("predicted"), position: "bottom" }, y: { ...axis("actual"), reverse: false } }
    },
    plugins: [cellText(cells)]
  };
}
function cellText(cells) {
  return {
    id: "mlci-cell-text",
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      meta.data.forEach((element, i2) => {
        const cell2 = cells[i2];
        if (cell2 === void 0) return;
        const { x: x2, y, width, height } = element.getProps(["x", "y", "width", "height"], true);
        const size = width >= 44 && height >= 30 ? 12 : 10;
        const twoLines = cell2.lines[1] !== void 0 && height >= 2 * size + 8 && width >= 36;
        if (width < 22 || height < size + 2) return;
        const cx = x2 + width / 2;
        const cy = y + height / 2;
        ctx.fillStyle = cell2.dark ? "#FFFFFF" : TEXT_COLOR;
        ctx.font = `600 ${size}px ${CHART_FONT_FAMILY}`;
        ctx.fillText(fit(ctx, cell2.lines[0], width - 4), cx, twoLines ? cy - size * 0.6 : cy);
        if (twoLines) {
          ctx.fillStyle = cell2.dark ? "#FFFFFF" : MUTED_TEXT_COLOR;
          ctx.font = `${size}px ${CHART_FONT_FAMILY}`;
          ctx.fillText(fit(ctx, cell2.lines[1], width - 4), cx, cy + size * 0.6);
        }
      });
      ctx.restore();
    }
  };
}
function fit(ctx, text6, width) {
  return ctx.measureText(text6).width <= width ? text6 : "";
}
function matrixAlt(head, summary2, baseSummary, merged, named2) {
  const classes = head.labels.length;
  const names = classes <= 8 ? ` (${listWords(head.labels.map((l) => middleEllipsis(l, 24)))})` : "";
  const parts = [
    `Confusion matrix${named2} of the pull request over ${plural(classes, "class", "classes")}${names}${head.integer ? `, ${plural(summary2.total, "example")}` : ", values as given rather than counts"}`
  ];
  if (summary2.accuracy !== void 0) {
    let text6 = `accuracy ${accuracyText(summary2.accuracy)}`;
    if (baseSummary?.accuracy !== void 0)
      text6 += `, baseline ${accuracyText(baseSummary.accuracy)} (${ppText((summary2.accuracy - baseSummary.accuracy) * 100)})`;
    parts.push(text6);
  }
  let sentence = `${parts.join(": ")}.`;
  const top = summary2.topConfusion;
  if (top !== void 0)
    sentence += ` Most frequent confusion: ${top.actual} predicted as ${top.predicted}, ${countText(top.count, head.integer)} (${percentText(top.shareOfRow)} of ${top.actual}).`;
  else sentence += " No example is confused with another class.";
  if (merged.length > 0)
    sentence += ` The ${merged.length} least frequent classes are drawn merged as "other".`;
  return sentence;
}
function changeAlt(head, base, changes, named2) {
  const better = changes.filter((c) => c.good).length;
  const worse = changes.length - better;
  const biggest = [...changes].sort((a, b3) => Math.abs(b3.delta) - Math.abs(a.delta)).slice(0, 3);
  const describe7 = (c) => `${c.actual} predicted as ${c.predicted} ${ppText(c.delta)} (${c.good ? "better" : "worse"})`;
  const h = summarizeConfusion(head);
  const b = summarizeConfusion(base);
  const accuracy = h.accuracy !== void 0 && b.accuracy !== void 0 ? ` Accuracy ${accuracyText(b.accuracy)} in the baseline, ${accuracyText(h.accuracy)} in the pull request.` : "";
  return `Change of the confusion matrix${named2} from the baseline, in percentage points of each actual class: ${plural(better, "cell")} better, ${plural(worse, "cell")} worse. Largest: ${biggest.map(describe7).join("; ")}.${accuracy}`;
}
function capitalize2(text6) {
  return text6.length === 0 ? text6 : text6[0].toUpperCase() + text6.slice(1);
}

// packages/core/src/report/charts/roc.ts
var ROC_HEIGHT = 440;
var CHANCE_COLOR = AXIS_COLOR;
var CHANCE_DASH = [2, 3];
function scoreText(value) {
  return value.toFixed(3);
}
function deltaText(head, base) {
  const d = roundNoise(head - base);
  const text6 = Math.abs(d).toFixed(3);
  return Number(text6) === 0 ? "unchanged" : `${d > 0 ? "+" : "\u2212"}${text6}`;
}
function thinPoints(x2, y, max2) {
  const all = x2.map((xi, i2) => ({ x: xi, y: y[i2] }));
  if (all.length <= max2) return all;
  const lengths = [0];
  for (let i2 = 1; i2 < all.length; i2++)
    lengths.push(lengths[i2 - 1] + Math.abs(all[i2].x - all[i2 - 1].x) + Math.abs(all[i2].y - all[i2 - 1].y));
  const total = lengths[lengths.length - 1];
  const out = [all[0]];
  let next = 1;
  for (let i2 = 1; i2 < all.length - 1; i2++) {
    if (lengths[i2] >= next * total / (max2 - 1)) {
      out.push(all[i2]);
      while (lengths[i2] >= next * total / (max2 - 1)) next++;
    }
  }
  out.push(all[all.length - 1]);
  return out;
}
function line(label, data, side2, stepped) {
  const isHead = side2 === "head";
  const color = seriesColor(0);
  return {
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth: isHead ? HEAD_LINE_WIDTH : BASE_LINE_WIDTH,
    borderDash: isHead ? [] : BASE_DASH,
    pointRadius: 0,
    pointHoverRadius: 0,
    fill: false,
    tension: 0,
    stepped: stepped ? "before" : false,
    // Lower order is drawn last: the pull request lies on top of the baseline and the chance line.
    order: isHead ? 0 : 1
  };
}
function chance(label, from, to) {
  return {
    label,
    data: [from, to],
    borderColor: CHANCE_COLOR,
    backgroundColor: CHANCE_COLOR,
    borderWidth: 1,
    borderDash: CHANCE_DASH,
    pointRadius: 0,
    pointHoverRadius: 0,
    fill: false,
    order: 2
  };
}
function unitAxis(title) {
  const axis = axisOptions(title);
  return {
    type: "linear",
    min: 0,
    max: 1,
    ...axis,
    ticks: { ...axis.ticks, stepSize: 0.2, callback: tickLabel, maxRotation: 0 }
  };
}
function curveConfig(title, subtitle, datasets, x2, y) {
  const base = baseOptions(title, subtitle);
  return {
    type: "line",
    data: { datasets },
    options: {
      ...base,
      parsing: false,
      plugins: {
        ...base.plugins,
        legend: {
          ...base.plugins?.legend,
          // The legend shows the dash of each line, so solid/dashed/dotted read without colour.
          labels: { ...base.plugins?.legend?.labels, useBorderRadius: false, boxHeight: 0 }
        }
      },
      scales: { x: unitAxis(x2), y: unitAxis(y) }
    }
  };
}
function named(options) {
  return { title: options.name === void 0 ? "" : ` (${options.name})` };
}
function fileName(stem, options) {
  const taken2 = options.takenFiles ?? /* @__PURE__ */ new Set();
  if (options.name !== void 0) return uniqueFileName(stem, options.name, taken2);
  let name = `${stem}.png`;
  for (let k = 2; taken2.has(name); k++) name = `${stem}-${k}.png`;
  taken2.add(name);
  return name;
}
function rocChart(head, base, options = {}) {
  const max2 = Math.max(10, options.maxPoints ?? 2e3);
  const n = named(options);
  const datasets = [
    line(`pull request (AUC ${scoreText(head.auc)})`, thinPoints(head.fpr, head.tpr, max2), "head", false)
  ];
  if (base !== void 0)
    datasets.push(
      line(`baseline (AUC ${scoreText(base.auc)})`, thinPoints(base.fpr, base.tpr, max2), "base", false)
    );
  datasets.push(chance("chance (AUC 0.5)", { x: 0, y: 0 }, { x: 1, y: 1 }));
  const title = `ROC curve${n.title}`;
  const scopes = sideScopes(head, base);
  const subtitle = (base === void 0 ? `AUC ${scoreText(head.auc)}` : `AUC ${scoreText(base.auc)} \u2192 ${scoreText(head.auc)} (${deltaText(head.auc, base.auc)})`) + (scopes !== "" ? `; ${scopes}` : "");
  const alt = `ROC curve${n.title}: true positive rate against false positive rate. The pull request's area under the curve (AUC) is ${scoreText(head.auc)}` + (base === void 0 ? "." : `, the baseline's ${scoreText(base.auc)} (${deltaText(head.auc, base.auc)}).`) + " The dotted diagonal is chance (AUC 0.5)." + (scopes !== "" ? ` Curves: ${scopes}.` : "");
  return {
    file: fileName("roc", options),
    title,
    alt,
    config: curveConfig(title, subtitle, datasets, "false positive rate", "true positive rate"),
    width: CHART_WIDTH,
    height: ROC_HEIGHT
  };
}
function precisionRecallChart(head, base, options = {}) {
  const max2 = Math.max(10, options.maxPoints ?? 2e3);
  const n = named(options);
  const datasets = [
    line(
      `pull request (AP ${scoreText(head.ap)})`,
      thinPoints(head.recall, head.precision, max2),
      "head",
      true
    )
  ];
  if (base !== void 0)
    datasets.push(
      line(`baseline (AP ${scoreText(base.ap)})`, thinPoints(base.recall, base.precision, max2), "base", true)
    );
  const prevalence = head.prevalence;
  if (prevalence !== void 0)
    datasets.push(
      chance(`chance (precision ${scoreText(prevalence)})`, { x: 0, y: prevalence }, { x: 1, y: prevalence })
    );
  const title = `Precision-recall curve${n.title}`;
  const scopes = sideScopes(head, base);
  const subtitle = (base === void 0 ? `Average precision (AP) ${scoreText(head.ap)}` : `Average precision (AP) ${scoreText(base.ap)} \u2192 ${scoreText(head.ap)} (${deltaText(head.ap, base.ap)})`) + (scopes !== "" ? `; ${scopes}` : "");
  const alt = `Precision-recall curve${n.title}: precision against recall. The pull request's average precision (AP) is ${scoreText(head.ap)}` + (base === void 0 ? "." : `, the baseline's ${scoreText(base.ap)} (${deltaText(head.ap, base.ap)}).`) + (prevalence !== void 0 ? ` The dotted line is chance: precision ${scoreText(prevalence)}, the share of positive examples.` : "") + (scopes !== "" ? ` Curves: ${scopes}.` : "");
  return {
    file: fileName("precision-recall", options),
    title,
    alt,
    config: curveConfig(title, subtitle, datasets, "recall", "precision"),
    width: CHART_WIDTH,
    height: ROC_HEIGHT
  };
}

// packages/core/src/report/charts/curves.ts
var FLAT_SHARE = 0.01;
var SIDE_COLORS = { head: OKABE_ITO.blue, base: OKABE_ITO.orange };
var SPLIT_WORDS = {
  train: "train",
  training: "train",
  val: "val",
  valid: "val",
  validation: "val",
  eval: "val",
  evaluation: "val",
  dev: "val",
  test: "test"
};
var SPLIT_ORDER = ["train", "val", "test"];
var PREFIX = /^(train|training|val|valid|validation|eval|evaluation|dev|test)[_\-/ ](.+)$/i;
var SUFFIX = /^(.+?)[_\-/ ](train|training|val|valid|validation|eval|evaluation|dev|test)$/i;
function parseCurveKey(key) {
  const segments = splitKey(key);
  if (segments.length > 1) {
    const i2 = segments.findIndex((s) => SPLIT_WORDS[s.toLowerCase()] !== void 0);
    if (i2 >= 0) {
      const rest = segments.filter((_, j) => j !== i2);
      return { measure: joinKey(rest), split: segments[i2] };
    }
  }
  const last = segments[segments.length - 1];
  const parent = segments.slice(0, -1);
  const prefix = PREFIX.exec(last);
  if (prefix !== null) return { measure: joinKey([...parent, prefix[2]]), split: prefix[1] };
  const suffix = SUFFIX.exec(last);
  if (suffix !== null) return { measure: joinKey([...parent, suffix[1]]), split: suffix[2] };
  return { measure: key };
}
function splitClass(split) {
  return split === void 0 ? void 0 : SPLIT_WORDS[split.toLowerCase()];
}
var BOOKKEEPING2 = /(^|[./])(epoch|epochs|step|steps|global_step|learning_rate|lr|lr[-_][a-z0-9]+|total_flos|flos)$/i;
var BOOKKEEPING_SUFFIX = /(^|[._/])([a-z]*_?runtime|[a-z]+_per_second|[a-z]+_per_sec)$/i;
var CLOCK = /(^|[./])(time|timestamp|wall_?time|_timestamp|created_at)$/i;
function isBookkeeping(key) {
  return BOOKKEEPING2.test(key) || BOOKKEEPING_SUFFIX.test(key) || CLOCK.test(key);
}
function flatRange(group, docs) {
  let min = Infinity;
  let max2 = -Infinity;
  for (const doc of docs)
    for (const member of group.members)
      for (const p of doc.series[member.key]?.points ?? [])
        if (Number.isFinite(p.value)) {
          min = Math.min(min, p.value);
          max2 = Math.max(max2, p.value);
        }
  if (!Number.isFinite(min)) return void 0;
  const scale = Math.max(Math.abs(min), Math.abs(max2));
  return max2 - min <= FLAT_SHARE * scale ? [min, max2] : void 0;
}
function drawable(series2) {
  return series2 !== void 0 && series2.points.length >= 2;
}
function curveGroups(head, base = []) {
  const keys = /* @__PURE__ */ new Set();
  for (const doc of [...head, ...base]) {
    for (const [key, series2] of Object.entries(doc.series)) if (drawable(series2)) keys.add(key);
  }
  const byMeasure = /* @__PURE__ */ new Map();
  const bare = [];
  for (const key of [...keys].sort()) {
    const { measure, split } = parseCurveKey(key);
    if (split === void 0) {
      bare.push(key);
      continue;
    }
    const list3 = byMeasure.get(measure) ?? [];
    list3.push({ key, split, label: split });
    byMeasure.set(measure, list3);
  }
  for (const key of bare) {
    const siblings = byMeasure.get(key);
    if (siblings === void 0) {
      byMeasure.set(key, [{ key, label: key }]);
    } else {
      const hasTrain = siblings.some((m) => splitClass(m.split) === "train");
      siblings.push({ key, label: hasTrain ? key : "train" });
    }
  }
  const groups = [];
  for (const [measure, members] of byMeasure) {
    members.sort((a, b) => memberRank(a) - memberRank(b) || a.key.localeCompare(b.key));
    const only = members.length === 1 ? members[0] : void 0;
    if (only !== void 0) only.label = only.key;
    groups.push({ key: only?.key ?? measure, members, reason: "other" });
  }
  return groups;
}
function memberRank(member) {
  const cls = member.label === "train" ? "train" : splitClass(member.split);
  const i2 = cls === void 0 ? -1 : SPLIT_ORDER.indexOf(cls);
  return i2 >= 0 ? i2 : SPLIT_ORDER.length;
}
function selectCurveGroups(head, base, options = {}) {
  const limit = Math.max(0, options.limit ?? 6);
  const groups = curveGroups(head, base ?? []);
  const docs = [...head, ...base ?? []];
  const gateRank = /* @__PURE__ */ new Map();
  const selectors = [];
  for (const result of options.comparison?.gates ?? []) {
    const rank = result.status === "fail" || result.status === "error" ? 0 : result.status === "warn" ? 1 : 2;
    if (result.metric !== void 0)
      gateRank.set(result.metric, Math.min(rank, gateRank.get(result.metric) ?? 9));
    else selectors.push(result.gate.selector);
  }
  const include = options.include ?? [];
  const regressed = new Set(
    (options.comparison?.metrics ?? []).filter((m) => m.status === "regressed").map((m) => m.key)
  );
  const skipped = [];
  const ranked = [];
  for (const group of groups) {
    const keys = group.members.map((m) => m.key);
    const names = [group.key, ...keys];
    let rank = Math.min(...names.map((k) => gateRank.get(k) ?? 9));
    if (rank === 9 && selectors.some((s) => matchKeys(s, keys).length > 0)) rank = 2;
    const requested = include.some((s) => matchKeys(s, names).length > 0);
    if (rank < 9) group.reason = "gate";
    else if (requested) {
      group.reason = "requested";
      rank = 3;
    } else if (isBookkeeping(group.key)) {
      group.reason = "bookkeeping";
      skipped.push({ group, why: "bookkeeping" });
      continue;
    } else if (keys.some((k) => regressed.has(k))) {
      group.reason = "regressed";
      rank = 4;
    } else if (group.members.some((m) => ["val", "test"].includes(splitClass(m.split) ?? ""))) {
      group.reason = "evaluation";
      rank = 5;
    } else {
      group.reason = "other";
      rank = 6;
    }
    const flat = rank >= 4 ? flatRange(group, docs) : void 0;
    if (flat !== void 0) {
      skipped.push({ group, why: "flat", range: flat });
      continue;
    }
    ranked.push({ group, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || compareText(a.group.key, b.group.key));
  skipped.sort((a, b) => compareText(a.group.key, b.group.key));
  const ordered = ranked.map((r) => r.group);
  return { chosen: ordered.slice(0, limit), omitted: ordered.slice(limit), skipped };
}
function compareText(a, b) {
  const x2 = a.toLowerCase();
  const y = b.toLowerCase();
  return x2 < y ? -1 : x2 > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
function curveCharts(head, base, options = {}) {
  const { chosen } = selectCurveGroups(head, base, options);
  const taken2 = options.takenFiles ?? /* @__PURE__ */ new Set();
  return chosen.map((group) => curveChart(group, head, base ?? [], options, taken2));
}
function meanSeries(runs) {
  if (runs.length < 2) return void 0;
  const byStep = runs.map((r) => new Map(r.points.map((p) => [p.step, p.value])));
  const shortest = Math.min(...runs.map((r) => r.points.length));
  const steps = runs[0].points.map((p) => p.step).filter((step) => byStep.every((m) => m.has(step)));
  if (steps.length < 2 || steps.length < shortest / 2) return void 0;
  const points2 = [];
  const lower = [];
  const upper = [];
  let nonFinite2 = 0;
  for (const step of steps) {
    const values2 = byStep.map((m) => m.get(step));
    const finite3 = values2.every(Number.isFinite);
    const value = finite3 ? values2.reduce((a, b) => a + b, 0) / values2.length : NaN;
    if (!finite3) nonFinite2++;
    points2.push({ step, value });
    lower.push(finite3 ? Math.min(...values2) : NaN);
    upper.push(finite3 ? Math.max(...values2) : NaN);
  }
  const finitePoints = points2.filter((p) => Number.isFinite(p.value));
  const values = finitePoints.map((p) => p.value);
  const series2 = {
    points: points2,
    stats: {
      ...runs[0].stats,
      count: points2.length,
      nonFinite: nonFinite2,
      last: points2[points2.length - 1],
      ...values.length > 0 ? {
        min: finitePoints.reduce((a, b) => b.value < a.value ? b : a),
        max: finitePoints.reduce((a, b) => b.value > a.value ? b : a)
      } : {}
    }
  };
  return { series: series2, lower, upper };
}
function memberStyle(role, side2) {
  const isHead = side2 === "head";
  if (role === "train") return { width: isHead ? 1.25 : 1, dash: isHead ? [] : BASE_DASH };
  if (role === "other") return { width: isHead ? 1.75 : 1.5, dash: isHead ? [2, 3] : [6, 3, 2, 3] };
  return { width: isHead ? HEAD_LINE_WIDTH : BASE_LINE_WIDTH, dash: isHead ? [] : BASE_DASH };
}
function memberRoles(members) {
  const roles = /* @__PURE__ */ new Map();
  let main = false;
  for (const m of members) {
    const cls = m.label === "train" ? "train" : splitClass(m.split);
    if (cls === "train" && members.length > 1) roles.set(m.key, "train");
    else if (!main) {
      roles.set(m.key, "main");
      main = true;
    } else roles.set(m.key, "other");
  }
  if (!main && members.length > 0) roles.set(members[0].key, "main");
  return roles;
}
function sideLines(member, side2, docs) {
  const runs = docs.flatMap((doc, run) => {
    const series2 = doc.series[member.key];
    return series2 === void 0 ? [] : [{ run, series: series2 }];
  });
  if (runs.length > 1) {
    const mean = meanSeries(runs.map((r) => r.series));
    if (mean !== void 0)
      return [
        {
          member,
          side: side2,
          run: -1,
          series: mean.series,
          band: { lower: mean.lower, upper: mean.upper, ends: runs.map((r) => r.series.stats.last.value) }
        }
      ];
  }
  return runs.map(({ run, series: series2 }) => ({ member, side: side2, run, series: series2 }));
}
function curveChart(group, head, base, options = {}, taken2 = /* @__PURE__ */ new Set()) {
  const cap = Math.max(10, options.maxPoints ?? DEFAULT_MAX_SERIES_POINTS);
  const lines = [];
  for (const member of group.members) {
    lines.push(...sideLines(member, "head", head), ...sideLines(member, "base", base));
  }
  const single = group.members.length === 1;
  const roles = memberRoles(group.members);
  let min = Infinity;
  let max2 = -Infinity;
  const see = (v) => {
    if (Number.isFinite(v)) {
      min = Math.min(min, v);
      max2 = Math.max(max2, v);
    }
  };
  for (const line2 of lines) {
    for (const p of line2.series.points) see(p.value);
    for (const v of line2.band?.lower ?? []) see(v);
    for (const v of line2.band?.upper ?? []) see(v);
  }
  const log = min > 0 && Number.isFinite(max2) && max2 / min > 100;
  const integerSteps = lines.every((l) => l.series.points.every((p) => Number.isInteger(p.step)));
  const headRuns = head.length;
  const baseRuns = base.length;
  const datasets = [];
  const labelled = /* @__PURE__ */ new Set();
  for (const line2 of lines) {
    const color = SIDE_COLORS[line2.side];
    const isHead = line2.side === "head";
    const side2 = isHead ? "pull request" : "baseline";
    const style = memberStyle(roles.get(line2.member.key) ?? "main", line2.side);
    const kept = capPoints(line2.series.points, cap);
    const sparse = kept.length <= 60;
    const sideName = line2.run === -1 ? `${side2}, mean` : side2;
    const name = single ? sideName : `${line2.member.label} (${sideName})`;
    const label = labelled.has(name) ? "" : name;
    labelled.add(name);
    const point2 = (p, v) => ({ x: p.step, y: Number.isFinite(v) ? v : null });
    if (line2.band !== void 0) {
      const index = new Map(line2.series.points.map((p, i2) => [p, i2]));
      const edge = {
        label: "",
        borderColor: withAlpha(color, 0),
        backgroundColor: withAlpha(color, 0),
        borderWidth: 0,
        pointRadius: 0,
        pointHoverRadius: 0,
        spanGaps: false,
        fill: false,
        tension: 0,
        order: 3,
        normalized: isSorted(kept)
      };
      const { lower, upper } = line2.band;
      datasets.push({
        ...edge,
        data: kept.map((p) => point2(p, upper[index.get(p)])),
        // The train split's band is fainter: the evaluation split's spread is what decides.
        mlciBandFill: withAlpha(color, roles.get(line2.member.key) === "train" ? 0.1 : 0.2)
      });
      datasets.push({ ...edge, data: kept.map((p) => point2(p, lower[index.get(p)])) });
    }
    const each2 = line2.run >= 0 && (isHead ? headRuns : baseRuns) > 1;
    datasets.push({
      label,
      data: kept.map((p) => point2(p, p.value)),
      borderColor: each2 ? withAlpha(color, 0.75) : color,
      backgroundColor: color,
      borderWidth: style.width * (each2 ? 0.7 : 1),
      borderDash: style.dash,
      pointRadius: sparse ? isHead ? 2.5 : 2 : 0,
      pointStyle: isHead ? "circle" : "rect",
      pointBorderWidth: 0,
      pointHoverRadius: 0,
      spanGaps: false,
      fill: false,
      tension: 0,
      // Lower order is drawn last, so the pull request's lines lie on top of the baseline's.
      order: isHead ? 0 : 1,
      normalized: isSorted(kept)
    });
  }
  const measure = single ? group.key : `${group.key}: ${group.members.map((m) => m.label).join(" vs ")}`;
  const notes = [];
  const averaged = lines.some((l) => l.band !== void 0);
  const eachDrawn = lines.some((l) => l.run >= 0 && (l.side === "head" ? headRuns : baseRuns) > 1);
  if (averaged) {
    notes.push(
      baseRuns > 1 && headRuns > 1 && baseRuns !== headRuns ? `lines: the mean of ${headRuns} runs of the pull request and ${baseRuns} of the baseline; shaded: from the lowest to the highest run` : `lines: the mean of ${plural(Math.max(headRuns, baseRuns), "run")}${headRuns > 1 && baseRuns > 1 ? " per side" : headRuns > 1 ? " of the pull request" : " of the baseline"}; shaded: from the lowest to the highest run`
    );
  }
  if (eachDrawn) {
    const runs = headRuns > 1 ? headRuns : baseRuns;
    notes.push(`${plural(runs, "run")}, logged at different steps, each drawn`);
  }
  const gaps = gapNotes(lines, single);
  if (gaps.length > 0) notes.push(`gaps are NaN or infinite values`);
  if (log) notes.push("log scale");
  const title = `${measure} by step`;
  const subtitle = notes.length > 0 ? capitalize3(notes.join("; ")) : void 0;
  const options_ = baseOptions(title, subtitle);
  const yAxis = axisOptions(void 0);
  const config = {
    type: "line",
    data: { datasets },
    ...averaged ? { plugins: [bandFill] } : {},
    options: {
      ...options_,
      parsing: false,
      plugins: {
        ...options_.plugins,
        legend: {
          ...options_.plugins?.legend,
          labels: {
            ...options_.plugins?.legend?.labels,
            // A zero-height box draws the line itself, dash and width included, not a filled box.
            boxHeight: 0,
            filter: (item) => item.text !== ""
          }
        }
      },
      scales: {
        x: {
          type: "linear",
          ...axisOptions("step"),
          ticks: {
            ...axisOptions("step").ticks,
            callback: tickLabel,
            maxRotation: 0,
            // Whole steps get whole ticks: no "step 0.5" on a three-epoch run.
            ...integerSteps ? { precision: 0 } : {}
          }
        },
        y: {
          type: log ? "logarithmic" : "linear",
          ...yAxis,
          // A log axis ends on round values (1, 2 or 5 times a power of ten) so both ends are labelled.
          ...log ? logBounds(min, max2) : {},
          ticks: {
            ...yAxis.ticks,
            callback: tickLabel,
            ...log ? { autoSkip: false } : { autoSkipPadding: 8 }
          }
        }
      }
    }
  };
  return {
    file: uniqueFileName("curve", group.key, taken2),
    title,
    alt: altText2(group, lines, { single, log, gaps, headRuns, baseRuns }, options),
    config,
    width: CHART_WIDTH,
    height: CURVE_HEIGHT
  };
}
function logBounds(min, max2) {
  const lo = niceLog(min, "down");
  const hi = niceLog(max2, "up");
  const ticks = [];
  for (let p = Math.floor(Math.log10(lo)) - 1; p <= Math.ceil(Math.log10(hi)) + 1; p++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** p).toPrecision(12));
      if (v >= lo && v <= hi) ticks.push(v);
    }
  }
  const values = ticks.length > 12 ? ticks.filter((v) => /^1(e|$)/.test(v.toExponential())) : ticks;
  if (!values.includes(lo)) values.unshift(lo);
  if (!values.includes(hi)) values.push(hi);
  return {
    min: lo,
    max: hi,
    afterBuildTicks: (axis) => {
      axis.ticks = values.map((value) => ({ value }));
    }
  };
}
function niceLog(value, way) {
  const power = Math.floor(Math.log10(value));
  const candidates = [];
  for (let p = power - 1; p <= power + 1; p++)
    for (const m of [1, 2, 5]) candidates.push(Number((m * 10 ** p).toPrecision(12)));
  return way === "down" ? Math.max(...candidates.filter((c) => c <= value)) : Math.min(...candidates.filter((c) => c >= value));
}
function isSorted(points2) {
  for (let i2 = 1; i2 < points2.length; i2++) if (!(points2[i2].step > points2[i2 - 1].step)) return false;
  return true;
}
function capPoints(points2, cap) {
  if (points2.length <= cap) return points2;
  const buckets = Math.max(1, Math.floor(cap / 5));
  const first = points2[0].step;
  const span = points2[points2.length - 1].step - first || 1;
  const keep = new Uint8Array(points2.length);
  let start = 0;
  for (let b = 0; b < buckets && start < points2.length; b++) {
    const end = b === buckets - 1 ? first + span + 1 : first + (b + 1) * span / buckets;
    let i2 = start;
    let lo = -1;
    let hi = -1;
    let bad = -1;
    for (; i2 < points2.length && (points2[i2].step < end || b === buckets - 1); i2++) {
      const v = points2[i2].value;
      if (!Number.isFinite(v)) {
        if (bad < 0) bad = i2;
        continue;
      }
      if (lo < 0 || v < points2[lo].value) lo = i2;
      if (hi < 0 || v > points2[hi].value) hi = i2;
    }
    if (i2 > start) {
      keep[start] = 1;
      keep[i2 - 1] = 1;
      if (lo >= 0) keep[lo] = 1;
      if (hi >= 0) keep[hi] = 1;
      if (bad >= 0) keep[bad] = 1;
    }
    start = i2;
  }
  return points2.filter((_, i2) => keep[i2] === 1);
}
function gapNotes(lines, single) {
  const notes = [];
  for (const line2 of lines) {
    if (line2.series.stats.nonFinite === 0) continue;
    const found = notes.find((n) => n.member === line2.member && n.side === line2.side);
    if (found !== void 0) found.count += line2.series.stats.nonFinite;
    else notes.push({ member: line2.member, side: line2.side, count: line2.series.stats.nonFinite });
  }
  return notes.map((n) => {
    const whose = n.side === "head" ? "the pull request's" : "the baseline's";
    const curve = single ? "curve" : `${n.member.label} curve`;
    return `${whose} ${curve} has ${plural(n.count, "NaN or infinite value")}, drawn as ${n.count === 1 ? "a gap" : "gaps"}`;
  });
}
function altText2(group, lines, facts, options) {
  const parts = group.members.map((member) => {
    const settings = options.displayFor?.(member.key);
    const of = (side2) => lines.filter((l) => l.member === member && l.side === side2);
    const ends = (side2) => of(side2).map((l) => l.series.stats.last.value);
    const range = (values) => {
      const finite3 = values.filter(Number.isFinite);
      if (finite3.length === 0) return `non-finite in all ${values.length} runs`;
      const lo = Math.min(...finite3);
      const hi = Math.max(...finite3);
      return lo === hi ? `all ${values.length} runs at ${formatValue(lo, settings)}` : `runs between ${formatValue(lo, settings)} and ${formatValue(hi, settings)}`;
    };
    const describe7 = (values) => {
      if (values.length === 1) return `at ${formatValue(values[0], settings)}`;
      const finite3 = values.filter(Number.isFinite);
      if (finite3.length === 0) return `on non-finite values in all ${values.length} runs`;
      const lo = Math.min(...finite3);
      const hi = Math.max(...finite3);
      return lo === hi ? `at ${formatValue(lo, settings)} in all ${values.length} runs` : `between ${formatValue(lo, settings)} and ${formatValue(hi, settings)} over ${values.length} runs`;
    };
    const mean = (side2) => of(side2).find((l) => l.band !== void 0);
    const who = facts.single ? "" : `${member.label}: `;
    const text6 = [];
    const h = ends("head");
    const b = ends("base");
    const headMean = mean("head");
    const baseMean = mean("base");
    if (headMean !== void 0)
      text6.push(
        `pull request's mean of ${headMean.band.ends.length} runs ends at ${formatValue(headMean.series.stats.last.value, settings)} (${range(headMean.band.ends)})`
      );
    else if (h.length > 0) text6.push(`pull request ends ${describe7(h)}`);
    else text6.push("not in the pull request");
    if (baseMean !== void 0) {
      const change = headMean !== void 0 ? changeText2(headMean.series.stats.last.value, baseMean.series.stats.last.value) : "";
      text6.push(
        `baseline's ${headMean !== void 0 ? "at" : `mean of ${baseMean.band.ends.length} runs ends at`} ${formatValue(baseMean.series.stats.last.value, settings)} (${range(baseMean.band.ends)})${change}`
      );
    } else if (b.length > 0) {
      let change = "";
      if (h.length === 1 && b.length === 1) change = changeText2(h[0], b[0]);
      text6.push(`baseline ${describe7(b)}${change}`);
    } else if (facts.baseRuns > 0) text6.push("not in the baseline");
    return `${who}${text6.join(", ")}`;
  });
  const sentence = `${group.members.length === 1 ? group.key : `${group.key} (${listWords(group.members.map((m) => m.label))})`} by step${facts.log ? ", log scale" : ""}: ${parts.join("; ")}.`;
  const extra = facts.gaps.map((g) => `${capitalize3(g)}.`);
  return [sentence, ...extra].join(" ");
}
function changeText2(head, base) {
  if (!Number.isFinite(head) || !Number.isFinite(base)) return "";
  const delta = roundNoise(head - base);
  if (delta === 0) return ", unchanged";
  return base !== 0 ? ` (change ${formatPercent(roundNoise(delta / Math.abs(base) * 100))})` : ` (change ${formatDelta(delta, 4)})`;
}
function capitalize3(text6) {
  return text6.length === 0 ? text6 : text6[0].toUpperCase() + text6.slice(1);
}

// packages/core/src/report/charts/history.ts
var BAND_LOOKBACK = 5;
var BAND_Z = 2;
var BAND_CAPTION = `Shaded: where a point lands if nothing changed, the mean of the ${BAND_LOOKBACK} commits before it \xB1 ${BAND_Z} standard errors of run-to-run noise`;
function noiseBand(values, runs, sd) {
  const lower = [];
  const upper = [];
  const before = [];
  values.forEach((value, i2) => {
    const n = Math.max(1, runs[i2] ?? 1);
    const previous = before.slice(-BAND_LOOKBACK);
    const m = previous.reduce((sum, p) => sum + p.runs, 0);
    if (m === 0 || !(sd >= 0) || !Number.isFinite(sd)) {
      lower.push(null);
      upper.push(null);
    } else {
      const centre = previous.reduce((sum, p) => sum + p.value * p.runs, 0) / m;
      const half = BAND_Z * sd * Math.sqrt(1 / n + 1 / m);
      lower.push(centre - half);
      upper.push(centre + half);
    }
    if (value !== null && value !== void 0 && Number.isFinite(value)) before.push({ value, runs: n });
  });
  return { lower, upper };
}
function valueOf(doc, key) {
  if (Object.hasOwn(doc.metrics, key)) return doc.metrics[key];
  return doc.series[key]?.stats.last.value;
}
function historyChart(history, keys, current, options = {}) {
  const usable = keys.filter((key) => history.filter((h) => valueOf(h.doc, key) !== void 0).length >= 2);
  if (usable.length === 0) return void 0;
  const labels = [...history.map((h) => h.label), ...current === void 0 ? [] : [current.label]];
  const last = history.length - 1;
  const datasets = [];
  const nonFinite2 = [];
  const bands = /* @__PURE__ */ new Map();
  usable.forEach((key, k) => {
    const color = seriesColor(k);
    const values = history.map((h) => valueOf(h.doc, key));
    const bad = values.filter((v) => v !== void 0 && !Number.isFinite(v)).length;
    if (bad > 0) nonFinite2.push(`${key} has ${plural(bad, "NaN or infinite value")}`);
    const points2 = values.map((v) => v !== void 0 && Number.isFinite(v) ? v : null);
    const sd = options.noiseOf?.(key);
    if (sd !== void 0 && Number.isFinite(sd) && sd > 0) {
      const entries = current === void 0 ? history : [...history, current];
      const band = noiseBand(
        entries.map((h) => valueOf(h.doc, key)),
        entries.map((h) => h.runs ?? 1),
        sd
      );
      bands.set(key, { sd, band });
      const edge = {
        label: "",
        borderColor: withAlpha(color, 0.35),
        backgroundColor: withAlpha(color, 0.35),
        borderWidth: 1,
        pointRadius: 0,
        pointHoverRadius: 0,
        spanGaps: false,
        tension: 0,
        order: 2
      };
      datasets.push({ ...edge, data: band.upper, mlciBandFill: withAlpha(color, 0.14) });
      datasets.push({ ...edge, data: band.lower });
    }
    datasets.push({
      label: key,
      data: current === void 0 ? points2 : [...points2, null],
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2,
      pointRadius: 3,
      pointBorderWidth: 0,
      pointHoverRadius: 0,
      spanGaps: true,
      tension: 0,
      order: 1
    });
    const now = current === void 0 ? void 0 : valueOf(current.doc, key);
    if (current !== void 0 && now !== void 0 && Number.isFinite(now)) {
      const previous = points2[last] ?? null;
      const data = labels.map(() => null);
      data[last] = previous;
      data[last + 1] = now;
      datasets.push({
        label: "",
        data,
        borderColor: color,
        backgroundColor: color,
        borderWidth: 2,
        borderDash: [4, 4],
        // The pull request's point is a bigger diamond; the joint with the last commit is not redrawn.
        pointRadius: data.map((_, i2) => i2 === last + 1 ? 7 : 0),
        pointStyle: "rectRot",
        pointBorderWidth: 0,
        pointHoverRadius: 0,
        spanGaps: false,
        tension: 0,
        order: 0
      });
    }
  });
  const branch = options.branch === void 0 ? "the base branch" : options.branch;
  const title = `${usable.join(", ")} on ${branch} over the last ${plural(history.length, "commit")}`;
  const subtitles = [
    ...current !== void 0 ? [
      current.label === "this pull request" ? "The diamond is this pull request." : `The diamond is this pull request (${current.label}).`
    ] : [],
    ...bands.size > 0 ? [`${BAND_CAPTION}.`] : []
  ];
  const base = baseOptions(title, subtitles.length > 0 ? subtitles.join(" ") : void 0);
  const config = {
    type: "line",
    data: { labels, datasets },
    ...bands.size > 0 ? { plugins: [bandFill] } : {},
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        // One line each: the two sentences do not fit the chart's width together.
        subtitle: { ...base.plugins?.subtitle, text: subtitles },
        legend: {
          ...base.plugins?.legend,
          display: usable.length > 1,
          labels: { ...base.plugins?.legend?.labels, filter: (item) => item.text !== "" }
        }
      },
      scales: {
        x: {
          type: "category",
          ...axisOptions(void 0),
          ticks: { ...axisOptions(void 0).ticks, maxRotation: 0, autoSkipPadding: 12 }
        },
        y: {
          type: "linear",
          ...axisOptions(void 0),
          ticks: { ...axisOptions(void 0).ticks, callback: tickLabel }
        }
      }
    }
  };
  const alt = usable.map((key) => {
    const settings = options.displayFor?.(key);
    const seen = history.map((h) => ({ label: h.label, value: valueOf(h.doc, key) })).filter((p) => p.value !== void 0);
    const first = seen[0];
    const end = seen[seen.length - 1];
    const finite3 = seen.map((p) => p.value).filter(Number.isFinite);
    const range = finite3.length > 0 ? `, between ${formatValue(Math.min(...finite3), settings)} and ${formatValue(Math.max(...finite3), settings)}` : "";
    const now = current === void 0 ? void 0 : valueOf(current.doc, key);
    const pr = current === void 0 ? "" : now === void 0 ? "; not in the pull request" : `; the pull request has ${formatValue(now, settings)}`;
    const shaded = bands.get(key);
    let band = "";
    if (shaded !== void 0) {
      band = `; noise band \xB1${BAND_Z} standard errors with a run-to-run noise of ${formatValue(shaded.sd, settings)}`;
      const at = history.length;
      const [low, high] = [shaded.band.lower[at], shaded.band.upper[at]];
      if (current !== void 0 && now !== void 0 && Number.isFinite(now) && low != null && high != null)
        band += `, the pull request ${now < low ? "below it" : now > high ? "above it" : "inside it"} (${formatValue(low, settings)} to ${formatValue(high, settings)})`;
    }
    return `${key} went from ${formatValue(first.value, settings)} at ${first.label} to ${formatValue(end.value, settings)} at ${end.label}${range}${pr}${band}`;
  });
  const gaps = nonFinite2.length > 0 ? ` ${capitalize4(listWords(nonFinite2))}, left out of the line.` : "";
  return {
    file: uniqueFileName(
      "history",
      usable.length === 1 ? usable[0] : "metrics",
      options.takenFiles ?? /* @__PURE__ */ new Set()
    ),
    title,
    alt: `${usable.join(", ")} across ${plural(history.length, "commit")} of ${branch}, oldest first: ${alt.join(". ")}.${gaps}`,
    config,
    width: CHART_WIDTH,
    height: HISTORY_HEIGHT
  };
}
function capitalize4(text6) {
  return text6.length === 0 ? text6 : text6[0].toUpperCase() + text6.slice(1);
}

// packages/core/src/report/charts/select.ts
function planCharts(input, options = {}) {
  const taken2 = /* @__PURE__ */ new Set();
  const specs = [];
  const notes = [];
  const displayFor = input.displayFor;
  const change = changeChart(input.comparison, {
    ...options.maxBars !== void 0 ? { limit: options.maxBars } : {},
    ...displayFor !== void 0 ? { displayFor } : {},
    takenFiles: taken2
  });
  if (change !== void 0) specs.push(change);
  if (input.confusion !== void 0) {
    specs.push(...confusionCharts(input.confusion.head, input.confusion.base, { takenFiles: taken2 }));
  }
  if (input.roc !== void 0) specs.push(rocChart(input.roc.head, input.roc.base, { takenFiles: taken2 }));
  if (input.pr !== void 0) {
    specs.push(precisionRecallChart(input.pr.head, input.pr.base, { takenFiles: taken2 }));
  }
  const limit = options.maxCurves ?? 6;
  const include = options.curves ?? [];
  const selection = selectCurveGroups(input.head, input.base, {
    limit,
    comparison: input.comparison,
    include
  });
  const curves = curveCharts(input.head, input.base, {
    limit,
    comparison: input.comparison,
    include,
    takenFiles: taken2,
    ...displayFor !== void 0 ? { displayFor } : {}
  });
  const explaining = selection.chosen.findIndex(
    (g) => g.reason === "gate" && gateRankOf(input.comparison, g) <= 1
  );
  if (explaining >= 0) specs.unshift(curves.splice(explaining, 1)[0]);
  specs.push(...curves);
  if (selection.omitted.length > 0) {
    const names = selection.omitted.map((g) => g.key);
    const shown2 = names.slice(0, 10);
    const more = names.length > shown2.length ? ` and ${names.length - shown2.length} more` : "";
    notes.push(
      `${plural(selection.omitted.length, "more training curve")} not drawn (at most ${limit} are): ${shown2.join(", ")}${more}.`
    );
  }
  const bookkeeping = selection.skipped.filter((s) => s.why === "bookkeeping").map((s) => s.group.key);
  if (bookkeeping.length > 0)
    notes.push(
      `Bookkeeping series not drawn: ${listWords(bookkeeping)} (name one under report.curves in .mlci.yml to draw it).`
    );
  const flat = selection.skipped.filter((s) => s.why === "flat");
  if (flat.length > 0)
    notes.push(
      `Flat, so not drawn (every value within ${FLAT_SHARE * 100}% of the largest): ${flat.map((s) => {
        const [lo, hi] = s.range;
        const settings = displayFor?.(s.group.members[0].key);
        return lo === hi ? `${s.group.key} ${formatValue(lo, settings)}` : `${s.group.key} ${formatValue(lo, settings)} to ${formatValue(hi, settings)}`;
      }).join("; ")}.`
    );
  if (input.history !== void 0 && input.history.length > 0) {
    const keys = input.historyKeys ?? defaultHistoryKeys(input, options.maxHistoryKeys ?? 3);
    const current = {
      label: "this pull request",
      doc: { ...input.head[0], metrics: meanMetrics(input.head) },
      runs: input.head.length
    };
    const noise = new Map(
      input.comparison.metrics.flatMap(
        (m) => m.noise?.history !== void 0 ? [[m.key, m.noise.history]] : []
      )
    );
    const history = historyChart(input.history, keys, input.head.length > 0 ? current : void 0, {
      takenFiles: taken2,
      noiseOf: (key) => noise.get(key)?.sd,
      ...displayFor !== void 0 ? { displayFor } : {},
      ...input.branch !== void 0 ? { branch: input.branch } : {}
    });
    if (history !== void 0) specs.push(history);
    const banded = keys.filter((key) => noise.has(key));
    if (history !== void 0 && banded.length > 0) {
      const records = noise.get(banded[0]).records;
      notes.push(
        `The history chart's shaded band: where a point lands if nothing changed, the mean of the ${BAND_LOOKBACK} commits before it \xB1 ${BAND_Z} standard errors of the run-to-run noise that the statistics estimated from ${plural(records, "record")} of the base branch (a point of n runs after m runs: ${BAND_Z}\u03C3\u221A(1/n + 1/m)). About 1 point in 20 lands outside it by chance.`
      );
    }
    if (history === void 0 && keys.length > 0)
      notes.push(
        `No history chart: fewer than two past commits of the base branch have ${listWords(keys.map((k) => k))}.`
      );
  }
  return { specs, omittedCurves: selection.omitted, notes };
}
function gateRankOf(comparison, group) {
  const names = /* @__PURE__ */ new Set([group.key, ...group.members.map((m) => m.key)]);
  let rank = 9;
  for (const result of comparison.gates) {
    if (result.metric === void 0 || !names.has(result.metric)) continue;
    const r = result.status === "fail" || result.status === "error" ? 0 : result.status === "warn" ? 1 : 2;
    rank = Math.min(rank, r);
  }
  return rank;
}
function defaultHistoryKeys(input, max2) {
  const order = { fail: 0, error: 0, warn: 1, pass: 2, neutral: 3 };
  const gated = [...input.comparison.gates].filter((g) => g.metric !== void 0).sort((a, b) => order[a.status] - order[b.status]).map((g) => g.metric);
  const history = input.history ?? [];
  const present = [...new Set(gated)].filter(
    (key) => history.filter((h) => Object.hasOwn(h.doc.metrics, key) && Number.isFinite(h.doc.metrics[key])).length >= 2
  );
  if (present.length === 0) return [];
  const magnitude = (key) => {
    const values = history.map((h) => Math.abs(h.doc.metrics[key] ?? NaN)).filter(Number.isFinite);
    return values.length === 0 ? 0 : Math.max(...values);
  };
  const reference = magnitude(present[0]);
  return present.filter((key) => {
    const m = magnitude(key);
    return reference === 0 ? m === 0 : m > 0 && m / reference <= 10 && reference / m <= 10;
  }).slice(0, Math.max(1, max2));
}
function chartImage2(spec) {
  return { file: spec.file, alt: spec.alt, title: spec.title, width: spec.width, height: spec.height };
}

// packages/core/src/report/build.ts
var DEFAULT_REPORT_ID = "mlci";
async function buildReport(input) {
  const config = input.config;
  const displayFor = config === void 0 ? void 0 : (key) => {
    const { precision, unit, percent } = settingsFor(config, key);
    const settings = {};
    if (precision !== void 0) settings.precision = precision;
    if (unit !== void 0) settings.unit = unit;
    if (percent !== void 0) settings.percent = percent;
    return settings;
  };
  const plan = planCharts(
    {
      comparison: input.comparison,
      head: input.head,
      ...input.base !== void 0 ? { base: input.base } : {},
      ...input.history !== void 0 ? { history: input.history } : {},
      ...input.branch !== void 0 ? { branch: input.branch } : {},
      ...input.confusion !== void 0 ? { confusion: input.confusion } : {},
      ...input.roc !== void 0 ? { roc: input.roc } : {},
      ...input.pr !== void 0 ? { pr: input.pr } : {},
      ...displayFor !== void 0 ? { displayFor } : {}
    },
    {
      maxCurves: input.maxCurves ?? config?.report.maxCurves ?? 6,
      ...config?.report.curves !== void 0 ? { curves: config.report.curves } : {}
    }
  );
  const charts = [];
  const chartNotes = [...plan.notes, ...input.plotNotes ?? []];
  try {
    const { renderChart } = await import("./render-AWHEFOFH.js");
    for (const spec of plan.specs) {
      const png = await renderChart(spec.config, { width: spec.width, height: spec.height });
      charts.push({ ...chartImage2(spec), png });
    }
  } catch (error) {
    if (!(error instanceof ChartsUnavailableError)) throw error;
    charts.length = 0;
    chartNotes.unshift(`No charts: ${error.message}.`);
  }
  const reportInput = {
    id: input.id ?? config?.report.id ?? DEFAULT_REPORT_ID,
    comparison: input.comparison,
    head: input.head,
    charts: charts.map(({ png: _png, ...image }) => image)
  };
  const title = input.title ?? config?.report.title;
  if (title !== void 0) reportInput.title = title;
  if (input.base !== void 0) reportInput.base = input.base;
  if (input.run !== void 0) reportInput.run = input.run;
  if (input.baseline !== void 0) reportInput.baseline = input.baseline;
  if (displayFor !== void 0) reportInput.displayFor = displayFor;
  if (chartNotes.length > 0) reportInput.chartNotes = chartNotes;
  if (input.fullReportUrl !== void 0) reportInput.fullReportUrl = input.fullReportUrl;
  if (input.extra !== void 0 && input.extra.sections.length > 0)
    reportInput.extraSections = input.extra.sections;
  if (input.pipeline !== void 0) reportInput.pipeline = input.pipeline;
  const markdown = renderMarkdown(
    reportInput,
    input.maxLength !== void 0 ? { maxLength: input.maxLength } : {}
  );
  return {
    ...markdown,
    input: reportInput,
    charts,
    ...input.extra !== void 0 && input.extra.images.length > 0 ? { extraImages: input.extra.images } : {}
  };
}

// packages/core/src/report/folder.ts
var import_node_fs12 = __toESM(require_node_fs(), 1);
var import_promises4 = __toESM(require_promises(), 1);
var import_node_path11 = __toESM(require_node_path(), 1);
var REPORT_FILES = { markdown: "report.md", json: "report.json", preview: "index.html" };
var SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.png$/;
var EXTRA_NAME = /^extra-[A-Za-z0-9_-]+\.(png|jpg)$/;
async function writeReportFolder(dir, report, options = {}) {
  const preview = options.preview ?? true;
  if ((0, import_node_fs12.existsSync)(dir) && !(await (0, import_promises4.stat)(dir)).isDirectory()) {
    throw new ConfigurationError(`${dir}: is a file; expected a folder to write the report into`);
  }
  await (0, import_promises4.mkdir)(dir, { recursive: true });
  const previous = await previousFiles(dir);
  const written = [];
  for (const chart of report.charts) {
    if (!SAFE_NAME.test(chart.file))
      throw new Error(`chart file name ${JSON.stringify(chart.file)} is not safe`);
    await writeAtomically((0, import_node_path11.join)(dir, chart.file), chart.png);
    written.push(chart.file);
  }
  for (const image of report.extraImages ?? []) {
    if (!EXTRA_NAME.test(image.file))
      throw new Error(`extra image file name ${JSON.stringify(image.file)} is not safe`);
    await writeAtomically((0, import_node_path11.join)(dir, image.file), image.bytes);
    written.push(image.file);
  }
  const title = report.input.title ?? "mlci report";
  const document = {
    schema: "mlci/report",
    version: 1,
    id: report.input.id,
    title,
    verdict: report.input.comparison.verdict,
    markdown: REPORT_FILES.markdown,
    ...preview ? { preview: REPORT_FILES.preview } : {},
    omitted: report.omitted,
    charts: report.input.charts,
    ...report.input.pipeline !== void 0 ? { pipeline: report.input.pipeline } : {},
    ...report.extraImages !== void 0 && report.extraImages.length > 0 ? { extra: report.extraImages.map((i2) => i2.file) } : {},
    comparison: report.input.comparison
  };
  await writeAtomically((0, import_node_path11.join)(dir, REPORT_FILES.json), `${stringifyDocument(document)}
`);
  await writeAtomically((0, import_node_path11.join)(dir, REPORT_FILES.markdown), `${report.markdown}
`);
  written.push(REPORT_FILES.json, REPORT_FILES.markdown);
  if (preview) {
    const { renderHtmlPreview } = await import("./html-U5J4ZTID.js");
    await writeAtomically((0, import_node_path11.join)(dir, REPORT_FILES.preview), renderHtmlPreview(report.markdown, { title }));
    written.push(REPORT_FILES.preview);
  }
  for (const stale of previous) {
    if (!written.includes(stale)) await (0, import_promises4.rm)((0, import_node_path11.join)(dir, stale), { force: true });
  }
  return { written, document };
}
async function previousFiles(dir) {
  const path = (0, import_node_path11.join)(dir, REPORT_FILES.json);
  if (!(0, import_node_fs12.existsSync)(path)) return [];
  try {
    const old = JSON.parse(await (0, import_promises4.readFile)(path, "utf8"));
    if (old.schema !== "mlci/report" || !Array.isArray(old.charts)) return [];
    const charts = old.charts.map((c) => c?.file).filter((f) => typeof f === "string" && SAFE_NAME.test(f));
    const extra = (Array.isArray(old.extra) ? old.extra : []).filter(
      (f) => typeof f === "string" && EXTRA_NAME.test(f)
    );
    return old.preview === REPORT_FILES.preview ? [...charts, ...extra, REPORT_FILES.preview] : [...charts, ...extra];
  } catch {
    return [];
  }
}
async function writeAtomically(path, data) {
  const temporary = `${path}.tmp-${process.pid}`;
  await (0, import_promises4.writeFile)(temporary, data);
  await (0, import_promises4.rename)(temporary, path);
}

// packages/core/src/train/record.ts
var TRAIN_SCHEMA = "mlci/train";
var MAX_QUOTED_CHARS = 500;
function quoteLine(line2, max2 = MAX_QUOTED_CHARS) {
  return line2.length <= max2 ? line2 : `${line2.slice(0, max2)}\u2026 (${line2.length - max2} more characters)`;
}
function roundSeconds(milliseconds) {
  return Math.round(milliseconds) / 1e3;
}
function describeEnding(record3, logName = record3.log) {
  if (record3.stoppedOnNonFinite !== void 0) {
    const stop = record3.stoppedOnNonFinite;
    return `training stopped: ${stop.key} became ${stop.value} at line ${stop.lineNumber} of ${logName}: ${stop.line}`;
  }
  if (record3.timedOut !== void 0) {
    return `training stopped: it ran longer than timeout-minutes (${record3.timedOut.minutes}) and was killed after ${record3.durationSeconds} s`;
  }
  if (record3.exitCode === 0) return `training finished in ${record3.durationSeconds} s`;
  if (record3.exitCode === null) {
    return `training was killed by ${record3.signal ?? "a signal"} after ${record3.durationSeconds} s`;
  }
  return `training failed with exit code ${record3.exitCode} after ${record3.durationSeconds} s`;
}

// packages/core/src/report/matrix.ts
var VERDICT_LABEL2 = {
  passed: "\u2705 Passed",
  failed: "\u274C Failed",
  "passed-with-warnings": "\u26A0\uFE0F Passed with warnings",
  "no-baseline": "\u26AA No baseline"
};
var GATE_MARK2 = {
  pass: "\u2705",
  warn: "\u26A0\uFE0F",
  fail: "\u274C",
  error: "\u2757",
  neutral: "\u26AA"
};
var METRIC_MARK2 = {
  regressed: "\u{1F534}",
  improved: "\u{1F7E2}",
  changed: "\u{1F535}",
  added: "\u{1F195}",
  removed: "\u2796",
  "non-finite": "\u26A0\uFE0F"
};
function matrixVerdict(variants) {
  const kinds = variants.map((v) => v.comparison.verdict.kind);
  if (kinds.includes("failed")) return "failed";
  if (kinds.length > 0 && kinds.every((k) => k === "no-baseline")) return "no-baseline";
  if (kinds.includes("passed-with-warnings") || kinds.includes("no-baseline")) return "passed-with-warnings";
  return "passed";
}
function renderMatrixMarkdown(input, options = {}) {
  const maxLength = options.maxLength ?? MAX_COMMENT_LENGTH;
  const marker = reportMarker(input.id);
  const omitted = [];
  const head = headline2(input);
  const jobs = jobsTable(input.variants);
  const gates = gatesTable(input.variants);
  const rows = metricRows(input.variants);
  const charts = chartsSection(input.variants);
  const compose = (metricCount, withCharts) => {
    const metrics = metricsSection2(input.variants, rows, metricCount);
    return [head, jobs, gates, metrics, withCharts ? charts : "", marker].filter((s) => s !== "").join("\n\n");
  };
  let markdown = compose(rows.length, true);
  if (markdown.length > maxLength) {
    omitted.push("the charts");
    markdown = compose(rows.length, false);
  }
  if (markdown.length > maxLength) {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (compose(mid, false).length + 300 <= maxLength) lo = mid;
      else hi = mid - 1;
    }
    omitted.push(`${rows.length - lo} metric rows`);
    markdown = compose(lo, false);
  }
  if (omitted.length > 0) {
    const where = input.fullReportUrl !== void 0 && safeUrl(input.fullReportUrl) !== void 0 ? `[the run](${safeUrl(input.fullReportUrl)})` : "each job's summary";
    const notice = `> Shortened to fit a comment: ${omitted.join(" and ")} left out. Each job's full report is in ${where}.`;
    markdown = markdown.replace(marker, `${notice}

${marker}`);
  }
  if (markdown.length > maxLength) {
    markdown = `${head}

> Too many matrix jobs to show here; see each job's summary.

${marker}`;
    omitted.push("everything but the verdict");
  }
  return { markdown, omitted };
}
function headline2(input) {
  const kind = matrixVerdict(input.variants);
  const title = `## ${escapeMarkdownText(shortenMiddle(input.title ?? "mlci report", 160))}`;
  const by = (k) => input.variants.filter((v) => v.comparison.verdict.kind === k);
  const names = (vs) => vs.map((v) => escapeMarkdownText(shortenMiddle(v.name, 60))).join(", ");
  const parts = [];
  const failed = by("failed");
  const warned = by("passed-with-warnings");
  const noBase = by("no-baseline");
  if (failed.length > 0)
    parts.push(`${failed.length} of ${input.variants.length} matrix jobs failed (${names(failed)})`);
  if (warned.length > 0) parts.push(`${warned.length} warned (${names(warned)})`);
  if (noBase.length > 0) parts.push(`${noBase.length} had no baseline (${names(noBase)})`);
  if (parts.length === 0) parts.push(`all ${input.variants.length} matrix jobs passed`);
  return `${title}

**${VERDICT_LABEL2[kind]}**: ${parts.join("; ")}.`;
}
function cell(text6) {
  return escapeTableCell(shortenMiddle(text6, 200));
}
function table3(header, rows) {
  const line2 = (cells) => `| ${cells.join(" | ")} |`;
  return [line2(header), line2(header.map(() => "-")), ...rows.map(line2)].join("\n");
}
function jobsTable(variants) {
  const rows = variants.map((v) => {
    const tally = (s) => v.comparison.metrics.filter((m) => m.status === s).length;
    const counts = v.comparison.verdict.counts;
    return [
      cell(v.name),
      VERDICT_LABEL2[v.comparison.verdict.kind],
      `${counts.fail + counts.error} failed, ${counts.warn} warned, ${counts.pass} passed`,
      String(tally("regressed")),
      String(tally("improved")),
      cell(v.comparison.base?.label ?? (v.comparison.base === void 0 ? "none" : "given"))
    ];
  });
  return `### Jobs

${table3(["job", "verdict", "gates", "regressed", "improved", "baseline"], rows)}`;
}
function gatesTable(variants) {
  const keys = [];
  for (const v of variants) {
    for (const g of v.comparison.gates) {
      const key = `${g.gate.text}\0${g.metric ?? ""}`;
      if (!keys.includes(key)) keys.push(key);
    }
  }
  if (keys.length === 0) return "";
  const rows = keys.map((key) => {
    const [text6, metric] = key.split("\0");
    const label = metric !== "" && !text6.includes(metric) ? `${text6} (${metric})` : text6;
    return [
      cell(label),
      ...variants.map((v) => {
        const result = v.comparison.gates.find((g) => g.gate.text === text6 && (g.metric ?? "") === metric);
        if (result === void 0) return "\u2014";
        const value = result.head === void 0 ? "" : ` ${formatNumber(result.head)}`;
        return `${GATE_MARK2[result.status]}${value}`;
      })
    ];
  });
  return `### Gates

${table3(["gate", ...variants.map((v) => cell(v.name))], rows)}`;
}
function metricRows(variants) {
  const keys = [...new Set(variants.flatMap((v) => v.comparison.metrics.map((m) => m.key)))].sort();
  const rank = (row) => row.cells.some((c) => c?.status === "regressed" || c?.status === "non-finite") ? 0 : row.changed ? 1 : 2;
  return keys.map((key) => {
    const cells = variants.map((v) => v.comparison.metrics.find((m) => m.key === key));
    return {
      key,
      cells,
      changed: cells.some((c) => c !== void 0 && c.status !== "unchanged" && c.status !== "no-baseline")
    };
  }).sort((a, b) => rank(a) - rank(b) || (a.key < b.key ? -1 : 1));
}
function metricCell(m) {
  if (m === void 0 || m.head === void 0) return "\u2014";
  const change = m.deltaPercent !== void 0 ? ` (${formatPercent(m.deltaPercent)})` : "";
  const mark = METRIC_MARK2[m.status];
  return `${formatNumber(m.head)}${change}${mark !== void 0 ? ` ${mark}` : ""}`;
}
function metricsSection2(variants, rows, count4) {
  if (rows.length === 0) return "";
  const header = ["metric", ...variants.map((v) => cell(v.name))];
  const shown2 = rows.slice(0, count4);
  const changed = shown2.filter((r) => r.changed);
  const unchanged = shown2.filter((r) => !r.changed);
  const render2 = (rs) => table3(
    header,
    rs.map((r) => [cell(r.key), ...r.cells.map(metricCell)])
  );
  const parts = ["### Metrics (value in the pull request, change from its baseline)"];
  if (changed.length > 0) parts.push(render2(changed));
  if (unchanged.length > 0) {
    parts.push(
      `<details><summary>${unchanged.length} metric${unchanged.length === 1 ? "" : "s"} unchanged in every job</summary>

${render2(unchanged)}

</details>`
    );
  }
  return parts.join("\n\n");
}
function chartsSection(variants) {
  const blocks = variants.filter((v) => v.charts.length > 0).map((v) => {
    const images = v.charts.map((c) => {
      const url = safeUrl(c.url ?? c.file);
      return url === void 0 ? "" : `![${escapeMarkdownText(shortenMiddle(c.alt, 1e3))}](${url})`;
    }).filter((s) => s !== "");
    return `<details><summary>Charts: ${escapeMarkdownText(shortenMiddle(v.name, 60))}</summary>

${images.join("\n\n")}

</details>`;
  });
  return blocks.length === 0 ? "" : `### Charts

${blocks.join("\n\n")}`;
}

// packages/core/src/discover.ts
var import_node_fs13 = __toESM(require_node_fs(), 1);
var import_node_path12 = __toESM(require_node_path(), 1);
var MAX_DEPTH = 4;
var MAX_ENTRIES2 = 2e4;
var SKIPPED_FOLDERS = /* @__PURE__ */ new Set([
  "node_modules",
  "venv",
  "env",
  "__pycache__",
  "site-packages",
  "dist-packages",
  "build",
  "target",
  "wandb-artifacts",
  "artifacts"
]);
var HIDDEN_RESULT_FOLDERS = /* @__PURE__ */ new Set([".benchmarks"]);
var SUMMARY_NAMES = /^(metrics|results|eval_results|all_results|test_results|scores|evaluation|eval)\.(json|ya?ml|toml)$/;
var DISCOVERED_FORMATS = /* @__PURE__ */ new Set([
  "dvclive",
  "hf-trainer",
  "mlflow",
  "tensorboard",
  "wandb",
  "lm-eval",
  "promptfoo",
  "inspect-ai",
  "benchmark",
  "sklearn-report"
]);
async function discoverMetricsFiles(root) {
  const walk = await walkProject(root);
  const reasons = [];
  if (walk.truncated)
    reasons.push(
      `stopped looking after ${MAX_ENTRIES2} entries: name the files under files: in .mlci.yml for a project this large`
    );
  const declared = await dvcDeclaredMetrics(root, walk.dvcFiles, reasons);
  if (declared.length > 0) {
    return { files: declared.map((path) => ({ path })), reasons };
  }
  const picked = reduceCandidates(walk.candidates, reasons);
  if (picked.length === 0) {
    throw new ConfigurationError(
      `no metrics files are named, and none were found under ${root === "." ? "the current folder" : root}: looked for the metrics a dvc.yaml declares, dvclive/, trainer_state.json, lightning_logs/, TensorBoard event files, mlruns/ or mlflow.db, wandb/run-*, LLM evaluation logs, benchmark JSON and summary files (metrics.json, results.json) up to ${MAX_DEPTH} folders deep. Name the files under files: in .mlci.yml, or pass their paths.`
    );
  }
  const files = picked.map((c) => ({ path: c.path }));
  reasons.unshift(
    ...picked.map(
      (c) => `read ${c.path}${c.isDirectory ? "/" : ""} (${c.what}): no files are named, and this is what the project's tools wrote`
    )
  );
  return { files, reasons };
}
async function walkProject(root) {
  const walk = { dvcFiles: [], candidates: [], truncated: false };
  let seen = 0;
  let level = [""];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth++) {
    const next = [];
    for (const dir of level) {
      let entries;
      try {
        entries = (0, import_node_fs13.readdirSync)((0, import_node_path12.join)(root, dir), { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      seen += entries.length;
      if (seen > MAX_ENTRIES2) {
        walk.truncated = true;
        return walk;
      }
      for (const entry of entries) {
        const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
        if (entry.isSymbolicLink()) continue;
        if (entry.isDirectory()) {
          if (skipFolder(entry.name)) continue;
          const found2 = entry.name === "lightning_logs" ? void 0 : await folderCandidate(root, path);
          if (found2 !== void 0) walk.candidates.push(found2);
          else next.push(path);
          continue;
        }
        if (!entry.isFile()) continue;
        if (entry.name === "dvc.yaml") walk.dvcFiles.push(path);
        if (entry.name === "metrics.csv" && /(^|\/)lightning_logs\/version_\d+$/.test(dir)) {
          walk.candidates.push({
            path,
            isDirectory: false,
            kind: "lightning-csv",
            what: "a Lightning CSVLogger log"
          });
          continue;
        }
        const found = await fileCandidate(root, path, entry.name, depth);
        if (found !== void 0) walk.candidates.push(found);
      }
    }
    level = next;
  }
  return walk;
}
function skipFolder(name) {
  if (name.startsWith(".")) return !HIDDEN_RESULT_FOLDERS.has(name);
  return SKIPPED_FOLDERS.has(name) || name.endsWith(".egg-info");
}
async function folderCandidate(root, path) {
  let found;
  try {
    found = detectBest(await probePath((0, import_node_path12.join)(root, path)));
  } catch (error) {
    if (error instanceof MlciError) return void 0;
    throw error;
  }
  if (found === void 0 || found.score < DETECT.content) return void 0;
  if (!DISCOVERED_FORMATS.has(found.reader.format)) return void 0;
  return { path, isDirectory: true, kind: found.reader.format, what: shortTitle(found.reader.title) };
}
var LOOKED_AT = /\.(json|jsonl|ya?ml|toml|db|wandb|eval|txt)$|^events\.out\.tfevents\./;
async function fileCandidate(root, path, name, depth) {
  if (!LOOKED_AT.test(name) || name === "dvc.yaml" || name === "dvc.lock") return void 0;
  let found;
  try {
    found = detectBest(await probePath((0, import_node_path12.join)(root, path)));
  } catch (error) {
    if (error instanceof MlciError) return void 0;
    throw error;
  }
  if (found !== void 0 && found.score >= DETECT.content && DISCOVERED_FORMATS.has(found.reader.format))
    return { path, isDirectory: false, kind: found.reader.format, what: shortTitle(found.reader.title) };
  if (depth <= 2 && SUMMARY_NAMES.test(name) && found !== void 0)
    return {
      path,
      isDirectory: false,
      kind: "summary",
      what: `a summary file (${shortTitle(found.reader.title)})`
    };
  return void 0;
}
function reduceCandidates(candidates, reasons) {
  let kept = candidates.filter(
    (c) => !candidates.some(
      (parent) => parent !== c && parent.isDirectory && c.path.startsWith(`${parent.path}/`)
    )
  );
  kept = newestOf(kept, /^(.*?)lightning_logs\/version_(\d+)(\/.*)?$/, "Lightning version", reasons);
  kept = newestOf(kept, /^(.*?)checkpoint-(\d+)(\/.*)?$/, "checkpoint", reasons);
  kept = newestOf(kept, /^(.*?)wandb\/(?:offline-)?run-(\d{8}_\d{6})-[^/]+(\/.*)?$/, "W&B run", reasons);
  kept = newestOf(kept, /^(.*?\.benchmarks\/[^/]+\/)(\d+)_[^/]*()$/, "saved benchmark run", reasons);
  const byKind = /* @__PURE__ */ new Map();
  for (const c of kept) byKind.set(c.kind, [...byKind.get(c.kind) ?? [], c]);
  const ambiguous = [...byKind.values()].filter((group) => group.length > 1);
  if (ambiguous.length > 0) {
    const groups = ambiguous.map(
      (group) => `${group[0].what}: ${group.map((c) => c.path + (c.isDirectory ? "/" : "")).join(", ")}`
    ).join("; ");
    throw new ConfigurationError(
      `no metrics files are named, and the project holds several runs of the same kind, so mlci cannot tell which one is this commit's: ${groups}. Name the run's files under files: in .mlci.yml (or pass their paths).`
    );
  }
  return kept;
}
function newestOf(candidates, pattern, what, reasons) {
  const groups = /* @__PURE__ */ new Map();
  const rest = [];
  for (const candidate of candidates) {
    const match = pattern.exec(candidate.path);
    if (match === null) {
      rest.push(candidate);
      continue;
    }
    const family = `${candidate.kind}\0${match[1]}\0${match[3] ?? ""}`;
    groups.set(family, [...groups.get(family) ?? [], { candidate, order: match[2] }]);
  }
  for (const members of groups.values()) {
    members.sort(
      (a, b) => a.order.length !== b.order.length && /^\d+$/.test(a.order) && /^\d+$/.test(b.order) ? a.order.length - b.order.length : a.order < b.order ? -1 : a.order > b.order ? 1 : 0
    );
    const newest = members.at(-1);
    rest.push(newest.candidate);
    if (members.length > 1) {
      const older = members.slice(0, -1).map((m) => m.candidate.path);
      reasons.push(
        `left out older ${what}s: ${older.join(", ")} (the newest, ${newest.candidate.path}, is read)`
      );
    }
  }
  return rest;
}
async function dvcDeclaredMetrics(root, dvcFiles, reasons) {
  const found = [];
  for (const file of dvcFiles) {
    let pipeline;
    try {
      pipeline = parseYamlText(await readTextFile((0, import_node_path12.join)(root, file)), file);
    } catch (error) {
      if (!(error instanceof MlciError)) throw error;
      reasons.push(`could not read ${file}: ${error.message}`);
      continue;
    }
    if (!isRecord(pipeline)) continue;
    const folder = import_node_path12.posix.dirname(file) === "." ? "" : import_node_path12.posix.dirname(file);
    const vars = await dvcVars(root, folder, pipeline["vars"], reasons, file);
    const declarations = [];
    for (const path of asList(pipeline["metrics"]))
      declarations.push({ path, wdir: "", where: "metrics", plot: false });
    for (const path of asList(pipeline["plots"]))
      declarations.push({ path, wdir: "", where: "plots", plot: true });
    const stages = isRecord(pipeline["stages"]) ? pipeline["stages"] : {};
    for (const [name, stage] of Object.entries(stages)) {
      if (!isRecord(stage)) continue;
      const wdir = typeof stage["wdir"] === "string" ? stage["wdir"] : "";
      for (const path of asList(stage["metrics"]))
        declarations.push({ path, wdir, where: `stages.${name}.metrics`, plot: false });
      for (const path of asList(stage["plots"]))
        declarations.push({ path, wdir, where: `stages.${name}.plots`, plot: true });
    }
    for (const { path, wdir, where, plot } of declarations) {
      const raw = typeof path === "string" ? path : isRecord(path) ? Object.keys(path)[0] : void 0;
      if (raw === void 0) continue;
      const options = isRecord(path) ? path[raw] : void 0;
      if (plot && isRecord(options) && options["template"] !== void 0) {
        reasons.push(
          `${file}: ${where} declares ${raw} with template ${String(options["template"])}: chart data, not metrics; left out (name it under report.plots in .mlci.yml to draw it)`
        );
        continue;
      }
      const resolved = interpolate(`${wdir === "" ? "" : `${wdir}/`}${raw}`, vars);
      if (resolved === void 0) {
        reasons.push(`${file}: ${where} names ${raw}, which uses a variable mlci cannot resolve; left out`);
        continue;
      }
      const relativePath = import_node_path12.posix.normalize(folder === "" ? resolved : `${folder}/${resolved}`);
      if (relativePath.startsWith("../") || import_node_path12.posix.isAbsolute(relativePath)) {
        reasons.push(`${file}: ${where} names ${raw}, outside the project; left out`);
        continue;
      }
      let isDirectory;
      try {
        isDirectory = (await probePath((0, import_node_path12.join)(root, relativePath))).isDirectory;
      } catch {
        reasons.push(
          `${file} declares ${relativePath} (${where}), which is not on disk (DVC-cached outputs appear after dvc pull or dvc repro)`
        );
        continue;
      }
      if (plot && !isDirectory) {
        reasons.push(
          `${file}: ${where} declares the file ${relativePath}: chart data, not metrics; left out`
        );
        continue;
      }
      if (!found.includes(relativePath)) {
        found.push(relativePath);
        reasons.push(`read ${relativePath}: ${file} declares it (${where})`);
      }
    }
  }
  return found;
}
async function dvcVars(root, folder, vars, reasons, file) {
  const out = {};
  const load = async (spec, required2) => {
    const [name, key] = spec.split(":");
    const path = import_node_path12.posix.normalize(folder === "" ? name : `${folder}/${name}`);
    try {
      const value = parseYamlText(await readTextFile((0, import_node_path12.join)(root, path)), path);
      const picked = key === void 0 ? value : isRecord(value) ? value[key] : void 0;
      if (isRecord(picked)) Object.assign(out, picked);
    } catch (error) {
      if (!(error instanceof MlciError)) throw error;
      if (required2) reasons.push(`${file}: vars ${spec} could not be read (${error.message})`);
    }
  };
  await load("params.yaml", false);
  for (const entry of asList(vars)) {
    if (typeof entry === "string") await load(entry, true);
    else if (isRecord(entry)) Object.assign(out, entry);
  }
  return out;
}
function interpolate(text6, vars) {
  let missing = false;
  const out = text6.replace(/\$\{\s*([^}]+?)\s*\}/g, (_all, name) => {
    let value = vars;
    for (const part of name.split(".")) value = isRecord(value) ? value[part] : void 0;
    if (typeof value === "string" || typeof value === "number") return String(value);
    missing = true;
    return "";
  });
  return missing ? void 0 : out;
}
function shortTitle(title) {
  return title.replace(/\s*\(.*\)\s*$/, "");
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function asList(value) {
  return Array.isArray(value) ? value : [];
}

// packages/core/src/plots/read.ts
var ACTUAL = ["actual", "y_true", "true", "label", "labels", "target", "truth", "gold", "true_label"];
var PREDICTED = ["predicted", "y_pred", "prediction", "predictions", "pred", "predicted_label"];
var FPR = ["fpr", "false_positive_rate"];
var TPR = ["tpr", "true_positive_rate"];
var PRECISION = ["precision"];
var RECALL = ["recall"];
var THRESHOLD = ["threshold", "thresholds"];
var MATRIX_KEYS = ["matrix", "confusion_matrix", "cm", "counts"];
var LABEL_KEYS = ["labels", "classes", "display_labels", "class_names", "target_names"];
var PLOT_KEYS = ["roc", "precision_recall", "prc", "pr", "confusion_matrix", "cm", "confusion"];
var EXPECTED = "expected confusion-matrix rows (actual, predicted), a matrix of counts, ROC points (fpr, tpr) or precision-recall points (precision, recall)";
async function readPlotFile(path, options = {}) {
  const text6 = await readTextFile(path);
  const ext = extensionOf(path);
  const format = ext === "csv" ? "csv" : ext === "tsv" || ext === "tab" ? "tsv" : ext === "json" ? "json" : sniff(text6);
  return parsePlotText(text6, path, format, options);
}
function sniff(text6) {
  const body = text6.replace(/^\uFEFF/, "").trimStart();
  if (body.startsWith("{") || body.startsWith("[")) return "json";
  const header = body.split(/\r?\n/, 1)[0] ?? "";
  return header.includes("	") ? "tsv" : "csv";
}
function parsePlotText(text6, file, format, options = {}) {
  if (format === "json") return plotFromJson(parseJsonText(text6, file), file, options);
  return fromRecords(delimitedRecords(text6, file, format === "tsv" ? 9 : 44), file, options.kind);
}
function detectPlotKind(fields) {
  const names = new Set(fields.map((f) => f.trim().toLowerCase()));
  const has = (aliases) => aliases.some((a) => names.has(a));
  if (has(FPR) && has(TPR)) return "roc";
  if (has(PRECISION) && has(RECALL)) return "pr";
  if (has(ACTUAL) && has(PREDICTED)) return "confusion";
  return void 0;
}
function delimitedRecords(text6, file, delimiter) {
  const table4 = delimitedTable(text6, file, delimiter);
  return {
    columns: table4.columns,
    rows: table4.rows.map(({ line: line2, cells: values }) => {
      const cells = /* @__PURE__ */ new Map();
      table4.columns.forEach(
        (name, i2) => cells.set(name.toLowerCase(), { value: values[i2], at: { line: line2, key: name } })
      );
      return { at: { line: line2 }, cells };
    }),
    where: {}
  };
}
function keyPath2(parent, child) {
  if (typeof child === "number") return `${parent}[${child}]`;
  return parent === "" ? child : `${parent}.${child}`;
}
function atKey(key) {
  return key === "" ? {} : { key };
}
function isObject2(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function describe6(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isObject2(value)) return "an object";
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  return String(value);
}
function plotFromJson(value, file, options = {}) {
  return fromJsonValue(value, file, "", options.kind, 0);
}
function fromJsonValue(value, file, path, kind, depth) {
  if (Array.isArray(value)) {
    if (value.length === 0)
      throw new ParseError({ file, ...atKey(path) }, `${EXPECTED}, found an empty list`);
    if (value.every(Array.isArray)) {
      if (kind !== void 0 && kind !== "confusion")
        throw new ParseError(
          { file, ...atKey(path) },
          `expected ${kind} points, found a matrix (a list of lists)`
        );
      return matrixFrom(value, void 0, file, path, "");
    }
    return fromRecords(jsonRows(value, file, path), file, kind);
  }
  if (!isObject2(value))
    throw new ParseError({ file, ...atKey(path) }, `${EXPECTED}, found ${describe6(value)}`);
  const lower = new Map(Object.keys(value).map((k) => [k.toLowerCase(), k]));
  const original = (names) => names.map((n) => lower.get(n)).find((k) => k !== void 0);
  const matrixKey = MATRIX_KEYS.map((n) => lower.get(n)).find(
    (k) => k !== void 0 && Array.isArray(value[k]) && value[k].every(Array.isArray)
  );
  if (matrixKey !== void 0 && value[matrixKey].length > 0 && (kind ?? "confusion") === "confusion") {
    const labelKey = original(LABEL_KEYS);
    return matrixFrom(
      value[matrixKey],
      labelKey === void 0 ? void 0 : value[labelKey],
      file,
      keyPath2(path, matrixKey),
      labelKey === void 0 ? "" : keyPath2(path, labelKey)
    );
  }
  const columnar = columnarRecords(value, file, path);
  if (columnar !== void 0 && (kind === void 0 || detectPlotKind(columnar.columns) === kind))
    return fromRecords(columnar, file, kind);
  if (depth < 3) {
    const nested = Object.keys(value).filter((k) => Array.isArray(value[k]) || isObject2(value[k]));
    const known = PLOT_KEYS.map((n) => lower.get(n)).find((k) => k !== void 0 && nested.includes(k));
    const key = known ?? (nested.length === 1 ? nested[0] : void 0);
    if (key !== void 0) return fromJsonValue(value[key], file, keyPath2(path, key), kind, depth + 1);
  }
  const keys = Object.keys(value);
  throw new ParseError(
    { file, ...atKey(path) },
    `${EXPECTED}, found an object with ${keys.length === 0 ? "no keys" : `keys ${keys.slice(0, 8).join(", ")}${keys.length > 8 ? ", ..." : ""}`}`
  );
}
function jsonRows(list3, file, path) {
  const records = { columns: [], rows: [], where: atKey(path) };
  const seen = /* @__PURE__ */ new Set();
  list3.forEach((item, i2) => {
    const rowKey = keyPath2(path, i2);
    if (!isObject2(item))
      throw new ParseError(
        { file, key: rowKey },
        `expected an object per row, like {"actual": "cat", "predicted": "dog"} or {"fpr": 0.1, "tpr": 0.8}, found ${describe6(item)}`
      );
    const cells = /* @__PURE__ */ new Map();
    for (const [name, cell2] of Object.entries(item)) {
      if (!seen.has(name.toLowerCase())) {
        seen.add(name.toLowerCase());
        records.columns.push(name);
      }
      cells.set(name.toLowerCase(), { value: cell2, at: { key: keyPath2(rowKey, name) } });
    }
    records.rows.push({ at: { key: rowKey }, cells });
  });
  return records;
}
function columnarRecords(value, file, path) {
  const lists = Object.keys(value).filter((k) => Array.isArray(value[k]));
  const kind = detectPlotKind(lists);
  if (kind !== "roc" && kind !== "pr") return void 0;
  const wanted = kind === "roc" ? [FPR, TPR, THRESHOLD] : [RECALL, PRECISION, THRESHOLD];
  const keys = wanted.map((aliases) => lists.find((k) => aliases.includes(k.toLowerCase()))).filter((k) => k !== void 0);
  const first = keys[0];
  const length = value[first].length;
  const threshold = keys[2];
  if (kind === "pr" && threshold !== void 0 && value[threshold].length === length - 1)
    keys.pop();
  for (const key of keys.slice(1)) {
    const n = value[key].length;
    if (n !== length)
      throw new ParseError(
        { file, key: keyPath2(path, key) },
        `has ${n} values but ${first} has ${length}: expected one value per point in every list`
      );
  }
  const rows = Array.from({ length }, (_, i2) => {
    const cells = /* @__PURE__ */ new Map();
    for (const key of keys)
      cells.set(key.toLowerCase(), {
        value: value[key][i2],
        at: { key: keyPath2(keyPath2(path, key), i2) }
      });
    return { at: {}, cells };
  });
  return { columns: keys, rows, where: atKey(path) };
}
function fromRecords(records, file, forced) {
  const detected = detectPlotKind(records.columns);
  const kind = forced ?? detected;
  const found = records.columns.length === 0 ? "no columns" : `columns ${records.columns.join(", ")}`;
  if (kind === void 0) throw new ParseError({ file, ...records.where }, `${EXPECTED}, found ${found}`);
  const names = records.columns.map((c) => c.toLowerCase());
  const column2 = (aliases, what) => {
    const name = aliases.find((a) => names.includes(a));
    if (name === void 0)
      throw new ParseError(
        { file, ...records.where },
        `expected a ${what} column (${aliases.map((a) => `"${a}"`).join(" or ")}) for a ${KIND_WORDS[kind]}, found ${found}`
      );
    return name;
  };
  if (records.rows.length === 0)
    throw new ParseError(
      { file, ...records.where },
      `no rows: expected at least one ${KIND_WORDS[kind]} row`
    );
  if (kind === "confusion") {
    const actual = column2(ACTUAL, "true label");
    const predicted = column2(PREDICTED, "predicted label");
    return countPairs(
      file,
      records.rows.map((row) => labelCell(row, actual, file)),
      records.rows.map((row) => labelCell(row, predicted, file))
    );
  }
  const [xName, yName] = kind === "roc" ? [FPR, TPR] : [RECALL, PRECISION];
  const x2 = column2(xName, kind === "roc" ? "false positive rate" : "recall");
  const y = column2(yName, kind === "roc" ? "true positive rate" : "precision");
  const t = THRESHOLD.find((a) => names.includes(a));
  const xs = records.rows.map((row) => rateCell(row, x2, file));
  const ys = records.rows.map((row) => rateCell(row, y, file));
  const ts = t === void 0 ? void 0 : records.rows.map((row) => thresholdCell(row, t, file));
  return kind === "roc" ? rocCurve(file, xs, ys, ts) : prCurve(file, xs, ys, ts);
}
var KIND_WORDS = {
  confusion: "confusion matrix",
  roc: "ROC curve",
  pr: "precision-recall curve"
};
function cellOf(row, name) {
  return row.cells.get(name) ?? {
    value: void 0,
    at: row.at.line !== void 0 ? { line: row.at.line, key: name } : { key: keyPath2(row.at.key ?? "", name) }
  };
}
function labelCell(row, name, file) {
  const cell2 = cellOf(row, name);
  const v = cell2.value;
  const text6 = typeof v === "string" ? v.trim() : typeof v === "number" || typeof v === "boolean" ? String(v) : "";
  if (text6 === "")
    throw new ParseError(
      { file, ...cell2.at },
      `expected a class label, found ${v === void 0 || typeof v === "string" ? "nothing" : describe6(v)}`
    );
  return text6;
}
function numberOf(v) {
  if (typeof v === "number") return v;
  if (typeof v === "string") return parseNumber(v);
  return void 0;
}
function rateCell(row, name, file) {
  const cell2 = cellOf(row, name);
  const n = numberOf(cell2.value);
  if (n === void 0 || !(n >= 0 && n <= 1))
    throw new ParseError(
      { file, ...cell2.at },
      `expected a rate between 0 and 1, found ${cell2.value === void 0 ? "nothing" : describe6(n ?? cell2.value)}`
    );
  return n;
}
function thresholdCell(row, name, file) {
  const cell2 = cellOf(row, name);
  const n = numberOf(cell2.value);
  if (n === void 0 || Number.isNaN(n))
    throw new ParseError(
      { file, ...cell2.at },
      `expected a score threshold (a number), found ${cell2.value === void 0 ? "nothing" : describe6(cell2.value)}`
    );
  return n;
}
function matrixFrom(rows, labels, file, path, labelPath) {
  const n = rows.length;
  const counts = rows.map((row, i2) => {
    const rowKey = keyPath2(path, i2);
    if (!Array.isArray(row))
      throw new ParseError({ file, key: rowKey }, `expected a list of counts, found ${describe6(row)}`);
    if (row.length !== n)
      throw new ParseError(
        { file, key: rowKey },
        `expected ${n} counts (the matrix has ${n} rows, one per actual class, and must be square), found ${row.length}`
      );
    return row.map((cell2, j) => {
      const v = numberOf(cell2);
      if (v === void 0 || !Number.isFinite(v) || v < 0)
        throw new ParseError(
          { file, key: keyPath2(rowKey, j) },
          `expected a count of 0 or more, found ${describe6(cell2)}`
        );
      return v;
    });
  });
  let names;
  if (labels === void 0) names = counts.map((_, i2) => String(i2));
  else {
    if (!Array.isArray(labels) || labels.length !== n)
      throw new ParseError(
        { file, ...atKey(labelPath) },
        `expected ${n} class names, one per row of the matrix, found ${describe6(labels)}`
      );
    names = labels.map((l, i2) => {
      if (typeof l !== "string" && typeof l !== "number" && typeof l !== "boolean")
        throw new ParseError(
          { file, key: keyPath2(labelPath, i2) },
          `expected a class name, found ${describe6(l)}`
        );
      return String(l);
    });
    const twice = names.find((name, i2) => names.indexOf(name) !== i2);
    if (twice !== void 0)
      throw new ParseError({ file, ...atKey(labelPath) }, `class ${JSON.stringify(twice)} is named twice`);
  }
  return {
    kind: "confusion",
    file,
    labels: names,
    counts,
    integer: counts.every((row) => row.every(Number.isInteger))
  };
}

// packages/core/src/plots/from-predictions.ts
var SCORE_COLUMNS = [
  "score",
  "scores",
  "y_score",
  "y_prob",
  "prob",
  "proba",
  "probability",
  "prob_1",
  "p1",
  "positive_score",
  "logit"
];
var POSITIVE_NAMES = ["1", "1.0", "true", "yes", "pos", "positive"];
function confusionFromPredictions(set) {
  if (set.labels === void 0 || set.predictions === void 0)
    throw new ParseError(
      { file: set.file },
      `a confusion matrix needs a label column (label, target, y_true, ...) and a prediction column (prediction, pred, y_pred, ...); found ${set.labels === void 0 ? "no label column" : "no prediction column"}`
    );
  const labels = set.labels;
  const predictions = set.predictions;
  labels.forEach((label, i2) => {
    if (label === "" || predictions[i2] === "")
      throw new ParseError(
        { file: set.file, key: set.hasIds ? `example ${set.ids[i2]}` : `row ${i2 + 1}` },
        `the ${label === "" ? "label" : "prediction"} is empty: every example needs both`
      );
  });
  return countPairs(set.file, labels, predictions);
}
function curvesFromPredictions(set, options = {}) {
  const file = set.file;
  if (set.labels === void 0)
    throw new ParseError(
      { file },
      "ROC and precision-recall curves need a label column (label, target, y_true, ...)"
    );
  const scoreColumn = options.scoreColumn ?? SCORE_COLUMNS.find((c) => set.scores.has(c));
  const scores = scoreColumn === void 0 ? void 0 : set.scores.get(scoreColumn);
  if (scoreColumn === void 0 || scores === void 0) {
    const numeric = [...set.scores.keys()];
    throw new ParseError(
      { file, ...scoreColumn !== void 0 ? { key: scoreColumn } : {} },
      `${scoreColumn !== void 0 ? `no numeric column "${scoreColumn}"` : "no score column"}: expected one of ${SCORE_COLUMNS.join(", ")}${numeric.length > 0 ? ` (numeric columns found: ${numeric.join(", ")}; name one as the score column)` : ""}`
    );
  }
  scores.forEach((s, i2) => {
    if (Number.isNaN(s))
      throw new ParseError(
        { file, key: set.hasIds ? `example ${set.ids[i2]}` : `row ${i2 + 1}` },
        `the ${scoreColumn} score is NaN: expected a number for every example`
      );
  });
  const classes = [...new Set(set.labels)];
  const positive = options.positive ?? classes.find((c) => POSITIVE_NAMES.includes(c.toLowerCase()));
  if (classes.length > 2 || positive === void 0 || options.positive !== void 0 && !classes.includes(positive))
    throw new ParseError(
      { file },
      classes.length > 2 ? `ROC and precision-recall curves are for two classes; the labels have ${classes.length} (${classes.slice(0, 6).join(", ")}${classes.length > 6 ? ", ..." : ""})` : positive === void 0 ? `cannot tell which class is positive among ${classes.map((c) => JSON.stringify(c)).join(" and ")}: name it` : `the positive class ${JSON.stringify(positive)} is not among the labels (${classes.map((c) => JSON.stringify(c)).join(", ")})`
    );
  const isPositive = set.labels.map((l) => l === positive);
  const sweep = thresholdSweep(scores, isPositive);
  if (sweep.positives === 0 || sweep.negatives === 0)
    throw new ParseError(
      { file },
      `every example is ${sweep.positives === 0 ? "negative" : "positive"}: ROC and precision-recall curves need examples of both classes`
    );
  return { ...curvesFromSweep(file, sweep), scoreColumn, positive };
}
function thresholdSweep(scores, isPositive) {
  const order = scores.map((_, i2) => i2).sort((a, b) => scores[b] - scores[a] || a - b);
  const sweep = { thresholds: [], tp: [], fp: [], positives: 0, negatives: 0 };
  let tp = 0;
  let fp = 0;
  order.forEach((index, k) => {
    if (isPositive[index]) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === void 0 || scores[next] !== scores[index]) {
      sweep.thresholds.push(scores[index]);
      sweep.tp.push(tp);
      sweep.fp.push(fp);
    }
  });
  sweep.positives = tp;
  sweep.negatives = fp;
  return sweep;
}
function curvesFromSweep(file, sweep) {
  const { positives: p, negatives: n } = sweep;
  const fpr = [0, ...sweep.fp.map((f) => f / n)];
  const tpr = [0, ...sweep.tp.map((t) => t / p)];
  const rocThresholds = [Infinity, ...sweep.thresholds];
  const recall = [0, ...sweep.tp.map((t) => t / p)];
  const precision = [1, ...sweep.tp.map((t, i2) => t / (t + sweep.fp[i2]))];
  const prThresholds = [Infinity, ...sweep.thresholds];
  return {
    roc: rocCurve(file, fpr, tpr, rocThresholds),
    pr: prCurve(file, recall, precision, prThresholds, p / (p + n))
  };
}

// packages/core/src/train/gpus.ts
var NVIDIA_SMI_ARGS = [
  "--query-gpu=name,memory.total,driver_version",
  "--format=csv,noheader,nounits"
];
function parseNvidiaSmiGpus(csv) {
  const gpus = [];
  for (const raw of csv.split(/\r?\n/)) {
    const line2 = raw.trim();
    if (line2 === "") continue;
    const fields = line2.split(",").map((field2) => field2.trim());
    if (fields.length < 3) continue;
    const driver = fields.pop() ?? "";
    const memory = fields.pop() ?? "";
    const name = fields.join(", ");
    const memoryMiB = /^\d+(?:\.\d+)?$/.test(memory) ? Number(memory) : null;
    const gpu = { name, memoryMiB };
    if (driver !== "" && !driver.startsWith("[")) gpu.driver = driver;
    gpus.push(gpu);
  }
  return gpus;
}

// packages/core/src/train/lines.ts
var MAX_PENDING_CHARS = 1024 * 1024;
var LineSplitter = class {
  constructor(maxPending = MAX_PENDING_CHARS) {
    this.maxPending = maxPending;
  }
  maxPending;
  pending = "";
  /** The last chunk ended with `\r`: a `\n` starting the next one completes a `\r\n`. */
  afterCarriageReturn = false;
  feed(chunk) {
    const segments = [];
    let text6 = this.pending + chunk;
    if (this.afterCarriageReturn && text6.startsWith("\n")) {
      segments.push({ text: "", endsLine: true });
      text6 = text6.slice(1);
    }
    this.afterCarriageReturn = false;
    let start = 0;
    for (const match of text6.matchAll(/\r\n|\r|\n/g)) {
      const segment = text6.slice(start, match.index);
      start = match.index + match[0].length;
      const endsLine = match[0] !== "\r";
      if (endsLine || segment !== "") segments.push({ text: segment, endsLine });
    }
    this.afterCarriageReturn = text6.endsWith("\r");
    this.pending = text6.slice(start);
    if (this.pending.length > this.maxPending) segments.push(...this.end());
    return segments;
  }
  /**
   * The text after the last terminator: with tqdm, which writes `\r` before each redraw rather
   * than after, this is the progress bar on screen right now.
   */
  get unfinished() {
    return this.pending;
  }
  /** Gives out the unfinished text now, as a redraw that does not end its line. */
  take() {
    const text6 = this.pending;
    this.pending = "";
    return text6 === "" ? void 0 : { text: text6, endsLine: false };
  }
  /** What is left when the stream ends: a last line without a terminator. */
  end() {
    const rest = this.pending;
    this.pending = "";
    return rest === "" ? [] : [{ text: rest, endsLine: true }];
  }
};
var LastLines = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  lines = [];
  push(line2) {
    this.lines.push(line2);
    if (this.lines.length > this.limit) this.lines.shift();
  }
  get() {
    return [...this.lines];
  }
};

// packages/core/src/train/non-finite.ts
var KEY_CHAR = String.raw`[\w./\-]`;
var LOSS_PAIR = new RegExp(
  String.raw`(?<!${KEY_CHAR})(["']?)(${KEY_CHAR}*loss${KEY_CHAR}*)\1` + String.raw`(?:\s*[:=]\s*|\s+is\s+|\s+)` + String.raw`(?:tensor\()?(["']?)([+-]?(?:nan|inf(?:inity)?)(?:\.0+)?)\3(?![\w.])`,
  "gi"
);
var NOT_A_RESULT = /^(?:best|min|minimum|lowest|prev|previous|initial)[_./-]|scal/i;
function isLossKey(key) {
  for (const match of key.matchAll(/loss(?:es)?/gi)) {
    const before = key.charAt(match.index - 1);
    const after = key.charAt(match.index + match[0].length);
    const startsPart = !/[a-z]/i.test(before) || /[a-z]/.test(before) && match[0].startsWith("L");
    const endsPart = !/[a-z]/i.test(after) || /[A-Z]/.test(after);
    if (startsPart && endsPart) return true;
  }
  return false;
}
var ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
function stripAnsi(line2) {
  return line2.replace(ANSI, "");
}
function findNonFiniteLoss(line2) {
  const text6 = stripAnsi(line2);
  if (!/loss/i.test(text6) || !/nan|inf/i.test(text6)) return void 0;
  for (const match of text6.matchAll(LOSS_PAIR)) {
    const key = match[2] ?? "";
    const value = match[4] ?? "";
    if (!isLossKey(key) || NOT_A_RESULT.test(key)) continue;
    return { key, value, index: match.index };
  }
  return void 0;
}
function nonFiniteMatcher(pattern) {
  if (pattern === void 0 || pattern === "") return findNonFiniteLoss;
  const regex = new RegExp(pattern, "i");
  return (line2) => {
    const text6 = stripAnsi(line2);
    const match = regex.exec(text6);
    if (match === null) return void 0;
    return {
      key: match.groups?.key ?? match[1] ?? match[0],
      value: match.groups?.value ?? match[0],
      index: match.index
    };
  };
}

// packages/core/src/train/shell.ts
var powershellWrap = (command) => `$ErrorActionPreference = 'stop'
${command}
if ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }
`;
var BUILTIN_SHELLS = {
  bash: { template: ["bash", "--noprofile", "--norc", "-eo", "pipefail", "{0}"], extension: ".sh" },
  sh: { template: ["sh", "-e", "{0}"], extension: ".sh" },
  pwsh: { template: ["pwsh", "-command", ". '{0}'"], extension: ".ps1", wrap: powershellWrap },
  powershell: { template: ["powershell", "-command", ". '{0}'"], extension: ".ps1", wrap: powershellWrap },
  python: { template: ["python", "{0}"], extension: ".py" }
};
function resolveShell(shell, command, scriptPath, source2 = "shell") {
  const name = shell.trim();
  const builtin = BUILTIN_SHELLS[name];
  if (builtin !== void 0) {
    const path2 = scriptPath(builtin.extension);
    const [file2 = "", ...args2] = builtin.template.map((part) => part.replaceAll("{0}", path2));
    return { file: file2, args: args2, extension: builtin.extension, script: builtin.wrap?.(command) ?? command };
  }
  const parts = name.split(/\s+/).filter((part) => part !== "");
  if (parts.length === 0 || !parts.some((part) => part.includes("{0}"))) {
    throw new ConfigurationError(
      `input ${source2}: expected one of ${Object.keys(BUILTIN_SHELLS).join(", ")} or a command template containing {0} (the script's path), such as "python3 -u {0}"; found ${JSON.stringify(shell)}`
    );
  }
  const path = scriptPath("");
  const [file = "", ...args] = parts.map((part) => part.replaceAll("{0}", path));
  return { file, args, extension: "", script: command };
}

export {
  mergeDocs,
  toJsonDoc,
  closestNames,
  parseGate,
  decodeMetricsDoc,
  decodeComparison,
  unzipSync,
  require_node_crypto,
  READERS,
  readMetricsPath,
  readMetrics2 as readMetrics,
  discoverMetricsFiles,
  readDvcLock,
  parseDvcLock,
  diffDvcLocks,
  isUnchangedPipeline,
  decodeDvcLockDiff,
  pipelineText,
  MAX_REPEATS,
  isPathGlob,
  staticPrefix,
  normalizePattern,
  pathPatternToRegExp,
  matchRuns,
  requireRuns,
  parseExtraArgument,
  buildExtraSections,
  emptyConfig,
  parseConfig,
  readPredictions,
  gateStatistics,
  runComparison,
  stringifyDocument,
  gatingConfig,
  diffConfigs,
  readPlotFile,
  SCORE_COLUMNS,
  confusionFromPredictions,
  curvesFromPredictions,
  reportMarker,
  decodeHistoryDocument,
  orderHistory,
  HISTORY_SUMMARY_FILE,
  HISTORY_SUMMARY_RECORDS,
  MAX_HISTORY_SUMMARY_RECORDS,
  decodeHistorySummary,
  summaryRecordOf,
  mergeHistorySummary,
  summaryHistory,
  meanMetrics,
  historyTrend,
  trendEntries,
  decodeHistoryTrend,
  MAX_COMMENT_LENGTH,
  renderMarkdown,
  DEFAULT_REPORT_ID,
  buildReport,
  REPORT_FILES,
  writeReportFolder,
  NVIDIA_SMI_ARGS,
  parseNvidiaSmiGpus,
  LineSplitter,
  LastLines,
  stripAnsi,
  nonFiniteMatcher,
  TRAIN_SCHEMA,
  quoteLine,
  roundSeconds,
  describeEnding,
  resolveShell,
  matrixVerdict,
  renderMatrixMarkdown
};
