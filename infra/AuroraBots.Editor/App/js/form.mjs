// The structured form: renders a parsed YAML Document (yaml package) as fields; every edit goes back through
// yaml-edit.mjs (context.edit / context.addLanguage), which changes only the edited value in the YAML text, so
// comments, key order and quoting survive. Maps become labelled fields, lists become cards, and a {fi, sv, en} map
// (a translated text) becomes the three languages side by side. Every field carries its YAML path in the loader's
// format (steps[0].say.fi) so validation errors can be shown right there. Labels are editor words ("Step 1 — Message",
// "Answer type"), with help under each field, from the flow schema and its words (flow-words.mjs).
import { isMap, isScalar, isSeq } from '../vendor/yaml/index.js';
import { h, nextId } from './dom.mjs';
import { choicesOf, fieldWords, kindOf, kindWords, stepTitle } from './flow-words.mjs';
import { languageLabel, t } from './i18n.mjs';

const platformLanguages = ['fi', 'sv', 'en'];
const languageName = languageLabel;

const child = (path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : String(key));
const keyOf = (pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));

/** A map whose keys are all languages: one translated text. */
export function isTextMap(node) {
  return isMap(node) && node.items.length > 0 &&
    node.items.every((pair) => platformLanguages.includes(keyOf(pair)) && (pair.value === null || isScalar(pair.value)));
}

/** What a step does, for headings and the step list: "Step 3 — Question: age". */
export function describeStep(node, index) {
  if (!isMap(node)) return t('form.step', { n: index + 1 });
  return stepTitle(node.items.map(keyOf), node.get('id') ?? null, node.get('save') ?? null, index);
}

/** A step's kind explained under its heading: what it does and an example in YAML. */
function kindHelp(node) {
  const kind = isMap(node) ? kindOf(node.items.map(keyOf)) : null;
  if (!kind) return null;
  const words = kindWords(kind.key);
  return h('div', { className: 'kind-help' },
    words.help ? h('p', { className: 'hint' }, words.help) : null,
    words.example ? h('details', { className: 'example' }, h('summary', {}, t('form.example')), h('pre', {}, words.example)) : null);
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

/** A key's field: its editor name and help; a language key (synonyms per language) is named as the language. */
const fieldOf = (key) => (platformLanguages.includes(key) ? { key, name: `${languageName(key)} (${key})` } : { key, ...fieldWords(key) });

/** The help under a label, and the attribute that ties it to the field for screen readers. */
function helpFor(field) {
  if (!field?.help) return { hint: null, describedBy: {} };
  const id = nextId('help');
  return { hint: h('p', { id, className: 'hint field-help' }, field.help), describedBy: { 'aria-describedby': id } };
}

/**
 * @param field {{ key?: string|number, name: string, help?: string } | null} what names the node (null: the document,
 *   or a card whose heading names it)
 */
function renderNode(node, segments, path, field, context) {
  if (isTextMap(node)) return renderText(node, segments, path, field, context);
  if (isMap(node)) {
    const { hint, describedBy } = helpFor(field);
    const fieldset = h('fieldset', { className: 'group', dataset: { path }, ...describedBy },
      field ? h('legend', {}, field.name) : null, hint,
      h('ul', { className: 'errors', role: 'list' }));
    for (const pair of node.items) {
      const key = keyOf(pair);
      fieldset.append(renderNode(pair.value ?? null, [...segments, key], child(path, key), fieldOf(key), context));
    }
    return fieldset;
  }
  if (isSeq(node)) {
    const isSteps = path === 'steps';
    const list = h('ol', { className: 'cards', role: 'list' });
    node.items.forEach((item, index) => {
      const itemPath = child(path, index);
      const heading = { key: field?.key, name: isSteps ? describeStep(item, index) : `${field?.name ?? ''} ${index + 1}` };
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
        h('h4', { id: headingId, className: 'card-title' }, heading.name),
        isSteps ? kindHelp(item) : null,
        h('ul', { className: 'errors', role: 'list' }),
        // A map's fields sit directly in the card (its heading names it); anything else keeps its own label.
        renderNode(item, [...segments, index], itemPath, isMap(item) && !isTextMap(item) ? null : heading, context)));
    });
    const { hint, describedBy } = helpFor(field);
    return h('fieldset', { className: 'group list', dataset: { path }, ...describedBy },
      h('legend', {}, field?.name ?? ''), hint, h('ul', { className: 'errors', role: 'list' }), list);
  }
  // A key without a value (`key:`) is an empty field; typing gives it one.
  if (isScalar(node) || node === null) return renderScalar(node, segments, path, field, context);
  // Aliases, empty list items and the like: rare in bot content, editable in the YAML view.
  return h('div', { className: 'field', dataset: { path } },
    h('span', { className: 'label' }, field?.name ?? ''), h('p', { className: 'hint' }, t('form.yamlOnly')),
    h('ul', { className: 'errors', role: 'list' }));
}

function renderScalar(node, segments, path, field, context) {
  const id = nextId('field');
  const value = node === null || node.value === null || node.value === undefined ? '' : String(node.value);
  const { hint, describedBy } = helpFor(field);
  const choices = typeof field?.key === 'string' ? choicesOf(field.key) : null;
  let input;
  if (choices) {
    // A value the schema lists (the prompt type of a question): a choice in editor words, the YAML value kept.
    const known = choices.some((choice) => choice.value === value);
    input = h('select', { id, dataset: { path }, ...describedBy },
      known ? null : h('option', { value }, value),
      choices.map((choice) => h('option', { value: choice.value, title: choice.help }, choice.name)));
    input.value = value;
    input.addEventListener('change', () => context.edit(segments, input.value, path));
  } else {
    const long = value.includes('\n') || value.length > 60;
    input = long
      ? h('textarea', { id, rows: Math.min(8, Math.max(2, Math.ceil(value.length / 60))), dataset: { path }, ...describedBy })
      : h('input', { id, type: 'text', dataset: { path }, ...describedBy });
    input.value = value;
    input.addEventListener('input', () => context.edit(segments, input.value, path));
  }
  return h('div', { className: 'field', dataset: { path } },
    h('label', { for: id }, field?.name ?? ''),
    hint,
    input,
    h('ul', { className: 'errors', role: 'list' }));
}

function renderText(map, segments, path, field, context) {
  const legendId = nextId('text');
  const languages = context.languages.length ? context.languages : platformLanguages;
  const stale = context.outdated.get(path) ?? [];
  const columns = h('div', { className: 'languages' });
  const { hint, describedBy } = helpFor(field);
  const group = h('fieldset', { className: 'group text', dataset: { path, text: '' }, 'aria-labelledby': legendId, ...describedBy },
    h('legend', { id: legendId }, field?.name ?? ''),
    hint,
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
