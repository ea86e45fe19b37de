// The editor's interface is complete in Finnish and Swedish: every string the UI uses (data-i18n keys in
// index.html, t('…') calls in the modules) exists in every language, and no Finnish or Swedish string is the English
// one left untranslated. Runs in Node on the shipped files; no browser needed.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { repoRoot } from './lib/host.mjs';

const app = path.join(repoRoot, 'infra/AuroraBots.Editor/App');
const { uiStrings } = await import(pathToFileURL(path.join(app, 'js/i18n.mjs')).href);

// Strings that are the same word in every language (product names, codes, symbols), and Swedish words that are
// spelt as in English.
const SAME_IN_EVERY_LANGUAGE = new Set(['YAML', 'OK', 'AuroraBots', 'ID', 'URL', '#', '–', '…']);
const SAME_WORD = { fi: new Set(), sv: new Set(['Bot', 'Version', 'Version {version}', 'Text']) };
const sameOnPurpose = (language, text) => SAME_IN_EVERY_LANGUAGE.has(text.trim()) || SAME_WORD[language].has(text)
  || !/[A-Za-zÅÄÖåäö]{3,}/.test(text.replace(/\{\w+\}/g, ''));

function usedKeys() {
  const keys = new Set();
  const html = readFileSync(path.join(app, 'index.html'), 'utf8');
  for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) keys.add(m[1]);
  for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) for (const pair of m[1].split(/[;,]\s*/)) keys.add(pair.split('=')[1]);
  for (const file of readdirSync(path.join(app, 'js')).filter((f) => f.endsWith('.mjs') && f !== 'i18n.mjs')) {
    const source = readFileSync(path.join(app, 'js', file), 'utf8');
    for (const m of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) keys.add(m[1]);
  }
  return keys;
}

test('every key the UI uses exists in English, Finnish and Swedish', () => {
  const missing = [];
  for (const key of usedKeys()) for (const language of ['en', 'fi', 'sv']) if (!uiStrings[language][key]) missing.push(`${language}: ${key}`);
  assert.deepEqual(missing, []);
});

for (const language of ['fi', 'sv']) {
  test(`no ${language} string is missing or left in English`, () => {
    const problems = [];
    for (const [key, english] of Object.entries(uiStrings.en)) {
      const translated = uiStrings[language][key];
      if (!translated) problems.push(`${key}: missing`);
      else if (translated === english && !sameOnPurpose(language, english)) problems.push(`${key}: "${english}" untranslated`);
    }
    for (const key of Object.keys(uiStrings[language])) if (!(key in uiStrings.en)) problems.push(`${key}: not in English (a stale key)`);
    assert.deepEqual(problems, []);
  });
}
