/*
 * "Mở phiếu giao việc" from a red or yellow tile: the form starts from what
 * the wall already knows about the unit, so an operator only confirms. The
 * text is Vietnamese whatever the UI language: the ticket is an official
 * record read by Vietnamese focal points and working groups.
 */
import {
  STATUS_LABELS,
  type Indicator,
  type IssueType,
  type Reason,
  type TicketPriority,
  type Topic,
  type UnitStatus,
} from '@kh02/schemas';
import { formatDate, formatHm } from '@kh02/schemas';
import { reasonText, topReasons } from '$lib/status/reasons';
import type { NewTicket } from '$lib/api/tickets-api';

export interface TicketOrigin {
  unitCode: string;
  unitName: string;
  status: UnitStatus;
  reasons: readonly Reason[];
  /** Set on a system's own page. */
  system?: { id: string; name: string } | undefined;
}

/** Indicators about an information system rather than the unit's dossiers (issue type 1). */
const SYSTEM_INDICATORS: ReadonlySet<Indicator> = new Set<Indicator>([
  'uptime',
  'cpu',
  'ram',
  'response_time',
  'shr_missing',
  'security_alert',
  'performance_alert',
  'system_status',
  'vendor_incident',
  'incident_reporting',
]);

/** Red for a system down or a security incident is P1; other red P2; anything milder P3. */
const P1_INDICATORS: ReadonlySet<Indicator> = new Set<Indicator>([
  'security_alert',
  'system_status',
  'uptime',
  'vendor_incident',
]);

const SERVICE_INDICATORS: ReadonlySet<Indicator> = new Set<Indicator>([
  'online_rate',
  'on_time_rate',
  'volume_vs_yesterday',
  'online_rate_trend',
  'on_time_rate_trend',
  'communes_red',
  'communes_noreport',
]);

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 5_000;

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
const sentence = (s: string) => s.trim().replace(/[.。]+$/, '');

/** Reasons that explain the colour; open-ticket reasons are the tickets themselves, not a cause. */
export function causes(reasons: readonly Reason[]): Reason[] {
  return topReasons(
    reasons.filter((r) => r.indicator !== 'open_ticket'),
    reasons.length,
  );
}

function reasonLine(r: Reason): string {
  const t = reasonText(r, 'vi');
  if (r.value === null) return sentence(r.message.vi);
  const thr = t.threshold ? ` (ngưỡng ${t.threshold})` : '';
  const src = r.source ? ` — ${r.source.name}` : '';
  return `${t.indicator}: ${t.value}${thr}${src}`;
}

function isSystemProblem(origin: TicketOrigin, top: Reason | undefined): boolean {
  if (origin.system) return true;
  if (!top) return false;
  return top.source?.kind === 'system' || SYSTEM_INDICATORS.has(top.indicator);
}

function priorityFor(status: UnitStatus, top: Reason | undefined): TicketPriority {
  if (status !== 'red') return 'P3';
  return top && top.status === 'red' && P1_INDICATORS.has(top.indicator) ? 'P1' : 'P2';
}

function topicFor(top: Reason | undefined): Topic {
  if (!top) return 'general';
  if (top.indicator === 'security_alert') return 'security';
  if (SYSTEM_INDICATORS.has(top.indicator)) return 'infrastructure';
  if (SERVICE_INDICATORS.has(top.indicator)) return 'online_services';
  return 'general';
}

/** The create form's starting values; the description has one line per fact and per cause. */
export function prefillTicket(origin: TicketOrigin, nowMs: number): NewTicket {
  const list = causes(origin.reasons);
  const top = list[0];
  const systemId = origin.system?.id ?? (top?.source?.kind === 'system' ? top.source.code : undefined);
  const issueType: IssueType = isSystemProblem(origin, top) ? 1 : 2;
  const subject = origin.system ? `${origin.unitName} — ${origin.system.name}` : origin.unitName;
  const title = top ? `${subject}: ${reasonLine(top)}` : subject;
  const when = `${formatHm(nowMs)} ngày ${formatDate(nowMs)}`;
  const numbered = list.slice(0, 5).map((r, i) => `${i + 1}) ${reasonLine(r)}`);
  const description = [
    `Mở từ tường điều hành lúc ${when}.`,
    `Trạng thái: ${STATUS_LABELS[origin.status].vi}.`,
    ...(numbered.length > 0 ? ['Nguyên nhân:', ...numbered] : ['Chưa có nguyên nhân tự động.']),
  ].join('\n');
  return {
    title: clip(title, TITLE_MAX),
    description: clip(description, DESCRIPTION_MAX),
    unit_code: origin.unitCode,
    ...(systemId ? { system_id: systemId } : {}),
    issue_type: issueType,
    priority: priorityFor(origin.status, top),
    topic: topicFor(top),
    source: 'wall',
  };
}
