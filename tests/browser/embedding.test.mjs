// Where a municipality can embed the widget, with the host's PublicBaseUrl left empty (derived from each request):
//   * a page served by the chat host itself (same origin: the configuration GET carries no Origin header);
//   * a page on another origin (nginx's own page embedding http://127.0.0.1:<host>/widget.js);
//   * behind a reverse proxy under a path prefix (nginx: the site at /, the chat host at /chat/).
// Also: the Web Chat bundle arrives compressed (br or gzip, <= 1.2 MB) and repeat visits take it from the cache.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seriousViolations } from './lib/axe.mjs';
import { launchBrowser, screenshot } from './lib/browser.mjs';
import { startHost } from './lib/host.mjs';
import { startNginx } from './lib/nginx.mjs';
import { botEntries, say, waitForTranscript } from './lib/webchat.mjs';

const panel = '.aurorabots-panel';
const MAX_BUNDLE_BYTES = 1.2 * 1024 * 1024;
let host;
let proxy;
let browser;

const municipalityPage = (widgetSrc) => `<!DOCTYPE html>
<html lang="fi"><head><meta charset="utf-8"><title>Kunnan sivu</title>
<script src="${widgetSrc}" data-tenant="tampere" async></script></head>
<body><main><h1>Kunnan sivu</h1><p>Chat oikeassa alakulmassa.</p></main></body></html>`;

before(async () => {
  host = await startHost('embedding', { Widget__PublicBaseUrl: '' });
  proxy = await startNginx(host.port, '/chat', {
    'prefixed.html': municipalityPage('/chat/widget.js'),
    'cross.html': municipalityPage(`${host.origin}/widget.js`),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await proxy?.stop();
  await host?.stop();
});

/** Opens the page, opens the panel and waits for the bot's welcome; returns the page and what it requested. */
async function chatOn(url) {
  const page = await browser.context.newPage();
  const requests = [];
  const sockets = [];
  page.on('request', (r) => requests.push(r));
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto(url);
  await page.locator('.aurorabots-launcher').click({ timeout: 20_000 });
  await page.locator(`${panel} [data-id="webchat-sendbox-input"]`).waitFor({ timeout: 20_000 });
  await waitForTranscript(page, panel, (e) => botEntries(e).length >= 1, 20_000, 'the welcome');
  return { page, requests, sockets };
}

async function answers(page, text) {
  await say(page, panel, text);
  await waitForTranscript(page, panel,
    (e) => { const i = e.findIndex((x) => x.fromUser && x.text.includes(text)); return i >= 0 && e.slice(i + 1).some((x) => !x.fromUser); },
    20_000, `a reply to "${text}"`);
}

describe('same origin: a page served by the chat host itself', () => {
  let page;
  let requests;
  before(async () => { ({ page, requests } = await chatOn(`${host.origin}/demo-sites/tampere/`)); });
  after(async () => { await page.close(); });

  test('the configuration GET carries no Origin header and the widget still appears and answers', async () => {
    const config = requests.find((r) => r.url().endsWith('/api/tenants/tampere/config'));
    assert.ok(config, 'configuration requested');
    assert.equal((await config.allHeaders()).origin, undefined, 'a same-origin GET has no Origin header');
    assert.equal((await config.response()).status(), 200);
    await answers(page, 'hei');
    await screenshot(page, 'embedding-same-origin');
  });

  test('the Web Chat bundle is transferred compressed (br or gzip) and at most 1.2 MB, from a versioned immutable URL', async () => {
    const bundle = requests.find((r) => /\/lib\/webchat\/[0-9a-f]+\/webchat\.js$/.test(r.url()));
    assert.ok(bundle, `versioned bundle URL requested: ${requests.map((r) => r.url()).filter((u) => u.includes('webchat')).join(', ')}`);
    const response = await bundle.response();
    const headers = await response.allHeaders();
    assert.match(headers['content-encoding'] ?? '', /^(br|gzip)$/);
    assert.match(headers['cache-control'], /immutable/);
    const { responseBodySize } = await bundle.sizes();
    assert.ok(responseBodySize > 100_000 && responseBodySize <= MAX_BUNDLE_BYTES, `transferred ${responseBodySize} bytes`);
  });

  test('a repeat visit loads the bundle from the browser cache', async () => {
    const second = await browser.context.newPage();
    await second.goto(`${host.origin}/demo-sites/tampere/services`);
    await second.locator('.aurorabots-launcher').click({ timeout: 20_000 });
    await second.locator(`${panel} [data-id="webchat-sendbox-input"]`).waitFor({ timeout: 20_000 });
    const entry = await second.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/webchat.js')).map((e) => ({ transferSize: e.transferSize, decoded: e.decodedBodySize }))[0]);
    assert.ok(entry && entry.decoded > 1_000_000, 'the bundle was used');
    assert.equal(entry.transferSize, 0, 'served from the cache without a network transfer');
    await second.close();
  });

  test('favicon.ico is served', async () => {
    const response = await page.request.get(`${host.origin}/favicon.ico`);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /image\/(x-icon|vnd\.microsoft\.icon)/);
  });
});

describe('another origin: a municipality page embedding the chat host directly', () => {
  test('the widget appears, connects to the chat host and answers', async () => {
    const { page, requests } = await chatOn(`${proxy.origin}/cross.html`);
    const config = requests.find((r) => r.url().endsWith('/api/tenants/tampere/config'));
    assert.equal((await config.allHeaders()).origin, proxy.origin);
    await answers(page, 'hei');
    assert.ok(requests.some((r) => r.url().startsWith(`${host.origin}/v3/directline/`)), 'Direct Line on the chat host');
    await page.close();
  });
});

describe('reverse proxy: the chat host under /chat on the municipality\'s own domain', () => {
  test('every chat URL keeps the prefix; the widget answers over the proxied WebSocket', async () => {
    const { page, requests, sockets } = await chatOn(`${proxy.origin}/prefixed.html`);
    const chatUrls = requests.map((r) => r.url()).filter((u) => /widget\.(js|css)|\/api\/tenants\/|\/v3\/directline\/|webchat\.js|\/img\//.test(u));
    assert.ok(chatUrls.length >= 5, chatUrls.join('\n'));
    for (const url of chatUrls) assert.ok(url.startsWith(`${proxy.origin}/chat/`), `${url} goes through the proxy prefix`);
    await answers(page, 'hei');
    assert.ok(sockets.length > 0 && sockets.every((u) => u.startsWith(`ws://localhost:${proxy.port}/chat/v3/directline/`)), sockets.join('\n'));
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'embedding-reverse-proxy');
    assert.doesNotMatch(proxy.errors(), /upstream/, 'nothing failed between the proxy and the chat host');
    await page.close();
  });
});
