import { inflateSync } from 'node:zlib';

/**
 * A small PNG decoder for tests: 8-bit greyscale, grey+alpha, RGB and RGBA, non-interlaced, every
 * filter type. Enough for any PNG mlci writes and for most others; anything else throws, so a
 * test never passes on pixels it could not read. Pixels come back as straight (not premultiplied)
 * RGBA, whatever the file stored.
 */
export interface DecodedPng {
  width: number;
  height: number;
  /** width * height * 4 bytes, row by row, RGBA. */
  data: Uint8Array;
  /** The file's colour type: 0 grey, 2 RGB, 4 grey+alpha, 6 RGBA. */
  colorType: number;
  /** Chunk types in file order (`IHDR`, `IDAT`, ..., `IEND`). */
  chunks: string[];
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function decodePng(bytes: Uint8Array): DecodedPng {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || SIGNATURE.some((b, i) => buf[i] !== b)) throw new Error('not a PNG: bad signature');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  const chunks: string[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    chunks.push(type);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8]!;
      colorType = data[9]!;
      if (depth !== 8) throw new Error(`unsupported bit depth ${depth}`);
      if (CHANNELS[colorType] === undefined) throw new Error(`unsupported colour type ${colorType}`);
      if (data[12] !== 0) throw new Error('interlaced PNGs are not supported');
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  if (width === 0 || height === 0) throw new Error('PNG without IHDR');
  const channels = CHANNELS[colorType]!;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== (stride + 1) * height)
    throw new Error(`PNG data is ${raw.length} bytes, expected ${(stride + 1) * height}`);
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let i = 0; i < stride; i++) {
      const x = raw[src + i]!;
      const a = i >= channels ? pixels[row + i - channels]! : 0;
      const b = y > 0 ? pixels[row - stride + i]! : 0;
      const c = i >= channels && y > 0 ? pixels[row - stride + i - channels]! : 0;
      let value: number;
      switch (filter) {
        case 0:
          value = x;
          break;
        case 1:
          value = x + a;
          break;
        case 2:
          value = x + b;
          break;
        case 3:
          value = x + ((a + b) >> 1);
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          value = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          throw new Error(`unknown PNG filter ${filter} on row ${y}`);
      }
      pixels[row + i] = value & 255;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let p = 0, q = 0; p < width * height; p++, q += channels) {
    const o = p * 4;
    if (channels >= 3) {
      data[o] = pixels[q]!;
      data[o + 1] = pixels[q + 1]!;
      data[o + 2] = pixels[q + 2]!;
    } else {
      data[o] = data[o + 1] = data[o + 2] = pixels[q]!;
    }
    data[o + 3] = channels === 4 ? pixels[q + 3]! : channels === 2 ? pixels[q + 1]! : 255;
  }
  return { width, height, data, colorType, chunks };
}

/** The RGBA of one pixel. */
export function pixelAt(png: DecodedPng, x: number, y: number): [number, number, number, number] {
  const o = (y * png.width + x) * 4;
  return [png.data[o]!, png.data[o + 1]!, png.data[o + 2]!, png.data[o + 3]!];
}

/** `#RRGGBB` (or `#RRGGBBAA`, alpha ignored) as numbers. */
export function parseHexColor(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(color);
  if (m === null) throw new Error(`not a hex colour: ${color}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/**
 * How many pixels inside the rectangle are within `tolerance` (per channel) of `color`. Lines are
 * antialiased, so the core of a 2 px line at 2x is the exact colour and its edges are blends.
 */
export function countColor(
  png: DecodedPng,
  color: string | [number, number, number],
  region: { x0: number; y0: number; x1: number; y1: number } = {
    x0: 0,
    y0: 0,
    x1: png.width,
    y1: png.height,
  },
  tolerance = 8,
): number {
  const [r, g, b] = typeof color === 'string' ? parseHexColor(color) : color;
  let n = 0;
  for (let y = Math.max(0, region.y0); y < Math.min(png.height, region.y1); y++) {
    for (let x = Math.max(0, region.x0); x < Math.min(png.width, region.x1); x++) {
      const o = (y * png.width + x) * 4;
      if (
        Math.abs(png.data[o]! - r) <= tolerance &&
        Math.abs(png.data[o + 1]! - g) <= tolerance &&
        Math.abs(png.data[o + 2]! - b) <= tolerance
      )
        n++;
    }
  }
  return n;
}
