import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * The categories of the page, in the order the sections appear: `src/content/categories.yaml`, which the owner
 * edits (id, label and intro in each language, accent colour for light and dark mode). Read once, synchronously,
 * when the module loads: the organisation schema accepts exactly these ids, and the owner's messages and
 * `npm run new` list them. The file is checked by `organisations/category-checks.ts`, which the loader runs
 * before anything else, so a mistake in it stops the build with the file, the field and the fix.
 */
export const CATEGORIES_FILE = 'src/content/categories.yaml';

export interface Category {
  id: string;
  /** Per language; the default language's is required. */
  label: Partial<Record<string, string>>;
  intro: Partial<Record<string, string>>;
  /** CSS colours, checked for 4.5:1 against the page and the cards. */
  accent: { light: string; dark: string };
}

/** The file as YAML, or why it cannot be read (`category-checks.ts` words it for the owner). */
export const CATEGORIES_YAML: { data: unknown } | { error: string } = (() => {
  try {
    return { data: parse(readFileSync(CATEGORIES_FILE, 'utf8'), { maxAliasCount: 100 }) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error) };
  }
})();

const listed = 'data' in CATEGORIES_YAML && Array.isArray(CATEGORIES_YAML.data) ? (CATEGORIES_YAML.data as unknown[]) : [];
export const CATEGORIES: readonly Category[] = listed.filter(
  (item): item is Category => typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string',
);

/** The category ids as a non-empty tuple, the shape `z.enum()` needs. */
export const CATEGORY_IDS = CATEGORIES.map((category) => category.id) as [string, ...string[]];

export function categoryOf(id: string): Category | undefined {
  return CATEGORIES.find((category) => category.id === id);
}

/** The stylesheet that gives each `[data-category]` element its `--accent`, in light and dark mode. */
export function categoryAccentCss(): string {
  const rules = (mode: 'light' | 'dark') =>
    CATEGORIES.map((category) => `[data-category='${category.id}']{--accent:${category.accent[mode]}}`).join('');
  return `${rules('light')}@media (prefers-color-scheme:dark){${rules('dark')}}`;
}
