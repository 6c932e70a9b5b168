import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { WorkersRepository } from './workers.repository';

/**
 * Refuses to start with a personal-data key that does not open the id numbers already stored: a database
 * restored without its key file (the embedded default makes a new key when it finds none) would otherwise
 * start, seal every new number with the wrong key and answer 500 on every worker page (docs/BACKUP.md).
 */
/**
 * How many stored numbers are tried: a wrong key opens none of them, while one number damaged on its own
 * (shown as unreadable where it appears, personal-data-reader.ts) must not stop the whole service.
 */
const SAMPLE = 20;

@Injectable()
export class PersonalDataKeyCheck implements OnApplicationBootstrap {
  constructor(
    private readonly workers: WorkersRepository,
    private readonly transactions: Transactions,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const sealed = await this.workers.someSealedIdNumbers(this.transactions.none, SAMPLE);
    if (sealed.length === 0 || sealed.some((value) => this.opens(value))) return;
    throw new Error(
      'The personal-data key (PII_KEY, or the key file PII_KEY_FILE) does not open the id numbers stored in this database: ' +
        'start with the key that belongs to it (see docs/BACKUP.md). Nothing was changed.',
    );
  }

  private opens(sealed: string): boolean {
    try {
      this.cipher.decrypt(sealed);
      return true;
    } catch {
      return false;
    }
  }
}
