import { CC_TEAMS, type CcTeam, type RosterInput } from '@kh02/schemas';
import type { Principal } from '../auth/principal.js';
import type { RosterService } from './roster.js';

/** Which demo account stands each team's off-hours duty (the demo has one account per Command Center team). */
const DUTY: Record<CcTeam, string[]> = {
  monitoring_gov: ['u-cc.giamsat'],
  monitoring_party: ['u-cc.giamsat.dang'],
  analysis: ['u-cc.phantich'],
  vendor_coordination: ['u-cc.doanhnghiep'],
  knowledge: ['u-cc.trithuc', 'u-cc.dieuphoi'],
};

const mondayOf = (ms: number) => {
  const d = new Date(ms + 7 * 3_600_000);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - back)).toISOString().slice(0, 10);
};

/** First start in demo mode: this week's and next week's roster, published by the demo Tổ trưởng. */
export async function createDemoRoster(roster: RosterService, lead: Principal, now: number): Promise<void> {
  for (const offset of [-7, 0, 7]) {
    const week = mondayOf(now + offset * 86_400_000);
    const entries: RosterInput['entries'] = [];
    for (let i = 0; i < 7; i++) {
      const date = new Date(Date.parse(`${week}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
      for (const team of CC_TEAMS) {
        const people = DUTY[team];
        entries.push({ date, team, account_id: people[i % people.length] ?? people[0] ?? '' });
      }
    }
    await roster.publish(lead, { week_start: week, entries });
  }
}
