import { createRequire as __mlciCreateRequire } from 'node:module';
const require = __mlciCreateRequire(import.meta.url);
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-3CG65SHH.js";

// builtin-by-require:node:zlib
var require_node_zlib = __commonJS({
  "builtin-by-require:node:zlib"(exports, module) {
    module.exports = __require("node:zlib");
  }
});

// packages/core/src/crc32.ts
var zlib = __toESM(require_node_zlib(), 1);
var nativeCrc32 = zlib.crc32;
var crc322 = nativeCrc32 === void 0 ? tableCrc32 : (bytes, start, end, crc) => nativeCrc32(bytes.subarray(start, end), crc);
var IEEE = 3988292384;
var table;
function tableCrc32(bytes, start = 0, end = bytes.length, crc = 0) {
  return sliceBy8(table ??= slicingTable(IEEE), bytes, start, end, crc);
}
function sliceBy8(t, bytes, start, end, crc) {
  let c = ~crc;
  let i = start;
  const stop8 = end - 8;
  while (i <= stop8) {
    const one = c ^ (bytes[i] | bytes[i + 1] << 8 | bytes[i + 2] << 16 | bytes[i + 3] << 24);
    c = t[1792 + (one & 255)] ^ t[1536 + (one >>> 8 & 255)] ^ t[1280 + (one >>> 16 & 255)] ^ t[1024 + (one >>> 24)] ^ t[768 + bytes[i + 4]] ^ t[512 + bytes[i + 5]] ^ t[256 + bytes[i + 6]] ^ t[bytes[i + 7]];
    i += 8;
  }
  while (i < end) c = t[(c ^ bytes[i++]) & 255] ^ c >>> 8;
  return ~c >>> 0;
}
function slicingTable(poly) {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? c >>> 1 ^ poly : c >>> 1;
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

// packages/core/src/format.ts
function roundNoise(value) {
  if (!Number.isFinite(value) || value === 0) return value;
  return fastRound12(value) ?? Number(value.toPrecision(12));
}
var POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
function fastRound12(value) {
  const abs = Math.abs(value);
  let magnitude = Math.floor(Math.log10(abs));
  if (magnitude < -11 || magnitude > 22) return void 0;
  const power = (m) => m >= 0 ? POW10[m] : 1 / POW10[-m];
  if (magnitude >= 0 && magnitude <= 22) {
    if (abs < POW10[magnitude]) magnitude--;
    else if (magnitude < 22 && abs >= POW10[magnitude + 1]) magnitude++;
  } else if (abs < power(magnitude) || abs >= power(magnitude + 1)) return void 0;
  const k = 11 - magnitude;
  if (k < -22 || k > 22) return void 0;
  const scaled = k >= 0 ? abs * POW10[k] : abs / POW10[-k];
  const fraction = scaled - Math.floor(scaled);
  if (Math.abs(fraction - 0.5) < 1e-3) return void 0;
  const digits = Math.round(scaled);
  const rounded = k >= 0 ? digits / POW10[k] : digits * POW10[-k];
  return value < 0 ? -rounded : rounded;
}
function formatNumber(value, digits = 6) {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e12))
    return value.toExponential(Math.max(0, digits - 2)).replace(/\.?0+e/, "e");
  return String(Number(value.toPrecision(digits)));
}
function formatDelta(value, digits = 6) {
  const text = formatNumber(roundNoise(value), digits);
  return value > 0 && Number.isFinite(value) ? `+${text}` : text;
}
function formatPercent(value) {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "+\u221E%" : "-\u221E%";
  const abs = Math.abs(value);
  const text = abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : abs >= 0.1 ? value.toFixed(2) : formatNumber(value, 2);
  const trimmed = text.includes(".") && !text.includes("e") ? text.replace(/\.?0+$/, "") : text;
  return `${value > 0 ? "+" : ""}${trimmed}%`;
}

// packages/core/src/report/charts/theme.ts
var CHART_WIDTH = 800;
var CURVE_HEIGHT = 360;
var HISTORY_HEIGHT = 320;
var CHART_FONT_FAMILY = "Inter";
var OKABE_ITO = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7"
};
var SERIES_COLORS = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black
];
function seriesColor(index) {
  return SERIES_COLORS[index % SERIES_COLORS.length];
}
var STATUS_COLORS = {
  improved: OKABE_ITO.blue,
  regressed: OKABE_ITO.vermillion,
  /** Changed, but the metric's direction is unknown, so neither better nor worse. */
  changed: "#6E7781",
  /** Within the metric's tolerance. */
  unchanged: "#AFB8C1",
  /**
   * Beyond the tolerance but inside the change's 95% interval: a muted sand, lighter than
   * `changed` and warmer than `unchanged`, so it reads as neither a finding nor "no change"
   * (under deuteranopia and protanopia it stays yellowish against the blue-greys).
   */
  "within-noise": "#D6C38F"
};
var WHISKER_COLOR = "#1F2328";
var TEXT_COLOR = "#1F2328";
var MUTED_TEXT_COLOR = "#59636E";
var GRID_COLOR = "#E4E8EC";
var AXIS_COLOR = "#8C959F";
var ZERO_LINE_COLOR = "#59636E";
var FONT_SIZE = 12;
var TITLE_FONT_SIZE = 14;
var HEAD_LINE_WIDTH = 2;
var BASE_LINE_WIDTH = 1.5;
var BASE_DASH = [6, 4];
function withAlpha(color, alpha) {
  const a = Math.round(Math.min(1, Math.max(0, alpha)) * 255).toString(16).padStart(2, "0");
  return `${color.slice(0, 7)}${a}`;
}
function baseOptions(title, subtitle) {
  return {
    animation: false,
    responsive: false,
    maintainAspectRatio: false,
    layout: { padding: { top: 4, right: 16, bottom: 4, left: 8 } },
    font: { family: CHART_FONT_FAMILY, size: FONT_SIZE },
    color: TEXT_COLOR,
    plugins: {
      title: {
        display: true,
        text: title,
        align: "start",
        color: TEXT_COLOR,
        font: { family: CHART_FONT_FAMILY, size: TITLE_FONT_SIZE, weight: 600 },
        padding: { top: 4, bottom: subtitle === void 0 ? 8 : 2 }
      },
      subtitle: {
        display: subtitle !== void 0,
        text: subtitle ?? "",
        align: "start",
        color: MUTED_TEXT_COLOR,
        font: { family: CHART_FONT_FAMILY, size: FONT_SIZE },
        padding: { bottom: 8 }
      },
      legend: {
        display: true,
        position: "top",
        align: "end",
        labels: {
          color: TEXT_COLOR,
          font: { family: CHART_FONT_FAMILY, size: FONT_SIZE },
          boxWidth: 28,
          boxHeight: 2,
          padding: 12
        }
      },
      tooltip: { enabled: false }
    }
  };
}
function axisOptions(title) {
  return {
    title: {
      display: title !== void 0,
      text: title ?? "",
      color: MUTED_TEXT_COLOR,
      font: { family: CHART_FONT_FAMILY, size: FONT_SIZE }
    },
    ticks: { color: MUTED_TEXT_COLOR, font: { family: CHART_FONT_FAMILY, size: FONT_SIZE } },
    grid: { color: GRID_COLOR, tickColor: GRID_COLOR },
    border: { color: AXIS_COLOR }
  };
}
function tickLabel(value) {
  return typeof value === "number" ? formatNumber(value, 4) : value;
}
function formatValue(value, settings) {
  if (settings?.percent === true && Number.isFinite(value))
    return `${formatNumber(roundNoise(value * 100), settings.precision ?? 4)}%`;
  const text = formatNumber(value, settings?.precision ?? 4);
  return settings?.unit !== void 0 && Number.isFinite(value) ? `${text} ${settings.unit}` : text;
}
function slug(text) {
  const s = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
  return s === "" ? "metric" : s;
}
function uniqueFileName(prefix, key, taken) {
  const stem = `${prefix}-${slug(key)}`;
  let name = `${stem}.png`;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}.png`;
  taken.add(name);
  return name;
}
function middleEllipsis(text, max) {
  const chars = [...text];
  if (chars.length <= max) return text;
  const keep = max - 1;
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  return `${chars.slice(0, head).join("")}\u2026${chars.slice(chars.length - tail).join("")}`;
}
function listWords(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function distinctLabels(keys, max) {
  const first = keys.map((k) => middleEllipsis(k, max));
  const counts = /* @__PURE__ */ new Map();
  for (const l of first) counts.set(l, (counts.get(l) ?? 0) + 1);
  return keys.map((key, i) => {
    if (counts.get(first[i]) < 2) return first[i];
    const chars = [...key];
    let differs = 0;
    let sameEnd = 0;
    for (const other of keys) {
      if (other === key) continue;
      const o = [...other];
      let p = 0;
      while (p < chars.length && p < o.length && chars[p] === o[p]) p++;
      differs = Math.max(differs, p);
      let s = 0;
      while (s < chars.length - p && s < o.length && chars[chars.length - 1 - s] === o[o.length - 1 - s]) s++;
      sameEnd = Math.max(sameEnd, s);
    }
    const text = chars.join("");
    const start = Math.max(0, text.lastIndexOf(".", Math.max(0, differs - 1)) + 1);
    const dot = text.indexOf(".", Math.max(differs, chars.length - sameEnd));
    const end = dot < 0 ? chars.length : dot;
    const window = middleEllipsis(chars.slice(start, end).join(""), Math.max(4, Math.floor(max / 2)));
    const budget = Math.max(2, max - [...window].length - 2);
    const headLength = Math.min(start, Math.ceil(budget * 0.4));
    const tailLength = Math.min(chars.length - end, budget - headLength);
    const head = chars.slice(0, headLength).join("");
    const tail = chars.slice(chars.length - tailLength).join("");
    return `${head}${headLength < start ? "\u2026" : ""}${window}${chars.length - tailLength > end ? "\u2026" : ""}${tail}`;
  });
}
var bandFill = {
  id: "mlci-noise-band",
  beforeDatasetsDraw(chart) {
    const { ctx, chartArea } = chart;
    chart.data.datasets.forEach((dataset, i) => {
      const fill = dataset.mlciBandFill;
      if (fill === void 0) return;
      const lowerData = chart.data.datasets[i + 1].data;
      const top = chart.getDatasetMeta(i).data;
      const bottom = chart.getDatasetMeta(i + 1).data;
      ctx.save();
      ctx.beginPath();
      ctx.rect(
        chartArea.left,
        chartArea.top,
        chartArea.right - chartArea.left,
        chartArea.bottom - chartArea.top
      );
      ctx.clip();
      ctx.fillStyle = fill;
      let run = [];
      const flush = () => {
        if (run.length >= 2) {
          ctx.beginPath();
          run.forEach(
            (j, k) => k === 0 ? ctx.moveTo(top[j].x, top[j].y) : ctx.lineTo(top[j].x, top[j].y)
          );
          for (const j of [...run].reverse()) ctx.lineTo(bottom[j].x, bottom[j].y);
          ctx.closePath();
          ctx.fill();
        }
        run = [];
      };
      const missing = (v) => v === null || v === void 0 || typeof v === "object" && v.y === null;
      dataset.data.forEach((value, j) => {
        if (!missing(value) && !missing(lowerData[j]) && top[j] !== void 0 && bottom[j] !== void 0)
          run.push(j);
        else flush();
      });
      flush();
      ctx.restore();
    });
  }
};

// packages/core/src/report/charts/unavailable.ts
var ChartsUnavailableError = class extends Error {
  name = "ChartsUnavailableError";
};

export {
  require_node_zlib,
  crc322 as crc32,
  sliceBy8,
  slicingTable,
  roundNoise,
  formatNumber,
  formatDelta,
  formatPercent,
  CHART_WIDTH,
  CURVE_HEIGHT,
  HISTORY_HEIGHT,
  CHART_FONT_FAMILY,
  OKABE_ITO,
  seriesColor,
  STATUS_COLORS,
  WHISKER_COLOR,
  TEXT_COLOR,
  MUTED_TEXT_COLOR,
  GRID_COLOR,
  AXIS_COLOR,
  ZERO_LINE_COLOR,
  FONT_SIZE,
  HEAD_LINE_WIDTH,
  BASE_LINE_WIDTH,
  BASE_DASH,
  withAlpha,
  baseOptions,
  axisOptions,
  tickLabel,
  formatValue,
  uniqueFileName,
  middleEllipsis,
  listWords,
  plural,
  distinctLabels,
  bandFill,
  ChartsUnavailableError
};
