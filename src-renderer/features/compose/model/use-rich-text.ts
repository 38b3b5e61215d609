// What Bluesky will make of the post and its follow-ups, asked of main (compose:richText) a moment after
// typing stops: the same detector the publish path uses, and which mentions are no account. The answer
// names the texts it is for, so a preview never lays stale offsets over newer text.
import { useEffect, useState } from 'react';
import {
  MAX_RICH_TEXTS,
  MAX_RICH_TEXT_LENGTH,
  type RichTextFacet,
} from '../../../../src-shared/contract/compose-contract.ts';
import type { RoostClient } from '../../../bridge/client.ts';

export interface RichTextView {
  readonly texts: readonly string[];
  readonly facets: readonly (readonly RichTextFacet[])[];
}

const QUIET_MS = 350;

/** Facets for `text` if the view was computed for exactly that text. */
export function facetsFor(view: RichTextView | null, index: number, text: string): readonly RichTextFacet[] {
  return view && view.texts[index] === text ? (view.facets[index] ?? []) : [];
}

/** Mentioned handles (with `@`) by what main found: no account, or could not be checked. */
export function mentionProblems(view: RichTextView | null): { noAccount: string[]; unchecked: string[] } {
  const noAccount = new Set<string>();
  const unchecked = new Set<string>();
  for (const facets of view?.facets ?? []) {
    for (const f of facets) {
      if (f.mention === 'no_account') noAccount.add(`@${f.value}`);
      if (f.mention === 'unchecked') unchecked.add(`@${f.value}`);
    }
  }
  return { noAccount: [...noAccount], unchecked: [...unchecked] };
}

export function useRichText(
  client: RoostClient,
  accountId: string | null,
  texts: readonly string[],
): RichTextView | null {
  const [view, setView] = useState<RichTextView | null>(null);
  const bounded = texts.slice(0, MAX_RICH_TEXTS).map((t) => t.slice(0, MAX_RICH_TEXT_LENGTH));
  const key = JSON.stringify([accountId, bounded]);

  useEffect(() => {
    const [id, asked] = JSON.parse(key) as [string | null, string[]];
    if (id === null || asked.every((t) => t.trim() === '')) {
      setView(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void client.call('compose:richText', { accountId: id, texts: asked }).then((result) => {
        if (!live) return;
        setView(result.ok ? { texts: asked, facets: result.value.texts.map((t) => t.facets) } : null);
      });
    }, QUIET_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, key]);

  return view;
}
