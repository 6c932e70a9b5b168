/**
 * Which instalments of an agreement have been paid, matched from the payout ledger: payments made
 * on or after the signing day go to the earliest unpaid instalment first (a worker's own payments to
 * his own instalments when the schedule is per worker). Pure: the ledger and today come in as data.
 */
export interface PlannedInstalment {
  id: string;
  /** The worker's claim for a per-worker schedule; null when the schedule is for the total. */
  claimId: string | null;
  dueOn: string;
  amountFen: bigint;
}

export interface LedgerPayment {
  claimId: string;
  paidOn: string;
  amountFen: bigint;
}

export const INSTALMENT_STATES = ['paid', 'upcoming', 'due_today', 'overdue'] as const;
export type InstalmentState = (typeof INSTALMENT_STATES)[number];

export interface InstalmentStanding extends PlannedInstalment {
  paidFen: bigint;
  paidInFullOn: string | null;
  state: InstalmentState;
}

export function matchInstalments(
  instalments: PlannedInstalment[],
  payments: LedgerPayment[],
  signedOn: string,
  today: string,
): InstalmentStanding[] {
  const standings = new Map<string, InstalmentStanding>(
    instalments.map((instalment) => [instalment.id, { ...instalment, paidFen: 0n, paidInFullOn: null, state: 'upcoming' }]),
  );
  const byDueDate = [...instalments].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
  const counted = payments
    .filter((payment) => payment.paidOn >= signedOn)
    .sort((a, b) => a.paidOn.localeCompare(b.paidOn));

  for (const payment of counted) {
    let left = payment.amountFen;
    for (const planned of byDueDate) {
      if (left === 0n) break;
      if (planned.claimId !== null && planned.claimId !== payment.claimId) continue;
      const standing = standings.get(planned.id)!;
      const open = standing.amountFen - standing.paidFen;
      if (open <= 0n) continue;
      const applied = left < open ? left : open;
      standing.paidFen += applied;
      left -= applied;
      if (standing.paidFen === standing.amountFen) standing.paidInFullOn = payment.paidOn;
    }
  }

  for (const standing of standings.values()) standing.state = stateOf(standing, today);
  return instalments.map((instalment) => standings.get(instalment.id)!);
}

function stateOf(standing: InstalmentStanding, today: string): InstalmentState {
  if (standing.paidFen >= standing.amountFen) return 'paid';
  if (standing.dueOn < today) return 'overdue';
  return standing.dueOn === today ? 'due_today' : 'upcoming';
}
