// The editor app: sign-in, the navigator (bots → files → steps), the file editor (form + YAML view, live
// validation, save with the file's ETag) and the tabs. All data comes from /editor/api with the session cookie;
// what a role may not do is hidden here and refused by the server anyway.
import { api, ApiError } from './api.mjs';
import { initLanguage, onLanguageChange, roleName, t } from './i18n.mjs';
import { $, announce, clear, debounce, h } from './dom.mjs';
import { describeStep, renderForm, showFieldErrors } from './form.mjs';
import { loadFlowWords, placeLabel } from './flow-words.mjs';
import { highlightInto } from './highlight.mjs';
import { currentPreview, loadMunicipalities, startPreview, stopPreview } from './preview.mjs';
import { currentPanel, initPanels, showPanel } from './panels.mjs';
import { addLanguage, parse, setValue } from './yaml-edit.mjs';

const state = {
  me: null,
  files: [],
  coverage: [],
  /** Errors of the whole draft, as last validated (saved content, or the open file's unsaved text). */
  errors: [],
  /** The open file: { path, bot, eTag, text, saved, doc, view } */
  file: null,
};

export const roles = {
  publisher: () => hasRole('publisher'),
  admin: () => hasRole('admin'),
};

function hasRole(role) {
  const order = ['editor', 'publisher', 'admin'];
  const mine = state.me?.roles ?? [];
  return mine.some((r) => order.indexOf(r) >= order.indexOf(role));
}

// ---------- sign-in ----------

async function boot() {
  $('signin-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  try {
    const { data } = await api.me();
    await showApp(data);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) showSignIn();
    else showSignIn(error.message);
  }
}

function showSignIn(message = '') {
  stopPreview();
  state.me = null;
  $('app-view').hidden = true;
  $('whoami').hidden = true;
  $('sign-out').hidden = true;
  $('signin-view').hidden = false;
  $('signin-status').textContent = message;
  $('signin-name').focus();
}

async function signIn(event) {
  event.preventDefault();
  const name = $('signin-name').value.trim();
  const password = $('signin-password').value;
  const status = $('signin-status');
  if (!name || !password) { status.textContent = t('signin.missing'); return; }
  status.textContent = t('signin.busy');
  try {
    const { data } = await api.signIn(name, password);
    $('signin-password').value = '';
    status.textContent = '';
    await showApp(data);
  } catch (error) {
    status.textContent = error.status === 401 ? t('signin.wrong') : error.message;
  }
}

async function signOut() {
  if (state.file && isDirty() && !window.confirm(t('signout.confirm'))) return;
  try { await api.signOut(); } catch { /* signed out either way */ }
  closeFile();
  showSignIn(t('signout.done'));
}

/** Forgets the open file (signing out: the next user starts with an empty editor). */
function closeFile() {
  state.file = null;
  $('file-title').textContent = t('edit.chooseFile');
  $('save-file').disabled = true;
  $('form-view').replaceChildren();
  $('yaml-text').value = '';
  $('yaml-highlight').replaceChildren();
  $('file-status').textContent = '';
  $('conflict').hidden = true;
  clear($('validation-list'));
  $('validation-status').textContent = '';
}

function showWhoAmI() {
  const me = state.me;
  $('whoami').textContent = t('app.whoami', { name: me.name, roles: me.roles.map(roleName).join(', ') || t('role.none') });
}

async function showApp(me) {
  state.me = me;
  $('signin-view').hidden = true;
  $('app-view').hidden = false;
  $('whoami').hidden = false;
  showWhoAmI();
  $('sign-out').hidden = false;
  for (const element of document.querySelectorAll('[data-role]')) {
    const allowed = hasRole(element.dataset.role);
    element.hidden = !allowed;
    if ('disabled' in element) element.disabled = !allowed;
  }
  initPanels({ state, openFile, refreshFiles, reloadOpenFile, refreshValidation, refreshCoverage, roles });
  $('preview-bot').onchange = () => restartPreview();
  $('preview-locale').onchange = () => restartPreview();
  $('preview-restart').onclick = () => restartPreview();
  $('preview-municipality').onchange = () => restartPreview();
  loadMunicipalities();
  showPanel('edit');
  await Promise.all([loadFlowWords(), refreshFiles()]);
  const bots = botIds();
  for (const select of [$('preview-bot'), $('tests-bot')]) {
    select.replaceChildren(...bots.map((bot) => h('option', { value: bot }, bot)));
    // The entry point citizens meet first, not whichever bot sorts first alphabetically.
    if (bots.includes('frontdesk')) select.value = 'frontdesk';
  }
  $('workspace').focus();
  // Opening a file starts the preview of its bot; until then, preview the first bot.
  if (!currentPreview()) restartPreview();
  await Promise.all([refreshCoverage(), refreshValidation()]);
}

function botIds() {
  return [...new Set(state.files.map((f) => f.bot))].filter((b) => b !== '_shared').sort();
}

function restartPreview() {
  startPreview($('preview-bot').value, $('preview-locale').value, $('preview-municipality').value);
}

// ---------- navigator ----------

export async function refreshFiles() {
  const { data } = await api.files();
  state.files = data;
  renderNavigator();
}

function fileKind(path) {
  const name = path.split('/').slice(1).join('/');
  if (name.startsWith('tests/')) return 'tests';
  if (name === 'bot.yaml' || name === 'texts.yaml' || name === 'shared.yaml') return 'settings';
  if (name.startsWith('intents')) return 'intents';
  return 'flows';
}

function renderNavigator() {
  const tree = $('nav-tree');
  // Re-rendering keeps what the user opened and where the keyboard focus was.
  const opened = new Set([...tree.querySelectorAll('details[open]')].map((d) => d.dataset.bot));
  const focusedFile = tree.contains(document.activeElement) ? document.activeElement.dataset.file : undefined;
  clear(tree);
  const byBot = new Map();
  for (const file of state.files) {
    if (!byBot.has(file.bot)) byBot.set(file.bot, []);
    byBot.get(file.bot).push(file);
  }
  const bots = [...byBot.keys()].sort((a, b) => (a === '_shared') - (b === '_shared') || a.localeCompare(b));
  for (const bot of bots) {
    const open = state.file?.bot === bot || opened.has(bot);
    const groups = new Map();
    for (const file of byBot.get(bot).sort((a, b) => a.path.localeCompare(b.path))) {
      const kind = fileKind(file.path);
      if (!groups.has(kind)) groups.set(kind, []);
      groups.get(kind).push(file);
    }
    const details = h('details', { className: 'bot', open: open || undefined, dataset: { bot } },
      h('summary', {}, bot === '_shared' ? t('nav.shared') : bot));
    for (const kind of ['flows', 'settings', 'intents', 'tests']) {
      if (!groups.has(kind)) continue;
      const list = h('ul', { className: 'files' });
      for (const file of groups.get(kind)) {
        const current = state.file?.path === file.path;
        const item = h('li', {},
          h('button', { type: 'button', className: 'file', dataset: { file: file.path }, 'aria-current': current ? 'page' : undefined,
            onclick: () => openFile(file.path) }, file.path.split('/').slice(1).join('/')));
        // A file without steps (or with YAML errors) has no step list: nothing, not the text "null".
        const steps = current ? stepList() : null;
        if (steps) item.append(steps);
        list.append(item);
      }
      details.append(h('p', { className: 'group-title' }, t(`nav.group.${kind}`)), list);
    }
    tree.append(details);
  }
  if (focusedFile) tree.querySelector(`button[data-file="${CSS.escape(focusedFile)}"]`)?.focus();
}

function stepList() {
  const steps = state.file?.doc && !state.file.doc.errors.length ? state.file.doc.get('steps', true) : null;
  if (!steps?.items) return null;
  return h('ol', { className: 'steps', 'aria-label': t('nav.steps') },
    steps.items.map((step, index) => h('li', {},
      h('button', { type: 'button', className: 'step', onclick: () => focusPath(`steps[${index}]`) }, describeStep(step, index)))));
}

// ---------- the open file ----------

const isDirty = () => !!state.file && state.file.text !== state.file.saved;

// Which open is the newest: a slower earlier answer must not replace a later choice.
let openTicket = 0;

/**
 * Shows `path` in the editor, fetched fresh. Choosing the open file while it has unsaved changes only shows it; an
 * answer that arrives after the open file was edited or saved meanwhile is dropped (it would put older text back —
 * a later save then meets a 409 if someone else changed the file). `reload` fetches and discards on purpose.
 */
export async function openFile(path, focus, { show = true, reload = false } = {}) {
  if (!reload && state.file?.path === path && isDirty()) {
    if (show) showPanel('edit');
    if (focus) focusPath(focus);
    return;
  }
  if (state.file?.path !== path && isDirty() && !window.confirm(t('edit.discardConfirm'))) return;
  if (show) showPanel('edit');
  const ticket = ++openTicket;
  const before = state.file?.path === path ? { text: state.file.text, eTag: state.file.eTag } : null;
  $('panel-edit').setAttribute('aria-busy', 'true');
  $('file-status').textContent = t('edit.opening', { path });
  let data;
  try {
    ({ data } = await api.file(path));
  } catch (error) {
    if (ticket !== openTicket) return;
    $('panel-edit').removeAttribute('aria-busy');
    $('file-status').textContent = t('edit.cannotOpen', { path, message: error.message });
    return;
  }
  if (ticket !== openTicket) return;
  $('panel-edit').removeAttribute('aria-busy');
  if (!reload && before && state.file?.path === path && (state.file.text !== before.text || state.file.eTag !== before.eTag)) {
    if ($('file-status').textContent === t('edit.opening', { path })) $('file-status').textContent = isDirty() ? t('edit.dirty') : t('edit.clean');
    if (focus) focusPath(focus);
    return;
  }
  state.file = { path, bot: path.split('/')[0], eTag: data.eTag, text: data.content, saved: data.content, doc: parse(data.content), view: state.file?.view ?? 'form' };
  $('conflict').hidden = true;
  $('file-title').textContent = path;
  $('save-file').disabled = false;
  $('yaml-text').value = state.file.text;
  highlightInto($('yaml-highlight'), state.file.text);
  renderFileForm();
  setView(state.file.view);
  renderNavigator();
  showErrors();
  $('file-status').textContent = t('edit.open', { path });
  if (state.file.bot !== '_shared' && $('preview-bot').value !== state.file.bot) {
    $('preview-bot').value = state.file.bot;
    if ([...$('tests-bot').options].some((o) => o.value === state.file.bot)) $('tests-bot').value = state.file.bot;
    restartPreview();
  }
  if (focus) focusPath(focus);
}

export async function reloadOpenFile() {
  if (!state.file) return;
  const path = state.file.path;
  state.file.saved = state.file.text; // the reload discards on purpose
  await openFile(path, undefined, { show: false, reload: true });
}

function languagesOf(bot) {
  return state.coverage.find((c) => c.bot === bot)?.languages ?? ['fi', 'sv', 'en'];
}

function renderFileForm() {
  const file = state.file;
  const container = $('form-view');
  if (file.doc.errors.length) {
    container.replaceChildren(h('p', { className: 'hint' },
      t('edit.syntaxError')));
    return;
  }
  const outdated = new Map();
  for (const entry of state.coverage.find((c) => c.bot === file.bot)?.outdated ?? []) {
    if (entry.file === file.path) outdated.set(entry.path, entry.stale);
  }
  renderForm(container, file.doc, {
    languages: languagesOf(file.bot),
    outdated,
    edit: (segments, text) => changeText(setValue(file.text, file.doc, segments, text), 'form'),
    addLanguage: (segments, language, path) => {
      changeText(addLanguage(file.text, file.doc, segments, language), 'structure');
      focusPath(path);
    },
  });
}

/**
 * The one way the open file's text changes: keeps both views, validation and the status in step.
 * @param {'form'|'structure'|'yaml'} source a form field (the form is current), a form change of structure (render it
 *   again), or the YAML view (render the form when it is shown next).
 */
function changeText(text, source) {
  const file = state.file;
  file.text = text;
  file.doc = parse(text);
  if ($('yaml-text').value !== text) $('yaml-text').value = text;
  highlightInto($('yaml-highlight'), text);
  if (source === 'structure') renderFileForm();
  else if (source === 'yaml') file.formStale = true;
  $('file-status').textContent = isDirty() ? t('edit.dirty') : t('edit.clean');
  liveValidate();
}

function setView(view) {
  state.file && (state.file.view = view);
  const yaml = view === 'yaml';
  $('view-form').setAttribute('aria-pressed', String(!yaml));
  $('view-yaml').setAttribute('aria-pressed', String(yaml));
  $('form-view').hidden = yaml;
  $('yaml-view').hidden = !yaml;
  if (!yaml && state.file?.formStale) {
    state.file.formStale = false;
    renderFileForm();
    showErrors();
  }
}

function focusPath(path) {
  const form = $('form-view');
  if (form.hidden) setView('form');
  const escaped = CSS.escape(path);
  const target = form.querySelector(`textarea[data-path="${escaped}"], input[data-path="${escaped}"]`)
    ?? form.querySelector(`.card[data-path="${escaped}"]`)
    ?? form.querySelector(`[data-path="${escaped}"] textarea, [data-path="${escaped}"] input`);
  if (target) {
    target.scrollIntoView({ block: 'center' });
    target.focus();
  }
}

// ---------- validation ----------

let validationRun = 0;
let liveValidationAvailable = true;

const liveValidate = debounce(async () => {
  const file = state.file;
  if (!file) return;
  const run = ++validationRun;
  const text = file.text;
  $('validation-status').textContent = t('validation.checking');
  if (!liveValidationAvailable) {
    applyValidation(localSyntaxErrors(file));
    return;
  }
  try {
    const { data } = await api.validate(file.path, text);
    if (run !== validationRun || state.file !== file || file.text !== text) return; // a newer edit is on its way
    applyValidation(data.errors);
  } catch (error) {
    if (error.status === 404 || error.status === 405) {
      liveValidationAvailable = false;
      applyValidation(localSyntaxErrors(file));
    } else {
      $('validation-status').textContent = t('validation.unavailable', { message: error.message });
    }
  }
}, 350);

function localSyntaxErrors(file) {
  const others = state.errors.filter((e) => e.file !== file.path);
  return [...others, ...file.doc.errors.map((e) => ({ file: file.path, path: '', message: e.message }))];
}

export async function refreshValidation() {
  try {
    const { data } = await api.validation();
    applyValidation(data.errors);
  } catch (error) {
    $('validation-status').textContent = t('validation.unavailable', { message: error.message });
  }
}

export function applyValidation(errors) {
  state.errors = errors ?? [];
  showErrors();
}

function showErrors() {
  const errors = state.errors;
  const status = $('validation-status');
  const list = clear($('validation-list'));
  if (state.file && !$('form-view').hidden && !state.file.formStale) {
    showFieldErrors($('form-view'), errors.filter((e) => e.file === state.file.path));
  }
  if (!errors.length) {
    status.textContent = t('validation.none');
    status.className = 'status ok';
    return;
  }
  const here = state.file ? errors.filter((e) => e.file === state.file.path).length : 0;
  status.textContent = state.file ? t('validation.countHere', { count: errors.length, here }) : t('validation.count', { count: errors.length });
  status.className = 'status error';
  for (const error of errors.slice(0, 200)) {
    list.append(h('li', {},
      h('button', { type: 'button', className: 'link', title: error.path || undefined, dataset: { path: error.path ?? '' }, onclick: () => openFile(error.file, error.path) },
        placeLabel(error.file, error.path)),
      `: ${error.message}`));
  }
}

// ---------- saving ----------

async function save() {
  const file = state.file;
  if (!file) return;
  const status = $('file-status');
  status.textContent = t('save.busy');
  const text = file.text;
  try {
    const { data } = await api.save(file.path, text, file.eTag);
    file.eTag = data.eTag;
    file.saved = text;
    $('conflict').hidden = true;
    applyValidation(data.validation.errors);
    status.textContent = data.validation.isValid
      ? t('save.valid', { path: file.path })
      : t('save.invalid', { path: file.path, count: data.validation.errors.length });
    announce(status.textContent);
    refreshCoverage().then(() => { if (!file.formStale && state.file === file) { renderFileForm(); showErrors(); } });
    refreshFiles();
  } catch (error) {
    if (error.status === 409) showConflict(file);
    else status.textContent = t('save.failed', { message: error.message });
    announce(status.textContent);
  }
}

function showConflict(file) {
  const box = $('conflict');
  $('file-status').textContent = t('conflict.status');
  box.replaceChildren(
    h('p', {}, h('strong', {}, t('conflict.title')), ' ', t('conflict.text')),
    h('button', { type: 'button', onclick: () => reloadOpenFile() }, t('conflict.reload')));
  box.hidden = false;
  box.querySelector('button').focus();
  file.conflict = true;
}

// ---------- translations ----------

export async function refreshCoverage() {
  try {
    const { data } = await api.coverage();
    state.coverage = data;
  } catch { state.coverage = []; }
}

// ---------- wiring ----------

window.addEventListener('editor:session-ended', () => {
  if (!state.me) return;
  showSignIn(t('session.ended'));
});

$('save-file').addEventListener('click', save);
$('view-form').addEventListener('click', () => setView('form'));
$('view-yaml').addEventListener('click', () => setView('yaml'));
$('yaml-text').addEventListener('input', () => changeText($('yaml-text').value, 'yaml'));
$('yaml-text').addEventListener('scroll', () => {
  $('yaml-highlight').scrollTop = $('yaml-text').scrollTop;
  $('yaml-highlight').scrollLeft = $('yaml-text').scrollLeft;
});
document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === 's' && state.file) {
    event.preventDefault();
    save();
  }
});
window.addEventListener('beforeunload', (event) => {
  if (isDirty()) event.preventDefault();
});

// A language switch re-renders what was built from strings: the navigator, the open form, the current tab, the
// preview's municipality names. Status lines already shown stay as they were.
onLanguageChange(() => {
  if (!state.me) return;
  showWhoAmI();
  renderNavigator();
  if (state.file) {
    $('file-title').textContent = state.file.path; // the static text put "Choose a file" back
    renderFileForm();
    showErrors();
  }
  showPanel(currentPanel());
  loadMunicipalities();
});

initLanguage();
boot();
