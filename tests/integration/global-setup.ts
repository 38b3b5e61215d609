// Vitest globalSetup for the integration project: one real local Bluesky network per run (tests/sandbox),
// provided to tests as `inject('sandbox')`. Set ROOST_SANDBOX_INFO to a running sandbox's JSON to reuse it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { SANDBOX_LINE_PREFIX, parseSandboxInfo } from '../support/sandbox-client.ts';
import type { SandboxInfo } from '../support/sandbox-client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sandbox: SandboxInfo;
  }
}

const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;
const STDERR_TAIL_CHARS = 8_000;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const reused = process.env.ROOST_SANDBOX_INFO;
  if (reused) {
    project.provide('sandbox', parseSandboxInfo(reused.trim()));
    return undefined;
  }
  const { child, info } = await startSandbox();
  project.provide('sandbox', info);
  return () => stopSandbox(child);
}

async function startSandbox(): Promise<{ child: ChildProcess; info: SandboxInfo }> {
  // --watch-stdin: if this runner dies without tearing down, the closed pipe still stops the sandbox.
  const child = spawn(process.execPath, ['tests/sandbox/start.ts', '--watch-stdin'], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderrTail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
  });
  const failure = (why: string): Error =>
    new Error(`Sandbox did not start: ${why}\n--- sandbox stderr (tail) ---\n${stderrTail}`);

  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  try {
    const info = await new Promise<SandboxInfo>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(failure(`no ${SANDBOX_LINE_PREFIX.trim()} line within ${START_TIMEOUT_MS / 1000} s`)),
        START_TIMEOUT_MS,
      );
      child.once('error', (error) => reject(failure(error.message)));
      child.once('exit', (code, signal) =>
        reject(failure(`it exited early (code ${code}, signal ${signal})`)),
      );
      lines.on('line', (line) => {
        if (!line.startsWith(SANDBOX_LINE_PREFIX)) return;
        clearTimeout(timer);
        try {
          resolve(parseSandboxInfo(line));
        } catch (error) {
          reject(failure(error instanceof Error ? error.message : String(error)));
        }
      });
    });
    // Keep draining stdout so the child never blocks on a full pipe.
    child.stdout?.resume();
    return { child, info };
  } catch (error) {
    await stopSandbox(child);
    throw error;
  }
}

async function stopSandbox(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
