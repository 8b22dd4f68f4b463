import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Credentials for a vendor's endpoint must be presented to it, so unlike our
 * own API keys they cannot be stored as a hash: they are encrypted at rest
 * with AES-256-GCM (`v1:<iv>:<tag>:<ciphertext>`, base64url), under a 32-byte
 * key kept outside the sources file (PULL_CREDENTIALS_KEY, or a generated
 * 0600 file in DATA_DIR). The sources file alone reveals nothing.
 */
export function encryptCredential(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join(':');
}

export function decryptCredential(sealed: string, key: Buffer): string {
  const [version, iv, tag, data] = sealed.split(':');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a v1 sealed credential');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** A key given as 64 hex characters or 43+ base64url characters (32 bytes). */
export function parseCredentialsKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64url');
  if (key.length !== 32) throw new Error('PULL_CREDENTIALS_KEY must be 32 bytes (64 hex or base64url characters)');
  return key;
}
