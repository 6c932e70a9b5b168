import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts sensitive personal information (resident id numbers, phone numbers) with AES-256-GCM,
 * so a stolen database or backup shows no number in clear text and a tampered value fails to
 * decrypt. A keyed hash (HMAC-SHA256) of the normalised value allows exact lookup and uniqueness
 * without decrypting. Both keys are derived from one master key with HKDF, so one secret is managed.
 */
export class PersonalDataCipher {
  private readonly encryptionKey: Buffer;
  private readonly lookupKey: Buffer;

  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the personal-data key must be 32 bytes');
    this.encryptionKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'pii-encryption-v1', 32));
    this.lookupKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'pii-lookup-v1', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** The plain value; throws SealedValueUnreadable when this key does not open it (damaged, or another key's). */
  decrypt(sealed: string): string {
    const [version, payload] = sealed.split('.');
    if (version !== VERSION || !payload) throw new SealedValueUnreadable('not a sealed personal-data value');
    const bytes = Buffer.from(payload, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch (error) {
      // a wrong tag (another key, a changed byte), or a value too short to hold an IV and a tag
      throw new SealedValueUnreadable((error as Error).message);
    }
  }

  /**
   * A secret of its own for another purpose (signing the public forms' proof-of-work challenges), from
   * the same master key: every instance of a deployment derives the same one, and nothing else to keep.
   */
  secretFor(purpose: string): string {
    return Buffer.from(hkdfSync('sha256', this.masterKey, Buffer.alloc(0), `${purpose}-v1`, 32)).toString('hex');
  }

  /** Same input, same hash: for `WHERE id_number_hash = $1` and a unique index. */
  lookupHash(plain: string): string {
    return createHmac('sha256', this.lookupKey).update(plain, 'utf8').digest('hex');
  }
}

/** A sealed value the key does not open. Its message never holds the sealed text. */
export class SealedValueUnreadable extends Error {
  constructor(reason: string) {
    super(`the personal-data key does not open this value (${reason})`);
    this.name = 'SealedValueUnreadable';
  }
}
