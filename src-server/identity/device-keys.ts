// Device public keys: Ed25519, sent as SPKI DER in base64url. A device's id is derived from its key, so the
// same key always names the same device and an enrolment that is sent twice cannot create two devices.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

export function parseDevicePublicKey(base64url: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(base64url, 'base64url'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

export function deviceIdFor(publicKeyBase64url: string): string {
  return createHash('sha256')
    .update(Buffer.from(publicKeyBase64url, 'base64url'))
    .digest('base64url')
    .slice(0, 22);
}

export function verifyDeviceSignature(
  publicKey: KeyObject,
  message: string,
  signatureBase64url: string,
): boolean {
  try {
    return verify(
      null,
      Buffer.from(message, 'utf8'),
      publicKey,
      Buffer.from(signatureBase64url, 'base64url'),
    );
  } catch {
    return false;
  }
}
