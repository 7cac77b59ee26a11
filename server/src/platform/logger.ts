import { pino, type Logger } from 'pino';

export type { Logger };

/** The root JSON logger; request and job loggers are children of it. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        '*.password',
        '*.code',
        '*.secret',
      ],
      censor: '[redacted]',
    },
  });
}
