// Reading and driving Web Chat 4.18.1 through its DOM, as a user (or screen reader) would see it.

/** The transcript below `scope` as [{ fromUser, text }] in display order. */
export async function transcript(page, scope = 'body') {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    if (!root) return [];
    return Array.from(root.querySelectorAll('.webchat__basic-transcript__activity')).map((activity) => ({
      fromUser: !!activity.querySelector('.webchat__bubble--from-user, .webchat__stacked-layout--from-user'),
      text: (activity.querySelector('.webchat__basic-transcript__activity-body') || activity).innerText.trim(),
      hasCard: !!activity.querySelector('.ac-adaptiveCard'),
      carousel: !!activity.querySelector('.webchat__carousel-filmstrip'),
    }));
  }, scope);
}

/** Waits until the transcript under `scope` satisfies `predicate(entries)`; returns the entries. */
export async function waitForTranscript(page, scope, predicate, timeout = 20_000, what = 'transcript condition') {
  const deadline = Date.now() + timeout;
  let entries = [];
  while (Date.now() < deadline) {
    entries = await transcript(page, scope);
    if (predicate(entries)) return entries;
    await page.waitForTimeout(150);
  }
  throw new Error(`timed out waiting for ${what}; transcript was:\n${JSON.stringify(entries, null, 1)}`);
}

export const sendBox = (scope) => `${scope} [data-id="webchat-sendbox-input"]`;

/** Types into the send box and presses Enter (keyboard only). */
export async function say(page, scope, text) {
  const input = page.locator(sendBox(scope));
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

export const botEntries = (entries) => entries.filter((e) => !e.fromUser);
export const userEntries = (entries) => entries.filter((e) => e.fromUser);

/** Says `text` and waits for a bot message after the user's latest one that matches `expected`. */
export async function exchange(page, scope, text, expected, what, timeout = 30_000) {
  await say(page, scope, text);
  return waitForTranscript(page, scope, (entries) => {
    const mine = entries.map((e, i) => (e.fromUser && e.text.includes(text) ? i : -1)).filter((i) => i >= 0).pop();
    return mine !== undefined && entries.slice(mine + 1).some((e) => !e.fromUser && expected.test(e.text));
  }, timeout, what);
}

/** Opens the widget on a demo site page and waits for the front desk to ask for the matter (Finnish). */
export async function openWidget(page, url, scope = '.aurorabots-panel') {
  await page.goto(url);
  await page.locator('.aurorabots-launcher').click();
  await page.locator(sendBox(scope)).waitFor({ timeout: 20_000 });
  await waitForTranscript(page, scope, (e) => botEntries(e).some((x) => /omin sanoin/.test(x.text)), 30_000, 'the question about the matter');
}
