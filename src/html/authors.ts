// Author names as pages give them, cleaned: "By Jane Doe and John Roe, Reuters | May 14, 2021" → ["Jane Doe",
// "John Roe"]. Bylines in any of a dozen languages; agencies, dates, e-mail addresses, roles and URLs dropped.

/** Words that open a byline ("By", "Von", "Par", "Por", "Di"…), removed. */
const BYLINE_LEAD = /^(?:(?:view|see|show|zeige|alle|voir|ver)?\s*(?:all|alle|tous|todos)?\s*(?:(?:the|les|die)\s+)?(?:posts|articles|stories|beiträge|artikel|ses articles)\s+(?:by|von|de|par|of)\s+|(?:(?:written|posted|published|reported|compiled|edited|photos?|text|story|veröffentlicht|geschrieben|verfasst|erstellt|publié|écrit|publicado|escrito|pubblicato|scritto|gepubliceerd|geschreven)\s+)?(?:by|from|von|vom|par|por|di|da|de|door|av|af|przez|autor(?:in|a|e)?|auteur|author|text|texto|testo|tekst|reporter|redakteur|redaktion)\s*[:.]?\s+)/i;
/** A byline's lead word alone ("By", "Von", "Published by"): no name. */
const LEAD_ONLY = /^(?:(?:written|posted|published|veröffentlicht|geschrieben|publié|publicado|pubblicato)\s+)?(?:by|von|par|por|di|door|author|autor|auteur)$/i;
/** Weekday names: a date follows, the name has ended ("Jane Doe Thursday, May 14"). */
const WEEKDAY_CUT = /\s(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato)\b.*$/i;
/** Roles and page furniture after a name ("Jane Doe Chefredakteurin", "jdoe More Posts"). */
const TRAILING_ROLE = /\s+(?:chefredakteur(?:in)?|redakteur(?:in)?|editor(?:-in-chief)?|reporter(?:in)?|korrespondent(?:in)?|correspondent|journalist(?:in)?|autor(?:in)?|author|more posts|all posts|view all posts|alle beiträge|follow|folgen|illustrations?|fotos?|photos?|bilder?|grafik|video|kamera|camera)\b.*$/i;
/** Words that join two names. */
const JOINERS = /\s*(?:[,;|/&+·•]|\s[-–—]\s)\s*|\s+(?:and|And|AND|und|et|y|e|i|en|och|og|ja|ve|и|і|és|a)\s+/;
/** Wire agencies and house bylines: not a person. */
const AGENCY = /^(?:the\s+)?(?:associated press|ap|afp|agence france[- ]presse|reuters|dpa|apa|ansa|efe|kyodo|xinhua|upi|pa|pa media|bloomberg|tass|ria novosti|sda|ats|belga|anp|epd|kna|kap|staff|staff reporter|staff writer|editorial staff|our correspondent|our reporter|correspondent|redaktion|redazione|rédaction|redacción|newsroom|admin|administrator|editor|editors|the editors|web desk|news desk|desk|team|guest|guest author|unknown|anonymous|wire|wires|agencies|agency|news agencies|press release|sponsored|pti|ians|ani|bbc news|cnn)$/i;
const EMAIL = /\S+@\S+\.\S+/;
/** Words naming an organisation, not a person. */
const ORGANISATION = /(?:^|[\s-])(?:e\.\s?V|GmbH|AG|Ltd|Inc|LLC|S\.A|SA|Stiftung|Verband|Verein|Bund|Landesanstalt|Institut|Institute|Ministerium|Ministry|Department|Universit(?:y|ät|é|à)|Agentur|Agency|Redaktion|Team|Media|News|Verlag|Publishing|Press|Archiv|Zeitung|Magazin|Magazine)(?:$|[\s.,])/i;
const URLISH = /^(?:https?:\/\/|www\.)|\.(?:com|org|net|de|fr|uk)\b/i;
const DIGITS = /\d/;
/** Trailing roles and affiliations: "Jane Doe, Senior Reporter" keeps "Jane Doe" (the split on commas drops the role). */
const ROLE = /^(?:senior|chief|staff|contributing|special|political|foreign|business|sports?|science|health|technology|tech|economics|news|associate|deputy|managing|executive|editor|reporter|writer|correspondent|columnist|journalist|photographer|contributor|producer|analyst|director|redakteur(?:in)?|korrespondent(?:in)?|journaliste|periodista|giornalista|in|at|for|of|the|and)(?:\s|$)/i;

/** Characters of one byline or author field looked at. */
const MAX_BYLINE = 400;
/** Upper bound on names kept from one page. */
const MAX_AUTHORS = 10;

function cleanOne(raw: string, handles: boolean): string | null {
  let s = raw.replace(/[\s\u00a0]+/g, " ").trim();
  s = s.replace(/^[\s\-–—|:·•,]+|[\s\-–—|:·•,.]+$/g, "");
  for (let i = 0; i < 2; i++) s = s.replace(BYLINE_LEAD, "").trim();
  s = s.replace(/\s*\([^)]*\)\s*/g, " ").replace(WEEKDAY_CUT, "").replace(TRAILING_ROLE, "").trim();
  if (LEAD_ONLY.test(s)) return null;
  if (!s || s.length < 3 || s.length > 60) return null;
  // A one-word user name ("eseppelt", "freeman1984") stands for a person where markup says "author".
  const handle = handles && /^[\p{L}][\p{L}\p{N}_.-]{2,29}$/u.test(s) && !/^\d+$/.test(s);
  if (EMAIL.test(s) || URLISH.test(s) || (DIGITS.test(s) && !handle)) return null;
  if (AGENCY.test(s) || ORGANISATION.test(s)) return null;
  if (ROLE.test(s)) return null;
  const words = s.split(" ");
  if (words.length > 5) return null;
  // A name has at least one capitalised word (or is in a script without case).
  if (!handle && !words.some((w) => /^\p{Lu}/u.test(w) || !/\p{Ll}/u.test(w))) return null;
  return s;
}

/**
 * Splits a byline or author field into clean person names: lead words ("By", "Von"), dates, e-mail
 * addresses, agencies and roles removed, names split on "and", "und", commas, slashes… Duplicates dropped.
 * `handles`: also accept a one-word user name (for fields that are known to name the author).
 */
export function cleanAuthors(values: readonly string[], options: { handles?: boolean } = {}): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    // A date or a time ends the byline part of a line ("By Jane Doe | May 14, 2021").
    let line = value.slice(0, MAX_BYLINE).replace(/[\s\u00a0]+/g, " ").trim();
    const cut = line.search(/\s(?:[|•·]|-{1,2}|–|—)\s|\b(?:updated|published|posted|aktualisiert|veröffentlicht|publié|mis à jour|publicado|actualizado|pubblicato|on\s+\p{Lu}\p{Ll}+\s+\d)\b/iu);
    if (cut > 0) line = line.slice(0, cut);
    line = line.replace(BYLINE_LEAD, "");
    for (const part of line.split(JOINERS)) {
      const name = cleanOne(part, options.handles ?? false);
      if (!name) continue;
      const key = name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
      if (out.length >= MAX_AUTHORS) return out;
    }
  }
  return out;
}
