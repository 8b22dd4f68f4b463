import { randomUUID } from 'node:crypto';
import { DomainError } from '@kh02/platform';
import { bilingual, RoleSchema, SUBJECTS, WorkingGroupSchema, type WorkflowEvent } from '@kh02/schemas';
import { z } from 'zod';
import { VersionConflictError, type EventLog } from '../event-log/event-log.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import type { Principal } from './principal.js';
import type { SessionTokens } from './sessions.js';

export const NewAccountSchema = z.strictObject({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/),
  name: z.string().min(1).max(120),
  role: RoleSchema,
  unit_code: z
    .string()
    .regex(/^(\d{2}|[A-Z][A-Z0-9]{1,11})$/)
    .optional(),
  focal_kind: z.enum(['leadership', 'technical']).optional(),
  vendor_code: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{1,11}$/)
    .optional(),
  group: WorkingGroupSchema.optional(),
  lead: z.boolean().optional(),
  block: z.enum(['government_local', 'party_na_front']).optional(),
  password: z.string().min(1).max(200),
  /** Requirement 65: access only after the confidentiality commitment is signed. */
  confidentiality_signed: z.literal(true),
});
export type NewAccount = z.infer<typeof NewAccountSchema>;

interface Account extends Principal {
  passwordHash: string;
  sessionVersion: number;
  disabled: boolean;
  confidentialitySignedAt: string;
  version: number;
}

/** What an account looks like in audit events and API answers: never the password hash. */
function publicView(a: Omit<Account, 'passwordHash' | 'version'>): Record<string, unknown> {
  const {
    id,
    username,
    name,
    role,
    unitCode,
    focalKind,
    vendorCode,
    group,
    lead,
    block,
    disabled,
    confidentialitySignedAt,
  } = a;
  return {
    id,
    username,
    name,
    role,
    unitCode,
    focalKind,
    vendorCode,
    group,
    lead,
    block,
    disabled,
    confidentialitySignedAt,
  };
}

function scopeProblem(a: NewAccount): string | null {
  if (a.role === 'unit_focal' && (!a.unit_code || !a.focal_kind)) return 'unit_focal needs unit_code and focal_kind';
  if (a.role === 'vendor_focal' && !a.vendor_code) return 'vendor_focal needs vendor_code';
  if (a.role === 'working_group' && !a.group) return 'working_group needs group';
  return null;
}

const unauthorized = () =>
  new DomainError('UNAUTHENTICATED', 401, bilingual('Sai tên đăng nhập hoặc mật khẩu.', 'Wrong username or password.'));

/**
 * Individual accounts (requirement 4), event-sourced on the workflow log so
 * every create, password change and disable is in the audit trail.
 */
export class AccountService {
  private readonly byId = new Map<string, Account>();
  private readonly byUsername = new Map<string, string>();
  private readonly failures = new Map<string, number[]>();
  /** Sessions signed out before they expired: sid → expiry (ms). Rebuilt from the log on every start. */
  private readonly endedSessions = new Map<string, number>();

  constructor(
    private readonly log: EventLog,
    private readonly sessions: { user: SessionTokens; display: SessionTokens },
    private readonly now: () => number,
  ) {
    log.on('account', (e, seq) => this.apply(e, seq));
  }

  count(): number {
    return this.byId.size;
  }

  /** An active account's principal (to name a person a ticket is handed to, or a notification's recipient). */
  person(id: string): Principal | undefined {
    const a = this.byId.get(id);
    return a && !a.disabled ? this.principal(a) : undefined;
  }

  /** Every active account, as principals (the focal-point register and notification recipients read these). */
  people(): Principal[] {
    return [...this.byId.values()].filter((a) => !a.disabled).map((a) => this.principal(a));
  }

  list(): Record<string, unknown>[] {
    return [...this.byId.values()].map((a) => publicView(a));
  }

  async create(actor: Principal, input: NewAccount): Promise<Record<string, unknown>> {
    const weak = passwordProblem(input.password);
    if (weak) throw new DomainError('VALIDATION_FAILED', 400, weak);
    const scope = scopeProblem(input);
    if (scope)
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        bilingual(`Phạm vi tài khoản chưa đủ: ${scope}.`, `Incomplete account scope: ${scope}.`),
      );
    if (this.byUsername.has(input.username))
      throw new DomainError('CONFLICT', 409, bilingual('Tên đăng nhập đã tồn tại.', 'Username already exists.'));
    const at = new Date(this.now()).toISOString();
    const account: Omit<Account, 'version'> = {
      id: `u-${input.username}`,
      username: input.username,
      name: input.name,
      role: input.role,
      ...(input.unit_code ? { unitCode: input.unit_code } : {}),
      ...(input.focal_kind ? { focalKind: input.focal_kind } : {}),
      ...(input.vendor_code ? { vendorCode: input.vendor_code } : {}),
      ...(input.group ? { group: input.group } : {}),
      ...(input.lead ? { lead: true } : {}),
      ...(input.block ? { block: input.block } : {}),
      passwordHash: await hashPassword(input.password),
      sessionVersion: 1,
      disabled: false,
      confidentialitySignedAt: at,
    };
    await this.append(actor, account.id, 'created', null, publicView(account), { account }, 0);
    return publicView(account);
  }

  async changePassword(actor: Principal, id: string, password: string): Promise<void> {
    const a = this.require(id);
    const weak = passwordProblem(password);
    if (weak) throw new DomainError('VALIDATION_FAILED', 400, weak);
    await this.append(
      actor,
      id,
      'password_changed',
      publicView(a),
      publicView(a),
      { passwordHash: await hashPassword(password) },
      a.version,
    );
  }

  async disable(actor: Principal, id: string): Promise<void> {
    const a = this.require(id);
    await this.append(actor, id, 'disabled', publicView(a), { ...publicView(a), disabled: true }, {}, a.version);
  }

  /** Checks the password (constant-time KDF compare), throttles guessing, issues a session token. */
  async login(
    username: string,
    password: string,
  ): Promise<{ token: string; expires_at: string; principal: Principal }> {
    const now = this.now();
    const recent = (this.failures.get(username) ?? []).filter((t) => t > now - 5 * 60_000);
    if (recent.length >= 10) {
      throw new DomainError(
        'RATE_LIMITED',
        429,
        bilingual(
          'Đăng nhập sai quá nhiều lần; hãy thử lại sau 5 phút.',
          'Too many failed logins; try again in 5 minutes.',
        ),
      );
    }
    const a = this.byId.get(this.byUsername.get(username) ?? '');
    if (!a || a.disabled || !(await verifyPassword(password, a.passwordHash))) {
      this.failures.set(username, [...recent, now]);
      throw unauthorized();
    }
    this.failures.delete(username);
    const tokens = a.role === 'display' ? this.sessions.display : this.sessions.user;
    const { token, expiresAt } = tokens.issue(a.id, a.sessionVersion, now);
    return { token, expires_at: expiresAt, principal: this.principal(a) };
  }

  /** The principal behind a session token, or null if it is invalid, expired, signed out or revoked. */
  authenticate(token: string): Principal | null {
    const now = this.now();
    const claims = this.sessions.user.verify(token, now) ?? this.sessions.display.verify(token, now);
    const a = claims ? this.byId.get(claims.sub) : undefined;
    if (!a || !claims || a.disabled || a.sessionVersion !== claims.ver) return null;
    if (claims.sid !== undefined && this.endedSessions.has(claims.sid)) return null;
    return this.principal(a);
  }

  /**
   * Ends this one session (the person's other tabs and devices keep theirs). Recorded on the workflow
   * log, so every api replica and a restart know it; the token itself is never logged, only its id.
   */
  async logout(token: string): Promise<void> {
    const now = this.now();
    const claims = this.sessions.user.verify(token, now);
    if (!claims?.sid) return;
    for (let attempt = 0; ; attempt++) {
      const a = this.require(claims.sub);
      try {
        await this.append(a, a.id, 'session_ended', null, {}, { sid: claims.sid, exp: claims.exp }, a.version);
        return;
      } catch (err) {
        // The same account changed meanwhile (e.g. the person signed out in two tabs at once): retry on the new version.
        if (!(err instanceof VersionConflictError) || attempt >= 3) throw err;
      }
    }
  }

  private principal(a: Account): Principal {
    const { passwordHash: _h, sessionVersion: _v, disabled: _d, confidentialitySignedAt: _c, version: _ver, ...p } = a;
    return p;
  }

  private require(id: string): Account {
    const a = this.byId.get(id);
    if (!a) throw new DomainError('NOT_FOUND', 404, bilingual(`Không có tài khoản ${id}.`, `No account ${id}.`));
    return a;
  }

  private async append(
    actor: Principal,
    id: string,
    type: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
    data: Record<string, unknown>,
    expectedVersion: number,
  ): Promise<void> {
    const event: WorkflowEvent = {
      v: 1,
      event_id: randomUUID(),
      entity: 'account',
      entity_id: id,
      type,
      at: new Date(this.now()).toISOString(),
      actor: { id: actor.id, role: actor.role, name: actor.name },
      unit_code:
        typeof after.unitCode === 'string'
          ? after.unitCode
          : typeof after.vendorCode === 'string'
            ? after.vendorCode
            : '',
      issue_type: 0,
      priority: '',
      before,
      after,
      data,
    };
    await this.log.append(SUBJECTS.account(id), event, { msgId: event.event_id, expectedVersion });
  }

  private apply(e: WorkflowEvent, seq: number): void {
    const current = this.byId.get(e.entity_id);
    if (e.type === 'created') {
      if (current) return;
      const account = { ...(e.data.account as Omit<Account, 'version'>), version: seq };
      this.byId.set(account.id, account);
      this.byUsername.set(account.username, account.id);
      return;
    }
    if (!current || seq <= current.version) return;
    const next: Account = { ...current, version: seq };
    if (e.type === 'session_ended') this.endSession(String(e.data.sid), Number(e.data.exp));
    if (e.type === 'password_changed') {
      next.passwordHash = String(e.data.passwordHash);
      next.sessionVersion++;
    } else if (e.type === 'disabled') {
      next.disabled = true;
      next.sessionVersion++;
    }
    this.byId.set(next.id, next);
  }

  private endSession(sid: string, expMs: number): void {
    // Past its expiry a token is refused anyway: forget such ids so the set stays as small as the live sessions.
    const now = this.now();
    for (const [id, exp] of this.endedSessions) if (exp <= now) this.endedSessions.delete(id);
    if (expMs > now) this.endedSessions.set(sid, expMs);
  }
}
