import { describe, expect, it, vi } from 'vitest';

// src-main/app may import electron; the real module tries to download a binary, so every test
// here replaces it (docs/ARCHITECTURE.md, "Tests").
vi.mock('electron', () => ({}));

import { createAppOrigin } from './origin';
import {
  buildCsp,
  createOpenExternal,
  installSessionSecurity,
  installWindowSecurity,
  secureWebPreferences,
  vetExternalUrl,
} from './window-security';

type Handler = (...args: unknown[]) => unknown;

function fakeContents() {
  const handlers = new Map<string, Handler>();
  let openHandler: Handler = () => undefined;
  return {
    on: vi.fn((name: string, h: Handler) => void handlers.set(name, h)),
    setWindowOpenHandler: vi.fn((h: Handler) => void (openHandler = h)),
    emit(name: string, ...args: unknown[]) {
      const event = { preventDefault: vi.fn() };
      handlers.get(name)?.(event, ...args);
      return event;
    },
    open: (url: string) => openHandler({ url }),
  };
}

const origin = createAppOrigin();

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    const p = secureWebPreferences('/app/out/preload/index.cjs');
    expect(p).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('buildCsp', () => {
  it('production: self only, no eval, no inline script', () => {
    const csp = buildCsp();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/script-src 'self'(;|$)/);
  });
  it('dev server: adds only the Vite websocket, still no eval', () => {
    const csp = buildCsp('http://localhost:5173');
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('origin', () => {
  it('accepts only app://signwright (or the dev server when given)', () => {
    expect(origin.isAppUrl('app://signwright/index.html#/projects')).toBe(true);
    expect(origin.isAppUrl('app://evil/index.html')).toBe(false);
    expect(origin.isAppUrl('https://signwright.com/')).toBe(false);
    expect(origin.isAppUrl('file:///etc/passwd')).toBe(false);
    expect(origin.isAppUrl('not a url')).toBe(false);
    const dev = createAppOrigin('http://localhost:5173/');
    expect(dev.isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(dev.isAppUrl('http://localhost:5174/')).toBe(false);
  });
});

describe('installWindowSecurity', () => {
  it('denies navigation away from the app and hands the link to the vetted opener', () => {
    const wc = fakeContents();
    const openExternal = vi.fn(async () => true);
    installWindowSecurity(wc as never, { isAppUrl: origin.isAppUrl, openExternal });
    const away = wc.emit('will-navigate', 'https://evil.example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://evil.example.com/');
    const inside = wc.emit('will-navigate', 'app://signwright/index.html#/x');
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('window.open is always denied', () => {
    const wc = fakeContents();
    const openExternal = vi.fn(async () => true);
    installWindowSecurity(wc as never, { isAppUrl: origin.isAppUrl, openExternal });
    expect(wc.open('https://docs.signwright.com/help')).toEqual({ action: 'deny' });
    expect(wc.open('app://signwright/index.html')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://docs.signwright.com/help');
  });

  it('webviews are never attached, redirects away are stopped', () => {
    const wc = fakeContents();
    installWindowSecurity(wc as never, {
      isAppUrl: origin.isAppUrl,
      openExternal: vi.fn(async () => true),
    });
    expect(wc.emit('will-attach-webview', {}, {}).preventDefault).toHaveBeenCalled();
    expect(wc.emit('will-redirect', 'https://evil.example.com').preventDefault).toHaveBeenCalled();
  });
});

describe('openExternal', () => {
  it('refuses anything but https', () => {
    for (const url of [
      'http://signwright.com',
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'smb://host/share',
      'garbage',
    ]) {
      expect(vetExternalUrl(url, ['signwright.com']).action).toBe('refuse');
    }
    expect(vetExternalUrl('https://user:pw@signwright.com', ['signwright.com']).action).toBe(
      'refuse',
    );
  });

  it('opens allowlisted https hosts, asks the user for unknown ones', async () => {
    const open = vi.fn(async () => {});
    const confirm = vi.fn(async () => false);
    const openExternal = createOpenExternal({
      allowedHosts: ['docs.signwright.com'],
      open,
      confirm,
    });
    expect(await openExternal('https://docs.signwright.com/a')).toBe(true);
    expect(open).toHaveBeenCalledWith('https://docs.signwright.com/a');
    expect(await openExternal('https://unknown.example.com/')).toBe(false);
    expect(confirm).toHaveBeenCalledWith('https://unknown.example.com/', 'unknown.example.com');
    expect(open).toHaveBeenCalledTimes(1);
    confirm.mockResolvedValueOnce(true);
    expect(await openExternal('https://unknown.example.com/')).toBe(true);
    expect(await openExternal('file:///etc/passwd')).toBe(false);
    expect(open).toHaveBeenCalledTimes(2);
  });
});

describe('installSessionSecurity', () => {
  function fakeSession() {
    const s = {
      request: undefined as unknown as Handler,
      check: undefined as unknown as Handler,
      headers: undefined as unknown as Handler,
      setPermissionRequestHandler: vi.fn((h: Handler) => void (s.request = h)),
      setPermissionCheckHandler: vi.fn((h: Handler) => void (s.check = h)),
      webRequest: { onHeadersReceived: vi.fn((h: Handler) => void (s.headers = h)) },
    };
    return s;
  }

  it('denies every permission request and check', () => {
    const s = fakeSession();
    installSessionSecurity(s as never, { csp: 'x', isAppUrl: origin.isAppUrl });
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const cb = vi.fn();
      s.request({}, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(s.check({}, p)).toBe(false);
    }
  });

  it('puts our CSP on app responses, replacing any other', () => {
    const s = fakeSession();
    installSessionSecurity(s as never, { csp: "default-src 'self'", isAppUrl: origin.isAppUrl });
    const cb = vi.fn();
    s.headers(
      { url: 'app://signwright/index.html', responseHeaders: { 'content-security-policy': ['*'] } },
      cb,
    );
    expect(cb).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': ["default-src 'self'"] },
    });
    const other = vi.fn();
    s.headers({ url: 'https://updates.signwright.com/latest.yml', responseHeaders: {} }, other);
    expect(other).toHaveBeenCalledWith({});
  });
});
