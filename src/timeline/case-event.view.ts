import { shanghaiTimestamp } from '../common/time/shanghai';
import { CaseEvent } from './case-event.entity';

export function toCaseEventView(event: CaseEvent) {
  return {
    id: Number(event.id),
    kind: event.kind,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    data: event.data,
    actorId: event.actorId,
    occurredAt: shanghaiTimestamp(event.occurredAt),
  };
}
