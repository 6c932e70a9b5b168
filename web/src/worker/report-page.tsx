import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Steps } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, ApiError, Schemas, unwrap } from '../common/api/client';
import { shanghaiDate } from '../common/format/shanghai-day';
import { useMessagesWith } from '../common/i18n/i18n';
import { FormAlert, SelectField, TextAreaField, TextField } from '../mediation/fields';
import { plainProblem } from './api-problems';
import { WorkerScreen } from './frame';
import { PhotoPicker, PickedPhoto, revokePreviews } from './photo-picker';
import { useProofOfWork } from './proof-of-work';
import { ReceiptScreen, Upload } from './receipt-screen';
import { chosenOrganisation, District, EMPTY_REPORT, Missing, missingOn, reportBody, ReportValues, sortedProblems, STEPS, suggestedDistrict } from './report-form';
import { workerMessages } from './worker.messages';

type Receipt = Schemas['ReceiptView'];

/** Where the receipt is kept while the page is open: in the history entry, so a reload does not lose the code shown once. */
interface KeptReceipt {
  receipt?: Receipt;
}

/**
 * Report arrears, for a worker on his phone (the route /app/report, no login): a form in five short
 * steps, then his photos sent one by one, then the receipt with its number and code, as a picture to keep.
 */
export default function ReportPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const m = useMessagesWith({ worker: workerMessages });
  const kept = (location.state as KeptReceipt | null)?.receipt ?? null;
  // the photos live here, not in the form: they are sent after the form has given way to the receipt
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const photosNow = useRef(photos);
  photosNow.current = photos;
  useEffect(() => () => revokePreviews(photosNow.current), []);

  const sendPhoto = useCallback(
    async (receipt: Receipt, photo: PickedPhoto) => {
      const mark = (change: Partial<Upload>) => setUploads((current) => current.map((upload) => (upload.photo.id === photo.id ? { ...upload, ...change } : upload)));
      mark({ status: 'sending', problem: null });
      try {
        await unwrap(
          api.POST('/public/reports/{receiptNumber}/photos', {
            params: { path: { receiptNumber: receipt.receiptNumber }, header: { 'x-lookup-code': receipt.lookupCode } },
            body: photo.blob as never,
            bodySerializer: (body: unknown) => body as Blob,
            headers: { 'content-type': photo.type },
          }),
        );
        mark({ status: 'done' });
      } catch (error) {
        mark({ status: 'failed', problem: plainProblem(error, m.errors) });
      }
    },
    [m],
  );

  const sent = async (receipt: Receipt) => {
    const queue = photosNow.current;
    setUploads(queue.map((photo) => ({ photo, status: 'waiting', problem: null })));
    void navigate('/report', { replace: true, state: { receipt } satisfies KeptReceipt });
    // one after another: a building site's connection carries one photo better than six at once
    for (const photo of queue) await sendPhoto(receipt, photo);
  };

  if (kept) {
    return (
      <ReceiptScreen
        receipt={kept}
        uploads={uploads}
        onRetry={(upload) => void sendPhoto(kept, upload.photo)}
        onSkip={(upload) => setUploads((current) => current.filter((other) => other !== upload))}
      />
    );
  }
  return <ReportForm photos={photos} onPhotos={setPhotos} onSent={(receipt) => void sent(receipt)} />;
}

interface Problems {
  fields: Record<string, string>;
  message: string | null;
  /** The API turned the report away (the message is its reason), rather than the form asking for more. */
  refused: boolean;
}
const NO_PROBLEMS: Problems = { fields: {}, message: null, refused: false };

function ReportForm({ photos, onPhotos, onSent }: { photos: PickedPhoto[]; onPhotos(photos: PickedPhoto[]): void; onSent(receipt: Receipt): void }) {
  const m = useMessagesWith({ worker: workerMessages });
  const t = m.worker.report;
  const proof = useProofOfWork();
  const districts = useQuery({ queryKey: ['public', 'districts'], queryFn: () => unwrap(api.GET('/public/districts')), staleTime: 10 * 60_000 });
  const [values, setValues] = useState<ReportValues>(EMPTY_REPORT);
  const [step, setStep] = useState(0);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [busy, setBusy] = useState<'proving' | 'sending' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const stepShown = useRef(step);
  const today = shanghaiDate(new Date());
  const list: District[] = districts.data ?? [];
  const organisationId = chosenOrganisation(values, list);
  const suggestion = values.organisationId ? null : suggestedDistrict(values.siteAddress, list);
  const name = STEPS[step];

  // a new step starts at its top, and a screen reader is told where it is
  useEffect(() => {
    if (stepShown.current === step) return;
    stepShown.current = step;
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, [step]);

  const set = (field: keyof ReportValues) => (value: string | boolean) => {
    setValues((current) => ({ ...current, [field]: value }));
    setProblems((current) => {
      if (!(field in current.fields)) return current;
      const fields = { ...current.fields };
      delete fields[field];
      return Object.keys(fields).length > 0 ? { ...current, fields } : NO_PROBLEMS;
    });
  };

  const saying: Record<Missing, string> = { required: t.required, chooseOne: t.employer.chooseOne, wholeNumber: t.money.wholeNumber, consent: t.consent.required };
  const asked = (missing: Record<string, Missing>): Problems => ({
    fields: Object.fromEntries(Object.entries(missing).map(([field, why]) => [field, saying[why]])),
    message: t.fixIt,
    refused: false,
  });

  const next = () => {
    const missing = missingOn(name, values, organisationId);
    if (Object.keys(missing).length > 0) {
      setProblems(asked(missing));
      return;
    }
    setProblems(NO_PROBLEMS);
    setStep(step + 1);
  };

  const back = () => {
    setProblems((current) => ({ ...current, message: null }));
    setStep(step - 1);
  };

  const submit = async () => {
    // every step once more: one may have been emptied after it was passed
    for (const [index, each] of STEPS.entries()) {
      const missing = missingOn(each, values, organisationId);
      if (Object.keys(missing).length > 0) {
        setProblems(asked(missing));
        setStep(index);
        return;
      }
    }
    setProblems(NO_PROBLEMS);
    try {
      setBusy(proof.ready ? 'sending' : 'proving');
      const solved = await proof.take();
      setBusy('sending');
      const receipt = await unwrap(api.POST('/public/reports', { body: { ...reportBody(values, organisationId), proof: solved as never } }));
      onSent(receipt);
    } catch (error) {
      setBusy(null);
      if (!(error instanceof ApiError) || error.status >= 500) {
        setProblems({ fields: {}, message: error instanceof ApiError ? m.errors.server : m.errors.network, refused: true });
        return;
      }
      // a challenge is good once: a fresh one is solved while he reads the message and taps again
      if (error.body.code === 'CHALLENGE_FAILED') proof.renew();
      const sorted = sortedProblems(error.body.errors ?? []);
      const fieldsShown = Object.keys(sorted.fields).length > 0;
      setProblems({
        fields: sorted.fields,
        message: sorted.rest.length > 0 ? sorted.rest.join('；') : fieldsShown ? t.fixIt : error.body.message,
        refused: sorted.rest.length > 0 || !fieldsShown,
      });
      if (sorted.step) setStep(STEPS.indexOf(sorted.step));
    }
  };

  const field = (id: keyof ReportValues) => ({ id, value: String(values[id]), onText: set(id), error: problems.fields[id] });
  const last = step === STEPS.length - 1;

  return (
    <WorkerScreen
      title={t.title}
      elsewhere={{ to: '/report/follow', label: t.followLink }}
      footer={
        <>
          <FormAlert title={problems.refused ? t.refused : undefined} message={problems.message} />
          <div className="m-footer-row">
            {step > 0 && (
              <Button size="large" onClick={back} disabled={busy !== null}>
                {t.back}
              </Button>
            )}
            {last ? (
              <Button size="large" color="primary" loading={busy !== null} loadingText={busy === 'proving' ? t.proving : t.sending} onClick={() => void submit()}>
                {t.submit}
              </Button>
            ) : (
              <Button size="large" color="primary" onClick={next}>
                {t.next}
              </Button>
            )}
          </div>
        </>
      }
    >
      {step === 0 && <p className="w-intro">{t.intro}</p>}
      <div className="w-steps" aria-hidden="true">
        <Steps current={step}>
          {STEPS.map((each) => (
            <Steps.Step key={each} title={t.steps[each]} />
          ))}
        </Steps>
      </div>
      <section className="m-section" aria-labelledby="w-step-title">
        <h2 id="w-step-title" ref={heading} tabIndex={-1} className="w-step-title">
          <span className="w-step-count">{t.stepOf(step + 1, STEPS.length)}</span>{' '}
          {t.stepTitles[name]}
        </h2>
        {name === 'who' && (
          <>
            <TextField {...field('name')} label={t.who.name} autoComplete="name" />
            <TextField {...field('idNumber')} label={t.who.idNumber} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
            <TextField {...field('mobile')} label={t.who.mobile} type="tel" inputMode="tel" autoComplete="tel" hint={t.who.mobileHint} />
          </>
        )}
        {name === 'employer' && (
          <>
            <TextField {...field('employerName')} label={t.employer.employerName} autoComplete="off" />
            <TextField {...field('projectName')} label={t.employer.projectName} autoComplete="off" />
            <TextField {...field('siteAddress')} label={t.employer.siteAddress} autoComplete="off" hint={t.employer.siteHint} />
            <SelectField
              id="organisationId"
              label={t.employer.district}
              placeholder={t.employer.choose}
              value={organisationId}
              onText={set('organisationId')}
              options={list.map((district) => ({ value: district.id, label: district.city ? t.employer.city(district.name) : district.name }))}
              hint={suggestion ? t.employer.suggested(suggestion.name) : undefined}
              error={problems.fields.organisationId}
            />
          </>
        )}
        {name === 'money' && (
          <>
            <div className="m-pair">
              <TextField {...field('periodStart')} label={t.money.periodStart} type="date" max={today} />
              <TextField {...field('periodEnd')} label={t.money.periodEnd} type="date" max={today} />
            </div>
            <TextField {...field('amountOwed')} label={t.money.amountOwed} inputMode="decimal" autoComplete="off" hint={t.money.amountHint} />
            <TextField {...field('coWorkers')} label={t.money.coWorkers} inputMode="numeric" autoComplete="off" />
            <TextAreaField {...field('description')} label={t.money.description} rows={4} />
          </>
        )}
        {name === 'photos' && <PhotoPicker photos={photos} onPhotos={onPhotos} />}
        {name === 'consent' && (
          <>
            <h3 className="w-subtitle">{m.worker.report.consent.title}</h3>
            <ul className="w-consent">
              {t.consent.points.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ul>
            <div className="w-agree">
              <Checkbox checked={values.consent} onChange={(on) => set('consent')(on)} aria-describedby={problems.fields.consent ? 'consent-error' : undefined}>
                {t.consent.agree}
              </Checkbox>
              {problems.fields.consent && (
                <div id="consent-error" className="m-error">
                  {problems.fields.consent}
                </div>
              )}
            </div>
          </>
        )}
      </section>
    </WorkerScreen>
  );
}
