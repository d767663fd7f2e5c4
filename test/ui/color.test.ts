import { describe, expect, it } from 'vitest';
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

  it('colours once chalk is loaded for a terminal', async () => {
    await loadColor([pipe, terminal], {});
    expect(makeChalk(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(makeChalk(false).red('x')).toBe('x');
  });
});
