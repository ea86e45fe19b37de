// The tabs beside the file editor: transcript tests, versions (publish, roll back, diff), translation coverage,
// audit log and users. Each loads its data when it is shown.
import { api } from './api.mjs';
import { $, announce, clear, formatTime, h } from './dom.mjs';
import { lineDiff } from './diff.mjs';
import { currentPreview } from './preview.mjs';

const tabs = ['edit', 'tests', 'versions', 'coverage', 'audit', 'users'];
let app = null; // { state, openFile, refreshFiles, reloadOpenFile, refreshValidation, roles }
let wired = false;

export function initPanels(context) {
  app = context;
  if (wired) return;
  wired = true;
  const tablist = document.querySelector('[role="tablist"]');
  for (const name of tabs) $(`tab-${name}`).addEventListener('click', () => showPanel(name));
  // Arrow keys move between tabs (the WAI-ARIA tabs pattern); Tab moves into the panel.
  tablist.addEventListener('keydown', (event) => {
    const visible = tabs.filter((name) => !$(`tab-${name}`).hidden);
    const index = visible.findIndex((name) => $(`tab-${name}`) === document.activeElement);
    if (index < 0) return;
    let next = null;
    if (event.key === 'ArrowRight') next = visible[(index + 1) % visible.length];
    else if (event.key === 'ArrowLeft') next = visible[(index - 1 + visible.length) % visible.length];
    else if (event.key === 'Home') next = visible[0];
    else if (event.key === 'End') next = visible[visible.length - 1];
    if (!next) return;
    event.preventDefault();
    showPanel(next);
    $(`tab-${next}`).focus();
  });
  $('tests-run').addEventListener('click', runTests);
  $('tests-bot').addEventListener('change', listTests);
  $('publish-form').addEventListener('submit', publish);
  $('diff-form').addEventListener('submit', showDiff);
  $('save-test-form').addEventListener('submit', saveAsTest);
  wireUserForm();
}

export function showPanel(name) {
  for (const tab of tabs) {
    const selected = tab === name;
    $(`tab-${tab}`).setAttribute('aria-selected', String(selected));
    $(`tab-${tab}`).tabIndex = selected ? 0 : -1;
    $(`panel-${tab}`).hidden = !selected;
  }
  if (name === 'tests') listTests();
  if (name === 'versions') loadVersions();
  if (name === 'coverage') loadCoverage();
  if (name === 'audit') loadAudit();
  if (name === 'users') loadUsers();
}

const failed = (status, error) => { status.textContent = error.message; announce(error.message); };

// ---------- tests ----------

async function listTests() {
  const bot = $('tests-bot').value;
  const status = $('tests-status');
  if (!bot) return;
  try {
    const { data } = await api.tests(bot);
    status.textContent = data.length ? `${data.length} test(s) in ${bot}. Run them to see the results.` : `${bot} has no transcript tests yet.`;
  } catch (error) { failed(status, error); }
}

async function runTests() {
  const bot = $('tests-bot').value;
  const status = $('tests-status');
  const results = clear($('tests-results'));
  status.textContent = `Running the tests of ${bot} against the draft…`;
  $('tests-run').disabled = true;
  try {
    const { data } = await api.runTests(bot);
    status.textContent = `${data.passed} passed, ${data.failed} failed.`;
    status.className = 'status ' + (data.failed ? 'error' : 'ok');
    // Failures first: they are what needs attention.
    for (const result of [...data.results].sort((a, b) => a.passed - b.passed)) results.append(renderResult(result));
  } catch (error) {
    status.className = 'status error';
    if (error.status === 422) {
      status.textContent = 'The draft does not load, so its tests cannot run. Fix the errors first.';
      if (error.body?.errors) app.refreshValidation();
    } else failed(status, error);
  } finally {
    $('tests-run').disabled = false;
    announce(status.textContent);
  }
}

function renderResult(result) {
  const item = h('li', { className: `test-result ${result.passed ? 'pass' : 'fail'}` },
    h('span', { className: 'verdict' }, result.passed ? 'Passed' : 'Failed'), ' ',
    h('span', { className: 'test-name' }, result.name), ' ',
    h('span', { className: 'test-meta' }, `(${result.language}) · `,
      h('button', { type: 'button', className: 'link', onclick: () => app.openFile(result.file) }, result.file)));
  if (!result.passed) {
    if (result.failure) item.append(h('p', { className: 'failure' }, (result.turn !== undefined && result.turn !== null ? `Turn ${result.turn + 1}: ` : '') + result.failure));
    if (result.expected || result.actual) {
      item.append(h('div', { className: 'diff', role: 'group', 'aria-label': 'Expected (−) and actual (+) bot messages' },
        lineDiff(result.expected ?? [], result.actual ?? []).map(({ op, text }) =>
          h('div', { className: `diff-line ${op}` },
            h('span', { className: 'diff-op', 'aria-label': op === 'removed' ? 'expected' : op === 'added' ? 'actual' : 'same' },
              op === 'removed' ? '−' : op === 'added' ? '+' : ' '), ' ', text))));
    }
  }
  return item;
}

async function saveAsTest(event) {
  event.preventDefault();
  const status = $('preview-status');
  const name = $('save-test-name').value.trim();
  const preview = currentPreview();
  if (!preview?.conversationId) { status.textContent = 'Start a preview conversation first.'; return; }
  if (!name) { status.textContent = 'Give the test a name.'; $('save-test-name').focus(); return; }
  try {
    const { data } = await api.saveTest(preview.conversationId, name, preview.bot);
    status.textContent = `Saved the conversation as the test ${data.path}.`;
    $('save-test-name').value = '';
    await app.refreshFiles();
  } catch (error) {
    status.textContent = error.status === 409 ? 'A test with that name exists already; choose another name.' : `Not saved: ${error.message}`;
  }
  announce(status.textContent);
}

// ---------- versions ----------

let versions = [];

async function loadVersions() {
  const status = $('versions-status');
  try {
    const { data } = await api.versions();
    versions = [...data].sort((a, b) => b.number - a.number);
    renderVersions();
  } catch (error) { failed(status, error); }
  showLiveStatus();
}

/** Which version the bots serve, from GET /status (optional: older hosts do not have it). */
async function showLiveStatus() {
  const line = $('versions-live');
  try {
    const { data } = await api.status();
    const parts = [`The bots serve version ${data.liveVersion ?? '–'}`];
    if (data.instanceVersion !== null && data.instanceVersion !== undefined && data.instanceVersion !== data.liveVersion) {
      parts.push(`this server is still on version ${data.instanceVersion} (it catches up automatically)`);
    }
    parts.push(data.store === 'redis' ? `shared by ${data.instances ?? 'several'} server(s) through Redis` : 'stored in files on this server');
    line.textContent = parts.join('; ') + '.';
  } catch { line.textContent = ''; }
}

function renderVersions() {
  const body = clear($('versions-list'));
  const live = versions[0]?.number;
  for (const version of versions) {
    const actions = h('td', {});
    if (app.roles.publisher() && version.number !== live) {
      actions.append(h('button', { type: 'button', className: 'rollback', dataset: { version: version.number },
        onclick: (event) => confirmRollback(event.currentTarget.closest('td'), version) }, `Roll back to version ${version.number}`));
    }
    body.append(h('tr', { dataset: { version: version.number } },
      h('th', { scope: 'row' }, String(version.number), version.number === live ? h('span', { className: 'live' }, ' (live)') : null),
      h('td', {}, formatTime(version.created)),
      h('td', {}, version.author),
      h('td', {}, version.comment, version.rollbackOf ? h('span', { className: 'hint' }, ` (rollback to ${version.rollbackOf})`) : null),
      h('td', {}, String(version.fileCount)),
      actions));
  }
  for (const [select, index] of [[$('diff-from'), 1], [$('diff-to'), 0]]) {
    const previous = select.value;
    select.replaceChildren(...versions.map((v) => h('option', { value: v.number }, `Version ${v.number}`)));
    select.value = previous && versions.some((v) => String(v.number) === previous) ? previous : String(versions[Math.min(index, versions.length - 1)]?.number ?? '');
  }
}

function confirmRollback(cell, version) {
  const input = h('input', { id: `rollback-comment-${version.number}`, placeholder: 'optional' });
  const form = h('form', { className: 'rollback-confirm', novalidate: true },
    h('label', { for: input.id }, `Why roll back to version ${version.number}?`), input,
    h('button', { type: 'submit' }, 'Confirm rollback'),
    h('button', { type: 'button', onclick: () => renderVersions() }, 'Cancel'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await rollback(version.number, input.value.trim());
  });
  cell.replaceChildren(form);
  input.focus();
}

async function rollback(number, comment) {
  const status = $('versions-status');
  status.textContent = `Rolling back to version ${number}…`;
  try {
    const { data } = await api.rollback(number, comment || undefined);
    status.textContent = `Version ${data.version.number} is live: it is version ${number} again (${data.changedFiles.length} file(s) changed). The bots use it now.`;
    await afterPublish();
  } catch (error) { status.textContent = `Rollback failed: ${error.message}`; }
  announce(status.textContent);
}

async function publish(event) {
  event.preventDefault();
  const status = $('versions-status');
  const comment = $('publish-comment').value.trim();
  if (!comment) { status.textContent = 'Write a comment saying what changed.'; $('publish-comment').focus(); return; }
  status.textContent = 'Publishing…';
  $('publish').disabled = true;
  try {
    const { data } = await api.publish(comment);
    status.textContent = `Published version ${data.version.number} (${data.changedFiles.length} file(s) changed). The bots use it now.`;
    $('publish-comment').value = '';
    await afterPublish();
  } catch (error) {
    if (error.status === 422) {
      status.textContent = `Not published: the draft has ${error.body?.errors?.length ?? 'some'} error(s). Fix them first (see Validation in the Edit tab).`;
      app.refreshValidation();
    } else status.textContent = `Not published: ${error.message}`;
  } finally {
    $('publish').disabled = false;
  }
  announce(status.textContent);
}

async function afterPublish() {
  await loadVersions();
  // A rollback also resets the draft: show the open file as it is now (unless it has unsaved changes).
  const file = app.state.file;
  if (file && file.text === file.saved) await app.reloadOpenFile();
  await app.refreshFiles();
}

async function showDiff(event) {
  event.preventDefault();
  const from = $('diff-from').value;
  const to = $('diff-to').value;
  const output = clear($('diff-output'));
  if (!from || !to) return;
  try {
    const { data } = await api.diff(from, to);
    if (!data.files.length) { output.append(h('p', {}, `Versions ${from} and ${to} have the same content.`)); return; }
    output.append(h('p', { className: 'hint' }, `${data.files.length} file(s) differ between version ${from} and version ${to}.`));
    for (const file of data.files) {
      output.append(h('h3', {}, `${file.path} (${String(file.change).toLowerCase()})`),
        h('pre', { className: 'unified' }, file.unified.split('\n').map((line) =>
          h('span', { className: line.startsWith('+') && !line.startsWith('+++') ? 'added' : line.startsWith('-') && !line.startsWith('---') ? 'removed' : line.startsWith('@@') ? 'hunk' : '' }, line + '\n'))));
    }
  } catch (error) { failed($('versions-status'), error); }
}

// ---------- translations ----------

async function loadCoverage() {
  const report = clear($('coverage-report'));
  try {
    const { data } = await api.coverage();
    app.state.coverage = data;
    for (const bot of data) {
      const section = h('section', { className: 'coverage-bot', 'aria-label': `Translations of ${bot.bot}` },
        h('h3', {}, `${bot.bot}: ${bot.complete} of ${bot.texts} texts complete in ${bot.languages.join(', ')}`));
      if (!bot.gaps.length && !(bot.outdated ?? []).length) section.append(h('p', { className: 'ok' }, 'Every text is translated and up to date.'));
      if (bot.gaps.length) {
        section.append(h('table', {},
          h('caption', {}, 'Missing or empty'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Text'), h('th', { scope: 'col' }, 'Missing'), h('th', { scope: 'col' }, 'Empty'))),
          h('tbody', {}, bot.gaps.map((gap) => h('tr', {},
            h('td', {}, h('button', { type: 'button', className: 'link', onclick: () => app.openFile(gap.file, gap.path) }, `${gap.file} · ${gap.path}`)),
            h('td', {}, gap.missing.join(', ')), h('td', {}, gap.empty.join(', ')))))));
      }
      if ((bot.outdated ?? []).length) {
        section.append(h('table', {},
          h('caption', {}, 'Changed in one language since the others were edited'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Text'), h('th', { scope: 'col' }, 'Changed'), h('th', { scope: 'col' }, 'Check'), h('th', { scope: 'col' }, 'By'))),
          h('tbody', {}, bot.outdated.map((entry) => h('tr', {},
            h('td', {}, h('button', { type: 'button', className: 'link', onclick: () => app.openFile(entry.file, entry.path) }, `${entry.file} · ${entry.path}`)),
            h('td', {}, entry.changed.join(', ')), h('td', {}, entry.stale.join(', ')), h('td', {}, `${entry.by}, ${formatTime(entry.at)}`))))));
      }
      report.append(section);
    }
  } catch (error) { report.append(h('p', { role: 'alert' }, error.message)); }
}

// ---------- audit and users ----------

async function loadAudit() {
  const body = clear($('audit-list'));
  try {
    const { data } = await api.audit();
    for (const entry of data) {
      body.append(h('tr', {}, h('td', {}, formatTime(entry.time)), h('td', {}, entry.user), h('td', {}, entry.action),
        h('td', {}, entry.target ?? ''), h('td', {}, entry.success ? 'ok' : 'failed'), h('td', {}, entry.detail ?? '')));
    }
  } catch (error) { body.append(h('tr', {}, h('td', { colspan: 6 }, error.message))); }
}

async function loadUsers() {
  const body = clear($('users-list'));
  const me = app.state.me?.name?.toLowerCase();
  try {
    const { data } = await api.users();
    for (const user of data) {
      const actions = h('td', {});
      if (user.source === 'editor' && user.name.toLowerCase() !== me) {
        const select = h('select', { id: `user-role-${user.name}`, 'aria-label': `Role of ${user.name}` },
          ['editor', 'publisher', 'admin'].map((role) => h('option', { value: role, selected: user.roles.includes(role) || undefined }, role)));
        actions.append(select,
          h('button', { type: 'button', onclick: () => changeUser(user.name, { roles: [select.value] }) }, `Change role of ${user.name}`), ' ',
          h('button', { type: 'button', onclick: () => removeUser(user.name) }, `Remove ${user.name}`));
      }
      body.append(h('tr', {}, h('th', { scope: 'row' }, user.name), h('td', {}, user.roles.join(', ')),
        h('td', {}, user.source === 'configuration' ? 'host configuration' : 'editor'), actions));
    }
  } catch (error) { body.append(h('tr', {}, h('td', { colspan: 4 }, error.message))); }
}

async function userAction(action, done) {
  const status = $('users-status');
  try {
    await action();
    status.textContent = done;
    await loadUsers();
  } catch (error) { status.textContent = error.message; }
  announce(status.textContent);
}

const changeUser = (name, change) => userAction(() => api.changeUser(name, change), `Changed ${name}.`);
const removeUser = (name) => userAction(() => api.removeUser(name), `Removed ${name}; they can no longer sign in.`);

export function wireUserForm() {
  $('user-add-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const name = $('user-add-name').value.trim();
    userAction(async () => {
      await api.addUser(name, $('user-add-password').value, [$('user-add-role').value]);
      $('user-add-name').value = '';
      $('user-add-password').value = '';
    }, `Added ${name}.`);
  });
}
