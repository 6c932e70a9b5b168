import { Button, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, Schemas, unwrap } from '../common/api/client';
import { useMessagesWith } from '../common/i18n/i18n';
import { mediationMessages } from './mediation.messages';
import { formatYuan } from '../common/money';
import { formProblems } from './api-errors';
import { LineErrors, TickBar, TickedSummary, WorkerTick } from './bulk-form';
import { messageBesideLines, problemsByLine, toggle, visibleLines } from './bulk-lines';
import { shanghaiDate } from './dates';
import { FormAlert, SelectField, TextField, useIdempotencyKey, Yuan } from './fields';
import { LoadFailed, Loading, PhoneScreen } from './frame';
import { isOverMax, maxOfLine, payDayLines, payDayTotal, PayLine, payoutItems } from './pay-day';
import { useCaseChanged, useClaimSearch, useEveryClaim, useTheCase } from './queries';

type PayDay = Schemas['RecordPayoutsDto'];

// the API's lists of payers and channels (its PayerKind and PayoutChannel), in the order a mediator meets them
const PAYER_KINDS: PayDay['payerKind'][] = ['employer', 'general_contractor', 'project_owner', 'guarantee_deposit', 'emergency_fund', 'court_enforcement'];
const CHANNELS: PayDay['channel'][] = ['bank_transfer', 'dedicated_wage_account', 'cash_with_signature'];
const FIELDS = ['paidOn', 'payerKind', 'channel', 'heldIn'];
const HELD_PLACES = ['union_account', 'labour_bureau_account'] as const;

/** A pay day: the workers paid ticked, what each got, when, by whom and how; one request for all of them. */
export default function PayDayPage() {
  const { caseId = '' } = useParams();
  const m = useMessagesWith({ mediation: mediationMessages });
  const theCase = useTheCase(caseId);
  // those still owed: a worker paid in full has no line on a pay day
  const claims = useEveryClaim(caseId, 'owed');
  const title = m.mediation.tasks.payDay;
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
  return <PayDayForm theCase={theCase.data} claims={claims.data} />;
}

interface Problems {
  fields: Record<string, string>;
  lines: Record<string, Record<string, string>>;
  message: string | null;
}

function PayDayForm({ theCase, claims }: { theCase: Schemas['CaseView']; claims: Schemas['ClaimView'][] }) {
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.payDay;
  const navigate = useNavigate();
  const changed = useCaseChanged();
  const keyFor = useIdempotencyKey();
  const today = shanghaiDate(new Date());
  const [{ lines: initial, unconfirmed }] = useState(() => payDayLines(claims));
  const [lines, setLines] = useState<PayLine[]>(initial);
  const [ticked, setTicked] = useState<Set<string>>(() => new Set());
  const [paidOn, setPaidOn] = useState(today);
  const [payerKind, setPayerKind] = useState('');
  const [channel, setChannel] = useState('');
  // paid to the workers, or into an account that holds it for those not reached (代管)
  const [heldIn, setHeldIn] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problems | null>(null);
  const { found, searching } = useClaimSearch(theCase.id, text);
  const visible = visibleLines(lines, found);
  const total = payDayTotal(lines, ticked);
  const backTo = `/day/cases/${theCase.id}`;

  const edit = (claimId: string, change: Partial<PayLine>) => {
    setLines((current) => current.map((line) => (line.claimId === claimId ? { ...line, ...change } : line)));
    // typing what a worker got means he was paid today
    setTicked((current) => toggle(current, claimId, true));
  };

  const submit = async () => {
    const items = payoutItems(lines, ticked);
    // what the form knows is missing, it says before asking: the API would answer in field names
    const missing: Record<string, string> = {};
    if (!paidOn) missing.paidOn = t.required;
    if (!payerKind) missing.payerKind = t.required;
    if (!channel) missing.channel = t.required;
    if (items.length === 0 || Object.keys(missing).length > 0) {
      setProblems({ fields: missing, lines: {}, message: items.length === 0 ? m.mediation.bulk.noneTicked : t.missing });
      return;
    }
    setBusy(true);
    setProblems(null);
    try {
      const body: PayDay = {
        paidOn,
        payerKind: payerKind as PayDay['payerKind'],
        channel: channel as PayDay['channel'],
        ...(heldIn && { heldIn: heldIn as NonNullable<PayDay['heldIn']> }),
        items,
      };
      const done = await unwrap(api.POST('/cases/{caseId}/payouts', { params: { path: { caseId: theCase.id } }, body, headers: { 'Idempotency-Key': keyFor(body) } }));
      Toast.show({ icon: 'success', content: t.done(done.recorded, formatYuan(done.total)) });
      void navigate(backTo);
      void changed(theCase.id);
    } catch (error) {
      const found = formProblems(error, m, FIELDS, ['items']);
      const byLine = problemsByLine(
        items.map((item) => item.claimId),
        found.items,
      );
      setProblems({ fields: found.fields, lines: byLine.lines, message: messageBesideLines(found.message, byLine.rest) });
      const first = Object.keys(byLine.lines)[0];
      if (first) document.getElementById(`pay-${first}`)?.scrollIntoView({ block: 'center' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PhoneScreen
      title={m.mediation.tasks.payDay}
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
      <section className="m-section" aria-labelledby="pay-day-details">
        <h2 id="pay-day-details">{theCase.caseNumber}</h2>
        <TextField id="paidOn" label={t.paidOn} type="date" max={today} value={paidOn} onText={setPaidOn} error={problems?.fields.paidOn} />
        <SelectField
          id="payerKind"
          label={t.payer}
          placeholder={t.choose}
          value={payerKind}
          onText={setPayerKind}
          options={PAYER_KINDS.map((value) => ({ value, label: m.payerKind[value] ?? value }))}
          error={problems?.fields.payerKind}
        />
        <SelectField
          id="channel"
          label={t.channel}
          placeholder={t.choose}
          value={channel}
          onText={setChannel}
          options={CHANNELS.map((value) => ({ value, label: m.payoutChannel[value] ?? value }))}
          error={problems?.fields.channel}
        />
        <SelectField
          id="heldIn"
          label={t.heldIn}
          placeholder={t.toWorkers}
          value={heldIn}
          onText={setHeldIn}
          options={HELD_PLACES.map((value) => ({ value, label: t.heldPlaces[value] ?? value }))}
          error={problems?.fields.heldIn}
        />
      </section>
      <section className="m-section" aria-label={t.workers}>
        {unconfirmed > 0 && (
          <p className="m-note" style={{ marginTop: 0 }}>
            {t.unconfirmed(unconfirmed)}
          </p>
        )}
        {lines.length === 0 ? (
          <p className="m-empty">{t.nobodyOwed}</p>
        ) : (
          <TickBar text={text} onText={setText} found={found} searching={searching} visibleIds={visible.map((line) => line.claimId)} ticked={ticked} onTicked={setTicked} />
        )}
        {visible.map((line) => {
          const errors = problems?.lines[line.claimId];
          const id = `pay-${line.claimId}`;
          const over = isOverMax(line);
          return (
            <div key={line.claimId} className="m-line" data-worker={line.workerName}>
              <WorkerTick
                name={line.workerName}
                idNumber={line.idNumber}
                checked={ticked.has(line.claimId)}
                onChange={(on) => setTicked((current) => toggle(current, line.claimId, on))}
              />
              <div className="m-line-fields">
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
                  onText={(amount) => edit(line.claimId, { amount })}
                  hint={over ? t.overMax(formatYuan(maxOfLine(line))) : <>{t.atMost} <Yuan yuan={line.outstanding} /></>}
                  warn={over}
                  error={errors?.amount}
                />
                <TextField
                  id={`${id}-receipt`}
                  label={
                    <>
                      <span className="sr-only">{line.workerName} </span>
                      {t.receipt}
                    </>
                  }
                  autoComplete="off"
                  value={line.receiptReference}
                  onText={(receiptReference) => edit(line.claimId, { receiptReference })}
                  error={errors?.receiptReference}
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
