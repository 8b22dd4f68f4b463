import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CounterReportSchema } from '../../src/ingest/counter-report.js';
import { HealthReportSchema } from '../../src/ingest/health-report.js';
import { HealthSampleSchema } from '../../src/ingest/health-sample.js';
import { formatPath, toFieldIssues } from '../../src/ingest/issues.js';
import { validateBatch } from '../../src/ingest/validate-batch.js';

const NOW = Date.parse('2026-11-23T09:00:00Z');
const sample = (o: Record<string, unknown> = {}) => ({
  event_id: randomUUID(),
  vendor: 'VNPT',
  system_id: 'p01.tthc',
  unit_code: '01',
  observed_at: '2026-11-23T08:59:00Z',
  uptime_pct: 99.9,
  cpu_pct: 40,
  ram_pct: 50,
  net_in_bps: 1e6,
  net_out_bps: 1e6,
  ...o,
});

describe('ingest contracts', () => {
  it('accept a well-formed sample, daily report and counter report', () => {
    expect(HealthSampleSchema.safeParse(sample()).success).toBe(true);
    expect(
      HealthReportSchema.safeParse({
        event_id: 'shr-0001-a',
        vendor: 'FPT',
        system_id: 'p79.tthc',
        unit_code: '79',
        report_date: '2026-11-22',
        uptime_pct: 99.95,
        peaks: [{ at: '2026-11-22T03:00:00Z', cpu_pct: 80, ram_pct: 70, net_in_bps: 1, net_out_bps: 1 }],
      }).success,
    ).toBe(true);
    expect(
      CounterReportSchema.safeParse({
        event_id: 'cnt-0001-a',
        unit_code: '79001',
        interval_end: '2026-11-23T10:00:00+07:00',
        received: 10,
        received_online: 8,
        processed: 6,
        on_time: 5,
        late: 1,
      }).success,
    ).toBe(true);
  });

  it('bound every field: numbers, strings, ids, lists', () => {
    const bad = [
      sample({ cpu_pct: 100.1 }),
      sample({ uptime_pct: -0.1 }),
      sample({ event_id: 'short' }),
      sample({ event_id: 'x'.repeat(65) }),
      sample({ vendor: 'vnpt' }),
      sample({ system_id: 'P01.TTHC' }),
      sample({ unit_code: '1' }),
      sample({ observed_at: '2026-11-23 08:59:00' }),
      sample({ response_ms: 700_000 }),
      sample({ alerts: Array.from({ length: 21 }, () => ({ kind: 'performance', severity: 'info', message: 'x' })) }),
      sample({ alerts: [{ kind: 'security', severity: 'critical', message: 'x'.repeat(501) }] }),
      sample({ alerts: [{ kind: 'network', severity: 'critical', message: 'x' }] }),
      sample({ extra: 1 }),
    ];
    for (const b of bad) expect(HealthSampleSchema.safeParse(b).success).toBe(false);
  });

  it('explain every problem with a path, a reason and Vietnamese + English text', () => {
    const r = HealthSampleSchema.safeParse(
      sample({
        cpu_pct: 140,
        colour: 'red',
        alerts: [{ kind: 'security', severity: 'critical', message: 'a\u0000b' }],
      }),
      {
        reportInput: true,
      },
    );
    expect(r.success).toBe(false);
    if (r.success) return;
    const issues = toFieldIssues(r.error, { index: 2, pathPrefix: 'events[2]' });
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(byPath['events[2].cpu_pct']).toMatchObject({
      index: 2,
      reason: 'too_big',
      message: { vi: 'Giá trị không được lớn hơn 100.', en: 'Value must be at most 100.' },
    });
    expect(byPath['events[2].colour']?.reason).toBe('unknown_field');
    expect(byPath['events[2].alerts[0].message']?.reason).toBe('control_chars');
    for (const i of issues) {
      expect(i.message.vi).not.toBe(i.message.en);
      expect(i.message.vi.length).toBeGreaterThan(5);
    }
  });

  it('formats field paths the way vendors write them', () => {
    expect(formatPath(['alerts', 0, 'severity'], 'events[3]')).toBe('events[3].alerts[0].severity');
    expect(formatPath([])).toBe('(root)');
  });

  it('validates each event on its own, flags repeated ids and out-of-window times', () => {
    const dup = sample();
    const v = validateBatch(
      'health_sample',
      {
        events: [
          sample(),
          dup,
          { ...dup },
          sample({ observed_at: '2026-11-30T00:00:00Z' }),
          sample({ observed_at: '2026-11-01T00:00:00Z' }),
        ],
      },
      NOW,
    );
    expect(v.batch).toBe(true);
    expect(v.accepted.map((a) => a.index)).toEqual([0, 1]);
    expect(v.rejected.map((r) => [r.index, r.issues[0]?.reason])).toEqual([
      [2, 'duplicate_event_id'],
      [3, 'in_future'],
      [4, 'too_old'],
    ]);
  });

  it('rejects a malformed envelope before looking at rows', () => {
    expect(validateBatch('health_sample', [sample()], NOW).envelopeIssues[0]?.reason).toBe('invalid_body');
    expect(validateBatch('health_sample', { events: [] }, NOW).envelopeIssues[0]?.reason).toBe('invalid_batch');
    expect(validateBatch('health_sample', { events: [sample()], meta: 1 }, NOW).envelopeIssues[0]?.reason).toBe(
      'unknown_field',
    );
  });

  it('keeps daily-report peaks on the reported day and the report within the last week', () => {
    const base = { event_id: 'shr-0002-a', vendor: 'FPT', system_id: 'p79.tthc', unit_code: '79', uptime_pct: 99 };
    const peak = (at: string) => [{ at, cpu_pct: 1, ram_pct: 1, net_in_bps: 1, net_out_bps: 1 }];
    // 2026-11-22 in Vietnam runs from 2026-11-21T17:00Z to 2026-11-22T17:00Z.
    const outside = validateBatch(
      'health_report',
      { ...base, report_date: '2026-11-22', peaks: peak('2026-11-22T17:30:00Z') },
      NOW,
    );
    expect(outside.rejected[0]?.issues[0]).toMatchObject({ path: 'peaks[0].at', reason: 'outside_report_date' });
    const old = validateBatch(
      'health_report',
      { ...base, report_date: '2026-11-01', peaks: peak('2026-11-01T03:00:00Z') },
      NOW,
    );
    expect(old.rejected[0]?.issues[0]?.reason).toBe('out_of_window');
  });
});
