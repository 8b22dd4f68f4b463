import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AssignTicketSchema,
  AssignPersonSchema,
  AttachmentUploadSchema,
  bilingual,
  CreateTicketSchema,
  TextBodySchema,
  type Reason,
  type UnitStatus,
} from '@kh02/schemas';
import { sendError } from '@kh02/platform';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AccountService } from '../auth/accounts.js';
import { requireSession } from '../auth/auth-hooks.js';
import type { Principal } from '../auth/principal.js';
import type { TicketAction } from '@kh02/schemas';
import type { TicketService } from './ticket-service.js';
import type { RedEpisode } from './ticket-views.js';
import { mayReadKpi } from '../auth/access.js';
import { failWith, idempotencyKeyOf, parseBody } from '../routes/route-bodies.js';

export interface TicketRouteDeps {
  tickets: TicketService;
  accounts: AccountService;
  /** The unit's live colour and reasons, recorded on a ticket opened from the wall. */
  unitStatus: (code: string) => { status: UnitStatus; reasons: Reason[] } | undefined;
  attachmentsDir: string;
  now: () => number;
  /** Wall units' red spells since a time (from the status history), for the routing KPI. */
  redEpisodes: (fromMs: number) => Promise<RedEpisode[]>;
}

const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
const ALLOWED_TYPES =
  /^(image\/(png|jpeg|webp)|application\/pdf|text\/plain|video\/mp4|application\/vnd\.openxmlformats-officedocument\.(wordprocessingml\.document|spreadsheetml\.sheet))$/;

const expected = (req: FastifyRequest) => {
  const h = req.headers['if-match'];
  return typeof h === 'string' && /^\d+$/.test(h) ? Number(h) : undefined;
};

const ACTION_BODIES: Record<
  Exclude<TicketAction, 'attach'>,
  { path: string; schema: z.ZodType<Record<string, unknown>> }
> = {
  assign: { path: 'assign', schema: AssignTicketSchema },
  assign_person: { path: 'assign-person', schema: AssignPersonSchema },
  acknowledge: { path: 'acknowledge', schema: z.strictObject({}) },
  start: { path: 'start', schema: z.strictObject({}) },
  report_done: { path: 'done', schema: TextBodySchema('result_report', 10_000) },
  close: { path: 'close', schema: TextBodySchema('verification_note', 2_000) },
  reopen: { path: 'reopen', schema: TextBodySchema('reason', 2_000) },
  // A cancelled ticket stops holding its unit's colour: the reason must say why (duplicate of …, false alarm …).
  cancel: { path: 'cancel', schema: TextBodySchema('reason', 2_000, 10) },
  comment: { path: 'comments', schema: TextBodySchema('text', 5_000) },
};

/** Phiếu giao việc endpoints; every one needs a session, and scope is checked per ticket. */
export function registerTicketRoutes(app: FastifyInstance, deps: TicketRouteDeps): void {
  const auth = requireSession(deps.accounts);
  const me = (req: FastifyRequest) => req.principal as Principal;

  app.get<{ Querystring: { status?: string; unit?: string; active?: string } }>(
    '/api/v1/tickets',
    { preHandler: auth },
    (req, reply) =>
      reply.send(
        deps.tickets.list(me(req), {
          ...(req.query.status ? { status: req.query.status } : {}),
          ...(req.query.unit ? { unit: req.query.unit } : {}),
          ...(req.query.active ? { active: req.query.active === 'true' } : {}),
        }),
      ),
  );

  app.get<{ Params: { id: string } }>('/api/v1/tickets/:id', { preHandler: auth }, (req, reply) => {
    try {
      return reply.send(deps.tickets.get(me(req), req.params.id));
    } catch (err) {
      return failWith(reply, err);
    }
  });

  app.post('/api/v1/tickets', { preHandler: auth }, async (req, reply) => {
    const input = parseBody(CreateTicketSchema, req.body, reply);
    if (!input) return reply;
    try {
      const unitStatus = input.source === 'wall' ? deps.unitStatus(input.unit_code) : undefined;
      const ticket = await deps.tickets.create(me(req), input, {
        idempotencyKey: idempotencyKeyOf(req),
        ...(unitStatus ? { unitStatus } : {}),
      });
      return reply.code(201).send(ticket);
    } catch (err) {
      return failWith(reply, err);
    }
  });

  for (const [action, { path, schema }] of Object.entries(ACTION_BODIES) as [
    TicketAction,
    (typeof ACTION_BODIES)[keyof typeof ACTION_BODIES],
  ][]) {
    app.post<{ Params: { id: string } }>(`/api/v1/tickets/:id/${path}`, { preHandler: auth }, async (req, reply) => {
      const data = parseBody(schema, req.body ?? {}, reply);
      if (!data) return reply;
      try {
        const version = expected(req);
        return reply.send(
          await deps.tickets.act(me(req), req.params.id, {
            action,
            data,
            idempotencyKey: idempotencyKeyOf(req),
            ...(version !== undefined ? { expectedVersion: version } : {}),
          }),
        );
      } catch (err) {
        return failWith(reply, err);
      }
    });
  }

  app.post<{ Params: { id: string } }>(
    '/api/v1/tickets/:id/attachments',
    { preHandler: auth, bodyLimit: 3_200_000 },
    async (req, reply) => {
      const upload = parseBody(AttachmentUploadSchema, req.body, reply);
      if (!upload) return reply;
      const bytes = Buffer.from(upload.content_base64, 'base64');
      if (bytes.length === 0 || bytes.length > MAX_ATTACHMENT_BYTES) {
        return sendError(reply, 'PAYLOAD_TOO_LARGE', {
          message: bilingual('Tệp đính kèm phải từ 1 byte đến 2 MiB.', 'An attachment must be 1 byte to 2 MiB.'),
        });
      }
      if (!ALLOWED_TYPES.test(upload.content_type)) {
        return sendError(reply, 'UNSUPPORTED_MEDIA_TYPE', {
          message: bilingual(
            'Chỉ nhận ảnh PNG/JPEG/WebP, PDF, văn bản, video MP4, DOCX, XLSX.',
            'Only PNG/JPEG/WebP images, PDF, text, MP4 video, DOCX and XLSX are accepted.',
          ),
        });
      }
      try {
        deps.tickets.get(me(req), req.params.id);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        // Content-addressed: the same file uploaded twice is stored once; the event carries only metadata.
        await mkdir(deps.attachmentsDir, { recursive: true });
        await writeFile(join(deps.attachmentsDir, sha256), bytes);
        const attachment = {
          id: sha256.slice(0, 16),
          name: upload.name,
          content_type: upload.content_type,
          size: bytes.length,
          sha256,
          added_at: new Date(deps.now()).toISOString(),
          added_by: me(req).id,
        };
        const version = expected(req);
        return reply.send(
          await deps.tickets.act(me(req), req.params.id, {
            action: 'attach',
            data: { attachment },
            idempotencyKey: idempotencyKeyOf(req),
            ...(version !== undefined ? { expectedVersion: version } : {}),
          }),
        );
      } catch (err) {
        return failWith(reply, err);
      }
    },
  );

  app.get<{ Params: { id: string; aid: string } }>(
    '/api/v1/tickets/:id/attachments/:aid',
    { preHandler: auth },
    async (req, reply) => {
      try {
        const ticket = deps.tickets.get(me(req), req.params.id);
        const meta = ticket.attachments.find((a) => a.id === req.params.aid);
        if (!meta) return sendError(reply, 'NOT_FOUND');
        const bytes = await readFile(join(deps.attachmentsDir, meta.sha256));
        return reply
          .type(meta.content_type)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.name)}`)
          .send(bytes);
      } catch (err) {
        return failWith(reply, err);
      }
    },
  );

  app.get<{ Querystring: { days?: string } }>('/api/v1/tickets-kpi', { preHandler: auth }, async (req, reply) => {
    if (!mayReadKpi(me(req))) return sendError(reply, 'FORBIDDEN');
    const days = Math.min(365, Math.max(1, Number(req.query.days ?? 30) || 30));
    const now = deps.now();
    const episodes = await deps.redEpisodes(now - days * 86_400_000);
    return reply.send(deps.tickets.kpi(now, days, episodes));
  });
}
