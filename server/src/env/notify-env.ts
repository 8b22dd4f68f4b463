import { booleanFlag, port } from '@kh02/platform';
import { z } from 'zod';

/**
 * Notification channels (docs/configuration.md). Email goes to SMTP_HOST when
 * set; otherwise, with MAIL_SINK on (the default), the process runs a local
 * SMTP sink that stores every message in DATA_DIR/mailbox, so `npm start` shows
 * mail flowing without a mail server; MAIL_SINK=false turns email off (the
 * inbox page and /api/v1/notifications/preferences say so). Zalo ZNS and the
 * Teams webhook are on only when their URLs are set.
 */
export const NotifyEnvShape = {
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: port.default(587),
  /** Implicit TLS (usually port 465). */
  SMTP_SECURE: booleanFlag.default(false),
  /** Refuse to send unless the server upgrades with STARTTLS. */
  SMTP_REQUIRE_TLS: booleanFlag.default(false),
  SMTP_TLS_REJECT_UNAUTHORIZED: booleanFlag.default(true),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().min(3).default('"Trung tâm Chỉ huy KH02" <khong-tra-loi@kh02-demo.invalid>'),
  MAIL_SINK: booleanFlag.default(true),
  /** 0 picks a free port (tests); the demo default is 2525. */
  MAIL_SINK_PORT: z.coerce.number().int().min(0).max(65_535).default(2525),
  ZALO_ZNS_URL: z.url().optional(),
  ZALO_ACCESS_TOKEN: z.string().min(1).optional(),
  ZALO_TEMPLATE_ID: z.string().min(1).optional(),
  TEAMS_WEBHOOK_URL: z.url().optional(),
  /** Base of the deep links in messages (default: the api's own address). */
  PUBLIC_URL: z.url().optional(),
  /** Only one api replica sends (the others keep the outbox for reads). */
  NOTIFY_SENDER: booleanFlag.default(true),
  NOTIFY_TICK_MS: z.coerce.number().int().min(20).max(60_000).default(1_000),
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  NOTIFY_RETRY_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(600_000),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  NOTIFY_HORIZON_HOURS: z.coerce.number().min(0.01).max(720).default(24),
  ESCALATION_CHECK_MS: z.coerce.number().int().min(50).max(3_600_000).default(60_000),
};
