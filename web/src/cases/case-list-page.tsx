import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, download, Schemas, unwrap } from '../common/api/client';
import { showApiErrors } from '../common/forms';
import { useSession } from '../common/api/use-session';
import { DateInput } from '../common/format/date-input';
import { StatusTag } from '../common/format/labels';
import { Money } from '../common/format/money';
import { useMessages } from '../common/i18n/i18n';
import { useToast } from '../common/layout/toast';
import { FestivalCountdown } from '../common/layout/desk-shell';
import { PeoplePicker, EmployerPicker, OrganisationPicker } from './pickers';

type CaseRow = Schemas['CaseListItemView'];
const FILTERS = ['status', 'organisationId', 'employerId', 'lawyerId', 'mediatorId', 'intakeFrom', 'intakeTo', 'q', 'sort'] as const;
const STATUSES = ['received', 'verifying', 'mediating', 'agreed', 'paying', 'closed', 'arbitration', 'litigation', 'referred', 'withdrawn', 'rejected'];
const SORTABLE: Record<string, string> = { caseNumber: 'caseNumber', intakeDate: 'intakeDate', status: 'status' };

/**
 * The case list: every filter, the search, the sort and the page live in the address, so a filtered
 * list can be bookmarked and sent to a colleague; the export takes exactly the same filters.
 */
export default function CaseListPage() {
  const m = useMessages();
  const message = useToast();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const [exporting, setExporting] = useState(false);
  const filters = Object.fromEntries(FILTERS.flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : []))) as Partial<Record<(typeof FILTERS)[number], string>>;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);

  const list = useQuery({
    queryKey: ['cases', filters, page, pageSize],
    queryFn: () => unwrap(api.GET('/cases', { params: { query: { ...filters, page, pageSize } } })),
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
    { title: m.cases.employer, key: 'employer', render: (_, row) => row.employerNames ?? '—', ellipsis: true },
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
        <PeoplePicker role="lawyer" label={m.cases.lawyer} value={filters.lawyerId} onChange={(lawyerId) => setFilters({ lawyerId })} />
        <PeoplePicker role="mediator" label={m.cases.mediator} value={filters.mediatorId} onChange={(mediatorId) => setFilters({ mediatorId })} />
        <Space.Compact>
          <DateInput label={m.cases.intakeFrom} value={filters.intakeFrom} max={filters.intakeTo} onChange={(intakeFrom) => setFilters({ intakeFrom })} />
          <DateInput label={m.cases.intakeTo} value={filters.intakeTo} min={filters.intakeFrom} onChange={(intakeTo) => setFilters({ intakeTo })} />
        </Space.Compact>
        {params.size > 0 && <Button onClick={() => setParams(new URLSearchParams())}>{m.common.reset}</Button>}
      </Space>
      <Table<CaseRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
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
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => m.cases.totalCount(total),
        }}
      />
    </Card>
  );
}
