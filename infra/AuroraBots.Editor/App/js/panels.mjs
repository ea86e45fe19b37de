// The tabs beside the file editor: transcript tests, versions (versions.mjs), translation coverage, audit log and
// users. Each loads its data when it is shown.
import { api } from './api.mjs';
import { $, announce, clear, formatTime, h } from './dom.mjs';
import { roleName, t } from './i18n.mjs';
import { currentPreview } from './preview.mjs';
import { renderResult } from './results.mjs';
import { initVersions, loadVersions } from './versions.mjs';
import { placeLabel } from './flow-words.mjs';
import { initPublishPreview, resetPublishPreview } from './publish-preview.mjs';

const tabs = ['edit', 'tests', 'versions', 'coverage', 'audit', 'users'];
let app = null; // { state, openFile, refreshFiles, reloadOpenFile, refreshValidation, refreshCoverage, roles }
let wired = false;
let shown = 'edit';

export const currentPanel = () => shown;

export function initPanels(context) {
  app = context;
  initVersions(context);
  initPublishPreview();
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
  $('save-test-form').addEventListener('submit', saveAsTest);
  wireUserForm();
}

export function showPanel(name) {
  shown = name;
  for (const tab of tabs) {
    const selected = tab === name;
    $(`tab-${tab}`).setAttribute('aria-selected', String(selected));
    $(`tab-${tab}`).tabIndex = selected ? 0 : -1;
    $(`panel-${tab}`).hidden = !selected;
  }
  if (name === 'tests') listTests();
  if (name === 'versions') { resetPublishPreview(); loadVersions(); }
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
    status.textContent = data.length ? t('tests.count', { count: data.length, bot }) : t('tests.noTests', { bot });
  } catch (error) { failed(status, error); }
}

async function runTests() {
  const bot = $('tests-bot').value;
  const status = $('tests-status');
  const results = clear($('tests-results'));
  status.textContent = t('tests.running', { bot });
  $('tests-run').disabled = true;
  try {
    const { data } = await api.runTests(bot);
    status.textContent = t('tests.summary', { passed: data.passed, failed: data.failed });
    status.className = 'status ' + (data.failed ? 'error' : 'ok');
    // Failures first: they are what needs attention.
    for (const result of [...data.results].sort((a, b) => a.passed - b.passed)) results.append(renderResult(result, app.openFile));
  } catch (error) {
    status.className = 'status error';
    if (error.status === 422) {
      status.textContent = t('tests.draftInvalid');
      if (error.body?.errors) app.refreshValidation();
    } else failed(status, error);
  } finally {
    $('tests-run').disabled = false;
    announce(status.textContent);
  }
}

async function saveAsTest(event) {
  event.preventDefault();
  const status = $('preview-status');
  const name = $('save-test-name').value.trim();
  const preview = currentPreview();
  if (!preview?.conversationId) { status.textContent = t('preview.startFirst'); return; }
  if (!name) { status.textContent = t('preview.nameTest'); $('save-test-name').focus(); return; }
  try {
    const { data } = await api.saveTest(preview.conversationId, name, preview.bot);
    status.textContent = t('preview.testSaved', { path: data.path });
    $('save-test-name').value = '';
    await app.refreshFiles();
  } catch (error) {
    status.textContent = error.status === 409 ? t('preview.testExists') : t('save.failed', { message: error.message });
  }
  announce(status.textContent);
}

// ---------- translations ----------

async function loadCoverage() {
  const report = clear($('coverage-report'));
  try {
    const { data } = await api.coverage();
    app.state.coverage = data;
    for (const bot of data) {
      const section = h('section', { className: 'coverage-bot', 'aria-label': t('coverage.of', { bot: bot.bot }) },
        h('h3', {}, t('coverage.summary', { bot: bot.bot, complete: bot.complete, texts: bot.texts, languages: bot.languages.join(', ') })));
      if (!bot.gaps.length && !(bot.outdated ?? []).length) section.append(h('p', { className: 'ok' }, t('coverage.allGood')));
      if (bot.gaps.length) {
        section.append(h('table', {},
          h('caption', {}, t('coverage.gaps')),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('coverage.text')), h('th', { scope: 'col' }, t('coverage.missing')), h('th', { scope: 'col' }, t('coverage.empty')))),
          h('tbody', {}, bot.gaps.map((gap) => h('tr', {},
            h('td', {}, h('button', { type: 'button', className: 'link', title: gap.path, dataset: { path: gap.path }, onclick: () => app.openFile(gap.file, gap.path) }, placeLabel(gap.file, gap.path))),
            h('td', {}, gap.missing.join(', ')), h('td', {}, gap.empty.join(', ')))))));
      }
      if ((bot.outdated ?? []).length) {
        section.append(h('table', {},
          h('caption', {}, t('coverage.outdated')),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('coverage.text')), h('th', { scope: 'col' }, t('coverage.changed')), h('th', { scope: 'col' }, t('coverage.check')), h('th', { scope: 'col' }, t('coverage.by')))),
          h('tbody', {}, bot.outdated.map((entry) => h('tr', {},
            h('td', {}, h('button', { type: 'button', className: 'link', title: entry.path, dataset: { path: entry.path }, onclick: () => app.openFile(entry.file, entry.path) }, placeLabel(entry.file, entry.path))),
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
        h('td', {}, entry.target ?? ''), h('td', {}, entry.success ? t('audit.ok') : t('audit.failed')), h('td', {}, entry.detail ?? '')));
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
        const select = h('select', { id: `user-role-${user.name}`, 'aria-label': t('users.roleOf', { name: user.name }) },
          ['editor', 'publisher', 'admin', 'agent'].map((role) => h('option', { value: role, selected: user.roles.includes(role) || undefined }, roleName(role))));
        actions.append(select,
          h('button', { type: 'button', onclick: () => changeUser(user.name, { roles: [select.value] }) }, t('users.changeRole', { name: user.name })), ' ',
          h('button', { type: 'button', onclick: () => removeUser(user.name) }, t('users.remove', { name: user.name })));
      }
      body.append(h('tr', {}, h('th', { scope: 'row' }, user.name), h('td', {}, user.roles.map(roleName).join(', ')),
        h('td', {}, user.source === 'configuration' ? t('users.fromConfiguration') : t('users.fromEditor')), actions));
    }
  } catch (error) { body.append(h('tr', {}, h('td', { colspan: 4 }, error.message))); }
}

async function userAction(action, done) {
  const status = $('users-status');
  try {
    await action();
    status.textContent = done();
    await loadUsers();
  } catch (error) { status.textContent = error.message; }
  announce(status.textContent);
}

const changeUser = (name, change) => userAction(() => api.changeUser(name, change), () => t('users.changed', { name }));
const removeUser = (name) => userAction(() => api.removeUser(name), () => t('users.removed', { name }));

function wireUserForm() {
  $('user-add-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const name = $('user-add-name').value.trim();
    userAction(async () => {
      await api.addUser(name, $('user-add-password').value, [$('user-add-role').value]);
      $('user-add-name').value = '';
      $('user-add-password').value = '';
    }, () => t('users.added', { name }));
  });
}
