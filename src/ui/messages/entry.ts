/** One sentence of the catalog, in both languages a clerk may read. */
export interface Entry {
  id: string;
  en: string;
}
export type Catalog = Record<string, Entry>;
