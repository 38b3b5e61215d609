// Deterministic generators of hostile JSON values for fuzzing the contract: wrong types, missing and
// extra fields, huge strings, deep nesting, prototype keys and odd Unicode.
export type Random = () => number;

/** mulberry32: small, seedable, good enough to spread test cases. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const STRINGS = [
  '',
  ' ',
  'a',
  '\u0000',
  '\ud800',
  '𝓡𝓸𝓸𝓼𝓽',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'http://localhost.evil.example',
  '../../../etc/passwd',
  '%00',
  'null',
  '{"__proto__":{"polluted":true}}',
  'x'.repeat(300),
];

const KEYS = [
  'id',
  'network',
  'service',
  'identifier',
  'appPassword',
  'protected',
  '__proto__',
  'constructor',
  'extra',
  '',
];

export function hostileValue(random: Random, depth = 0): unknown {
  const kind = Math.floor(random() * (depth > 3 ? 8 : 11));
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return pick(random, [0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2]);
    case 3:
      return pick(random, STRINGS);
    case 4:
      return 'y'.repeat(Math.floor(random() * 5000) + 2049);
    case 5:
      return String.fromCharCode(...Array.from({ length: 20 }, () => Math.floor(random() * 0xffff)));
    case 6:
      return [];
    case 7:
      return {};
    case 8:
      return Array.from({ length: Math.floor(random() * 4) + 1 }, () => hostileValue(random, depth + 1));
    case 9: {
      const record: Record<string, unknown> = {};
      const count = Math.floor(random() * 5) + 1;
      for (let i = 0; i < count; i++) record[pick(random, KEYS)] = hostileValue(random, depth + 1);
      return record;
    }
    default:
      return deeplyNested(Math.floor(random() * 500) + 50);
  }
}

export function deeplyNested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { id: value };
  return value;
}

/** Mutates a valid input: drops a field, retypes one, or adds an unknown key. */
export function mutateValid(random: Random, valid: Record<string, unknown>): unknown {
  const copy: Record<string, unknown> = { ...valid };
  const keys = Object.keys(copy);
  const choice = Math.floor(random() * 3);
  if (choice === 0 && keys.length > 0) delete copy[pick(random, keys)];
  else if (choice === 1 && keys.length > 0) copy[pick(random, keys)] = hostileValue(random);
  else copy[`unexpected_${Math.floor(random() * 1000)}`] = hostileValue(random);
  return copy;
}
