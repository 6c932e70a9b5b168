import { Button, ProgressBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Schemas } from '../common/api/client';
import { FONT_STACK, useMessagesWith } from '../common/i18n/i18n';
import { WorkerScreen } from './frame';
import { calendarDayOf, groupedCode, groupedReceipt, shanghaiTimeOf } from './follow-view';
import type { PickedPhoto } from './photo-picker';
import { drawReceiptPicture } from './receipt-picture';
import { workerMessages } from './worker.messages';

type Receipt = Schemas['ReceiptView'];

export interface Upload {
  photo: PickedPhoto;
  status: 'waiting' | 'sending' | 'done' | 'failed';
  problem: string | null;
}

/** Where the follow page finds the numbers to fill in. */
export interface FollowPrefill {
  receiptNumber: string;
  lookupCode: string;
}

/**
 * After the report was accepted: his photos going up one by one, then the receipt. A photo that did
 * not go up is named, with its reason, and can be sent again or left out; the receipt stays on screen.
 */
export function ReceiptScreen({ receipt, uploads, onRetry, onSkip }: { receipt: Receipt; uploads: Upload[]; onRetry(upload: Upload): void; onSkip(upload: Upload): void }) {
  const m = useMessagesWith({ worker: workerMessages });
  const t = m.worker.uploading;
  const navigate = useNavigate();
  const sending = uploads.some((upload) => upload.status === 'waiting' || upload.status === 'sending');
  const done = uploads.filter((upload) => upload.status === 'done').length;

  if (sending) {
    return (
      <WorkerScreen title={m.worker.receipt.title} elsewhere={{ to: '/report/follow', label: m.worker.report.followLink }}>
        <section className="m-section" aria-labelledby="w-uploading">
          <h2 id="w-uploading">{t.title}</h2>
          <ProgressBar percent={(100 * done) / uploads.length} aria-hidden="true" />
          <p className="m-hint" role="status">
            {t.progress(done, uploads.length)}
          </p>
          <UploadList uploads={uploads} />
        </section>
      </WorkerScreen>
    );
  }

  const failed = uploads.filter((upload) => upload.status === 'failed');
  const follow: FollowPrefill = { receiptNumber: receipt.receiptNumber, lookupCode: receipt.lookupCode };
  return (
    <WorkerScreen
      title={m.worker.receipt.title}
      elsewhere={{ to: '/report/follow', label: m.worker.report.followLink, state: follow }}
      footer={
        <Button block size="large" color="primary" onClick={() => void navigate('/report/follow', { state: follow })}>
          {m.worker.receipt.follow}
        </Button>
      }
    >
      {failed.length > 0 && (
        <section className="m-section" aria-label={t.failed(uploads.indexOf(failed[0]) + 1)}>
          {failed.map((upload) => (
            <div key={upload.photo.id} className="w-failed">
              <div className="m-alert" role="alert">
                <strong>{t.failed(uploads.indexOf(upload) + 1)}</strong>
                {upload.problem}
              </div>
              <div className="m-buttons">
                <Button color="primary" onClick={() => onRetry(upload)}>
                  {t.retry}
                </Button>
                <Button onClick={() => onSkip(upload)}>{t.skip}</Button>
              </div>
            </div>
          ))}
        </section>
      )}
      <ReceiptDetails receipt={receipt} photosSent={done} />
    </WorkerScreen>
  );
}

function UploadList({ uploads }: { uploads: Upload[] }) {
  const m = useMessagesWith({ worker: workerMessages });
  const t = m.worker.uploading;
  return (
    <ul className="m-list">
      {uploads.map((upload, index) => (
        <li key={upload.photo.id} className="w-upload">
          {upload.photo.preview ? <img src={upload.photo.preview} alt="" /> : <span className="w-upload-blank" aria-hidden="true" />}
          <span className="w-upload-name">{m.worker.report.photos.photo(index + 1)}</span>
          <span className={`w-upload-state w-${upload.status}`}>{t.states[upload.status]}</span>
        </li>
      ))}
    </ul>
  );
}

function ReceiptDetails({ receipt, photosSent }: { receipt: Receipt; photosSent: number }) {
  const m = useMessagesWith({ worker: workerMessages });
  const t = m.worker.receipt;
  const submitted = shanghaiTimeOf(receipt.submittedAt);
  const submittedAt = `${m.worker.day(submitted.day)} ${submitted.time}`;
  const handleBy = t.handleBy(m.worker.day(calendarDayOf(receipt.handleByOn)));
  const receiptNumber = groupedReceipt(receipt.receiptNumber);
  const lookupCode = groupedCode(receipt.lookupCode);
  const [picture, setPicture] = useState<string | null>(null);

  useEffect(() => {
    let url: string | null = null;
    let gone = false;
    void drawReceiptPicture({
      fontFamily: FONT_STACK,
      title: t.pictureTitle,
      numbers: [
        { label: t.receiptNumber, value: receiptNumber },
        { label: t.lookupCode, value: lookupCode },
      ],
      lines: [`${t.organisation}：${receipt.organisationName}`, `${t.submittedAt}：${submittedAt}`, handleBy],
      footer: t.followAt(`${window.location.origin}/app/report/follow`),
    }).then((blob) => {
      if (gone) return;
      url = URL.createObjectURL(blob);
      setPicture(url);
    });
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [t, receipt.organisationName, receiptNumber, lookupCode, submittedAt, handleBy]);

  return (
    <>
      <section className="m-section" aria-labelledby="w-receipt-done">
        <h2 id="w-receipt-done" className="w-done">
          <span aria-hidden="true" className="w-done-mark">
            ✓
          </span>{' '}
          {t.done}
        </h2>
        <dl className="w-numbers">
          <div>
            <dt>{t.receiptNumber}</dt>
            <dd data-testid="receipt-number">{receiptNumber}</dd>
          </div>
          <div>
            <dt>{t.lookupCode}</dt>
            <dd data-testid="lookup-code">{lookupCode}</dd>
          </div>
        </dl>
        <p className="m-note">{t.keep}</p>
        <dl className="w-facts">
          <div>
            <dt>{t.organisation}</dt>
            <dd>{receipt.organisationName}</dd>
          </div>
          <div>
            <dt>{t.submittedAt}</dt>
            <dd>{submittedAt}</dd>
          </div>
        </dl>
        <p className="w-handle-by">{handleBy}</p>
        {photosSent > 0 && <p className="m-muted">{t.photos(photosSent)}</p>}
      </section>
      <section className="m-section w-picture" aria-labelledby="w-picture-title">
        <h2 id="w-picture-title">{t.picture}</h2>
        {picture ? (
          <>
            <img src={picture} alt={t.pictureAlt(receiptNumber, lookupCode)} />
            <p className="m-hint">{t.longPress}</p>
            <a className="w-save" href={picture} download={t.fileName(receipt.receiptNumber)}>
              {t.save}
            </a>
          </>
        ) : (
          <p className="m-muted" role="status">
            {t.drawing}
          </p>
        )}
      </section>
    </>
  );
}
