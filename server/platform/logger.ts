import pino from 'pino';

/** JSON logs for machines; readable lines when a person is watching a terminal. */
export function createLogger(level: string): pino.Logger {
  if (process.stdout.isTTY && process.env.NODE_ENV !== 'production') {
    return pino({ level, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } });
  }
  return pino({ level });
}
