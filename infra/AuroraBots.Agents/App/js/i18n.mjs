// The console's interface texts: messages.json, by id then language (fi, sv, en).
import table from './messages.json' with { type: 'json' };

export const messages = table.messages;
export const uiLanguages = ['fi', 'sv', 'en'];

let current = 'fi';

export function setLanguage(language) {
  current = uiLanguages.includes(language) ? language : 'fi';
  document.documentElement.lang = current;
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  document.title = `${t('title')} – AuroraBots`;
  return current;
}

export const language = () => current;

export function t(key, ...values) {
  const text = messages[key]?.[current] ?? messages[key]?.en ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => values[Number(i)] ?? '');
}

/** A language's name in the console's language ("ruotsi" for sv in Finnish); the code when it has none. */
export const languageName = (code) => (messages[`language.${code}`] ? t(`language.${code}`) : code);
