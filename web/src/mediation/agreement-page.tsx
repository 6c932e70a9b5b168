import { Button, Toast } from 'antd-mobile';
import { FormEvent, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, Schemas, unwrap } from '../common/api/client';
import { useMessagesWith } from '../common/i18n/i18n';
import { mediationMessages } from './mediation.messages';
import { formatYuan, yuanToFen } from '../common/money';
import { formProblems } from './api-errors';
import { messageBesideLines, problemsByLine } from './bulk-lines';
import { shanghaiDate } from './dates';
import { FormAlert, TextAreaField, TextField, useIdempotencyKey, Yuan } from './fields';
import { LoadFailed, Loading, PhoneScreen } from './frame';
import { agreementInstalments, InstalmentLine, instalmentsTotal, spreadOver } from './instalments';
import { useCaseChanged, useTheCase } from './queries';

const FIELDS = ['signedOn', 'schedule', 'terms'];

/** The signed agreement: the day, the terms, and its instalments of the agreed total. */
export default function AgreementPage() {
  const { caseId = '' } = useParams();
  const m = useMessagesWith({ mediation: mediationMessages });
  const theCase = useTheCase(caseId);
  const title = m.mediation.tasks.agreement;
  const backTo = `/day/cases/${caseId}`;
  if (theCase.error || !theCase.data) {
    return (
      <PhoneScreen title={title} backTo={backTo} caseId={caseId}>
        {theCase.error ? <LoadFailed error={theCase.error} /> : <Loading />}
      </PhoneScreen>
    );
  }
  return <AgreementForm theCase={theCase.data} />;
}

interface Problems {
  fields: Record<string, string>;
  lines: Record<string, Record<string, string>>;
  message: string | null;
}

function AgreementForm({ theCase }: { theCase: Schemas['CaseView'] }) {
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.agreement;
  const navigate = useNavigate();
  const changed = useCaseChanged();
  const keyFor = useIdempotencyKey();
  const today = shanghaiDate(new Date());
  const nextKey = useRef(1);
  const newKey = () => `i${nextKey.current++}`;
  const [signedOn, setSignedOn] = useState(today);
  const [terms, setTerms] = useState('');
  // one instalment of everything still owed, to split or change
  const [lines, setLines] = useState<InstalmentLine[]>(() => [{ key: newKey(), dueOn: '', amount: theCase.totals.outstanding }]);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problems | null>(null);
  const total = instalmentsTotal(lines);
  const outstandingFen = yuanToFen(theCase.totals.outstanding) ?? 0n;
  const backTo = `/day/cases/${theCase.id}`;

  const edit = (key: string, change: Partial<InstalmentLine>) => setLines((current) => current.map((line) => (line.key === key ? { ...line, ...change } : line)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblems(null);
    const sent = lines.map((line) => line.key);
    try {
      const body: Schemas['AgreementDto'] = { signedOn, schedule: 'total', instalments: agreementInstalments(lines), ...(terms.trim() && { terms: terms.trim() }) };
      await unwrap(api.POST('/cases/{caseId}/agreement', { params: { path: { caseId: theCase.id } }, body, headers: { 'Idempotency-Key': keyFor(body) } }));
      Toast.show({ icon: 'success', content: t.done });
      void navigate(backTo);
      void changed(theCase.id);
    } catch (error) {
      const found = formProblems(error, m, FIELDS, ['instalments']);
      const byLine = problemsByLine(sent, found.items, 'instalments');
      setProblems({ fields: found.fields, lines: byLine.lines, message: messageBesideLines(found.message, byLine.rest) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PhoneScreen
      title={m.mediation.tasks.agreement}
      backTo={backTo}
      caseId={theCase.id}
      footer={
        <>
          <div className="m-footer-total" role="status">
            <span>{t.total}</span>
            {total === null ? <span>—</span> : <Yuan yuan={total} strong />}
          </div>
          {total !== null && total !== outstandingFen && <div className="m-hint m-warn">{t.differs(formatYuan(theCase.totals.outstanding))}</div>}
          <FormAlert title={t.refused} message={problems?.message ?? null} />
          <Button block size="large" color="primary" type="submit" form="agreement-form" loading={busy}>
            {t.submit}
          </Button>
        </>
      }
    >
      <form id="agreement-form" onSubmit={(event) => void submit(event)} noValidate style={{ display: 'contents' }}>
        <section className="m-section" aria-labelledby="agreement-case">
          <h2 id="agreement-case">{theCase.caseNumber}</h2>
          <p className="m-muted" style={{ marginTop: 0 }}>
            {t.owed} <Yuan yuan={theCase.totals.outstanding} />
          </p>
          <TextField id="signedOn" label={t.signedOn} type="date" max={today} value={signedOn} onText={setSignedOn} error={problems?.fields.signedOn} />
          <TextAreaField id="terms" label={t.terms} value={terms} onText={setTerms} error={problems?.fields.terms} rows={3} />
        </section>
        <section className="m-section" aria-labelledby="agreement-instalments">
          <h2 id="agreement-instalments">{t.instalments}</h2>
          {lines.map((line, index) => {
            const errors = problems?.lines[line.key];
            const name = t.instalment(index + 1);
            return (
              <fieldset key={line.key} className="m-line" style={{ border: 0, margin: 0, paddingInline: 0 }}>
                <legend style={{ fontWeight: 600, padding: 0 }}>{name}</legend>
                <div className="m-line-fields" style={{ paddingInlineStart: 0 }}>
                  <TextField
                    id={`${line.key}-due`}
                    label={
                      <>
                        <span className="sr-only">{name} </span>
                        {t.dueOn}
                      </>
                    }
                    type="date"
                    min={signedOn || undefined}
                    value={line.dueOn}
                    onText={(dueOn) => edit(line.key, { dueOn })}
                    error={errors?.dueOn}
                  />
                  <TextField
                    id={`${line.key}-amount`}
                    label={
                      <>
                        <span className="sr-only">{name} </span>
                        {t.amount}
                      </>
                    }
                    inputMode="decimal"
                    autoComplete="off"
                    value={line.amount}
                    onText={(amount) => edit(line.key, { amount })}
                    error={errors?.amount}
                  />
                </div>
                {errors?.[''] && <div className="m-error">{errors['']}</div>}
                {lines.length > 1 && (
                  <div style={{ textAlign: 'end' }}>
                    <Button size="small" fill="none" color="danger" onClick={() => setLines((current) => current.filter((other) => other.key !== line.key))}>
                      {t.remove(name)}
                    </Button>
                  </div>
                )}
              </fieldset>
            );
          })}
          <div className="m-buttons" style={{ marginTop: 8 }}>
            <Button fill="outline" color="primary" onClick={() => setLines((current) => [...current, { key: newKey(), dueOn: '', amount: '' }])}>
              {t.add}
            </Button>
            <Button fill="outline" onClick={() => setLines((current) => spreadOver(current, outstandingFen))}>
              {t.spread}
            </Button>
          </div>
        </section>
      </form>
    </PhoneScreen>
  );
}
