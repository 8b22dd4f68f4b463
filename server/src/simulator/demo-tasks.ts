import type { Logger } from '@kh02/platform';
import type { TaskService } from '@kh02/api';
import { vnLocalDate, type Principal, type TaskStatus, type TaskUpdate, type TaskView } from '@kh02/schemas';
import { hashSeed, seededRandom, type Registry } from '@kh02/schemas/registry';

/*
 * Demo only: a believable state of Plan 02 on first start, so the wall,
 * /tasks and /progress have something to show. Each unit gets a profile —
 * most have finished what was due, some run late (yellow), a few are far
 * behind (red) — and the updates go through the real TaskService, so they are
 * events on the log like any focal point's, signed "(mô phỏng)".
 */

type Profile = 'on_track' | 'late' | 'behind';

const DIFFICULTIES: TaskUpdate['difficulties'] = [
  { class: 'cross_sector', text: 'Chờ kết nối, chia sẻ dữ liệu với CSDL quốc gia về dân cư.' },
  {
    class: 'institutional',
    text: 'Chưa có hướng dẫn về giá trị pháp lý của hồ sơ điện tử; vượt thẩm quyền của đơn vị.',
  },
  { class: 'internal', text: 'Thiếu cán bộ chuyên trách công nghệ thông tin.' },
];

function profileOf(unit: string): Profile {
  const r = seededRandom(hashSeed(`profile:${unit}`))();
  return r < 0.62 ? 'on_track' : r < 0.87 ? 'late' : 'behind';
}

function demoUpdate(unit: string, t: TaskView, profile: Profile, today: string): TaskUpdate | undefined {
  const random = seededRandom(hashSeed(`task:${unit}:${t.number}`));
  const r = random();
  const due = t.deadline !== null && t.deadline < today;
  const done: TaskUpdate = {
    status: 'done',
    percent: 100,
    description: 'Đã hoàn thành, có văn bản báo cáo kèm theo.',
    difficulties: [],
  };
  if (t.deadline === null) {
    // Ongoing tasks ("thường xuyên") are in progress; a far-behind unit forgets to report some.
    if (profile === 'behind' && r < 0.5) return undefined;
    return {
      status: 'in_progress',
      percent: 40 + Math.floor(r * 50),
      description: 'Đang triển khai thường xuyên.',
      difficulties: [],
    };
  }
  if (!due || profile === 'on_track') return done;
  const lateShare = profile === 'late' ? 0.04 : 0.14;
  if (r > lateShare) return done;
  if (profile === 'behind' && random() < 0.3) return undefined;
  const status: TaskStatus = random() < 0.2 ? 'paused' : 'in_progress';
  return {
    status,
    percent: 30 + Math.floor(random() * 60),
    description: 'Đang hoàn thiện; chưa đạt yêu cầu của Kế hoạch.',
    difficulties: [DIFFICULTIES[Math.floor(random() * DIFFICULTIES.length)] ?? DIFFICULTIES[0]!],
  };
}

/** Seeds demo progress once (a data directory that already has updates is left as it is). */
export async function seedDemoTasks(deps: {
  tasks: TaskService;
  registry: Registry;
  now: () => number;
  logger: Logger;
}): Promise<number> {
  const cc: Principal = {
    id: 'demo-monitoring',
    username: 'demo',
    name: 'Tổ Giám sát (mô phỏng)',
    role: 'cc_monitoring',
  };
  const all = deps.tasks.list(cc);
  if (all.some((t) => t.assignments.some((a) => a.updated_at !== null))) return 0;
  const today = vnLocalDate(deps.now());
  let n = 0;
  for (const t of all) {
    for (const a of t.assignments) {
      const update = demoUpdate(a.unit_code, t, profileOf(a.unit_code), today);
      if (!update) continue;
      const vendor = deps.registry.vendor(a.unit_code) !== undefined;
      const focal: Principal = {
        id: `demo-focal-${a.unit_code}`,
        username: `demo.${a.unit_code}`,
        name: `Đầu mối ${a.unit_name} (mô phỏng)`,
        role: vendor ? 'vendor_focal' : 'unit_focal',
        ...(vendor ? { vendorCode: a.unit_code } : { unitCode: a.unit_code }),
      };
      const key = `demo-${t.number}-${a.unit_code}`;
      await deps.tasks.update(focal, t.number, a.unit_code, update, { idempotencyKey: key });
      n++;
      // About a third of the completed work is already verified by the Monitoring team.
      if (update.status === 'done' && seededRandom(hashSeed(key))() < 0.35)
        await deps.tasks.verify(
          cc,
          t.number,
          a.unit_code,
          { decision: 'verified', reason: '' },
          { idempotencyKey: `${key}-v` },
        );
    }
  }
  deps.logger.info({ updates: n }, 'demo Plan 02 task progress seeded');
  return n;
}
