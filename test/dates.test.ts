import { test } from "node:test";
import assert from "node:assert/strict";
import { findTimes } from "../src/facts/dates.js";
import { articleFromSentences } from "./articles.js";
import type { Article, TimeFinding } from "../src/model/index.js";

// Published on Thursday 2 March 2023 unless a test says otherwise.
const PUBLISHED = "2023-03-02";

function article(lines: string[], published: string | null = PUBLISHED): Article {
  return articleFromSentences(lines, { published });
}

/** "text → date (precision)" for each finding, easy to compare. */
function times(lines: string[], published: string | null = PUBLISHED): string[] {
  return findTimes(article(lines, published)).map((f) => `${f.text} → ${f.date} (${f.precision})`);
}

test("a weekday is the most recent such day, and the publication day itself counts", () => {
  assert.deepEqual(times(["The minister resigned on Thursday.", "Talks broke down on Friday."]), [
    "Thursday → 2023-03-02 (day)",
    "Friday → 2023-02-24 (day)",
  ]);
});

test("a weekday with a time of day keeps it in the quoted text", () => {
  assert.deepEqual(times(["Police said on Monday night that 24 people were hurt."]), ["Monday night → 2023-02-27 (day)"]);
});

test("last and next weekdays skip the publication day", () => {
  assert.deepEqual(times(["The vote was held last Thursday and the count ends next Thursday."]), [
    "last Thursday → 2023-02-23 (day)",
    "next Thursday → 2023-03-09 (day)",
  ]);
});

test("a weekday in a future-tense clause goes forward, a past one in the same sentence does not", () => {
  assert.deepEqual(times(["The president will meet union leaders on Monday, officials said on Tuesday."]), [
    "Monday → 2023-03-06 (day)",
    "Tuesday → 2023-02-28 (day)",
  ]);
});

test("months resolve to the most recent such month, 'last' skipping the current one", () => {
  assert.deepEqual(times(["Prices rose in February and fell in July.", "The talks collapsed last July.", "Exports slumped last March."]), [
    "February → 2023-02 (month)",
    "July → 2022-07 (month)",
    "last July → 2022-07 (month)",
    "last March → 2022-03 (month)",
  ]);
});

test("a month with a year, or with 'last year', is taken as written", () => {
  assert.deepEqual(times(["In February 2021 the plan was shelved.", "The plant closed in June last year.", "Work began in mid-March 2020."]), [
    "February 2021 → 2021-02 (month)",
    "June last year → 2022-06 (month)",
    "mid-March 2020 → 2020-03 (month)",
  ]);
});

test("a month or day in a future-tense clause goes forward", () => {
  assert.deepEqual(times(["The referendum will be held in July.", "The summit is due to open on March 5."]), [
    "July → 2023-07 (month)",
    "March 5 → 2023-03-05 (day)",
  ]);
});

test("'since' and a later past-tense verb keep a future-tense sentence's dates in the past", () => {
  assert.deepEqual(
    times(["It will be the first strike since July.", "He will be sentenced after he was convicted on Tuesday."]),
    ["July → 2022-07 (month)", "Tuesday → 2023-02-28 (day)"],
  );
});

test("a month and day without a year never lands after the publication date", () => {
  assert.deepEqual(
    times(["The deal was signed February 24.", "Protests began on March 5.", "The ceasefire started on 24 February.", "Shares fell on Feb. 24."]),
    [
      "February 24 → 2023-02-24 (day)",
      "March 5 → 2022-03-05 (day)",
      "24 February → 2023-02-24 (day)",
      "Feb. 24 → 2023-02-24 (day)",
    ],
  );
});

test("full dates are taken as written, with a weekday in front joining them", () => {
  assert.deepEqual(
    times(["The law passed on July 9, 2022 and took effect on 9 July 2022.", "The report, dated 2023-01-15, was leaked.", "Thursday, March 2, was busy."]),
    [
      "July 9, 2022 → 2022-07-09 (day)",
      "9 July 2022 → 2022-07-09 (day)",
      "2023-01-15 → 2023-01-15 (day)",
      "Thursday, March 2 → 2023-03-02 (day)",
    ],
  );
});

test("a year needs a date context such as 'in' or 'since'", () => {
  assert.deepEqual(
    times(["The firm was founded in 2021 and has grown since late 2021.", "It employs 2021 workers.", "Output doubled between 2014 and 2016."]),
    ["2021 → 2021 (year)", "late 2021 → 2021 (year)", "2014 → 2014 (year)", "2016 → 2016 (year)"],
  );
});

test("a month joined to another month is a date too", () => {
  assert.deepEqual(times(["He appeared in public in January and June."]), [
    "January → 2023-01 (month)",
    "June → 2022-06 (month)",
  ]);
});

test("relative years, months and weeks resolve with honest precision", () => {
  assert.deepEqual(
    times([
      "Sales fell last year, rose this year and will rise next year.",
      "Growth slowed last month and again last week.",
      "Turnout rose earlier this month.",
    ]),
    [
      "last year → 2022 (year)",
      "this year → 2023 (year)",
      "next year → 2024 (year)",
      "last month → 2023-02 (month)",
      "last week → 2023-02 (month)",
      "earlier this month → 2023-03 (month)",
    ],
  );
});

test("last month and last week cross a year boundary", () => {
  assert.deepEqual(times(["Inflation peaked last month and eased last week."], "2023-01-05"), [
    "last month → 2022-12 (month)",
    "last week → 2022-12 (month)",
  ]);
});

test("yesterday and today are days around the publication date", () => {
  assert.deepEqual(times(["The rebels arrived yesterday and talks resume today."]), [
    "yesterday → 2023-03-01 (day)",
    "today → 2023-03-02 (day)",
  ]);
});

test("'ago' counts back from the publication date", () => {
  assert.deepEqual(times(["The mine flooded two days ago, three weeks ago and a year ago.", "It happened a few days ago."]), [
    "two days ago → 2023-02-28 (day)",
    "three weeks ago → 2023-02-09 (day)",
    "a year ago → 2022 (year)",
  ]);
});

test("without a publication date only expressions with their own year resolve", () => {
  const lines = [
    "Talks broke down on Friday, yesterday, last year and in July.",
    "The deal was signed February 24.",
    "The law passed on July 9, 2022, the plan was shelved in February 2021 and the firm was founded in 2019.",
  ];
  assert.deepEqual(times(lines, null), [
    "July 9, 2022 → 2022-07-09 (day)",
    "February 2021 → 2021-02 (month)",
    "2019 → 2019 (year)",
  ]);
});

test("words that only look like dates are left alone", () => {
  const lines = [
    "You may go now, officials said.",
    "May I ask a question, the reporter said.",
    "Theresa May met the president in London.",
    "The attack left 24 people dead.",
    "The Sunday Times reported the leak first.",
    "Black Friday sales rose sharply.",
    "The market opens every Monday.",
    "Prices rose over the last year.",
    "USA Today published the letter.",
    "Thousands joined the Women's March through the capital.",
  ];
  assert.deepEqual(times(lines), []);
});

test("findings point at their text, in text order, without overlaps", () => {
  const a = article(["Officials said on Friday that the blast on February 24 killed 12.", "Last year, 2 died."]);
  const found: TimeFinding[] = findTimes(a);
  assert.deepEqual(
    found.map((f) => [f.sentence, f.text]),
    [[0, "Friday"], [0, "February 24"], [1, "Last year"]],
  );
  for (const f of found) assert.equal(a.text.slice(f.start, f.end), f.text);
  for (let i = 1; i < found.length; i++) assert.ok(found[i].start >= found[i - 1].end);
});

test("a scheduling verb in the present points forward: 'the session ends on Saturday'", () => {
  assert.deepEqual(times(["The session ends on Saturday.", "The museum reopens in April."]), [
    "Saturday → 2023-03-04 (day)",
    "April → 2023-04 (month)",
  ]);
  assert.deepEqual(times(["The session ended on Saturday."]), ["Saturday → 2023-02-25 (day)"]);
});

test("a month and day with no tense to go by is the nearer one; a weekday written with it fixes the year", () => {
  assert.deepEqual(
    times(["Elian must be returned to his father by Jan. 14, the ruling said.", "The dividend is payable Dec. 15."], "2000-01-06"),
    ["Jan. 14 → 2000-01-14 (day)", "Dec. 15 → 1999-12-15 (day)"],
  );
  // A weekday that fits no nearby year leaves the year to the tense.
  assert.deepEqual(times(["The hearing is on Monday 3 March."]), ["Monday 3 March → 2023-03-03 (day)"]);
  assert.deepEqual(times(["The New York Times said in an editorial on Monday, Oct. 26: the talks failed."], "1998-10-25"), [
    "Monday, Oct. 26 → 1998-10-26 (day)",
  ]);
});

test("reported plans point forward; a past verb right beside a date and a relative clause keep it in the past", () => {
  // Published on Friday 7 January 2000.
  assert.deepEqual(
    times(["He said the father would travel to Washington on Sunday.", "Protesters planned a march on Saturday and were planning to block the airport on Monday."], "2000-01-07"),
    ["Sunday → 2000-01-09 (day)", "Saturday → 2000-01-08 (day)", "Monday → 2000-01-10 (day)"],
  );
  assert.deepEqual(
    times(["The boy will stay two more weeks even after a court Thursday refused a hearing.", "They will appeal the decision, announced Wednesday by the agency.", "She will bring aid to Kenya, where the Jan. 3 blasts killed 200."], "2000-01-07"),
    ["Thursday → 2000-01-06 (day)", "Wednesday → 2000-01-05 (day)", "Jan. 3 → 2000-01-03 (day)"],
  );
  // Not "a planned vigil", "could not be reached", a relative clause's "would", nor a past verb just before.
  assert.deepEqual(
    times([
      "They left a planned vigil for a boy killed by police on Thursday night.",
      "The mayor, who said he would resign, could not be reached Wednesday.",
      "Police found a box that would hold a shotgun, and shell boxes, in a bin outside his flat Monday evening.",
      "The hearing that he would attend stretched late into Tuesday night.",
    ], "2000-01-07"),
    ["Thursday night → 2000-01-06 (day)", "Wednesday → 2000-01-05 (day)", "Monday evening → 2000-01-03 (day)", "Tuesday night → 2000-01-04 (day)"],
  );
  // Not a participle after "be", nor a scheduling one.
  assert.deepEqual(times(["The verdict will be announced Monday.", "The result is expected Tuesday."], "2000-01-07"), [
    "Monday → 2000-01-10 (day)",
    "Tuesday → 2000-01-11 (day)",
  ]);
});

test("a future clause about a day of the month just gone is that day; with no tense a date is in the past unless much nearer ahead", () => {
  assert.deepEqual(times(["The agency ordered the service to return the child by Jan. 14."], "2000-01-15"), ["Jan. 14 → 2000-01-14 (day)"]);
  assert.deepEqual(times(["The index ended within 70 points of its record high set on Aug. 6."], "1998-02-06"), ["Aug. 6 → 1997-08-06 (day)"]);
  assert.deepEqual(times(["The reduced dividend is payable Jan. 2 to holders of record."], "1989-11-02"), ["Jan. 2 → 1990-01-02 (day)"]);
});

test("a month before a noun, after 'for' or with a possessive is a date; 'May's' is a name's", () => {
  assert.deepEqual(
    times(["Police found evidence in the October slaying.", "The job figures for January rose after a revision to December's figures.", "May's speech was long."]),
    ["October → 2022-10 (month)", "January → 2023-01 (month)", "December → 2022-12 (month)"],
  );
});

test("a weekday after a name or in 'Earlier Friday' is a date; 'Good Friday' and 'the Sunday Times' are not", () => {
  assert.deepEqual(
    times(["Iran Saturday condemned the bombing.", "Earlier Friday, lawyers filed a petition.", "The Friday explosions killed 110 people."]),
    ["Saturday → 2023-02-25 (day)", "Friday → 2023-02-24 (day)", "Friday → 2023-02-24 (day)"],
  );
  assert.deepEqual(times(["Crowds gathered on Good Friday.", "He wrote for the Sunday Times."]), []);
});

test("TIMEX3 values: durations, sets, weeks, quarters, clock times on their day, references", async () => {
  const { findTimexes } = await import("../src/facts/timex.js");
  const timex = (line: string, published: string | null = PUBLISHED) =>
    findTimexes(article([line], published)).map((t) => `${t.text} → ${t.type} ${t.value}`);
  assert.deepEqual(timex("The boy clung to an inner tube for two days before he was rescued last week."), [
    "two days → DURATION P2D", "last week → DATE 2023-W08",
  ]);
  assert.deepEqual(timex("Rallies have been held daily, and the past 20 years saw a 16-hour flight."), [
    "daily → SET P1D", "the past 20 years → DURATION P20Y", "16-hour → DURATION PT16H",
  ]);
  assert.deepEqual(timex("Profit fell in the third quarter from the year-ago quarter.", "1989-10-30"), [
    "the third quarter → DATE 1989-Q3", "the year-ago quarter → DATE 1988-Q3",
  ]);
  assert.deepEqual(timex("He was kidnapped at 10 p.m. Wednesday and is now free; in the future he will stay home."), [
    "10 p.m. Wednesday → TIME 2023-03-01T22:00", "now → DATE PRESENT_REF", "the future → DATE FUTURE_REF",
  ]);
  // Without the article's date what needs it stays open, never guessed.
  assert.deepEqual(timex("He left on Thursday after three days of talks in 2019; yesterday he said July was hard.", null), [
    "Thursday → DATE XXXX-WXX-4", "three days → DURATION P3D", "2019 → DATE 2019", "yesterday → DATE XXXX-XX-XX",
  ]);
});

test("in an earnings report 'a year earlier' is the quarter named just before, a year back", async () => {
  const { findTimexes } = await import("../src/facts/timex.js");
  const found = findTimexes(
    articleFromSentences(["Third-quarter profit rose to $5 million from $4 million a year earlier.", "Sales fell from a year ago."], { published: "1989-10-30" }),
  ).map((t) => `${t.text} → ${t.value}`);
  assert.deepEqual(found, ["Third-quarter → 1989-Q3", "a year earlier → 1988-Q3", "a year ago → 1988-Q3"]);
  const plain = findTimexes(articleFromSentences(["He left the company a year ago."], { published: "1989-10-30" })).map((t) => t.value);
  assert.deepEqual(plain, ["1988"]);
});

test("TIMEX3 values: holidays, weekends, decades, centuries, clock times, number words, vague pasts", async () => {
  const { findTimexes } = await import("../src/facts/timex.js");
  const timex = (line: string, published: string | null = PUBLISHED) =>
    findTimexes(article([line], published)).map((t) => `${t.text} → ${t.type} ${t.value}`);
  // Published on Friday 7 January 2000.
  assert.deepEqual(timex("The boy was found on Thanksgiving Day and his father will come by Easter.", "2000-01-07"), [
    "Thanksgiving Day → DATE 1999-11-25", "Easter → DATE 2000-04-23",
  ]);
  // Without the article's date a fixed holiday keeps its month and day; a movable one is not guessed.
  assert.deepEqual(timex("On Christmas, at Easter and over the weekend he rested.", null), [
    "Christmas → DATE XXXX-12-25", "the weekend → DATE XXXX-WXX-WE",
  ]);
  assert.deepEqual(timex("He visited Christmas Island and bought Easter eggs."), []);
  assert.deepEqual(timex("Crowds rallied last weekend and will march again this weekend.", "2000-01-07"), [
    "last weekend → DATE 1999-W52-WE", "this weekend → DATE 2000-W01-WE",
  ]);
  assert.deepEqual(timex("Protests began in the late 1980s, as in the '60s and the sixties, and shaped the 20th century.", "2000-01-07"), [
    "the late 1980s → DATE 198X", "the '60s → DATE 196X", "the sixties → DATE 196X", "the 20th century → DATE 19",
  ]);
  assert.deepEqual(timex("Polls closed at 22:30 and the site was back as of 15:11 GMT; he leaves at 4 in the morning.", "2000-01-07"), [
    "22:30 → TIME 2000-01-07T22:30", "15:11 GMT → TIME 2000-01-07T15:11", "4 in the morning → TIME 2000-01-07T04:00",
  ]);
  assert.deepEqual(timex("For the last twenty-four hours, a couple of years after it opened, several years ago, nearly a decade ago.", "2000-01-07"), [
    "the last twenty-four hours → DURATION PT24H", "a couple of years → DURATION P2Y", "several years ago → DATE PAST_REF", "nearly a decade ago → DATE 1990",
  ]);
  assert.deepEqual(timex("Profit in the 1988 third quarter and next year's first quarter; staff will be cut by year end.", "1989-10-30"), [
    "the 1988 third quarter → DATE 1988-Q3", "next year's first quarter → DATE 1990-Q1", "year end → DATE 1989",
  ]);
  assert.deepEqual(timex("He returns two weeks from now; polls are held every two years, the board meets twice a week, and a fortnight ago it met."), [
    "two weeks from now → DATE 2023-03-16", "every two years → SET P2Y", "twice a week → SET P1W", "a fortnight ago → DATE 2023-02-16",
  ]);
  assert.deepEqual(timex("Results for fiscal year 2022 and FY2023; he met her the previous week."), ["fiscal year 2022 → DATE 2022", "FY2023 → DATE 2023"]);
  assert.deepEqual(timex("By mid-afternoon the year-earlier results and the year-earlier nine months were restated.", "1989-10-30"), [
    "mid-afternoon → TIME 1989-10-30TAF", "year-earlier → DATE 1988", "the year-earlier nine months → DURATION P9M",
  ]);
});

test("a day told from the day last named: 'the next day', 'the day before'; not ordinals, titles or subjects", async () => {
  const { findTimexes } = await import("../src/facts/timex.js");
  const timex = (lines: string[]) => findTimexes(article(lines)).map((t) => `${t.text} → ${t.value}`);
  assert.deepEqual(timex(["He was arrested on Feb. 20 and charged the next day.", "His lawyer had called the day before."]), [
    "Feb. 20 → 2023-02-20", "the next day → 2023-02-21", "the day before → 2023-02-20",
  ]);
  assert.deepEqual(timex(["The firm was sold in March 2021.", "The following month its chief quit; the previous year he had been hired."]), [
    "March 2021 → 2021-03", "The following month → 2021-04", "the previous year → 2020",
  ]);
  assert.deepEqual(timex(["Kane scored a second goal, and only a quarter of voters told LA Weekly about the future of the club."]), []);
});
