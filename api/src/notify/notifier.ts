import type { Channel } from '@kh02/schemas';

/** One message to one recipient on one channel; `key` is the idempotent delivery key (event × recipient × channel). */
export interface Delivery {
  key: string;
  channel: Channel;
  to: { id: string; name: string; email?: string; zalo_phone?: string };
  priority: string;
  /** Vietnamese first; quick channels carry only this, the body's first line and the link (handbook L917-919). */
  title: string;
  text: string;
  html: string;
  /** Deep link to the ticket (or the inbox). */
  link: string;
  ticketId: string | null;
}

/** The receiver refused the message for good (bad address, 5xx, rejected payload): retrying cannot help. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/** A channel adapter: resolves once the receiver accepted the message, throws otherwise. */
export interface Notifier {
  readonly channel: Exclude<Channel, 'inapp'>;
  send(d: Delivery): Promise<void>;
  close?(): Promise<void>;
}
