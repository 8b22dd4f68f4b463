/*
 * Sign-in: POST /api/v1/auth/login → a personal session token and who it belongs to.
 * Sign-out: POST /api/v1/auth/logout ends that session on the server too.
 */
import { LoginResultSchema, type LoginResult } from '@kh02/schemas';
import type { RestClient } from './rest';

export function login(rest: RestClient, username: string, password: string): Promise<LoginResult> {
  return rest.post('/api/v1/auth/login', { username, password }, LoginResultSchema, { auth: false });
}

/**
 * Ends this tab's session on the server. The token is read when the call starts, so the caller may
 * forget it locally right after; the answer (204, or 401 for a session already ended) is not needed.
 */
export function logout(rest: RestClient): Promise<void> {
  return rest.post('/api/v1/auth/logout', {}, { parse: () => undefined });
}
