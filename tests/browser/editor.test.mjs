// The content editor at /editor in headless Chromium, against the real built host with a throw-away live folder:
// sign in, edit a text in the form, see a validation error at the field, fix it, save, see the new text in the
// draft preview, run the bot's tests, publish, the LIVE bot greets with the new text (no restart), roll back, the
// live bot greets with the old text again (issue 7, point 7). Plus: a 409 conflict between two pages, a preview
// conversation saved as a test and a failing test's diff, YAML view ⇄ form and a missing language, axe-core on every
// view, an admin adding a user, the app's static files, and an editor-only user without publish.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { seriousViolations } from './lib/axe.mjs';
import { launchBrowser, recordCspViolations, screenshot, watch } from './lib/browser.mjs';
import { editorWorkspace, liveGreeting, waitForLiveGreeting } from './lib/editor.mjs';
import { openFile, textField } from './lib/editor-ui.mjs';
import { startHost } from './lib/host.mjs';
import { botEntries, say, waitForTranscript } from './lib/webchat.mjs';

const publisher = { name: 'pekka', password: 'publisher-pass-1', roles: ['publisher'] };
const editor = { name: 'ella', password: 'editor-pass-1', roles: ['editor'] };
const admin = { name: 'aino', password: 'admin-pass-1', roles: ['admin'] };

const file = 'sample/main.yaml';
const field = 'steps[0].say.en';
const originalText = 'Hi, I am {bot.name}. I can ask how you are.';
const editedText = 'Hi, I am {bot.name}. I can ask how you are, and this greeting was edited in the browser.';
const greetingOld = 'Hi, I am Sample bot. I can ask how you are.';
const greetingNew = 'Hi, I am Sample bot. I can ask how you are, and this greeting was edited in the browser.';

let host;
let browser;
let workspace;

before(async () => {
  workspace = editorWorkspace([publisher, editor, admin]);
  host = await startHost('editor', workspace.env);
  browser = await launchBrowser();
  await recordCspViolations(browser.context);
});

after(async () => {
  await browser?.close();
  await host?.stop();
  workspace?.remove();
});

async function signIn(page, user) {
  await page.goto(`${host.origin}/editor`);
  await page.getByLabel('Name', { exact: true }).fill(user.name);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#whoami', { hasText: `Signed in as ${user.name}` }).waitFor();
}

const fieldErrors = (page, yamlPath) => page.locator(`#form-view .field[data-path="${yamlPath}"] .field-error`);

test('sign in, edit, validate at the field, fix, save, preview the draft, run tests, publish, live bot, roll back', async () => {
  const page = await browser.context.newPage();
  const problems = watch(page);

  // The page itself is public and strict: it shows the sign-in form and carries a nonce-based CSP.
  const response = await page.goto(`${host.origin}/editor`);
  const csp = response.headers()['content-security-policy'];
  const scripts = csp.match(/script-src ([^;]*)/)[1];
  assert.doesNotMatch(scripts, /unsafe-inline|unsafe-eval|nonce-/, 'no inline or eval script allowed');
  assert.match(csp, /style-src 'self'[^;]* 'nonce-[A-Za-z0-9+/=]+'/);
  await page.locator('#signin-form').waitFor();
  await screenshot(page, 'editor-sign-in');

  await signIn(page, publisher);
  assert.equal(await page.locator('#whoami').innerText(), 'Signed in as pekka (publisher)');
  assert.equal(await liveGreeting(host.origin, 'sample', 'en'), greetingOld, 'the live bot starts with the repository text');

  // Browse: bot → file → steps.
  await openFile(page, file);
  await page.locator('#nav-tree button.step', { hasText: 'Step 1 — Message' }).waitFor();
  const en = textField(page, field);
  assert.equal(await en.inputValue(), originalText);
  for (const language of ['fi', 'sv']) assert.ok((await textField(page, `steps[0].say.${language}`).inputValue()).length > 0, `${language} side by side`);

  // An unknown placeholder: the loader's FluentValidation rule reports it at this field while typing.
  await en.fill('Hi, I am {bot.nickname}. I can ask how you are.');
  await fieldErrors(page, field).filter({ hasText: "unknown placeholder '{bot.nickname}'" }).waitFor({ timeout: 10_000 });
  assert.equal(await en.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#validation-status').innerText(), /1 error\(s\) in the draft, 1 in this file/);
  await screenshot(page, 'editor-validation-error', { fullPage: true });

  // Fixed: the error goes away, nothing saved yet.
  await en.fill(editedText);
  await page.locator('#validation-status', { hasText: 'No errors' }).waitFor({ timeout: 10_000 });
  assert.equal(await fieldErrors(page, field).count(), 0);
  assert.equal(await en.getAttribute('aria-invalid'), null);
  // The form edited only that value: the YAML view shows the same file with the new text, comments and style intact.
  await page.getByRole('button', { name: 'YAML', exact: true }).click();
  const yaml = await page.locator('#yaml-text').inputValue();
  const source = readFileSync(path.join(workspace.live, file), 'utf8');
  assert.equal(yaml, source.replace(`en: "${originalText}"`, `en: "${editedText}"`));
  assert.ok(await page.locator('#yaml-highlight .y-key').count() > 3, 'the YAML view is highlighted');
  await page.getByRole('button', { name: 'Form', exact: true }).click();

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('#file-status', { hasText: `Saved ${file}. The draft is valid.` }).waitFor();
  assert.equal(readFileSync(path.join(workspace.live, file), 'utf8'), source, 'saving changes the draft only, not the live bot');

  // Translation coverage: only English changed, so Finnish and Swedish are marked to be checked, at the field and in the report.
  assert.equal(await page.locator('#form-view .language[data-language="fi"] .mark-outdated').innerText(), 'outdated');
  await page.getByRole('tab', { name: 'Translations' }).click();
  const outdated = page.locator('#coverage-report tr', { hasText: `${file} · Step 1 › Message` });
  await outdated.waitFor();
  assert.match(await outdated.innerText(), /en\s+fi, sv\s+pekka/);
  await page.getByRole('tab', { name: 'Edit', exact: true }).click();

  // Preview: the DRAFT answers with the new text; the trace beside it names flow and step.
  await page.selectOption('#preview-locale', 'en');
  await waitForTranscript(page, '#preview-chat', (e) => botEntries(e).some((x) => x.text.includes('edited in the browser')), 20_000, 'the draft greeting in the preview');
  await page.locator('#trace-list .trace-where', { hasText: 'sample · main' }).first().waitFor();
  assert.equal(await liveGreeting(host.origin, 'sample', 'en'), greetingOld, 'the live bot still has the published text');
  await screenshot(page, 'editor-preview', { fullPage: true });

  // Tests: the bot's transcript tests run against the draft and pass.
  await page.getByRole('tab', { name: 'Tests' }).click();
  await page.selectOption('#tests-bot', 'sample');
  await page.getByRole('button', { name: "Run the bot's tests" }).click();
  const summary = await page.locator('#tests-status', { hasText: /passed/ }).innerText({ timeout: 60_000 });
  const [, passed, failed] = summary.match(/(\d+) passed, (\d+) failed/);
  assert.ok(Number(passed) >= 4, summary);
  assert.equal(Number(failed), 0, summary);
  assert.equal(await page.locator('#tests-results li.test-result.pass').count(), Number(passed));
  await screenshot(page, 'editor-tests', { fullPage: true });

  // Publish: the live bot greets with the new text, without a restart.
  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.getByLabel('What changed').fill('Greeting edited in the browser test');
  await page.getByRole('button', { name: 'Publish the draft' }).click();
  await page.locator('#versions-status', { hasText: /Published version 2 \(1 file\(s\) changed\)/ }).waitFor();
  assert.equal(await waitForLiveGreeting(host.origin, 'sample', 'en', (t) => t.includes('edited in the browser')), greetingNew);
  await page.locator('#versions-live', { hasText: 'The bots serve version 2' }).waitFor();

  // Diff of the two versions shows the change.
  await page.selectOption('#diff-from', '1');
  await page.selectOption('#diff-to', '2');
  await page.getByRole('button', { name: 'Show differences' }).click();
  await page.locator('#diff-output pre.unified .added', { hasText: 'edited in the browser' }).waitFor();
  await screenshot(page, 'editor-versions', { fullPage: true });

  // Roll back to version 1: the live bot greets with the old text again; the draft follows.
  await page.getByRole('button', { name: 'Roll back to version 1' }).click();
  await page.getByLabel('Why roll back to version 1?').fill('Back to the original greeting');
  await page.getByRole('button', { name: 'Confirm rollback' }).click();
  await page.locator('#versions-status', { hasText: 'Version 3 is live: it is version 1 again' }).waitFor();
  assert.equal(await waitForLiveGreeting(host.origin, 'sample', 'en', (t) => !t.includes('edited in the browser')), greetingOld);
  await page.getByRole('tab', { name: 'Edit', exact: true }).click();
  assert.equal(await textField(page, field).inputValue(), originalText, 'the open file shows the rolled-back draft');

  // Audit log (publisher) records it all.
  await page.getByRole('tab', { name: 'Audit log' }).click();
  await page.locator('#audit-list tr', { hasText: 'rollback' }).first().waitFor();
  for (const action of ['sign-in', 'save', 'publish']) assert.ok(await page.locator('#audit-list td', { hasText: action }).count() >= 1, action);

  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violations');
  assert.deepEqual(problems.pageErrors, []);
  await page.close();
});

test('two pages editing the same file: the second save gets a conflict, nothing is overwritten', async () => {
  const first = await browser.context.newPage();
  const second = await browser.context.newPage();
  for (const page of [first, second]) {
    await page.goto(`${host.origin}/editor`);
    await page.locator('#whoami', { hasText: 'pekka' }).waitFor(); // same browser, same session cookie
    await openFile(page, file);
  }
  await textField(first, 'steps[0].say.fi').fill('Hei, olen {bot.name}. Ensimmäinen muokkaus.');
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await first.locator('#file-status', { hasText: 'Saved' }).waitFor();

  await textField(second, 'steps[0].say.fi').fill('Hei, olen {bot.name}. Toinen muokkaus.');
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  const conflict = second.locator('#conflict');
  await conflict.waitFor();
  assert.match(await conflict.innerText(), /Someone else changed this file since you opened it/);
  assert.equal(await second.locator('#file-status').innerText(), 'Not saved: someone else changed this file.');
  await screenshot(second, 'editor-conflict', { fullPage: true });

  // The first save survived; reloading shows it.
  await second.getByRole('button', { name: 'Reload the file (discards my changes)' }).click();
  await second.locator('#conflict').waitFor({ state: 'hidden' });
  assert.equal(await textField(second, 'steps[0].say.fi').inputValue(), 'Hei, olen {bot.name}. Ensimmäinen muokkaus.');
  await first.close();
  await second.close();
});

test('a slow answer when opening a file never replaces text typed meanwhile, nor a file chosen after it', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${host.origin}/editor`);
  await page.locator('#whoami', { hasText: 'pekka' }).waitFor();
  await openFile(page, file);
  const before = await textField(page, field).inputValue();
  const draftText = () => page.evaluate(async (f) => (await (await fetch(`/editor/api/files/${f}`)).json()).content, file);
  // From now on a file's content arrives late (bot.yaml later than main.yaml), as on a loaded server.
  await page.route(/\/editor\/api\/files\/.+/, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, route.request().url().endsWith('bot.yaml') ? 1200 : 600));
    await route.fulfill({ response });
  });
  // Choosing the open file again, then typing and saving: the typed text stays and is what the draft holds.
  await page.locator(`button[data-file="${file}"]`).click();
  const typed = 'Hi, I am {bot.name}. Typed right after choosing the open file again.';
  await textField(page, field).fill(typed);
  await page.locator('#save-file').click();
  await page.locator('#file-status', { hasText: 'Saved' }).waitFor();
  await page.waitForTimeout(1500); // longer than any late answer
  assert.equal(await textField(page, field).inputValue(), typed);
  assert.match(await draftText(), /Typed right after choosing/);

  // bot.yaml is chosen, then main.yaml before bot.yaml has arrived: main.yaml is what stays open.
  await page.locator('button[data-file="sample/bot.yaml"]').click();
  await page.locator(`button[data-file="${file}"]`).click();
  await page.locator('#panel-edit:not([aria-busy])').waitFor();
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('#file-title').innerText(), file);
  assert.equal(await textField(page, field).inputValue(), typed);

  await page.unroute(/\/editor\/api\/files\/.+/);
  await textField(page, field).fill(before);
  await page.locator('#save-file').click();
  await page.locator('#file-status', { hasText: 'Saved' }).waitFor();
  assert.equal(await draftText().then((text) => text.includes(typed)), false);
  await page.close();
});

test('a preview conversation saved as a test runs with the bot\'s tests; a broken text shows expected vs actual', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${host.origin}/editor`);
  await page.locator('#whoami', { hasText: 'pekka' }).waitFor();
  await openFile(page, file);
  await page.selectOption('#preview-locale', 'en');
  await waitForTranscript(page, '#preview-chat', (e) => botEntries(e).some((x) => x.text.includes('I can ask how you are')), 20_000, 'the English greeting');
  await say(page, '#preview-chat', 'ask how I am');
  await waitForTranscript(page, '#preview-chat', (e) => botEntries(e).some((x) => x.text.includes('How old are you?')), 20_000, 'the age question');
  await page.locator('#trace-list .trace-where', { hasText: 'sample · checkin · age' }).waitFor();
  await screenshot(page, 'editor-preview-trace');

  await page.getByLabel('Test name').fill('Check-in from the preview');
  await page.getByRole('button', { name: 'Save as test' }).click();
  const saved = await page.locator('#preview-status', { hasText: 'Saved the conversation as the test' }).innerText();
  const testFile = saved.match(/(sample\/tests\/[a-z0-9_-]+\.yaml)/)[1];
  await page.locator(`button[data-file="${testFile}"]`).waitFor();

  await page.getByRole('tab', { name: 'Tests' }).click();
  await page.selectOption('#tests-bot', 'sample');
  await page.getByRole('button', { name: "Run the bot's tests" }).click();
  await page.locator('#tests-status', { hasText: /passed/ }).waitFor({ timeout: 60_000 });
  assert.ok(await page.locator('#tests-results li.pass', { hasText: 'Check-in from the preview' }).count() >= 1, 'the recorded test passes on the draft');

  // Break the Finnish greeting that sample/tests/checkin.yaml expects: the failure shows expected (−) vs actual (+).
  await page.getByRole('tab', { name: 'Edit', exact: true }).click();
  await textField(page, 'steps[0].say.fi').fill('Moi! Täällä {bot.name}.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('#file-status', { hasText: 'Saved' }).waitFor();
  await page.getByRole('tab', { name: 'Tests' }).click();
  await page.getByRole('button', { name: "Run the bot's tests" }).click();
  const summary = await page.locator('#tests-status', { hasText: /passed/ }).innerText({ timeout: 60_000 });
  assert.ok(Number(summary.match(/(\d+) failed/)[1]) >= 1, summary);
  const failure = page.locator('#tests-results li.fail', { hasText: '(fi)' }).first();
  await failure.waitFor();
  assert.match(await failure.innerText(), /Hei, olen Esimerkkibotti/, 'the expectation is shown');
  assert.ok(await failure.locator('.diff-line.added', { hasText: 'Moi! Täällä Esimerkkibotti.' }).count() >= 1, 'the actual message is shown as +');
  await screenshot(page, 'editor-test-failure', { fullPage: true });
  await page.close();
});

test('the YAML view and the form stay in sync; a missing language is marked at the field and can be added', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${host.origin}/editor`);
  await page.locator('#whoami', { hasText: 'pekka' }).waitFor();
  await openFile(page, file);
  await page.getByRole('button', { name: 'YAML', exact: true }).click();
  const yaml = page.locator('#yaml-text');
  const before = await yaml.inputValue();
  const svLine = before.split('\n').find((line) => line.trim().startsWith('sv: "Hej, jag är {bot.name}'));
  assert.ok(svLine, before);
  await yaml.fill(before.replace(svLine + '\n', ''));
  await page.locator('#validation-list li', { hasText: 'Step 1 › Message › Swedish' }).waitFor({ timeout: 10_000 });

  await page.getByRole('button', { name: 'Form', exact: true }).click();
  const missing = page.locator('#form-view .language.missing[data-language="sv"]');
  assert.equal(await missing.locator('.mark-missing').innerText(), 'missing');
  assert.match(await missing.locator('.field-error').innerText(), /missing translation/);
  await missing.getByRole('button', { name: 'Add Swedish' }).click();
  const sv = textField(page, 'steps[0].say.sv');
  assert.equal(await sv.evaluate((el) => el === document.activeElement), true, 'the new field has the focus');
  await sv.fill('Hej, jag är {bot.name}!');
  await page.locator('#validation-status', { hasText: 'No errors' }).waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: 'YAML', exact: true }).click();
  assert.match(await yaml.inputValue(), /\n {6}sv: "Hej, jag är \{bot\.name\}!"\n/);
  assert.equal(await page.locator('#file-status').innerText(), 'Unsaved changes.');
  await page.close();
});

test('the editor page has no serious or critical accessibility violations', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${host.origin}/editor`);
  await page.locator('#whoami', { hasText: 'pekka' }).waitFor();
  await openFile(page, file);
  await page.locator('#preview-chat [data-id="webchat-sendbox-input"]').waitFor({ timeout: 20_000 });
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
  await screenshot(page, 'editor', { fullPage: false });

  // Every other view too: the YAML view and each tab with its content loaded.
  await page.getByRole('button', { name: 'YAML', exact: true }).click();
  assert.deepEqual(await seriousViolations(page), [], 'YAML view');
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  for (const [tab, ready] of [['Tests', '#tests-status'], ['Versions', '#versions-list tr'], ['Translations', '#coverage-report section'], ['Audit log', '#audit-list tr']]) {
    await page.getByRole('tab', { name: tab }).click();
    await page.locator(ready).first().waitFor();
    const found = await seriousViolations(page);
    assert.deepEqual(found, [], `${tab}: ${JSON.stringify(found, null, 1)}`);
  }
  await page.getByRole('tab', { name: 'Edit', exact: true }).click();
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violations in any view');

  // Keyboard: the tabs follow the arrow keys.
  await page.getByRole('tab', { name: 'Edit', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('tab', { name: 'Tests' }).getAttribute('aria-selected'), 'true');
  await page.close();
});

test('an admin adds a user, who can then sign in with the role given', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${host.origin}/editor`);
  await page.locator('#whoami', { hasText: 'pekka' }).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, admin);
  await page.getByRole('tab', { name: 'Users' }).click();
  await page.locator('#users-list tr', { hasText: 'pekka' }).waitFor();
  await page.getByLabel("New user's name").fill('olli');
  await page.getByLabel("New user's password (at least 12 characters)").fill('olli-password-123');
  await page.getByLabel("New user's role").selectOption('editor');
  await page.getByRole('button', { name: 'Add user' }).click();
  await page.locator('#users-status', { hasText: 'Added olli.' }).waitFor();
  assert.match(await page.locator('#users-list tr', { hasText: 'olli' }).innerText(), /olli\s+editor\s+editor/);
  await screenshot(page, 'editor-users', { fullPage: true });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, { name: 'olli', password: 'olli-password-123' });
  assert.equal(await page.locator('#whoami').innerText(), 'Signed in as olli (editor)');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, publisher); // the next test starts from the publisher's session
  await page.close();
});

test('the app\'s files: modules and the yaml package from the assembly, revalidated by ETag; nothing else is served', async () => {
  const main = await fetch(`${host.origin}/editor/app/js/main.mjs`);
  assert.equal(main.status, 200);
  assert.match(main.headers.get('content-type'), /^text\/javascript/);
  assert.equal(main.headers.get('x-content-type-options'), 'nosniff');
  const again = await fetch(`${host.origin}/editor/app/js/main.mjs`, { headers: { 'If-None-Match': main.headers.get('etag') } });
  assert.equal(again.status, 304);
  const yaml = await fetch(`${host.origin}/editor/app/vendor/yaml/index.js`);
  assert.equal(yaml.status, 200);
  assert.match(await yaml.text(), /from '\.\/dist\/index\.js'/);
  assert.equal((await fetch(`${host.origin}/editor/app/vendor/yaml/LICENSE.txt`)).status, 200);
  for (const missing of ['/editor/app/index.html', '/editor/app/nope.mjs', '/editor/app/..%2FExtensions.cs', '/editor/app/vendor-npm/package.json']) {
    assert.equal((await fetch(`${host.origin}${missing}`)).status, 404, missing);
  }
  // The data is not public: without the cookie the API answers 401.
  assert.equal((await fetch(`${host.origin}/editor/api/files`)).status, 401);
});

test('an editor-only user does not see publish or roll back, and the server refuses them', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${host.origin}/editor`);
  await page.locator('#whoami', { hasText: 'pekka' }).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('#signin-form').waitFor();
  await signIn(page, editor);

  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.locator('#versions-list tr').first().waitFor();
  assert.equal(await page.locator('#publish-form').isVisible(), false, 'no publish form');
  assert.equal(await page.getByRole('button', { name: /Roll back/ }).count(), 0, 'no rollback buttons');
  assert.equal(await page.getByRole('tab', { name: 'Audit log' }).isVisible(), false);
  assert.equal(await page.getByRole('tab', { name: 'Users' }).isVisible(), false);
  // Editing and the diff stay available.
  await openFile(page, file);
  assert.equal(await textField(page, field).isEditable(), true);

  const status = await page.evaluate(async () => (await fetch('/editor/api/versions', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ comment: 'sneaky' }),
  })).status);
  assert.equal(status, 403, 'the server refuses a publish by an editor');
  await page.close();
});
