import net from 'node:net';

export type FaultMode = 'pass' | 'refuse' | 'reset-mid-response' | 'random';

/**
 * A TCP proxy the test controls, between the desktop client and the server: it can refuse new
 * connections, delay traffic, and reset a connection in the middle of a response (after the
 * server has done the work, which is what idempotency must survive). Loopback only; every fault
 * stops when the test sets mode 'pass' or closes it.
 */
export class FaultProxy {
  mode: FaultMode = 'pass';
  /** for 'random': the chance that a response is cut, and that a connection is refused */
  resetChance = 0.3;
  refuseChance = 0.15;
  delayMs = 0;
  resets = 0;
  refusals = 0;
  private server: net.Server;
  private sockets = new Set<net.Socket>();
  private seed: number;

  constructor(
    private targetPort: number,
    seed = 42,
  ) {
    this.seed = seed;
    this.server = net.createServer((client) => this.handle(client));
  }

  /** deterministic PRNG (mulberry32) so a failing run can be replayed */
  private rand(): number {
    let t = (this.seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  setTarget(port: number) {
    this.targetPort = port;
  }

  async listen(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  private handle(client: net.Socket) {
    if (this.mode === 'refuse' || (this.mode === 'random' && this.rand() < this.refuseChance)) {
      this.refusals++;
      client.destroy();
      return;
    }
    this.sockets.add(client);
    const upstream = net.connect(this.targetPort, '127.0.0.1');
    this.sockets.add(upstream);
    const kill = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', kill);
    upstream.on('error', kill);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('data', (chunk) => {
      const send = () => upstream.write(chunk);
      if (this.delayMs) setTimeout(send, this.delayMs);
      else send();
    });
    upstream.on('data', (chunk) => {
      const cut =
        this.mode === 'reset-mid-response' ||
        (this.mode === 'random' && this.rand() < this.resetChance);
      if (cut) {
        this.resets++;
        // forward part of the answer, then reset: the request was processed, the reply is lost
        client.write(chunk.subarray(0, Math.min(chunk.length, 12)));
        client.resetAndDestroy();
        upstream.destroy();
        return;
      }
      if (this.delayMs) setTimeout(() => client.write(chunk), this.delayMs);
      else client.write(chunk);
    });
  }

  /** drop every open connection (a dropped Wi-Fi) */
  dropAll() {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  async close() {
    this.dropAll();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
