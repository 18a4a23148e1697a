import { optimize, type CustomPlugin } from 'svgo';

/**
 * What an SVG logo contains beyond a static drawing, in the owner's words; empty when it is safe.
 * A logo is published as the file itself (Astro serves SVG untouched) and may be opened on its own
 * (« ouvrir l’image dans un nouvel onglet »), in the site's origin: so scripts, event handlers, HTML
 * (foreignObject), links, and anything that makes the browser or the social-image renderer load
 * another file (images, stylesheets, fonts, sprites, XInclude, entities) are all refused.
 * SVGO parses the file; its `removeScripts` plugin is the reference for what counts as a script.
 */
export function findSvgDangers(svg: string): string[] {
  const found = new Set<string>();
  // Entities are expanded by XML parsers (« billion laughs », reading local files): refused before parsing.
  if (/<!DOCTYPE|<!ENTITY/i.test(svg)) found.add('une déclaration <!DOCTYPE> ou <!ENTITY> (entités XML)');
  if (/<\?xml-stylesheet/i.test(svg)) found.add('une feuille de style externe (<?xml-stylesheet?>)');
  if (found.size > 0) return [...found];

  let root: string | undefined;
  const inspect: CustomPlugin = {
    name: 'findSvgDangers',
    fn: () => ({
      element: {
        enter: (node) => {
          root ??= node.name;
          const local = node.name.replace(/^.*:/, '').toLowerCase();
          if (local === 'script') found.add('un script (<script>)');
          else if (local === 'foreignobject') found.add('du HTML (<foreignObject>)');
          else if (local === 'include') found.add(`une inclusion XInclude (<${node.name}>), qui lit un autre fichier`);
          else if (['iframe', 'embed', 'object', 'audio', 'video', 'canvas', 'handler', 'listener'].includes(local)) {
            found.add(`un élément <${node.name}>`);
          } else if ((local === 'set' || local.startsWith('animate')) && /^(on|.*href)/i.test(node.attributes['attributeName'] ?? '')) {
            found.add(`une animation qui change « ${node.attributes['attributeName']} »`);
          }
          if (local === 'style') for (const danger of styleDangers(textOf(node))) found.add(danger);
          for (const [name, value] of Object.entries(node.attributes)) {
            if (/^on/i.test(name)) found.add(`un attribut d’événement « ${name} »`);
            else if (/(^|:)href$/i.test(name) && !isInternalReference(value)) found.add(linkDanger(value));
            else if (name === 'style') for (const danger of styleDangers(value)) found.add(danger);
            else if (/url\(/i.test(value) && !/url\(\s*['"]?#/i.test(value)) found.add(`une référence externe « ${value.trim()} »`);
          }
        },
      },
    }),
  };
  try {
    // The inspector runs before removeScripts, which would otherwise hide what it removes.
    optimize(svg, { plugins: [inspect, 'removeScripts'] });
  } catch {
    return ['du contenu qui n’est pas du SVG lisible'];
  }
  if (root !== undefined && root !== 'svg') {
    found.add(`un élément racine « ${root} » au lieu de « svg » (préfixe d’espace de noms)`);
  }
  return [...found];
}

/** `#id` (a gradient, a clip path of the same file) or an embedded raster image: nothing is fetched. */
function isInternalReference(value: string): boolean {
  return /^\s*#/.test(value) || /^\s*data:image\/(png|jpeg|gif|webp|avif);base64,/i.test(value);
}

function linkDanger(value: string): string {
  return /^\s*javascript:/i.test(value)
    ? `un lien javascript: « ${value.trim().slice(0, 60)} »`
    : `une référence externe « ${value.trim().slice(0, 80)} »`;
}

/** A stylesheet may load another file (`@import`, `url(…)` other than `#id`) or run old IE code (`expression(`). */
function styleDangers(css: string): string[] {
  const dangers: string[] = [];
  if (/@import/i.test(css)) dangers.push('une feuille de style qui en importe une autre (@import)');
  for (const [reference] of css.matchAll(/url\(\s*['"]?(?!#)[^)]*\)/gi)) dangers.push(`une référence externe « ${reference} »`);
  if (/expression\s*\(|behavior\s*:|-moz-binding/i.test(css)) dangers.push('du code dans une feuille de style');
  return dangers;
}

function textOf(node: { children: readonly unknown[] }): string {
  return node.children
    .map((child) => (typeof child === 'object' && child !== null && 'value' in child ? String(child.value) : ''))
    .join('');
}
