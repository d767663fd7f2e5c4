import { isHeading, type Entry, type Prompts } from '../../src/ui/menu/prompts.js';

/** One answer of the clerk's script, taken by the next prompt of the matching kind. */
export type Step =
  | { kind: 'select'; pick: string | RegExp }
  | { kind: 'input'; values: string[] }
  | { kind: 'confirm'; answer: boolean }
  | { kind: 'esc' }
  | { kind: 'ctrlC' };

/** Picks the first selectable choice whose name contains the text (or matches the pattern). */
export const choose = (pick: string | RegExp): Step => ({ kind: 'select', pick });
/** Types values in turn: a value the prompt refuses is recorded, and the next one is typed. */
export const type = (...values: string[]): Step => ({ kind: 'input', values });
export const yes: Step = { kind: 'confirm', answer: true };
export const no: Step = { kind: 'confirm', answer: false };
export const ctrlC: Step = { kind: 'ctrlC' };
/** Esc at whatever is asked: a list or a typed answer goes back, a confirmation says no. */
export const esc: Step = { kind: 'esc' };

class ExitPromptError extends Error {
  override name = 'ExitPromptError';
}

export interface FakePrompts extends Prompts {
  /** Every question asked, in order. */
  asked: string[];
  /** The choices of the last select, and the value it offered first (its default). */
  lastChoices: string[];
  /** The choices of every select, by its question. */
  offered: Map<string, string[]>;
  /** The hints under the choices of every select, by its question. */
  hints: Map<string, (string | undefined)[]>;
  defaults: unknown[];
  /** Sentences with which input prompts refused a typed value. */
  refused: string[];
  /** Where the desk and the script parted ways; the desk may catch the error, the test must not. */
  mismatches: string[];
  left(): number;
}

/**
 * The desk's prompts with a scripted clerk at the keyboard: the workflow runs for real (database,
 * files, validation), only the questions are answered from the script. A question the script does
 * not expect fails the test, naming it.
 */
export function scripted(steps: Step[]): FakePrompts {
  const queue = [...steps];
  const fake: FakePrompts = {
    asked: [],
    lastChoices: [],
    offered: new Map(),
    hints: new Map(),
    defaults: [],
    refused: [],
    mismatches: [],
    left: () => queue.length,
    async select<T>(message: string, entries: Entry<T>[], options?: { default?: T }): Promise<T | undefined> {
      const step = next(message, 'select');
      if (step.kind === 'esc') return undefined;
      fake.defaults.push(options?.default);
      const choices = entries.filter((e) => !isHeading(e)) as { value: T; name: string; description?: string; disabled?: boolean | string }[];
      fake.lastChoices = choices.map((c) => c.name);
      fake.offered.set(message, fake.lastChoices);
      fake.hints.set(message, choices.map((c) => c.description));
      const { pick } = step as { pick: string | RegExp };
      const found = choices.find((c) => !c.disabled && (typeof pick === 'string' ? c.name.includes(pick) : pick.test(c.name)));
      if (!found) {
        fake.mismatches.push(`no choice ${pick} at "${message}"`);
        throw new Error(`no choice ${pick} at "${message}"; choices: ${fake.lastChoices.join(' | ')}`);
      }
      return found.value;
    },
    async input(message, options = {}) {
      const step = next(message, 'input');
      if (step.kind === 'esc') return undefined;
      for (const typed of (step as { values: string[] }).values) {
        const value = typed === '' && options.default !== undefined ? options.default : typed;
        // As on the terminal: an empty answer is never refused, the desk decides what it means.
        if (value.trim() === '') return value;
        const problem = options.validate?.(value) ?? null;
        if (problem === null) return value;
        fake.refused.push(problem);
      }
      fake.mismatches.push(`every value typed at "${message}" was refused`);
      throw new Error(`every value typed at "${message}" was refused: ${fake.refused.join(' / ')}`);
    },
    async confirm(message) {
      const step = next(message, 'confirm');
      return step.kind !== 'esc' && (step as { answer: boolean }).answer;
    },
  };
  function next(message: string, kind: Step['kind']): Step {
    fake.asked.push(message);
    const step = queue.shift();
    const fail = (problem: string) => {
      fake.mismatches.push(problem);
      return new Error(problem);
    };
    if (!step) throw fail(`the script ended, but the desk asked: "${message}"`);
    if (step.kind === 'ctrlC') throw new ExitPromptError('User force closed the prompt with SIGINT');
    if (step.kind !== kind && step.kind !== 'esc') throw fail(`the desk asked a ${kind} ("${message}"), the script had a ${step.kind}`);
    return step;
  }
  return fake;
}
