// The sandbox started by scripts/with-sandbox.sh, as described in ROOST_SANDBOX_INFO.
import { parseSandboxInfo, SandboxClient } from '../../support/sandbox-client.ts';

export function sandboxClient(): SandboxClient {
  const raw = process.env.ROOST_SANDBOX_INFO;
  if (!raw)
    throw new Error('ROOST_SANDBOX_INFO is not set: run end-to-end tests through scripts/with-sandbox.sh');
  return new SandboxClient(parseSandboxInfo(raw));
}
