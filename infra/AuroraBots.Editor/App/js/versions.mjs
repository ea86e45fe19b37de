// The Versions tab: publish (refused with the failing transcript tests when they fail), the review workflow (submit,
// approve, reject; the only way to publish when GET /status says requireReview), roll back, and two comparisons of
// versions: the file diff and the changed texts of one language.
import { api } from './api.mjs';
import { $, announce, clear, formatTime, h } from './dom.mjs';
import { t } from './i18n.mjs';
import { placeLabel } from './flow-words.mjs';
import { renderResult } from './results.mjs';

let app = null; // { state, openFile, refreshFiles, reloadOpenFile, refreshValidation, refreshCoverage, roles }
let wired = false;
let versions = [];
let requireReview = false;
let shownLatest = null;

export function initVersions(context) {
  app = context;
  if (wired) return;
  wired = true;
  $('publish-form').addEventListener('submit', publish);
  $('review-form').addEventListener('submit', submitReview);
  $('diff-form').addEventListener('submit', showDiff);
  $('text-diff').addEventListener('click', showTextDiff);
}

export async function loadVersions() {
  const status = $('versions-status');
  await showLiveStatus();
  try {
    const { data } = await api.versions();
    versions = [...data].sort((a, b) => b.number - a.number);
    renderVersions();
  } catch (error) { failed(status, error); }
  await loadReviews();
}

const failed = (status, error) => { status.textContent = error.message; announce(error.message); };

/** Which version the bots serve, and whether publishing needs a review, from GET /status. */
async function showLiveStatus() {
  const line = $('versions-live');
  try {
    const { data } = await api.status();
    const parts = [t('versions.serving', { version: data.liveVersion ?? '–' })];
    if (data.instanceVersion !== null && data.instanceVersion !== undefined && data.instanceVersion !== data.liveVersion) {
      parts.push(t('versions.catchingUp', { version: data.instanceVersion }));
    }
    parts.push(data.store === 'redis' ? t('versions.redis', { count: data.instances ?? '?' }) : t('versions.files'));
    line.textContent = parts.join('; ') + '.';
    requireReview = data.requireReview === true;
  } catch { line.textContent = ''; }
  // With reviews required the plain Publish is replaced by the review flow (rollback stays, for emergencies).
  $('publish-form').hidden = requireReview || !app.roles.publisher();
  $('review-required').hidden = !requireReview;
}

function renderVersions() {
  const body = clear($('versions-list'));
  const live = versions[0]?.number;
  for (const version of versions) {
    const actions = h('td', {});
    if (app.roles.publisher() && version.number !== live) {
      actions.append(h('button', { type: 'button', className: 'rollback', dataset: { version: version.number },
        onclick: (event) => confirmRollback(event.currentTarget.closest('td'), version) }, t('versions.rollback', { version: version.number })));
    }
    body.append(h('tr', { dataset: { version: version.number } },
      h('th', { scope: 'row' }, String(version.number), version.number === live ? h('span', { className: 'live' }, ` ${t('versions.live')}`) : null),
      h('td', {}, formatTime(version.created)),
      h('td', {}, version.author),
      h('td', {}, version.comment, version.rollbackOf ? h('span', { className: 'hint' }, ` ${t('versions.rollbackOf', { version: version.rollbackOf })}`) : null),
      h('td', {}, String(version.fileCount)),
      actions));
  }
  // A new version (publish, approval, rollback) moves the comparison to "previous → newest"; otherwise the choice stays.
  const moved = live !== shownLatest;
  shownLatest = live;
  for (const [select, index] of [[$('diff-from'), 1], [$('diff-to'), 0]]) {
    const previous = moved ? '' : select.value;
    select.replaceChildren(...versions.map((v) => h('option', { value: v.number }, t('versions.option', { version: v.number }))));
    select.value = previous && versions.some((v) => String(v.number) === previous) ? previous : String(versions[Math.min(index, versions.length - 1)]?.number ?? '');
  }
}

function confirmRollback(cell, version) {
  const input = h('input', { id: `rollback-comment-${version.number}`, placeholder: t('versions.optional') });
  const form = h('form', { className: 'rollback-confirm', novalidate: true },
    h('label', { for: input.id }, t('versions.rollbackWhy', { version: version.number })), input,
    h('button', { type: 'submit' }, t('versions.rollbackConfirm')),
    h('button', { type: 'button', onclick: () => renderVersions() }, t('common.cancel')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await rollback(version.number, input.value.trim());
  });
  cell.replaceChildren(form);
  input.focus();
}

async function rollback(number, comment) {
  const status = $('versions-status');
  status.textContent = t('versions.rollingBack', { version: number });
  try {
    const { data } = await api.rollback(number, comment || undefined);
    status.textContent = t('versions.rolledBack', { version: data.version.number, of: number, count: data.changedFiles.length });
    await afterPublish();
  } catch (error) { status.textContent = t('versions.rollbackFailed', { message: error.message }); }
  announce(status.textContent);
}

// ---------- publishing ----------

async function publish(event) {
  event.preventDefault();
  const status = $('versions-status');
  const comment = $('publish-comment').value.trim();
  if (!comment) { status.textContent = t('versions.needComment'); $('publish-comment').focus(); return; }
  status.textContent = t('versions.publishing');
  showFailures([]);
  $('publish').disabled = true;
  try {
    const { data } = await api.publish(comment);
    status.textContent = t('versions.published', { version: data.version.number, count: data.changedFiles.length });
    $('publish-comment').value = '';
    await afterPublish();
  } catch (error) {
    status.textContent = refusal(error);
  } finally {
    $('publish').disabled = false;
  }
  announce(status.textContent);
}

/** Why a publish (or an approval, which publishes) was refused; shows failing transcript tests below the status. */
function refusal(error) {
  if (error.status === 422) {
    const failures = error.body?.testFailures ?? [];
    const errors = error.body?.errors ?? [];
    if (errors.length || !failures.length) {
      app.refreshValidation();
      return t('versions.invalidDraft', { count: errors.length || '?' });
    }
    showFailures(failures);
    return t('versions.testsFail', { count: failures.length });
  }
  return t('versions.notPublished', { message: error.message });
}

function showFailures(failures) {
  const list = clear($('publish-failures-list'));
  for (const failure of failures) list.append(renderResult({ ...failure, passed: false }, app.openFile));
  $('publish-failures').hidden = !failures.length;
}

async function afterPublish() {
  await loadVersions();
  // A rollback also resets the draft, and with it which translations are outdated: refresh those marks first, so
  // the form's "outdated" badges agree with the Translations tab without a reload.
  await app.refreshCoverage();
  // Show the open file as it is now (unless it has unsaved changes).
  const file = app.state.file;
  if (file && file.text === file.saved) await app.reloadOpenFile();
  await app.refreshFiles();
}

// ---------- reviews ----------

async function loadReviews() {
  const list = $('reviews-list');
  try {
    const { data } = await api.reviews();
    renderReviews(data);
  } catch (error) {
    clear(list).append(h('li', {}, error.status === 404 ? t('reviews.unavailable') : error.message));
  }
}

function renderReviews(reviews) {
  const list = clear($('reviews-list'));
  if (!reviews.length) { list.append(h('li', { className: 'hint' }, t('reviews.none'))); return; }
  const me = app.state.me?.name?.toLowerCase();
  for (const review of reviews) {
    const item = h('li', { className: `review review-${review.state}`, dataset: { id: review.id, state: review.state } },
      h('p', { className: 'review-head' },
        h('span', { className: 'review-state' }, t(`reviews.state.${review.state}`, {}, review.state)), ' · ',
        t('reviews.by', { author: review.author, when: formatTime(review.submitted) })),
      h('p', { className: 'review-comment' }, review.comment));
    if (review.decidedBy) {
      const decided = review.state === 'approved' ? t('reviews.approvedBy', { name: review.decidedBy, when: formatTime(review.decided) })
        : review.state === 'rejected' ? t('reviews.rejectedBy', { name: review.decidedBy, when: formatTime(review.decided) })
          : t('reviews.decidedBy', { name: review.decidedBy, when: formatTime(review.decided) });
      item.append(h('p', { className: 'review-decision' }, decided,
        review.decisionComment ? h('q', { className: 'review-decision-comment' }, review.decisionComment) : null,
        review.version ? ` ${t('reviews.version', { version: review.version })}` : null));
    }
    if (review.state === 'pending' && app.roles.publisher()) item.append(decisionForm(review, review.author?.toLowerCase() === me));
    list.append(item);
  }
}

function decisionForm(review, own) {
  const input = h('input', { id: `review-decision-${review.id}` });
  const form = h('form', { className: 'review-decide row', novalidate: true },
    h('label', { for: input.id }, t('reviews.decisionComment')), input);
  if (own) {
    // The server refuses an approval by the author too; saying it here saves the round trip.
    form.append(h('span', { className: 'hint' }, t('reviews.ownReview')));
  } else {
    form.append(h('button', { type: 'button', className: 'approve', onclick: () => decide(review, 'approve', input) }, t('reviews.approve')));
  }
  form.append(h('button', { type: 'button', className: 'reject', onclick: () => decide(review, 'reject', input) }, t('reviews.reject')));
  form.addEventListener('submit', (event) => event.preventDefault());
  return form;
}

async function decide(review, decision, input) {
  const status = $('reviews-status');
  const comment = input.value.trim();
  showFailures([]);
  if (decision === 'reject' && !comment) { status.textContent = t('reviews.rejectNeedsComment'); input.focus(); announce(status.textContent); return; }
  status.textContent = decision === 'approve' ? t('reviews.approving') : t('reviews.rejecting');
  try {
    if (decision === 'approve') {
      const { data } = await api.approveReview(review.id, comment || undefined);
      status.textContent = t('reviews.approved', { version: data.version.number, count: data.changedFiles.length });
      await afterPublish();
    } else {
      await api.rejectReview(review.id, comment);
      status.textContent = t('reviews.rejected', { author: review.author });
      await loadReviews();
    }
  } catch (error) {
    status.textContent = error.status === 422 ? refusal(error) : t('reviews.failed', { message: error.message });
    await loadReviews();
  }
  announce(status.textContent);
}

async function submitReview(event) {
  event.preventDefault();
  const status = $('reviews-status');
  const comment = $('review-comment').value.trim();
  if (!comment) { status.textContent = t('reviews.needComment'); $('review-comment').focus(); return; }
  try {
    await api.submitReview(comment);
    $('review-comment').value = '';
    status.textContent = t('reviews.submitted');
    await loadReviews();
  } catch (error) { status.textContent = t('reviews.failed', { message: error.message }); }
  announce(status.textContent);
}

// ---------- comparing versions ----------

async function showDiff(event) {
  event.preventDefault();
  const from = $('diff-from').value;
  const to = $('diff-to').value;
  const output = clear($('diff-output'));
  if (!from || !to) return;
  try {
    const { data } = await api.diff(from, to);
    if (!data.files.length) { output.append(h('p', {}, t('versions.same', { from, to }))); return; }
    output.append(h('p', { className: 'hint' }, t('versions.filesDiffer', { count: data.files.length, from, to })));
    for (const file of data.files) {
      output.append(h('h3', {}, `${file.path} (${t(`change.${String(file.change).toLowerCase()}`, {}, String(file.change).toLowerCase())})`),
        unifiedDiff(file.unified));
    }
  } catch (error) { failed($('versions-status'), error); }
}

/** The texts that changed between two versions, before and after, in one language or every changed one. */
async function showTextDiff() {
  const from = $('diff-from').value;
  const to = $('diff-to').value;
  const language = $('diff-language').value;
  const output = clear($('diff-output'));
  if (!from || !to) return;
  try {
    const { data } = await api.textDiff(from, to, language);
    const languageLabel = language ? t(`language.${language}`) : t('versions.allLanguages');
    if (!data.changes.length) { output.append(h('p', {}, t('versions.noTextChanges', { from, to, language: languageLabel }))); return; }
    output.append(h('p', { className: 'hint' }, t('versions.textsDiffer', { count: data.changes.length, from, to, language: languageLabel })),
      textChangesTable(data.changes, language, t('versions.textsCaption', { from, to }), t('versions.before', { version: from }), t('versions.after', { version: to })));
  } catch (error) {
    output.append(h('p', { role: 'alert' }, error.status === 404 && !error.body?.message ? t('versions.textDiffUnavailable') : error.message));
  }
}

/**
 * Changed texts as a table: one row per text and language (only `language` when given), before and after side by
 * side; the place is named in editor words and opens the file at the text. Also used by "What will this publish".
 */
export function textChangesTable(changes, language, caption, beforeTitle, afterTitle) {
  const rows = [];
  for (const change of changes) {
    const languages = language ? [language] : change.languages;
    languages.forEach((lang, index) => rows.push(h('tr', { className: `text-change text-${change.change}`, dataset: { file: change.file, path: change.path, language: lang } },
      index === 0 ? h('th', { scope: 'row', rowspan: languages.length },
        h('button', { type: 'button', className: 'link', title: change.path, onclick: () => app.openFile(change.file, change.path) }, placeLabel(change.file, change.path)),
        h('span', { className: 'hint' }, ` (${t(`change.${change.change}`, {}, change.change)})`)) : null,
      h('td', { lang }, lang),
      h('td', { className: 'before', lang }, change.before?.[lang] ?? h('span', { className: 'hint' }, t('versions.noText'))),
      h('td', { className: 'after', lang }, change.after?.[lang] ?? h('span', { className: 'hint' }, t('versions.noText'))))));
  }
  return h('table', { className: 'text-diff' },
    h('caption', { className: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('coverage.text')), h('th', { scope: 'col' }, t('versions.colLanguage')),
      h('th', { scope: 'col' }, beforeTitle), h('th', { scope: 'col' }, afterTitle))),
    h('tbody', {}, rows));
}

/** A file's unified diff, lines marked added/removed; it scrolls sideways, so it takes keyboard focus. */
export function unifiedDiff(text) {
  return h('pre', { className: 'unified', tabindex: '0' }, text.split('\n').map((line) =>
    h('span', { className: line.startsWith('+') && !line.startsWith('+++') ? 'added' : line.startsWith('-') && !line.startsWith('---') ? 'removed' : line.startsWith('@@') ? 'hunk' : '' }, line + '\n')));
}
