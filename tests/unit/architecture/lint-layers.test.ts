// Proves that ESLint enforces src-main's layers (eslint/main-layers.js): each planted file in
// tests/fixtures/lint is linted, with the project's own config, as if it sat in a src-main folder, and
// must be refused there — while the same text in a folder allowed to import it passes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = path.join(root, 'tests/fixtures/lint');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layer-rule messages ESLint gives for a fixture placed at `src-main/<folder>/planted.ts`. */
async function layerErrors(fixture: string, folder: string): Promise<string[]> {
  const text = readFileSync(path.join(fixtures, fixture), 'utf8');
  const [result] = await eslint.lintText(text, {
    filePath: path.join(root, 'src-main', folder, 'planted.ts'),
  });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('src-main layer rules', () => {
  it('refuses runtime/ importing anything of src-main', async () => {
    const errors = await layerErrors('runtime-imports-store.ts', 'runtime');
    expect(errors).toEqual([
      expect.stringContaining('src-main/runtime/ may import src-shared only, not store/'),
    ]);
  });

  it('refuses publishing importing streams, but not a folder allowed to', async () => {
    expect(await layerErrors('publishing-imports-streams.ts', 'publishing')).toEqual([
      expect.stringContaining('not streams/'),
    ]);
    expect(await layerErrors('publishing-imports-streams.ts', 'app')).toEqual([]);
  });

  it('refuses a domain importing a transport or the composition root', async () => {
    for (const domain of ['shortener', 'accounts', 'streams']) {
      const errors = await layerErrors('domain-imports-transport.ts', domain);
      expect(errors).toHaveLength(2);
      expect(errors.join('\n')).toMatch(/not browser\/[\s\S]*not app\//);
    }
    expect(await layerErrors('domain-imports-transport.ts', 'electron')).toHaveLength(1); // browser/ only
  });

  it('lets a domain read rpc/ types but not build a router', async () => {
    expect(await layerErrors('domain-imports-rpc-types.ts', 'accounts')).toEqual([]);
    expect(await layerErrors('domain-imports-router-value.ts', 'accounts')).toEqual([
      expect.stringContaining('reads rpc/ for types only'),
    ]);
    expect(await layerErrors('domain-imports-router-value.ts', 'browser')).toEqual([]);
  });

  it("keeps 'electron' inside src-main/electron/", async () => {
    expect(await layerErrors('imports-electron.ts', 'streams')).toEqual([
      expect.stringContaining("Only src-main/electron/ imports 'electron'"),
    ]);
    expect(await layerErrors('imports-electron.ts', 'electron')).toEqual([]);
  });

  it('keeps the fixtures out of the normal lint run', async () => {
    expect(await eslint.isPathIgnored(path.join(fixtures, 'runtime-imports-store.ts'))).toBe(true);
  });
});
