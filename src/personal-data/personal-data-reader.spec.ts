import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppError } from '../common/errors/app-error';
import { PersonalDataCipher } from './personal-data-cipher';
import { PersonalDataReader, UNREADABLE_PERSONAL_DATA } from './personal-data-reader';

describe('PersonalDataReader', () => {
  const cipher = new PersonalDataCipher(randomBytes(32));
  const otherKey = new PersonalDataCipher(randomBytes(32));
  let logged: string[];

  beforeEach(() => {
    logged = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void logged.push(String(message)));
  });
  afterEach(() => jest.restoreAllMocks());

  it('masks what the key opens, and logs nothing', () => {
    const reader = new PersonalDataReader(cipher);
    expect(reader.masked(cipher.encrypt('11010519491231002X'), 'idNumber', { record: 'worker w1' })).toBe('110105********002X');
    expect(reader.masked(cipher.encrypt('13812345678'), 'mobile', { record: 'worker w1' })).toBe('138****5678');
    expect(reader.full(cipher.encrypt('13812345678'), 'mobile', { name: '张三', record: 'worker w1' })).toBe('13812345678');
    expect(logged).toEqual([]);
  });

  it('shows a value it cannot open as unreadable, never the sealed text, and logs each value once naming its record', () => {
    const reader = new PersonalDataReader(cipher);
    const foreign = otherKey.encrypt('11010519491231002X');
    const another = otherKey.encrypt('41010219800101001X');
    for (let i = 0; i < 3; i += 1) {
      expect(reader.masked(foreign, 'idNumber', { record: 'worker w1' })).toBe(UNREADABLE_PERSONAL_DATA);
    }
    // with no worker id at hand, two damaged values are still logged one each
    reader.masked(foreign, 'idNumber', { record: 'a worker on a list of claims' });
    reader.masked(another, 'idNumber', { record: 'a worker on a list of claims' });
    reader.masked(another, 'idNumber', { record: 'a worker on a list of claims' });
    expect(logged).toHaveLength(3);
    expect(logged[0]).toContain('id number of worker w1');
    expect(logged.join('\n')).not.toContain(foreign.slice(3, 20));
  });

  it('refuses to show in full what it cannot open, naming the worker in words', () => {
    const reader = new PersonalDataReader(cipher);
    let caught: unknown;
    try {
      reader.full(otherKey.encrypt('13812345678'), 'mobile', { name: '张三', record: 'worker w1' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ code: 'PERSONAL_DATA_UNREADABLE', params: { name: '张三', field: 'mobile' } });
    expect(logged).toEqual([expect.stringContaining('mobile of worker w1')]);
  });
});
