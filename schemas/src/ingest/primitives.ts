import { z } from 'zod';
import { bilingual } from '../i18n.js';

/**
 * Field primitives shared by every ingest contract. Every field is bounded: no
 * unbounded strings, numbers in range, identifiers by pattern (OWASP API4).
 */

// Control characters (C0, DEL, C1) never belong in report text and break logs.
const NO_CONTROL_CHARS = /^[^\p{Cc}]*$/u;

const NOT_BLANK = {
  params: {
    reason: 'blank',
    message: bilingual('Nội dung không được để trống (chỉ có khoảng trắng).', 'The text must not be blank.'),
  },
};

export function boundedText(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((s) => s.trim().length > 0, NOT_BLANK)
    .refine((s) => NO_CONTROL_CHARS.test(s), {
      params: {
        reason: 'control_chars',
        message: bilingual('Chuỗi chứa ký tự điều khiển không hợp lệ.', 'The text contains control characters.'),
      },
    });
}

/** Free text people write (a ticket description, a result report): like boundedText, but line breaks and tabs are kept. */
export function multilineText(max: number, min = 1) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((s) => s.trim().length >= min, NOT_BLANK)
    .refine((s) => NO_CONTROL_CHARS.test(s.replace(/[\n\r\t]/g, '')), {
      params: {
        reason: 'control_chars',
        message: bilingual(
          'Chuỗi chứa ký tự điều khiển không hợp lệ (chỉ cho phép xuống dòng và tab).',
          'The text contains control characters (only line breaks and tabs are allowed).',
        ),
      },
    });
}

/** Globally unique per event; a UUID is recommended. Used for end-to-end dedup. */
export const EventIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/);

export const VendorCodeSchema = z.string().regex(/^[A-Z][A-Z0-9]{1,11}$/);
export const SystemIdSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,63}$/);
export const ProvinceCodeSchema = z.string().regex(/^\d{2}$/);
export const CommuneCodeSchema = z.string().regex(/^\d{5}$/);
export const AgencyCodeSchema = z.string().regex(/^[A-Z][A-Z0-9]{1,11}$/);
/** A system is owned by a province (2 digits) or a central agency (letters). */
export const OwnerUnitCodeSchema = z.string().regex(/^(\d{2}|[A-Z][A-Z0-9]{1,11})$/);

/**
 * The range ClickHouse documents for DateTime64 (1900-01-01 to 2299-12-31).
 * ClickHouse 26 stores years 0001–9999, but a server of another version
 * clamps outside this range, and no monitored event happens outside it: a
 * time beyond it is refused here, where the sender can be told.
 */
export const STORABLE_INSTANT_RANGE = { min: Date.UTC(1900, 0, 1), max: Date.UTC(2300, 0, 1) - 1 } as const;

/** ISO 8601 instant with an explicit offset (Z or ±hh:mm): local wall time is ambiguous. */
export const InstantSchema = z.iso.datetime({ offset: true }).refine(
  (s) => {
    const t = Date.parse(s);
    // An unreadable time is already reported by the format check.
    return Number.isNaN(t) || (t >= STORABLE_INSTANT_RANGE.min && t <= STORABLE_INSTANT_RANGE.max);
  },
  {
    params: {
      reason: 'out_of_range',
      message: bilingual(
        'Thời điểm phải trong khoảng năm 1900 đến 2299.',
        'The time must be between the years 1900 and 2299.',
      ),
    },
  },
);
/** Calendar date in Vietnam (Asia/Ho_Chi_Minh), YYYY-MM-DD. */
export const LocalDateSchema = z.iso.date();

export const PercentSchema = z.number().min(0).max(100);
/** Bits per second; 1 Tbit/s is far above any monitored link. */
export const BitsPerSecondSchema = z.number().min(0).max(1e12);
export const CountSchema = z.number().int().min(0).max(10_000_000);

export const AlertKindSchema = z.enum(['performance', 'security']);
export const AlertSeveritySchema = z.enum(['info', 'warning', 'critical']);
export type AlertKind = z.infer<typeof AlertKindSchema>;
export type AlertSeverity = z.infer<typeof AlertSeveritySchema>;

/** How alert enums read on the wall: never the raw English code inside a Vietnamese page. */
export const ALERT_KIND_LABELS: Record<AlertKind, { vi: string; en: string }> = {
  performance: { vi: 'Hiệu năng', en: 'Performance' },
  security: { vi: 'An ninh', en: 'Security' },
};
export const ALERT_SEVERITY_LABELS: Record<AlertSeverity, { vi: string; en: string }> = {
  info: { vi: 'Thông tin', en: 'Info' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  critical: { vi: 'Nghiêm trọng', en: 'Critical' },
};

export const AlertSchema = z.strictObject({
  kind: AlertKindSchema,
  severity: AlertSeveritySchema,
  message: boundedText(500),
  code: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,64}$/)
    .optional(),
  /** When the condition started; defaults to the sample's own time. */
  started_at: InstantSchema.optional(),
});
export type Alert = z.infer<typeof AlertSchema>;
