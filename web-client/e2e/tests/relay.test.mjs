// The content relay in a real Chromium against a real hub: a member proposes, HQ asks for changes, the
// member edits, HQ approves it as a consigne for a chosen time a few seconds ahead. The hub's sweep makes it
// DUE; the test then plays the relay bot over the REST contract (GET /relay/runs, one post per channel with
// the run's clientMessageId, POST …/deliveries), so the item becomes POSTED. A coordinator acknowledges the
// consigne under the relay message in their channel and HQ's board changes live. Also: the board of an
// all-federations consigne (102 pending), the bots screen (token and webhook secret shown once, a failed
// delivery retried), the phone layout, axe-core on every screen, and screenshots (docs/screenshots/relay-*.png).
import assert from 'node:assert/strict';
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

// A quick relay sweep (items become DUE within a second of their time) and outgoing webhooks that fail fast.
process.env.HUB_EXTRA_ARGS = [process.env.HUB_EXTRA_ARGS, '--relais.relay.sweep-every=1s',
  '--relais.bots.webhook-sweep-every=1s', '--relais.bots.webhook-max-attempts=1', '--relais.bots.webhook-timeout=2s']
  .filter(Boolean).join(' ');

const hub = new Hub();
let browser;
let bruno;
let bob;
let relayBotToken;
let itemId;

before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
  mkdirSync(SHOTS, { recursive: true });
  await hub.start();
  await hub.seed();
  const admin = await hub.token('admin', ADMIN_PASSWORD);
  await hub.request('POST', '/api/v1/users', admin,
    { username: 'yann', displayName: 'Yann Le Bris', federation: '22', password: PASSWORD, roles: ['FEDERATION_COORDINATOR'] });
  const created = await hub.request('POST', '/api/v1/bots', admin, {
    username: 'relais-bot', displayName: 'Relais national', channelIds: [], allFederationChannels: true, capabilities: ['RELAY'],
  });
  relayBotToken = created.token;
  browser = await launchChromium(CHROMIUM);
});

after(async () => {
  await browser?.close();
  await hub.stop();
});

async function newPage(viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris', reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

async function login(page, username, password = PASSWORD) {
  await page.goto(hub.base);
  await page.getByLabel("Nom d'utilisateur").fill(username);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('.sidebar .relay-entry').waitFor({ state: 'attached' });
}

async function openRelay(page) {
  await page.locator('.sidebar .relay-entry').click();
  await page.getByRole('heading', { name: 'Relais', level: 1 }).waitFor();
}

const tab = (page, name) => page.locator(`.relay-tabs button[data-tab="${name}"]`);

async function axeViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => globalThis.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function shot(page, name) {
  await page.evaluate(() => { const b = document.querySelector('.relay-body'); if (b) b.scrollTop = 0; });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

const noOverflow = (page) => page.evaluate(() => document.scrollingElement.scrollWidth <= window.innerWidth);

async function waitForStatus(page, wanted) {
  await page.locator(`[data-testid="relay-item"][data-status="${wanted}"]`).waitFor();
}

test('a member proposes content with a Markdown preview', async () => {
  bruno = await newPage();
  await login(bruno, 'bruno');
  await openRelay(bruno);
  // A member has no review queue: their proposals and the form only.
  assert.equal(await tab(bruno, 'review').count(), 0);
  await tab(bruno, 'new').click();
  await bruno.getByLabel('Texte (Markdown)').fill('**Mobilisation** samedi 14 h, place de la Mairie.\n\n- tracts\n- banderoles');
  await bruno.getByRole('region', { name: 'Aperçu' }).locator('strong', { hasText: 'Mobilisation' }).waitFor();
  await bruno.getByLabel('Une liste de fédérations').check();
  await bruno.getByLabel('Codes des fédérations').fill('29, 22');
  assert.deepEqual(await axeViolations(bruno), []);
  await shot(bruno, 'relay-propose');
  await bruno.getByTestId('relay-form').getByRole('button', { name: 'Proposer' }).click();
  await waitForStatus(bruno, 'PROPOSED');
  await bruno.getByText('Proposition envoyée en relecture.').waitFor();
  const mine = await hub.request('GET', '/api/v1/relay/items?mine=true&status=PROPOSED', await hub.token('bruno'));
  assert.equal(mine.length, 1);
  itemId = mine[0].id;
  assert.deepEqual(mine[0].target, { kind: 'LIST', federations: ['29', '22'] });
});

test('HQ asks for changes, the member edits, HQ sees it live and approves it as a consigne for a chosen time', async () => {
  bob = await newPage();
  await login(bob, 'hq-bob');
  await openRelay(bob);
  const queue = bob.getByTestId('relay-list-review');
  await queue.getByRole('button', { name: /Mobilisation samedi/ }).click();
  await waitForStatus(bob, 'PROPOSED');
  // Asking for changes needs a comment.
  await bob.getByRole('button', { name: 'Demander des modifications' }).click();
  await bob.getByText('Expliquez ce qu’il faut modifier.').waitFor();
  await bob.getByLabel('Modifications à demander').fill('Ajoutez le lien vers l’événement, merci.');
  await bob.getByRole('button', { name: 'Demander des modifications' }).click();
  await waitForStatus(bob, 'CHANGES_REQUESTED');

  // The member sees the request in their proposals and edits.
  await tab(bruno, 'mine').click();
  await bruno.getByTestId('relay-list-mine').getByText('Modifications demandées').waitFor();
  await bruno.getByTestId('relay-list-mine').getByRole('button', { name: /Mobilisation samedi/ }).click();
  await bruno.getByText('Ajoutez le lien vers l’événement, merci.').first().waitFor();
  await bruno.getByRole('button', { name: 'Modifier' }).click();
  await bruno.getByLabel('Liens (un par ligne)').fill('https://parti.example/evenements/mobilisation');
  await bruno.getByRole('button', { name: 'Enregistrer et renvoyer en relecture' }).click();
  await waitForStatus(bruno, 'PROPOSED');

  // HQ's open item follows live (relay.item.changed on /topic/relay).
  await waitForStatus(bob, 'PROPOSED');
  await bob.getByRole('link', { name: 'https://parti.example/evenements/mobilisation' }).waitFor();
  await bob.getByTestId('relay-history').getByText('a modifié').waitFor();

  // Approve at a chosen time a few seconds ahead, as a consigne asking the federations to relay it.
  const at = new Date(Math.ceil((Date.now() + 6000) / 1000) * 1000);
  const local = await bob.evaluate((ms) => {
    const d = new Date(ms);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }, at.getTime());
  await bob.getByLabel('À une heure choisie').check();
  await bob.getByLabel('Date et heure').fill(local);
  await bob.getByLabel('Demander un accusé de réception à chaque fédération').check();
  await bob.getByLabel('Accusé attendu').selectOption('RELAYED');
  assert.deepEqual(await axeViolations(bob), []);
  await shot(bob, 'relay-review');
  await bob.getByRole('button', { name: 'Approuver' }).click();
  await waitForStatus(bob, 'SCHEDULED');
  assert.equal(await bob.getByTestId('scheduled-at').getAttribute('data-at'), at.toISOString().replace('.000Z', 'Z'));
  const item = await hub.request('GET', `/api/v1/relay/items/${itemId}`, await hub.token('hq-bob'));
  assert.equal(item.status, 'SCHEDULED');
  assert.equal(Date.parse(item.scheduledAt), at.getTime());
  assert.deepEqual(item.consigne.requires, 'RELAYED');
  assert.deepEqual([...item.channelIds].sort(), ['fed-22', 'fed-29']);
});

test('the relay run posts it in each federation; a coordinator acknowledges and the HQ board changes live', async () => {
  // Play the relay bot: wait for the sweep to make the item DUE, then post once per channel and report.
  let run;
  for (const deadline = Date.now() + 30_000; !run; ) {
    if (Date.now() > deadline) throw new Error('the item never became DUE');
    run = (await hub.request('GET', '/api/v1/relay/runs', relayBotToken)).find((r) => r.itemId === itemId);
    if (!run) await new Promise((r) => setTimeout(r, 500)); // polling the hub's sweep, which runs every second
  }
  assert.equal(run.total, 2);
  let report;
  for (const c of run.channels) {
    assert.equal(c.clientMessageId, `relay-${itemId}-${c.channelId}`);
    const m = await hub.request('POST', `/api/v1/channels/${c.channelId}/messages`, relayBotToken, { text: run.text, clientMessageId: c.clientMessageId });
    report = await hub.request('POST', `/api/v1/relay/runs/${itemId}/deliveries`, relayBotToken, { channelId: c.channelId, messageId: m.id });
  }
  assert.equal(report.status, 'POSTED');

  // HQ's item view follows live: relayed, with its figures.
  await waitForStatus(bob, 'POSTED');
  await bob.getByTestId('relay-totals').getByText('2 / 2').waitFor();
  await bob.getByRole('button', { name: 'Tableau de la consigne' }).click();
  const board = bob.getByTestId('consigne-board');
  await board.locator('[data-federation="29"][data-state="pending"]').waitFor();
  assert.equal(await board.locator('.board-cell').count(), 2);

  // The coordinator of the Finistère sees the relay message (a bot's) in their channel and acknowledges.
  const alice = await newPage();
  await login(alice, 'alice');
  await alice.locator('.sidebar [data-channel="fed-29"]').click();
  const message = alice.locator('article.message', { hasText: 'Relais national' });
  await message.locator('.tag', { hasText: 'bot' }).waitFor();
  const ack = message.getByTestId('consigne-ack');
  await ack.getByText('Consigne : confirmez que votre fédération a relayé.').waitFor();
  assert.deepEqual(await axeViolations(alice), []);
  await alice.screenshot({ path: join(SHOTS, 'relay-channel-consigne.png') });
  await ack.getByRole('button', { name: 'Relayé' }).click();
  await ack.getByText('Consigne marquée comme relayée.').waitFor();

  // Slash commands: the composer suggests the relay bot's registered command; the post goes to the bot,
  // whose answer for the caller only shows as a note.
  await hub.request('PUT', '/api/v1/bots/me/commands/relais', relayBotToken, { description: 'Accuser réception d’une consigne', usage: 'lu|relaye <id>' });
  const composer = alice.getByLabel(/Écrire dans/);
  await composer.fill('/rel');
  await alice.getByTestId('command-suggestions').getByRole('option', { name: /\/relais/ }).waitFor();
  await composer.press('Tab');
  assert.equal(await composer.inputValue(), '/relais ');
  await composer.pressSequentially(`relaye ${itemId}`);
  await composer.press('Enter');
  await alice.getByText('Commande envoyée à @relais-bot.').waitFor();
  const [invocation] = await hub.request('GET', '/api/v1/bots/me/invocations', relayBotToken);
  assert.equal(invocation.command, 'relais');
  await hub.request('POST', `/api/v1/bots/me/invocations/${invocation.id}/reply`, relayBotToken, { text: 'Déjà noté : relayé.', visibility: 'caller' });
  await alice.getByText('@relais-bot (visible par vous seul) : Déjà noté : relayé.').waitFor();
  assert.equal(await alice.locator('article.message', { hasText: 'Alice Le Goff' }).count(), 0, 'the command is not a channel message');
  assert.equal(await alice.locator('[data-pending]').count(), 0, 'nor a pending one');

  // HQ's board changes without a reload (consigne.acked on /topic/relay).
  await board.locator('[data-federation="29"][data-state="relayed"]').waitFor();
  await board.locator('[data-federation="22"][data-state="pending"]').waitFor();
  assert.equal(await board.getByTestId('count-relayed').textContent(), '1');
  assert.deepEqual(await axeViolations(bob), []);
  await shot(bob, 'relay-board');
  await alice.context().close();
});

test('the board of an all-federations consigne shows the 102 federations pending, also on a phone', async () => {
  const bobToken = await hub.token('hq-bob');
  const proposed = await hub.request('POST', '/api/v1/relay/items', await hub.token('bruno'),
    { text: 'Communiqué national : **réforme des retraites**, éléments de langage.', target: { kind: 'ALL' } });
  await hub.request('POST', `/api/v1/relay/items/${proposed.id}/approve`, bobToken,
    { at: new Date(Date.now() + 3_600_000).toISOString(), consigne: { requires: 'READ' } });
  await tab(bob, 'scheduled').click();
  const card = bob.getByTestId('relay-list-scheduled').locator(`[data-item="${proposed.id}"]`);
  await card.getByRole('button', { name: 'Tableau de la consigne' }).click();
  const board = bob.getByTestId('consigne-board');
  await board.locator('.board-cell').nth(101).waitFor();
  assert.equal(await board.locator('.board-cell').count(), 102);
  assert.equal(await board.getByTestId('count-pending').textContent(), '102');
  assert.deepEqual(await axeViolations(bob), []);
  await shot(bob, 'relay-board-all');

  const phone = await newPage(PHONE);
  await login(phone, 'hq-bob');
  await phone.getByRole('button', { name: 'Retour aux canaux' }).click();
  await openRelay(phone);
  await tab(phone, 'scheduled').click();
  await phone.getByTestId('relay-list-scheduled').locator(`[data-item="${proposed.id}"]`).getByRole('button', { name: 'Tableau de la consigne' }).click();
  await phone.getByTestId('consigne-board').locator('.board-cell').nth(101).waitFor();
  assert.ok(await noOverflow(phone), 'no horizontal scrolling on the board');
  assert.deepEqual(await axeViolations(phone), []);
  await shot(phone, 'relay-board-phone');
  await tab(phone, 'new').click();
  await phone.getByLabel('Texte (Markdown)').fill('Visuel **riposte** du jour');
  assert.ok(await noOverflow(phone), 'no horizontal scrolling on the form');
  assert.deepEqual(await axeViolations(phone), []);
  await shot(phone, 'relay-propose-phone');
  await phone.context().close();
});

test('an admin creates a bot (token shown once), webhooks, and retries a failed delivery', async () => {
  const admin = await newPage();
  await login(admin, 'admin', ADMIN_PASSWORD);
  await openRelay(admin);
  await tab(admin, 'bots').click();
  await admin.getByTestId('bots-list').getByText('relais-bot').waitFor();
  await admin.getByTestId('create-bot').locator('summary').click();
  await admin.getByLabel('Identifiant', { exact: true }).fill('alertes-bot');
  await admin.getByLabel('Nom affiché').fill('Alertes presse');
  await admin.getByLabel('Responsable (identifiant, facultatif)').fill('hq-bob');
  // A federation channel that is not in the admin's sidebar (its unread badge would be on every screen).
  await admin.locator('#bot-channels').selectOption(['fed-75']);
  await admin.getByRole('button', { name: 'Créer le bot' }).click();
  const secret = admin.getByTestId('secret-value');
  await secret.waitFor();
  assert.match(await secret.inputValue(), /^rlspat_/);
  assert.deepEqual(await axeViolations(admin), []);
  await shot(admin, 'relay-bots');
  await admin.getByRole('button', { name: 'J’ai copié, masquer' }).click();
  assert.equal(await secret.count(), 0);

  // An incoming webhook: URL and secret shown once.
  await admin.locator('#in-channel').selectOption('fed-75');
  await admin.getByLabel('Nom (facultatif)').fill('Veille presse');
  await admin.getByRole('button', { name: 'Créer un webhook entrant' }).click();
  assert.match(await admin.locator('#revealed-url').inputValue(), /^\/hooks\/in\//);
  assert.ok((await secret.inputValue()).length > 10);
  await admin.getByRole('button', { name: 'J’ai copié, masquer' }).click();

  // An outgoing webhook to an address that refuses connections: its delivery fails, and can be retried.
  await admin.locator('#out-channel').selectOption('fed-75');
  await admin.getByLabel('Adresse de destination').fill('http://127.0.0.1:9/relais');
  await admin.getByRole('button', { name: 'Créer un webhook sortant' }).click();
  await admin.getByTestId('secret-value').waitFor();
  await admin.getByRole('button', { name: 'J’ai copié, masquer' }).click();
  await hub.request('POST', '/api/v1/channels/fed-75/messages', await hub.token('hq-bob'),
    { text: 'Nouvelle riposte publiée', clientMessageId: 'e2e-out-1' });
  const detail = admin.getByTestId('bot-detail');
  for (const deadline = Date.now() + 30_000; ;) {
    await detail.getByRole('button', { name: 'Livraisons' }).click();
    if (await detail.getByRole('cell', { name: 'En échec' }).count()) break;
    if (Date.now() > deadline) throw new Error('the delivery never failed');
    await admin.waitForTimeout(1000); // the webhook sweep runs every second
  }
  const retried = admin.waitForResponse((r) => r.url().includes('/retry') && r.request().method() === 'POST');
  await detail.getByRole('button', { name: 'Réessayer' }).click();
  assert.equal((await retried).status(), 200);
  assert.deepEqual(await axeViolations(admin), []);
  await admin.context().close();
});
