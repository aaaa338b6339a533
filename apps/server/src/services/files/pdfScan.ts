import { Unzlib } from 'fflate';
import type { Readable } from 'node:stream';
import { MB } from '@fw/shared';

/**
 * PDF names that make a document act on its own when opened (scripts, launch actions, automatic
 * actions) or carry other files. Such uploads are kept but flagged for the reviewers.
 */
const WATCHED: Record<string, string> = {
  JavaScript: 'JavaScript',
  JS: 'JS',
  OpenAction: 'OpenAction',
  AA: 'AA',
  Launch: 'Launch',
  EmbeddedFile: 'EmbeddedFile',
  EmbeddedFiles: 'EmbeddedFile',
  RichMedia: 'RichMedia',
};
/** Set when an object stream was too large to inflate completely, so part of the file went unread. */
export const SCAN_INCOMPLETE = 'ScanIncomplete';

const SCAN_LIMITS = { perStreamBytes: 32 * MB, totalBytes: 128 * MB };

const WHITESPACE = new Set([0, 9, 10, 12, 13, 32]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
const isRegular = (c: number) => !WHITESPACE.has(c) && !DELIMITERS.has(c);
const ENDSTREAM = Buffer.from('endstream', 'latin1');

type Mode = 'normal' | 'name' | 'comment' | 'string' | 'eol' | 'stream';

/**
 * A streaming scanner of PDF syntax: it reads names outside strings, comments and stream data
 * (decoding #xx escapes, so /J#61vaScript counts), skips streams, and inflates FlateDecode object
 * streams (/Type /ObjStm, where compressed PDFs keep their dictionaries) through a nested scanner,
 * within size caps. Names in page content and images are never read, so random bytes raise no flag.
 */
export class PdfNameScanner {
  readonly found = new Set<string>();
  private mode: Mode = 'normal';
  private token: number[] = [];
  private stringDepth = 0;
  private escaped = false;
  /** Names and keywords since the last `obj`, to recognise an object stream's dictionary. */
  private context: string[] = [];
  private carry = Buffer.alloc(0);
  private inflater: Unzlib | null = null;
  private inflated = 0;
  private inner: PdfNameScanner | null = null;

  constructor(
    /** Inside an object stream there are no streams; the word "stream" there is not a keyword. */
    private readonly nested = false,
    private readonly budget = { total: 0 },
  ) {}

  push(chunk: Buffer): void {
    let rest = chunk;
    while (rest.length) rest = this.mode === 'stream' ? this.streamPart(rest) : this.syntaxPart(rest);
  }

  /** The flags found, sorted and unique. */
  end(): string[] {
    if (this.mode === 'name') this.finishName();
    return [...this.found].sort();
  }

  private syntaxPart(buf: Buffer): Buffer {
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i]!;
      switch (this.mode) {
        case 'comment':
          if (c === 10 || c === 13) this.mode = 'normal';
          continue;
        case 'string':
          if (this.escaped) this.escaped = false;
          else if (c === 92) this.escaped = true;
          else if (c === 40) this.stringDepth++;
          else if (c === 41 && --this.stringDepth === 0) this.mode = 'normal';
          continue;
        case 'eol':
          // "stream" is followed by CRLF or LF; the data starts after it.
          this.mode = 'stream';
          return buf.subarray(c === 10 ? i + 1 : i);
        case 'name':
          if (isRegular(c)) {
            if (this.token.length < 128) this.token.push(c);
            continue;
          }
          this.finishName();
          break;
        default:
          if (isRegular(c)) {
            if (this.token.length < 16) this.token.push(c);
            continue;
          }
          if (this.token.length && this.finishWord()) {
            if (c === 13) {
              this.mode = 'eol';
              continue;
            }
            this.mode = 'stream';
            return buf.subarray(c === 10 ? i + 1 : i);
          }
      }
      // c is whitespace or a delimiter, in normal mode now.
      if (c === 37) this.mode = 'comment';
      else if (c === 40) {
        this.mode = 'string';
        this.stringDepth = 1;
      } else if (c === 47) this.mode = 'name';
    }
    return Buffer.alloc(0);
  }

  private finishName(): void {
    const raw = Buffer.from(this.token).toString('latin1');
    this.token = [];
    this.mode = 'normal';
    const name = raw.replace(/#([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    const flag = WATCHED[name];
    if (flag) this.found.add(flag);
    if (this.context.length < 64) this.context.push(`/${name}`);
  }

  /** Ends a keyword; true when it opens a stream. */
  private finishWord(): boolean {
    const word = Buffer.from(this.token).toString('latin1');
    this.token = [];
    if (word === 'obj') this.context = [];
    if (word !== 'stream' || this.nested) return false;
    this.startStream();
    return true;
  }

  private startStream(): void {
    const ctx = this.context;
    const typeAt = ctx.indexOf('/Type');
    const isObjStm = typeAt >= 0 && ctx[typeAt + 1] === '/ObjStm';
    const filterAt = ctx.indexOf('/Filter');
    const filters = filterAt >= 0 ? ctx.slice(filterAt + 1).filter((t) => t.endsWith('Decode')) : [];
    this.context = [];
    this.inflated = 0;
    this.inflater = null;
    if (!isObjStm || filters.length !== 1 || filters[0] !== '/FlateDecode') return;
    const inner = new PdfNameScanner(true, this.budget);
    this.inflater = new Unzlib((data) => {
      this.inflated += data.length;
      this.budget.total += data.length;
      if (this.inflated > SCAN_LIMITS.perStreamBytes || this.budget.total > SCAN_LIMITS.totalBytes) {
        this.found.add(SCAN_INCOMPLETE);
        this.inflater = null;
        return;
      }
      inner.push(Buffer.from(data.buffer, data.byteOffset, data.length));
      for (const f of inner.found) this.found.add(f);
    });
    this.inner = inner;
  }

  /** Stream data up to "endstream" (which may straddle chunks); only object streams are inflated. */
  private streamPart(chunk: Buffer): Buffer {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const at = buf.indexOf(ENDSTREAM);
    if (at < 0) {
      const keep = Math.min(buf.length, ENDSTREAM.length - 1);
      this.feed(buf.subarray(0, buf.length - keep));
      this.carry = Buffer.from(buf.subarray(buf.length - keep));
      return Buffer.alloc(0);
    }
    this.feed(buf.subarray(0, at));
    for (const f of this.inner?.end() ?? []) this.found.add(f);
    this.inner = null;
    this.carry = Buffer.alloc(0);
    this.inflater = null;
    this.mode = 'normal';
    return buf.subarray(at + ENDSTREAM.length);
  }

  private feed(data: Buffer): void {
    if (!this.inflater || !data.length) return;
    // Push in small pieces so one push never inflates more than a few MB at once.
    for (let off = 0; off < data.length && this.inflater; off += 4096) {
      try {
        this.inflater.push(data.subarray(off, off + 4096));
      } catch {
        // Corrupt data or bytes after the end of the deflate stream (the line break before endstream): stop reading.
        this.inflater = null;
      }
    }
  }
}

/** Scans a PDF as it streams from disk; the flags found (empty for an ordinary document). */
export async function scanPdf(stream: Readable): Promise<string[]> {
  const scanner = new PdfNameScanner();
  for await (const chunk of stream) scanner.push(chunk as Buffer);
  return scanner.end();
}
