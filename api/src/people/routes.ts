import { ContactInputSchema, PartySchema, represents, type Principal } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';
import type { FastifyInstance } from 'fastify';
import type { AccountService } from '../auth/accounts.js';
import { requireSession } from '../auth/auth-hooks.js';
import type { ContactService } from './contacts.js';
import { focalRegister } from './focal-register.js';
import { person } from './route-helpers.js';
import { failWith, parseBody } from '../routes/route-bodies.js';

export interface PeopleRouteDeps {
  accounts: AccountService;
  contacts: ContactService;
  registry: Registry;
}

const CONTACT_ID = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** The contact directory (Phụ lục IX), the focal-point register and a party's members; any signed-in person but the wall display. */
export function registerPeopleRoutes(app: FastifyInstance, deps: PeopleRouteDeps): void {
  const auth = requireSession(deps.accounts);

  app.get<{ Querystring: { q?: string } }>('/api/v1/contacts', { preHandler: auth }, (req, reply) => {
    if (!person(req, reply)) return reply;
    const q = String(req.query.q ?? '').slice(0, 200);
    const contacts = deps.contacts.search(q);
    return reply.send({ q, total: contacts.length, contacts });
  });

  app.put<{ Params: { id: string } }>('/api/v1/contacts/:id', { preHandler: auth }, async (req, reply) => {
    const p = person(req, reply);
    if (!p) return reply;
    if (!CONTACT_ID.test(req.params.id))
      return reply.code(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: {
            vi: 'Mã mục danh bạ không hợp lệ (a-z, 0-9, . _ -).',
            en: 'Invalid contact id (a-z, 0-9, . _ -).',
          },
        },
      });
    const input = parseBody(ContactInputSchema, req.body, reply);
    if (!input) return reply;
    try {
      return reply.send(await deps.contacts.put(p, req.params.id, input));
    } catch (err) {
      return failWith(reply, err);
    }
  });

  app.get('/api/v1/focal-points', { preHandler: auth }, (req, reply) => {
    if (!person(req, reply)) return reply;
    return reply.send(focalRegister(deps.registry, deps.accounts.people()));
  });

  /** The members of a party, for "hand this ticket to …": `?party=working_group:WG3`. */
  app.get<{ Querystring: { party?: string } }>('/api/v1/people', { preHandler: auth }, (req, reply) => {
    if (!person(req, reply)) return reply;
    const [kind, code] = String(req.query.party ?? '').split(':');
    const party = PartySchema.safeParse({ kind, code });
    if (!party.success)
      return reply.code(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: {
            vi: 'Tham số party phải có dạng kind:code (vendor:VNPT, unit:01, working_group:WG3).',
            en: 'party must be kind:code (vendor:VNPT, unit:01, working_group:WG3).',
          },
        },
      });
    const members = deps.accounts
      .people()
      .filter((m: Principal) => represents(m, party.data))
      .map((m) => ({ id: m.id, name: m.name, role: m.role, lead: m.lead === true, focal_kind: m.focalKind ?? null }));
    return reply.send({ party: party.data, members });
  });
}
