// Names become email local parts and domains: "Sørensen" → "sorensen", "O'Brien" → "obrien".
const SPECIAL: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', ł: 'l', đ: 'd', þ: 'th', œ: 'oe', ı: 'i' };

/** Lowercase a–z and 0–9 only: diacritics dropped, everything else removed. */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[øæßłđþœı]/g, (c) => SPECIAL[c])
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}
