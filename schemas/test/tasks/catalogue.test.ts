import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultRegistry } from '../../src/registry/registry.js';
import { EXTRACT_OVERRIDES, PLAN_TASKS } from '../../src/tasks/catalogue.js';
import { extractPlanTasks } from '../../src/tasks/extract.js';
import { fanOut, groupMembers, unresolvedLeads } from '../../src/tasks/assign.js';

const seed = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/seeds/000_152d73cae7f29ccd.txt');

describe('Plan 02 task catalogue (handbook Phần V)', () => {
  const extracted = extractPlanTasks(readFileSync(seed, 'utf8'), EXTRACT_OVERRIDES);

  it('re-extracting the seed gives exactly the committed catalogue', () => {
    expect(extracted).toEqual(PLAN_TASKS);
  });

  it('has 91 tasks numbered 1–91: 43 in phase 1 and 48 in phase 2', () => {
    expect(extracted.map((t) => t.number)).toEqual(Array.from({ length: 91 }, (_, i) => i + 1));
    expect(extracted.filter((t) => t.phase === 1)).toHaveLength(43);
    expect(extracted.filter((t) => t.phase === 2)).toHaveLength(48);
    expect(extracted.filter((t) => t.phase === 1).every((t) => t.number <= 43)).toBe(true);
  });

  it('every lead agency resolves to a registry unit or a group with members', () => {
    const registry = defaultRegistry();
    const bad = extracted.flatMap((t) => unresolvedLeads(t.leads, registry).map((l) => ({ task: t.number, l })));
    expect(bad).toEqual([]);
  });

  it('every task has a group of solutions and non-empty content without page furniture', () => {
    for (const t of extracted) {
      expect(t.group, `task ${t.number}`).toBeGreaterThanOrEqual(1);
      expect(t.content.length, `task ${t.number}`).toBeGreaterThan(20);
      expect(t.content).not.toMatch(/Nội dung công việc|Thời hạn hoàn thành/);
    }
  });

  it('reads the handbook deadlines of sample rows, month-only as the month end', () => {
    const byNo = new Map(extracted.map((t) => [t.number, t]));
    expect(byNo.get(1)?.deadline).toBe('2025-06-25');
    expect(byNo.get(24)?.deadline).toBe('2025-06-20');
    expect(byNo.get(46)?.deadline).toBe('2025-08-31');
    expect(byNo.get(65)?.deadline).toBe('2025-12-20');
    expect(byNo.get(8)?.deadline).toBeNull();
    expect(byNo.get(8)?.deadlineText).toBe('Thường xuyên');
  });

  it('keeps the documented lead corrections: 35 is VNPT, 54 is Bộ KH&CN (per 001)', () => {
    const byNo = new Map(extracted.map((t) => [t.number, t]));
    expect(byNo.get(35)?.leads).toEqual([{ unit: 'VNPT' }]);
    expect(byNo.get(36)?.leads).toEqual([{ unit: 'VNPT' }]);
    expect(byNo.get(54)?.leads).toEqual([{ unit: 'BKHCN' }]);
    expect(byNo.get(57)?.leads).toEqual([{ unit: 'TANDTC' }]);
  });
});

describe('assignment fan-out', () => {
  const registry = defaultRegistry();

  it('a task for "Các Bộ, cơ quan ngang bộ" goes to every ministry and ministerial-level agency, and only them', () => {
    const task4 = PLAN_TASKS.find((t) => t.number === 4);
    if (!task4) throw new Error('task 4 missing');
    const units = fanOut(task4, registry).map((a) => a.unit_code);
    const expected = registry.agencies.filter((a) => a.kind === 'ministry' || a.kind === 'ministerial_agency');
    expect(units.sort()).toEqual(expected.map((a) => a.code).sort());
    expect(units).toContain('BCA');
    expect(units).not.toContain('VPTW');
  });

  it('a task for all provinces goes to the 34 provinces, each with the task deadline', () => {
    const task24 = PLAN_TASKS.find((t) => t.number === 24);
    if (!task24) throw new Error('task 24 missing');
    const a = fanOut(task24, registry);
    expect(a).toHaveLength(34);
    expect(new Set(a.map((x) => x.deadline))).toEqual(new Set(['2025-06-20']));
  });

  it('a unit named twice (directly and through a group) gets one assignment', () => {
    const a = fanOut({ number: 999, leads: [{ unit: 'BTC' }, { group: 'all_ministries' }], deadline: null }, registry);
    expect(a.filter((x) => x.unit_code === 'BTC')).toHaveLength(1);
  });

  it('an unknown unit code is reported as unresolved', () => {
    expect(unresolvedLeads([{ unit: 'NOPE' }, { unit: 'BCA' }], registry)).toEqual([{ unit: 'NOPE' }]);
    expect(groupMembers('all_vendors', registry).length).toBeGreaterThan(0);
  });
});
