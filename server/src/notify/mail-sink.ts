import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger } from '@kh02/platform';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface MailSink {
  port: number;
  dir: string;
  close(): Promise<void>;
}

/**
 * The demo's local mailbox: a real SMTP server (the `smtp-server` library) on
 * 127.0.0.1 that accepts every message and stores it as an .eml file in
 * DATA_DIR/mailbox, with one line per message in index.jsonl (time, to,
 * subject decoded, Message-ID). It lets `npm start` send real email without
 * a mail server; production sets SMTP_HOST instead.
 */
export async function startMailSink(dataDir: string, port: number, logger: Logger): Promise<MailSink> {
  const dir = join(dataDir, 'mailbox');
  await mkdir(dir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    banner: 'KH02 demo mailbox',
    size: 5 * 1024 * 1024,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void (async () => {
          const parsed = await simpleParser(raw);
          const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++n).padStart(4, '0')}.eml`;
          await writeFile(join(dir, name), raw);
          const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
          await appendFile(
            join(dir, 'index.jsonl'),
            `${JSON.stringify({ at: new Date().toISOString(), file: name, to, subject: parsed.subject ?? '', message_id: parsed.messageId ?? '' })}\n`,
          );
        })().then(
          () => callback(),
          (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  logger.info({ port: actual, dir }, 'demo mailbox (local SMTP sink) listening; messages are stored as .eml files');
  return { port: actual, dir, close: () => new Promise<void>((r) => server.close(() => r())) };
}
