import { fenToYuan } from '../common/money';
import { tickedTotal } from './bulk-lines';
import { confirmationItems, confirmationLines, initiallyTicked } from './confirmations';

const claim = (id: string, name: string, claimed: string, confirmed: string | null) => ({
  id,
  worker: { id: `w-${id}`, name, idNumber: '110105********1234', mobile: null, homeProvince: null },
  amountClaimed: claimed,
  amountConfirmed: confirmed,
});

const CLAIMS = [
  claim('c1', '张建国', '12000.50', null),
  claim('c2', '李春生', '8000.00', '7600.00'), // confirmed lower after the wage sheet was checked
  claim('c3', '王秀英', '3500.25', null),
];

describe('confirming amounts in bulk', () => {
  it('prefills what each claimed, or what was confirmed before', () => {
    expect(confirmationLines(CLAIMS).map((line) => [line.workerName, line.amount])).toEqual([
      ['张建国', '12000.50'],
      ['李春生', '7600.00'],
      ['王秀英', '3500.25'],
    ]);
  });

  it('ticks the workers still to confirm', () => {
    expect([...initiallyTicked(confirmationLines(CLAIMS))]).toEqual(['c1', 'c3']);
  });

  it('sends the ticked lines with the amounts as typed, and totals them exactly', () => {
    const lines = confirmationLines(CLAIMS).map((line) => (line.claimId === 'c3' ? { ...line, amount: '３５００' } : line));
    const ticked = new Set(['c1', 'c3']);
    expect(confirmationItems(lines, ticked)).toEqual([
      { claimId: 'c1', amountConfirmed: '12000.50' },
      { claimId: 'c3', amountConfirmed: '3500' },
    ]);
    expect(fenToYuan(tickedTotal(lines, ticked).fen)).toBe('15500.50');
  });
});
