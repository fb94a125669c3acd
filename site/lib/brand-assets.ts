// Brand files live in content/assets (the municipality's to change); Vite copies the one the
// gemeente config names into the build with a hashed, cacheable URL.
const logos = import.meta.glob<string>('../../content/assets/*.svg', {
  query: '?url',
  import: 'default',
  eager: true,
});

export function logoUrl(fileName: string): string {
  const url = logos[`../../content/assets/${fileName}`];
  if (!url) throw new Error(`Logo content/assets/${fileName} niet gevonden.`);
  return url;
}
