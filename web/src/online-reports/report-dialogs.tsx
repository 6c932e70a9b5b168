import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Form, Input, List, Modal, Radio, Row, Select, Space, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, idempotencyKey, NetworkError, Schemas, unwrap } from '../common/api/client';
import { useSession } from '../common/api/use-session';
import { showApiErrors } from '../common/forms';
import { ColourTag, StatusTag } from '../common/format/labels';
import { useMessagesWith } from '../common/i18n/i18n';
import { useToast } from '../common/layout/toast';
import { formatYuan } from '../common/money';
import { NewEmployerDialog } from '../cases/new-employer-dialog';
import { EmployerPicker, OrganisationPicker, PeoplePicker, ProjectPicker } from '../cases/pickers';
import { caseKey } from '../cases/use-case';
import { onlineReportsMessages } from './online-reports.messages';
import { defaultOrganisation, QUEUE_KEY, reportKey } from './queue';

type Detail = Schemas['WorkerReportDetailView'];
interface DialogProps {
  report: Detail;
  onClose(): void;
}

function useTexts() {
  return useMessagesWith({ onlineReports: onlineReportsMessages });
}

/**
 * What every way of handling a report shares: the queue and the report refreshed after it, and a report
 * someone else took meanwhile (409 REPORT_ALREADY_HANDLED) said as such, the dialog closed, the drawer
 * then showing who took it and how.
 */
function useHandling(report: Detail, onClose: () => void) {
  const m = useTexts();
  const queryClient = useQueryClient();
  const message = useToast();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: QUEUE_KEY }), queryClient.invalidateQueries({ queryKey: reportKey(report.id) })]);
  /** True when the error was a report handled by someone else (and it has been dealt with). */
  const takenMeanwhile = (error: unknown) => {
    if (!(error instanceof ApiError) || error.body.code !== 'REPORT_ALREADY_HANDLED') return false;
    void message.warning(m.onlineReports.alreadyHandled, 6);
    void refresh();
    onClose();
    return true;
  };
  return { refresh, takenMeanwhile, message, queryClient };
}

interface AcceptForm {
  organisationId?: string;
  employers: { employerId?: string; role: Schemas['EmployerRole'] }[];
  projectId?: string;
  lawyerId?: string;
  mediatorId?: string;
  summary?: string;
}

/**
 * 立案: a new case from the report. The employer he typed is free text: the clerk picks the employer from
 * the register (those of similar names offered first), or registers it on the spot; his claim, period and
 * photos are carried over by the API. Then on to the new case.
 */
export function AcceptDialog({ report, onClose }: DialogProps) {
  const m = useTexts();
  const t = m.onlineReports;
  const { user } = useSession();
  const navigate = useNavigate();
  const { refresh, takenMeanwhile, message, queryClient } = useHandling(report, onClose);
  const [form] = Form.useForm<AcceptForm>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [newEmployerOpen, setNewEmployerOpen] = useState(false);
  const attemptKey = useRef<string | null>(null);
  // the same query as the organisation picker's: one request for both
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: () => unwrap(api.GET('/organisations')), staleTime: 5 * 60_000 });
  const similar = useQuery({
    queryKey: ['employers-similar', report.employerName],
    queryFn: () => unwrap(api.GET('/employers/similar', { params: { query: { name: report.employerName } } })),
  });
  const chosenEmployer = Form.useWatch(['employers', 0, 'employerId'], form);
  const scopeIds = (organisations.data ?? []).map((organisation) => organisation.id);
  const outside = organisations.isSuccess && !scopeIds.includes(report.organisation.id);
  const chooseEmployer = (id: string) => form.setFields([{ name: ['employers', 0, 'employerId'], value: id, errors: [] }]);

  const submit = async (values: AcceptForm) => {
    setBusy(true);
    setProblem(null);
    // one key per attempt: a retry after a dropped connection opens no second case
    attemptKey.current ??= idempotencyKey();
    try {
      const opened = await unwrap(
        api.POST('/worker-reports/{id}/case', {
          params: { path: { id: report.id } },
          body: {
            organisationId: values.organisationId!,
            employers: values.employers.filter((row) => row.employerId).map((row) => ({ employerId: row.employerId!, role: row.role })),
            summary: values.summary?.trim() || undefined,
            projectId: values.projectId,
            lawyerId: values.lawyerId,
            mediatorId: values.mediatorId,
          },
          headers: { 'Idempotency-Key': attemptKey.current },
        }),
      );
      attemptKey.current = null;
      queryClient.setQueryData(caseKey(opened.id), opened);
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void refresh();
      void message.success(t.accepted(opened.caseNumber));
      void navigate(`/cases/${opened.id}`);
    } catch (error) {
      if (!(error instanceof NetworkError)) attemptKey.current = null;
      if (takenMeanwhile(error)) return;
      setProblem(showApiErrors(form, error, m, ['organisationId', 'employers', 'projectId', 'lawyerId', 'mediatorId', 'summary']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t.acceptTitle(report.workerName)}
      okText={t.accept}
      cancelText={m.common.cancel}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: !organisations.isSuccess }}
      confirmLoading={busy}
      onCancel={onClose}
      width={680}
      destroyOnHidden
    >
      <Typography.Paragraph>{t.acceptIntro(formatYuan(report.amountOwed), t.periodText(report.periodStart, report.periodEnd), report.photos.length)}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      {organisations.isError && <Alert type="error" showIcon role="alert" title={showApiErrors(null, organisations.error, m) ?? m.common.loadFailed} />}
      {organisations.isPending && <Spin />}
      {organisations.isSuccess && (
        <Form<AcceptForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          disabled={busy}
          initialValues={{ organisationId: defaultOrganisation(report.organisation.id, scopeIds, user?.organisationId), employers: [{ role: 'employer' }] }}
        >
          <Form.Item name="organisationId" label={m.intake.organisation} rules={[{ required: true, message: m.intake.organisation }]} extra={outside ? t.organisationOutside(report.organisation.name) : undefined}>
            <OrganisationPicker />
          </Form.Item>
          <section aria-label={t.registeredEmployer} style={{ marginBottom: 12 }}>
            <Typography.Paragraph strong style={{ marginBottom: 4 }}>
              {t.typedEmployer(report.employerName)}
            </Typography.Paragraph>
            {similar.isSuccess && similar.data.length === 0 && <Typography.Paragraph type="secondary">{t.noSimilar}</Typography.Paragraph>}
            {similar.isSuccess && similar.data.length > 0 && (
              <List
                size="small"
                bordered
                header={t.similarEmployers}
                dataSource={similar.data}
                style={{ marginBottom: 12 }}
                renderItem={(employer) => (
                  <List.Item
                    actions={[
                      chosenEmployer === employer.id ? (
                        <ColourTag key="chosen" colour="green">
                          {t.chosen}
                        </ColourTag>
                      ) : (
                        <Button key="use" size="small" aria-label={`${t.useThis}：${employer.name}`} onClick={() => chooseEmployer(employer.id)}>
                          {t.useThis}
                        </Button>
                      ),
                    ]}
                  >
                    <span style={{ overflowWrap: 'anywhere' }}>
                      {employer.name} <span className="report-muted">{employer.creditCode ?? ''}</span>
                    </span>
                  </List.Item>
                )}
              />
            )}
            <Space wrap align="start">
              <Form.Item name={['employers', 0, 'employerId']} label={t.registeredEmployer} rules={[{ required: true, message: t.chooseEmployer }]} style={{ marginBottom: 8 }}>
                <EmployerPicker />
              </Form.Item>
              <Form.Item name={['employers', 0, 'role']} label={m.intake.role} style={{ marginBottom: 8 }}>
                <Select aria-label={m.intake.role} style={{ minWidth: 160 }} options={Object.entries(m.chainRole).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Space>
            <div>
              <Button onClick={() => setNewEmployerOpen(true)}>{m.intake.newEmployer}</Button>
            </div>
          </section>
          <Form.Item name="projectId" label={m.intake.project} extra={report.projectName ? t.typedProject(report.projectName) : undefined}>
            <ProjectPicker label={m.intake.project} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="lawyerId" label={m.intake.lawyer}>
                <PeoplePicker role="lawyer" label={m.intake.lawyer} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="mediatorId" label={m.intake.mediator}>
                <PeoplePicker role="mediator" label={m.intake.mediator} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="summary" label={m.intake.summary}>
            <Input.TextArea rows={2} maxLength={2000} placeholder={t.summaryPlaceholder} />
          </Form.Item>
        </Form>
      )}
      <NewEmployerDialog
        open={newEmployerOpen}
        initialName={report.employerName}
        onClose={() => setNewEmployerOpen(false)}
        onChosen={(employer) => {
          chooseEmployer(employer.id);
          setNewEmployerOpen(false);
        }}
      />
    </Modal>
  );
}

/**
 * 并入已有案件: workers of one employer or project reporting one by one go into the open case. The open
 * cases of the employer he named are offered first (the case list's search); the clerk may search by
 * case number or another name.
 */
export function JoinDialog({ report, onClose }: DialogProps) {
  const m = useTexts();
  const t = m.onlineReports;
  const { refresh, takenMeanwhile, message } = useHandling(report, onClose);
  const [q, setQ] = useState(report.employerName);
  const [chosen, setChosen] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const cases = useQuery({
    queryKey: ['cases', 'open', q],
    queryFn: () => unwrap(api.GET('/cases', { params: { query: { q: q.trim() || undefined, open: true, pageSize: 20 } } })),
  });
  const found = cases.isError ? [] : (cases.data?.items ?? []);

  const join = async () => {
    if (!chosen) return setProblem(t.chooseCase);
    setBusy(true);
    setProblem(null);
    try {
      const joined = await unwrap(api.POST('/worker-reports/{id}/join', { params: { path: { id: report.id } }, body: { caseId: chosen } }));
      await refresh();
      void message.success(t.joined(joined.case?.caseNumber ?? ''));
      onClose();
    } catch (error) {
      if (takenMeanwhile(error)) return;
      setProblem(showApiErrors(null, error, m));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t.joinTitle(report.workerName)}
      okText={t.joinSubmit}
      cancelText={m.common.cancel}
      onOk={() => void join()}
      okButtonProps={{ disabled: !chosen }}
      confirmLoading={busy}
      onCancel={onClose}
      width={680}
      destroyOnHidden
    >
      <Typography.Paragraph>{t.joinIntro}</Typography.Paragraph>
      <Input.Search
        aria-label={t.searchCases}
        placeholder={t.searchCases}
        defaultValue={q}
        allowClear
        enterButton={m.common.search}
        onSearch={(text) => {
          setChosen(null);
          setQ(text.trim());
        }}
        style={{ marginBottom: 12 }}
      />
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      {/* a search the server refuses (too broad) says why, in its words */}
      {cases.isError && <Alert type="warning" showIcon role="alert" title={showApiErrors(null, cases.error, m) ?? m.common.loadFailed} style={{ marginBottom: 12 }} />}
      {cases.isFetching && <Spin />}
      {cases.isSuccess && found.length === 0 && <Typography.Paragraph type="secondary">{t.noCases}</Typography.Paragraph>}
      {found.length > 0 && (
        <Radio.Group aria-label={t.casesFound} value={chosen} onChange={(event) => setChosen(event.target.value as string)} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {found.map((item) => (
            <Radio key={item.id} value={item.id} style={{ alignItems: 'flex-start' }}>
              <span style={{ overflowWrap: 'anywhere' }}>
                <strong>{item.caseNumber}</strong> <StatusTag status={item.status} /> {item.employerNames ?? '—'}
                <span className="report-muted" style={{ display: 'block' }}>
                  {item.organisation.name} · {t.caseLine(item.totals.workers, formatYuan(item.totals.outstanding))}
                </span>
              </span>
            </Radio>
          ))}
        </Radio.Group>
      )}
    </Modal>
  );
}

/** 不予受理: with a reason the worker reads when he looks his report up, in words he understands. */
export function DeclineDialog({ report, onClose }: DialogProps) {
  const m = useTexts();
  const t = m.onlineReports;
  const { refresh, takenMeanwhile, message } = useHandling(report, onClose);
  const [form] = Form.useForm<{ reason: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(api.POST('/worker-reports/{id}/decline', { params: { path: { id: report.id } }, body: { reason: reason.trim() } }));
      await refresh();
      void message.success(t.declined);
      onClose();
    } catch (error) {
      if (takenMeanwhile(error)) return;
      setProblem(showApiErrors(form, error, m, ['reason']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t.declineTitle(report.workerName)}
      okText={t.decline}
      okButtonProps={{ danger: true }}
      cancelText={m.common.cancel}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t.declineIntro} style={{ marginBottom: 12 }} />
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item
          name="reason"
          label={t.reason}
          rules={[{ validator: (_, value?: string) => ((value ?? '').trim().length >= 2 ? Promise.resolve() : Promise.reject(new Error(t.reasonTooShort))) }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t.reasonHint} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
