import { checkCreditCode } from '../../src/common/identifiers/credit-code';
import { checkResidentId, provinceOfResidentId } from '../../src/common/identifiers/resident-id';
import { dayNumber, isoDay } from './days';
import { HOME_REGIONS, NameSource, ResidentIdFactory, creditCode, licenceNumber, mobileNumber } from './identities';
import { Prng } from './prng';
import { firstIntakeDay } from './synthetic';

const TODAY = '2026-11-22';
const today = dayNumber(TODAY);
const firstDay = firstIntakeDay(today);

/** Age in whole years on a day, from the birth date in an id number. */
function ageOn(idNumber: string, day: number): number {
  const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  const on = isoDay(day);
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) >= birth.slice(5) ? years : years - 1;
}

describe('synthetic resident id numbers (GB 11643)', () => {
  it('are valid, unique, of working age at intake and carry the sex in the sequence code, 10,000 of them', () => {
    const rng = new Prng(1);
    const factory = new ResidentIdFactory(firstDay, today, 12345);
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const intake = rng.int(firstDay, today);
      const person = factory.next(rng, intake);
      expect(checkResidentId(person.idNumber, TODAY)).toBeNull();
      expect(person.province).toBe(provinceOfResidentId(person.idNumber));
      expect(person.idNumber.slice(0, 6)).toBe(HOME_REGIONS[person.region][0]);
      expect(ageOn(person.idNumber, intake)).toBeGreaterThanOrEqual(18);
      expect(ageOn(person.idNumber, intake)).toBeLessThanOrEqual(61);
      expect(Number(person.idNumber[16]) % 2).toBe(person.male ? 1 : 0);
      seen.add(person.idNumber);
    }
    expect(seen.size).toBe(10_000);
  });

  it('stay unique when one village sends the same cohort over and over (a full cell moves to the day before)', () => {
    const rng = new Prng(2);
    const factory = new ResidentIdFactory(firstDay, today, 7);
    const ids = Array.from({ length: 3000 }, () => factory.next(rng, today, 0, true).idNumber);
    expect(new Set(ids).size).toBe(3000);
    for (const id of ids) expect(checkResidentId(id, TODAY)).toBeNull();
  });
});

describe('synthetic unified social credit codes (GB 32100)', () => {
  it('are valid and unique for distinct counters, in both the post-2015 and the older form, 10,000 of them', () => {
    const rng = new Prng(3);
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const legacy = rng.chance(0.3);
      const code = creditCode(i, rng.chance(0.8) ? '91' : '92', rng.pick(['110105', '110115', '410100']), legacy);
      expect(checkCreditCode(code)).toBeNull();
      expect(code.slice(8, 10) === 'MA').toBe(!legacy);
      seen.add(code.slice(8, 17));
    }
    expect(seen.size).toBe(10_000);
  });

  it('put the registration type and region where GB 32100 has them', () => {
    const code = creditCode(42, '91', '110105', false);
    expect(code).toMatch(/^91110105MA[0-9A-HJ-NPQRTUWXY]{8}$/);
  });
});

describe('other synthetic identifiers', () => {
  it('mobiles are 11-digit mainland numbers', () => {
    const rng = new Prng(4);
    for (let i = 0; i < 1000; i++) expect(mobileNumber(rng)).toMatch(/^1[3-9][0-9]{9}$/);
  });

  it('lawyer licence numbers are 17 digits: Beijing, year first licensed, sex, sequence', () => {
    expect(licenceNumber(123, 2015, true)).toBe('11101201511000123');
    expect(licenceNumber(7, 2009, false)).toMatch(/^[0-9]{17}$/);
  });

  it('names are a surname and a given name in Chinese characters, common surnames commonest', () => {
    const rng = new Prng(5);
    const names = new NameSource();
    const sample = Array.from({ length: 5000 }, () => names.person(rng));
    for (const name of sample) expect(name).toMatch(/^[\u4e00-\u9fff]{2,5}$/);
    const wangOrLi = sample.filter((name) => name.startsWith('王') || name.startsWith('李')).length;
    expect(wangOrLi / sample.length).toBeGreaterThan(0.08);
  });
});
