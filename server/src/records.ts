import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Registry } from '@kh02/schemas/registry';
import type { Bus, Logger } from '@kh02/platform';
import {
  AccountService,
  ConfigAudit,
  ContactService,
  createDemoAccounts,
  createDemoContacts,
  defaultSlaPolicy,
  EventLog,
  isWorkingDay,
  ExportAudit,
  MaintenanceService,
  SessionTokens,
  SYSTEM_PRINCIPAL,
  TaskService,
  TicketService,
  type Thresholds,
  type WorkingCalendar,
} from '@kh02/api';
import type { ApiEnv } from './env/api-env.js';

/** The Command Center's records, event-sourced on the workflow stream: tickets, accounts, configuration and export audit. */
export interface Records {
  log: EventLog;
  config: ConfigAudit;
  exportAudit: ExportAudit;
  accounts: AccountService;
  tickets: TicketService;
  contacts: ContactService;
  maintenance: MaintenanceService;
  tasks: TaskService;
  attachmentsDir: string;
}

/** The session signing secret: from the environment, or generated once per data directory (0600). */
async function sessionSecret(env: ApiEnv): Promise<string> {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  const file = join(env.DATA_DIR, 'session-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(48).toString('base64url');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, secret, { mode: 0o600 });
    await chmod(file, 0o600);
    return secret;
  }
}

/** Builds tickets and accounts on the event log; `start()` replays the log (and creates first accounts) before the wall goes live. */
export async function createRecords(deps: {
  env: ApiEnv;
  bus: Bus;
  registry: Registry;
  calendar: WorkingCalendar;
  logger: Logger;
  now: () => number;
  /** The task_progress colour rules, per unit (status thresholds). */
  taskThresholds: (unitCode?: string) => Thresholds['taskProgress'];
}): Promise<Records & { start: () => Promise<void> }> {
  const { env, logger, now } = deps;
  const log = new EventLog(deps.bus, logger.child({ component: 'event-log' }));
  const secret = await sessionSecret(env);
  const accounts = new AccountService(
    log,
    {
      user: new SessionTokens(secret, env.SESSION_TTL_HOURS * 3_600_000),
      display: new SessionTokens(`${secret}:display`, env.DISPLAY_SESSION_TTL_DAYS * 86_400_000),
    },
    now,
  );
  const tickets = new TicketService({
    log,
    registry: deps.registry,
    calendar: deps.calendar,
    policy: defaultSlaPolicy,
    now,
    person: (id) => accounts.person(id),
  });
  const contacts = new ContactService(log, deps.registry, now);
  const maintenance = new MaintenanceService({ log, registry: deps.registry, now });
  const tasks = new TaskService({
    log,
    registry: deps.registry,
    now,
    isWorkingDay: (d) => isWorkingDay(deps.calendar, d),
    thresholds: deps.taskThresholds,
  });
  const start = async () => {
    await log.start();
    if (accounts.count() > 0) return;
    if (env.BOOTSTRAP_ADMIN_USERNAME && env.BOOTSTRAP_ADMIN_PASSWORD) {
      await accounts.create(SYSTEM_PRINCIPAL, {
        username: env.BOOTSTRAP_ADMIN_USERNAME,
        name: 'Quản trị viên',
        role: 'cc_lead',
        password: env.BOOTSTRAP_ADMIN_PASSWORD,
        confidentiality_signed: true,
      });
      logger.info({ username: env.BOOTSTRAP_ADMIN_USERNAME }, 'bootstrap administrator created');
    } else if (env.DEMO_ACCOUNTS) {
      const file = join(env.DATA_DIR, 'demo-accounts.json');
      await createDemoAccounts(accounts, file);
      await createDemoContacts(contacts);
      logger.info({ file }, 'demo accounts created (one per role); passwords in the file');
    }
  };
  return {
    log,
    config: new ConfigAudit(log),
    exportAudit: new ExportAudit(log, now),
    accounts,
    tickets,
    contacts,
    maintenance,
    tasks,
    attachmentsDir: env.ATTACHMENTS_DIR ?? join(env.DATA_DIR, 'attachments'),
    start,
  };
}
