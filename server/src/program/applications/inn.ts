// INN (Russian tax number) checksum validation (R1.2a): 10 digits for legal entities,
// 12 digits for sole proprietors and individuals. Pure; no I/O.

export type CompanyType = "legal_entity" | "sole_proprietor" | "individual";

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return (sum % 11) % 10;
}

/** True when `inn` is a 10- or 12-digit INN with valid check digit(s). */
export function isValidInn(inn: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(inn)) return false;
  const d = [...inn].map(Number);
  if (d.length === 10) return checkDigit(d, W10) === d[9];
  return checkDigit(d, W11) === d[10] && checkDigit(d, W12) === d[11];
}

/** The INN length the company type requires (R1.1): 10 for legal entities, otherwise 12. */
export function innLengthFor(type: CompanyType): 10 | 12 {
  return type === "legal_entity" ? 10 : 12;
}

/** Null when valid for the company type, else a bilingual message (Russian first, English second). */
export function innProblem(type: CompanyType, inn: string): string | null {
  const length = innLengthFor(type);
  if (!/^\d+$/.test(inn) || inn.length !== length) {
    return `ИНН должен состоять из ${length} цифр / INN must be ${length} digits for ${type}`;
  }
  if (!isValidInn(inn)) return "Неверная контрольная сумма ИНН / INN checksum is invalid";
  return null;
}
