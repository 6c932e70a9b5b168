import { useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, Switch } from 'antd';
import { api, unwrap } from '../../common/api/client';
import { useMessagesWith } from '../../common/i18n/i18n';
import { usersMessages } from './users.messages';
import { useToast } from '../../common/layout/toast';
import { FormDialog } from '../common/form-dialog';
import { OrganisationSelect } from '../common/organisation-select';
import { LawyerEngagements } from './lawyer-engagements';
import { Role, ROLES, User, USERS_KEY } from './use-users';

interface LawyerProfileValues {
  licenceNumber?: string;
  firm?: string;
  phone?: string;
  active?: boolean;
}

/** What was typed, trimmed; what is missing or wrong is for the API to say at its field. */
function lawyerProfileOf(values: LawyerProfileValues | undefined) {
  return {
    licenceNumber: values?.licenceNumber?.trim() ?? '',
    firm: values?.firm?.trim() ?? '',
    phone: values?.phone?.trim() || undefined,
    active: values?.active ?? true,
  };
}

function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: USERS_KEY });
}

function RolesField() {
  const m = useMessagesWith({ adminUsers: usersMessages });
  return (
    <Form.Item name="roles" label={m.adminUsers.roles}>
      <Checkbox.Group options={ROLES.map((role) => ({ value: role, label: m.roles[role] }))} />
    </Form.Item>
  );
}

/** A lawyer's practice: shown while the roles include lawyer, and sent only then (the API refuses it otherwise). */
function LawyerProfileFields({ withActive }: { withActive?: boolean }) {
  const m = useMessagesWith({ adminUsers: usersMessages });
  const t = m.adminUsers;
  return (
    <fieldset style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: '8px 16px 0', marginBottom: 16 }}>
      <legend style={{ fontSize: 14, width: 'auto', padding: '0 6px', margin: 0, border: 0 }}>{t.lawyerProfile}</legend>
      <p style={{ margin: '0 0 12px', color: 'rgba(0, 0, 0, 0.65)' }}>{t.lawyerProfileHelp}</p>
      <Form.Item name={['lawyerProfile', 'licenceNumber']} label={t.licenceNumber} extra={t.licenceHelp}>
        <Input inputMode="numeric" autoComplete="off" maxLength={17} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name={['lawyerProfile', 'firm']} label={t.firm}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name={['lawyerProfile', 'phone']} label={t.phone} extra={t.phoneHelp}>
        <Input inputMode="tel" autoComplete="off" style={{ width: 220 }} />
      </Form.Item>
      {withActive && (
        <Form.Item name={['lawyerProfile', 'active']} label={t.lawyerActive} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </fieldset>
  );
}

const USER_FIELDS = ['username', 'displayName', 'roles', 'organisationId', 'password', 'lawyerProfile'];

interface CreateValues {
  username?: string;
  displayName?: string;
  roles?: Role[];
  organisationId?: string;
  password?: string;
  lawyerProfile?: LawyerProfileValues;
}

export function CreateUserDialog({ onClose }: { onClose(): void }) {
  const m = useMessagesWith({ adminUsers: usersMessages });
  const t = m.adminUsers;
  const message = useToast();
  const refresh = useRefreshUsers();
  const [form] = Form.useForm<CreateValues>();
  const roles = Form.useWatch('roles', form) ?? [];
  return (
    <FormDialog
      title={t.add}
      okText={t.create}
      form={form}
      fields={USER_FIELDS}
      initialValues={{ roles: [] }}
      onClose={onClose}
      save={async (values, keyOf) => {
        const body = {
          username: values.username?.trim() ?? '',
          displayName: values.displayName?.trim() ?? '',
          roles: values.roles ?? [],
          organisationId: values.organisationId ?? '',
          password: values.password ?? '',
          lawyerProfile: values.roles?.includes('lawyer') ? lawyerProfileOf(values.lawyerProfile) : undefined,
        };
        const created = await unwrap(api.POST('/users', { body, headers: { 'Idempotency-Key': keyOf(body) } }));
        await refresh();
        void message.success(t.created(created.displayName), 6);
      }}
    >
      <Form.Item name="displayName" label={t.displayName}>
        <Input autoComplete="off" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="username" label={t.username} extra={t.usernameHelp}>
        <Input autoComplete="off" style={{ width: 220 }} />
      </Form.Item>
      <RolesField />
      <Form.Item name="organisationId" label={t.organisation}>
        <OrganisationSelect label={t.organisation} />
      </Form.Item>
      <Form.Item name="password" label={t.password} extra={t.passwordHelp}>
        <Input.Password autoComplete="new-password" style={{ width: 260 }} />
      </Form.Item>
      {roles.includes('lawyer') && <LawyerProfileFields />}
    </FormDialog>
  );
}

interface EditValues {
  displayName?: string;
  roles?: Role[];
  organisationId?: string;
  lawyerProfile?: LawyerProfileValues;
}

/** Name, roles (the whole list), organisation and, for a lawyer, the practice: one request, all or nothing. */
export function EditUserDialog({ user, onClose }: { user: User; onClose(): void }) {
  const m = useMessagesWith({ adminUsers: usersMessages });
  const t = m.adminUsers;
  const message = useToast();
  const refresh = useRefreshUsers();
  const [form] = Form.useForm<EditValues>();
  const roles = Form.useWatch('roles', form) ?? user.roles;
  const before = user.lawyerProfile;
  return (
    <FormDialog
      title={t.editTitle(user.displayName)}
      okText={m.common.save}
      form={form}
      fields={['displayName', 'roles', 'organisationId', 'lawyerProfile']}
      initialValues={{
        displayName: user.displayName,
        roles: user.roles,
        organisationId: user.organisationId,
        lawyerProfile: before ? { licenceNumber: before.licenceNumber, firm: before.firm, phone: before.phone ?? '', active: before.active } : { active: true },
      }}
      onClose={onClose}
      save={async (values) => {
        const profile = lawyerProfileOf(values.lawyerProfile);
        const unchanged = before && JSON.stringify(profile) === JSON.stringify(lawyerProfileOf({ ...before, phone: before.phone ?? undefined }));
        await unwrap(
          api.PATCH('/users/{id}', {
            params: { path: { id: user.id } },
            body: {
              displayName: values.displayName?.trim() ?? '',
              roles: values.roles ?? [],
              organisationId: values.organisationId,
              // an unchanged practice is not sent again: the audit trail keeps changes, not saves
              lawyerProfile: values.roles?.includes('lawyer') && !unchanged ? profile : undefined,
            },
          }),
        );
        await refresh();
        void message.success(t.saved);
      }}
    >
      <Form.Item name="displayName" label={t.displayName}>
        <Input autoComplete="off" style={{ width: 220 }} />
      </Form.Item>
      <RolesField />
      <Form.Item name="organisationId" label={t.organisation}>
        <OrganisationSelect label={t.organisation} />
      </Form.Item>
      {roles.includes('lawyer') && <LawyerProfileFields withActive />}
      {user.lawyerProfile && <LawyerEngagements lawyerId={user.id} />}
    </FormDialog>
  );
}

export function ResetPasswordDialog({ user, onClose }: { user: User; onClose(): void }) {
  const m = useMessagesWith({ adminUsers: usersMessages });
  const t = m.adminUsers;
  const message = useToast();
  const [form] = Form.useForm<{ password?: string }>();
  return (
    <FormDialog
      title={t.resetTitle(user.displayName)}
      okText={t.reset}
      form={form}
      fields={['password']}
      onClose={onClose}
      notice={<Alert type="warning" showIcon title={t.resetNotice} style={{ marginBottom: 12 }} />}
      save={async (values) => {
        await unwrap(api.POST('/users/{id}/password', { params: { path: { id: user.id } }, body: { password: values.password ?? '' } }));
        void message.success(t.wasReset(user.displayName));
      }}
    >
      <Form.Item name="password" label={t.newPassword} extra={t.passwordHelp}>
        <Input.Password autoComplete="new-password" style={{ width: 260 }} />
      </Form.Item>
    </FormDialog>
  );
}

/** Deactivates an active user or brings a deactivated one back; the API refuses to deactivate the last administrator, in its words. */
export function ActivationDialog({ user, onClose }: { user: User; onClose(): void }) {
  const t = useMessagesWith({ adminUsers: usersMessages }).adminUsers;
  const message = useToast();
  const refresh = useRefreshUsers();
  const [form] = Form.useForm<object>();
  const deactivating = user.active;
  return (
    <FormDialog
      title={deactivating ? t.deactivateTitle(user.displayName) : t.reactivateTitle(user.displayName)}
      okText={deactivating ? t.deactivate : t.reactivate}
      danger={deactivating}
      form={form}
      fields={[]}
      onClose={onClose}
      notice={<Alert type={deactivating ? 'warning' : 'info'} showIcon title={deactivating ? t.deactivateNotice : t.reactivateNotice} style={{ marginBottom: 12 }} />}
      save={async () => {
        await unwrap(api.PATCH('/users/{id}', { params: { path: { id: user.id } }, body: { active: !deactivating } }));
        await refresh();
        void message.success(deactivating ? t.deactivated(user.displayName) : t.reactivated(user.displayName));
      }}
    >
      {null}
    </FormDialog>
  );
}
