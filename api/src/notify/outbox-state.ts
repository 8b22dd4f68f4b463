import { createHash } from 'node:crypto';
import {
  DEFAULT_PREFERENCES,
  type BilingualText,
  type Channel,
  type Notification,
  type Preferences,
  type WorkflowEvent,
} from '@kh02/schemas';

export const hashKey = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** The delivery key: one per notification × recipient × channel, the unit of "sent exactly once". */
export const deliveryKey = (notificationId: string, recipientId: string, channel: Channel) =>
  hashKey(`${notificationId}\u0000${recipientId}\u0000${channel}`);

export interface RecipientPlan {
  id: string;
  name: string;
  email?: string;
  zalo_phone?: string;
  /** Per channel: not before when (quiet hours), ISO; null = now. */
  channels: { channel: Channel; not_before: string | null }[];
}

/** What an `enqueued` event carries: the decision, made once and durable before anything is sent. */
export interface PlannedNotification {
  id: string;
  at: string;
  trigger: string;
  ticket_id: string | null;
  priority: string;
  title: BilingualText;
  body: BilingualText;
  link: string;
  recipients: RecipientPlan[];
}

export interface DeliveryState {
  key: string;
  notificationId: string;
  recipient: RecipientPlan;
  channel: Channel;
  notBefore: number;
  attempts: number;
  nextAt: number;
  state: 'pending' | 'sent' | 'failed';
  error: string | null;
  /** Sequence of the delivery's own subject, for optimistic appends of its outcome. */
  version: number;
}

/**
 * The outbox as folded from the event log: which notifications were planned,
 * each delivery's state, what each person read, their preferences. Every
 * replica and every restart rebuilds the same state, so a delivery recorded
 * `delivered` is never sent again.
 */
export class OutboxState {
  readonly notifications = new Map<string, PlannedNotification>();
  readonly deliveries = new Map<string, DeliveryState>();
  private readonly readBy = new Map<string, { ids: Set<string>; version: number }>();
  private readonly prefs = new Map<string, { prefs: Preferences; version: number }>();

  apply(e: WorkflowEvent, seq: number): void {
    switch (e.type) {
      case 'enqueued':
        return this.enqueued(e.data.notification as PlannedNotification, seq);
      case 'delivered':
      case 'attempt_failed':
      case 'dead_lettered':
        return this.outcome(e, seq);
      case 'read': {
        const person = String(e.data.person);
        const r = this.readBy.get(person) ?? { ids: new Set<string>(), version: 0 };
        if (seq <= r.version) return;
        for (const id of e.data.ids as string[]) r.ids.add(id);
        this.readBy.set(person, { ids: r.ids, version: seq });
        return;
      }
      case 'preferences_set':
        this.prefs.set(String(e.data.person), { prefs: e.data.preferences as Preferences, version: seq });
        return;
      default:
        return;
    }
  }

  preferences(personId: string): Preferences {
    return this.prefs.get(personId)?.prefs ?? DEFAULT_PREFERENCES;
  }

  prefsVersion(personId: string): number {
    return this.prefs.get(personId)?.version ?? 0;
  }

  readVersion(personId: string): number {
    return this.readBy.get(personId)?.version ?? 0;
  }

  isRead(personId: string, notificationId: string): boolean {
    return this.readBy.get(personId)?.ids.has(notificationId) ?? false;
  }

  /** The in-app list of one person, newest first, with how each channel fared. */
  inbox(personId: string, limit = 200): Notification[] {
    const mine = [...this.notifications.values()].filter((n) => n.recipients.some((r) => r.id === personId));
    return mine
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, limit)
      .map((n) => this.view(n, personId));
  }

  /** Every delivery of a ticket's notifications (the ticket page shows the failed ones: "chưa gửi được email cho …"). */
  ticketDeliveries(ticketId: string): (DeliveryState & { at: string; title: BilingualText })[] {
    return [...this.deliveries.values()]
      .filter((d) => this.notifications.get(d.notificationId)?.ticket_id === ticketId)
      .map((d) => {
        const n = this.notifications.get(d.notificationId);
        return { ...d, at: n?.at ?? '', title: n?.title ?? { vi: '', en: '' } };
      });
  }

  private view(n: PlannedNotification, personId: string): Notification {
    const deliveries = [...this.deliveries.values()]
      .filter((d) => d.notificationId === n.id && d.recipient.id === personId)
      .map((d) => ({
        channel: d.channel,
        state: d.state === 'pending' && d.notBefore > Date.now() ? ('deferred' as const) : d.state,
        error: d.error,
      }));
    return {
      id: n.id,
      at: n.at,
      ticket_id: n.ticket_id,
      priority: n.priority,
      title: n.title,
      body: n.body,
      link: n.link,
      read: this.isRead(personId, n.id),
      deliveries,
    };
  }

  private enqueued(n: PlannedNotification, seq: number): void {
    if (this.notifications.has(n.id)) return;
    this.notifications.set(n.id, n);
    for (const r of n.recipients)
      for (const c of r.channels) {
        const key = deliveryKey(n.id, r.id, c.channel);
        if (this.deliveries.has(key)) continue;
        // In-app is delivered by being on the log: the enqueue itself is durable.
        const inApp = c.channel === 'inapp';
        const notBefore = c.not_before ? Date.parse(c.not_before) : 0;
        this.deliveries.set(key, {
          key,
          notificationId: n.id,
          recipient: r,
          channel: c.channel,
          notBefore,
          attempts: 0,
          nextAt: notBefore,
          state: inApp ? 'sent' : 'pending',
          error: null,
          version: inApp ? seq : 0,
        });
      }
  }

  private outcome(e: WorkflowEvent, seq: number): void {
    const d = this.deliveries.get(String(e.data.key));
    if (!d || seq <= d.version) return;
    d.version = seq;
    d.attempts = Number(e.data.attempts ?? d.attempts);
    if (e.type === 'delivered') {
      d.state = 'sent';
      d.error = null;
    } else if (e.type === 'dead_lettered') {
      d.state = 'failed';
      d.error = String(e.data.error);
    } else {
      d.error = String(e.data.error);
      d.nextAt = Date.parse(String(e.data.next_at));
    }
  }
}
