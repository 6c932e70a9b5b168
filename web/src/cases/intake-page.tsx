import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, idempotencyKey, NetworkError, Schemas, unwrap } from '../common/api/client';
import { useSession } from '../common/api/use-session';
import { DateInput } from '../common/format/date-input';
import { showApiErrors } from '../common/forms';
import { useMessages } from '../common/i18n/i18n';
import { useToast } from '../common/layout/toast';
import { CSV_TYPE, XLSX_TYPE, checkRoster } from './roster-check';
import { claimIndexOf, claimsOfIntake, totalClaimed, TypedClaim } from './intake';
import { NewEmployerDialog } from './new-employer-dialog';
import { EmployerPicker, OrganisationPicker, PeoplePicker, ProjectPicker } from './pickers';
import { caseKey } from './use-case';

interface IntakeForm {
  organisationId?: string;
  intakeChannel?: Schemas['CreateCaseDto']['intakeChannel'];
  intakeDate?: string;
  summary?: string;
  employers: { employerId?: string; role: Schemas['EmployerRole'] }[];
  projectId?: string;
  lawyerId?: string;
  mediatorId?: string;
  claims: TypedClaim[];
}

interface RosterState {
  fileName: string;
  claims: Schemas['RosterClaimView'][];
  claimedTotal: string;
}
type RowProblem = { row?: number; field?: string; message: string };

const CHANNELS: Schemas['CreateCaseDto']['intakeChannel'][] = ['walk_in', 'hotline_12351', 'outreach_visit', 'labour_bureau_referral', 'online'];
const CHAIN_ROLES: Schemas['EmployerRole'][] = ['employer', 'project_owner', 'general_contractor', 'subcontractor', 'labour_subcontractor', 'individual_contractor'];
const MAX_CLAIMS = 2000;
const todayInShanghai = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Opens a case: its organisation and intake, the employers of the chain (from the register, or newly
 * registered with the similar-name hint), the people, and the workers typed or uploaded as a roster.
 * The roster is checked by the API before anything is saved, so bad rows are fixed in the file and
 * uploaded again without losing the rest of the form. From the desk (?consultation= or ?earlyWarning=)
 * the consultation's or warning's own facts are carried over by the API.
 */
export default function IntakePage() {
  const m = useMessages();
  const message = useToast();
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const consultationId = params.get('consultation');
  const earlyWarningId = params.get('earlyWarning');
  const fromDesk = Boolean(consultationId || earlyWarningId);
  const [form] = Form.useForm<IntakeForm>();
  const [roster, setRoster] = useState<RosterState | null>(null);
  const [rosterProblems, setRosterProblems] = useState<RowProblem[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [newEmployerOpen, setNewEmployerOpen] = useState(false);
  const attemptKey = useRef<string | null>(null);
  const typed = Form.useWatch('claims', form) ?? [];
  const { claims: allClaims } = claimsOfIntake(typed, roster?.claims ?? []);
  const total = totalClaimed(allClaims);

  const upload = async (file: File) => {
    setRosterProblems([]);
    try {
      const checked = await checkRoster(file);
      setRoster({ fileName: file.name, ...checked });
    } catch (error) {
      setRoster(null);
      if (error instanceof ApiError && error.body.errors?.length) setRosterProblems(error.body.errors);
      else setRosterProblems([{ message: showApiErrors(null, error, m) ?? m.errors.server }]);
    }
  };

  const submit = async (values: IntakeForm) => {
    setBusy(true);
    setProblem(null);
    const { claims, rosterOffset } = claimsOfIntake(values.claims ?? [], roster?.claims ?? []);
    const employers = (values.employers ?? []).filter((row) => row.employerId).map((row) => ({ employerId: row.employerId!, role: row.role }));
    // one key per intake: a retry after a dropped connection opens nothing twice
    attemptKey.current ??= idempotencyKey();
    const headers = { 'Idempotency-Key': attemptKey.current };
    const fromDeskBody = { employers: employers.length ? employers : undefined, summary: values.summary || undefined, mediatorId: values.mediatorId, claims };
    try {
      const opened = consultationId
        ? await unwrap(api.POST('/consultations/{id}/case', { params: { path: { id: consultationId } }, body: fromDeskBody, headers }))
        : earlyWarningId
          ? await unwrap(api.POST('/early-warnings/{id}/case', { params: { path: { id: earlyWarningId } }, body: fromDeskBody, headers }))
          : await unwrap(
              api.POST('/cases', {
                body: {
                  organisationId: values.organisationId!,
                  intakeChannel: values.intakeChannel!,
                  intakeDate: values.intakeDate!,
                  summary: values.summary ?? '',
                  employers,
                  projectId: values.projectId,
                  lawyerId: values.lawyerId,
                  mediatorId: values.mediatorId,
                  claims,
                },
                headers,
              }),
            );
      attemptKey.current = null;
      queryClient.setQueryData(caseKey(opened.id), opened);
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      // the desk then shows the consultation or warning with its case
      void queryClient.invalidateQueries({ queryKey: ['desk'] });
      const warnings = 'warnings' in opened ? (opened as Schemas['CaseWithWarningsView']).warnings : [];
      for (const warning of warnings) void message.warning(m.intake.lawyerActedFor(warning.employerName), 8);
      void message.success(m.intake.created);
      void navigate(`/cases/${opened.id}`);
    } catch (error) {
      if (!(error instanceof NetworkError)) attemptKey.current = null;
      // a claim's problem belongs to a typed row (shown at its input) or to a roster row (shown by its line)
      const problems = error instanceof ApiError ? (error.body.errors ?? []) : [];
      const onRoster = problems.filter((p) => (claimIndexOf(p.field)?.index ?? -1) >= rosterOffset);
      setRosterProblems(
        onRoster.map((p) => {
          const { index, rest } = claimIndexOf(p.field)!;
          return { row: roster?.claims[index - rosterOffset]?.row, field: rest, message: p.message };
        }),
      );
      const rest = error instanceof ApiError ? new ApiError(error.status, { ...error.body, errors: problems.filter((p) => !onRoster.includes(p)) }) : error;
      const left = showApiErrors(form, rest, m);
      setProblem(onRoster.length > 0 && !left ? null : (left ?? (onRoster.length ? null : m.errors.server)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {m.intake.title}
      </Typography.Title>
      {consultationId && <Alert type="info" showIcon title={m.intake.fromConsultation} style={{ marginBottom: 12 }} />}
      {earlyWarningId && <Alert type="info" showIcon title={m.intake.fromWarning} style={{ marginBottom: 12 }} />}
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        initialValues={{
          organisationId: user?.organisationId,
          intakeChannel: 'walk_in',
          intakeDate: todayInShanghai(),
          lawyerId: user?.roles.includes('lawyer') ? user.id : undefined,
          employers: [{ role: 'employer' }],
          claims: [{}],
        }}
      >
        {!fromDesk && (
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="organisationId" label={m.intake.organisation} rules={[{ required: true, message: m.intake.organisation }]}>
                <OrganisationPicker />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="intakeChannel" label={m.intake.channel}>
                <Select options={CHANNELS.map((channel) => ({ value: channel, label: m.channel[channel] }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="intakeDate" label={m.intake.intakeDate}>
                <DateInput label={m.intake.intakeDate} max={todayInShanghai()} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="summary" label={m.intake.summary} rules={fromDesk ? [] : [{ required: true, message: m.intake.summary }]}>
          <Input.TextArea rows={2} />
        </Form.Item>

        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {m.intake.employers}
        </Typography.Title>
        <Form.List name="employers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'employerId']} label={m.intake.employer}>
                    <EmployerPicker />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} label={m.intake.role}>
                    <Select style={{ minWidth: 160 }} options={CHAIN_ROLES.map((role) => ({ value: role, label: m.chainRole[role] }))} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button icon={<DeleteOutlined />} aria-label={m.intake.remove} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
                  )}
                </Space>
              ))}
              <Space wrap style={{ marginBottom: 16 }}>
                <Button icon={<PlusOutlined />} onClick={() => add({ role: 'subcontractor' })}>
                  {m.intake.addEmployer}
                </Button>
                <Button onClick={() => setNewEmployerOpen(true)}>{m.intake.newEmployer}</Button>
              </Space>
            </>
          )}
        </Form.List>
        <NewEmployerDialog
          open={newEmployerOpen}
          onClose={() => setNewEmployerOpen(false)}
          onChosen={(employer) => {
            const rows = form.getFieldValue('employers') as IntakeForm['employers'];
            const empty = rows.findIndex((row) => !row.employerId);
            const next = empty >= 0 ? rows.map((row, i) => (i === empty ? { ...row, employerId: employer.id } : row)) : [...rows, { employerId: employer.id, role: 'employer' as const }];
            form.setFieldValue('employers', next);
            setNewEmployerOpen(false);
          }}
        />

        <Row gutter={16}>
          {!fromDesk && (
            <Col xs={24} md={8}>
              <Form.Item name="projectId" label={m.intake.project}>
                <ProjectPicker label={m.intake.project} />
              </Form.Item>
            </Col>
          )}
          {!fromDesk && (
            <Col xs={12} md={8}>
              <Form.Item name="lawyerId" label={m.intake.lawyer}>
                <PeoplePicker role="lawyer" label={m.intake.lawyer} />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={8}>
            <Form.Item name="mediatorId" label={m.intake.mediator}>
              <PeoplePicker role="mediator" label={m.intake.mediator} />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {m.intake.workers}
        </Typography.Title>
        <Form.List name="claims">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={8} align="top" role="group" aria-label={`${m.intake.workers} ${index + 1}`}>
                  <Col xs={24} sm={12} md={5}>
                    <Form.Item name={[field.name, 'worker', 'name']} label={m.intake.workerName}>
                      <Input autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} md={7}>
                    <Form.Item name={[field.name, 'worker', 'idNumber']} label={m.intake.idNumber}>
                      <Input autoComplete="off" maxLength={18} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item name={[field.name, 'worker', 'mobile']} label={m.intake.mobile}>
                      <Input autoComplete="off" inputMode="tel" maxLength={11} />
                    </Form.Item>
                  </Col>
                  <Col xs={9} md={5}>
                    <Form.Item name={[field.name, 'amountClaimed']} label={m.intake.amountClaimed}>
                      <Input inputMode="decimal" />
                    </Form.Item>
                  </Col>
                  <Col xs={3} md={2}>
                    <Button icon={<DeleteOutlined />} aria-label={`${m.intake.remove} ${index + 1}`} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                {m.intake.addWorker}
              </Button>
            </>
          )}
        </Form.List>

        <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
          <Upload
            accept={`.csv,.xlsx,${CSV_TYPE},${XLSX_TYPE}`}
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{m.intake.roster}</Button>
          </Upload>
          <Typography.Text type="secondary">{m.intake.rosterHelp}</Typography.Text>
          {roster && (
            <Alert
              type="success"
              showIcon
              title={m.intake.rosterRead(roster.claims.length, roster.claimedTotal, roster.fileName)}
              action={<Button size="small" onClick={() => setRoster(null)}>{m.intake.removeRoster}</Button>}
            />
          )}
          {rosterProblems.length > 0 && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={m.intake.rosterBad(rosterProblems.length)}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="roster-problems">
                  {rosterProblems.map((p, i) => (
                    <li key={i}>
                      {p.row !== undefined && <strong>{m.intake.rosterRow(p.row)}</strong>} {p.message}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </Space>

        {allClaims.length > MAX_CLAIMS && <Alert type="warning" showIcon title={m.intake.tooMany} style={{ marginBottom: 12 }} />}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={allClaims.length > MAX_CLAIMS}>
            {m.intake.submit}
          </Button>
          <span data-testid="intake-total">{total !== null && m.intake.total(allClaims.length, total)}</span>
        </div>
      </Form>
    </Card>
  );
}
