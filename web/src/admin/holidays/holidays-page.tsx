import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError, Schemas, unwrap } from '../../common/api/client';
import { showApiErrors } from '../../common/forms';
import { shanghaiDate } from '../../common/format/shanghai-day';
import { useMessagesWith } from '../../common/i18n/i18n';
import { holidaysMessages } from './holidays.messages';
import { useToast } from '../../common/layout/toast';
import { weekdayOf } from '../duty/duty-grid';
import { UnsavedChangesGuard } from '../duty/unsaved-changes';
import { cycled, DayKind, isWeekend, kindOf, noticeOf, weeksOf, YearSchedule } from './holiday-calendar';
import { holidayYearKey, useHolidayYear } from './holiday-queries';
import './holidays.css';

/** The package's own data, as the API names its source. */
const PACKAGE_SOURCE = 'chinese-days';

/**
 * Each year's days off and make-up working days on a wall calendar, saved as a whole year. A banner
 * says so while the coming year's schedule is not entered (the legal clocks then only guess it).
 */
export default function HolidaysPage() {
  const m = useMessagesWith({ adminHolidays: holidaysMessages }).adminHolidays;
  const [params, setParams] = useSearchParams();
  const comingYear = Number(shanghaiDate(new Date()).slice(0, 4)) + 1;
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : comingYear;
  const choose = (next: number) => setParams((current) => ({ ...Object.fromEntries(current), year: String(next) }));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {m.title}
        </Typography.Title>
        <Space.Compact>
          <Button icon={<LeftOutlined />} aria-label={m.previousYear} onClick={() => choose(year - 1)} />
          <span className="holiday-year" aria-live="polite">
            {year}
          </span>
          <Button icon={<RightOutlined />} aria-label={m.nextYear} onClick={() => choose(year + 1)} />
        </Space.Compact>
      </div>
      <ComingYearBanner comingYear={comingYear} shownYear={year} />
      <Typography.Text type="secondary">{m.intro}</Typography.Text>
      {/* a year of its own: another year starts from that year's saved schedule */}
      <YearEditor key={year} year={year} />
    </div>
  );
}

/** The coming year not announced: periods that end in it are only estimated until it is entered. */
function ComingYearBanner({ comingYear, shownYear }: { comingYear: number; shownYear: number }) {
  const m = useMessagesWith({ adminHolidays: holidaysMessages }).adminHolidays;
  const coming = useHolidayYear(comingYear);
  if (!coming.data || (coming.data.covered && !coming.data.provisional)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="holidays-missing"
      title={m.missingBanner(comingYear)}
      description={m.missingBody(comingYear)}
      action={shownYear !== comingYear && <Link to={`?year=${comingYear}`}>{m.enterYear(comingYear)}</Link>}
    />
  );
}

function statusOf(view: Schemas['HolidayYearView'], m: typeof holidaysMessages.zh): string {
  if (!view.covered) return m.status.missing;
  if (view.provisional) return m.status.provisional;
  if (view.source === PACKAGE_SOURCE || !view.source) return m.status.package;
  return m.status.entered(view.source);
}

function YearEditor({ year }: { year: number }) {
  const all = useMessagesWith({ adminHolidays: holidaysMessages });
  const m = all.adminHolidays;
  const message = useToast();
  const queryClient = useQueryClient();
  const saved = useHolidayYear(year);
  const [draft, setDraft] = useState<YearSchedule | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sourceProblem, setSourceProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saving = useRef(false);

  if (saved.error) return <Alert type="error" showIcon role="alert" title={all.common.loadFailed} />;
  if (!saved.data) return <Spin />;
  const view = saved.data;
  // an administrator's own entry keeps its source; otherwise the State Council's notice is what is entered
  const enteredSource = view.covered && !view.provisional && view.source && view.source !== PACKAGE_SOURCE ? view.source : noticeOf(year);
  const schedule = draft ?? view;
  const sourceText = source ?? enteredSource;
  const dirty = draft !== null || source !== null;

  const save = async () => {
    if (saving.current) return;
    saving.current = true;
    setBusy(true);
    setProblem(null);
    setSourceProblem(null);
    const body = { source: sourceText, daysOff: [...schedule.daysOff], makeUpWorkdays: [...schedule.makeUpWorkdays] };
    try {
      await unwrap(api.PUT('/holidays/{year}', { params: { path: { year } }, body }));
      await queryClient.invalidateQueries({ queryKey: holidayYearKey(year) });
      setDraft(null);
      setSource(null);
      void message.success(m.saved);
    } catch (error) {
      setSourceProblem(error instanceof ApiError ? (error.body.errors?.find((each) => each.field === 'source')?.message ?? null) : null);
      setProblem(dayProblems(error, body) ?? showApiErrors(null, error, all, ['source']));
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };

  /** A refused day, said with its date rather than its place in the list sent. */
  const dayProblems = (error: unknown, body: { daysOff: string[]; makeUpWorkdays: string[] }): string | null => {
    if (!(error instanceof ApiError)) return null;
    const days = (error.body.errors ?? []).flatMap((each) => {
      const [list, index] = (each.field ?? '').split('.');
      const day = list === 'daysOff' ? body.daysOff[Number(index)] : list === 'makeUpWorkdays' ? body.makeUpWorkdays[Number(index)] : undefined;
      return day ? [m.dayProblem(day, each.message)] : [];
    });
    return days.length > 0 ? days.join('；') : null;
  };

  return (
    <>
      <UnsavedChangesGuard dirty={dirty} texts={{ title: m.leaveTitle, body: m.leaveBody, leave: m.leave, stay: m.stay }} />
      <Alert type={view.covered && !view.provisional ? 'info' : 'warning'} title={statusOf(view, m)} data-testid="holidays-status" />
      <div className="holiday-toolbar">
        <Form.Item
          label={m.source}
          htmlFor="holiday-source"
          validateStatus={sourceProblem ? 'error' : undefined}
          help={sourceProblem ?? m.sourceHelp}
          style={{ marginBottom: 0, flex: '1 1 320px', minWidth: 0 }}
          layout="vertical"
        >
          <Input id="holiday-source" value={sourceText} onChange={(event) => setSource(event.target.value)} maxLength={300} />
        </Form.Item>
        <Space wrap>
          <span className="holiday-counts">{m.counts(schedule.daysOff.length, schedule.makeUpWorkdays.length)}</span>
          <Button type="primary" loading={busy} onClick={() => void save()} disabled={!dirty && view.covered && !view.provisional}>
            {m.save(year)}
          </Button>
          {dirty && (
            <Button onClick={() => { setDraft(null); setSource(null); setProblem(null); setSourceProblem(null); }} disabled={busy}>
              {m.discard}
            </Button>
          )}
        </Space>
      </div>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <Legend />
      <div className="holiday-months">
        {Array.from({ length: 12 }, (_, i) => (
          <MonthCalendar key={i} year={year} month={i + 1} schedule={schedule} disabled={busy} onCycle={(day) => setDraft(cycled(schedule, day))} />
        ))}
      </div>
    </>
  );
}

function MonthCalendar({ year, month, schedule, disabled, onCycle }: { year: number; month: number; schedule: YearSchedule; disabled: boolean; onCycle(day: string): void }) {
  const m = useMessagesWith({ adminHolidays: holidaysMessages }).adminHolidays;
  const captionId = `holiday-month-${month}`;
  return (
    <table className="holiday-month" aria-labelledby={captionId}>
      <caption id={captionId}>{m.monthName(month)}</caption>
      <thead>
        <tr>
          {m.weekHeader.map((weekday, i) => (
            <th key={i} scope="col" className={i >= 5 ? 'is-weekend' : undefined}>
              {weekday}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeksOf(year, month).map((week, i) => (
          <tr key={i}>
            {week.map((day, j) => (
              <td key={j}>{day && <DayButton day={day} kind={kindOf(schedule, day)} disabled={disabled} onClick={() => onCycle(day)} />}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayButton({ day, kind, disabled, onClick }: { day: string; kind: DayKind; disabled: boolean; onClick(): void }) {
  const m = useMessagesWith({ adminHolidays: holidaysMessages }).adminHolidays;
  const weekend = isWeekend(day);
  const kindText = kind === 'dayOff' ? m.kinds.dayOff : kind === 'makeUp' ? m.kinds.makeUp : weekend ? m.kinds.weekend : m.kinds.working;
  const mark = kind === 'dayOff' ? '休' : kind === 'makeUp' ? '班' : null;
  return (
    <button
      type="button"
      className={`holiday-day is-${kind}${weekend ? ' is-weekend' : ''}`}
      aria-label={m.dayLabel(day, m.weekdays[weekdayOf(day)], kindText)}
      disabled={disabled}
      onClick={onClick}
    >
      {Number(day.slice(8))}
      {mark && <span aria-hidden="true">{mark}</span>}
    </button>
  );
}

function Legend() {
  const m = useMessagesWith({ adminHolidays: holidaysMessages }).adminHolidays;
  return (
    <ul className="holiday-legend">
      <li>
        <span className="holiday-day is-ordinary">1</span>
        {m.kinds.working}
      </li>
      <li>
        <span className="holiday-day is-ordinary is-weekend">2</span>
        {m.kinds.weekend}
      </li>
      <li>
        <span className="holiday-day is-dayOff">3<span>休</span></span>
        {m.kinds.dayOff}
      </li>
      <li>
        <span className="holiday-day is-makeUp is-weekend">4<span>班</span></span>
        {m.kinds.makeUp}
      </li>
    </ul>
  );
}
