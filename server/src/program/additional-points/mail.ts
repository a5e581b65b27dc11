// R5.3: the e-mail to the partner about its additional-points request, Russian first, then English.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";

/** The partner's main user's address, else the approved card's e-mail; null when it has neither. */
export async function partnerAddress(db: Db, partnerId: string): Promise<string | null> {
  const [main] = await db
    .select({ email: s.user.email })
    .from(s.employeeLinks)
    .innerJoin(s.user, eq(s.user.id, s.employeeLinks.userId))
    .where(
      and(
        eq(s.employeeLinks.partnerId, partnerId),
        eq(s.employeeLinks.level, "main"),
        eq(s.employeeLinks.invitation, "accepted"),
      ),
    );
  if (main) return main.email;
  const [card] = await db
    .select({ email: s.cardVersions.email })
    .from(s.cardVersions)
    .where(and(eq(s.cardVersions.partnerId, partnerId), eq(s.cardVersions.state, "approved")))
    .orderBy(desc(s.cardVersions.version))
    .limit(1);
  return card?.email ?? null;
}

export function decisionMail(
  partnerName: string,
  d: { approve: boolean; points: number; reason: string; description: string },
) {
  const subject = d.approve
    ? `Начислены дополнительные баллы: ${d.points} / Additional points credited: ${d.points}`
    : "Запрос дополнительных баллов отклонён / Additional points request declined";
  const ru = d.approve
    ? `${partnerName}: по вашему запросу «${d.description}» начислено дополнительных баллов: ${d.points}. Баллы активны один год.`
    : `${partnerName}: ваш запрос дополнительных баллов «${d.description}» отклонён.`;
  const en = d.approve
    ? `${partnerName}: your request "${d.description}" was credited with ${d.points} additional points, active for one year.`
    : `${partnerName}: your additional points request "${d.description}" was declined.`;
  return {
    subject,
    text: `${ru}\nКомментарий модератора: ${d.reason}\n\n${en}\nModerator's note: ${d.reason}`,
  };
}
