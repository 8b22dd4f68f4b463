import { bilingual, LocalDateSchema, NATIONAL_SCOPE_CODE, type ReportEnvelope, ReportKindSchema } from '@kh02/schemas';
import { sendError } from '@kh02/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ExportAudit } from '../audit/export-audit.js';
import { exportDenial, mayReadReports } from '../auth/access.js';
import type { AccountService } from '../auth/accounts.js';
import { requireSession } from '../auth/auth-hooks.js';
import type { Principal } from '../auth/principal.js';
import { z } from 'zod';
import { reportCsv, scopesOf } from './csv-export.js';
import { reportHtml } from './html-template.js';
import type { PdfRenderer } from './pdf-renderer.js';
import { isReportDate } from './report-calendar.js';
import type { ReportService } from './report-service.js';

/** What the report routes need; see docs/daily-report.md for the wiring. */
export interface ReportRouteDeps {
  reports: Pick<ReportService, 'get' | 'list'>;
  pdf: Pick<PdfRenderer, 'render'>;
}

/** Sessions and the export audit trail, from the accounts module. */
export interface ReportAccessDeps {
  accounts: AccountService;
  exportAudit: Pick<ExportAudit, 'record'>;
}

const ReportParams = z.object({ kind: ReportKindSchema, date: LocalDateSchema });
const ReportQuery = z.object({
  format: z.enum(['json', 'csv', 'html', 'pdf']).default('json'),
  /** VN, a province code, or all. */
  scope: z
    .string()
    .regex(/^(VN|\d{2}|all)$/)
    .optional(),
});
const ListQuery = z.object({
  kind: ReportKindSchema.default('daily'),
  limit: z.coerce.number().int().min(1).max(400).default(60),
});

function badRequest(reply: FastifyReply, issues: z.core.$ZodIssue[]) {
  return sendError(reply, 'BAD_REQUEST', {
    details: issues.map((i) => ({
      path: i.path.join('.') || '(query)',
      reason: i.code,
      message: bilingual(`Tham số không hợp lệ: ${i.path.join('.')}.`, `Invalid parameter: ${i.path.join('.')}.`),
    })),
  });
}

/**
 * Reports are private data: never kept by a shared proxy. A frozen JSON
 * snapshot never changes, so the person's own browser may revalidate it by
 * ETag; downloads carry the person's watermark and are never stored at all.
 */
function cacheHeaders(reply: FastifyReply, env: ReportEnvelope, format: string): void {
  if (format === 'json' && env.status === 'frozen' && env.body_sha256) {
    reply.header('cache-control', 'private, no-cache');
    reply.header('etag', `"${env.body_sha256.slice(0, 32)}-json"`);
  } else {
    reply.header('cache-control', 'private, no-store');
  }
  reply.header('x-report-status', env.status);
}

const fileName = (env: ReportEnvelope, scope: string, ext: string) =>
  `bao-cao-${env.report.kind === 'daily' ? 'ngay' : 'tuan'}-${env.report.report_date}-${scope}${env.status === 'frozen' ? '' : '-tam-tinh'}.${ext}`;

/**
 * Daily (08:30) and weekly (14:00 Friday) reports:
 * - GET /api/v1/reports?kind=daily&limit=60 — frozen snapshots, newest first;
 * - GET /api/v1/reports/:kind/:date?format=json|csv|html|pdf&scope=VN|<province>|all
 *   (json: the whole report; csv: every scope unless one is asked for;
 *   html/pdf: the national page unless a province or `all` is asked for).
 */
export function registerReportRoutes(app: FastifyInstance, deps: ReportRouteDeps & ReportAccessDeps): void {
  const auth = requireSession(deps.accounts);
  const reader = (req: FastifyRequest, reply: FastifyReply): Principal | undefined => {
    const p = req.principal;
    if (p && mayReadReports(p)) return p;
    void sendError(reply, 'FORBIDDEN');
    return undefined;
  };

  app.get('/api/v1/reports', { preHandler: auth }, async (req, reply) => {
    if (!reader(req, reply)) return reply;
    const q = ListQuery.safeParse(req.query);
    if (!q.success) return badRequest(reply, q.error.issues);
    return reply.send({ kind: q.data.kind, snapshots: await deps.reports.list(q.data.kind, q.data.limit) });
  });

  app.get('/api/v1/reports/:kind/:date', { preHandler: auth }, async (req, reply) => {
    const p = reader(req, reply);
    if (!p) return reply;
    const params = ReportParams.safeParse(req.params);
    if (!params.success) return badRequest(reply, params.error.issues);
    const query = ReportQuery.safeParse(req.query);
    if (!query.success) return badRequest(reply, query.error.issues);
    const { kind, date } = params.data;
    if (!isReportDate(kind, date)) {
      return sendError(reply, 'BAD_REQUEST', {
        message: bilingual('Báo cáo tuần chỉ có vào thứ Sáu.', 'Weekly reports exist for Fridays only.'),
      });
    }
    const lookup = await deps.reports.get(kind, date);
    if (!lookup.found) return sendError(reply, 'NOT_FOUND');
    const env = lookup.envelope;
    const { format } = query.data;
    if (format === 'json') {
      cacheHeaders(reply, env, 'json');
      return reply.send(env);
    }
    const scope = query.data.scope ?? (format === 'csv' ? 'all' : NATIONAL_SCOPE_CODE);
    const denied = exportDenial(p, scope);
    if (denied) return sendError(reply, 'FORBIDDEN', { message: denied });
    const scopes = scopesOf(env.report, scope);
    if (!scopes) return sendError(reply, 'NOT_FOUND');
    // Durable in the audit trail before a byte leaves; the watermark names the same person and time.
    const { at } = await deps.exportAudit.record(p, {
      what: `report:${kind}:${date}`,
      format,
      scope,
      classification: 'thuong',
    });
    const watermark = { username: p.username, name: p.name, at, classification: 'Thường' };
    cacheHeaders(reply, env, format);
    if (format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(env, scope, 'csv')}"`)
        .send(reportCsv(env.report, env.status, scopes, watermark));
    }
    const html = reportHtml(env.report, scopes, {
      status: env.status,
      frozenAt: env.frozen_at,
      sha256: env.body_sha256,
      watermark,
    });
    if (format === 'html') return reply.type('text/html; charset=utf-8').send(html);
    const pdf = await deps.pdf.render(html);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${fileName(env, scope, 'pdf')}"`)
      .send(pdf);
  });
}
