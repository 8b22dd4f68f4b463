/*
 * National Plan 02 targets (seed digest §2.1, requirement row 24), each with
 * an explicit comparator and deadline, and how the wall can know its value
 * today: from telemetry, from the related tasks' reported completion (a proxy,
 * labelled as such), or not yet — an entered-and-verified figure is needed.
 */
export interface NationalTarget {
  id: string;
  label: { vi: string; en: string };
  comparator: '>=' | '=';
  target: number;
  unit: 'count' | 'pct';
  deadline: string;
  /** telemetry: measured; tasks: share of assigned units reporting these tasks done; manual: not computable yet. */
  source: 'telemetry' | 'tasks' | 'manual';
  tasks?: number[];
  ref: string;
}

export const NATIONAL_TARGETS: readonly NationalTarget[] = [
  {
    id: 'p2.2-end-to-end',
    label: { vi: 'Dịch vụ công trực tuyến toàn trình', en: 'End-to-end online public services' },
    comparator: '>=',
    target: 25,
    unit: 'count',
    deadline: '2025-12-31',
    source: 'tasks',
    tasks: [22, 79],
    ref: '000 L159-160',
  },
  {
    id: 'p2.3-services',
    label: {
      vi: 'Dịch vụ công trực tuyến ≥ 1.000 hồ sơ/năm/tỉnh',
      en: 'Online services at ≥ 1,000 dossiers/year/province',
    },
    comparator: '>=',
    target: 982,
    unit: 'count',
    deadline: '2025-12-31',
    source: 'manual',
    ref: '000 L162-166',
  },
  {
    id: 'p2.4-groups',
    label: { vi: 'Nhóm TTHC trực tuyến toàn trình', en: 'Groups of procedures fully online' },
    comparator: '>=',
    target: 82,
    unit: 'count',
    deadline: '2025-12-31',
    source: 'manual',
    ref: '000 L168-171',
  },
  {
    id: 'p2.5-data-replaced',
    label: { vi: 'TTHC được cắt giảm giấy tờ nhờ dữ liệu', en: 'Procedures with documents replaced by data' },
    comparator: '>=',
    target: 1139,
    unit: 'count',
    deadline: '2025-12-31',
    source: 'manual',
    ref: '000 L173-174',
  },
  {
    id: 'p2.8-online',
    label: { vi: 'Hồ sơ TTHC xử lý hoàn toàn trực tuyến', en: 'Dossiers processed fully online' },
    comparator: '>=',
    target: 80,
    unit: 'pct',
    deadline: '2025-12-31',
    source: 'telemetry',
    ref: '000 L180-181',
  },
  {
    id: 'p2.9-databases',
    label: { vi: 'CSDL quốc gia, chuyên ngành trọng điểm', en: 'Key national and sector databases' },
    comparator: '>=',
    target: 12,
    unit: 'count',
    deadline: '2025-12-20',
    source: 'tasks',
    tasks: [65],
    ref: '000 L183-186',
  },
  {
    id: 'p2.12-e-files',
    label: { vi: 'Hồ sơ công việc tạo lập, xử lý điện tử', en: 'Work files created and processed electronically' },
    comparator: '=',
    target: 100,
    unit: 'pct',
    deadline: '2025-12-31',
    source: 'tasks',
    tasks: [72],
    ref: '000 L193-194',
  },
  {
    id: 'p2.13-archives',
    label: { vi: 'Tài liệu lưu trữ giá trị cao được số hóa', en: 'High-value archive documents digitised' },
    comparator: '>=',
    target: 30,
    unit: 'pct',
    deadline: '2025-12-31',
    source: 'manual',
    ref: '000 L194-196',
  },
];
