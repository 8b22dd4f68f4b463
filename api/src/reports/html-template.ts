import { viDateTime } from '@kh02/schemas';
import type { Report, ScopeReport } from '@kh02/schemas';
import { headings, tableRows, type TableRow } from './report-table.js';
import { watermarkText, type Watermark } from './csv-export.js';
import { completenessNote } from './report-wording.js';

/*
 * The report as a printable Vietnamese HTML page (A4), laid out like the
 * Phụ lục VII template: indicator, value in the period, cumulative, change,
 * note. The same page is the in-browser view and the source of the PDF.
 */

function esc(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `
  @page { size: A4; margin: 16mm 14mm 18mm 14mm; }
  * { box-sizing: border-box; }
  body { font-family: 'Noto Serif', 'Times New Roman', serif; font-size: 11pt; color: #111; margin: 0; }
  .page { break-after: page; padding: 0; }
  .page:last-child { break-after: auto; }
  header { text-align: center; margin-bottom: 10pt; }
  .org { font-weight: 700; font-size: 10pt; text-transform: uppercase; }
  h1 { font-size: 14pt; margin: 10pt 0 2pt; }
  .subtitle { font-style: italic; margin: 0 0 4pt; }
  .cutoff { font-size: 9.5pt; margin: 0; }
  .provisional { color: #a40000; font-weight: 700; }
  .completeness { color: #a40000; font-weight: 700; margin: 4pt 0 0; }
  table { width: 100%; border-collapse: collapse; margin-top: 8pt; }
  th, td { border: 0.6pt solid #333; padding: 3pt 4pt; vertical-align: top; }
  th { background: #e8e8e8; font-size: 10pt; }
  td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  tr.section td { font-weight: 700; background: #f4f4f4; }
  td.indicator { padding-left: 12pt; }
  footer { margin-top: 10pt; font-size: 8.5pt; color: #444; }
  .watermark { font-size: 8.5pt; color: #444; margin: 0 0 6pt; text-align: right; }
`;

function rowHtml(row: TableRow): string {
  if (row.kind === 'section') return `<tr class="section"><td colspan="5">${esc(row.indicator)}</td></tr>`;
  return (
    `<tr><td class="indicator">- ${esc(row.indicator)}</td>` +
    `<td class="num">${esc(row.period)}</td><td class="num">${esc(row.cumulative)}</td>` +
    `<td class="num">${esc(row.change)}</td><td>${esc(row.note)}</td></tr>`
  );
}

export interface RenderMeta {
  status: 'frozen' | 'provisional';
  frozenAt: string | null;
  sha256: string | null;
  /** A download names its person and time on every page. */
  watermark?: Watermark;
}

function scopePage(report: Report, scope: ScopeReport, meta: RenderMeta): string {
  const h = headings(report, scope, meta.status);
  const proof =
    meta.status === 'frozen' && meta.frozenAt && meta.sha256
      ? `Bản chốt lưu lúc ${viDateTime(meta.frozenAt)}; mã kiểm tra SHA-256 ${meta.sha256.slice(0, 16)}…`
      : 'Bản tạm tính: số liệu còn thay đổi cho đến giờ chốt.';
  const note = completenessNote(report, scope);
  const mark = meta.watermark ? `<p class="watermark">${esc(watermarkText(meta.watermark))}</p>` : '';
  return `<section class="page">
  ${mark}
  <header>
    <div class="org">Trung tâm Chỉ huy giám sát, điều hành Kế hoạch 02-KH/BCĐTW</div>
    <h1>${esc(h.title)}</h1>
    <p class="subtitle">${esc(h.subtitle)}</p>
    <p class="cutoff${meta.status === 'provisional' ? ' provisional' : ''}">${esc(h.cutoffLine)}</p>
    ${note ? `<p class="completeness">${esc(note)}</p>` : ''}
  </header>
  <table>
    <thead><tr><th>Chỉ số</th><th>${esc(h.periodColumn)}</th><th>Lũy kế</th><th>${esc(h.changeColumn)}</th><th>Ghi chú/ Đánh giá</th></tr></thead>
    <tbody>
      ${tableRows(report, scope).map(rowHtml).join('\n      ')}
    </tbody>
  </table>
  <footer>${esc(proof)}${meta.watermark ? `<br>${esc(watermarkText(meta.watermark))}` : ''}</footer>
</section>`;
}

/** A complete HTML document for one or more scopes (national, a province, or all). */
export function reportHtml(report: Report, scopes: readonly ScopeReport[], meta: RenderMeta): string {
  const first = scopes[0] ?? report.national;
  const h = headings(report, first, meta.status);
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${esc(`${h.title} ${h.subtitle}`)}</title>
<style>${STYLE}</style>
</head>
<body>
${scopes.map((s) => scopePage(report, s, meta)).join('\n')}
</body>
</html>
`;
}
