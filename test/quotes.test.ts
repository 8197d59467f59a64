import { test } from "node:test";
import assert from "node:assert/strict";
import { extractFacts } from "../src/facts/index.js";
import { articleFromText } from "./articles.js";
import type { Article, QuoteFinding } from "../src/model/index.js";

function article(text: string, id = "a1"): Article {
  return articleFromText(text, { id });
}

const quotes = (text: string): QuoteFinding[] => extractFacts(article(text)).quotes;
const speakers = (text: string): (string | null)[] => quotes(text).map((q) => q.speaker);

const INTRO = "Foreign Minister Aleksandr Petrov arrived in Geneva on Thursday for a second round of talks. ";

test("a speaker named after the quote gets the full name the article used before", () => {
  const q = quotes(`${INTRO}"We will not accept these terms," Petrov said.`);
  assert.equal(q.length, 1);
  assert.equal(q[0].text, "We will not accept these terms");
  assert.equal(q[0].speaker, "Aleksandr Petrov");
  assert.equal(q[0].sentence, 1);
});

test("'said' before the speaker, with a title", () => {
  assert.deepEqual(speakers(`"The door remains open for now," said Foreign Minister Aleksandr Petrov.`), ["Aleksandr Petrov"]);
  assert.deepEqual(speakers(`"The door remains open for now," said Dr. Lena Fischer, an economist.`), ["Lena Fischer"]);
});

test("the speaker named before the quote: said:, said that, according to", () => {
  assert.deepEqual(speakers(`${INTRO}Petrov said: "Nothing has been agreed so far."`), ["Aleksandr Petrov"]);
  assert.deepEqual(speakers(`${INTRO}Petrov told reporters that "the offer is off the table."`), ["Aleksandr Petrov"]);
  assert.deepEqual(speakers(`${INTRO}According to Petrov, "the talks are now over."`), ["Aleksandr Petrov"]);
  assert.deepEqual(
    speakers(`Ines Duarte, a spokeswoman for the ministry, said: "Nothing has been agreed so far."`),
    ["Ines Duarte"],
  );
});

test("a quote split by 'he said' is one quote with both parts", () => {
  const q = quotes(`${INTRO}"The door remains open," he said, "but not for much longer."`);
  assert.equal(q.length, 1);
  assert.equal(q[0].text, "The door remains open … but not for much longer.");
  assert.equal(q[0].speaker, "Aleksandr Petrov");
});

test("he and she point back to the last person of that gender", () => {
  const text =
    "Ines Duarte met Aleksandr Petrov in Geneva on Friday. " +
    '"We made real progress today," she said. "There is still a long way to go," he added.';
  assert.deepEqual(speakers(text), ["Ines Duarte", "Aleksandr Petrov"]);
});

test("a role attribution points at the person with that role", () => {
  const text =
    "Ines Duarte, a spokeswoman for the ministry, confirmed the meeting. " +
    `${INTRO}"Both sides have agreed to keep talking," the spokesperson said. ` +
    '"We expect a decision next week," the minister told reporters. ' +
    '"The markets will welcome this news," an analyst said.';
  assert.deepEqual(speakers(text), ["Ines Duarte", "Aleksandr Petrov", null]);
});

test("a quote over several sentences and paragraphs is one quote", () => {
  const text =
    `${INTRO}"We spent two years arguing about commas. Now we have to build the stations.\n\n` +
    '"That will take money, and it will take time," Petrov said.';
  const q = quotes(text);
  assert.equal(q.length, 1);
  assert.equal(
    q[0].text,
    "We spent two years arguing about commas. Now we have to build the stations. That will take money, and it will take time",
  );
  assert.equal(q[0].sentence, 1);
  assert.equal(q[0].speaker, "Aleksandr Petrov");
});

test("short scare quotes are not quotes", () => {
  assert.deepEqual(quotes(`${INTRO}Critics called the plan a "fig leaf" and the talks "theatre".`), []);
});

test("curly quotes and guillemets work like straight ones", () => {
  assert.deepEqual(speakers(`${INTRO}“Rivers do not stop at borders,” Petrov said.`), ["Aleksandr Petrov"]);
  assert.deepEqual(speakers(`${INTRO}«Rivers do not stop at borders,» Petrov said.`), ["Aleksandr Petrov"]);
});

test("other verbs of saying attribute quotes too", () => {
  for (const verb of ["told AFP", "added", "warned", "insisted", "tweeted", "wrote", "explained", "declared"]) {
    assert.deepEqual(speakers(`${INTRO}"This is our final offer," Petrov ${verb}.`), ["Aleksandr Petrov"], verb);
  }
  assert.deepEqual(speakers(`${INTRO}"Is this really the final offer?" asked Ines Duarte.`), ["Ines Duarte"]);
});

test("a quote with nobody named has no speaker", () => {
  assert.deepEqual(speakers(`Outside the hall a protester shouted "we will not leave until the water is back on" at the police line.`), [null]);
});

test("a short quoted phrase inside a sentence with nobody saying it is a term, not a quote", () => {
  assert.deepEqual(quotes(`The sign on the door read "closed until further notice" for weeks.`), []);
  assert.deepEqual(quotes(`The parties agreed to "consult in good faith" before any release.`), []);
  assert.equal(quotes(`Petrov said the parties would "consult in good faith" from now on.`)[0]?.speaker, "Petrov");
});

test("a following quote that opens its own sentence continues the same speaker", () => {
  const text =
    `${INTRO}"Objects like this are usually stolen to order," said Marianne Goossens, a former investigator. ` +
    '"The gold alone is worth far less than the insurance."\n\n' +
    'The mayor called the theft "an attack on the city\'s memory" on Friday.';
  assert.deepEqual(speakers(text), ["Marianne Goossens", "Marianne Goossens", null]);
});

test("an outlet the speaker talked to is not the speaker", () => {
  const intro = "Orrin Halvorsen, the club's captain, was ejected in the third quarter. ";
  assert.deepEqual(speakers(`${intro}"We have to keep our heads in that moment," Halvorsen told the Daily Ledger.`), ["Orrin Halvorsen"]);
  assert.deepEqual(
    speakers(`${intro}Halvorsen, via the Daily Ledger, said that the referee "had lost control of the game."`),
    ["Orrin Halvorsen"],
  );
  const noSpeaker =
    'Reports spread online. One user on Weibo, which is often compared to Twitter, posted: "How did they get here so fast?"';
  assert.deepEqual(speakers(noSpeaker), [null]);
});

test("'they said' prefers the person over the company they speak for", () => {
  const text =
    "Mara Lindqvist, a spokesperson for Brightloom, confirmed to the Ledger that the app would close. " +
    '"We are grateful to every customer who used it," they said.';
  assert.deepEqual(speakers(text), ["Mara Lindqvist"]);
});

test("a place before a titled speaker does not take the quote", () => {
  assert.deepEqual(
    speakers(`"Justice has been served in this case," said U.S. Attorney Dana Whitfield.`),
    ["Dana Whitfield"],
  );
});

test("a company named in the speaker's job title does not take the quote", () => {
  const text = 'Scott Harlan, president and chief executive of Velmont Airlines said, "This has been a long and exciting day for all of us."';
  assert.deepEqual(speakers(text), ["Scott Harlan"]);
});

test("each quote says how its speaker was found, and where it starts and ends", () => {
  const text =
    `${INTRO}"We will not accept these terms," Petrov said. Lena Fischer said: "Nothing has been agreed so far." ` +
    `"The door remains open," she said. "It will not stay open for long." The ministry's spokeswoman said the offer ` +
    `was "not serious at all, not for one minute".`;
  const a = article(text);
  const q = extractFacts(a).quotes;
  assert.deepEqual(q.map((x) => [x.speaker, x.attribution]), [
    ["Aleksandr Petrov", "named-after"], ["Lena Fischer", "named-before"], ["Lena Fischer", "pronoun"],
    ["Lena Fischer", "continued"], [null, "role"],
  ]);
  for (const x of q) assert.match(a.text.slice(x.start!, x.end!), /^".*"$/s);
  assert.deepEqual(q.map((x) => x.partial), [false, false, false, false, true]);
});

test("a participle's speaker is the sentence's subject; a quote inside reported speech is the reporter's", () => {
  assert.deepEqual(
    speakers(`Rick Santorum criticized the press in a radio interview, saying, "It is offensive beyond anything any public figure should tolerate."`),
    ["Rick Santorum"],
  );
  assert.deepEqual(
    speakers(`Wally Oppal said in 2005, when he was appointed attorney general, that he was concerned about the issue "because of the exploitation of women and children."`),
    ["Wally Oppal"],
  );
  assert.deepEqual(
    speakers(`Bob Currie, 66, said he saw a police car blocking the drive-up window. "I went back to my computer and all of a sudden heard this loud boom."`),
    ["Bob Currie"],
  );
});

test("'he said' points back to the man last said to speak, not the nearest man named", () => {
  const text =
    "Attorney General Wally Oppal confirmed the arrests. Oppal said Winston Blackmore is alleged to be married to 20 women, " +
    `while James Oler is accused of being married to two. "This has been a very complex issue," he told reporters.`;
  assert.deepEqual(speakers(text), ["Wally Oppal"]);
});

test("a quote opening its sentence after one that introduces a single person is that person's", () => {
  assert.deepEqual(
    speakers(`T.J. Simons, 17, who works at the station nearby, also heard the blast. "At first I thought it was thunder, until I saw the police."`),
    ["T.J. Simons"],
  );
  assert.deepEqual(
    speakers(`Ines Duarte met Tomas Lindqvist at the station. "At first I thought it was thunder, until I saw the police."`),
    [null],
  );
});

test("indirect speech is an attributed claim; direct speech and plain sentences are not", async () => {
  const { findClaims } = await import("../src/facts/claims.js");
  const { findMentions } = await import("../src/facts/mentions.js");
  const a = article(
    "Attorney General Wally Oppal said Winston Blackmore is alleged to be married to 20 women. " +
      "The talks have failed completely, Foreign Minister Aleksandr Petrov said. He told reporters that no meeting took place at all. " +
      'The weather was fine on the day of the talks. "We will not accept these terms," Petrov said.',
  );
  const claims = findClaims(a, findMentions(a)).map((c) => [c.speaker, c.attribution, c.text, a.text.slice(c.start, c.end) === c.text]);
  assert.deepEqual(claims, [
    ["Wally Oppal", "named", "Winston Blackmore is alleged to be married to 20 women", true],
    ["Aleksandr Petrov", "named", "The talks have failed completely", true],
    ["Aleksandr Petrov", "pronoun", "no meeting took place at all", true],
  ]);
});

test("a long quote inside a sentence nobody is said to speak in is its subject's; a short phrase stays a term", () => {
  assert.deepEqual(
    speakers(`Nick Bos, of the University of Helsinki, studies "the amazing adaptations social insects have evolved to fight parasites".`),
    ["Nick Bos"],
  );
  assert.deepEqual(
    speakers(
      "Mike Rathbun requested donations on his blog to help Daniel Montalvo. " +
        'He described Montalvo as an individual "facing the penitentiary for leaving a lifetime of slavery to get a taste of freedom."',
    ),
    ["Mike Rathbun"],
  );
  assert.deepEqual(
    speakers(`While introducing the phone, at the annual conference, the new model was praised by Steve Jobs as "the biggest leap we have taken since the original iPhone."`),
    ["Steve Jobs"],
  );
  assert.deepEqual(
    speakers(`During Prime Minister's Questions on Wednesday, Rishi Sunak defended the record: "The Home Secretary and I are working intensely to bring forward that legislation."`),
    ["Rishi Sunak"],
  );
  assert.deepEqual(
    speakers(`Her former professor, Rem Koolhaas, described her at graduation as "a planet in her own orbit, unlike anyone else."`),
    ["Rem Koolhaas"],
  );
  assert.deepEqual(
    speakers(
      "Fire chief James Steele said the fire was lit at the entrance. The pastor, Larry Kroon, declined to say whether the church " +
        'had received threats. "There are so many variables," he said.',
    ),
    ["Larry Kroon"],
  );
  assert.deepEqual(
    speakers(`Antonin Dvorak wrote nine symphonies. He has been described as "arguably the most versatile composer of his time".`),
    [null],
  );
  assert.deepEqual(quotes(`Petrov called the offer "a fig leaf, nothing more" on Friday.`), []);
  assert.deepEqual(speakers(`Petrov's lawyer called the charges "a political attack on a man who has done nothing wrong at all".`), [null]);
});

test("any verb between a quote that ends on a comma and a name attributes it", () => {
  const text =
    '"We plan to increase our revenue from international routes," he adds, noting flights to Europe are possible for 787s. ' +
    '"We are rolling out the first delivery airplane," enthused Scott Fancher, the project manager. ' +
    '"It\'s an extraordinary challenge, no one has built a wide body at this rate," claims writer John Ostrower. ' +
    '"Most of them have broken bones from the debris," Doctor Sokal Pirg of the unit told Xinhua by phone. ' +
    '"We will be back next season, stronger than ever," Orrin Halvorsen grumbled.';
  assert.deepEqual(speakers(`Mitsuo Morimoto, a senior vice president at ANA, spoke first. ${text}`), [
    "Mitsuo Morimoto", "Scott Fancher", "John Ostrower", "Sokal Pirg", "Orrin Halvorsen",
  ]);
});

test("a quote signed with a dash and a name on its own line is that person's", () => {
  const text =
    `"So far, it's the Internet: 1, Scientology: 0. But it's a long game." - Matthew Ingram\n\n` +
    "Writing in a blog post, Ingram called the conflict another skirmish.";
  assert.deepEqual(speakers(text), ["Matthew Ingram"]);
});

test("carelessly typed quote marks still pair up", () => {
  const text =
    'Professor John Burrows said resources would be available for schools," For example, schools can run their own flag ' +
    'referendums as part of their learning". Prime Minister John Key said the change now has a "strong rationale". ' +
    'Of the public process, he said, "In the end I\'ll have one vote in each referendum like every other voter".';
  const q = quotes(text);
  assert.deepEqual(q.map((x) => [x.text.slice(0, 12), x.speaker]), [
    ["For example,", "John Burrows"], ["In the end I", "John Key"],
  ]);
});

test("the name before a long aside speaks, not a body or place inside it", () => {
  assert.deepEqual(
    speakers(`Steve Jobs unveiled the laptops at the Hugh Jackman, California event, saying the company has "been inspired by the work it has done on the iPad."`),
    ["Steve Jobs"],
  );
  assert.deepEqual(
    speakers(`"We will be making no further payment on our loan notes," Karen Olson, president and CEO of Valley Dairy, notified the panel.`),
    ["Karen Olson"],
  );
  assert.deepEqual(
    speakers(`Cynthia Thompson, curator and director of exhibits at the University of Arkansas, Fayetteville, said, "These images document people in his everyday life."`),
    ["Cynthia Thompson"],
  );
  assert.deepEqual(
    speakers(`Apple CEO Steve Jobs unveiled the new laptops at the Cupertino, California event, saying the company has "been inspired by the work it has done on the iPad."`),
    ["Steve Jobs"],
  );
});

test("'he said' goes to whoever was just quoted or is the subject of the sentence before", () => {
  assert.deepEqual(
    speakers(
      "Louis Gallois said he hoped to achieve the cuts through attrition. " +
        '"The response has been massive," said Julien Talavan, a spokesman for the main union. ' +
        '"This is just the beginning," he said, hinting at strikes.',
    ),
    ["Julien Talavan", "Julien Talavan"],
  );
  assert.deepEqual(
    speakers(
      'A contrary view comes from Charles Reilly, a management expert, who stated, "Great companies rarely go from strength to strength." ' +
        "Richard Doherty attributes Steve Jobs' success to patience. " +
        'He states "A lot of products could have gotten to market earlier, but he wanted it better."',
    ),
    ["Charles Reilly", "Richard Doherty"],
  );
});

test("a body speaks through 'the company', its statements and its analyses", () => {
  assert.deepEqual(
    speakers(
      "The Defence Ministry and Reuters both reported the capture. " +
        '"Twenty-three pirates surrendered on boarding," the ministry said. "The suspect entered the business at 4 p.m.," police said.',
    ),
    ["Defence Ministry", null],
  );
  assert.deepEqual(
    speakers(
      "Singapore Airlines will be compensated by Airbus for the delay. In a statement on the Airbus website, the company said that " +
        '"the root cause of the problem is that the digital mock-up was implemented late."',
    ),
    ["Airbus"],
  );
  assert.deepEqual(
    speakers(`PC World's recent analysis of its own web traffic concluded, "Usually, Internet Explorer is the number two browser after Firefox."`),
    ["PC World"],
  );
  assert.deepEqual(
    speakers(`A statement from Apple Computer stated that "the two companies now have differing interpretations of this agreement."`),
    ["Apple Computer"],
  );
  assert.deepEqual(
    speakers(`"The root cause is that the wiring design was implemented late," according to a statement from Airbus.`),
    ["Airbus"],
  );
});

test("a person described anew ('the convicted killer said') is the one named before; a new person is nobody", () => {
  const text =
    "Brian Nichols offered a show of remorse before his sentence was announced on Saturday. " +
    '"I am sorry. I will not bring dishonor to the decision to spare my life," the convicted killer said. ' +
    '"He showed no remorse in all these years," a witness said.';
  assert.deepEqual(speakers(text), ["Brian Nichols", null]);
  const source =
    "Coach Jim O'Brien was fired on Saturday. A source with knowledge of the team's thinking said the move was overdue. " +
    '"Ed just wasn\'t seeing any progress with the young players," the source said.';
  assert.deepEqual(speakers(source), [null]);
  const paper =
    "Thousands marched in Athens on Tuesday. The centre-left Athens Tribune warned young Greeks would rise up. " +
    '"If nothing is done, the explosion of the angry will sweep everything away," the paper said.';
  assert.deepEqual(speakers(paper), ["Athens Tribune"]);
  const object =
    "Union leader Giannis Panagopoulos called for more strikes. A government official downplayed the unrest, saying that " +
    '"for years there have been strikes and protests in this country without much consequence."';
  assert.deepEqual(speakers(object), [null]);
});

test("a quote after reported speech keeps its speaker across a lead-in and a title in the sentence before", () => {
  assert.deepEqual(
    speakers(
      "Bob Currie said he saw a police car blocking the drive-up window. " +
        'Later in the afternoon, "I went back to my computer and all of a sudden heard this loud boom."',
    ),
    ["Bob Currie"],
  );
  assert.deepEqual(
    speakers(
      'One screen print on show was called "Cowboys and Indians" from 1987.\nKristen Wilkins also said Warhol was an artist and a ' +
        'businessperson. "As a way to sell his work, he would make a blue Marilyn and a pink Marilyn."',
    ),
    ["Kristen Wilkins"],
  );
  assert.deepEqual(
    speakers(
      "U.S. Senator John Cornyn, Republican from Texas, issued a statement on the decision. " +
        '"Like many Texans, I am disappointed with the decision to slight the Johnson Space Center."',
    ),
    ["John Cornyn"],
  );
});

test("a quote chained onto an attributed one in the same sentence keeps its speaker", () => {
  const text =
    'North Korea\'s KCNA news agency reported the exchange of fire. "Foolhardy provocation deserves harsh punishment", it added; ' +
    'and, later, "the front-line units should enter a wartime state to be fully battle ready".';
  assert.deepEqual(speakers(text), ["KCNA", "KCNA"]);
  const newSpeaker =
    'Union leader Giannis Panagopoulos said: "The Greek people have been called to make sacrifices while the rich pay nothing." ' +
    'A government official downplayed the unrest, saying that "for years there have been strikes and protests without much consequence."';
  assert.deepEqual(speakers(newSpeaker), ["Giannis Panagopoulos", null]);
});

test("the one told is not the speaker; the one the sentence goes on about is", () => {
  const text =
    'After telling People in October that she did not "need to do any of that anymore, not at all," actress Tara Reid ' +
    "checked into a treatment center on Friday.";
  assert.deepEqual(speakers(text), ["Tara Reid"]);
});

test("a quote in its own paragraph after a sentence naming one person is theirs, not someone whose lawyer was named", () => {
  assert.deepEqual(
    speakers(
      "In a recently accepted paper, published this week Nick Bos and colleagues describe ants that medicate themselves.\n\n" +
        '"I have no doubt that as time goes on, there will be more and more cases documented."',
    ),
    ["Nick Bos"],
  );
  assert.deepEqual(
    speakers(`The ruling angered Jan Kowalski's family.\n\n"We will appeal this decision as far as we have to go."`),
    [null],
  );
});

test("quote marks set apart from their words by spaces still open quotes", () => {
  const text =
    '"It feels great to resolve this in a positive manner," said Apple Inc. CEO Steve Jobs. ' +
    '" The years ahead are going to be very exciting times for us," said Neil Aspinall, manager of Apple Corps.';
  const q = quotes(text);
  assert.deepEqual(q.map((x) => [x.text.trim().slice(0, 9).trim(), x.speaker]), [["It feels", "Steve Jobs"], ["The years", "Neil Aspinall"]]);
  const glued =
    '"It feels great to resolve this in a positive manner. "" The years ahead are going to be very exciting times for us, "said ' +
    "Neil Aspinall, manager of Apple Corps.";
  assert.deepEqual(quotes(glued).map((x) => x.speaker), [null, "Neil Aspinall"]);
});

test("'and added' and 'said Yeager:' before a quote, and an aside in the attribution, keep the speaker", () => {
  assert.deepEqual(
    speakers(`Sheriff Dan Lyons said the inmate used a wheelchair in prison and added, "Since he fled on foot, that's obviously in question."`),
    ["Dan Lyons"],
  );
  assert.deepEqual(
    speakers(`Bunny Yeager photographed her for years. One big difference between Page and most neighbors, said Bunny Yeager: "She felt more comfortable in the nude than in clothes."`),
    ["Bunny Yeager"],
  );
  assert.deepEqual(
    speakers(
      '"I do not think Brian Nichols won," said Christina Greenway, daughter of the court reporter Julie Ann Brandau. ' +
        '"In his own words, it is not in his DNA to stay in prison."',
    ),
    ["Christina Greenway", "Christina Greenway"],
  );
});

test("'he said' after a sentence that is about 'he' too goes back to the same man", () => {
  const text =
    "Her publicist, Jack Ketsoyan, said Friday that the actress went to the treatment center. " +
    'He did not say what Tara Reid was being treated for. "We appreciate your respect for her privacy at this time," he said.';
  assert.deepEqual(speakers(text), ["Jack Ketsoyan"]);
});

test("an exclamation, an age or a place before the name does not hide the speaker", () => {
  assert.deepEqual(
    speakers(`The gunman was "deliberately seeking out these individuals," according to Vancouver police Const. Tim Fanning.`),
    ["Tim Fanning"],
  );
  assert.deepEqual(
    speakers(
      'Five bank workers were rescued. "A demonstration is one thing and murder is quite another! " Prime Minister George Papandreou ' +
        "thundered in Parliament during a session that said nothing new.",
    ),
    ["George Papandreou"],
  );
  assert.deepEqual(
    speakers(`"Thompson was not so easy to box. I am satisfied, " said the 36 - year - old Wladimir Klitschko, who improved his record.`),
    ["Wladimir Klitschko"],
  );
});

test("adverbs between the speaker and the verb ('she once said', 'Petrov later told') do not hide the speaker", () => {
  assert.deepEqual(
    speakers(`${INTRO}Ines Duarte turned him down. "I never returned any of his calls," she once said. "The offer was weak," Petrov later told reporters.`),
    ["Ines Duarte", "Aleksandr Petrov"],
  );
});

test("a long title before the name after a quote still gives the speaker, not the one quoted before", () => {
  const text =
    'Mark Heller told the judge his client was in treatment. "She is in rehab right now," he said. ' +
    '"The facility that Lindsay is now in is not a licensed residential drug treatment center," California Department of ' +
    "Alcohol and Drug Programs deputy director Millicent Tidwell told The Post.";
  assert.deepEqual(speakers(text), ["Mark Heller", "Millicent Tidwell"]);
});

test("a comma after the closing mark leaves a quote open for its attribution only when the quote opens the sentence", () => {
  assert.deepEqual(
    speakers(`"He wanted to be rich and famous and he made lots of choices to go that way", Kristen Wilkins mused.`),
    ["Kristen Wilkins"],
  );
  assert.deepEqual(
    speakers(
      "Sheriff's spokesman Steve Whitmore told the Weekly that Daniel Montalvo " +
        '"walked into the lobby of the East L.A. station and turned himself in", and told the police everything.',
    ),
    ["Steve Whitmore"],
  );
});

test("a quote answering the writer's question about her is hers", () => {
  const text =
    "Maria Lopez, a second-year art student, skipped class to attend the opening. Why did she want to see it so badly? " +
    '"It is Warhol. He is a legend, and I had to be there."';
  assert.deepEqual(speakers(text), ["Maria Lopez"]);
});

test("the person right after a quote speaks, however long their aside before the verb", () => {
  assert.deepEqual(
    speakers(
      '"Liquid water is hard to find beyond Earth," study lead author Lucas Paganini, a planetary scientist at ' +
        "NASA's Goddard Space Flight Center in Greenbelt, Maryland, and American University in Washington, D.C., said in a statement.",
    ),
    ["Lucas Paganini"],
  );
  assert.deepEqual(
    speakers('"Extradition proceedings have commenced," Lauri Saathoff, a spokeswoman for Attorney General Greg Abbott told reporters.'),
    ["Lauri Saathoff"],
  );
  assert.deepEqual(
    speakers('"Sales were below our expectations," chairman, CEO and president Craig Menear said in the release.'),
    ["Craig Menear"],
  );
});

test("a verb and a colon after a quote introduce the next quote", () => {
  const text =
    'Steven Moffat, the lead writer, says: "It is an incendiary combination. Peter Capaldi is in the TARDIS!" ' +
    'The show\'s star, Jenna Coleman, says: "I am so excited about this new chapter."';
  assert.deepEqual(speakers(text), ["Steven Moffat", "Jenna Coleman"]);
});

test("a long sentence's subject speaks through 'told X:', and X is only the listener", () => {
  const text =
    "Ian Hamilton, an expert in drug use and mental health at the Department of Health Sciences at the U.K.'s " +
    'University of York who did not work on the study, told Newsweek: "Regular use increased by only a few percent."';
  assert.deepEqual(speakers(text), ["Ian Hamilton"]);
});

test("'he' followed by any verb after a quote left open", () => {
  const text = 'Thomas Ward met Anna Berg on Saturday. "Oh, actually? Yes," he assures himself.';
  assert.deepEqual(speakers(text), ["Thomas Ward"]);
});

test("a voice goes on past a person named only as an owner, and after reported speech holding a short quoted term", () => {
  const text =
    'Sister Carol Keehan said the association "rejoices for our nation" in Dr. Regina Benjamin\'s nomination. ' +
    '"In Dr. Benjamin, we have a brilliant physician." ' +
    'Michael Farmer said she had made a "concrete decision" to remain in Alabama. "She is noted not only for her clinic work."';
  assert.deepEqual(speakers(text), ["Sister Carol Keehan", "Sister Carol Keehan", "Michael Farmer"]);
});

test("a clause set off by a comma at the end of the quote's sentence names the speaker", () => {
  assert.deepEqual(
    speakers('A drilling plan was set aside. "To make wise decisions, we need to set aside" the plan, said Interior Secretary Ken Salazar.'),
    ["Ken Salazar"],
  );
  assert.deepEqual(
    speakers('"It lasted a really long time. You could tell" it was larger, said Hardester\'s Market.'),
    [null],
  );
});

test("a quote after a closed one opens its sentence even when a stray closing mark stands before it", () => {
  const text = 'Matt Goodman, from the fire service, said: "It started outside the building. " "It then quickly spread to the roof."';
  assert.deepEqual(speakers(text), ["Matt Goodman", "Matt Goodman"]);
});

test("'the statement said' is whoever the article said issued it; 'an editorial in the daily X' is X's", () => {
  const text =
    'Ilene Wolff spoke for the hospital. Gordon Advisors issued a statement on Tuesday expressing condolences. ' +
    '"We are especially devastated by the death of our colleague," the statement said.';
  assert.deepEqual(speakers(text), ["Gordon Advisors"]);
  assert.deepEqual(
    speakers('"For four days, Greece has surrendered itself to flames," said an editorial in the conservative daily Kathimerini.'),
    ["Kathimerini"],
  );
});

test("'he said' right after quotes of one man, with nobody else named since, goes on with him", () => {
  const text =
    "Ed Snider, who attended the news conference of Billy King, said he backed him. " +
    '"I really do not question Billy at all," he said. "I know what went on in the process."';
  assert.deepEqual(speakers(text), ["Ed Snider", "Ed Snider"]);
  const other =
    'Jonathan Wright said the cables were old. "They break often," he said. According to Alan Mauldin, research director of ' +
    'TeleGeography, new cables are planned. "Many new systems will open," he said.';
  assert.deepEqual(speakers(other), ["Jonathan Wright", "Alan Mauldin"]);
});

test("'he' goes back to the subject of the sentence before, past a participle phrase that opens it", () => {
  const text =
    'The band played on. Following a performance of their jam "Black Water," Patrick Simmons ' +
    'teed up Michael McDonald\'s cameo. "You might remember him from his own band," he said.';
  assert.deepEqual(speakers(text), ["Patrick Simmons"]);
});

test("'According to X,' opening a sentence makes X speak its quote, unless someone else in it speaks", () => {
  assert.deepEqual(
    speakers('According to a 2018 survey by Penelope Abernathy of the University of North Carolina, the firm\'s practice has been to "consolidate copy editing and page design" at one center.'),
    ["Penelope Abernathy"],
  );
  assert.deepEqual(
    speakers('According to experts hired by the Grigoropoulos family, the bullet "is a bit deformed, which showed the bullet touched a hard surface" before.'),
    [null],
  );
  assert.deepEqual(speakers('According to AFP, one user on Weibo posted: "I just want to know how these two came to Beijing."'), [null]);
});
