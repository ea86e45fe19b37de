// A real conversation through the widget with the shipped bot content (bots/frontdesk → bots/work), as in
// bots/frontdesk/tests/route_accept_all.yaml: suggested actions, a hand-off shown in the panel header with a
// spoken notice, a carousel of hero cards, and a postBack button that stays out of the transcript but reaches the bot.
// (Web Chat checks 19 and 20 of the channel reference; issue 6 item 4.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, recordCspViolations, screenshot } from './lib/browser.mjs';
import { startHost } from './lib/host.mjs';
import { botEntries, transcript, waitForTranscript, exchange as exchangeIn } from './lib/webchat.mjs';

let host;
let browser;
let page;
const panel = '.aurorabots-panel';

before(async () => {
  host = await startHost('conversation');
  browser = await launchBrowser();
  await recordCspViolations(browser.context);
  page = await browser.context.newPage();
  await page.goto(`http://localhost:${host.port}/demo-sites/tampere/`);
  await page.locator('.aurorabots-launcher').click();
  await page.locator(`${panel} [data-id="webchat-sendbox-input"]`).waitFor({ timeout: 20_000 });
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

const exchange = (text, expected, what) => exchangeIn(page, panel, text, expected, what);

const suggestedActions = () => page.locator(`${panel} .webchat__suggested-actions button`).allInnerTexts();

test('suggested actions render for the latest bot message (check 19)', async () => {
  const welcome = await waitForTranscript(page, panel, (e) => botEntries(e).length >= 1, 20_000, 'the welcome');
  assert.match(botEntries(welcome)[0].text, /Tervetuloa|tervetuloa/);
  // The Tampere tenant presets its municipality (837) in the join event, so the front desk goes straight on to
  // the matter: the user is never made to answer "Missä kunnassa asut?".
  const opening = await waitForTranscript(page, panel, (e) => botEntries(e).some((x) => /omin sanoin/.test(x.text)), 20_000, 'the question about the matter');
  assert.equal(opening.filter((e) => e.fromUser).length, 0, 'nothing was asked of the user first');
  await page.waitForFunction(() => document.querySelectorAll('.aurorabots-panel .webchat__suggested-actions button').length >= 4, null, { timeout: 10_000 });
  assert.ok((await suggestedActions()).some((t) => t.includes('Työ ja opiskelu')));
});

test('a hand-off changes the header name and avatar and is announced (issue 6 item 4)', async () => {
  const titleBefore = await page.locator('.aurorabots-title').innerText();
  const avatarBefore = await page.locator('.aurorabots-avatar').getAttribute('src');
  await exchange('olen 16-vuotias', /./, 'an answer to the age');
  await exchange('tarvitsen kesätyön', /Työ- ja opiskelubotti/, 'the hand-off offer');
  // Accept with the keyboard: the consent choices are buttons (suggested actions) under the offer.
  const acceptAll = page.locator(`${panel} .webchat__suggested-actions button`, { hasText: 'Kyllä, kaikki' });
  await acceptAll.waitFor({ timeout: 10_000 });
  await acceptAll.focus();
  await page.keyboard.press('Enter');
  const handedOver = await waitForTranscript(page, panel, (e) => e.some((x) => !x.fromUser && /Siirrän sinut nyt/.test(x.text)), 30_000, 'the hand-off');
  // The matter travels with the hand-off: the work bot starts on summer jobs instead of asking the topic again.
  await waitForTranscript(page, panel, (e) => e.some((x) => !x.fromUser && /kesätyöseteli|tammi–maaliskuussa/i.test(x.text)), 30_000, 'the summer job answer after the hand-off');
  // A messageBack button shows only its displayText as the user's message (check 20), never its value.
  const echoed = handedOver.filter((e) => e.fromUser).pop();
  assert.match(echoed.text, /Kyllä, kaikki/);
  assert.doesNotMatch(echoed.text, /[{}]|consent/);

  const work = (await (await fetch(`${host.origin}/api/bots`)).json()).find((b) => b.id === 'work');
  await page.waitForFunction((name) => document.querySelector('.aurorabots-title')?.textContent === name, work.displayName.fi, { timeout: 15_000 });
  assert.notEqual(titleBefore, work.displayName.fi);
  assert.match(await page.locator('.aurorabots-avatar').getAttribute('src'), /avatars\/work\.svg$/);
  assert.notEqual(avatarBefore, await page.locator('.aurorabots-avatar').getAttribute('src'));
  const notice = page.locator('.aurorabots-notice');
  assert.equal(await notice.getAttribute('aria-live'), 'polite');
  await page.waitForFunction((name) => document.querySelector('.aurorabots-notice')?.textContent.includes(name), work.displayName.fi, { timeout: 5_000 });
  assert.match(await notice.innerText(), /^Keskustelet nyt: /);
  await screenshot(page, 'widget-handoff');
});

test('hero cards in a carousel, and a postBack that is hidden yet reaches the bot (checks 19, 20)', async () => {
  // Job hunting: the catalogue has several fitting services for Tampere (summer jobs has one, shown as a lone card).
  await exchange('Työnhaku', /Työnhaun palveluita/, 'the job hunting services');
  await page.locator(`${panel} .webchat__carousel-filmstrip .ac-adaptiveCard`).first().waitFor({ timeout: 20_000 });
  const cards = await page.locator(`${panel} .webchat__carousel-filmstrip .ac-adaptiveCard`).count();
  assert.ok(cards >= 1, 'hero cards render (through Adaptive Cards) in a carousel');
  await screenshot(page, 'widget-cards');

  const before = await transcript(page, panel);
  const useful = page.locator(`${panel} .webchat__carousel-filmstrip .ac-adaptiveCard button`, { hasText: 'Hyödyllinen' }).first();
  await useful.click();
  const after = await waitForTranscript(page, panel,
    (e) => e.length > before.length && e.slice(before.length).some((x) => !x.fromUser && /Kiitos palautteesta/.test(x.text)),
    20_000, 'the bot acknowledging the feedback');
  const added = after.slice(before.length);
  assert.ok(!added.some((e) => e.fromUser), `the postBack is not shown as a user message: ${JSON.stringify(added)}`);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
});
