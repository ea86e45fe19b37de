// Thin client of /editor/api: JSON in and out, the cookie goes along (same origin), errors become ApiError.
import { language, t } from './i18n.mjs';

export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.message || body.detail || validationMessages(body) || body.title)) || t('api.status', { status }));
    this.status = status;
    this.body = body;
  }
}

// ASP.NET validation problems: { title, errors: { field: [messages] } }.
function validationMessages(body) {
  return body.errors && !Array.isArray(body.errors) ? Object.values(body.errors).flat().join(' ') : null;
}

const base = '/editor/api';

export async function call(method, path, { body, headers = {} } = {}) {
  // The server says its refusals and validation texts in the UI's language (keeping machine-readable codes).
  const init = { method, headers: { Accept: 'application/json', 'Accept-Language': language(), ...headers }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(base + path, init);
  } catch (error) {
    throw new ApiError(0, { message: t('api.unreachable') });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { message: text }; }
  }
  if (!response.ok) {
    // The session ended (expired, or signed out in another tab): the page asks to sign in again, keeping unsaved work.
    if (response.status === 401 && path !== '/session' && path !== '/me') window.dispatchEvent(new CustomEvent('editor:session-ended'));
    throw new ApiError(response.status, data);
  }
  return { data, eTag: response.headers.get('ETag'), status: response.status };
}

export const encodePath = (path) => path.split('/').map(encodeURIComponent).join('/');

export const api = {
  me: () => call('GET', '/me'),
  signIn: (name, password) => call('POST', '/session', { body: { name, password } }),
  signOut: () => call('DELETE', '/session'),
  files: () => call('GET', '/files'),
  file: (path) => call('GET', '/files/' + encodePath(path)),
  save: (path, content, eTag) => call('PUT', '/files/' + encodePath(path), { body: { content }, headers: { 'If-Match': eTag } }),
  validation: () => call('GET', '/validation'),
  validate: (path, content) => call('POST', '/validate', { body: { path, content } }),
  coverage: () => call('GET', '/coverage'),
  flowSchema: () => call('GET', '/schema/flow'),
  flowWords: () => call('GET', '/schema/flow/words'),
  versions: () => call('GET', '/versions'),
  draftChanges: () => call('GET', '/draft/changes'),
  status: () => call('GET', '/status'),
  diff: (from, to) => call('GET', `/versions/${from}/diff/${to}`),
  publish: (comment) => call('POST', '/versions', { body: { comment } }),
  rollback: (number, comment) => call('POST', `/versions/${number}/rollback`, { body: { comment } }),
  audit: () => call('GET', '/audit?take=200'),
  users: () => call('GET', '/users'),
  addUser: (name, password, roles) => call('POST', '/users', { body: { name, password, roles } }),
  changeUser: (name, change) => call('PUT', '/users/' + encodeURIComponent(name), { body: change }),
  removeUser: (name) => call('DELETE', '/users/' + encodeURIComponent(name)),
  preview: (bot, locale, municipality) => call('POST', '/preview/' + encodeURIComponent(bot), { body: { locale, municipality: municipality || null } }),
  tests: (bot) => call('GET', '/tests?bot=' + encodeURIComponent(bot)),
  runTests: (bot) => call('POST', '/tests/run', { body: { bot } }),
  saveTest: (conversationId, name, bot) => call('POST', '/tests', { body: { conversationId, name, bot } }),
  municipalities: (language) => call('GET', '/municipalities?lang=' + encodeURIComponent(language)),
  textDiff: (from, to, language) => call('GET', `/versions/${from}/diff/${to}/texts${language ? '?language=' + encodeURIComponent(language) : ''}`),
  reviews: () => call('GET', '/reviews'),
  submitReview: (comment) => call('POST', '/reviews', { body: { comment } }),
  approveReview: (id, comment) => call('POST', `/reviews/${encodeURIComponent(id)}/approve`, { body: { comment } }),
  rejectReview: (id, comment) => call('POST', `/reviews/${encodeURIComponent(id)}/reject`, { body: { comment } }),
};
