/**
 * A small PNG reader for the pictures pdftoppm writes (8-bit RGB or RGBA,
 * not interlaced): enough to count the pixels of a heatmap colour.
 */
import { inflateSync } from 'zlib';

export interface Picture {
  width: number;
  height: number;
  /** RGB triples, row by row. */
  rgb: Uint8Array;
}

export function readPng(bytes: Buffer): Picture {
  if (bytes.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 3;
  const idat: Buffer[] = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('ascii', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      const colour = data[9];
      if (depth !== 8 || data[12] !== 0 || (colour !== 2 && colour !== 6))
        throw new Error(`unsupported PNG (depth ${depth}, colour type ${colour})`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[y * stride + x - channels] : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      rows[y * stride + x] = v & 0xff;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rows.length; i += channels, j += 3) {
    rgb[j] = rows[i];
    rgb[j + 1] = rows[i + 1];
    rgb[j + 2] = rows[i + 2];
  }
  return { width, height, rgb };
}

/** Pixel counts by colour (0xRRGGBB) over some pictures. */
export function colourHistogram(pictures: readonly Picture[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { rgb } of pictures) {
    for (let i = 0; i < rgb.length; i += 3) {
      const key = (rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** How many pixels are within `tolerance` of the colour "RRGGBB" on every channel. */
export function countColour(histogram: Map<number, number>, hex: string, tolerance = 3): number {
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  let n = 0;
  for (const [key, count] of histogram) {
    if (
      Math.abs(((key >> 16) & 0xff) - r) <= tolerance &&
      Math.abs(((key >> 8) & 0xff) - g) <= tolerance &&
      Math.abs((key & 0xff) - b) <= tolerance
    )
      n += count;
  }
  return n;
}

/** A patch of one colour on a picture: its bounding box, centre and size in pixels. */
export interface ColourPatch {
  left: number;
  top: number;
  right: number;
  bottom: number;
  centreX: number;
  centreY: number;
  pixels: number;
}

/**
 * The connected patches of a colour (within `tolerance` per channel), largest
 * first, ignoring specks under `minPixels` (anti-aliased edges of text). A
 * filled cell is one patch: the test can then say which cell has which colour.
 */
export function colourPatches(picture: Picture, hex: string, tolerance = 3, minPixels = 12): ColourPatch[] {
  const { width, height, rgb } = picture;
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  const matches = (i: number) =>
    Math.abs(rgb[i * 3] - r) <= tolerance && Math.abs(rgb[i * 3 + 1] - g) <= tolerance && Math.abs(rgb[i * 3 + 2] - b) <= tolerance;
  const seen = new Uint8Array(width * height);
  const patches: ColourPatch[] = [];
  for (let start = 0; start < width * height; start++) {
    if (seen[start] || !matches(start)) continue;
    const stack = [start];
    seen[start] = 1;
    let left = width,
      top = height,
      right = -1,
      bottom = -1,
      sumX = 0,
      sumY = 0,
      pixels = 0;
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % width;
      const y = (p - x) / width;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      sumX += x;
      sumY += y;
      pixels++;
      const next = [x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, y > 0 ? p - width : -1, y < height - 1 ? p + width : -1];
      for (const q of next) {
        if (q >= 0 && !seen[q] && matches(q)) {
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    if (pixels >= minPixels) patches.push({ left, top, right, bottom, centreX: sumX / pixels, centreY: sumY / pixels, pixels });
  }
  return patches.sort((a, b) => b.pixels - a.pixels);
}

/** Where a colour is on a picture: the box around its pixels (within `tolerance` per channel), or undefined when absent. */
export function colourBox(
  picture: Picture,
  hex: string,
  tolerance = 3,
): { left: number; top: number; right: number; bottom: number; pixels: number } | undefined {
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  let box: { left: number; top: number; right: number; bottom: number; pixels: number } | undefined;
  const { width, height, rgb } = picture;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (Math.abs(rgb[i] - r) > tolerance || Math.abs(rgb[i + 1] - g) > tolerance || Math.abs(rgb[i + 2] - b) > tolerance) continue;
      if (!box) box = { left: x, top: y, right: x, bottom: y, pixels: 0 };
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x);
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y);
      box.pixels++;
    }
  }
  return box;
}
