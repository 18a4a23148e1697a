// The artwork lives in logo-art.ts. This bridge only serves scripts/new-organisation.mjs until its conversion
// imports './lib/logo-art.ts' directly; delete it then.
export * from './logo-art.ts';
