// Prints what each page makes the browser download (JavaScript and CSS, gzip), from Vite's manifest,
// and fails the build when a page is over its budget (the budgets of the web issue: 400 KiB for the
// login and desk pages, 250 KiB for a mediator's phone page). A page is the entry's static imports
// plus its own lazily loaded module's static imports; what it loads later on demand is not counted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// the build to measure: web/dist, or the folder given (a build of one's own beside someone else's)
const dist = process.argv[2] ?? new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const KiB = 1024;
const PAGES = [
  { name: 'login', modules: ['src/auth/login-page.tsx'], budget: 400 * KiB },
  { name: 'case list (intake clerk’s home)', modules: ['src/common/layout/desk-shell.tsx', 'src/cases/case-list-page.tsx'], budget: 400 * KiB },
  { name: 'case page', modules: ['src/common/layout/desk-shell.tsx', 'src/cases/case-page.tsx'], budget: 400 * KiB },
  { name: 'lawyer’s desk', modules: ['src/common/layout/desk-shell.tsx', 'src/desk/desk-page.tsx'], budget: 400 * KiB },
  { name: 'mediator’s day (phone)', modules: ['src/mediation/day-page.tsx'], budget: 250 * KiB },
  { name: 'mediator’s case (phone)', modules: ['src/mediation/case-page.tsx'], budget: 250 * KiB },
  { name: 'confirm amounts (phone)', modules: ['src/mediation/confirm-page.tsx'], budget: 250 * KiB },
  { name: 'schedule a session (phone)', modules: ['src/mediation/schedule-page.tsx'], budget: 250 * KiB },
  { name: 'session outcome (phone)', modules: ['src/mediation/outcome-page.tsx'], budget: 250 * KiB },
  { name: 'agreement (phone)', modules: ['src/mediation/agreement-page.tsx'], budget: 250 * KiB },
  { name: 'pay day (phone)', modules: ['src/mediation/pay-day-page.tsx'], budget: 250 * KiB },
  { name: 'dashboard (charts load after)', modules: ['src/common/layout/desk-shell.tsx', 'src/dashboard/dashboard-page.tsx'], budget: 400 * KiB },
  { name: 'breakdowns', modules: ['src/common/layout/desk-shell.tsx', 'src/dashboard/breakdowns-page.tsx'], budget: 400 * KiB },
  { name: 'report arrears (worker, phone)', modules: ['src/worker/report-page.tsx'], budget: 250 * KiB },
  { name: 'follow a report (worker, phone)', modules: ['src/worker/follow-page.tsx'], budget: 250 * KiB },
  { name: 'online reports (queue)', modules: ['src/common/layout/desk-shell.tsx', 'src/online-reports/online-reports-page.tsx'], budget: 400 * KiB },
  { name: 'money held', modules: ['src/common/layout/desk-shell.tsx', 'src/cases/held-money-page.tsx'], budget: 400 * KiB },
  { name: 'employer record', modules: ['src/common/layout/desk-shell.tsx', 'src/employers/employer-record-page.tsx'], budget: 400 * KiB },
  { name: 'inbox', modules: ['src/common/layout/desk-shell.tsx', 'src/inbox/inbox-page.tsx'], budget: 400 * KiB },
  { name: 'case summary (print)', modules: ['src/cases/case-summary-print.tsx'], budget: 400 * KiB },
  ...['organisations/organisations-page', 'users/users-page', 'audit/audit-page', 'duty/duty-roster-page', 'holidays/holidays-page',
    'season/season-page', 'reminder-rules/reminder-rules-page', 'thresholds/thresholds-page'].map((page) => ({
    name: `admin: ${page.split('/')[0]}`,
    modules: ['src/common/layout/desk-shell.tsx', 'src/admin/admin-layout.tsx', `src/admin/${page}.tsx`],
    budget: 400 * KiB,
  })),
];

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
function filesOf(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) filesOf(imported, seen);
  return seen;
}
const gzipOf = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

let over = false;
console.log('\nPage sizes (JavaScript + CSS, gzip):');
for (const page of PAGES) {
  const keys = new Set(filesOf(entry));
  for (const module of page.modules) {
    if (!manifest[module]) throw new Error(`bundle-sizes: ${module} is not a chunk of the build`);
    filesOf(module, keys);
  }
  const files = new Set([...keys].flatMap((key) => [manifest[key].file, ...(manifest[key].css ?? [])]));
  const bytes = [...files].reduce((sum, file) => sum + gzipOf(file), 0);
  const fits = bytes <= page.budget;
  over ||= !fits;
  console.log(`  ${page.name.padEnd(34)} ${(bytes / KiB).toFixed(1).padStart(7)} KiB  (budget ${page.budget / KiB} KiB)${fits ? '' : '  OVER BUDGET'}`);
}
if (over) process.exit(1);
