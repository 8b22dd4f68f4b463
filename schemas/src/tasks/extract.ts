/*
 * Extraction of the Plan 02 task list (handbook Phần V, "Danh sách các nhiệm
 * vụ theo cơ quan chủ trì") from the seed's plain text. The table's columns
 * were flattened by OCR, so a row is "N.␠␠<lead agency> <content> <deadline>"
 * spread over several lines; the lead agency is recognised by the phrases of
 * the overrides file (longest match at the start of the row), a row that
 * starts with none inherits the lead of the row above (as the handbook's
 * merged cells mean), and the hand-reviewed per-task overrides fix the rest.
 * Pure: the CLI (`npm run tasks:extract`) reads the file and writes the JSON.
 */
import type { ExtractOverrides, LeadRef, PlanTask, TaskPhase } from './model.js';

const SECTION_START = 'Phần V: DANH SÁCH CÁC NHIỆM VỤ THEO CƠ QUAN CHỦ TRÌ';
const SECTION_END = /^\s*Phụ lục I\s*$/;
const PHASE_RE = /^\s*([AB])\. GIAI ĐOẠN [12]:/;
/** Group headings are "N. Title" with one space; task rows are "N.␠␠…" with two. */
const GROUP_RE = /^\s*([1-7])\. (\S.*?)\s*$/;
const TASK_RE = /^\s*(\d{1,2})\.\s{2,}(.*?)\s*$/;
/** A deadline is alone on its line: "25/6/2025", "6/2025", "tháng 9/2025". */
const DEADLINE_LINE_RE = /^(?:\(\d\)\s*)?(?:[Tt]háng\s+)?(?:(\d{1,2})\/)?(\d{1,2})\/(\d{4})$/;
const YEAR_LINE_RE = /^Năm (\d{4})\.?$/;
const ONGOING_RE = /\s*Nhiệm vụ thường xuyên\.?$/;
const TABLE_NOISE = new Set([
  'Nhóm',
  'nhiệm vụ',
  'Cơ quan',
  'chủ trì/Thực hiện',
  'chủ trì/Thực hiện Nội dung công việc',
  'Nội dung công việc Thời hạn',
  'Thời hạn',
  'hoàn',
  'thành',
  'hoàn thành',
]);

interface RawRow {
  number: number;
  phase: TaskPhase;
  group: number;
  groupTitle: string;
  lines: string[];
}

function normalise(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function splitRows(text: string): RawRow[] {
  const all = text.split(/\r?\n/);
  const start = all.findIndex((l) => l.includes(SECTION_START));
  if (start < 0) throw new Error('Phần V heading not found in the seed text');
  const rows: RawRow[] = [];
  let phase: TaskPhase | undefined;
  let group = 0;
  let groupTitle = '';
  let current: RawRow | undefined;
  for (const line of all.slice(start + 1)) {
    if (SECTION_END.test(line)) break;
    const p = PHASE_RE.exec(line);
    if (p) {
      phase = p[1] === 'A' ? 1 : 2;
      current = undefined;
      continue;
    }
    const t = TASK_RE.exec(line);
    if (t && phase !== undefined) {
      current = { number: Number(t[1]), phase, group, groupTitle, lines: [t[2] ?? ''] };
      rows.push(current);
      continue;
    }
    const g = GROUP_RE.exec(line);
    if (g && phase !== undefined) {
      group = Number(g[1]);
      groupTitle = normalise(g[2] ?? '');
      current = undefined;
      continue;
    }
    const trimmed = normalise(line);
    if (current && trimmed !== '' && !TABLE_NOISE.has(trimmed)) current.lines.push(trimmed);
  }
  return rows;
}

function isoDeadline(day: string | undefined, month: string, year: string): string {
  const m = Number(month);
  const y = Number(year);
  // A month-only deadline ("8/2025") means by the end of that month.
  const d = day !== undefined ? Number(day) : new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function findDeadline(lines: string[]): { deadline: string | null; text: string | null; rest: string[] } {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = DEADLINE_LINE_RE.exec(lines[i] ?? '');
    if (m) {
      return {
        deadline: isoDeadline(m[1], m[2] ?? '', m[3] ?? ''),
        text: lines[i] ?? null,
        rest: lines.filter((_, j) => j !== i),
      };
    }
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const y = YEAR_LINE_RE.exec(lines[i] ?? '');
    if (y) return { deadline: `${y[1]}-12-31`, text: lines[i] ?? null, rest: lines.filter((_, j) => j !== i) };
  }
  const ongoing = lines.findIndex((l) => /^(Nhiệm vụ thường xuyên|Thường xuyên|xuyên)$/.test(l));
  return { deadline: null, text: ongoing >= 0 ? 'Thường xuyên' : null, rest: lines };
}

function matchLead(
  text: string,
  phrases: ExtractOverrides['phrases'],
): { leads: LeadRef[]; phrase: string } | undefined {
  let best: ExtractOverrides['phrases'][number] | undefined;
  for (const p of phrases) if (text.startsWith(p.phrase) && (!best || p.phrase.length > best.phrase.length)) best = p;
  return best ? { leads: best.leads, phrase: best.phrase } : undefined;
}

/** The 91 tasks, numbered as in the handbook; throws when the text does not have the expected shape. */
export function extractPlanTasks(seedText: string, overrides: ExtractOverrides): PlanTask[] {
  const tasks: PlanTask[] = [];
  let inherited: { leads: LeadRef[]; leadText: string } | undefined;
  for (const row of splitRows(seedText)) {
    const { deadline, text: deadlineText, rest } = findDeadline(row.lines);
    let joined = normalise(rest.join(' '));
    let ongoingText = deadlineText;
    if (ONGOING_RE.test(joined)) {
      joined = joined.replace(ONGOING_RE, '');
      ongoingText ??= 'Thường xuyên';
    }
    const matched = matchLead(joined, overrides.phrases);
    const fix = overrides.tasks[String(row.number)];
    if (matched) inherited = { leads: matched.leads, leadText: matched.phrase };
    // A fixed lead is also what the rows below inherit, as the merged cell would.
    if (fix?.leads) inherited = { leads: fix.leads, leadText: fix.leadText ?? inherited?.leadText ?? '' };
    if (!inherited) throw new Error(`task ${row.number}: no lead agency recognised and none to inherit`);
    const content = matched ? joined.slice(matched.phrase.length).trim() : joined;
    tasks.push({
      number: row.number,
      phase: row.phase,
      group: row.group,
      groupTitle: row.groupTitle,
      leadText: fix?.leadText ?? inherited.leadText,
      leads: inherited.leads,
      content: fix?.content ?? content,
      deadline: fix?.deadline !== undefined ? fix.deadline : deadline,
      deadlineText: fix?.deadlineText !== undefined ? fix.deadlineText : ongoingText,
    });
  }
  return tasks;
}
