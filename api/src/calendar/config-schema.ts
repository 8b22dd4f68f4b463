/**
 * Shape and consistency rules of config/working-calendar.json.
 *
 * Holiday spans are decided every year by the Prime Minister / Ministry, so
 * they live in config rather than code; the schema's job is to catch the
 * typos a yearly manual edit invites (overlaps, swapped ends, wrong year).
 */
import { z } from 'zod';
import { bilingual } from './messages.js';
import { parseClock, parseLocalDate, weekdayOf, yearOfDay, type Weekday } from './time.js';

const WEEKDAY_VALUES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const MAX_RANGE_DAYS = 31;

const localDateSchema = z.string().refine((s) => parseLocalDate(s) !== undefined, {
  message: bilingual('ngày phải có dạng YYYY-MM-DD và có thật', 'date must be a real YYYY-MM-DD date'),
});

const clockSchema = z.string().refine((s) => parseClock(s) !== undefined, {
  message: bilingual('giờ phải có dạng HH:MM (00:00–24:00)', 'time must be HH:MM (00:00–24:00)'),
});

const textSchema = z.string().min(1).max(500);

export const bilingualNameSchema = z.strictObject({
  vi: z.string().min(1).max(200),
  en: z.string().min(1).max(200),
});

const sessionSchema = z
  .strictObject({ start: clockSchema, end: clockSchema })
  .refine((s) => (parseClock(s.start) ?? 0) < (parseClock(s.end) ?? 0), {
    message: bilingual('giờ bắt đầu phải trước giờ kết thúc', 'session start must be before its end'),
  });

const holidaySchema = z
  .strictObject({
    from: localDateSchema,
    to: localDateSchema,
    name: bilingualNameSchema,
    /** true once the span was checked against the official decision. */
    verified: z.boolean(),
    note: textSchema.optional(),
  })
  .superRefine((h, ctx) => {
    const from = parseLocalDate(h.from) ?? 0;
    const to = parseLocalDate(h.to) ?? 0;
    if (from > to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: bilingual(
          `ngày kết thúc ${h.to} trước ngày bắt đầu ${h.from}`,
          `range ends (${h.to}) before it starts (${h.from})`,
        ),
      });
    } else if (to - from + 1 > MAX_RANGE_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: bilingual(
          `kỳ nghỉ dài hơn ${MAX_RANGE_DAYS} ngày, có thể nhập sai`,
          `holiday longer than ${MAX_RANGE_DAYS} days, probably a typo`,
        ),
      });
    }
  });

const makeUpDaySchema = z.strictObject({
  date: localDateSchema,
  name: bilingualNameSchema,
  verified: z.boolean(),
  note: textSchema.optional(),
});

const yearSchema = z.strictObject({
  year: z.number().int().min(1900).max(2200),
  source: textSchema.optional(),
  holidays: z.array(holidaySchema).max(50),
  makeUpWorkingDays: z.array(makeUpDaySchema).max(50),
});

export const workingCalendarConfigSchema = z
  .strictObject({
    note: textSchema.optional(),
    /** Fixed: the arithmetic is UTC+7, which is only right for Vietnam. */
    timeZone: z.literal('Asia/Ho_Chi_Minh'),
    weekendDays: z.array(z.enum(WEEKDAY_VALUES)).max(6),
    sessions: z.array(sessionSchema).min(1).max(8),
    years: z.array(yearSchema).max(200),
  })
  .superRefine((config, ctx) => {
    checkSessions(config.sessions, ctx);
    checkUnique(config.weekendDays, ['weekendDays'], ctx, 'ngày nghỉ tuần', 'weekend day');
    checkUnique(
      config.years.map((y) => String(y.year)),
      ['years'],
      ctx,
      'năm',
      'year',
    );
    checkYearMembership(config.years, ctx);
    checkHolidayOverlaps(config.years, ctx);
    checkMakeUpDays(config.years, new Set(config.weekendDays), ctx);
  });

export type WorkingCalendarConfig = z.infer<typeof workingCalendarConfigSchema>;
export type HolidayEntry = z.infer<typeof holidaySchema>;
export type MakeUpDayEntry = z.infer<typeof makeUpDaySchema>;
export type YearEntry = z.infer<typeof yearSchema>;
export type BilingualName = z.infer<typeof bilingualNameSchema>;

type Ctx = z.RefinementCtx;

function checkSessions(sessions: WorkingCalendarConfig['sessions'], ctx: Ctx): void {
  for (let i = 1; i < sessions.length; i += 1) {
    const previousEnd = parseClock(sessions[i - 1]?.end ?? '') ?? 0;
    const start = parseClock(sessions[i]?.start ?? '') ?? 0;
    if (start < previousEnd) {
      ctx.addIssue({
        code: 'custom',
        path: ['sessions', i],
        message: bilingual(
          'các ca làm việc phải theo thứ tự và không chồng nhau',
          'sessions must be in order and must not overlap',
        ),
      });
    }
  }
}

function checkUnique(values: readonly string[], path: (string | number)[], ctx: Ctx, vi: string, en: string): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i],
        message: bilingual(`${vi} bị lặp: ${value}`, `duplicate ${en}: ${value}`),
      });
    }
    seen.add(value);
  });
}

function checkYearMembership(years: readonly YearEntry[], ctx: Ctx): void {
  years.forEach((entry, yi) => {
    entry.holidays.forEach((h, hi) => {
      const fromYear = yearOfDay(parseLocalDate(h.from) ?? 0);
      const toYear = yearOfDay(parseLocalDate(h.to) ?? 0);
      // A bridge can start in late December of the previous year (e.g. 31/12/2018 for Tết 2019).
      if (fromYear !== entry.year && toYear !== entry.year) {
        ctx.addIssue({
          code: 'custom',
          path: ['years', yi, 'holidays', hi],
          message: bilingual(
            `kỳ nghỉ ${h.from}–${h.to} không thuộc năm ${entry.year}`,
            `holiday ${h.from}–${h.to} does not touch year ${entry.year}`,
          ),
        });
      }
    });
    entry.makeUpWorkingDays.forEach((m, mi) => {
      if (yearOfDay(parseLocalDate(m.date) ?? 0) !== entry.year) {
        ctx.addIssue({
          code: 'custom',
          path: ['years', yi, 'makeUpWorkingDays', mi, 'date'],
          message: bilingual(
            `ngày làm bù ${m.date} không thuộc năm ${entry.year}`,
            `make-up working day ${m.date} is not in year ${entry.year}`,
          ),
        });
      }
    });
  });
}

interface LocatedHoliday {
  from: number;
  to: number;
  label: string;
  path: (string | number)[];
}

function locateHolidays(years: readonly YearEntry[]): LocatedHoliday[] {
  return years.flatMap((entry, yi) =>
    entry.holidays.map((h, hi) => ({
      from: parseLocalDate(h.from) ?? 0,
      to: parseLocalDate(h.to) ?? 0,
      label: `"${h.name.vi}" ${h.from}–${h.to}`,
      path: ['years', yi, 'holidays', hi],
    })),
  );
}

function checkHolidayOverlaps(years: readonly YearEntry[], ctx: Ctx): void {
  const sorted = locateHolidays(years).sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous && current && current.from <= previous.to) {
      ctx.addIssue({
        code: 'custom',
        path: current.path,
        message: bilingual(
          `kỳ nghỉ ${current.label} chồng lên ${previous.label}`,
          `holiday ${current.label} overlaps ${previous.label}`,
        ),
      });
    }
  }
}

function checkMakeUpDays(years: readonly YearEntry[], weekend: ReadonlySet<Weekday>, ctx: Ctx): void {
  const holidays = locateHolidays(years);
  const seen = new Set<number>();
  years.forEach((entry, yi) => {
    entry.makeUpWorkingDays.forEach((m, mi) => {
      const day = parseLocalDate(m.date) ?? 0;
      const path = ['years', yi, 'makeUpWorkingDays', mi, 'date'];
      const clash = holidays.find((h) => day >= h.from && day <= h.to);
      if (seen.has(day)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: bilingual(`ngày làm bù bị lặp: ${m.date}`, `duplicate make-up day: ${m.date}`),
        });
      } else if (clash) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: bilingual(
            `ngày làm bù ${m.date} nằm trong kỳ nghỉ ${clash.label}`,
            `make-up working day ${m.date} falls inside holiday ${clash.label}`,
          ),
        });
      } else if (!weekend.has(weekdayOf(day))) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: bilingual(
            `ngày làm bù ${m.date} không phải ngày nghỉ cuối tuần`,
            `make-up working day ${m.date} is not a weekend day, so it changes nothing`,
          ),
        });
      }
      seen.add(day);
    });
  });
}
