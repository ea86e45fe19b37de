// Every text of the editor's UI in Finnish, Swedish and English (English is the fallback for a missing string), in
// messages.json by id then language.
// index.html marks its texts with data-i18n="key" (text) and data-i18n-attr="aria-label=key" (attributes); the modules
// call t('key', {name: value}) with {name} placeholders. The language is the user's choice (header, kept in
// localStorage), else the browser's language when it is Finnish or Swedish, else English; <html lang> follows it.

import table from './messages.json' with { type: 'json' };

export const uiLanguages = ['fi', 'sv', 'en'];
const storageKey = 'aurora-editor-language';

const { messages } = table;

/** Every UI string by language (read-only; tests check that Finnish and Swedish are complete). */
export const uiStrings = Object.freeze(Object.fromEntries(uiLanguages.map((language) => [language, Object.freeze(Object.fromEntries(
  Object.entries(messages).filter(([, texts]) => language in texts).map(([key, texts]) => [key, texts[language]])))])));

// Finnish and Swedish language names are lower case in running text but start a label.
const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);

let current = 'en';
const listeners = new Set();

export const language = () => current;

/** Locale for dates and sorting: Finnish, Finland-Swedish, British English. */
export const locale = () => ({ fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' })[current];

/**
 * The string `key` in the UI language (English when missing), with {name} placeholders filled from `params`.
 * @param {string} key  @param {Record<string, unknown>} [params]  @param {string} [fallback] when no language has the key
 */
export function t(key, params = {}, fallback = key) {
  const template = messages[key]?.[current] ?? messages[key]?.en ?? fallback;
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

export const roleName = (role) => t(`role.${role}`, {}, role);

/** A language's name as a label (capitalised). */
export const languageLabel = (code) => capitalised(t(`language.${code}`, {}, code));

function preferred() {
  try {
    const stored = localStorage.getItem(storageKey);
    if (uiLanguages.includes(stored)) return stored;
  } catch { /* storage blocked: fall back to the browser */ }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = String(tag).slice(0, 2).toLowerCase();
    if (primary === 'fi' || primary === 'sv') return primary;
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** Puts the strings into the static page: data-i18n (text) and data-i18n-attr="attr=key;attr=key". */
export function localizeStatic(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split('=').map((s) => s.trim());
      if (attribute && key) element.setAttribute(attribute, t(key));
    }
  }
  // Option labels of languages read as labels: capitalised.
  for (const option of root.querySelectorAll('#diff-language option[value]:not([value=""])')) option.textContent = languageLabel(option.value);
  document.title = t('app.title');
}

export function setLanguage(code, { remember = true } = {}) {
  if (!uiLanguages.includes(code)) return;
  current = code;
  document.documentElement.lang = code;
  if (remember) {
    try { localStorage.setItem(storageKey, code); } catch { /* not remembered: still switched */ }
  }
  const select = document.getElementById('ui-language');
  if (select) select.value = code;
  localizeStatic();
  for (const listener of listeners) listener(code);
}

export const onLanguageChange = (listener) => listeners.add(listener);

/** The language at start (stored choice, else the browser's), and the header switch. */
export function initLanguage() {
  setLanguage(preferred(), { remember: false });
  document.getElementById('ui-language')?.addEventListener('change', (event) => setLanguage(event.target.value));
}
