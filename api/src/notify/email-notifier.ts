import { createTransport, type Transporter } from 'nodemailer';
import { PermanentDeliveryError, type Delivery, type Notifier } from './notifier.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS when offered, or required with `requireTls`. */
  secure: boolean;
  requireTls: boolean;
  /** Off only for a test server with a self-signed certificate. */
  rejectUnauthorized: boolean;
  user?: string;
  password?: string;
  from: string;
  /** Domain of the Message-ID, so the same delivery key is the same message for every receiver. */
  messageIdDomain: string;
}

interface SmtpError {
  permanent?: boolean;
  responseCode?: number;
  message?: string;
}

/**
 * Email công vụ over SMTP with nodemailer: Vietnamese subjects go out as RFC 2047
 * encoded-words, plain text and HTML bodies, a deep link to the ticket. The
 * Message-ID is derived from the delivery key, so a resend after a crash is the
 * same message to the receiving server (which may drop the duplicate), not a new one.
 */
export class EmailNotifier implements Notifier {
  readonly channel = 'email' as const;
  private readonly transport: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    this.transport = createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      requireTLS: settings.requireTls,
      tls: { rejectUnauthorized: settings.rejectUnauthorized },
      ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(d: Delivery): Promise<void> {
    if (!d.to.email) throw new PermanentDeliveryError(`no email address for ${d.to.id}`);
    try {
      await this.transport.sendMail({
        from: this.settings.from,
        to: { name: d.to.name, address: d.to.email },
        subject: d.title,
        text: d.text,
        html: d.html,
        messageId: `<${d.key}@${this.settings.messageIdDomain}>`,
        headers: { 'X-KH02-Delivery-Key': d.key, ...(d.ticketId ? { 'X-KH02-Ticket': d.ticketId } : {}) },
      });
    } catch (err) {
      const e = err as SmtpError;
      if (e.permanent === true)
        throw new PermanentDeliveryError(`SMTP ${e.responseCode ?? ''} ${e.message ?? ''}`.trim());
      throw err;
    }
  }

  async close(): Promise<void> {
    this.transport.close();
    await Promise.resolve();
  }
}
