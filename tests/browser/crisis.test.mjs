// The safety layer through the widget (issue 12 items 1 and 7): a crisis message typed in Web Chat gets the crisis
// contacts at once, as readable text with tel: links and call buttons, in the language it was written in; the
// question the bot was asking stays open; and nothing of the message reaches the host's log.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, recordCspViolations, screenshot } from './lib/browser.mjs';
import { startHost } from './lib/host.mjs';
import { botEntries, openWidget, say, waitForTranscript } from './lib/webchat.mjs';

let host;
let browser;
let page;
const panel = '.aurorabots-panel';

before(async () => {
  host = await startHost('crisis');
  browser = await launchBrowser();
  await recordCspViolations(browser.context);
  page = await browser.context.newPage();
  await openWidget(page, `http://localhost:${host.port}/demo-sites/tampere/`, panel);
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

test('a Finnish crisis message gets the crisis contacts with tel: links and call buttons', async () => {
  await say(page, panel, 'en jaksa enää elää');
  const entries = await waitForTranscript(page, panel, (e) => botEntries(e).some((x) => x.text.includes('09 2525 0111')), 30_000, 'the crisis contacts');
  const reply = botEntries(entries).find((x) => x.text.includes('09 2525 0111'));
  assert.match(reply.text, /Et ole yksin/);
  assert.match(reply.text, /112/);
  assert.match(reply.text, /116 111/);
  assert.ok(await page.locator(`${panel} a[href="tel:0925250111"]`).count() >= 1, 'the number is a tel: link in the text');
  assert.ok(await page.locator(`${panel} .ac-adaptiveCard button`, { hasText: '112' }).count() >= 1, 'a call button for 112');
  // Web Chat scrolls smoothly: bring the whole reply into view for the screenshot a reviewer looks at.
  await page.locator(`${panel} .webchat__basic-transcript__activity`, { hasText: '09 2525 0111' }).last().scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await screenshot(page, 'widget-crisis-fi');
});

test('a Swedish crisis message is answered in Swedish with the Swedish line, and the conversation goes on', async () => {
  await say(page, panel, 'jag vill ta livet av mig');
  const entries = await waitForTranscript(page, panel, (e) => botEntries(e).some((x) => x.text.includes('09 2525 0112')), 30_000, 'the Swedish contacts');
  assert.match(botEntries(entries).find((x) => x.text.includes('09 2525 0112')).text, /Du är inte ensam/);
  await say(page, panel, 'tarvitsen kesätyön');
  await waitForTranscript(page, panel, (e) => botEntries(e).some((x) => /Työ- ja opiskelubotti/.test(x.text)), 30_000, 'routing after the crisis reply');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
});

test('the host log holds nothing of the crisis messages', () => {
  const log = host.log();
  for (const word of ['jaksa', 'elää', 'livet']) assert.ok(!log.includes(word), `the log mentions "${word}"`);
});
