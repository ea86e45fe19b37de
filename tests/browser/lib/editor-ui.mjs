// Driving the editor page at /editor the way a content editor does (labels, buttons, the navigator), shared by the
// editor's browser suites.

/** Signs in on the sign-in form (English labels) and waits for the app. */
export async function signIn(page, origin, user) {
  await page.goto(`${origin}/editor`);
  await page.locator('#signin-form').waitFor();
  await page.locator('#signin-name').fill(user.name);
  await page.locator('#signin-password').fill(user.password);
  await page.locator('#signin-form button[type="submit"]').click();
  await page.locator('#whoami', { hasText: user.name }).waitFor();
}

/** Opens a draft file from the navigator (bot folder → file). */
export async function openFile(page, filePath) {
  const bot = filePath.split('/')[0];
  const details = page.locator(`details[data-bot="${bot}"]`);
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await page.locator(`button[data-file="${filePath}"]`).click();
  await page.locator('#file-title', { hasText: filePath }).waitFor();
  // The pane is busy while a file loads: typing before it is done would be replaced by the loaded text.
  await page.locator('#panel-edit:not([aria-busy])').waitFor();
}

export const textField = (page, yamlPath) => page.locator(`#form-view textarea[data-path="${yamlPath}"]`);

/** Changes one text in the form and saves the file; waits for the save to be confirmed. */
export async function editAndSave(page, filePath, yamlPath, text) {
  await openFile(page, filePath);
  await textField(page, yamlPath).fill(text);
  await page.locator('#save-file').click();
  await page.locator('#file-status', { hasText: `${filePath}` }).filter({ hasText: /Saved|tallennettu|sparats/ }).waitFor();
}

/** The bot messages of the preview transcript, each with the trace line shown under it (null when none). */
export async function previewBotMessages(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('#preview-chat .webchat__basic-transcript__activity'))
    .filter((article) => !article.querySelector('.webchat__stacked-layout--from-user, .webchat__bubble--from-user'))
    .map((article) => {
      const trace = article.querySelectorAll('.preview-trace');
      return {
        text: (article.querySelector('.webchat__bubble__content, .webchat__stacked-layout__content') ?? article).innerText.trim(),
        traces: trace.length,
        flow: trace[0]?.dataset.flow ?? null,
        step: trace[0]?.dataset.step ?? null,
        visible: trace[0]?.querySelector('[aria-hidden="true"]')?.textContent ?? null,
        spoken: trace[0]?.querySelector('.visually-hidden')?.textContent ?? null,
      };
    }));
}

/** Waits until the preview's bot messages satisfy `predicate`; returns them. */
export async function waitForPreview(page, predicate, what, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let messages = [];
  while (Date.now() < deadline) {
    messages = await previewBotMessages(page);
    if (predicate(messages)) return messages;
    await page.waitForTimeout(150);
  }
  throw new Error(`timed out waiting for ${what}; the preview showed:\n${JSON.stringify(messages, null, 1)}`);
}

/** Opens the editor as `user`: reuses the browser's session when it is theirs, else signs in (after signing out someone else). */
export async function openEditor(page, origin, user) {
  await page.goto(`${origin}/editor`);
  const app = page.locator('#whoami:visible, #signin-form:visible');
  await app.first().waitFor();
  if (await page.locator('#whoami', { hasText: user.name }).isVisible()) return;
  if (await page.locator('#whoami').isVisible()) await page.evaluate(() => fetch('/editor/api/session', { method: 'DELETE' }));
  await signIn(page, origin, user);
}
