// Web pages and feeds decode as browsers do: BOM, then the HTTP header, then the page's own declaration,
// then valid UTF-8, then detection.
import { test } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { decodeMarkup } from "../src/read/decode.js";

const page = (charset: string | null, body: string) =>
  `<!doctype html><html><head>${charset ? `<meta charset="${charset}">` : ""}<title>t</title></head><body><p>${body}</p></body></html>`;

const JAPANESE = "東京電力は周三に、処理水の放出を始めると発表した。政府は二年前に計画を承認している。";
const CHINESE = "东京电力公司周三表示，将开始排放经过处理的水。日本政府两年前批准了这一计划。";
const RUSSIAN = "Президент подписал указ о повышении пенсий, сообщили в Кремле в понедельник.";

test("the page's own <meta charset> decides: Shift_JIS, GB18030, KOI8-R, ISO-8859-2", () => {
  const cases: [string, string, string][] = [
    ["Shift_JIS", JAPANESE, "cp932"],
    ["gb2312", CHINESE, "gb18030"],
    ["KOI8-R", RUSSIAN, "koi8-r"],
    ["iso-8859-2", "Zażółć gęślą jaźń, powiedział minister w Krakowie.", "iso-8859-2"],
  ];
  for (const [label, text, charset] of cases) {
    const bytes = iconv.encode(page(label, text), charset);
    const decoded = decodeMarkup(bytes);
    assert.equal(decoded.charset, charset, label);
    assert.ok(decoded.text.includes(text), label);
  }
});

test("an HTTP Content-Type charset (a WARC record's header) wins over the page's declaration", () => {
  const bytes = iconv.encode(page("utf-8", RUSSIAN), "windows-1251");
  const decoded = decodeMarkup(bytes, { contentType: "text/html; charset=windows-1251" });
  assert.equal(decoded.charset, "windows-1251");
  assert.ok(decoded.text.includes(RUSSIAN));
});

test("a byte-order mark wins over everything, UTF-16 included", () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page("iso-8859-1", "Grüße aus Zürich."), "utf-16le")]);
  const decoded = decodeMarkup(bytes, { contentType: "text/html; charset=iso-8859-1" });
  assert.equal(decoded.charset, "utf-16le");
  assert.ok(decoded.text.includes("Grüße aus Zürich."));
});

test("iso-8859-1 is read as windows-1252, as browsers do: curly quotes survive", () => {
  const text = "“Café” was ‘busy’, said Zoë — again.";
  const decoded = decodeMarkup(iconv.encode(page("iso-8859-1", text), "windows-1252"));
  assert.equal(decoded.charset, "windows-1252");
  assert.ok(decoded.text.includes(text));
});

test("undeclared pages: valid UTF-8 is UTF-8, anything else is detected", () => {
  assert.equal(decodeMarkup(Buffer.from(page(null, JAPANESE))).charset, "utf-8");
  const sjis = decodeMarkup(iconv.encode(page(null, JAPANESE.repeat(4)), "shift_jis"));
  assert.ok(sjis.text.includes(JAPANESE), `detected as ${sjis.charset}`);
  const cp1252 = decodeMarkup(iconv.encode(page(null, "Les élèves ont été reçus à l’école, déclaré le ministère."), "windows-1252"));
  assert.ok(cp1252.text.includes("Les élèves ont été reçus à l’école"), `detected as ${cp1252.charset}`);
});

test("an unknown or impossible declaration is ignored rather than trusted", () => {
  assert.equal(decodeMarkup(Buffer.from(page("x-no-such-charset", "Plain text."))).charset, "utf-8");
  // UTF-16 declared inside an ASCII-compatible page cannot be true: read as UTF-8.
  assert.equal(decodeMarkup(Buffer.from(page("utf-16", "Plain text."))).charset, "utf-8");
});
