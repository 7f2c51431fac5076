// Meetings in a real Chromium against a real hub configured with a fake Jitsi (jitsi.example.test): the
// meeting page embeds the room through Jitsi's IFrame API — served here by a stub that records what it was
// given — with a token for the right room, name and role; answers, the calendar feed, scheduling a monthly
// meeting, the "now live" badge and banner, a channel's live session with slow mode and reactions; then a
// hub without Jitsi, where the page says so and the rest still works. axe-core on every meeting screen,
// the phone layout, and screenshots (docs/screenshots/meetings-*.png).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Hub, PASSWORD } from './hub.mjs';
import { launchChromium } from './browser.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = new URL('../../../docs/screenshots/', import.meta.url).pathname;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };
const JITSI = 'jitsi.example.test';
const JITSI_ARGS = [`--relais.jitsi.domain=${JITSI}`, '--relais.jitsi.app-id=relais',
  '--relais.jitsi.app-secret=e2e-jitsi-secret-of-at-least-32-characters'];

// Jitsi's IFrame API as far as the page uses it: records its constructor arguments and draws a placeholder.
const STUB = `window.__jitsi = [];
window.JitsiMeetExternalAPI = function (domain, options) {
  window.__jitsi.push({ domain, roomName: options.roomName, jwt: options.jwt, userInfo: options.userInfo,
    parentIsContainer: options.parentNode === document.querySelector('[data-testid="jitsi-room"]'),
    parentRoom: options.parentNode && options.parentNode.dataset.room });
  const f = document.createElement('div');
  f.style.cssText = 'height:100%;display:grid;place-items:center;color:#fff;background:#1f2a44;font:600 18px system-ui';
  f.textContent = 'Jitsi Meet — ' + options.roomName;
  options.parentNode.appendChild(f);
  this.dispose = function () { f.remove(); };
  this.addListener = function () {};
};`;

let hub;
let browser;
let meetingId;
const pages = [];

/** Starts a hub with these extra arguments (after any HUB_EXTRA_ARGS of the environment). */
async function startHub(args) {
  const saved = process.env.HUB_EXTRA_ARGS;
  process.env.HUB_EXTRA_ARGS = [saved, ...args].filter(Boolean).join(' ');
  const h = new Hub();
  try {
    await h.start();
  } finally {
    if (saved === undefined) delete process.env.HUB_EXTRA_ARGS;
    else process.env.HUB_EXTRA_ARGS = saved;
  }
  await h.seed();
  return h;
}

/** Now minus `minutes`, as a local date-time in Paris ("2026-11-21T10:05"), as the hub expects. */
function parisLocal(offsetMinutes = 0) {
  const d = new Date(Date.now() + offsetMinutes * 60_000);
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hourCycle: 'h23',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The next second Tuesday of a month, at least a week away ("2026-12-08"). */
function nextSecondTuesday() {
  const d = new Date(Date.now() + 7 * 86_400_000);
  for (let m = 0; m < 3; m++) {
    const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + m, 1));
    const day = 1 + ((2 - first.getUTCDay() + 7) % 7) + 7;
    const candidate = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), day));
    if (candidate > d) return candidate.toISOString().slice(0, 10);
  }
  throw new Error('unreachable');
}

function decodeJwt(jwt) {
  const [header, payload] = jwt.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
  return { header, payload };
}

before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
  mkdirSync(SHOTS, { recursive: true });
  hub = await startHub(JITSI_ARGS);
  browser = await launchChromium(CHROMIUM);
});

after(async () => {
  await browser?.close();
  await hub?.stop();
});

async function newPage(viewport = DESKTOP, locale = 'fr-FR') {
  const context = await browser.newContext({ viewport, locale, timezoneId: 'Europe/Paris', reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('dialog', (d) => void d.accept());
  // The IFrame API comes from the party's Jitsi, never from the hub: here a stub answers for it.
  await page.route(`https://${JITSI}/external_api.js`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: STUB }));
  const csp = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) csp.push(m.text()); });
  page.cspViolations = csp;
  pages.push(page);
  return page;
}

async function login(page, username, hash = '', base = hub.base) {
  await page.goto(`${base}/${hash}`);
  await page.getByLabel("Nom d'utilisateur").fill(username);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('.sidebar .meetings-entry').waitFor({ state: 'attached' });
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
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
}

/** Joins the meeting from its page and returns what the IFrame API stub was given. */
/** Joins and returns the options of the room this join opened (not an earlier one still recorded). */
async function joinRoom(page) {
  const before = await page.evaluate(() => (window.__jitsi ?? []).length);
  await page.getByRole('button', { name: 'Rejoindre la réunion' }).click();
  await page.locator('[data-testid="jitsi-room"][data-room]').waitFor();
  await page.waitForFunction((n) => (window.__jitsi ?? []).length > n, before);
  return page.evaluate(() => window.__jitsi.at(-1));
}

test('an invitee opens the meeting page from its link, answers, and joins the room with a token for them', async () => {
  const alice = await hub.token('alice');
  const bruno = await hub.request('GET', '/api/v1/users?q=bruno', alice);
  // In progress now (started five minutes ago), announced in the Finistère channel.
  const m = await hub.request('POST', '/api/v1/meetings', alice, {
    title: 'Point hebdo de la fédération', agenda: '## Ordre du jour\n\n1. **Tractage** de samedi\n2. Réunion publique du 12\n3. Questions diverses',
    start: parisLocal(-5), durationMinutes: 60, timeZone: 'Europe/Paris', channelId: 'fed-29',
    invitees: { userIds: [bruno[0].id], federations: ['29'] },
  });
  meetingId = m.id;
  // Two more on the agenda, so the list has something to order.
  await hub.request('POST', '/api/v1/meetings', alice, {
    title: 'Comité de campagne', agenda: 'Préparer le porte-à-porte.', start: `${nextSecondTuesday()}T19:00`, durationMinutes: 90,
    timeZone: 'Europe/Paris', recurrence: 'FREQ=MONTHLY;BYDAY=2TU', invitees: { federations: ['29'] }, channelId: 'fed-29',
  });
  await hub.request('POST', '/api/v1/meetings', alice, {
    title: 'Formation réseaux sociaux', start: parisLocal(3 * 24 * 60).slice(0, 11) + '18:30', durationMinutes: 60,
    timeZone: 'Europe/Paris', invitees: { userIds: [bruno[0].id] },
  });

  const page = await newPage();
  await login(page, 'bruno', `#/meetings/${meetingId}`);
  await page.getByRole('heading', { level: 2, name: /Point hebdo de la fédération/ }).waitFor();
  await page.locator('[data-testid="meeting-agenda"] strong', { hasText: 'Tractage' }).waitFor();
  assert.equal(new URL(page.url()).hash, `#/meetings/${meetingId}`);
  // "Now live": the meeting's channel carries the badge in the sidebar.
  await page.locator('.channel-item[data-channel="fed-29"] [data-testid="channel-live"]').waitFor();

  await page.getByRole('group', { name: /Votre présence/ }).getByRole('button', { name: 'Oui' }).click();
  await page.locator('[data-testid="rsvp-counts"]', { hasText: '1 oui' }).waitFor();
  assert.equal(await page.getByRole('group', { name: /Votre présence/ }).getByRole('button', { name: 'Oui' }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await axeViolations(page), []);

  const args = await joinRoom(page);
  const roomName = await page.locator('[data-testid="jitsi-room"]').getAttribute('data-room');
  assert.equal(args.domain, JITSI);
  assert.equal(args.roomName, roomName);
  assert.match(roomName, /^relais-[a-z0-9]+$/);
  assert.equal(args.parentIsContainer, true);
  assert.equal(args.parentRoom, roomName);
  assert.deepEqual(args.userInfo, { displayName: 'Bruno Kerjean' });
  const { header, payload } = decodeJwt(args.jwt);
  assert.equal(header.typ, 'JWT');
  assert.equal(payload.room, roomName);
  assert.equal(payload.iss, 'relais');
  assert.equal(payload.aud, 'jitsi');
  assert.equal(payload.context.user.name, 'Bruno Kerjean');
  assert.equal(payload.context.user.moderator, false);
  assert.ok(!('email' in payload.context.user));
  const newTab = await page.getByTestId('join-new-tab').getAttribute('href');
  // The fallback link carries the token and prefills the name.
  assert.equal(newTab, `https://${JITSI}/${roomName}?jwt=${args.jwt}#userInfo.displayName=${encodeURIComponent('"Bruno Kerjean"')}`);
  assert.deepEqual(page.cspViolations, [], 'the hub\'s Content-Security-Policy must let the Jitsi script and frame through');
  assert.deepEqual(await axeViolations(page), []);
  await shot(page, 'meetings-page-desktop');

  // Leaving and joining again asks for a fresh token.
  await page.getByRole('button', { name: 'Quitter la salle' }).click();
  const again = await joinRoom(page);
  assert.equal(again.roomName, roomName);
  assert.equal((await page.evaluate(() => window.__jitsi.length)), 2);
});

test('the organiser joins the same room as moderator', async () => {
  const page = await newPage();
  await login(page, 'alice', `#/meetings/${meetingId}`);
  await page.getByRole('heading', { level: 2, name: /Point hebdo de la fédération/ }).waitFor();
  await page.getByRole('button', { name: 'Modifier la série' }).waitFor();
  const args = await joinRoom(page);
  const { payload } = decodeJwt(args.jwt);
  assert.equal(payload.room, args.roomName);
  assert.equal(payload.context.user.name, 'Alice Le Goff');
  assert.equal(payload.context.user.moderator, true);
  await page.getByText('Vous animez cette salle').waitFor();
});

test('my meetings: the list in order with answers, the channel banner, and my calendar feed with copy and reset', async () => {
  const page = await newPage();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.base });
  await login(page, 'bruno');
  // The channel shows the meeting in progress.
  await page.locator('.channel-item[data-channel="fed-29"]').click();
  const banner = page.getByTestId('meeting-live-banner');
  await banner.filter({ hasText: 'Point hebdo de la fédération' }).waitFor();

  await page.locator('.sidebar .meetings-entry').click();
  await page.getByRole('heading', { level: 2, name: 'Mes prochaines réunions' }).waitFor();
  const titles = page.getByTestId('agenda').locator('.occurrence-title');
  await titles.first().waitFor();
  const names = await titles.allInnerTexts();
  assert.equal(names[0], 'Point hebdo de la fédération');
  assert.ok(names.indexOf('Formation réseaux sociaux') < names.indexOf('Comité de campagne'), names.join(', '));
  const live = page.getByTestId('occurrence').filter({ hasText: 'Point hebdo' });
  await live.getByText('En cours').waitFor();
  await live.getByTestId('rsvp-counts').filter({ hasText: '1 oui' }).waitFor();
  const formation = page.getByTestId('occurrence').filter({ hasText: 'Formation réseaux sociaux' });
  await formation.getByRole('button', { name: 'Peut-être' }).click();
  await formation.getByTestId('rsvp-counts').filter({ hasText: '1 peut-être' }).waitFor();

  const feed = page.getByLabel('Adresse de mon agenda');
  await page.waitForFunction(() => document.querySelector('#feed-url')?.value?.includes('/calendar/'));
  const url = await feed.inputValue();
  assert.match(url, /^http:\/\/localhost:\d+\/calendar\/[A-Za-z0-9_-]{40,64}\.ics$/);
  const ics = await (await fetch(url)).text();
  assert.match(ics, /BEGIN:VCALENDAR/);
  assert.match(ics, /Point hebdo de la fédération/);
  await page.getByRole('button', { name: 'Copier' }).click();
  await page.getByText('Lien copié.', { exact: true }).first().waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  assert.equal(await page.getByRole('link', { name: 'Ouvrir dans mon agenda' }).getAttribute('href'), url.replace('http:', 'webcal:'));
  assert.deepEqual(await axeViolations(page), []);
  await shot(page, 'meetings-list-desktop');
  await page.getByRole('button', { name: 'Changer le lien' }).click();
  await page.waitForFunction((old) => document.querySelector('#feed-url').value !== old, url);
  assert.equal((await fetch(url)).status, 404);
});

test('a coordinator schedules a monthly meeting on the 2nd Tuesday with an end date, an exception and a Markdown agenda', async () => {
  const page = await newPage();
  await login(page, 'alice');
  await page.locator('.sidebar .meetings-entry').click();
  await page.getByRole('button', { name: 'Planifier une réunion' }).click();
  await page.getByRole('heading', { level: 2, name: 'Planifier une réunion' }).waitFor();
  const date = nextSecondTuesday();
  await page.getByLabel('Titre').fill('Conseil fédéral');
  await page.getByLabel('Ordre du jour (Markdown)').fill('- **Budget** 2027\n- Désignation des délégués');
  await page.getByLabel('Date').fill(date);
  await page.getByLabel('Heure de début').fill('18:30');
  await page.getByLabel('Durée (minutes)').selectOption('120');
  assert.equal(await page.getByLabel('Fuseau horaire').inputValue(), 'Europe/Paris');
  await page.getByLabel('Se répète').selectOption('monthly');
  assert.match(await page.getByLabel('Se répète').locator('option:checked').innerText(), /Chaque mois, le 2e mardi/);
  const until = new Date(Date.parse(`${date}T12:00:00Z`) + 200 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Jusqu’au (facultatif)').fill(until);
  // Skip the 2nd Tuesday two months later: the meeting page lists the next 90 days, which must still
  // hold a second occurrence to move below (skipping the next month's left none on some dates).
  const start = new Date(`${date}T12:00:00Z`);
  const firstNext = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 2, 1));
  const exception = new Date(Date.UTC(firstNext.getUTCFullYear(), firstNext.getUTCMonth(), 1 + ((2 - firstNext.getUTCDay() + 7) % 7) + 7)).toISOString().slice(0, 10);
  await page.getByLabel('Dates sautées').fill(exception);
  await page.getByRole('button', { name: 'Sauter cette date' }).click();
  assert.equal(await page.getByLabel('Toute ma fédération (29)').isChecked(), true);
  await page.getByLabel('Canal de la réunion').selectOption('fed-29');
  await page.getByRole('button', { name: 'Aperçu' }).click();
  await page.getByTestId('agenda-preview').locator('strong', { hasText: 'Budget' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await shot(page, 'meetings-form-desktop');
  await page.locator('form.meeting-form').getByRole('button', { name: 'Planifier', exact: true }).click();

  await page.getByRole('heading', { level: 2, name: 'Conseil fédéral' }).waitFor();
  await page.getByText(/Chaque mois, le 2e mardi jusqu’au .* · 1 date\(s\) sautée\(s\)/).waitFor();
  const id = new URL(page.url()).hash.split('/').pop();
  const token = await hub.token('alice');
  const saved = await hub.request('GET', `/api/v1/meetings/${id}`, token);
  assert.match(saved.recurrence, /^FREQ=MONTHLY;BYDAY=2TU;UNTIL=\d{8}T\d{6}Z$/);
  assert.deepEqual(saved.exceptions.map((e) => e.slice(0, 16)), [`${exception}T18:30`]);
  assert.equal(saved.timeZone, 'Europe/Paris');
  assert.equal(saved.durationMinutes, 120);

  // Move one occurrence only.
  const second = page.getByTestId('meeting-occurrence').nth(1);
  await second.getByRole('button', { name: 'Modifier cette séance' }).click();
  await second.getByLabel('Heure de début').fill('20:00');
  await second.getByRole('button', { name: 'Enregistrer cette séance' }).click();
  await page.getByText('Cette séance a été modifiée.').waitFor();
  await page.getByTestId('meeting-occurrence').nth(1).getByText('Modifiée').waitFor();
  assert.deepEqual(await axeViolations(page), []);
});

test('a channel goes live: banner, slow-mode notice and reactions counted for everyone; moderators stop it', async () => {
  const alice = await newPage();
  const bruno = await newPage();
  await login(alice, 'alice');
  await login(bruno, 'bruno');
  await alice.locator('.channel-item[data-channel="fed-29"]').click();
  await bruno.locator('.channel-item[data-channel="fed-29"]').click();
  await alice.getByRole('button', { name: 'Passer le canal en direct' }).click();
  await alice.getByLabel('Titre du direct').fill('Soirée électorale');
  await alice.getByLabel('Lien (diffusion, facultatif)').fill('https://video.example.org/soiree');
  await alice.getByLabel('Mode lent (secondes, 0 = sans)').fill('30');
  await alice.getByRole('button', { name: 'Démarrer' }).click();

  const banner = bruno.getByTestId('live-session-banner');
  await banner.filter({ hasText: 'Soirée électorale' }).waitFor();
  await bruno.getByTestId('slow-mode').filter({ hasText: 'un message toutes les 30 s' }).waitFor();
  await alice.getByTestId('slow-mode').filter({ hasText: 'vous n’êtes pas limité·e' }).waitFor();
  assert.equal(await bruno.getByRole('button', { name: 'Terminer le direct' }).count(), 0);
  await bruno.getByRole('button', { name: /Réagir 👏/ }).click();
  await bruno.getByRole('button', { name: /Réagir 👏/ }).click();
  await alice.getByRole('button', { name: 'Réagir 👏 2' }).waitFor();
  assert.deepEqual(await axeViolations(bruno), []);
  await shot(bruno, 'meetings-live-channel-desktop');
  await alice.getByRole('button', { name: 'Terminer le direct' }).click();
  await bruno.getByTestId('live-summary').filter({ hasText: 'Soirée électorale' }).waitFor();
  assert.equal(await bruno.getByTestId('live-session-banner').count(), 0);
});

test('on a phone the meeting screens fit 375 px and stay accessible', async () => {
  const page = await newPage(PHONE);
  await login(page, 'bruno', `#/meetings/${meetingId}`);
  await page.getByRole('heading', { level: 2, name: /Point hebdo de la fédération/ }).waitFor();
  await joinRoom(page);
  await noHorizontalScroll(page);
  assert.deepEqual(await axeViolations(page), []);
  await shot(page, 'meetings-page-phone');
  await page.getByRole('button', { name: 'Mes réunions' }).click();
  await page.getByRole('heading', { level: 2, name: 'Mes prochaines réunions' }).waitFor();
  await page.waitForFunction(() => document.querySelector('#feed-url')?.value?.includes('/calendar/'));
  await noHorizontalScroll(page);
  assert.deepEqual(await axeViolations(page), []);
  await shot(page, 'meetings-list-phone');
  const alice = await newPage(PHONE);
  await login(alice, 'alice', '#/meetings');
  await alice.getByRole('button', { name: 'Planifier une réunion' }).click();
  await alice.getByLabel('Se répète').selectOption('biweekly');
  await noHorizontalScroll(alice);
  assert.deepEqual(await axeViolations(alice), []);
  await shot(alice, 'meetings-form-phone');
});

test('without Jitsi the meeting page says so clearly, in French and English, and everything else works', async () => {
  for (const p of pages.splice(0)) await p.context().close();
  await hub.stop();
  hub = await startHub([]);
  const alice = await hub.token('alice');
  const m = await hub.request('POST', '/api/v1/meetings', alice, {
    title: 'Point presse', agenda: 'Relire le **communiqué**.', start: parisLocal(-2), durationMinutes: 30,
    timeZone: 'Europe/Paris', invitees: { federations: ['29'] }, channelId: 'fed-29',
  });
  assert.equal((await hub.request('GET', '/api/v1/meetings/video', alice)).configured, false);

  const page = await newPage();
  await login(page, 'bruno', `#/meetings/${m.id}`);
  await page.getByRole('heading', { level: 2, name: /Point presse/ }).waitFor();
  await page.getByTestId('video-off').filter({ hasText: 'La visio n’est pas configurée sur ce hub' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Rejoindre la réunion' }).count(), 0);
  await page.locator('[data-testid="meeting-agenda"] strong', { hasText: 'communiqué' }).waitFor();
  await page.getByRole('group', { name: /Votre présence/ }).getByRole('button', { name: 'Non' }).click();
  await page.locator('[data-testid="rsvp-counts"]', { hasText: '1 non' }).waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ajouter à l’agenda (.ics)' }).click();
  assert.equal((await download).suggestedFilename(), `reunion-${m.id}.ics`);
  assert.equal(await page.evaluate(() => window.__jitsi), undefined);
  assert.deepEqual(await axeViolations(page), []);
  await shot(page, 'meetings-novideo-desktop');

  const english = await newPage(DESKTOP, 'en-GB');
  await english.goto(`${hub.base}/#/meetings/${m.id}`);
  await english.getByLabel('Username').or(english.getByLabel("Nom d'utilisateur")).fill('bruno');
  await english.getByLabel('Password').or(english.getByLabel('Mot de passe')).fill(PASSWORD);
  await english.getByRole('button', { name: /Sign in|Se connecter/ }).click();
  await english.getByTestId('video-off').filter({ hasText: 'Video is not configured on this hub' }).waitFor();
});
