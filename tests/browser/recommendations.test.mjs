// Service cards on the Oulu demo site (issue 13 items 5 and 6): the tenant presets Oulu (564), which the shipped
// catalogue covers, so the summer-job answer shows Oulu's own services; and the carousel fits the widget panel at
// 320, 360 and 400 px: no card wider than the filmstrip, no card text or intro text cut off. Screenshots per width.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, screenshot } from './lib/browser.mjs';
import { startHost } from './lib/host.mjs';
import { waitForTranscript, exchange as exchangeIn } from './lib/webchat.mjs';

let host;
let browser;
let page;
const panel = '.aurorabots-panel';
const cards = `${panel} .webchat__carousel-filmstrip .ac-adaptiveCard`;

before(async () => {
  host = await startHost('recommendations', { Widget__PublicBaseUrl: '' }); // the page and the chat share the host's origin
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 400, height: 800 });
  await page.goto(`${host.origin}/demo-sites/oulu/`);
  await page.locator('.aurorabots-launcher').click();
  await page.locator(`${panel} [data-id="webchat-sendbox-input"]`).waitFor({ timeout: 20_000 });
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

const exchange = (text, expected, what) => exchangeIn(page, panel, text, expected, what);

/** Every way the carousel can be cut off inside the panel, as readable strings (empty when it fits). */
function clipping() {
  return page.evaluate((selector) => {
    const problems = [];
    const strip = document.querySelector('.aurorabots-panel .webchat__carousel-filmstrip');
    const panelBox = document.querySelector('.aurorabots-panel').getBoundingClientRect();
    if (!strip) return ['no carousel'];
    const stripBox = strip.getBoundingClientRect();
    if (stripBox.left < panelBox.left - 1 || stripBox.right > panelBox.right + 1) problems.push(`filmstrip ${stripBox.left}-${stripBox.right} outside panel ${panelBox.left}-${panelBox.right}`);
    for (const card of document.querySelectorAll(selector)) {
      const box = card.getBoundingClientRect();
      if (box.width > strip.clientWidth + 1) problems.push(`card ${Math.round(box.width)} px wider than the filmstrip ${strip.clientWidth} px`);
      for (const text of card.querySelectorAll('.ac-textBlock, .ac-textBlock *, button')) {
        if (text.scrollWidth > text.clientWidth + 1) problems.push(`cut off: "${text.textContent.slice(0, 40)}" (${text.scrollWidth} > ${text.clientWidth})`);
      }
    }
    const first = document.querySelector(selector);
    if (first && first.getBoundingClientRect().right > panelBox.right + 1) problems.push(`the first card ends at ${first.getBoundingClientRect().right} beyond the panel ${panelBox.right}`);
    // Cards after the first sit to the right of it by design (the filmstrip scrolls); every other bubble must fit.
    for (const bubble of document.querySelectorAll('.aurorabots-panel .webchat__bubble__content')) {
      if (bubble.closest('.webchat__carousel-filmstrip-attachment, .webchat__carousel-filmstrip__attachment')) continue;
      const box = bubble.getBoundingClientRect();
      if (box.right > panelBox.right + 1) problems.push(`bubble "${bubble.textContent.slice(0, 40)}" ends at ${box.right} beyond the panel ${panelBox.right}`);
    }
    return problems;
  }, cards);
}

test('the Oulu site shows Oulu services for a summer-job question', async () => {
  await exchange('olen 16-vuotias', /./, 'an answer to the age');
  await exchange('tarvitsen kesätyön', /Työ- ja opiskelubotti/, 'the hand-off offer');
  const acceptAll = page.locator(`${panel} .webchat__suggested-actions button`, { hasText: 'Kyllä, kaikki' });
  await acceptAll.waitFor({ timeout: 10_000 });
  await acceptAll.click();
  // The matter travels with the hand-off: the work bot answers the summer-job question at once, no topic menu.
  await waitForTranscript(page, panel, (e) => e.some((x) => !x.fromUser && /Siirrän sinut nyt/.test(x.text))
    && e.some((x) => !x.fromUser && /tammi–maaliskuussa|Kesätyöpalveluita/i.test(x.text)), 30_000, 'the hand-off and the summer job answer');
  await page.locator(cards).first().waitFor({ timeout: 20_000 });
  const texts = await page.locator(cards).allInnerTexts();
  assert.ok(texts.some((t) => /Oulu/.test(t)), `a card of Oulu's own services: ${JSON.stringify(texts)}`);
  assert.ok(!texts.some((t) => /Soita|0295 000 535/.test(t)), 'no made-up phone number');
});

for (const width of [400, 360, 320]) {
  test(`the carousel fits the panel at ${width} px`, async () => {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(300); // Web Chat lays the filmstrip out again on resize
    await screenshot(page, `widget-carousel-${width}`);
    assert.deepEqual(await clipping(), []);
  });
}

test('in Swedish the Finnish-only cards say so and carry lang="fi" for screen readers', async () => {
  await page.setViewportSize({ width: 400, height: 800 });
  await page.locator(`${panel} .aurorabots-language`).selectOption('sv');
  await exchange('sommarjobb', /på finska/, 'the summer job answer in Swedish');
  const finnishCards = page.locator(`${panel} [lang="fi"] .ac-adaptiveCard`);
  await finnishCards.first().waitFor({ timeout: 20_000 });
  const titles = await finnishCards.allInnerTexts();
  assert.ok(titles.length > 0 && titles.every((t) => /\(på finska\)/.test(t)), `every Finnish card says so: ${JSON.stringify(titles)}`);
  await screenshot(page, 'widget-carousel-sv-finnish-cards');
  assert.deepEqual(await clipping(), [], 'the wrapped cards still fit the panel');
  assert.doesNotMatch(await page.locator(`${panel} .aurorabots-notice`).innerText(), /Keskustelet/, 'the hand-off notice follows the switch to Swedish');
});
