import { LedgerPayment, PlannedInstalment, matchInstalments } from './instalments';

const plan: PlannedInstalment[] = [
  { id: 'first', claimId: null, dueOn: '2027-01-15', amountFen: 600_000_000n },
  { id: 'second', claimId: null, dueOn: '2027-02-03', amountFen: 600_000_000n },
];

describe('matching instalments to payouts', () => {
  it('pays the earliest instalment first, across pay days', () => {
    const payments: LedgerPayment[] = [
      { claimId: 'a', paidOn: '2027-01-14', amountFen: 400_000_000n },
      { claimId: 'b', paidOn: '2027-01-15', amountFen: 300_000_000n },
    ];
    const [first, second] = matchInstalments(plan, payments, '2027-01-10', '2027-01-20');
    expect(first).toMatchObject({ paidFen: 600_000_000n, paidInFullOn: '2027-01-15', state: 'paid' });
    expect(second).toMatchObject({ paidFen: 100_000_000n, paidInFullOn: null, state: 'upcoming' });
  });

  it('makes an instalment overdue the day after its due date, not on it', () => {
    const onTheDay = matchInstalments(plan, [], '2027-01-10', '2027-01-15');
    expect(onTheDay[0].state).toBe('due_today');
    const dayAfter = matchInstalments(plan, [], '2027-01-10', '2027-01-16');
    expect(dayAfter[0].state).toBe('overdue');
  });

  it('does not count money paid before the agreement was signed', () => {
    const [first] = matchInstalments(plan, [{ claimId: 'a', paidOn: '2027-01-09', amountFen: 600_000_000n }], '2027-01-10', '2027-01-20');
    expect(first).toMatchObject({ paidFen: 0n, state: 'overdue' });
  });

  it("applies a worker's payment only to his own instalments on a per-worker schedule", () => {
    const perWorker: PlannedInstalment[] = [
      { id: 'li-1', claimId: 'li', dueOn: '2027-01-15', amountFen: 500_000n },
      { id: 'zhang-1', claimId: 'zhang', dueOn: '2027-01-15', amountFen: 700_000n },
    ];
    const standings = matchInstalments(perWorker, [{ claimId: 'zhang', paidOn: '2027-01-12', amountFen: 900_000n }], '2027-01-10', '2027-01-16');
    expect(standings.map((s) => [s.id, s.paidFen, s.state])).toEqual([
      ['li-1', 0n, 'overdue'],
      ['zhang-1', 700_000n, 'paid'],
    ]);
  });
});
