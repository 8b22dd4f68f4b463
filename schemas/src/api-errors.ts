import { z } from 'zod';
import { BilingualTextSchema, bilingual, type BilingualText } from './i18n.js';

export const FieldIssueSchema = z.object({
  index: z.number().int().optional(),
  path: z.string(),
  reason: z.string(),
  message: BilingualTextSchema,
});

/** The one error body every endpoint returns. */
export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: BilingualTextSchema,
    details: z.array(FieldIssueSchema).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

interface ErrorSpec {
  status: number;
  message: BilingualText;
}

/** Stable error codes with their HTTP status and default bilingual message. */
export const API_ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    message: bilingual('Dữ liệu không hợp lệ; không có sự kiện nào được lưu.', 'Invalid data; no event was stored.'),
  },
  INVALID_JSON: {
    status: 400,
    message: bilingual('Nội dung không phải JSON hợp lệ.', 'Body is not valid JSON.'),
  },
  MISSING_IDEMPOTENCY_KEY: {
    status: 400,
    message: bilingual(
      'Thiếu hoặc sai tiêu đề Idempotency-Key (8–128 ký tự A-Z a-z 0-9 . _ : -).',
      'Missing or invalid Idempotency-Key header (8–128 characters A-Z a-z 0-9 . _ : -).',
    ),
  },
  INVALID_PROTOBUF: {
    status: 400,
    message: bilingual(
      'Nội dung không giải mã được (snappy hoặc protobuf lỗi); không có dữ liệu nào được lưu.',
      'The body cannot be decoded (bad snappy or protobuf); nothing was stored.',
    ),
  },
  BAD_REQUEST: {
    status: 400,
    message: bilingual('Yêu cầu không hợp lệ.', 'Bad request.'),
  },
  UNAUTHENTICATED: {
    status: 401,
    message: bilingual('Thiếu, sai hoặc hết hạn khóa API.', 'Missing, invalid or expired API key.'),
  },
  BAD_SIGNATURE: {
    status: 401,
    message: bilingual('Chữ ký HMAC sai hoặc quá hạn.', 'HMAC signature is invalid or outside the time window.'),
  },
  FORBIDDEN_SCOPE: {
    status: 403,
    message: bilingual(
      'Khóa API không được phép gửi dữ liệu cho đơn vị hoặc hệ thống này; không có sự kiện nào được lưu.',
      'This API key may not report for this unit or system; no event was stored.',
    ),
  },
  FORBIDDEN: {
    status: 403,
    message: bilingual('Bạn không có quyền thực hiện thao tác này.', 'You are not allowed to do this.'),
  },
  NOT_FOUND: {
    status: 404,
    message: bilingual('Không tìm thấy.', 'Not found.'),
  },
  CONFLICT: {
    status: 409,
    message: bilingual('Xung đột phiên bản; hãy tải lại và thử lại.', 'Version conflict; reload and try again.'),
  },
  REPLAYED_REQUEST: {
    status: 409,
    message: bilingual('Yêu cầu đã ký bị gửi lại (nonce đã dùng).', 'Signed request replayed (nonce already used).'),
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: bilingual('Nội dung vượt quá 1 MiB; hãy chia nhỏ lô.', 'Body exceeds 1 MiB; split the batch.'),
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: bilingual('Content-Type phải là application/json.', 'Content-Type must be application/json.'),
  },
  IDEMPOTENCY_CONFLICT: {
    status: 422,
    message: bilingual(
      'Idempotency-Key đã được dùng cho một nội dung khác.',
      'Idempotency-Key was already used with a different body.',
    ),
  },
  UNPROCESSABLE: {
    status: 422,
    message: bilingual('Không thể xử lý yêu cầu.', 'The request cannot be processed.'),
  },
  RATE_LIMITED: {
    status: 429,
    message: bilingual(
      'Vượt giới hạn tần suất của khóa API; hãy thử lại sau.',
      'Rate limit for this API key exceeded; retry later.',
    ),
  },
  BUS_UNAVAILABLE: {
    status: 503,
    message: bilingual(
      'Hàng đợi dữ liệu tạm thời không sẵn sàng; dữ liệu chưa được nhận, hãy gửi lại cùng Idempotency-Key.',
      'The data bus is temporarily unavailable; nothing was accepted, retry with the same Idempotency-Key.',
    ),
  },
  BUS_FULL: {
    status: 503,
    message: bilingual(
      'Hàng đợi dữ liệu đã đầy; dữ liệu chưa được nhận, hãy gửi lại sau.',
      'The data bus is full; nothing was accepted, retry later.',
    ),
  },
  NOT_READY: {
    status: 503,
    message: bilingual('Dịch vụ chưa sẵn sàng.', 'Service not ready.'),
  },
  INTERNAL: {
    status: 500,
    message: bilingual('Lỗi hệ thống.', 'Internal error.'),
  },
} as const satisfies Record<string, ErrorSpec>;

export type ApiErrorCode = keyof typeof API_ERRORS;
