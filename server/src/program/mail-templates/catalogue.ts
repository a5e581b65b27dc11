// Issue 10: every e-mail template of the program, in the order admins see them. A template not listed here
// could not be edited: catalogue.test.ts checks each defineMail of program/ is.
import type { MailTemplate } from "../../mail/template.ts";
import { additionalPointsMails } from "../additional-points/mail.ts";
import { applicationMails } from "../applications/mail.ts";
import { employeeMails } from "../employees/mail.ts";
import { leadMails } from "../leads/mails.ts";
import { lifecycleMails } from "../lifecycle/mail.ts";
import { marketplaceMails } from "../marketplace/mail.ts";
import { mobileAppMails } from "../mobile-apps/mail.ts";
import { nfrMails } from "../nfr/mail.ts";
import { projectMails } from "../projects/mail.ts";
import { promotionMails } from "../promotions/mail.ts";
import { qualityMails } from "../quality/mail.ts";
import { reauditMails } from "../reaudit/mail.ts";
import { statusMails } from "../status/mail.ts";

export const mailCatalogue: readonly MailTemplate[] = [
  ...Object.values(statusMails),
  ...Object.values(nfrMails),
  ...Object.values(qualityMails),
  ...Object.values(reauditMails),
  ...Object.values(projectMails),
  ...Object.values(additionalPointsMails),
  ...Object.values(mobileAppMails),
  ...Object.values(leadMails),
  ...Object.values(promotionMails),
  ...Object.values(applicationMails),
  ...Object.values(lifecycleMails),
  ...Object.values(employeeMails),
  ...Object.values(marketplaceMails),
];
