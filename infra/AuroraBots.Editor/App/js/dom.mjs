// Building DOM without innerHTML: every text goes in as a text node, so content can never become markup.
import { locale } from './i18n.mjs';

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'className') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const $ = (id) => document.getElementById(id);

export function clear(element) {
  while (element.firstChild) element.removeChild(element.firstChild);
  return element;
}

export function debounce(fn, ms) {
  let timer;
  const debounced = (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
  debounced.flush = (...args) => { clearTimeout(timer); return fn(...args); };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}

let uid = 0;
export const nextId = (prefix) => `${prefix}-${++uid}`;

/** Short announcement for screen readers (the visible status lines are live regions too). */
export function announce(text) {
  const region = $('announcer');
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 30);
}

export function formatTime(value) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'medium' });
}
