// R5.4h: editing a project never recalculates its points (they were fixed when credited); R5.4a: a project
// accepted for review returns to the moderation queue when the partner edits it. The host and the key are
// the project's identity and its check (R5.4f): not editable.
import { and, eq, ne } from "drizzle-orm";
import * as s from "../../db/schema/index.ts";
import { conflict, forbidden, validationError } from "../../errors/index.ts";
import type { ProjectDeps } from "./add.ts";
import { projectOf } from "./view.ts";

export type ProjectEdit = {
  title?: string | undefined;
  client?: { name: string; email?: string | undefined; phone?: string | undefined } | undefined;
  licenseOwner?: { name: string; inn?: string | undefined } | undefined;
  publishOnSite?: boolean | undefined;
  coDeveloperPartnerId?: string | null | undefined;
};

export async function editProject(
  deps: ProjectDeps,
  partnerId: string,
  projectId: string,
  edit: ProjectEdit,
) {
  const { db, clock } = deps;
  const p = await projectOf(db, projectId, partnerId);
  if (p.partnerId !== partnerId)
    throw forbidden("Проект правит партнёр, добавивший его / Only the adding partner edits the project.");
  if (p.state === "rejected") throw conflict("Проект отклонён / The project was rejected.");
  const co = edit.coDeveloperPartnerId;
  if (co) {
    const [other] = await db.select({ id: s.partners.id }).from(s.partners).where(eq(s.partners.id, co));
    if (!other || co === partnerId)
      throw validationError([
        {
          path: "coDeveloperPartnerId",
          message: "Нет такого партнёра-соразработчика / No such co-developer partner",
        },
      ]);
  }
  const now = clock.now();
  const changedCo = co !== undefined && co !== p.coDeveloperId;
  await db
    .update(s.projects)
    .set({
      ...(edit.title !== undefined && { title: edit.title }),
      ...(edit.client && {
        clientName: edit.client.name,
        clientEmail: edit.client.email ?? null,
        clientPhone: edit.client.phone ?? null,
      }),
      ...(edit.licenseOwner && {
        licenseOwnerName: edit.licenseOwner.name,
        licenseOwnerInn: edit.licenseOwner.inn ?? null,
      }),
      ...(edit.publishOnSite !== undefined && { publishOnSite: edit.publishOnSite }),
      // A new co-developer has not named this partner yet (R5.4d).
      ...(changedCo && { coDeveloperId: co, coDeveloperConfirmedAt: null }),
      ...(p.state === "accepted_for_review" && { state: "draft" as const, submittedAt: now }),
      updatedAt: now,
    })
    .where(and(eq(s.projects.id, projectId), ne(s.projects.state, "rejected")));
  return projectOf(db, projectId);
}
