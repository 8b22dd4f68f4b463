import { createServer, type Server } from 'node:net';

/**
 * Holds a dead service's port while it is down: every connection attempt is
 * counted and reset at once. Tells how often clients knock on a dead store,
 * i.e. whether they back off or hammer it.
 */
export class KnockCounter {
  knocks = 0;
  private constructor(private readonly server: Server) {}

  static async listen(port: number): Promise<KnockCounter> {
    const server = createServer();
    const counter = new KnockCounter(server);
    server.on('connection', (socket) => {
      counter.knocks++;
      socket.resetAndDestroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return counter;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
