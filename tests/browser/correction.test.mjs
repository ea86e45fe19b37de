// Corrections win, in the widget (issue 12 items 3 and 7): the Oulu demo site presets Oulu (564); the user says they
// live in Espoo, and from then on "what do you know about me" and the hand-off consent offer show Espoo, not Oulu.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, screenshot } from './lib/browser.mjs';
import { startHost } from './lib/host.mjs';
import { botEntries, exchange as exchangeIn, openWidget } from './lib/webchat.mjs';

let host;
let browser;
let page;
const panel = '.aurorabots-panel';

before(async () => {
  host = await startHost('correction', { Widget__PublicBaseUrl: '' }); // the page and the chat share the host's origin
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await openWidget(page, `${host.origin}/demo-sites/oulu/`, panel);
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

/** Says `text`, waits for a bot reply matching `expected`, and returns the bot replies after the user's message. */
async function repliesTo(text, expected, what) {
  const entries = await exchangeIn(page, panel, text, expected, what);
  const mine = entries.map((e, i) => (e.fromUser && e.text.includes(text) ? i : -1)).filter((i) => i >= 0).pop();
  return botEntries(entries.slice(mine + 1)).map((e) => e.text).join('\n');
}

test('before any correction the bot knows the municipality the Oulu site set', async () => {
  // The bot's own name on this site is "Oulun neuvontabotti": the municipality line is what counts.
  const known = await repliesTo('mitä tiedät minusta', /Kunta:\s*Oulu/, 'what the bot knows (the site municipality)');
  assert.match(known, /Kunta:\s*Oulu/);
});

test('"ei, asun Espoossa" replaces the site municipality in "what do you know about me"', async () => {
  await repliesTo('ei, asun Espoossa', /./, 'the bot noting the correction');
  const known = await repliesTo('mitä tiedät minusta', /Kunta:\s*Espoo/, 'what the bot knows after the correction');
  assert.match(known, /Kunta:\s*Espoo — tunnistin sen viestistäsi/, 'the provenance follows the correction');
  assert.doesNotMatch(known, /Kunta:\s*Oulu/, `the corrected value only: ${known}`);
});

test('the hand-off consent offers the corrected municipality, Espoo, not Oulu', async () => {
  const offer = await repliesTo('odotamme vauvaa', /Perhebotti/, 'the hand-off offer to the family bot');
  assert.match(offer, /Espoo/);
  assert.doesNotMatch(offer, /Oulu(?!n neuvontabotti)/, `the offer carries the corrected municipality: ${offer}`);
  await screenshot(page, 'widget-corrected-municipality');
});
