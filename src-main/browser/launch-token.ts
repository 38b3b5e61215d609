// Where browser mode takes a fixed per-launch token from (tests, or main restarted behind an open page):
// the environment or standard input, never the command line, which every local user can read (`ps`).
import type { Readable } from 'node:stream';

export const TOKEN_ENV_VAR = 'ROOST_BROWSER_TOKEN';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,}$/;
const MAX_STDIN_BYTES = 4096;

export class LaunchTokenError extends Error {}

export interface LaunchTokenSource {
  readonly env: NodeJS.ProcessEnv;
  /** True with `--token-stdin`: the token is the first line written to standard input. */
  readonly fromStdin: boolean;
  readonly stdin: Readable;
}

/** The fixed token, or undefined to let the host draw a random one. Throws LaunchTokenError when bad. */
export async function readLaunchToken(source: LaunchTokenSource): Promise<string | undefined> {
  const fromEnv = source.env[TOKEN_ENV_VAR];
  // Children of browser mode (none today) must not inherit the token.
  delete source.env[TOKEN_ENV_VAR];
  if (fromEnv !== undefined && source.fromStdin) {
    throw new LaunchTokenError(`Give the token either in ${TOKEN_ENV_VAR} or on standard input, not both.`);
  }
  const token = source.fromStdin ? await firstLine(source.stdin) : fromEnv;
  if (token === undefined) return undefined;
  if (!TOKEN_SHAPE.test(token)) {
    throw new LaunchTokenError('The browser-mode token must be at least 32 letters, digits, "-" or "_".');
  }
  return token;
}

/** Explains why `--token` is refused, for anyone with an old script. */
export const ARGV_TOKEN_REFUSED =
  `--token is not accepted: other users of this machine can read a program's command line. ` +
  `Set ${TOKEN_ENV_VAR}, or pass --token-stdin and write the token to standard input.`;

async function firstLine(stdin: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
    if (text.length > MAX_STDIN_BYTES) throw new LaunchTokenError('The token on standard input is too long.');
  }
  return (text.split('\n', 1)[0] ?? '').trim();
}
