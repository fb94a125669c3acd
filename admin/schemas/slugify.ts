/** A readable URL slug from a Dutch title: accents dropped, `Koffie & Co!` → `koffie-co`. */
export function slugify(text: string, options: { maxLength: number; fallback: string }): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, options.maxLength)
    .replace(/-+$/, '');
  return slug || options.fallback;
}
