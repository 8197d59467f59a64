import { test } from "node:test";
import assert from "node:assert/strict";
import { extractFacts, mergeEntities, speakerEntity } from "../src/facts/index.js";
import { articleFromText } from "./articles.js";
import type { Article, Mention } from "../src/model/index.js";

function article(text: string, id = "a1"): Article {
  return articleFromText(text, { id });
}

const mentions = (text: string): Mention[] => extractFacts(article(text)).mentions;
const names = (text: string): string[] => mentions(text).map((m) => m.name);
const find = (text: string, name: string): Mention | undefined => mentions(text).find((m) => m.name === name);

test("a titled person is found without the title, which becomes the role", () => {
  const m = find("Talks resumed after Foreign Minister Aleksandr Petrov arrived in Geneva.", "Aleksandr Petrov");
  assert.ok(m);
  assert.equal(m.type, "person");
  assert.equal(m.role, "foreign minister");
  assert.equal(m.text, "Foreign Minister Aleksandr Petrov");
  const bare = find("Talks resumed after President Mara Okonjo arrived.", "Mara Okonjo");
  assert.equal(bare?.role, "president");
});

test("lowercase titles and appositives give a role", () => {
  const lower = find("The plan was confirmed by spokeswoman Ines Duarte on Monday.", "Ines Duarte");
  assert.equal(lower?.role, "spokeswoman");
  assert.equal(lower?.text, "spokeswoman Ines Duarte");
  const appositive = find("Ines Duarte, a spokeswoman for the ministry, declined to comment.", "Ines Duarte");
  assert.equal(appositive?.role, "spokeswoman");
  assert.equal(appositive?.type, "person");
  const before = find("Russia's foreign minister, Sergei Lavrov, rejected the offer.", "Sergei Lavrov");
  assert.equal(before?.role, "foreign minister");
});

test("honorifics make a person; abbreviated titles are spelled out", () => {
  const dr = find("The report was written by Dr. Lena Fischer of the Bank of England.", "Lena Fischer");
  assert.equal(dr?.role, "doctor");
  assert.equal(dr?.text, "Dr. Lena Fischer");
  const mr = find("Critics said Mr. Petrov had misled parliament.", "Petrov");
  assert.equal(mr?.type, "person");
  assert.equal(mr?.role, null);
  assert.equal(find("Troops loyal to Gen. Omar Haddad entered the city.", "Omar Haddad")?.role, "general");
});

test("weekdays, months, boilerplate and sentence-initial common words are not names", () => {
  const found = names(
    "However, the vote on Thursday was delayed until July.\n\nThe committee will meet again in September. " +
      "Officials said the delay was technical.\n\nShare this article. Read More. Advertisement\n\nSubscribe to our newsletter.",
  );
  for (const word of ["However", "Thursday", "July", "The", "September", "Officials", "Share", "Read", "More", "Advertisement", "Subscribe"]) {
    assert.ok(!found.includes(word), `${word} should not be a name, got ${found.join(", ")}`);
  }
});

test("a sentence-initial word that the article also writes lowercase is dropped", () => {
  const found = names("Security was tight as the summit opened. The security services closed roads near the venue.");
  assert.ok(!found.includes("Security"));
});

test("headline-style Title Case lines are skipped", () => {
  const found = names("Ten Things You Need To Know About The Summit\n\nDelegates met in Vienna on Friday.");
  assert.deepEqual(found, ["Vienna"]);
});

test("organisations are recognised by their head words and acronyms", () => {
  const text =
    "The Bank of England and the Ministry of Foreign Affairs issued a joint statement, while NATO " +
    "and Acme Corp declined to comment. Shares of Acme Corp fell.";
  const byName = new Map(mentions(text).map((m) => [m.name, m.type]));
  assert.equal(byName.get("Bank of England"), "organization");
  assert.equal(byName.get("Ministry of Foreign Affairs"), "organization");
  assert.equal(byName.get("NATO"), "organization");
  assert.equal(byName.get("Acme Corp"), "organization");
});

test("places come from the gazetteer or from 'in X'", () => {
  const byName = new Map(mentions("Fighting continued near Kherson, officials in Kyiv and Washington said.").map((m) => [m.name, m.type]));
  assert.equal(byName.get("Kherson"), "place");
  assert.equal(byName.get("Kyiv"), "place");
  assert.equal(byName.get("Washington"), "place");
  const context = new Map(
    mentions("Residents of the town of Mirov fled as Kovaria's foreign minister flew to the Velsa valley.").map((m) => [m.name, m.type]),
  );
  assert.equal(context.get("Mirov"), "place");
  assert.equal(context.get("Kovaria"), "place");
  assert.equal(context.get("Velsa"), "place");
});

test("possessives are stripped from the name but kept in the text", () => {
  const m = find("Aleksandr Petrov arrived late. Petrov's plane had been delayed.", "Petrov");
  assert.ok(m);
  assert.equal(m.text, "Petrov's");
  assert.equal(m.end - m.start, "Petrov's".length);
});

test("a surname alone is a person once the article names the full person", () => {
  const found = mentions("Aleksandr Petrov landed in Berlin. Later, Petrov met Chancellor Klaus Weber.");
  const petrov = found.filter((m) => m.name === "Petrov");
  assert.equal(petrov.length, 1);
  assert.equal(petrov[0].type, "person");
});

test("offsets point at the mention in the article text", () => {
  const text = "Reporters waited outside. Foreign Minister Aleksandr Petrov spoke briefly.";
  const m = find(text, "Aleksandr Petrov")!;
  assert.equal(text.slice(m.start, m.end), m.text);
  assert.equal(m.sentence, 1);
});

test("spelling variants, surnames and titled forms of one person merge into one entity", () => {
  const facts = [
    extractFacts(article("Foreign Minister Aleksandr Petrov arrived in Geneva. Petrov said little.", "a")),
    extractFacts(article("Alexander Petrov, the foreign minister, left Geneva on Friday.", "b")),
    extractFacts(article("Aleksandr Petrov will return next week, aides of Foreign Minister Petrov said.", "c")),
  ];
  const entities = mergeEntities(facts);
  const petrov = entities.find((e) => e.name === "Aleksandr Petrov");
  assert.ok(petrov, JSON.stringify(entities));
  assert.equal(petrov.type, "person");
  assert.equal(petrov.role, "foreign minister");
  assert.deepEqual(petrov.articles, ["a", "b", "c"]);
  assert.equal(petrov.mentions, 5);
  for (const alias of ["Alexander Petrov", "Petrov", "Foreign Minister Petrov", "Foreign Minister Aleksandr Petrov"]) {
    assert.ok(petrov.aliases.includes(alias), `missing alias ${alias}`);
  }
  assert.equal(entities.filter((e) => e.type === "person").length, 1);
  assert.equal(entities[0].name, "Aleksandr Petrov"); // most mentioned first
});

test("common transliterations of the same name merge", () => {
  const pairs = [
    ["Volodymyr Zelensky", "Volodymyr Zelenskyy"],
    ["Volodymyr Zelenskiy", "Volodymyr Zelensky"],
    ["Mohammed Salem", "Muhammad Salem"],
    ["Sergei Ivanov", "Sergey Ivanov"],
    ["Yuri Gagarin", "Iouri Gagarin"],
    ["Pyotr Tchaikovsky", "Pyotr Chaikovsky"],
  ];
  for (const [a, b] of pairs) {
    const entities = mergeEntities([
      extractFacts(article(`Officials said ${a} spoke first.`, "x")),
      extractFacts(article(`Officials said ${b} spoke first.`, "y")),
    ]);
    assert.equal(entities.length, 1, `${a} / ${b}: ${entities.map((e) => e.name).join(", ")}`);
  }
});

test("different names that only share consonants stay apart", () => {
  const entities = mergeEntities([
    extractFacts(article("Officials said Maria Rossi and Mario Rossi disagreed. The Rhine and the Rhône flooded.", "x")),
  ]);
  const found = entities.map((e) => e.name);
  for (const name of ["Maria Rossi", "Mario Rossi", "Rhine", "Rhône"]) assert.ok(found.includes(name), found.join(", "));
});

test("an ambiguous surname is not merged into either person", () => {
  const entities = mergeEntities([
    extractFacts(article("President Joe Biden spoke with his son Hunter Biden. Later Biden left for Delaware.", "x")),
  ]);
  const found = entities.map((e) => e.name);
  assert.ok(found.includes("Joe Biden") && found.includes("Hunter Biden") && found.includes("Biden"), found.join(", "));
});

test("an organisation's acronym becomes its alias", () => {
  const entities = mergeEntities([
    extractFacts(article("The World Health Organization (WHO) warned of a new wave. WHO officials met on Monday.", "x")),
    extractFacts(article("WHO said the risk was moderate.", "y")),
  ]);
  const who = entities.find((e) => e.name === "World Health Organization");
  assert.ok(who, JSON.stringify(entities));
  assert.deepEqual(who.aliases, ["WHO"]);
  assert.equal(who.mentions, 4);
  assert.equal(who.type, "organization");
});

test("a quote speaker maps to the merged entity", () => {
  const entities = mergeEntities([
    extractFacts(article("Foreign Minister Aleksandr Petrov arrived. Petrov said little.", "a")),
    extractFacts(article("Alexander Petrov left on Friday.", "b")),
  ]);
  assert.equal(speakerEntity(entities, "Petrov")?.name, "Aleksandr Petrov");
  assert.equal(speakerEntity(entities, "Alexander Petrov")?.name, "Aleksandr Petrov");
  assert.equal(speakerEntity(entities, "Ines Duarte"), null);
});

test("a possessive form is not listed as another name of the entity", () => {
  const facts = extractFacts(article("Kovaria signed the accord. Kovaria's parliament will vote. Kovaria’s minister agreed."));
  const kovaria = mergeEntities([facts]).find((e) => e.name === "Kovaria");
  assert.ok(kovaria);
  assert.deepEqual(kovaria.aliases, []);
});

test("a full name counts as a person once its surname speaks alone or takes Mr.", () => {
  const text =
    "The deal was first reported after Orrin Halvorsen met investors in Oslo. Halvorsen said the terms were fair. " +
    "Critics pointed to Tamsin Oduya, who had warned of the risks. Mr. Oduya declined to comment.";
  assert.equal(find(text, "Orrin Halvorsen")?.type, "person");
  assert.equal(find(text, "Tamsin Oduya")?.type, "person");
});

test("a party word before a name becomes the role", () => {
  const m = find("The bill was signed by Republican Tobin Marsh on Friday.", "Tobin Marsh");
  assert.equal(m?.type, "person");
  assert.equal(m?.role, "republican");
  const sen = find("The bill was blocked by Democrat Quill Averby.", "Quill Averby");
  assert.equal(sen?.type, "person");
});

test("companies named after 'at' or written in CamelCase are not places", () => {
  const text =
    "She spent six years at Brightloom before the merger. Brightloom's shares fell 4 percent. " +
    "Last year he moved to a desk at FlexDesk, a rival.";
  const byName = new Map(mentions(text).map((m) => [m.name, m.type]));
  assert.equal(byName.get("Brightloom"), "organization");
  assert.equal(byName.get("FlexDesk"), "organization");
  assert.equal(find("Fighting continued in Kherson overnight.", "Kherson")?.type, "place");
});

test("contractions, shouted slogans and lone common words are not names", () => {
  const found = names(
    "We’d like to see the numbers first, I’m told. Job growth slowed in March, the Labor Department said.\n\n" +
      "The governor posted: GET OUT and VOTE on Tuesday! He has my Complete support. AHEAD of the vote, polls tightened.",
  );
  for (const junk of ["We’d", "I’m", "Job", "GET", "GET OUT", "VOTE", "Complete", "AHEAD"]) {
    assert.ok(!found.includes(junk), `${junk} should not be a name, got ${found.join(", ")}`);
  }
  assert.ok(found.includes("Labor Department"));
});

test("organisation names may contain 'and' or '&'", () => {
  const text =
    "The filing was sent to the Securities and Exchange Commission on Monday. Johnson & Johnson declined to comment.";
  const byName = new Map(mentions(text).map((m) => [m.name, m.type]));
  assert.equal(byName.get("Securities and Exchange Commission"), "organization");
  assert.equal(byName.get("Johnson & Johnson"), "organization");
  assert.ok(!byName.has("Exchange Commission"));
});

test("two shop names joined by 'and' stay two names", () => {
  const found = names("Shoppers queued outside Best Buy and Radio Shack before dawn.");
  assert.ok(found.includes("Best Buy") && found.includes("Radio Shack"), found.join(", "));
});

test("the shipped tagger types names the rules leave open, from their words and context", async () => {
  const { ruleMentions } = await import("../src/facts/mentions.js");
  const cases: [string, string, string][] = [
    ["The painting was bought by Zurbarán's heirs. Zurbarán painted it in 1640 for a monastery near Seville.", "Zurbarán", "person"],
    ["She studied at Tsinghua and later taught at Harvard for a decade.", "Harvard", "organization"],
    ["The new line runs from Oakland to Berkeley, where the Transbay Tube ends.", "Berkeley", "place"],
  ];
  for (const [text, name, type] of cases) {
    const byRules = ruleMentions(article(text)).find((m) => m.name === name);
    assert.equal(byRules?.type, "other", `the rules alone already type ${name}: the case shows nothing`);
    assert.equal(find(text, name)?.type, type, name);
  }
});

test("the tagger does not overrule a type the rules have evidence for", () => {
  const byName = new Map(mentions("Residents of the town of Mirov fled as Kovaria's foreign minister flew to Geneva.").map((m) => [m.name, m.type]));
  assert.equal(byName.get("Kovaria"), "place");
  assert.equal(byName.get("Geneva"), "place");
});

test("acronyms and other names of one country or body merge with the long form, whatever type each got", () => {
  const facts = extractFacts(article(
    "The United States and the United Nations agreed. The US envoy told the UN that U.S. troops would stay. " +
      "The United Kingdom said Britain and the UK's allies would help.",
  ));
  const entities = mergeEntities([facts]);
  const of = (name: string) => entities.find((e) => e.name === name || e.aliases.includes(name))?.name;
  assert.equal(of("US"), "United States");
  assert.equal(of("U.S."), "United States");
  assert.equal(of("UN"), "United Nations");
  assert.equal(of("Britain"), "United Kingdom");
  assert.equal(of("UK"), "United Kingdom");
});

test("a copy's spellings become aliases without adding mentions or entities of their own", () => {
  const original = extractFacts(article("Foreign Minister Aleksandr Petrov arrived in Geneva. Petrov said little.", "orig"));
  const copy = extractFacts(article("Foreign Minister Alexander Petrov arrived in Geneva with Tomas Lindqvist.", "copy"));
  const alone = mergeEntities([original]);
  const withCopy = mergeEntities([original], [copy]);
  const petrov = withCopy.find((e) => e.name === "Aleksandr Petrov")!;
  assert.ok(petrov.aliases.includes("Alexander Petrov"), petrov.aliases.join(", "));
  assert.equal(petrov.mentions, alone.find((e) => e.name === "Aleksandr Petrov")!.mentions);
  assert.deepEqual(petrov.articles, ["orig"]);
  assert.ok(!withCopy.some((e) => e.name === "Tomas Lindqvist"), "a name only the copy has is no entity");
  assert.equal(withCopy.length, alone.length);
});

test("long names, international bodies and news agencies keep their whole name and their type", () => {
  const byName = new Map(mentions(
    "The study was led by researchers at King's College London. The United Nations said Agence France-Presse " +
      "had seen the letter, and the Associated Press confirmed it.",
  ).map((m) => [m.name, m.type]));
  assert.equal(byName.get("King's College London"), "organization");
  assert.ok(!byName.has("College London"));
  assert.equal(byName.get("United Nations"), "organization");
  assert.equal(byName.get("Agence France-Presse"), "organization");
  assert.equal(byName.get("Associated Press"), "organization");
});

test("hyphenated given names stay whole", () => {
  const found = names("Leung Che-cheung of the DAB won the seat, city mayor Hau Lung-bin said.");
  assert.ok(found.includes("Leung Che-cheung"), found.join(", "));
  assert.ok(found.includes("Hau Lung-bin"), found.join(", "));
});

test("short and long forms of one country are one entity", () => {
  const entities = mergeEntities([extractFacts(article(
    "The Russian Federation and the Republic of Korea signed the deal in Seoul. Russia said South Korea would " +
      "pay; Burma, which calls itself Myanmar, abstained.",
  ))]);
  const of = (name: string) => entities.find((e) => e.name === name || e.aliases.includes(name))?.name;
  assert.equal(of("Russian Federation"), of("Russia"));
  assert.equal(of("Republic of Korea"), of("South Korea"));
  assert.equal(of("Burma"), of("Myanmar"));
});

test("the tagger's names are well formed whatever its scores", async () => {
  const { TAGS, spansOf, viterbi, OUTSIDE } = await import("../src/facts/tagger.js");
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 10 - 5;
  for (let round = 0; round < 50; round++) {
    const n = 1 + (round % 9);
    const emit = Array.from({ length: n }, (_, i) => (i % 4 === 3 ? OUTSIDE : Float64Array.from(TAGS, rand)));
    const trans = TAGS.map(() => Float64Array.from(TAGS, rand));
    const tags = viterbi(emit, trans);
    // Every word outside the spans is tagged O, every span is B I* L or U of one type, none on an OUTSIDE word.
    const inSpan = new Array(n).fill(false);
    for (const s of spansOf(tags)) for (let i = s.from; i < s.to; i++) inSpan[i] = true;
    tags.forEach((t, i) => assert.equal(TAGS[t] === "O", !inSpan[i], `round ${round}: ${tags.map((x) => TAGS[x]).join(" ")}`));
    emit.forEach((e, i) => assert.ok(e !== OUTSIDE || TAGS[tags[i]] === "O"));
  }
});

test("the shipped tagger is there and the models stay under 20 MB", async () => {
  const { readdirSync, statSync } = await import("node:fs");
  const { shippedTagger, TAGGER_MODEL_URL } = await import("../src/facts/tagger.js");
  assert.ok(shippedTagger(), "models/ner-tagger.json.gz is missing");
  const dir = new URL(".", TAGGER_MODEL_URL);
  const total = readdirSync(dir).reduce((n, f) => n + statSync(new URL(f, dir)).size, 0);
  assert.ok(total < 20 * 1024 * 1024, `${total} bytes`);
});
