import type { Entry } from './entry.js';

export const validateMessages = {
} satisfies Record<string, Entry>;
