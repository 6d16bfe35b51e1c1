/*
 * The chat page (/chat), shown in the launcher's panel (or on its own).
 * - Fetches a Direct Line token from our server and renders Web Chat (full bundle) with an
 *   in-memory store. Nothing is written to web storage, IndexedDB or cookies.
 * - Quick exit: the Exit button, the hidden exit link, or Shift pressed 3 times within 5 seconds.
 * - A red "Call 999" bar is pinned when a bot reply carries channelData.escalation "immediate".
 * Plain ES2019.
 */
(() => {
  const script = document.currentScript;
  const NONCE = (script && (script.nonce || script.getAttribute('nonce'))) || '';
  const config = JSON.parse(document.getElementById('chat-config').textContent);
  const embedded = window.parent !== window;
  let directLine = null;
  let ended = false;
  let started = false;
  /** True once our launcher on the host page has said it handles the exit. */
  let hostListens = false;

  /** obj[key] when obj is an object (ES2019: no optional chaining, for old phones). */
  function field(obj, key) {
    return obj !== null && typeof obj === 'object' ? obj[key] : undefined;
  }

  function contains(parent, node) {
    return parent.contains(node);
  }

  function $(id) {
    return document.getElementById(id);
  }

  function tellHost(type) {
    // The message carries no data, so any host may read it; the launcher checks where it came from.
    if (embedded) window.parent.postMessage({ ssb: 1, type: type }, '*');
  }

  function setStatus(text) {
    const s = $('status');
    if (!s) return;
    s.textContent = text;
    s.hidden = text === '';
  }

  function failed() {
    if (ended) return;
    setStatus('');
    const f = $('failed');
    if (f) f.hidden = false;
  }

  /** Ends the conversation and removes everything it showed from this page. */
  function clearChat() {
    ended = true;
    try {
      if (directLine) directLine.end();
    } catch (_e) {
      // already ended
    }
    directLine = null;
    document.body.textContent = '';
  }

  function exitNow(event) {
    if (event && typeof event.preventDefault === 'function') event.preventDefault();
    if (ended && !event) return;
    clearChat();
    if (embedded && hostListens) {
      // The launcher on the host page removes this frame and replaces the host page.
      tellHost('exit');
    } else if (embedded) {
      // Framed without our launcher: leave from here (a click gives the frame the right to).
      try {
        window.top.location.replace(config.exitUrl);
      } catch (_e) {
        location.replace(config.exitUrl);
      }
    } else {
      location.replace(config.exitUrl);
    }
  }

  // GOV.UK "Exit this page": Shift pressed 3 times within 5 seconds; any other key starts again;
  // a Shift released after typing a capital letter does not count.
  let presses = 0;
  let pressTimer = null;
  let lastKeyWasModified = false;
  function onKeyUp(event) {
    const isShift = event.key === 'Shift' || event.keyCode === 16;
    if (isShift && !lastKeyWasModified) {
      presses += 1;
      if (pressTimer) clearTimeout(pressTimer);
      if (presses >= 3) {
        presses = 0;
        exitNow();
        return;
      }
      announce(presses === 1 ? 'Shift: press 2 more times to exit.' : 'Shift: press 1 more time to exit.');
      pressTimer = setTimeout(() => {
        presses = 0;
        announce('');
      }, 5000);
    } else if (!isShift) {
      if (presses > 0) announce('');
      presses = 0;
    }
    lastKeyWasModified = event.shiftKey;
  }

  function announce(text) {
    const a = $('shift-status');
    if (a) a.textContent = text;
  }

  function onKeyDown(event) {
    // Escape hides the panel, except inside Web Chat, which uses Escape itself.
    const webchat = $('webchat');
    if (event.key !== 'Escape' || !embedded || event.defaultPrevented) return;
    if (webchat && contains(webchat, event.target)) return;
    tellHost('hide');
  }

  function showDangerBar() {
    const bar = $('danger-bar');
    if (bar) bar.hidden = false;
  }

  function onIncoming(activity) {
    if (!activity || typeof activity.from !== 'object' || activity.from.role === 'user') return;
    const data = activity.channelData;
    if (data && data.escalation === 'immediate') showDangerBar();
  }

  function focusSendBox() {
    const input = document.querySelector('#webchat [data-id="webchat-sendbox-input"]');
    if (input && document.hasFocus()) input.focus();
  }

  /** Web Chat's store, in memory only, with our watcher on incoming activities. */
  function createStore(WebChat) {
    return WebChat.createStore({}, (store) => (next) => (action) => {
      if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
        // Ask for the welcome: Azure Direct Line does not always tell the bot that the person joined.
        // The bot sends its welcome once per conversation, however many times it is asked.
        const result = next(action);
        store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: {} } });
        return result;
      }
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
        onIncoming(field(action.payload, 'activity'));
      } else if (action.type === 'DIRECT_LINE/UPDATE_CONNECTION_STATUS') {
        const status = field(action.payload, 'connectionStatus');
        // 2 Online, 4 FailedToConnect, 5 Ended (botframework-directlinejs ConnectionStatus)
        if (status === 2) {
          setStatus('');
          setTimeout(focusSendBox, 0);
        } else if (status === 4 || status === 5) failed();
      } else if (action.type === 'DIRECT_LINE/CONNECT_REJECTED') {
        failed();
      } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY') {
        // The notice has been seen once; fold it away to give the conversation room.
        const notice = $('notice');
        if (notice) notice.open = false;
      }
      return next(action);
    });
  }

  function start() {
    if (started || ended) return;
    const WebChat = window.WebChat;
    if (!WebChat) {
      failed();
      return;
    }
    started = true;
    fetch(config.tokenUrl, {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      headers: { Accept: 'application/json' },
    })
      .then((res) => {
        if (!res.ok) throw new Error(`token ${res.status}`);
        return res.json();
      })
      .then((t) => {
        if (ended) return;
        directLine = WebChat.createDirectLine({
          token: t.token,
          domain: t.domain,
          webSocket: t.webSocket === true,
          pollingInterval: 1000,
        });
        WebChat.renderWebChat(
          {
            directLine: directLine,
            store: createStore(WebChat),
            locale: 'en-GB',
            nonce: NONCE,
            styleOptions: {
              accent: '#005a70',
              primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
              fontSizeSmall: '85%',
              bubbleBorderRadius: 8,
              bubbleFromUserBorderRadius: 8,
              bubbleFromUserBackground: '#e8f1f3',
              bubbleMaxWidth: 600,
              hideUploadButton: true,
              suggestedActionLayout: 'flow',
              // Many buttons must not push the message box off a short screen (phones, 200% zoom).
              suggestedActionsFlowMaxHeight: '25vh',
              suggestedActionBorderRadius: 8,
              sendBoxTextWrap: true,
              sendBoxButtonColor: '#005a70',
              transitionDuration: '0s',
            },
          },
          $('webchat'),
        );
      })
      .catch(() => {
        failed();
      });
  }

  function init() {
    const exitButton = $('exit-button');
    const exitLink = $('exit-link');
    const hideButton = $('hide-button');
    if (exitButton) exitButton.addEventListener('click', exitNow);
    if (exitLink) exitLink.addEventListener('click', exitNow);
    if (hideButton) {
      if (embedded) hideButton.addEventListener('click', () => tellHost('hide'));
      else hideButton.hidden = true;
    }
    const live = document.createElement('p');
    live.id = 'shift-status';
    live.className = 'visually-hidden';
    live.setAttribute('aria-live', 'polite');
    document.body.appendChild(live);
    document.addEventListener('keyup', onKeyUp, true);
    document.addEventListener('keydown', onKeyDown);
    window.addEventListener('message', (event) => {
      const data = event.data;
      if (event.source !== window.parent || typeof data !== 'object' || data === null) return;
      if (data.ssb === 1 && data.type === 'host') hostListens = true;
    });

    if (window.WebChat) start();
    else {
      const bundle = $('webchat-bundle');
      if (bundle) {
        bundle.addEventListener('load', start);
        bundle.addEventListener('error', failed);
      } else failed();
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
