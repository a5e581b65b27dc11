// Issue 10: every e-mail's wording is a Mustache template admins may edit (program/mail-templates); the text
// written in the module's mail.ts is its default. Placeholders are declared with what they hold and an example,
// so an edit is checked before it is saved and previewed with the examples.
import Mustache from "mustache";
import type { MailText } from "./partner.ts";

export type Bi = readonly [ru: string, en: string];
/** A placeholder's value: text, a number, or a flag/absent value for {{#section}}…{{/section}}. */
export type VarValue = string | number | boolean | null;

export type MailTemplate<V extends string = string> = {
  /** Stable id, "area.event" (the admin's edits are stored under it). */
  key: string;
  /** What the mail is, for the admins' list. */
  title: Bi;
  /** The rule it serves (R2.5 …). */
  rule: string;
  vars: Record<V, { about: Bi; example: VarValue }>;
  /** Placeholders the mail is useless without (a link, a token): an edit may not drop them. */
  required?: readonly NoInfer<V>[];
  subject: string;
  text: string;
};

export type Wording = { subject: string; text: string };
export type Issue = { path: "subject" | "text"; message: string };

/** The placeholder most mails share: the partner's name. */
export const partnerVar = {
  about: ["Название партнёра", "Partner name"],
  example: "ООО «Веб-Студия»",
} as const;

/** Declares a template; the placeholder names become the type of the values it is rendered with. */
export const defineMail = <const V extends string>(t: MailTemplate<V>): MailTemplate<V> => t;

// Mails are plain text: values go in as written ({{x}} would HTML-escape them otherwise).
const plain = { escape: (value: string) => value };

/** The mail of `template` in `wording` (the admins' or the default) with these values. */
export function renderMail<V extends string>(
  template: MailTemplate<V>,
  view: Record<V, VarValue>,
  wording: Wording = template,
): MailText {
  return {
    // A subject is one line whatever a value holds.
    subject: Mustache.render(wording.subject, view, {}, plain).replace(/\s+/g, " ").trim(),
    text: Mustache.render(wording.text, view, {}, plain),
  };
}

/** The template's example values (for previews and checks). */
export const examples = <V extends string>(t: MailTemplate<V>) =>
  Object.fromEntries(Object.entries<{ example: VarValue }>(t.vars).map(([k, v]) => [k, v.example])) as Record<
    V,
    VarValue
  >;

type Token = [type: string, value: string, start: number, end: number, children?: Token[]];

/** Every placeholder a template text names, or the parse error. */
function placeholders(source: string): { names: Set<string>; error?: string } {
  const names = new Set<string>();
  let tokens: Token[];
  try {
    tokens = Mustache.parse(source) as Token[];
  } catch (err) {
    return { names, error: err instanceof Error ? err.message : String(err) };
  }
  const walk = (list: Token[]): string | undefined => {
    for (const [type, value, , , children] of list) {
      if (type === ">" || type === "=")
        return `{{${type}${value}}}: вставки и смена скобок не поддерживаются / partials and delimiter changes are not supported`;
      if (type !== "text") names.add(value);
      const inner = children && walk(children);
      if (inner) return inner;
    }
    return undefined;
  };
  const error = walk(tokens);
  return error ? { names, error } : { names };
}

const LIMITS = { subject: 200, text: 10_000 } as const;

/** What is wrong with an admin's wording of `template` (empty: it may be saved). */
export function checkWording(template: MailTemplate, wording: Wording): Issue[] {
  const issues: Issue[] = [];
  const known = Object.keys(template.vars);
  for (const path of ["subject", "text"] as const) {
    const source = wording[path];
    if (!source.trim()) {
      issues.push({ path, message: "Не может быть пустым / Must not be empty" });
      continue;
    }
    if (source.length > LIMITS[path])
      issues.push({
        path,
        message: `Не длиннее ${LIMITS[path]} знаков / At most ${LIMITS[path]} characters`,
      });
    const { names, error } = placeholders(source);
    if (error) issues.push({ path, message: `Ошибка шаблона / Template error: ${error}` });
    for (const name of names)
      if (!known.includes(name))
        issues.push({
          path,
          message: `Неизвестная подстановка {{${name}}}; доступны / Unknown placeholder {{${name}}}; known: ${known.join(", ")}`,
        });
  }
  if (wording.subject.includes("\n"))
    issues.push({ path: "subject", message: "Тема — одна строка / The subject is one line" });
  const used = new Set([...placeholders(wording.subject).names, ...placeholders(wording.text).names]);
  for (const name of template.required ?? [])
    if (!used.has(name))
      issues.push({
        path: "text",
        message: `Письмо не обходится без {{${name}}} / The mail needs {{${name}}}`,
      });
  return issues;
}
