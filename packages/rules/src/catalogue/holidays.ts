// Russian non-working weekdays and working weekends, 2025–2027 (R1.2b, R5.3, R5.4a, R7.3).
import type { WorkCalendar } from "./types.ts";

// 2025 and 2026 follow the government decrees on holiday transfers; 2027 is provisional
// (Labour Code art. 112 moves of weekend holidays only; the decree's own transfers are unknown yet).
export const russianCalendar: WorkCalendar = {
  holidays: [
    ...["01-01", "01-02", "01-03", "01-06", "01-07", "01-08", "05-01", "05-02", "05-08", "05-09"].map(
      (d) => `2025-${d}`,
    ),
    ...["06-12", "06-13", "11-03", "11-04", "12-31"].map((d) => `2025-${d}`),
    ...["01-01", "01-02", "01-05", "01-06", "01-07", "01-08", "01-09", "02-23", "03-09", "05-01"].map(
      (d) => `2026-${d}`,
    ),
    ...["05-11", "06-12", "11-04", "12-31"].map((d) => `2026-${d}`),
    ...["01-01", "01-04", "01-05", "01-06", "01-07", "01-08", "02-23", "03-08", "05-03", "05-10"].map(
      (d) => `2027-${d}`,
    ),
    ...["06-14", "11-04"].map((d) => `2027-${d}`),
  ],
  workingWeekends: ["2025-11-01"],
};
