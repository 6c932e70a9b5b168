import { formatYuan } from '../common/money/money';
import { shanghaiTimestamp } from '../common/time/shanghai';
import { AgreementView } from './mediation.service';
import { SessionRow } from './mediation.sql';

export function toSessionView(row: SessionRow) {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    mediator: { id: row.mediator_id, displayName: row.mediator_name },
    room: row.room_id ? { id: row.room_id, name: row.room_name } : null,
    place: row.place,
    startsAt: shanghaiTimestamp(new Date(row.starts_at)),
    endsAt: shanghaiTimestamp(new Date(row.ends_at)),
    status: row.status,
    outcome: row.outcome,
    adjournedTo: row.adjourned_to,
    notes: row.notes,
    version: row.version,
  };
}

export function toAgreementView(agreement: AgreementView) {
  return {
    id: agreement.id,
    caseId: agreement.caseId,
    signedOn: agreement.signedOn,
    schedule: agreement.schedule,
    total: formatYuan(agreement.totalFen),
    terms: agreement.terms,
    version: agreement.version,
    instalments: agreement.instalments.map((instalment) => ({
      id: instalment.id,
      claimId: instalment.claimId,
      dueOn: instalment.dueOn,
      amount: formatYuan(instalment.amountFen),
      paid: formatYuan(instalment.paidFen),
      paidInFullOn: instalment.paidInFullOn,
      state: instalment.state,
    })),
    overdue: agreement.instalments.filter((instalment) => instalment.state === 'overdue').length,
  };
}
