// The widget as a municipality's own chat (issue 17): the tenant's bot name in texts and header, avatars that stay
// with their messages across hand-off and hand-back, theme-coloured avatars, the panel following a language
// switch made in the chat, "End conversation" asking first, transcript download, the phone layout, and axe in
// fi, sv and en. Pages on localhost, chat host on 127.0.0.1 (cross-origin), as widget.test.mjs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { seriousViolations } from './lib/axe.mjs';
import { launchBrowser, recordCspViolations, screenshot } from './lib/browser.mjs';
import { startHost } from './lib/host.mjs';
import { botEntries, say, waitForTranscript } from './lib/webchat.mjs';

const panel = '.aurorabots-panel';
let host;
let browser;

before(async () => {
  host = await startHost('widget-tenant');
  browser = await launchBrowser();
  await recordCspViolations(browser.context);
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

async function openPanel(url, viewport) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(url);
  await page.locator('.aurorabots-launcher').click({ timeout: 20_000 });
  await page.locator(`${panel} [data-id="webchat-sendbox-input"]`).waitFor({ timeout: 20_000 });
  await waitForTranscript(page, panel, (e) => botEntries(e).length >= 1, 20_000, 'the welcome');
  return page;
}

async function exchange(page, text, expected, what) {
  await say(page, panel, text);
  return waitForTranscript(page, panel, (entries) => {
    const mine = entries.map((e, i) => (e.fromUser && e.text.includes(text) ? i : -1)).filter((i) => i >= 0).pop();
    return mine !== undefined && entries.slice(mine + 1).some((e) => !e.fromUser && expected.test(e.text));
  }, 30_000, what);
}

/** The bot id each bot message's avatar shows, in transcript order. */
const messageAvatars = (page) => page.evaluate((scope) => Array.from(document.querySelectorAll(`${scope} .webchat__basic-transcript__activity`))
  .map((a) => a.querySelector('img.aurorabots-message-avatar')?.getAttribute('data-bot')).filter(Boolean), panel);

describe('Tampere: the tenant bot, hand-off and hand-back, language, ending, transcript', () => {
  let page;
  before(async () => { page = await openPanel(`http://localhost:${host.port}/demo-sites/tampere/`); });
  after(async () => { await page.close(); });

  test('the bot calls itself what the header says (the tenant\'s bot name), in a theme-coloured avatar', async () => {
    assert.equal(await page.locator('.aurorabots-title').innerText(), 'Tampereen neuvontabotti');
    const welcome = await waitForTranscript(page, panel, (e) => botEntries(e).some((x) => /neuvontabotti/.test(x.text)), 20_000, 'the bot naming itself');
    const naming = botEntries(welcome).find((x) => /neuvontabotti/.test(x.text)).text;
    assert.match(naming, /Tampereen neuvontabotti/);
    assert.doesNotMatch(naming, /Kunnan neuvontabotti/);
    const avatar = await page.locator('.aurorabots-avatar').getAttribute('src');
    assert.match(avatar, /\/api\/tenants\/tampere\/avatars\/frontdesk\.svg$/);
    assert.match(await (await fetch(avatar)).text(), /fill="#1d3f8f"/);
  });

  test('avatars stay with their messages across a hand-off and a hand-back', async () => {
    // The site's municipality reached the bot with the token, before its greeting: it never asks for it.
    const opening = await waitForTranscript(page, panel, (e) => botEntries(e).some((x) => /omin sanoin/.test(x.text)), 20_000, 'the question about the matter');
    assert.ok(!opening.some((x) => /Missä kunnassa asut/.test(x.text)), 'no municipality question on a tenant site');
    await exchange(page, 'olen 16-vuotias', /./, 'an answer to the age');
    await exchange(page, 'tarvitsen kesätyön', /Työ- ja opiskelubotti/, 'the hand-off offer');
    await page.locator(`${panel} .webchat__suggested-actions button`, { hasText: 'Kyllä, kaikki' }).click();
    await page.waitForFunction(() => document.querySelector('.aurorabots-title')?.textContent === 'Työ- ja opiskelubotti', null, { timeout: 30_000 });
    await page.waitForFunction((s) => Array.from(document.querySelectorAll(`${s} img.aurorabots-message-avatar`)).some((i) => i.dataset.bot === 'work'), panel, { timeout: 20_000 });
    const afterHandoff = await messageAvatars(page);
    const firstWork = afterHandoff.indexOf('work');
    assert.ok(firstWork > 0 && afterHandoff.slice(0, firstWork).every((b) => b === 'frontdesk'), afterHandoff.join(','));

    await exchange(page, 'takaisin', /./, 'the hand-back');
    await page.waitForFunction(() => document.querySelector('.aurorabots-title')?.textContent === 'Tampereen neuvontabotti', null, { timeout: 30_000 });
    await page.waitForTimeout(500);
    const afterBack = await messageAvatars(page);
    assert.deepEqual(afterBack.slice(0, afterHandoff.length), afterHandoff, 'earlier messages keep their avatars');
    assert.equal(afterBack.at(-1), 'frontdesk');
    await screenshot(page, 'widget-avatars-after-hand-back');
  });

  test('transcript download: plain text and HTML, without details the user did not type', async () => {
    const [textFile] = await Promise.all([page.waitForEvent('download'), page.locator('.aurorabots-save-text').click()]);
    const text = readFileSync(await textFile.path(), 'utf8');
    assert.match(textFile.suggestedFilename(), /\.txt$/);
    assert.match(text, /Sinä:\nolen 16-vuotias/);
    assert.match(text, /Tampereen neuvontabotti:/);
    // The work bot's greeting repeats the municipality it received in the hand-off: left out.
    assert.match(text, /jätetty pois/);
    assert.doesNotMatch(text, /tarjolla Tampereella/);

    const [htmlFile] = await Promise.all([page.waitForEvent('download'), page.locator('.aurorabots-save-html').click()]);
    const html = readFileSync(await htmlFile.path(), 'utf8');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="fi">/);
    assert.match(html, /<dd>olen 16-vuotias<\/dd>/);
    assert.doesNotMatch(html, /<script/i);
  });

  test('a language switch made in the chat moves the panel and Web Chat to that language', async () => {
    await exchange(page, 'vaihda kieltä', /Millä kielellä/, 'the language question');
    await page.locator(`${panel} .webchat__suggested-actions button`, { hasText: 'English' }).click();
    await page.waitForFunction(() => document.querySelector('[data-id="webchat-sendbox-input"]')?.placeholder === 'Type your message', null, { timeout: 20_000 });
    assert.equal(await page.locator('.aurorabots-end').innerText(), 'End conversation');
    assert.equal(await page.locator('.aurorabots-widget').getAttribute('lang'), 'en');
    assert.equal(await page.locator('.aurorabots-language').inputValue(), 'en');
  });

  test('"End conversation" asks first; Cancel keeps it; the ended notice follows the language and goes with the next message', async () => {
    const before = await page.evaluate(() => JSON.parse(sessionStorage.getItem('aurorabots:tampere')).conversationId);
    await page.locator('.aurorabots-end').click();
    assert.equal(await page.locator('.aurorabots-confirm').isVisible(), true);
    assert.match(await page.locator('.aurorabots-confirm-text').innerText(), /End the conversation\?/);
    assert.ok(await page.locator('.aurorabots-confirm-yes').evaluate((el) => el === document.activeElement), 'focus on the confirmation');
    assert.deepEqual(await seriousViolations(page, '.aurorabots-widget'), []);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.aurorabots-confirm').isHidden(), true);
    assert.ok(await page.locator('.aurorabots-end').evaluate((el) => el === document.activeElement), 'focus back on End');
    assert.equal(await page.evaluate(() => JSON.parse(sessionStorage.getItem('aurorabots:tampere')).conversationId), before, 'not ended');

    await page.locator('.aurorabots-end').click();
    await page.locator('.aurorabots-confirm-yes').click();
    await page.waitForFunction((old) => JSON.parse(sessionStorage.getItem('aurorabots:tampere') || '{}').conversationId !== old, before, { timeout: 20_000 });
    await page.waitForFunction(() => /has ended/.test(document.querySelector('.aurorabots-notice')?.textContent), null, { timeout: 10_000 });
    await page.selectOption('.aurorabots-language', 'fi');
    await page.waitForFunction(() => /lopetettu/.test(document.querySelector('.aurorabots-notice')?.textContent), null, { timeout: 10_000 });
    await waitForTranscript(page, panel, (e) => botEntries(e).length >= 1, 20_000, 'the new welcome');
    await say(page, panel, 'hei');
    await page.waitForFunction(() => document.querySelector('.aurorabots-notice')?.textContent === '', null, { timeout: 10_000 });
  });
});

describe('Vaasa: theme-coloured avatars', () => {
  test('the green site shows a green avatar, in the header and next to messages', async () => {
    const page = await openPanel(`http://vaasa.localhost:${host.port}/demo-sites/vaasa/`);
    const src = await page.locator('.aurorabots-avatar').getAttribute('src');
    assert.match(await (await fetch(src)).text(), /fill="#0f5c3a"/);
    await page.waitForFunction((s) => document.querySelector(`${s} img.aurorabots-message-avatar`), panel, { timeout: 10_000 });
    assert.equal(await page.locator(`${panel} img.aurorabots-message-avatar`).first().getAttribute('src'), src);
    await page.close();
  });
});

describe('a 375 px phone', () => {
  for (const language of ['fi', 'sv', 'en']) {
    test(`the open panel fills the screen; axe finds nothing serious (${language})`, async () => {
      const page = await openPanel(`http://localhost:${host.port}/demo-sites/tampere/`, { width: 375, height: 740 });
      if (language !== 'fi') {
        await page.selectOption('.aurorabots-language', language);
        await page.waitForFunction((l) => document.querySelector('.aurorabots-widget')?.getAttribute('lang') === l, language);
      }
      const box = await page.locator(panel).boundingBox();
      assert.deepEqual([box.x, box.y, Math.round(box.width), Math.round(box.height)], [0, 0, 375, 740]);
      assert.deepEqual(await seriousViolations(page), []);
      await screenshot(page, `widget-phone-375-${language}`);
      await page.locator('.aurorabots-close').click();
      assert.equal(await page.locator('.aurorabots-launcher').isVisible(), true, 'closing brings the launcher back');
      await page.close();
    });
  }
});
