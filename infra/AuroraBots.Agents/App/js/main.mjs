// The agent console: sign-in, queues, the agent's chats, one open chat (polled), messages citizens left.
import { api, ApiError } from './api.mjs';
import { language, languageName, setLanguage, t } from './i18n.mjs';

const $ = (id) => document.getElementById(id);
const state = { me: null, desk: null, chat: null, watermark: 0, seenWaiting: new Set(), firstDesk: true, typingSentAt: 0, requests: [] };
const DESK_EVERY = 2000;
const CHAT_EVERY = 1000;

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return element;
}

function minutes(seconds) {
  const m = Math.floor(seconds / 60);
  return m > 0 ? `${m} min ${seconds % 60} s` : `${seconds} s`;
}

function status(text) { $('desk-status').textContent = text; }

function failed(error) {
  status(error instanceof ApiError && error.status === 503 ? t('storeDown') : t('failed') + error.message);
}

// --- sign-in -----------------------------------------------------------------------------------

async function start() {
  const saved = localStorage.getItem('aurora-agent-language') ?? (navigator.language || 'fi').slice(0, 2);
  $('ui-language').value = setLanguage(saved);
  $('ui-language').addEventListener('change', () => {
    localStorage.setItem('aurora-agent-language', setLanguage($('ui-language').value));
    render();
  });
  $('notify').checked = localStorage.getItem('aurora-agent-notify') !== 'off';
  $('notify').addEventListener('change', () => localStorage.setItem('aurora-agent-notify', $('notify').checked ? 'on' : 'off'));
  $('available').addEventListener('change', reportPresence);
  $('sign-in-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  $('composer').addEventListener('submit', send);
  $('message').addEventListener('input', typing);
  $('message').addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); send(e); } });
  $('insert-canned').addEventListener('click', insertCanned);
  $('transfer').addEventListener('click', transfer);
  $('end').addEventListener('click', end);
  for (const tab of document.querySelectorAll('[role=tab]')) {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', tabKeys);
  }
  try {
    state.me = await api('GET', '/me');
    await signedIn();
  } catch { /* not signed in: the form shows */ }
}

async function signIn(event) {
  event.preventDefault();
  $('sign-in-error').textContent = '';
  try {
    state.me = await api('POST', '/session', { name: $('name').value, password: $('password').value });
    $('password').value = '';
    await signedIn();
  } catch (error) {
    $('sign-in-error').textContent = error.status === 403 ? t('noRole') : t('wrongPassword');
  }
}

async function signOut() {
  await api('PUT', '/presence', { available: false }).catch(() => {});
  await api('DELETE', '/session');
  location.reload();
}

async function signedIn() {
  $('sign-in').hidden = true;
  $('desk').hidden = false;
  $('who').hidden = false;
  $('who').textContent = state.me.name;
  $('sign-out').hidden = false;
  await reportPresence();
  pollDesk();
  pollChat();
  setInterval(reportPresence, 10_000);
  $('main').focus();
}

function reportPresence() {
  return api('PUT', '/presence', { available: $('available').checked }).catch(failed);
}

// --- desk --------------------------------------------------------------------------------------

async function pollDesk() {
  try {
    state.desk = await api('GET', `/desk?language=${language()}`);
    state.requests = await api('GET', '/contact-requests');
    status('');
    notifyNewChats();
    render();
  } catch (error) {
    if (error.status === 401) location.reload();
    failed(error);
  }
  setTimeout(pollDesk, DESK_EVERY);
}

// A chat that appears in a queue and was not there before: a short tone and the count in the title (if wanted).
function notifyNewChats() {
  const waiting = state.desk.queues.flatMap((q) => q.waiting.map((w) => w.conversationId));
  const fresh = waiting.filter((id) => !state.seenWaiting.has(id));
  state.seenWaiting = new Set(waiting);
  const wanted = $('notify').checked && $('available').checked;
  document.title = (wanted && waiting.length > 0 ? `(${waiting.length}) ${t('newChat')} – ` : '') + `${t('title')} – AuroraBots`;
  if (state.firstDesk) { state.firstDesk = false; return; }
  if (fresh.length > 0 && wanted) beep();
}

let audio;
function beep() {
  try {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.4);
  } catch { /* no audio device: the title still shows it */ }
}

function render() {
  if (!state.desk) return;
  renderQueues();
  renderMine();
  renderRequests();
  renderChat();
}

function renderQueues() {
  const desk = state.desk;
  $('on-duty').textContent = t('onDuty', desk.onDuty);
  $('queues').replaceChildren(...desk.queues.map((queue) => h('div', { class: 'queue' },
    h('h3', {}, `${queue.name} (${queue.waiting.length})`),
    queue.waiting.length === 0
      ? h('p', { class: 'muted' }, t('emptyQueue'))
      : h('ul', { class: 'plain' }, queue.waiting.map((entry, index) => h('li', {},
        h('span', {}, `${index + 1}. ${languageName(entry.language)} · ${t('waiting', minutes(entry.waitingSeconds))}`),
        h('button', { type: 'button', onclick: () => accept(entry.conversationId), 'aria-label': `${t('accept')}: ${queue.name} ${index + 1}` }, t('accept'))))))));
  $('transfer-to').replaceChildren(...desk.queues.map((q) => h('option', { value: q.bot }, q.name)));
  if (state.chat) $('transfer-to').value = state.chat.bot;
}

function renderMine() {
  const mine = state.desk.myChats;
  $('my-chats').replaceChildren(...(mine.length === 0 ? [h('li', { class: 'muted' }, t('none'))] : mine.map((chat) => h('li', {},
    h('span', {}, `${botName(chat.bot)} · ${languageName(chat.language)}${chat.citizenTyping ? ' · ' + t('typing') : ''}`),
    h('button', { type: 'button', class: 'secondary', onclick: () => openChat(chat.conversationId), 'aria-current': state.chat?.conversationId === chat.conversationId ? 'true' : null }, t('open'))))));
  $('requests-count').textContent = String(state.desk.openContactRequests);
}

/** A bot's name as its queue shows it (the id only when no queue names it). */
function botName(bot) { return state.desk.queues.find((queue) => queue.bot === bot)?.name ?? bot; }

// --- one chat ----------------------------------------------------------------------------------

async function accept(conversationId) {
  try {
    const chat = await api('POST', `/chats/${encodeURIComponent(conversationId)}/accept`);
    showChat(chat, true);
    // The accepted chat leaves its queue and joins "my chats" now, not at the next desk poll.
    state.desk = await api('GET', `/desk?language=${language()}`);
    render();
  } catch (error) {
    status(error.status === 409 ? t('taken') : t('failed') + error.message);
  }
}

async function openChat(conversationId) {
  try {
    showChat(await api('GET', `/chats/${encodeURIComponent(conversationId)}`), true);
  } catch (error) { failed(error); }
}

function showChat(chat, fresh) {
  if (fresh) {
    state.chat = chat;
    state.watermark = 0;
    $('log').replaceChildren();
    loadCanned(chat);
  } else {
    state.chat = { ...chat, messages: [] };
  }
  appendMessages(chat.messages);
  state.watermark = Math.max(state.watermark, chat.watermark);
  render();
  if (fresh) $('message').focus();
}

async function pollChat() {
  const chat = state.chat;
  if (chat && chat.state !== 'ended') {
    try {
      const update = await api('GET', `/chats/${encodeURIComponent(chat.conversationId)}?after=${state.watermark}`);
      if (state.chat?.conversationId === update.conversationId) showChat(update, false);
    } catch (error) { failed(error); }
  }
  setTimeout(pollChat, CHAT_EVERY);
}

function appendMessages(messages) {
  const log = $('log');
  for (const message of messages) {
    if (log.querySelector(`[data-seq="${message.sequence}"]`)) continue;
    const who = message.sender === 'citizen' ? t('citizen') : message.sender === 'agent' ? (message.name === state.me.name ? t('you') : message.name) : `${t('bot')}: ${message.name ?? ''}`;
    log.append(h('li', { class: message.sender, 'data-seq': String(message.sequence) }, h('span', { class: 'who' }, who), ...messageBody(message)));
  }
  if (messages.length > 0) log.scrollTop = log.scrollHeight;
}

/** The bot's texts are Markdown from content: their bold shows as bold, not as "**1**". What people typed stays as typed. */
function messageBody(message) {
  if (message.sender === 'citizen' || message.sender === 'agent') return [message.text];
  return message.text.split(/\*\*(.+?)\*\*/g).map((part, i) => (i % 2 === 1 ? h('strong', {}, part) : part));
}

function renderChat() {
  const chat = state.chat;
  $('chat-body').hidden = !chat;
  if (!chat) { $('chat-title').textContent = t('noChat'); return; }
  $('chat-title').textContent = chat.botName;
  const spoken = languageName(chat.language);
  const ended = chat.state === 'ended';
  $('chat-meta').textContent = t('chatIn', ended ? t('ended') : t('active'), spoken)
    + (ended ? ' – ' + (chat.endedBy === 'citizen' ? t('endedByCitizen') : t('endedByAgent')) : '');
  $('shared').replaceChildren(
    h('li', {}, chat.transcriptShared ? t('transcriptShared') : t('transcriptNew')),
    ...(chat.attributes.length === 0 ? [h('li', { class: 'muted' }, t('noAttributes'))]
      : chat.attributes.map((a) => h('li', {}, h('strong', {}, `${a.label}: `), a.value))));
  $('typing').textContent = chat.citizenTyping && !ended ? t('typing') : '';
  for (const id of ['message', 'send', 'canned', 'insert-canned', 'transfer-to', 'transfer', 'end']) $(id).disabled = ended;
}

async function loadCanned(chat) {
  try {
    const answers = await api('GET', `/canned?bot=${encodeURIComponent(chat.bot)}&language=${encodeURIComponent(chat.language)}`);
    $('canned').replaceChildren(...answers.map((a) => h('option', { value: a.text }, a.text.length > 60 ? a.text.slice(0, 57) + '…' : a.text)));
  } catch (error) { failed(error); }
}

function insertCanned() {
  const text = $('canned').value;
  if (!text) return;
  const box = $('message');
  box.value = box.value ? `${box.value} ${text}` : text;
  box.focus();
}

async function send(event) {
  event.preventDefault();
  const text = $('message').value.trim();
  if (!text || !state.chat) return;
  try {
    await api('POST', `/chats/${encodeURIComponent(state.chat.conversationId)}/messages`, { text });
    $('message').value = '';
  } catch (error) { failed(error); }
}

function typing() {
  if (!state.chat || Date.now() - state.typingSentAt < 3000) return;
  state.typingSentAt = Date.now();
  api('POST', `/chats/${encodeURIComponent(state.chat.conversationId)}/typing`).catch(() => {});
}

async function transfer() {
  if (!state.chat) return;
  try {
    await api('POST', `/chats/${encodeURIComponent(state.chat.conversationId)}/transfer`, { queue: $('transfer-to').value });
    state.chat = null;
    render();
  } catch (error) { failed(error); }
}

async function end() {
  if (!state.chat || !confirm(t('confirmEnd'))) return;
  try {
    await api('POST', `/chats/${encodeURIComponent(state.chat.conversationId)}/end`);
    state.chat = { ...state.chat, state: 'ended', endedBy: 'agent' };
    render();
  } catch (error) { failed(error); }
}

// --- messages citizens left --------------------------------------------------------------------

function renderRequests() {
  const list = state.requests;
  const date = (iso) => new Date(iso).toLocaleString(language());
  $('requests').replaceChildren(...(list.length === 0 ? [h('li', { class: 'muted' }, t('noRequests'))] : list.map((r) => h('li', { class: r.done ? 'done' : '' },
    h('p', {}, h('strong', {}, `${r.botName}`), ` · ${date(r.createdAt)} · ${languageName(r.language)}`),
    h('p', {}, `${r.method === 'phone' ? t('phone') : t('email')}: `, r.method === 'phone' ? h('a', { href: `tel:${r.contact.replace(/\s/g, '')}` }, r.contact) : h('a', { href: `mailto:${r.contact}` }, r.contact)),
    h('p', {}, r.message),
    h('p', { class: 'muted' }, `${r.done ? t('done', r.doneBy ?? '') + ' · ' : ''}${t('expires', date(r.expiresAt))}`),
    h('button', { type: 'button', class: 'secondary', onclick: () => mark(r.id, !r.done) }, r.done ? t('markUndone') : t('markDone'))))));
}

async function mark(id, done) {
  try {
    await api('PUT', `/contact-requests/${encodeURIComponent(id)}`, { done });
    state.requests = await api('GET', '/contact-requests');
    render();
  } catch (error) { failed(error); }
}

// --- tabs (WAI-ARIA tabs pattern: arrows move between tabs) ------------------------------------

function selectTab(tab) {
  for (const other of document.querySelectorAll('[role=tab]')) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    $(other.getAttribute('aria-controls')).hidden = !selected;
  }
  tab.focus();
}

function tabKeys(event) {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const next = tabs[(tabs.indexOf(event.currentTarget) + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
  selectTab(next);
}

start();
