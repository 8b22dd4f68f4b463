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

const STORAGE_KEY = 'kh02.lang';

/**
 * The current language: `?lang=` for this visit, else the person's last
 * choice on this browser (so English survives a reload), else Vietnamese.
 */
export class Locale {
  lang = $state<Lang>('vi');
  readonly m: Messages = $derived(MESSAGES[this.lang]);

  constructor(
    requested: Lang | null = null,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null = null,
  ) {
    this.lang = requested ?? parseLang(storage?.getItem(STORAGE_KEY) ?? null);
  }

  toggle(): void {
    this.lang = this.lang === 'vi' ? 'en' : 'vi';
    try {
      this.storage?.setItem(STORAGE_KEY, this.lang);
    } catch {
      // Storage may be full or disabled (a locked-down kiosk): the choice then lasts for this page only.
    }
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
