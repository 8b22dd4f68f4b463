import { bilingual, type BilingualText, type ClockView, type Ticket } from '@kh02/schemas';
import { clockState, type ClockBudget, type SlaPolicy, type WorkingCalendar } from '../calendar/index.js';

/** A ticket as folded from its events; the clocks and the system's names are added when it is shown. */
export type StoredTicket = Omit<Ticket, 'clocks' | 'escalated' | 'system_name' | 'system_name_en'>;
/** What a "created" event carries; who created it and the step list come from the event itself. */
export type CreatedTicket = Omit<StoredTicket, 'version' | 'history' | 'created_by_name'>;

const LABELS: Record<ClockView['kind'], BilingualText> = {
  verify: bilingual('Xác minh, phân loại (15 phút)', 'Verify and classify (15 min)'),
  assign: bilingual('Giao việc (30 phút)', 'Assign (30 min)'),
  respond: bilingual('Phản hồi theo SLA', 'SLA response'),
  acknowledge: bilingual('Xác nhận tiếp nhận (2 giờ làm việc)', 'Acknowledge (2 working hours)'),
  fix: bilingual('Khắc phục', 'Fix'),
  escalate: bilingual('Báo cáo Tổ trưởng nếu quá 24 giờ không phản hồi', 'Escalate after 24 h without response'),
};

/** "15 phút", "2 giờ làm việc" (en "15 min", "2 working hours"): the budget as the page states it. */
function budgetText(b: ClockBudget): BilingualText {
  const minutes = Math.round(b.ms / 60_000);
  const amount =
    minutes % 60 === 0
      ? { vi: `${minutes / 60} giờ`, en: `${minutes / 60} h` }
      : { vi: `${minutes} phút`, en: `${minutes} min` };
  return b.kind === 'wall'
    ? amount
    : bilingual(
        `${amount.vi} làm việc`,
        minutes % 60 === 0 ? `${minutes / 60} working hours` : `${minutes} working minutes`,
      );
}

function view(
  cal: WorkingCalendar,
  kind: ClockView['kind'],
  start: string,
  budget: ClockBudget,
  stop: string | null,
  now: number,
  near: number,
  label: BilingualText = LABELS[kind],
): ClockView {
  const s = clockState(cal, {
    startedAt: new Date(start),
    budget,
    ...(stop ? { stoppedAt: new Date(stop) } : {}),
    now: new Date(now),
    nearFraction: near,
  });
  return {
    kind,
    label,
    started_at: start,
    deadline: s.deadline.toISOString(),
    stopped_at: stop,
    remaining_ms: s.remainingMs,
    state: s.state,
    budget,
  };
}

/** When the ticket stopped being worked on (its clocks freeze there). */
function terminal(t: StoredTicket): string | null {
  return t.closed_at ?? t.cancelled_at;
}

/**
 * Every SLA clock of a ticket at `now` (seed-digest §4.3, §2.2): verify 15 min
 * from detection; assign 30 min from creation; respond per priority (vendors,
 * P1/P2 wall clock, P3/P4 working hours) or acknowledge (focal points, working
 * groups: within the priority's response time for P1/P2, 2 working hours otherwise); fix per priority or the agreed deadline;
 * escalate after 24 h without a response from the assignee.
 */
export function ticketClocks(
  t: StoredTicket,
  cal: WorkingCalendar,
  policy: SlaPolicy,
  now: number,
): { clocks: ClockView[]; escalated: boolean } {
  const near = policy.nearFraction;
  const end = terminal(t);
  const clocks: ClockView[] = [view(cal, 'verify', t.detected_at, policy.verify, t.created_at, now, near)];
  clocks.push(view(cal, 'assign', t.created_at, policy.assign, t.assigned_at ?? end, now, near));
  let escalated = false;
  if (t.assigned_at && t.assignee) {
    const vendor = t.assignee.kind === 'vendor';
    const priority = policy.priorities[t.priority];
    // P1/P2 run on the wall clock: a focal point acknowledges an urgent ticket within its response time, not
    // in 2 working hours (which could fall the next morning, after the fix itself is due).
    const respond = vendor || priority.respond.kind === 'wall' ? priority.respond : policy.acknowledge;
    const kind = vendor ? 'respond' : 'acknowledge';
    const label =
      kind === 'acknowledge'
        ? bilingual(`Xác nhận tiếp nhận (${budgetText(respond).vi})`, `Acknowledge (${budgetText(respond).en})`)
        : LABELS.respond;
    clocks.push(view(cal, kind, t.assigned_at, respond, t.acknowledged_at ?? end, now, near, label));
    const fixBudget: ClockBudget | null = t.deadline
      ? { kind: 'wall', ms: Math.max(1, Date.parse(t.deadline) - Date.parse(t.assigned_at)) }
      : policy.priorities[t.priority].fix;
    if (fixBudget) clocks.push(view(cal, 'fix', t.assigned_at, fixBudget, t.done_at ?? end, now, near));
    if (!end && t.status !== 'done') {
      const quietSince =
        [t.assigned_at, t.last_response_at]
          .filter((x): x is string => !!x)
          .sort()
          .at(-1) ?? t.assigned_at;
      const esc = view(cal, 'escalate', quietSince, policy.escalateAfter, null, now, near);
      clocks.push(esc);
      escalated = esc.state === 'breached';
    }
  }
  return { clocks, escalated };
}

/** The clocks still running (not met/missed), soonest deadline first. */
export function runningClocks(clocks: ClockView[]): ClockView[] {
  return clocks
    .filter((c) => c.state === 'running' || c.state === 'near_breach' || c.state === 'breached')
    .sort((a, b) => a.deadline.localeCompare(b.deadline));
}
