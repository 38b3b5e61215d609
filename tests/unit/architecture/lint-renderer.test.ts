// Proves the renderer's layer rules (eslint/renderer-layers.js) are live: the project's own ESLint config
// rejects a feature importing another feature, shell importing a feature, and renderer code importing Node
// or src-main, while shared pieces (features/shell/ui/, db/, archive/) stay allowed. The planted code is
// linted as text under a path inside a feature, so no wrong file ever sits in the tree.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('no renderer feature imports another', () => {
  it('reports compose importing from settings', async () => {
    const errors = await importErrors(
      'src-renderer/features/compose/components/planted.tsx',
      "import { ShortenerSettings } from '../../settings/shortener-settings.tsx';\nexport const x = ShortenerSettings;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('A feature never imports another');
  });

  it('reports streams importing from compose at the top of the feature and through features/', async () => {
    const top = await importErrors(
      'src-renderer/features/streams/planted.ts',
      "import { x } from '../compose/model/draft.ts';\nexport const y = x;\n",
    );
    const via = await importErrors(
      'src-renderer/features/streams/model/deep/planted.ts',
      "import { x } from '../../../../features/analytics/model/x.ts';\nexport const y = x;\n",
    );
    expect(top).toHaveLength(1);
    expect(via).toHaveLength(1);
  });

  it('reports a feature reaching into shell outside shell/ui, and shell importing a feature', async () => {
    const outsideUi = await importErrors(
      'src-renderer/features/analytics/planted.ts',
      "import { NavRail } from '../shell/nav-rail.tsx';\nexport const y = NavRail;\n",
    );
    const shell = await importErrors(
      'src-renderer/features/shell/ui/planted.ts',
      "import { Deck } from '../../streams/deck.tsx';\nexport const y = Deck;\n",
    );
    expect(outsideUi).toHaveLength(1);
    expect(shell).toHaveLength(1);
    expect(shell[0]).toContain('The shell frames the features');
  });

  it('keeps the renderer-wide rules inside features', async () => {
    const errors = await importErrors(
      'src-renderer/features/settings/planted.ts',
      "import { readFile } from 'node:fs';\nimport { x } from '../../../src-main/services/x.ts';\nexport const y = [readFile, x];\n",
    );
    expect(errors).toHaveLength(2);
  });

  it('allows shell/ui, shared folders and the feature itself', async () => {
    const errors = await importErrors(
      'src-renderer/features/compose/components/planted.tsx',
      [
        "import { AccountAvatar } from '../../shell/ui/account-avatar.tsx';",
        "import { saveSetting } from '../../../db/settings-changed.ts';",
        "import { finalText } from '../model/build-post.ts';",
        'export const y = [AccountAvatar, saveSetting, finalText];',
        '',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });
});
