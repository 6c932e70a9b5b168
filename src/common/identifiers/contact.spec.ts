import { isLawyerLicenceNumber, isMobileNumber } from './contact';

describe('isMobileNumber', () => {
  it.each(['13800138000', '15912345678', '19912345678', '16600000000'])('accepts %s', (number) => {
    expect(isMobileNumber(number)).toBe(true);
  });

  it('rejects a second digit below 3 (12x is not a mobile segment)', () => {
    expect(isMobileNumber('12345678901')).toBe(false);
  });

  it('rejects a number not starting with 1', () => {
    expect(isMobileNumber('23800138000')).toBe(false);
  });

  it('rejects 10 digits', () => {
    expect(isMobileNumber('1380013800')).toBe(false);
  });

  it('rejects 12 digits', () => {
    expect(isMobileNumber('138001380001')).toBe(false);
  });

  it('rejects a +86 country prefix', () => {
    expect(isMobileNumber('+8613800138000')).toBe(false);
  });

  it('rejects separators and surrounding spaces', () => {
    expect(isMobileNumber('138-0013-8000')).toBe(false);
    expect(isMobileNumber(' 13800138000')).toBe(false);
  });

  it('rejects a landline number', () => {
    expect(isMobileNumber('01012345678')).toBe(false);
  });

  it('rejects the empty string', () => {
    expect(isMobileNumber('')).toBe(false);
  });
});

describe('isLawyerLicenceNumber', () => {
  it('accepts exactly 17 digits', () => {
    expect(isLawyerLicenceNumber('11101201010123456')).toBe(true);
  });

  it('rejects 16 digits', () => {
    expect(isLawyerLicenceNumber('1110120101012345')).toBe(false);
  });

  it('rejects 18 digits', () => {
    expect(isLawyerLicenceNumber('111012010101234567')).toBe(false);
  });

  it('rejects letters', () => {
    expect(isLawyerLicenceNumber('1110120101012345X')).toBe(false);
  });

  it('rejects surrounding spaces', () => {
    expect(isLawyerLicenceNumber(' 11101201010123456')).toBe(false);
  });

  it('rejects the empty string', () => {
    expect(isLawyerLicenceNumber('')).toBe(false);
  });
});
