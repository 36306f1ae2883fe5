import type { Session, WebContents, WebPreferences } from 'electron';

/**
 * Window hardening (docs/STYLE.md 3, Electron security checklist). Decisions are pure functions;
 * `installWindowSecurity` / `installSessionSecurity` only attach them to Electron objects.
 */

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // middle-click must not open anything either (electronegativity AUXCLICK_JS_CHECK)
    disableBlinkFeatures: 'Auxclick',
    spellcheck: true,
    safeDialogs: true,
  };
}

/**
 * The Content-Security-Policy. Delivered as a response header: by the app:// protocol handler
 * in production (protocol.ts) and by session.webRequest.onHeadersReceived for the dev server.
 * Never 'unsafe-eval', never inline scripts in production. Dev only: the Vite client needs an
 * inline script (React Refresh preamble) and a WebSocket back to the dev server. When the page
 * also carries a <meta> CSP, the browser enforces both (the stricter wins).
 */
export function buildCsp(devServerUrl?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl) : null;
  const ws = dev ? `ws://${dev.host}` : '';
  const directives: Record<string, string> = {
    'default-src': "'self'",
    'script-src': dev ? "'self' 'unsafe-inline'" : "'self'",
    // inline styles stay allowed (as in src-renderer/index.html's meta CSP): styles cannot run code
    'style-src': "'self' 'unsafe-inline'",
    'img-src': "'self' data: blob:",
    'font-src': "'self' data:",
    'connect-src': dev ? `'self' ${ws}` : "'self'",
    'worker-src': "'self' blob:",
    'object-src': "'none'",
    'frame-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

/** Hosts opened without asking (https only). Anything else https asks the user first. */
export const DEFAULT_EXTERNAL_HOSTS = [
  'signwright.com',
  'www.signwright.com',
  'docs.signwright.com',
];

export type ExternalDecision =
  | { action: 'open'; url: string }
  | { action: 'confirm'; url: string; host: string }
  | { action: 'refuse'; reason: string };

export function vetExternalUrl(raw: string, allowedHosts: readonly string[]): ExternalDecision {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { action: 'refuse', reason: 'not a URL' };
  }
  if (url.protocol !== 'https:')
    return { action: 'refuse', reason: `${url.protocol} links are not opened` };
  if (url.username || url.password) return { action: 'refuse', reason: 'URL carries credentials' };
  const host = url.hostname.toLowerCase();
  if (allowedHosts.includes(host)) return { action: 'open', url: url.href };
  return { action: 'confirm', url: url.href, host };
}

export interface ExternalOpenerDeps {
  allowedHosts: readonly string[];
  /** shell.openExternal */
  open: (url: string) => Promise<void>;
  /** asks "Open <host> in your browser?"; resolves true to open */
  confirm: (url: string, host: string) => Promise<boolean>;
  log?: (level: 'info' | 'warn', msg: string) => void;
}

/** The only way a link leaves the app. Resolves true when the browser was asked to open it. */
export function createOpenExternal(deps: ExternalOpenerDeps): (url: string) => Promise<boolean> {
  return async (raw) => {
    const d = vetExternalUrl(raw, deps.allowedHosts);
    if (d.action === 'refuse') {
      deps.log?.('warn', `external link refused (${d.reason}): ${raw.slice(0, 200)}`);
      return false;
    }
    if (d.action === 'confirm' && !(await deps.confirm(d.url, d.host))) return false;
    await deps.open(d.url);
    return true;
  };
}

/** will-navigate: only within the app; everything else is stopped (and maybe opened outside). */
export function isNavigationAllowed(url: string, isAppUrl: (u: string) => boolean): boolean {
  return isAppUrl(url);
}

/** Permissions the renderer may get. None today: no camera, mic, geolocation, notifications... */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}

export interface WindowSecurityDeps {
  isAppUrl: (url: string) => boolean;
  openExternal: (url: string) => Promise<boolean>;
  log?: (level: 'info' | 'warn', msg: string) => void;
}

type SecurableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function installWindowSecurity(contents: SecurableContents, deps: WindowSecurityDeps): void {
  const leave = (url: string, why: string) => {
    deps.log?.('warn', `${why} blocked: ${url.slice(0, 200)}`);
    void deps.openExternal(url);
  };
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, deps.isAppUrl)) {
      event.preventDefault();
      leave(url, 'navigation');
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url, deps.isAppUrl)) {
      event.preventDefault();
      deps.log?.('warn', `redirect blocked: ${url.slice(0, 200)}`);
    }
  });
  // window.open / target=_blank: never a new Electron window; links go through the vetted opener
  contents.setWindowOpenHandler(({ url }) => {
    leave(url, 'window.open');
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.log?.('warn', 'webview blocked');
  });
}

type SecurableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler'
> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

export function installSessionSecurity(
  ses: SecurableSession,
  deps: { csp: string; isAppUrl: (url: string) => boolean },
): void {
  ses.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(isPermissionAllowed(permission)),
  );
  ses.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission));
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!deps.isAppUrl(details.url)) return callback({});
    const headers = { ...details.responseHeaders };
    for (const k of Object.keys(headers)) {
      if (k.toLowerCase() === 'content-security-policy') delete headers[k];
    }
    headers['Content-Security-Policy'] = [deps.csp];
    callback({ responseHeaders: headers });
  });
}
