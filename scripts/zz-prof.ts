import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { residentIdCheckDigit } from '../src/common/identifiers/resident-id';
import { Client } from './bench/service-process';
import { throughput } from './bench/measure';
async function main() {
  const url = 'postgres://postgres@127.0.0.1:5432/benchsmall';
  const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', '-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    env: { ...process.env, DATABASE_URL: url, PII_KEY: readFileSync('data/bench-pii.key', 'utf8').trim(), PORT: '3962', LOG_LEVEL: 'warn', REMINDER_SWEEP_CRON: 'off', REMINDER_DELIVERY_CRON: 'off', DATABASE_POOL_SIZE: '10' }, stdio: 'inherit' });
  for (;;) { try { if ((await fetch('http://127.0.0.1:3962/health')).ok) break; } catch {} await new Promise((r) => setTimeout(r, 300)); }
  const c = new Client('http://127.0.0.1:3962', 'bench-clerk', 'Bench-ledger-Shunyi-2027');
  let serial = Date.now() % 1000000 * 100;
  const r = await throughput(async () => {
    await c.post('/cases', { organisationId: process.argv[2], intakeChannel: 'walk_in', intakeDate: '2026-11-22', summary: 'x', employers: [{ employerId: process.argv[3], role: 'employer' }],
      claims: Array.from({ length: 10 }, () => { serial++; const b = new Date(Date.UTC(1930,0,1) + (serial % 7000) * 86400000).toISOString().slice(0,10).replace(/-/g,''); const f = '650102' + b + String(Math.floor(serial/7000)%1000).padStart(3,'0'); return { worker: { name: '测' + String.fromCharCode(0x4e00 + serial % 2000), idNumber: f + residentIdCheckDigit(f) }, amountClaimed: '100.00' }; }) });
  }, 8, 15);
  console.log(r);
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
}
main();
