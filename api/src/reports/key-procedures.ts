/**
 * Names for the key procedures (TTHC trọng yếu, Phụ lục VIII, seed 000
 * L4111-4126). The seed keeps only four of the 100 rows and truncates their
 * codes ("2.000815..."), so these are the six-digit prefixes the counters
 * send; a code missing here is shown as "Thủ tục <code>" rather than guessed.
 * Replace with the official catalogue when it is published.
 */
export const KEY_PROCEDURES: Readonly<Record<string, { field: string; name: string }>> = {
  '2.000815': { field: 'Chứng thực', name: 'Chứng thực bản sao từ bản chính' },
  '2.000410': { field: 'Đất đai', name: 'Đăng ký biến động quyền sử dụng đất' },
  '2.000635': { field: 'Hộ tịch', name: 'Cấp bản sao Trích lục hộ tịch' },
  '1.011673': { field: 'Xây dựng', name: 'Chấp thuận xây dựng công trình thiết yếu' },
};

export function procedureName(code: string): string {
  return KEY_PROCEDURES[code]?.name ?? `Thủ tục ${code}`;
}
