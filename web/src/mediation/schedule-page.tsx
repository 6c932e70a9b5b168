import { useQuery } from '@tanstack/react-query';
import { Button, Toast } from 'antd-mobile';
import { FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, Schemas, unwrap } from '../common/api/client';
import { useMessagesWith } from '../common/i18n/i18n';
import { mediationMessages } from './mediation.messages';
import { formProblems, FormProblems } from './api-errors';
import { addDays, addMinutes, shanghaiDate, shanghaiTimestamp } from './dates';
import { FormAlert, SelectField, TextField, useIdempotencyKey } from './fields';
import { LoadFailed, Loading, PhoneScreen } from './frame';
import { keys, useCaseChanged, useTheCase } from './queries';

const OTHER_PLACE = 'other';
const FIELDS = ['startsAt', 'endsAt', 'roomId', 'place'];

/**
 * Booking a session: a day, from and to, a room of the union (or another place). A room or a mediator
 * already booked then is refused by the server, with the case and time it clashes with.
 */
export default function SchedulePage() {
  const { caseId = '' } = useParams();
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.schedule;
  const navigate = useNavigate();
  const changed = useCaseChanged();
  const keyFor = useIdempotencyKey();
  const theCase = useTheCase(caseId);
  const rooms = useQuery({ queryKey: keys.rooms, queryFn: () => unwrap(api.GET('/mediation-rooms')) });
  const today = shanghaiDate(new Date());
  const [day, setDay] = useState(addDays(today, 1));
  const [from, setFrom] = useState('09:30');
  const [to, setTo] = useState('11:30');
  const [room, setRoom] = useState('');
  const [place, setPlace] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FormProblems | null>(null);
  const backTo = `/day/cases/${caseId}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblems(null);
    if (!day || !from || !to) {
      setProblems({ fields: {}, items: [], stale: false, code: null, message: t.whenMissing });
      return;
    }
    setBusy(true);
    try {
      const body: Schemas['ScheduleSessionDto'] = {
        startsAt: shanghaiTimestamp(day, from),
        endsAt: shanghaiTimestamp(day, to),
        ...(room && room !== OTHER_PLACE && { roomId: room }),
        ...(room === OTHER_PLACE && place.trim() && { place: place.trim() }),
      };
      const session = await unwrap(api.POST('/cases/{caseId}/sessions', { params: { path: { caseId } }, body, headers: { 'Idempotency-Key': keyFor(body) } }));
      Toast.show({ icon: 'success', content: t.done(session.startsAt.slice(0, 10), session.startsAt.slice(11, 16)) });
      void navigate(backTo);
      void changed(caseId);
    } catch (error) {
      setProblems(formProblems(error, m, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const title = m.mediation.tasks.schedule;
  if (theCase.error) {
    return (
      <PhoneScreen title={title} backTo={backTo} caseId={caseId}>
        <LoadFailed error={theCase.error} />
      </PhoneScreen>
    );
  }
  return (
    <PhoneScreen
      title={title}
      backTo={backTo}
      caseId={caseId}
      footer={
        <>
          <FormAlert title={t.refused} message={problems?.message ?? null} />
          <Button block size="large" color="primary" type="submit" form="schedule-form" loading={busy}>
            {t.submit}
          </Button>
        </>
      }
    >
      {!theCase.data ? (
        <Loading />
      ) : (
        <form id="schedule-form" className="m-section" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="schedule-case">
          <h2 id="schedule-case">{theCase.data.caseNumber}</h2>
          <p className="m-muted" style={{ marginTop: 0 }}>
            {t.mediator(theCase.data.mediator?.displayName ?? m.mediation.case.unassigned)}
          </p>
          <TextField id="session-day" label={t.day} type="date" min={today} value={day} onText={setDay} />
          <div className="m-pair">
            <TextField
              id="session-from"
              label={t.from}
              type="time"
              value={from}
              onText={(value) => {
                setFrom(value);
                if (value && (!to || to <= value)) setTo(addMinutes(value, 120));
              }}
              error={problems?.fields.startsAt}
            />
            <TextField id="session-to" label={t.to} type="time" value={to} onText={setTo} error={problems?.fields.endsAt} />
          </div>
          {rooms.error ? (
            <LoadFailed error={rooms.error} />
          ) : (
            <SelectField
              id="session-room"
              label={t.room}
              placeholder={t.noRoom}
              value={room}
              onText={setRoom}
              options={[...(rooms.data ?? []).map((option) => ({ value: option.id, label: option.name })), { value: OTHER_PLACE, label: t.otherPlace }]}
              error={problems?.fields.roomId}
              hint={t.roomHint}
            />
          )}
          {room === OTHER_PLACE && <TextField id="session-place" label={t.place} value={place} onText={setPlace} error={problems?.fields.place} placeholder={t.placeExample} />}
        </form>
      )}
    </PhoneScreen>
  );
}
