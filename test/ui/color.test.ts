import { describe, expect, it } from 'vitest';
import { colorChoice, type GlobalOptions, type Io } from '../../src/context.js';
import { colorEnabled, loadColor, makeChalk } from '../../src/ui/color.js';

const pipe = { isTTY: false } as NodeJS.WritableStream & { isTTY?: boolean };
const terminal = { isTTY: true } as NodeJS.WritableStream & { isTTY?: boolean };

describe('colour', () => {
  it.each([
    [terminal, true, {}, true],
    [terminal, false, {}, false],
    [terminal, true, { NO_COLOR: '1' }, false],
    [terminal, true, { NO_COLOR: '' }, true],
    [terminal, true, { TERM: 'dumb' }, false],
    [pipe, true, {}, false],
    [pipe, true, { FORCE_COLOR: '1' }, true],
    [pipe, true, { FORCE_COLOR: '0' }, false],
  ])('%o wanted=%s env=%o: coloured %s', (stream, wanted, env, expected) => {
    expect(colorEnabled(stream, wanted, env)).toBe(expected);
  });

  // Without colour kim does not load chalk; its stand-in must give every text back unchanged.
  it.each([
    [(c: ReturnType<typeof makeChalk>) => c.red('x'), 'x'],
    [(c: ReturnType<typeof makeChalk>) => c.bold.red('a', 'b'), 'a b'],
    [(c: ReturnType<typeof makeChalk>) => c.dim(42), '42'],
    [(c: ReturnType<typeof makeChalk>) => c.green.bold.underline(''), ''],
  ])('uncoloured %#', (style, expected) => {
    expect(style(makeChalk(false))).toBe(expected);
  });

  it('is never taken for a promise, and says level 0', async () => {
    const plain = makeChalk(false);
    expect(plain.level).toBe(0);
    expect(await Promise.resolve(plain)).toBe(plain);
  });

  it('colours once chalk is loaded', async () => {
    await loadColor();
    expect(makeChalk(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(makeChalk(false).red('x')).toBe('x');
  });
});

describe('colorChoice: which streams a command colours (chalk is loaded only when one is)', () => {
  const io = (stdout: typeof pipe, stderr: typeof pipe, env: NodeJS.ProcessEnv = {}) => ({ stdout, stderr, env }) as unknown as Io;
  it.each<[string, GlobalOptions, Io, { out: boolean; err: boolean }]>([
    ['a table on a terminal', {}, io(terminal, terminal), { out: true, err: true }],
    ['--format json', { format: 'json' }, io(terminal, terminal), { out: false, err: true }],
    ['--format JSON, as typed', { format: ' JSON ' }, io(terminal, terminal), { out: false, err: true }],
    ['--no-color', { color: false }, io(terminal, terminal), { out: false, err: false }],
    ['--out file', { out: 'x.csv' }, io(terminal, terminal), { out: false, err: true }],
    ['NO_COLOR', {}, io(terminal, terminal, { NO_COLOR: '1' }), { out: false, err: false }],
    ['a pipe and a terminal', {}, io(pipe, terminal), { out: false, err: true }],
    ['pipes (scripts, CI)', {}, io(pipe, pipe), { out: false, err: false }],
  ])('%s', (_label, opts, streams, expected) => {
    expect(colorChoice(opts, streams)).toEqual(expected);
  });
});
