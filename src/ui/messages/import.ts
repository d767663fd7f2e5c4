import type { Entry } from './entry.js';

export const importMessages = {
} satisfies Record<string, Entry>;
