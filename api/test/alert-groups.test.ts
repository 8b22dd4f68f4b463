import { describe, expect, it } from 'vitest';
import { alertGroups, groupAlerts } from '../src/status/alert-groups.js';
import type { AlertPoint } from '../src/status/state/health-state.js';

const at = (min: number) => Date.parse('2026-12-04T03:00:00Z') + min * 60_000;
const alert = (min: number, over: Partial<AlertPoint> = {}): AlertPoint => ({
  at: at(min),
  kind: 'security',
  severity: 'critical',
  message: 'Phát hiện dò quét cổng',
  code: 'SEC-1',
  source: 'sample',
  ...over,
});

describe('alert groups', () => {
  it('folds an alert repeated on every sample into one entry with its first and last time and count', () => {
    const repeats = Array.from({ length: 10 }, (_, i) => alert(i));
    const [g, ...rest] = groupAlerts(repeats);
    expect(rest).toEqual([]);
    expect(g).toMatchObject({
      count: 10,
      first_at: new Date(at(0)).toISOString(),
      at: new Date(at(9)).toISOString(),
      kind: 'security',
      severity: 'critical',
    });
  });

  it('keeps different conditions apart and lists the most recent first', () => {
    const groups = alertGroups([
      alert(0),
      alert(5, { severity: 'warning' }),
      alert(2, { code: 'PERF-9', kind: 'performance', message: 'Hàng đợi đầy' }),
      alert(1),
    ]);
    expect(groups.map((g) => [g.last.kind, g.last.severity, g.count])).toEqual([
      ['security', 'warning', 1],
      ['performance', 'critical', 1],
      ['security', 'critical', 2],
    ]);
  });
});
