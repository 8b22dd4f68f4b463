import type { UnitStatus } from '@kh02/schemas';

export type IconName =
  'check' | 'bang' | 'cross' | 'question' | 'clock' | 'star' | 'warning' | 'alarm' | 'person' | 'inbox' | 'wrench';

/** One shape per state, so the five states differ without colour. */
export const STATUS_ICON: Record<UnitStatus, IconName> = {
  green: 'check',
  yellow: 'bang',
  red: 'cross',
  noreport: 'question',
  stale: 'clock',
};
