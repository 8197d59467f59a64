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

/**
 * True when the bytes are not text: a NUL byte, or many control bytes, in the first 64 KB. UTF-16 with a BOM
 * is text. Markup (web pages, feeds) tolerates NUL bytes (real pages carry the odd one, a CMS bug): there
 * only the share of NUL and control bytes counts.
 */
export function looksBinary(bytes: Uint8Array, { markup = false }: { markup?: boolean } = {}): boolean {
  const bom = byteOrderMark(bytes);
  if (bom === "utf-16le" || bom === "utf-16be") return false;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c === 0 && !markup) return true;
    // Tab, newline, form feed, carriage return are text.
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

/** The binary test for web pages and feeds (see looksBinary). */
export function looksBinaryMarkup(bytes: Uint8Array): boolean {
  return looksBinary(bytes, { markup: true });
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

// ---- Web pages and feeds: the charset is declared more often than guessed ----

/** Labels pages use, mapped to the charset browsers actually decode them as (WHATWG Encoding), for iconv-lite. */
const CHARSET_ALIASES: Readonly<Record<string, string>> = {
  "iso-8859-1": "windows-1252", latin1: "windows-1252", "us-ascii": "windows-1252", ascii: "windows-1252",
  "iso-8859-9": "windows-1254", "iso-8859-11": "windows-874", "tis-620": "windows-874",
  gb2312: "gb18030", gbk: "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
  "shift_jis": "cp932", "shift-jis": "cp932", sjis: "cp932", "x-sjis": "cp932", "windows-31j": "cp932", "ms_kanji": "cp932",
  "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "x-euc-jp": "euc-jp", big5: "big5hkscs",
  "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "x-mac-roman": "macintosh",
};

/** A declared charset label as iconv-lite knows it, or null when unknown (the declaration is then ignored). */
export function charsetFromLabel(label: string | null | undefined): string | null {
  const name = label?.trim().replace(/^["']|["']$/g, "").toLowerCase();
  if (!name) return null;
  const mapped = CHARSET_ALIASES[name] ?? name;
  // UTF-16 declared inside an ASCII-compatible page is a lie the page could not be read by (WHATWG: use UTF-8).
  if (mapped.startsWith("utf-16")) return "utf-8";
  return iconv.encodingExists(mapped) ? mapped : null;
}

/** The charset a Content-Type value declares: `text/html; charset=ISO-8859-1` → "windows-1252". */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? "");
  return m ? charsetFromLabel(m[1]) : null;
}

/** Where a page declares its charset: `<meta charset>`, `<meta http-equiv=Content-Type>`, or an XML declaration. */
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/;

/** The charset the page itself declares in its first 64 KB, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps bytes one to one, so ASCII markup is found whatever the real charset.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES)).toString("latin1");
  const xml = XML_ENCODING.exec(head);
  if (xml) return charsetFromLabel(xml[1]);
  const meta = META_CHARSET.exec(head);
  return meta ? charsetFromLabel(meta[1]) : null;
}

export interface MarkupCharsetHints {
  /** The HTTP Content-Type header sent with the page (a WARC response record's), if any. */
  contentType?: string | null;
}

/**
 * Decodes a web page or feed, finding its charset as a browser would: BOM, then the HTTP header, then the
 * page's own declaration, then valid UTF-8, then detection (chardet on the first 64 KB). Newlines are kept
 * as they are (markup does not care); the result is NFC.
 */
export function decodeMarkup(bytes: Uint8Array, hints: MarkupCharsetHints = {}): { text: string; charset: string } {
  const bom = byteOrderMark(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let charset: string | null = bom ?? charsetFromContentType(hints.contentType) ?? declaredCharset(bytes);
  if (!charset) {
    try {
      return { text: UTF8_STRICT.decode(bytes).normalize("NFC"), charset: "utf-8" };
    } catch {
      charset = legacyCharset(bytes);
    }
  }
  const text = charset === "utf-8" ? UTF8_LENIENT.decode(bytes) : iconv.decode(buffer, charset);
  return { text: text.replace(/^\uFEFF/, "").normalize("NFC"), charset };
}
