import { randomBytes } from 'node:crypto';

/**
 * UUIDs made in the generator, so rows can point at each other without a round trip for RETURNING.
 *
 * Time-ordered (RFC 9562 version 7: 48-bit milliseconds, a 12-bit counter within the millisecond, 62
 * random bits): each table's keys arrive in ascending order, so the primary-key and foreign-key
 * B-trees grow at their right edge instead of taking millions of random page writes, which is most
 * of what makes a city-sized load fast. They are ordinary uuids to PostgreSQL and to the API's checks.
 */
export function timeOrderedUuids(): () => string {
  let lastMs = 0;
  let counter = 0;
  let msHex = '';
  let pool = randomBytes(8 * 8192);
  let offset = 0;
  return () => {
    const now = Date.now();
    if (now > lastMs) {
      lastMs = now;
      counter = 0;
      msHex = lastMs.toString(16).padStart(12, '0');
      msHex = `${msHex.slice(0, 8)}-${msHex.slice(8, 12)}-7`;
    } else if (++counter > 0xfff) {
      // More than 4096 ids in a millisecond: borrow the next one, order is kept.
      lastMs += 1;
      counter = 0;
      msHex = lastMs.toString(16).padStart(12, '0');
      msHex = `${msHex.slice(0, 8)}-${msHex.slice(8, 12)}-7`;
    }
    if (offset + 8 > pool.length) {
      pool = randomBytes(pool.length);
      offset = 0;
    }
    const p = offset;
    offset += 8;
    return (
      msHex + HEX3[counter] + '-' + VARIANT[pool[p] & 0x3f] + HEX2[pool[p + 1]] + '-' +
      HEX2[pool[p + 2]] + HEX2[pool[p + 3]] + HEX2[pool[p + 4]] + HEX2[pool[p + 5]] + HEX2[pool[p + 6]] + HEX2[pool[p + 7]]
    );
  };
}

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX3 = Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(3, '0'));
/** The variant nibble (binary 10xx) and one more random hex digit, from six random bits. */
const VARIANT = Array.from({ length: 64 }, (_, i) => (0x8 | (i >> 4)).toString(16) + (i & 0xf).toString(16));
