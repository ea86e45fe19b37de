// One transcript test result as a list item: verdict, name, language, file, and for a failure the failing turn with
// expected (−) and actual (+) bot messages. Used by the Tests tab and by a publish refused for failing tests.
import { h } from './dom.mjs';
import { lineDiff } from './diff.mjs';
import { t } from './i18n.mjs';

/** @param {{file, language, name, passed?, failure?, turn?, expected?, actual?}} result  @param {(file: string) => void} openFile */
export function renderResult(result, openFile) {
  const passed = result.passed === true;
  const item = h('li', { className: `test-result ${passed ? 'pass' : 'fail'}` },
    h('span', { className: 'verdict' }, passed ? t('tests.passed') : t('tests.failed')), ' ',
    h('span', { className: 'test-name' }, result.name), ' ',
    h('span', { className: 'test-meta' }, `(${result.language}) · `,
      h('button', { type: 'button', className: 'link', onclick: () => openFile(result.file) }, result.file)));
  if (!passed) {
    const turn = result.turn !== undefined && result.turn !== null ? t('tests.turn', { n: result.turn + 1 }) + ' ' : '';
    if (result.failure) item.append(h('p', { className: 'failure' }, turn + result.failure));
    if (result.expected?.length || result.actual?.length) {
      item.append(h('div', { className: 'diff', role: 'group', 'aria-label': t('tests.diffLabel') },
        lineDiff(result.expected ?? [], result.actual ?? []).map(({ op, text }) =>
          h('div', { className: `diff-line ${op}` },
            h('span', { className: 'diff-op', 'aria-label': op === 'removed' ? t('tests.expected') : op === 'added' ? t('tests.actual') : t('tests.same') },
              op === 'removed' ? '−' : op === 'added' ? '+' : ' '), ' ', text))));
    }
  }
  return item;
}
