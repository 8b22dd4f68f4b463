/*
 * The Phụ lục VII table of one scope as rows of text, in the UI language,
 * with the same order and wording as the api's PDF/CSV
 * (api/src/reports/report-table.ts) so the screen and the file agree.
 */
import type { CountTriple, RateTriple, Report, ScopeReport, Target } from '@kh02/schemas';
import { formatHm, formatNumber, formatPct, type Lang } from '@kh02/schemas';
import { REPORT_MESSAGES } from '$lib/i18n/messages-reports';
import { formatLocalDate } from './report-dates';

export interface ReportRow {
  kind: 'section' | 'row';
  indicator: string;
  period: string;
  cumulative: string;
  change: string;
  note: string;
  /** Rate rows: whether the period value meets its target (null without data). */
  meets: boolean | null;
}

const row = (indicator: string, over: Partial<ReportRow> = {}): ReportRow => ({
  kind: 'row',
  indicator,
  period: '',
  cumulative: '',
  change: '',
  note: '',
  meets: null,
  ...over,
});

/** A count change in words: "tăng 1.234", "giảm 3", "không đổi". */
export function countChange(delta: number, lang: Lang): string {
  const c = REPORT_MESSAGES[lang].reports.change;
  if (delta === 0) return c.same;
  const n = formatNumber(Math.abs(delta), lang);
  return delta > 0 ? c.up(n) : c.down(n);
}

/** A rate change in percentage points: "tăng 1,25 điểm %", "không đổi", "—". */
export function pointsChange(pp: number | null, lang: Lang): string {
  if (pp === null || !Number.isFinite(pp)) return '—';
  const c = REPORT_MESSAGES[lang].reports.change;
  const s = formatNumber(Math.abs(pp), lang, 2);
  if (Number(Math.abs(pp).toFixed(2)) === 0) return c.same;
  return pp > 0 ? c.up(c.points(s)) : c.down(c.points(s));
}

/**
 * A 0–1 rate with two decimals, as in the report: "82,35 %". Rounded like the
 * api's exports (binary noise dropped first, halves away from zero), so the
 * screen and the PDF never differ in the last digit.
 */
export function reportPct(ratio: number | null, lang: Lang): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  const hundredths = Math.round(Number((Math.abs(ratio) * 10_000).toPrecision(12)));
  return formatPct((Math.sign(ratio) * hundredths) / 100, lang, 2);
}

/** "08:30 ngày 15/07/2026" / "08:30 15/07/2026". */
export function reportDateTime(iso: string, lang: Lang): string {
  const local = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
  return `${formatHm(iso)}${lang === 'vi' ? ' ngày' : ''} ${formatLocalDate(local)}`;
}

function countRow(indicator: string, t: CountTriple, lang: Lang, note = ''): ReportRow {
  return row(indicator, {
    period: formatNumber(t.period, lang),
    cumulative: formatNumber(t.cumulative, lang),
    change: countChange(t.period - t.previous, lang),
    note,
  });
}

function rateRow(indicator: string, rate: RateTriple, target: Target, lang: Lang): ReportRow {
  const n = REPORT_MESSAGES[lang].reports.notes;
  const cmp = target.comparator === '>=' ? '≥' : '>';
  const goal = n.goal(cmp, reportPct(target.value, lang));
  const verdict =
    rate.meets_target === null
      ? n.noData
      : `${rate.meets_target ? n.met : n.notMet} (${n.dossiers(
          formatNumber(rate.period.numerator, lang),
          formatNumber(rate.period.denominator, lang),
        )})`;
  return row(indicator, {
    period: reportPct(rate.period.value, lang),
    cumulative: reportPct(rate.cumulative.value, lang),
    change: pointsChange(rate.change_pp, lang),
    note: `${goal}; ${verdict}`,
    meets: rate.meets_target,
  });
}

export function reportRows(report: Report, scope: ScopeReport, lang: Lang): ReportRow[] {
  const r = REPORT_MESSAGES[lang].reports;
  const section = (indicator: string) => row(indicator, { kind: 'section' });
  const units = r.notes.unitsReported(
    formatNumber(scope.reporting_units.reported, lang),
    formatNumber(scope.reporting_units.expected, lang),
  );
  const rows: ReportRow[] = [
    section(r.sections.dossiers),
    countRow(r.rows.received, scope.dossiers.received, lang, units),
    rateRow(r.rows.online, scope.online_rate, report.targets.online_rate, lang),
    rateRow(r.rows.onTime, scope.on_time_rate, report.targets.on_time_rate, lang),
    section(r.sections.procedures),
  ];
  if (scope.top_procedures.length === 0) rows.push(row(r.rows.noProcedures));
  for (const p of scope.top_procedures) rows.push(countRow(`${p.name} (${p.code})`, p, lang));
  const noSource = report.incidents_available ? '' : r.notes.noIncidentSource;
  rows.push(
    section(r.sections.incidents),
    countRow(r.rows.technical, scope.incidents.technical, lang, noSource),
    countRow(r.rows.process, scope.incidents.process, lang, noSource),
    countRow(r.rows.resolved, scope.incidents.resolved, lang, noSource),
    section(r.sections.issues),
  );
  if (scope.hot_issues.length === 0) rows.push(row(r.rows.noHotIssues));
  for (const issue of scope.hot_issues) {
    rows.push(
      row(issue.name, { note: [r.notes.redSince(reportDateTime(issue.since, lang)), ...issue.reasons].join('; ') }),
    );
  }
  return rows;
}

/** The line under the title: what the figures cover and when they were frozen (or as of when). */
export function cutoffLine(report: Report, status: 'frozen' | 'provisional', lang: Lang): string {
  const h = REPORT_MESSAGES[lang].reports.heading;
  const data =
    report.kind === 'daily'
      ? h.day(formatLocalDate(report.period.to))
      : h.week(formatLocalDate(report.period.from), formatLocalDate(report.period.to));
  const when =
    status === 'frozen'
      ? h.cutoff(reportDateTime(report.cutoff_at, lang))
      : `${h.asOf(reportDateTime(report.data_as_of, lang))}; ${h.cutoff(reportDateTime(report.cutoff_at, lang))}`;
  return `${data}, ${when}; ${h.cumulativeFrom(formatLocalDate(report.cumulative_from))}.`;
}
