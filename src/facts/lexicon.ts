// Hand-written word lists for rule-based name finding. Compact on purpose: each list only has to tip a
// decision that the shape of the text (capitals, titles, "said") has mostly made already.
// All entries are lowercase; look words up lowercased.
import { MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES } from "../text/tokens.js";


const set = (s: string): ReadonlySet<string> => new Set(s.split(/[\s,]+/).filter(Boolean));
/** Multi-word entries are separated by "|" so they can contain spaces. */
const phrases = (s: string): ReadonlySet<string> =>
  new Set(s.split("|").map((p) => p.trim().replace(/\s+/g, " ")).filter(Boolean));

export const WEEKDAYS_AND_MONTHS: ReadonlySet<string> = new Set([
  ...WEEKDAY_NAMES, ...MONTH_NAMES, ...MONTH_ABBREVIATIONS, ...WEEKDAY_ABBREVIATIONS,
]);

/** Months that are also given or family names ("Theresa May", "June Carter"). */
export const MONTH_NAMES_AS_NAMES = set(`may june april august`);

/** Page furniture and bylines that survive cleaning capitalised; never names. */
export const BOILERPLATE = set(`share shares comments comment posted read more advertisement advert ad ads
  subscribe subscribers subscription follow click sign login log newsletter related photo photos video videos
  image images caption updated update published copyright reporting editing writing sponsored trending watch
  listen print email whatsapp continue menu top next previous loading breaking
  exclusive opinion analysis editorial live latest cookie cookies privacy terms tags tag leave required save
  name website posts view written url author title date source`);

export const PRONOUNS = set(`i me my mine we us our ours you your yours he him his she her hers it its they
  them their theirs who whom whose this that these those`);

/** Words that open sentences capitalised without being names (beyond STOPWORDS). */
export const COMMON_INITIAL = set(`however meanwhile but and yet still although though despite instead earlier
  later last next this these those many several both each every another other some such asked speaking
  according separately additionally furthermore moreover overall today yesterday tomorrow tonight now thus
  hence so why what how once only even just already first second third finally recently currently
  previously initially eventually following during amid among around nearly almost about less few officials
  authorities residents witnesses analysts experts critics supporters sources local there here please let
  people workers students protesters investors prices markets stocks shares nobody everyone someone anyone
  nothing everything something meanwhile elsewhere across inside outside given under unlike like without
  within throughout beyond since until unless whether whatever whoever while where when which a an the no
  not yes in on at by for from with to of as if or nor his her their its our my your we they he she it
  officers troops soldiers data figures reports report sales revenue profits costs prices
  thousands hundreds millions billions dozens tens several most all any none lots much more fewer two three
  four five six seven eight nine ten dear hello thanks thank sorry well oh okay ok also then too very
  because after before again further eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
  nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion`);

/** Function words that are capitalised inside a sentence only in Title Case headlines. */
export const TITLE_CASE_TELLS = set(`a an and or but of in on at to for with by from as is are was were be
  it this that into over after about up its their his her`);

/** Lowercase words that may join the capitalised words of one name ("Bank of England", "Ludwig van
 *  Beethoven", "Ministry of the Interior"). */
export const CONNECTORS = set(`of the de del della der den van von da do dos das du la le bin bint ibn al el y
  and or for on &`);

/** Words that take "of" inside a name, beyond organisation heads and titles ("United States of America"). */
export const OF_HEADS = set(`republic kingdom state states city gulf bay sea isle isles island islands cape
  strait province region emirate emirates federation people's house duke duchess earl count countess
  district county port lake mount`);

/** Connectors that only organisations have inside their names ("Centers for Disease Control and
 *  Prevention"); elsewhere they separate two names ("Russia and China"). */
export const ORG_ONLY_CONNECTORS = set(`and or for on`);

/** First words that make a name a place ("Lake Victoria", "Mount Kenya"). */
export const PLACE_FIRST_WORDS = set(`lake mount mt cape port fort gulf isle`);

/** Last words that make a name a place ("Tarna River", "Velsa Valley", "Baker Street"). */
export const PLACE_LAST_WORDS = set(`river valley mountains mountain hills lake sea ocean bay island islands
  peninsula province region county district street avenue road square airport bridge canal strait desert
  coast beach park heights plateau basin delta`);

/** Lowercase nouns before "of" or after a name that make it a place ("the town of Mirov", "the Velsa valley"). */
export const PLACE_NOUNS = set(`town city village region province district state county capital port island
  valley river lake airport border suburb municipality neighbourhood neighborhood area`);

/** Words after a possessive that make its owner a country ("Kovaria's foreign minister"). */
export const COUNTRY_CUES = set(`foreign prime interior defence defense finance president government parliament
  ambassador embassy army military capital citizens border borders constitution`);

/** Words before a single capitalised word that make it a place ("in Kherson"); not "at", which also names
 *  workplaces ("at WeWork"). */
export const PLACE_PREPOSITIONS = set(`in from near`);

/** Words before "by" that make what follows an author ("Reporting by Marta Keller"). */
export const BYLINE_WORDS = set(`reporting editing writing written additional photos photo story words by`);

/** Endings of common nouns and adjectives: a lone capitalised word with one, at a sentence start, is no
 *  name unless the article names it elsewhere ("Delegates", "Embarrassment"). */
export const COMMON_ENDINGS = /(?:s|ment|ness|ity|tion|sion|ing|ed|ly|ance|ence|ism|ful|ous|ive|able|ible)$/;

/** Compass words that, with a demonym, still make no name ("South African"). */
export const COMPASS = set(`north south east west central northern southern eastern western`);

/** Honorifics: make a person, carry no role. */
export const HONORIFICS = set(`mr mrs ms miss mx sir dame madam mme mlle herr lord lady`);

/** Abbreviations written with a trailing period; the period belongs to the word. */
export const ABBREVIATIONS = set(`mr mrs ms mx dr gen lt col sen rep gov prof st jr sr capt sgt maj rev insp det
  supt pres adm cmdr cpl pvt brig mme mlle hon amb inc corp ltd co bros no vs const`);

/** Abbreviated titles spelled out, so "Gen. Smith" and "General Smith" share a role. */
export const TITLE_EXPANSIONS: ReadonlyMap<string, string> = new Map([
  ["dr", "doctor"], ["gen", "general"], ["lt", "lieutenant"], ["col", "colonel"], ["sen", "senator"],
  ["rep", "representative"], ["gov", "governor"], ["prof", "professor"], ["capt", "captain"],
  ["sgt", "sergeant"], ["maj", "major"], ["rev", "reverend"], ["insp", "inspector"], ["det", "detective"],
  ["supt", "superintendent"], ["pres", "president"], ["adm", "admiral"], ["cmdr", "commander"],
  ["cpl", "corporal"], ["pvt", "private"], ["brig", "brigadier"], ["amb", "ambassador"], ["hon", "honourable"],
]);

/** Nouns that name a role; a title prefix or an appositive must contain one. */
export const ROLE_HEADS = set(`president minister secretary spokesman spokeswoman spokesperson chancellor governor
  mayor senator representative congressman congresswoman ambassador director chairman chairwoman chair
  chairperson ceo cfo coo cto founder co-founder executive analyst economist strategist professor doctor
  judge justice attorney lawyer prosecutor general colonel lieutenant captain commander admiral sergeant
  corporal private brigadier major officer inspector detective superintendent constable marshal king queen
  prince princess emperor pope cardinal bishop archbishop reverend rabbi imam sheikh emir ayatollah sultan
  premier leader coach manager striker midfielder goalkeeper player actor actress singer author journalist
  reporter editor correspondent commissioner envoy diplomat official spokesperson mp lawmaker legislator
  speaker treasurer head boss researcher scientist expert activist businessman businesswoman billionaire
  director-general secretary-general president-elect vice-president chief adviser advisor aide consultant
  negotiator representative deputy partner owner investor engineer surgeon physician nurse teacher
  counsel solicitor barrister magistrate sheriff ranger pilot architect historian curator presenter
  host producer novelist poet composer designer chef economist governor-general administrator`);

/** Words that qualify a role ("foreign minister", "chief executive"); never a role on their own. */
export const ROLE_MODIFIERS = set(`foreign prime deputy vice acting former interim defence defense finance
  interior health justice trade economy economic energy education home state attorney general chief
  executive senior junior first assistant associate managing lead principal opposition party affairs
  environment environmental labour labor agriculture transport culture sports security national press
  police army military government company campaign club team federal regional county city district
  supreme high presidential royal grand crown commanding technology science research investment market
  communications digital budget treasury development industry climate immigration information intelligence
  public majority minority`);

/** Last words that make a name an organisation ("Bank of England", "Acme Corp"). */
export const ORG_HEADS = set(`inc corp corporation co company companies ltd llc plc ag gmbh sa nv spa group
  holdings bank ministry department council party agency university college school committee commission
  court police union organization organisation association foundation institute news times post journal
  herald tribune telegraph gazette press network networks broadcasting television tv radio airlines airways
  airline aircraft motors electric industries technologies technology systems services partners capital fund trust
  authority board office bureau service force forces army navy command assembly parliament senate congress
  cabinet government administration federation league club fc church hospital center centre centers
  centres museum exchange reserve alliance front movement brigade brigades society conference secretariat
  tribunal labs laboratories pharmaceuticals media studios entertainment communications telecom railways
  petroleum energy international guard academy program programme initiative coalition directorate
  prosecutor's unit courier ledger chronicle observer mirror express daily weekly`);

/** Well-known organisations without an organisation-looking word in their name. */
export const KNOWN_ORGS = set(`reuters afp ap bloomberg bbc cnn nato un eu who imf opec google alphabet apple
  microsoft amazon meta facebook twitter tesla boeing airbus toyota volkswagen samsung huawei gazprom
  rosneft kremlin pentagon interpol europol hamas hezbollah taliban fifa uefa nasa netflix nvidia intel ibm
  openai walmart exxonmobil exxon shell bp chevron pfizer moderna unicef unesco greenpeace eads lockheed
  northrop raytheon siemens nestle unilever sony nintendo alibaba tencent baidu xinhua tass interfax kyodo
  yonhap euronews instagram youtube tiktok whatsapp spacex uber airbnb starbucks mcdonald's disney paypal
  visa mastercard goldman jpmorgan citigroup hsbc barclays ubs deutsche renault peugeot fiat ford gm
  honda nissan hyundai kia bmw mercedes daimler audi porsche ferrari emirates lufthansa ryanair easyjet
  wikileaks wikipedia wikinews isis isil al-qaeda al-shabaab boko hsbc ebay yahoo oracle adobe cisco
  qualcomm arm dell hp lenovo foxconn gm`);

/** Organisations whose many-word names carry no organisation word: international bodies, news agencies. */
export const ORG_NAMES = phrases(`united nations|european union|african union|arab league|league of nations|
  world bank|world trade organization|red cross|red crescent|amnesty international|human rights watch|
  doctors without borders|médecins sans frontières|international atomic energy agency|federal reserve|
  european commission|european parliament|security council|general assembly|agence france-presse|
  associated press|united press international|press association|deutsche presse-agentur|ria novosti|
  al jazeera|anadolu agency|kyodo news|yonhap news|xinhua news agency|itar-tass|european space agency|
  islamic state|muslim brotherhood|hells angels|scotland yard`);

/** Demonyms and nationality adjectives: not entities on their own. */
export const DEMONYMS = set(`american americans british briton britons english scottish welsh irish french
  german germans italian italians spanish portuguese dutch belgian swiss austrian swedish norwegian danish
  finnish icelandic polish czech slovak hungarian romanian bulgarian greek turkish russian russians
  ukrainian ukrainians belarusian georgian armenian azerbaijani kazakh uzbek iranian iranians iraqi iraqis
  syrian syrians lebanese israeli israelis palestinian palestinians jordanian egyptian egyptians saudi
  saudis emirati qatari kuwaiti yemeni omani libyan tunisian algerian moroccan sudanese ethiopian kenyan
  nigerian nigerians ghanaian somali congolese ugandan rwandan tanzanian zimbabwean
  chinese japanese korean koreans taiwanese vietnamese thai filipino
  indonesian malaysian singaporean indian indians pakistani pakistanis afghan afghans bangladeshi
  nepalese burmese australian australians canadian canadians mexican mexicans brazilian
  argentine argentinian chilean colombian peruvian venezuelan cuban european europeans asian african
  arab arabs western eastern northern southern muslim muslims christian christians jewish catholic
  protestant sunni shia shiite kurdish kurds serbian serb serbs croatian bosnian albanian kosovar
  latvian lithuanian estonian moldovan soviet communist republican republicans democrat democrats
  democratic conservative conservatives liberal liberals labour socialist alpine`);

/** Countries, capitals, major cities and regions. */
export const PLACES = phrases(`afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|
  azerbaijan|bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|
  bosnia and herzegovina|botswana|brazil|brunei|bulgaria|burkina faso|burundi|cambodia|cameroon|canada|
  cape verde|central african republic|chad|chile|china|colombia|comoros|congo|costa rica|croatia|cuba|
  cyprus|czech republic|czechia|denmark|djibouti|dominica|dominican republic|ecuador|egypt|el salvador|
  equatorial guinea|eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|
  ghana|greece|grenada|guatemala|guinea|guinea-bissau|guyana|haiti|honduras|hungary|iceland|india|
  indonesia|iran|iraq|ireland|israel|italy|ivory coast|jamaica|japan|jordan|kazakhstan|kenya|kiribati|
  kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|
  madagascar|malawi|malaysia|maldives|mali|malta|mauritania|mauritius|mexico|micronesia|moldova|monaco|
  mongolia|montenegro|morocco|mozambique|myanmar|burma|namibia|nauru|nepal|netherlands|new zealand|
  nicaragua|niger|nigeria|north korea|north macedonia|macedonia|norway|oman|pakistan|palau|palestine|
  panama|papua new guinea|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|samoa|
  san marino|saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|slovakia|slovenia|
  solomon islands|somalia|south africa|south korea|south sudan|spain|sri lanka|sudan|suriname|sweden|
  switzerland|syria|taiwan|tajikistan|tanzania|thailand|timor-leste|east timor|togo|tonga|
  trinidad and tobago|tunisia|turkey|turkiye|turkmenistan|tuvalu|uganda|ukraine|united arab emirates|uae|
  united kingdom|uk|u.k.|britain|great britain|england|scotland|wales|northern ireland|united states|
  united states of america|usa|us|u.s.|u.s.a.|america|uruguay|uzbekistan|vanuatu|vatican|venezuela|
  vietnam|yemen|zambia|zimbabwe|gaza|gaza strip|west bank|crimea|donbas|donbass|kashmir|tibet|xinjiang|
  hong kong|macau|greenland|puerto rico|kurdistan|chechnya|siberia|europe|asia|africa|north america|
  south america|latin america|middle east|antarctica|arctic|balkans|caucasus|scandinavia|
  kabul|tirana|algiers|buenos aires|yerevan|canberra|vienna|baku|manama|dhaka|minsk|brussels|sarajevo|
  brasilia|sofia|phnom penh|ottawa|santiago|beijing|bogota|havana|nicosia|prague|copenhagen|cairo|
  tallinn|addis ababa|helsinki|paris|tbilisi|berlin|accra|athens|budapest|reykjavik|new delhi|delhi|
  jakarta|tehran|baghdad|dublin|jerusalem|tel aviv|rome|tokyo|amman|astana|nairobi|pristina|
  kuwait city|bishkek|riga|beirut|tripoli|vilnius|luxembourg city|antananarivo|kuala lumpur|valletta|
  mexico city|chisinau|ulaanbaatar|podgorica|rabat|maputo|naypyidaw|windhoek|kathmandu|amsterdam|
  the hague|wellington|managua|abuja|pyongyang|skopje|oslo|muscat|islamabad|panama city|asuncion|lima|
  manila|warsaw|lisbon|doha|bucharest|moscow|kigali|riyadh|dakar|belgrade|freetown|bratislava|ljubljana|
  mogadishu|pretoria|cape town|johannesburg|seoul|juba|madrid|colombo|khartoum|stockholm|bern|geneva|
  zurich|damascus|taipei|dushanbe|dodoma|dar es salaam|bangkok|tunis|ankara|istanbul|ashgabat|kampala|
  kyiv|kiev|abu dhabi|dubai|london|washington|washington d.c.|montevideo|tashkent|caracas|hanoi|
  ho chi minh city|sanaa|lusaka|harare|new york|new york city|los angeles|chicago|houston|phoenix|
  philadelphia|san antonio|san diego|dallas|san francisco|seattle|boston|miami|atlanta|detroit|denver|
  las vegas|new orleans|baltimore|pittsburgh|minneapolis|portland|austin|nashville|silicon valley|
  manhattan|brooklyn|toronto|montreal|vancouver|sydney|melbourne|brisbane|perth|auckland|manchester|
  birmingham|liverpool|leeds|glasgow|edinburgh|cardiff|belfast|oxford|cambridge|hamburg|munich|frankfurt|
  cologne|stuttgart|dusseldorf|leipzig|dresden|milan|naples|turin|venice|florence|barcelona|seville|
  valencia|marseille|lyon|toulouse|nice|strasbourg|bordeaux|rotterdam|antwerp|gothenburg|krakow|gdansk|
  st. petersburg|saint petersburg|st petersburg|novosibirsk|yekaterinburg|kazan|sochi|vladivostok|
  kharkiv|kharkov|odesa|odessa|lviv|dnipro|mariupol|donetsk|luhansk|bakhmut|kherson|zaporizhzhia|
  sevastopol|mumbai|bombay|kolkata|chennai|bangalore|bengaluru|hyderabad|karachi|lahore|peshawar|
  kandahar|herat|mosul|basra|erbil|aleppo|homs|idlib|raqqa|benghazi|alexandria|casablanca|marrakech|
  lagos|kano|mombasa|kinshasa|luanda|shanghai|shenzhen|guangzhou|wuhan|chengdu|tianjin|chongqing|
  hangzhou|nanjing|osaka|kyoto|yokohama|fukushima|hiroshima|busan|incheon|singapore city|ho chi minh|
  yangon|mandalay|rio de janeiro|sao paulo|são paulo|salvador|recife|medellin|cali|guadalajara|
  monterrey|tijuana|quito|guayaquil|la paz|haifa|hebron|ramallah|nablus|jenin|rafah|khan younis|
  toulouse|seattle|california|texas|florida|new jersey|pennsylvania|ohio|michigan|illinois|georgia|
  virginia|north carolina|south carolina|arizona|nevada|colorado|oregon|massachusetts|maryland|
  minnesota|wisconsin|missouri|tennessee|kentucky|louisiana|alabama|mississippi|iowa|kansas|oklahoma|
  utah|new mexico|idaho|montana|wyoming|alaska|hawaii|connecticut|vermont|maine|new hampshire|
  rhode island|delaware|nebraska|arkansas|indiana|west virginia|south dakota|north dakota|ontario|
  quebec|alberta|british columbia|bavaria|catalonia|andalusia|lombardy|sicily|sardinia|corsica|
  normandy|brittany|provence|flanders|wallonia|tuscany|yorkshire|kent|essex|cornwall|queensland|
  victoria|new south wales|tasmania|punjab|sindh|kerala|gujarat|bihar|uttar pradesh|maharashtra|
  tamil nadu|bengal|west bengal|assam|darfur|sinai|negev|golan|golan heights|galilee|
  mediterranean|atlantic|pacific|indian ocean|black sea|baltic|red sea|south china sea|persian gulf|
  gulf|north sea|caribbean|alps|himalayas|sahara|sahel|nile|danube|rhine|thames|volga`);

/** First words that make a two- or three-word name a person: common given names across cultures, plus
 *  family names that come first (Chinese, Korean, Vietnamese). */
export const MALE_NAMES = set(`james john robert michael william david richard joseph thomas charles christopher
  daniel matthew anthony mark donald steven stephen paul andrew joshua kenneth kevin brian george timothy
  ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan larry justin scott brandon benjamin
  samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
  douglas zachary peter kyle noah ethan jeremy walter christian keith roger terry sean gerald carl harold
  dylan arthur lawrence jesse bryan billy bruce gabriel joe logan alan juan albert elijah wayne randy
  vincent mason roy ralph bobby russell bradley philip eugene louis harry hugh ian colin neil nigel graham
  stuart rupert oliver liam boris keir rishi tony gordon emmanuel francois françois jean pierre jacques
  michel nicolas olivier antoine philippe alain hans klaus jurgen jürgen wolfgang helmut olaf friedrich
  karl franz heinz dieter stefan markus lars sven nils erik anders jens bjorn björn mikael giuseppe
  giovanni marco luca matteo paolo mario silvio sergio carlos miguel luis javier pedro pablo manuel
  fernando diego alejandro rafael andres andrés jorge ricardo eduardo antonio francisco joao joão
  vladimir dmitry dmitri dmitriy sergei sergey aleksandr alexandr alexei alexey aleksei aleksey mikhail
  nikolai nikolay ivan yuri yury iouri igor oleg viktor victor andrei andrey pavel gennady valery vasily
  yevgeny evgeny anatoly arkady leonid konstantin petro volodymyr oleksandr oleksiy mykola taras bohdan
  vitali vitaly vitalii lech jaroslaw andrzej tomasz piotr krzysztof istvan viktor recep mehmet mustafa
  ahmet ahmed ahmad mohammed mohammad muhammad mohamed mahmoud ali omar umar hassan hussein hossein
  abdullah abdul khalid ibrahim ismail yusuf youssef salman faisal hamid hamad tariq nasser bashar
  yair naftali moshe avi yitzhak shimon ehud binyamin narendra rahul amit raj rajesh sanjay vijay anil
  sunil arvind manmohan imran nawaz shehbaz asif shinzo fumio yoshihide junichiro hiroshi takeshi kenji
  kwame nelson cyril thabo olusegun muhammadu goodluck bola uhuru yoweri abiy jair lula luiz hugo evo
  gustavo mauricio barack tim jeff elon bill warren larry sergey satya sundar mark jamie lloyd
  martin michel ben sam tom dan nick mike dave chris matt steve jim jon josh rob bob ed phil greg
  ted ken ron don al alex max leo felix hugo jan piet willem henk ruud geert emmanuel
  ousmane mamadou moussa abdoulaye ibrahima amadou cheikh salif kofi yaw kwesi chukwuemeka emeka
  olumide tunde babajide john-paul jean-pierre jean-claude jean-luc jean-marc jean-yves hamza bilal
  nabil karim rami samir walid ziad fadi elias kirill artem maxim maksim roman denis ruslan
  ramzan yevgeniy giorgos kyriakos alexis andreas nikos dimitris konstantinos andy mitch chuck pete
  bernie mitt newt rand cory corey beto jared jay jerome lebron kobe novak reilly dwayne jimmie denny clint
  ricky kurt joey bubba brad todd chad troy shane randall marcus derek darren travis cody jake luke`);

export const FEMALE_NAMES = set(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy
  lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
  stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen
  samantha katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia
  joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline
  martha gloria teresa ann sara madison frances kathryn janice abigail alice julia judy sophia grace
  denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie
  kayla alexis lori hillary kamala liz ursula annalena giorgia marine segolene ségolène anne isabelle
  sophie nathalie valerie valérie francoise françoise brigitte ines inés lena greta ingrid astrid sanna
  mette jacinda yulia tatiana tatyana natalia natalya olga svetlana irina elena yelena ekaterina
  yekaterina anastasia marina lyudmila valentina oksana olena iryna beata ewa agnieszka fatima aisha
  ayesha khadija mariam maryam leila layla yasmin zainab nour priya indira sonia sushma nirmala mamata
  mei ling yoko yuko aiko keiko naomi ngozi chimamanda amina folake winnie graca graça ellen dilma
  cristina gabriela claudia carmen lucia lucía isabel rosa pilar mara kate jane susie jill nikki tulsi
  condoleezza madeleine janet kristalina roberta tsai ana paula fernanda beatriz
  marta mariana daniela alejandra veronica monica silvia francesca giulia chiara elisa federica simona
  ingrid heidi katarina kristina birgit ulrike angelika sabine petra monika anja magdalena alicja
  zuzana svetlana dana hala rania noor salma dina layla huda sahar farah nadia letitia kristi kirsten
  lindsey ivanka melania serena nikki tamara tiffany stacey tracy wendy whitney yvonne`);

/** Family names that come first in East Asian names ("Xi Jinping", "Kim Jong Un"): mark a person. */
export const LEADING_FAMILY_NAMES = set(`xi li wang zhang liu chen yang huang zhao wu zhou hu jiang wen deng mao
  kim park lee moon yoon choi jung kang cho nguyen tran pham le hoang`);

/** Verbs of saying: "X said" makes X a person and attributes quotes. */
export const SPEECH_VERBS = set(`said says say told tells added adds stated states noted notes explained
  explains warned warns insisted insists argued argues asked asks wrote writes tweeted tweets declared
  declares announced announces claimed claims continued replied recalled concluded admitted stressed urged
  commented acknowledged confirmed posted remarked observed reads saying stating adding writing noting telling
  explaining replying commenting`);

/** More verbs that attribute a quote, kept apart from SPEECH_VERBS, which the name tagger's weights were
 *  trained with. */
export const QUOTE_VERBS: ReadonlySet<string> = new Set([...SPEECH_VERBS, ...set(`asserted asserts responded responds
  conceded concedes quipped cautioned predicted complained revealed recounted emphasised emphasized boasted joked
  testified vowed pledged reported reporting`)]);

/** Nouns for a body that the organisation lists lack: "the paper said", "the studio said". */
export const BODY_NOUNS = set(`paper tabloid magazine daily studio`);

/** What a body or person issues that then "says" something ("PC World's analysis concluded", "a statement
 *  from Apple stated"): the speaker is its author. */
export const DOCUMENT_NOUNS = set(`statement statements report analysis study letter release post tweet blog
  website site survey document filing memo email message notice announcement communique communiqué bulletin
  editorial column press`);

/** Role nouns that name the same job in different words ("the spokeswoman" ~ "spokesperson"). */
export const ROLE_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ["spokesman", "spokesperson"], ["spokeswoman", "spokesperson"], ["chairman", "chair"],
  ["chairwoman", "chair"], ["chairperson", "chair"], ["congressman", "representative"],
  ["congresswoman", "representative"], ["lawmaker", "legislator"], ["advisor", "adviser"],
  ["businesswoman", "businessman"], ["actress", "actor"],
]);

/** Words that mark a person as a woman or a man, for "she said"/"he said". */
export const FEMALE_MARKERS = set(`mrs ms miss madam mme dame spokeswoman chairwoman congresswoman businesswoman
  actress queen princess lady woman girl mother daughter wife sister grandmother widow`);
export const MALE_MARKERS = set(`mr sir herr spokesman chairman congressman businessman actor king prince lord man
  boy father son husband brother grandfather widower`);

/** Common English words that, capitalised alone (a sentence start, a shouted tweet), are still no names.
 *  Compact: words a name list would never need, picked from what real articles capitalise. */
export const COMMON_WORDS = set(`able act action add age ago ahead air all allow alone answer anything area arm art
  aside ask away back bad bag ball base basic be bear beat beautiful become begin behind believe best better
  big bit black blue board body book boost born bottom box boy break brick bring brother build business busy
  buy call came can car care carry case catch cause certain chance change check child choice city
  claim class clear close cold come coming common complete consider cool cost could country couple course
  cover create current cut dark day dead deal death decide deep did do does done door double down draw
  dream drive drop each early easy eat edition effect either else end enjoy enough enter entire even
  event ever every exactly expect face fact fair fall family far fast fear feel field fight fill final find
  fine fire first fit fix food force forget form forward free fresh friend front full fun funny game get
  getting girl give glad go goal going gone good got great green ground group grow guy half hand happen
  happy hard have head health hear heart heat help here high hit hold home hot hour huge idea
  important include indeed inside internet issue job join keep key kid kill kind know known land large
  last late later lead learn least leave left less let level life light like line list little live long
  look lose lost lot love low main major make making man many matter may maybe mean meet member message
  middle might mind miss mission moment money month more morning most mother move much must name
  nation near need never new news nice night none note nothing notice number of off offer office oh
  old once one only open order others out over own page part past pay peace people perfect perhaps person
  pick piece place plan play please plus point power pretty price prior pro problem public pull push put
  question quick quite race rather reach read ready real really reason record red remember rest result
  return right rise risk road rock room round rule run running safe same save say school season see seek
  seem sell send set several shall short should show side sign simple since single site sit small smart so
  soon sorry sort sound space speak special spend spot stand star start starts stay step still stop store
  story street strong stuff such summer support sure system take taken talk team tell test than thing
  things think thought three through time tip tips today together told top total touch toward town track
  true trust try turn two under unless upon use used very view vote wait walk want war watch water way
  week welcome well went while white whole why will win wins winner wish within word work world worse
  worst would wow write wrong yeah year yes yet young yup`);

/** Party words before a person's name ("Republican Phil Bryant"): a role, not part of the name. */
export const PARTY_WORDS = set(`republican democrat labour conservative tory liberal`);

/** Prefixes after which a capital inside a word is still a person's name ("McConnell", "DiBenedetto"). */
export const NAME_PREFIXES = set(`mc mac di de da la le van von du del o st fitz`);

/** Words before a name that make it a company ("company WeWork", "rival SoftBank"). */
export const ORG_CUES_BEFORE = set(`company companies firm startup start-up rival giant retailer maker lender
  insurer carrier platform app brand group chain operator owner conglomerate outlet newspaper network
  broadcaster publisher automaker carmaker manufacturer bank`);

/** Words after a possessive name that make it a company ("WeWork's shares", "Meetup's founder"). */
export const ORG_CUES_AFTER = set(`shares stock ceo cfo founder co-founder board investors valuation employees
  headquarters subsidiary revenue revenues profit profits earnings ipo shareholders stake chief executive
  customers users platform app products website spokesperson spokesman spokeswoman`);

/** Upper-case words that are acronyms although they are long or spell a common word ("IS" fighters). */
export const KNOWN_ACRONYMS = set(`nascar nasdaq unicef unesco interpol europol fifa opec uefa usaid
  nhtsa darpa comecon benelux mercosur is`);

/** Verbs after which the next name is the one spoken to, not the speaker ("told USA Today"). */
export const LISTENER_VERBS = set(`told tells tell`);

/** Prepositions that put a name inside a phrase, not in subject position ("a user on Weibo said"). */
export const SUBJECT_BLOCKERS = set(`on of in at from with by for to via into about over under per`);

/**
 * Other names of one place or body that neither spelling nor initials connect ("Britain" and "UK"), folded
 * (lowercase, no accents, no dots) → the folded long form they merge with.
 */
export const NAME_ALIASES: ReadonlyMap<string, string> = new Map([
  ["us", "united states"], ["usa", "united states"], ["united states of america", "united states"],
  ["uk", "united kingdom"], ["britain", "united kingdom"], ["great britain", "united kingdom"],
  ["uae", "united arab emirates"], ["drc", "democratic republic of the congo"], ["prc", "china"],
  ["un", "united nations"], ["eu", "european union"], ["ussr", "soviet union"],
  ["russian federation", "russia"], ["people's republic of china", "china"], ["republic of korea", "south korea"],
  ["rok", "south korea"], ["democratic people's republic of korea", "north korea"], ["dprk", "north korea"],
  ["holland", "netherlands"], ["czechia", "czech republic"], ["ivory coast", "cote d'ivoire"], ["burma", "myanmar"],
  ["turkiye", "turkey"], ["islamic republic of iran", "iran"], ["syrian arab republic", "syria"],
  ["kingdom of saudi arabia", "saudi arabia"], ["ksa", "saudi arabia"], ["republic of ireland", "ireland"],
]);
