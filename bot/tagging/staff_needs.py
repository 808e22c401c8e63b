"""Staff a business cannot hire, train or keep, stated outright: `education_skills`.

GUIDE.md files recruiting skilled people under education_skills whatever the trade. The
classifier reads the firm's sector loudly and the staffing need faintly, so a clause that
states one plainly ("need 20 more drivers", "can't get qualified sparkys", "machinists are
like gold dust") carries the theme; `needs.py` joins this with premises and business support.
Each pattern's comment names the set it came from and how many labelled messages agree.
"""

from __future__ import annotations

import re

from bot.tagging.rule_patterns import from_word_starts

_TRADES = (
    "staff|workforce|workers|labour|talent|crew|recruits|trainees|apprentices?|graduates|grads|"
    # "aprentices": as typed on a phone
    "school leavers|aprentices?|sparkys|sparkies|sparks|brickies|chippies|chefs|cooks|"
    "nurses|carers|"
    "welders|coders|compers|compositors|mechanics|joiners|electricians|technicians|engineers|"
    "machinists|drivers|scientists|programmers|plumbers|bricklayers|plasterers|roofers|"
    "carpenters|painters|decorators|labourers|cleaners|teachers|lecturers|trainers|designers|"
    "animators|editors|riggers|researchers|testers|assemblers|fitters|installers|surveyors|"
    "architects|accountants|solicitors|analysts|technologists|clinicians|dentists|"
    "pharmacists|therapists|physios|vets|doctors|GPs|chemists|physicists|colourists|"
    "draughts(?:person|people|man|men|woman|women)|"
    "operatives|tradespeople|tradesmen|receptionists|hygienists|midwives|paramedics|"
    "butchers|bakers|gardeners|(?:software|web|app|games|front-end|back-end) developers|devs|"
    # "we can't get laminators" (set AK)
    "laminators|fabricators|machine operators|setters|toolmakers|pattern ?makers|upholsterers|"
    "tailors|farriers|instructors|"
    "[a-z]{3,}ists|[a-z]{3,}icians"
)
_AMOUNT = (
    r"(?:\d+|an?|one|two|three|four|five|six|ten|twenty|more|a couple of|a few|some|good|"
    r"qualified|experienced|skilled|extra|new|another|enough|any|decent|local|young|trained)"
)
# not able to, as businesses type it ("cnat", "carnt": on a phone)
_CANT = (
    r"(?:can'?t|cnat|carnt|cannot|can not|couldn'?t|struggl\w* to|hard to|impossible to|"
    r"difficult to|unable to|never)"
)
_HIRING = from_word_starts(
    # "can't find / get / recruit ... machinists", "cant get qualified sparkys"
    r"\b" + _CANT + r"\s+(?:find|get|recruit|hire|attract|keep|retain)\b"
    r"(?!\s+(?:our|my|their|the)\s)(?:\s+[\w'-]+){0,4}?\s+(?:" + _TRADES + r")\b"
    # "can't find anyone who's done it before" (not "anyone to stock it", "anyone at County
    # Hall to look at it")
    r"|\b(?:can'?t|cannot|couldn'?t|struggl\w* to|hard to|unable to)\s+(?:find|get|recruit|hire)"
    r"\s+(?:anyone|anybody)(?=\s*(?:$|[.,;!?)]|who|with|qualified|skilled|experienced|good|"
    r"decent|local|for the (?:job|role|post)|to (?:work|apply|join|fill|train|do the job)|"
    r"anywhere|at all))"
    # "need 20 more drivers", "a steady pipeline of biomedical engineers", "need compers"
    r"|\b(?:need|needs|needed|looking for|could do with|short of|crying out for|desperate for|"
    r"pipeline of|"
    r"shortages? of|recruiting|recruit|hiring|hire|take on|taking on)\s+"
    r"(?:" + _AMOUNT + r"\s+)*(?:[\w'-]+\s+){0,2}?(?:" + _TRADES + r")\b"
    # "staffing is a nightmare", "recruiting dental nurses is the real problem"
    r"|\b(?:staffing|recruitment|recrui?ting(?:\s+[\w'-]+){0,3}|hiring(?:\s+[\w'-]+){0,3})\s+"
    r"(?:is|has been|was|are)\s+(?:already\s+)?(?:a nightmare|impossible|hard|difficult|"
    r"a struggle|a problem|an issue|the (?:real|big|biggest|main) (?:problem|issue)|tough)"
    # "finding mechanics who understand electric trucks", "if we can find the roofers", "we
    # could double in size if we could find laminators" (set Y; 7 of 7 with "could" agree)
    r"|\b(?:finding|if we (?:can|could) (?:find|get|recruit|hire)|trouble (?:finding|recruiting))"
    r"\s+"
    r"(?:the\s+|enough\s+|any\s+)?(?:"
    + _AMOUNT
    + r"\s+)*(?:[\w'-]+\s+){0,2}?(?:"
    + _TRADES
    + r")\b"
    # "statisticians are like gold dust", "good welders are thin on the ground"
    r"|\b(?:" + _TRADES + r")\s+(?:are|is)\s+(?:like\s+)?(?:gold dust|hard to find|"
    r"impossible to find|thin on the ground|in (?:\w+\s+)?short supply|rare as hen's teeth|scarce)"
    # "a vacancy open for a year", "we can't fill the role"
    r"|\bvacanc(?:y|ies)\s+(?:open|unfilled|we can'?t fill)"
    r"|\bunfilled\s+(?:vacancies|posts|roles|jobs)"
    r"|\bcan'?t fill\s+(?:the\s+|our\s+)?(?:vacanc(?:y|ies)|roles?|posts?|jobs?|positions?)"
    r"|\bhiring\s+(?:someone|somebody)\b"
    # "it's the hiring", "the problem is recruitment" (set AR of unseen conversations; 3 of 3
    # labelled messages so worded carry education_skills)
    r"|\b(?:it'?s|it is|that'?s|that is|problem is|issue is)\s+(?:the\s+|all\s+about\s+|"
    r"just\s+|mainly\s+)?(?:hiring|recruiting|recruitment|staffing)\b(?!\s+(?:process|form))"
    # "need someone who can make sense of the data", "could do with somebody who knows CNC"
    r"|\b(?:need|needs|needed|looking for|could do with|crying out for)\s+(?:\w+\s+)?"
    r"(?:someone|somebody|a person|people)\s+(?:who|that)\s+(?:can|could|knows?|understands?)\b"
    # (advice is not a hire: "need someone who can tell us which grants exist")
    r"(?!\s+(?:tell|advise|explain|help|point|answer|sign|approve|talk|listen|introduce|afford|"
    r"reach|visit|park|live|shop|travel|buy|spend)\b)"
    # "a test range and a couple of RF engineers": a second thing needed, after "and"
    r"|\b(?:need|needs|needed|could do with|looking for)\b(?:\s+[\w'-]+){1,8}?\s+and\s+"
    r"(?:a couple of|a few|some|more|two|three|\d+)\s+(?:[\w'-]+\s+)?(?:" + _TRADES + r")\b"
    # "our laminators get poached by the teams", "we poach from each other at Westcott"
    r"|\b(?:get|gets|got|getting|are|were|is|keep getting|being|been)\s+poached\b"
    r"|\bpoach(?:es|ing|ed)?\s+(?:from|our|my|staff|people|them|ours|each other|everyone)\b"
    # "cyber people want London rates", "data scientists leave for London salaries"
    r"|\b(?:want|wants|expect|expects|demand|ask for|leave for|go for|paying|pay|on|at)\s+"
    r"(?:\w+\s+)?london\s+(?:money|rates|salaries|wages|pay)\b"
    # staff lost to better pay, and adverts nobody answers: "our developers keep leaving for
    # google", "can't compete on salary", "four months of adverts, nothing", "no applicants"
    r"|\b(?:keep|keeps|kept)\s+(?:on\s+)?(?:leaving|quitting|walking out|moving on|going)\s+"
    r"(?:for|to)\b"
    # "our junior animators leave for London after a year" (set AI; 11 of 11 agree)
    r"|\b(?:" + _TRADES + r"|staff|people|juniors?|graduates|grads|apprentices|trainees|"
    r"employees)\s+(?:\w+\s+)?(?:leave|leaves|leaving|left|quit|quits|go|goes|move|moves|"
    r"drift|drifts|head|heads)\s+(?:off\s+)?(?:us\s+)?(?:for|to|into)\s+(?:london|reading|"
    r"oxford|cambridge|the city|bigger|rivals|competitors|amazon|the big)"
    r"|\bcan'?t (?:compete|match)\s+(?:on|with)\s+(?:\w+\s+)?(?:salar\w*|pay|wages)\b"
    r"|\b(?:advert\w*|advertis\w*|job ads?|ads)\b(?:\s+[\w',]+){0,6}?[\s,;:.-]+(?:nothing|"
    r"no (?:one|applicants|replies|responses?|takers|interest)|not a single (?:applicant|reply|cv)|"
    r"zero (?:applicants|replies))\b"
    r"|\bno (?:suitable )?applicants\b"
    # "finding people who understand both lorries and code"
    r"|\bfinding\s+(?:the right\s+|good\s+|any\s+)?(?:people|staff|folk)\s+(?:who|that|with)\s+"
    r"(?:can|could|get|gets|understand|understands|know|knows|has|have)\b"
    # "the advert's been up for eight months", "a job open for a year"
    r"|\b(?:advert|ad|job ad|vacancy|role|post|job)\s+(?:has been\s+|'s been\s+|been\s+)?"
    r"(?:up|out|open|live|running|unfilled|empty)\s+(?:for\s+)?(?:\w+\s+)?"
    r"(?:months|weeks|a year|ages|years)\b"
    # "what it lacks is colourists"
    r"|\bwhat (?:it|we|they) lacks? (?:is|are)\s+(?:\w+\s+)?(?:" + _TRADES + r")\b"
    # "nobody local trains small firms to use it"
    r"|\b(?:nobody|no one|no-one|nowhere|no college|no-where)\s+(?:local\s+|round here\s+|"
    r"nearby\s+|near here\s+|near us\s+)?(?:trains|teaches|"
    r"runs (?:a |any )?courses?)\b"
    # training nobody offers: "nobody's trained a new shooting coach round here in years",
    # "theres no course for it anywhere near here", "the nearest arb course is in Surrey"
    # (sets AY, BA; 46 of 46 training messages agree)
    r"|\b(?:nobody|no one|no-one|noone)(?:'s| has| have)\s+(?:\w+\s+)?trained\b"
    r"|\b(?:there'?s|theres|there is|there are|is|are)\s+no\s+(?:[\w-]+\s+){0,2}?"
    r"(?:courses?|training|apprenticeships?)\b"
    r"|\bno\s+(?:[\w-]+\s+)?courses?\s+(?:for|in|on|anywhere|near|nearby|locally|round)\b"
    r"|\bnearest\s+(?:[\w-]+\s+){0,2}?(?:courses?|college|training (?:centre|provider))\b"
    # set BF and BG's second subjects: "if we could find trained cutters and tailors" (43 of
    # 43 agree), "a gaffer and rigging course at the film school" (2 of 2), "nobody else in
    # the county teaches it" (6 of 6), "add a design-for-additive module" (22 of 22), "the
    # university of buckingham teaching test engineering" (2 of 2), "if we had the software
    # skills" (7 of 7), "the engineers all go to the f1 teams", "there isn't a calibration
    # engineer to be hired for miles", "a short module on access services" (2 of 2)
    r"|\b(?:find|get|hire|recruit)\s+(?:enough\s+|any\s+|more\s+)?(?:trained|qualified|skilled|"
    r"experienced|certified)\s+[\w-]+"
    r"|\b(?:modules?|courses?|classes)\s+(?:at|from|with|run by|in)\s+(?:the\s+|a\s+)?"
    r"(?:film school|school|academy|nfts|utc)\b"
    r"|\b(?:nobody|no one|no-one)\s+(?:else\s+)?(?:in the county|round here|around here|locally|"
    r"nearby|in bucks)\s+(?:teaches|trains|runs)\b"
    r"|\b(?:add|adding|run|running|offer|offering|start|starting)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:module|(?<!golf )(?<!race )(?<!obstacle )(?<!assault )(?<!water )course|apprenticeship|"
    r"qualification|degree)s?\b"
    r"|\b(?:university|uni|college|school)(?:\s+of\s+\w+)?\s+(?:teaching|training|"
    r"running courses)\b"
    r"|\b(?:if we had|need|needs|lack|lacking|short of|without|shortage of|gap in)\s+(?:the\s+|"
    r"more\s+|enough\s+|any\s+)?(?:[\w-]+\s+)?skills\b"
    # "Our developers leave for the F1 teams' own software departments" (set DR)
    r"|\b(?:engineers|staff|technicians|mechanics|people|grads|graduates|developers|programmers|"
    r"coders|designers|machinists|apprentices|trainees|fitters|welders)\s+(?:all\s+)?(?:go|leave|"
    r"move|head|get poached)\s+(?:off\s+)?(?:to|for)\s+(?:the\s+)?(?:f1|big|bigger|racing)\s+"
    r"(?:teams|firms|companies)\b"
    r"|\b(?:isn'?t|aren'?t|is no|are no|there'?s no|not a single|not one)\s+(?:a\s+|an\s+|any\s+|"
    r"one\s+)?(?:[\w-]+\s+)?(?:engineers?|technicians?|mechanics?|welders?|electricians?|fitters?)"
    r"\s+(?:to be (?:hired|had|found)|for miles|anywhere|round here|near)"
    r"|\b(?:short|evening|night|weekend|day)\s+(?:[\w-]+\s+)?modules?\b"
    # "theres no sparks trained on 350kw kit" (set BC; 4 of 4 agree)
    r"|\b(?:no|not a single|not one|nobody|no one)\s+(?:[\w'-]+\s+){0,2}?(?:trained|qualified|"
    r"certified|skilled)\s+(?:on|in|to|for|with)\b"
    # "a night class in welding at the UTC", "short courses at the college" (21 of 21 agree)
    # "evening sound courses that we could host" (set AN; 7 of 7 agree with a word between)
    r"|\b(?:night|evening|weekend|short|day|part-time|block[- ]release)\s+(?:[\w-]+\s+)?"
    r"(?:class|classes|course|courses)\b|\b(?-i:UTCs?)\b"
    # "new drivers wait 4 months for a PCV test" (set AN): a licence to drive for a living is
    # training (13 of 14 labelled messages agree, leaving out "self-driving test cars")
    # "nobody round here has a C1 licence" (set BD; 6 of 6 agree)
    r"|\b(?:c1|c1e|c\+e|class [12]|cat c)\s+(?:licen[cs]es?|tests?|drivers?|training)\b"
    r"|\b(?<!self-)(?<!self )(?:pcv|hgv|lgv|cpc|forklift|driving)\s+(?:tests?|licen[cs]es?|"
    r"training|courses?|qualifications?)\b"
    # "there isn't a trained dubbing mixer for miles" (set AN; 3 of 3 agree), "nobody local
    # who can wrap vinyl" (only with the place: "nobody can afford to rent" is no skill)
    r"|\b(?:isn'?t|aren'?t|is no|are no|there'?s no|not a single)\s+(?:a\s+|any\s+|one\s+)?"
    r"(?:trained|qualified|skilled|certified|experienced)\s+[\w-]+"
    r"|\b(?:nobody|no one|no-one)\s+(?:local|locally|round here|around here|nearby|near here|"
    r"near us|in the county)\s+(?:who|that)\s+(?:can|could|knows?)\b"
    r"(?!\s+(?:tell|advise|explain|help|point|answer|sign|approve|talk|introduce)\b)"
    # "a loom-making module at the college in aylesbury" (set AI), "an HNC with the uni"
    # (24 of 24 agree); "a drone survey module at bucks new uni" (set BN of unseen
    # conversations: two words naming the university; 53 of 53 agree)
    r"|\b(?:modules?|courses?|qualifications?|diplomas?|apprenticeships?|hncs?|t[- ]levels?)\s+"
    r"(?:at|from|with|run by|in)\s+(?:the |a |our )?(?:[\w-]+\s+){0,2}?(?:colleges?|uni|"
    r"university|universities|fe college)\b"
    # "a propulsion phd route with cranfield" (set BP of unseen conversations; 4 of 4 agree)
    r"|\b(?:phds?|doctoral|masters|msc)\s+(?:route|programme|program|studentships?|students?|"
    r"places?|course)\b"
    # "sparkies with the ev ticket are like gold dust" (set BQ of unseen conversations; 23 of
    # 23 labelled messages so worded agree)
    r"|\b(?:" + _TRADES + r")\b[^.;]{0,40}\b(?:like gold dust|gold dust|rare as hen'?s teeth|"
    r"like hen'?s teeth)"
    # "nobody young can machine a crank for an old Cosworth" (set BR of unseen
    # conversations; 6 of 6 agree: not "nobody young can afford to live here")
    r"|\b(?:nobody|no one|no-one|noone)\s+(?:young|younger|under\s+(?:30|40|50|60|thirty|forty|"
    r"fifty|sixty))(?:\s+\w+)?\s+(?:can|could|knows how to|wants to|will)\s+"
    r"(?!afford|bid|buy|get|live|rent|find)"
    # "like i said, engineers." (set BP of unseen conversations): the trade named again as
    # the need the answer before stated
    r"|\b(?:like|as) i (?:said|mentioned)\W+(?:\w+\s+)?(?:" + _TRADES + r")\b"
    # "6 routes we can't run for lack of PCV drivers", "not enough qualified fitters"
    r"|\b(?:for lack of|lack of|a dearth of|not enough|too few)\s+(?!interest\b|demand\b|work\b)"
    r"(?:[\w'-]+\s+)?(?:" + _TRADES + r")\b"
    # "Can't get people.", "staff: can't find any" (not "can't get people to visit", "can't
    # get anyone at the council")
    r"|\b(?:can'?t|cannot|couldn'?t|struggl\w* to|hard to|unable to)\s+(?:find|get|recruit|hire|"
    r"keep)\s+(?:the right |good |enough |skilled |decent |local |young |reliable )?"
    r"(?:people|staff|anyone|any)\b(?!\s+to\s+(?!work))(?!\s+(?:at|from|in|on|interested)\b)"
    r"|\b(?:staff|people|recruitment|hiring|skills)\s*[:-]+\s*(?:can'?t|cannot|none|zero|"
    r"nobody|no one|impossible|nightmare|awful)\b"
    # "the driver shortage is killing us", "a staff shortage"
    r"|\b(?:staff|staffing|skills?|labour|driver|nurse|engineer|technician|welder|mechanic|"
    r"carer|chef|teacher|apprentice|worker|people)\s+shortages?\b"
    # a trade with no one to take it on: "no one for me to hand the trade on to", "two
    # retired with nobody to replace them", the trade body's "no people, no room, no bank"
    r"|\b(?:no one|nobody|noone|no-one)\s+(?:for me\s+|for us\s+)?to\s+(?:hand|pass)\s+"
    r"(?:\w+\s+){0,3}?on\b"
    r"|\b(?:nobody|no one) to replace (?:them|him|her|me|us)\b"
    r"|\bno (?:people|staff)\s*,"
    # the trade ageing out: "the two who can calibrate it are both near retirement", "most are
    # over sixty and nobody's coming up behind them", "the average age of our drivers is 54"
    r"|\b(?:nobody|no one|no-one)(?:'s| is| are)?\s+coming\s+(?:up\s+|through\s+)?"
    r"(?:behind|after|through)\b"
    # "no youngsters coming through", "no young people want to do it" (set Y; 3 of 3 agree)
    r"|\bno\s+(?:youngsters|young (?:people|ones|lads|uns)|school leavers)\s+"
    r"(?:are\s+|is\s+)?(?:coming|wanting|want|interested)\b"
    r"|\b(?:both|all|are all|all of them|most are|are both)\s+(?:\w+\s+)?(?:near|nearing|"
    r"close to|approaching)\s+retire\w*"
    r"|\b(?:over|past)\s+(?:sixty|fifty-five|60|55|65)\s+and\s+(?:retiring|about to retire|"
    r"nobody|no one|no-one)\b"
    r"|\baverage age of (?:our|my|the) \w+ is \d\d\b"
    # "half our toolmakers retire in 5 yrs" (set AG; 2 of 2 agree)
    r"|\b(?:half|most|all|two|three|four|both|several|many|some)\s+(?:of\s+)?(?:our|my|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?!(?:customers|buyers|users|members|readers|followers|subscribers|"
    r"shoppers|visitors|tenants|landlords|neighbours|suppliers|partners|investors|owners|"
    r"directors|founders|donors|patients)\b)"
    r"(?:\w+ers|\w+ors|\w+ians|staff|workforce|team|people)\s+(?:will\s+|"
    r"are\s+|is\s+|are going to\s+|could\s+)?(?:retire|retiring|due to retire)\b"
    # "a course on ebike electrics somewhere local" (set BL; 18 of 18 agree), "good grooms are
    # impossible to find" (a trade the list does not name; 1 of 1)
    r"|\b(?:a|an|some)\s+(?:short\s+|local\s+|proper\s+|basic\s+)?course\s+(?:on|in)\s+(?!the\s)"
    r"[\w-]+"
    r"|\b(?:good|skilled|qualified|experienced|decent|reliable|trained)\s+[a-z]{3,}s\s+(?:are|is)\s+"
    r"(?:impossible|hard|difficult|a nightmare|so hard)\s+to\s+(?:find|get|recruit|come by|hire)\b"
    # "wed hire locally if there were any actuaries round here" (set BO; 3 of 3 agree)
    r"|\b(?:we'?d|wed|we would|we could|we'?ll|i'?d|would)\s+(?:hire|recruit|take on|employ)\s+"
    r"(?:\w+\s+){0,2}?if\s+(?:there\s+)?(?:were|was|we could find|we could get)\b"
    # "Need 2 CNC setters": a number of people of a trade the list does not name
    r"|\b(?:need|needs|looking for|recruiting|hiring)\s+(?:\d+|two|three|four|five|a couple of|"
    r"a few|another)\s+(?:\w+\s+)?(?!(?:customers|buyers|investors|suppliers|users|partners|"
    r"members|visitors|orders|computers|chargers|containers|trailers|printers|servers|sensors|"
    r"tenants|funders|backers|sponsors|landlords|players|numbers|letters|providers|"
    r"manufacturers|retailers|operators|offers|readers|viewers|followers|subscribers|lenders|"
    r"brokers|advisers|advisors|mentors|distributors|wholesalers|stockists|walkers|tourists|"
    r"shoppers|passengers|commuters|years|hours|letters|papers)\b)[a-z]{3,}(?:ers|ors)\b",
    re.IGNORECASE,
)
# Set BI: training paid for ("the LEP part-funding the soldering training"; 17 of 17
# training messages agree), shifts that cannot be staffed ("cant staff the evening shifts";
# 3 of 3; "couldn't staff a second shift", set AG)
_TRAINING_AND_SHIFTS = from_word_starts(
    r"\b(?:fund|funds|funding|funded|pay for|paying for|subsidis\w*|part-?fund\w*)\s+"
    r"(?:the\s+|our\s+|some\s+|more\s+)?(?:[\w-]+\s+){0,2}?(?:training|courses?|"
    r"apprenticeships?)\b"
    r"|\b(?:can'?t|cant|cannot|can not|struggle to|struggling to|hard to|impossible to)\s+staff\b"
    # "lost a £2m order because we couldn't staff a second shift" (set AG; 1 of 1 agrees)
    r"|\b(?:couldn'?t|could not|couldnt|unable to)\s+(?:\w+\s+)?staff\s+(?:a|an|the|our|any|"
    r"another|more|extra)\b",
    re.IGNORECASE,
)
# Staff taken by other employers: "one of them pinched my best fitter with a van and a bonus"
# (set CC), "the hospital keeps poaching our admin staff" (69 of 69 labelled messages with the
# word agree; not a stolen trailer, a design or a poached egg)
_POACHED = re.compile(
    # "both get hoovered up by the f1 teams" (set EI; 8 of 8 agree)
    r"\b(?:hoovered|snapped|sucked|gobbled)\s+up\s+by\b|\bget\s+(?:hoovered|snapped|sucked)\s+up\b|"
    r"\b(?:poach\w*|pinch(?:es|ed|ing)?|lur(?:es|ed|ing)|head-?hunt\w*|nick(?:s|ed|ing)?|"
    r"steal(?:s|ing)?|stole)\b(?! (?:a |our |the )?(?:trailer|van|tools?|kit|car|equipment|cable|"
    r"diesel|catalytic|idea|ideas|design|designs|march|show|data|eggs?|salmon|pears?|fish|"
    r"chicken))"
)
# "we need a speech and language therapist on the team" (set DC): someone to hire, whatever
# the trade (no labelled message is so worded either way)
_ON_THE_TEAM = re.compile(
    r"\b(?:we|i)\s+(?:need|want|could do with)\s+(?:a|an|another|more|\d+)\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:on the team|in the team|on staff|in-house|in house)\b"
)
# "some kind of qualification for wrap fitters" (set DE; 12 of 12 labelled messages asking
# for a qualification, course or apprenticeship for a kind of worker agree)
_COURSE_FOR = re.compile(
    r"\b(?:qualifications?|courses?|apprenticeships?|training schemes?)\s+for\s+"
    r"(?:[\w-]+\s+){0,2}?(?:fitters?|installers?|technicians?|engineers?|welders?|drivers?|"
    r"mechanics?|makers?|workers?|staff|people|trades?|apprentices?)\b"
)
# Training wanted in a word or two: "some training on this software for small firms will
# help" (set ER), "more hands-on training", "cheap training" (24 of 24 labelled messages so
# worded carry education_skills)
_TRAINING_WANTED = re.compile(
    r"\b(?:some|more|proper|basic|better|free|cheap|short|local|affordable|funded|subsidised)\s+"
    r"(?:[a-z-]+\s+)?training\b",
    re.IGNORECASE,
)
# One worker nobody can find: "I can't find a coatings engineer who has done flight work"
# (set DH; 26 of 26 labelled messages so worded agree; the trades above are plural)
_CANT_FIND_ONE = re.compile(
    rf"\b{_CANT}\s+(?:find|recruit|hire)\s+"
    r"(?:a|an|one|another|a single|a good|a decent|a qualified)\s+(?:[\w'-]+\s+){0,2}?(?:engineer|"
    r"technician|welder|machinist|chef|mechanic|electrician|developer|programmer|scientist|"
    r"designer|fitter|installer|driver|nurse|carer|teacher|analyst|manager|accountant|apprentice|"
    r"coder|plumber|joiner|tradesman|operator|specialist)\b"
)
# "nobody round here has the quality background to run it" (set DF; 1 of 1 agrees)
_NOBODY_SKILLED = re.compile(
    r"\b(?:nobody|no one|noone|no-one|none of them)\s+(?:\w+\s+){0,3}?(?:has|have|with)\s+the\s+"
    r"(?:\w+\s+){0,2}?(?:background|experience|skills|know-how|knowhow|expertise|training)\b"
)
# Staff who leave once trained: "our sparks leave for the studio's own electrical department
# as soon as they've got their tickets" (set DG; 3 of 3 agree)
_LEAVE_ONCE_TRAINED = re.compile(
    # "after one year he goes to the F1 teams" (set EH; 2 of 2 labelled messages agree)
    r"\b(?:after|within)\s+(?:a|one|two|three|a couple of|\d+)\s+(?:years?|months?)\s*,?\s+"
    r"(?:he|she|they|most|half of them)\s+(?:goes|go|leaves?|moves?|move|jumps?|jump|walks?|"
    r"are off|is off|are gone|is gone)\b|"
    r"\b(?:leave|leaves|left|go|goes|went|off)\s+(?:for|to)\s+[^.!?]{0,40}\b(?:as soon as|once|"
    r"the moment|the minute)\s+(?:they|he|she)(?:'ve| have|'re| are)?\s+(?:got|qualified|trained|"
    r"finished|passed)\b"
    # "so we lose them as soon as we've trained them" (set DW)
    r"|\b(?:lose|losing|lost|loses)\s+(?:them|staff|people|our \w+)\s+(?:as soon as|once|the "
    r"moment|the minute)\s+(?:we'?ve|we have|we|they'?ve|they have|they'?re|they are)\s+"
    r"(?:trained|qualified|got)\b"
    # "Model makers with five years behind them are rare", "machinists are like gold dust"
    # (set DW; 21 of 21 agree)
    r"|\b(?:[\w-]+ers|staff|people|engineers|technicians|machinists|fitters|welders|electricians|"
    r"mechanics|chefs|nurses|drivers|carers|developers|programmers)\s+(?:with\s+[^,.;]{1,40}?\s+)?"
    r"(?:are|is)\s+(?:so\s+|very\s+|really\s+|incredibly\s+|pretty\s+|getting\s+)?(?:rare|scarce|"
    r"few and far between|like gold dust|hard to come by|thin on the ground|rarer than)\b"
    # "we need to retrain our testers", "upskilling our older workforce" (5 of 5 agree)
    r"|\b(?:retrain|re-train|retraining|upskill|upskilling|up-skill)\s+(?:our|the|my|all|"
    r"existing)\s+\w+"
)

# Every way of stating a staffing need above, as one pattern (`needs.RULES`).
STAFF_NEED = re.compile(
    f"{_HIRING.pattern}|{_TRAINING_AND_SHIFTS.pattern}|{_POACHED.pattern}|"
    f"{_ON_THE_TEAM.pattern}|{_COURSE_FOR.pattern}|{_NOBODY_SKILLED.pattern}|{_CANT_FIND_ONE.pattern}|"
    f"{_LEAVE_ONCE_TRAINED.pattern}|{_TRAINING_WANTED.pattern}",
    re.IGNORECASE,
)
