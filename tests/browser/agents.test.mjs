// Human agents (issue 16) with two browser contexts: a citizen in the widget (Tampere demo site, Finnish) and an agent
// in the console at /agent. Consent shows what the agent will see, the queue place, the agent joins, messages flow both
// ways, the agent ends and the bot takes over again; a citizen who shares only new messages exposes nothing earlier
// (asserted on the console's DOM and API). Then, outside the hours (a holiday), a Swedish citizen (Vaasa site) leaves a
// message that appears in the console in Swedish. axe on the console in both languages.
import assert from 'node:assert/strict';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { seriousViolations } from './lib/axe.mjs';
import { launchBrowser, recordCspViolations, screenshot } from './lib/browser.mjs';
import { repoRoot, startHost } from './lib/host.mjs';
import { botEntries, say, waitForTranscript } from './lib/webchat.mjs';

const panel = '.aurorabots-panel';
const password = 'agent password 123';
let browser; // the citizens'
let agentBrowser; // the agent's own profile: a second browser context with its own cookies
const cleanups = [];

/** bots/ copied with frontdesk's live chat changed by `edit(yaml)`; returns the folder. */
function botsWith(edit) {
  const dir = mkdtempSync(path.join(tmpdir(), 'aurora-agents-bots-'));
  cpSync(path.join(repoRoot, 'bots'), dir, { recursive: true });
  const manifest = path.join(dir, 'frontdesk', 'bot.yaml');
  writeFileSync(manifest, edit(readFileSync(manifest, 'utf8')));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function hash(secret) {
  const salt = randomBytes(16);
  return `pbkdf2-sha256$210000$${salt.toString('base64')}$${pbkdf2Sync(secret, salt, 210000, 32, 'sha256').toString('base64')}`;
}

const everyDay = 'hours: { mon: "00:00-24:00", tue: "00:00-24:00", wed: "00:00-24:00", thu: "00:00-24:00", fri: "00:00-24:00", sat: "00:00-24:00", sun: "00:00-24:00" }';
const hoursLine = /hours: \{ mon: [^\n]*\}/;

async function agentHost(name, bots) {
  const prefix = `aurora-test-${randomBytes(6).toString('hex')}`;
  const host = await startHost(name, {
    Dialogs__Path: bots,
    Editor__Users__0__Name: 'maija',
    Editor__Users__0__PasswordHash: hash(password),
    Editor__Users__0__Roles__0: 'agent',
    Agents__PresenceTimeout: '00:01:00',
    // With a shared Redis, each host keeps its own published content, users and queues (no leftovers from earlier runs).
    Editor__RedisKeyPrefix: `${prefix}:`,
    Agents__RedisKeyPrefix: `${prefix}:`,
  });
  cleanups.push(() => host.stop());
  return host;
}

async function signInAgent(host, language) {
  // Cookies ignore ports: the previous test's host (same Redis, same users) would accept its sign-in.
  await agentBrowser.context.clearCookies();
  const page = await agentBrowser.context.newPage();
  await page.goto(`${host.origin}/agent`);
  if (language) await page.selectOption('#ui-language', language);
  await page.fill('#name', 'maija');
  await page.fill('#password', password);
  await page.press('#password', 'Enter');
  await page.locator('#desk').waitFor({ state: 'visible', timeout: 15_000 });
  return page;
}

async function openWidget(host, site) {
  const page = await browser.context.newPage();
  await page.goto(`http://localhost:${host.port}/demo-sites/${site}/`);
  await page.locator('.aurorabots-launcher').click();
  await page.locator(`${panel} [data-id="webchat-sendbox-input"]`).waitFor({ timeout: 20_000 });
  await waitForTranscript(page, panel, (e) => botEntries(e).length >= 1, 20_000, 'the welcome');
  return page;
}

async function clickSuggested(page, label) {
  const button = page.locator(`${panel} .webchat__suggested-actions button`, { hasText: label }).last();
  await button.waitFor({ timeout: 15_000 });
  await button.click();
}

const botSaid = (page, pattern, what) => waitForTranscript(page, panel, (e) => botEntries(e).some((x) => pattern.test(x.text)), 20_000, what);

before(async () => {
  browser = await launchBrowser();
  agentBrowser = await launchBrowser();
  await recordCspViolations(agentBrowser.context);
});

after(async () => {
  await browser?.close();
  await agentBrowser?.close();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

test('open hours: consent, queue place, agent joins, both-way messages, agent ends, back to the bot; axe on the console', async () => {
  const host = await agentHost('agents-open', botsWith((yaml) => yaml.replace(hoursLine, everyDay)));
  const agent = await signInAgent(host, 'fi');
  // On duty before the citizen asks (the console reports presence when it opens).
  await agent.waitForFunction(() => /1/.test(document.getElementById('on-duty').textContent), null, { timeout: 15_000 });

  const citizen = await openWidget(host, 'tampere');
  await say(citizen, panel, 'haluan puhua ihmisen kanssa');
  // The consent lists exactly what the agent will see, with values (the Tampere site preset its municipality).
  const consent = await botSaid(citizen, /Asiakaspalvelija näkee/, 'the consent step');
  assert.match(botEntries(consent).at(-1).text, /tämän keskustelun viestit[\s\S]*Kunta[\s\S]*Tampere/);
  await clickSuggested(citizen, 'Kyllä, yhdistä');
  await botSaid(citizen, /jonossa sijalla \*?\*?1|jonossa sijalla 1/, 'the queue place');

  // The console shows the waiting chat (and the count in the title for the notification), then accepts it.
  const accept = agent.locator('#queues button', { hasText: 'Ota' });
  await accept.waitFor({ timeout: 10_000 });
  assert.match(await agent.title(), /^\(1\)/);
  await accept.click();
  await agent.locator('#my-chats', { hasText: 'Kunnan neuvontabotti' }).waitFor({ timeout: 10_000 });
  await agent.locator('#log li.citizen', { hasText: 'haluan puhua ihmisen kanssa' }).waitFor({ timeout: 10_000 });
  assert.match(await agent.locator('#shared').innerText(), /Tampere/);
  const joined = await botSaid(citizen, /maija\*?\*? liittyi keskusteluun/, 'the agent joined');
  // The notice comes in the bot's name as the site calls it, like the welcome (same sender, same avatar).
  const sender = (entry) => entry.text.split('\n')[0];
  const bot = botEntries(joined);
  assert.equal(sender(bot.find((x) => /liittyi keskusteluun/.test(x.text))), sender(bot[0]));

  // Agent → citizen, then citizen → agent, in the same Web Chat.
  await agent.fill('#message', 'Hei, olen Maija. Miten voin auttaa?');
  await agent.press('#message', 'Enter');
  await botSaid(citizen, /Hei, olen Maija/, "the agent's message");
  await say(citizen, panel, 'Tarvitsen apua vuokra-asunnon hakemiseen');
  await agent.locator('#log li.citizen', { hasText: 'vuokra-asunnon' }).waitFor({ timeout: 10_000 });
  await screenshot(agent, 'agent-console-chat');
  assert.doesNotMatch(await agent.locator('#log').innerText(), /\*\*/, "the bot's Markdown bold is shown as bold, not as asterisks");
  await screenshot(citizen, 'agent-citizen-widget');

  const violations = await seriousViolations(agent);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));

  // The agent ends: the bot says so and runs flows again.
  agent.once('dialog', (dialog) => dialog.accept());
  await agent.click('#end');
  await botSaid(citizen, /päätti keskustelun/, 'the end notice');
  await say(citizen, panel, 'apua');
  await waitForTranscript(citizen, panel, (e) => {
    const last = e.map((x, i) => (x.fromUser && x.text.includes('apua') ? i : -1)).filter((i) => i >= 0).pop();
    return last !== undefined && e.slice(last + 1).some((x) => !x.fromUser);
  }, 20_000, 'the bot answering again');
  // Transcripts shown to agents and the messages of the chat are not logged.
  assert.doesNotMatch(host.log(), /vuokra-asunnon|Hei, olen Maija|haluan puhua ihmisen/);
  const csp = await agent.evaluate(() => window.__cspViolations);
  assert.deepEqual(csp, []);
  await citizen.close();

  // A second citizen shares only new messages: nothing before the hand-over and no attributes reach the console.
  const second = await openWidget(host, 'tampere');
  await say(second, panel, 'salainen asia numero 42');
  await botSaid(second, /./, 'an answer');
  await say(second, panel, 'haluan puhua ihmisen kanssa');
  await botSaid(second, /Asiakaspalvelija näkee/, 'the consent step');
  await clickSuggested(second, 'Vain uudet viestit');
  await botSaid(second, /jonossa/, 'the queue place');
  await agent.locator('#queues button', { hasText: 'Ota' }).click();
  await agent.locator('#chat-body').waitFor({ state: 'visible' });
  await say(second, panel, 'uusi viesti agentille');
  await agent.locator('#log li.citizen', { hasText: 'uusi viesti agentille' }).waitFor({ timeout: 10_000 });
  const dom = await agent.locator('#chat').innerText();
  // \bTampere\b: the municipality attribute's value; the site's bot name ("Tampereen neuvontabotti") is no attribute.
  assert.doesNotMatch(dom, /salainen asia|\bTampere\b/);
  assert.match(await agent.locator('#shared').innerText(), /ei muita tietoja/);
  const chats = await agent.evaluate(async () => (await (await fetch('/agent/api/desk')).json()).myChats);
  const api = await agent.evaluate(async (id) => (await fetch(`/agent/api/chats/${id}`)).text(), chats.at(-1).conversationId);
  assert.doesNotMatch(api, /salainen asia|\bTampere\b|"837"/);
  assert.match(api, /uusi viesti agentille/);
  await second.close();
  await agent.close();
});

test('outside hours in Swedish: contact details, a message left, shown in the console (sv) and marked done; axe', async () => {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' }); // yyyy-mm-dd
  const host = await agentHost('agents-closed', botsWith((yaml) => yaml.replace(hoursLine, everyDay).replace(/holidays: \[[^\]]*\]/, `holidays: [${today}]`)));
  const citizen = await openWidget(host, 'vaasa');
  await say(citizen, panel, 'kan jag prata med en människa?');
  await botSaid(citizen, /inga kundtjänstmedarbetare i chatten[\s\S]*suomi\.fi/, 'the closed notice with contact details');
  await clickSuggested(citizen, 'Lämna ett meddelande');
  await clickSuggested(citizen, 'Per e-post');
  await say(citizen, panel, 'inte en adress');
  await botSaid(citizen, /ser inte ut som en e-postadress/, 'the invalid address notice');
  await say(citizen, panel, 'anna@example.org');
  await say(citizen, panel, 'Ring mig om bostadsbidraget');
  await botSaid(citizen, /sparas i 14 dagar/, 'the confirmation with the retention time');
  await clickSuggested(citizen, 'Skicka');
  await botSaid(citizen, /Tack! Ditt meddelande har sparats/, 'the thanks');

  const agent = await signInAgent(host, 'sv');
  await agent.click('#tab-requests');
  const item = agent.locator('#requests li', { hasText: 'bostadsbidraget' });
  await item.waitFor({ timeout: 10_000 });
  assert.match(await item.innerText(), /anna@example\.org[\s\S]*raderas/);
  await item.locator('button', { hasText: 'Markera som klar' }).click();
  await agent.locator('#requests li', { hasText: 'Klar (maija)' }).waitFor({ timeout: 10_000 });
  assert.equal(await agent.evaluate(() => document.documentElement.lang), 'sv');
  // The queues are named in the console's language, not in Finnish.
  await agent.locator('#queues', { hasText: 'Familjeboten' }).waitFor({ timeout: 10_000 });
  assert.doesNotMatch(await agent.locator('#queues').innerText(), /Perhebotti/);
  assert.doesNotMatch(host.log(), /bostadsbidraget|anna@example\.org/);
  await screenshot(agent, 'agent-console-requests-sv');
  const violations = await seriousViolations(agent);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
  await citizen.close();
  await agent.close();
});
