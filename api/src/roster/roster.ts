import { randomUUID } from 'node:crypto';
import { DomainError } from '@kh02/platform';
import {
  bilingual,
  CC_TEAM_NAMES,
  CC_TEAMS,
  SUBJECTS,
  type OnDuty,
  type Principal,
  type RosterInput,
  type WorkflowEvent,
} from '@kh02/schemas';
import { isWorkingInstant, type WorkingCalendar } from '../calendar/index.js';
import { VersionConflictError, type EventLog } from '../event-log/event-log.js';

const DAY = 86_400_000;
const VN = 7 * 3_600_000;
const localDate = (ms: number) => new Date(ms + VN).toISOString().slice(0, 10);
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

interface Week {
  input: RosterInput;
  version: number;
  published_by: string;
  published_at: string;
}

/**
 * The duty roster (chế độ trực, seed §1.3): the Tổ trưởng publishes a week's
 * off-hours duty, per day and Command Center team. Refused unless every team
 * has at least one person on every day of the week. A duty day runs from noon
 * to noon, so the person on duty for Friday covers Friday evening through
 * Saturday morning.
 */
export class RosterService {
  private readonly weeks = new Map<string, Week>();

  constructor(
    private readonly log: EventLog,
    private readonly calendar: WorkingCalendar,
    private readonly person: (id: string) => Principal | undefined,
    private readonly now: () => number,
  ) {
    log.on('roster', (e, seq) => {
      const current = this.weeks.get(e.entity_id);
      if (current && seq <= current.version) return;
      this.weeks.set(e.entity_id, {
        input: e.data.roster as RosterInput,
        version: seq,
        published_by: e.actor.name,
        published_at: e.at,
      });
    });
  }

  week(weekStart: string): (Week & { week_start: string }) | null {
    const w = this.weeks.get(weekStart);
    return w ? { ...w, week_start: weekStart } : null;
  }

  async publish(actor: Principal, input: RosterInput): Promise<void> {
    if (actor.role !== 'cc_lead')
      throw new DomainError(
        'FORBIDDEN',
        403,
        bilingual('Chỉ Tổ trưởng công bố lịch trực.', 'Only the team lead publishes the roster.'),
      );
    if (new Date(`${input.week_start}T00:00:00Z`).getUTCDay() !== 1)
      throw invalid('Tuần trực phải bắt đầu từ thứ Hai.', 'week_start must be a Monday.');
    const days = Array.from({ length: 7 }, (_, i) => addDays(input.week_start, i));
    for (const e of input.entries) {
      if (!days.includes(e.date))
        throw invalid(`Ngày ${e.date} không thuộc tuần trực.`, `${e.date} is outside the week.`);
      const p = this.person(e.account_id);
      if (!p || !p.role.startsWith('cc_'))
        throw invalid(
          `${e.account_id} không phải tài khoản của Trung tâm Chỉ huy.`,
          `${e.account_id} is not a Command Center account.`,
        );
    }
    const gaps = CC_TEAMS.flatMap((team) =>
      days.filter((d) => !input.entries.some((e) => e.team === team && e.date === d)).map((d) => ({ team, d })),
    );
    if (gaps.length > 0) {
      const list = (lang: 'vi' | 'en') =>
        gaps
          .slice(0, 6)
          .map((g) => `${CC_TEAM_NAMES[g.team][lang]} ${g.d}`)
          .join('; ');
      throw invalid(
        `Lịch trực bị từ chối: ngoài giờ mỗi nhóm phải có ít nhất 1 người trực. Thiếu ${gaps.length} ca: ${list('vi')}.`,
        `Roster refused: every team needs at least one person on duty off-hours. ${gaps.length} gaps: ${list('en')}.`,
      );
    }
    const current = this.weeks.get(input.week_start);
    const event: WorkflowEvent = {
      v: 1,
      event_id: randomUUID(),
      entity: 'roster',
      entity_id: input.week_start,
      type: 'published',
      at: new Date(this.now()).toISOString(),
      actor: { id: actor.id, role: actor.role, name: actor.name },
      unit_code: '',
      issue_type: 0,
      priority: '',
      before: null,
      after: { week_start: input.week_start, entries: input.entries.length },
      data: { roster: input },
    };
    try {
      await this.log.append(SUBJECTS.roster(input.week_start), event, {
        msgId: event.event_id,
        expectedVersion: current?.version ?? 0,
      });
    } catch (err) {
      if (err instanceof VersionConflictError)
        throw new DomainError(
          'CONFLICT',
          409,
          bilingual('Lịch trực vừa được cập nhật; hãy tải lại.', 'The roster just changed; reload.'),
        );
      throw err;
    }
  }

  /** Who is on duty at `at`: the duty day's people for every team, and whether it is off-hours now. */
  onDuty(at: number = this.now()): OnDuty {
    // A duty day runs noon to noon: before noon, the previous day's night crew is still on.
    const dutyDate = localDate(at - 12 * 3_600_000);
    const dow = new Date(`${dutyDate}T00:00:00Z`).getUTCDay();
    const weekStart = addDays(dutyDate, -((dow + 6) % 7));
    const week = this.weeks.get(weekStart);
    const people = (week?.input.entries ?? [])
      .filter((e) => e.date === dutyDate)
      .map((e) => ({ team: e.team, account_id: e.account_id, name: this.person(e.account_id)?.name ?? e.account_id }));
    return {
      at: new Date(at).toISOString(),
      off_hours: !isWorkingInstant(this.calendar, new Date(at)),
      week_start: week ? weekStart : null,
      people,
    };
  }
}

function invalid(vi: string, en: string): DomainError {
  return new DomainError('VALIDATION_FAILED', 400, bilingual(vi, en));
}
