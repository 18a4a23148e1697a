import { readdirSync } from 'node:fs';

/**
 * The page's languages: one file of words per language in `src/content/site/` (`fr.md`, `en.md`…).
 * French is the default, at `/`; every other language at `/<code>/` (Astro's i18n routing, astro.config.mjs).
 * Read from the folder, relative to the project (the current directory of every npm script), so that adding a
 * language is adding a file.
 */
export const DEFAULT_LANG = 'fr';
export const SITE_WORDS_DIR = 'src/content/site';

/** A language code as a file name: `en`, `de`, `pt-br`. */
const LANG_FILE = /^([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\.md$/;

export const LANGS: readonly string[] = [
  DEFAULT_LANG,
  ...readdirSync(SITE_WORDS_DIR)
    .map((fileName) => LANG_FILE.exec(fileName)?.[1])
    .filter((lang): lang is string => lang !== undefined && lang !== DEFAULT_LANG)
    .sort(),
];

/** The path of a language's page under the base: `''` for French, `en/` for English. */
export const langPath = (lang: string) => (lang === DEFAULT_LANG ? '' : `${lang}/`);

/** The `[...lang]` route parameter of a language's pages: none for the default language. */
export const langStaticPaths = () => LANGS.map((lang) => ({ params: { lang: lang === DEFAULT_LANG ? undefined : lang }, props: { lang } }));
