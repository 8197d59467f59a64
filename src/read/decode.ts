// Bytes to text: byte-order marks, UTF-8, then legacy charsets (windows-1252 and friends) by detection.
import chardet from "chardet";
import iconv from "iconv-lite";

/** How much of a file charset detection and the binary check look at. */
const SNIFF_BYTES = 64 * 1024;
/** More control bytes than this share of the sniffed bytes means binary (a few stray ^Z or ESC are tolerated). */
const MAX_CONTROL_SHARE = 0.02;
/** Used when detection finds nothing usable: the charset most legacy Western news text is in. */
const FALLBACK_CHARSET = "windows-1252";

const UTF8_STRICT = new TextDecoder("utf-8", { fatal: true });
/** With a UTF-8 BOM the file says what it is: stray bad bytes become U+FFFD instead of a charset guess. */
const UTF8_LENIENT = new TextDecoder("utf-8");

type Bom = "utf-8" | "utf-16le" | "utf-16be";

function byteOrderMark(b: Uint8Array): Bom | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  return null;
}

/** True when the bytes are not text: a NUL byte, or many control bytes, in the first 64 KB. UTF-16 with a BOM is text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const bom = byteOrderMark(bytes);
  if (bom === "utf-16le" || bom === "utf-16be") return false;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c === 0) return true;
    // Tab, newline, form feed, carriage return are text.
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

/** Charsets chardet names that are better read as windows-1252 (its superset for the bytes that occur). */
const AS_WINDOWS_1252 = new Set(["iso-8859-1", "ascii", "us-ascii", "utf-8"]);

function legacyCharset(bytes: Uint8Array): string {
  const detected = chardet.detect(bytes.subarray(0, SNIFF_BYTES))?.toLowerCase();
  if (!detected || AS_WINDOWS_1252.has(detected) || !iconv.encodingExists(detected)) return FALLBACK_CHARSET;
  return detected;
}

function decodeRaw(bytes: Uint8Array): string {
  const bom = byteOrderMark(bytes);
  if (bom === "utf-8") return UTF8_LENIENT.decode(bytes);
  if (bom) return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), bom);
  try {
    return UTF8_STRICT.decode(bytes);
  } catch {
    // Not valid UTF-8: a legacy single- or multi-byte charset. (Node's TextDecoder gets windows-1252 wrong.)
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), legacyCharset(bytes));
  }
}

/** Decodes a file's bytes: a BOM wins, then valid UTF-8, then a detected legacy charset. Newlines become \n; NFC. */
export function decodeText(bytes: Uint8Array): string {
  return decodeRaw(bytes).replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "").normalize("NFC");
}
