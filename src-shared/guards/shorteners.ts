// Public link shorteners: their destination can change after publishing and cannot be checked here.
import { isSameOrSubdomain } from './hosts.ts';

export const KNOWN_SHORTENERS: readonly string[] = [
  'bit.ly',
  'bitly.com',
  'j.mp',
  't.co',
  'tinyurl.com',
  'ow.ly',
  'buff.ly',
  'goo.gl',
  'is.gd',
  'v.gd',
  'cutt.ly',
  'rebrand.ly',
  'shorturl.at',
  'tiny.cc',
  'rb.gy',
  't.ly',
  's.id',
  'lnkd.in',
  'dlvr.it',
  'ift.tt',
  'trib.al',
  'shorte.st',
  'adf.ly',
  'bl.ink',
  'soo.gd',
  'qr.ae',
  'x.gd',
];

export function shortenerFor(host: string, shorteners: readonly string[] = KNOWN_SHORTENERS): string | null {
  return shorteners.find((s) => isSameOrSubdomain(host, s)) ?? null;
}
