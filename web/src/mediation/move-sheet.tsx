import { Button, Popup, Radio, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { api, Schemas, unwrap } from '../common/api/client';
import { useMessagesWith } from '../common/i18n/i18n';
import { mediationMessages } from './mediation.messages';
import { formProblems, FormProblems } from './api-errors';
import { FormAlert, TextAreaField, TextField } from './fields';
import { shanghaiDate } from './dates';
import { useCaseChanged } from './queries';

type Status = Schemas['CaseStatus'];
type Move = Schemas['TransitionDto'];

const FIELDS = ['on', 'outcome', 'reason', 'referredTo', 'note'];

/**
 * A move of the status machine as a sheet from the bottom, with what the move needs (an outcome to
 * close, a reason to withdraw, where a case is referred). The server decides: a refused move shows
 * its reason here, and what was typed stays.
 */
export function MoveSheet({ theCase, to, onClose }: { theCase: Schemas['CaseView']; to: Status | null; onClose(): void }) {
  return (
    <Popup visible={to !== null} onMaskClick={onClose} onClose={onClose} destroyOnClose bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12 }}>
      {to && <MoveForm key={to} theCase={theCase} to={to} onClose={onClose} />}
    </Popup>
  );
}

function MoveForm({ theCase, to, onClose }: { theCase: Schemas['CaseView']; to: Status; onClose(): void }) {
  const m = useMessagesWith({ mediation: mediationMessages });
  const t = m.mediation.move;
  const changed = useCaseChanged();
  const today = shanghaiDate(new Date());
  // what happened yesterday is recorded with yesterday's day: the figures and the clocks count it
  const [on, setOn] = useState(today);
  const [outcome, setOutcome] = useState<Move['outcome'] | ''>('');
  const [reason, setReason] = useState('');
  const [referredTo, setReferredTo] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FormProblems | null>(null);
  const label = m.status[to] ?? to;
  const sheet = useRef<HTMLDivElement>(null);
  // the sheet opens at the end of the page: the focus goes into it, so a keyboard is where the eyes are
  useEffect(() => sheet.current?.focus(), []);
  const needsReason = to === 'rejected' || to === 'withdrawn' || (to === 'closed' && outcome === 'partly_paid');

  const submit = async () => {
    setBusy(true);
    setProblems(null);
    try {
      const body: Move = {
        to,
        version: theCase.version,
        ...(on && { on }),
        ...(outcome && { outcome }),
        ...(needsReason && reason.trim() && { reason: reason.trim() }),
        ...(referredTo.trim() && { referredTo: referredTo.trim() }),
        ...(note.trim() && { note: note.trim() }),
      };
      const moved = await unwrap(api.POST('/cases/{id}/transitions', { params: { path: { id: theCase.id } }, body }));
      void changed(theCase.id, moved);
      Toast.show({ icon: 'success', content: t.moved(m.status[moved.status] ?? moved.status) });
      onClose();
    } catch (error) {
      const found = formProblems(error, m, FIELDS);
      setProblems(found);
      // the case may have moved meanwhile: read it again, so the next try sends its version
      if (found.stale || found.code === 'TRANSITION_NOT_ALLOWED') void changed(theCase.id);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      ref={sheet}
      className="m-sheet"
      role="dialog"
      aria-modal="true"
      aria-labelledby="move-title"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) onClose();
      }}
    >
      <h2 id="move-title">{t.title(theCase.caseNumber, label)}</h2>
      <TextField id="move-on" label={t.on} type="date" min={theCase.intakeDate} max={today} value={on} onText={setOn} error={problems?.fields.on} />
      {to === 'closed' && (
        <fieldset className="m-field" style={{ border: 0, padding: 0, margin: '0 0 14px' }} aria-describedby={problems?.fields.outcome ? 'move-outcome-error' : undefined}>
          <legend className="m-label">{t.outcome}</legend>
          <Radio.Group value={outcome} onChange={(value) => setOutcome(value as Move['outcome'])}>
            <div className="m-choices">
              <Radio value="paid_in_full">{m.outcome.paid_in_full}</Radio>
              <Radio value="partly_paid">{m.outcome.partly_paid}</Radio>
            </div>
          </Radio.Group>
          {problems?.fields.outcome && (
            <div id="move-outcome-error" className="m-error">
              {problems.fields.outcome}
            </div>
          )}
        </fieldset>
      )}
      {to === 'referred' && (
        <fieldset className="m-field" style={{ border: 0, padding: 0, margin: '0 0 14px' }}>
          <legend className="m-label">{t.referredTo}</legend>
          <Radio.Group value={referredTo} onChange={(value) => setReferredTo(String(value))}>
            <div className="m-choices">
              <Radio value="labour_inspection">{t.labourInspection}</Radio>
              <Radio value="police">{t.police}</Radio>
            </div>
          </Radio.Group>
          {problems?.fields.referredTo && <div className="m-error">{problems.fields.referredTo}</div>}
        </fieldset>
      )}
      {to === 'rejected' && <TextField id="move-referred" label={t.sentTo} value={referredTo} onText={setReferredTo} error={problems?.fields.referredTo} />}
      {needsReason && <TextAreaField id="move-reason" label={t.reason} value={reason} onText={setReason} error={problems?.fields.reason} rows={2} />}
      <TextAreaField id="move-note" label={t.note} value={note} onText={setNote} error={problems?.fields.note} rows={2} />
      <div style={{ margin: '12px 0' }}>
        <FormAlert title={problems?.stale ? undefined : t.refused} message={problems?.message ?? null} />
      </div>
      <div className="m-footer-row">
        <Button size="large" onClick={onClose} disabled={busy}>
          {m.common.cancel}
        </Button>
        <Button size="large" color="primary" loading={busy} onClick={() => void submit()}>
          {m.common.confirm}
        </Button>
      </div>
    </div>
  );
}
