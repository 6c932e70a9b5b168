import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Fragment, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, download, Schemas, unwrap } from '../common/api/client';
import type { operations } from '../common/api/schema';
import { showApiErrors } from '../common/forms';
import { useSession } from '../common/api/use-session';
import { DateInput } from '../common/format/date-input';
import { StatusTag } from '../common/format/labels';
import { Money } from '../common/format/money';
import { useMessagesWith } from '../common/i18n/i18n';
import { caseListMessages } from './case-list.messages';
import { useToast } from '../common/layout/toast';
import { FestivalCountdown } from '../common/layout/desk-shell';
import { PeoplePicker, EmployerPicker, OrganisationPicker } from './pickers';
import { EmployerLink } from '../employers/employer-link';

type CaseRow = Schemas['CaseListItemView'];
/** The filters with a control of their own above the list. */
const PICKED = ['status', 'organisationId', 'employerId', 'lawyerId', 'mediatorId', 'intakeFrom', 'intakeTo', 'q', 'sort'] as const;
/**
 * The filters a figure of the reports drills down with (dashboard/drill-down.ts), shown as tags that can
 * be taken away: a leader reaches the list from a number, and sees what selects its cases.
 */
const DRILLED = ['organisationOnly', 'directEmployerId', 'projectId', 'industry', 'concludedFrom', 'concludedTo', 'paidFrom', 'paidTo', 'owing', 'open', 'paidInFull', 'unverified'] as const;
const FILTERS = [...PICKED, ...DRILLED] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
type ListQuery = NonNullable<operations['CasesController_list']['parameters']['query']>;

/** The address's filters as the API's query: the yes/no ones as booleans, the industry as one of its codes (the API checks it). */
function listQuery(filters: Filters): ListQuery {
  const yesNo = (name: 'organisationOnly' | 'owing' | 'open' | 'paidInFull' | 'unverified') => (filters[name] ? filters[name] === 'true' : undefined);
  return {
    ...filters,
    industry: filters.industry as ListQuery['industry'],
    organisationOnly: yesNo('organisationOnly'),
    owing: yesNo('owing'),
    open: yesNo('open'),
    paidInFull: yesNo('paidInFull'),
    unverified: yesNo('unverified'),
  };
}
const STATUSES = ['received', 'verifying', 'mediating', 'agreed', 'paying', 'closed', 'arbitration', 'litigation', 'referred', 'withdrawn', 'rejected'];
const SORTABLE: Record<string, string> = { caseNumber: 'caseNumber', intakeDate: 'intakeDate', status: 'status' };

/**
 * The case list: every filter, the search, the sort and the page live in the address, so a filtered
 * list can be bookmarked and sent to a colleague; the export takes exactly the same filters.
 */
export default function CaseListPage() {
  const m = useMessagesWith({ caseList: caseListMessages });
  const message = useToast();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const [exporting, setExporting] = useState(false);
  const filters = Object.fromEntries(FILTERS.flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : []))) as Filters;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);

  const list = useQuery({
    queryKey: ['cases', filters, page, pageSize],
    queryFn: () => unwrap(api.GET('/cases', { params: { query: { ...listQuery(filters), page, pageSize } } })),
    placeholderData: keepPreviousData,
  });

  /** Changes some filters and goes back to the first page (the old page number means nothing now). */
  const setFilters = (changes: Record<string, string | null | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!keepPage) next.delete('page');
    setParams(next);
  };

  const exportList = async () => {
    setExporting(true);
    try {
      await download(`/cases/export?${new URLSearchParams({ ...filters, format: 'xlsx' })}`, 'cases.xlsx');
    } catch (error) {
      void message.error(showApiErrors(null, error, m) ?? m.cases.exportFailed);
    } finally {
      setExporting(false);
    }
  };

  const [sortKey, sortDirection] = (filters.sort ?? 'intakeDate:desc').split(':');
  const sortOrderOf = (key: string) => (sortKey === key ? (sortDirection === 'asc' ? 'ascend' : 'descend') : null);
  const columns: TableProps<CaseRow>['columns'] = [
    {
      title: m.cases.caseNumber, dataIndex: 'caseNumber', key: 'caseNumber', sorter: true, sortOrder: sortOrderOf('caseNumber'), fixed: 'left',
      render: (_, row) => <Link to={`/cases/${row.id}`}>{row.caseNumber}</Link>,
    },
    { title: m.cases.status, dataIndex: 'status', key: 'status', sorter: true, sortOrder: sortOrderOf('status'), render: (_, row) => <StatusTag status={row.status} /> },
    {
      title: m.cases.employer,
      key: 'employer',
      ellipsis: true,
      // each name opens the employer's record
      render: (_, row) =>
        row.employers.length === 0
          ? '—'
          : row.employers.map((employer, index) => (
              <Fragment key={`${employer.name} ${employer.creditCode ?? ''}`}>
                {index > 0 && '、'}
                <EmployerLink employer={employer} />
              </Fragment>
            )),
    },
    { title: m.cases.organisation, key: 'organisation', render: (_, row) => row.organisation.name, responsive: ['lg'] },
    { title: m.cases.intakeDate, dataIndex: 'intakeDate', key: 'intakeDate', sorter: true, sortOrder: sortOrderOf('intakeDate') },
    { title: m.cases.lawyer, key: 'lawyer', render: (_, row) => row.lawyer?.displayName ?? '—', responsive: ['xl'] },
    { title: m.cases.mediator, key: 'mediator', render: (_, row) => row.mediator?.displayName ?? '—', responsive: ['lg'] },
    { title: m.cases.workers, key: 'workers', align: 'right', render: (_, row) => row.totals.workers },
    { title: m.cases.outstanding, key: 'outstanding', align: 'right', render: (_, row) => <Money yuan={row.totals.outstanding} /> },
    {
      title: m.cases.festival, key: 'festival', align: 'right', responsive: ['md'],
      render: (_, row) => (row.festivalCountdown ? m.common.days(row.festivalCountdown.daysToEve) : '—'),
    },
  ];

  return (
    <Card>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {m.cases.listTitle}
        </Typography.Title>
        <Space wrap>
          {/* the header shows it on a desk; on a phone the header has no room, so the list shows it */}
          <span className="show-on-phone">
            <FestivalCountdown />
          </span>
          {user?.permissions.includes('cases.open') && (
            <Link to="/cases/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {m.nav.newCase}
              </Button>
            </Link>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void exportList()} loading={exporting}>
            {m.common.export}
          </Button>
        </Space>
      </div>
      <Space wrap style={{ marginBottom: 12 }} aria-label={m.common.search}>
        <Input.Search
          aria-label={m.cases.searchPlaceholder}
          placeholder={m.cases.searchPlaceholder}
          defaultValue={filters.q}
          allowClear
          onSearch={(q) => setFilters({ q: q.trim() })}
          style={{ width: 260 }}
        />
        <Select
          mode="multiple"
          aria-label={m.cases.status}
          placeholder={m.cases.status}
          value={filters.status ? filters.status.split(',') : []}
          onChange={(values: string[]) => setFilters({ status: values.join(',') })}
          options={STATUSES.map((status) => ({ value: status, label: m.status[status] }))}
          style={{ minWidth: 180 }}
          allowClear
        />
        <OrganisationPicker value={filters.organisationId} onChange={(organisationId) => setFilters({ organisationId })} />
        <EmployerPicker value={filters.employerId} onChange={(employerId) => setFilters({ employerId })} />
        <PeoplePicker role="lawyer" label={m.cases.lawyer} value={filters.lawyerId === 'none' ? undefined : filters.lawyerId} onChange={(lawyerId) => setFilters({ lawyerId })} />
        {/* "none" (the cases without one) is one of the tags below, not a person */}
        <PeoplePicker role="mediator" label={m.cases.mediator} value={filters.mediatorId === 'none' ? undefined : filters.mediatorId} onChange={(mediatorId) => setFilters({ mediatorId })} />
        <Space.Compact>
          <DateInput label={m.cases.intakeFrom} value={filters.intakeFrom} max={filters.intakeTo} onChange={(intakeFrom) => setFilters({ intakeFrom })} />
          <DateInput label={m.cases.intakeTo} value={filters.intakeTo} min={filters.intakeFrom} onChange={(intakeTo) => setFilters({ intakeTo })} />
        </Space.Compact>
        {params.size > 0 && <Button onClick={() => setParams(new URLSearchParams())}>{m.common.reset}</Button>}
      </Space>
      <DrilledFilterTags filters={filters} onRemove={(names) => setFilters(Object.fromEntries(names.map((name) => [name, null])))} />
      {/* a search refused (too broad) or a filter the server would not take: said, and no earlier list left under it */}
      {list.isError && <Alert type="warning" showIcon role="alert" title={showApiErrors(null, list.error, m) ?? m.common.loadFailed} style={{ marginBottom: 12 }} />}
      <Table<CaseRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.isError ? [] : list.data?.items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        onChange={(pagination, _filters, sorter) => {
          const single = Array.isArray(sorter) ? sorter[0] : sorter;
          const sort = single?.order && SORTABLE[String(single.columnKey)] ? `${SORTABLE[String(single.columnKey)]}:${single.order === 'ascend' ? 'asc' : 'desc'}` : null;
          setFilters({ sort, page: String(pagination.current ?? 1), pageSize: String(pagination.pageSize ?? 20) }, true);
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.isError ? 0 : (list.data?.total ?? 0),
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => m.cases.totalCount(total),
        }}
      />
    </Card>
  );
}

/** The tags of the filters set by a drill-down, each with its ✕ to take it away ("筛选：尚有欠款 ✕"). */
function DrilledFilterTags({ filters, onRemove }: { filters: Filters; onRemove(names: (keyof Filters)[]): void }) {
  const m = useMessagesWith({ caseList: caseListMessages });
  const t = m.caseList.filters;
  const employer = useQuery({
    queryKey: ['employer', filters.directEmployerId],
    queryFn: () => unwrap(api.GET('/employers/{id}', { params: { path: { id: filters.directEmployerId! } } })),
    enabled: !!filters.directEmployerId && filters.directEmployerId !== 'none',
  });
  const project = useQuery({
    queryKey: ['project', filters.projectId],
    queryFn: () => unwrap(api.GET('/projects/{id}', { params: { path: { id: filters.projectId! } } })),
    enabled: !!filters.projectId && filters.projectId !== 'none',
  });
  const range = (from: string | undefined, to: string | undefined) => (from && to ? `${from} – ${to}` : from ? t.since(from) : t.until(to ?? ''));
  const tags: [names: (keyof Filters)[], text: string][] = [];
  const none = (value: string | undefined) => value === 'none';
  if (filters.organisationOnly === 'true') tags.push([['organisationOnly'], t.organisationOnly]);
  if (filters.directEmployerId) tags.push([['directEmployerId'], none(filters.directEmployerId) ? t.noEmployer : `${t.directEmployer} ${employer.data?.name ?? ''}`]);
  if (filters.projectId) tags.push([['projectId'], none(filters.projectId) ? t.noProject : `${t.project} ${project.data?.name ?? ''}`]);
  if (filters.industry) tags.push([['industry'], none(filters.industry) ? t.noIndustry : `${t.industry} ${m.intake.industries[filters.industry] ?? filters.industry}`]);
  if (none(filters.lawyerId)) tags.push([['lawyerId'], t.noLawyer]);
  if (none(filters.mediatorId)) tags.push([['mediatorId'], t.noMediator]);
  if (filters.concludedFrom || filters.concludedTo) tags.push([['concludedFrom', 'concludedTo'], t.concluded(range(filters.concludedFrom, filters.concludedTo))]);
  if (filters.paidFrom || filters.paidTo) tags.push([['paidFrom', 'paidTo'], t.paid(range(filters.paidFrom, filters.paidTo))]);
  if (filters.open === 'true') tags.push([['open'], t.open]);
  if (filters.owing === 'true') tags.push([['owing'], t.owing]);
  if (filters.paidInFull === 'true') tags.push([['paidInFull'], t.paidInFull]);
  if (filters.unverified === 'true') tags.push([['unverified'], t.unverified]);
  if (tags.length === 0) return null;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
      {tags.map(([names, text]) => (
        <Tag key={names.join()} color="blue" style={{ marginInlineEnd: 0, display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          {t.prefix}
          {text}
          {/* a real button, reached with the keyboard (antd's close icon is not) */}
          <button type="button" aria-label={t.remove(text)} onClick={() => onRemove(names)} style={{ border: 0, background: 'none', padding: '0 2px', cursor: 'pointer', color: 'inherit', font: 'inherit' }}>
            ✕
          </button>
        </Tag>
      ))}
    </div>
  );
}
