// "What will this publish": the draft against the live version before anyone presses Publish (or submits for review):
// how many texts change in each language, the changed texts (all languages or one) before and after, and each changed
// file's line diff (GET /draft/changes).
import { api } from './api.mjs';
import { $, announce, clear, h } from './dom.mjs';
import { languageLabel, t } from './i18n.mjs';
import { textChangesTable, unifiedDiff } from './versions.mjs';

let wired = false;

export function initPublishPreview() {
  if (wired) return;
  wired = true;
  $('publish-preview-show').addEventListener('click', showPublishPreview);
  $('publish-preview-language').addEventListener('change', () => { if ($('publish-preview-output').childElementCount) showPublishPreview(); });
}

/** Clears an earlier preview: it is of the draft as it was then. */
export function resetPublishPreview() {
  clear($('publish-preview-output'));
}

async function showPublishPreview() {
  const output = clear($('publish-preview-output'));
  const language = $('publish-preview-language').value;
  let data;
  try {
    ({ data } = await api.draftChanges());
  } catch (error) {
    output.append(h('p', { role: 'alert' }, error.message));
    return;
  }
  const live = data.liveVersion ?? '–';
  if (!data.files.length) {
    output.append(h('p', { className: 'status' }, t('publishPreview.nothing', { version: live })));
    announce(output.textContent);
    return;
  }
  // Per language: how many texts change (a translator sees at once whether there is anything for them).
  const counts = new Map();
  for (const change of data.texts) for (const lang of change.languages) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  const summary = t('publishPreview.summary', { files: data.files.length, version: live });
  output.append(h('p', { className: 'status', id: 'publish-preview-summary' }, summary),
    h('ul', { className: 'publish-preview-languages', 'aria-label': t('publishPreview.perLanguage') },
      [...counts.keys()].sort().map((lang) => h('li', { dataset: { language: lang } }, t('publishPreview.languageCount', { language: languageLabel(lang), count: counts.get(lang) })))));

  const texts = language ? data.texts.filter((change) => change.languages.includes(language)) : data.texts;
  if (texts.length) {
    output.append(textChangesTable(texts, language, t('publishPreview.textsCaption', { version: live }),
      t('publishPreview.live', { version: live }), t('publishPreview.draft')));
  } else {
    output.append(h('p', {}, t('publishPreview.noTexts', { language: language ? languageLabel(language) : t('versions.allLanguages') })));
  }
  // Each changed file's lines, folded: the texts above are what most editors need.
  for (const file of data.files) {
    output.append(h('details', { className: 'publish-preview-file', dataset: { file: file.path } },
      h('summary', {}, `${file.path} (${t(`change.${String(file.change).toLowerCase()}`, {}, String(file.change).toLowerCase())})`),
      unifiedDiff(file.unified)));
  }
  announce(summary);
}
