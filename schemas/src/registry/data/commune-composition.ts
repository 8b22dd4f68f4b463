/*
 * How each province's commune-level units split into wards (phường),
 * communes (xã) and special zones (đặc khu). Used only to give placeholder
 * communes a realistic kind mix until the official list is imported.
 *
 * Ward counts: per-province figures as reported with the June 2025
 * commune-merger resolutions. They were compiled from press summaries, not
 * from the resolutions' annexes — VERIFY before quoting them. They are
 * consistent with the national totals reported at the time: 687 phường,
 * 13 đặc khu and 2,621 xã = 3,321 (a test checks the sums).
 * Note that most centrally-run cities still have more xã than phường
 * (e.g. Hà Nội 51 phường / 75 xã); only TP. Hồ Chí Minh and Huế are
 * majority-ward.
 */
// prettier-ignore
export const WARD_COUNT: Readonly<Record<string, number>> = {
  '01': 51, '04': 3, '08': 7, '11': 3, '12': 2, '14': 8, '15': 10,
  '19': 15, '20': 4, '22': 30, '24': 33, '25': 15, '31': 45, '33': 11,
  '37': 32, '38': 19, '40': 11, '42': 9, '44': 8, '46': 21, '48': 23,
  '51': 9, '52': 25, '56': 16, '66': 14, '68': 20, '75': 23, '79': 113,
  '80': 14, '82': 20, '86': 19, '91': 14, '92': 31, '96': 9,
};

/** A special zone (đặc khu): the island districts turned directly into commune-level units. */
export interface SpecialZone {
  readonly provinceCode: string;
  /** Real name, without the "Đặc khu" prefix. */
  readonly name: string;
}

/** The 13 special zones from 1 July 2025 (real names; their codes here are still placeholders). */
export const SPECIAL_ZONES: readonly SpecialZone[] = [
  { provinceCode: '22', name: 'Vân Đồn' },
  { provinceCode: '22', name: 'Cô Tô' },
  { provinceCode: '31', name: 'Cát Hải' },
  { provinceCode: '31', name: 'Bạch Long Vĩ' },
  { provinceCode: '44', name: 'Cồn Cỏ' },
  { provinceCode: '48', name: 'Hoàng Sa' },
  { provinceCode: '51', name: 'Lý Sơn' },
  { provinceCode: '56', name: 'Trường Sa' },
  { provinceCode: '68', name: 'Phú Quý' },
  { provinceCode: '79', name: 'Côn Đảo' },
  { provinceCode: '91', name: 'Phú Quốc' },
  { provinceCode: '91', name: 'Kiên Hải' },
  { provinceCode: '91', name: 'Thổ Châu' },
];
