import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small round-robin HTTP load balancer (node:http) for the multi-instance test, behaving like
 * nginx's `proxy_next_upstream error`: each request goes to the next upstream; when that one
 * refuses the connection (a killed instance), the request (its body is buffered) goes to the next,
 * until every upstream was tried (then 502). A request whose upstream dies after it was sent is
 * answered 502: the client cannot know whether it was applied, and must retry (sync does).
 */
export interface RoundRobinProxy {
  url: string;
  /** requests answered by each upstream, by its base URL */
  served: Map<string, number>;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served = new Map(upstreams.map((u) => [u, 0]));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const start = next++ % upstreams.length;
      const attempt = (tried: number) => {
        if (tried === upstreams.length) {
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end('{"error":{"code":"UNAVAILABLE","message":"No API instance answered."}}');
          return;
        }
        const base = upstreams[(start + tried) % upstreams.length];
        const target = new URL(req.url ?? '/', base);
        const up = http.request(
          target,
          { method: req.method, headers: { ...req.headers, host: target.host }, agent: false },
          (upRes) => {
            served.set(base, (served.get(base) ?? 0) + 1);
            res.writeHead(upRes.statusCode ?? 502, upRes.headers);
            upRes.pipe(res);
            upRes.on('error', () => res.destroy());
          },
        );
        up.on('error', (err: NodeJS.ErrnoException) => {
          if (res.headersSent) res.destroy();
          else if (err.code === 'ECONNREFUSED') attempt(tried + 1);
          else {
            res.writeHead(502, { 'content-type': 'application/json' });
            res.end('{"error":{"code":"UNAVAILABLE","message":"The API instance went away."}}');
          }
        });
        up.end(body);
      };
      attempt(0);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
