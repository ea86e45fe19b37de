// The editor's words for flow content. The flow JSON Schema the dialog core serves (GET /schema/flow, generated from
// the engine's step kinds) says which step kinds, prompt types and keys exist; GET /schema/flow/words names them in
// fi/sv/en with help and examples. Nothing here lists step kinds itself, so the form and the validator never disagree.
import { api } from './api.mjs';
import { language, languageLabel, t, uiLanguages as uiLanguageCodes } from './i18n.mjs';

let kinds = []; // [{ key, marks, keys }] in the schema's order
const enums = new Map(); // key → the values the schema allows (the prompt types of `ask`)
let words = { kinds: {}, askTypes: {}, fields: {} };
// Which word group names an enum's values.
const valueGroups = { ask: 'askTypes' };

/** Loads the schema and the words once after sign-in; without them the form shows the YAML keys (still editable). */
export async function loadFlowWords() {
  try {
    const [{ data: schema }, { data }] = await Promise.all([api.flowSchema(), api.flowWords()]);
    words = data;
    kinds = (schema.properties?.steps?.items?.oneOf ?? []).map((alternative) => ({
      key: alternative.title,
      // The keys that mark the kind: its required key, or any of its alternatives' (a say step: say or cards).
      marks: alternative.required ?? (alternative.anyOf ?? []).flatMap((a) => a.required ?? []),
      keys: Object.keys(alternative.properties ?? {}),
    }));
    for (const kind of (schema.properties?.steps?.items?.oneOf ?? [])) {
      for (const [key, property] of Object.entries(kind.properties ?? {})) if (Array.isArray(property.enum)) enums.set(key, property.enum);
    }
  } catch { /* degrade: raw keys */ }
}

const inLanguage = (entry) => entry?.[language()] ?? entry?.en ?? null;

/** The step kind of a step with these keys: one whose mark is present and that accepts every key present. */
export function kindOf(keys) {
  const marked = kinds.filter((kind) => kind.marks.some((mark) => keys.includes(mark)));
  return marked.find((kind) => keys.every((key) => kind.keys.includes(key))) ?? marked[0] ?? null;
}

/** { name, help, example } of a step kind in the UI language. */
export function kindWords(kind) {
  const entry = words.kinds?.[kind];
  const local = inLanguage(entry);
  return { name: local?.name ?? kind, help: local?.help ?? '', example: entry?.example ?? '' };
}

/** { name, help } of a key in the UI language; the key itself when there are no words for it. */
export function fieldWords(key) {
  const local = inLanguage(words.fields?.[key]);
  return { name: local?.name ?? String(key), help: local?.help ?? '' };
}

/** The values the schema allows for `key` with their names ([{ value, name, help }]), or null for free text. */
export function choicesOf(key) {
  const values = enums.get(key);
  if (!values) return null;
  const group = words[valueGroups[key]] ?? {};
  return values.map((value) => ({ value, name: inLanguage(group[value])?.name ?? value, help: inLanguage(group[value])?.help ?? '' }));
}

/** "Step 3 — Question: age": the step's number, its kind in editor words and its id (or what it saves). */
export function stepTitle(keys, id, save, index) {
  const kind = kindOf(keys);
  const name = kind ? kindWords(kind.key).name : keys[0] ?? '';
  const subject = id ?? (save ? String(save).replace(/^(attr|var|conv)\./, '') : null);
  return t('form.stepTitle', { n: index + 1, kind: name }) + (subject ? `: ${subject}` : '');
}

/**
 * A YAML path in editor words, for lists of places (validation, translations, changed texts):
 * steps[2].say.sv → "Step 3 › Message › Swedish"; receives[1].purpose → "Data received 2 › Purpose".
 */
export function describePath(path) {
  if (!path) return '';
  const parts = [];
  for (const [, key, index] of String(path).matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (index !== undefined) {
      const list = parts.pop();
      parts.push(list?.key === 'steps' ? { name: t('form.step', { n: Number(index) + 1 }) } : { name: `${list?.name ?? ''} ${Number(index) + 1}` });
    } else if (uiLanguageCodes.includes(key)) {
      parts.push({ key, name: languageLabel(key) });
    } else {
      parts.push({ key, name: fieldWords(key).name });
    }
  }
  return parts.map((part) => part.name).join(' › ');
}

/** "sample/main.yaml · Step 1 › Message" */
export const placeLabel = (file, path) => (path ? `${file} · ${describePath(path)}` : file);
