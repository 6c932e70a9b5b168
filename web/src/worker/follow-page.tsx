import { Button, Steps } from 'antd-mobile';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { api, Schemas, unwrap } from '../common/api/client';
import { useMessagesWith } from '../common/i18n/i18n';
import { FormAlert, TextAreaField, TextField, Yuan } from '../mediation/fields';
import { plainProblem } from './api-problems';
import { WorkerScreen } from './frame';
import { calendarDayOf, groupedCode, groupedReceipt, shanghaiTimeOf, STEP_COUNT, stepOf, tidyTyped } from './follow-view';
import type { FollowPrefill } from './receipt-screen';
import { workerMessages } from './worker.messages';

type Follow = Schemas['FollowView'];
type Satisfaction = Schemas['Satisfaction'];
const SATISFACTIONS: Satisfaction[] = ['satisfied', 'basically_satisfied', 'not_satisfied'];

/**
 * Follow a report (the route /app/report/follow, no login): the receipt number and lookup code, then
 * where it stands in plain words, what was claimed, confirmed and paid for him alone, the next
 * session, and once the case is concluded, how it went in his words.
 */
export default function FollowPage() {
  const m = useMessagesWith({ worker: workerMessages });
  const t = m.worker.follow;
  const location = useLocation();
  const [search] = useSearchParams();
  // from the receipt (the history entry's state), or a link that names them
  const prefill = (location.state as Partial<FollowPrefill> | null) ?? {};
  const [receiptNumber, setReceiptNumber] = useState(() => groupedReceipt(tidyTyped(prefill.receiptNumber ?? search.get('receipt') ?? '')));
  const [lookupCode, setLookupCode] = useState(() => groupedCode(tidyTyped(prefill.lookupCode ?? search.get('code') ?? '')));
  const [opened, setOpened] = useState<{ view: Follow; receiptNumber: string; lookupCode: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useRef<HTMLHeadingElement>(null);
  const lookedUpOnOpen = useRef(false);

  const lookUp = async () => {
    const typed = { receiptNumber: receiptNumber.trim(), lookupCode: lookupCode.trim() };
    setBusy(true);
    setProblem(null);
    try {
      const view = await unwrap(api.POST('/public/lookup', { body: typed }));
      setOpened({ view, ...typed });
    } catch (error) {
      // a wrong code and a number that does not exist are one answer: the API's words say which to check
      setOpened(null);
      setProblem(plainProblem(error, m.errors));
    } finally {
      setBusy(false);
    }
  };

  // straight from the receipt: both numbers are there, he need not tap again
  useEffect(() => {
    if (lookedUpOnOpen.current || !receiptNumber || !lookupCode) return;
    lookedUpOnOpen.current = true;
    void lookUp();
  }, []);

  useEffect(() => {
    if (opened) status.current?.focus();
  }, [opened?.view.receiptNumber]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void lookUp();
  };

  return (
    <WorkerScreen title={t.title} elsewhere={{ to: '/report', label: t.reportLink }}>
      <section className="m-section" aria-labelledby="w-follow-form">
        <h2 id="w-follow-form">{t.intro}</h2>
        <form onSubmit={submit} noValidate>
          <TextField id="receiptNumber" label={t.receiptNumber} hint={t.receiptHint} inputMode="numeric" autoComplete="off" value={receiptNumber} onText={setReceiptNumber} />
          <TextField id="lookupCode" label={t.lookupCode} hint={t.codeHint} autoComplete="off" autoCapitalize="characters" spellCheck={false} value={lookupCode} onText={setLookupCode} />
          <FormAlert title={t.refused} message={problem} />
          <Button block size="large" color="primary" type="submit" loading={busy} loadingText={t.looking} style={{ marginTop: 12 }}>
            {t.lookup}
          </Button>
        </form>
      </section>
      {opened && <Progress opened={opened} headingRef={status} onRated={(view) => setOpened({ ...opened, view })} />}
    </WorkerScreen>
  );
}

function Progress({ opened, headingRef, onRated }: { opened: { view: Follow; receiptNumber: string; lookupCode: string }; headingRef: React.Ref<HTMLHeadingElement>; onRated(view: Follow): void }) {
  const m = useMessagesWith({ worker: workerMessages });
  const t = m.worker.follow;
  const { view } = opened;
  const step = stepOf(view.stage);
  const session = view.nextSession ? shanghaiTimeOf(view.nextSession.startsAt) : null;
  return (
    <>
      <section className="m-section" aria-labelledby="w-status">
        <h2 id="w-status" ref={headingRef} tabIndex={-1}>
          {t.status}
        </h2>
        {step && (
          <>
            <div className="w-steps" aria-hidden="true">
              <Steps current={step.current}>
                {t.steps.map((title, index) => (
                  <Steps.Step key={title} title={title} status={index < step.current || step.done ? 'finish' : index === step.current ? 'process' : 'wait'} />
                ))}
              </Steps>
            </div>
            <p className="sr-only">
              {t.steps.map((title, index) => `${title}${index === step.current ? ' ✓' : ''}`).join(' → ')} ({step.current + 1}/{STEP_COUNT})
            </p>
          </>
        )}
        <p className="w-stage" data-testid="stage">
          {t.stages[view.stage]}
        </p>
        {view.declineReason && (
          <div className="m-alert">
            <strong>{t.declineReason}</strong>
            {view.declineReason}
          </div>
        )}
      </section>
      {view.money && (
        <section className="m-section" aria-labelledby="w-money">
          <h2 id="w-money">{t.money.title}</h2>
          <dl className="m-totals w-money">
            <div>
              <dt>{t.money.claimed}</dt>
              <dd>
                <Yuan yuan={view.money.claimed} />
              </dd>
            </div>
            <div>
              <dt>{t.money.confirmed}</dt>
              <dd>{view.money.confirmed === null ? t.money.notConfirmed : <Yuan yuan={view.money.confirmed} />}</dd>
            </div>
            <div>
              <dt>{t.money.paid}</dt>
              <dd data-testid="paid">
                <Yuan yuan={view.money.paid} strong />
              </dd>
            </div>
            <div>
              <dt>{t.money.outstanding}</dt>
              <dd data-testid="outstanding">
                <Yuan yuan={view.money.outstanding} strong />
              </dd>
            </div>
          </dl>
        </section>
      )}
      {view.nextSession && session && (
        <section className="m-section" aria-labelledby="w-session">
          <h2 id="w-session">{t.session.title}</h2>
          <dl className="w-facts">
            <div>
              <dt>{t.session.when}</dt>
              <dd>
                {m.worker.day(session.day)} {m.worker.weekdays[session.day.weekday]} {session.time}
              </dd>
            </div>
            <div>
              <dt>{t.session.place}</dt>
              <dd>{view.nextSession.place ?? t.session.noPlace}</dd>
            </div>
          </dl>
        </section>
      )}
      {(view.canRate || view.rating) && <Rating opened={opened} onRated={onRated} />}
      <section className="m-section" aria-labelledby="w-details">
        <h2 id="w-details">{t.details}</h2>
        <dl className="w-facts">
          <div>
            <dt>{t.receipt}</dt>
            <dd>{groupedReceipt(view.receiptNumber)}</dd>
          </div>
          <div>
            <dt>{t.submittedOn}</dt>
            <dd>{m.worker.day(calendarDayOf(view.submittedOn))}</dd>
          </div>
          <div>
            <dt>{t.worker}</dt>
            <dd>{view.workerName}</dd>
          </div>
          <div>
            <dt>{t.employer}</dt>
            <dd>{view.employerName}</dd>
          </div>
          <div>
            <dt>{t.organisation}</dt>
            <dd>{view.organisationName}</dd>
          </div>
          {view.caseNumber && (
            <div>
              <dt>{t.caseNumber}</dt>
              <dd>{view.caseNumber}</dd>
            </div>
          )}
        </dl>
      </section>
    </>
  );
}

/** After closing: satisfied, mostly, or not, and a few words if he likes; it answers the union's callback. */
function Rating({ opened, onRated }: { opened: { view: Follow; receiptNumber: string; lookupCode: string }; onRated(view: Follow): void }) {
  const m = useMessagesWith({ worker: workerMessages });
  const t = m.worker.follow.rate;
  const [choice, setChoice] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [thanked, setThanked] = useState(false);
  const { rating } = opened.view;

  if (rating) {
    return (
      <section className="m-section" aria-labelledby="w-rate">
        <h2 id="w-rate">{t.title}</h2>
        {thanked && (
          <p className="w-thanks" role="status">
            {t.thanks}
          </p>
        )}
        <p>{t.yours(t.satisfaction[rating.satisfaction])}</p>
        {rating.comment && <p className="m-muted">{rating.comment}</p>}
      </section>
    );
  }

  const send = async () => {
    if (!choice) {
      setProblem(t.choose);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const view = await unwrap(
        api.POST('/public/rating', {
          body: { receiptNumber: opened.receiptNumber, lookupCode: opened.lookupCode, satisfaction: choice, ...(comment.trim() && { comment: comment.trim() }) },
        }),
      );
      setThanked(true);
      onRated(view);
    } catch (error) {
      setProblem(plainProblem(error, m.errors));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="m-section" aria-labelledby="w-rate">
      <h2 id="w-rate">{t.title}</h2>
      <div className="w-rate" role="group" aria-labelledby="w-rate">
        {SATISFACTIONS.map((satisfaction) => (
          <Button
            key={satisfaction}
            size="large"
            color={choice === satisfaction ? 'primary' : 'default'}
            fill={choice === satisfaction ? 'solid' : 'outline'}
            aria-pressed={choice === satisfaction}
            onClick={() => {
              setChoice(satisfaction);
              setProblem(null);
            }}
          >
            {t.satisfaction[satisfaction]}
          </Button>
        ))}
      </div>
      <TextAreaField id="rating-comment" label={t.comment} value={comment} onText={setComment} />
      <FormAlert title={t.refused} message={problem} />
      <Button block size="large" color="primary" loading={busy} onClick={() => void send()} style={{ marginTop: 12 }}>
        {t.submit}
      </Button>
    </section>
  );
}
