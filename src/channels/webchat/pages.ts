/**
 * The HTML pages: the demo page at / (a mock-up of the charity's page with the launcher) and the
 * chat page at /chat (what the launcher shows in its panel). Each response has its own CSP nonce.
 */
import { randomBytes } from 'node:crypto';
import type { Response } from 'restify';
import { COMPASS_LINE, DANGER_LINE, EMERGENCY, ESSEX_COMPASS } from '../../common/contacts.ts';
import type { Config } from '../../config.ts';

export const DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather';

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/** EXIT_URL, if it is an http(s) URL; otherwise the default neutral site. */
export function safeExitUrl(config: Config): string {
  try {
    const u = new URL(config.EXIT_URL);
    if (u.protocol === 'https:' || u.protocol === 'http:') return u.href;
  } catch {
    // fall through
  }
  return DEFAULT_EXIT_URL;
}

/** FRAME_ANCESTORS as a CSP source list: no characters that could end the directive. */
export function frameAncestors(config: Config): string {
  const value = config.FRAME_ANCESTORS.replace(/[;,\r\n]/g, ' ')
    .split(/\s+/)
    .filter((s) => s.length > 0)
    .join(' ');
  return value.length > 0 ? value : "'none'";
}

/** Origins the chat page may connect to: itself, plus Azure Direct Line when it is used. */
export function connectSources(config: Config): string {
  const sources = ["'self'"];
  if (config.DIRECT_LINE_SECRET) {
    const u = new URL(config.DIRECT_LINE_ENDPOINT);
    sources.push(u.origin, `${u.protocol === 'http:' ? 'ws:' : 'wss:'}//${u.host}`);
  }
  return sources.join(' ');
}

/**
 * The hash of an empty <style> element. Web Chat 4.18 does not pass its nonce on to
 * react-scroll-to-bottom, whose emotion cache inserts an empty <style> and then adds rules through
 * CSSOM (which CSP does not check). Allowing exactly the empty element lets the transcript scroll
 * without 'unsafe-inline': an empty style element does nothing by itself.
 */
export const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

export function contentSecurityPolicy(config: Config, nonce: string, frameSrc: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}' '${EMPTY_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    "media-src 'none'",
    "font-src 'none'",
    `connect-src ${connectSources(config)}`,
    `frame-src ${frameSrc}`,
    `frame-ancestors ${frameAncestors(config)}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
  ].join('; ');
}

export function sendHtml(
  res: Response,
  config: Config,
  nonce: string,
  html: string,
  frameSrc = "'none'",
): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    'Content-Security-Policy': contentSecurityPolicy(config, nonce, frameSrc),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Nothing kept on the device: not in the HTTP cache, not in the back/forward cache.
    'Cache-Control': 'no-store',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  res.end(body);
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** JSON safe to place inside a <script type="application/json"> element. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface ChatPageConfig {
  readonly exitUrl: string;
  readonly tokenUrl: string;
}

export function chatPage(nonce: string, cfg: ChatPageConfig): string {
  const n = escapeHtml(nonce);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>Support chat</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/chat.css">
<script type="application/json" id="chat-config">${jsonForHtml(cfg)}</script>
<script nonce="${n}" src="/assets/chat.js" defer></script>
<script nonce="${n}" src="/assets/webchat.js" id="webchat-bundle" defer></script>
</head>
<body>
<a class="skip-exit" href="${escapeHtml(cfg.exitUrl)}" id="exit-link" rel="noreferrer">Exit this page now (or press Shift 3 times)</a>
<div class="chat" id="chat">
  <header class="chat-header">
    <h1 class="chat-title" id="chat-title">Support chat</h1>
    <button type="button" class="btn-hide" id="hide-button" aria-label="Hide chat" title="Hide chat">
      <span aria-hidden="true">&#8211;</span>
    </button>
    <button type="button" class="btn-exit" id="exit-button">Exit<span class="visually-hidden"> this page</span></button>
  </header>
  <div class="danger-bar" id="danger-bar" role="alert" hidden>
    <a class="danger-call" href="${EMERGENCY.tel}">Call 999</a>
    <span class="danger-text">If you can't speak, call 999 and press 55.</span>
  </div>
  <details class="notice" id="notice" open>
    <summary>About this chat and your privacy</summary>
    <ul>
      <li>This is a computer, not a person. It gives information, not legal advice.</li>
      <li>Messages pass through Microsoft's Direct Line service, which keeps them for up to 24 hours. We keep no transcript. Nothing is saved on this device.</li>
      <li>Exit (or Shift 3 times) leaves fast, but your browser history still shows this site. Use a private or incognito window, or clear your history after.</li>
    </ul>
  </details>
  <p class="status" id="status" role="status">Connecting&#8230;</p>
  <div class="failed" id="failed" role="alert" hidden>
    <p>Sorry, the chat is not working right now.</p>
    <p>${escapeHtml(DANGER_LINE)}</p>
    <p>${escapeHtml(COMPASS_LINE).replace(ESSEX_COMPASS.display, `<a href="${ESSEX_COMPASS.tel}">${ESSEX_COMPASS.display}</a>`)}</p>
  </div>
  <main class="webchat" id="webchat" aria-labelledby="chat-title"></main>
</div>
</body>
</html>
`;
}

export function demoPage(nonce: string): string {
  const n = escapeHtml(nonce);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Stalking and harassment support in Essex (demo page)</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/demo.css">
<script nonce="${n}" src="/widget.js" async></script>
</head>
<body>
<header class="site-header">
  <div class="wrap">
    <p class="site-name">Essex Stalking Support <span class="demo-tag">demo</span></p>
    <nav aria-label="Main">
      <ul class="nav">
        <li><a href="#help">Get help</a></li>
        <li><a href="#law">The law</a></li>
        <li><a href="#about">About this page</a></li>
      </ul>
    </nav>
  </div>
</header>
<main class="wrap" id="main">
  <h1>Stalking and harassment: you are not alone</h1>
  <p class="danger">${escapeHtml(DANGER_LINE).replace('call 999', `call <a href="${EMERGENCY.tel}">999</a>`)}</p>
  <section id="help" aria-labelledby="help-title">
    <h2 id="help-title">Get help</h2>
    <p>${escapeHtml(COMPASS_LINE).replace(ESSEX_COMPASS.display, `<a href="${ESSEX_COMPASS.tel}">${ESSEX_COMPASS.display}</a>`)}</p>
    <p>Our chat can answer questions about stalking, harassment and the orders a court can make. Open it with the <strong>Chat with us</strong> button. It is a computer, not a person.</p>
  </section>
  <section id="law" aria-labelledby="law-title">
    <h2 id="law-title">The law</h2>
    <p>Stalking and harassment are crimes in England and Wales. The chat explains the Protection from Harassment Act 1997, Stalking Protection Orders and Non-Molestation Orders in plain words.</p>
  </section>
  <section id="about" aria-labelledby="about-title">
    <h2 id="about-title">About this page</h2>
    <p>This is a demonstration of the chat widget as it would appear on the charity's website. It is added to a page with one script tag.</p>
  </section>
</main>
<footer class="site-footer">
  <div class="wrap"><p>Demonstration page. In an emergency call 999.</p></div>
</footer>
</body>
</html>
`;
}
