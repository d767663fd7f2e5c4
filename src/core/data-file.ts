import fs from 'node:fs';

const cache = new Map<string, unknown>();

/**
 * One of the reference lists in data/: plain JSON an office can edit (a heading's spelling, a
 * local party abbreviation, a regional word for "none"). Read once per process, when needed.
 */
export function dataFile<T>(name: string): T {
  if (!cache.has(name)) {
    // dist/core/ and src/core/ both sit two levels below the package root.
    const url = new URL(`../../data/${name}`, import.meta.url);
    cache.set(name, JSON.parse(fs.readFileSync(url, 'utf8')));
  }
  return cache.get(name) as T;
}
