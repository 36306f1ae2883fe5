import type { RouteDeps } from '../context';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

/** Liveness (the process answers) and readiness (its dependencies answer), for the load balancer. */
export function healthRoutes({ app, database, store }: RouteDeps): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));

  app.get('/readyz', { schema: { hide: true } }, async (req, reply) => {
    const check = async (fn: () => Promise<void>) => {
      try {
        await withTimeout(fn(), 2000);
        return 'ok';
      } catch (err) {
        req.log.warn({ err }, 'readiness check failed');
        return 'unavailable';
      }
    };
    const [postgres, s3] = await Promise.all([check(database.ping), check(() => store.ping())]);
    const ok = postgres === 'ok' && s3 === 'ok';
    void reply.code(ok ? 200 : 503);
    return { ok, checks: { database: postgres, databaseKind: database.kind, s3 } };
  });
}
