import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { usageError } from '../../errors.js';

export const ENCODINGS = ['auto', 'utf8', 'utf16le', 'windows-1252', 'latin1'] as const;
export type Encoding = Exclude<(typeof ENCODINGS)[number], 'auto'>;

const ALIASES: Record<string, (typeof ENCODINGS)[number]> = {
  auto: 'auto', utf8: 'utf8', 'utf-8': 'utf8', utf16le: 'utf16le', 'utf-16le': 'utf16le', 'utf-16': 'utf16le',
  'windows-1252': 'windows-1252', cp1252: 'windows-1252', win1252: 'windows-1252', latin1: 'latin1',
  'iso-8859-1': 'latin1',
};

export function parseEncodingOption(text: string | undefined): (typeof ENCODINGS)[number] {
  const e = ALIASES[(text ?? 'auto').trim().toLowerCase()];
  if (!e) throw usageError('import.badEncoding', { value: text ?? '', allowed: ENCODINGS.join(', ') });
  return e;
}

/**
 * How the non-ASCII bytes of a text that is not valid UTF-8 as a whole fall: in valid UTF-8
 * sequences, or not. Mostly valid is a UTF-8 file with a few bad bytes (a name pasted from
 * elsewhere); none valid is a windows-1252 file, whose accented letters are single bytes.
 */
export interface Utf8Census {
  /** Bytes of multi-byte sequences UTF-8 allows. */
  valid: number;
  /** Bytes of 0x80 and above that belong to no such sequence. */
  invalid: number;
}

/** The length of the valid UTF-8 sequence starting with lead byte `b` at `i`, or 0 when there is none. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const b1 = bytes[i + 1] ?? 0;
    // No overlong forms (E0 80..9F) and no surrogates (ED A0..BF).
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const b1 = bytes[i + 1] ?? 0;
    if ((b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

export function utf8Census(bytes: Uint8Array, into: Utf8Census = { valid: 0, invalid: 0 }): Utf8Census {
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const n = sequenceAt(bytes, i);
    if (n > 0) {
      into.valid += n;
      i += n;
    } else {
      into.invalid++;
      i++;
    }
  }
  return into;
}

/** What one pass over the bytes tells before any row is read. */
export interface FileScan {
  bytes: number;
  sha256: string;
  bom: 'utf8' | 'utf16le' | 'utf16be' | null;
  validUtf8: boolean;
  /** For a file that is not valid UTF-8 as a whole: how its non-ASCII bytes fall. */
  utf8: Utf8Census | null;
  /** Looks like something other than text: a zip (.xlsx), an old .xls, a PDF, or NUL bytes. */
  binary: 'xlsx' | 'xls' | 'pdf' | 'binary' | null;
  /** UTF-16LE without a BOM: every other byte NUL in the first KiB of ASCII text. */
  utf16Guess: boolean;
}

/**
 * Reads the file once, in chunks: the checksum for the batch record, and whether it is valid
 * UTF-8 as a whole (a single byte 0x92 deep in the file makes it windows-1252).
 */
export async function scanFile(file: string): Promise<FileScan> {
  try {
    const scan = await scanBytes(file);
    // Read again only for a file that is not valid UTF-8 (windows-1252 rosters from Excel, a village's
    // few hundred rows): a valid UTF-8 file, however large, is read once as before.
    if (!scan.validUtf8 && scan.bom !== 'utf16le' && scan.bom !== 'utf16be') scan.utf8 = await censusOf(file);
    return scan;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A roster this account may not read is the clerk's input to fix, not a broken disk.
    if (code === 'EACCES' || code === 'EPERM') throw usageError('import.cantRead', { path: file }, error);
    throw error;
  }
}

async function scanBytes(file: string): Promise<FileScan> {
  const hash = createHash('sha256');
  let bytes = 0;
  let head: Buffer | null = null;
  let carry = Buffer.alloc(0);
  let validUtf8 = true;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    if (!head) head = chunk.subarray(0, 4096);
    else if (head.length < 4096) head = Buffer.concat([head, chunk.subarray(0, 4096 - head.length)]);
    if (validUtf8) {
      const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const cut = completeUtf8Length(data);
      validUtf8 = isUtf8(data.subarray(0, cut));
      carry = Buffer.from(data.subarray(cut));
    }
  }
  if (carry.length) validUtf8 = false;
  head ??= Buffer.alloc(0);
  const bom =
    head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 'utf8'
    : head[0] === 0xff && head[1] === 0xfe ? 'utf16le'
    : head[0] === 0xfe && head[1] === 0xff ? 'utf16be'
    : null;
  const utf16Guess = !bom && looksUtf16le(head);
  return { bytes, sha256: hash.digest('hex'), bom, validUtf8, utf8: null, binary: bom || utf16Guess ? null : sniffBinary(head), utf16Guess };
}

async function censusOf(file: string): Promise<Utf8Census> {
  const census: Utf8Census = { valid: 0, invalid: 0 };
  let carry = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const cut = completeUtf8Length(data);
    utf8Census(data.subarray(0, cut), census);
    carry = Buffer.from(data.subarray(cut));
  }
  return utf8Census(carry, census);
}

/** Bytes up to the last complete UTF-8 sequence, so a chunk boundary never splits a character. */
function completeUtf8Length(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? buf.length - back : buf.length;
  }
  return buf.length;
}

function looksUtf16le(head: Buffer): boolean {
  if (head.length < 8) return false;
  let zeros = 0;
  const pairs = Math.floor(Math.min(head.length, 1024) / 2);
  for (let i = 0; i < pairs; i++) if (head[2 * i + 1] === 0 && head[2 * i] !== 0) zeros++;
  return zeros / pairs > 0.9;
}

function sniffBinary(head: Buffer): FileScan['binary'] {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'xls';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.includes(0)) return 'binary';
  let control = 0;
  for (const b of head) if (b < 9 || (b > 13 && b < 32 && b !== 26)) control++;
  return head.length > 0 && control / head.length > 0.05 ? 'binary' : null;
}

/**
 * The contract's auto rule: a BOM, then UTF-8, else windows-1252. A file is UTF-8 when it is valid
 * UTF-8 as a whole, or when most of its non-ASCII bytes form valid UTF-8 sequences: a UTF-8 roster
 * with a few bad bytes stays UTF-8 (the rows holding them are rejected, see hasInvalidBytes) rather
 * than have every name garbled as windows-1252. A file with no valid UTF-8 sequence is windows-1252.
 */
export function chooseEncoding(requested: (typeof ENCODINGS)[number], scan: FileScan): Encoding {
  if (requested !== 'auto') return requested;
  if (scan.bom === 'utf8') return 'utf8';
  if (scan.bom === 'utf16le' || scan.utf16Guess) return 'utf16le';
  if (scan.validUtf8) return 'utf8';
  if (scan.utf8 && scan.utf8.valid > scan.utf8.invalid) return 'utf8';
  return 'windows-1252';
}

/**
 * Whether the text read from this file can hold characters decoded from invalid bytes: UTF-8
 * chosen (by a BOM, by most of the file, or by --encoding) for a file that is not valid UTF-8.
 * The decoder turns each such byte into U+FFFD; the reader rejects the rows that hold one.
 */
export function hasInvalidBytes(encoding: Encoding, scan: FileScan): boolean {
  return encoding === 'utf8' && !scan.validUtf8;
}

/** The character a decoder puts for a byte that is not valid in the file's encoding. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

export interface TextDecoderLike {
  write(chunk: Buffer): string;
  end(): string;
}

/** A streaming decoder that drops a leading BOM. */
export function makeDecoder(encoding: Encoding): TextDecoderLike {
  if (encoding === 'utf8') {
    const d = new TextDecoder('utf-8');
    return { write: (c) => d.decode(c, { stream: true }), end: () => d.decode() };
  }
  const d = iconv.getDecoder(encoding === 'latin1' ? 'latin1' : encoding, { stripBOM: true });
  return { write: (c) => d.write(c), end: () => d.end() ?? '' };
}
