/*
 * Sign-in: POST /api/v1/auth/login → a personal session token and who it belongs to.
 * Sign-out: POST /api/v1/auth/logout ends that session on the server too.
 */
import { RoleSchema, WorkingGroupSchema, type Role, type WorkingGroup } from '@kh02/schemas';
import { isObject } from './parsers';
import type { Parser, RestClient } from './rest';

/** The signed-in person, as the api's Principal (api/src/auth/principal.ts). */
export interface Principal {
  id: string;
  username: string;
  name: string;
  role: Role;
  unitCode?: string;
  focalKind?: 'leadership' | 'technical';
  vendorCode?: string;
  group?: WorkingGroup;
  lead?: boolean;
  block?: 'government_local' | 'party_na_front';
}

export interface LoginResult {
  token: string;
  expires_at: string;
  principal: Principal;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const PrincipalParser: Parser<Principal> = {
  parse(data) {
    if (!isObject(data)) throw new TypeError('principal');
    const { id, username, name } = data;
    if (typeof id !== 'string' || typeof username !== 'string' || typeof name !== 'string')
      throw new TypeError('principal');
    const p: Principal = { id, username, name, role: RoleSchema.parse(data.role) };
    const unitCode = str(data.unitCode);
    const vendorCode = str(data.vendorCode);
    if (unitCode) p.unitCode = unitCode;
    if (vendorCode) p.vendorCode = vendorCode;
    if (data.focalKind === 'leadership' || data.focalKind === 'technical') p.focalKind = data.focalKind;
    if (data.group !== undefined) p.group = WorkingGroupSchema.parse(data.group);
    if (data.lead === true) p.lead = true;
    if (data.block === 'government_local' || data.block === 'party_na_front') p.block = data.block;
    return p;
  },
};

export const LoginResultParser: Parser<LoginResult> = {
  parse(data) {
    if (!isObject(data) || typeof data.token !== 'string' || typeof data.expires_at !== 'string')
      throw new TypeError('login');
    return { token: data.token, expires_at: data.expires_at, principal: PrincipalParser.parse(data.principal) };
  },
};

export function login(rest: RestClient, username: string, password: string): Promise<LoginResult> {
  return rest.post('/api/v1/auth/login', { username, password }, LoginResultParser, { auth: false });
}

/**
 * Ends this tab's session on the server. The token is read when the call starts, so the caller may
 * forget it locally right after; the answer (204, or 401 for a session already ended) is not needed.
 */
export function logout(rest: RestClient): Promise<void> {
  return rest.post('/api/v1/auth/logout', {}, { parse: () => undefined });
}
