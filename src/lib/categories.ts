/**
 * The categories of the page, in the order the sections appear.
 * This is the only place where a category is defined: the schema accepts exactly these ids,
 * the page renders one section per category in this order with these labels.
 */
export const CATEGORIES = [
  {
    id: 'medias-independants',
    label: 'Médias indépendants',
    intro: 'Une information libre de la publicité et des actionnaires, financée par celles et ceux qui la lisent.',
  },
  {
    id: 'solidarite',
    label: 'Solidarité et humanitaire',
    intro: 'Porter secours, ici et ailleurs, aux personnes qui en ont besoin.',
  },
  {
    id: 'libertes-numeriques',
    label: 'Libertés numériques',
    intro: 'Un Internet libre, décentralisé, où nos données et nos outils nous appartiennent.',
  },
] as const;

export type Category = (typeof CATEGORIES)[number];
export type CategoryId = Category['id'];

/** The category ids as a non-empty tuple, the shape `z.enum()` needs. */
export const CATEGORY_IDS = CATEGORIES.map((category) => category.id) as [CategoryId, ...CategoryId[]];

export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}
