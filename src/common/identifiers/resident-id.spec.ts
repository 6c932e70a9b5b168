import {
  PROVINCES,
  checkResidentId,
  normalizeResidentId,
  provinceOfResidentId,
  residentIdCheckDigit,
} from './resident-id';

/*
 * Expected check digits below were computed by hand, not by the code under
 * test: sum = Σ digit_i × W_i with W = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
 * then '10X98765432'[sum % 11].
 */

const TODAY = '2024-06-30';

describe('normalizeResidentId', () => {
  it('trims surrounding whitespace and uppercases a trailing lowercase x', () => {
    expect(normalizeResidentId('  11010519491231002x \t')).toBe('11010519491231002X');
  });

  it('leaves an already-normalized id unchanged', () => {
    expect(normalizeResidentId('440304200002290014')).toBe('440304200002290014');
  });

  it('only touches a trailing x, not one elsewhere', () => {
    expect(normalizeResidentId('x1010519491231002x')).toBe('x1010519491231002X');
  });
});

describe('checkResidentId: valid ids', () => {
  it('accepts the well-known sample id 11010519491231002X', () => {
    // 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 % 11 = 2 → 'X'
    expect(checkResidentId('11010519491231002X', TODAY)).toBeNull();
  });

  it('accepts a lowercase x once normalized', () => {
    expect(checkResidentId(normalizeResidentId('11010519491231002x'), TODAY)).toBeNull();
  });

  it('accepts an id born on 2000-02-29 (2000 is a leap year: divisible by 400)', () => {
    // 440304 20000229 001: 28+36+0+15+0+16+4+0+0+0+0+18+20+45+0+0+2 = 184; 184 % 11 = 8 → '4'
    expect(checkResidentId('440304200002290014', TODAY)).toBeNull();
  });

  it('accepts an id born on 2024-02-29 (ordinary leap year)', () => {
    // 110105 20240229 001: 7+9+0+5+0+20+4+0+12+12+0+18+20+45+0+0+2 = 154; 154 % 11 = 0 → '1'
    expect(checkResidentId('110105202402290011', TODAY)).toBeNull();
  });

  it('accepts an id whose weighted sum is divisible by 11 (check digit 1)', () => {
    // 110105 19000228 001: 7+9+0+5+0+20+2+9+0+0+0+18+20+40+0+0+2 = 132; 132 % 11 = 0 → '1'
    expect(checkResidentId('110105190002280011', TODAY)).toBeNull();
  });

  it('accepts an id whose check digit is 0', () => {
    // 510108 19840611 123: 35+9+0+5+0+32+2+9+48+12+0+54+10+5+8+8+6 = 243; 243 % 11 = 1 → '0'
    expect(checkResidentId('510108198406111230', TODAY)).toBeNull();
  });

  it('accepts a birth date of exactly 1900-01-01, the earliest allowed', () => {
    // 110105 19000101 001: 7+9+0+5+0+20+2+9+0+0+0+9+0+5+0+0+2 = 68; 68 % 11 = 2 → 'X'
    expect(checkResidentId('11010519000101001X', TODAY)).toBeNull();
  });

  it('accepts a birth date equal to today', () => {
    // 110105 20240630 001: 7+9+0+5+0+20+4+0+12+12+0+54+30+0+0+0+2 = 155; 155 % 11 = 1 → '0'
    expect(checkResidentId('110105202406300010', TODAY)).toBeNull();
  });

  it('accepts a Hong Kong resident code 81', () => {
    // 810000 19800101 001: 56+9+0+0+0+0+2+9+48+0+0+9+0+5+0+0+2 = 140; 140 % 11 = 8 → '4'
    expect(checkResidentId('810000198001010014', TODAY)).toBeNull();
  });

  it('accepts a Taiwan code 71', () => {
    // 710000 19800101 002: 49+9+0+0+0+0+2+9+48+0+0+9+0+5+0+0+4 = 135; 135 % 11 = 3 → '9'
    expect(checkResidentId('710000198001010029', TODAY)).toBeNull();
  });
});

describe('checkResidentId: FORMAT', () => {
  it('rejects the empty string', () => {
    expect(checkResidentId('', TODAY)).toBe('FORMAT');
  });

  it('rejects an old 15-digit first-generation id', () => {
    expect(checkResidentId('110105491231002', TODAY)).toBe('FORMAT');
  });

  it('rejects 17 characters', () => {
    expect(checkResidentId('11010519491231002', TODAY)).toBe('FORMAT');
  });

  it('rejects 19 characters', () => {
    expect(checkResidentId('11010519491231002X1', TODAY)).toBe('FORMAT');
  });

  it('rejects a lowercase x that was not normalized', () => {
    expect(checkResidentId('11010519491231002x', TODAY)).toBe('FORMAT');
  });

  it('rejects an X anywhere but the last position', () => {
    expect(checkResidentId('1101051949123100X2', TODAY)).toBe('FORMAT');
  });

  it('rejects a letter other than X as check character', () => {
    expect(checkResidentId('11010519491231002Y', TODAY)).toBe('FORMAT');
  });

  it('rejects surrounding whitespace (the caller must normalize)', () => {
    expect(checkResidentId(' 11010519491231002X', TODAY)).toBe('FORMAT');
  });

  it('rejects full-width digits', () => {
    expect(checkResidentId('１１０１０５１９４９１２３１００２X', TODAY)).toBe('FORMAT');
  });
});

describe('checkResidentId: REGION', () => {
  it('rejects province code 10, which is not assigned', () => {
    // 100105 19491231 002: 7+0+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 158; 158 % 11 = 4 → '8'
    expect(checkResidentId('100105194912310028', TODAY)).toBe('REGION');
  });

  it('rejects province code 20, which is not assigned', () => {
    // 200105 19491231 002: 14+0+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 165; 165 % 11 = 0 → '1'
    expect(checkResidentId('200105194912310021', TODAY)).toBe('REGION');
  });

  it('rejects province code 99, which is not assigned', () => {
    // 990105 19491231 002: 63+81+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 295; 295 % 11 = 9 → '3'
    expect(checkResidentId('990105194912310023', TODAY)).toBe('REGION');
  });
});

describe('checkResidentId: BIRTH_DATE', () => {
  it('rejects 1900-02-29 (1900 is not a leap year: divisible by 100, not by 400)', () => {
    // 110105 19000229 001: 7+9+0+5+0+20+2+9+0+0+0+18+20+45+0+0+2 = 137; 137 % 11 = 5 → '7'
    expect(checkResidentId('110105190002290017', TODAY)).toBe('BIRTH_DATE');
  });

  it('rejects 2023-02-29 (2023 is not a leap year)', () => {
    // 110105 20230229 001: 7+9+0+5+0+20+4+0+12+9+0+18+20+45+0+0+2 = 151; 151 % 11 = 8 → '4'
    expect(checkResidentId('110105202302290014', TODAY)).toBe('BIRTH_DATE');
  });

  it('rejects February 30', () => {
    // 110105 19990230 001: 7+9+0+5+0+20+2+9+54+27+0+18+30+0+0+0+2 = 183; 183 % 11 = 7 → '5'
    expect(checkResidentId('110105199902300015', TODAY)).toBe('BIRTH_DATE');
  });

  it('rejects April 31 (April has 30 days)', () => {
    // 110105 19990431 001: 7+9+0+5+0+20+2+9+54+27+0+36+30+5+0+0+2 = 206; 206 % 11 = 8 → '4'
    expect(checkResidentId('110105199904310014', TODAY)).toBe('BIRTH_DATE');
  });

  it('rejects month 13', () => {
    // 110105 19991301 001: 7+9+0+5+0+20+2+9+54+27+7+27+0+5+0+0+2 = 174; 174 % 11 = 9 → '3'
    expect(checkResidentId('110105199913010013', TODAY)).toBe('BIRTH_DATE');
  });

  it('rejects day 00', () => {
    // 110105 19990100 001: 7+9+0+5+0+20+2+9+54+27+0+9+0+0+0+0+2 = 144; 144 % 11 = 1 → '0'
    expect(checkResidentId('110105199901000010', TODAY)).toBe('BIRTH_DATE');
  });

  it('rejects a birth date one day after the given today', () => {
    // 110105 20240701 001: 7+9+0+5+0+20+4+0+12+12+0+63+0+5+0+0+2 = 139; 139 % 11 = 7 → '5'
    expect(checkResidentId('110105202407010015', TODAY)).toBe('BIRTH_DATE');
  });

  it('accepts that same birth date once today has reached it', () => {
    expect(checkResidentId('110105202407010015', '2024-07-01')).toBeNull();
  });

  it('rejects a birth date before 1900-01-01', () => {
    // 110105 18991231 001: 7+9+0+5+0+20+2+8+54+27+7+18+30+5+0+0+2 = 194; 194 % 11 = 7 → '5'
    expect(checkResidentId('110105189912310015', TODAY)).toBe('BIRTH_DATE');
  });
});

describe('checkResidentId: CHECK_DIGIT', () => {
  it('rejects the sample id with a wrong check digit', () => {
    expect(checkResidentId('110105194912310021', TODAY)).toBe('CHECK_DIGIT');
  });

  it('rejects two swapped sequence digits', () => {
    // 440304 20000229 010 sums to 184 - 2 + 4 = 186 → '2', not '4'
    expect(checkResidentId('440304200002290104', TODAY)).toBe('CHECK_DIGIT');
  });

  it('rejects an X where the check digit should be a number', () => {
    expect(checkResidentId('44030420000229001X', TODAY)).toBe('CHECK_DIGIT');
  });
});

describe('checkResidentId: today argument', () => {
  it('throws on a today that is not YYYY-MM-DD, as that is a caller bug', () => {
    expect(() => checkResidentId('11010519491231002X', '20240630')).toThrow(/YYYY-MM-DD/);
  });

  it('throws on a today that is not a calendar date', () => {
    expect(() => checkResidentId('11010519491231002X', '2023-02-29')).toThrow(/YYYY-MM-DD/);
  });
});

describe('residentIdCheckDigit', () => {
  it('computes X for the sample id prefix', () => {
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
  });

  it('computes 1 when the weighted sum is divisible by 11', () => {
    expect(residentIdCheckDigit('11010519000228001')).toBe('1');
  });

  it('computes 0 when the weighted sum leaves remainder 1', () => {
    expect(residentIdCheckDigit('51010819840611123')).toBe('0');
  });

  it('produces ids that checkResidentId accepts, for every province code', () => {
    const prefixes = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34',
      '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61',
      '62', '63', '64', '65', '71', '81', '82'];
    for (const prefix of prefixes) {
      const first17 = `${prefix}010219880808123`;
      expect(checkResidentId(first17 + residentIdCheckDigit(first17), TODAY)).toBeNull();
    }
  });

  it('throws on input that is not 17 digits', () => {
    expect(() => residentIdCheckDigit('1101051949123100')).toThrow();
    expect(() => residentIdCheckDigit('1101051949123100A')).toThrow();
  });
});

describe('provinceOfResidentId', () => {
  it.each([
    ['11010519491231002X', '北京市'],
    ['440304200002290014', '广东省'],
    ['510108198406111230', '四川省'],
    ['650102198001010011', '新疆维吾尔自治区'],
    ['710000198001010029', '台湾省'],
    ['810000198001010014', '香港特别行政区'],
    ['820000198001010011', '澳门特别行政区'],
  ])('maps %s to %s', (id, province) => {
    expect(provinceOfResidentId(id)).toBe(province);
  });

  it('returns null for an unassigned code', () => {
    expect(provinceOfResidentId('990105194912310023')).toBeNull();
  });

  it('returns null for non-digit or too-short input', () => {
    expect(provinceOfResidentId('ab0105194912310023')).toBeNull();
    expect(provinceOfResidentId('1')).toBeNull();
    expect(provinceOfResidentId('')).toBeNull();
  });
});

describe('PROVINCES', () => {
  it('lists all 34 province-level divisions once each', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(PROVINCES).size).toBe(34);
  });

  it('contains municipalities, provinces, autonomous regions and SARs', () => {
    expect(PROVINCES).toEqual(
      expect.arrayContaining(['北京市', '河北省', '内蒙古自治区', '台湾省', '香港特别行政区', '澳门特别行政区']),
    );
  });

  it('cannot be modified by callers', () => {
    expect(Object.isFrozen(PROVINCES)).toBe(true);
  });
});
