import { caseNumberIndexPattern, mayBeCaseNumber } from './cases.sql';

describe('the pattern a case number search asks the trigram index for', () => {
  it('leaves out the year of a whole number, which is in a quarter of the city\'s numbers', () => {
    expect(caseNumberIndexPattern('BJMY01-2026-02123')).toBe('%BJMY01-%-02123%');
    expect(caseNumberIndexPattern('sy1-2027-00042')).toBe('%sy1-%-00042%');
  });

  it('keeps the text whole where the year has fewer than three characters on either side', () => {
    // too few characters left for trigrams: the index would be read whole
    expect(caseNumberIndexPattern('SY-2027-00042')).toBe('%SY-2027-00042%');
    expect(caseNumberIndexPattern('BJMY01-2026-02')).toBe('%BJMY01-2026-02%');
    expect(caseNumberIndexPattern('-2026-')).toBe('%-2026-%');
  });

  it('keeps a tail, a year alone or a number without its code as typed', () => {
    expect(caseNumberIndexPattern('2026-02123')).toBe('%2026-02123%');
    expect(caseNumberIndexPattern('02123')).toBe('%02123%');
    expect(caseNumberIndexPattern('MY01-20261-02123')).toBe('%MY01-20261-02123%');
  });

  it('is asked only for texts that may be part of a case number', () => {
    expect(mayBeCaseNumber('BJMY01-2026-02123')).toBe(true);
    expect(mayBeCaseNumber('张雪松')).toBe(false);
    expect(mayBeCaseNumber('%_')).toBe(false);
  });
});
