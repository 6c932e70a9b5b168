import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Select } from 'antd';
import { api, ApiError, Schemas, unwrap } from '../../common/api/client';
import { useMessagesWith } from '../../common/i18n/i18n';
import { organisationsMessages } from './organisations.messages';
import { useToast } from '../../common/layout/toast';
import { FormDialog } from '../common/form-dialog';
import { OrganisationSelect } from '../common/organisation-select';
import { ORGANISATIONS_KEY, useOrganisationNames } from '../common/use-organisations';

type Organisation = Schemas['OrganisationView'];
type Kind = Schemas['OrganisationKind'];
// below the city federation (made by the set-up command) come these
const CHILD_KINDS: Kind[] = ['district_federation', 'industry_union', 'service_center'];

/** A new organisation below `parent`. */
export function CreateOrganisationDialog({ parent, onClose }: { parent: Organisation; onClose(): void }) {
  const m = useMessagesWith({ adminOrganisations: organisationsMessages });
  const message = useToast();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ code: string; name: string; kind: Kind; district?: string }>();
  return (
    <FormDialog
      title={m.adminOrganisations.createTitle(parent.name)}
      okText={m.adminOrganisations.create}
      form={form}
      fields={['code', 'name', 'kind', 'district']}
      initialValues={{ kind: parent.kind === 'city_federation' ? 'district_federation' : 'service_center' }}
      onClose={onClose}
      save={async (values, keyOf) => {
        // what is missing or wrong is for the API to say, at its field
        const body = { parentId: parent.id, code: values.code?.trim(), name: values.name?.trim(), kind: values.kind, district: values.district?.trim() || undefined };
        const created = await unwrap(api.POST('/organisations', { body, headers: { 'Idempotency-Key': keyOf(body) } }));
        await queryClient.invalidateQueries({ queryKey: ORGANISATIONS_KEY });
        void message.success(m.adminOrganisations.created(created.name));
      }}
    >
      <Form.Item name="name" label={m.adminOrganisations.name}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="code" label={m.adminOrganisations.code} extra={m.adminOrganisations.codeHelp}>
        <Input autoComplete="off" style={{ width: 160 }} onChange={(event) => form.setFieldValue('code', event.target.value.toUpperCase())} />
      </Form.Item>
      <Form.Item name="kind" label={m.adminOrganisations.kind}>
        <Select aria-label={m.adminOrganisations.kind} options={CHILD_KINDS.map((kind) => ({ value: kind, label: m.adminOrganisations.kinds[kind] }))} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="district" label={m.adminOrganisations.district}>
        <Input autoComplete="off" style={{ width: 200 }} />
      </Form.Item>
    </FormDialog>
  );
}

/** A new name (or district) for an organisation; its code stays, as its case numbers do. */
export function RenameOrganisationDialog({ organisation, onClose }: { organisation: Organisation; onClose(): void }) {
  const m = useMessagesWith({ adminOrganisations: organisationsMessages });
  const message = useToast();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string; district?: string }>();
  return (
    <FormDialog
      title={m.adminOrganisations.renameTitle(organisation.name)}
      okText={m.common.save}
      form={form}
      fields={['name', 'district']}
      initialValues={{ name: organisation.name, district: organisation.district ?? '' }}
      onClose={onClose}
      save={async (values) => {
        await unwrap(api.PATCH('/organisations/{id}', { params: { path: { id: organisation.id } }, body: { name: values.name?.trim(), district: values.district?.trim() ?? '' } }));
        await queryClient.invalidateQueries({ queryKey: ORGANISATIONS_KEY });
        void message.success(m.adminOrganisations.renamed);
      }}
    >
      <Form.Item name="name" label={m.adminOrganisations.name}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="district" label={m.adminOrganisations.district}>
        <Input autoComplete="off" style={{ width: 200 }} />
      </Form.Item>
    </FormDialog>
  );
}

/**
 * An organisation and everything below it moved under another parent. Every organisation is offered:
 * a move under itself or one of its own is refused by the API, in its words, at the field.
 */
export function MoveOrganisationDialog({ organisation, onClose }: { organisation: Organisation; onClose(): void }) {
  const m = useMessagesWith({ adminOrganisations: organisationsMessages });
  const message = useToast();
  const queryClient = useQueryClient();
  const nameOf = useOrganisationNames();
  const [form] = Form.useForm<{ parentId: string }>();
  return (
    <FormDialog
      title={m.adminOrganisations.moveTitle(organisation.name)}
      okText={m.adminOrganisations.move}
      form={form}
      fields={['parentId']}
      initialValues={{ parentId: organisation.parentId ?? undefined }}
      onClose={onClose}
      notice={<Alert type="info" showIcon title={m.adminOrganisations.moveNotice} style={{ marginBottom: 12 }} />}
      save={async ({ parentId }) => {
        try {
          await unwrap(api.PATCH('/organisations/{id}', { params: { path: { id: organisation.id } }, body: { parentId } }));
        } catch (error) {
          // "not under itself" is about the parent chosen: said at that field
          if (error instanceof ApiError && error.body.code === 'ORGANISATION_CYCLE') {
            throw new ApiError(error.status, { ...error.body, errors: [{ field: 'parentId', code: error.body.code, message: error.body.message }] });
          }
          throw error;
        }
        await queryClient.invalidateQueries({ queryKey: ORGANISATIONS_KEY });
        void message.success(m.adminOrganisations.moved(organisation.name, nameOf(parentId)));
      }}
    >
      <Form.Item name="parentId" label={m.adminOrganisations.newParent}>
        <OrganisationSelect label={m.adminOrganisations.newParent} />
      </Form.Item>
    </FormDialog>
  );
}
