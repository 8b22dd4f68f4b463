/*
 * SLA clocks as people read them. The server computes each clock's state at
 * the moment it answered; between refreshes the wall keeps counting against
 * `deadline` with the shared, server-aligned clock, so a running clock turns
 * "breached" on screen the second its deadline passes.
 */
import type { ClockView, Ticket } from '@kh02/schemas';
import { formatDuration, formatSince, type Lang } from '@kh02/schemas';
import type { IconName } from '$lib/components/icons/icons';

export type ClockState = ClockView['state'];

export const CLOCK_ICON: Record<ClockState, IconName> = {
  running: 'clock',
  near_breach: 'warning',
  breached: 'alarm',
  met: 'check',
  missed: 'cross',
};

export function isRunning(c: ClockView): boolean {
  return c.stopped_at === null && (c.state === 'running' || c.state === 'near_breach' || c.state === 'breached');
}

/** The state now: a stopped clock keeps the server's verdict; a running one is breached once past its deadline. */
export function liveState(c: ClockView, now: number): ClockState {
  if (!isRunning(c)) return c.state;
  const deadline = Date.parse(c.deadline);
  if (Number.isFinite(deadline) && now > deadline) return 'breached';
  return c.state;
}

export interface ClockText {
  state: ClockState;
  /** "còn 1:05:09", "quá hạn 0:13:00", or when it stopped: "xong 16:58". */
  time: string;
}

const STOPPED: Record<Lang, (at: string) => string> = {
  vi: (at) => `lúc ${at}`,
  en: (at) => `at ${at}`,
};

export function clockText(c: ClockView, now: number, lang: Lang): ClockText {
  const state = liveState(c, now);
  if (!isRunning(c)) return { state, time: STOPPED[lang](formatSince(c.stopped_at, now)) };
  const left = Date.parse(c.deadline) - now;
  const d = formatDuration(left);
  if (left < 0) return { state, time: lang === 'vi' ? `quá hạn ${d}` : `overdue ${d}` };
  return { state, time: lang === 'vi' ? `còn ${d}` : `${d} left` };
}

/**
 * The clock a list row shows: the soonest running deadline. The 24-hour
 * escalation clock only when nothing else runs, as on the wall's tiles.
 */
export function nextClock(t: Pick<Ticket, 'clocks'>): ClockView | null {
  const running = t.clocks.filter(isRunning).sort((a, b) => a.deadline.localeCompare(b.deadline));
  return running.find((c) => c.kind !== 'escalate') ?? running[0] ?? null;
}

/** Breached now (any clock past its deadline or missed), for the list's badge. */
export function isBreached(t: Pick<Ticket, 'clocks'>, now: number): boolean {
  return t.clocks.some((c) => {
    const s = liveState(c, now);
    return s === 'breached' || s === 'missed';
  });
}
