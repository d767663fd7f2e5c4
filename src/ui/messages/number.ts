import type { Entry } from './entry.js';

export const numberMessages = {
} satisfies Record<string, Entry>;
