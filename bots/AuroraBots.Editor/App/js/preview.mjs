// The preview pane: Web Chat (served by the host at /lib/webchat/webchat.js) on a Direct Line conversation with the
// DRAFT of a bot (token from POST /editor/api/preview/{bot}). Every bot message's channelData.aurora (flow · step) is
// listed in the trace column beside the chat, in the same order as the messages.
import { api } from './api.mjs';
import { $, announce, clear, h } from './dom.mjs';

const locales = { fi: 'fi-FI', sv: 'sv-SE', en: 'en-US' };
const nonce = document.getElementById('editor-main')?.nonce || '';

let session = null; // { bot, locale, conversationId, directLine }
let pending = null; // { bot, locale } while its token is on the way
let generation = 0; // a newer start (bot or language changed meanwhile) wins over one still waiting for its token

const waitForWebChat = () => new Promise((resolve, reject) => {
  const started = Date.now();
  const check = () => {
    if (window.WebChat) resolve(window.WebChat);
    else if (Date.now() - started > 20_000) reject(new Error('Web Chat did not load.'));
    else setTimeout(check, 50);
  };
  check();
});

/** The running preview, or the one starting (so a second start for the same bot is not needed). */
export const currentPreview = () => session ?? pending;

export async function startPreview(bot, locale) {
  const status = $('preview-status');
  stopPreview();
  const mine = ++generation;
  pending = { bot, locale };
  clear($('trace-list'));
  const host = h('div', { className: 'preview-webchat' });
  $('preview-chat').replaceChildren(host);
  if (!bot) { status.textContent = 'Choose a bot to preview.'; return; }
  status.textContent = `Starting a preview of the draft of ${bot}…`;
  try {
    const WebChat = await waitForWebChat();
    const { data } = await api.preview(bot, locale);
    if (mine !== generation) return;
    pending = null;
    const directLine = WebChat.createDirectLine({ token: data.token, domain: `${window.location.origin}/v3/directline` });
    const store = WebChat.createStore({}, (store) => (next) => (action) => {
      const result = next(action);
      if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
        // Like the public page: announce the join so the bot greets first.
        store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { locale: locales[locale], language: locale } } });
      } else if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
        trace(action.payload.activity);
      }
      return result;
    });
    WebChat.renderWebChat({
      directLine,
      store,
      locale: locales[locale] || 'fi-FI',
      nonce,
      styleOptions: { hideUploadButton: true, subtle: '#595959', botAvatarInitials: bot.slice(0, 2).toUpperCase() },
    }, host);
    session = { bot, locale, conversationId: data.conversationId, directLine };
    $('preview-chat').dataset.conversationId = data.conversationId;
    $('preview-chat').dataset.bot = bot;
    if (data.draftValid === false) {
      const count = (data.errors || []).length;
      status.textContent = `The current draft of ${bot} has ${count} error(s); the preview runs the last draft that loaded.`;
    } else {
      status.textContent = `Preview of the draft of ${bot} (${locale}).`;
    }
  } catch (error) {
    if (mine !== generation) return;
    pending = null;
    status.textContent = `The preview could not start: ${error.message}`;
    announce(status.textContent);
  }
}

export function stopPreview() {
  if (session?.directLine?.end) {
    try { session.directLine.end(); } catch { /* already closed */ }
  }
  session = null;
}

function trace(activity) {
  if (!activity || activity.type !== 'message') return;
  const list = $('trace-list');
  const text = (activity.text || (activity.attachments?.length ? `[${activity.attachments.length} card(s)]` : '')).replace(/\s+/g, ' ');
  const excerpt = text.length > 120 ? text.slice(0, 117) + '…' : text;
  if (activity.from?.role === 'user') {
    // The user's turns too, so each bot row lines up with the chat beside it.
    list.append(h('li', { className: 'trace-item trace-user' }, h('span', { className: 'trace-text' }, `You: ${excerpt}`)));
  } else {
    const aurora = activity.channelData?.aurora;
    list.append(h('li', { className: 'trace-item', dataset: { flow: aurora?.flow ?? '', step: aurora?.step ?? '' } },
      h('span', { className: 'trace-where' }, aurora ? `${aurora.bot ?? ''} · ${aurora.flow ?? '–'} · ${aurora.step ?? '–'}` : '(no trace)'),
      h('span', { className: 'trace-text' }, excerpt)));
  }
  list.lastElementChild.scrollIntoView({ block: 'nearest' });
}
