// Debian's Chromium, launched without any network outside loopback (this machine has none, and
// Chromium would otherwise keep trying Google hosts).
export function chromiumPath(): string {
  return process.env.ROOST_CHROMIUM ?? '/usr/bin/chromium';
}

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];
