import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, Schemas, unwrap } from '../common/api/client';
import { showApiErrors } from '../common/forms';
import { useMessages } from '../common/i18n/i18n';
import { useToast } from '../common/layout/toast';
import { caseKey } from './use-case';

/**
 * The case's summary, edited with the version it was read at. When someone else saved first (409
 * STALE_VERSION), the current text is shown beside the user's and the user chooses: apply his over it
 * (with the new version) or keep theirs. Nothing typed is lost.
 */
export function SummaryEditor({ theCase }: { theCase: Schemas['CaseView'] }) {
  const m = useMessages();
  const message = useToast();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const [readAt, setReadAt] = useState(theCase.version);
  const [stale, setStale] = useState<Schemas['CaseView'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (version: number) => {
    if (draft === null) return;
    setBusy(true);
    setProblem(null);
    try {
      const saved = await unwrap(api.PATCH('/cases/{id}', { params: { path: { id: theCase.id } }, body: { summary: draft, version } }));
      queryClient.setQueryData(caseKey(theCase.id), saved);
      setDraft(null);
      setStale(null);
      void message.success(m.casePage.saved);
    } catch (error) {
      if (error instanceof ApiError && error.body.code === 'STALE_VERSION') {
        const current = await unwrap(api.GET('/cases/{id}', { params: { path: { id: theCase.id } } }));
        queryClient.setQueryData(caseKey(theCase.id), current);
        setStale(current);
      } else {
        setProblem(showApiErrors(null, error, m));
      }
    } finally {
      setBusy(false);
    }
  };

  if (draft === null) {
    return (
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        {theCase.summary}{' '}
        <Button type="link" size="small" onClick={() => { setDraft(theCase.summary); setReadAt(theCase.version); }}>
          {m.casePage.editSummary}
        </Button>
      </Typography.Paragraph>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={m.casePage.staleTitle}
          description={
            <>
              <p>{m.errors.stale}</p>
              <p>
                <strong>{m.casePage.currentValue}：</strong>
                <span data-testid="stale-current">{stale.summary}</span>
              </p>
              <p>
                <strong>{m.casePage.yourValue}：</strong>
                {draft}
              </p>
            </>
          }
        />
      )}
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <label htmlFor="case-summary">{m.cases.summary}</label>
      <Input.TextArea id="case-summary" value={draft} onChange={(event) => setDraft(event.target.value)} rows={3} disabled={busy} />
      <Space>
        {stale ? (
          <Button type="primary" loading={busy} onClick={() => void save(stale.version)}>
            {m.casePage.reapply}
          </Button>
        ) : (
          <Button type="primary" loading={busy} onClick={() => void save(readAt)}>
            {m.common.save}
          </Button>
        )}
        <Button onClick={() => { setDraft(null); setStale(null); }}>{m.common.cancel}</Button>
      </Space>
    </Space>
  );
}
