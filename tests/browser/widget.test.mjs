// The embeddable widget on the two demo municipality sites, each on its own origin, cross-origin to the chat host:
//   chat host     http://127.0.0.1:<port>        (widget.js, Web Chat bundle, token endpoint, Direct Line)
//   Tampere site  http://localhost:<port>        (fi, blue theme)
//   Vaasa site    http://vaasa.localhost:<port>  (sv, green theme)
//   foreign site  http://evil.localhost:<port>   (allowed for no tenant)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seriousViolations } from './lib/axe.mjs';
import { launchBrowser, recordCspViolations, screenshot } from './lib/browser.mjs';
import { startHost } from './lib/host.mjs';
import { botEntries, say, transcript, userEntries, waitForTranscript } from './lib/webchat.mjs';

let host;
let browser;
const panel = '.aurorabots-panel';

before(async () => {
  host = await startHost('widget');
  browser = await launchBrowser();
  await recordCspViolations(browser.context);
});

after(async () => {
  await browser?.close();
  await host?.stop();
});

const tampere = () => `http://localhost:${host.port}/demo-sites/tampere/`;
const vaasa = () => `http://vaasa.localhost:${host.port}/demo-sites/vaasa/`;

async function openSite(url) {
  const page = await browser.context.newPage();
  const requests = [];
  const posted = [];
  page.on('request', (r) => {
    requests.push(r.url());
    if (r.method() === 'POST' && r.url().endsWith('/activities')) posted.push(JSON.parse(r.postData() || '{}'));
  });
  await page.goto(url);
  return { page, requests, posted };
}

const joinEvents = (posted) => posted.filter((a) => a.type === 'event' && a.name === 'webchat/join');

async function savedState(page, tenant) {
  return page.evaluate((t) => JSON.parse(sessionStorage.getItem(`aurorabots:${t}`) || 'null'), tenant);
}

async function openWithKeyboard(page) {
  const launcher = page.locator('.aurorabots-launcher');
  await launcher.waitFor();
  // Tab from the top of the page until the launcher has focus (skip link, navigation, … launcher).
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await launcher.evaluate((el) => el === document.activeElement)) break;
  }
  assert.ok(await launcher.evaluate((el) => el === document.activeElement), 'launcher is reachable with Tab');
  await page.keyboard.press('Enter');
  await page.locator(`${panel} [data-id="webchat-sendbox-input"]`).waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input', null, { timeout: 10_000 });
}

describe('Tampere demo site (Finnish, localhost origin)', () => {
  let page;
  let requests;
  let posted;

  before(async () => { ({ page, requests, posted } = await openSite(tampere())); });
  after(async () => { await page.close(); });

  test('keyboard only: open with Tab + Enter, type, send with Enter, get a reply, close with Esc', async () => {
    await openWithKeyboard(page);
    assert.equal(await page.locator('.aurorabots-launcher').getAttribute('aria-expanded'), 'true');
    await waitForTranscript(page, panel, (e) => botEntries(e).length >= 1, 20_000, 'the welcome');

    await page.keyboard.type('hei');
    await page.keyboard.press('Enter');
    await waitForTranscript(page, panel,
      (e) => { const i = e.findIndex((x) => x.fromUser && x.text.includes('hei')); return i >= 0 && e.slice(i + 1).some((x) => !x.fromUser); },
      20_000, 'reply to "hei"');

    // The header controls are reachable with Shift+Tab from the send box and operable with the keyboard.
    const focusable = await page.evaluate(() => Array.from(document.querySelectorAll('.aurorabots-header button, .aurorabots-header select')).map((e) => e.className));
    assert.ok(focusable.length >= 3, 'language, end and close controls');
    await page.locator('[data-id="webchat-sendbox-input"]').focus();
    await page.keyboard.press('Escape');
    assert.equal(await page.locator(panel).isHidden(), true, 'Esc closes the panel');
    assert.ok(await page.locator('.aurorabots-launcher').evaluate((el) => el === document.activeElement), 'focus returns to the launcher');
    assert.equal(await page.locator('.aurorabots-launcher').getAttribute('aria-expanded'), 'false');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input');

    // Shift+Tab back from the send box through the transcript to the header's Close button, then Enter.
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Shift+Tab');
      reached = await page.evaluate(() => document.activeElement?.classList.contains('aurorabots-close'));
    }
    assert.ok(reached, 'the Close button is reachable with Shift+Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator(panel).isHidden(), true, 'Enter on Close closes the panel');
    assert.ok(await page.locator('.aurorabots-launcher').evaluate((el) => el === document.activeElement));
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input');
    await screenshot(page, 'widget-tampere-keyboard');
  });

  test('the conversation is cross-origin to the chat host and was joined with the municipality code', async () => {
    const dl = requests.filter((u) => u.includes('/v3/directline/'));
    assert.ok(dl.length > 0 && dl.every((u) => u.startsWith(host.origin) || u.startsWith(host.origin.replace('http', 'ws'))), 'Direct Line on the chat host');
    assert.ok(requests.some((u) => /^http:\/\/127\.0\.0\.1:\d+\/lib\/webchat\/[0-9a-f]+\/webchat\.js$/.test(u) && u.startsWith(host.origin)), 'Web Chat bundle from the host, no CDN');
    assert.ok(!requests.some((u) => !u.startsWith(`http://localhost:${host.port}`) && !u.startsWith(host.origin) && !u.startsWith('data:') && !u.startsWith('blob:')), 'no third-party requests');
    const state = await savedState(page, 'tampere');
    assert.equal(state.joined, true);
    assert.ok(state.conversationId);
    const joins = joinEvents(posted);
    assert.equal(joins.length, 1, 'one join event');
    const { bot_names: botNames, ...site } = joins[0].value;
    assert.deepEqual(site, { locale: 'fi-FI', language: 'fi', tenant: 'tampere', municipality_code: '837' });
    assert.equal(botNames.frontdesk.fi, 'Tampereen neuvontabotti', 'the site\'s names for its bots');
  });

  test('reload continuity: the same conversation, every message exactly once, and it still answers', async () => {
    const before = await transcript(page, panel);
    const { conversationId, token, domain } = await savedState(page, 'tampere');
    await page.reload();
    await page.locator(`${panel} [data-id="webchat-sendbox-input"]`).waitFor({ timeout: 20_000 });
    const replayed = await waitForTranscript(page, panel, (e) => e.length >= before.length, 20_000, 'the replayed history');
    assert.equal((await savedState(page, 'tampere')).conversationId, conversationId);
    assert.deepEqual(replayed.map((e) => e.text), before.map((e) => e.text), 'no lost or duplicated messages');

    await say(page, panel, 'kiitos');
    const after = await waitForTranscript(page, panel,
      (e) => { const i = e.findIndex((x) => x.fromUser && x.text.includes('kiitos')); return i >= 0 && e.slice(i + 1).some((x) => !x.fromUser); },
      20_000, 'reply after the reload');
    assert.equal(userEntries(after).filter((e) => e.text.includes('hei')).length, 1);
    await screenshot(page, 'widget-tampere-after-reload');
  });

  test('navigation continuity: the conversation follows to another page of the site', async () => {
    const before = await transcript(page, panel);
    const { conversationId, token, domain } = await savedState(page, 'tampere');
    await page.locator('.masthead a[href$="/services"]').click();
    await page.waitForURL(/\/services$/);
    const replayed = await waitForTranscript(page, panel, (e) => e.length >= before.length, 20_000, 'history on the next page');
    assert.deepEqual(replayed.map((e) => e.text), before.map((e) => e.text));
    assert.equal((await savedState(page, 'tampere')).conversationId, conversationId);
  });

  test('language switch fi → sv → en changes the panel and Web Chat strings', async () => {
    const input = page.locator(`${panel} [data-id="webchat-sendbox-input"]`);
    assert.equal(await input.getAttribute('placeholder'), 'Kirjoita viestisi');
    await page.selectOption('.aurorabots-language', 'sv');
    await page.waitForFunction(() => document.querySelector('[data-id="webchat-sendbox-input"]')?.placeholder === 'Skriv ditt meddelande');
    assert.equal(await page.locator('.aurorabots-end').innerText(), 'Avsluta samtalet');
    assert.equal(await page.locator('.aurorabots-widget').getAttribute('lang'), 'sv');
    await page.selectOption('.aurorabots-language', 'en');
    await page.waitForFunction(() => document.querySelector('[data-id="webchat-sendbox-input"]')?.placeholder === 'Type your message');
    assert.equal(await page.locator('.aurorabots-end').innerText(), 'End conversation');
    await page.reload();
    await page.locator(`${panel} [data-id="webchat-sendbox-input"]`).waitFor({ timeout: 20_000 });
    assert.equal(await page.locator(`${panel} [data-id="webchat-sendbox-input"]`).getAttribute('placeholder'), 'Type your message', 'language survives reload');
    await page.selectOption('.aurorabots-language', 'fi');
    await page.waitForFunction(() => document.querySelector('[data-id="webchat-sendbox-input"]')?.placeholder === 'Kirjoita viestisi');
  });

  test('a reload right after a language switch keeps the language, and the bot answers in it', async () => {
    const input = () => page.locator(`${panel} [data-id="webchat-sendbox-input"]`);
    assert.equal(await input().getAttribute('placeholder'), 'Kirjoita viestisi');
    // No wait between the switch and the reload: the webchat/locale event may never leave the old page, and the
    // replayed history is all in Finnish. Neither may undo the choice.
    await page.selectOption('.aurorabots-language', 'sv');
    await page.reload();
    await input().waitFor({ timeout: 20_000 });
    assert.equal(await input().getAttribute('placeholder'), 'Skriv ditt meddelande', 'the chosen language after the reload');
    const before = await transcript(page, panel);
    await say(page, panel, 'ok');
    await waitForTranscript(page, panel,
      (e) => { const i = e.findIndex((x, n) => n >= before.length && x.fromUser && /\bok\b/.test(x.text)); return i >= 0 && e.slice(i + 1).some((x) => !x.fromUser); },
      20_000, 'a reply after the reload');
    // The widget follows the bot's language once the user has written: a Finnish reply would switch it back.
    await page.waitForTimeout(500);
    assert.equal(await input().getAttribute('placeholder'), 'Skriv ditt meddelande', 'the bot answered in the chosen language');
    await page.selectOption('.aurorabots-language', 'fi');
    await page.waitForFunction(() => document.querySelector('[data-id="webchat-sendbox-input"]')?.placeholder === 'Kirjoita viestisi');
  });

  test('axe: no serious or critical violations with the panel open', async () => {
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
  });

  test('strict CSP: the page never needed an inline script or style', async () => {
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  });

  test('"end conversation" clears it: new conversation, old messages gone, also after reload', async () => {
    const { conversationId, token, domain } = await savedState(page, 'tampere');
    // Record every announcement: the live region is cleared and refilled (so screen readers repeat it),
    // so a single read could land between the two writes.
    await page.evaluate(() => {
      window.__notices = [];
      const notice = document.querySelector('.aurorabots-notice');
      new MutationObserver(() => { if (notice.textContent) window.__notices.push(notice.textContent); })
        .observe(notice, { childList: true, characterData: true, subtree: true });
    });
    await page.locator('.aurorabots-end').click();
    await page.locator('.aurorabots-confirm-yes').click(); // "End conversation" asks first (widget-tenant.test.mjs)
    await page.waitForFunction((old) => {
      const saved = JSON.parse(sessionStorage.getItem('aurorabots:tampere') || 'null');
      return saved && saved.conversationId && saved.conversationId !== old;
    }, conversationId, { timeout: 20_000 });
    await page.waitForFunction(() => window.__notices.some((n) => /lopetettu/.test(n)), null, { timeout: 5_000 });
    // The ended conversation's token is revoked on the server: it no longer reads the conversation.
    const oldTokenStatus = await page.evaluate(async ({ domain, token, conversationId }) => {
      for (let i = 0; i < 50; i++) {
        const response = await fetch(`${domain}/conversations/${conversationId}/activities`, { headers: { Authorization: `Bearer ${token}` } });
        if (response.status !== 200) return response.status;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return 200;
    }, { domain, token, conversationId });
    assert.equal(oldTokenStatus, 403, 'the ended conversation\'s token is refused');
    const fresh = await waitForTranscript(page, panel, (e) => botEntries(e).length >= 1, 20_000, 'the new welcome');
    assert.equal(userEntries(fresh).length, 0, 'the old messages are gone');
    await page.reload();
    await page.locator(`${panel} [data-id="webchat-sendbox-input"]`).waitFor({ timeout: 20_000 });
    const afterReload = await waitForTranscript(page, panel, (e) => botEntries(e).length >= 1, 20_000, 'the new conversation after reload');
    assert.equal(userEntries(afterReload).length, 0);
  });
});

describe('Vaasa demo site (Swedish, green theme, vaasa.localhost origin)', () => {
  let page;

  before(async () => { ({ page } = await openSite(vaasa())); });
  after(async () => { await page.close(); });

  test('follows the page language and the tenant theme; send and receive', async () => {
    await page.locator('.aurorabots-launcher').click();
    const input = page.locator(`${panel} [data-id="webchat-sendbox-input"]`);
    await input.waitFor({ timeout: 20_000 });
    assert.equal(await input.getAttribute('placeholder'), 'Skriv ditt meddelande');
    assert.equal(await page.locator('.aurorabots-language').inputValue(), 'sv');
    assert.equal(await page.locator('.aurorabots-header').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(15, 92, 58)');
    await waitForTranscript(page, panel, (e) => botEntries(e).length >= 1, 20_000, 'the welcome');
    await say(page, panel, 'hej');
    await waitForTranscript(page, panel,
      (e) => { const i = e.findIndex((x) => x.fromUser && x.text.includes('hej')); return i >= 0 && e.slice(i + 1).some((x) => !x.fromUser); },
      20_000, 'reply to "hej"');
    await screenshot(page, 'widget-vaasa');
  });

  test('reload continuity on the second site', async () => {
    const before = await transcript(page, panel);
    await page.reload();
    const replayed = await waitForTranscript(page, panel, (e) => e.length >= before.length, 20_000, 'the replayed history');
    assert.deepEqual(replayed.map((e) => e.text), before.map((e) => e.text));
  });

  test('axe: no serious or critical violations', async () => {
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  });
});

describe('cross-platform hand-off into the widget', () => {
  test('an auroraai_access_token on the page is forwarded once in the join event and removed from the address bar', async () => {
    const { page, posted } = await openSite(`${vaasa()}?auroraai_access_token=0123456789abcdef0123456789abcdef&x=1`);
    await page.locator('.aurorabots-launcher').click();
    await page.waitForFunction(() => JSON.parse(sessionStorage.getItem('aurorabots:vaasa') || '{}').joined === true, null, { timeout: 20_000 });
    await page.waitForTimeout(300);
    const joins = joinEvents(posted);
    assert.equal(joins.length, 1);
    assert.equal(joins[0].value.auroraai_access_token, '0123456789abcdef0123456789abcdef');
    assert.equal(joins[0].value.municipality_code, '905');
    assert.equal(new URL(page.url()).search, '?x=1', 'token removed, other parameters kept');
    await page.close();
  });
});

describe('a site that is not allowed', () => {
  test('gets no widget, no token and no Direct Line conversation', async () => {
    const { page, requests } = await openSite(`http://evil.localhost:${host.port}/demo-sites/tampere/`);
    await page.waitForFunction(() => window.__auroraBotsWidget?.tampere?.refused, null, { timeout: 20_000 });
    assert.equal(await page.evaluate(() => window.__auroraBotsWidget.tampere.refused), 403);
    assert.equal(await page.locator('.aurorabots-launcher').count(), 0);
    const status = await page.evaluate(async (origin) => (await fetch(`${origin}/api/tenants/tampere/token`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}',
    })).status, host.origin);
    assert.equal(status, 403);
    assert.ok(!requests.some((u) => u.includes('/v3/directline/')), 'no Direct Line traffic');
    await screenshot(page, 'widget-refused-origin');
    await page.close();
  });
});
