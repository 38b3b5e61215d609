// Saved replies: short texts in English and French with variables such as {contact.name}, filled for one
// conversation when the expert picks them from the reply box.

export const REPLY_VARIABLES = ['contact.name', 'contact.handle', 'account.handle'] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];

/**
 * Replaces each known `{variable}`; unknown braces stay as written so a typo is visible in the draft rather
 * than silently dropped. A contact without a display name is greeted by handle.
 */
export function fillReply(body: string, values: Readonly<Record<ReplyVariable, string>>): string {
  return body.replace(/\{([a-z.]+)\}/g, (whole, name: string) =>
    (REPLY_VARIABLES as readonly string[]).includes(name) ? values[name as ReplyVariable] : whole,
  );
}

export function contactName(contact: { readonly displayName: string; readonly handle: string }): string {
  return contact.displayName.trim() || `@${contact.handle}`;
}
