// YAML syntax highlighting for the YAML view: a line tokenizer good enough for the flow format (keys, strings,
// numbers, booleans, comments, list dashes, placeholders). It only colours text; parsing is the yaml package's job.
import { h } from './dom.mjs';

// Quotes open a string only where YAML allows one to start (not in "user's"); keys only at the start of a line
// (after "- ") or inside a flow map, so "check-in:" inside a long text is not taken for a key.
const token = new RegExp([
  /(?<=\s)(#.*$)|^(#.*$)/.source,
  /((?<=^|[\s:[{,])(?:"(?:[^"\\]|\\.)*"?|'(?:[^']|'')*'?))/.source,
  /(^\s*-(?=\s|$))/.source,
  /((?<=^\s*(?:-\s+)?|[{,]\s*)[A-Za-z_][\w.-]*(?=\s*:(?:\s|$)))/.source,
  /(\{[a-z]+\.[\w.:]+\})/.source,
  /\b(true|false|null|yes|no)\b/.source,
  /(-?\b\d+(?:\.\d+)?\b)/.source,
  /([{}[\],:])/.source,
].join('|'), 'g');
const classes = ['comment', 'comment', 'string', 'dash', 'key', 'placeholder', 'literal', 'number', 'punct'];

export function highlightInto(pre, text) {
  const fragment = document.createDocumentFragment();
  for (const line of text.split('\n')) {
    let last = 0;
    for (const match of line.matchAll(token)) {
      if (match.index > last) fragment.append(line.slice(last, match.index));
      const group = match.slice(1).findIndex((g) => g !== undefined);
      fragment.append(h('span', { className: 'y-' + classes[group] }, match[0]));
      last = match.index + match[0].length;
    }
    fragment.append(line.slice(last) + '\n');
  }
  pre.replaceChildren(fragment);
}
