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
    </form>
    <p>${bi("Нет учётной записи?", "No account?")} <a href="/sign-up?next=${encodeURIComponent(next)}">${bi("Зарегистрироваться", "Sign up")}</a></p>`;
}

const SignUp = z.object({
  name: z.string().trim().min(1, "Введите имя / Enter your name").max(200),
  email: z.string().trim().email("Введите e-mail / Enter an e-mail address").max(200),
  password: z.string().min(8, "Не короче 8 символов / At least 8 characters").max(200),
});

function signUpForm(next: string, values: { name?: string; email?: string }, errors?: FieldErrors) {
  return html`<h1>${bi("Регистрация", "Sign up")}</h1>
    <p class="muted">${bi(
      "Учётная запись нужна, чтобы стать сотрудником партнёра (по приглашению) или следить за своими заявками.",
      "An account lets you become a partner's employee (by invitation) or follow your requests.",
    )}</p>
    <form class="stack" method="post" action="/sign-up" novalidate>
      ${formAlert(errors)}
      <input type="hidden" name="next" value="${next}">
      ${field({ name: "name", label: ["Имя", "Name"], value: values.name, errors, required: true, autocomplete: "name" })}
      ${field({ name: "email", type: "email", label: ["E-mail", "E-mail"], value: values.email, errors, required: true, autocomplete: "email" })}
      ${field({ name: "password", type: "password", label: ["Пароль", "Password"], errors, required: true, autocomplete: "new-password", hint: ["не короче 8 символов", "at least 8 characters"] })}
      <div><button type="submit">${bi("Зарегистрироваться", "Sign up")}</button></div>
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
    .get("/sign-up", (c) => {
      const next = safeNext(c.req.query("next"));
      return c.html(
        page("Регистрация / Sign up", signUpForm(next, {}), "", {
          principal: c.get("principal"),
          narrow: true,
        }),
      );
    })
    .post("/sign-up", async (c) => {
      const data = await readForm(c, [publicUrl]);
      const next = safeNext(data.next);
      const parsed = SignUp.safeParse(data);
      const chrome = { principal: null, narrow: true };
      if (!parsed.success) {
        return c.html(
          page("Регистрация / Sign up", signUpForm(next, data, fieldErrors(parsed.error)), "", chrome),
          422,
        );
      }
      try {
        // better-auth signs the new user in at once (its session cookie comes back).
        const { headers } = await auth.api.signUpEmail({
          body: parsed.data,
          headers: c.req.raw.headers,
          returnHeaders: true,
        });
        for (const cookie of headers.getSetCookie()) c.header("Set-Cookie", cookie, { append: true });
        return c.redirect(next, 303);
      } catch {
        const errors = { email: ["Этот e-mail уже зарегистрирован / This e-mail is already registered"] };
        return c.html(page("Регистрация / Sign up", signUpForm(next, data, errors), "", chrome), 409);
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
