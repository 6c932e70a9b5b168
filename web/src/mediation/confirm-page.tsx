import { Button, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, Schemas, unwrap } from '../common/api/client';
import { useMessagesWith } from '../common/i18n/i18n';
import { mediationMessages } from './mediation.messages';
import { formatYuan } from '../common/money';
import { formProblems } from './api-errors';
import { LineErrors, TickBar, TickedSummary, WorkerTick } from './bulk-form';
import { messageBesideLines, problemsByLine, tickedTotal, toggle, visibleLines } from './bulk-lines';
import { confirmationItems, confirmationLines, ConfirmLine, initiallyTicked } from './confirmations';
import { FormAlert, TextField, useIdempotencyKey, Yuan } from './fields';
import { LoadFailed, Loading, PhoneScreen } from './frame';
import { useCaseChanged, useClaimSearch, useEveryClaim, useTheCase } from './queries';

/** Confirming the amounts of many workers at once: tick them, correct the amounts, one submit. */
export default function ConfirmPage() {
  const { caseId = '' } = useParams();
  const m = useMessagesWith({ mediation: mediationMessages });
  const theCase = useTheCase(caseId);
  const claims = useEveryClaim(caseId);
  const title = m.mediation.tasks.confirm;
  const backTo = `/day/cases/${caseId}`;
  if (theCase.error || claims.error) {
    return (
      <PhoneScreen title={title} backTo={backTo} caseId={caseId}>
        <LoadFailed error={theCase.error ?? claims.error} />
      </PhoneScreen>
    );
  }
  if (!theCase.data || !claims.data) {
    return (
      <PhoneScreen title={title} backTo={backTo} caseId={caseId}>
        <Loading />
      </PhoneScreen>
    );
  }
  return <ConfirmForm theCase={theCase.data} claims={claims.data} />;
}

interface Problems {
  lines: Record<string, Record<string, string>>;
  message: string | null;
}

function ConfirmForm({ theCase, claims }: { theCase: Schemas['CaseView']; claims: Schemas['ClaimView'][] }) {
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.confirm;
  const navigate = useNavigate();
  const changed = useCaseChanged();
  const keyFor = useIdempotencyKey();
  const [lines, setLines] = useState<ConfirmLine[]>(() => confirmationLines(claims));
  const [ticked, setTicked] = useState<Set<string>>(() => initiallyTicked(lines));
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problems | null>(null);
  const { found, searching } = useClaimSearch(theCase.id, text);
  const visible = visibleLines(lines, found);
  const total = tickedTotal(lines, ticked);
  const backTo = `/day/cases/${theCase.id}`;

  const setAmount = (claimId: string, amount: string) => {
    setLines((current) => current.map((line) => (line.claimId === claimId ? { ...line, amount } : line)));
    // typing an amount means this worker is being confirmed
    setTicked((current) => toggle(current, claimId, true));
  };

  const submit = async () => {
    const items = confirmationItems(lines, ticked);
    if (items.length === 0) {
      setProblems({ lines: {}, message: m.mediation.bulk.noneTicked });
      return;
    }
    setBusy(true);
    setProblems(null);
    try {
      const body = { items };
      const done = await unwrap(
        api.POST('/cases/{caseId}/claims/confirmations', { params: { path: { caseId: theCase.id } }, body, headers: { 'Idempotency-Key': keyFor(body) } }),
      );
      Toast.show({ icon: 'success', content: t.done(done.confirmed, formatYuan(done.confirmedTotal)) });
      void navigate(backTo);
      void changed(theCase.id);
    } catch (error) {
      const found = formProblems(error, m, [], ['items']);
      const byLine = problemsByLine(
        items.map((item) => item.claimId),
        found.items,
      );
      setProblems({ lines: byLine.lines, message: messageBesideLines(found.message, byLine.rest) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PhoneScreen
      title={m.mediation.tasks.confirm}
      backTo={backTo}
      caseId={theCase.id}
      footer={
        <>
          <TickedSummary total={total} label={t.total} />
          <FormAlert title={t.refused} message={problems?.message ?? null} />
          <Button block size="large" color="primary" loading={busy} onClick={() => void submit()}>
            {t.submit(total.count)}
          </Button>
        </>
      }
    >
      <section className="m-section" aria-labelledby="confirm-intro">
        <h2 id="confirm-intro">{theCase.caseNumber}</h2>
        <p className="m-muted" style={{ margin: 0 }}>
          {t.intro}
        </p>
      </section>
      <section className="m-section" aria-label={t.workers}>
        <TickBar text={text} onText={setText} found={found} searching={searching} visibleIds={visible.map((line) => line.claimId)} ticked={ticked} onTicked={setTicked} />
        {visible.map((line) => {
          const errors = problems?.lines[line.claimId];
          const id = `confirm-${line.claimId}`;
          return (
            <div key={line.claimId} className="m-line" data-worker={line.workerName}>
              <WorkerTick
                name={line.workerName}
                idNumber={line.idNumber}
                checked={ticked.has(line.claimId)}
                onChange={(on) => setTicked((current) => toggle(current, line.claimId, on))}
                extra={line.confirmed !== null && <span className="m-muted">{t.confirmedBefore}</span>}
              />
              <div className="m-line-fields m-one">
                <TextField
                  id={id}
                  label={
                    <>
                      <span className="sr-only">{line.workerName} </span>
                      {t.amount}
                    </>
                  }
                  inputMode="decimal"
                  autoComplete="off"
                  value={line.amount}
                  onText={(value) => setAmount(line.claimId, value)}
                  hint={
                    <>
                      {t.claimed} <Yuan yuan={line.claimed} />
                    </>
                  }
                  error={errors?.amountConfirmed}
                />
              </div>
              <LineErrors id={id} errors={errors} />
            </div>
          );
        })}
      </section>
    </PhoneScreen>
  );
}
