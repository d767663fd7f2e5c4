import type { Entry } from './entry.js';

export const reportMessages = {
} satisfies Record<string, Entry>;
