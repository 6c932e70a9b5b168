import { Button, Radio, Toast } from 'antd-mobile';
import { FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, Schemas, unwrap } from '../common/api/client';
import { useMessagesWith } from '../common/i18n/i18n';
import { mediationMessages } from './mediation.messages';
import { formProblems, FormProblems } from './api-errors';
import { dayOf, shanghaiDate, timeOf } from './dates';
import { FormAlert, TextAreaField, TextField, useIdempotencyKey } from './fields';
import { LoadFailed, Loading, PhoneScreen } from './frame';
import { useCaseChanged, useSessions } from './queries';
import { SessionTag } from './tags';

type Outcome = Schemas['SessionOutcomeDto']['outcome'];
const OUTCOMES: Outcome[] = ['agreement', 'no_agreement', 'adjourned'];
const FIELDS = ['outcome', 'adjournedTo', 'notes'];

/** A session's outcome: agreement, none, or adjourned to a day; with notes. */
export default function OutcomePage() {
  const { caseId = '', sessionId = '' } = useParams();
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.outcome;
  const navigate = useNavigate();
  const changed = useCaseChanged();
  const keyFor = useIdempotencyKey();
  const sessions = useSessions(caseId);
  const session = sessions.data?.find((candidate) => candidate.id === sessionId);
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [adjournedTo, setAdjournedTo] = useState('');
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FormProblems | null>(null);
  const backTo = `/day/cases/${caseId}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!session) return;
    if (!outcome) {
      setProblems({ fields: { outcome: t.choose }, items: [], stale: false, code: null, message: null });
      return;
    }
    setBusy(true);
    setProblems(null);
    try {
      const body: Schemas['SessionOutcomeDto'] = {
        // the version read: if someone recorded this session meanwhile, the server says so (409)
        version: session.version,
        outcome,
        ...(outcome === 'adjourned' && { adjournedTo }),
        ...(notes.trim() && { notes: notes.trim() }),
      };
      await unwrap(
        api.POST('/cases/{caseId}/sessions/{sessionId}/outcome', { params: { path: { caseId, sessionId } }, body, headers: { 'Idempotency-Key': keyFor(body) } }),
      );
      Toast.show({ icon: 'success', content: t.done(m.sessionOutcome[outcome] ?? outcome) });
      void navigate(backTo);
      void changed(caseId);
    } catch (error) {
      const found = formProblems(error, m, FIELDS);
      setProblems(found);
      // read the session again: the next submit carries its current version, and what was typed stays
      if (found.stale) void sessions.refetch();
    } finally {
      setBusy(false);
    }
  };

  const title = m.mediation.tasks.outcome;
  if (sessions.error) {
    return (
      <PhoneScreen title={title} backTo={backTo} caseId={caseId}>
        <LoadFailed error={sessions.error} />
      </PhoneScreen>
    );
  }
  return (
    <PhoneScreen
      title={title}
      backTo={backTo}
      caseId={caseId}
      footer={
        session && (
          <>
            <FormAlert title={problems?.stale ? undefined : t.refused} message={problems?.message ?? null} />
            <Button block size="large" color="primary" type="submit" form="outcome-form" loading={busy} disabled={session.status !== 'scheduled'}>
              {t.submit}
            </Button>
          </>
        )
      }
    >
      {sessions.isPending ? (
        <Loading />
      ) : !session ? (
        <div className="m-alert" role="alert">
          {t.notFound}
        </div>
      ) : (
        <form id="outcome-form" className="m-section" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="outcome-session">
          <h2 id="outcome-session">
            {session.caseNumber} · {dayOf(session.startsAt)} {timeOf(session.startsAt)}–{timeOf(session.endsAt)}
          </h2>
          <div className="m-row" style={{ marginBottom: 12 }}>
            <span className="m-muted">
              {session.room?.name ?? session.place ?? m.mediation.day.noPlace} · {session.mediator.displayName}
            </span>
            <SessionTag session={session} />
          </div>
          <fieldset className="m-field" style={{ border: 0, padding: 0, margin: '0 0 14px' }} aria-describedby={problems?.fields.outcome ? 'outcome-error' : undefined}>
            <legend className="m-label">{t.outcome}</legend>
            <Radio.Group value={outcome} onChange={(value) => setOutcome(value as Outcome)}>
              <div className="m-choices">
                {OUTCOMES.map((value) => (
                  <Radio key={value} value={value}>
                    {m.sessionOutcome[value] ?? value}
                  </Radio>
                ))}
              </div>
            </Radio.Group>
            {problems?.fields.outcome && (
              <div id="outcome-error" className="m-error">
                {problems.fields.outcome}
              </div>
            )}
          </fieldset>
          {outcome === 'adjourned' && (
            <TextField id="adjourned-to" label={t.adjournedTo} type="date" min={shanghaiDate(new Date())} value={adjournedTo} onText={setAdjournedTo} error={problems?.fields.adjournedTo} />
          )}
          <TextAreaField id="outcome-notes" label={t.notes} value={notes} onText={setNotes} error={problems?.fields.notes} rows={4} />
        </form>
      )}
    </PhoneScreen>
  );
}
