import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_FILE_BYTES } from '../../src-shared/limits';
import type { MainContext } from '../main-context';

/** No page of ours may be framed by another origin (clickjacking): both headers, every answer. */
export function noFraming(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

/**
 * Browser mode: the same dispatch() served over HTTP (commands) and a WebSocket (events), bound to
 * 127.0.0.1 only and protected by a per-run token. Never packaged into the desktop app.
 *
 * Defences: loopback bind; the token (injected into the served index.html, sent as a header on
 * every call, compared in constant time); Host must be our own loopback origin (DNS rebinding);
 * a cross-origin Origin header is refused; JSON bodies only, size-limited.
 */
export interface BridgeOptions {
  ctx: MainContext;
  port?: number;
  token?: string;
  /** built renderer (dist-web); index.html gets the token meta tag */
  staticDir?: string;
  /** dev: vite's connect middleware + html transform instead of staticDir */
  vite?: {
    middlewares:
      | http.RequestListener
      | ((req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void);
    transformIndexHtml(url: string, html: string): Promise<string>;
    indexHtmlPath: string;
  };
  maxBodyBytes?: number;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function injectToken(html: string, token: string): string {
  const tag = `<meta name="signwright-bridge-token" content="${token}">`;
  return html.replace('<head>', `<head>\n    ${tag}`);
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  // a file import is one message: MAX_FILE_BYTES as base64 (4/3) plus the JSON around it
  const maxBody = opts.maxBodyBytes ?? Math.ceil((MAX_FILE_BYTES * 4) / 3) + 1024 * 1024;
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const serveIndex = async (res: http.ServerResponse, url: string) => {
    let html: string;
    if (opts.vite) {
      html = await opts.vite.transformIndexHtml(
        url,
        fs.readFileSync(opts.vite.indexHtmlPath, 'utf8'),
      );
    } else if (opts.staticDir) {
      html = fs.readFileSync(path.join(opts.staticDir, 'index.html'), 'utf8');
    } else {
      html = '<!doctype html><html><head></head><body>No renderer build found.</body></html>';
    }
    res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' });
    res.end(injectToken(html, token));
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    noFraming(res);
    try {
      if (!req.headers.host || !allowedHosts().has(req.headers.host)) {
        res.writeHead(421).end('Misdirected request');
        return;
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname.startsWith('/rpc/')) {
        const origin = req.headers.origin;
        if (origin && origin !== `http://${req.headers.host}`) return send(res, 403, forbidden());
        const given = String(req.headers['x-signwright-token'] ?? '');
        if (!safeEqual(given, token)) return send(res, 401, forbidden());
        if (req.method !== 'POST') return send(res, 405, forbidden());
        let input: unknown;
        try {
          const text = await readBody(req, maxBody);
          input = text ? JSON.parse(text) : {};
        } catch {
          return send(res, 400, {
            ok: false,
            error: {
              code: 'VALIDATION',
              message: 'The request was not valid JSON or was too large.',
            },
          });
        }
        const channel = decodeURIComponent(url.pathname.slice('/rpc/'.length));
        return send(res, 200, await opts.ctx.dispatch(channel, input));
      }
      if (opts.vite && url.pathname !== '/' && url.pathname !== '/index.html') {
        const mw = opts.vite.middlewares as (
          req: http.IncomingMessage,
          res: http.ServerResponse,
          next: () => void,
        ) => void;
        return mw(req, res, () => void serveIndex(res, url.pathname));
      }
      if (opts.staticDir && url.pathname !== '/' && url.pathname !== '/index.html') {
        const root = path.resolve(opts.staticDir);
        const file = path.resolve(root, '.' + decodeURIComponent(url.pathname));
        if (file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
          res.writeHead(200, {
            'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
            'cache-control': 'no-cache',
          });
          fs.createReadStream(file).pipe(res);
          return;
        }
      }
      // single-page app: every other path is the app
      await serveIndex(res, url.pathname);
    } catch (err) {
      if (res.headersSent) res.end();
      else
        send(res, 500, {
          ok: false,
          error: { code: 'INTERNAL', message: String((err as Error).message) },
        });
    }
  };
  // handle() answers every failure itself (500 above): nothing is left for the promise to carry
  const server = http.createServer((req, res) => void handle(req, res));

  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const originOk = !req.headers.origin || req.headers.origin === `http://${req.headers.host}`;
    if (
      url.pathname !== '/events' ||
      !req.headers.host ||
      !allowedHosts().has(req.headers.host) ||
      !originOk ||
      !safeEqual(url.searchParams.get('token') ?? '', token)
    ) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
    });
  });
  const unlisten = opts.ctx.events.listen((event, payload) => {
    const frame = JSON.stringify({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: async () => {
      unlisten();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const escapeHtml = (t: string) =>
  t.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export interface StartupErrorPage {
  title: string;
  message: string;
  hint: string;
  /** offered when a verified backup exists: the button's words and what restoring does */
  restore?: { button: string; explains: string };
}

/**
 * The error screen when the database cannot be opened safely (browser mode's fail-closed page).
 * With a verified backup it offers "Restore": a form POST carrying a per-run token (the page is
 * served to our own loopback origin only; a foreign Host or Origin is refused), then `onRestore`
 * runs and the page waits for the app to come up on the same port.
 */
export async function serveStartupError(
  port: number,
  page: StartupErrorPage,
  onRestore?: () => Promise<void>,
): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const token = randomBytes(18).toString('base64url');
  let actualPort = 0;
  const shell = (body: string, refresh = false) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(page.title)}</title>` +
    (refresh ? '<meta http-equiv="refresh" content="2;url=/">' : '') +
    `<style>body{font-family:system-ui,sans-serif;background:#f6f7f9;color:#1d2430}main{max-width:680px;margin:80px auto;background:#fff;border:1px solid #dde1e7;border-left:4px solid #b3261e;padding:20px 24px;border-radius:6px}button{font:inherit;padding:6px 14px}</style>` +
    `</head><body><main role="alert">${body}</main></body></html>`;
  const main = () =>
    shell(
      `<h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.message)}</p><p>${escapeHtml(page.hint)}</p>` +
        (page.restore && onRestore
          ? `<form method="post" action="/restore"><input type="hidden" name="token" value="${token}"><button type="submit">${escapeHtml(page.restore.button)}</button></form>`
          : '<p>Close this window; do not delete the data folder.</p>'),
    );
  const server = http.createServer((req, res) => {
    noFraming(res);
    const hostOk =
      req.headers.host === `127.0.0.1:${actualPort}` ||
      req.headers.host === `localhost:${actualPort}`;
    const originOk = !req.headers.origin || req.headers.origin === `http://${req.headers.host}`;
    if (!hostOk) return void res.writeHead(421).end('Misdirected request');
    if (req.method === 'POST' && req.url === '/restore' && onRestore && page.restore) {
      let body = '';
      req.on('data', (d: Buffer) => (body.length < 4096 ? (body += d.toString()) : undefined));
      req.on('end', () => {
        const given = new URLSearchParams(body).get('token') ?? '';
        if (!originOk || !safeEqual(given, token)) {
          res.writeHead(403, { 'content-type': 'text/plain' }).end('Not allowed.');
          return;
        }
        onRestore().then(
          () => {
            res.writeHead(200, {
              'content-type': 'text/html; charset=utf-8',
              'cache-control': 'no-store',
            });
            res.end(
              shell(
                '<h1>Backup restored</h1><p>The damaged file was kept aside. Opening Signwright…</p>',
                true,
              ),
            );
          },
          (err: Error) => {
            res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
            res.end(
              shell(
                `<h1>The backup could not be restored</h1><p>${escapeHtml(err.message)}</p><p>Nothing was deleted.</p>`,
              ),
            );
          },
        );
      });
      return;
    }
    res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(main());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function forbidden() {
  return { ok: false, error: { code: 'FORBIDDEN', message: 'Not allowed.' } };
}
