import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Registry } from '@kh02/schemas/registry';
import type { Bus, Logger } from '@kh02/platform';
import { defaultSlaPolicy, type WorkingCalendar } from '../calendar/index.js';
import { AccountService } from '../auth/accounts.js';
import { createDemoAccounts } from '../auth/demo-accounts.js';
import { SYSTEM_PRINCIPAL } from '../auth/principal.js';
import { SessionTokens } from '../auth/sessions.js';
import type { ApiEnv } from '../env.js';
import { TicketService } from '../tickets/ticket-service.js';
import { ConfigAudit } from './config-audit.js';
import { ExportAudit } from '../audit/export-audit.js';
import { WorkflowLog } from './workflow-log.js';

export interface Workflow {
  log: WorkflowLog;
  config: ConfigAudit;
  exportAudit: ExportAudit;
  accounts: AccountService;
  tickets: TicketService;
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

/** Builds tickets and accounts on the workflow log; `start()` replays the log before the wall goes live. */
export async function createWorkflow(deps: {
  env: ApiEnv;
  bus: Bus;
  registry: Registry;
  calendar: WorkingCalendar;
  logger: Logger;
  now: () => number;
  onUnitChanged: (unitCode: string) => void;
}): Promise<Workflow & { start: () => Promise<void> }> {
  const { env, logger, now } = deps;
  const log = new WorkflowLog(deps.bus, logger.child({ component: 'workflow' }));
  const config = new ConfigAudit(log);
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
    onUnitChanged: deps.onUnitChanged,
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
      logger.info({ file }, 'demo accounts created (one per role); passwords in the file');
    }
  };
  return {
    log,
    config,
    exportAudit: new ExportAudit(log, now),
    accounts,
    tickets,
    attachmentsDir: env.ATTACHMENTS_DIR ?? join(env.DATA_DIR, 'attachments'),
    start,
  };
}
