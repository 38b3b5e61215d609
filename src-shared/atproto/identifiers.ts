// atproto identifier syntax (https://atproto.com/specs/handle, /specs/did): what Roost accepts from a
// server as an account's handle and DID before it stores them. Checked against the interop vectors in
// tests/fixtures/atproto-interop.

const HANDLE_MAX = 253;
const LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
const DID_MAX = 2048;
const DID = /^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$/;

/** A handle: ASCII DNS labels, at least two, the last starting with a letter (so no IP address). */
export function isAtprotoHandle(value: string): boolean {
  if (value.length > HANDLE_MAX) return false;
  const labels = value.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return false;
  return /^[a-zA-Z]/.test(labels[labels.length - 1] as string);
}

/** A DID: `did:`, a lowercase method, and an identifier that does not end in `:` or `%`. */
export function isAtprotoDid(value: string): boolean {
  return value.length <= DID_MAX && DID.test(value);
}
