// The organisation's blocked terms, matched as whole words regardless of case and accents, with the
// position in the original text so the composer can underline it.
import type { OutgoingPost } from '../compose/post.ts';
import { foldText } from '../text/fold.ts';
import type { GuardContext, GuardDecision } from './types.ts';
import { decisionId } from './decision-id.ts';

type Folded = { text: string; starts: number[]; ends: number[] };

// Folding can change lengths (ß → ss, é → e), so each folded unit remembers where it came from.
function foldWithMap(text: string): Folded {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const ch of text) {
    const f = foldText(ch);
    for (let i = 0; i < f.length; i++) {
      starts.push(index);
      ends.push(index + ch.length);
    }
    folded += f;
    index += ch.length;
  }
  return { text: folded, starts, ends };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function termPattern(term: string): RegExp | null {
  const folded = foldText(term).trim();
  if (folded === '') return null;
  const body = folded.split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, 'gu');
}

export type TermMatch = { term: string; matched: string; start: number; end: number };

export function findBlockedTerms(text: string, terms: readonly string[]): TermMatch[] {
  const folded = foldWithMap(text);
  const matches: TermMatch[] = [];
  for (const term of terms) {
    const pattern = termPattern(term);
    if (!pattern) continue;
    for (const m of folded.text.matchAll(pattern)) {
      if (m[0].length === 0) continue;
      const start = folded.starts[m.index] ?? 0;
      const end = folded.ends[m.index + m[0].length - 1] ?? text.length;
      matches.push({ term, matched: text.slice(start, end), start, end });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

export function blockedTermRule(post: OutgoingPost, ctx: GuardContext): GuardDecision[] {
  const out: GuardDecision[] = [];
  for (const target of post.targets) {
    // One decision per term and account, pointing at the first occurrence: a repeated word is one problem.
    const seen = new Set<string>();
    for (const match of findBlockedTerms(target.text, ctx.blockedTerms)) {
      if (seen.has(match.term)) continue;
      seen.add(match.term);
      out.push({
        id: decisionId('blocked-term', target.accountId, match.term),
        guard: 'blocked-term',
        level: 'block',
        message: `"${match.matched}" is on the blocked-term list`,
        accountIds: [target.accountId],
        detail: { guard: 'blocked-term', ...match },
      });
    }
  }
  return out;
}
