// Demo page: one Web Chat per configured bot. Tokens come from this host's /api/bots/{id}/token; no secret in the page.
(function () {
  'use strict';
  var nonce = document.currentScript && document.currentScript.nonce;
  // This host's base, including a reverse proxy's path prefix (the script is served at <base>/js/demo.js).
  var base = document.currentScript ? document.currentScript.src.replace(/\/js\/demo\.js(\?.*)?$/, '') : '';
  var locales = { fi: 'fi-FI', sv: 'sv-SE', en: 'en-US' };
  var transferToken = takeAccessTokenFromUrl();

  function start(host) {
    var botId = host.getAttribute('data-bot-id');
    var language = host.getAttribute('data-language') || 'fi';
    fetch(base + '/api/bots/' + encodeURIComponent(botId) + '/token', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ language: language })
    })
      .then(function (response) {
        if (!response.ok) throw new Error('token request failed with ' + response.status);
        return response.json();
      })
      .then(function (token) {
        var directLine = window.WebChat.createDirectLine({ domain: token.directLineDomain, token: token.token });
        // Official welcome pattern: announce the join once Direct Line is online, so the bot greets first.
        var store = window.WebChat.createStore({}, function (api) {
          return function (next) {
            return function (action) {
              var result = next(action);
              if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') showSpeaker(host, action.payload.activity);
              if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
                var value = { locale: locales[language], language: language };
                // Arrived through an AuroraAI hand-off (/handoff/{bot}?auroraai_access_token=…): the bot redeems it.
                if (transferToken) value.auroraai_access_token = transferToken;
                api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: value } });
              }
              return result;
            };
          };
        });
        window.WebChat.renderWebChat({
          directLine: directLine,
          store: store,
          userID: token.userId,
          locale: locales[language] || 'fi-FI',
          nonce: nonce,
          styleOptions: { hideUploadButton: true, subtle: '#595959', botAvatarInitials: botId.slice(0, 2).toUpperCase(), showAvatarInGroup: true },
          avatarMiddleware: avatarMiddleware(botId)
        }, host);
        host.setAttribute('data-conversation-id', token.conversationId);
      })
      .catch(function (error) {
        var message = document.createElement('p');
        message.className = 'webchat-error';
        message.setAttribute('role', 'alert');
        message.textContent = 'Chat is not available right now (' + error.message + ').';
        host.appendChild(message);
      });
  }

  /** After a hand-off the card's heading names the bot now answering (channelData.aurora.bot, activity.from.name). */
  function showSpeaker(host, activity) {
    var aurora = activity && activity.channelData && activity.channelData.aurora;
    if (!aurora || !aurora.bot || !activity.from || !activity.from.name || activity.from.role === 'user') return;
    var card = host.closest('article');
    var heading = card && card.querySelector('h2');
    if (heading && heading.textContent !== activity.from.name) heading.textContent = activity.from.name;
    host.setAttribute('data-active-bot', aurora.bot);
  }

  /**
   * Each bot message shows the avatar of the bot that sent it, so earlier messages keep theirs after a hand-off.
   * Web Chat's bundle does not expose React: the <img> is a plain element object (React 16 reads any object
   * marked with the react.element symbol).
   */
  function avatarMiddleware(defaultBot) {
    return function () {
      return function (next) {
        return function (args) {
          if (args.fromUser) return next(args);
          var aurora = args.activity && args.activity.channelData && args.activity.channelData.aurora;
          var src = base + '/img/avatars/' + encodeURIComponent((aurora && aurora.bot) || defaultBot) + '.svg';
          return function () {
            return { $$typeof: Symbol.for('react.element'), type: 'img', key: null, ref: null, _owner: null, _store: {},
              props: { className: 'demo-message-avatar', src: src, alt: '', width: 40, height: 40 } };
          };
        };
      };
    };
  }

  function takeAccessTokenFromUrl() {
    var url = new URL(window.location.href);
    var token = url.searchParams.get('auroraai_access_token');
    if (token) {
      // Single use: keep it out of history, bookmarks and Referer headers.
      url.searchParams.delete('auroraai_access_token');
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    }
    return token;
  }

  function init() {
    if (!window.WebChat) { window.setTimeout(init, 50); return; }
    Array.prototype.forEach.call(document.querySelectorAll('[data-bot-id]'), start);
  }
  init();
})();
