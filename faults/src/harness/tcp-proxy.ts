import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay on a fixed port that can be cut (every connection dropped, new
 * ones refused, as when a wall's network link goes down) and restored.
 */
export class CuttableProxy {
  private server: Server | undefined;
  private readonly pairs = new Set<[Socket, Socket]>();
  connectionsAccepted = 0;

  private constructor(
    readonly port: number,
    private readonly targetPort: number,
  ) {}

  static async start(port: number, targetPort: number): Promise<CuttableProxy> {
    const proxy = new CuttableProxy(port, targetPort);
    await proxy.restore();
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async restore(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => this.relay(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Drops every live connection and stops listening: the client sees a dead link and refused reconnects. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const [a, b] of this.pairs) {
      a.destroy();
      b.destroy();
    }
    this.pairs.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private relay(client: Socket): void {
    this.connectionsAccepted++;
    const upstream = connect({ port: this.targetPort, host: '127.0.0.1' });
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      this.pairs.delete(pair);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
