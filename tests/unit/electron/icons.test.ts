// The committed icons are valid PNGs of the sizes packaging expects, and are exactly what
// scripts/make-icons.ts draws today (so a change to the drawing cannot be forgotten).
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICON_FILES, renderIcon } from '../../../scripts/make-icons.ts';

const resources = new URL('../../../resources/', import.meta.url);

interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  readonly rgba: Buffer;
}

/** Minimal reader for the PNGs the script writes (RGBA, 8 bit, filter 0), independent of its encoder. */
function decodePng(file: Buffer): DecodedPng {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  let ended = false;
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  expect(ended).toBe(true);
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(data));
  expect(raw.length).toBe((width * 4 + 1) * height);
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, bitDepth: header[8] ?? 0, colourType: header[9] ?? 0, rgba };
}

describe('icons', () => {
  it('include the sizes packaging and the tray need', () => {
    expect(ICON_FILES).toEqual(
      expect.arrayContaining([
        { file: 'icon.png', size: 512 },
        { file: 'icons/256x256.png', size: 256 },
        { file: 'icons/512x512.png', size: 512 },
        { file: 'tray.png', size: 32 },
      ]),
    );
  });

  it.each(ICON_FILES)('$file is a $size×$size RGBA PNG, up to date with the script', ({ file, size }) => {
    const committed = readFileSync(new URL(file, resources));
    const png = decodePng(committed);
    expect([png.width, png.height, png.bitDepth, png.colourType]).toEqual([size, size, 8, 6]);
    // Transparent corners (rounded square), opaque centre.
    expect(png.rgba[3]).toBe(0);
    const centre = (Math.floor(size / 2) * size + Math.floor(size / 2)) * 4;
    expect(png.rgba[centre + 3]).toBe(255);
    expect(committed.equals(renderIcon(size))).toBe(true);
  });
});
