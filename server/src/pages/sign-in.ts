// Sign-in and sign-out from plain forms: better-auth's e-mail/password API called on the server, its session
// cookie passed on, then back to the page that asked (`next`, same-site paths only).
import { html } from "hono/html";
import { z } from "zod";
import type { Auth } from "../auth/auth.ts";
import { createRouter } from "../routes/router.ts";
import { type FieldErrors, field, fieldErrors, formAlert, readForm } from "./form.ts";
import { bi, page } from "./layout.ts";

const SignIn = z.object({
  email: z.string().trim().email("Введите e-mail / Enter an e-mail address").max(200),
  password: z.string().min(1, "Введите пароль / Enter the password").max(200),
});

/** Only a path on this site (never `//host` or a scheme), so the form cannot redirect elsewhere. */
export function safeNext(next: string | undefined, fallback = "/cabinet") {
  return next && /^\/(?![/\\])/.test(next) ? next : fallback;
}

function form(next: string, values: { email?: string }, errors?: FieldErrors) {
  return html`<h1>${bi("Вход", "Sign in")}</h1>
    <form class="stack" method="post" action="/sign-in" novalidate>
      ${formAlert(errors)}
      <input type="hidden" name="next" value="${next}">
      ${field({ name: "email", type: "email", label: ["E-mail", "E-mail"], value: values.email, errors, required: true, autocomplete: "username" })}
      ${field({ name: "password", type: "password", label: ["Пароль", "Password"], errors, required: true, autocomplete: "current-password" })}
      <div><button type="submit">${bi("Войти", "Sign in")}</button></div>
    </form>`;
}

export function signInPageRoutes({ auth, publicUrl }: { auth: Auth; publicUrl: string }) {
  return createRouter()
    .get("/sign-in", (c) => {
      const next = safeNext(c.req.query("next"));
      return c.html(
        page("Вход / Sign in", form(next, {}), "", {
          principal: c.get("principal"),
          path: "/sign-in",
          narrow: true,
        }),
      );
    })
    .post("/sign-in", async (c) => {
      const data = await readForm(c, [publicUrl]);
      const next = safeNext(data.next);
      const parsed = SignIn.safeParse(data);
      const chrome = { principal: null, path: "/sign-in", narrow: true };
      if (!parsed.success) {
        return c.html(page("Вход / Sign in", form(next, data, fieldErrors(parsed.error)), "", chrome), 422);
      }
      try {
        const { headers } = await auth.api.signInEmail({
          body: parsed.data,
          headers: c.req.raw.headers,
          returnHeaders: true,
        });
        for (const cookie of headers.getSetCookie()) c.header("Set-Cookie", cookie, { append: true });
        return c.redirect(next, 303);
      } catch {
        const errors = { _: ["Неверный e-mail или пароль / Wrong e-mail or password"] };
        return c.html(page("Вход / Sign in", form(next, data, errors), "", chrome), 401);
      }
    })
    .post("/sign-out", async (c) => {
      await readForm(c, [publicUrl]);
      try {
        const { headers } = await auth.api.signOut({ headers: c.req.raw.headers, returnHeaders: true });
        for (const cookie of headers.getSetCookie()) c.header("Set-Cookie", cookie, { append: true });
      } catch {
        // No session: nothing to end.
      }
      return c.redirect("/", 303);
    });
}
