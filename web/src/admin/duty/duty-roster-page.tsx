import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Grid, Input, Select, Space, Spin, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError, unwrap } from '../../common/api/client';
import { showApiErrors } from '../../common/forms';
import { shanghaiDate } from '../../common/format/shanghai-day';
import { useMessagesWith } from '../../common/i18n/i18n';
import { dutyMessages } from './duty.messages';
import { useToast } from '../../common/layout/toast';
import { isWorkingDay, kindOf, type YearSchedule } from '../holidays/holiday-calendar';
import { useHolidayYear } from '../holidays/holiday-queries';
import { DutyCell } from './duty-cell';
import { cellsOf, daysOfMonth, isMonth, lawyersFor, linesOf, MonthCells, monthOf, problemsByCenter, sameCells, SentMonth, shiftMonth, weekdayOf, withDay } from './duty-grid';
import { Lawyer, Organisation, rosterKey, useLawyers, useMonthRosters, useOrganisations } from './duty-queries';
import { UnsavedChangesGuard } from './unsaved-changes';
import './duty-roster.css';

/**
 * The duty roster of a month: service centers down, days across (on a phone, one center with its days
 * down), lawyers picked into the cells, the month saved at once. The month is in the address.
 */
export default function DutyRosterPage() {
  const m = useMessagesWith({ adminDuty: dutyMessages }).adminDuty;
  const [params, setParams] = useSearchParams();
  const month = isMonth(params.get('month')) ? params.get('month')! : monthOf(shanghaiDate(new Date()));
  const choose = (next: string) => setParams((current) => ({ ...Object.fromEntries(current), month: next }));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {m.title}
        </Typography.Title>
        <MonthPicker month={month} onChange={choose} />
      </div>
      <Typography.Text type="secondary">{m.intro}</Typography.Text>
      {/* a month of its own: changing the month starts from that month's saved roster */}
      <MonthRoster key={month} month={month} />
    </div>
  );
}

function MonthPicker({ month, onChange }: { month: string; onChange(month: string): void }) {
  const m = useMessagesWith({ adminDuty: dutyMessages }).adminDuty;
  return (
    <Space.Compact>
      <Button icon={<LeftOutlined />} aria-label={m.previousMonth} onClick={() => onChange(shiftMonth(month, -1))} />
      <Input
        type="month"
        aria-label={m.month}
        value={month}
        onChange={(event) => isMonth(event.target.value) && onChange(event.target.value)}
        style={{ width: 150 }}
      />
      <Button icon={<RightOutlined />} aria-label={m.nextMonth} onClick={() => onChange(shiftMonth(month, 1))} />
    </Space.Compact>
  );
}

/** Problems the API found, by center and then by day ('' for a center's problem of no day). */
type Problems = Record<string, Record<string, string[]>>;

function MonthRoster({ month }: { month: string }) {
  const all = useMessagesWith({ adminDuty: dutyMessages });
  const m = all.adminDuty;
  const message = useToast();
  const queryClient = useQueryClient();
  const phone = !Grid.useBreakpoint().md;
  const organisations = useOrganisations();
  const lawyers = useLawyers();
  const holidays = useHolidayYear(Number(month.slice(0, 4)));
  // by name: the rows keep their places from month to month
  const centers = useMemo(
    () => (organisations.data ?? []).filter((organisation) => organisation.kind === 'service_center').sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    [organisations.data],
  );
  const rosters = useMonthRosters(
    centers.map((center) => center.id),
    month,
  );
  const [drafts, setDrafts] = useState<Record<string, MonthCells>>({});
  const [problems, setProblems] = useState<Problems>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saving = useRef(false);
  const [phoneCenter, setPhoneCenter] = useState<string | undefined>();

  const saved: Record<string, MonthCells> = Object.fromEntries(centers.map((center, i) => [center.id, cellsOf(rosters[i]?.data ?? [])]));
  const cellsOfCenter = (centerId: string) => drafts[centerId] ?? saved[centerId] ?? {};
  const changedCenters = centers.filter((center) => drafts[center.id] && !sameCells(drafts[center.id], saved[center.id] ?? {}));
  const names = new Map<string, string>();
  rosters.forEach((roster) => roster.data?.forEach((entry) => names.set(entry.lawyerId, entry.lawyerName)));
  lawyers.data?.forEach((lawyer) => names.set(lawyer.id, lawyer.displayName));
  const nameOf = (lawyerId: string) => names.get(lawyerId) ?? '?';
  const parents = new Map((organisations.data ?? []).map((organisation) => [organisation.id, organisation.parentId]));
  const offeredAt = (centerId: string) => lawyersFor(centerId, lawyers.data ?? [], (id) => parents.get(id) ?? null);

  const edit = (centerId: string, day: string, lawyerIds: string[]) => {
    setDrafts((current) => ({ ...current, [centerId]: withDay(current[centerId] ?? saved[centerId] ?? {}, day, lawyerIds) }));
    // the clash was about what the cell held: once changed, the next save says whether it is gone
    setProblems((current) => ({ ...current, [centerId]: { ...current[centerId], [day]: [] } }));
  };

  /**
   * Every changed center's month in one request, all or nothing: a lawyer moved from one center to
   * another on a day is no clash, and every problem comes back at its cell.
   */
  const save = async () => {
    if (saving.current) return;
    saving.current = true;
    setBusy(true);
    setGeneral(null);
    const sent: SentMonth[] = changedCenters.map((center) => ({ centerId: center.id, lines: linesOf(drafts[center.id]) }));
    try {
      const rosters = sent.map(({ centerId, lines }) => ({ organisationId: centerId, shifts: [...lines] }));
      const roster = await unwrap(api.PUT('/duty-shifts/months', { body: { month, rosters } }));
      for (const { centerId } of sent) {
        queryClient.setQueryData(
          rosterKey(centerId, month),
          roster.filter((entry) => entry.organisationId === centerId),
        );
      }
      setDrafts({});
      setProblems({});
      void message.success(m.saved);
    } catch (error) {
      const linesWrong = error instanceof ApiError && error.status < 500 && (error.body.errors?.length ?? 0) > 0;
      if (linesWrong) setProblems(problemsByCenter(sent, error.body.errors ?? [], nameOf));
      else setGeneral(showApiErrors(null, error, all));
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };

  const loadFailed = organisations.error ?? lawyers.error ?? rosters.find((roster) => roster.error)?.error;
  if (loadFailed) return <Alert type="error" showIcon role="alert" title={all.common.loadFailed} />;
  if (organisations.isPending || lawyers.isPending || rosters.some((roster) => roster.isPending)) return <Spin />;
  if (centers.length === 0) return <Alert type="info" showIcon title={m.noCenters} />;

  const clashes = Object.values(problems).flatMap((byDay) => Object.values(byDay).flat());
  const days = daysOfMonth(month);
  const schedule: YearSchedule = holidays.data ?? { daysOff: [], makeUpWorkdays: [] };
  const gridProps = { days, schedule, cellsOfCenter, offeredAt, nameOf, drafts, saved, problems, disabled: busy, onEdit: edit };
  const shownCenter = centers.find((center) => center.id === phoneCenter) ?? centers[0];
  return (
    <>
      <UnsavedChangesGuard dirty={changedCenters.length > 0} texts={{ title: m.leaveTitle, body: m.leaveBody, leave: m.leave, stay: m.stay }} />
      <div className="duty-toolbar">
        <Space wrap>
          <Button type="primary" onClick={() => void save()} loading={busy} disabled={changedCenters.length === 0}>
            {m.save}
          </Button>
          {changedCenters.length > 0 && (
            <>
              <span className="duty-unsaved" role="status">
                {m.unsaved(changedCenters.length)}
              </span>
              <Button onClick={() => { setDrafts({}); setProblems({}); }} disabled={busy}>
                {m.discard}
              </Button>
            </>
          )}
        </Space>
        <Legend />
      </div>
      {general && <Alert type="error" showIcon role="alert" title={general} />}
      {clashes.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={m.problems(clashes.length)}
          // a center's problem of no day has no cell to be shown at: it is said here
          description={centers.flatMap((center) => (problems[center.id]?.[''] ?? []).map((problem) => <div key={center.id + problem}>{center.name}：{problem}</div>))}
        />
      )}
      {phone ? (
        <>
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <label htmlFor="duty-center" style={{ whiteSpace: 'nowrap' }}>
              {m.center}
            </label>
            <Select
              id="duty-center"
              value={shownCenter.id}
              onChange={setPhoneCenter}
              options={centers.map((center) => ({ value: center.id, label: center.name }))}
              style={{ flex: 1, minWidth: 0 }}
            />
          </div>
          <CenterDays center={shownCenter} {...gridProps} />
        </>
      ) : (
        <MonthGrid centers={centers} {...gridProps} />
      )}
    </>
  );
}

interface GridProps {
  days: string[];
  schedule: YearSchedule;
  cellsOfCenter(centerId: string): MonthCells;
  offeredAt(centerId: string): Lawyer[];
  nameOf(lawyerId: string): string;
  drafts: Record<string, MonthCells>;
  saved: Record<string, MonthCells>;
  problems: Problems;
  disabled: boolean;
  onEdit(centerId: string, day: string, lawyerIds: string[]): void;
}

/** What a day is: its label, and whether it is a day off (shaded) or a make-up working day. */
function useDayInfo(schedule: YearSchedule) {
  const m = useMessagesWith({ adminDuty: dutyMessages }).adminDuty;
  return (day: string) => {
    const [, month, date] = day.split('-').map(Number);
    const weekday = m.weekdays[weekdayOf(day)];
    const kind = kindOf(schedule, day);
    return {
      date,
      weekday,
      label: m.dayLabel(month, date, weekday),
      off: !isWorkingDay(schedule, day),
      mark: kind === 'dayOff' ? m.dayOffMark : kind === 'makeUp' ? m.makeUpMark : null,
    };
  };
}

/** One center's day as a cell of the grid or of the phone's list. */
function Cell({ center, day, label, ...grid }: GridProps & { center: Organisation; day: string; label: string }) {
  const m = useMessagesWith({ adminDuty: dutyMessages }).adminDuty;
  const lawyerIds = grid.cellsOfCenter(center.id)[day] ?? [];
  const problems = grid.problems[center.id]?.[day] ?? [];
  const names = lawyerIds.map(grid.nameOf);
  const changed = !!grid.drafts[center.id] && !sameCells({ [day]: lawyerIds }, { [day]: grid.saved[center.id]?.[day] ?? [] });
  return (
    <DutyCell
      label={[m.cellLabel(center.name, label, names), changed ? m.changed : '', ...problems].filter(Boolean).join('；')}
      title={m.pick(center.name, label)}
      lawyerIds={lawyerIds}
      offered={grid.offeredAt(center.id)}
      nameOf={grid.nameOf}
      changed={changed}
      problems={problems}
      disabled={grid.disabled}
      onChange={(ids) => grid.onEdit(center.id, day, ids)}
    />
  );
}

/** The desk's view: every center a row, every day a column; the table scrolls sideways in its own box. */
function MonthGrid({ centers, ...grid }: GridProps & { centers: Organisation[] }) {
  const m = useMessagesWith({ adminDuty: dutyMessages }).adminDuty;
  const dayInfo = useDayInfo(grid.schedule);
  return (
    <div className="duty-scroll" role="region" aria-label={m.title} tabIndex={0}>
      <table className="duty-grid">
        <thead>
          <tr>
            <th scope="col" className="duty-center">
              {m.center}
            </th>
            {grid.days.map((day) => {
              const info = dayInfo(day);
              return (
                <th key={day} scope="col" className={info.off ? 'is-off' : undefined} aria-label={info.label}>
                  <span className="duty-date">{info.date}</span>
                  <span className="duty-weekday">
                    {info.weekday}
                    {info.mark && <span className="duty-mark">{info.mark}</span>}
                  </span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {centers.map((center) => (
            <tr key={center.id}>
              <th scope="row" className="duty-center">
                {center.name}
              </th>
              {grid.days.map((day) => (
                <td key={day} className={dayInfo(day).off ? 'is-off' : undefined}>
                  <Cell center={center} day={day} label={dayInfo(day).label} {...grid} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The phone's view: one center, its days down. */
function CenterDays({ center, ...grid }: GridProps & { center: Organisation }) {
  const m = useMessagesWith({ adminDuty: dutyMessages }).adminDuty;
  const dayInfo = useDayInfo(grid.schedule);
  return (
    <table className="duty-days">
      <caption className="duty-caption">{center.name}</caption>
      <thead>
        <tr>
          <th scope="col">{m.date}</th>
          <th scope="col">{m.title}</th>
        </tr>
      </thead>
      <tbody>
        {grid.days.map((day) => {
          const info = dayInfo(day);
          return (
            <tr key={day} className={info.off ? 'is-off' : undefined}>
              <th scope="row">
                {info.label}
                {info.mark && <span className="duty-mark">{info.mark}</span>}
              </th>
              <td>
                <Cell center={center} day={day} label={info.label} {...grid} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Legend() {
  const m = useMessagesWith({ adminDuty: dutyMessages }).adminDuty;
  return (
    <ul className="duty-legend">
      <li>
        <span className="duty-swatch is-off" />
        {m.legend.dayOff}
      </li>
      <li>
        <span className="duty-mark">{m.makeUpMark}</span>
        {m.legend.makeUp}
      </li>
      <li>
        <span className="duty-swatch is-changed" />
        {m.legend.changed}
      </li>
      <li>
        <span className="duty-swatch has-clash" />
        {m.legend.clash}
      </li>
    </ul>
  );
}
