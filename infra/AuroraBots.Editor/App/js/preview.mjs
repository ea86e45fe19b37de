// The preview pane: Web Chat (served by the host at /lib/webchat/webchat.js) on a Direct Line conversation with the
// DRAFT of a bot (token from POST /editor/api/preview/{bot}). Every bot message's channelData.aurora (bot · flow ·
// step) is shown right under the message (trace.mjs) and listed in the trace column beside the chat. A municipality
// chosen above the chat goes into the join event as `municipality_code`, exactly as the widget on that municipality's
// website sends it, so the bot knows the municipality "from the municipality website".
import { api } from './api.mjs';
import { $, announce, clear, h } from './dom.mjs';
import { language as uiLanguage, t } from './i18n.mjs';
import { attachInlineTrace, traceOf } from './trace.mjs';

const locales = { fi: 'fi-FI', sv: 'sv-SE', en: 'en-US' };
const nonce = document.getElementById('editor-main')?.nonce || '';

let session = null; // { bot, locale, municipality, conversationId, directLine, detach }
let pending = null; // { bot, locale, municipality } while its token is on the way
let generation = 0; // a newer start (bot, language or municipality changed meanwhile) wins over one still waiting

const waitForWebChat = () => new Promise((resolve, reject) => {
  const started = Date.now();
  const check = () => {
    if (window.WebChat) resolve(window.WebChat);
    else if (Date.now() - started > 20_000) reject(new Error(t('preview.noWebChat')));
    else setTimeout(check, 50);
  };
  check();
});

/** The running preview, or the one starting (so a second start for the same bot is not needed). */
export const currentPreview = () => session ?? pending;

/** Fills the municipality choice (names in the UI language), keeping the current choice. */
export async function loadMunicipalities() {
  const select = $('preview-municipality');
  const chosen = select.value;
  try {
    const { data } = await api.municipalities(uiLanguage());
    select.replaceChildren(h('option', { value: '' }, t('preview.noMunicipality')),
      ...data.map((m) => h('option', { value: m.code }, `${m.name} (${m.code})`)));
    select.value = data.some((m) => m.code === chosen) ? chosen : '';
  } catch (error) {
    // Older hosts have no list: the preview works without a municipality.
    select.replaceChildren(h('option', { value: '' }, t('preview.noMunicipality')));
    select.title = error.message;
  }
}

export async function startPreview(bot, locale, municipality = '') {
  const status = $('preview-status');
  stopPreview();
  const mine = ++generation;
  pending = { bot, locale, municipality };
  clear($('trace-list'));
  const host = h('div', { className: 'preview-webchat' });
  $('preview-chat').replaceChildren(host);
  if (!bot) { status.textContent = t('preview.chooseBot'); return; }
  status.textContent = t('preview.starting', { bot });
  try {
    const WebChat = await waitForWebChat();
    const { data } = await api.preview(bot, locale, municipality);
    if (mine !== generation) return;
    pending = null;
    const directLine = WebChat.createDirectLine({ token: data.token, domain: `${window.location.origin}/v3/directline` });
    const join = { locale: locales[locale], language: locale };
    if (municipality) join.municipality_code = municipality;
    const store = WebChat.createStore({}, (store) => (next) => (action) => {
      const result = next(action);
      if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
        // Like the public page: announce the join so the bot greets first.
        store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: join } });
      } else if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
        traceColumn(action.payload.activity);
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
    session = { bot, locale, municipality, conversationId: data.conversationId, directLine, detach: attachInlineTrace(host, store) };
    Object.assign($('preview-chat').dataset, { conversationId: data.conversationId, bot, municipality });
    const where = municipality ? t('preview.asMunicipality', { name: municipalityName(municipality) }) : '';
    if (data.draftValid === false) {
      status.textContent = t('preview.invalidDraft', { bot, count: (data.errors || []).length }) + where;
    } else {
      status.textContent = t('preview.running', { bot, locale }) + where;
    }
  } catch (error) {
    if (mine !== generation) return;
    pending = null;
    status.textContent = t('preview.failed', { message: error.message });
    announce(status.textContent);
  }
}

function municipalityName(code) {
  return $('preview-municipality').querySelector(`option[value="${CSS.escape(code)}"]`)?.textContent ?? code;
}

export function stopPreview() {
  if (session?.directLine?.end) {
    try { session.directLine.end(); } catch { /* already closed */ }
  }
  session?.detach?.();
  session = null;
}

/** The trace column: every turn in order, bot turns with where they came from. */
function traceColumn(activity) {
  if (!activity || activity.type !== 'message') return;
  const list = $('trace-list');
  // The bot's Markdown as a reader sees it: **bold** and [links](…) without their marks.
  const text = (activity.text || (activity.attachments?.length ? t('trace.cards', { count: activity.attachments.length }) : ''))
    .replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ');
  const excerpt = text.length > 120 ? text.slice(0, 117) + '…' : text;
  if (activity.from?.role === 'user') {
    // The user's turns too, so each bot row lines up with the chat beside it.
    list.append(h('li', { className: 'trace-item trace-user' }, h('span', { className: 'trace-text' }, t('trace.you', { text: excerpt }))));
  } else {
    const trace = traceOf(activity);
    list.append(h('li', { className: 'trace-item', dataset: { flow: trace?.flow ?? '', step: trace?.step ?? '' } },
      h('span', { className: 'trace-where' }, trace ? `${trace.bot} · ${trace.flow} · ${trace.step}` : t('trace.none')),
      h('span', { className: 'trace-text' }, excerpt)));
  }
  list.lastElementChild.scrollIntoView({ block: 'nearest' });
}
