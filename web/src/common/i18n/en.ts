import { formatYuan } from '../money';
import { dashboardMessages } from '../../dashboard/dashboard.messages';
import { employerRecordMessages } from '../../employers/employer-record.messages';
import { inboxMessages } from '../../inbox/inbox.messages';
import { caseSummaryMessages } from '../../cases/case-summary.messages';
import { organisationsMessages } from '../../admin/organisations/organisations.messages';
import { usersMessages } from '../../admin/users/users.messages';
import { auditMessages } from '../../admin/audit/audit.messages';
import { dutyMessages } from '../../admin/duty/duty.messages';
import { holidaysMessages } from '../../admin/holidays/holidays.messages';
import { seasonMessages } from '../../admin/season/season.messages';
import { reminderRulesMessages } from '../../admin/reminder-rules/reminder-rules.messages';
import { thresholdsMessages } from '../../admin/thresholds/thresholds.messages';
import { adminMessages } from '../../admin/admin.messages';
import { deskMessages } from '../../desk/desk.messages';
import { mediationMessages } from '../../mediation/mediation.messages';
import type { Messages } from './zh-CN';

export const en: Messages = {
  app: { name: 'Wage-arrears cases', shortName: 'Wage arrears' },
  common: {
    save: 'Save', cancel: 'Cancel', submit: 'Submit', confirm: 'Confirm', search: 'Search', reset: 'Reset', back: 'Back',
    loading: 'Loading…', none: 'None', yes: 'Yes', no: 'No', all: 'All', export: 'Export to Excel', actions: 'Actions',
    yuan: 'yuan', retry: 'Retry', close: 'Close', unknown: 'Unknown', open: 'Open', days: (n) => `${n} day${n === 1 ? '' : 's'}`,
    people: (n) => `${n} worker${n === 1 ? '' : 's'}`, total: 'Total', notFound: 'This page does not exist', goHome: 'Go home',
    loadFailed: 'Could not load', refresh: 'Refresh',
  },
  language: { switchTo: '中文', label: 'Language' },
  auth: {
    title: 'Log in', username: 'Username', password: 'Password', login: 'Log in', logout: 'Log out',
    expired: 'Your session has ended; log in again. What you typed is still on the page.', reloginTitle: 'Log in again',
    changePassword: 'Change password', currentPassword: 'Current password', newPassword: 'New password', repeatPassword: 'New password again',
    passwordsDiffer: 'The two new passwords differ', mustChange: 'An administrator set your password: choose your own before going on.',
    passwordChanged: 'Password changed; log in with the new one.', passwordHint: 'At least 10 characters; not a common password, nor one like your username.',
  },
  nav: { main: 'Main menu', desk: 'Lawyer’s desk', day: 'My day', cases: 'Cases', newCase: 'New case', inbox: 'Reminders', home: 'Home', breakdowns: 'Breakdowns', admin: 'Administration', account: 'Account',
    who: (name, roles) => `${name} · ${roles.join(', ')}` },
  roles: { admin: 'Administrator', leader: 'Union leader', lawyer: 'On-duty lawyer', mediator: 'Mediator', intake_clerk: 'Intake clerk' },
  festival: {
    countdown: (days) => (days > 0 ? `${days} days to the festival's eve` : days === 0 ? 'Today is the eve' : `The eve was ${-days} days ago`),
    eve: 'Festival eve',
  },
  status: {
    received: 'Received', verifying: 'Verifying', mediating: 'Mediating', agreed: 'Agreed', paying: 'Paying', closed: 'Closed',
    arbitration: 'Arbitration', litigation: 'Litigation', referred: 'Referred', withdrawn: 'Withdrawn', rejected: 'Not accepted',
  },
  outcome: { paid_in_full: 'Paid in full', partly_paid: 'Partly paid' },
  channel: {
    walk_in: 'Walk-in', hotline_12351: '12351 hotline', outreach_visit: 'Outreach visit', labour_bureau_referral: 'Labour bureau referral', online: 'Online',
  },
  chainRole: {
    employer: 'Employer', project_owner: 'Project owner', general_contractor: 'General contractor', subcontractor: 'Subcontractor',
    labour_subcontractor: 'Labour subcontractor', individual_contractor: 'Labour-gang head',
  },
  payerKind: {
    employer: 'Employer', general_contractor: 'General contractor (pays first)', project_owner: 'Project owner (advance)', guarantee_deposit: 'Wage guarantee deposit',
    emergency_fund: 'Emergency fund', court_enforcement: 'Court enforcement',
  },
  payoutChannel: { bank_transfer: 'Transfer to the worker’s card', dedicated_wage_account: 'Dedicated wage account', cash_with_signature: 'Cash, signed for' },
  instalmentState: { paid: 'Paid', upcoming: 'Not yet due', due_today: 'Due today', overdue: 'Overdue' },
  sessionStatus: { scheduled: 'Scheduled', held: 'Held', cancelled: 'Cancelled' },
  sessionOutcome: { agreement: 'Agreement', no_agreement: 'No agreement', adjourned: 'Adjourned' },
  clock: {
    mediation: 'Mediation (15 days)', arbitration_acceptance: 'Arbitration acceptance (5 days)', arbitration_award: 'Arbitration award (45 days)', limitation: 'Limitation (1 year)',
    instalment: 'Agreement instalment', payment_order_acceptance: 'Payment order acceptance', payment_order_issue: 'Payment order issue', payment_order_objection: 'Payment order objection',
    labour_bureau_order: 'Labour bureau order',
  },
  caseConclusion: { paid_in_full: 'closed, paid in full', partly_paid: 'closed, partly paid', withdrawn: 'withdrawn', rejected: 'not accepted' },
  clockState: { running: 'Running', due_today: 'Due today', overdue: 'Overdue', satisfied: 'Satisfied', not_running: 'Not running', concluded: 'Case concluded' },
  eventKind: {
    case_opened: 'Case opened', case_updated: 'Case changed', case_dispatched: 'Dispatched', status_changed: 'Status changed', lawyer_assigned: 'Lawyer assigned',
    mediator_assigned: 'Mediator assigned', employer_added: 'Employer added', evidence_added: 'Evidence received', note_added: 'Note', claims_added: 'Workers added',
    claim_updated: 'Claim corrected', claims_confirmed: 'Amounts confirmed', payouts_recorded: 'Payouts recorded', session_scheduled: 'Session scheduled', session_held: 'Session held',
    session_cancelled: 'Session cancelled', representatives_elected: 'Representatives elected', agreement_signed: 'Agreement signed', legal_dates_recorded: 'Legal dates recorded',
  },
  desk: deskMessages.en,
  dashboard: dashboardMessages.en,
  employerRecord: employerRecordMessages.en,
  inboxPage: inboxMessages.en,
  caseSummary: caseSummaryMessages.en,
  adminOrganisations: organisationsMessages.en,
  adminUsers: usersMessages.en,
  adminAudit: auditMessages.en,
  adminDuty: dutyMessages.en,
  adminHolidays: holidaysMessages.en,
  adminSeason: seasonMessages.en,
  adminReminderRules: reminderRulesMessages.en,
  adminThresholds: thresholdsMessages.en,
  admin: adminMessages.en,
  mediation: mediationMessages.en,
  intake: {
    project: 'Project (optional)', 
    lawyerActedFor: (employer) => `Note: the lawyer has acted for ${employer}; check whether he should step aside`, 
    title: 'Open a case', fromConsultation: 'From a consultation: its employer, date and channel are carried into the case.', fromWarning: 'From an early warning: its employer and findings are carried into the case.',
    organisation: 'Organisation', channel: 'Channel', intakeDate: 'Intake date', summary: 'Summary', employers: 'Employers in the chain',
    employer: 'Employer', role: 'Role in the chain', addEmployer: 'Add an employer', newEmployer: 'Register a new employer', employerName: 'Name',
    creditCode: 'Unified social credit code', employerKind: 'Kind', industry: 'Industry', similar: 'Similar employers are registered: is it one of these?', useThis: 'Use this one',
    registerAnyway: 'Register it as new', lawyer: 'Lawyer', mediator: 'Mediator', workers: 'Workers and their claims', workerName: 'Name', idNumber: 'Id number',
    mobile: 'Mobile (optional)', amountClaimed: 'Claimed (yuan)', addWorker: 'Add a worker', remove: 'Remove', roster: 'Upload a roster (Excel or CSV)',
    rosterHelp: 'Columns: name, id number, amount claimed (required); mobile, kind, period start and end, note (optional).',
    rosterRead: (n, total, file) => `Read ${file}: ${n} workers, ¥${formatYuan(total)} in all`,
    rosterBad: (n) => `The roster has ${n} problem${n === 1 ? '' : 's'}; correct the file and upload it again (the rest of the form stays):`,
    rosterRow: (row) => `Row ${row}`, removeRoster: 'Remove the roster', total: (n, total) => `${n} workers, ¥${formatYuan(total)} claimed in all`,
    submit: 'Open the case', created: 'Case opened', tooMany: 'At most 2,000 workers at once; import more on the case page after opening it.',
    kinds: { company: 'Company', project_owner: 'Project owner', general_contractor: 'General contractor', subcontractor: 'Subcontractor', labour_subcontractor: 'Labour subcontractor', individual_contractor: 'Labour-gang head (person)' },
    industries: { construction: 'Construction', landscaping: 'Landscaping', manufacturing: 'Manufacturing', catering: 'Catering', logistics: 'Logistics', property_services: 'Property services', retail: 'Retail', domestic_services: 'Domestic services', other: 'Other' },
  },
  home: {
    placeholderTitle: 'The leaders’ dashboard is coming',
    placeholderBody: 'Reports and administration pages arrive in the next release. The case list is available now.',
  },
  cases: {
    intakeFrom: 'Intake from', intakeTo: 'Intake to', 
    listTitle: 'Cases', caseNumber: 'Case number', status: 'Status', organisation: 'Organisation', employer: 'Employer',
    lawyer: 'Lawyer', mediator: 'Mediator', intakeDate: 'Intake date', intakeRange: 'Intake between', workers: 'Workers',
    claimed: 'Claimed', confirmed: 'Confirmed', paid: 'Paid', outstanding: 'Outstanding', searchPlaceholder: 'Case number, worker or employer',
    exporting: 'Exporting…', exportFailed: 'Export failed', totalCount: (n) => `${n} case${n === 1 ? '' : 's'}`, summary: 'Summary',
    channel: 'Channel', project: 'Project', unassigned: 'Unassigned', festival: 'Festival countdown',
  },
  casePage: {
    noWorkers: 'No worker matches', 
    conflicts: 'Worth checking', claimingElsewhere: (name, caseNumber) => `${name} also claims in open case ${caseNumber}`, 
    signedOn: 'Signed on', movedOn: 'Happened on', recordedAt: (at) => `recorded ${at}`, 
    labourInspection: 'Labour inspection', police: 'Police', sentTo: 'Worker sent to', note: 'Note', editSummary: 'Edit the summary', reapply: 'Apply my change over it', staleTitle: 'Changed by someone else', currentValue: 'Now', yourValue: 'Your change', saved: 'Saved', overdueCount: (n) => `${n} overdue`, noDeadlines: 'No legal deadline yet', workerCount: (n) => `${n} worker${n === 1 ? '' : 's'}`, 
    overview: 'Overview', chain: 'Employers in the chain', workers: 'Workers and amounts', payouts: 'Payouts', sessions: 'Mediation sessions',
    agreement: 'Agreement', timeline: 'Timeline', deadlines: 'Legal deadlines', nextSteps: 'Next steps', noSteps: 'Your role has no move from this status.',
    move: (to) => `Move to “${to}”`, moveConfirm: (to) => `Move the case to “${to}”?`, reason: 'Reason',
    outcome: 'Outcome', referredTo: 'Referred to', refused: 'Not accepted', moved: 'Status updated', searchWorkers: 'Search workers by name',
    worker: 'Worker', idNumber: 'Id number', mobile: 'Mobile', kind: 'Kind', period: 'Period owed', totals: 'Totals',
    daysLeft: (n) => (n >= 0 ? `${n} days left` : `${-n} days over`), dueOn: 'Due', calendarMissing: 'The holidays of that year are not entered; the date may be off',
    calendarProvisional: 'That year’s schedule is not announced yet: counted on the statutory festivals only; the date may move once the State Council publishes it', endedOn: 'stopped on',
    paidOn: 'Paid on', payer: 'Payer', payChannel: 'Channel', amount: 'Amount', instalments: 'Instalments', due: 'Due', instalmentPaid: 'Paid',
    overdue: 'Overdue', pending: 'Not yet due', noAgreement: 'No agreement yet', printAgreement: 'Print the agreement', printAgreementFull: 'Print for signing (full id numbers)',
    printFullHint: 'The copy both sides sign, with the workers’ full id numbers; every print is recorded in the audit log', noSessions: 'No sessions yet',
    scheduledAt: 'When', room: 'Where', sessionOutcome: 'Outcome', noPayouts: 'No payouts yet', version: 'Version',
  },
  inbox: { title: 'Reminders', unread: (n) => `${n} unread`, empty: 'No reminders', markRead: 'Mark read' },
  errors: {
    network: 'Cannot reach the server; check the network and try again.', stale: 'Someone else changed this record. Its current values are below: check them and submit again.',
    server: 'The server failed; try again later, and tell an administrator if it keeps happening.', forbidden: 'Your role cannot do this.',
  },
};
