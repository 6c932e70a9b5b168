import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { EmptyText } from '../../common/format/labels';
import { useMessagesWith } from '../../common/i18n/i18n';
import { usersMessages } from './users.messages';
import { OrganisationSelect } from '../common/organisation-select';
import { useOrganisationNames } from '../common/use-organisations';
import { AdminPanel } from '../common/admin-panel';
import { matchesSearch, Role, ROLES, User, UserFilters, useUsers } from './use-users';

// the dialogs (their forms) load when one is opened, not with the list
const dialogs = () => import('./user-dialogs');
const CreateUserDialog = lazy(() => dialogs().then((module) => ({ default: module.CreateUserDialog })));
const EditUserDialog = lazy(() => dialogs().then((module) => ({ default: module.EditUserDialog })));
const ResetPasswordDialog = lazy(() => dialogs().then((module) => ({ default: module.ResetPasswordDialog })));
const ActivationDialog = lazy(() => dialogs().then((module) => ({ default: module.ActivationDialog })));

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset' | 'activation'; user: User } | null;
// administrators stand out; antd's lighter tag colours (green, gold, orange, cyan) fail WCAG AA contrast
const ROLE_COLOURS: Partial<Record<Role, string>> = { admin: 'red' };

/** The users of my scope: found by name, role, organisation and state; created, changed, reset, deactivated. */
export default function UsersPage() {
  const m = useMessagesWith({ adminUsers: usersMessages });
  const t = m.adminUsers;
  const [filters, setFilters] = useState<UserFilters>({});
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useUsers(filters);
  const organisationName = useOrganisationNames();
  const shown = (users.data ?? []).filter((user) => matchesSearch(user, search));
  const close = () => setDialog(null);

  const columns: TableProps<User>['columns'] = [
    { title: t.displayName, dataIndex: 'displayName', key: 'displayName', fixed: 'left' },
    { title: t.username, dataIndex: 'username', key: 'username', responsive: ['md'] },
    {
      title: t.role, key: 'roles',
      render: (_, user) => (
        <Space size={[0, 4]} wrap>
          {user.roles.map((role) => (
            <Tag key={role} color={ROLE_COLOURS[role]}>
              {m.roles[role]}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t.organisation, key: 'organisation', render: (_, user) => organisationName(user.organisationId), responsive: ['lg'] },
    { title: t.state, key: 'active', render: (_, user) => <ActiveState active={user.active} /> },
    {
      title: m.common.actions, key: 'actions',
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user })}>
            {t.edit}
          </Button>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', user })}>
            {t.resetPassword}
          </Button>
          <Button type="link" size="small" danger={user.active} onClick={() => setDialog({ kind: 'activation', user })}>
            {user.active ? t.deactivate : t.reactivate}
          </Button>
          <Link to={`/admin/audit?entityType=users&entityId=${user.id}`} style={{ padding: '0 7px' }}>
            {t.history}
          </Link>
        </Space>
      ),
    },
  ];

  return (
    <AdminPanel
      title={t.title}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          {t.add}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {/* the browser's own search box: antd's Input would put the page over its budget */}
        <input
          type="search"
          aria-label={t.search}
          placeholder={t.search}
          onChange={(event) => setSearch(event.target.value)}
          style={{ padding: '4px 11px', border: '1px solid #d9d9d9', borderRadius: 6, width: 220, maxWidth: '100%', font: 'inherit', lineHeight: '22px' }}
        />
        <Select
          aria-label={t.role}
          placeholder={t.role}
          allowClear
          value={filters.role}
          onChange={(role?: Role) => setFilters({ ...filters, role })}
          options={ROLES.map((role) => ({ value: role, label: m.roles[role] }))}
          style={{ width: 130 }}
        />
        <OrganisationSelect label={t.organisation} allowClear value={filters.organisationId} onChange={(organisationId) => setFilters({ ...filters, organisationId })} style={{ width: 240 }} />
        <Select
          aria-label={t.state}
          placeholder={t.state}
          allowClear
          value={filters.active === undefined ? undefined : String(filters.active)}
          onChange={(state?: string) => setFilters({ ...filters, active: state === undefined ? undefined : state === 'true' })}
          options={[
            { value: 'true', label: t.active },
            { value: 'false', label: t.inactive },
          ]}
          style={{ width: 110 }}
        />
      </Space>
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        loading={users.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyText>{t.none}</EmptyText> }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => t.count(total), hideOnSinglePage: false }}
      />
      <Suspense fallback={null}>
        {dialog?.kind === 'create' && <CreateUserDialog onClose={close} />}
        {dialog?.kind === 'edit' && <EditUserDialog user={dialog.user} onClose={close} />}
        {dialog?.kind === 'reset' && <ResetPasswordDialog user={dialog.user} onClose={close} />}
        {dialog?.kind === 'activation' && <ActivationDialog user={dialog.user} onClose={close} />}
      </Suspense>
    </AdminPanel>
  );
}

/** In use or deactivated: a coloured dot beside the word (the word says it; the colour only helps the eye). */
function ActiveState({ active }: { active: boolean }) {
  const t = useMessagesWith({ adminUsers: usersMessages }).adminUsers;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <span aria-hidden style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, marginInlineEnd: 6, background: active ? '#52c41a' : '#bfbfbf' }} />
      {active ? t.active : t.inactive}
    </span>
  );
}
