import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Select, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError, download, Schemas, unwrap } from '../common/api/client';
import { showApiErrors } from '../common/forms';
import { EmptyText } from '../common/format/labels';
import { Money } from '../common/format/money';
import { useMessagesWith } from '../common/i18n/i18n';
import { employerRecordMessages } from './employer-record.messages';
import type { Messages } from '../common/i18n/zh-CN';
import { PROVINCES } from './provinces';

type EmployerHistory = Schemas['EmployerHistoryView'];

// plain headings: antd's typography component would add about 8 KiB gzip to the page for these alone
const HEADING = { margin: 0, fontWeight: 600, color: 'rgba(0, 0, 0, 0.88)' } as const;

/**
 * One employer's record: every case it has in any role of the chain, with money and outcomes, and the
 * test of the joint-punishment list in words, judged by the figures of the province chosen (kept in
 * the address, so a record judged by Beijing's figures can be sent as a link).
 */
export default function EmployerRecordPage() {
  const { creditCode = '' } = useParams();
  const m = useMessagesWith({ employerRecord: employerRecordMessages });
  const [searchParams, setSearchParams] = useSearchParams();
  const chosen = searchParams.get('province') ?? undefined;
  const thresholds = useQuery({ queryKey: ['criminal-thresholds'], queryFn: () => unwrap(api.GET('/criminal-thresholds')), staleTime: 5 * 60_000 });
  const entered = new Set((thresholds.data ?? []).map((row) => row.province));
  // a province whose figures are not entered is judged by the lowest ones (the API would refuse it), and the page says so
  const province = chosen && entered.has(chosen) ? chosen : undefined;
  const record = useQuery({
    queryKey: ['employer-record', creditCode, province ?? null],
    // the route also answers a spreadsheet (?format=xlsx, hence the string in its type); asked without a format, it answers the record
    queryFn: async () => (await unwrap(api.GET('/reports/employers/{creditCode}', { params: { path: { creditCode }, query: { province } } }))) as EmployerHistory,
    enabled: !chosen || thresholds.isFetched,
    placeholderData: keepPreviousData,
  });
  if (record.isPending) return <Spin size="large" style={{ display: 'block', margin: 48 }} />;
  if (record.error) {
    const known = record.error instanceof ApiError && record.error.status < 500;
    return <Alert type="error" showIcon role="alert" title={known ? record.error.message : m.common.loadFailed} style={{ margin: 24 }} />;
  }
  const choose = (next: string | undefined) => setSearchParams(next ? { province: next } : {}, { replace: true });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Overview history={record.data} province={province} />
      <JointPunishment
        history={record.data}
        picker={<ProvincePicker value={chosen} entered={entered} onChange={choose} />}
        missing={chosen && thresholds.isSuccess && !entered.has(chosen) ? chosen : null}
      />
      <Cases history={record.data} />
    </Space>
  );
}

function Overview({ history, province }: { history: EmployerHistory; province: string | undefined }) {
  const m = useMessagesWith({ employerRecord: employerRecordMessages });
  const t = m.employerRecord;
  const { employer, totals } = history;
  const [problem, setProblem] = useState<string | null>(null);
  const exportCases = async () => {
    setProblem(null);
    const query = new URLSearchParams({ format: 'xlsx', ...(province && { province }) });
    try {
      await download(`/reports/employers/${encodeURIComponent(employer.creditCode)}?${query}`, `用人单位案件_${employer.creditCode}.xlsx`);
    } catch (error) {
      setProblem(showApiErrors(null, error, m));
    }
  };
  return (
    <Card>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
        <Space wrap align="center">
          <h1 style={{ ...HEADING, fontSize: 22 }}>{employer.name}</h1>
          <Tag>{m.intake.kinds[employer.kind] ?? employer.kind}</Tag>
          {employer.industry && <Tag>{m.intake.industries[employer.industry] ?? employer.industry}</Tag>}
        </Space>
        <Button onClick={() => void exportCases()}>{t.export}</Button>
      </div>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 12 }} />}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 24px', marginTop: 12, color: 'rgba(0,0,0,0.88)' }}>
        <span>
          {t.creditCode}：{employer.creditCode}
        </span>
        {employer.district && (
          <span>
            {t.district}：{employer.district}
          </span>
        )}
      </div>
      <Row gutter={[8, 8]} style={{ marginTop: 4 }} role="group" aria-label={t.totals}>
        {(
          [
            [t.cases, t.caseCount(totals.cases)],
            [m.cases.workers, m.common.people(totals.workers)],
            [m.cases.claimed, <Money key="c" yuan={totals.claimed} />],
            [t.owed, <Money key="o" yuan={totals.owed} />],
            [m.cases.paid, <Money key="p" yuan={totals.paid} />],
            [m.cases.outstanding, <Money key="u" yuan={totals.outstanding} strong />],
          ] as const
        ).map(([label, value]) => (
          <Col key={label} xs={12} sm={8} md={4}>
            <div style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13 }} title={label === t.owed ? t.owedHint : undefined}>
              {label}
            </div>
            <div style={{ fontSize: 18 }} data-total={label}>
              {value}
            </div>
          </Col>
        ))}
      </Row>
      <Outcomes outcomes={history.outcomes} />
    </Card>
  );
}

/** How the cases stand: so many mediating, so many closed paid in full… */
function Outcomes({ outcomes }: { outcomes: EmployerHistory['outcomes'] }) {
  const m = useMessagesWith({ employerRecord: employerRecordMessages });
  const entries = Object.entries(outcomes);
  if (entries.length === 0) return null;
  return (
    <div style={{ marginTop: 12, display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }} aria-label={m.employerRecord.outcomes} role="group">
      <span style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13, marginInlineEnd: 4 }}>{m.employerRecord.outcomes}</span>
      {entries.map(([key, count]) => (
        <Tag key={key}>
          {outcomeLabel(key, m)} {count}
        </Tag>
      ))}
    </div>
  );
}

/** The API's `closed_paid_in_full` (a closed case by its outcome) or a status, in words. */
function outcomeLabel(key: string, m: Messages & { employerRecord: typeof employerRecordMessages.zh }): string {
  if (!key.startsWith('closed_')) return m.status[key] ?? key;
  const outcome = key.slice('closed_'.length);
  return m.employerRecord.closedAs(m.outcome[outcome] ?? outcome);
}

function ProvincePicker({ value, entered, onChange }: { value: string | undefined; entered: Set<string>; onChange(province: string | undefined): void }) {
  const t = useMessagesWith({ employerRecord: employerRecordMessages }).employerRecord.punishment;
  // the provinces with figures first: those are the ones that judge anything
  const ordered = [...PROVINCES].sort((a, b) => Number(entered.has(b)) - Number(entered.has(a)));
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
      <label htmlFor="record-province">{t.province}</label>
      <Select
        id="record-province"
        value={value ?? ''}
        onChange={(next: string) => onChange(next || undefined)}
        showSearch={{ optionFilterProp: 'label' }}
        options={[
          { value: '', label: t.lowest },
          ...ordered.map((province) => ({ value: province, label: entered.has(province) ? province : `${province}${t.notEntered}` })),
        ]}
        style={{ width: 240, maxWidth: '100%' }}
      />
    </div>
  );
}

/** The listing test of art. 5 in words: which condition holds, which does not, by which figures. */
function JointPunishment({ history, picker, missing }: { history: EmployerHistory; picker: React.ReactNode; missing: string | null }) {
  const t = useMessagesWith({ employerRecord: employerRecordMessages }).employerRecord.punishment;
  const conditions = history.flags.filter((flag) => flag.listingCriterion);
  const clues = history.flags.filter((flag) => !flag.listingCriterion);
  const unmet = conditions.filter((flag) => !flag.met).length;
  return (
    <Card title={<h2 style={{ ...HEADING, fontSize: 16 }}>{t.title}</h2>}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert
          type={history.meetsListingCriteria ? 'error' : 'info'}
          showIcon
          data-testid="listing-verdict"
          title={history.meetsListingCriteria ? t.meets : t.doesNotMeet(unmet)}
        />
        <p style={{ margin: 0, color: 'rgba(0,0,0,0.75)' }}>{t.intro}</p>
        {picker}
        {missing && <Alert type="warning" showIcon title={t.provinceMissing(missing)} description={t.whoEnters} />}
        <div data-testid="judged-by">{t.judgedBy(history.thresholds.province, history.thresholds.individualAmount, history.thresholds.groupAmount)}</div>
        <h3 style={{ ...HEADING, fontSize: 15 }}>{t.conditions}</h3>
        <FlagList flags={conditions} />
        <h3 style={{ ...HEADING, fontSize: 15 }}>{t.clues}</h3>
        <FlagList flags={clues} />
      </Space>
    </Card>
  );
}

function FlagList({ flags }: { flags: Schemas['JointPunishmentFlagView'][] }) {
  const t = useMessagesWith({ employerRecord: employerRecordMessages }).employerRecord.punishment;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {flags.map((flag) => (
        <li key={flag.criterion} data-criterion={flag.criterion} style={{ display: 'flex', gap: 8, padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Tag color={flag.met ? 'red' : 'default'} style={{ alignSelf: 'flex-start', marginInlineEnd: 0 }}>
            {flag.met ? t.met : t.notMet}
          </Tag>
          <div style={{ minWidth: 0 }}>
            <div>{flag.met ? t.criteria[flag.criterion]?.met : t.criteria[flag.criterion]?.notMet}</div>
            {flag.caseNumbers.length > 0 && <div style={{ fontSize: 13 }}>{t.cases(flag.caseNumbers.join('、'))}</div>}
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
              {t.basis(flag.basis)}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

function Cases({ history }: { history: EmployerHistory }) {
  const m = useMessagesWith({ employerRecord: employerRecordMessages });
  const t = m.employerRecord;
  const navigate = useNavigate();
  return (
    <Card title={<h2 style={{ ...HEADING, fontSize: 16 }}>{t.caseList}</h2>} extra={<span>{t.caseCount(history.cases.length)}</span>}>
      <p style={{ color: 'rgba(0,0,0,0.65)', marginTop: 0 }}>{t.caseListHint}</p>
      <Table<Schemas['EmployerHistoryCaseView']>
        rowKey={(row) => `${row.id}-${row.role}`}
        size="small"
        dataSource={history.cases}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>{t.noCases}</EmptyText> }}
        onRow={(row) => ({ onClick: () => void navigate(`/cases/${row.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: m.cases.caseNumber, key: 'number', fixed: 'left', render: (_, row) => <Link to={`/cases/${row.id}`}>{row.caseNumber}</Link> },
          { title: t.role, key: 'role', render: (_, row) => m.chainRole[row.role] ?? row.role },
          { title: m.cases.organisation, dataIndex: 'organisation', key: 'organisation', responsive: ['lg'] },
          { title: m.cases.intakeDate, dataIndex: 'intakeDate', key: 'intake', responsive: ['md'] },
          {
            title: m.cases.status,
            key: 'status',
            // in words, not a coloured tag: a table of an employer's cases is read, not scanned for colours
            render: (_, row) => outcomeLabel(row.outcome ? `closed_${row.outcome}` : row.status, m),
          },
          { title: t.closedOn, key: 'closed', render: (_, row) => row.closedOn ?? '—', responsive: ['lg'] },
          { title: <span title={t.workersOwedTitle}>{m.cases.workers}</span>, key: 'workers', align: 'right', render: (_, row) => t.workersOwed(row.workersOwed, row.workers) },
          { title: m.cases.claimed, key: 'claimed', align: 'right', render: (_, row) => <Money yuan={row.claimed} />, responsive: ['md'] },
          { title: t.owed, key: 'owed', align: 'right', render: (_, row) => <Money yuan={row.owed} />, responsive: ['md'] },
          { title: m.cases.paid, key: 'paid', align: 'right', render: (_, row) => <Money yuan={row.paid} /> },
          { title: m.cases.outstanding, key: 'outstanding', align: 'right', render: (_, row) => <Money yuan={row.outstanding} strong={row.outstanding !== '0.00'} /> },
        ]}
      />
    </Card>
  );
}
