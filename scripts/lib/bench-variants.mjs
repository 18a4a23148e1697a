// @ts-check
/**
 * bench-variants — changes the benchmark may apply to its temporary copy of the project (never to the
 * project itself), to measure a proposed change before it is made in src/ or astro.config.mjs:
 *   npm run bench -- --sizes 100 --variant avif-effort=2 --variant webp-only
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * @param {string} dir @param {string} file @param {string | RegExp} from @param {string} to
 * @returns {Promise<boolean>} whether the text was found and replaced
 */
async function replaceIn(dir, file, from, to) {
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!found) return false;
  await writeFile(path, text.replace(from, to));
  return true;
}

/** Add `image.service.config` to the copy's astro.config.mjs. @param {string} dir @param {Record<string, unknown>} config */
async function imageServiceConfig(dir, config) {
  const ok = await replaceIn(
    dir,
    'astro.config.mjs',
    'export default defineConfig({',
    `export default defineConfig({\n  image: { service: { entrypoint: 'astro/assets/services/sharp', config: ${JSON.stringify(config)} } },`,
  );
  if (!ok) throw new Error('astro.config.mjs: cannot find `export default defineConfig({`');
}

/** @type {Record<string, { describe: string, apply: (dir: string, value?: string) => Promise<void> }>} */
export const VARIANTS = {
  'avif-effort': {
    describe: 'image.service.config.avif.effort = value (sharp default 4)',
    apply: (dir, value) => imageServiceConfig(dir, { avif: { effort: Number(value) } }),
  },
  'avif-effort-quality': {
    describe: 'image.service.config.avif = { effort, quality } from "effort:quality"',
    apply: (dir, value = '') => {
      const [effort, quality] = value.split(':').map(Number);
      return imageServiceConfig(dir, { avif: { effort, quality } });
    },
  },
  'webp-only': {
    describe: 'OrganisationLogo.astro: formats={["webp"]} (no AVIF candidates)',
    apply: async (dir) => {
      const ok = await replaceIn(dir, 'src/components/OrganisationLogo.astro', "formats={['avif', 'webp']}", "formats={['webp']}");
      if (!ok) throw new Error('webp-only: formats={[\'avif\', \'webp\']} not found in OrganisationLogo.astro');
    },
  },
};

/** @param {string} dir @param {string[]} names e.g. ['avif-effort=2', 'webp-only'] */
export async function applyVariants(dir, names) {
  for (const spec of names) {
    const [name = '', value] = spec.split('=');
    const variant = VARIANTS[name];
    if (!variant) throw new Error(`unknown variant "${name}"; known: ${Object.keys(VARIANTS).join(', ')}`);
    await variant.apply(dir, value);
  }
}
