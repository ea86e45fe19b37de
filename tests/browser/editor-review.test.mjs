// The review (four-eyes) workflow of the editor at /editor, in two headless Chromium browsers (two people, each with
// their own session) against the real built host started with Editor__RequireReview=true: an editor submits the
// draft for review; the plain Publish is gone; a publisher approves, which publishes (the live bot answers with the
// new text); nobody approves their own submission; a rejection's comment reaches the author; rollback stays.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seriousViolations } from './lib/axe.mjs';
import { launchBrowser, recordCspViolations, screenshot, watch } from './lib/browser.mjs';
import { editorWorkspace, liveGreeting, waitForLiveGreeting } from './lib/editor.mjs';
import { editAndSave, signIn } from './lib/editor-ui.mjs';
import { startHost } from './lib/host.mjs';

const editor = { name: 'ella', password: 'editor-pass-1', roles: ['editor'] };
const publisher = { name: 'pekka', password: 'publisher-pass-1', roles: ['publisher'] };

const file = 'sample/main.yaml';
const field = 'steps[0].say.en';
const greetingOld = 'Hi, I am Sample bot. I can ask how you are.';
const reviewed = 'Hi, I am {bot.name}. I can ask how you are, and this greeting went through a review.';
const reviewedLive = 'Hi, I am Sample bot. I can ask how you are, and this greeting went through a review.';

let host;
let workspace;
let ellasBrowser;
let pekkasBrowser;

before(async () => {
  workspace = editorWorkspace([editor, publisher]);
  host = await startHost('editor-review', { ...workspace.env, Editor__RequireReview: 'true' });
  ellasBrowser = await launchBrowser();
  pekkasBrowser = await launchBrowser();
  for (const browser of [ellasBrowser, pekkasBrowser]) await recordCspViolations(browser.context);
});

after(async () => {
  await ellasBrowser?.close();
  await pekkasBrowser?.close();
  await host?.stop();
  workspace?.remove();
});

const reviewItem = (page, author, state) => page.locator(`#reviews-list li.review[data-state="${state}"]`, { hasText: `by ${author}` }).first();

async function showVersions(page) {
  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.locator('#versions-list tr').first().waitFor();
  await page.locator('#reviews-list li').first().waitFor();
}

test('an editor submits for review, a publisher approves and it is live; own reviews need someone else; rejections reach the author', async () => {
  const ella = await ellasBrowser.context.newPage();
  const pekka = await pekkasBrowser.context.newPage();
  const problems = [watch(ella), watch(pekka)];
  await signIn(ella, host.origin, editor);
  await signIn(pekka, host.origin, publisher);
  assert.equal(await liveGreeting(host.origin, 'sample', 'en'), greetingOld);

  // Ella (editor) changes the greeting and submits the draft for review.
  await editAndSave(ella, file, field, reviewed);
  await showVersions(ella);
  assert.equal(await ella.locator('#review-required').isVisible(), true, 'the page says publishing needs a review');
  assert.equal(await ella.locator('#publish-form').isVisible(), false);
  await ella.getByLabel('Note for the reviewer').fill('Longer English greeting, please check the wording');
  await ella.getByRole('button', { name: 'Submit for review' }).click();
  await ella.locator('#reviews-status', { hasText: 'The draft was submitted for review.' }).waitFor();
  const submitted = reviewItem(ella, 'ella', 'pending');
  await submitted.waitFor();
  assert.match(await submitted.innerText(), /Waiting for review[\s\S]*Longer English greeting/);
  assert.equal(await ella.getByRole('button', { name: /Approve/ }).count(), 0, 'an editor cannot approve');

  // Pekka (publisher): no plain Publish button, the review flow instead; the server refuses a direct publish too.
  await showVersions(pekka);
  assert.equal(await pekka.locator('#publish-form').isVisible(), false, 'Publish is replaced by the review flow');
  assert.equal(await pekka.locator('#review-required').isVisible(), true);
  const direct = await pekka.evaluate(async () => (await fetch('/editor/api/versions', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ comment: 'no review' }),
  })).status);
  assert.equal(direct, 409);
  const pending = reviewItem(pekka, 'ella', 'pending');
  await pending.waitFor();
  assert.deepEqual(await seriousViolations(pekka, '#panel-versions'), []);
  await screenshot(pekka, 'editor-review-pending', { fullPage: true });

  // Approving publishes exactly what Ella submitted: the live bot greets with it, without a restart.
  await pending.getByLabel('Comment on your decision').fill('Reads well');
  await pending.getByRole('button', { name: 'Approve and publish' }).click();
  await pekka.locator('#reviews-status', { hasText: /Approved: published version 2/ }).waitFor({ timeout: 120_000 });
  assert.equal(await waitForLiveGreeting(host.origin, 'sample', 'en', (t) => t.includes('went through a review')), reviewedLive);
  const approved = reviewItem(pekka, 'ella', 'approved');
  await approved.waitFor();
  assert.match(await approved.innerText(), /Approved by pekka[\s\S]*Reads well[\s\S]*version 2/);
  await pekka.locator('#versions-list tr[data-version="2"]', { hasText: '(live)' }).waitFor();
  // Rollback stays available to publishers (emergencies), review or not.
  await pekka.getByRole('button', { name: 'Roll back to version 1' }).waitFor();

  // Pekka's own submission: he is told someone else must approve it, and the server agrees.
  await editAndSave(pekka, file, field, 'Hi, I am {bot.name}. I can ask how you are, and a publisher changed this.');
  await showVersions(pekka);
  await pekka.getByLabel('Note for the reviewer').fill('My own change');
  await pekka.getByRole('button', { name: 'Submit for review' }).click();
  const own = reviewItem(pekka, 'pekka', 'pending');
  await own.waitFor();
  assert.match(await own.innerText(), /someone else must approve it/);
  assert.equal(await own.getByRole('button', { name: 'Approve and publish' }).count(), 0);
  const ownId = await own.getAttribute('data-id');
  const selfApproval = await pekka.evaluate(async (id) => {
    const response = await fetch(`/editor/api/reviews/${id}/approve`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return { status: response.status, body: await response.json() };
  }, ownId);
  assert.equal(selfApproval.status, 409, JSON.stringify(selfApproval.body));

  // Ella submits again (Pekka's pending one is superseded); Pekka rejects with a reason; Ella reads it.
  await ella.getByRole('tab', { name: 'Edit', exact: true }).click();
  await editAndSave(ella, file, field, 'Hi, I am {bot.name}. I can ask how you are, and here is a very, very, very long greeting.');
  await showVersions(ella);
  await ella.getByLabel('Note for the reviewer').fill('Even longer greeting');
  await ella.getByRole('button', { name: 'Submit for review' }).click();
  await reviewItem(ella, 'ella', 'pending').waitFor();
  await reviewItem(ella, 'pekka', 'superseded').waitFor();

  await pekka.getByRole('tab', { name: 'Edit', exact: true }).click();
  await showVersions(pekka);
  const second = reviewItem(pekka, 'ella', 'pending');
  await second.getByRole('button', { name: 'Reject' }).click();
  await pekka.locator('#reviews-status', { hasText: 'Say why you reject it' }).waitFor();
  await second.getByLabel('Comment on your decision').fill('Too long for a greeting, keep it to one sentence');
  await second.getByRole('button', { name: 'Reject' }).click();
  await pekka.locator('#reviews-status', { hasText: 'Rejected; ella sees your comment.' }).waitFor();

  await ella.getByRole('tab', { name: 'Edit', exact: true }).click();
  await showVersions(ella);
  const rejected = reviewItem(ella, 'ella', 'rejected');
  await rejected.waitFor();
  assert.match(await rejected.innerText(), /Rejected by pekka[\s\S]*Too long for a greeting, keep it to one sentence/);
  assert.deepEqual(await seriousViolations(ella, '#panel-versions'), []);
  await screenshot(ella, 'editor-review-rejected', { fullPage: true });
  // Nothing of the rejected or unapproved drafts is live.
  assert.equal(await liveGreeting(host.origin, 'sample', 'en'), reviewedLive);

  for (const page of [ella, pekka]) assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  for (const found of problems) assert.deepEqual(found.pageErrors, []);
  await ella.close();
  await pekka.close();
});
