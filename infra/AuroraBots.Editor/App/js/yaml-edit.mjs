// Edits of the YAML text that touch only the edited value: the new value replaces the scalar's source range, so
// every other byte (comments, quoting, flow style, spacing) stays as the author wrote it. When a surgical edit is not
// possible (block scalars, a key without a value) the Document is changed and re-stringified instead.
import { isMap, isScalar, parseDocument, Scalar } from '../vendor/yaml/index.js';

export const parse = (text) => parseDocument(text, { keepSourceTokens: false });
const stringifyOptions = { lineWidth: 0 };

/** The value typed into a field, typed like the value it replaces (numbers and booleans stay numbers and booleans). */
function typedValue(node, text) {
  if (node && typeof node.value === 'number' && text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
  if (node && typeof node.value === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

// Whole words YAML reads as booleans or null, and anything that starts like a number ("number" is a plain word).
const reserved = /^(?:(?:true|false|null|~|yes|no|on|off|y|n|\.inf|\.nan)$|[-+]?(?:\d|\.\d))/i;

function plainSafe(value, inFlow) {
  if (value === '' || value !== value.trim() || value.includes('\n')) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || value.includes(': ') || value.includes(' #') || value.endsWith(':')) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  return !reserved.test(value);
}

function represent(node, value, inFlow) {
  if (typeof value !== 'string') return String(value);
  if (node.type === 'QUOTE_SINGLE' && !value.includes('\n')) return `'${value.replaceAll("'", "''")}'`;
  if (node.type === 'PLAIN' && plainSafe(value, inFlow)) return value;
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(value);
}

/** Indentation of the line `offset` is on. */
function lineIndent(source, offset) {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return source.slice(lineStart).match(/^ */)[0].length;
}

function sameValue(doc, segments, value) {
  if (doc.errors.length) return false;
  const node = doc.getIn(segments, true);
  return isScalar(node) && node.value === value;
}

/** Sets the scalar at `segments` to `text`; returns the new YAML text. */
export function setValue(source, doc, segments, text) {
  const node = doc.getIn(segments, true);
  const value = typedValue(isScalar(node) ? node : null, text);
  if (isScalar(node) && node.range && !String(node.type).startsWith('BLOCK')) {
    const parent = doc.getIn(segments.slice(0, -1), true);
    const inFlow = !!(parent && parent.flow);
    const [start, end] = node.range;
    const candidate = source.slice(0, start) + represent(node, value, inFlow) + source.slice(end);
    if (sameValue(parse(candidate), segments, value)) return candidate;
  }
  if (isScalar(node) && node.range && String(node.type).startsWith('BLOCK') && typeof value === 'string' && value.trim() !== '') {
    // A block text (| or >) stays a block: the new lines at the indentation of the old ones.
    const [start, end] = node.range;
    const firstLine = source.slice(start, end).split('\n').slice(1).find((line) => line.trim() !== '') ?? '';
    const indent = firstLine.match(/^ */)[0] || ' '.repeat(lineIndent(source, start) + 2);
    const keep = value.endsWith('\n');
    const body = value.replace(/\n$/, '').split('\n').map((line) => (line ? indent + line : '')).join('\n');
    const tail = source.slice(end);
    // The range ends after the block's trailing line breaks (blank lines before the next key): keep them.
    const breaks = source.slice(start, end).match(/\n*$/)[0] || (tail.startsWith('\n') || tail === '' ? '' : '\n');
    const candidate = source.slice(0, start) + (keep ? '|' : '|-') + '\n' + body + breaks + tail;
    if (sameValue(parse(candidate), segments, value)) return candidate;
  }
  // Fallback: change the Document and print it again (keeps comments, may normalise spacing).
  if (isScalar(node)) node.value = value;
  else doc.setIn(segments, new Scalar(value));
  return doc.toString(stringifyOptions);
}

/** Adds an empty `language: ""` entry to the translated text at `segments`; returns the new YAML text. */
export function addLanguage(source, doc, segments, language) {
  const map = doc.getIn(segments, true);
  if (isMap(map) && map.range && map.items.length) {
    let candidate = null;
    if (map.flow) {
      const close = source.lastIndexOf('}', map.range[1]);
      if (close > map.range[0]) {
        const before = source.slice(0, close).replace(/\s+$/, '');
        candidate = `${before}, ${language}: "" ${source.slice(close)}`;
      }
    } else {
      const firstKey = map.items[0].key;
      const last = map.items[map.items.length - 1];
      if (firstKey?.range && last.value?.range) {
        const lineStart = source.lastIndexOf('\n', firstKey.range[0] - 1) + 1;
        const indent = source.slice(lineStart, firstKey.range[0]);
        let at = source.indexOf('\n', last.value.range[1] - 1);
        if (at < 0) at = source.length;
        if (/^\s*$/.test(indent)) candidate = `${source.slice(0, at)}\n${indent}${language}: ""${source.slice(at)}`;
      }
    }
    if (candidate !== null) {
      const reparsed = parse(candidate);
      if (!reparsed.errors.length && isMap(reparsed.getIn(segments, true)) && reparsed.getIn([...segments, language]) === '') return candidate;
    }
  }
  if (isMap(map)) map.set(language, '');
  return doc.toString(stringifyOptions);
}
