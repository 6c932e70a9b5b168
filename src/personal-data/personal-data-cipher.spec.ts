import { randomBytes } from 'node:crypto';
import { PersonalDataCipher, SealedValueUnreadable } from './personal-data-cipher';

describe('PersonalDataCipher', () => {
  const cipher = new PersonalDataCipher(randomBytes(32));

  it('round-trips a resident id number and never shows it in the sealed text', () => {
    const sealed = cipher.encrypt('11010519491231002X');
    expect(sealed).not.toContain('11010519491231002X');
    expect(sealed).not.toContain('19491231');
    expect(cipher.decrypt(sealed)).toBe('11010519491231002X');
  });

  it('seals the same number differently each time, but hashes it the same', () => {
    expect(cipher.encrypt('13812345678')).not.toBe(cipher.encrypt('13812345678'));
    expect(cipher.lookupHash('13812345678')).toBe(cipher.lookupHash('13812345678'));
    expect(cipher.lookupHash('13812345678')).not.toBe(cipher.lookupHash('13812345679'));
  });

  it('refuses a value that was tampered with', () => {
    const sealed = cipher.encrypt('11010519491231002X');
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(() => cipher.decrypt(`v1.${bytes.toString('base64url')}`)).toThrow();
  });

  it('cannot be read with another key', () => {
    const other = new PersonalDataCipher(randomBytes(32));
    expect(() => other.decrypt(cipher.encrypt('13812345678'))).toThrow();
    expect(other.lookupHash('13812345678')).not.toBe(cipher.lookupHash('13812345678'));
  });
});

describe('PersonalDataCipher, a value it cannot open', () => {
  const cipher = new PersonalDataCipher(randomBytes(32));

  it('says so with its own error, whatever is wrong with the value, without the value in the message', () => {
    const sealed = cipher.encrypt('11010519491231002X');
    const cut = sealed.slice(0, 10);
    for (const value of [new PersonalDataCipher(randomBytes(32)).encrypt('13812345678'), cut, 'v2.abc', 'not sealed']) {
      let caught: unknown;
      try {
        cipher.decrypt(value);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SealedValueUnreadable);
      expect((caught as Error).message).not.toContain(value);
    }
  });
});
