import { Alert, Card, Col, Row, Select, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useSession } from '../common/api/use-session';
import { EmptyText } from '../common/format/labels';
import { useMessagesWith } from '../common/i18n/i18n';
import { deskMessages } from './desk.messages';
import { ConsultationDay } from './consultation-day';
import { ConsultationForm } from './consultation-form';
import { shanghaiToday, useRoster, useServiceCenter } from './desk-queries';
import { VisitForm } from './visit-form';
import { WarningList } from './warning-list';

/** The on-duty lawyer's home: who is on duty, consultations of the day, outreach visits and their warnings. */
export default function DeskPage() {
  const m = useMessagesWith({ desk: deskMessages });
  const { user } = useSession();
  const center = useServiceCenter();
  const organisationId = center.current?.id;
  // the forms are for those who may log (the lawyers); anyone else who opens the page sees the lists
  const mayLog = user?.permissions.includes('desk.log') ?? false;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 16px', alignItems: 'center', justifyContent: 'space-between' }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 12px', alignItems: 'baseline' }}>
            <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
              {m.desk.title}
            </Typography.Title>
            <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{m.desk.today(shanghaiToday())}</span>
          </div>
          {center.centers.length > 1 ? (
            <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0, maxWidth: '100%' }}>
              <label htmlFor="desk-center" style={{ whiteSpace: 'nowrap' }}>
                {m.desk.center}
              </label>
              <Select
                id="desk-center"
                value={organisationId}
                onChange={center.choose}
                showSearch={{ optionFilterProp: 'label' }}
                options={center.centers.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
                style={{ width: 300, maxWidth: 'calc(100vw - 120px)' }}
              />
            </div>
          ) : (
            center.current && (
              <span>
                {m.desk.center}：{center.current.name}
              </span>
            )
          )}
        </div>
        <OnDuty organisationId={organisationId} />
      </Card>
      <Row gutter={[16, 16]}>
        {mayLog && (
          <Col xs={24} xl={12}>
            <Section id="desk-consultation" title={m.desk.consultation.title}>
              <ConsultationForm organisationId={organisationId} />
            </Section>
          </Col>
        )}
        <Col xs={24} xl={mayLog ? 12 : 24}>
          <Section id="desk-day" title={m.desk.day.title}>
            <ConsultationDay />
          </Section>
        </Col>
        {mayLog && (
          <Col xs={24} xl={12}>
            <Section id="desk-visit" title={m.desk.visit.title}>
              <VisitForm organisationId={organisationId} />
            </Section>
          </Col>
        )}
        <Col xs={24} xl={mayLog ? 12 : 24}>
          <Section id="desk-warnings" title={m.desk.warnings.title}>
            <WarningList />
          </Section>
        </Col>
      </Row>
    </div>
  );
}

/** A card that is a named region of the page, its title a heading (for screen readers' heading list). */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card
      title={
        <h2 id={id} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>
          {title}
        </h2>
      }
      role="region"
      aria-labelledby={id}
      style={{ height: '100%' }}
    >
      {children}
    </Card>
  );
}

/** Who is on duty today at the service center, with a phone number to reach them; me marked. */
function OnDuty({ organisationId }: { organisationId: string | undefined }) {
  const m = useMessagesWith({ desk: deskMessages });
  const { user } = useSession();
  const roster = useRoster(organisationId);
  const shifts = roster.data ?? [];
  const onDutyHere = shifts.some((shift) => shift.lawyerId === user?.id);
  return (
    <section aria-labelledby="desk-duty" style={{ marginTop: 12 }}>
      <h2 id="desk-duty" style={{ fontSize: 14, margin: '0 0 6px', fontWeight: 600 }}>
        {m.desk.duty.title}
      </h2>
      {roster.error && <Alert type="error" showIcon role="alert" title={m.common.loadFailed} />}
      {roster.isSuccess && shifts.length === 0 && <EmptyText>{m.desk.duty.none}</EmptyText>}
      {shifts.length > 0 && (
        <ul data-testid="on-duty" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: '6px 20px' }}>
          {shifts.map((shift) => (
            <li key={shift.id}>
              <strong>{shift.lawyerName}</strong>
              {shift.lawyerId === user?.id && (
                <Tag color="blue" style={{ marginInlineStart: 6 }}>
                  {m.desk.duty.me}
                </Tag>
              )}
              {shift.phone && (
                <a href={`tel:${shift.phone}`} aria-label={m.desk.duty.call(shift.lawyerName, shift.phone)} style={{ marginInlineStart: 6 }}>
                  {shift.phone}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {roster.isSuccess && !onDutyHere && (
        <div style={{ marginTop: 4 }}>
          <EmptyText>{m.desk.duty.notMe}</EmptyText>
        </div>
      )}
    </section>
  );
}
