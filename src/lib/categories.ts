/**
 * The categories of the page, in the order the sections appear. This is the only place where a
 * category is defined: the schema accepts exactly these ids, the page renders one section per
 * category in this order, with these labels and this accent colour (a rule, a label: used sparingly).
 * Each accent has a light-mode and a dark-mode value, both at least 4.5:1 against the page and cards.
 */
export const CATEGORIES = [
  {
    id: 'medias-independants',
    label: 'Médias indépendants',
    intro: 'Une information libre de la publicité et des actionnaires, financée par celles et ceux qui la lisent.',
    accent: { light: '#a53a22', dark: '#f0937a' },
  },
  {
    id: 'solidarite',
    label: 'Solidarité et humanitaire',
    intro: 'Porter secours, ici et ailleurs, aux personnes qui en ont besoin.',
    accent: { light: '#17705a', dark: '#62c9a9' },
  },
  {
    id: 'libertes-numeriques',
    label: 'Libertés numériques',
    intro: 'Un Internet libre, décentralisé, où nos données et nos outils nous appartiennent.',
    accent: { light: '#4a43b8', dark: '#aaa5ff' },
  },
] as const;

export type Category = (typeof CATEGORIES)[number];
export type CategoryId = Category['id'];

/** The category ids as a non-empty tuple, the shape `z.enum()` needs. */
export const CATEGORY_IDS = CATEGORIES.map((category) => category.id) as [CategoryId, ...CategoryId[]];

export function categoryOf(id: CategoryId): Category {
  return CATEGORIES.find((category) => category.id === id) ?? CATEGORIES[0];
}

export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}

/** The stylesheet that gives each `[data-category]` element its `--accent`, in light and dark mode. */
export function categoryAccentCss(): string {
  const rules = (mode: 'light' | 'dark') =>
    CATEGORIES.map((category) => `[data-category='${category.id}']{--accent:${category.accent[mode]}}`).join('');
  return `${rules('light')}@media (prefers-color-scheme:dark){${rules('dark')}}`;
}
