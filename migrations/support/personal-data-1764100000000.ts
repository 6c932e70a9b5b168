import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The personal-data sealing of AddAccessAndAudit1764100000000, frozen as it was when that migration
 * landed: where the master key comes from (the same environment variables, defaults and key file the
 * service reads) and the `v1` format (AES-256-GCM and an HMAC-SHA256 lookup hash, both keyed by HKDF
 * from the master key), copied from src/config/app-config.ts and src/personal-data/.
 *
 * Never import from src/ here, and never change this to follow src/: a migration must do the same
 * thing on every database it ever runs on, whatever the product's code has become since. The service
 * reads values sealed by this code, so src/personal-data must keep opening the `v1` format; a new
 * format or key source belongs in src/ and, if stored rows must change, in a new migration with its
 * own frozen helper.
 */

type Env = Record<string, string | undefined>;

/** Same message as the service's ConfigError ("Configuration error in PII_KEY: …"). */
export class PersonalDataKeyError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error in ${variable}: ${problem}`);
  }
}

/**
 * The master key: PII_KEY if set; otherwise the key file PII_KEY_FILE (default ./data/pii.key),
 * created readable by its owner only on the embedded default; a fresh random key for an in-memory
 * embedded database; with DATABASE_URL and no key at all, an error.
 */
export function loadPersonalDataKey1764100000000(env: Env): Buffer {
  const personalDataKey = present(env, 'PII_KEY');
  if (personalDataKey !== undefined) {
    const key = Buffer.from(personalDataKey, 'base64');
    if (key.length !== 32) {
      throw new PersonalDataKeyError('PII_KEY', 'must be 32 random bytes in base64 (openssl rand -base64 32)');
    }
    return key;
  }
  const databaseUrl = present(env, 'DATABASE_URL');
  const embeddedDataDir = present(env, 'EMBEDDED_DATA_DIR') ?? './data/pglite';
  if (embeddedDataDir.startsWith('memory://') && databaseUrl === undefined) return randomBytes(32);
  const path = resolve(present(env, 'PII_KEY_FILE') ?? './data/pii.key');
  if (existsSync(path)) return readKeyFile(path);
  if (databaseUrl !== undefined) {
    throw new PersonalDataKeyError(
      'PII_KEY',
      `is required with DATABASE_URL (32 random bytes in base64), or put the key in PII_KEY_FILE (${path})`,
    );
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return readKeyFile(path);
}

/** Seals in the `v1` format: `v1.` + base64url(12-byte IV, 16-byte GCM tag, ciphertext). */
export class PersonalDataCipher1764100000000 {
  private readonly encryptionKey: Buffer;
  private readonly lookupKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('the personal-data key must be 32 bytes');
    this.encryptionKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'pii-encryption-v1', 32));
    this.lookupKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'pii-lookup-v1', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  lookupHash(plain: string): string {
    return createHmac('sha256', this.lookupKey).update(plain, 'utf8').digest('hex');
  }
}

function present(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function readKeyFile(path: string): Buffer {
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new PersonalDataKeyError('PII_KEY_FILE', `${path} does not hold 32 bytes in base64`);
  if ((statSync(path).mode & 0o077) !== 0) {
    throw new PersonalDataKeyError('PII_KEY_FILE', `${path} is readable by others; chmod 600 it`);
  }
  return key;
}
