// The local sandbox part of the contract: main finds a running sandbox through its discovery file and adds
// the sandbox's brand account itself, so its app password never crosses to the renderer.
import { z } from '../zod.ts';
import { AccountSchema } from '../domain/account.ts';

const Empty = z.object({}).strict();

export const SandboxStatusSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(false) }),
  z.object({
    available: z.literal(true),
    /** The sandbox's PDS, always a loopback address. */
    service: z.string().max(2048),
    handle: z.string().max(512),
    displayName: z.string().max(1024),
  }),
]);
export type SandboxStatus = z.infer<typeof SandboxStatusSchema>;

export const sandboxRequests = {
  /** Whether a local sandbox is running for this user, and whose brand account it offers. */
  'sandbox:status': { input: Empty, output: SandboxStatusSchema },
  /** Signs in to the running sandbox's brand account with the app password main read from discovery. */
  'sandbox:addAccount': { input: Empty, output: AccountSchema },
} as const;
