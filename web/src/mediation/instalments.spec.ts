import { fenToYuan } from '../common/money';
import { agreementInstalments, instalmentsTotal, splitEvenly, spreadOver } from './instalments';

describe('the agreement’s instalments', () => {
  it('splits a total evenly to the fen, the odd fen in the last instalment', () => {
    expect(splitEvenly(4_700_125n, 2)).toEqual([2_350_062n, 2_350_063n]);
    expect(splitEvenly(100n, 3)).toEqual([33n, 33n, 34n]);
    expect(splitEvenly(1_200_345_678n, 1)).toEqual([1_200_345_678n]);
    expect(splitEvenly(100n, 0)).toEqual([]);
    const parts = splitEvenly(1_200_345_678n, 7);
    expect(parts.reduce((sum, part) => sum + part, 0n)).toBe(1_200_345_678n);
  });

  it('spreads the total over the lines, keeping their days', () => {
    const lines = [
      { key: 'a', dueOn: '2027-01-25', amount: '47001.25' },
      { key: 'b', dueOn: '2027-02-03', amount: '' },
    ];
    expect(spreadOver(lines, 4_700_125n)).toEqual([
      { key: 'a', dueOn: '2027-01-25', amount: '23500.62' },
      { key: 'b', dueOn: '2027-02-03', amount: '23500.63' },
    ]);
  });

  it('adds the instalments up to the agreed total, or says it cannot yet', () => {
    const lines = [
      { key: 'a', dueOn: '2027-01-25', amount: '23500.62' },
      { key: 'b', dueOn: '2027-02-03', amount: '２３５００．６３' },
    ];
    expect(fenToYuan(instalmentsTotal(lines)!)).toBe('47001.25');
    expect(instalmentsTotal([...lines, { key: 'c', dueOn: '', amount: '' }])).toBeNull();
    expect(agreementInstalments(lines)).toEqual([
      { dueOn: '2027-01-25', amount: '23500.62' },
      { dueOn: '2027-02-03', amount: '23500.63' },
    ]);
  });
});
