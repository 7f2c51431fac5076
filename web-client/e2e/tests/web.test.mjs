// The web client in a real Chromium against a real hub: two people chat, react, reply in a thread,
// share a picture; a malicious message stays inert; the hub restarts mid-conversation and the client
// catches up with nothing lost or doubled; French UI; phone layout; accessibility (axe-core).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Hub, PASSWORD } from './hub.mjs';
import { png } from './png.mjs';
import { launchChromium } from './browser.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = new URL('../../../docs/screenshots/', import.meta.url).pathname;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };

const hub = new Hub();
let browser;
let alice;
let bruno;

before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
  mkdirSync(SHOTS, { recursive: true });
  await hub.start();
  await hub.seed();
  browser = await launchChromium(CHROMIUM);
});

after(async () => {
  await browser?.close();
  await hub.stop();
});

async function newPage(viewport = DESKTOP, locale = 'fr-FR') {
  const context = await browser.newContext({ viewport, locale, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

async function login(page, username) {
  await page.goto(hub.base);
  await page.getByLabel("Nom d'utilisateur").fill(username);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('#channel-title').filter({ hasText: 'Finistère' }).waitFor();
}

function channelMessages(page) {
  return page.locator('.channel .messages article.message[data-message-id]');
}

function message(page, text) {
  return channelMessages(page).filter({ hasText: text });
}

async function send(page, text) {
  const box = page.locator('.channel .composer textarea');
  await box.fill(text);
  await box.press('Enter');
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

test('the sign-in screen is in French, accessible, and switches to English', async () => {
  const page = await newPage();
  await page.goto(hub.base);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await shot(page, 'login-desktop');
  await page.getByLabel('Langue').selectOption('en');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.context().close();

  const phone = await newPage(PHONE);
  await phone.goto(hub.base);
  await phone.getByRole('heading', { name: 'Connexion' }).waitFor();
  await shot(phone, 'login-phone');
  await phone.context().close();
});

test('two people exchange messages and reactions live, in French', async () => {
  alice = await newPage();
  bruno = await newPage();
  await login(alice, 'alice');
  await login(bruno, 'bruno');
  await alice.getByRole('heading', { name: 'Ma fédération' }).waitFor();
  assert.match(await alice.locator('.channel .composer textarea').getAttribute('placeholder'), /Écrire un message/);

  // @mention autocomplete: Enter picks the person, the next Enter sends.
  const box = alice.locator('.channel .composer textarea');
  await box.fill('Réunion des secrétaires de section **jeudi 18h** @bru');
  await alice.getByRole('option', { name: /Bruno Kerjean/ }).waitFor();
  await box.press('Enter');
  await alice.getByRole('listbox').waitFor({ state: 'detached' });
  assert.equal(await box.inputValue(), 'Réunion des secrétaires de section **jeudi 18h** @bruno ');
  await box.press('Enter');
  const seen = message(bruno, 'Réunion des secrétaires de section');
  await seen.waitFor();
  assert.equal(await seen.locator('strong').filter({ hasText: 'jeudi 18h' }).count(), 1);
  assert.equal(await seen.locator('.mention').innerText(), '@bruno');

  await send(bruno, "J'y serai !");
  await message(alice, "J'y serai !").waitFor();

  // Bruno reacts with the emoji picker; Alice sees the count.
  const target = message(bruno, 'Réunion des secrétaires de section');
  await target.hover();
  await target.getByRole('button', { name: 'Réagir' }).click();
  await target.getByRole('dialog', { name: 'Choisir un emoji' }).getByRole('button', { name: '👍' }).click();
  await message(alice, 'Réunion des secrétaires de section').locator('.reaction', { hasText: '👍' }).filter({ hasText: '1' }).waitFor();
});

test('a reply in a thread reaches the other person, with the reply count', async () => {
  const root = message(bruno, "J'y serai !");
  await root.hover();
  await root.getByRole('button', { name: 'Répondre dans un fil' }).click();
  const panel = bruno.getByRole('complementary', { name: 'Fil de discussion' });
  await panel.waitFor();
  const box = panel.locator('.composer textarea');
  await box.fill('Je prends les tracts');
  await box.press('Enter');
  await panel.locator('article.message', { hasText: 'Je prends les tracts' }).waitFor();

  const counter = message(alice, "J'y serai !").getByRole('button', { name: '1 réponse' });
  await counter.waitFor();
  await counter.click();
  await alice.getByRole('complementary', { name: 'Fil de discussion' }).locator('article.message', { hasText: 'Je prends les tracts' }).waitFor();
  assert.deepEqual(await axeViolations(alice), []);
  await shot(alice, 'thread-desktop');
  await alice.getByRole('button', { name: 'Fermer le fil' }).click();
});

test('a picture uploaded by one person appears for the other', async () => {
  await alice.locator('[data-testid="file-input-channel"]').setInputFiles({
    name: 'affiche-meeting.png', mimeType: 'image/png', buffer: png(160, 100, [200, 16, 46]),
  });
  await alice.locator('.channel .uploads li[data-done="true"]', { hasText: 'affiche-meeting.png' }).waitFor();
  await send(alice, 'Le visuel du meeting');
  const img = message(bruno, 'Le visuel du meeting').locator('img[alt="affiche-meeting.png"]');
  await img.waitFor();
  await bruno.waitForFunction((el) => el.complete && el.naturalWidth === 160, await img.elementHandle());

  // A file type that is not accepted gets a clear message, and nothing is sent.
  await alice.locator('[data-testid="file-input-channel"]').setInputFiles({
    name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<h1>non</h1>'),
  });
  await alice.locator('.channel .uploads [role="alert"]', { hasText: 'Type de fichier non accepté' }).waitFor();
  await alice.getByRole('button', { name: 'Retirer page.html' }).click();
});

test('a script or onerror in a message is shown as text and never runs', async () => {
  const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> [clic](javascript:window.__xss=3)';
  await send(alice, payload);
  const shown = message(bruno, '<script>window.__xss=2</script>');
  await shown.waitFor();
  assert.equal(await shown.locator('img, script').count(), 0);
  const link = shown.locator('a', { hasText: 'clic' });
  if (await link.count()) {
    assert.doesNotMatch((await link.getAttribute('href')) ?? '', /^javascript:/i);
  }
  assert.equal(await bruno.evaluate(() => window.__xss), undefined);
  assert.equal(await alice.evaluate(() => window.__xss), undefined);
});

test('the hub restarts mid-conversation: banner, offline queue, catch-up without loss or duplicates', async () => {
  await send(alice, 'Avant le redémarrage');
  await message(bruno, 'Avant le redémarrage').waitFor();

  await hub.stop();
  await bruno.getByTestId('connection-banner').waitFor();
  await alice.getByTestId('connection-banner').waitFor();
  assert.match(await bruno.getByTestId('connection-banner').innerText(), /Connexion perdue/);

  // Written while offline: kept and shown as pending.
  await send(alice, 'Écrit pendant la coupure');
  const pending = alice.locator('.channel article.pending', { hasText: 'Écrit pendant la coupure' });
  await pending.waitFor();
  assert.match(await pending.innerText(), /En attente d’envoi/);

  await hub.start();
  // Posted by someone else as soon as the hub is back, likely before the browsers reconnect.
  const bob = await hub.token('hq-bob');
  await hub.request('POST', '/api/v1/channels/fed-29/messages', bob, { text: 'Message du siège pendant la reconnexion' });

  await message(bruno, 'Écrit pendant la coupure').waitFor({ timeout: 90_000 });
  await message(bruno, 'Message du siège pendant la reconnexion').waitFor({ timeout: 90_000 });
  await message(alice, 'Écrit pendant la coupure').waitFor({ timeout: 90_000 });
  await pending.waitFor({ state: 'detached' });
  await bruno.getByTestId('connection-banner').waitFor({ state: 'detached' });

  await send(alice, 'Après le redémarrage');
  await message(bruno, 'Après le redémarrage').waitFor();

  // Bruno's screen shows exactly the channel's messages: each once, in order.
  const token = await hub.token('bruno');
  const stored = await hub.request('GET', '/api/v1/channels/fed-29/messages?limit=100', token);
  for (const page of [alice, bruno]) {
    const shown = await channelMessages(page).evaluateAll((els) => els.map((e) => [e.dataset.messageId, Number(e.dataset.seq)]));
    assert.deepEqual(shown.map(([id]) => id), stored.map((m) => m.id), 'same messages, same order, no duplicates');
    assert.equal(stored.filter((m) => m.text === 'Écrit pendant la coupure').length, 1, 'sent once');
  }
  await shot(bruno, 'channel-desktop');
  assert.deepEqual(await axeViolations(bruno), []);
});

test('the dark theme is accessible too', async () => {
  await bruno.getByLabel('Thème sombre').check();
  assert.equal(await bruno.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.deepEqual(await axeViolations(bruno), []);
  await shot(bruno, 'channel-dark-desktop');
  await bruno.getByLabel('Thème sombre').uncheck();
});

test('search finds a message and jumps to it', async () => {
  await bruno.getByRole('search').first().getByRole('searchbox').fill('secrétaires');
  await bruno.getByRole('search').first().getByRole('searchbox').press('Enter');
  const result = bruno.getByRole('complementary', { name: 'Recherche' }).locator('.result', { hasText: 'Réunion des secrétaires' });
  await result.waitFor();
  await result.click();
  await bruno.locator('article.message.highlight', { hasText: 'Réunion des secrétaires' }).waitFor();
});

test('on a 375 px phone the channel list and the conversation are usable', async () => {
  const phone = await newPage(PHONE);
  await login(phone, 'bruno');
  const noOverflow = () => phone.evaluate(() => document.scrollingElement.scrollWidth <= window.innerWidth);
  // The phone shows the conversation first (own federation), with a way back to the list.
  const box = phone.locator('.channel .composer textarea');
  await box.waitFor();
  const rect = await box.boundingBox();
  assert.ok(rect && rect.y + rect.height <= PHONE.height && rect.width >= 200, `composer usable: ${JSON.stringify(rect)}`);
  assert.ok(await noOverflow(), 'no horizontal scrolling');
  await phone.locator('.channel .messages article.message').last().waitFor();
  await shot(phone, 'channel-phone');
  assert.deepEqual(await axeViolations(phone), []);

  await phone.getByRole('button', { name: 'Retour aux canaux' }).click();
  await phone.getByRole('navigation', { name: 'Canaux' }).getByRole('button', { name: /Visuels/ }).waitFor();
  assert.ok(await noOverflow(), 'no horizontal scrolling');
  await shot(phone, 'sidebar-phone');
  assert.deepEqual(await axeViolations(phone), []);

  await send(phone, 'Envoyé depuis un téléphone').catch(async () => {
    await phone.getByRole('button', { name: /Finistère/ }).click();
    await send(phone, 'Envoyé depuis un téléphone');
  });
  await message(alice, 'Envoyé depuis un téléphone').waitFor();
  await phone.context().close();
});
