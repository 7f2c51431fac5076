// The support line in a real Chromium against a real hub: a coordinator opens a ticket, HQ staff answer
// it from another browser context (claim race, internal note, canned response), the coordinator sees the
// answer live and rates it — and the internal note never reaches the coordinator's page, not even over
// the WebSocket. Also: live SLA alerts, metrics, the phone layout, axe-core on every support screen, and
// screenshots (docs/screenshots/support-*.png).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ADMIN_PASSWORD, Hub, PASSWORD } from './hub.mjs';
import { png } from './png.mjs';
import { launchChromium } from './browser.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = new URL('../../../docs/screenshots/', import.meta.url).pathname;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };
const SECRET = 'Note interne : budget serré, ne pas promettre de date';

// Short response-time targets for urgent tickets and a quick sweep, so an SLA alert happens during the test.
process.env.HUB_EXTRA_ARGS = [process.env.HUB_EXTRA_ARGS,
  '--relais.support.targets.urgent.first-response=25s', '--relais.support.targets.urgent.resolution=1h',
  '--relais.support.sweep-interval=2s'].filter(Boolean).join(' ');

const hub = new Hub();
let browser;
let alice;
let bob;
let carla;
let aliceFrames = [];
let ticketSubject = 'Accès à l’outil d’emailing perdu';
let ticketNumber;

before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
  mkdirSync(SHOTS, { recursive: true });
  await hub.start();
  await hub.seed();
  const admin = await hub.token('admin', ADMIN_PASSWORD);
  await hub.request('POST', '/api/v1/users', admin,
    { username: 'hq-carla', displayName: 'Carla (siège)', password: PASSWORD, roles: ['HQ_STAFF'] });
  await hub.request('POST', '/api/v1/users', admin,
    { username: 'yann', displayName: 'Yann Le Bris', federation: '22', password: PASSWORD, roles: ['FEDERATION_COORDINATOR'] });
  await hub.request('POST', '/api/v1/support/canned-responses', await hub.token('hq-bob'), {
    title: 'Réinitialisation du compte',
    body: 'Bonjour {{requester.name}},\n\nNous avons réinitialisé l’accès de la fédération {{federation.code}} (demande n° {{ticket.number}}).\n\n{{agent.name}}',
  });
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
  await page.locator('.sidebar .support-entry').waitFor();
}

async function openSupport(page) {
  await page.locator('.sidebar .support-entry').click();
  await page.getByRole('heading', { name: 'Support', level: 1 }).waitFor();
}

async function axeViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => globalThis.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function shot(page, name, { top = false } = {}) {
  if (top) await page.evaluate(() => { document.querySelector('.support-body').scrollTop = 0; });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** A post the hub has stored (one still being sent is shown too, without an id or a visibility yet). */
function post(page, text) {
  return page.locator('[data-testid="ticket-posts"] article.post[data-post-id]', { hasText: text });
}

test('a coordinator opens a ticket with a Markdown description and an attachment', async () => {
  // Other tickets of the federation, so the lists have something to sort; one urgent to trip the SLA alert.
  const token = await hub.token('alice');
  await hub.request('POST', '/api/v1/support/tickets', token,
    { subject: 'Commande de banderoles pour le 1er mai', description: 'Il nous faut **3 banderoles**.', category: 'equipment', urgency: 'normal' });
  await hub.request('POST', '/api/v1/support/tickets', token,
    { subject: 'Site de la fédération en panne', description: 'Plus rien ne s’affiche.', category: 'tools-and-accounts', urgency: 'urgent' });
  const yann = await hub.token('yann');
  await hub.request('POST', '/api/v1/support/tickets', yann,
    { subject: 'Question RGPD sur le fichier des adhérents', description: 'Peut-on partager le fichier ?', category: 'legal-and-gdpr', urgency: 'low' });

  alice = await newPage();
  alice.on('websocket', (ws) => ws.on('framereceived', (f) => aliceFrames.push(String(f.payload))));
  await login(alice, 'alice');
  await openSupport(alice);
  await alice.getByRole('heading', { name: 'Les demandes de ma fédération' }).waitFor();
  const mine = alice.getByTestId('my-tickets');
  await mine.getByRole('button', { name: /Commande de banderoles/ }).waitFor();
  // Another federation's ticket never shows.
  assert.equal(await mine.getByText('Question RGPD').count(), 0);
  assert.deepEqual(await axeViolations(alice), []);
  await shot(alice, 'support-mine-desktop');

  await alice.getByRole('button', { name: 'Nouvelle demande' }).first().click();
  await alice.getByRole('heading', { name: 'Nouvelle demande au siège' }).waitFor();
  await alice.getByLabel('Objet').fill(ticketSubject);
  await alice.getByLabel('Description (Markdown)').fill('Depuis ce matin, **impossible** de me connecter.\n\n- compte : `fed29-com`\n- navigateur : Firefox');
  await alice.getByLabel('Catégorie').selectOption('tools-and-accounts');
  await alice.getByLabel('Urgence').selectOption('high');
  await alice.getByTestId('file-input-ticket').setInputFiles({ name: 'capture-erreur.png', mimeType: 'image/png', buffer: png(120, 80, [30, 80, 200]) });
  await alice.locator('.attachments-field .uploads li[data-done="true"]', { hasText: 'capture-erreur.png' }).waitFor();
  await alice.getByRole('button', { name: 'Aperçu' }).click();
  await alice.getByTestId('description-preview').locator('strong', { hasText: 'impossible' }).waitFor();
  assert.deepEqual(await axeViolations(alice), []);
  await shot(alice, 'support-new-desktop');
  await alice.getByRole('button', { name: 'Envoyer la demande' }).click();

  const title = alice.locator('#ticket-title');
  await title.filter({ hasText: ticketSubject }).waitFor();
  ticketNumber = Number((await title.innerText()).match(/\d+/)[0]);
  await alice.locator('.ticket-description strong', { hasText: 'impossible' }).waitFor();
  await alice.locator('.ticket-description .ticket-files', { hasText: 'capture-erreur.png' }).waitFor();
  assert.match(await alice.locator('.ticket-head .status-badge').innerText(), /Nouvelle/);
});

test('staff see the ticket in the live queue with SLA alerts, filter it, see who is viewing it and claim it', async () => {
  bob = await newPage();
  carla = await newPage();
  await login(bob, 'hq-bob');
  await login(carla, 'hq-carla');
  await openSupport(bob);
  await bob.getByRole('heading', { name: 'File d’attente du siège' }).waitFor();
  const queue = bob.getByTestId('staff-queue');
  await queue.getByRole('button', { name: new RegExp(ticketSubject) }).waitFor();
  await bob.getByRole('region', { name: 'Demandes actives par file' }).getByRole('button', { name: /Numérique/ }).waitFor();

  // A ticket opened now appears live in the queue.
  const yann = await hub.token('yann');
  await hub.request('POST', '/api/v1/support/tickets', yann,
    { subject: 'Affiches pour la fête de la rose', description: 'Format A2.', category: 'content-and-visuals', urgency: 'normal' });
  await queue.getByRole('button', { name: /Affiches pour la fête de la rose/ }).waitFor();

  // The urgent ticket's 25 s target: the queue is alerted live.
  await bob.getByTestId('sla-alert').filter({ hasText: 'Site de la fédération en panne' }).first().waitFor({ timeout: 60_000 });
  await queue.locator('tr.sla-breached', { hasText: 'Site de la fédération en panne' }).waitFor({ timeout: 60_000 });
  assert.deepEqual(await axeViolations(bob), []);
  await shot(bob, 'support-queue-desktop');

  // Filters: only the urgent ones, then back.
  await bob.getByLabel('Priorité', { exact: true }).first().selectOption('urgent');
  await queue.getByRole('button', { name: /Site de la fédération en panne/ }).waitFor();
  await queue.getByRole('button', { name: new RegExp(ticketSubject) }).waitFor({ state: 'detached' });
  await bob.getByLabel('Priorité', { exact: true }).first().selectOption('');
  await queue.getByRole('button', { name: new RegExp(ticketSubject) }).click();

  await bob.locator('#ticket-title').filter({ hasText: ticketSubject }).waitFor();
  // Alice is still on the ticket: Bob sees her, and she sees him.
  await bob.getByTestId('ticket-viewers').filter({ hasText: 'Alice Le Goff' }).waitFor();
  await alice.getByTestId('ticket-viewers').filter({ hasText: 'Bob (siège)' }).waitFor();

  await bob.getByRole('button', { name: 'Prendre en charge' }).click();
  await bob.getByText('Vous avez cette demande en charge.').waitFor();
  await alice.locator('.ticket-side .assignee', { hasText: 'Bob (siège)' }).waitFor();
});

test('a claim lost to a colleague says clearly who won', async () => {
  await openSupport(carla);
  await carla.getByTestId('staff-queue').getByRole('button', { name: /Affiches pour la fête de la rose/ }).click();
  await carla.locator('#ticket-title').filter({ hasText: 'Affiches pour la fête de la rose' }).waitFor();
  const id = await carla.locator('article.ticket-view').getAttribute('data-ticket-id');
  // The race, made certain: Bob's claim lands while Carla's request is on its way.
  const bobToken = await hub.token('hq-bob');
  await carla.route('**/api/v1/support/tickets/*/claim', async (route) => {
    await hub.request('POST', `/api/v1/support/tickets/${id}/claim`, bobToken);
    await route.continue();
  });
  await carla.getByRole('button', { name: 'Prendre en charge' }).click();
  const lost = carla.getByTestId('claim-lost');
  await lost.waitFor();
  assert.match(await lost.innerText(), /Trop tard : Bob \(siège\) a déjà pris cette demande en charge/);
  await carla.getByTestId('ticket-assignee').filter({ hasText: 'Bob (siège)' }).waitFor();
  assert.deepEqual(await axeViolations(carla), []);
  await shot(carla, 'support-claim-lost-desktop');
  await carla.context().close();
});

test('staff write an internal note and answer with a canned response; the coordinator sees the answer live, never the note', async () => {
  // Internal note with a mention of a colleague.
  await bob.getByLabel('Note interne', { exact: true }).check();
  const noteBox = bob.getByLabel('Note interne (visible du siège seulement)');
  await noteBox.fill(`${SECRET} @hq-ca`);
  await bob.getByRole('option', { name: /Carla \(siège\)/ }).waitFor();
  await noteBox.press('Enter');
  assert.match(await noteBox.inputValue(), /@hq-carla $/);
  await bob.getByRole('button', { name: 'Ajouter la note' }).click();
  const note = post(bob, SECRET);
  await note.waitFor();
  assert.equal(await note.getAttribute('data-visibility'), 'internal');
  assert.match(await note.innerText(), /jamais visible par la fédération/i);

  // Public answer from the canned response, variables filled for this ticket.
  await bob.getByLabel('Réponse à la fédération').check();
  await bob.getByLabel('Réponse type').selectOption({ label: 'Réinitialisation du compte' });
  const replyBox = bob.getByLabel('Votre réponse');
  await bob.waitForFunction(() => /Alice Le Goff/.test(document.querySelector('.reply-box textarea')?.value ?? ''));
  assert.match(await replyBox.inputValue(), new RegExp(`Bonjour Alice Le Goff,[\\s\\S]*fédération 29 \\(demande n° ${ticketNumber}\\)[\\s\\S]*Bob \\(siège\\)`));
  await bob.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await post(bob, 'Nous avons réinitialisé').waitFor();
  assert.deepEqual(await axeViolations(bob), []);
  await shot(bob, 'support-ticket-staff-desktop', { top: true });

  // Alice sees the answer arrive, live, marked as coming from HQ.
  const answer = post(alice, 'Nous avons réinitialisé');
  await answer.waitFor();
  assert.match(await answer.innerText(), /Siège/);
  await alice.locator('.ticket-head .status-badge', { hasText: 'En cours' }).waitFor();
  await alice.locator('.ticket-side .assignee', { hasText: 'Bob (siège)' }).waitFor();

  // The note: not on her page, not in any frame her browser received.
  assert.equal(await alice.getByText(SECRET).count(), 0);
  assert.equal(await alice.locator('[data-visibility="internal"]').count(), 0);
  assert.ok(!(await alice.content()).includes('budget serré'), 'the note is not in the DOM');
  assert.ok(aliceFrames.length > 0, 'frames were recorded');
  assert.ok(!aliceFrames.some((f) => f.includes('budget serré') || f.includes('"internal"')), 'no frame carried the note');
  // After a reload too (REST path).
  await alice.reload();
  await alice.locator('.sidebar .support-entry').click();
  await alice.getByTestId('my-tickets').getByRole('button', { name: new RegExp(ticketSubject) }).click();
  await post(alice, 'Nous avons réinitialisé').waitFor();
  assert.equal(await alice.getByText(SECRET).count(), 0);
  assert.deepEqual(await axeViolations(alice), []);
});

test('the coordinator replies, staff resolve, and the coordinator rates the answer', async () => {
  const box = alice.getByLabel('Votre réponse');
  await box.fill('Ça marche à nouveau, **merci** !');
  await alice.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await post(alice, 'Ça marche à nouveau').waitFor();
  await post(bob, 'Ça marche à nouveau').waitFor();

  await bob.getByRole('button', { name: 'Passer en « Résolue »' }).click();
  await alice.locator('.ticket-head .status-badge', { hasText: 'Résolue' }).waitFor();
  await alice.getByRole('button', { name: 'Rouvrir la demande' }).waitFor();

  const rating = alice.locator('form.rating');
  await rating.waitFor();
  await rating.locator('label', { hasText: '4 sur 5' }).click();
  assert.equal(await rating.getByRole('radio', { name: '4 sur 5' }).isChecked(), true);
  await rating.getByLabel('Commentaire (facultatif)').fill('Rapide et clair.');
  assert.deepEqual(await axeViolations(alice), []);
  await rating.getByRole('button', { name: 'Envoyer mon avis' }).click();
  await alice.getByText('Merci ! Votre note : 4/5.').waitFor();
  await shot(alice, 'support-ticket-requester-desktop');
  await bob.locator('.rating-given', { hasText: '4/5' }).waitFor();
  assert.equal(await alice.getByText(SECRET).count(), 0);
  assert.ok(!aliceFrames.some((f) => f.includes('budget serré')), 'still no frame carried the note');
});

test('staff metrics show times, satisfaction and backlog as accessible charts', async () => {
  await bob.getByRole('button', { name: 'Indicateurs' }).click();
  await bob.getByRole('heading', { name: 'Indicateurs du support' }).waitFor();
  const kpis = bob.getByTestId('metrics-kpis');
  await kpis.getByText('Ouvertes').waitFor();
  assert.match(await kpis.innerText(), /Satisfaction moyenne\s*4\/5/);
  const chart = bob.getByTestId('chart-first-category');
  await chart.getByRole('rowheader', { name: 'Outils et comptes' }).waitFor();
  assert.equal(await bob.locator('table.bar-table caption', { hasText: 'Répartition des notes' }).count(), 1);
  assert.deepEqual(await axeViolations(bob), []);
  await shot(bob, 'support-metrics-desktop');

  await bob.getByRole('button', { name: 'Réponses types' }).click();
  await bob.getByRole('heading', { name: 'Réponses types', level: 2 }).waitFor();
  await bob.getByRole('heading', { name: 'Réinitialisation du compte' }).waitFor();
  assert.deepEqual(await axeViolations(bob), []);
});

test('on a 375 px phone the support screens are usable and accessible', async () => {
  const noOverflow = (page) => page.evaluate(() => document.scrollingElement.scrollWidth <= window.innerWidth);
  const phone = await newPage(PHONE);
  await phone.goto(hub.base);
  await phone.getByLabel("Nom d'utilisateur").fill('alice');
  await phone.getByLabel('Mot de passe').fill(PASSWORD);
  await phone.getByRole('button', { name: 'Se connecter' }).click();
  await phone.getByRole('button', { name: 'Retour aux canaux' }).click();
  await openSupport(phone);
  await phone.getByTestId('my-tickets').getByRole('button', { name: new RegExp(ticketSubject) }).waitFor();
  assert.ok(await noOverflow(phone), 'no horizontal scrolling on the list');
  assert.deepEqual(await axeViolations(phone), []);
  await shot(phone, 'support-mine-phone');
  await phone.getByTestId('my-tickets').getByRole('button', { name: new RegExp(ticketSubject) }).click();
  await post(phone, 'Nous avons réinitialisé').waitFor();
  assert.ok(await noOverflow(phone), 'no horizontal scrolling on the ticket');
  assert.deepEqual(await axeViolations(phone), []);
  await shot(phone, 'support-ticket-requester-phone');
  await phone.getByRole('button', { name: 'Nouvelle demande' }).click();
  await phone.getByLabel('Objet').waitFor();
  assert.ok(await noOverflow(phone), 'no horizontal scrolling on the form');
  await shot(phone, 'support-new-phone');
  await phone.context().close();

  const staffPhone = await newPage(PHONE);
  await staffPhone.goto(hub.base);
  await staffPhone.getByLabel("Nom d'utilisateur").fill('hq-bob');
  await staffPhone.getByLabel('Mot de passe').fill(PASSWORD);
  await staffPhone.getByRole('button', { name: 'Se connecter' }).click();
  await staffPhone.getByRole('button', { name: 'Retour aux canaux' }).click();
  await openSupport(staffPhone);
  const queue = staffPhone.getByTestId('staff-queue');
  await queue.getByRole('button', { name: /Site de la fédération en panne/ }).waitFor();
  assert.ok(await noOverflow(staffPhone), 'no horizontal scrolling on the queue');
  assert.deepEqual(await axeViolations(staffPhone), []);
  await shot(staffPhone, 'support-queue-phone');
  await queue.getByRole('button', { name: /Site de la fédération en panne/ }).click();
  await staffPhone.locator('#ticket-title').waitFor();
  await staffPhone.locator('.sla-box [data-level="breached"]').first().waitFor();
  assert.ok(await noOverflow(staffPhone), 'no horizontal scrolling on the staff ticket');
  assert.deepEqual(await axeViolations(staffPhone), []);
  await shot(staffPhone, 'support-ticket-staff-phone', { top: true });
  await staffPhone.getByRole('button', { name: 'Indicateurs' }).click();
  await staffPhone.getByTestId('metrics-kpis').waitFor();
  assert.ok(await noOverflow(staffPhone), 'no horizontal scrolling on the metrics');
  await shot(staffPhone, 'support-metrics-phone');
  await staffPhone.context().close();
});
