// Pluggable mail transports: SMTP through nodemailer, or a dev transport (mails stay readable at /dev/outbox).
import nodemailer from "nodemailer";

export type Mail = { to: string; subject: string; text: string; html?: string | null | undefined };

export type Transport = { name: string; send(mail: Mail): Promise<void> };

export const FROM = "Partner Trust <partners@partner-trust.local>";

export function smtpTransport(url: string): Transport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: "smtp",
    async send(mail) {
      await transporter.sendMail({ from: FROM, ...mail, html: mail.html ?? undefined });
    },
  };
}

/** Delivers nowhere: the outbox row itself is the dev mailbox. */
export const devTransport: Transport = { name: "dev", send: async () => {} };

export function transportFor(smtpUrl: string | undefined): Transport {
  return smtpUrl ? smtpTransport(smtpUrl) : devTransport;
}
