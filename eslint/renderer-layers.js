// The renderer's layer rules: the renderer never imports Node, Electron or src-main, and no feature under
// src-renderer/features/ imports another. What two features share lives in features/shell/ui/ (components
// and hooks) or outside features/ (db/, archive/, publishing/, ...), so each feature can be read, tested
// and changed alone. ESLint's flat config replaces a rule's options instead of merging them, so every
// feature block repeats the renderer-wide restrictions.
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const rendererPaths = [...nodeBuiltins, 'electron'].map((name) => ({
  name,
  message: 'The renderer runs in a sandboxed page: no Node or Electron imports.',
}));
const rendererPatterns = [
  { group: ['**/src-main/**'], message: 'The renderer talks to main only through the contract.' },
];

const featuresFolder = join(import.meta.dirname, '../src-renderer/features');
export const rendererFeatures = readdirSync(featuresFolder, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A relative import climbing out of a feature into a sibling feature: `../compose/…` or
 * `../../../features/compose/…`. A feature's own sub-folders may therefore not be named after another
 * feature (the rule reports that too, which keeps names unambiguous). shell/ui/ is the shared exception.
 */
function otherFeaturesRegex(feature) {
  const others = rendererFeatures.filter((name) => name !== feature && name !== 'shell').map(escape);
  const sibling = `(${others.join('|')})(/|$)`;
  const target = feature === 'shell' ? sibling : `(${sibling}|shell/(?!ui/))`;
  return `^(\\.\\./)+(features/)?${target}`;
}

function featureBlock(feature) {
  return {
    files: [`src-renderer/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: rendererPaths,
          patterns: [
            ...rendererPatterns,
            {
              regex: otherFeaturesRegex(feature),
              message:
                feature === 'shell'
                  ? 'The shell frames the features and imports none of them (the app root wires them in).'
                  : `A feature never imports another: move what "${feature}" shares to features/shell/ui/ or a shared folder.`,
            },
          ],
        },
      ],
    },
  };
}

export const rendererLayers = [
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: rendererPaths, patterns: rendererPatterns }] },
  },
  ...rendererFeatures.map(featureBlock),
];
