// The structured form: renders a parsed YAML Document (yaml package) as fields; every edit goes back through
// yaml-edit.mjs (context.edit / context.addLanguage), which changes only the edited value in the YAML text, so
// comments, key order and quoting survive. Maps become labelled fields, lists become cards, and a {fi, sv, en} map
// (a translated text) becomes the three languages side by side. Every field carries its YAML path in the loader's
// format (steps[0].say.fi) so validation errors can be shown right there.
import { isMap, isScalar, isSeq } from '../vendor/yaml/index.js';
import { h, nextId } from './dom.mjs';
import { languageLabel, t } from './i18n.mjs';

const platformLanguages = ['fi', 'sv', 'en'];
const languageName = languageLabel;
const kindKeys = ['say', 'ask', 'set', 'branch', 'goto', 'call', 'do', 'end', 'action', 'recommend', 'handoff'];

const child = (path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : String(key));
const keyOf = (pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));

/** A map whose keys are all languages: one translated text. */
export function isTextMap(node) {
  return isMap(node) && node.items.length > 0 &&
    node.items.every((pair) => platformLanguages.includes(keyOf(pair)) && (pair.value === null || isScalar(pair.value)));
}

/** What a step does, for headings and the step list: its id and kind key. */
export function describeStep(node, index) {
  if (!isMap(node)) return t('form.step', { n: index + 1 });
  const keys = node.items.map(keyOf);
  const kind = kindKeys.find((k) => keys.includes(k)) ?? keys[0] ?? 'step';
  const id = node.get('id');
  return `${t('form.step', { n: index + 1 })} · ${kind}${id ? ` · ${id}` : ''}`;
}

/**
 * @param {HTMLElement} container
 * @param {import('yaml').Document} doc parsed without errors
 * @param {{ languages: string[], outdated: Map<string, string[]>, edit: (segments: (string|number)[], text: string, path: string) => void,
 *   addLanguage: (segments: (string|number)[], language: string, path: string) => void }} options
 */
export function renderForm(container, doc, options) {
  const context = { ...options, doc };
  const root = doc.contents;
  if (root === null || root === undefined) {
    container.replaceChildren(h('p', {}, t('form.empty')));
    return;
  }
  container.replaceChildren(renderNode(root, [], '', null, context));
}

function renderNode(node, segments, path, label, context) {
  if (isTextMap(node)) return renderText(node, segments, path, label, context);
  if (isMap(node)) {
    const fieldset = h('fieldset', { className: 'group', dataset: { path } },
      label ? h('legend', {}, label) : null,
      h('ul', { className: 'errors', role: 'list' }));
    for (const pair of node.items) {
      const key = keyOf(pair);
      const childPath = child(path, key);
      fieldset.append(renderNode(pair.value ?? null, [...segments, key], childPath, key, context));
    }
    return fieldset;
  }
  if (isSeq(node)) {
    const isSteps = path === 'steps';
    const list = h('ol', { className: 'cards', role: 'list' });
    node.items.forEach((item, index) => {
      const itemPath = child(path, index);
      const heading = isSteps ? describeStep(item, index) : `${label} ${index + 1}`;
      if (isTextMap(item)) {
        // A list of texts (suggestions, …): the text's own legend names it; no card heading on top.
        list.append(h('li', { className: 'card-text' }, renderText(item, [...segments, index], itemPath, heading, context)));
        return;
      }
      if (isScalar(item)) {
        list.append(h('li', { className: 'card-scalar' }, renderScalar(item, [...segments, index], itemPath, heading, context)));
        return;
      }
      const headingId = nextId('card');
      list.append(h('li', { className: 'card', dataset: { path: itemPath }, tabindex: '-1', 'aria-labelledby': headingId },
        h('h4', { id: headingId, className: 'card-title' }, heading),
        h('ul', { className: 'errors', role: 'list' }),
        // A map's fields sit directly in the card (its heading names it); anything else keeps its own label.
        renderNode(item, [...segments, index], itemPath, isMap(item) && !isTextMap(item) ? null : heading, context)));
    });
    return h('fieldset', { className: 'group list', dataset: { path } },
      h('legend', {}, label), h('ul', { className: 'errors', role: 'list' }), list);
  }
  // A key without a value (`key:`) is an empty field; typing gives it one.
  if (isScalar(node) || node === null) return renderScalar(node, segments, path, label, context);
  // Aliases, empty list items and the like: rare in bot content, editable in the YAML view.
  return h('div', { className: 'field', dataset: { path } },
    h('span', { className: 'label' }, label), h('p', { className: 'hint' }, t('form.yamlOnly')),
    h('ul', { className: 'errors', role: 'list' }));
}

function renderScalar(node, segments, path, label, context) {
  const id = nextId('field');
  const value = node === null || node.value === null || node.value === undefined ? '' : String(node.value);
  const long = value.includes('\n') || value.length > 60;
  const input = long
    ? h('textarea', { id, rows: Math.min(8, Math.max(2, Math.ceil(value.length / 60))), dataset: { path } })
    : h('input', { id, type: 'text', dataset: { path } });
  input.value = value;
  input.addEventListener('input', () => context.edit(segments, input.value, path));
  return h('div', { className: 'field', dataset: { path } },
    h('label', { for: id }, label),
    input,
    h('ul', { className: 'errors', role: 'list' }));
}

function renderText(map, segments, path, label, context) {
  const legendId = nextId('text');
  const languages = context.languages.length ? context.languages : platformLanguages;
  const stale = context.outdated.get(path) ?? [];
  const columns = h('div', { className: 'languages' });
  const group = h('fieldset', { className: 'group text', dataset: { path, text: '' }, 'aria-labelledby': legendId },
    h('legend', { id: legendId }, label),
    h('ul', { className: 'errors', role: 'list' }),
    columns);

  const extra = map.items.map(keyOf).filter((k) => !languages.includes(k));
  for (const language of [...languages, ...extra]) {
    const pair = map.items.find((p) => keyOf(p) === language);
    const languagePath = child(path, language);
    if (!pair) {
      columns.append(h('div', { className: 'language missing', dataset: { path: languagePath, language } },
        h('span', { className: 'language-name' }, `${languageName(language)} (${language})`),
        h('span', { className: 'mark mark-missing' }, t('form.missing')),
        h('button', {
          type: 'button',
          onclick: () => context.addLanguage(segments, language, languagePath),
        }, t('form.addLanguage', { language: languageName(language) })),
        h('ul', { className: 'errors', role: 'list' })));
      continue;
    }
    const node = pair.value ?? null;
    const id = nextId('field');
    const textarea = h('textarea', { id, rows: 3, lang: language, dataset: { path: languagePath } });
    textarea.value = node === null || node.value === null || node.value === undefined ? '' : String(node.value);
    const mark = h('span', { className: 'mark', 'aria-live': 'off' });
    const initial = textarea.value;
    const updateMark = () => {
      const empty = textarea.value.trim() === '';
      // Editing the outdated language is what clears it (the server drops the mark when this is saved).
      const outdated = stale.includes(language) && textarea.value === initial;
      mark.textContent = empty ? t('form.emptyMark') : outdated ? t('form.outdated') : '';
      mark.className = 'mark' + (empty ? ' mark-empty' : outdated ? ' mark-outdated' : '');
      mark.hidden = !empty && !outdated;
    };
    updateMark();
    textarea.addEventListener('input', () => {
      updateMark();
      context.edit([...segments, language], textarea.value, languagePath);
    });
    columns.append(h('div', { className: 'language field', dataset: { path: languagePath, language } },
      h('label', { for: id }, h('span', { className: 'language-name' }, `${languageName(language)} (${language})`), ' ', mark),
      textarea,
      h('ul', { className: 'errors', role: 'list' })));
  }
  return group;
}

/**
 * Shows this file's validation errors at their fields: the element whose data-path equals the error's path, else
 * the nearest enclosing one (steps[2].say.sv → steps[2].say → steps[2] → the document). Returns how many were placed.
 */
export function showFieldErrors(container, errors) {
  for (const list of container.querySelectorAll('ul.errors')) list.replaceChildren();
  for (const input of container.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
  for (const error of errors) {
    const target = findTarget(container, error.path);
    if (!target) continue;
    const list = target.querySelector(':scope > ul.errors') ?? target.querySelector('ul.errors');
    const id = nextId('error');
    list.append(h('li', { id, className: 'field-error' }, error.message));
    const input = target.querySelector(':scope > textarea, :scope > input');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    }
  }
}

function findTarget(container, path) {
  let current = path ?? '';
  for (;;) {
    const found = container.querySelector(`.field[data-path="${CSS.escape(current)}"], .group[data-path="${CSS.escape(current)}"], .card[data-path="${CSS.escape(current)}"], .language[data-path="${CSS.escape(current)}"]`);
    if (found) return found;
    if (current === '') return container.querySelector('.group');
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    current = cut > 0 ? current.slice(0, cut) : '';
  }
}
