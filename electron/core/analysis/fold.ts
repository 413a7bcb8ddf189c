// Folding person names for comparison: case, accents and German spellings (Müller = Mueller = Muller).
export function foldPersonName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/,/g, ' ')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
