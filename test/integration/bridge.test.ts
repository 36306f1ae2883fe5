import http from 'node:http';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../src-main/bridge/server';
import { freshMain } from '../helpers/main';

let m: ReturnType<typeof freshMain>;
let bridge: Bridge;
beforeEach(async () => {
  m = freshMain();
  bridge = await startBridge({ ctx: m, token: 'secret-token-123' });
});
afterEach(async () => {
  await bridge.close();
  m.close();
});

const rpc = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${bridge.url}rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('browser-mode bridge', () => {
  it('binds to loopback only and serves the app with its token', async () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await (await fetch(bridge.url)).text();
    expect(html).toContain('<meta name="signwright-bridge-token" content="secret-token-123">');
  });

  it('runs commands with the token and refuses them without it', async () => {
    const ok = await rpc(
      'projects:create',
      { name: 'Via bridge' },
      { 'x-signwright-token': 'secret-token-123' },
    );
    expect(await ok.json()).toMatchObject({ ok: true, value: { name: 'Via bridge' } });
    const no = await rpc('projects:create', { name: 'No token' });
    expect(no.status).toBe(401);
    const wrong = await rpc(
      'projects:create',
      { name: 'Wrong' },
      { 'x-signwright-token': 'secret-token-124' },
    );
    expect(wrong.status).toBe(401);
    expect(
      (m.services.sqlite.prepare('SELECT count(*) AS n FROM projects').get() as { n: number }).n,
    ).toBe(1);
  });

  it('refuses a cross-origin page and a foreign Host (DNS rebinding)', async () => {
    const cross = await rpc(
      'projects:list',
      {},
      { 'x-signwright-token': 'secret-token-123', origin: 'http://evil.example' },
    );
    expect(cross.status).toBe(403);
    // fetch cannot set Host; a raw request can, as a rebinding page's browser would
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: '/rpc/projects:list',
          method: 'POST',
          headers: { host: 'evil.example', 'x-signwright-token': 'secret-token-123' },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('returns validation envelopes naming the field and pushes events over the socket', async () => {
    const bad = await rpc(
      'projects:create',
      { name: '' },
      { 'x-signwright-token': 'secret-token-123' },
    );
    expect(await bad.json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { name: 'Project name is required' } },
    });
    const ws = new WebSocket(`ws://127.0.0.1:${bridge.port}/events?token=secret-token-123`);
    await new Promise((r) => ws.once('open', r));
    const got = new Promise<string>((r) => ws.once('message', (d) => r(String(d))));
    await rpc('projects:create', { name: 'Evented' }, { 'x-signwright-token': 'secret-token-123' });
    expect(JSON.parse(await got)).toMatchObject({
      event: 'projects:changed',
      payload: { action: 'created' },
    });
    ws.close();
    const refused = new WebSocket(`ws://127.0.0.1:${bridge.port}/events?token=nope`);
    await expect(new Promise((_, rej) => refused.once('error', rej))).rejects.toBeTruthy();
  });
});
