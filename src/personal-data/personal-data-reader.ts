import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { maskIdNumber, maskMobile } from './domain/masking';
import { PersonalDataCipher, SealedValueUnreadable } from './personal-data-cipher';

/**
 * What a view shows in place of a number the key does not open: never the sealed text, and in both
 * languages, because a view's values are not translated (the pages show it as it is).
 */
export const UNREADABLE_PERSONAL_DATA = '【无法解密 unreadable】';

export type SealedField = 'idNumber' | 'mobile';

/** Whose number it is, for the log and the error: a worker by id (or, where only the claim is at hand, the claim). */
export interface SealedHolder {
  name: string;
  /** "worker 6f1c…" or "claim 93ab… of case 京朝调〔2027〕1号" */
  record: string;
}

/** Values already logged; a damaged city cannot grow the set without bound. */
const MAX_REPORTED = 10_000;

/**
 * Opens sealed id numbers and mobile numbers for the views. The start-up check refuses a key that does
 * not open the stored numbers at all (workers/personal-data-key-check.ts); this is for the one record
 * that still cannot be opened: a damaged value, or a row restored from a deployment with another key.
 * - A masked view (a list, a worker, the claims, the agreement with masked numbers) shows the value as
 *   UNREADABLE_PERSONAL_DATA, so the rest of the list still answers.
 * - What must show the number itself (a reveal, the agreement with full id numbers) is refused with
 *   PERSONAL_DATA_UNREADABLE (409): the request is right, the record is not, and an administrator can
 *   act on it (the key, the backups; docs/BACKUP.md).
 * Either way one error is logged per value, naming its record, so the administrator hears of it without
 * a line on every page view.
 */
@Injectable()
export class PersonalDataReader {
  private readonly logger = new Logger('PersonalData');
  private readonly reported = new Set<string>();

  constructor(private readonly cipher: PersonalDataCipher) {}

  /** The masked number, or UNREADABLE_PERSONAL_DATA. */
  masked(sealed: string, field: SealedField, holder: Pick<SealedHolder, 'record'>): string {
    const plain = this.open(sealed, field, holder);
    if (plain === null) return UNREADABLE_PERSONAL_DATA;
    return field === 'idNumber' ? maskIdNumber(plain) : maskMobile(plain);
  }

  /** The number in full, or PERSONAL_DATA_UNREADABLE. */
  full(sealed: string, field: SealedField, holder: SealedHolder): string {
    const plain = this.open(sealed, field, holder);
    if (plain === null) throw new AppError('PERSONAL_DATA_UNREADABLE', { name: holder.name, field });
    return plain;
  }

  private open(sealed: string, field: SealedField, holder: Pick<SealedHolder, 'record'>): string | null {
    try {
      return this.cipher.decrypt(sealed);
    } catch (error) {
      if (!(error instanceof SealedValueUnreadable)) throw error;
      // once per value: where the caller has no worker id at hand, its record names no one in particular,
      // and the sealed text (kept in memory only, never logged) still tells two damaged values apart
      const key = `${holder.record} ${field} ${sealed}`;
      if (!this.reported.has(key) && this.reported.size < MAX_REPORTED) {
        this.reported.add(key);
        this.logger.error(
          `The personal-data key does not open the ${field === 'idNumber' ? 'id number' : 'mobile'} of ${holder.record}: ` +
            'it is damaged or was written under another key. Views show it as unreadable and a reveal is refused; ' +
            'check the key and the backups (docs/BACKUP.md).',
        );
      }
      return null;
    }
  }
}
