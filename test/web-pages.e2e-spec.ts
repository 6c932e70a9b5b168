import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliCompressSync } from 'node:zlib';
import { join } from 'node:path';
import { makeOrganisation, makeUser } from './factories/scenario';
import { TEST_PASSWORD, TestApp, startTestApp } from './support/test-app';

/**
 * The pages are served by the API's own process under /app/, beside the API's routes, with security
 * headers that work over plain http on an office network; and the session facts the pages need.
 */
describe('Pages under /app/ and what they ask of the API', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(webDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(webDir, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log(1)'));
    t = await startTestApp({ env: { WEB_DIR: webDir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('sends / to the pages, answers every deep link with the page, and caches only hashed assets', async () => {
    const root = await fetch(`${t.anonymous.baseUrl}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/app/');
    for (const path of ['/app/', '/app/cases/3f1c7a1e-0000-4000-8000-000000000000', '/app/desk?date=2026-12-04']) {
      const page = await t.anonymous.getRaw(path);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('<div id="root">');
    }
    const asset = await t.anonymous.getRaw('/app/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log(1)');
    // the compressed copy the build wrote goes to a browser that takes it
    const compressed = await fetch(`${t.anonymous.baseUrl}/app/assets/index-abc123.js`, { headers: { 'accept-encoding': 'br' } });
    expect(compressed.headers.get('content-encoding')).toBe('br');
    expect(await compressed.text()).toBe('console.log(1)');
    const missing = await t.anonymous.get('/app/assets/gone-999.js');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ROUTE_NOT_FOUND');
    // the API keeps its routes and its JSON errors
    const api = await t.anonymous.get('/cases');
    expect(api.status).toBe(401);
    expect(api.body.code).toBe('UNAUTHENTICATED');
  });

  it('sends a content security policy that works over plain http and previews photos from blob: URLs', async () => {
    for (const path of ['/app/', '/docs']) {
      const policy = (await t.anonymous.getRaw(path)).headers.get('content-security-policy') ?? '';
      expect(policy).not.toContain('upgrade-insecure-requests');
      expect(policy).toMatch(/img-src[^;]*blob:/);
      expect(policy).toMatch(/default-src 'self'/);
    }
  });

  it('asks a user whose password an administrator set for a new one, and remembers the language', async () => {
    const organisation = await makeOrganisation(t);
    const user = await makeUser(t, organisation.id, 'mediator');
    const login = await t.anonymous.post('/auth/login', { username: user.username, password: TEST_PASSWORD });
    expect(login.body.user).toMatchObject({ mustChangePassword: true, locale: 'zh-CN', roles: ['mediator'] });
    expect(login.body.user.permissions).toEqual(expect.arrayContaining(['cases.transition', 'payouts.record']));
    expect(login.body.user.permissions).not.toContain('users.manage');
    const api = t.anonymous.withHeaders({ authorization: `Bearer ${login.body.accessToken}` });

    expect((await api.put('/auth/me/preferences', { locale: 'fr' })).status).toBe(400);
    expect((await api.put('/auth/me/preferences', { locale: 'en' })).status).toBe(204);
    expect((await api.get('/auth/me')).body.locale).toBe('en');

    const newPassword = 'Mediator-own-choice-2027';
    expect((await api.post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword })).status).toBe(204);
    const again = await t.login(user.username, newPassword);
    expect((await again.get('/auth/me')).body).toMatchObject({ mustChangePassword: false, locale: 'en' });

    // an administrator's reset asks again
    expect((await t.admin.post(`/users/${user.id}/password`, { password: 'Reset-by-admin-Shunyi-9' })).status).toBe(204);
    const afterReset = await t.anonymous.post('/auth/login', { username: user.username, password: 'Reset-by-admin-Shunyi-9' });
    expect(afterReset.body.user.mustChangePassword).toBe(true);
  });
});
