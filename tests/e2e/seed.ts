/**
 * The organisations the owner supports, each with its card's exact heading and link, written down here on purpose rather than read from
 * `src/content/organisations/`: a content file that drifts from this list (a renamed card, a changed address, a deleted entry) must make
 * the browser tests fail.
 */
export const SEED = [
  { name: 'SOCIETER', url: 'https://fr.ulule.com/societer-usul/' },
  { name: 'SPARK', url: 'https://www.kisskissbankbank.com/fr/projects/spark-nouveau-media-culturel-independant' },
  { name: 'BACKSEAT', url: 'https://www.kisskissbankbank.com/fr/projects/backseat' },
  { name: 'BLAST', url: 'https://www.blast-info.fr/' },
  { name: 'Le Média', url: 'https://www.lemediatv.fr/' },
  { name: 'Fonds pour une presse libre', url: 'https://fondspresselibre.org/' },
  { name: 'La Croix-Rouge', url: 'https://www.croix-rouge.fr/' },
  { name: 'Handicap International', url: 'https://www.handicap-international.fr/' },
  { name: 'Framasoft', url: 'https://fr.wikipedia.org/wiki/Framasoft' },
  { name: 'La Quadrature du Net', url: 'https://www.laquadrature.net/' },
] as const;
