// Draws Roost's icons (three stream columns with a bird perched on one) and writes them as PNG files into
// resources/. Run with `node scripts/make-icons.ts`; tests/unit/electron/icons.test.ts checks the output is current.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly r: number;
}

const BACKGROUND_TOP: Rgb = [42, 140, 140];
const BACKGROUND_BOTTOM: Rgb = [20, 80, 95];
const COLUMN: Rgb = [244, 247, 245];
const BIRD: Rgb = [255, 181, 71];

const BACKGROUND: Box = { x0: 0.04, y0: 0.04, x1: 0.96, y1: 0.96, r: 0.2 };
const COLUMNS: readonly Box[] = [
  { x0: 0.19, y0: 0.3, x1: 0.35, y1: 0.8, r: 0.05 },
  { x0: 0.42, y0: 0.47, x1: 0.58, y1: 0.8, r: 0.05 },
  { x0: 0.65, y0: 0.38, x1: 0.81, y1: 0.8, r: 0.05 },
];
const BIRD_CENTRE = { x: 0.5, y: 0.36, r: 0.075 };

function insideRoundedBox(b: Box, x: number, y: number): boolean {
  if (x < b.x0 || x > b.x1 || y < b.y0 || y > b.y1) return false;
  const cx = Math.min(Math.max(x, b.x0 + b.r), b.x1 - b.r);
  const cy = Math.min(Math.max(y, b.y0 + b.r), b.y1 - b.r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= b.r ** 2;
}

function colourAt(x: number, y: number): Rgb | null {
  if (!insideRoundedBox(BACKGROUND, x, y)) return null;
  if ((x - BIRD_CENTRE.x) ** 2 + (y - BIRD_CENTRE.y) ** 2 <= BIRD_CENTRE.r ** 2) return BIRD;
  if (COLUMNS.some((column) => insideRoundedBox(column, x, y))) return COLUMN;
  const t = (y - BACKGROUND.y0) / (BACKGROUND.y1 - BACKGROUND.y0);
  return [0, 1, 2].map((i) =>
    Math.round(BACKGROUND_TOP[i]! + (BACKGROUND_BOTTOM[i]! - BACKGROUND_TOP[i]!) * t),
  ) as unknown as Rgb;
}

/** RGBA pixels of the icon at `size`×`size`, anti-aliased by 4×4 supersampling. */
export function drawRoostIcon(size: number): Uint8Array {
  const samples = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered += 1;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) {
        pixels[offset] = Math.round(r / covered);
        pixels[offset + 1] = Math.round(g / covered);
        pixels[offset + 2] = Math.round(b / covered);
        pixels[offset + 3] = Math.round((covered / (samples * samples)) * 255);
      }
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG; every scanline uses filter type 0 (none), which zlib compresses well enough here. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new RangeError('pixel buffer does not match the size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Every icon file, relative to resources/, and its size. */
export const ICON_FILES: readonly { readonly file: string; readonly size: number }[] = [
  { file: 'icon.png', size: 512 },
  { file: 'icons/512x512.png', size: 512 },
  { file: 'icons/256x256.png', size: 256 },
  { file: 'tray.png', size: 32 },
  { file: 'tray@2x.png', size: 64 },
];

export function renderIcon(size: number): Buffer {
  return encodePng(size, size, drawRoostIcon(size));
}

function writeIcons(resourcesDir: string): void {
  for (const { file, size } of ICON_FILES) {
    const target = path.join(resourcesDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, renderIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), target)} (${size}x${size})`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeIcons(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources'));
}
