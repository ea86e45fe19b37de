// The host's demo page: a Web Chat per configured bot (Web Chat checks 10 and 21 of the channel reference).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seriousViolations } from './lib/axe.mjs';
import { launchBrowser, recordCspViolations, screenshot } from './lib/browser.mjs';
import { startHost } from './lib/host.mjs';
import { botEntries, say, transcript, userEntries, waitForTranscript } from './lib/webchat.mjs';

let host;
let browser;

before(async () => {
  host = await startHost('demo-page');
  browser = await launchBrowser();
  await recordCspViolations(browser.context);
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

test('demo page shows a Web Chat per bot; welcome first, then send and reply without "send failed"', async () => {
  const page = await browser.context.newPage();
  const consoleMessages = [];
  page.on('console', (m) => consoleMessages.push(`${m.type()}: ${m.text()}`));
  await page.goto(`${host.origin}/?lang=en`);

  // Every public bot; the internal sample bot (tests, docs) is served but not shown (DemoPage:HiddenBots).
  const bots = (await (await fetch(`${host.origin}/api/bots`)).json()).filter((b) => b.id !== 'sample');
  assert.ok(bots.length >= 1, 'the catalogue serves at least one bot');
  assert.equal(await page.locator('[data-bot-id]').count(), bots.length);
  assert.equal(await page.locator('[data-bot-id="sample"]').count(), 0, 'no internal sample bot');
  for (const bot of bots) await page.locator(`[data-bot-id="${bot.id}"] [data-id="webchat-sendbox-input"]`).waitFor({ timeout: 20_000 });

  const scope = `[data-bot-id="${bots[0].id}"]`;
  // Check 21: the webchat/join event makes the bot greet before the user types anything.
  const welcome = await waitForTranscript(page, scope, (e) => botEntries(e).length >= 1, 20_000, 'the welcome message');
  assert.equal(userEntries(welcome).length, 0, 'nothing from the user yet (the join event is hidden)');

  // Check 10: the user's message is echoed (shown as sent) and the reply renders after it.
  await say(page, scope, 'hello');
  const entries = await waitForTranscript(page, scope,
    (e) => { const i = e.findIndex((x) => x.fromUser && x.text.includes('hello')); return i >= 0 && e.slice(i + 1).some((x) => !x.fromUser); },
    20_000, 'a bot reply after the user message');
  const userIndex = entries.findIndex((x) => x.fromUser && x.text.includes('hello'));
  assert.ok(entries.slice(userIndex + 1).some((x) => !x.fromUser), 'reply is displayed after the echo of the user message');

  const statuses = await page.locator(`${scope} .webchat__activity-status`).allInnerTexts();
  assert.ok(!statuses.some((s) => /send failed|sending/i.test(s)), `no pending or failed sends: ${JSON.stringify(statuses)}`);
  assert.ok(!consoleMessages.some((m) => m.includes('Timed out while waiting for activity')), 'no 5-s reply hold-back');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violations under the strict policy');
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
  await screenshot(page, 'demo-page', { fullPage: true });
  await page.close();
});

test('demo page language follows the selector (Web Chat UI strings in Finnish and Swedish)', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${host.origin}/?lang=en`);
  await page.selectOption('#lang', 'sv');
  await page.getByRole('button', { name: 'OK' }).click();
  await page.waitForURL(/lang=sv/);
  const input = page.locator('[data-id="webchat-sendbox-input"]').first();
  await input.waitFor();
  assert.equal(await input.getAttribute('placeholder'), 'Skriv ditt meddelande');

  await page.goto(`${host.origin}/?lang=fi`);
  const fi = page.locator('[data-id="webchat-sendbox-input"]').first();
  await fi.waitFor();
  assert.equal(await fi.getAttribute('placeholder'), 'Kirjoita viestisi');
  assert.equal(await page.getAttribute('html', 'lang'), 'fi');
  const entries = await transcript(page, '[data-bot-id]');
  assert.ok(entries.every((e) => !e.fromUser));
  await page.close();
});
