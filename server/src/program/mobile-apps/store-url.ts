// R5.2: a published mobile app is known by its store page. Only the stores' own hosts are accepted, and the
// same page is one identity however it was copied (country, slug, query, fragment): the app's id in the store.
import { validationError } from "../../errors/index.ts";

type Store = { host: string; ru: string; en: string; canonical(url: URL): string | null };

/** The stores whose pages prove a publication, and each store's canonical page of one app. */
export const stores: readonly Store[] = [
  {
    host: "apps.apple.com",
    ru: "App Store",
    en: "App Store",
    // /ru/app/some-name/id123456789 → the numeric id is the app.
    canonical: (u) => {
      const id = /\/id(\d+)(?:\/|$)/.exec(u.pathname)?.[1];
      return id ? `https://apps.apple.com/app/id${id}` : null;
    },
  },
  {
    host: "play.google.com",
    ru: "Google Play",
    en: "Google Play",
    // /store/apps/details?id=com.example.app&hl=ru → the package name is the app.
    canonical: (u) => {
      const id = u.searchParams.get("id");
      return u.pathname.replace(/\/$/, "") === "/store/apps/details" && id && /^[\w.]+$/.test(id)
        ? `https://play.google.com/store/apps/details?id=${id}`
        : null;
    },
  },
  {
    host: "apps.rustore.ru",
    ru: "RuStore",
    en: "RuStore",
    canonical: (u) => {
      const id = /^\/app\/([\w.]+)\/?$/.exec(u.pathname)?.[1];
      return id ? `https://apps.rustore.ru/app/${id}` : null;
    },
  },
  {
    host: "appgallery.huawei.com",
    ru: "AppGallery",
    en: "AppGallery",
    // The page is /app/C123 or, in the older links, #/app/C123.
    canonical: (u) => {
      const id = /^\/app\/(C?\d+)\/?$/i.exec(u.pathname)?.[1] ?? /^#\/app\/(C?\d+)/i.exec(u.hash)?.[1];
      return id ? `https://appgallery.huawei.com/app/${id.toUpperCase()}` : null;
    },
  },
];

const refuse = (ru: string, en: string) => validationError([{ path: "storeUrl", message: `${ru} / ${en}` }]);

/** The canonical store page of `input`, or a 422 naming storeUrl. */
export function normaliseStoreUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw refuse("Нужна ссылка https://…", "A https://… link is required");
  }
  const store = stores.find((s) => s.host === url.hostname.toLowerCase().replace(/\.$/, ""));
  if (url.protocol !== "https:" || !store)
    throw refuse(
      `Нужна https-ссылка на страницу магазина приложений: ${stores.map((s) => s.host).join(", ")}`,
      `A https link to an app store page is required: ${stores.map((s) => s.host).join(", ")}`,
    );
  const page = store.canonical(url);
  if (!page)
    throw refuse(`Это не страница приложения в ${store.ru}`, `This is not an app's page in ${store.en}`);
  return page;
}
