import { CreateCoreSchema1764000000000 } from './1764000000000-CreateCoreSchema';
import { AddAccessAndAudit1764100000000 } from './1764100000000-AddAccessAndAudit';
import { AddMediation1764200000000 } from './1764200000000-AddMediation';
import { AddHolidaysAndLegalDates1764300000000 } from './1764300000000-AddHolidaysAndLegalDates';
import { AddLawyersDesk1764400000000 } from './1764400000000-AddLawyersDesk';
import { AddCriminalThresholds1764500000000 } from './1764500000000-AddCriminalThresholds';
import { AddReminders1764600000000 } from './1764600000000-AddReminders';
import { AddReminderDelivery1764700000000 } from './1764700000000-AddReminderDelivery';
import { AddSeasons1764800000000 } from './1764800000000-AddSeasons';
import { AddCaseFacts1764900000000 } from './1764900000000-AddCaseFacts';
import { AddReportRollups1765000000000 } from './1765000000000-AddReportRollups';
import { VacuumReportTablesOften1765100000000 } from './1765100000000-VacuumReportTablesOften';
import { AddEmployerRankingIndex1765200000000 } from './1765200000000-AddEmployerRankingIndex';
import { AddUserPreferences1765300000000 } from './1765300000000-AddUserPreferences';
import { AddEventDays1765400000000 } from './1765400000000-AddEventDays';
import { AddClaimRosterOrder1765500000000 } from './1765500000000-AddClaimRosterOrder';
import { AddUserRoles1765600000000 } from './1765600000000-AddUserRoles';
import { AddPaidInPeriod1765800000000 } from './1765800000000-AddPaidInPeriod';
import { AddClaimsSettledByDay1765900000000 } from './1765900000000-AddClaimsSettledByDay';
import { AddNameSearchIndexes1766100000000 } from './1766100000000-AddNameSearchIndexes';
import { AddClockStartIndexes1766200000000 } from './1766200000000-AddClockStartIndexes';
import { AddPendingDeadlines1766300000000 } from './1766300000000-AddPendingDeadlines';
import { AddReminderDayIndex1766400000000 } from './1766400000000-AddReminderDayIndex';
import { WidenOpenCaseFactsIndex1766500000000 } from './1766500000000-WidenOpenCaseFactsIndex';
import { AddPayoutCorrections1766600000000 } from './1766600000000-AddPayoutCorrections';
import { AddCaseCallbacks1766700000000 } from './1766700000000-AddCaseCallbacks';
import { AddHeldMoney1766800000000 } from './1766800000000-AddHeldMoney';
import { AddCaseFiles1766900000000 } from './1766900000000-AddCaseFiles';
import { AddWorkerReports1767000000000 } from './1767000000000-AddWorkerReports';
import { AddDayRollups1767100000000 } from './1767100000000-AddDayRollups';
import { AddCaseNamePieces1767200000000 } from './1767200000000-AddCaseNamePieces';
import { AddYearRollups1767300000000 } from './1767300000000-AddYearRollups';
import { AddPayDayCaseDates1767400000000 } from './1767400000000-AddPayDayCaseDates';
import { AddNoProjectRollups1767500000000 } from './1767500000000-AddNoProjectRollups';
import { AddProjectRollupKeyIndex1767600000000 } from './1767600000000-AddProjectRollupKeyIndex';
import { SearchIndexesWithoutPendingLists1767700000000 } from './1767700000000-SearchIndexesWithoutPendingLists';
import { AddEmployerCaseCounts1767800000000 } from './1767800000000-AddEmployerCaseCounts';

/** Every migration, oldest first. Listed explicitly so the same list runs from ts (tests) and js (dist). */
export const MIGRATIONS = [
  CreateCoreSchema1764000000000,
  AddAccessAndAudit1764100000000,
  AddMediation1764200000000,
  AddHolidaysAndLegalDates1764300000000,
  AddLawyersDesk1764400000000,
  AddCriminalThresholds1764500000000,
  AddReminders1764600000000,
  AddReminderDelivery1764700000000,
  AddSeasons1764800000000,
  AddCaseFacts1764900000000,
  AddReportRollups1765000000000,
  VacuumReportTablesOften1765100000000,
  AddEmployerRankingIndex1765200000000,
  AddUserPreferences1765300000000,
  AddEventDays1765400000000,
  AddClaimRosterOrder1765500000000,
  AddUserRoles1765600000000,
  AddPaidInPeriod1765800000000,
  AddClaimsSettledByDay1765900000000,
  AddNameSearchIndexes1766100000000,
  AddClockStartIndexes1766200000000,
  AddPendingDeadlines1766300000000,
  AddReminderDayIndex1766400000000,
  WidenOpenCaseFactsIndex1766500000000,
  AddPayoutCorrections1766600000000,
  AddCaseCallbacks1766700000000,
  AddHeldMoney1766800000000,
  AddCaseFiles1766900000000,
  AddWorkerReports1767000000000,
  AddDayRollups1767100000000,
  AddCaseNamePieces1767200000000,
  AddYearRollups1767300000000,
  AddPayDayCaseDates1767400000000,
  AddNoProjectRollups1767500000000,
  AddProjectRollupKeyIndex1767600000000,
  SearchIndexesWithoutPendingLists1767700000000,
  AddEmployerCaseCounts1767800000000,
];
