// R7.1e: the seed of the competing platforms list (table competing_platforms, edited by admins on /admin/platforms):
// each platform with the spellings people write (Latin, Cyrillic, slang). Read only by seedCompetingPlatforms
// (program/competitors/platforms.ts) on an empty table; the proposals check reads the table.
import type { CompetitorEntry } from "./competitors-match.ts";

export const competingPlatformSeed: readonly CompetitorEntry[] = [
  { name: "Tilda", spellings: ["tilda", "тильда", "тилда", "tilda.cc"] },
  { name: "WordPress", spellings: ["wordpress", "word press", "вордпресс", "вордпрес", "ворд пресс", "wp"] },
  {
    name: "1С-УМИ",
    spellings: ["1с-уми", "1с уми", "1c-umi", "1c umi", "umi.cms", "umi cms", "уми.cms", "юми"],
  },
  { name: "Joomla", spellings: ["joomla", "joomla!", "джумла", "жумла"] },
  { name: "Drupal", spellings: ["drupal", "друпал"] },
  { name: "OpenCart", spellings: ["opencart", "open cart", "опенкарт", "опен карт", "ocstore"] },
  { name: "InSales", spellings: ["insales", "in sales", "инсейлс", "инсейлз"] },
  { name: "Wix", spellings: ["wix", "викс"] },
  { name: "ModX", spellings: ["modx", "modx revo", "модх", "модикс"] },
  { name: "NetCat", spellings: ["netcat", "неткэт", "неткат"] },
  { name: "HostCMS", spellings: ["hostcms", "host cms", "хостцмс"] },
  { name: "Shopify", spellings: ["shopify", "шопифай"] },
  { name: "Magento", spellings: ["magento", "мадженто", "магенто"] },
  { name: "PrestaShop", spellings: ["prestashop", "престашоп"] },
  { name: "Ecwid", spellings: ["ecwid", "эквид"] },
  { name: "CS-Cart", spellings: ["cs-cart", "cs cart", "cscart"] },
  { name: "AmiroCMS", spellings: ["amiro", "amiro.cms", "амиро"] },
  { name: "Webasyst", spellings: ["webasyst", "shop-script", "shop script", "вебасист"] },
  { name: "Nethouse", spellings: ["nethouse", "нетхаус"] },
  { name: "uKit", spellings: ["ukit", "юкит"] },
  { name: "Craftum", spellings: ["craftum", "крафтум"] },
  { name: "Flexbe", spellings: ["flexbe", "флексби"] },
  { name: "LPgenerator", spellings: ["lpgenerator", "лпгенератор"] },
  { name: "amoCRM", spellings: ["amocrm", "амосрм", "амоцрм", "амо crm"] },
  { name: "Мегаплан", spellings: ["megaplan", "мегаплан"] },
];
