// Bytes from files as a stream: gunzip (member after member) with a bomb guard, and a reader that takes
// lines and counted byte runs off the stream without ever holding more than one line or record.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline } from "node:stream";
import { constants as zlibConstants, createGunzip, gunzipSync } from "node:zlib";

/** The stream ran past a limit; `reason` is worded for a message ("decompresses to more than 8 MiB"). */
export class StreamLimit extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Gzip data ended early or is corrupt. */
export class GzipBroken extends Error {}

export function sizeInWords(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GiB`;
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** The first `n` bytes of a file (fewer when it is shorter). Throws file-system errors. */
export async function fileHead(path: string, n: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface ChunkOptions {
  gunzip: boolean;
  /** Inflating stops with a StreamLimit past this many bytes out when the output/input ratio exceeds maxRatio. */
  ratioAfter: number;
  maxRatio: number;
}

const READ_CHUNK = 256 * 1024;

/**
 * A file's bytes in chunks, gunzipped when asked (concatenated gzip members are one stream). Throws
 * GzipBroken when the gzip data is cut or corrupt (after yielding what came before), StreamLimit when
 * the output grows past the bomb guard, and file-system errors as they are.
 */
export async function* fileChunks(path: string, options: ChunkOptions): AsyncGenerator<Buffer> {
  const file = createReadStream(path, { highWaterMark: READ_CHUNK });
  if (!options.gunzip) {
    yield* file;
    return;
  }
  const gunzip = createGunzip({ chunkSize: 64 * 1024 });
  pipeline(file, gunzip, () => {});
  let out = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      out += chunk.length;
      if (out > options.ratioAfter && out > options.maxRatio * Math.max(1, file.bytesRead)) {
        throw new StreamLimit(
          `inflates ${sizeInWords(file.bytesRead)} of gzip data to more than ${sizeInWords(out)} ` +
            `(over ${options.maxRatio}× — a gzip bomb?)`,
        );
      }
      yield chunk;
    }
  } catch (err) {
    if (err instanceof StreamLimit) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("Z_")) throw new GzipBroken((err as Error).message);
    throw err;
  } finally {
    gunzip.destroy();
    file.destroy();
  }
}

/** Gunzips a whole buffer, stopping (StreamLimit) past `max` bytes of output; GzipBroken when cut or corrupt. */
export function gunzipCapped(bytes: Uint8Array, max: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: max + 1, finishFlush: zlibConstants.Z_FINISH });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
      throw new StreamLimit(`decompresses to more than ${sizeInWords(max)}`);
    }
    throw new GzipBroken((err as Error).message);
  }
}

export interface Line {
  /** The line without its "\n" (a trailing "\r" is kept); empty when it was too long. */
  bytes: Buffer;
  /** Its full length in bytes. */
  length: number;
  /** Longer than the maximum asked for: its bytes were not kept. */
  tooLong: boolean;
}

const EMPTY = Buffer.alloc(0);

/** Reads lines and byte runs off a chunk stream. Memory: the current chunk plus what the caller asks to keep. */
export class ByteReader {
  private readonly chunks: AsyncIterator<Buffer>;
  private buf: Buffer = EMPTY;
  private pos = 0;
  private ended = false;
  /** Bytes taken off the stream so far (its offset). */
  offset = 0;

  constructor(source: AsyncIterable<Buffer>) {
    this.chunks = source[Symbol.asyncIterator]();
  }

  /** Loads the next chunk in place of the (fully consumed) current one; false at the end. */
  private async next(): Promise<boolean> {
    if (this.ended) return false;
    const r = await this.chunks.next();
    if (r.done) {
      this.ended = true;
      return false;
    }
    this.buf = this.pos < this.buf.length ? Buffer.concat([this.buf.subarray(this.pos), r.value]) : r.value;
    this.pos = 0;
    return true;
  }

  /** Stops the underlying stream (closes the file). */
  async close(): Promise<void> {
    this.ended = true;
    await this.chunks.return?.();
  }

  /** Up to `n` bytes ahead, not consumed. */
  async peek(n: number): Promise<Buffer> {
    while (this.buf.length - this.pos < n && (await this.next()));
    return this.buf.subarray(this.pos, this.pos + n);
  }

  /** Puts bytes back in front of the stream (after a record turned out to hold the start of the next). */
  unshift(bytes: Buffer): void {
    if (!bytes.length) return;
    this.buf = Buffer.concat([bytes, this.buf.subarray(this.pos)]);
    this.pos = 0;
    this.offset -= bytes.length;
  }

  /** The next line, or null at the end of the stream. Lines over `max` bytes are consumed but not kept. */
  async readLine(max: number): Promise<Line | null> {
    const parts: Buffer[] = [];
    let length = 0;
    let tooLong = false;
    const keep = (piece: Buffer) => {
      length += piece.length;
      if (tooLong) return;
      if (length > max) {
        tooLong = true;
        parts.length = 0;
      } else parts.push(piece);
    };
    for (;;) {
      if (this.pos >= this.buf.length && !(await this.next())) {
        if (length === 0) return null;
        break;
      }
      const nl = this.buf.indexOf(10, this.pos);
      if (nl >= 0) {
        keep(this.buf.subarray(this.pos, nl));
        this.offset += nl + 1 - this.pos;
        this.pos = nl + 1;
        break;
      }
      keep(this.buf.subarray(this.pos));
      this.offset += this.buf.length - this.pos;
      this.pos = this.buf.length;
    }
    const bytes = tooLong ? EMPTY : parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
    return { bytes, length, tooLong };
  }

  /** The next `n` bytes (fewer at the end of the stream); with keep=false they are skipped and an empty buffer returned. */
  async read(n: number, keep = true): Promise<{ bytes: Buffer; length: number }> {
    const parts: Buffer[] = [];
    let length = 0;
    while (length < n) {
      if (this.pos >= this.buf.length && !(await this.next())) break;
      const take = Math.min(n - length, this.buf.length - this.pos);
      if (keep) parts.push(this.buf.subarray(this.pos, this.pos + take));
      this.pos += take;
      this.offset += take;
      length += take;
    }
    return { bytes: !keep ? EMPTY : parts.length === 1 ? parts[0] : Buffer.concat(parts, length), length };
  }

  /** Everything left, or null (stream closed) once it passes `max` bytes. */
  async readAll(max: number): Promise<Buffer | null> {
    const parts: Buffer[] = [];
    let length = 0;
    for (;;) {
      if (this.pos >= this.buf.length && !(await this.next())) break;
      const piece = this.buf.subarray(this.pos);
      length += piece.length;
      this.offset += piece.length;
      this.pos = this.buf.length;
      if (length > max) {
        await this.close();
        return null;
      }
      parts.push(piece);
    }
    return Buffer.concat(parts, length);
  }
}
