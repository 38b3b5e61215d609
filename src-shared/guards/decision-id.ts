// Decision ids are stable across the renderer and main (the user's answers name them) and bounded in
// length (the contract caps them), so a long subject such as a URL is replaced by its hash.
import { sha256Hex } from './sha256.ts';
import type { GuardId } from './types.ts';

const MAX_ID_LENGTH = 200;

export function decisionId(guard: GuardId, ...parts: string[]): string {
  const id = [guard, ...parts].join(':');
  return id.length <= MAX_ID_LENGTH ? id : `${guard}:#${sha256Hex(parts.join('\n')).slice(0, 32)}`;
}
