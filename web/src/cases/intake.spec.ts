import { claimIndexOf, claimsOfIntake, totalClaimed } from './intake';

describe('the intake form’s claims', () => {
  const rosterRow = (row: number, amountClaimed: string) => ({
    row,
    worker: { name: `工人${row}`, idNumber: '11010519491231002X', mobile: null, homeProvince: null },
    kind: 'wages' as const,
    amountClaimed,
  });

  it('sends typed rows first (blank ones left out), then the roster, and knows where the roster starts', () => {
    const { claims, rosterOffset } = claimsOfIntake(
      [
        { worker: { name: ' 李建国 ', idNumber: '11010519491231002X', mobile: '' }, amountClaimed: '12000.50' },
        { worker: { name: '', idNumber: '' }, amountClaimed: '' },
        { worker: { name: '张明', idNumber: '410102198001010018', mobile: '13800000000' }, amountClaimed: '8000' },
      ],
      [rosterRow(2, '100.01'), rosterRow(3, '0.99')],
    );
    expect(rosterOffset).toBe(2);
    expect(claims.map((claim) => claim.worker.name)).toEqual(['李建国', '张明', '工人2', '工人3']);
    expect(claims[0].worker).toEqual({ name: '李建国', idNumber: '11010519491231002X' });
    expect(claims[1].worker.mobile).toBe('13800000000');
    expect(claims[2]).toEqual({ worker: { name: '工人2', idNumber: '11010519491231002X' }, kind: 'wages', amountClaimed: '100.01' });
    expect(totalClaimed(claims)).toBe('20101.50');
  });

  it('has no total while an amount is still being typed', () => {
    const { claims } = claimsOfIntake([{ worker: { name: '李', idNumber: 'x' }, amountClaimed: '12.' }], []);
    expect(totalClaimed(claims)).toBeNull();
  });

  it('reads the API’s claim paths', () => {
    expect(claimIndexOf('claims.12.worker.idNumber')).toEqual({ index: 12, rest: 'worker.idNumber' });
    expect(claimIndexOf('claims.0')).toEqual({ index: 0, rest: '' });
    expect(claimIndexOf('summary')).toBeNull();
  });
});
