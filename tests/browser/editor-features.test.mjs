// The editor at /editor in headless Chromium against the real built host with a throw-away live
// folder: the trace (bot · flow · step) under each bot message of the preview, the Finnish/Swedish/English UI, the
// preview as on a municipality's website, publishing refused by failing transcript tests, and the per-language diff
// of two versions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { seriousViolations } from './lib/axe.mjs';
import { launchBrowser, recordCspViolations, screenshot, watch } from './lib/browser.mjs';
import { editorWorkspace, liveGreeting } from './lib/editor.mjs';
import { editAndSave, openEditor, openFile, signIn, textField, waitForPreview } from './lib/editor-ui.mjs';
import { startHost } from './lib/host.mjs';
import { say } from './lib/webchat.mjs';

const publisher = { name: 'pekka', password: 'publisher-pass-1', roles: ['publisher'] };
const admin = { name: 'aino', password: 'admin-pass-1', roles: ['admin'] };

let host;
let browser;
let workspace;

before(async () => {
  workspace = editorWorkspace([publisher, admin]);
  host = await startHost('editor-features', workspace.env);
  browser = await launchBrowser();
  await recordCspViolations(browser.context);
});

after(async () => {
  await browser?.close();
  await host?.stop();
  workspace?.remove();
});

async function previewBot(page, bot, locale, municipality = '') {
  await page.selectOption('#preview-bot', bot);
  await page.selectOption('#preview-locale', locale);
  if (municipality !== null) await page.selectOption('#preview-municipality', municipality);
}

test('each bot message in the preview has its trace (bot · flow · step) right under it, also after re-renders', async () => {
  const page = await browser.context.newPage();
  const problems = watch(page);
  await signIn(page, host.origin, publisher);
  await previewBot(page, 'youth', 'en');
  // The youth bot greets (main, first step: unnamed, so its stable id is derived from its content, "say:<hash>") and
  // asks whether to start the check-in (main · offer).
  let messages = await waitForPreview(page, (m) => m.some((x) => x.text.includes('ten quick questions') && x.traces), 'the offer with its trace');
  const greeting = messages.find((m) => m.text.includes('Youth wellbeing bot'));
  const offer = messages.find((m) => m.text.includes('ten quick questions'));
  assert.equal(greeting.flow, 'main');
  assert.match(greeting.step, /^say:[0-9a-f]{8}$/);
  assert.deepEqual([offer.flow, offer.step], ['main', 'offer']);
  assert.equal(offer.visible, 'youth · main · offer');
  assert.equal(offer.spoken, 'trace: bot youth, flow main, step offer', 'screen readers hear the trace as words');

  // The user answers: the check-in flow starts; the new messages get theirs, the earlier ones keep theirs.
  await say(page, '#preview-chat', 'yes');
  messages = await waitForPreview(page, (m) => m.some((x) => x.step === 'health'), 'the first check-in question with its trace');
  assert.ok(messages.length >= 4, JSON.stringify(messages));
  for (const message of messages) assert.equal(message.traces, 1, `exactly one trace under: ${message.text}`);
  const question = messages.find((m) => m.step === 'health');
  assert.match(question.text, /1\/10 How do you feel in body and mind/);
  assert.equal(question.flow, 'checkin');
  assert.equal(await page.locator('#preview-chat .webchat__stacked-layout--from-user .preview-trace').count(), 0, 'no trace under the user\'s own message');
  // The trace is not a focus stop (keyboard users move through the transcript as Web Chat defines).
  assert.equal(await page.locator('#preview-chat .preview-trace[tabindex], #preview-chat .preview-trace button').count(), 0);
  // The column beside the chat lists the same.
  await page.locator('#trace-list .trace-where', { hasText: 'youth · checkin · health' }).waitFor();
  await screenshot(page, 'editor-preview-inline-trace');
  assert.deepEqual(await seriousViolations(page, '#preview'), []);
  assert.deepEqual(problems.pageErrors, []);
  await page.close();
});

test('the UI in Finnish and Swedish: the browser\'s language by default, a switch in the header, remembered', async () => {
  const page = await browser.context.newPage();
  // A Swedish-speaking browser, nothing chosen yet: Swedish.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'languages', { get: () => ['sv-FI', 'sv', 'en'] });
    Object.defineProperty(navigator, 'language', { get: () => 'sv-FI' });
  });
  await page.goto(`${host.origin}/editor`);
  // Signed out (the suite's pages share one session cookie), nothing chosen yet.
  await page.evaluate(async () => {
    localStorage.removeItem('aurora-editor-language');
    await fetch('/editor/api/session', { method: 'DELETE' });
  });
  await page.reload();
  await page.locator('#signin-form h2', { hasText: 'Logga in' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
  assert.equal(await page.getByLabel('Lösenord', { exact: true }).count(), 1);

  // Switched to Finnish in the header: the sign-in form is Finnish, <html lang> follows, axe stays clean.
  await page.getByLabel('Gränssnittets språk').selectOption('fi');
  await page.locator('#signin-form h2', { hasText: 'Kirjaudu sisään' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fi');
  await page.getByLabel('Nimi', { exact: true }).fill(publisher.name);
  await page.getByLabel('Salasana', { exact: true }).fill(publisher.password);
  assert.deepEqual(await seriousViolations(page), [], 'sign-in in Finnish');
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
  await page.locator('#whoami', { hasText: 'Kirjautunut: pekka (julkaisija)' }).waitFor();

  // The app in Finnish: tab names, the navigator, the form's language labels, the preview's municipality choice.
  for (const name of ['Muokkaa', 'Testit', 'Versiot', 'Käännökset', 'Tapahtumaloki']) await page.getByRole('tab', { name, exact: true }).waitFor();
  await openFile(page, 'sample/main.yaml');
  await page.locator('#nav-tree details[data-bot="sample"] .group-title', { hasText: 'Keskustelupolut' }).waitFor();
  await page.locator('#nav-tree button.step', { hasText: 'Vaihe 1 — Viesti' }).waitFor();
  await page.getByText('Ruotsi (sv)').first().waitFor();
  // Switching with a file open keeps the file and labels its form in the new language.
  await page.locator('#ui-language').selectOption('sv');
  await page.getByText('Svenska (sv)').first().waitFor();
  assert.equal(await page.locator('#file-title').innerText(), 'sample/main.yaml');
  await page.locator('#ui-language').selectOption('fi');
  await page.getByText('Ruotsi (sv)').first().waitFor();
  assert.equal(await page.locator('#file-title').innerText(), 'sample/main.yaml');
  await page.locator('#preview-municipality option', { hasText: 'Ei kuntaa' }).waitFor({ state: 'attached' });
  await page.locator('#preview-municipality option[value="564"]', { hasText: 'Oulu' }).waitFor({ state: 'attached' });
  await page.locator('#preview-municipality option[value="091"]', { hasText: 'Helsinki' }).waitFor({ state: 'attached' });
  await page.locator('#preview-chat [data-id="webchat-sendbox-input"]').waitFor({ timeout: 20_000 });
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
  await page.getByRole('tab', { name: 'Versiot' }).click();
  await page.getByRole('button', { name: 'Julkaise luonnos' }).waitFor();
  await page.locator('#versions-live', { hasText: 'Botit käyttävät versiota 1' }).waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'Versions tab in Finnish');
  await screenshot(page, 'editor-finnish', { fullPage: false });

  // Remembered: a new page (another tab) opens in Finnish although the browser says Swedish.
  const again = await browser.context.newPage();
  await again.addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['sv-FI', 'sv'] }));
  await again.goto(`${host.origin}/editor`);
  await again.getByRole('tab', { name: 'Muokkaa', exact: true }).waitFor();
  assert.equal(await again.evaluate(() => document.documentElement.lang), 'fi');
  // Swedish names of the municipalities in Swedish (Uleåborg is Oulu).
  await again.locator('#ui-language').selectOption('sv');
  await again.getByRole('tab', { name: 'Redigera', exact: true }).waitFor();
  await again.locator('#preview-municipality option[value="564"]', { hasText: 'Uleåborg' }).waitFor({ state: 'attached' });
  await again.locator('#ui-language').selectOption('en'); // the suite's other tests read English
  await again.getByRole('tab', { name: 'Edit', exact: true }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await again.close();
  await page.close();
});

test('the preview as on a municipality\'s website: the bot knows the municipality without asking', async () => {
  const page = await browser.context.newPage();
  await openEditor(page, host.origin, publisher);
  await page.locator('#preview-municipality option[value="564"]').waitFor({ state: 'attached' });

  // Without a municipality the youth bot knows nothing about the user…
  await previewBot(page, 'youth', 'en', '');
  await waitForPreview(page, (m) => m.some((x) => x.step === 'offer'), 'the youth greeting');
  await say(page, '#preview-chat', 'what do you know about me');
  let messages = await waitForPreview(page, (m) => m.some((x) => x.text.includes('knows this about you') && x.traces), 'the answer to "what do you know about me"');
  const unknown = messages.find((m) => m.text.includes('knows this about you'));
  assert.doesNotMatch(unknown.text, /Oulu/);
  assert.equal(unknown.flow, 'what_do_you_know');

  // …as on Oulu's website (the widget's join event carries municipality_code 564) it knows Oulu, from that website.
  await page.selectOption('#preview-municipality', '564');
  await page.locator('#preview-status', { hasText: 'As on the website of Oulu' }).waitFor();
  await waitForPreview(page, (m) => m.some((x) => x.step === 'offer'), 'the youth greeting on Oulu\'s site');
  await say(page, '#preview-chat', 'what do you know about me');
  messages = await waitForPreview(page, (m) => m.some((x) => x.text.includes('knows this about you') && x.traces), 'the answer on Oulu\'s site');
  const known = messages.find((m) => m.text.includes('knows this about you'));
  assert.match(known.text, /Oulu/);
  assert.match(known.text, /from the municipality website you are chatting on/);
  assert.equal(await page.locator('#preview-chat').getAttribute('data-municipality'), '564');
  await screenshot(page, 'editor-preview-municipality');
  await page.locator('#preview-municipality').selectOption('');
  await page.close();
});

test('publishing is refused while a transcript test fails: the failures are shown, nothing is published', async () => {
  const page = await browser.context.newPage();
  await openEditor(page, host.origin, publisher);
  const versionsBefore = await page.evaluate(async () => (await (await fetch('/editor/api/versions')).json()).length);
  const liveBefore = await liveGreeting(host.origin, 'sample', 'fi');

  // sample/tests/checkin.yaml expects the Finnish greeting "Hei, olen Esimerkkibotti…".
  const original = await (async () => { await openFile(page, 'sample/main.yaml'); return textField(page, 'steps[0].say.fi').inputValue(); })();
  await editAndSave(page, 'sample/main.yaml', 'steps[0].say.fi', 'Moi! Täällä {bot.name}.');
  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.locator('#versions-list tr').first().waitFor();
  await page.getByLabel('What changed').fill('A shorter Finnish greeting');
  await page.getByRole('button', { name: 'Publish the draft' }).click();
  const status = await page.locator('#versions-status', { hasText: 'Not published' }).innerText({ timeout: 120_000 });
  assert.match(status, /transcript test\(s\) fail on the draft/);
  const failures = page.locator('#publish-failures');
  assert.equal(await failures.isVisible(), true);
  const failure = failures.locator('li.fail', { hasText: 'sample/tests/checkin.yaml' }).filter({ hasText: '(fi)' }).first();
  await failure.waitFor();
  assert.match(await failure.innerText(), /Hei, olen Esimerkkibotti/, 'what the test expected');
  assert.ok(await failure.locator('.diff-line.added', { hasText: 'Moi! Täällä Esimerkkibotti.' }).count() >= 1, 'what the bot said instead (+)');
  await screenshot(page, 'editor-publish-refused', { fullPage: true });

  // Nothing was published: the same versions, the live bot unchanged.
  assert.equal(await page.locator('#versions-list tr').count(), versionsBefore);
  assert.equal(await page.evaluate(async () => (await (await fetch('/editor/api/versions')).json()).length), versionsBefore);
  assert.equal(await liveGreeting(host.origin, 'sample', 'fi'), liveBefore);

  // Put the text back: the tests pass, publishing works again (and the failure list goes away).
  await editAndSave(page, 'sample/main.yaml', 'steps[0].say.fi', original);
  await page.close();
});

test('the Versions tab lists the texts changed in one language between two versions, before and after', async () => {
  const page = await browser.context.newPage();
  await openEditor(page, host.origin, publisher);
  const file = 'sample/bot.yaml';
  const field = 'receives[1].purpose.sv';
  const before = 'Vi visar tjänster i din kommun.';
  const changed = 'Vi visar tjänsterna i den kommun där du bor.';
  await openFile(page, file);
  assert.equal(await textField(page, field).inputValue(), before);
  await editAndSave(page, file, field, changed);
  assert.equal(readFileSync(path.join(workspace.live, file), 'utf8').includes(changed), false, 'saved to the draft only');

  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.locator('#versions-list tr').first().waitFor();
  await page.getByLabel('What changed').fill('Swedish purpose of the municipality');
  await page.getByRole('button', { name: 'Publish the draft' }).click();
  const published = await page.locator('#versions-status', { hasText: /Published version (\d+)/ }).innerText({ timeout: 120_000 });
  const to = published.match(/Published version (\d+)/)[1];
  const from = String(Number(to) - 1);
  assert.equal(await page.locator('#publish-failures').isVisible(), false);

  // Swedish: exactly this text, with the old and the new wording.
  await page.selectOption('#diff-from', from);
  await page.selectOption('#diff-to', to);
  await page.getByLabel('Changed texts in').selectOption('sv');
  await page.getByRole('button', { name: 'Show changed texts' }).click();
  const row = page.locator('#diff-output table.text-diff tbody tr', { hasText: `${file} · Data received 2 › Purpose` });
  await row.waitFor();
  assert.equal(await page.locator('#diff-output table.text-diff tbody tr').count(), 1);
  assert.equal(await row.locator('td.before').innerText(), before);
  assert.equal(await row.locator('td.after').innerText(), changed);
  assert.equal(await row.getAttribute('data-language'), 'sv');
  await screenshot(page, 'editor-text-diff', { fullPage: true });
  assert.deepEqual(await seriousViolations(page, '#panel-versions'), []);

  // Finnish: nothing changed in Finnish between these versions.
  await page.getByLabel('Changed texts in').selectOption('fi');
  await page.getByRole('button', { name: 'Show changed texts' }).click();
  await page.locator('#diff-output', { hasText: `No text changed in Finnish between version ${from} and version ${to}.` }).waitFor();

  // The file diff is still there beside it.
  await page.getByRole('button', { name: 'Show differences' }).click();
  await page.locator('#diff-output pre.unified .added', { hasText: changed }).waitFor();
  await page.close();
});

test('the form speaks editor words in fi, sv and en: step kinds, prompt types and keys named, with help; the YAML view stays', async () => {
  const page = await browser.context.newPage();
  const problems = watch(page);
  await openEditor(page, host.origin, publisher);
  const file = 'sample/checkin.yaml';
  await openFile(page, file);
  const title = (index) => page.locator(`#form-view .card[data-path="steps[${index}]"] > .card-title`).innerText();
  const askType = page.locator('#form-view select[data-path="steps[0].ask"]');
  const words = {
    en: { question: 'Step 1 — Question: age', branch: 'Step 5 — Branch', recommend: 'Step 6 — Service recommendations: services', age: 'Age', save: 'Save to' },
    fi: { question: 'Vaihe 1 — Kysymys: age', branch: 'Vaihe 5 — Haarautuminen', recommend: 'Vaihe 6 — Palvelusuositukset: services', age: 'Ikä', save: 'Tallenna kohteeseen' },
    sv: { question: 'Steg 1 — Fråga: age', branch: 'Steg 5 — Förgrening', recommend: 'Steg 6 — Tjänsterekommendationer: services', age: 'Ålder', save: 'Spara i' },
  };
  for (const language of ['fi', 'sv', 'en']) {
    await page.locator('#ui-language').selectOption(language);
    const expected = words[language];
    await page.locator('#form-view .card-title', { hasText: expected.question }).waitFor();
    assert.equal(await title(4), expected.branch);
    assert.equal(await title(5), expected.recommend);
    await page.locator('#nav-tree button.step', { hasText: expected.question }).waitFor();
    // The prompt type is a choice among the schema's types, named in the UI language.
    assert.equal(await askType.evaluate((select) => select.selectedOptions[0].textContent), expected.age);
    assert.equal(await askType.locator('option').count(), 7);
    // Every field has its editor name and its help is read with it.
    const save = page.locator('#form-view input[data-path="steps[0].save"]');
    assert.equal(await page.locator(`#form-view label[for="${await save.getAttribute('id')}"]`).innerText(), expected.save);
    const help = await save.getAttribute('aria-describedby');
    assert.match(await page.locator(`[id="${help}"]`).innerText(), /attr\.age/);
    // No raw YAML key or path is left as a label or a heading.
    const labels = await page.locator('#form-view legend, #form-view label, #form-view .card-title').allInnerTexts();
    const raw = labels.map((text) => text.trim()).filter((text) => /^[a-z_]+( \d+)?$/.test(text) || /\[\d+\]|#\d/.test(text));
    assert.deepEqual(raw, [], `${language}: labels that are YAML keys`);
    assert.deepEqual(await seriousViolations(page, '#form-view'), [], `${language}: axe`);
    if (language === 'en') await screenshot(page, 'editor-form-words', { fullPage: true });
  }
  // The prompt type chosen in the form is written to the YAML, which stays available.
  await askType.selectOption('number');
  await page.getByRole('button', { name: 'YAML', exact: true }).click();
  assert.match(await page.locator('#yaml-text').inputValue(), /- id: age\n\s+ask: number\n/, "a plain word stays unquoted");
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  await askType.selectOption('age');
  assert.equal(await page.locator('#file-status').innerText(), 'No unsaved changes.');
  assert.deepEqual(problems.pageErrors, []);
  await page.close();
});

test('before publishing, "what will publishing change" lists the draft\'s changes per language and per file', async () => {
  const page = await browser.context.newPage();
  await openEditor(page, host.origin, publisher);
  const file = 'sample/checkin.yaml';
  const field = 'steps[0].invalid.sv';
  await openFile(page, file);
  const original = await textField(page, field).inputValue();
  const changed = 'Skriv din ålder med siffror, tack.';
  await editAndSave(page, file, field, changed);

  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.getByRole('button', { name: 'Show what will change' }).click();
  const summary = page.locator('#publish-preview-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /^Publishing changes 1 file\(s\) of the live version \d+\.$/);
  assert.deepEqual(await page.locator('#publish-preview-output .publish-preview-languages li').allInnerTexts(), ['Swedish: 1 text(s)']);
  const row = page.locator('#publish-preview-output table.text-diff tbody tr[data-language="sv"]');
  assert.equal(await row.count(), 1);
  assert.equal(await row.locator('td.before').innerText(), original);
  assert.equal(await row.locator('td.after').innerText(), changed);
  assert.match(await row.locator('th').innerText(), /^sample\/checkin\.yaml · Step 1 › Text when the answer is not understood \(changed\)$/);
  await page.locator(`#publish-preview-output details[data-file="${file}"] summary`).click();
  await page.locator(`#publish-preview-output details[data-file="${file}"] pre.unified .added`, { hasText: changed }).waitFor();
  await screenshot(page, 'editor-publish-preview', { fullPage: true });
  assert.deepEqual(await seriousViolations(page, '#panel-versions'), []);

  // Only Finnish: nothing changes in Finnish.
  await page.locator('#publish-preview-language').selectOption('fi');
  await page.locator('#publish-preview-output', { hasText: 'No text changes in Finnish.' }).waitFor();

  // Put the text back: nothing to publish.
  await editAndSave(page, file, field, original);
  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.getByRole('button', { name: 'Show what will change' }).click();
  await page.locator('#publish-preview-output', { hasText: /Nothing to publish: the draft is the same as the live version \d+\./ }).waitFor();
  await page.close();
});

test('axe: no serious or critical violation on any editor view (files, form, YAML, preview, tests, versions, publish preview, translations, audit, users) in fi, sv and en', async () => {
  const page = await browser.context.newPage();
  await openEditor(page, host.origin, admin);
  const views = {
    files: async () => { await page.locator('#tab-edit').click(); return '#nav-tree'; },
    form: async () => { await openFile(page, 'sample/checkin.yaml'); await page.locator('#view-form').click(); return '#panel-edit'; },
    yaml: async () => { await page.locator('#view-yaml').click(); await page.locator('#yaml-view').waitFor(); return '#panel-edit'; },
    preview: async () => { await waitForPreview(page, (m) => m.length > 0, 'the preview greeting'); return '#preview'; },
    tests: async () => { await page.locator('#tab-tests').click(); await page.locator('#panel-tests').waitFor(); return '#panel-tests'; },
    versions: async () => { await page.locator('#tab-versions').click(); await page.locator('#versions-list tr').first().waitFor(); return '#panel-versions'; },
    'publish preview': async () => {
      await page.locator('#publish-preview-show').click();
      await page.locator('#publish-preview-output table.text-diff').waitFor();
      await page.locator('#publish-preview-output details summary').first().click();
      return '#publish-preview';
    },
    translations: async () => { await page.locator('#tab-coverage').click(); await page.locator('#panel-coverage').waitFor(); return '#panel-coverage'; },
    audit: async () => { await page.locator('#tab-audit').click(); await page.locator('#panel-audit').waitFor(); return '#panel-audit'; },
    users: async () => { await page.locator('#tab-users').click(); await page.locator('#panel-users').waitFor(); return '#panel-users'; },
  };
  // Something to show: a changed Swedish text (publish preview: counts, table, line diff) and the tests' results.
  const file = 'sample/checkin.yaml';
  const field = 'steps[0].invalid.sv';
  await openFile(page, file);
  const original = await textField(page, field).inputValue();
  await editAndSave(page, file, field, 'Skriv din ålder med siffror, tack.');
  await page.locator('#tab-tests').click();
  await page.locator('#tests-bot').selectOption('sample');
  await page.locator('#tests-run').click();
  await page.locator('#tests-results li').first().waitFor({ timeout: 60_000 });
  const found = [];
  for (const language of ['fi', 'sv', 'en']) {
    await page.locator('#ui-language').selectOption(language);
    assert.equal(await page.locator('html').getAttribute('lang'), language);
    for (const [view, show] of Object.entries(views)) {
      const scope = await show();
      for (const violation of await seriousViolations(page, scope)) found.push({ language, view, ...violation });
    }
    // The whole page once per language (header, language switch, validation list, live regions).
    for (const violation of await seriousViolations(page)) found.push({ language, view: 'page', ...violation });
  }
  await page.locator('#ui-language').selectOption('en');
  await page.locator('#tab-edit').click();
  await page.locator('#view-form').click();
  await editAndSave(page, file, field, original);
  assert.deepEqual(found, []);
  await page.close();
});
