import { fenToYuan, formatYuan, sumYuan, yuanToFen } from './money';

describe('money in the client', () => {
  it('reads yuan text into fen exactly', () => {
    expect(yuanToFen('12000.50')).toBe(1_200_050n);
    expect(yuanToFen('12000.5')).toBe(1_200_050n);
    expect(yuanToFen('0.01')).toBe(1n);
    expect(yuanToFen(' 7 ')).toBe(700n);
    expect(yuanToFen('12,000.00')).toBeNull();
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });

  it('adds amounts that floating point would get wrong', () => {
    // 0.1 + 0.2 in binary floating point is 0.30000000000000004
    expect(sumYuan(['0.10', '0.20'])).toBe('0.30');
    // the Shunyi case: 700 workers, 12,003,456.78 yuan in all
    const lines = Array.from({ length: 699 }, () => '17000.01');
    lines.push(fenToYuan(1_200_345_678n - 699n * 1_700_001n));
    expect(sumYuan(lines)).toBe('12003456.78');
    expect(sumYuan(['1.00', 'abc'])).toBeNull();
  });

  it('writes fen back as the API reads it, and groups thousands for reading', () => {
    expect(fenToYuan(1_200_345_678n)).toBe('12003456.78');
    expect(fenToYuan(5n)).toBe('0.05');
    expect(fenToYuan(-150n)).toBe('-1.50');
    expect(formatYuan('12003456.78')).toBe('12,003,456.78');
    expect(formatYuan('999.5')).toBe('999.50');
    expect(formatYuan(-123456n)).toBe('-1,234.56');
  });
});
