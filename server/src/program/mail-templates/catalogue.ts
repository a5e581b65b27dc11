// Issue 10: every e-mail template of the program, in the order admins see them. A template not listed here
// could not be edited: catalogue.test.ts checks each defineMail of program/ is.
import type { MailTemplate } from "../../mail/template.ts";
import { statusMails } from "../status/mail.ts";

export const mailCatalogue: readonly MailTemplate[] = [...Object.values(statusMails)];
