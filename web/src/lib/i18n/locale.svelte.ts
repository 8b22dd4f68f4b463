import {
  INDICATOR_LABELS,
  STATUS_LABELS,
  type BilingualText,
  type Indicator,
  type RankingIndicator,
  type UnitStatus,
} from '@kh02/schemas';
import type { Lang } from '@kh02/schemas';
import { MESSAGES, type Messages } from './messages';

/** The current language; Vietnamese unless `?lang=en` or the toggle says otherwise. */
export class Locale {
  lang = $state<Lang>('vi');
  readonly m: Messages = $derived(MESSAGES[this.lang]);

  constructor(initial: Lang = 'vi') {
    this.lang = initial;
  }

  toggle(): void {
    this.lang = this.lang === 'vi' ? 'en' : 'vi';
  }

  /** Picks the current language from a {vi, en} pair (server messages, registry names). */
  text(t: BilingualText): string {
    return t[this.lang];
  }

  status(s: UnitStatus): string {
    return STATUS_LABELS[s][this.lang];
  }

  indicator(i: Indicator): string {
    return INDICATOR_LABELS[i][this.lang];
  }

  rankingIndicator(i: RankingIndicator): string {
    if (i === 'received_today' || i === 'volume_change_pct') return this.m.ranking[i];
    return INDICATOR_LABELS[i][this.lang];
  }

  /** A unit's display name: registry/snapshot names come in both languages. */
  name(unit: { name: string; name_en: string }): string {
    return this.lang === 'en' ? unit.name_en : unit.name;
  }
}

export function parseLang(value: string | null): Lang {
  return value === 'en' ? 'en' : 'vi';
}
