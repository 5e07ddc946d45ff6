// Slows password guessing: after 10 failures for one IP and email within 15 minutes, sign-in is
// refused until the window passes. In memory, per process: enough for one self-hosted server.
import { AppError } from '../platform/errors.ts';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 10;

export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  check(key: string): void {
    const entry = this.failures.get(key);
    if (!entry) return;
    if (Date.now() - entry.since > WINDOW_MS) {
      this.failures.delete(key);
      return;
    }
    if (entry.count >= MAX_FAILURES) {
      throw new AppError('rate_limited', 'Too many failed sign-in attempts. Try again in 15 minutes.');
    }
  }

  fail(key: string): void {
    const entry = this.failures.get(key);
    if (!entry || Date.now() - entry.since > WINDOW_MS) this.failures.set(key, { count: 1, since: Date.now() });
    else entry.count++;
    if (this.failures.size > 100_000) this.failures.clear();
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
