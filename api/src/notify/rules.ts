import {
  WORKING_GROUP_NAMES,
  type BilingualText,
  type Party,
  type Principal,
  type Ticket,
  type WorkflowEvent,
} from '@kh02/schemas';
import { represents } from '@kh02/schemas';
import type { Registry } from '@kh02/schemas/registry';

export interface RuleContext {
  event: WorkflowEvent;
  /** The ticket as it stands (its projection has applied the event). */
  ticket: Ticket;
  people: readonly Principal[];
  /** Accounts on duty now for the Command Center's teams (off-hours: the roster; office hours: none extra). */
  onDuty: readonly string[];
  registry: Registry;
}

export interface Plan {
  audience: Principal[];
  /** Also post one card to the Teams channel (urgent and escalated tickets). */
  teams: boolean;
  title: BilingualText;
  body: BilingualText;
}

const URGENT = new Set(['P1', 'P2']);

export function partyName(p: Party, registry: Registry): string {
  if (p.kind === 'working_group') return WORKING_GROUP_NAMES[p.code].vi;
  if (p.kind === 'vendor') return registry.vendor(p.code)?.name ?? p.code;
  return registry.province(p.code)?.name ?? registry.agency(p.code)?.name ?? p.code;
}

const unitName = (code: string, registry: Registry) =>
  registry.province(code)?.name ?? registry.agency(code)?.name ?? registry.commune(code)?.name ?? code;

const uniq = (people: Principal[]) => [...new Map(people.map((p) => [p.id, p])).values()];

/**
 * Who gets what (issue 14): a new P1/P2 ticket → Coordination (who assign it), the
 * suggested handling party and whoever is on duty; an assignment → the assignee's
 * focal points or members; a hand-over → that person; the 24 h escalation → the
 * Tổ trưởng and the unit's leadership focal point; the verify, assign, respond and
 * acknowledge clocks at 80 % and at breach → Coordination and (once routed) the
 * assignee, a P1/P2 breach also the Tổ trưởng. Anything else notifies nobody.
 */
export function planFor(ctx: RuleContext): Plan | null {
  const { event: e, ticket: t, people, registry } = ctx;
  const tag = `[KH02][${t.priority}] ${t.id}`;
  const where = unitName(t.unit_code, registry);
  const line = (vi: string, en: string): BilingualText => ({
    vi: `${vi}\nĐơn vị: ${where}\nNội dung: ${t.title}`,
    en: `${en}\nUnit: ${where}\nSubject: ${t.title}`,
  });
  const byRole = (role: string) => people.filter((p) => p.role === role);
  const ofParty = (party: Party | null) => people.filter((p) => represents(p, party));
  switch (e.type) {
    case 'created': {
      if (!URGENT.has(t.priority)) return null;
      return {
        audience: uniq([
          ...byRole('cc_coordination'),
          ...ofParty(t.suggested_assignee),
          ...people.filter((p) => ctx.onDuty.includes(p.id)),
        ]),
        teams: true,
        title: { vi: `${tag} Phiếu mới: ${t.title}`, en: `${tag} New ticket: ${t.title}` },
        body: line(
          `Phiếu giao việc mới mức ${t.priority} cần phân loại và giao xử lý.`,
          `A new ${t.priority} ticket needs routing.`,
        ),
      };
    }
    case 'assigned': {
      if (!t.assignee) return null;
      const to = partyName(t.assignee, registry);
      const person = t.assignee_person ? people.filter((p) => p.id === t.assignee_person?.id) : [];
      return {
        audience: uniq([...ofParty(t.assignee), ...person]),
        teams: URGENT.has(t.priority),
        title: { vi: `${tag} Phiếu được giao cho ${to}`, en: `${tag} Ticket assigned to ${to}` },
        body: line(
          `Phiếu được giao cho ${to}; đề nghị xác nhận tiếp nhận.`,
          `The ticket is assigned to ${to}; please acknowledge.`,
        ),
      };
    }
    case 'person_assigned': {
      const id = t.assignee_person?.id;
      const person = people.filter((p) => p.id === id);
      if (person.length === 0) return null;
      const name = t.assignee_person?.name ?? '';
      return {
        audience: person,
        teams: false,
        title: { vi: `${tag} Phiếu được giao cho ${name}`, en: `${tag} Ticket handed to ${name}` },
        body: line(`Trưởng nhóm giao phiếu cho ${name} trực tiếp xử lý.`, `The lead handed the ticket to ${name}.`),
      };
    }
    case 'escalated': {
      const leadership = people.filter(
        (p) => p.role === 'unit_focal' && p.unitCode === t.unit_code && p.focalKind === 'leadership',
      );
      return {
        audience: uniq([...byRole('cc_lead'), ...leadership]),
        teams: true,
        title: { vi: `${tag} Leo thang: quá 24 giờ chưa phản hồi`, en: `${tag} Escalation: no response for 24 hours` },
        body: line(
          'Phiếu quá 24 giờ chưa có phản hồi của đơn vị được giao; đề nghị Tổ trưởng chỉ đạo (gọi lãnh đạo đơn vị, triệu tập họp).',
          'No response from the assignee for 24 hours; the team lead should act (call the unit’s leadership, convene a meeting).',
        ),
      };
    }
    case 'clock_near_breach':
    case 'clock_breached': {
      const kind = String(e.data.kind);
      const label = CLOCK_NAMES[kind] ?? { vi: kind, en: kind };
      const breached = e.type === 'clock_breached';
      const routed = kind === 'respond' || kind === 'acknowledge';
      return {
        audience: uniq([
          ...byRole('cc_coordination'),
          ...(routed ? ofParty(t.assignee) : []),
          ...(breached && URGENT.has(t.priority) ? byRole('cc_lead') : []),
        ]),
        teams: breached && URGENT.has(t.priority),
        title: breached
          ? { vi: `${tag} Quá hạn: ${label.vi}`, en: `${tag} Overdue: ${label.en}` }
          : { vi: `${tag} Sắp quá hạn (80 %): ${label.vi}`, en: `${tag} 80 % used: ${label.en}` },
        body: line(
          `Thời hạn "${label.vi}" ${breached ? 'đã quá' : 'đã dùng 80 %'}; hạn lúc ${String(e.data.deadline)}.`,
          `The "${label.en}" deadline ${breached ? 'has passed' : 'is 80 % used'}; due ${String(e.data.deadline)}.`,
        ),
      };
    }
    default:
      return null;
  }
}

const CLOCK_NAMES: Record<string, BilingualText> = {
  verify: { vi: 'xác minh, phân loại', en: 'verify and classify' },
  assign: { vi: 'giao việc', en: 'assign' },
  respond: { vi: 'phản hồi theo SLA', en: 'SLA response' },
  acknowledge: { vi: 'xác nhận tiếp nhận', en: 'acknowledge' },
};
