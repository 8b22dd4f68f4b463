import { describe, expect, it } from 'vitest';
import type { WorkingCalendarConfig } from '../../src/calendar/config-schema.js';
import { ConfigValidationError } from '../../src/calendar/messages.js';
import { minimalConfig } from '../support/calendar.js';
import { loadWorkingCalendar } from '../../src/calendar/working-calendar.js';

/** Loads a config expected to fail and returns its error. */
function rejection(config: unknown): ConfigValidationError {
  try {
    loadWorkingCalendar(config);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error('config was accepted');
}

function withYear(patch: Partial<WorkingCalendarConfig['years'][number]>): WorkingCalendarConfig {
  const config = minimalConfig();
  const [year] = config.years;
  if (!year) throw new Error('fixture has no year');
  config.years = [{ ...year, ...patch }];
  return config;
}

const tet = {
  from: '2025-01-25',
  to: '2025-02-02',
  name: { vi: 'Tết Nguyên đán', en: 'Lunar New Year' },
  verified: true,
};

describe('working-calendar config validation', () => {
  it('accepts the minimal config', () => {
    expect(() => loadWorkingCalendar(minimalConfig())).not.toThrow();
  });

  it('rejects overlapping holidays, naming both, in both languages', () => {
    const error = rejection(
      withYear({
        holidays: [tet, { ...tet, from: '2025-02-01', to: '2025-02-03', name: { vi: 'Nghỉ bù', en: 'Extra' } }],
      }),
    );
    expect(error.issues).toHaveLength(1);
    expect(error.message).toMatch(/^Cấu hình lịch làm việc không hợp lệ \/ invalid working-calendar config/);
    expect(error.issues[0]).toContain('years[0].holidays[1]');
    expect(error.issues[0]).toContain('chồng lên');
    expect(error.issues[0]).toContain(
      '"Nghỉ bù" 2025-02-01–2025-02-03 overlaps "Tết Nguyên đán" 2025-01-25–2025-02-02',
    );
  });

  it('rejects overlaps across different years', () => {
    const config = minimalConfig();
    config.years[0]?.holidays.push({
      ...tet,
      from: '2025-12-31',
      to: '2025-12-31',
      name: { vi: 'Cuối năm', en: 'EOY' },
    });
    config.years.push({
      year: 2026,
      holidays: [{ ...tet, from: '2025-12-31', to: '2026-01-01', name: { vi: 'Bắc cầu', en: 'Bridge' } }],
      makeUpWorkingDays: [],
    });
    expect(rejection(config).issues.join('\n')).toMatch(
      /"Bắc cầu" 2025-12-31–2026-01-01 overlaps "Cuối năm"|"Cuối năm" .* overlaps "Bắc cầu"/,
    );
  });

  it('rejects a range that ends before it starts', () => {
    const error = rejection(withYear({ holidays: [{ ...tet, from: '2025-02-02', to: '2025-01-25' }] }));
    expect(error.issues[0]).toMatch(/years\[0\]\.holidays\[0\]\.to: .*range ends \(2025-01-25\) before it starts/);
  });

  it('rejects dates that do not exist and implausibly long ranges', () => {
    expect(rejection(withYear({ holidays: [{ ...tet, to: '2025-02-30' }] })).issues[0]).toMatch(
      /holidays\[0\]\.to: .*real YYYY-MM-DD date/,
    );
    expect(rejection(withYear({ holidays: [{ ...tet, to: '2025-12-02' }] })).issues[0]).toMatch(/longer than 31 days/);
  });

  it('rejects a holiday filed under the wrong year', () => {
    const config = withYear({ holidays: [{ ...tet, from: '2026-02-14', to: '2026-02-22' }] });
    expect(rejection(config).issues[0]).toMatch(/does not touch year 2025/);
  });

  it('rejects make-up days inside a holiday, on a weekday, twice, or in another year', () => {
    const makeUp = { date: '2025-04-26', name: { vi: 'Làm bù', en: 'Make-up' }, verified: true };
    expect(
      rejection(withYear({ holidays: [tet], makeUpWorkingDays: [{ ...makeUp, date: '2025-02-01' }] })).issues[0],
    ).toMatch(/falls inside holiday "Tết Nguyên đán"/);
    expect(rejection(withYear({ makeUpWorkingDays: [{ ...makeUp, date: '2025-04-25' }] })).issues[0]).toMatch(
      /2025-04-25 is not a weekend day/,
    );
    expect(rejection(withYear({ makeUpWorkingDays: [makeUp, makeUp] })).issues[0]).toMatch(/duplicate make-up day/);
    expect(rejection(withYear({ makeUpWorkingDays: [{ ...makeUp, date: '2026-01-10' }] })).issues[0]).toMatch(
      /not in year 2025/,
    );
  });

  it('rejects bad sessions', () => {
    const reversed = { ...minimalConfig(), sessions: [{ start: '17:00', end: '07:30' }] };
    expect(rejection(reversed).issues[0]).toMatch(/sessions\[0\]: .*start must be before its end/);
    const overlapping = {
      ...minimalConfig(),
      sessions: [
        { start: '07:30', end: '12:00' },
        { start: '11:30', end: '17:00' },
      ],
    };
    expect(rejection(overlapping).issues[0]).toMatch(/must not overlap/);
    expect(rejection({ ...minimalConfig(), sessions: [{ start: '7:30', end: '11:30' }] }).issues[0]).toMatch(/HH:MM/);
    expect(rejection({ ...minimalConfig(), sessions: [] }).issues[0]).toMatch(/^sessions: quá nhỏ/);
  });

  it('rejects duplicate years and weekend days, unknown keys and other time zones', () => {
    const config = minimalConfig();
    config.years.push(...config.years);
    expect(rejection(config).issues.join('\n')).toMatch(/duplicate year: 2025/);
    expect(rejection({ ...minimalConfig(), weekendDays: ['sun', 'sun'] }).issues[0]).toMatch(/duplicate weekend day/);
    expect(rejection({ ...minimalConfig(), holiday: [] }).issues[0]).toMatch(/^\(root\): có trường không được phép/);
    expect(rejection({ ...minimalConfig(), timeZone: 'Asia/Bangkok' }).issues[0]).toMatch(/^timeZone: /);
    expect(rejection('not an object').issues[0]).toMatch(/sai kiểu dữ liệu/);
  });
});
