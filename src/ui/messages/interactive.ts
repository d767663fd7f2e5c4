import type { Entry } from './entry.js';

export const interactiveMessages = {
} satisfies Record<string, Entry>;
