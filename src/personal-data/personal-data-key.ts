import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppConfig, ConfigError } from '../config/app-config';

/**
 * The master key for personal data: PII_KEY if set; otherwise the key file. On the embedded default
 * the file is created on first start, readable by its owner only. With a PostgreSQL server a
 * missing key stops the start: a server deployment must decide where its key lives. The key is
 * never logged.
 */
export function loadPersonalDataKey(config: AppConfig): Buffer {
  if (config.personalDataKey) return Buffer.from(config.personalDataKey, 'base64');
  if (config.embeddedDataDir.startsWith('memory://') && !config.databaseUrl) return randomBytes(32);
  const path = resolve(config.personalDataKeyFile);
  if (existsSync(path)) return readKeyFile(path);
  if (config.databaseUrl) {
    throw new ConfigError(
      'PII_KEY',
      `is required with DATABASE_URL (32 random bytes in base64), or put the key in PII_KEY_FILE (${path})`,
    );
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return readKeyFile(path);
}

function readKeyFile(path: string): Buffer {
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new ConfigError('PII_KEY_FILE', `${path} does not hold 32 bytes in base64`);
  if ((statSync(path).mode & 0o077) !== 0) {
    throw new ConfigError('PII_KEY_FILE', `${path} is readable by others; chmod 600 it`);
  }
  return key;
}
