/*!
 * AuroraBots chat widget. Embed with:
 *   <script src="https://HOST/widget.js" data-tenant="TENANT" async></script>
 * Draws a launcher button and a chat panel with Microsoft Web Chat (served by the same host, no CDN),
 * connected to the tenant's default bot. Needs no inline script; see docs/widget.md for CSP and SRI.
 */
(function () {
  'use strict';

  var script = document.currentScript || document.querySelector('script[data-tenant][src*="widget.js"]');
  if (!script) return;
  var tenantId = (script.getAttribute('data-tenant') || '').toLowerCase();
  if (!tenantId) { warn('data-tenant is missing on the widget script tag'); return; }
  if (window.__auroraBotsWidget && window.__auroraBotsWidget[tenantId]) return; // embedded twice
  // The chat host's base URL: its origin plus any path prefix it is served under (a reverse proxy's /chat).
  var scriptUrl = new URL(script.src, document.baseURI);
  var base = scriptUrl.origin + scriptUrl.pathname.replace(/\/widget\.js$/, '');
  // The page's CSP nonce (if any) is handed to Web Chat for its <style> elements.
  var nonce = script.nonce || script.getAttribute('nonce') || undefined;
  var storageKey = 'aurorabots:' + tenantId;

  var TEXT = {
    fi: {
      launcher: 'Chat', close: 'Sulje chat', end: 'Lopeta keskustelu', language: 'Kieli',
      region: 'Chat-keskustelu', loading: 'Ladataan chattia…', ended: 'Keskustelu on lopetettu. Voit aloittaa uuden.',
      nowTalking: 'Keskustelet nyt: {name} ({org}).', unavailable: 'Chat ei ole juuri nyt käytettävissä. Yritä hetken kuluttua uudelleen.',
      resumed: 'Jatketaan aiempaa keskustelua.', confirmEnd: 'Lopetetaanko keskustelu? Sen viestit poistuvat tästä ikkunasta.',
      confirmYes: 'Lopeta', confirmNo: 'Peruuta', save: 'Tallenna keskustelu:', saveText: 'Tekstinä', saveHtml: 'HTML-sivuna',
      transcriptTitle: 'Keskustelu', you: 'Sinä', omitted: '[Viesti sisälsi tietoja, joita et itse kirjoittanut. Se on jätetty pois.]',
      savedAt: 'Tallennettu'
    },
    sv: {
      launcher: 'Chatt', close: 'Stäng chatten', end: 'Avsluta samtalet', language: 'Språk',
      region: 'Chattsamtal', loading: 'Chatten laddas…', ended: 'Samtalet har avslutats. Du kan börja ett nytt.',
      nowTalking: 'Du chattar nu med {name} ({org}).', unavailable: 'Chatten är inte tillgänglig just nu. Försök igen om en stund.',
      resumed: 'Vi fortsätter det tidigare samtalet.', confirmEnd: 'Vill du avsluta samtalet? Dess meddelanden försvinner från fönstret.',
      confirmYes: 'Avsluta', confirmNo: 'Avbryt', save: 'Spara samtalet:', saveText: 'Som text', saveHtml: 'Som HTML-sida',
      transcriptTitle: 'Samtal', you: 'Du', omitted: '[Meddelandet innehöll uppgifter som du inte själv skrev. Det har utelämnats.]',
      savedAt: 'Sparat'
    },
    en: {
      launcher: 'Chat', close: 'Close chat', end: 'End conversation', language: 'Language',
      region: 'Chat conversation', loading: 'Loading the chat…', ended: 'The conversation has ended. You can start a new one.',
      nowTalking: 'You are now talking to {name} ({org}).', unavailable: 'The chat is not available right now. Please try again shortly.',
      resumed: 'Continuing your earlier conversation.', confirmEnd: 'End the conversation? Its messages will be removed from this window.',
      confirmYes: 'End', confirmNo: 'Cancel', save: 'Save the conversation:', saveText: 'As text', saveHtml: 'As an HTML page',
      transcriptTitle: 'Conversation', you: 'You', omitted: '[This message contained details you did not type yourself. It has been left out.]',
      savedAt: 'Saved'
    }
  };
  var LANGUAGE_NAMES = { fi: 'Suomi', sv: 'Svenska', en: 'English' };
  var WEBCHAT_LOCALES = { fi: 'fi-FI', sv: 'sv-SE', en: 'en-US' };

  var config = null;       // tenant configuration from the host
  var ui = null;           // DOM references
  var chat = null;         // { directLine, store, botId, language, resumed }
  var saved = load();      // persisted conversation (sessionStorage: survives reloads and navigation, not the tab)
  var webChatReady = null; // promise of window.WebChat

  window.__auroraBotsWidget = window.__auroraBotsWidget || {};
  window.__auroraBotsWidget[tenantId] = { state: function () { return { saved: load(), open: ui && !ui.panel.hidden }; } };

  fetchJson(base + '/api/tenants/' + encodeURIComponent(tenantId) + '/config', { method: 'GET' })
    .then(function (result) {
      if (!result.ok) { warn('tenant "' + tenantId + '" refused (' + result.status + '): ' + describe(result.body)); markRefused(result.status); return; }
      config = result.body;
      start();
    })
    .catch(function (error) { warn('configuration could not be loaded: ' + error); markRefused(0); });

  function start() {
    addStylesheet();
    buildUi();
    var firstVisit = !saved && !sessionFlag('seen');
    sessionFlag('seen', true);
    if ((saved && saved.open) || (firstVisit && config.welcome.openOnFirstVisit)) openPanel(false);
  }

  // ---- language -------------------------------------------------------------------------------------------
  function pageLanguage() {
    var lang = (document.documentElement.getAttribute('lang') || '').slice(0, 2).toLowerCase();
    return config.languages.indexOf(lang) >= 0 ? lang : config.defaultLanguage;
  }

  function currentLanguage() {
    var chosen = (chat && chat.language) || (saved && saved.language);
    return chosen && config.languages.indexOf(chosen) >= 0 ? chosen : pageLanguage();
  }

  function t(key) { return (TEXT[currentLanguage()] || TEXT.en)[key]; }

  // ---- DOM ------------------------------------------------------------------------------------------------
  function addStylesheet() {
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = base + '/widget.css';
    link.crossOrigin = 'anonymous'; // served with ACAO *; keeps its rules readable to accessibility tools
    if (nonce) link.nonce = nonce;
    document.head.appendChild(link);
  }

  function el(tag, className, attributes) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function buildUi() {
    var root = el('div', 'aurorabots-widget', { 'data-tenant': tenantId });
    var theme = config.theme;
    // CSSOM custom properties (not inline style attributes): allowed under a strict style-src.
    root.style.setProperty('--ab-primary', theme.primary);
    root.style.setProperty('--ab-on-primary', theme.onPrimary);
    root.style.setProperty('--ab-background', theme.background);
    root.style.setProperty('--ab-text', theme.text);

    var launcher = el('button', 'aurorabots-launcher', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'aurorabots-panel-' + tenantId });
    var launcherIcon = el('span', 'aurorabots-launcher-icon', { 'aria-hidden': 'true' });
    var launcherLabel = el('span', 'aurorabots-launcher-label');
    launcher.appendChild(launcherIcon);
    launcher.appendChild(launcherLabel);

    var panel = el('section', 'aurorabots-panel', { id: 'aurorabots-panel-' + tenantId, role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'aurorabots-title-' + tenantId });
    panel.hidden = true;

    var header = el('div', 'aurorabots-header');
    var avatar = el('img', 'aurorabots-avatar', { alt: '' });
    var titles = el('div', 'aurorabots-titles');
    var title = el('h2', 'aurorabots-title', { id: 'aurorabots-title-' + tenantId });
    var subtitle = el('p', 'aurorabots-subtitle');
    titles.appendChild(title);
    titles.appendChild(subtitle);

    var controls = el('div', 'aurorabots-controls');
    var languageLabel = el('label', 'aurorabots-language-label', { for: 'aurorabots-language-' + tenantId });
    var languageSelect = el('select', 'aurorabots-language', { id: 'aurorabots-language-' + tenantId });
    config.languages.forEach(function (code) {
      var option = el('option', null, { value: code, lang: code });
      option.textContent = LANGUAGE_NAMES[code];
      languageSelect.appendChild(option);
    });
    var endButton = el('button', 'aurorabots-end', { type: 'button' });
    var closeButton = el('button', 'aurorabots-close', { type: 'button' });
    closeButton.appendChild(el('span', 'aurorabots-close-icon', { 'aria-hidden': 'true' }));
    controls.appendChild(languageLabel);
    controls.appendChild(languageSelect);
    controls.appendChild(endButton);
    controls.appendChild(closeButton);

    if (theme.logoUrl) header.appendChild(el('img', 'aurorabots-logo', { src: theme.logoUrl, alt: '' }));
    header.appendChild(avatar);
    header.appendChild(titles);
    header.appendChild(controls);

    // "End conversation" asks first; the question replaces nothing and is reachable right after the header.
    var confirm = el('div', 'aurorabots-confirm', { role: 'group', 'aria-labelledby': 'aurorabots-confirm-text-' + tenantId });
    confirm.hidden = true;
    var confirmText = el('p', 'aurorabots-confirm-text', { id: 'aurorabots-confirm-text-' + tenantId });
    var confirmYes = el('button', 'aurorabots-confirm-yes', { type: 'button' });
    var confirmNo = el('button', 'aurorabots-confirm-no', { type: 'button' });
    confirm.appendChild(confirmText);
    confirm.appendChild(confirmYes);
    confirm.appendChild(confirmNo);

    // Transcript download (plain text or a standalone HTML page), made in the browser from what was shown.
    var tools = el('div', 'aurorabots-tools', { role: 'group', 'aria-labelledby': 'aurorabots-save-label-' + tenantId });
    var saveLabel = el('span', 'aurorabots-save-label', { id: 'aurorabots-save-label-' + tenantId });
    var saveText = el('button', 'aurorabots-save-text', { type: 'button' });
    var saveHtml = el('button', 'aurorabots-save-html', { type: 'button' });
    tools.appendChild(saveLabel);
    tools.appendChild(saveText);
    tools.appendChild(saveHtml);

    var notice = el('p', 'aurorabots-notice', { role: 'status', 'aria-live': 'polite' });
    var body = el('div', 'aurorabots-body');
    var status = el('p', 'aurorabots-status', { role: 'alert' });
    status.hidden = true;

    panel.appendChild(header);
    panel.appendChild(confirm);
    panel.appendChild(tools);
    panel.appendChild(notice);
    panel.appendChild(status);
    panel.appendChild(body);
    root.appendChild(panel);
    root.appendChild(launcher);
    document.body.appendChild(root);

    ui = { root: root, launcher: launcher, launcherLabel: launcherLabel, panel: panel, avatar: avatar, title: title, subtitle: subtitle,
      languageLabel: languageLabel, languageSelect: languageSelect, endButton: endButton, closeButton: closeButton,
      confirm: confirm, confirmText: confirmText, confirmYes: confirmYes, confirmNo: confirmNo,
      tools: tools, saveLabel: saveLabel, saveText: saveText, saveHtml: saveHtml,
      notice: notice, noticeKey: null, status: status, body: body, webChatHost: null };

    launcher.addEventListener('click', function () { ui.panel.hidden ? openPanel(true) : closePanel(); });
    closeButton.addEventListener('click', closePanel);
    endButton.addEventListener('click', askToEnd);
    confirmYes.addEventListener('click', function () { hideConfirm(false); endConversation(); });
    confirmNo.addEventListener('click', function () { hideConfirm(true); });
    saveText.addEventListener('click', function () { download('text'); });
    saveHtml.addEventListener('click', function () { download('html'); });
    languageSelect.addEventListener('change', function () { switchLanguage(languageSelect.value); });
    panel.addEventListener('keydown', function (event) {
      // Esc closes from the send box and the header; inside the transcript Web Chat uses Esc to return to the send box.
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (event.target.closest && event.target.closest('[role="log"], .webchat__basic-transcript')) return;
      event.preventDefault();
      if (!ui.confirm.hidden) { hideConfirm(true); return; }
      closePanel();
    });
    refreshTexts();
    showBot(saved && saved.botId ? saved.botId : config.defaultBot);
  }

  function refreshTexts() {
    var language = currentLanguage();
    ui.root.setAttribute('lang', language);
    ui.launcherLabel.textContent = t('launcher');
    ui.closeButton.setAttribute('aria-label', t('close'));
    ui.closeButton.title = t('close');
    ui.endButton.textContent = t('end');
    ui.languageLabel.textContent = t('language');
    ui.languageSelect.value = language;
    ui.confirmText.textContent = t('confirmEnd');
    ui.confirmYes.textContent = t('confirmYes');
    ui.confirmNo.textContent = t('confirmNo');
    ui.saveLabel.textContent = t('save');
    ui.saveText.textContent = t('saveText');
    ui.saveHtml.textContent = t('saveHtml');
    ui.tools.hidden = !chat;
    // A standing notice ("the conversation has ended") is said again in the language now shown.
    if (ui.noticeKey && ui.notice.textContent) ui.notice.textContent = typeof ui.noticeKey === 'function' ? ui.noticeKey() : t(ui.noticeKey);
    if (ui.webChatHost) ui.webChatHost.setAttribute('aria-label', t('region'));
    showBot(chat ? chat.botId : (saved && saved.botId) || config.defaultBot);
  }

  function bot(botId) {
    for (var i = 0; i < config.bots.length; i++) if (config.bots[i].id === botId) return config.bots[i];
    return null;
  }

  function nameOf(map) { return (map && (map[currentLanguage()] || map[config.defaultLanguage] || map.en)) || ''; }

  function showBot(botId) {
    var info = bot(botId);
    ui.title.textContent = info ? nameOf(info.name) : nameOf(config.displayName);
    ui.subtitle.textContent = info ? nameOf(info.organisation) : '';
    if (info && info.avatarUrl) { ui.avatar.src = info.avatarUrl; ui.avatar.hidden = false; } else { ui.avatar.hidden = true; }
  }

  /**
   * Says a sentence in the live region; `key` (a TEXT key, or a function building the sentence) lets a language
   * switch translate it while it stands.
   */
  function announce(text, key) {
    // Clear first so the same sentence is announced again by screen readers.
    ui.notice.textContent = '';
    ui.noticeKey = key || null;
    window.setTimeout(function () { ui.notice.textContent = text; }, 50);
  }

  function clearNotice() { ui.notice.textContent = ''; ui.noticeKey = null; }

  function showStatus(text) { ui.status.textContent = text; ui.status.hidden = !text; }

  // ---- open / close ---------------------------------------------------------------------------------------
  function openPanel(moveFocus) {
    ui.panel.hidden = false;
    ui.launcher.setAttribute('aria-expanded', 'true');
    ui.root.classList.add('aurorabots-open');
    refreshTexts();
    persist({ open: true });
    ensureChat().then(function () { if (moveFocus) focusSendBox(); });
  }

  function closePanel() {
    ui.panel.hidden = true;
    ui.launcher.setAttribute('aria-expanded', 'false');
    ui.root.classList.remove('aurorabots-open');
    refreshTexts();
    persist({ open: false });
    ui.launcher.focus();
  }

  function focusSendBox(attempt) {
    var input = ui.body.querySelector('input[type="text"], textarea');
    if (input) { input.focus(); return; }
    if ((attempt || 0) < 50) window.setTimeout(function () { focusSendBox((attempt || 0) + 1); }, 100);
  }

  // ---- conversation ---------------------------------------------------------------------------------------
  function ensureChat() {
    if (chat) return Promise.resolve();
    showStatus('');
    if (ui.noticeKey !== 'ended') { ui.notice.textContent = t('loading'); ui.noticeKey = 'loading'; }
    return loadWebChat()
      .then(function () { return saved && saved.conversationId ? resume(saved) : startNew(); })
      .catch(function (error) { warn(String(error)); clearNotice(); showStatus(t('unavailable')); });
  }

  function startNew() {
    var language = currentLanguage();
    return fetchJson(base + '/api/tenants/' + encodeURIComponent(tenantId) + '/token', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ language: language })
    }).then(function (result) {
      if (!result.ok) throw new Error('token refused (' + result.status + '): ' + describe(result.body));
      var token = result.body;
      saved = { conversationId: token.conversationId, token: token.token, userId: token.userId, botId: token.botId,
        domain: token.directLineDomain, language: language, joined: false, open: !ui.panel.hidden, watermark: '' };
      save();
      connect(saved, false);
    });
  }

  function resume(state) {
    // A reload or another page: refresh the stored token, then reconnect to the same conversation and replay it.
    return fetch(state.domain + '/tokens/refresh', { method: 'POST', headers: { Authorization: 'Bearer ' + state.token } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; })
      .then(function (refreshed) {
        if (!refreshed || !refreshed.token) {
          // Expired or unknown: start over, keeping the visitor's language and panel state.
          saved = { open: state.open, language: state.language };
          save();
          return startNew();
        }
        state.token = refreshed.token;
        save();
        connect(state, true);
      });
  }

  function connect(state, resumed) {
    var WebChat = window.WebChat;
    var options = { domain: state.domain, token: state.token };
    if (resumed) {
      // Reconnect (GET /conversations/{id}). The page's transcript is empty after a reload, so replay the
      // conversation from its start (watermark 0 = before the first activity); within a page DirectLineJS keeps
      // its own watermark across reconnects. A new conversation instead starts with POST /conversations.
      options.conversationId = state.conversationId;
      options.watermark = '0';
    }
    var directLine = WebChat.createDirectLine(options);
    var store = WebChat.createStore({}, storeMiddleware);
    // What this page had already seen when it reconnected: replayed history at or below it is the past, and the
    // past never overrides what the user chose since (a language, the bot now on screen).
    var seenUpTo = resumed ? sequenceOf(state.watermark, 0) : 0;
    chat = { directLine: directLine, store: store, botId: state.botId, language: state.language || currentLanguage(), resumed: resumed, seenUpTo: seenUpTo };
    mountWebChatHost();
    render();
    // The previous conversation's "ended" notice stands until this one is under way (the user's first message).
    if (resumed) { ui.notice.textContent = t('resumed'); ui.noticeKey = 'resumed'; } else if (ui.noticeKey !== 'ended') clearNotice();
    ui.tools.hidden = false;
    showBot(chat.botId);
  }

  function mountWebChatHost() {
    if (ui.webChatHost) ui.webChatHost.remove();
    ui.webChatHost = el('div', 'aurorabots-webchat', { role: 'region', 'aria-label': t('region') });
    ui.body.appendChild(ui.webChatHost);
  }

  function render() {
    var theme = config.theme;
    var info = bot(chat.botId);
    window.WebChat.renderWebChat({
      directLine: chat.directLine,
      store: chat.store,
      userID: saved.userId,
      locale: WEBCHAT_LOCALES[chat.language] || 'en-US',
      nonce: nonce,
      styleOptions: {
        accent: theme.primary,
        backgroundColor: theme.background,
        bubbleBackground: theme.background,
        bubbleBorderColor: theme.text,
        bubbleBorderWidth: 1,
        bubbleTextColor: theme.text,
        bubbleFromUserBackground: theme.primary,
        bubbleFromUserTextColor: theme.onPrimary,
        bubbleFromUserBorderColor: theme.primary,
        subtle: theme.text,
        sendBoxButtonColor: theme.primary,
        // Keeps the avatar gutter; the picture itself comes from avatarMiddleware, per message.
        botAvatarInitials: info ? initials(nameOf(info.name)) : 'B',
        hideUploadButton: true,
        suggestedActionLayout: 'flow',
        primaryFont: 'inherit',
        // Web Chat's default 250 px minimum makes cards and the text above a carousel wider than a 320 px phone
        // panel once the avatar gutter is taken; 200 px still leaves a card readable.
        bubbleMinWidth: 200,
        // A service's name is its title; cut to one line with an ellipsis it often loses the words that tell services apart.
        richCardWrapTitle: true,
        rootHeight: '100%'
      },
      avatarMiddleware: avatarMiddleware,
      attachmentMiddleware: attachmentLanguageMiddleware,
      groupActivitiesMiddleware: groupByBot
    }, ui.webChatHost);
  }

  /** Web Chat groups consecutive bot messages under one avatar; a hand-off starts a new group (a new speaker). */
  function groupByBot() {
    return function (next) {
      return function (args) {
        var groups = next(args);
        if (groups && groups.sender) groups.sender = [].concat.apply([], groups.sender.map(splitBySpeaker));
        return groups;
      };
    };
  }

  function splitBySpeaker(group) {
    var result = [];
    group.forEach(function (activity) {
      var last = result[result.length - 1];
      if (last && speakerOf(last[0]) === speakerOf(activity)) last.push(activity); else result.push([activity]);
    });
    return result;
  }

  function speakerOf(activity) {
    var aurora = activity.channelData && activity.channelData.aurora;
    return (activity.from && activity.from.role) + ':' + ((aurora && aurora.bot) || '');
  }

  /**
   * Each bot message keeps the avatar of the bot that sent it (channelData.aurora.bot), so a hand-off or a hand-back
   * never repaints earlier messages. Web Chat's bundle does not expose React, so the <img> is a plain React element
   * object (React 16 accepts any object marked with the react.element symbol).
   */
  function avatarMiddleware() {
    return function (next) {
      return function (args) {
        if (args.fromUser) return next(args);
        var aurora = args.activity && args.activity.channelData && args.activity.channelData.aurora;
        var info = bot((aurora && aurora.bot) || (chat && chat.botId) || config.defaultBot);
        if (!info || !info.avatarUrl) return next(args);
        return function () { return reactElement('img', { className: 'aurorabots-message-avatar', src: info.avatarUrl, alt: '', 'data-bot': info.id }); };
      };
    };
  }

  /**
   * A service card whose texts are in another language than the chat (PTV texts are Finnish; the bot marks such an
   * attachment with "locale") is wrapped in an element with that lang, so a screen reader reads it with a Finnish
   * voice instead of mispronouncing it in Swedish or English.
   */
  function attachmentLanguageMiddleware() {
    return function (next) {
      return function (card) {
        var rendered = next(card);
        var locale = card && card.attachment && card.attachment.locale;
        if (!locale || locale === chat.language) return rendered;
        return reactElement('div', { lang: locale, className: 'aurorabots-foreign-card', children: rendered });
      };
    };
  }

  function reactElement(type, props) {
    return { $$typeof: Symbol.for('react.element'), type: type, key: null, ref: null, props: props, _owner: null, _store: {} };
  }

  function initials(name) {
    return name.split(/\s+/).filter(Boolean).slice(0, 2).map(function (w) { return w.charAt(0).toUpperCase(); }).join('') || 'B';
  }

  function storeMiddleware(api) {
    return function (next) {
      return function (action) {
        var result = next(action);
        if (!chat) return result;
        if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') onConnected(api);
        else if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') onActivity(action.payload.activity);
        else if (action.type === 'DIRECT_LINE/UPDATE_CONNECTION_STATUS') onStatus(action.payload.connectionStatus);
        return result;
      };
    };
  }

  function onConnected(api) {
    remember();
    // A reload right after a language switch can cut off the webchat/locale event; tell the bot again (it ignores
    // the language it already speaks), so its next answer matches the panel.
    if (chat.resumed) sendLocale(api, chat.language);
    if (saved.joined || !config.welcome.sendJoinEvent) return;
    saved.joined = true;
    save();
    var value = { locale: WEBCHAT_LOCALES[chat.language], language: chat.language, tenant: tenantId };
    if (config.municipalityCode) value.municipality_code = config.municipalityCode;
    // The names this site gives its bots ("Tampereen neuvontabotti"), so the bot calls itself what the header says.
    value.bot_names = {};
    config.bots.forEach(function (b) { value.bot_names[b.id] = b.name; });
    var transferToken = takeAccessTokenFromUrl();
    if (transferToken) value.auroraai_access_token = transferToken;
    api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: value } });
  }

  function onActivity(activity) {
    remember();
    if (!activity || !activity.from) return;
    // Replayed history is what this page showed before the reload: the saved language and bot already reflect it.
    var isNew = sequenceOf(lastPart(activity.id), Infinity) > chat.seenUpTo;
    if (activity.from.role === 'user' || activity.from.id === saved.userId) {
      if (activity.type === 'message' && ui.noticeKey === 'ended') clearNotice();
      // The user wrote since choosing a language: from here the bot's language answers what they wrote.
      if (isNew && activity.type === 'message') chat.pendingLanguage = null;
      return;
    }
    if (!isNew) return;
    var aurora = activity.channelData && activity.channelData.aurora;
    followLanguage(aurora && aurora.locale || activity.locale);
    var botId = aurora && aurora.bot;
    if (!botId || botId === chat.botId || !bot(botId)) return;
    chat.botId = botId;
    saved.botId = botId;
    save();
    showBot(botId);
    var info = bot(botId);
    var nowTalking = function () { return t('nowTalking').replace('{name}', nameOf(info.name)).replace('{org}', nameOf(info.organisation)); };
    announce(nowTalking(), nowTalking);
  }

  /**
   * The place of an activity in its conversation's log. Our Direct Line numbers both: the watermark is the sequence
   * of the last activity delivered and an activity id ends in "-<sequence>". Unknown is `otherwise`: an activity counts
   * as new and a missing watermark as nothing seen, so another server only loses the replay rule, never a live change.
   */
  function sequenceOf(value, otherwise) {
    return /^\d+$/.test(value || '') ? parseInt(value, 10) : otherwise;
  }

  function lastPart(id) {
    return id ? String(id).slice(String(id).lastIndexOf('-') + 1) : '';
  }

  function onStatus(status) {
    // 5 = Ended (the conversation is gone, e.g. expired on the server): start over instead of a dead panel.
    if (status === 5 && chat && !chat.ending) {
      clearSaved();
      chat = null;
      if (!ui.panel.hidden) ensureChat();
    }
  }

  function remember() {
    if (!chat || !saved) return;
    var directLine = chat.directLine;
    if (directLine.token) saved.token = directLine.token;
    if (directLine.watermark) saved.watermark = directLine.watermark;
    save();
  }

  function askToEnd() {
    ui.confirm.hidden = false;
    ui.confirmYes.focus();
  }

  function hideConfirm(returnFocus) {
    ui.confirm.hidden = true;
    if (returnFocus) ui.endButton.focus();
  }

  /** The server ends every token of the conversation, so a copied token or stream URL is worthless. Best effort. */
  function revokeTokens(ending, state) {
    var token = ending.directLine.token || (state && state.token);
    if (!token || !state || !state.domain) return;
    fetch(state.domain + '/tokens/revoke', { method: 'POST', headers: { Authorization: 'Bearer ' + token }, keepalive: true })
      .catch(function () { /* it expires anyway */ });
  }

  function endConversation() {
    // The conversation's language outlives it: the notice and the next conversation use it.
    var language = currentLanguage();
    if (chat) {
      chat.ending = true;
      revokeTokens(chat, saved);
      try { chat.directLine.end(); } catch (e) { /* already closed */ }
    }
    chat = null;
    clearSaved();
    saved = { open: !ui.panel.hidden, language: language };
    save();
    if (ui.webChatHost) { ui.webChatHost.remove(); ui.webChatHost = null; }
    refreshTexts();
    announce(t('ended'), 'ended');
    if (!ui.panel.hidden) ensureChat().then(function () { ui.endButton.focus(); });
  }

  function switchLanguage(language) {
    if (!useLanguage(language)) return;
    // Tell the bot too, so its next answer is already in the new language.
    if (chat) sendLocale(chat.store, language);
  }

  /** The user's choice stands until the bot speaks it: replies the bot wrote before it got the choice don't undo it. */
  function sendLocale(store, language) {
    chat.pendingLanguage = language;
    store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/locale', value: { locale: WEBCHAT_LOCALES[language], language: language } } });
  }

  /** The bot changed language (the user wrote in another one, or asked to): the panel and Web Chat follow. */
  function followLanguage(locale) {
    var language = (locale || '').slice(0, 2).toLowerCase();
    if (!chat || !language) return;
    if (chat.pendingLanguage) {
      if (language === chat.pendingLanguage) chat.pendingLanguage = null;
      return;
    }
    if (language !== chat.language) useLanguage(language);
  }

  function useLanguage(language) {
    if (config.languages.indexOf(language) < 0) return false;
    if (saved) { saved.language = language; save(); } else { saved = { language: language }; save(); }
    if (chat) {
      chat.language = language;
      render();
    }
    refreshTexts();
    return true;
  }

  // ---- transcript download ----------------------------------------------------------------------------------
  /**
   * The conversation as the user saw it, in the conversation's language. A bot message marked
   * channelData.aurora.untypedAttributes (it repeats details the user did not type: the site's municipality,
   * values received in a hand-off) is left out, so the file holds nothing the user did not write or read as a
   * plain answer.
   */
  function transcriptEntries() {
    if (!chat) return [];
    var activities = chat.store.getState().activities || [];
    return activities.filter(function (a) { return a.type === 'message' && (a.text || (a.attachments || []).length); })
      .map(function (a) {
        var fromUser = a.from && (a.from.role === 'user' || a.from.id === saved.userId);
        var aurora = a.channelData && a.channelData.aurora;
        var speaker = fromUser ? t('you') : nameOf((bot(aurora && aurora.bot) || bot(chat.botId) || { name: config.displayName }).name);
        var text = !fromUser && aurora && aurora.untypedAttributes ? t('omitted') : plainText(a.text || '');
        return { at: a.timestamp ? new Date(a.timestamp) : null, speaker: speaker, text: text };
      });
  }

  function plainText(markdown) {
    return markdown.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)');
  }

  function download(kind) {
    var entries = transcriptEntries();
    var language = currentLanguage();
    var title = t('transcriptTitle') + ' – ' + nameOf(config.displayName);
    var when = function (d) { return d ? d.toLocaleString(WEBCHAT_LOCALES[language]) : ''; };
    var content;
    if (kind === 'text') {
      content = title + '\n' + t('savedAt') + ' ' + when(new Date()) + '\n\n' + entries.map(function (e) {
        return '[' + when(e.at) + '] ' + e.speaker + ':\n' + e.text;
      }).join('\n\n') + '\n';
    } else {
      content = '<!DOCTYPE html>\n<html lang="' + language + '"><head><meta charset="utf-8"><title>' + escapeHtml(title) + '</title>' +
        '<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}' +
        'dt{font-weight:700;margin-top:1rem}dd{margin:0;white-space:pre-wrap}time{font-weight:400;color:#555;margin-left:.5rem}</style>' +
        '</head><body><h1>' + escapeHtml(title) + '</h1><p>' + escapeHtml(t('savedAt') + ' ' + when(new Date())) + '</p><dl>' +
        entries.map(function (e) {
          return '<dt>' + escapeHtml(e.speaker) + (e.at ? '<time datetime="' + e.at.toISOString() + '">' + escapeHtml(when(e.at)) + '</time>' : '') +
            '</dt><dd>' + escapeHtml(e.text) + '</dd>';
        }).join('') + '</dl></body></html>\n';
    }
    var blob = new Blob([content], { type: (kind === 'text' ? 'text/plain' : 'text/html') + ';charset=utf-8' });
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = tenantId + '-' + t('transcriptTitle').toLowerCase() + (kind === 'text' ? '.txt' : '.html');
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }

  // ---- Web Chat bundle ------------------------------------------------------------------------------------
  function loadWebChat() {
    if (window.WebChat && window.WebChat.renderWebChat) return Promise.resolve();
    if (webChatReady) return webChatReady;
    webChatReady = new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = config.webChat.url;
      tag.async = true;
      if (config.webChat.integrity) { tag.integrity = config.webChat.integrity; tag.crossOrigin = 'anonymous'; }
      if (nonce) tag.nonce = nonce;
      tag.onload = function () { window.WebChat ? resolve() : reject(new Error('Web Chat did not load')); };
      tag.onerror = function () { webChatReady = null; reject(new Error('Web Chat bundle could not be loaded from ' + tag.src)); };
      document.head.appendChild(tag);
    });
    return webChatReady;
  }

  // ---- hand-off token from the address bar ---------------------------------------------------------------
  function takeAccessTokenFromUrl() {
    try {
      var url = new URL(window.location.href);
      var token = url.searchParams.get('auroraai_access_token');
      if (!token) return null;
      // Used once: keep it out of bookmarks, history and Referer headers.
      url.searchParams.delete('auroraai_access_token');
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
      return token;
    } catch (e) { return null; }
  }

  // ---- persistence ----------------------------------------------------------------------------------------
  function load() {
    try { var raw = window.sessionStorage.getItem(storageKey); return raw ? JSON.parse(raw) : null; } catch (e) { return null; }
  }
  function save() { try { window.sessionStorage.setItem(storageKey, JSON.stringify(saved)); } catch (e) { /* storage disabled */ } }
  function persist(patch) { saved = saved || {}; Object.keys(patch).forEach(function (k) { saved[k] = patch[k]; }); save(); }
  function clearSaved() { saved = null; try { window.sessionStorage.removeItem(storageKey); } catch (e) { /* storage disabled */ } }
  function sessionFlag(name, value) {
    try {
      if (value === undefined) return window.sessionStorage.getItem(storageKey + ':' + name) === '1';
      window.sessionStorage.setItem(storageKey + ':' + name, '1');
    } catch (e) { return false; }
    return true;
  }
  window.addEventListener('pagehide', remember);

  // ---- helpers --------------------------------------------------------------------------------------------
  function fetchJson(url, init) {
    return fetch(url, init).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = text; }
        return { ok: response.ok, status: response.status, body: body };
      });
    });
  }
  function describe(body) { return body && (body.detail || body.title || body.message) || JSON.stringify(body); }
  function markRefused(status) { window.__auroraBotsWidget[tenantId].refused = status || true; }
  function warn(message) { if (window.console) window.console.warn('[AuroraBots widget] ' + message); }
})();
