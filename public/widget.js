/*
 * Support chat launcher. Add to any page with one tag:
 *   <script src="https://BOT-HOST/widget.js" async></script>
 * It adds a "Chat with us" button. Web Chat is loaded only when the button is pressed, inside a
 * frame from the bot's own site (so the host page's scripts cannot read the conversation).
 * Quick exit: the Exit button in the chat, or Shift pressed 3 times, clears the chat and replaces
 * this page with a neutral site, so Back does not return here. Nothing is stored on the device.
 * Plain ES2019, no dependencies.
 */
(() => {
  const SETTINGS = /*SETTINGS*/ {};
  if (window.__supportChatLauncher) return;
  window.__supportChatLauncher = true;

  const script = document.currentScript;
  let base = location.origin;
  try {
    if (script && typeof script.src === 'string' && script.src !== '')
      base = new URL(script.src, location.href).origin;
  } catch (_e) {
    // keep the page's own origin
  }
  const exitUrl = SETTINGS.exitUrl || 'https://www.bbc.co.uk/weather';
  const nonce = (script && (script.nonce || script.getAttribute('nonce'))) || '';

  const CSS =
    ':host{all:initial}' +
    '.ssb{font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#0b0c0c}' +
    '.launcher{position:fixed;right:16px;bottom:16px;z-index:2147483000;display:inline-flex;align-items:center;gap:8px;' +
    'min-height:48px;padding:10px 18px;border:2px solid #fff;border-radius:24px;background:#005a70;color:#fff;' +
    'font:inherit;font-weight:700;cursor:pointer;box-shadow:0 2px 6px rgba(0,0,0,.35)}' +
    '.launcher:hover{background:#00414f}' +
    '.launcher:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}' +
    '.launcher svg{width:20px;height:20px;fill:currentColor}' +
    '.panel{position:fixed;right:16px;bottom:16px;z-index:2147483001;width:400px;max-width:calc(100vw - 32px);' +
    'height:640px;max-height:calc(100vh - 32px);background:#fff;border:1px solid #505a5f;border-radius:8px;' +
    'box-shadow:0 4px 16px rgba(0,0,0,.35);overflow:hidden}' +
    '.panel[hidden],.launcher[hidden]{display:none}' +
    '.panel iframe{display:block;width:100%;height:100%;border:0}' +
    '@media (max-width:480px),(max-height:560px){.panel{top:0;left:0;right:0;bottom:0;width:100%;height:100%;' +
    'max-width:none;max-height:none;border:0;border-radius:0}}' +
    '.exit-link{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}' +
    '.exit-link:focus{position:fixed;left:8px;top:8px;width:auto;height:auto;z-index:2147483002;padding:12px 16px;' +
    'background:#ffdd00;color:#0b0c0c;font:700 18px/1.3 system-ui,Arial,sans-serif;text-decoration:underline;' +
    'outline:3px solid #0b0c0c}';

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    if (attrs)
      Object.keys(attrs).forEach((k) => {
        e.setAttribute(k, attrs[k]);
      });
    if (text) e.textContent = text;
    return e;
  }

  /** A shadow root keeps the host page's CSS away from the launcher (and ours away from the page). */
  function shadowHost(id, atStart) {
    const host = el('div', { id: id });
    if (atStart && document.body.firstChild) document.body.insertBefore(host, document.body.firstChild);
    else document.body.appendChild(host);
    const root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    const style = el('style', nonce ? { nonce: nonce } : null);
    style.textContent = CSS;
    root.appendChild(style);
    const wrap = el('div', { class: 'ssb' });
    root.appendChild(wrap);
    return { host: host, wrap: wrap };
  }

  let frame = null;
  let panel = null;
  let launcher = null;
  let leaving = false;

  function exitNow(event) {
    if (event && typeof event.preventDefault === 'function') event.preventDefault();
    if (leaving) return;
    leaving = true;
    // Clear the chat from the page first, then cover the page while the neutral site loads
    // (on a slow connection that can take seconds). replace() keeps this page out of Back.
    if (frame && frame.parentNode !== null) frame.parentNode.removeChild(frame);
    frame = null;
    const cover = document.createElement('div');
    cover.style.cssText =
      'position:fixed;top:0;left:0;width:100%;height:100%;z-index:2147483647;background:#fff;';
    document.documentElement.appendChild(cover);
    try {
      document.title = 'Loading';
    } catch (_e) {
      // ignore
    }
    location.replace(exitUrl);
  }

  function openChat() {
    if (!frame) {
      frame = el('iframe', {
        src: `${base}/chat`,
        title: 'Support chat',
        referrerpolicy: 'no-referrer',
        allow: '',
      });
      frame.addEventListener('load', () => {
        if (!frame) return;
        // Tell the chat that this page will do the exit (so only one navigation happens).
        if (frame.contentWindow) frame.contentWindow.postMessage({ ssb: 1, type: 'host' }, base);
        if (panel && !panel.hidden) frame.focus();
      });
      panel.appendChild(frame);
    }
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute('aria-expanded', 'true');
    frame.focus();
  }

  function hideChat() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
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
      pressTimer = setTimeout(() => {
        presses = 0;
      }, 5000);
    } else if (!isShift) {
      presses = 0;
    }
    lastKeyWasModified = event.shiftKey;
  }

  function onMessage(event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== base) return;
    const data = event.data;
    if (typeof data !== 'object' || data === null || data.ssb !== 1) return;
    if (data.type === 'exit') exitNow();
    else if (data.type === 'hide') hideChat();
  }

  function init() {
    const skip = shadowHost('support-chat-exit', true);
    const exitLink = el(
      'a',
      { class: 'exit-link', href: exitUrl, rel: 'noreferrer' },
      'Exit this page now (or press Shift 3 times)',
    );
    exitLink.addEventListener('click', exitNow);
    skip.wrap.appendChild(exitLink);

    const main = shadowHost('support-chat', false);
    launcher = el('button', {
      type: 'button',
      class: 'launcher',
      'aria-expanded': 'false',
      'aria-controls': 'support-chat-panel',
    });
    launcher.innerHTML =
      '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
    launcher.appendChild(document.createTextNode('Chat with us'));
    launcher.addEventListener('click', openChat);
    panel = el('section', { class: 'panel', id: 'support-chat-panel', 'aria-label': 'Support chat' });
    panel.hidden = true;
    main.wrap.appendChild(launcher);
    main.wrap.appendChild(panel);

    document.addEventListener('keyup', onKeyUp, true);
    window.addEventListener('message', onMessage);
  }

  if (document.body) init();
  else document.addEventListener('DOMContentLoaded', init);
})();
