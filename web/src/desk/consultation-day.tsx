import { Alert, Button, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../common/api/use-session';
import { EmptyText } from '../common/format/labels';
import { useMessagesWith } from '../common/i18n/i18n';
import { deskMessages } from './desk.messages';
import { useConsultationDay } from './desk-queries';

const SECONDARY = { color: 'rgba(0, 0, 0, 0.65)', fontSize: 13 };
// antd's orange tag fails WCAG AA contrast (axe): the same hue, its text darkened
const FOLLOW_UP_TAG = { marginInlineEnd: 0, color: '#873800', background: '#fff7e6', borderColor: '#ffd591' };

/** My consultations of today with the API's counts; each one can become a case in one step. */
export function ConsultationDay() {
  const m = useMessagesWith({ desk: deskMessages });
  const navigate = useNavigate();
  const { user } = useSession();
  const day = useConsultationDay();
  const mayOpen = user?.permissions.includes('cases.open') ?? false;
  if (day.isPending) return <EmptyText>{m.common.loading}</EmptyText>;
  if (day.error) return <Alert type="error" showIcon role="alert" title={m.common.loadFailed} />;
  const { counts, items } = day.data;
  const topics = Object.entries(counts.byTopic);

  return (
    <>
      <div role="group" aria-label={m.desk.day.counts}>
        <dl style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 24px', margin: '0 0 12px' }}>
          {(
            [
              ['total', m.desk.day.total, counts.total],
              ['followUp', m.desk.day.followUp, counts.followUpNeeded],
              ['openedCases', m.desk.day.openedCases, counts.openedCases],
            ] as const
          ).map(([key, label, count]) => (
            <div key={key}>
              <dt style={SECONDARY}>{label}</dt>
              <dd style={{ margin: 0, fontSize: 22 }} data-count={key}>
                {count}
              </dd>
            </div>
          ))}
          {topics.length > 0 && (
            <div style={{ minWidth: 0 }}>
              <dt style={SECONDARY}>{m.desk.day.byTopic}</dt>
              <dd style={{ margin: '4px 0 0', display: 'flex', flexWrap: 'wrap', gap: 4 }} data-count="byTopic">
                {topics.map(([topic, count]) => (
                  <Tag key={topic} style={{ marginInlineEnd: 0 }}>
                    {m.desk.topic[topic] ?? topic} {count}
                  </Tag>
                ))}
              </dd>
            </div>
          )}
        </dl>
      </div>
      {items.length === 0 ? (
        <EmptyText>{m.desk.day.empty}</EmptyText>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={m.desk.day.title}>
          {items
            .slice()
            .reverse()
            .map((consultation) => {
              const time = consultation.consultedAt.slice(11, 16);
              const who = consultation.workerName ?? m.desk.day.anonymous;
              const summaryId = `consultation-${consultation.id}`;
              return (
                <li
                  key={consultation.id}
                  data-testid="consultation"
                  style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', padding: '10px 0', borderTop: '1px solid #f0f0f0' }}
                >
                  <div id={summaryId} style={{ flex: '1 1 240px', minWidth: 0 }}>
                    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 8px', alignItems: 'center' }}>
                      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{time}</span>
                      <strong>{who}</strong>
                      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                        {m.desk.topic[consultation.topic] ?? consultation.topic}
                      </Tag>
                      <span style={SECONDARY}>
                        {m.desk.channel[consultation.channel] ?? consultation.channel} · {m.desk.day.minutes(consultation.durationMinutes)}
                      </span>
                      {consultation.followUpNeeded && (
                        <Tag style={FOLLOW_UP_TAG}>
                          {m.desk.day.followUp}
                        </Tag>
                      )}
                    </div>
                    {consultation.employerName && <div style={{ overflowWrap: 'anywhere' }}>{consultation.employerName}</div>}
                    <div style={{ ...SECONDARY, overflowWrap: 'anywhere' }}>{consultation.advice}</div>
                  </div>
                  {consultation.caseId ? (
                    <Link to={`/cases/${consultation.caseId}`} aria-describedby={summaryId}>
                      {m.desk.day.viewCase}
                    </Link>
                  ) : (
                    mayOpen && (
                      <Button aria-describedby={summaryId} onClick={() => void navigate(`/cases/new?consultation=${consultation.id}`)}>
                        {m.desk.day.openCase}
                      </Button>
                    )
                  )}
                </li>
              );
            })}
        </ul>
      )}
    </>
  );
}
