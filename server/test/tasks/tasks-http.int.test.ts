import { randomUUID } from 'node:crypto';
import {
  addDays,
  vnLocalDate,
  type ApiErrorBody,
  type AssignmentView,
  type ProgressSummary,
  type ReportEnvelope,
  type TaskView,
  type UnitDetail,
} from '@kh02/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPasswords, eventually, login, startTestSystem, type TestSystem } from '@kh02/testkit';

let sut: TestSystem;
const tokens: Record<string, string> = {};
const USERS = ['cc.giamsat', 'cc.dieuphoi', 'hanoi.kythuat', 'hcm.kythuat'];
beforeAll(async () => {
  sut = await startTestSystem('tasks-http', { env: { TASK_PROGRESS_COLOURS: 'true' } });
  const passwords = await demoPasswords(sut.dataDir);
  for (const u of USERS) tokens[u] = await login(sut.system, u, passwords[u] ?? '');
}, 60_000);
afterAll(async () => sut.close());

async function call<T>(user: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sut.system.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens[user] ?? ''}`,
      'idempotency-key': randomUUID(),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

const hanoi24 = async () => {
  const t = await call<TaskView>('hanoi.kythuat', 'GET', '/api/v1/tasks/24');
  return t.body.assignments[0];
};

describe('Plan 02 tasks over HTTP on the real engine', () => {
  it('a focal point sees only their unit’s assignments; the Command Center sees all 91 tasks', async () => {
    const mine = await call<TaskView[]>('hanoi.kythuat', 'GET', '/api/v1/tasks');
    expect(mine.status).toBe(200);
    expect(mine.body.length).toBeGreaterThan(10);
    expect(mine.body.flatMap((t) => t.assignments).every((a) => a.unit_code === '01')).toBe(true);
    const all = await call<TaskView[]>('cc.giamsat', 'GET', '/api/v1/tasks');
    expect(all.body).toHaveLength(91);
    expect(all.body.find((t) => t.number === 24)?.assignments).toHaveLength(34);
  });

  it('an invalid update is refused with the field and a bilingual reason, and nothing is stored', async () => {
    const bad = await call<ApiErrorBody>('hanoi.kythuat', 'POST', '/api/v1/tasks/24/progress/01', {
      status: 'done',
      percent: 60,
    });
    expect(bad.status).toBe(400);
    const detail = bad.body.error.details?.find((d) => d.path === 'percent');
    expect(detail?.message.vi).toContain('100 %');
    expect(detail?.message.en).toContain('100 %');
    const wrongStatus = await call<ApiErrorBody>('hanoi.kythuat', 'POST', '/api/v1/tasks/24/progress/01', {
      status: 'xong',
      percent: 10,
    });
    expect(wrongStatus.body.error.details?.[0]?.path).toBe('status');
    expect((await hanoi24())?.updated_at).toBeNull();
  });

  it('a focal point cannot update another unit’s task', async () => {
    const res = await call<ApiErrorBody>('hanoi.kythuat', 'POST', '/api/v1/tasks/24/progress/79', {
      status: 'in_progress',
      percent: 10,
    });
    expect(res.status).toBe(403);
  });

  it('an overdue task turns the unit’s tile red with the task named, and completing it removes the name', async () => {
    const reason = async () => {
      const u = await call<UnitDetail>('cc.giamsat', 'GET', '/api/v1/units/79');
      return u.body.tile.reasons.find((r) => r.indicator === 'task_progress' && r.rule === 'overdue');
    };
    const before = await eventually(reason);
    expect(before.message.vi).toMatch(/nhiệm vụ chậm tiến độ: .*NV 24\b/);
    expect(before.status).toBe('red');
    const done = await call<AssignmentView>('hcm.kythuat', 'POST', '/api/v1/tasks/24/progress/79', {
      status: 'done',
      percent: 100,
      description: 'Đã tích hợp 100 % DVCTT lên Cổng DVCQG.',
    });
    expect(done.status).toBe(200);
    expect(done.body.overdue).toBe(false);
    const after = await eventually(async () => {
      const r = await reason();
      return r && !/NV 24\b/.test(r.message.vi) ? r : undefined;
    });
    expect(after.value).toBe((before.value ?? 0) - 1);
  });

  it('an update is "chưa xác minh" until Monitoring decides; a rejection needs and keeps its reason', async () => {
    const upd = await call<AssignmentView>('hanoi.kythuat', 'POST', '/api/v1/tasks/24/progress/01', {
      status: 'in_progress',
      percent: 70,
      description: 'Đã tích hợp 700/1000 dịch vụ.',
      difficulties: [{ class: 'cross_sector', text: 'Chờ Bộ Công an mở kết nối CSDL dân cư.' }],
    });
    expect(upd.status).toBe(200);
    expect(upd.body.verification.state).toBe('unverified');
    expect(upd.body.effective_status).toBe('behind');
    const noReason = await call('cc.giamsat', 'POST', '/api/v1/tasks/24/progress/01/verify', { decision: 'rejected' });
    expect(noReason.status).toBe(400);
    const byFocal = await call('hanoi.kythuat', 'POST', '/api/v1/tasks/24/progress/01/verify', {
      decision: 'verified',
    });
    expect(byFocal.status).toBe(403);
    const rejected = await call<AssignmentView>('cc.giamsat', 'POST', '/api/v1/tasks/24/progress/01/verify', {
      decision: 'rejected',
      reason: 'Thiếu biên bản nghiệm thu.',
    });
    expect(rejected.body.verification).toMatchObject({ state: 'rejected', reason: 'Thiếu biên bản nghiệm thu.' });
    const verified = await call<AssignmentView>('cc.giamsat', 'POST', '/api/v1/tasks/24/progress/01/verify', {
      decision: 'verified',
    });
    expect(verified.body.verification.state).toBe('verified');
    expect(verified.body.verification.by).toBeTruthy();
  });

  it('the Command Center reassigns with a new per-unit deadline, and the change is in the audit trail', async () => {
    const res = await call<TaskView>('cc.dieuphoi', 'POST', '/api/v1/tasks/24/assignments', {
      assignments: [
        { unit_code: '01', deadline: '2099-12-31' },
        { unit_code: '79', deadline: '2025-06-20' },
      ],
      reason: 'Gia hạn cho Hà Nội theo chỉ đạo của Trưởng ban.',
    });
    expect(res.status).toBe(200);
    expect(res.body.assignments.map((a) => a.unit_code).sort()).toEqual(['01', '79']);
    const kept = await hanoi24();
    expect(kept).toMatchObject({ deadline: '2099-12-31', overdue: false, percent: 70 });
    const byFocal = await call('hanoi.kythuat', 'POST', '/api/v1/tasks/24/assignments', {
      assignments: [{ unit_code: '01', deadline: null }],
      reason: 'tự gia hạn',
    });
    expect(byFocal.status).toBe(403);
    const rows = await eventually(async () => {
      const a = await call<{ event_type: string; entity_id: string }[]>(
        'cc.giamsat',
        'GET',
        '/api/v1/audit?entity=task',
      );
      return a.body.some((r) => r.event_type === 'assignments_set') ? a.body : undefined;
    });
    expect(rows.map((r) => r.event_type)).toEqual(
      expect.arrayContaining(['progress_updated', 'progress_rejected', 'progress_verified', 'assignments_set']),
    );
  });

  it('the progress summary counts completions and ranks units by completion rate', async () => {
    const s = await call<ProgressSummary>('cc.giamsat', 'GET', '/api/v1/tasks-progress');
    expect(s.status).toBe(200);
    expect(s.body.total.done).toBeGreaterThanOrEqual(1);
    const rates = s.body.ranking.map((u) => u.completion ?? 0);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(s.body.difficulties.some((d) => d.task === 24 && d.unit_code === '01')).toBe(true);
  });

  it('the daily report gains the task section: completed today, overdue units, difficulties needing direction', async () => {
    // The 08:30 daily report covers the previous day, so today's updates are in tomorrow's (provisional) report.
    const today = addDays(vnLocalDate(Date.now()), 1);
    const json = await call<ReportEnvelope>('cc.giamsat', 'GET', `/api/v1/reports/daily/${today}`);
    expect(json.status).toBe(200);
    const t = json.body.report.task_progress;
    expect(t?.newly_completed).toContainEqual(expect.objectContaining({ task: 24, unit_code: '79' }));
    expect(t?.needs_direction).toContainEqual(
      expect.objectContaining({ task: 24, unit_code: '01', class: 'cross_sector' }),
    );
    expect(t?.overdue).toBeGreaterThan(0);
    const csv = await fetch(`${sut.system.apiUrl}/api/v1/reports/daily/${today}?format=csv`, {
      headers: { authorization: `Bearer ${tokens['cc.giamsat'] ?? ''}` },
    });
    const text = await csv.text();
    expect(text).toContain('5. Tiến độ nhiệm vụ Kế hoạch 02');
    expect(text).toContain('Chờ Bộ Công an mở kết nối CSDL dân cư.');
  });

  it('task progress survives a restart (replayed from the event log)', async () => {
    await sut.restart();
    const passwords = await demoPasswords(sut.dataDir);
    tokens['hanoi.kythuat'] = await login(sut.system, 'hanoi.kythuat', passwords['hanoi.kythuat'] ?? '');
    expect(await hanoi24()).toMatchObject({ percent: 70, deadline: '2099-12-31' });
  }, 60_000);
});
