// Time source, injected so tests and the seed control "now"; Moscow civil dates (UTC+3, no DST).
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export const fixedClock = (at: Date | string): Clock => {
  const date = new Date(at);
  return { now: () => new Date(date) };
};

const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;

/** R5.6: the Moscow calendar day 'YYYY-MM-DD' of an instant. */
export function moscowDay(at: Date): string {
  return new Date(at.getTime() + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
}

/** Adds whole calendar days to a 'YYYY-MM-DD' date. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant of 00:00 Moscow time on a 'YYYY-MM-DD' day. */
export function moscowMidnight(day: string): Date {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() - MOSCOW_OFFSET_MS);
}
