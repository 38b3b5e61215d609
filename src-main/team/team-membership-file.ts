// Which team this desktop joined, kept beside main's data as a small JSON file (no secret in it: the device
// key is in the keychain, the session only in memory). Written to a temporary file and renamed, so a crash
// leaves the old or the new membership, never half of one.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from '../../src-shared/zod.ts';
import { TeamRoleSchema } from '../../src-shared/team/team-contract.ts';

const MembershipSchema = z.object({
  serverUrl: z.string().min(1),
  memberId: z.string().min(1),
  deviceId: z.string().min(1),
  displayName: z.string(),
  role: TeamRoleSchema,
  joinedAt: z.number().int().nonnegative(),
  revoked: z.object({ scope: z.enum(['member', 'device']), at: z.number().int().nonnegative() }).nullable(),
});
export type TeamMembership = z.infer<typeof MembershipSchema>;

export interface MembershipFile {
  read(): TeamMembership | null;
  write(membership: TeamMembership): void;
  remove(): void;
}

export function membershipFile(dir: string): MembershipFile {
  const file = path.join(dir, 'membership.json');
  return {
    read() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return null;
      }
      const parsed = MembershipSchema.safeParse(safeJson(text));
      return parsed.success ? parsed.data : null;
    },
    write(membership) {
      mkdirSync(dir, { recursive: true });
      const temp = `${file}.tmp`;
      writeFileSync(temp, JSON.stringify(MembershipSchema.parse(membership)), { mode: 0o600 });
      renameSync(temp, file);
    },
    remove() {
      rmSync(file, { force: true });
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
