import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { clockView, ticket } from '../../support/ticket-fixtures';
import ClockBadge from '$lib/components/tickets/ClockBadge.svelte';
import { clockText, isBreached, liveState, nextClock } from '../../../src/lib/tickets/clocks';

const NOW = Date.parse('2026-11-23T09:58:00Z');

describe('SLA clocks', () => {
  it('counts down to the deadline and turns breached the second it passes', () => {
    const c = clockView({ deadline: '2026-11-23T11:03:09Z' });
    expect(clockText(c, NOW, 'vi')).toEqual({ state: 'running', time: 'còn 1:05:09' });
    expect(clockText(c, NOW, 'en').time).toBe('1:05:09 left');
    const later = Date.parse('2026-11-23T11:03:10Z');
    expect(liveState(c, later)).toBe('breached');
    expect(clockText(c, later, 'vi').time).toBe('quá hạn 0:00:01');
    expect(liveState(clockView({ state: 'near_breach' }), NOW)).toBe('near_breach');
  });

  it('keeps the verdict of a stopped clock and says when it stopped (Vietnam time)', () => {
    const met = clockView({ state: 'met', stopped_at: '2026-11-23T09:10:00Z' });
    expect(clockText(met, NOW, 'vi')).toEqual({ state: 'met', time: 'lúc 16:10' });
    const missed = clockView({ state: 'missed', stopped_at: '2026-11-22T09:10:00Z' });
    expect(clockText(missed, NOW, 'vi').time).toBe('lúc 16:10 22/11');
  });

  it("picks a list row's next deadline, the 24 h escalation only when nothing else runs", () => {
    const esc = clockView({ kind: 'escalate', deadline: '2026-11-23T10:00:00Z' });
    const fix = clockView({ kind: 'fix', deadline: '2026-11-23T12:00:00Z' });
    const done = clockView({ kind: 'assign', state: 'met', stopped_at: '2026-11-23T09:05:00Z' });
    expect(nextClock(ticket({ clocks: [done, esc, fix] }))?.kind).toBe('fix');
    expect(nextClock(ticket({ clocks: [done, esc] }))?.kind).toBe('escalate');
    expect(nextClock(ticket({ clocks: [done] }))).toBeNull();
    expect(isBreached(ticket({ clocks: [fix] }), Date.parse('2026-11-23T12:00:01Z'))).toBe(true);
  });

  it('shows state in words and an icon, not colour alone', () => {
    render(ClockBadge, {
      clock: clockView({ deadline: '2026-11-23T09:45:00Z', label: { vi: 'Giao việc (30 phút)', en: 'Assign' } }),
      now: NOW,
      lang: 'vi',
      labelled: true,
    });
    const badge = screen.getByTestId('sla-clock');
    expect(badge.dataset.state).toBe('breached');
    expect(badge.textContent).toContain('Giao việc (30 phút)');
    expect(badge.textContent).toContain('Quá hạn');
    expect(badge.textContent).toContain('quá hạn 0:13:00');
    expect(badge.textContent).toContain('hạn 16:45');
    expect(badge.querySelector('[data-icon="alarm"]')).not.toBeNull();
  });
});
