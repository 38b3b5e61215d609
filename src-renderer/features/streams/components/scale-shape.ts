// Scales an SVG shape's geometry by a factor, so an icon can be drawn at its final size without a viewBox
// scale (see card-icons.tsx). Covers what lucide's shapes use: path data, circles, ellipses, rects, lines
// and polylines/polygons. Numbers keep full precision: rounding them moves edges by a fraction of a
// pixel, which shows in the anti-aliasing.

/** Attributes holding a length, per element; every other attribute is kept as is. */
const LENGTHS: Record<string, readonly string[]> = {
  circle: ['cx', 'cy', 'r'],
  ellipse: ['cx', 'cy', 'rx', 'ry'],
  rect: ['x', 'y', 'width', 'height', 'rx', 'ry'],
  line: ['x1', 'y1', 'x2', 'y2'],
};

export function scaleShape(
  tag: string,
  attrs: Record<string, unknown>,
  factor: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'key') continue;
    if (tag === 'path' && name === 'd') out[name] = scalePath(String(value), factor);
    else if ((tag === 'polyline' || tag === 'polygon') && name === 'points')
      out[name] = String(value).replace(NUMBER, (n) => String(Number(n) * factor));
    else if (LENGTHS[tag]?.includes(name)) out[name] = Number(value) * factor;
    else out[name] = value;
  }
  return out;
}

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

/**
 * Multiplies every coordinate and radius of path data by `factor`. An arc's rotation and its two flags are
 * not lengths and stay; the flags may be written without separators ("a2 2 0 011 1"), so they are read
 * one character each.
 */
export function scalePath(d: string, factor: number): string {
  const out: string[] = [];
  let at = 0;
  let command = '';
  let index = 0;
  const number = /^[\s,]*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/;
  const flag = /^[\s,]*([01])/;
  while (at < d.length) {
    const rest = d.slice(at);
    const letter = /^[\s,]*([a-zA-Z])/.exec(rest);
    if (letter) {
      command = letter[1]!;
      index = 0;
      out.push(command);
      at += letter[0].length;
      continue;
    }
    const isArc = command === 'a' || command === 'A';
    const position = index % 7;
    if (isArc && (position === 3 || position === 4)) {
      const f = flag.exec(rest);
      if (!f) break;
      out.push(` ${f[1]}`);
      at += f[0].length;
    } else {
      const n = number.exec(rest);
      if (!n) break;
      const value = Number(n[1]);
      out.push(` ${isArc && position === 2 ? value : value * factor}`);
      at += n[0].length;
    }
    index += 1;
  }
  return out.join('').trim();
}
