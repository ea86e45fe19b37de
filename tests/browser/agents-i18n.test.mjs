// The agent console's interface is complete in Finnish, Swedish and English: every text the console uses (data-i18n
// keys in index.html, t('…') calls in the modules) is in messages.json in every language, with the same {n}
// placeholders. Runs in Node on the shipped files; no browser needed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './lib/host.mjs';

const app = path.join(repoRoot, 'infra/AuroraBots.Agents/App');
const { messages } = JSON.parse(readFileSync(path.join(app, 'js/messages.json'), 'utf8'));
const languages = ['fi', 'sv', 'en'];
const placeholders = (text) => [...text.matchAll(/\{\d\}/g)].map((m) => m[0]).sort().join();

function usedKeys() {
  const keys = new Set();
  for (const m of readFileSync(path.join(app, 'index.html'), 'utf8').matchAll(/data-i18n="([^"]+)"/g)) keys.add(m[1]);
  for (const m of readFileSync(path.join(app, 'js/main.mjs'), 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) keys.add(m[1]);
  return keys;
}

test('every text the console uses is in messages.json', () => {
  const used = usedKeys();
  assert.ok(used.size > 20, `found only ${used.size} keys: the scan is broken`);
  assert.deepEqual([...used].filter((key) => !messages[key]), []);
});

test('every message has every language with the same placeholders', () => {
  const problems = [];
  for (const [key, byLanguage] of Object.entries(messages)) {
    for (const language of languages) {
      if (typeof byLanguage[language] !== 'string' || byLanguage[language].length === 0) problems.push(`${key}: no ${language}`);
      else if (placeholders(byLanguage[language]) !== placeholders(byLanguage.en)) problems.push(`${key}: ${language} placeholders differ`);
    }
  }
  assert.deepEqual(problems, []);
});
