import type { Schemas } from '../../common/api/client';
import type { auditMessages } from './audit.messages';

/** "2026-11-22T15:08:05+08:00" (the API writes Beijing time) → "2026-11-22 15:08:05". */
export function shownTime(timestamp: string): string {
  return timestamp.slice(0, 19).replace('T', ' ');
}

/** Who acted: the user's name; no user is the set-up command or a failed login of a name nobody has. */
export function actorOf(entry: Schemas['AuditEntryView'], t: typeof auditMessages.zh): string {
  if (entry.actorName) return entry.actorName;
  return entry.actorId ? t.unknownActor : t.system;
}
