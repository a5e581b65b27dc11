// R5.3: the e-mail to the partner about its additional-points request, Russian first, then English.

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
