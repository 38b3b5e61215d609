// The card's icons are lucide's shapes scaled once to their final size (no viewBox scale, no clip, so no
// paint property nodes per icon). They must draw what lucide's own components draw: both are rasterised
// in Chromium and compared pixel by pixel.
import {
  Ellipsis,
  Heart,
  MessageCircle,
  MessagesSquare,
  Quote,
  Repeat2,
  type LucideIcon,
} from 'lucide-react';
import type { ReactElement } from 'react';
import { render } from 'vitest-browser-react';
import { describe, expect, test } from 'vitest';
import {
  LikeIcon,
  MoreIcon,
  QuoteIcon,
  ReplyIcon,
  RepostIcon,
  ThreadIcon,
} from '../../../src-renderer/features/streams/components/card-icons.tsx';

const SCALE = 4;

/** The svg as an image, drawn at SCALE× on a white canvas; RGBA bytes. */
async function pixels(svg: SVGSVGElement): Promise<Uint8ClampedArray> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('stroke', 'black');
  const image = new Image();
  image.src = `data:image/svg+xml,${encodeURIComponent(copy.outerHTML)}`;
  await image.decode();
  const side = 15 * SCALE;
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext('2d')!;
  context.fillStyle = 'white';
  context.fillRect(0, 0, side, side);
  context.drawImage(image, 0, 0, side, side);
  return context.getImageData(0, 0, side, side).data;
}

async function drawn(element: ReactElement): Promise<SVGSVGElement> {
  const screen = await render(<div data-testid="icon">{element}</div>);
  const svg = screen.container.querySelector('svg');
  if (!svg) throw new Error('no svg drawn');
  return svg;
}

const PAIRS: [string, LucideIcon, ReactElement][] = [
  ['reply', MessageCircle, ReplyIcon],
  ['repost', Repeat2, RepostIcon],
  ['like', Heart, LikeIcon],
  ['quote', Quote, QuoteIcon],
  ['thread', MessagesSquare, ThreadIcon],
  ['more', Ellipsis, MoreIcon],
];

describe('card icons', () => {
  test.each(PAIRS)('%s draws the same pixels as lucide at 15 px', async (_, Lucide, flat) => {
    const expected = await pixels(await drawn(<Lucide aria-hidden size={15} />));
    const svg = await drawn(flat);
    // Drawn at its own size: nothing to scale, nothing clipped.
    expect(svg.getAttribute('viewBox')).toBe('0 0 15 15');
    expect(svg.getAttribute('overflow')).toBe('visible');
    const actual = await pixels(svg);
    let inked = 0;
    let worst = 0;
    for (let i = 0; i < expected.length; i += 4) {
      if (expected[i]! < 128) inked += 1;
      worst = Math.max(worst, Math.abs(expected[i]! - actual[i]!));
    }
    expect(inked).toBeGreaterThan(40);
    expect(worst).toBeLessThanOrEqual(8);
  });
});
