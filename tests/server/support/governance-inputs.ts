// A valid input for each governance method (the permission matrix and the fuzzer start from these). An
// update at version 0 only succeeds once per server; later ones are refused with `conflict`, never written.
import type { governanceTeamRequests } from '../../../src-shared/governance/governance-team-contract.ts';

export const GOVERNANCE_INPUTS: Record<keyof typeof governanceTeamRequests, Record<string, unknown>> = {
  'governance:get': {},
  'governance:update': {
    policy: { orgDomains: ['example.org'], blockedTerms: [], quietHours: {}, levels: {}, blockList: '' },
    version: 0,
  },
};
