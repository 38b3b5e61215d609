// The local sandbox's discovery file: `./roost sandbox` writes it, main reads it. It lives in the user's own
// cache folder (not XDG_RUNTIME_DIR, which a private keyring run replaces), is readable by its owner only,
// and names the sandbox's PID so a file left by a crashed sandbox is ignored.
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { z } from '../../src-shared/zod.ts';

export const SandboxDiscoverySchema = z
  .object({
    version: z.literal(1),
    pid: z.number().int().positive(),
    pdsUrl: z.url({ protocol: /^https?$/ }).max(2048),
    brand: z
      .object({
        handle: z.string().min(1).max(512),
        displayName: z.string().max(1024),
        appPassword: z.string().min(1).max(256),
      })
      .strict(),
  })
  .strict();
export type SandboxDiscovery = z.infer<typeof SandboxDiscoverySchema>;

type Env = Readonly<Record<string, string | undefined>>;

/** `ROOST_SANDBOX_DISCOVERY` if set, else `$XDG_CACHE_HOME/roost/sandbox.json` (`~/.cache` by default). */
export function sandboxDiscoveryPath(env: Env = process.env): string {
  if (env.ROOST_SANDBOX_DISCOVERY) return path.resolve(env.ROOST_SANDBOX_DISCOVERY);
  const cache = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : null;
  return path.join(cache ?? path.join(homedir(), '.cache'), 'roost', 'sandbox.json');
}

/** Written beside and renamed into place, so a reader never sees half a file. */
export function writeSandboxDiscovery(file: string, discovery: SandboxDiscovery): void {
  const parsed = SandboxDiscoverySchema.parse(discovery);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(parsed), { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, file);
}

/** Removes the file only if it still describes the sandbox with this PID (another may have replaced it). */
export function removeSandboxDiscovery(file: string, pid: number): void {
  const current = readDiscoveryFile(file);
  if (current?.pid === pid) rmSync(file, { force: true });
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    // ESRCH: gone. EPERM: the PID now belongs to someone else's process, so not to this user's sandbox.
    return false;
  }
}

function readDiscoveryFile(file: string): SandboxDiscovery | null {
  let text: string;
  try {
    const stat = statSync(file);
    // Another user's file, or one others may read or write, is not trusted with an app password.
    if (process.getuid && stat.uid !== process.getuid()) return null;
    if ((stat.mode & 0o077) !== 0) return null;
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = SandboxDiscoverySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The running sandbox this file describes, or null when there is none, it is stale, or it is not local. */
export function readSandboxDiscovery(file: string): SandboxDiscovery | null {
  const discovery = readDiscoveryFile(file);
  if (!discovery || !isLoopback(discovery.pdsUrl) || !isAlive(discovery.pid)) return null;
  return discovery;
}
