import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Input, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, fetchFile, Schemas, unwrap } from '../common/api/client';
import { useSession } from '../common/api/use-session';
import { useMessagesWith } from '../common/i18n/i18n';
import { useToast } from '../common/layout/toast';
import { caseFilesMessages } from './case-files.messages';

type CaseFile = Schemas['CaseFileView'];
const ACCEPT = 'image/jpeg,image/png,image/heic,image/heif,application/pdf,.heic,.heif';
const KINDS = ['iou', 'wage_sheet', 'contract', 'attendance', 'chat_records', 'bank_records', 'witness', 'other'] as const;

/** A file's bytes, fetched with the login, as a blob: URL the page may show. */
async function fileUrl(caseId: string, file: CaseFile): Promise<string> {
  return URL.createObjectURL(await (await fetchFile(`/cases/${caseId}/files/${file.id}/content`)).blob());
}

/** The case's evidence: thumbnails of the photos, the scans, and an upload for those who may add them. */
export function CaseFiles({ caseId }: { caseId: string }) {
  const m = useMessagesWith({ caseFiles: caseFilesMessages });
  const t = m.caseFiles;
  const { user } = useSession();
  const files = useQuery({
    queryKey: ['case-files', caseId],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/files', { params: { path: { caseId } } })),
  });
  const mayAdd = user?.permissions.includes('cases.edit') ?? false;
  return (
    <Card title={t.title}>
      {mayAdd && <Upload caseId={caseId} />}
      {files.data && files.data.length === 0 && <Typography.Text type="secondary">{t.none}</Typography.Text>}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 12 }}>
        {(files.data ?? []).map((file) => (
          <FileTile key={file.id} caseId={caseId} file={file} />
        ))}
      </ul>
    </Card>
  );
}

function FileTile({ caseId, file }: { caseId: string; file: CaseFile }) {
  const m = useMessagesWith({ caseFiles: caseFilesMessages });
  const t = m.caseFiles;
  const picture = file.mediaType === 'image/jpeg' || file.mediaType === 'image/png';
  const [thumbnail, setThumbnail] = useState<string | null>(null);
  useEffect(() => {
    if (!picture) return;
    let url: string | null = null;
    let gone = false;
    void fileUrl(caseId, file)
      .then((made) => {
        url = made;
        if (!gone) setThumbnail(made);
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [caseId, file, picture]);
  // opened at the click, before the bytes arrive: a tab opened later is taken for a pop-up and blocked
  const open = async () => {
    const tab = window.open('', '_blank');
    try {
      const url = await fileUrl(caseId, file);
      if (tab) tab.location.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      tab?.close();
    }
  };
  return (
    <li data-testid="case-file" style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8, fontSize: 13 }}>
      <button
        type="button"
        onClick={() => void open()}
        aria-label={t.open(file.fileName)}
        style={{ display: 'block', width: '100%', height: 110, padding: 0, border: 0, background: '#fafafa', cursor: 'pointer', borderRadius: 4 }}
      >
        {picture && thumbnail ? (
          <img src={thumbnail} alt={file.fileName} style={{ width: '100%', height: 110, objectFit: 'cover', borderRadius: 4 }} />
        ) : (
          <span style={{ fontSize: 22, color: 'rgba(0,0,0,0.65)' }}>{file.mediaType === 'application/pdf' ? t.pdf : picture ? '…' : 'HEIC'}</span>
        )}
      </button>
      <div style={{ marginTop: 6, wordBreak: 'break-all' }}>{file.fileName}</div>
      <div style={{ color: 'rgba(0,0,0,0.65)' }}>
        {t.kinds[file.kind] ?? file.kind} · {t.size(Math.max(1, Math.round(file.byteSize / 1024)))}
      </div>
      {file.workerName && <div style={{ color: 'rgba(0,0,0,0.65)' }}>{t.worker(file.workerName)}</div>}
      {file.description && <div>{file.description}</div>}
      {(file.mediaType === 'image/heic' || file.mediaType === 'image/heif') && <div style={{ color: 'rgba(0,0,0,0.65)' }}>{t.heic}</div>}
      <div style={{ color: 'rgba(0,0,0,0.65)' }}>{t.by(file.uploadedBy.displayName, file.uploadedAt.slice(0, 16).replace('T', ' '))}</div>
    </li>
  );
}

/** Kind, note and the file: the file goes as itself, with its own type; the server reads what it is. */
function Upload({ caseId }: { caseId: string }) {
  const m = useMessagesWith({ caseFiles: caseFilesMessages });
  const t = m.caseFiles;
  const message = useToast();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('iou');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const send = async (file: File) => {
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(
        api.POST('/cases/{caseId}/files', {
          params: { path: { caseId }, query: { kind, name: file.name, ...(description.trim() && { description: description.trim() }) } },
          body: file as never,
          bodySerializer: (body: unknown) => body as Blob,
          // phones name HEIC photos without a type the browser knows: the server reads the bytes anyway
          headers: { 'content-type': ['image/jpeg', 'image/png', 'image/heic', 'image/heif', 'application/pdf'].includes(file.type) ? file.type : 'application/octet-stream' },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['case-files', caseId] });
      void queryClient.invalidateQueries({ queryKey: ['case-events', caseId] });
      setDescription('');
      void message.success(t.uploaded(file.name));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t.intro}
      </Typography.Paragraph>
      <Space wrap>
        <Select aria-label={t.kind} value={kind} onChange={setKind} style={{ width: 150 }} options={KINDS.map((value) => ({ value, label: t.kinds[value] }))} />
        <Input aria-label={t.description} placeholder={t.description} value={description} onChange={(event) => setDescription(event.target.value)} style={{ width: 220 }} />
        <label style={{ position: 'relative', display: 'inline-block', cursor: busy ? 'wait' : 'pointer', padding: '4px 15px', borderRadius: 6, background: '#1668dc', color: '#fff' }}>
          {busy ? t.uploading : t.choose}
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            disabled={busy}
            aria-label={t.choose}
            style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void send(file);
            }}
          />
        </label>
      </Space>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 8 }} />}
    </div>
  );
}
