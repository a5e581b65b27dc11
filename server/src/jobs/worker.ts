// Background loop of the server process: delivers due mails under a lease, so one runner sends at a time.
import type { Logger } from "pino";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { Mailer } from "../mail/outbox.ts";
import { acquireLease } from "./lease.ts";

export function startWorker({
  db,
  mailer,
  clock,
  logger,
  intervalMs = 5_000,
}: {
  db: Db;
  mailer: Mailer;
  clock: Clock;
  logger: Logger;
  intervalMs?: number;
}) {
  const holder = crypto.randomUUID();
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      if (!(await acquireLease(db, "mail-delivery", holder, clock.now(), intervalMs * 3))) return;
      const { sent, failed } = await mailer.deliverDue();
      if (sent || failed) logger.info({ sent, failed, transport: mailer.transport.name }, "mail delivery");
    } catch (err) {
      logger.error({ err }, "mail delivery failed");
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick);
  }, intervalMs);
  running = running.then(tick);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
