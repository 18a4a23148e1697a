import { CATEGORIES, CATEGORY_IDS } from '../categories.ts';
import { LOGO_BOX, type Size } from '../logo-size.ts';
import { closestMatch } from '../suggest.ts';
import { EARLIEST_SUPPORT_YEAR, type SupportDateProblem } from '../support-dates.ts';
import { SUPPORT_IDS } from '../supports.ts';

/**
 * Every message the owner can read about an entry, in French, in one place: the build's report
 * (schema, files, logos, descriptions, duplicates) and the refusals of `npm run new`.
 * Each one names what is wrong and says what to do.
 */

/** What a field holds and an example value, for « manque » and « doit être » messages. */
const FIELD_EXAMPLES: Record<string, { expected: string; example: string }> = {
  name: { expected: 'un texte', example: 'Nom de l’organisation' },
  'cta.label': { expected: 'un texte', example: 'Faire un don' },
  order: { expected: 'un nombre entier', example: '1' },
  why: { expected: 'un texte', example: 'Parce que leurs enquêtes changent les choses.' },
};

/** `cta.label` is written `label:` on a line under `cta:`. */
function exampleLine(field: string, example: string): string {
  const [parent, child] = field.split('.');
  return child ? `« ${child}: ${example} » sous « ${parent}: »` : `« ${field}: ${example} »`;
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
/** A file's weight as the owner's file manager shows it: « 85 Ko », « 3,1 Mo ». */
const fileSize = (bytes: number) => (bytes >= 1_000_000 ? megabytes(bytes) : `${Math.ceil(bytes / 1000)} Ko`);

const validCategories = () => CATEGORY_IDS.join(', ');

/** Fields that hold a web address. */
export const isAddressField = (field: string) => field === 'url' || field === 'feed' || field.endsWith('.url');

/** `blast-info.fr/page`: an address written without its `https://`. */
const isBareDomain = (written: string) => /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(written);

export const schemaMessages = {
  missing(field: string): string {
    if (isAddressField(field)) return `« ${field} » manque : ajoutez une ligne « ${field}: https://www.exemple.org/ ».`;
    if (field === 'category') return `« category » manque : ajoutez « category: » suivi de l’une de ces valeurs : ${validCategories()}.`;
    if (field === 'logo') return logoMessages.missing;
    const { example } = FIELD_EXAMPLES[field] ?? { example: '…' };
    return `« ${field} » manque : ajoutez une ligne ${exampleLine(field, example)}.`;
  },
  wrongType(field: string): string {
    const { expected, example } = FIELD_EXAMPLES[field] ?? { expected: 'une valeur valide', example: '…' };
    return `« ${field} » doit être ${expected}, par exemple ${exampleLine(field, example)}.`;
  },
  empty(field: string): string {
    if (field === 'name') return '« name » est vide : écrivez le nom de l’organisation.';
    if (field.endsWith('label')) return `« ${field} » est vide : écrivez le texte du lien, par exemple « Faire un don ».`;
    return `« ${field} » est vide : écrivez sa valeur, ou retirez la ligne.`;
  },
  notAnInteger: (field: string) => `« ${field} » doit être un nombre entier, par exemple « ${field}: 1 ».`,
  notADate: (field: string) =>
    `« ${field} » doit être une date écrite AAAA-MM-JJ, ou un mois AAAA-MM, par exemple « ${field}: 2024-03-01 » ou « ${field}: 2024-03 ».`,
  supportDate(field: string, written: string, problem: SupportDateProblem): string {
    switch (problem) {
      case 'impossible':
        return `« ${written} » n’est pas une date qui existe (« ${field} ») : vérifiez le jour et le mois, ou écrivez seulement le mois, par exemple « ${field}: ${written.slice(0, 4)}-01 ».`;
      case 'too-early':
        return `« ${written} » est avant ${EARLIEST_SUPPORT_YEAR} (« ${field} ») : vérifiez l’année.`;
      case 'future':
        return field === 'until'
          ? `« ${written} » est dans le futur (« until ») : un soutien se termine à une date passée ; tant qu’il dure, n’écrivez pas « until ».`
          : `« ${written} » est dans le futur (« ${field} ») : écrivez le mois, passé, où le soutien a commencé.`;
      default:
        return schemaMessages.notADate(field);
    }
  },
  userInfo: (field: string, written: string) =>
    `« ${written} » contient « …@ » avant le nom du site (« ${field} ») : l’adresse mènerait ailleurs que ce qu’elle affiche. Écrivez l’adresse du site elle-même, sans rien avant « @ ».`,
  mixedScript: (field: string, label: string) =>
    `le nom de site « ${label} » (« ${field} ») mélange des alphabets (une lettre cyrillique ou grecque qui imite une lettre latine) : recopiez l’adresse à la main depuis la barre d’adresse du site.`,
  whitespace: (field: string, written: string) =>
    `« ${written} » contient une espace (« ${field} ») : une adresse web n’en a pas. Recopiez-la depuis la barre d’adresse du site (une espace s’y écrit %20).`,
  bidiControl: (field: string, codePoint: string) =>
    `« ${field} » contient un caractère invisible qui inverse le sens du texte (${codePoint}) : retapez-le au clavier plutôt que de le copier-coller.`,
  notABoolean: (field: string) => `« ${field} » doit valoir true ou false.`,
  webAddress(field: string, written: string): string {
    return isBareDomain(written)
      ? `« ${written} » n’est pas une adresse complète : écrivez « https://${written} ».`
      : `« ${written} » n’est pas une adresse web : « ${field} » doit commencer par https:// (ou http://), par exemple https://www.exemple.org/.`;
  },
  unknownCategory(written: string): string {
    const byLabel = CATEGORIES.find((category) =>
      closestMatch(
        written,
        Object.values(category.label).filter((label) => label !== undefined),
      ),
    )?.id;
    const suggestion = byLabel ?? closestMatch(written, CATEGORY_IDS);
    return `la catégorie « ${written} » n’existe pas.${suggestion ? ` Vouliez-vous écrire « ${suggestion} » ?` : ''} Valeurs possibles : ${validCategories()}.`;
  },
  unknownSupport(written: string): string {
    const suggestion = closestMatch(written, SUPPORT_IDS);
    const valid = SUPPORT_IDS.join(', ');
    return `« ${written} » n’est pas une façon de soutenir que la page connaît (« support »).${suggestion ? ` Vouliez-vous écrire « ${suggestion} » ?` : ''} Valeurs possibles : ${valid}.`;
  },
  tooLong: (field: string, maximum: number, length: number) =>
    `« ${field} » fait ${length} caractères, ${maximum} au plus : une ou deux phrases suffisent ; raccourcissez-le.`,
  notPlainText: (field: string) =>
    `« ${field} » s’écrit en texte simple, sans balises HTML ni mise en forme Markdown (astérisques, crochets de lien, accents graves) : il s’affiche tel quel sur la carte.`,
  untilBeforeSince:
    '« until » est avant « since » : un soutien se termine après avoir commencé. Vérifiez les deux dates (AAAA-MM ou AAAA-MM-JJ).',
  unknownField(field: string, validFields: readonly string[]): string {
    const key = field.split('.').at(-1) ?? field;
    const suggestion = closestMatch(key, validFields);
    const advice = suggestion ? `vouliez-vous écrire « ${suggestion} » ?` : `champs possibles : ${validFields.join(', ')}.`;
    return `le champ « ${field} » n’est pas reconnu : ${advice}`;
  },
  /** A nested object (`cta`) written as a single value. */
  expectedObject(field: string, validFields: readonly string[]): string {
    return `« ${field} » doit contenir ${validFields.map((key) => `« ${key}: … »`).join(' et ')}, chacun sur sa ligne, en retrait sous « ${field}: ».`;
  },
};

/** The categories file, `src/content/categories.yaml`. */
export const categoryMessages = {
  unreadable: (reason: string) =>
    `le fichier est mal écrit (${reason}) : vérifiez les deux-points, les guillemets et l’indentation, en copiant une rubrique existante.`,
  notAList: 'le fichier doit être une liste de rubriques, chacune commençant par « - id: … » (copiez une rubrique existante).',
  empty: 'le fichier ne liste aucune rubrique : il en faut au moins une, commençant par « - id: … ».',
  id: (field: string, written: string) =>
    `« ${written} » ne peut pas servir d’identifiant (« ${field} ») : écrivez-le en minuscules sans accents, avec des tirets, par exemple « medias-independants ».`,
  duplicate: (id: string) => `deux rubriques portent l’identifiant « ${id} » : donnez à chacune le sien.`,
  notAColour: (field: string, written: string) =>
    `« ${written} » n’est pas une couleur (« ${field} ») : écrivez-la comme en CSS, par exemple « '#a53a22' » (entre guillemets, à cause du #).`,
  lowContrast: (field: string, written: string, contrast: number, mode: 'light' | 'dark') =>
    `la couleur « ${written} » (« ${field} ») se lit mal sur le fond ${mode === 'light' ? 'clair' : 'sombre'} de la page : contraste ${contrast.toFixed(2).replace('.', ',')}:1, il faut 4,5:1 au moins. Choisissez une couleur plus ${mode === 'light' ? 'foncée' : 'claire'}.`,
};

/** The page's words (`src/content/site/<langue>.md`) and the organisations' translations. */
export const wordsMessages = {
  placeholder: (field: string, written: string, known: readonly string[]) =>
    `« ${field} » contient « ${written} », que la page ne sait pas remplacer : ${known.length ? `écrivez ${known.map((name) => `{${name}}`).join(', ')}` : 'retirez les accolades'}.`,
  missingPlaceholder: (field: string, name: string) => `« ${field} » doit contenir « {${name}} », que la page remplace par sa valeur.`,
  locale: (field: string, written: string) =>
    `« ${written} » n’est pas une langue (« ${field} ») : écrivez son code et celui du pays, par exemple « fr-FR » ou « en-GB ».`,
  noOwner: 'le propriétaire de la page manque : ajoutez « owner: » avec « name: Votre nom » en retrait dessous.',
  ownerElsewhere: (defaultFile: string) =>
    `le propriétaire de la page s’écrit une seule fois, dans ${defaultFile} : retirez « owner » de ce fichier.`,
  unknownLanguage: (folder: string, languages: readonly string[]) =>
    `le dossier « ${folder} » n’est pas une langue de la page (${languages.join(', ')}) : une traduction se pose dans le dossier d’une langue qui a son fichier de mots dans src/content/site/, par exemple en/blast.md.`,
  noOrganisation: (id: string) =>
    `aucune fiche « ${id}.md » ne correspond à cette traduction : donnez-lui le nom du fichier de la fiche qu’elle traduit.`,
};

export const frontmatterMessages = {
  noHeader: 'le fichier doit commencer par un en-tête entre deux lignes --- (name, url, logo, category…). Copiez celui d’une autre fiche.',
  notAMapping: 'l’en-tête doit être une liste de champs « nom: valeur », un par ligne.',
  tooManyAliases:
    'l’en-tête répète trop de valeurs par des alias YAML (« &nom » puis « *nom ») : écrivez chaque valeur telle quelle, sans alias.',
  tag: (tag: string) =>
    `la valeur est marquée d’une étiquette YAML « ${tag} », qu’une fiche n’utilise pas : retirez « ${tag} » et écrivez la valeur telle quelle (un texte entre guillemets).`,
  syntax: (reason: string, line: number | undefined) =>
    `l’en-tête est mal écrit${line ? ` (vers la ligne ${line})` : ''} : ${reason}. Vérifiez les deux-points, les guillemets et l’indentation ; une valeur qui contient « : » ou commence par [ { # doit être entre guillemets.`,
};

const LOGO_FORMAT_NAMES = 'PNG, JPEG, WebP, AVIF ou SVG';

export const logoMessages = {
  heavySvg: (written: string, bytes: number, limit: number) =>
    `le SVG « ${written} » pèse ${fileSize(bytes)} : un SVG est publié tel quel, et un logo doit peser ${fileSize(limit)} au plus. Simplifiez le dessin ou optimisez-le (« npx svgo ${written.replace(/^\.\//, '')} »), ou enregistrez-le en PNG : le site le réduira.`,
  missing: 'le champ manque : ajoutez « logo: ./nom-du-fichier.png » avec le nom du fichier image posé à côté de la fiche.',
  webAddress: (written: string) =>
    `« ${written} » est une adresse web : téléchargez le logo et posez le fichier à côté de la fiche, puis écrivez « logo: ./nom-du-fichier.png ».`,
  notFound: (written: string, imagesBeside: readonly string[]) =>
    `le fichier « ${written} » est introuvable à côté de la fiche. Vérifiez son nom et son extension${imagesBeside.length ? ` (images présentes dans le dossier : ${imagesBeside.join(', ')})` : ''}.`,
  unreadable: (written: string) =>
    `le fichier « ${written} » n’est pas une image lisible (${LOGO_FORMAT_NAMES}). Réenregistrez-le depuis un logiciel d’image, ou téléchargez le logo à nouveau.`,
  outsideFolder: (written: string) =>
    `le logo « ${written} » n’est pas dans le dossier de la fiche : copiez l’image à côté de la fiche et écrivez « logo: ./nom-du-fichier.png » (pas de « .. », de chemin absolu ni de lien symbolique qui en sort).`,
  wrongExtension: (written: string, format: string, renamed: string) =>
    `le fichier « ${written} » est en réalité une image ${format.toUpperCase()}, pas ce qu’annonce son extension : renommez-le « ${renamed} » et changez la ligne « logo: ».`,
  animated: (written: string, frames: number) =>
    `le logo « ${written} » est animé (${frames} images) : un logo de carte est une image fixe. Enregistrez une seule image (PNG, WebP ou SVG).`,
  tooLarge: (written: string, size: Size, limit: number) =>
    `le logo « ${written} » fait ${size.width}×${size.height} px : trop grand (plus de ${Math.round(limit / 1e6)} millions de pixels) pour être traité. Réduisez-le : 2000 px de large suffisent largement.`,
  unsafeSvg: (written: string, dangers: readonly string[]) =>
    `le SVG « ${written} » n’est pas un simple dessin : il contient ${dangers.join(', ')}. Ouvert seul, il agirait dans le site ou chargerait un autre site. Réenregistrez-le depuis un logiciel de dessin (« SVG simple »), ou utilisez un PNG.`,
  tooSmall: (written: string, size: Size, minimum: Size) =>
    `le logo « ${written} » fait ${size.width}×${size.height} px : trop petit pour rester net sur les écrans haute densité. Il faut au moins ${minimum.width}×${minimum.height} px pour cette forme (le logo s’affiche jusqu’à ${LOGO_BOX.width}×${LOGO_BOX.height} px, à doubler pour les écrans Retina). Utilisez une image plus grande, ou un SVG.`,
};

export const entryMessages = {
  emptyDescription:
    'la description est vide : écrivez quelques phrases sous la ligne --- qui ferme l’en-tête, elles apparaîtront sur la carte.',
  duplicate: (value: string, originalFile: string) =>
    `« ${value} » est déjà utilisé par ${originalFile} : deux fichiers décrivent la même organisation. Gardez-en un seul (supprimez ou fusionnez l’autre).`,
  ignoredExtension: (fileName: string) =>
    `ce fichier est ignoré : seuls les fichiers en « .md » (en minuscules) sont lus. Renommez-le en ${fileName.replace(/\.[^.]+$/, '.md')}.`,
  sameId: (otherFile: string, id: string) =>
    `ce fichier et ${otherFile} donnent la même fiche « ${id} » (les majuscules ne comptent pas) : l’un des deux serait ignoré sans prévenir. Gardez un seul fichier, ou renommez l’autre.`,
  subfolder: (folder: string) =>
    `ce dossier contient des fiches qui ne sont pas lues : les fiches se posent directement dans ${folder}. Déplacez-y ses fichiers .md (avec leurs logos).`,
  hiddenFile: (fileName: string) =>
    `ce fichier est ignoré parce que son nom commence par un point (fichier caché) : renommez-le ${fileName.replace(/^\.+/, '')}, ou supprimez-le.`,
};

const lineText = (line: number | undefined) => (line ? `, ligne ${line} du texte` : '');

export const descriptionMessages = {
  rawHtml: (tag: string, line: number | undefined) =>
    `du HTML (« ${tag}… ») est écrit dans la description${lineText(line)} : les descriptions s’écrivent en Markdown seulement, sans balises HTML : retirez-les (le gras, l’italique et les liens s’écrivent en Markdown).`,
  image: (line: number | undefined) =>
    `une image est insérée dans la description${lineText(line)} (écrite « ![…] ») : la carte a déjà son image, le logo. Retirez-la, ou faites-en un simple lien en retirant le « ! » qui la précède.`,
  heading: (line: number | undefined) =>
    `la description contient un titre${lineText(line)} (une ligne qui commence par « # ») : la carte a déjà le sien, le nom. Écrivez un paragraphe, ou mettez le texte en gras (entre deux paires d’astérisques).`,
  element: (name: string, attribute: string | undefined) =>
    `la description produit ${attribute ? `un attribut « ${attribute} » sur ` : ''}un élément « <${name}> » qu’une carte n’affiche pas (tableau, case à cocher, note…) : écrivez des paragraphes, des listes, du gras, de l’italique et des liens seulement.`,
  unsafeLink: (target: string) =>
    `le lien « ${target} » n’est pas une adresse web : un lien de description commence par https:// (ou http://, mailto:).`,
  userInfo: (target: string) =>
    `le lien « ${target} » contient « …@ » avant son site : il mènerait ailleurs que ce qu’il affiche. Écrivez l’adresse du site elle-même, sans rien avant « @ ».`,
  mixedScript: (target: string, line: number | undefined) =>
    `le lien « ${target} »${lineText(line)} mélange des alphabets dans son nom de site (une lettre cyrillique ou grecque qui imite une lettre latine) : recopiez l’adresse à la main depuis la barre d’adresse du site.`,
};

/** One problem of one entry, as the build reports it. */
export interface EntryProblem {
  /** The entry's file, relative to the project. */
  file: string;
  /** The field to change (`description` stands for the Markdown under the frontmatter). */
  field: string;
  /** What is wrong and what to do, for the owner. */
  message: string;
}

/** The hint under the report. */
export const REPORT_HINT =
  'Corrigez chaque fichier cité, puis relancez la commande. Le guide « Ajouter une organisation » du README explique chaque champ.';

/** Every problem on its own line, `• <file> — champ « <field> » : <message>`, sorted by file. */
export function formatEntryProblems(problems: readonly EntryProblem[]): string {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file));
  const lines = sorted.map((problem) => `  • ${problem.file} — champ « ${problem.field} » : ${problem.message}`);
  // The organisations' files are « fiches »; the page's words and the categories are the page's own files.
  const onlyEntries = problems.every(
    (problem) => problem.file.includes('/organisations/') && !/\/organisations\/[^/]+\//.test(problem.file),
  );
  const count =
    problems.length === 1
      ? onlyEntries
        ? 'Une fiche d’organisation est à corriger'
        : 'Un fichier de la page est à corriger'
      : `${problems.length} problèmes à corriger dans les ${onlyEntries ? 'fiches d’organisation' : 'fichiers de la page'}`;
  return `${count} :\n${lines.join('\n')}`;
}

const EXAMPLE_COMMAND = 'npm run new -- "Les Amis de la Terre" https://www.amisdelaterre.org/';

/** Why `npm run new` wrote nothing (printed after « Rien n’a été créé : »). */
export const newEntryMessages = {
  missingValue: '« --category » et « --logo » doivent être suivis d’une valeur, par exemple « --category solidarite ».',
  unknownOption: (option: string | undefined) =>
    `option inconnue${option ? ` « ${option} »` : ''} : les options possibles sont --category, --logo et --help.`,
  tooManyArguments: (count: number) =>
    `trop d’arguments (${count}) : mettez le nom entre guillemets s’il contient des espaces, par exemple\n  ${EXAMPLE_COMMAND}`,
  nameFirst: `le nom de l’organisation vient en premier, son adresse ensuite, par exemple\n  ${EXAMPLE_COMMAND}`,
  missingName: `il manque le nom de l’organisation et son adresse, par exemple\n  ${EXAMPLE_COMMAND}`,
  missingUrl: (name: string) =>
    `il manque l’adresse du site de « ${name} », après son nom, par exemple\n  npm run new -- "${name}" https://www.exemple.org/`,
  noSlug: (name: string) =>
    `le nom « ${name} » ne contient ni lettre latine ni chiffre : impossible d’en tirer un nom de fichier. Écrivez le nom en lettres latines.`,
  noFolder: (folder: string) => `le dossier des fiches ${folder} est introuvable : lancez la commande depuis le dossier du projet.`,
  logoNotFound: (path: string) => `le logo « ${path} » est introuvable.`,
  logoExtension: (path: string, extensions: readonly string[]) =>
    `le logo « ${path} » doit être un fichier PNG, JPEG, WebP, AVIF, GIF, TIFF ou SVG (extension ${extensions.map((e) => `.${e}`).join(', ')}).`,
  entryExists: (file: string) => `le fichier ${file} existe déjà : ouvrez-le pour le compléter, ou choisissez un autre nom.`,
  sameId: (file: string) =>
    `le fichier ${file} existe déjà et donnerait la même fiche (les majuscules ne comptent pas) : ouvrez-le pour le compléter, ou choisissez un autre nom.`,
  sameName: (file: string, existing: string, name: string) =>
    `${file} décrit déjà cette organisation : son nom « ${existing} » est le même que « ${name} » (les majuscules, les accents et les espaces ne comptent pas). Complétez cette fiche plutôt que d’en créer une deuxième.`,
  sameUrl: (file: string, existing: string, url: string) =>
    `${file} décrit déjà cette organisation : son adresse « ${existing} » est la même que « ${url} » (« www. », la barre finale et les majuscules ne comptent pas). Complétez cette fiche plutôt que d’en créer une deuxième.`,
  unreadableNeighbour: (file: string) =>
    `Attention : l’en-tête de ${file} est illisible, il n’a pas été comparé (« npm run build » dira quoi corriger).`,
  logoExists: (file: string) =>
    `le fichier ${file} existe déjà (un logo sans fiche ?) : déplacez-le ou supprimez-le, puis relancez la commande.`,
};

/** Why a download of `npm run new` failed. */
export const fetchMessages = {
  redirectNotWeb: (url: string, protocol: string) => `${url} redirige vers une adresse « ${protocol} », qui n’est pas une adresse web`,
  tooManyRedirects: (url: string, max: number) => `${url} redirige plus de ${max} fois`,
  status: (url: string, status: number) => `${url} répond ${status}${status === 404 ? ' (page introuvable)' : ''}`,
  tooLarge: (url: string, size: number, limit: number) => `${url} dépasse ${megabytes(limit)} (au moins ${megabytes(size)})`,
  timeout: (url: string, timeoutMs: number) => `${url} n’a pas répondu en ${Math.round(timeoutMs / 100) / 10} s`,
  unreachable: (url: string, code: string | undefined) =>
    `${url} est injoignable${code ? ` (${code})` : ''} : pas de réseau, ou une adresse mal écrite`,
  notHtml: (url: string, type: string) => `${url} n’est pas une page web (${type || 'type inconnu'})`,
};

/** What `npm run new` tells about an organisation's address it read. */
export const fromAddressMessages = {
  reading: (url: string) => `Lecture de ${url}…`,
  nameFound: (name: string, source: string) => `Nom : ${name} (${source})`,
  descriptionFound: (source: string) => `Description : reprise du site (${source}), à réécrire avec vos mots.`,
  logoChosen: (url: string, source: string, why: string) => `Logo choisi : ${url} (${source}) : ${why}.`,
  logoRefused: (url: string, source: string, why: string) => `  écarté : ${url} (${source}) : ${why}`,
  noLogo:
    'aucun logo du site ne convient (il en faut un de 448 px de large, ou un SVG) : un logo provisoire est dessiné. Remplacez-le à la main, par exemple par le logo du dossier de presse de l’organisation.',
  pageUnreadable: (why: string) =>
    `la page n’a pas pu être lue (${why}) : la fiche est créée avec un logo provisoire. Complétez-la à la main (nom, description, logo).`,
  nameFromHost: (name: string) => `Nom : ${name} (tiré de l’adresse, faute de mieux : vérifiez-le dans la fiche)`,
  nameWithoutLetters: (pageName: string, name: string) =>
    `Nom : ${name} (tiré de l’adresse : celui de la page, « ${pageName} », n’a ni lettre latine ni chiffre pour en faire un nom de fichier ; vérifiez-le dans la fiche)`,
  addressLeftOut: (address: string) =>
    `  retiré de la description : « ${address} », une adresse que la construction refuserait (« …@ » avant le nom du site, ou des alphabets mélangés).`,
  notAnImage: 'ce n’est pas une image lisible',
  chosenVector: 'un SVG, net à toutes les tailles',
  chosenRaster: (width: number, height: number) => `${width}×${height} px, assez grand pour les écrans haute densité`,
  /** Where the page declares a logo candidate. */
  sources: {
    icon: 'icône',
    appleTouchIcon: 'apple-touch-icon',
    manifestIcon: 'icône du manifeste',
    manifest: 'manifeste',
    vector: (what: string) => `${what} SVG`,
    sized: (what: string, size: number) => `${what} (${size} px)`,
    jsonLd: 'logo des données structurées (JSON-LD)',
    ogImage: 'image de partage (og:image)',
  },
  descriptionComment: (source: string) => [
    `# La description sous l’en-tête vient du site de l’organisation (${source}) :`,
    '# réécrivez-la avec vos mots, puis supprimez ces deux lignes.',
  ],
};
