import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Space, Spin } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api, ApiError, fetchFile, Schemas, unwrap } from '../common/api/client';
import { showApiErrors } from '../common/forms';
import { ColourTag, StatusTag } from '../common/format/labels';
import { Money } from '../common/format/money';
import { shanghaiDate } from '../common/format/shanghai-day';
import { useMessagesWith } from '../common/i18n/i18n';
import { onlineReportsMessages } from './online-reports.messages';
import { reportKey } from './queue';
import { OverdueTag, ReportStatusTag } from './report-tags';

// the dialogs (forms, pickers, the case search) load when one is opened
const AcceptDialog = lazy(() => import('./report-dialogs').then((module) => ({ default: module.AcceptDialog })));
const JoinDialog = lazy(() => import('./report-dialogs').then((module) => ({ default: module.JoinDialog })));
const DeclineDialog = lazy(() => import('./report-dialogs').then((module) => ({ default: module.DeclineDialog })));

type Detail = Schemas['WorkerReportDetailView'];
type Photo = Schemas['ReportPhotoView'];
const SATISFACTION_COLOURS: Record<string, string> = { satisfied: 'green', basically_satisfied: 'cyan', not_satisfied: 'red' };
const shownTime = (timestamp: string) => timestamp.slice(0, 16).replace('T', ' ');

/** One report opened over the queue: everything he typed, his photos, and the three ways to handle it (or how it was handled). */
export default function ReportDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const m = useMessagesWith({ onlineReports: onlineReportsMessages });
  const t = m.onlineReports;
  const [dialog, setDialog] = useState<'accept' | 'join' | 'decline' | null>(null);
  const report = useQuery({ queryKey: reportKey(id), queryFn: () => unwrap(api.GET('/worker-reports/{id}', { params: { path: { id } } })) });
  const data = report.data;
  // an id that is not one (a mangled link) is answered 400: to the clerk, the same as one not found
  const missing = report.error instanceof ApiError && (report.error.status === 404 || report.error.status === 400);
  return (
    <Drawer open title={data ? t.detailTitle(data.receiptNumber) : t.title} onClose={onClose} size="min(720px, 100vw)" destroyOnHidden>
      {report.isPending && <Spin />}
      {report.error && <Alert type="error" showIcon role="alert" title={missing ? t.notFound : (showApiErrors(null, report.error, m) ?? m.common.loadFailed)} />}
      {data && (
        <div data-testid="report-detail">
          <Space wrap style={{ marginBottom: 12 }}>
            <ReportStatusTag status={data.status} />
            <OverdueTag report={data} today={shanghaiDate(new Date())} />
          </Space>
          <Facts report={data} />
          <h3 className="report-section-title">{t.photosTitle(data.photos.length)}</h3>
          {data.photos.length === 0 ? (
            <p className="report-muted">{t.noPhotos}</p>
          ) : (
            <ul className="report-photos">
              {data.photos.map((photo, index) => (
                <PhotoTile key={photo.id} reportId={data.id} photo={photo} index={index + 1} />
              ))}
            </ul>
          )}
          {data.status === 'submitted' ? (
            <section aria-label={t.handle}>
              <h3 className="report-section-title">{t.handle}</h3>
              <Space wrap>
                <Button type="primary" onClick={() => setDialog('accept')}>
                  {t.accept}
                </Button>
                <Button onClick={() => setDialog('join')}>{t.join}</Button>
                <Button danger onClick={() => setDialog('decline')}>
                  {t.decline}
                </Button>
              </Space>
            </section>
          ) : (
            <Outcome report={data} />
          )}
          <Suspense fallback={null}>
            {dialog === 'accept' && <AcceptDialog report={data} onClose={() => setDialog(null)} />}
            {dialog === 'join' && <JoinDialog report={data} onClose={() => setDialog(null)} />}
            {dialog === 'decline' && <DeclineDialog report={data} onClose={() => setDialog(null)} />}
          </Suspense>
        </div>
      )}
    </Drawer>
  );
}

/** Everything the worker typed, as he typed it (his numbers masked by the API). */
function Facts({ report }: { report: Detail }) {
  const t = useMessagesWith({ onlineReports: onlineReportsMessages }).onlineReports;
  const rows: [string, ReactNode][] = [
    [t.worker, report.workerName],
    [t.idNumber, report.idNumber],
    [t.mobile, report.mobile],
    [t.employerNamed, report.employerName],
    [t.project, report.projectName ?? '—'],
    [t.siteAddress, report.siteAddress ?? '—'],
    [t.period, t.periodText(report.periodStart, report.periodEnd)],
    [t.amountOwed, <Money key="amount" yuan={report.amountOwed} strong />],
    [t.coWorkers, t.coWorkersCount(report.coWorkers)],
    [t.description, report.description ?? '—'],
    [t.sentTo, report.organisation.name],
    [t.submittedAt, shownTime(report.submittedAt)],
    ...(report.status === 'submitted' ? ([[t.handleByOn, report.handleByOn]] as [string, string][]) : []),
  ];
  return (
    <dl className="report-facts">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A handled report: its case (or the reason he reads), who handled it and when, and his rating once he gave one. */
function Outcome({ report }: { report: Detail }) {
  const m = useMessagesWith({ onlineReports: onlineReportsMessages });
  const t = m.onlineReports;
  return (
    <section aria-label={t.outcome} data-testid="report-outcome">
      <h3 className="report-section-title">{t.outcome}</h3>
      <dl className="report-facts">
        {report.case && (
          <>
            <dt>{t.theCase}</dt>
            <dd>
              <Link to={`/cases/${report.case.id}`}>{report.case.caseNumber}</Link> <StatusTag status={report.case.status} />
            </dd>
          </>
        )}
        {report.declineReason && (
          <>
            <dt>{t.declineReason}</dt>
            <dd>{report.declineReason}</dd>
          </>
        )}
        {report.handledBy && report.handledAt && (
          <>
            <dt>{t.handler}</dt>
            <dd>{t.handledBy(report.handledBy.displayName, shownTime(report.handledAt))}</dd>
          </>
        )}
        {report.rating && (
          <>
            <dt>{t.rating}</dt>
            <dd>
              <ColourTag colour={SATISFACTION_COLOURS[report.rating.satisfaction] ?? 'default'}>{t.satisfaction[report.rating.satisfaction] ?? report.rating.satisfaction}</ColourTag>
              {report.rating.comment}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** One of his photos, fetched with the login (a bare link would answer 401), opened in a tab of its own on a click. */
function PhotoTile({ reportId, photo, index }: { reportId: string; photo: Photo; index: number }) {
  const t = useMessagesWith({ onlineReports: onlineReportsMessages }).onlineReports;
  // Chrome draws no HEIC: such a photo is a tile to open (a phone's viewer or a download shows it)
  const picture = photo.mediaType === 'image/jpeg' || photo.mediaType === 'image/png';
  const [thumbnail, setThumbnail] = useState<string | null>(null);
  const path = `/worker-reports/${reportId}/photos/${photo.id}/content`;
  useEffect(() => {
    if (!picture) return;
    let url: string | null = null;
    let gone = false;
    void fetchFile(path)
      .then(async (response) => {
        url = URL.createObjectURL(await response.blob());
        if (gone) URL.revokeObjectURL(url);
        else setThumbnail(url);
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [path, picture]);
  // opened at the click, before the bytes arrive: a tab opened later is taken for a pop-up and blocked;
  // a thumbnail shown already is opened as it is (each fetch of a photo is an entry in the audit trail)
  const open = async () => {
    const tab = window.open('', '_blank');
    try {
      const url = thumbnail ?? URL.createObjectURL(await (await fetchFile(path)).blob());
      if (tab) tab.location.href = url;
      if (url !== thumbnail) setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      tab?.close();
    }
  };
  return (
    <li data-testid="report-photo">
      <button type="button" onClick={() => void open()} aria-label={t.openPhoto(index)}>
        {thumbnail ? <img src={thumbnail} alt="" /> : <span className="report-muted">{picture ? '…' : 'HEIC'}</span>}
      </button>
      <div className="report-muted">
        {index} · {t.photoSize(Math.max(1, Math.round(photo.byteSize / 1024)))}
      </div>
      {!picture && <div className="report-muted">{t.heic}</div>}
    </li>
  );
}
