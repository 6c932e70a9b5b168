import { Button, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../common/api/client';
import { EmptyText } from '../../common/format/labels';
import { useMessagesWith } from '../../common/i18n/i18n';
import { organisationsMessages } from './organisations.messages';
import { OrganisationNode, organisationTree } from '../common/organisation-tree';
import { useOrganisations } from '../common/use-organisations';
import { AdminPanel } from '../common/admin-panel';

// the dialogs (their forms) load when one is opened, not with the tree
const dialogs = () => import('./organisation-dialogs');
const CreateOrganisationDialog = lazy(() => dialogs().then((module) => ({ default: module.CreateOrganisationDialog })));
const RenameOrganisationDialog = lazy(() => dialogs().then((module) => ({ default: module.RenameOrganisationDialog })));
const MoveOrganisationDialog = lazy(() => dialogs().then((module) => ({ default: module.MoveOrganisationDialog })));

type Organisation = Schemas['OrganisationView'];
interface Row extends Organisation {
  children?: Row[];
}
type Dialog = { kind: 'create' | 'rename' | 'move'; organisation: Organisation } | null;

/** The tree as table rows: a row's children are the organisations below it (a leaf has none, so no expander). */
function rowsOf(nodes: OrganisationNode[]): Row[] {
  return nodes.map(({ organisation, children }) => ({ ...organisation, children: children.length > 0 ? rowsOf(children) : undefined }));
}

/** The organisations of my scope as a tree: a new one below any of them, a new name, a move. */
export default function OrganisationsPage() {
  const m = useMessagesWith({ adminOrganisations: organisationsMessages });
  const t = m.adminOrganisations;
  const organisations = useOrganisations();
  const [dialog, setDialog] = useState<Dialog>(null);
  // the tree drawn open (a city has a few dozen organisations; a closed branch hides where one is), a new
  // child's parent included; what the user closes stays closed
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = rowsOf(organisationTree(organisations.data ?? []));
  const expanded = (organisations.data ?? []).map((organisation) => organisation.id).filter((id) => !collapsed.has(id));

  const columns: TableProps<Row>['columns'] = [
    {
      title: t.name, key: 'name',
      render: (_, row) => (
        <span>
          {row.name} <Tag style={{ marginInlineStart: 4 }}>{row.code}</Tag>
        </span>
      ),
    },
    { title: t.kind, key: 'kind', render: (_, row) => t.kinds[row.kind] ?? row.kind, responsive: ['md'] },
    { title: t.district, key: 'district', render: (_, row) => row.district ?? '—', responsive: ['lg'] },
    {
      title: m.common.actions, key: 'actions',
      render: (_, row) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'create', organisation: row })}>
            {t.addChild}
          </Button>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'rename', organisation: row })}>
            {t.rename}
          </Button>
          {/* the top of the tree (the city federation) has nowhere to go */}
          {row.parentId && (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'move', organisation: row })}>
              {t.move}
            </Button>
          )}
          <Link to={`/admin/audit?entityType=organisations&entityId=${row.id}`} style={{ padding: '0 7px' }}>
            {t.history}
          </Link>
        </Space>
      ),
    },
  ];

  return (
    <AdminPanel title={t.title} intro={t.intro}>
      {rows.length > 0 && (
        <Table<Row>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={organisations.isFetching}
          pagination={false}
          expandable={{
            expandedRowKeys: expanded,
            onExpand: (open, row) =>
              setCollapsed((before) => {
                const after = new Set(before);
                if (open) after.delete(row.id);
                else after.add(row.id);
                return after;
              }),
          }}
          scroll={{ x: 'max-content' }}
        />
      )}
      {organisations.isSuccess && rows.length === 0 && <EmptyText>{t.empty}</EmptyText>}
      <Suspense fallback={null}>
        {dialog?.kind === 'create' && <CreateOrganisationDialog parent={dialog.organisation} onClose={() => setDialog(null)} />}
        {dialog?.kind === 'rename' && <RenameOrganisationDialog organisation={dialog.organisation} onClose={() => setDialog(null)} />}
        {dialog?.kind === 'move' && <MoveOrganisationDialog organisation={dialog.organisation} onClose={() => setDialog(null)} />}
      </Suspense>
    </AdminPanel>
  );
}
