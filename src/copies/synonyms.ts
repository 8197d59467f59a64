// Synonyms that article spinners swap most often, folded to one form so that light spinning leaves word
// shingles intact. Only an extra signal: the skeleton view finds spun copies using synonyms not listed here.
// One group per line; the first word is the canonical form.

const GROUPS = `
buy purchase acquire
bought purchased acquired
buys purchases acquires
buying purchasing acquiring
sell vend
sold vended
big large huge massive enormous
bigger larger
biggest largest
small little tiny
smaller tinier
quickly swiftly rapidly speedily promptly
quick swift rapid speedy prompt
fast rapid
slowly gradually
company firm business corporation enterprise
companies firms businesses corporations enterprises
help assist aid
helped assisted aided
helping assisting aiding
helps assists aids
start begin commence launch
started began commenced launched begun
starting beginning commencing launching
starts begins commences launches
end finish conclude
ended finished concluded
ending finishing concluding
stated announced declared remarked noted
states announces declares remarks notes
stating announcing declaring remarking noting
important significant crucial vital key essential
show display demonstrate reveal
showed displayed demonstrated revealed
shows displays demonstrates reveals
shown displayed demonstrated revealed
use utilize utilise employ
used utilized utilised employed
using utilizing utilising employing
uses utilizes utilises employs
get obtain receive gain
got obtained received gained
gets obtains receives gains
make create produce
made created produced
makes creates produces
making creating producing
need require
needed required
needs requires
try attempt
tried attempted
tries attempts
trying attempting
want wish desire
wanted wished desired
people individuals persons folks
person individual
children kids youngsters
child kid youngster
house home residence dwelling
houses homes residences dwellings
car vehicle automobile
cars vehicles automobiles
job position role post
jobs positions roles posts
work labor labour
worked labored laboured
problem issue difficulty
problems issues difficulties
answer reply response
answered replied responded
ask inquire enquire
asked inquired enquired questioned
think believe consider
thinks believes considers
thought believed considered
find discover locate
found discovered located
finds discovers locates
keep retain maintain
kept retained maintained
rise increase climb grow jump surge
rose increased climbed grew jumped surged
rising increasing climbing growing jumping surging
rises increases climbs grows jumps surges
fall drop decline decrease slip
fell dropped declined decreased slipped
falling dropping declining decreasing slipping
falls drops declines decreases slips
cut reduce lower slash
reduced lowered slashed
cuts reduces lowers slashes
plan scheme proposal
plans schemes proposals
planned intended
meeting gathering session
meetings gatherings sessions
talks negotiations discussions
attack assault strike
attacks assaults strikes
attacked assaulted
kill slay
killed slain
injured wounded hurt
injuries wounds
die perish
died perished
dead deceased
officials authorities
official authority
police officers cops
government administration
leader chief head
leaders chiefs heads
country nation state
countries nations states
city town
area region zone district
areas regions zones districts
near close nearby
far distant
also additionally furthermore moreover
however nevertheless nonetheless
but yet
because since
about regarding concerning approximately roughly around
many numerous several various
much considerable
often frequently regularly
sometimes occasionally
usually typically generally normally
now currently presently
later subsequently afterwards afterward
before previously earlier prior
soon shortly
really truly genuinely
very extremely highly
almost nearly virtually
enough sufficient adequate
whole entire complete
total overall
main primary principal chief
major leading
new fresh novel
old aged elderly
good great fine excellent
bad poor terrible awful
hard difficult tough challenging
easy simple effortless
happy glad pleased delighted
sad unhappy upset
angry furious irate
afraid scared frightened fearful
sure certain confident
clear evident obvious apparent
strong powerful robust
weak feeble fragile
rich wealthy affluent
poor needy impoverished
dangerous hazardous risky perilous
safe secure protected
true accurate correct
false incorrect wrong inaccurate
likely probable
possible feasible
able capable
various diverse
different distinct
similar alike comparable
same identical
next following subsequent
last final
first initial
early premature
late tardy
leave depart exit
left departed exited
leaves departs exits
arrive reach
arrived reached
come approach
came approached
go proceed head
went proceeded headed
goes proceeds heads
take seize grab
took seized grabbed
give provide offer supply grant
gave provided offered supplied granted
gives provides offers supplies grants
giving providing offering supplying granting
allow permit let enable
allowed permitted enabled
allows permits enables
stop halt cease
stopped halted ceased
stops halts ceases
continue proceed persist
continued persisted
continues persists
change alter modify amend
changed altered modified amended
changes alters modifies amends
build construct erect
built constructed erected
building constructing erecting
win triumph prevail
won triumphed prevailed
lose forfeit
lost forfeited
fight battle combat struggle
fought battled combated struggled
fighting battling combating struggling
hit struck
warn caution alert
warned cautioned alerted
warning caution alert
warnings cautions alerts
claim assert allege contend
claimed asserted alleged contended
claims asserts alleges contends
explain clarify
explained clarified
report account
reports accounts
suggest propose recommend
suggested proposed recommended
suggests proposes recommends
decide determine resolve
decided determined resolved
expect anticipate
expected anticipated
expects anticipates
hope aspire
hoped aspired
include comprise contain encompass
included comprised contained encompassed
includes comprises contains encompasses
including comprising containing encompassing
happen occur transpire
happened occurred transpired
happens occurs transpires
seem appear
seemed appeared
seems appears
look watch observe view
looked watched observed viewed
speak talk
spoke talked
spoken talked
meet encounter
met encountered
money funds cash
price cost
prices costs
profit earnings gain
profits earnings gains
sales revenue revenues
deal agreement pact accord
deals agreements pacts accords
law legislation statute
laws statutes
rule regulation
rules regulations
war conflict
wars conflicts
fire blaze
fires blazes
storm tempest
damage harm destruction
damaged harmed destroyed
crash collision accident
crashes collisions accidents
road street
roads streets
building structure
buildings structures
doctor physician
doctors physicians
hospital clinic
study research survey
studies surveys
expert specialist
experts specialists
result outcome consequence
results outcomes consequences
reason cause
reasons causes
goal aim objective target
goals aims objectives targets
idea notion concept
ideas notions concepts
view opinion
views opinions
effort attempt endeavour endeavor
efforts attempts endeavours endeavors
chance opportunity
chances opportunities
risk danger threat hazard
risks dangers threats hazards
support backing
supported backed
supports backs
move shift relocate
moved shifted relocated
`;

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const line of GROUPS.split("\n")) {
    const group = line.trim().split(/\s+/).filter(Boolean);
    // A word in two groups keeps its first: groups are read top to bottom, most common senses first.
    for (const word of group) if (!table.has(word)) table.set(word, group[0]);
  }
  return table;
}

const CANONICAL = buildTable();

/** The canonical form of a lowercased word: its synonym group's first word, or the word itself. */
export function canonicalWord(word: string): string {
  return CANONICAL.get(word) ?? word;
}
