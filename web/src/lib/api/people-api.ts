/*
 * People and notifications (docs/api.md): the Phụ lục IX directory, the
 * focal-point register, a party's members, the signed-in person's inbox and
 * preferences, a ticket's delivery log, the duty roster.
 */
import {
  ContactListSchema,
  FocalRegisterSchema,
  InboxSchema,
  OnDutySchema,
  PreferencesSchema,
  type Channel,
  type ContactList,
  type FocalRegister,
  type Inbox,
  type OnDuty,
  type Party,
  type Preferences,
  type RosterInput,
} from '@kh02/schemas';
import { isObject } from './parsers';
import type { Parser, RestClient } from './rest';

export interface Member {
  id: string;
  name: string;
  lead: boolean;
}

export interface TicketDelivery {
  at: string;
  channel: Channel;
  to: { id: string; name: string };
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  error: string | null;
}

export interface PreferencesAnswer {
  preferences: Preferences;
  channels_enabled: Channel[];
}

export interface RosterWeek {
  week_start: string;
  published_by: string;
  published_at: string;
  input: RosterInput;
  /** Account id → name, for every person on the week's roster. */
  names: Record<string, string>;
}

const shape = <T>(check: (d: Record<string, unknown>) => boolean): Parser<T> => ({
  parse(data: unknown): T {
    if (!isObject(data) || !check(data)) throw new TypeError('unexpected shape');
    return data as T;
  },
});

const preferencesAnswer = shape<PreferencesAnswer>(
  (d) => PreferencesSchema.safeParse(d.preferences).success && Array.isArray(d.channels_enabled),
);

export class PeopleApi {
  constructor(readonly rest: RestClient) {}

  contacts(q: string, signal?: AbortSignal): Promise<ContactList> {
    return this.rest.get(`/api/v1/contacts?q=${encodeURIComponent(q)}`, ContactListSchema, signal);
  }

  focalPoints(signal?: AbortSignal): Promise<FocalRegister> {
    return this.rest.get('/api/v1/focal-points', FocalRegisterSchema, signal);
  }

  async members(party: Party, signal?: AbortSignal): Promise<Member[]> {
    const r = await this.rest.get(
      `/api/v1/people?party=${encodeURIComponent(`${party.kind}:${party.code}`)}`,
      shape<{ members: Member[] }>((d) => Array.isArray(d.members)),
      signal,
    );
    return r.members;
  }

  inbox(signal?: AbortSignal): Promise<Inbox> {
    return this.rest.get('/api/v1/notifications', InboxSchema, signal);
  }

  async markRead(ids: string[]): Promise<void> {
    await this.rest.request(
      '/api/v1/notifications/read',
      { parse: () => undefined },
      { method: 'POST', body: { ids } },
    );
  }

  preferences(signal?: AbortSignal): Promise<PreferencesAnswer> {
    return this.rest.get('/api/v1/notifications/preferences', preferencesAnswer, signal);
  }

  setPreferences(p: Preferences): Promise<PreferencesAnswer> {
    return this.rest.request('/api/v1/notifications/preferences', preferencesAnswer, { method: 'PUT', body: p });
  }

  async deliveries(ticketId: string, signal?: AbortSignal): Promise<TicketDelivery[]> {
    const r = await this.rest.get(
      `/api/v1/tickets/${encodeURIComponent(ticketId)}/deliveries`,
      shape<{ deliveries: TicketDelivery[] }>((d) => Array.isArray(d.deliveries)),
      signal,
    );
    return r.deliveries;
  }

  onDuty(signal?: AbortSignal): Promise<OnDuty> {
    return this.rest.get('/api/v1/roster/on-duty', OnDutySchema, signal);
  }

  async roster(week?: string, signal?: AbortSignal): Promise<RosterWeek | null> {
    const r = await this.rest.get(
      `/api/v1/roster${week ? `?week=${week}` : ''}`,
      shape<{ week: RosterWeek | null }>((d) => 'week' in d),
      signal,
    );
    return r.week;
  }

  async publishRoster(input: RosterInput): Promise<void> {
    await this.rest.post(
      '/api/v1/roster',
      input,
      shape<unknown>(() => true),
    );
  }
}
