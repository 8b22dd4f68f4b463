/*
 * Phiếu giao việc endpoints (docs/api.md §3). Every command carries an
 * Idempotency-Key (one per user action, reused when the same action is
 * retried) and If-Match with the version the person was looking at, so a
 * double click applies once and a stale screen gets 409 CONFLICT.
 */
import {
  PartySchema,
  TicketKpiSchema,
  TicketSchema,
  type CreateTicket,
  type IssueType,
  type Party,
  type Ticket,
  type TicketKpi,
  type TicketPriority,
  type TicketStatus,
  type Topic,
} from '@kh02/schemas';
import { knownPartyName } from '$lib/tickets/parties';
import { arrayOf, isObject } from './parsers';
import type { Download, Parser, RestClient } from './rest';

/** What the create form sends (CreateTicketSchema's input, with the defaults spelled out). */
export interface NewTicket {
  title: string;
  description: string;
  unit_code: string;
  system_id?: string;
  issue_type: IssueType;
  priority: TicketPriority;
  topic: Topic;
  source: NonNullable<CreateTicket['source']>;
}

export type CommandAction =
  'assign' | 'assign_person' | 'acknowledge' | 'start' | 'report_done' | 'close' | 'reopen' | 'cancel' | 'comment';

/** URL segment of each command (api/src/tickets/routes.ts ACTION_BODIES). */
const ACTION_PATH: Record<CommandAction, string> = {
  assign: 'assign',
  assign_person: 'assign-person',
  acknowledge: 'acknowledge',
  start: 'start',
  report_done: 'done',
  close: 'close',
  reopen: 'reopen',
  cancel: 'cancel',
  comment: 'comments',
};

export interface CommandMeta {
  idempotencyKey: string;
  /** The ticket version on screen; omitted only for create. */
  version?: number;
}

export interface ListFilter {
  active?: boolean;
  status?: TicketStatus;
  unit?: string;
}

export interface PartyOption {
  party: Party;
  name: string;
  name_en: string;
}

export interface RoutingParties {
  vendors: PartyOption[];
  units: PartyOption[];
  working_groups: PartyOption[];
}

const PartyOptionParser: Parser<PartyOption> = {
  parse(d) {
    if (!isObject(d) || typeof d.name !== 'string') throw new TypeError('party');
    const party = PartySchema.parse({ kind: d.kind, code: d.code });
    // An api without English names (or a party it has none for) still gets one from the bundled registry.
    const en = typeof d.name_en === 'string' && d.name_en.trim() ? d.name_en : knownPartyName(party, 'en');
    return { party, name: d.name, name_en: en ?? d.name };
  },
};

const PartiesParser: Parser<RoutingParties> = {
  parse(d) {
    if (!isObject(d)) throw new TypeError('parties');
    const list = arrayOf(PartyOptionParser);
    return { vendors: list.parse(d.vendors), units: list.parse(d.units), working_groups: list.parse(d.working_groups) };
  },
};

/**
 * A fresh idempotency key. Not crypto.randomUUID(): that exists only in secure
 * contexts, and a wall PC may open the api over plain http on the LAN.
 */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const headers = (meta: CommandMeta): Record<string, string> => ({
  'idempotency-key': meta.idempotencyKey,
  ...(meta.version !== undefined ? { 'if-match': String(meta.version) } : {}),
});

export class TicketsApi {
  constructor(readonly rest: RestClient) {}

  list(filter: ListFilter = {}, signal?: AbortSignal): Promise<Ticket[]> {
    const q = new URLSearchParams();
    if (filter.active !== undefined) q.set('active', String(filter.active));
    if (filter.status) q.set('status', filter.status);
    if (filter.unit) q.set('unit', filter.unit);
    const qs = q.toString();
    return this.rest.get(`/api/v1/tickets${qs ? `?${qs}` : ''}`, arrayOf(TicketSchema), signal);
  }

  get(id: string, signal?: AbortSignal): Promise<Ticket> {
    return this.rest.get(`/api/v1/tickets/${encodeURIComponent(id)}`, TicketSchema, signal);
  }

  create(input: NewTicket, meta: CommandMeta): Promise<Ticket> {
    return this.rest.post('/api/v1/tickets', input, TicketSchema, { headers: headers(meta) });
  }

  act(id: string, action: CommandAction, body: Record<string, unknown>, meta: CommandMeta): Promise<Ticket> {
    const path = `/api/v1/tickets/${encodeURIComponent(id)}/${ACTION_PATH[action]}`;
    return this.rest.post(path, body, TicketSchema, { headers: headers(meta) });
  }

  attach(
    id: string,
    file: { name: string; content_type: string; content_base64: string },
    meta: CommandMeta,
  ): Promise<Ticket> {
    return this.rest.post(`/api/v1/tickets/${encodeURIComponent(id)}/attachments`, file, TicketSchema, {
      headers: headers(meta),
    });
  }

  attachment(id: string, attachmentId: string): Promise<Download> {
    return this.rest.download(
      `/api/v1/tickets/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`,
    );
  }

  kpi(signal?: AbortSignal): Promise<TicketKpi> {
    return this.rest.get('/api/v1/tickets-kpi', TicketKpiSchema, signal);
  }

  parties(signal?: AbortSignal): Promise<RoutingParties> {
    return this.rest.get('/api/v1/routing/parties', PartiesParser, signal);
  }
}
