// R6.2c: the editions of "1С-Битрикс: Управление сайтом" a product description must cover (data).

export interface Edition {
  id: string;
  names: string[];
}

export const SITE_MANAGER_EDITIONS: readonly Edition[] = [
  { id: "start", names: ["старт", "start"] },
  { id: "standard", names: ["стандарт", "standard"] },
  { id: "small_business", names: ["малый бизнес", "small business"] },
  { id: "business", names: ["бизнес", "business"] },
];
