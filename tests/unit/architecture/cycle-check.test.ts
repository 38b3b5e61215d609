// Proves the import-cycle check (scripts/check-cycles.sh, run by the test command) fails on a cycle planted
// in a temporary folder, names the files, and lets a cycle made only of type imports through.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const script = path.join(root, 'scripts/check-cycles.sh');

function runCheck(glob: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile('bash', [script, glob], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

describe('the import-cycle check', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on a planted cycle and names both files', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'roost-cycle-'));
    writeFileSync(
      path.join(dir, 'poller.ts'),
      "import { hub } from './hub.ts';\nexport const poller = () => hub;\n",
    );
    writeFileSync(
      path.join(dir, 'hub.ts'),
      "import { poller } from './poller.ts';\nexport const hub = () => poller;\n",
    );

    const { code, output } = await runCheck(path.join(dir, '*.ts'));

    expect(code).toBe(1);
    expect(output).toMatch(/hub\.ts -> .*poller\.ts|poller\.ts -> .*hub\.ts/);
  }, 60_000);

  it('passes when the only cycle is made of type imports', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'roost-cycle-'));
    writeFileSync(
      path.join(dir, 'socket.ts'),
      "import type { Stream } from './stream.ts';\nexport interface Socket { stream: Stream }\n",
    );
    writeFileSync(
      path.join(dir, 'stream.ts'),
      "import type { Socket } from './socket.ts';\nexport interface Stream { socket: Socket }\nexport const ok = 1;\n",
    );

    const { code } = await runCheck(path.join(dir, '*.ts'));

    expect(code).toBe(0);
  }, 60_000);
});
