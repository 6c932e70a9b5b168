import { checkCreditCode, creditCodeCheckCharacter, normalizeCreditCode } from './credit-code';

/*
 * Expected check characters below were computed by hand, not by the code
 * under test. Character values are their index in
 * 0123456789ABCDEFGHJKLMNPQRTUWXY (A=10 … H=17, J=18 … N=22, P=23, Q=24,
 * R=25, T=26, U=27, W=28, X=29, Y=30); weights for positions 1-17 are
 * 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28; check = charset[(31 - sum % 31) % 31].
 */

describe('normalizeCreditCode', () => {
  it('trims and uppercases', () => {
    expect(normalizeCreditCode('  91350100m000100y43 \n')).toBe('91350100M000100Y43');
  });
});

describe('checkCreditCode: valid codes', () => {
  it('accepts the often-quoted 91350100M000100Y43', () => {
    // values 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4
    // 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 % 31 = 28; 31 - 28 = 3 → '3'
    expect(checkCreditCode('91350100M000100Y43')).toBeNull();
  });

  it('accepts 91440300708461136T (check letter T)', () => {
    // 9+3+36+108+0+78+0+0+140+0+200+52+48+24+10+90+168 = 966; 966 % 31 = 5; 31 - 5 = 26 → 'T'
    expect(checkCreditCode('91440300708461136T')).toBeNull();
  });

  it('accepts 914403001922038216 (all-digit code)', () => {
    // 9+3+36+108+0+78+0+0+20+261+50+26+0+72+80+60+28 = 831; 831 % 31 = 25; 31 - 25 = 6 → '6'
    expect(checkCreditCode('914403001922038216')).toBeNull();
  });

  it('accepts 91330100716105852F (check letter F)', () => {
    // 9+3+27+81+0+26+0+0+140+29+150+13+0+120+80+150+56 = 884; 884 % 31 = 16; 31 - 16 = 15 → 'F'
    expect(checkCreditCode('91330100716105852F')).toBeNull();
  });

  it('accepts 9111000071093123XX (letter X both in the body and as check)', () => {
    // 9+3+9+27+0+0+0+0+140+29+0+117+24+24+20+90+812 = 1304; 1304 % 31 = 2; 31 - 2 = 29 → 'X'
    expect(checkCreditCode('9111000071093123XX')).toBeNull();
  });

  it('accepts a code whose weighted sum is divisible by 31 (check 0)', () => {
    // 91110000MA000000F: 9+3+9+27+0+0+0+0+420+290+0+0+0+0+0+0+420 = 1178 = 38 × 31;
    // (31 - 0) % 31 = 0 → '0'
    expect(checkCreditCode('91110000MA000000F0')).toBeNull();
  });

  it('accepts a lowercase code once normalized', () => {
    expect(checkCreditCode(normalizeCreditCode('91330100716105852f'))).toBeNull();
  });
});

describe('checkCreditCode: FORMAT', () => {
  it('rejects the empty string', () => {
    expect(checkCreditCode('')).toBe('FORMAT');
  });

  it('rejects 17 characters', () => {
    expect(checkCreditCode('91350100M000100Y4')).toBe('FORMAT');
  });

  it('rejects 19 characters', () => {
    expect(checkCreditCode('91350100M000100Y430')).toBe('FORMAT');
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the excluded letter %s', (letter) => {
    expect(checkCreditCode(`91350100${letter}000100Y43`)).toBe('FORMAT');
  });

  it('rejects lowercase letters that were not normalized', () => {
    expect(checkCreditCode('91350100m000100y43')).toBe('FORMAT');
  });

  it('rejects an inner space', () => {
    expect(checkCreditCode('91350100 000100Y43')).toBe('FORMAT');
  });

  it('rejects an old 9-character organisation code', () => {
    expect(checkCreditCode('M000100Y4')).toBe('FORMAT');
  });
});

describe('checkCreditCode: CHECK_CHARACTER', () => {
  it('rejects a wrong final character', () => {
    expect(checkCreditCode('91350100M000100Y44')).toBe('CHECK_CHARACTER');
  });

  it('rejects a single mistyped body character', () => {
    // 9144030070846113 → 9144030070846118: sum 966 + (8 - 3) × 30 = 1116; 1116 % 31 = 0 → '0', not 'T'
    expect(checkCreditCode('91440300708461186T')).toBe('CHECK_CHARACTER');
  });

  it('rejects check character 1 where 0 is due', () => {
    expect(checkCreditCode('91110000MA000000F1')).toBe('CHECK_CHARACTER');
  });
});

describe('creditCodeCheckCharacter', () => {
  it('computes 3 for 91350100M000100Y4', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('computes 0 when the weighted sum is a multiple of 31', () => {
    expect(creditCodeCheckCharacter('91110000MA000000F')).toBe('0');
  });

  it('builds codes that checkCreditCode accepts', () => {
    for (const first17 of ['91110108MA01ABCDE', '12100000400000624', '52440300MJL000001']) {
      expect(checkCreditCode(first17 + creditCodeCheckCharacter(first17))).toBeNull();
    }
  });

  it('throws on input that is not 17 charset characters', () => {
    expect(() => creditCodeCheckCharacter('91350100M000100Y')).toThrow();
    expect(() => creditCodeCheckCharacter('91350100O000100Y4')).toThrow();
  });
});
