// The card's action icons: lucide's own shapes, drawn at their final size. A lucide <svg> draws its 24-unit
// shapes scaled into a 15 px box and clips them to it; Chromium gives every such scale and clip a node of
// its own in the paint property trees, and with six icons on each of a hundred cards on screen, sorting
// those nodes into layers (Layerize) was the largest single cost of a busy deck's frames. Here the shapes are
// scaled once, at load, to a 15-unit viewBox (stroke scaled the same), and nothing is clipped (lucide's
// shapes stay inside their box): the same pixels with no node at all. Each icon is one shared element.
import type { ReactElement } from 'react';
// @ts-expect-error lucide-react's icon modules export their shapes as `__iconData`; the typings only name the component
import { __iconData as ellipsis } from 'lucide-react/icons/ellipsis';
// @ts-expect-error as above
import { __iconData as heart } from 'lucide-react/icons/heart';
// @ts-expect-error as above
import { __iconData as messageCircle } from 'lucide-react/icons/message-circle';
// @ts-expect-error as above
import { __iconData as messagesSquare } from 'lucide-react/icons/messages-square';
// @ts-expect-error as above
import { __iconData as quote } from 'lucide-react/icons/quote';
// @ts-expect-error as above
import { __iconData as repeat2 } from 'lucide-react/icons/repeat-2';
import type { LucideIconData } from 'lucide-react';
import { scaleShape } from './scale-shape.ts';

/** lucide's default look (stroke 2 of 24, round caps and joins), at `px`. */
function flatIcon(data: LucideIconData, px: number): ReactElement {
  const factor = px / (data.size ?? 24);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={px}
      height={px}
      viewBox={`0 0 ${px} ${px}`}
      fill="none"
      stroke="currentColor"
      strokeWidth={2 * factor}
      strokeLinecap="round"
      strokeLinejoin="round"
      overflow="visible"
      className={`lucide lucide-${data.name ?? 'icon'}`}
      aria-hidden="true"
    >
      {data.node.map(([tag, attrs], i) => {
        const Tag = tag as 'path';
        return <Tag key={i} {...scaleShape(tag, attrs as Record<string, unknown>, factor)} />;
      })}
    </svg>
  );
}

const SIZE = 15;
export const ReplyIcon = flatIcon(messageCircle as LucideIconData, SIZE);
export const RepostIcon = flatIcon(repeat2 as LucideIconData, SIZE);
export const LikeIcon = flatIcon(heart as LucideIconData, SIZE);
export const QuoteIcon = flatIcon(quote as LucideIconData, SIZE);
export const ThreadIcon = flatIcon(messagesSquare as LucideIconData, SIZE);
export const MoreIcon = flatIcon(ellipsis as LucideIconData, SIZE);
