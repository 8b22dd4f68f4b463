import type { Logger, MetricsRegistry } from '@kh02/platform';
import { Counter, metric } from '@kh02/platform';
import {
  EmailNotifier,
  escalateOverdue,
  watchClocks,
  NotificationOutbox,
  registerNotifyRoutes,
  RosterService,
  createDemoRoster,
  TeamsWebhookNotifier,
  ZaloZnsNotifier,
  type Notifier,
  type WorkingCalendar,
} from '@kh02/api';
import type { Registry } from '@kh02/schemas/registry';
import type { FastifyInstance } from 'fastify';
import type { ApiEnv } from '../env/api-env.js';
import type { Records } from '../records.js';
import { startMailSink, type MailSink } from './mail-sink.js';

export interface Notifications {
  outbox: NotificationOutbox;
  roster: RosterService;
  registerRoutes(app: FastifyInstance): void;
  /** After the event log is replayed: seed the demo roster, start sending and the escalation check. */
  start(): Promise<void>;
  stop(): Promise<void>;
  mailSink: MailSink | undefined;
}

function deliveryCounter(metrics: MetricsRegistry) {
  return metric(
    metrics,
    'kh02_notifications_total',
    () =>
      new Counter({
        name: 'kh02_notifications_total',
        help: 'Notification deliveries by channel and outcome (sent, retry, dead_lettered)',
        labelNames: ['channel', 'outcome'],
        registers: [metrics],
      }),
  );
}

/** The notifiers the configuration asks for; email via SMTP_HOST, else the local sink, else off (logged). */
async function notifiers(env: ApiEnv, logger: Logger): Promise<{ list: Notifier[]; sink?: MailSink }> {
  const list: Notifier[] = [];
  let sink: MailSink | undefined;
  const from = env.SMTP_FROM;
  if (env.SMTP_HOST) {
    list.push(
      new EmailNotifier({
        host: env.SMTP_HOST,
        port: env.SMTP_PORT,
        secure: env.SMTP_SECURE,
        requireTls: env.SMTP_REQUIRE_TLS,
        rejectUnauthorized: env.SMTP_TLS_REJECT_UNAUTHORIZED,
        ...(env.SMTP_USER ? { user: env.SMTP_USER, password: env.SMTP_PASSWORD ?? '' } : {}),
        from,
        messageIdDomain: 'kh02.notify',
      }),
    );
  } else if (env.MAIL_SINK) {
    try {
      sink = await startMailSink(env.DATA_DIR, env.MAIL_SINK_PORT, logger);
      list.push(
        new EmailNotifier({
          host: '127.0.0.1',
          port: sink.port,
          secure: false,
          requireTls: false,
          rejectUnauthorized: true,
          from,
          messageIdDomain: 'kh02.notify',
        }),
      );
    } catch (err) {
      logger.warn({ err, port: env.MAIL_SINK_PORT }, 'demo mailbox could not listen: email notifications are OFF');
    }
  } else {
    logger.warn('no SMTP_HOST and MAIL_SINK=false: email notifications are OFF (in-app only)');
  }
  if (env.ZALO_ZNS_URL) {
    if (!env.ZALO_ACCESS_TOKEN || !env.ZALO_TEMPLATE_ID)
      throw new Error('ZALO_ZNS_URL needs ZALO_ACCESS_TOKEN and ZALO_TEMPLATE_ID');
    list.push(
      new ZaloZnsNotifier({
        url: env.ZALO_ZNS_URL,
        accessToken: env.ZALO_ACCESS_TOKEN,
        templateId: env.ZALO_TEMPLATE_ID,
      }),
    );
  }
  if (env.TEAMS_WEBHOOK_URL) list.push(new TeamsWebhookNotifier({ url: env.TEAMS_WEBHOOK_URL }));
  return { list, ...(sink ? { sink } : {}) };
}

/** The notification outbox, the duty roster and the 24 h escalation check, built before the event log replays. */
export async function createNotifications(deps: {
  env: ApiEnv;
  records: Records;
  registry: Registry;
  calendar: WorkingCalendar;
  logger: Logger;
  metrics: MetricsRegistry;
  now: () => number;
  publicUrl: () => string;
}): Promise<Notifications> {
  const { env, records, logger, now } = deps;
  const log = logger.child({ component: 'notify' });
  const roster = new RosterService(records.log, deps.calendar, (id) => records.accounts.person(id), now);
  const channels = await notifiers(env, log);
  const counter = deliveryCounter(deps.metrics);
  const outbox = new NotificationOutbox({
    log: records.log,
    tickets: records.tickets,
    accounts: records.accounts,
    contacts: records.contacts,
    registry: deps.registry,
    notifiers: channels.list,
    onDuty: (at) => {
      const duty = roster.onDuty(at);
      return duty.off_hours ? duty.people.map((p) => p.account_id) : [];
    },
    now,
    logger: log,
    publicUrl: () => env.PUBLIC_URL?.replace(/\/$/, '') ?? deps.publicUrl(),
    sender: env.NOTIFY_SENDER,
    retry: { baseMs: env.NOTIFY_RETRY_BASE_MS, maxMs: env.NOTIFY_RETRY_MAX_MS, maxAttempts: env.NOTIFY_MAX_ATTEMPTS },
    tickMs: env.NOTIFY_TICK_MS,
    horizonMs: env.NOTIFY_HORIZON_HOURS * 3_600_000,
    observe: (channel, outcome) => counter.inc({ channel, outcome }),
  });
  let escalation: NodeJS.Timeout | undefined;
  return {
    outbox,
    roster,
    mailSink: channels.sink,
    registerRoutes: (app) =>
      registerNotifyRoutes(app, {
        accounts: records.accounts,
        outbox,
        roster,
        tickets: records.tickets,
        registry: deps.registry,
      }),
    start: async () => {
      const lead = records.accounts.person('u-cc.totruong');
      if (env.DEMO_ACCOUNTS && lead && roster.week(mondayOf(now())) === null)
        await createDemoRoster(roster, lead, now());
      outbox.start();
      escalation = setInterval(() => {
        void escalateOverdue(records.tickets, log);
        void watchClocks(records.tickets, (...a) => outbox.raise(...a), log);
      }, env.ESCALATION_CHECK_MS);
    },
    stop: async () => {
      clearInterval(escalation);
      await outbox.stop();
      await channels.sink?.close();
    },
  };
}

function mondayOf(ms: number): string {
  const d = new Date(ms + 7 * 3_600_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)))
    .toISOString()
    .slice(0, 10);
}
