import { randomUUID } from 'node:crypto';
import type { Logger } from '@kh02/platform';
import { SUBJECTS, type Channel, type Principal, type WorkflowEvent } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { AccountService } from '../auth/accounts.js';
import { SYSTEM_PRINCIPAL } from '../auth/principal.js';
import { VersionConflictError, type EventLog } from '../event-log/event-log.js';
import type { ContactService } from '../people/contacts.js';
import type { TicketService } from '../tickets/ticket-service.js';
import { PermanentDeliveryError, type Notifier } from './notifier.js';
import {
  hashKey,
  OutboxState,
  type DeliveryState,
  type PlannedNotification,
  type RecipientPlan,
} from './outbox-state.js';
import { planFor } from './rules.js';
import { emailBodies, notBefore } from './templates.js';

export interface OutboxDeps {
  log: EventLog;
  tickets: TicketService;
  accounts: AccountService;
  contacts: ContactService;
  registry: Registry;
  notifiers: Notifier[];
  /** Accounts on duty now (the roster); empty when none is published. */
  onDuty: (now: number) => string[];
  now: () => number;
  logger: Logger;
  /** Base of the deep links (the wall's public address; known once the server listens). */
  publicUrl: () => string;
  /** Only one api replica sends; the others still fold the outbox (inbox reads). */
  sender: boolean;
  retry: { baseMs: number; maxMs: number; maxAttempts: number };
  tickMs: number;
  /** Ticket events older than this when first seen are history, not news: never notified. */
  horizonMs: number;
  observe?: (channel: Channel, outcome: 'sent' | 'retry' | 'dead_lettered') => void;
}

const TRIGGERS = new Set(['created', 'assigned', 'person_assigned', 'escalated']);

/**
 * The durable notification outbox on the workflow log. A ticket event becomes a
 * planned notification (`enqueued`: who, which channels, the text), recorded once
 * under the trigger's id before anything is sent; each delivery's outcome
 * (`delivered`, `attempt_failed` with the next try, `dead_lettered`) is recorded
 * on its own subject. A crash between the event and the plan is healed at start
 * (triggers without a plan are planned then); a crash after a send but before
 * its record resends the same message with the same key (the email's
 * Message-ID), which is the one window where a receiver can see it twice.
 */
export class NotificationOutbox {
  readonly state = new OutboxState();
  private readonly triggers = new Map<string, WorkflowEvent>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly channels: Map<Channel, Notifier>;

  constructor(private readonly deps: OutboxDeps) {
    this.channels = new Map(deps.notifiers.map((n) => [n.channel, n]));
    deps.log.on('ticket', (e) => {
      if (TRIGGERS.has(e.type) && Date.parse(e.at) >= deps.now() - deps.horizonMs) this.triggers.set(e.event_id, e);
    });
    deps.log.on('notification', (e, seq) => {
      this.state.apply(e, seq);
      if (e.type === 'enqueued') this.triggers.delete((e.data.notification as PlannedNotification).trigger);
    });
  }

  /** Channels that can send here (the in-app list always can). */
  enabledChannels(): Channel[] {
    return ['inapp', ...this.channels.keys()];
  }

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => (this.running = undefined));
    }, this.deps.tickMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    for (const n of this.deps.notifiers) await n.close?.();
  }

  /** One pass: plan what the new ticket events call for, then send what is due. Exposed for tests. */
  async tick(): Promise<void> {
    for (const e of [...this.triggers.values()]) {
      try {
        await this.enqueue(e);
      } catch (err) {
        this.deps.logger.warn({ err, event: e.event_id }, 'notification not planned yet; retried next tick');
      }
    }
    if (!this.deps.sender) return;
    const now = this.deps.now();
    for (const d of this.state.deliveries.values())
      if (d.state === 'pending' && d.nextAt <= now && d.notBefore <= now) await this.deliver(d);
  }

  /**
   * A condition the api observed rather than an event on the log (an SLA clock at 80 % or breached):
   * planned once under `triggerId`, like an event.
   */
  async raise(triggerId: string, ticketId: string, type: string, data: Record<string, unknown>): Promise<void> {
    if (this.state.notifications.has(triggerId) || this.triggers.has(triggerId)) return;
    const at = new Date(this.deps.now()).toISOString();
    const actor = { id: SYSTEM_PRINCIPAL.id, role: SYSTEM_PRINCIPAL.role, name: SYSTEM_PRINCIPAL.name };
    await this.enqueue({
      v: 1,
      event_id: triggerId,
      entity: 'ticket',
      entity_id: ticketId,
      type,
      at,
      actor,
      unit_code: '',
      issue_type: 0,
      priority: '',
      before: null,
      after: null,
      data,
    });
  }

  async markRead(p: Principal, ids: string[]): Promise<void> {
    await this.record(p, `r-${hashKey(p.id)}`, 'read', { person: p.id, ids }, this.state.readVersion(p.id));
  }

  async setPreferences(p: Principal, preferences: unknown): Promise<void> {
    await this.record(
      p,
      `p-${hashKey(p.id)}`,
      'preferences_set',
      { person: p.id, preferences },
      this.state.prefsVersion(p.id),
    );
  }

  private async enqueue(e: WorkflowEvent): Promise<void> {
    const { accounts, registry, now } = this.deps;
    const ticket = this.deps.tickets.get(SYSTEM_PRINCIPAL, e.entity_id);
    const plan = planFor({ event: e, ticket, people: accounts.people(), onDuty: this.deps.onDuty(now()), registry });
    if (!plan || (plan.audience.length === 0 && !plan.teams)) {
      this.triggers.delete(e.event_id);
      return;
    }
    const recipients: RecipientPlan[] = plan.audience.map((p) => this.recipient(p, ticket.priority));
    if (plan.teams && this.channels.has('teams'))
      recipients.push({
        id: 'teams-channel',
        name: 'Microsoft Teams',
        channels: [{ channel: 'teams', not_before: null }],
      });
    const notification: PlannedNotification = {
      id: e.event_id,
      at: new Date(now()).toISOString(),
      trigger: e.event_id,
      ticket_id: ticket.id,
      priority: ticket.priority,
      title: plan.title,
      body: plan.body,
      link: `${this.deps.publicUrl()}/tickets/${encodeURIComponent(ticket.id)}`,
      recipients,
    };
    try {
      await this.record(SYSTEM_PRINCIPAL, `n-${hashKey(e.event_id)}`, 'enqueued', { notification }, 0, ticket);
    } catch (err) {
      // Another replica (or this one before a restart) planned it first.
      if (!(err instanceof VersionConflictError)) throw err;
      this.triggers.delete(e.event_id);
    }
  }

  private recipient(p: Principal, priority: string): RecipientPlan {
    const prefs = this.state.preferences(p.id);
    const contact = this.deps.contacts.ofAccount(p.id);
    const wanted = new Set<Channel>(['inapp', ...prefs.channels]);
    const deferUntil = notBefore(prefs, priority, this.deps.now());
    const usable = (c: Channel) =>
      c === 'inapp' ||
      (c === 'email' && this.channels.has('email') && !!contact?.email) ||
      (c === 'zalo' && this.channels.has('zalo') && !!contact?.zalo_phone);
    return {
      id: p.id,
      name: p.name,
      ...(contact?.email ? { email: contact.email } : {}),
      ...(contact?.zalo_phone ? { zalo_phone: contact.zalo_phone } : {}),
      channels: [...wanted].filter(usable).map((channel) => ({
        channel,
        not_before: channel !== 'inapp' && deferUntil > this.deps.now() ? new Date(deferUntil).toISOString() : null,
      })),
    };
  }

  private async deliver(d: DeliveryState): Promise<void> {
    const n = this.state.notifications.get(d.notificationId);
    const notifier = this.channels.get(d.channel);
    if (!n) return;
    const attempts = d.attempts + 1;
    try {
      if (!notifier) throw new PermanentDeliveryError(`channel ${d.channel} is not configured`);
      const { text, html } = emailBodies(n);
      await notifier.send({
        key: d.key,
        channel: d.channel,
        to: d.recipient,
        priority: n.priority,
        title: n.title.vi,
        text,
        html,
        link: n.link,
        ticketId: n.ticket_id,
      });
      await this.outcome(d, 'delivered', { attempts });
      this.deps.observe?.(d.channel, 'sent');
    } catch (err) {
      if (err instanceof VersionConflictError) return;
      const error = err instanceof Error ? err.message : String(err);
      if (err instanceof PermanentDeliveryError || attempts >= this.deps.retry.maxAttempts) {
        await this.outcome(d, 'dead_lettered', { attempts, error }).catch(() => undefined);
        this.deps.observe?.(d.channel, 'dead_lettered');
        this.deps.logger.warn(
          { key: d.key, channel: d.channel, to: d.recipient.id, error },
          'notification dead-lettered',
        );
        return;
      }
      const { baseMs, maxMs } = this.deps.retry;
      const next = this.deps.now() + Math.min(maxMs, baseMs * 2 ** (attempts - 1));
      await this.outcome(d, 'attempt_failed', { attempts, error, next_at: new Date(next).toISOString() }).catch(
        () => undefined,
      );
      this.deps.observe?.(d.channel, 'retry');
    }
  }

  private outcome(d: DeliveryState, type: string, data: Record<string, unknown>): Promise<void> {
    const n = this.state.notifications.get(d.notificationId);
    return this.record(
      SYSTEM_PRINCIPAL,
      `d-${d.key}`,
      type,
      { key: d.key, channel: d.channel, to: d.recipient.id, ...data },
      d.version,
      n ? { id: n.ticket_id ?? '', priority: n.priority } : undefined,
    );
  }

  private async record(
    actor: Principal,
    subjectKey: string,
    type: string,
    data: Record<string, unknown>,
    expectedVersion: number,
    ticket?: { id: string; priority: string; unit_code?: string },
  ): Promise<void> {
    const event: WorkflowEvent = {
      v: 1,
      event_id: randomUUID(),
      entity: 'notification',
      entity_id: subjectKey,
      type,
      at: new Date(this.deps.now()).toISOString(),
      actor: { id: actor.id, role: actor.role, name: actor.name },
      unit_code: ticket?.unit_code ?? '',
      issue_type: 0,
      priority: ticket?.priority ?? '',
      before: null,
      after: ticket ? { ticket_id: ticket.id } : null,
      data,
    };
    // The msg-id makes a retried append after a lost ack the same event, not a second one.
    const msgId = type === 'enqueued' ? `notify:${subjectKey}` : event.event_id;
    await this.deps.log.append(SUBJECTS.notification(subjectKey), event, { msgId, expectedVersion });
  }
}
