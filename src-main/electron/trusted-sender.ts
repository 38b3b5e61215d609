// Who may call the contract over IPC: the top frame of one of Roost's own windows, showing an app:// page.
// A page that somehow navigated elsewhere, a subframe or any other webContents is refused.
import { isAppUrl } from './trusted-url.ts';

export interface SenderFacts {
  /** `event.sender.id`. */
  readonly webContentsId: number;
  /** `event.senderFrame.parent === null`. */
  readonly isTopFrame: boolean;
}

export function isTrustedSender(
  senderFrameUrl: string | null | undefined,
  sender: SenderFacts,
  trustedWebContentsIds: readonly number[],
): boolean {
  if (!sender.isTopFrame) return false;
  if (!trustedWebContentsIds.includes(sender.webContentsId)) return false;
  return isAppUrl(senderFrameUrl);
}
