/**
 * Vietnam has used UTC+7 without daylight saving since 1975, so local dates and
 * times are fixed-offset arithmetic — never the host's time zone.
 */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The local calendar date (YYYY-MM-DD) in Vietnam at an instant. */
export function vnLocalDate(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since local midnight in Vietnam at an instant. */
export function vnMinuteOfDay(ms: number): number {
  const d = new Date(ms + VN_OFFSET_MS);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

/** The instant of local midnight (00:00 Asia/Ho_Chi_Minh) starting a local date. */
export function vnMidnight(localDate: string): number {
  return Date.parse(`${localDate}T00:00:00Z`) - VN_OFFSET_MS;
}

export function addDays(localDate: string, days: number): string {
  return new Date(Date.parse(`${localDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** HH:MM:SS local time, as shown on the wall ("dữ liệu lúc 16:58:03"). */
export function vnClock(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(11, 19);
}
