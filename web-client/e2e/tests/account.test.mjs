// "Mon compte" in a real Chromium against a real hub: a person signed in twice revokes her other
// session from the screen and that browser is signed out; she creates a personal access token, shown
// once, that works as a bearer token until revoked and is nowhere on the page afterwards; another turns
// two-factor on from the key on screen (codes computed here with RFC 6238) and then needs a code to sign
// in. Also: password policy errors in French, the address #/account, axe-core at desktop and 375 px,
// the dark theme, and screenshots (docs/screenshots/account-*.png).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ADMIN_PASSWORD, Hub, PASSWORD } from './hub.mjs';
import { launchChromium } from './browser.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = new URL('../../../docs/screenshots/', import.meta.url).pathname;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };

const hub = new Hub();
let browser;

before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
  mkdirSync(SHOTS, { recursive: true });
  await hub.start();
  await hub.seed();
  const admin = await hub.token('admin', ADMIN_PASSWORD);
  // Their own people, so that no other test's logins show up in their session lists.
  for (const [username, displayName] of [['chloe', 'Chloé Morvan'], ['denis', 'Denis Le Bihan'], ['erwan', 'Erwan Guillou']]) {
    await hub.request('POST', '/api/v1/users', admin, { username, displayName, federation: '29', password: PASSWORD, roles: ['MEMBER'] });
  }
  browser = await launchChromium(CHROMIUM);
});

after(async () => {
  await browser?.close();
  await hub.stop();
});

async function newPage(viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR', reducedMotion: 'reduce' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.base });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

async function login(page, username, hash = '') {
  await page.goto(`${hub.base}/${hash}`);
  await page.getByLabel("Nom d'utilisateur").fill(username);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  // Attached, not visible: on a phone the sidebar is hidden while a screen is open.
  await page.locator('.sidebar .account-entry').waitFor({ state: 'attached' });
}

async function openAccount(page) {
  await page.locator('.sidebar .account-entry').click();
  await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
  await page.locator('[data-testid="account-sessions"] li[data-session]').first().waitFor();
}

async function axeViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => globalThis.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function noHorizontalScroll(page) {
  const overflow = await page.evaluate(() => Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ...[...document.querySelectorAll('.account-body')].map((e) => e.scrollWidth - e.clientWidth)));
  assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
}

/** Whether `secret` is anywhere on the page: markup, visible text, or the value of a form field. */
function pageHolds(page, secret) {
  return page.evaluate((s) => document.documentElement.outerHTML.includes(s) || document.body.innerText.includes(s)
    || [...document.querySelectorAll('input, textarea')].some((f) => f.value.includes(s)), secret);
}

/** A bearer call made from the page, as a script would. */
function statusWithBearer(page, token) {
  return page.evaluate(async (t) => (await fetch('/api/v1/me', { headers: { Authorization: `Bearer ${t}` } })).status, token);
}

/** RFC 6238 TOTP of a base32 secret: HMAC-SHA1 over the 30-second step, dynamic truncation, 6 digits. */
function totp(base32, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

test('the TOTP helper of this test follows RFC 6238 (its SHA-1 test vector)', () => {
  // RFC 6238 appendix B: secret "12345678901234567890" (base32 below), T = 59 s → 94287082 (8 digits) → 287082.
  assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000), '287082');
});

test('from one browser she sees both her sessions and revokes the other; that browser is signed out', async () => {
  const a = await newPage();
  const b = await newPage();
  await login(a, 'chloe');
  await login(b, 'chloe');
  await openAccount(a);
  const sessions = a.locator('[data-testid="account-sessions"] li[data-session]');
  await a.waitForFunction(() => document.querySelectorAll('[data-testid="account-sessions"] li[data-session]').length === 2);
  assert.equal(await sessions.count(), 2);
  const current = a.locator('[data-testid="account-sessions"] li[data-current="true"]');
  assert.equal(await current.count(), 1);
  assert.match(await current.innerText(), /Cette session/);
  assert.match(await current.innerText(), /Chrome · Linux/);
  assert.match(await current.innerText(), /Ouverte le/);
  assert.deepEqual(await axeViolations(a), []);
  await shot(a, 'account-desktop');

  const other = a.locator('[data-testid="account-sessions"] li[data-session]:not([data-current])');
  await other.getByRole('button', { name: /^Révoquer la session/ }).click();
  const confirm = other.getByRole('group', { name: /Révoquer cette session/ });
  // The focus goes to the question's button: a keyboard user confirms right away.
  assert.equal(await confirm.getByRole('button', { name: 'Révoquer' }).evaluate((e) => e === document.activeElement), true);
  assert.deepEqual(await axeViolations(a), []);
  await confirm.getByRole('button', { name: 'Révoquer' }).click();

  // The other browser loses its connection and is back at the login form within a few seconds.
  await b.getByRole('button', { name: 'Se connecter' }).waitFor({ timeout: 10_000 });
  assert.equal(await b.locator('.sidebar').count(), 0);
  await a.getByTestId('account-notice-sessions').filter({ hasText: 'Session révoquée' }).waitFor();
  assert.equal(await sessions.count(), 1);
  // This browser is still signed in and working.
  assert.equal(await a.locator('.sidebar .account-entry').count(), 1);
  await b.context().close();
  await a.context().close();
});

test('a personal access token is shown once, works as a bearer token until revoked, and is gone after a reload', async () => {
  const page = await newPage();
  await login(page, 'chloe');
  await openAccount(page);
  const tokens = page.getByTestId('account-tokens');
  await tokens.getByText('Aucun jeton pour le moment.').waitFor();
  // Empty name: said in French, nothing created.
  await tokens.getByRole('button', { name: 'Créer le jeton' }).click();
  await page.getByTestId('account-notice-tokens').filter({ hasText: 'Donnez un nom au jeton.' }).waitFor();

  await tokens.getByLabel('Nom du jeton').fill('Script de veille');
  await tokens.getByLabel('Validité').selectOption('30');
  await tokens.getByRole('button', { name: 'Créer le jeton' }).click();
  const created = page.getByTestId('new-token');
  await created.waitFor();
  assert.match(await created.innerText(), /vous ne pourrez plus le revoir/);
  const secret = await created.getByLabel('Valeur du jeton').inputValue();
  assert.match(secret, /^rlspat_/);
  assert.equal(await pageHolds(page, secret), true); // the check below can see a token when there is one
  await created.getByRole('button', { name: 'Copier' }).click();
  await created.getByRole('status').filter({ hasText: 'Copié dans le presse-papiers.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
  const listed = tokens.locator('li[data-token]', { hasText: 'Script de veille' });
  await listed.waitFor();
  assert.match(await listed.innerText(), /Jamais utilisé/);
  assert.match(await listed.innerText(), /Expire le/);
  assert.deepEqual(await axeViolations(page), []);

  assert.equal(await statusWithBearer(page, secret), 200);
  const me = await page.evaluate(async (t) => (await fetch('/api/v1/me', { headers: { Authorization: `Bearer ${t}` } })).json(), secret);
  assert.equal(me.username, 'chloe');

  await created.getByRole('button', { name: 'J’ai copié le jeton' }).click();
  assert.equal(await created.count(), 0);
  await listed.getByRole('button', { name: 'Révoquer le jeton Script de veille' }).click();
  await listed.getByRole('group', { name: /Révoquer le jeton « Script de veille »/ }).getByRole('button', { name: 'Révoquer' }).click();
  await page.getByTestId('account-notice-tokens').filter({ hasText: 'Jeton « Script de veille » révoqué.' }).waitFor();
  await page.waitForFunction(async (t) => (await fetch('/api/v1/me', { headers: { Authorization: `Bearer ${t}` } })).status === 401,
    secret, { polling: 250, timeout: 5_000 });

  await page.reload();
  await page.locator('.sidebar .account-entry').waitFor();
  await openAccount(page);
  await tokens.getByText('Aucun jeton pour le moment.').waitFor();
  assert.equal(await pageHolds(page, secret), false);
  assert.equal(await page.evaluate((s) => JSON.stringify({ ...localStorage }).includes(s) || JSON.stringify({ ...sessionStorage }).includes(s), secret), false);
  await page.context().close();
});

test('two-factor: turned on from the key shown, then signing in asks for the code', async () => {
  const page = await newPage();
  await login(page, 'denis');
  await openAccount(page);
  const section = page.getByTestId('account-totp');
  await section.getByTestId('totp-status').filter({ hasText: 'Désactivée' }).waitFor();
  await section.getByRole('button', { name: 'Activer la validation en deux étapes' }).click();
  await section.getByRole('img', { name: 'QR code à scanner avec votre application d’authentification' }).waitFor();
  const qr = await section.getByTestId('totp-qr').evaluate((img) => ({ src: img.src, width: img.naturalWidth }));
  assert.match(qr.src, /^data:image\/svg\+xml/);
  assert.ok(qr.width > 0, 'the QR code image loads');
  const secret = (await section.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  assert.match(secret, /^[A-Z2-7]{16,}$/);
  assert.deepEqual(await axeViolations(page), []);
  await shot(page, 'account-totp-enrolment');

  // A wrong code first: refused in French, still off.
  await section.getByLabel(/Saisissez le code à 6 chiffres/).fill(totp(secret) === '000000' ? '111111' : '000000');
  await section.getByRole('button', { name: 'Confirmer et activer' }).click();
  await page.getByTestId('account-notice-totp').filter({ hasText: 'Code incorrect ou expiré' }).waitFor();
  await section.getByLabel(/Saisissez le code à 6 chiffres/).fill(totp(secret));
  await section.getByRole('button', { name: 'Confirmer et activer' }).click();
  await section.getByTestId('totp-status').filter({ hasText: 'Activée' }).waitFor();
  await page.getByTestId('account-notice-totp').filter({ hasText: 'Validation en deux étapes activée' }).waitFor();
  assert.equal(await pageHolds(page, secret), false); // the key is not kept on screen once confirmed

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByLabel("Nom d'utilisateur").fill('denis');
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const code = page.getByLabel('Code de validation à 6 chiffres');
  await code.waitFor();
  assert.equal(await code.evaluate((e) => e === document.activeElement), true);
  assert.deepEqual(await axeViolations(page), []);
  await code.fill(totp(secret) === '123456' ? '654321' : '123456');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('alert').filter({ hasText: 'Code incorrect ou expiré' }).waitFor();
  await code.fill(totp(secret));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('.sidebar .account-entry').waitFor();

  // And off again, with a current code.
  await openAccount(page);
  await section.getByTestId('totp-status').filter({ hasText: 'Activée' }).waitFor();
  await section.getByLabel('Code actuel de votre application').fill(totp(secret));
  await section.getByRole('button', { name: 'Désactiver' }).click();
  await section.getByTestId('totp-status').filter({ hasText: 'Désactivée' }).waitFor();
  await page.context().close();
});

test('in French by default: the screen from its address, password policy errors, and English on request', async () => {
  const page = await newPage();
  await login(page, 'erwan', '#/account');
  await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.equal(new URL(page.url()).hash, '#/account');
  for (const title of ['Sessions actives', 'Jetons d’accès personnels', 'Validation en deux étapes', 'Mot de passe']) {
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
  }
  const password = page.getByTestId('account-password');
  await password.getByLabel('Mot de passe actuel').fill(PASSWORD);
  await password.getByLabel('Nouveau mot de passe', { exact: true }).fill('court');
  await password.getByLabel('Confirmer le nouveau mot de passe').fill('court');
  await password.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await page.getByTestId('account-notice-password').filter({ hasText: 'au moins 10 caractères' }).waitFor();
  // The hub's own refusal (a common password, which only the hub knows), told in French.
  await password.getByLabel('Nouveau mot de passe', { exact: true }).fill('motdepasse1');
  await password.getByLabel('Confirmer le nouveau mot de passe').fill('motdepasse1');
  await password.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await page.getByTestId('account-notice-password').filter({ hasText: 'fait partie des plus courants' }).waitFor();
  await password.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
  await password.getByLabel('Nouveau mot de passe', { exact: true }).fill('un tout nouveau mot de passe');
  await password.getByLabel('Confirmer le nouveau mot de passe').fill('un tout nouveau mot de passe');
  await password.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await page.getByTestId('account-notice-password').filter({ hasText: 'Le mot de passe actuel est incorrect.' }).waitFor();
  assert.equal(await page.locator('.sidebar .account-entry').count(), 1); // a refusal does not sign out

  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Two-factor authentication' }).waitFor();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();

  // Back to the channels: the address no longer names the screen.
  await page.locator('.channel-item').first().click();
  await page.waitForFunction(() => location.hash === '');
  await page.context().close();
});

test('on a phone (375 px) and in the dark theme the screen fits and has no serious accessibility problem', async () => {
  const page = await newPage(PHONE);
  await login(page, 'erwan', '#/account');
  await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
  await page.locator('[data-testid="account-sessions"] li[data-session]').first().waitFor();
  await noHorizontalScroll(page);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByTestId('account-tokens').getByLabel('Nom du jeton').fill('Téléphone');
  await page.getByTestId('account-tokens').getByRole('button', { name: 'Créer le jeton' }).click();
  await page.getByTestId('new-token').waitFor();
  await noHorizontalScroll(page);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'J’ai copié le jeton' }).click();
  await page.evaluate(() => { document.querySelector('.account-body').scrollTop = 0; });
  await shot(page, 'account-phone');

  // Back to the list of channels on a phone, then the dark theme, at desktop and phone widths.
  await page.getByRole('button', { name: 'Retour aux canaux' }).click();
  await page.getByLabel('Thème sombre').check();
  await page.locator('.sidebar .account-entry').click();
  await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await noHorizontalScroll(page);
  assert.deepEqual(await axeViolations(page), []);
  await page.setViewportSize(DESKTOP);
  await page.getByTestId('account-totp').getByRole('button', { name: 'Activer la validation en deux étapes' }).click();
  await page.getByTestId('totp-qr').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await shot(page, 'account-desktop-dark');
  await page.context().close();
});
