/*
 * One ticket on screen and the commands a person sends about it. Each user
 * action gets one Idempotency-Key, kept until the server confirms it, so a
 * retry after a dropped connection is applied once. Every command carries the
 * version on screen (If-Match); when someone else changed the ticket first the
 * server answers 409 CONFLICT, and the ticket is reloaded with a notice.
 */
import type { BilingualText, Ticket } from '@kh02/schemas';
import { ApiError } from '$lib/api/rest';
import { newIdempotencyKey, type CommandAction, type TicketsApi } from '$lib/api/tickets-api';
import { MESSAGES } from '$lib/i18n/messages';

export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

export type Outcome = 'ok' | 'failed';

const both = (pick: (m: typeof MESSAGES.vi) => string): BilingualText => ({
  vi: pick(MESSAGES.vi),
  en: pick(MESSAGES.en),
});

/** Attachment types the api accepts, by extension, for files the browser gives no type. */
const TYPE_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  mp4: 'video/mp4',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function contentTypeOf(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return TYPE_BY_EXTENSION[ext] ?? 'application/octet-stream';
}

/** Base64 of a file's bytes, without the `data:…;base64,` prefix. */
export async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export class TicketDetail {
  ticket = $state.raw<Ticket | null>(null);
  /** Why the ticket could not be loaded (403 out of scope, 404, network). */
  loadError = $state.raw<ApiError | null>(null);
  /** The last command's failure, in the server's words. */
  actionError = $state.raw<BilingualText | null>(null);
  /** Something the person should know that is not an error (reloaded after a conflict). */
  notice = $state.raw<BilingualText | null>(null);
  busy = $state<CommandAction | 'attach' | null>(null);

  readonly id: string;
  readonly #api: TicketsApi;
  /** Idempotency key per pending action, dropped once the server has answered it (not state: never shown). */
  readonly #keys: Partial<Record<CommandAction | 'attach', string>> = {};

  constructor(api: TicketsApi, id: string) {
    this.#api = api;
    this.id = id;
  }

  async load(signal?: AbortSignal): Promise<void> {
    try {
      this.ticket = await this.#api.get(this.id, signal);
      this.loadError = null;
    } catch (e) {
      if (e instanceof ApiError) this.loadError = e;
      else if (!(e instanceof DOMException)) throw e;
    }
  }

  act(action: CommandAction, body: Record<string, unknown> = {}): Promise<Outcome> {
    return this.#run(action, (key, version) => this.#api.act(this.id, action, body, { idempotencyKey: key, version }));
  }

  async attach(file: File): Promise<Outcome> {
    if (file.size === 0 || file.size > MAX_ATTACHMENT_BYTES) {
      this.actionError = both((m) => m.tickets.attachTooLarge);
      return 'failed';
    }
    const content = await toBase64(file);
    const upload = { name: file.name, content_type: contentTypeOf(file), content_base64: content };
    return this.#run('attach', (key, version) => this.#api.attach(this.id, upload, { idempotencyKey: key, version }));
  }

  async #run(
    kind: CommandAction | 'attach',
    send: (key: string, version: number) => Promise<Ticket>,
  ): Promise<Outcome> {
    const current = this.ticket;
    if (!current || this.busy) return 'failed';
    const key = this.#keys[kind] ?? newIdempotencyKey();
    this.#keys[kind] = key;
    this.busy = kind;
    this.actionError = null;
    this.notice = null;
    try {
      // The answer is the ticket as the server now has it: that is the refresh.
      this.ticket = await send(key, current.version);
      delete this.#keys[kind];
      return 'ok';
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      // Network trouble: keep the key, so pressing again retries the same action.
      if (e.code !== 'NETWORK') delete this.#keys[kind];
      if (e.code === 'CONFLICT') {
        await this.load();
        this.notice = both((m) => m.tickets.conflict);
      } else {
        this.actionError = e.text;
        // An illegal move means the ticket moved on under us: show where it is now.
        if (e.code === 'INVALID_TRANSITION') await this.load();
      }
      return 'failed';
    } finally {
      this.busy = null;
    }
  }
}
