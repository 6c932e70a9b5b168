import { fenFromDb, fenFromSpreadsheetNumber, formatYuan, parseYuan, sumFen } from './money';

function fenOf(text: string): bigint {
  const parsed = parseYuan(text);
  if (!parsed.ok) throw new Error(`expected ${text} to parse, got ${parsed.problem}`);
  return parsed.fen;
}

describe('parseYuan: accepted amounts', () => {
  it.each([
    ['12000', 1200000n],
    ['12000.5', 1200050n],
    ['12000.50', 1200050n],
    ['0.01', 1n],
    ['0', 0n],
    ['0.00', 0n],
  ])('parses %s as %p fen', (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, fen });
  });

  it('ignores surrounding spaces', () => {
    expect(parseYuan('  12000.50 ')).toEqual({ ok: true, fen: 1200050n });
  });

  it('accepts leading zeros, which spreadsheet exports sometimes pad with', () => {
    expect(parseYuan('007.00')).toEqual({ ok: true, fen: 700n });
  });

  it('accepts the largest amount, 13 integer digits, exactly', () => {
    expect(parseYuan('9999999999999.99')).toEqual({ ok: true, fen: 999999999999999n });
  });

  it('keeps every digit of a long amount (a double would not distinguish these)', () => {
    // As doubles, 1234567890123.45 and 1234567890123.4501 are equal; as fen they must be exact.
    expect(parseYuan('1234567890123.45')).toEqual({ ok: true, fen: 123456789012345n });
    expect(parseYuan('1234567890123.46')).toEqual({ ok: true, fen: 123456789012346n });
  });
});

describe('parseYuan: FORMAT', () => {
  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['thousands separator', '1,000'],
    ['exponent notation', '1e5'],
    ['explicit plus sign', '+5'],
    ['no integer part', '.5'],
    ['trailing decimal point', '12.'],
    ['letters', 'abc'],
    ['inner space', '12 000'],
    ['full-width digits', '１２０００'],
    ['currency sign', '¥12000'],
    ['yuan suffix', '12000元'],
    ['hex', '0x10'],
    ['Infinity', 'Infinity'],
    ['two decimal points', '1.2.3'],
    ['minus sign without a number', '-'],
    ['minus sign before letters', '-abc'],
  ])('rejects %s (%p)', (_label, text) => {
    expect(parseYuan(text)).toEqual({ ok: false, problem: 'FORMAT' });
  });
});

describe('parseYuan: NEGATIVE', () => {
  it('rejects -3', () => {
    expect(parseYuan('-3')).toEqual({ ok: false, problem: 'NEGATIVE' });
  });

  it('rejects -0.50', () => {
    expect(parseYuan('-0.50')).toEqual({ ok: false, problem: 'NEGATIVE' });
  });
});

describe('parseYuan: TOO_MANY_DECIMALS', () => {
  it('rejects 1.234 instead of rounding it', () => {
    expect(parseYuan('1.234')).toEqual({ ok: false, problem: 'TOO_MANY_DECIMALS' });
  });

  it('rejects a third decimal even when it is zero', () => {
    expect(parseYuan('1.230')).toEqual({ ok: false, problem: 'TOO_MANY_DECIMALS' });
  });
});

describe('parseYuan: TOO_LARGE', () => {
  it('rejects 14 integer digits', () => {
    expect(parseYuan('10000000000000')).toEqual({ ok: false, problem: 'TOO_LARGE' });
  });

  it('rejects a 20-digit amount without losing precision on the way', () => {
    expect(parseYuan('12345678901234567890.12')).toEqual({ ok: false, problem: 'TOO_LARGE' });
  });
});

describe('fenFromSpreadsheetNumber', () => {
  it('converts 12000.5 to 1200050 fen', () => {
    expect(fenFromSpreadsheetNumber(12000.5)).toEqual({ ok: true, fen: 1200050n });
  });

  it('converts a whole number of yuan', () => {
    expect(fenFromSpreadsheetNumber(12000)).toEqual({ ok: true, fen: 1200000n });
  });

  it('converts 0.1 + 0.2 (0.30000000000000004) to 30 fen', () => {
    expect(fenFromSpreadsheetNumber(0.1 + 0.2)).toEqual({ ok: true, fen: 30n });
  });

  it('converts 17142.86, which no double holds exactly, to 1714286 fen', () => {
    expect(fenFromSpreadsheetNumber(17142.86)).toEqual({ ok: true, fen: 1714286n });
  });

  it('converts 0.01 to 1 fen', () => {
    expect(fenFromSpreadsheetNumber(0.01)).toEqual({ ok: true, fen: 1n });
  });

  it('converts 0 and -0 to 0 fen', () => {
    expect(fenFromSpreadsheetNumber(0)).toEqual({ ok: true, fen: 0n });
    expect(fenFromSpreadsheetNumber(-0)).toEqual({ ok: true, fen: 0n });
  });

  it('converts 10000000000.03, whose × 100 is 1.2e-4 fen off, thanks to the relative tolerance', () => {
    expect(Math.abs(10000000000.03 * 100 - 1000000000003)).toBeGreaterThan(1e-6);
    expect(fenFromSpreadsheetNumber(10000000000.03)).toEqual({ ok: true, fen: 1000000000003n });
  });

  it('converts the largest amount 9999999999999.97, whose × 100 is 0.125 fen off', () => {
    expect(fenFromSpreadsheetNumber(9999999999999.97)).toEqual({ ok: true, fen: 999999999999997n });
  });

  it('rejects NaN as FORMAT', () => {
    expect(fenFromSpreadsheetNumber(Number.NaN)).toEqual({ ok: false, problem: 'FORMAT' });
  });

  it('rejects Infinity and -Infinity as FORMAT', () => {
    expect(fenFromSpreadsheetNumber(Infinity)).toEqual({ ok: false, problem: 'FORMAT' });
    expect(fenFromSpreadsheetNumber(-Infinity)).toEqual({ ok: false, problem: 'FORMAT' });
  });

  it('rejects a negative amount', () => {
    expect(fenFromSpreadsheetNumber(-3)).toEqual({ ok: false, problem: 'NEGATIVE' });
  });

  it('rejects 1.234 instead of rounding it', () => {
    expect(fenFromSpreadsheetNumber(1.234)).toEqual({ ok: false, problem: 'TOO_MANY_DECIMALS' });
  });

  it('rejects 1.005, whose double sits just below 1.005 and would round to 100 fen', () => {
    expect(fenFromSpreadsheetNumber(1.005)).toEqual({ ok: false, problem: 'TOO_MANY_DECIMALS' });
  });

  it('rejects a formula result such as 10000 / 3', () => {
    expect(fenFromSpreadsheetNumber(10000 / 3)).toEqual({ ok: false, problem: 'TOO_MANY_DECIMALS' });
  });

  it('rejects a stray digit in the seventh decimal place', () => {
    expect(fenFromSpreadsheetNumber(12000.0000001)).toEqual({ ok: false, problem: 'TOO_MANY_DECIMALS' });
  });

  it('rejects 1e13 yuan as TOO_LARGE', () => {
    expect(fenFromSpreadsheetNumber(1e13)).toEqual({ ok: false, problem: 'TOO_LARGE' });
  });

  it('rejects an amount that only reaches 1e13 yuan after rounding to the fen', () => {
    expect(fenFromSpreadsheetNumber(9999999999999.998)).toEqual({ ok: false, problem: 'TOO_LARGE' });
  });
});

describe('formatYuan', () => {
  it.each([
    [1200050n, '12000.50'],
    [1200000n, '12000.00'],
    [1n, '0.01'],
    [10n, '0.10'],
    [0n, '0.00'],
    [-5n, '-0.05'],
    [-1200050n, '-12000.50'],
    [999999999999999n, '9999999999999.99'],
  ])('formats %p fen as %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it('formats amounts beyond 2^53 fen exactly', () => {
    expect(formatYuan(123456789012345678901n)).toBe('1234567890123456789.01');
  });

  it.each(['12000.50', '0.01', '0.00', '17142.86', '9999999999999.99', '100.10'])(
    'round-trips the canonical string %s through parseYuan',
    (text) => {
      expect(formatYuan(fenOf(text))).toBe(text);
    },
  );

  it('round-trips every fen value from 0 to 10000 through parseYuan', () => {
    for (let fen = 0n; fen <= 10000n; fen++) {
      expect(parseYuan(formatYuan(fen))).toEqual({ ok: true, fen });
    }
  });

  it('canonicalizes one-decimal input to two decimals', () => {
    expect(formatYuan(fenOf('12000.5'))).toBe('12000.50');
  });
});

describe('sumFen', () => {
  it('returns 0n for no values', () => {
    expect(sumFen([])).toBe(0n);
  });

  it('sums 700 × 17142.86 yuan to exactly 12000002.00 yuan', () => {
    // 1 714 286 fen × 700 = 1 200 000 200 fen = 12 000 002.00 yuan.
    const amounts = Array.from({ length: 700 }, () => fenOf('17142.86'));
    expect(formatYuan(sumFen(amounts))).toBe('12000002.00');
  });

  it('is exact where adding the same 700 amounts as doubles drifts off the fen', () => {
    let floatTotal = 0;
    for (let i = 0; i < 700; i++) floatTotal += 17142.86;
    expect(floatTotal).not.toBe(12000002);
    const amounts = Array.from({ length: 700 }, () => fenOf('17142.86'));
    expect(sumFen(amounts)).toBe(1200000200n);
  });

  it('sums 700 different amounts 0.01, 0.02 … 7.00 to 2453.50 yuan', () => {
    // Σ_{k=1..700} k fen = 700 × 701 / 2 = 245 350 fen = 2453.50 yuan.
    const amounts = Array.from({ length: 700 }, (_, i) => fenOf(formatYuan(BigInt(i + 1))));
    expect(formatYuan(sumFen(amounts))).toBe('2453.50');
  });

  it('sums 700 spreadsheet cells of 17142.86 exactly once converted to fen', () => {
    const amounts = Array.from({ length: 700 }, () => {
      const parsed = fenFromSpreadsheetNumber(17142.86);
      if (!parsed.ok) throw new Error(parsed.problem);
      return parsed.fen;
    });
    expect(sumFen(amounts)).toBe(1200000200n);
  });

  it('accepts any iterable, such as a generator', () => {
    function* amounts(): Generator<bigint> {
      yield 100n;
      yield 250n;
      yield -50n;
    }
    expect(sumFen(amounts())).toBe(300n);
  });
});

describe('fenFromDb', () => {
  it('maps null (SUM over no rows) to 0n', () => {
    expect(fenFromDb(null)).toBe(0n);
  });

  it('parses a bigint column returned as a string', () => {
    expect(fenFromDb('1200050')).toBe(1200050n);
  });

  it('parses a negative integer string', () => {
    expect(fenFromDb('-5')).toBe(-5n);
  });

  it('parses a numeric SUM beyond 2^53 exactly', () => {
    expect(fenFromDb('123456789012345678901')).toBe(123456789012345678901n);
  });

  it('accepts an integer number, as pg returns for int4 columns', () => {
    expect(fenFromDb(42)).toBe(42n);
  });

  it.each(['12.5', '', ' 12', '1e5', 'abc', '12.00'])('throws on the non-integer string %p', (text) => {
    expect(() => fenFromDb(text)).toThrow(Error);
  });

  it.each([1.5, Number.NaN, Infinity, 2 ** 53])('throws on the unsafe or fractional number %p', (value) => {
    expect(() => fenFromDb(value)).toThrow(Error);
  });
});
