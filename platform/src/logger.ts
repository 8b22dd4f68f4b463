import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/** Structured JSON logs; secrets are redacted wherever they might appear. */
export function createLogger(name: string, level: string, pretty = false): Logger {
  const options: LoggerOptions = {
    name,
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-api-key"]',
        'req.headers.cookie',
        'headers.authorization',
        '*.password',
        '*.secret',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
  if (pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } } });
  }
  return pino(options);
}
