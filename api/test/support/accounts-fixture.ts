import { busTopology, LocalBus } from '@kh02/platform';
import type { WorkflowEvent } from '@kh02/schemas';
import { ExportAudit } from '../../src/audit/export-audit.js';
import { AccountService, type NewAccount } from '../../src/auth/accounts.js';
import { SYSTEM_PRINCIPAL } from '../../src/auth/principal.js';
import { SessionTokens } from '../../src/auth/sessions.js';
import { EventLog } from '../../src/event-log/event-log.js';
import { silent } from '@kh02/testkit';

type Person = Omit<NewAccount, 'password' | 'confidentiality_signed'>;

/** One account per role the access rules tell apart. */
export const PEOPLE = {
  analyst: { username: 'cc.phantich', name: 'Nhóm Phân tích', role: 'cc_analysis' },
  display: { username: 'tuong.hienthi', name: 'Màn hình tường', role: 'display' },
  vendor: { username: 'vnpt.daumoi', name: 'Đầu mối VNPT', role: 'vendor_focal', vendor_code: 'VNPT' },
  hanoi: {
    username: 'hanoi.kythuat',
    name: 'Đầu mối kỹ thuật Hà Nội',
    role: 'unit_focal',
    unit_code: '01',
    focal_kind: 'technical',
  },
  group: { username: 'nhom3.truong', name: 'Trưởng Nhóm 3', role: 'working_group', group: 'WG3', lead: true },
} satisfies Record<string, Person>;
export type PersonKey = keyof typeof PEOPLE;

/** Real accounts and a real export audit on an in-memory bus, with a signed-in token per person. */
export async function accountsFixture(now: () => number = Date.now) {
  const bus = new LocalBus(busTopology());
  await bus.start();
  const log = new EventLog(bus, silent);
  const accounts = new AccountService(
    log,
    { user: new SessionTokens('x'.repeat(40), 3_600_000), display: new SessionTokens('y'.repeat(40), 3_600_000) },
    now,
  );
  const exports: WorkflowEvent[] = [];
  log.on('export', (e) => exports.push(e));
  await log.start();
  const tokens = {} as Record<PersonKey, string>;
  for (const [key, person] of Object.entries(PEOPLE) as [PersonKey, Person][]) {
    const password = `Mk-${key}-2026-an-toan`;
    await accounts.create(SYSTEM_PRINCIPAL, { ...person, password, confidentiality_signed: true });
    tokens[key] = (await accounts.login(person.username, password)).token;
  }
  return {
    accounts,
    exportAudit: new ExportAudit(log, now),
    /** Export events recorded so far, in order. */
    exports,
    tokens,
    close: () => bus.close(),
  };
}
