// src-main's inner order, enforced folder by folder (docs/architecture.md, "Main's layers"). Lower layers
// never import higher ones, so an arrow can only point down:
//   transports (electron/, browser/)  →  app/ (composition root)  →  domains  →  connectors/
//   →  store/, vault/, rpc/  →  runtime/
// Domains import rpc/ for types only (Handlers, EventBus, CallContext), and another domain only where listed
// in DOMAIN_DEPENDENCIES. Every folder keeps main's two global rules: only electron/ imports 'electron', and
// nothing imports renderer code.

/** Each folder of src-main and the folders it may import (besides itself and src-shared). */
const RUNTIME = ['runtime'];
const INFRASTRUCTURE = ['runtime', 'store', 'vault'];
const DOMAINS = [
  'accounts',
  'streams',
  'publishing',
  'shortener',
  'analytics',
  'compose',
  'governance',
  'team',
  'sandbox',
  'desk',
  'protection',
];
/** The only arrows between domains; each names a domain whose repository or service the other reads. */
const DOMAIN_DEPENDENCIES = {
  analytics: ['publishing', 'shortener'],
  governance: ['publishing'],
  sandbox: ['accounts'],
  desk: ['streams'],
  protection: ['publishing'],
};
const TRANSPORTS = ['electron', 'browser'];
const ALL = ['runtime', 'store', 'vault', 'rpc', 'connectors', 'app', ...DOMAINS, ...TRANSPORTS];

const mayImport = {
  runtime: [],
  store: RUNTIME,
  vault: RUNTIME,
  rpc: RUNTIME,
  connectors: INFRASTRUCTURE,
  app: ALL.filter((folder) => !TRANSPORTS.includes(folder)),
  electron: ALL.filter((folder) => folder !== 'browser'),
  browser: ALL.filter((folder) => folder !== 'electron'),
  ...Object.fromEntries(
    DOMAINS.map((domain) => [
      domain,
      [...INFRASTRUCTURE, 'connectors', ...(DOMAIN_DEPENDENCIES[domain] ?? [])],
    ]),
  ),
};

/** Matches a relative import that climbs out of the file's own folder into src-main's `folder`. */
function into(folder) {
  return `^(\\.\\./)+${folder}(/|$)`;
}

function describeAllowed(folder) {
  const allowed = mayImport[folder];
  return allowed.length > 0 ? `${allowed.join(', ')} and src-shared` : 'src-shared only';
}

function layerConfig(folder) {
  const forbidden = ALL.filter((other) => other !== folder && !mayImport[folder].includes(other));
  const domainReadsRpcTypes = DOMAINS.includes(folder) || folder === 'connectors';
  const patterns = [
    { group: ['**/src-renderer/**'], message: 'Main never imports renderer code.' },
    ...forbidden
      .filter((other) => !(other === 'rpc' && domainReadsRpcTypes))
      .map((other) => ({
        regex: into(other),
        message: `src-main/${folder}/ may import ${describeAllowed(folder)}, not ${other}/ (an arrow pointing up).`,
      })),
  ];
  if (domainReadsRpcTypes) {
    patterns.push({
      regex: into('rpc'),
      allowTypeImports: true,
      message: `src-main/${folder}/ reads rpc/ for types only; the transports and app/ wire the router.`,
    });
  }
  return {
    files: [`src-main/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths:
            folder === 'electron'
              ? []
              : [{ name: 'electron', message: "Only src-main/electron/ imports 'electron'." }],
          patterns,
        },
      ],
    },
  };
}

export const mainLayers = Object.keys(mayImport).map(layerConfig);
