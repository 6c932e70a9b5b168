import { randomBytes } from 'node:crypto';
import { PersonalDataCipher } from '../../src/personal-data/personal-data-cipher';
import { InlineSealer, ThreadSealer } from './sealer';

describe('sealing workers’ numbers for the seed', () => {
  const key = randomBytes(32);
  const cipher = new PersonalDataCipher(key);
  const ids = ['110105199003074514', '41132219850612002X'];

  it('on the calling thread gives what the service’s cipher opens and finds', async () => {
    const sealed = await new InlineSealer(cipher).seal(ids, ['13800138000', null]);
    expect(sealed.idNumbersSealed.map((s) => cipher.decrypt(s))).toEqual(ids);
    expect(sealed.idNumberHashes).toEqual(ids.map((id) => cipher.lookupHash(id)));
    expect(cipher.decrypt(sealed.mobilesSealed[0]!)).toBe('13800138000');
    expect(sealed.mobilesSealed[1]).toBeNull();
  });

  it('on a worker thread gives the same, and refuses a key that is not the cipher’s', async () => {
    const sealer = await ThreadSealer.start(key, cipher);
    try {
      const sealed = await sealer.seal(ids, [null, '13912345678']);
      expect(sealed.idNumbersSealed.map((s) => cipher.decrypt(s))).toEqual(ids);
      expect(sealed.idNumberHashes).toEqual(ids.map((id) => cipher.lookupHash(id)));
      expect(cipher.decrypt(sealed.mobilesSealed[1]!)).toBe('13912345678');
    } finally {
      await sealer.close();
    }
    await expect(ThreadSealer.start(randomBytes(32), cipher)).rejects.toThrow(/not the key/);
  }, 60_000);
});
