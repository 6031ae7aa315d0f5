"""The precise rules: wordings that always mean someone may be in danger.

These are the first layer of the safety check (the model in :mod:`bot.safety.check` is the
second). They read text already normalised by :func:`bot.safety.normalise.normalise_for_safety`.
Ordinary figures of speech ("this form is killing me", "I could murder a coffee", "dying to
join") are listed too, so that a rule never fires inside one.
"""

from __future__ import annotations

import re

from bot.engine.nlu.text import plain_latin
from bot.safety.patternset import PatternSet

_SELF = r"(?:my ?self|me ?self|my ?sef|him ?self|her ?self|them ?selves|them ?self|your ?self)"
_PEOPLE = (
    r"(?:he|she|they|dad|mum|mom|stepdad|step dad|stepmum|step mum|father|mother|brother|"
    r"sister|uncle|aunt|boyfriend|girlfriend|partner|husband|wife|someone|somebody|a man|"
    r"a boy|a girl|people|teacher|carer|grandad|nan|cousin|friend|kids|boys|girls|they all)"
)
_PATTERNS = [
    r"\bsuc+id\w*",
    r"\bsuisid\w*",
    r"\bsuicde\w*",
    rf"\bkill(?:s|ing|ed)? {_SELF}",
    r"\bkms\b",
    # not planning to see their next birthday, or tomorrow
    r"\b(?:do not|dont|not|never) (?:plan on|planning on|planning to|plan to|expect to|think i "
    r"will|going to|gonna|want to|intend to) (?:see|seeing|make it to|making it to|reach|reaching|"
    r"be around for|be here for|live to see|living to see) (?:\d+|my (?:next )?birthday|christmas"
    r"|next year|tomorrow|the weekend|next week)\b",
    # on a cliff, a roof or a bridge, now
    r"\b(?:i am|im|i m|sat|sitting|standing|stood) (?:up )?(?:on|at) (?:the |a |top of the |top of "
    r"a )?(?:cliffs?|cliff edge|cliff top|beachy head|roof|rooftop|bridge|railway line|train "
    r"tracks|tracks|level crossing|multi ?storey|car park roof)\b(?: [a-z0-9]+){0,4} (?:now|"
    r"right now|at the moment|atm|tonight|on my own|by myself|alone|for hours|been here)\b",
    # where they will be found
    r"\b(?:they|someone|people|mum|dad|the police) (?:will|ll|are going to) (?:only )?find "
    r"(?:me|my body)\b(?: [a-z]+){0,2} (?:in the|by the|at the|under the|near the|anyway|when it "
    r"is too)\b",
    # too many of their medicines
    r"\b(?:took|taken|swallowed|had|necked) (?:way |far |a lot |loads )?too many (?:of )?"
    r"(?:[a-z]+ ){0,2}?(?:pills|tablets|meds|medicine|medication|paracetamol|painkillers|"
    r"sleeping pills)\b",
    # a whole container of medicine, or medicine with drink: "swallowed a whole strip of my
    # meds", "took 2 packets of paracetamol", "had my tablets with half a bottle of vodka"
    r"\b(?:took|taken|swallowed|necked|downed|eaten|ate) (?:a whole |the whole |a full |an "
    r"entire |all (?:of )?(?:the |my )?|\d+ |two |three |four |a couple of |both )?(?:strip|strips|"
    r"packet|packets|pack|packs|box|boxes|bottle|bottles|blister|blisters|sheet|sheets|tub|tubs|"
    r"handful|handfuls) (?:of )?(?:[a-z]+ ){0,2}?(?:pills|tablets|meds|medicine|medication|"
    r"paracetamol|ibuprofen|painkillers|sleeping pills|antidepressants|insulin|codeine)\b",
    r"\b(?:took|taken|swallowed|necked|downed|had) (?:[a-z0-9]+ ){0,6}?(?:pills|tablets|meds|"
    r"medicine|medication|paracetamol|painkillers|sleeping pills|antidepressants)\b (?:with|and|"
    r"washed down with|on top of) (?:a |half a |a whole |some |loads of |a load of |most of a |"
    r"a bottle of |a can of )?(?:bottle of )?(?:vodka|alcohol|booze|wine|whisky|whiskey|gin|rum|"
    r"beer|cider|spirits)\b",
    # someone at a high place now who says goodbye: "my friend just texted that shes on the
    # bridge and says goodbye"
    r"\b(?:is|s|are|am|m|sat|sitting|standing|stood|been|waiting) (?:up |out )?(?:on|at) "
    r"(?:the |a |top of the |top of a |the top of the )?(?:cliffs?|cliff edge|cliff top|bridge|"
    r"roof|rooftop|ledge|railway line|train tracks|tracks|level crossing|beachy head|"
    r"multi ?storey|car park roof|pier)\b.*\b(?:goodbye|good bye|goodbyes|say bye|says bye|"
    r"said bye|saying bye|texted bye|sorry for everything)\b",
    # death as the only way out: "suicide is the only way out for me now"
    r"\b(?:suicide|dying|death|ending it|ending it all|ending my life|killing myself|to die|kill "
    r"myself|to end it|to end it all|being dead|not being here)\b(?: [a-z]+){0,3} (?:is|seems|"
    r"feels|feels like|looks like|is now) (?:the|my) only (?:way out|option|answer|choice|way|"
    r"escape)\b|\bonly (?:way out|option|answer|choice|escape) (?:left )?(?:is|would be) (?:to "
    r"die|death|suicide|ending it|to end it|killing myself|to kill myself|dying)\b",
    # at the edge of a drop: "im at the edge of the old quarry", "stood on the edge of the cliff"
    r"\b(?:i am|im|i m|sat|sitting|standing|stood|he is|she is|they are) (?:right |up )?(?:at|on|"
    r"near|by) (?:the )?(?:edge|top) of (?:the |a |that )?(?:old |big )?(?:quarry|cliffs?|roof|"
    r"bridge|building|car park|multi ?storey|platform|pier|tracks|railway|tower|flats)\b",
    # a cut deep, now: "cut really deep this time", "blood everywhere in the bathroom"
    r"\b(?:cut|cutting|slashed|sliced) (?:myself |my \w+ |it )?(?:really |so |too |very |way )"
    r"deep\b|\bblood (?:is )?(?:everywhere|all over (?:the|my) (?:floor|bathroom|bed|room|arms?|"
    r"legs?))\b",
    # wanting one's own funeral: "the only thing i want to get involved in is my own funeral"
    r"\b(?:want|wanna|planning|plan|planned|organising|organizing|thinking about|looking forward "
    r"to|involved in|ready for|choosing songs for)\b(?: [a-z]+){0,5} my (?:own )?funeral\b",
    # a little child left alone all day or without food: "my 3 year old nephew is left on his
    # own all day with no food"
    r"\b(?:baby|babies|toddler|toddlers|newborn|(?:[1-8]|one|two|three|four|five|six|seven|eight) "
    r"(?:year|yr|month) old|little (?:one|ones|brother|sister|boy|girl))\b.*\b(?:left|leaves|"
    r"leaving|leave) (?:\w+ )?(?:alone|on (?:his|her|their) own|home alone|by (?:himself|herself|"
    r"themselves))\b.*\b(?:all day|all night|overnight|for hours|for days|no food|without food|"
    r"nothing to eat|every day|while (?:she|he|they) (?:go|goes|went) out)\b",
    # someone who has harmed children, with children now: "has been in prison for hurting
    # children and my kids stay there every other weekend"
    r"\b(?:prison|jail|convicted|conviction|register|offender|arrested|charged)\b(?: [a-z]+){0,3}"
    r" (?:for )?(?:hurting|abusing|harming|assaulting|offences against|touching|hitting) "
    r"(?:children|kids|a child|babies|young people|little girls|little boys)\b",
    # hands in a child's clothes, clothes taken off or filmed: "puts his hand in my pants",
    # "makes him take his clothes off and films him"
    r"\b(?:puts?|putting|put|stuck|sticks?) (?:his|her|their) hands? (?:in|down|inside|up) "
    r"(?:my|his|her|their) (?:pants|knickers|trousers|underwear|shorts|top|skirt|clothes|bra)\b",
    r"\b(?:makes?|made|making|tells?|told|gets?|got|forces?|forced) (?:me|him|her|them|us) "
    r"(?:to )?(?:take|taking) (?:off )?(?:my|his|her|their|our) (?:clothes|top|pants|trousers|"
    r"knickers|underwear)(?: off)?\b(?!.*\b(?:swimming|pe|changing for|doctor|nurse|bath)\b)",
    r"\b(?:films?|filmed|filming|records?|recorded|recording|photographs?|photographed) "
    r"(?:me|him|her|them|us) (?:naked|undressed|in the (?:bath|shower)|with no clothes|getting "
    r"undressed)\b|\b(?:clothes off|undressed|naked)\b(?: [a-z]+){0,3} (?:and|then|while he|"
    r"while she) (?:films?|filmed|filming|records?|recorded|takes? (?:pics|pictures|photos))\b",
    # the rest of a medicine taken, or leaving and not coming home, said short
    r"\b(?:taken|took|swallowed|had|necked) (?:all )?the rest of (?:my|his|her|the) (?:pills|"
    r"tablets|meds|medicine|medication|lithium|insulin|paracetamol|painkillers|sertraline|"
    r"antidepressants|sleeping pills)\b",
    r"\b(?:beachy head|cliffs?|the bridge|the pier|the tracks|the sea|seven sisters)\b(?: [a-z]+)"
    r"{0,3} (?:not|never|wont be|will not be) (?:coming|going) (?:home|back)\b",
    # someone breaking in now: "hes back and hes smashing the door in"
    r"\b(?:smashing|kicking|breaking|bashing|battering|booting) (?:the|my|our|down the|down my|in "
    r"the) (?:front |back |bedroom )?(?:door|doors|window|windows)(?: in| down)?\b"
    r"(?!.*\b(?:last (?:year|week|month)|years ago|film|game|police came)\b)",
    # a goodbye with thanks or an apology: "Im saying goodbye now, thanks for listening, sorry
    # for everything x"
    r"\b(?:saying|say|said|this is) (?:goodbye|good bye|bye|my goodbyes)\b.*\b(?:sorry for "
    r"everything|thanks for listening|thank you for listening|love you all|forgive me|take care "
    r"of (?:my|mum|dad))\b",
    # waiting for the house to sleep "so i can do it"
    r"\b(?:waiting|wait|waited) (?:for|till|until) (?:everyone|them|mum|dad|my (?:mum|dad|parents|"
    r"family)|the house|my carers?)\b(?: [a-z]+){0,3} (?:asleep|sleep|to sleep|out|gone|to leave|"
    r"to go out)\b(?: [a-z]+){0,2} (?:so|then|and) (?:i can|i will|i ll|ill|i am going to) (?:do "
    r"it|end it|go|finally)\b",
    # a child passed between men: "her dads mates pass her round at parties"
    r"\b(?:mates|men|friends|lads|guys|older boys|his mates|their mates)\b(?: [a-z]+){0,3} "
    r"(?:pass|passes|passed|passing|share|shares|shared|sharing) (?:her|him|me|them) (?:round|"
    r"around|about)\b",
    # found after: "theyll find out soon enough when they find me"
    r"\b(?:when|once|after|before) (?:they|someone|somebody|people|mum|dad|my mum|my dad|the "
    r"police|my family) (?:find|finds|found) (?:me|my body)\b(?! (?:out|a|an|somewhere|some|"
    r"another|help|work|a place|anything|on|online)\b)",
    # joining someone who has died: "my son died in may and i'm going to join him tonight"
    r"\b(?:died|dead|passed away|passed|lost (?:him|her|them)|funeral|grave|heaven)\b.*\b(?:going "
    r"to|gonna|will|i ll|ill|want to|wanna|ready to|about to|time to|need to|can) (?:go and )?"
    r"(?:join|be with) (?:him|her|them|my \w+|mum|dad|nan|grandad)\b(?! (?:at|for|in the|on the)\b)"
    r"|\b(?:going to|gonna|i will|i ll|ill|ready to|about to|time to) (?:go and )?join (?:him|her|"
    r"them|my \w+|mum|dad|nan|grandad)\b(?: [a-z]+){0,4} (?:died|dead|passed away|in heaven|up "
    r"there)\b",
    # a note written, with a goodbye or an apology: "Note's written. Sorry for wasting your time."
    r"\b(?:note|notes|letter|letters) (?:is |are |s |all )?(?:written|done|finished|ready)\b"
    r"(?! (?:by|up|in|about|for (?:the|school|class|work|my (?:review|meeting)))\b).*\b(?:sorry|"
    r"goodbye|bye|forgive me|love you all|wasting your time)\b",
    # a trip with no way back: "going up beachy head later, wont need a bus back"
    r"\b(?:beachy head|cliffs?|seven sisters|bridge|pier|viaduct|multi ?storey|car park roof|roof|"
    r"tracks|railway|quarry|the sea|the river)\b.*\b(?:will not|wont|do not|dont|not going to|"
    r"never|shall not) (?:need|be needing|be getting|get|take|be taking|want)(?: a| the| my| any)?"
    r"(?: return)? (?:bus|train|taxi|lift|ride|ticket|way)? ?(?:back|home)\b",
    r"\bone way ticket\b(?: [a-z]+){0,4} (?:beachy head|cliffs?|bridge|seven sisters|the end)\b",
    # someone about to drink a poison: "saying shes going to drink the bleach she brought"
    r"\b(?:going to|gonna|will|wants? to|wanna|threaten\w* to|about to|trying to|tried to|says? "
    r"(?:she|he|they) (?:will|ll|is going to|are going to)) (?:drink|swallow|eat|down|neck|take) "
    r"(?:the |some |a |all the |that |a bottle of |the bottle of )?(?:bleach|anti ?freeze|"
    r"weed ?killer|drain cleaner|batteries|washing tablets|dishwasher tablets|poison|rat poison)\b",
    # a last message to anyone: "its my last message to anyone"
    r"\b(?:this is|this will be|its|it is|it s|these are|that is|thats) my (?:very )?last "
    r"(?:message|messages|text|post|words|goodbye|chat)\b(?! (?:to|for|before|until|till|of|on|"
    r"about|here|in|at|was)\b(?! (?:anyone|anybody|everyone|everybody|you all|the world|ever)\b))",
    # a marriage a young person is being made to make: "they are getting me married to my cousin"
    r"\bforced (?:to )?marr\w*|\bforced marriage\b|\b(?:make|making|made|force|forcing|want|"
    r"wants) (?:me|him|her|my (?:sister|daughter)) (?:to )?(?:get |be )?marr(?:y|ied)\b(?! when)"
    r"|\b(?:i am|im|i m|me) (?:getting|get|be|being) married\b.*\b(?:do not want|dont want|"
    r"against my will|not ready|i am scared|im scared|too young|i am only \d+|im only \d+)\b",
    # asking how to harm so that it works
    r"\b(?:make|making|get|getting) (?:the |my )?cuts? (?:go )?deeper\b|\bcut deeper\b",
    r"\bhow (?:to|do i|can i|do you) (?:cut|overdose|od|hang|strangle) (?:myself|my self|properly|"
    r"deep|so)\b|\bso (?:that )?it (?:actually |really |finally )?works\b(?: [a-z]+){0,3}"
    r" (?:this time|for good)\b",
    # a plan with a date
    r"\b(?:i have|ive got|i got|got) a plan\b(?: [a-z]+){0,4} (?:the )?(?:date|day|time) "
    r"(?:is|will be|is set)\b|\b(?:i have|ive) (?:set|picked|chosen) (?:a|the) date\b",
    # "i have a plan and a date now", "got a plan and a time": not for a meeting or a move
    r"\b(?:i have|ive got|i got|got|made|i made) (?:a|my|the) plan (?:and|with) (?:a|the|my) "
    r"(?:date|day|time|place|way)\b(?! (?:for|of|to) (?:the|his|her|their|our|a|an|my|school|"
    r"college)\b)(?!.*\b(?:review|meeting|transition|"
    r"ehcp|school|college|appointment|start|starting|move|moving|holiday|assessment|tribunal|"
    r"operation|surgery|visit|party|trip)\b)",
    # taking one's own life, and expecting to be dead soon
    r"\b(?:take|taking|took|end|ending) (?:my|his|her|their|your) own life\b",
    r"\b(?:i will|i ll|ill|i am going to|im going to|gonna|i might|i could|(?:my )?(?:plan|aim|"
    r"goal|wish|hope) is (?:just )?to|i (?:want|need|plan|intend|hope) to) (?:probably )?be "
    r"dead (?:by|before|in|soon|tomorrow|tonight|next)\b",
    # someone who has been touching or hitting a child: "the driver has been touching him"
    rf"\b(?:{_PEOPLE[3:-1]}|driver|escort|staff|coach|tutor|neighbour|babysitter|nanny|"
    r"childminder|worker|stepbrother|lodger|landlord|man|men|boy|lad|guy)\b(?: [a-z]+){0,7} "
    r"(?:has been|have been|keeps|kept|was|been|is|had been) (?:touching|groping|abusing|"
    r"molesting|kissing|fondling) (?:me|him|her|them|us|my (?:son|daughter|child|boy|girl|kids|"
    r"brother|sister))\b",
    # an adult who gives a child drink, drugs or gifts and asks them to keep it quiet
    r"\b(?:gave|gives|give|giving|given|bought|buys|buying|sent|sends|offered|offers) (?:me|him|"
    r"her|them|my (?:son|daughter|child|boy|girl|kids?|brother|sister))\b(?: [a-z]+){0,3} "
    r"(?:vodka|alcohol|booze|drink|drinks|beer|beers|cider|wine|spirits|weed|drugs|pills|vapes?|"
    r"cigarettes|fags|money|cash|gifts?|presents?|a phone|a new phone|trainers)\b.*\b(?:keep "
    r"(?:it|this|that) (?:between|a secret|secret|quiet|to (?:himself|herself|themselves|myself))"
    r"|(?:not|never) to tell|(?:our|their|a) (?:little )?secret|do not tell)\b",
    # an adult who asks children for pictures in their underwear or without clothes
    r"\b(?:asks?|asking|asked|wants?|wanted|told|tells|telling|begs|begging|pressur\w+) (?:us |me |"
    r"him |her |them |my \w+ |kids |children |girls |boys )?(?:for|to send|to take|to share) "
    r"(?:some |more )?(?:pics|pictures|photos|selfies|videos|vids|snaps)\b(?: [a-z]+){0,3} (?:in "
    r"(?:our|my|their|his|her|your) (?:underwear|pants|bra|knickers|boxers|pyjamas)|naked|nude|"
    r"with(?:out| no) (?:clothes|a top|top on|clothes on))\b",
    # asked to send nude pictures: "if i dont send him nudes he will kick me off the team"
    r"\b(?:send|sending|sent|share|sharing) (?:him|her|them|a man|an adult|someone|this man|"
    r"this guy) (?:some |my |more )?(?:nudes|nude \w+|naked \w+|pics of (?:me|my body))\b",
    # a goodbye that is a giving up: "goodbye. i'm done. thanks for nothing"
    r"\b(?:bye|goodbye|farewell)\b.*\b(?:i am done|im done|i m done|thanks for nothing|this is "
    r"it|no more)\b|\b(?:i am done|im done|i m done|thanks for nothing)\b.*\b(?:bye|goodbye|"
    r"farewell)\b",
    # writing from a high place: "im writing this from the top of the multi storey"
    r"\b(?:writing|typing|texting|messaging|sat|sitting|standing|stood|here|up)\b(?: [a-z]+){0,3}"
    r" (?:from |on |at )?(?:the )?top of (?:the |a )?(?:multi ?storey|car park|bridge|cliffs?|roof|"
    r"building|tower|flats|quarry)\b",
    # abuse told plainly, now: "i am being abused at home", "she is being hit by her dad"
    r"\b(?:i am|im|i m|he is|she is|they are|we are|i have been|i ve been|ive been|he has been|"
    r"she has been) (?:being |getting )?(?:abused|hit|beaten|beaten up|hurt|assaulted|raped|"
    r"molested|groomed|starved)\b(?: [a-z]+){0,2}? (?:at home|at school|every day|by (?:my|his|"
    r"her|our|their|a|an|the) \w+)",
    # a high place and how easy it would be: "on the cliffs. the wind is strong, it would be easy"
    r"\b(?:on|at|by|near|up) (?:the |a |top of the )?(?:cliffs?|cliff edge|cliff top|edge|bridge|"
    r"roof|rooftop|ledge|tracks|railway|beachy head|multi ?storey|car park roof)\b(?: [a-z]+){0,12}"
    r" (?:it would be|it d be|would be|it is|its|it s|so|too) (?:so |really |very )?easy\b",
    # leaving for somewhere and not coming back: "walking down to the adur now. not coming back"
    r"\b(?:walking|walked|going|gone|heading|headed|off|driving|drove|went|cycling) (?:down |out "
    r"|up |over )?(?:to|towards) (?:the )?\w+(?: \w+)?\b(?: [a-z]+){0,6} (?:not|never) (?:coming|"
    r"going to come) (?:back|home)\b(?! (?:till|until|before|for|tonight|tomorrow|later|on|at|"
    r"after|by|in|when)\b)"
    r"(?!.*\b(?:weekend|holiday|holidays|trip|sleepover|half term|summer|course)\b)",
    # a plan not to be here: "my plan is to not be here by christmas"
    r"\b(?:plan|aim|goal|wish|intention) is (?:just )?to (?:not be (?:here|around|alive)|be gone|"
    r"never wake up|not wake up|disappear for good|end it)\b",
    # stepping in front of a train or a car, meant: "thinking of stepping in front of a train"
    r"\b(?:thinking (?:of|about)|going to|gonna|want to|wanna|might|will|could|plan to|planning "
    r"to|about to|ready to)(?: just)? (?:step|stepping|walk|walking|jump|jumping|throw myself|"
    r"throwing myself|lie down|lying down|stand|standing)(?: out)? in front of (?:a|"
    r"the|an) (?:train|trains|bus|car|cars|lorry|truck|van|coach)\b",
    # a note or letters left for after: "already wrote my note", "my letters are written"
    r"\b(?:wrote|written|writing|finished|done|left) my (?:note|notes|letter|letters|goodbyes?)\b"
    r"(?= *$| (?:and|so|now|already|for (?:everyone|my family|my mum|my dad|when)|to (?:everyone|"
    r"my family|my mum|my dad|my parents|my friends|my kids)\b))",
    # telling someone before going, with nowhere to go: "I want someone to know before I go."
    r"\b(?:(?:want|wanted|need|needed)(?: someone| somebody| people| you| everyone| them)? to "
    r"know|(?:writing|telling|saying|typing) (?:you |someone )?this)\b.*\bbefore i (?:go|leave|am "
    r"gone|die)\b(?! (?:to|on|in|into|out|back|home|away|for|abroad|shopping|off|up|down|round|"
    r"there|over|through|with|at|swimming|camping|bed|"
    r"tomorrow|next|later|tonight to)\b)",
    # voices that tell someone to hurt themselves or another: "hearing voices telling me to..."
    r"\bvoices?\b(?: [a-z]+){0,3} (?:telling|tell|tells|told|saying|say|says|want|wants) (?:me|"
    r"him|her|them) to (?:hurt|kill|harm|stab|drown|smother|jump|die|end|cut|burn|hit|shake)\b",
    # a goodbye that thanks people for trying: "bye everyone. thank u for trying with me"
    r"\b(?:bye|goodbye|farewell)\b.*\bthank\w*(?: u| you)? for (?:trying|everything|putting up "
    r"with me|always being there)\b|\bthank\w*(?: u| you)? for (?:trying with me|putting up with "
    r"me)\b.*\b(?:bye|goodbye|farewell)\b",
    # a threat of violence from someone at home
    r"\b(?:said|says|told me|threatened|threatens|swore)(?: that)?(?: next time| if i [a-z]+| one "
    r"day| soon| tonight)? (?:he|she|they)(?: would| will| d| ll| is going to| are going to| was "
    r"going to| were going to)? (?:break|snap|hurt|kill|hit|beat|batter|smash|stab|burn|strangle|"
    r"finish|do) (?:my|me)\b(?!(?: [a-z]+)? (?:homework|work|hair|nails|form|forms))",
    # a forced marriage: taken abroad to marry, a passport taken
    r"\b(?:make|making|force|forcing|forced|taking|take|sending|send) (?:me|her|him|them|my \w+)"
    r"\b(?: [a-z]+){0,5} (?:to )?(?:marry|get married|be married)\b"
    r"|\b(?:took|taken|take|hid|hidden|keeping) my passport\b",
    # a child locked in a room or a cupboard by someone
    r"(?<!i )(?<!we )\blocked (?:him|her|them|me|my \w+|our \w+) in (?:a|the|his|her|their|my|our) "
    r"(?:room|cupboard|shed|cellar|toilet|bathroom|car|bedroom)\b(?: [a-z]+){0,2} (?:for hours|"
    r"all day|all night|overnight|for ages|in the dark|without (?:food|water))\b",
    # holding a blade: self-harm about to happen
    r"\b(?:holding|gripping|got|have|hiding|hid) (?:a |the |my |this )?(?:razor )?(?:blade|"
    r"blades|razor|razors)\b",
    # come to a place to jump or to die
    r"\b(?:came|come|coming|went|gone|going|walked|drove) (?:up )?(?:here|there|out|down) to "
    r"(?:jump|die|end it|end things|do it|kill myself)\b",
    # a child left without food or care
    r"\b(?:nobody|no one|noone|no body) (?:has )?(?:fed|feeds|feeding|changed|looked after|looks "
    r"after|checked on) (?:her|him|them|the baby|my (?:baby|little) (?:sister|brother))\b",
    # a car's fumes in a closed garage
    r"\b(?:in|inside) (?:my|the|mums|dads|a) car\b(?: [a-z]+){0,6} engine (?:running|on)\b"
    r"(?: [a-z]+){0,4} garage\b|\bgarage\b(?: [a-z]+){0,8} engine (?:running|on)\b",
    r"\bkys\b",
    r"\bend (?:my|his|her|their|your) (?:own )?li(?:fe|ves)\b",
    r"\bend(?:ing)? it all\b",
    r"\b(?:want|wants|wanted|wanting|going|planning|plans|plan|thinking about|try|tried|trying)"
    r" (?:to )?end it\b",
    # ("i feel like i am going to die" may be a figure of speech: it is a warning below)
    r"\b(?:want|wants|wanted|wanting|wish|(?<!like i am )(?<!like im )going) (?:to )?die\b",
    r"\bwish (?:i|he|she) (?:was|were) dead\b",
    r"\b(?:do not|does not) want to (?:be alive|live|be here|wake up|exist)\b",
    r"\bbetter off dead\b",
    r"\bno reason to live\b",
    r"\bnot worth living\b",
    r"\bno point (?:in )?(?:living|being alive|being here|going on|carrying on)\b",
    r"\b(?:hate|hates|hating|tired of|sick of) (?:being alive|living|life)\b",
    r"\b(?:send|share|post|leak|show|sending|sharing|posting) (?:my|his|her|our) (?:pics|pictures|"
    r"photos|nudes|videos|images)\b",
    r"\bsextort\w*",
    r"\bif (?:i|he|she|they) (?:do not|does not|will not) do what (?:he|she|they) "
    r"(?:says|say|wants)\b",
    rf"\b(?:cut|cuts|cutting|burn|burns|burning|hurt|hurts|hurting|harm|harms|harming|starve|"
    rf"starving|hit|hitting|punch|punching)\s{_SELF}",
    # "i'll overdose on coffee before this meeting": a figure of speech about food and drink
    r"\boverdos\w*+(?! on (?:coffee|caffeine|chocolate|sugar|sweets|tea|cake|biscuits|crisps|"
    r"energy drinks|red bull|haribo|netflix|tv|telly|carbs|pizza)\b)",
    # an overdose already taken, said by the packet: "took a whole packet of paracetamol"
    r"\b(?:took|taken|take|taking|swallowed|had|downed|necked) (?:like |about |around |maybe |"
    r"nearly |almost |at least |over )?(?:a whole |the whole |a full |an entire |all |all the |"
    r"all my |\d+ |two |three |a |an )?(?:packet|packets|box|boxes|bottle|bottles|strip|strips|"
    r"blister pack|pack|packs|tub|pot) of (?:my |his |her |the |mums |dads |nans )?(?:pills|"
    r"tablets|meds|medication|medicine|paracetamol|painkillers|ibuprofen|aspirin|co codamol|"
    r"codeine|sleeping pills|sleeping tablets|antidepressants|sertraline|fluoxetine|insulin)\b",
    # a ligature: "tied something round my neck"
    r"\b(?:tied|tying|tie|wrapped|wrapping|put|putting|pulled|pulling) (?:something|a rope|rope|"
    r"a belt|my belt|a cord|a cable|a ligature|a wire|a shoelace|a lace|laces|a sheet|a bag|"
    r"a plastic bag|string|a string|a charger cable|a lead) "
    r"(?:tight |tightly )?(?:round|around|over) (?:my|his|her) (?:neck|throat|head)\b",
    r"\b(?:want|wants|wanna|wish|going|gonna) (?:to )?dye\b",  # "i want 2 dye"
    r"\b(?:i am|im|am) ending (?:it|it all|things|my life)\b",
    r"\bhow many (?:paracetamol|pills|tablets|painkillers|meds|sleeping pills|insulin)\b",
    r"\b(?:take|taking|took|inject|injecting|injected) all (?:of )?(?:my|the|his|her) (?:insulin|"
    r"medication|"
    r"medicine|medicines|meds|pills|tablets)\b",
    r"\btake all (?:my|the|his|her) (?:pills|tablets|meds)\b",
    r"\b(?:took|taken|take|taking|swallowed) (?:like |about |around |maybe |over |nearly |"
    r"almost |at least |over )?(?:loads of|lots of|a lot of|too many|all (?:my|the|"
    r"his|her)|a load of|a bunch of|a handful of|handfuls of|\d+) (?:pills|tablets|meds|"
    r"paracetamol|painkillers)\b",
    r"\b(?:scared|afraid|frightened|terrified) to go (?:in|into school|to school|out)\b",
    rf"\bhang(?:ing)? {_SELF}",
    r"\b(?:sleep|go to sleep) and (?:never|not) wake up\b",
    r"\bnot wake up\b",
    r"\b(?:saving|saved|stockpiling|hoarding|collecting|kept|keeping) (?:up )?(?:my |his |her )?"
    r"(?:tablets|pills|meds|medication|paracetamol)\b",
    r"\b(?:goodbye|suicide) (?:letter|letters|note|notes|message|messages)\b",
    r"\brap(?:e|ed|ing)\b",
    r"\bgrooming (?:me|him|her|them|my)\b",
    r"\bsexual(?:ly)? (?:abuse|assault|touch|assaulted)\w*",
    r"\bmolest\w*",
    rf"\b{_PEOPLE} (?:\w+ )?(?:hits|hit|beats|beat|kicks|kicked|punches|punched|hurts|hurt|"
    r"touches|touched|chokes|choked|slaps|slapped|burns|burned|strangled|threatens|threatened)"
    r" (?:me|him|her|us|them|my)\b",
    r"\b(?:hitting|beating|kicking|punching|hurting|touching|choking|slapping) (?:me|him|her|us)"
    r" (?:at home|every|all the time|again|when|and|because)\b",
    r"\b(?:scared|afraid|frightened|terrified) of (?:my|his|her) (?:dad|mum|mom|stepdad|"
    r"step dad|father|mother|brother|partner|boyfriend|husband)\b",
    r"\bthreat\w* to (?:kill|hurt|harm|stab|shoot)\b",
    r"\bgive up on life\b",
    r"\bhate my life\b.*\b(?:die|dead|end)\b",
    # hopelessness
    r"\bno point (?:anymore|any more|in anything|in life|to anything|to life)\b",
    r"\bwhat is the point (?:of|in) (?:living|life|anything|me|going on)\b",
    r"\b(?:nobody|no one|noone|no body) (?:would|will|is going to) (?:miss|care about|notice)\b",
    r"\bbetter off without (?:me|him|her|them|us)\b",
    r"\bif i (?:was|were) (?:gone|not here|dead)\b",
    r"\bwant(?:s)? to (?:disappear|not exist|sleep forever|not wake up)\b",
    r"\b(?:can not|not able to|unable to|struggling to) keep (?:myself|my self|him ?self|"
    r"her ?self|them ?selves|them) safe\b",
    # self-harm
    r"\bcutting (?:again|my|her|his)\b",
    r"\bself ?injur\w*",
    r"\b(?:scratching|burning|bruising) (?:myself|my arms|my legs)\b",
    # eating
    r"\b(?:have not|has not|had not|not) (?:eaten|been eating|eating)\b",
    r"\bstarv(?:e|ing) (?:myself|my self|him ?self|her ?self)\b",
    r"\b(?:make|making|made) (?:myself|my self|him ?self|her ?self) (?:sick|throw up)\b",
    r"\bthrow(?:ing)? up on purpose\b",
    r"\bon purpose\b.*\beat",
    r"\beat\w*\b.*\bon purpose\b",
    # exploitation and grooming
    r"\bgives? (?:me|him|her|us) (?:weed|drugs|money|vapes|alcohol|cigarettes|presents)\b",
    r"\bcarry (?:stuff|things|drugs|packages|a package|bags|a bag) for\b",
    r"\bcounty lines\b",
    # made to work, sell or carry, and not free to leave
    r"\b(?:make|makes|made|making|force|forces|forced|forcing) (?:me|him|her|them|us) (?:to )?"
    r"(?:work|sell|carry|deal|grow|store|hold|stay)\b.*\b(?:drugs?|cannabis|weed|plants|"
    r"can not leave|not allowed to leave|not let (?:me|him|her|them) leave|locked)\b",
    r"\b(?:asking|asked|asks|wants to know) where i live\b",
    r"\b(?:said|says|told me|tells me) not to tell\b",
    r"\bmaking me (?:send|do|take|touch|meet|watch)\b",
    r"\b(?:send|sending|sent) (?:him|her|them)? ?(?:pictures|pics|photos|nudes|videos)\b",
    r"\bpictures of me\b",
    # someone in a position over a child who touches them: "the driver on his taxi touches him"
    r"\b(?:driver|escort|teacher|ta|coach|uncle|man|men|neighbou?r|step ?dad|step ?mum|tutor|"
    r"carer|worker|leader|instructor|cousin|grandad|someone|somebody|lad|guy|boy|boys)\b"
    r"(?: [a-z]+){0,5}? (?:touches|touched|touching|keeps touching|tries to touch|tried to touch|"
    r"grabs|grabbed|gropes|groped|feels up|felt up) (?:him|her|them|me|my|his|our|us)\b"
    r"(?! (?:on the (?:shoulder|arm|back|hand)|to (?:get|wake|help|guide)))",
    # someone has come and the writer asks for help now: "help me hes here"
    r"\bhelp(?: me)?\b(?: [a-z]+){0,3} (?:he is|hes|she is|shes|they are|theyre) (?:here|back|"
    r"outside|at the door|in the house|coming|on his way|on her way)\b",
    r"\b(?:he is|hes|she is|shes|they are) (?:here|back|outside|at the door|in the house) "
    r"(?:please )?help\b",
    # an adult keeping contact secret: "said delete the chats", "told me to delete our messages"
    r"\b(?:said|says|told (?:me|him|her)|tells (?:me|him|her)|asked (?:me|him|her)|asks (?:me|"
    r"him|her)|makes (?:me|him|her)|made (?:me|him|her))(?: to)? (?:always |just )?(?:delete|"
    r"clear|wipe) (?:the |our |all (?:the |our )?|his |her |their |these |those |them|it all)?"
    r"(?:chats?|messages?|msgs|texts?|dms?|snaps?|pics?|photos?|pictures?|conversations?|"
    r"history|them|everything)?\b(?! (?:from school|for school|for homework))",
    # at the top of a high place, said of oneself
    r"\b(?:i am|am|sat|sitting|standing|stood|up) (?:up )?(?:on|at) (?:the )?(?:roof|rooftop|"
    r"top|top floor|edge) of (?:the |a |that )?(?:multi ?storey|multi|car ?park|building|flats|"
    r"block|tower|bridge|cliffs?|pier|viaduct)\b",
    # a plan to walk into the sea or a river
    r"\b(?:plan(?: is)?|going|gonna|want|wanna|will|about|ready|decided|planning) (?:to )?"
    r"(?:just )?(?:walk|wade|swim|go|run) (?:out )?(?:into|in to|out into|out to) (?:the )?"
    r"(?:sea|river|water|waves|ocean|lake|canal|reservoir)\b"
    r"(?!.*\b(?:swim|swimming|dip|paddle|paddling|charity|sponsored|surf\w*|wetsuit|"
    r"paddleboard\w*|lifeguard\w*|beach day)\b)",
    # sexual messages or pictures sent to, or asked of, someone: "a man keeps texting her rude
    # pics", "he sent my son sexual messages"
    r"\b(?:send|sends|sent|sending|messag\w*|text\w*|dm\w*|snap\w*|show\w*|ask\w*)"
    r"(?: [a-z0-9]+){0,4}? (?:sexual|sexy|dirty|rude|explicit|naked|nude|x rated) (?:messages?|"
    r"texts?|pictures?|pics?|photos?|videos?|vids?|images?|chats?|snaps?|stuff|things|selfies?)\b",
    r"\bsexual (?:messages?|texts?|pictures?|pics|photos?|videos?|images?|chats?) (?:to|from|"
    r"with) (?:my |our |a |an |this |that )?(?:son|daughter|child|kid|boy|girl|him|her|me|them|"
    r"\d{1,2} year old)\b",
    r"\bmeet up\b.*\b(?:not to tell|secret)\b",
    # a plan at a railway, a bridge, a cliff or a road
    r"\b(?:going to|gonna|want to|about to|will|planning to|thinking (?:about|of)|ready to|"
    r"i am|i will) (?:just )?(?:step|walk|jump|throw (?:myself|my self)|lie down|lay down|"
    r"stand) (?:off|onto|on to|in front of|under|into) (?:the |a |that )?(?:platform|platform "
    r"edge|tracks?|railway|line|train|bridge|cliffs?|edge|roof|motorway|lorry|traffic|"
    r"oncoming)\b",
    r"\b(?:step|walk|jump)(?:ping|ped|s)? (?:off|from) (?:the |a )?(?:platform|bridge|cliffs?|"
    r"roof|multi storey|car park roof)\b(?! (?:at|to|and get|onto the train))",
    # missing and running off
    r"\bpolice (?:brought|found|returned|picked up|had to bring) (?:him|her|them|me)\b",
    # harm at home and neglect
    r"\b(?:hitting|hurting|beating|kicking|punching|attacking|strangling|choking|slapping|"
    r"battering|beats|hurts|hits) (?:up )?(?:my |our )?(?:mum|mom|mam|dad|brother|sister|nan|"
    r"gran|baby|the kids|the children|us|me|him|her|them)\b",
    # rough handling of a child by the person meant to look after them: "the nanny shakes
    # him when he cries" (not "she shakes her hands when she is excited", which is stimming)
    rf"\b(?:{_PEOPLE[3:-1]}|nanny|childminder|babysitter|support worker|key worker|staff|"
    r"teaching assistant|ta|foster carer|foster mum|foster dad|stepbrother|stepsister) "
    r"(?:\w+ )?(?:shakes|shook|shaking|smacks|smacked|smacking|throttles|throttled)"
    r" (?:him|her|them|me|us|the baby|the kids|the children|my (?:son|daughter|baby|child|boy|"
    r"girl|little one))\b(?! (?:hands?|head|fists?|arms?|legs?|feet|hair|body|toys?|ball|up|off|"
    r"out|awake|around|about|round|ideas?)\b)",
    r"\b(?:drunk|high|off his face|off her face) (?:again )?and (?:hitting|hurting|shouting|"
    r"violent|kicking|smashing)",
    r"\bcan not go (?:back )?home\b",
    r"\b(?:has not|have not|had not) been home (?:for|since|in)\b",
    r"\b(?:left|leaves|leave) (?:me|us|him|her) (?:alone|on my own|on our own|on his own|"
    r"on her own) (?:for|all|every)",
    r"\bnobody (?:is )?(?:looking after|feeding|caring for) (?:me|us|him|her)\b",
    r"\block(?:s|ed|ing)? (?:me|him|her|us|them)(?: and [a-z ]{1,24}?)? (?:in|out)\b",
    r"\b(?:scared|afraid|frightened|terrified|worried) (?:of )?what (?:he|she|they|dad|mum) "
    r"(?:will|might|would|could|is going to) do\b",
    r"\blocked in (?:my|his|her)\b",
    r"\b(?:does not|will not|never) let (?:me|him|her) (?:eat|leave|out|go out)\b",
]
# Wordings that usually mean danger but also turn up in ordinary talk ("knife crime
# awareness", "an abuse of power", "run away and join the circus"): they raise an alarm only
# when the model also sees some concern (see bot/safety/check.py).
_WEAK_PATTERNS = [
    # "im by the railway line, trains every few mins": a place of danger, said of oneself
    r"\b(?:i am|im|am|sat|sitting|standing|stood) (?:at|on|by|near|next to) (?:the )?"
    r"(?:railway|rail|train tracks|train line|tracks|track|level crossing|cliff|cliffs|cliff "
    r"edge)\b|\b(?:i am|im|am|sat|sitting|standing|stood) (?:at|by|near|next to) (?:the )?train\b",
    r"\b(?:older|grown up|grown) (?:guy|man|men|boy|boys|lad|lads|bloke|person|people|girl)\b",
    r"\b(?:going to|will|want to|wants to|wanna|said (?:he|she|they) would|gonna|threatening"
    r" to) (?:kill|stab|shoot|hurt|harm|beat up) (?:me|him|her|us|them|someone|somebody|"
    r"people|my|everyone)\b",
    r"\bsu+i+c+i?d\w*",
    r"\b(?:stopped|stop|not|is not|has not been|keeps not) eating\b",
    r"\bnudes\b",
    r"\bblackmail\w*",
    r"\bjump(?:ing|s)? (?:off|from|in front of)\b",
    r"\b(?:i am|im|am|sat|sitting|standing|stood) (?:up )?on (?:the |a )?(?:roof|rooftop|ledge|"
    r"window ledge)\b",
    r"\babus(?:e|ed|es|ing|ive)\b",
    r"\bgroomed\b",
    r"\bassault\w*",
    r"\bpaedo\w*",
    r"\bpedo\w*",
    r"\b(?:scared|afraid|frightened|terrified) (?:to go|of going|to be) (?:back )?home\b",
    r"\b(?:not|do not feel|does not feel|never feel|is not|am not|are not) safe\b",
    r"\bunsafe\b",
    r"\bin danger\b",
    r"\b(?:run|running|ran|runs) away\b",
    r"\b(?:has gone|went|gone|been reported|is reported|have gone) missing\b",
    r"(?<!file )(?<!form )(?<!letter )(?<!paperwork )(?<!report )(?<!plan )(?<!ehcp )(?<!bag )"
    r"(?<!coat )(?<!page )(?<!section )(?<!evidence )(?<!money )(?<!record )(?<!records )"
    r"\bis missing(?: since| from home| again| and|$)",
    r"\bdomestic (?:violence|abuse)\b",
    r"\bknife\b",
    r"\bweapon\b",
    r"\bgun\b",
    r"\bcan not (?:go on|take it any ?more|do this any ?more)\b",
    r"\b(?:do not|can not|does not) see (?:the |any )?point\b",
    r"\b(?:been|started|start|keep|keeps|kept) cutting\b",
    r"\bgetting (?:really |very |so |too )?(?:thin|skinny)\b",
    r"\bkeep (?:it|this) (?:a )?secret\b",
    # held down: "staff pinned my daughter face down", told of now
    r"\b(?:pinned|pins|pinning|held|holds|holding|sat on|sitting on) (?:him|her|them|me|my \w+)"
    r" (?:face )?down\b",
    # "i wont be around to be contacted anyway": the model judges (a trip, or not being alive)
    r"\bi (?:will not|wont|am not going to|will no longer) be (?:around|here|alive)\b",
    r"\bkeep (?:it|this|that) (?:just )?between (?:us|them|you and me|him and me|her and me|"
    r"ourselves|the two of us)\b",
    # "i feel like i am going to die": may be a figure of speech or a panic; the model judges
    r"\b(?:feel|feels|felt|feeling) like (?:i am|im|he is|she is) going to die\b",
    r"\b(?:running|ran|runs|run|keeps running) off\b",
    r"\bwent missing\b",
    r"\b(?:not allowed|scared) (?:to go )?home\b",
    r"\b(?:there is |we have |we got |got )?no food\b",
    r"\b(?:violent|violence)\b",
    r"\bat risk of (?:harm|suicide|abuse|being hurt|self harm|exploitation|danger|dying)\b",
    r"\b(?:online|internet)\b.*\bmeet up\b",
    r"\b(?:can not|cannot|is not allowed to|not allowed to) leave\b",
    r"\b(?:knife|knives|blade|blades|razor|razors)\b(?: [a-z]+){0,3} (?:again|blood|bleeding)\b",
    r"\bblood\b(?: [a-z]+){0,3} (?:again|do not want to stop|can not stop)\b",
    # by the water and a wish to go in: "on the pier, the water looks calm, i could just go in"
    r"\b(?:pier|sea|water|river|waves|lake|canal|quarry|harbour|cliff|cliffs)\b.*\b(?:could|"
    r"might|will|gonna|going to|want to|wanna)(?: just)? (?:go in|walk in|step in|slip in|go "
    r"under|let go)\b(?!.*\b(?:swim|swimming|paddle|paddling|wetsuit|surf\w*|lifeguard)\b)",
]
_WEAK = PatternSet(_WEAK_PATTERNS)

_PATTERNS += [
    # not expecting to live to an age or a day: "17 and I won't see 18"
    r"\b(?:will not|wont|not going to|never going to|do not think i will|dont think ill) "
    r"(?:see|make it to|reach|live to|be (?:here|around) (?:for|at)) (?:my )?(?:1\d|2\d|next "
    r"(?:year|week|month|birthday)|christmas|my birthday|the summer|the end of)\b",
    # hiding injuries, or marks left by someone
    r"\b(?:hide|hiding|hid|cover|covering|covered up|so nobody sees|so no one sees|nobody sees|"
    r"no one sees)\b(?: [a-z]+){0,4} (?:the |my |his |her )?(?:marks|bruises|cuts|scars|burns)\b",
    r"\b(?:marks|bruises|bruising|scars|cuts|burns)\b(?: [a-z]+){0,6} (?:from|because of|where|"
    r"when)(?: [a-z]+){0,3} (?:he|she|they|dad|mum|mom|stepdad|stepmum|step dad|step mum|uncle|"
    r"boyfriend|brother|partner|him|her|them)\b",
    # a child or friend gone missing (not a lost jumper)
    r"\b(?:my|our|his|her|their)\s(?:[a-z0-9]+\s){0,3}?(?:son|daughter|child|kid|boy|girl|"
    r"brother|sister|friend|mate|old|teen|teenager|grandson|granddaughter|niece|nephew)\s"
    r"(?:has\s|have\s|is\s|was\s)?(?:gone|went|been|is|run)\s?(?:off\s)?missing\b",
    # self-harm, unless it names a service or a course about it
    # a topic, not a disclosure: "a session on supporting teenagers who self harm"
    r"(?<!teenagers who )(?<!young people who )(?<!children who )(?<!kids who )(?<!pupils who )"
    r"(?<!students who )(?<!people who )(?<!teens who )(?<!those who )(?<!anyone who )"
    r"(?<!a session on )(?<!sessions on )(?<!training on )(?<!a talk on )(?<!workshop on )"
    r"(?<!course on )(?<!awareness of )"
    r"\b(?:s[ue]lf|slef) ?harm\w*(?! (?:support|group|groups|service|services|team|training|"
    r"policy|awareness|clinic|nurse|course|leaflet|leaflets|workshop|session|sessions|charity|"
    r"pathway|project|worker|workers|lead|app|website|advice|resources))",
    r"\bsu+i+c+i?dal\b",
    r"\b(?:commit|committed|committing|attempt|attempted|attempting|thinking about|thoughts of|"
    r"think about|considering|tried|try) su+i+c+i?d\w*",
    r"\b(?:not|do not feel|does not feel|never feel|is not|am not|are not|feel un|never) ?safe"
    r" (?:at home|in my home|in the house|with (?:my|him|her|them|dad|mum)|around (?:him|her|"
    r"them|my))\b",
]
_CRISIS = PatternSet(_PATTERNS)

# Figures of speech that look like danger words but are not.
_FIGURES = [
    r"\b(?:it|this|that|the \w+|form|forms|wait|waiting|paperwork|process|list|traffic|heat)"
    r" (?:is|are|was) (?:literally )?killing (?:me|us)\b",
    r"\bmurder (?:a|for a) (?:coffee|tea|brew|drink|pint|biscuit|cake|pizza)\b",
    r"\bdying (?:to|for)\b",
    r"\b(?:sick|bored|tired|fed up) to death\b",
    r"\b(?:die|dying|died|dead) (?:of|from) (?:boredom|embarrassment|laughter|laughing|shame|"
    r"cringe|excitement|the heat|heat|hunger|old age|suspense)\b",
    # wanting something very much: "i would die for a lie in", "id die for some peace"
    r"\b(?:would|could) (?:literally |honestly |actually )?die for (?:a|an|some|one|another|"
    r"more|just|my|our|him|her|them|you)\b",
    # jumping for fun, for sport or in films: "wants to be a stuntman and jump off buildings"
    r"\b(?:stunt\w*|parkour|free ?runn\w*|trampolin\w*|bungee|skydiv\w*|diving boards?)"
    r"(?: [a-z]+){0,6}? jump\w* (?:off|from|out of)(?: [a-z]+){0,3}",
    r"\bjump\w* (?:off|from|out of)(?: [a-z]+){0,3}? (?:in|for|on) (?:films?|movies?|the "
    r"films|the movies|tv|telly|stunts?|video games?|games?|minecraft|fortnite)\b",
    r"\bwhen (?:he|she|i|they|we) (?:grows?|grow) up\b",
    # films, shows and games: "the bit where the monster kills everyone"
    r"\b(?:stranger things|film|movie|show|series|episode|game|cartoon|anime|netflix|telly|"
    r"youtube|video|book|the bit where)\b(?: [a-z]+){0,8}? (?:kills?|killed|killing|dies|died|"
    r"murders?|shoots?|stabs?)\b(?: [a-z]+){0,2}",
    # afraid to own up to schoolwork or not understanding, not to a danger: "too scared to tell
    # my teacher i can not keep up"
    r"\b(?:scared|afraid|nervous|worried|frightened|embarrassed|ashamed) to (?:tell|ask|admit"
    r"(?: to)?)(?: [a-z]+){0,3}? (?:that )?i (?:do not (?:understand|get it|get what|know "
    r"how|know what)|can not (?:read|spell|write|do the|keep up|understand|see the|hear the|"
    r"follow)|failed|did not (?:do|finish|understand|get)|have not (?:done|finished)|forgot|"
    r"lost my|need (?:help|extra help|more time))",
    r"\bto die for\b|\b(?:would|could|i d) (?:literally )?die for (?:a|an|some|one|another)\b",
    r"\bwaste of (?:my|our|your|his|her) (?:life|time|day|evening|morning)\b",
    # "maths homework makes me want to die lol jk": a school subject and a joke marker
    r"\b(?:homework|maths|math|english|science|spellings?|revision|exams?|tests?|school work|"
    r"schoolwork|this (?:form|song|app|website|lesson|class|bus)|traffic|pe|cringe)\b"
    r"(?: [a-z]+){0,2} (?:makes?|made|making) me (?:want to|wanna) (?:die|kms|kill myself)\b"
    r"(?= (?:lol|lmao|haha|jk|just kidding|only joking))",
    r"\boverdose (?:on|of) (?:coffee|caffeine|chocolate|sugar|sweets|tea|biscuits|cake|netflix|tv|"
    r"paperwork|e numbers|fizzy drinks|haribo|screen time)\b",
    # overdoses as someone's work: "I'm a nurse, I deal with overdoses in A&E"
    r"\b(?:deal|deals|dealing|treat|treats|treating|see|sees|seeing|nurse|nursing|manage|"
    r"managing) (?:with )?(?:a lot of |lots of |loads of |many )?overdoses?\b",
    r"\b(?:sugar|caffeine|chocolate|sweets?|carb|carbs|coffee|haribo|candy|cake|screen time|"
    r"netflix|e number|e numbers|fizzy drink|energy drink) overdose\b",
    r"\boverdose (?:warnings?|risks?|information|info|advice|leaflets?|labels?|training|"
    r"awareness|policy|policies|guidance|kits?|prevention|limits?|instructions|section|page|"
    r"helpline|line)\b",
    # a device, not a person: "my phone is about to die", "laptop battery dying"
    r"\b(?:phone|phones|battery|batteries|laptop|tablet|ipad|chromebook|computer|pc|car|"
    r"charger|torch|headphones|airpods|wifi|internet|signal|plant|plants|hamster|goldfish|fish)"
    r"(?: battery)?(?: is| was| has| will| keeps| just| literally)?(?: about to| going to| gonna|"
    r" nearly| almost| on the verge of)? (?:die|dying|died|dead|run out|running out)\b",
    r"\b(?:die|dying|died) on (?:this|that) hill\b",
    # soft things in play: "he hit me with a pillow lol"
    r"\b(?:hit|hits|hitting|whacked|smacked|threw|throws|throwing) (?:me|him|her|us|them) with "
    r"(?:a|the|his|her|my|their|some) (?:pillow|pillows|cushion|cushions|balloon|sock|socks|teddy|"
    r"soft toy|toy|nerf \w+|foam \w+|snowball|snowballs|water balloon|paper|rolled up \w+)\b",
    # overdose as a safety check: "no risk of overdose with the new dose"
    r"\bno (?:risk|chance|danger) of (?:[a-z]+ )?overdos\w*|\b(?:to avoid|to prevent|avoids|"
    r"prevents|avoiding|preventing) (?:[a-z]+ )?overdos\w*",
    # cutting a service, not a body: "the school cutting his hours"
    r"\b(?:cut|cuts|cutting)(?: down)? (?:his|her|my|our|their|the|your) (?:hours|timetable|"
    r"school day|day|days|funding|budget|support|hair|fringe|nails|toenails|grass|hedge|food|meat|"
    r"sandwich|sandwiches|toast|lessons|sessions|class|classes|time|costs|transport|respite|"
    r"package|provision|help|place|taxi|bus|hours down)\b",
    # a support plan being written, not a plan to die: "before my plan is written"
    r"\b(?:my|his|her|their|our|the|a|an|your) (?:support |care |learning |education |ehc |"
    r"ehcp |individual |pathway |transition |health |annual |new |draft |final )?plan (?:is |was |"
    r"being |gets |got |will be |to be |has been |is being |was being )?(?:written|drawn up|"
    r"made|done|finished|agreed|reviewed|updated|changed|sent|signed|finalised)\b",
    # pressing things, not people: "I'll hit the link later", "hit reply"
    r"\b(?:hit|hits|hitting) (?:the |that |this |a )?(?:link|links|button|buttons|like|likes|"
    r"subscribe|reply|send|submit|enter|refresh|snooze|play|pause|record|road|shops|gym|pool|"
    r"beach|hay|sack|jackpot|target|ground running|deadline|wall|brick wall|books)\b",
    r"\b(?:where|when) (?:dreams|hope|hopes|joy|fun|fashion|ambition) (?:go|goes|went) to die\b",
    r"\b(?:budget|funding|transport|service|services|council|staff|staffing|nhs|school|send|"
    r"benefit|benefits|bus|spending|government) cuts\b|\bcuts to (?:the |our |his |her )?"
    r"(?:budget|funding|transport|services?|buses|staff|support|send)\b",
    r"\bkill for\b",
    r"\bkilling it\b",
    # a parent's everyday sanction: "threatening to take my phone if i dont do my homework"
    r"\bthreat\w* (?:to|that (?:she|he|they) will|that (?:she|he|they) ll) (?:take|confiscate|ban|"
    r"turn off|switch off|unplug|cancel|ground me|stop|sell|take away|hide|change the wifi)\b(?: "
    r"[a-z]+){0,3} (?:phone|xbox|ps5|playstation|switch|ipad|tablet|laptop|wifi|internet|pocket "
    r"money|tv|telly|game|games|console|screen time|pc|computer|password)\b",
    # heat or cold, not a wish to die: "so hot on the bus i feel like im gonna die"
    r"\b(?:so hot|too hot|boiling|roasting|sweltering|the heat|heatwave|freezing|so cold|too "
    r"cold)\b(?: [a-z]+){0,8} (?:going to|gonna) die\b|\b(?:going to|gonna) die\b(?: [a-z]+){0,6}"
    r" (?:heat|hot|boiling|roasting|cold|freezing|air con|aircon|air conditioning)\b",
    # knives for cooking: "knife skills in food tech", "not allowed to use knives in cookery"
    r"\b(?:cooking|cookery|chopping|food tech|food technology|baking|chef|chefs|recipe|recipes|"
    r"knife skills|vegetables|veg|bread|toast|butter|cake|pizza|apple|sandwich)\b"
    r"(?: [a-z]+){0,8} (?:knife|knives)\b|\b(?:knife|knives)\b"
    r"(?: [a-z]+){0,8}? (?:cooking|cookery|chopping|food tech|food technology|baking|chef|chefs|"
    r"recipe|recipes|skills|vegetables|veg|butter|bread|sandwich|sandwiches|fork|forks)\b",
    r"\bdead (?:tired|good|easy|nice|excited|keen|beat|chuffed|proud|lucky|busy)\b",
    r"\bdead on (?:my|his|her|our|their|your) feet\b|\bdead to the world\b",
    r"\b(?:bored|scared|worried|frightened) to death\b",
    r"\bwill kill me if\b",
    # told off for something small: "teachers are gonna kill me when they find out i skipped pe"
    r"\b(?:will|going to|would) kill (?:me|us)\b(?: [a-z]+){0,6} (?:skipped|skipping|skived|"
    r"skiving|bunked|bunking|missed|forgot|forgotten|lost|spilt|spilled|spent|failed|dyed|late)\b",
    r"\bgoing to kill me if\b",
    r"\bdo not run away\b",
    r"\babus\w* (?:the|their|its|his|her|this) (?:system|power|position|process|policy|rules|"
    r"trust|exclusion)",
    r"\bviolent (?:video )?games?\b",
    # a threat to a brother or sister over something small: "I'll kill him if he eats my crisps"
    r"\b(?:kill|murder|strangle|throttle) (?:my \w+|him|her|them)(?: [a-z]+){0,2} (?:if |because |"
    r"cos |for )?(?:he|she|they) (?:\w+ )?(?:eats?|ate|takes?|took|touches|touched|uses?|used|"
    r"borrows?|wears?|breaks?|steals?|nicks?|drinks?|finish\w*|reads?|sits?|hogs?|moves?|loses?|spoils?|tells?)"
    r"\b",
    r"\bkill(?:ed|ing|s)? (?:my|him|her|them|our) ?sel(?:f|ves) (?:laughing|with laughter)\b",
    r"\b(?:laughing|laughed|laugh) (?:my|his|her) head off\b",
    r"\bsuicide (?:mission|squad)\b",
    r"\b(?:end|ends) of (?:my|our|his|her|their|the) (?:rope|tether)\b",
    # a parent's threat about chores or being late: "if I don't tidy my room she'll kill me"
    # (only the threat is the figure: "if someone finds out i self harm" before it is not)
    r"\b(?:if|when|unless)\b(?: [a-z]+){0,8} (?P<core>(?:going to|will|gonna|is going to|would) "
    r"(?:kill|murder|ground) (?:me|him|her|us))\b",
    # worry about a service, a plan or a move, not about anyone's safety
    r"\b(?:terrified|scared|worried|afraid|frightened|anxious|nervous|dreading|panicking)"
    r"(?: [a-z]+){0,4}? (?:the |his |her |my |their |our |this |that )?(?:plan|plans|move|"
    r"college|school|secondary|transition|review|annual review|meeting|tribunal|council|ehcp|"
    r"assessment|exam|exams|future|next year|forms?|paperwork|waiting list|appointment|"
    r"placement|funding|transport|support)\b",
    r"\b(?:kill|killing|killed|kills|shoot|shooting|shot|blow|blowing|blew) (?:up )?(?:the )?"
    r"(?:zombies|mobs|monsters|enemies|creepers|aliens|baddies|bosses|dragons|things up)\b",
]
_FIGURES += [
    r"\b(?:will|ll|is going to|gonna) be the death of (?:me|us|her|him)\b",
    r"\bjump(?:ing|ed|s)? (?:off|from) (?:a |the |my |his |her )?(?:wall|walls|sofa|couch|bed|"
    r"trampoline|swings?|slide|diving board|climbing frame|stairs|steps?|table|chair|bunk bed)\b",
]
_FIGURE = PatternSet(_FIGURES)


# Worries that always deserve a check-in ("are you safe right now?") but are not danger on
# their own: a head "not in a good place", home life that is "complicated".
_WORRIES = [
    r"\b(?:do not|dont|don't) want to (?:go on|carry on|keep going)\b",
    r"\bhad enough(?: of (?:it all|all of it|everything|all this|life|living))\b",
    r"\bhad enough\W+of (?:it all|all of it|everything)\b",
    r"\b(?:can not|cant|can't|cannot) see a way (?:through|out|forward|past this)\b",
    r"\b(?:head|heads|mind|i am|im|he is|she is|we are) (?:is |are )?(?:not|never) (?:in )?(?:a )?"
    r"(?:good|great|nice|safe|ok|okay) place\b",
    r"\b(?:things|stuff|it|life|everything) (?:at|in) (?:my |our )?home (?:is|are|has been|have "
    r"been|got|gets|is getting) (?:really |very |so |a bit |quite )?(?:complicated|difficult|hard|"
    r"bad|not good|not great|not ok|not okay|scary|a mess|messy|horrible|awful|tough|rough|"
    r"worse)\b",
    r"\b(?:home|at home) (?:is|feels) (?:not safe|scary|horrible|awful|hell)\b",
    r"\b(?:i am|im) (?:really |just |so |honestly |still )?not (?:ok|okay|alright|all right|"
    r"doing (?:ok|okay|well|great|good))\b(?! (?:with|about|that(?! is it\b| s it\b| is all\b)|if|"
    r"for|to(?! be honest)))",
    r"\b(?:i am|im|i might be|i may be|i could be|think i am|think im|think i might be|i feel) "
    r"(?:so |really |very |a bit |quite |properly )?(?:depressed|suicidal)\b",
    r"\b(?:i have|ive got|i got|diagnosed with) (?:bad |severe |really bad )?depression\b",
    # "going to do it now", said on its own: what "it" is goes unsaid
    r"^(?:i am |im |i )?(?:going to|gonna|about to|ready to) (?:just )?do it(?: now| tonight| "
    r"today)?$",
    r"^(?:i will|i ll|ill) (?:just )?do it (?:now|tonight)$",
    # picked on every day, and not wanting to go back
    r"\b(?:horrible|mean|nasty|awful|cruel|picking on|pick on|bully|bullying|bullied)\b(?: [a-z]+)"
    r"{0,3} (?:every day|every single day|all the time|constantly)\b(?: [a-z]+){0,6} (?:do not|"
    r"dont|never) (?:want to|wanna) go (?:back|in|to school|to college)\b",
    r"\b(?:no one|nobody|noone) (?:at school |at college |in my class |in my year )?(?:talks|"
    r"speaks|plays|sits|hangs out) (?:to|with) me\b",
    r"\b(?:sit|hide|eat|spend lunch) (?:on my own |alone )?in the (?:toilets|loos)\b",
    r"\b(?:can not|cannot|not|have not been able to|unable to|stopped) (?:eat|eating|sleep|"
    r"sleeping) (?:or|and|nor) (?:eat|eating|sleep|sleeping)\b",
    # lonely all the time, even when looking for people to meet
    r"\b(?:feel|feeling|i am|im|am) (?:so |really |very |completely |totally )?(?:alone|lonely|"
    r"isolated) (?:all the time|every day|every single day|constantly|most days|always|every "
    r"night)\b|\b(?:always|constantly) (?:feel |feeling )?(?:so )?(?:alone|lonely)\b",
    # blaming oneself for everything: "i mess everything up", "i ruin everything"
    r"\bi (?:always |just )?(?:mess|screw|muck|fuck) (?:everything|it all|things) up\b|\bi "
    r"(?:always |just )?(?:ruin|wreck|spoil) everything\b",
    # a life that has gone on too long: "15 years too many"
    r"\b\d+ years? too (?:many|long)\b|\b(?:been|lived|alive|here) (?:too long|long enough)\b"
    r"(?! (?:for|to|in|at|on)\b)",
    # giving away what they love, a warning sign: "she's given away her favourite things"
    r"\b(?:given|giving|gave|gives) away (?:all )?(?:of )?(?:her|his|my|their) (?:favourite |fave |"
    r"best |precious |special )?(?:things|stuff|belongings|possessions|games|toys|clothes|books|"
    r"teddies|teddy|pets?)\b",
    # a child or pupil withdrawn and losing weight, as a professional or parent sees it
    r"\bwithdrawn\b(?: [a-z]+){0,6} (?:lost weight|lost a lot of weight|losing weight|not eating|"
    r"stopped eating|bruises|bruised)\b|\b(?:lost weight|losing weight|not eating)\b(?: [a-z]+)"
    r"{0,6} withdrawn\b",
    # not caring what happens to oneself
    r"\b(?:does not|doesnt|do not|dont) (?:really )?matter what happens to me\b|\b(?:no one|"
    r"nobody|noone) (?:would|will) (?:care|notice) if i\b",
    # belonging nowhere: "i feel like i dont belong anywhere"
    r"\b(?:i|he|she) (?:do not|does not|dont|doesnt|never|will never) (?:really )?(?:belong|fit in)"
    r" (?:anywhere|at all|in this world|in this family|with anyone)\b",
    # giving up on everything, said of oneself: "i give up on everything"
    r"\b(?:i|i have|ive|i am|im|i just|i have just)(?: just)? (?:give|given|giving|gave) up on "
    r"(?:everything|life|living|myself|my self|me|it all|all of it|the world)\b",
    # a child who has stopped eating ("not eating school dinners" is about the food)
    r"\b(?:stopped|has stopped|have stopped|barely|hardly|is barely|is hardly) eating\b"
    r"(?! (?:school|the|his|her|their|at school|in (?:the )?(?:hall|canteen|dining)|lunch|"
    r"dinner|breakfast|veg\w*|fruit|meat|bread|gluten|dairy|sweets|crisps|meals at)\b)",
    r"\b(?:nothing|not like anything|like nothing) (?:really |even )?matters(?: any ?more)?\b"
    r"(?! to(?! be honest))",
    r"\b(?:he|she|they|my \w+(?: \d{1,2})?) (?:has |have )?(?:started |keeps |keep |been )?"
    r"(?:talking|talks|talk|going on|goes on|drawing|draws|writing|writes) (?:a lot )?about "
    r"(?:death|dying|being dead|not being here|wanting to die|killing (?:himself|herself|"
    r"themselves)|not wanting to (?:live|be here|be alive|be around|wake up|exist))\b",
    # struggling, said of oneself and nothing more: "struggling a lot tbh", "im really struggling"
    r"^(?:(?:i am|im|i m|been|i have been|ive been|honestly|tbh|to be honest|just|really|so|"
    r"young person|a parent|parent|yeah|yes|ok|i guess|lol)\s)*struggling(?:\s(?:a lot|so much|"
    r"loads|really|badly|really bad|big time|massively|with everything|atm|right now|at the "
    r"moment|lately|tbh|to be honest|lol|tho|though|honestly|if i am honest|not gonna lie|ngl))*$",
    # no help thought possible: "i dont think anything can help me"
    r"\b(?:do not|dont) (?:think|reckon|believe) (?:anything|anyone|any one|anybody|nothing|"
    r"you|this|they|people) (?:can|could|will|is going to|would) (?:ever )?(?:help|fix|change) "
    r"(?:me|how i feel|things for me)\b",
    # done with everything: "so done with everything", "im done with life"
    r"\b(?:so |just |completely |totally |proper )?done with (?:everything|it all|all of it|life|"
    r"living|the world|everyone|myself)\b(?! (?:now|for (?:today|the day|tonight|this week)))",
    # a feeling of emptiness that does not lift: "is it normal to feel numb all the time"
    r"\b(?:feel|feels|feeling|felt) (?:so |really |very |just |completely )?(?:numb|empty|hopeless|"
    r"worthless|invisible|dead inside) (?:all the time|every day|constantly|most days|all day|"
    r"every single day|inside)\b",
    # "i'm falling apart", "feel like i am falling to pieces"
    r"\b(?:i am|im|i feel|feeling|i have been|ive been|been)(?: like i am| like im)? (?:honestly |"
    r"just |really |totally |completely )?(?:falling apart|falling to pieces|breaking down|"
    r"cracking up|coming apart)\b",
    # voices no one else hears (not the peer groups of that name)
    r"\b(?:hearing|hear|heard|hears) (?:voices|a voice|things that are not there)\b(?! (?:group|"
    r"groups|network|meeting|meetings|course|training|project|service))",
    # thoughts said as dark without saying what: "having dark thoughts again"
    r"\b(?:having|had|have|get|getting|got|been having|keep having|been getting) (?:really |more "
    r"|some |these |the )?(?:bad|dark|horrible|scary|nasty|intrusive|awful|weird|evil|wrong) "
    r"thoughts\b(?! (?:about|on) (?:the|his|her|their|this|that|our|school|college|council|it)\b)",
    # hopeless about any help, for oneself: "nothing will ever help me"
    r"\b(?:nothing|none of (?:this|it|that)|no one|nobody)(?: is| will| can| could)?(?: ever)?"
    r"(?: going to| gonna)? (?:help|helps|fix|fixes) me(?: any ?more| ever| now)?"
    r"(?= nothing| no one| nobody| i | ever| at all|$)",
    r"\b(?:can not|cannot|cant) (?:keep|carry) (?:going|on)(?: on)? like this\b",
    r"\b(?:do not|dont) (?:really |even )?want to (?:be|exist) (?:anywhere|around|alive|here any ?"
    r"more)\b",
    r"\b(?:barely|only just|just about|hardly|struggling to keep|can not keep|cant keep) "
    r"(?:holding|hold|keeping|keep) (?:it|myself|things|everything) (?:all )?together\b",
    r"\bworth (?:carrying on|going on|living|being here)\b(?: [a-z]+){0,4} (?:or anything|with "
    r"anything|any more|anymore)\b",
    r"\b(?:what is|whats) (?:even )?the point (?:of|in) (?:me|my life|living|being alive|being "
    r"here|going on|carrying on|anything|trying any more|trying anymore)\b",
    r"\bi (?:really )?(?:hate|cant stand|can not stand) (?:me|myself|my self|my life|being me|"
    r"who i am|everything about me)\b",
    # low mood said plainly, of oneself: "been really down lately", "sad all the time"
    # ("a bit down today" is an everyday feeling: the model judges it)
    r"(?:^|\bi have |\bive |\bi |\bim |\bi am )(?:been|feel|feeling|felt) (?:really |so |very "
    r"|proper |pretty |a bit (?!\w+ (?:today|tonight|this (?:morning|afternoon|evening|week))\b)|"
    r"quite |just )?(?:down|low|empty|numb|invisible|worthless|hopeless|"
    r"miserable)\b(?! about (?:his|her|their|the|my|our|this|that)\b)",
    r"^(?:(?:i am|im|i feel|feeling|always|just) )?(?:sad|down|low|miserable|empty) (?:all the "
    r"time|every day|constantly|most days|lately)\b",
    r"\b(?:i|he|she) (?:cry|cries|keep crying|keeps crying|have been crying|has been crying|"
    r"been crying)(?: (?:myself|himself|herself) to sleep)? (?:every night|every day|all the "
    r"time|most nights|most days|constantly|every morning)\b",
    r"\b(?:do not|dont|can not|cant|cannot) (?:really )?see (?:a|any) future\b|\bno future "
    r"for me\b",
    r"\b(?:can not|cant|cannot) (?:do|take|cope with|handle|face) (?:this|it|any of (?:this|it)|"
    r"this life|life|things) any ?more\b",
    r"\b(?:struggling|not coping|can not cope|barely coping) (?:at all|so much|really|right "
    r"now|at the moment)?\b(?: [a-z]+){0,3} (?:with|in) (?:my )?(?:head|life|everything)\b",
    # a child who says he should be thrown away, or is bad, every night
    r"\b(?:should|wants? to|ought to|deserves? to) be (?:put )?(?:in the bin|thrown away|binned|"
    r"got rid of)\b",
    r"\b(?:he|she|they|my \w+) (?:says|keeps saying|said|tells me|cries)\b.*\b(?:i am|im|he is|"
    r"she is) (?:stupid|bad|useless|worthless|horrible|evil|a bad (?:boy|girl|person))\b.*\b"
    r"(?:every (?:night|day|morning)|all the time|constantly)\b",
    # tired of being alive, said plainly: "tired of existing honestly"
    r"\b(?:tired|sick|exhausted|fed up|done) (?:of|with) (?:existing|being me|being here|being "
    r"alive|breathing|waking up)\b",
    # not in a good place, said with no one named: "young person. not in a good place rn tbh"
    r"(?<!is )(?<!are )(?<!was )(?<!were )(?<!be )(?<!s )"
    r"\bnot (?:in )?(?:a )?(?:good|great|nice|safe|ok|okay) (?:place|headspace|head space|way)\b"
    r"(?! (?:for|to|if)\b)",
    # hopeless about one's own life getting better: "nothing ever gets better for people like me"
    r"\b(?:nothing|it|things|life|anything)(?: ever| will ever| is ever| is never)? (?:gets?|will "
    r"get|is going to get|going to get|is getting|never gets|will never get|is never going to "
    r"get|never get) (?:any )?better (?:for (?:me|people like me|someone like me|the likes of "
    r"me)\b|$)",
    # lonely enough to hurt: "im so lonely it actually hurts"
    r"\b(?:lonely|alone|isolated)\b(?: [a-z]+){0,2} (?:it|that it) (?:actually |really |"
    r"physically |literally |properly )?(?:hurts|aches|is unbearable|kills me)\b",
    # one's own mental health said to be very bad: "my mental health is really bad"
    r"\bmy mental health (?:is|has been|has got|got|is getting|s) (?:really |so |very |pretty |"
    r"super |proper |at its )?(?:bad|low|poor|awful|terrible|rubbish|shit|crap|worse|lowest|"
    r"worst|in bits|a mess)\b",
    # a child who wishes he had never been born
    r"\b(?:wishes|wish|wished) (?:that )?(?:he|she|they|i) (?:was|were|had) never (?:been )?born\b",
    # panic attacks that keep coming or frighten: "had a panic attack in the toilets and couldnt
    # breathe for ages, scared it happens again" (not one told as over: "last term, im fine")
    r"(?:^|\b(?:i|i have|ive|i had|i keep|i get|i am|im|been|keep) )(?:been )?(?:having |had |"
    r"getting |get )?(?:a |another |loads of |lots of |so many |really bad |bad )?panic attacks?\b"
    r"(?=.*\b(?:could not breathe|can not breathe|couldnt breathe|cant breathe|scared|terrified|"
    r"every day|every morning|every night|all the time|going crazy|going mad|losing control|"
    r"can not cope|cant cope)\b)(?!.*\b(?:last (?:term|year|month)|years ago|fine now)\b)",
    # calling oneself broken or a burden, even in jest: "a broken one lol", "im just a burden"
    r"\b(?:i am|im|i feel|i feel like|feel like|i m|me|myself)(?: just| so| really| such| totally|"
    r" completely)? (?:a |so |really |just )?(?:broken|damaged|a burden|a waste of space|a "
    r"waste of (?:time|oxygen|air)|a lost cause|beyond help)\b(?! (?:leg|arm|wrist|ankle|toe|"
    r"finger|phone|laptop|chair|wheelchair|glasses|bone|nose|tooth|screen|record|promise))",
    r"\b(?:young person|the kid|the child|the pupil|a kid|a teen|teenager|student)\b(?: [a-z]+)"
    r"{0,3} (?:a )?(?:broken|damaged) one\b",
    # an adult at home or near a child who acts strangely with them, told vaguely: "my step dad
    # is kinda weird with me", "he makes me feel uncomfortable when mum is out"
    r"\b(?:step ?dad|step ?mum|stepfather|stepmother|step brother|stepbrother|uncle|dad|mum|"
    r"brother|cousin|grandad|lodger|mums (?:boyfriend|partner|friend)|dads (?:girlfriend|"
    r"partner|friend)|(?:a |an |the |my |our )?(?:teacher|coach|driver|escort|neighbour|tutor|"
    r"man|guy|carer|worker))\b(?: [a-z]+){0,2} (?:is|acts|gets|goes|has been|keeps being|can be)"
    r" (?:kind of |kinda |a bit |really |so |quite |very |sort of |proper )?(?:weird|creepy|"
    r"strange|funny|odd|too close|too friendly|touchy) (?:with|around|towards|to) (?:me|him|her|"
    r"my (?:son|daughter|child|sister|brother))\b",
    r"\b(?:he|she|they|step ?dad|uncle|dad|lodger|brother|cousin|grandad|teacher|coach|driver|"
    r"man)\b(?: [a-z]+){0,2} (?:makes|made|is making) (?:me|him|her) (?:feel )?(?:really |so |"
    r"a bit |kind of |kinda )?(?:uncomfortable|uneasy|scared|creeped out|weird)\b(?! (?:in|at) "
    r"(?:class|lessons?|school|college|pe|the lesson)\b)",
]
_WORRY = PatternSet(_WORRIES)
# Feeling low and alone at once ("no idea who i can talk to and i feel awful") is always
# asked about; either on its own may be about a service ("i do not know who to talk to about
# his plan").
_FEELING_LOW = re.compile(
    r"\b(?:feel|feels|feeling|felt|i am|im|am) (?:so |really |very |proper |just |pretty "
    r"|quite |a bit |well )?(?:rubbish|awful|terrible|crap|crappy|horrible|low|down|empty|"
    r"worthless|numb|hopeless|useless|alone|lonely|invisible|sad all the time|like nothing|"
    r"like no one cares|like nobody cares|like a burden)\b"
)
_ALONE = re.compile(
    r"\b(?:(?:do not|no idea|not sure|never know) (?:know )?who (?:to|i can|i could|i should) "
    r"(?:talk|speak|turn|go) to|(?:no one|nobody|no body|noone) (?:to talk to|i can talk to|to "
    r"turn to|listens|cares|gets it|understands me|to help me)|got no one|have no one|have "
    r"nobody|got nobody)\b"
)


# Very lonely ("i feel so alone since we moved here") is asked about, unless the message is
# looking for people to meet, which the routes answer ("any groups? i feel very alone").
_LONELY = re.compile(
    r"\b(?:feel|feeling|felt|i am|im) (?:so|really|very|completely|totally|all) (?:alone|lonely|"
    r"isolated)\b"
)
_SEEKING_PEERS = re.compile(
    r"\b(?:groups?|meet|meeting|other parents|other people|others like|clubs?|join|coffee "
    r"mornings?)\b"
)


def is_worry(normalised: str) -> bool:
    """True when the message holds a worry that is always asked about (a check-in)."""
    if _fires(_WORRY, normalised):
        return True
    if _fires(_LONELY, normalised) and _SEEKING_PEERS.search(normalised) is None:
        return True
    return _fires(_FEELING_LOW, normalised) and _fires(_ALONE, normalised)


# A feeling that is mild and has an end: "a bit down today", "bit low this morning". The model
# must be as sure as with a figure of speech before it asks "are you safe?".
_MILD = re.compile(
    r"\b(?:a bit|a little|slightly|bit|a tad) (?:down|low|sad|upset|fed up|gutted|flat|emotional|"
    r"deflated|blue|meh)\b(?: [a-z]+){0,2}? (?:today|tonight|this (?:morning|afternoon|evening|"
    r"week))\b"
    # "a bit down after parents evening but the teacher was kind": a reason, and it passed
    r"|\b(?:a bit|a little|slightly) (?:down|low|sad|upset|flat|deflated)\b(?: [a-z]+){0,5} but "
    r"(?:it|the|she|he|they|we|i|that)\b(?: [a-z]+){0,4} (?:kind|fine|ok|okay|better|good|great|"
    r"lovely|helpful|sorted|alright)\b"
)


def mild_feeling(normalised: str) -> bool:
    """True when the message says a feeling is mild and for now ("a bit down today")."""
    return _MILD.search(normalised) is not None


# What happened is over and the person is safe: "he's fine now and home with me".
_SETTLED_NOW = re.compile(
    r"\b(?:he is|she is|they are|we are|i am|everyone is|all|both are|he s|she s)(?: doing)?"
    r"(?: (?:so|much|a lot|loads|way|far))? (?:fine|ok|"
    r"okay|safe|alright|all right|better|settled|home|back home)(?: and (?:home|back home|safe|"
    r"fine|ok|settled)(?: with (?:me|us))?)? now\b|\b(?:he is|she is|they are) (?:fine|ok|okay|"
    r"safe|alright) now and\b"
)


def settled_now(normalised: str) -> bool:
    """True when the message says the person is fine and safe now: the model must be as sure
    as with a figure of speech."""
    return _SETTLED_NOW.search(normalised) is not None


def raises_the_bar(normalised: str) -> bool:
    """A figure of speech, a mild feeling or a story that ends safe: the model must be as sure
    as with a figure of speech before it raises an alarm."""
    return figure_of_speech(normalised) or mild_feeling(normalised) or settled_now(normalised)


def figure_of_speech(normalised: str) -> bool:
    """True when the message holds a known figure of speech ("this wait is killing me")."""
    return _FIGURE.search(normalised) is not None


def _fires(pattern: re.Pattern[str] | PatternSet, normalised: str) -> bool:
    """Does ``pattern`` match outside every figure of speech?"""
    figures: list[tuple[int, int]] | None = None
    for found in pattern.finditer(normalised):
        if figures is None:  # a figure's "core", where it names one, is the figure itself
            figures = [
                figure.span("core") if "core" in figure.re.groupindex else figure.span()
                for figure in _FIGURE.finditer(normalised)
            ]
        start, end = found.span()
        if any(start < f_end and f_start < end for f_start, f_end in figures):
            continue
        return True
    return False


# A medical emergency happening now, to someone with the writer: call 999 for an ambulance.
_MEDICAL = re.compile(
    r"\b(?:he|she|they|it|baby|my \w+|our \w+|the \w+)(?: is| has| have| was| keeps)?(?: just)?"
    r" (?:not breathing|stopped breathing|stopping breathing|struggling to breathe|can not breathe"
    r"|going blue|gone blue|turned blue|turning blue|unconscious|unresponsive|not responding|"
    r"not waking up|will not wake up|can not wake (?:him|her|them))\b"
    # a rash that does not fade under a glass (meningitis); floppy and not feeding
    r"|\brash\b(?: [a-z]+){0,4} (?:does not|doesnt|will not|wont|did not|didnt|not) (?:fade|go|"
    r"disappear|change)\b(?: [a-z]+){0,6} (?:glass|press|pressed|pressing|tumbler)"
    r"|\b(?:glass|tumbler) (?:test|on (?:it|the rash))\b(?: [a-z]+){0,4} (?:does not|doesnt|not|"
    r"still) (?:fade|there|showing)"
    r"|\b(?:really |very |so |all )?floppy\b(?: and| [a-z]+){0,3} (?:will not|wont|not|is not|"
    r"isnt) (?:feed|feeding|eating|drinking|waking|wake|respond|responding)\b"
    # a baby or child gone floppy or blue round the lips: "she's gone floppy and a bit blue"
    r"|\b(?:gone|going|went|suddenly|all|is all|gone all|just gone) floppy\b"
    r"|\bblue (?:round|around|on|at) (?:the |his |her |their )?(?:lips|mouth)\b"
    r"|\b(?:lips|mouth) (?:\w+ ){0,2}(?:going|gone|turned|turning|are|is|look|looks) (?:a bit |"
    r"really |so |very |all |kind of |kinda )?(?:blue|grey|gray|purple)\b"
    # sick with blood in it: "ive been sick with blood in it 3 times today"
    r"|\b(?:sick|vomit|vomiting|vomited|throwing up|threw up|thrown up|coughing|coughed|coughing "
    r"up|coughed up|puking|puked)\b(?: up)? (?:with |up |some |loads of |lots of )?(?:blood|"
    r"bloody)\b(?! (?:test|tests|sugar|pressure|results?|form|forms)\b)"
    r"|\bblood in (?:it|his sick|her sick|my sick|the sick|the vomit|his vomit|her vomit|my "
    r"vomit)\b(?!.*\b(?:last (?:year|month|week)|years ago|months ago)\b)"
    r"|\b(?:lips|face|skin) (?:is |are )?(?:going|gone|turned|turning|look|looks|looking|are|is)"
    r" (?:a bit |really |so |very )?(?:blue|grey|gray)\b"
    # a child who "is blue" with a fit or a breathing word near: "my son have fit ... he is blue"
    r"|\b(?:fit|fitting|seizure|choking|breathe|breathing|breath)\b(?: [a-z]+){0,8} (?:he|she|"
    r"they|baby) (?:is|are|look|looks) (?:all |really |very |so )?(?:blue|grey|gray)\b"
    r"(?! in the face)"
    r"|\b(?:he|she|they|baby) (?:is|are|look|looks) (?:all |really |very |so )?(?:blue|grey|gray)"
    r"\b(?! in the face)(?: [a-z]+){0,8} (?:fit|fitting|seizure|choking|breathe|breathing|"
    r"breath)\b"
    # a diabetic low, told in the middle of something else: "gone pale and sweaty and isn't
    # making sense, his reading says LO"
    r"|\b(?:reading|meter|monitor|libre|dexcom|sugar|sugars|levels?|bm)\b(?: [a-z]+){0,2} "
    r"(?:says|said|is|shows|showing|reads) lo\b"
    r"|\b(?:pale|sweaty|clammy|shaky)\b(?: and| [a-z]+){0,4} (?:is not|isnt|not) making sense\b"
    # an asthma attack the inhaler does not help: "the inhaler isnt working"
    r"|\b(?:inhaler|inhalers|nebuliser|nebulizer|pump|blue pump)\b(?: is| are| has| does| did)?"
    r" (?:not|stopped) (?:working|helping|work|help)\b(?! (?:properly )?(?:at school|in school|"
    r"since|for (?:weeks|months|ages)|any ?more at night))"
    r"|\b(?:he|she|they|my \w+|mum|dad|nan|grandad|grandma|baby)(?: has| have)? just "
    r"(?:collapsed|fainted|passed out)\b"
    r"|\bdiabetic\b(?: [a-z0-9.]+){0,8} (?:collapsed|not making sense|confused|unconscious|"
    r"unresponsive|fitting|will not wake|can not wake|shaking|shaky and|sweating and)"
    r"|\b(?:sugar|sugars|blood sugar|bm|levels?) (?:is|are|was|at|of)? ?(?:[0-2]\.\d|1|2)\b"
    r"(?: [a-z]+){0,5} (?:shaking|shaky|confused|dizzy|sweating|can not|not making sense|passing)"
    r"|\b(?:trachy|trachie|trache|trach|tracheostomy|trachea)(?: tube)?(?: has| is| was)? (?:come|"
    r"came|fallen|fell|pulled|popped|slipped) out\b"
    r"|\b(?:trachy|trachie|trach|tracheostomy)(?: tube)?(?: has| is)? (?:blocked|is blocked)\b"
    r"|\b(?:collapsed|fainted) and (?:will not|is not|not|can not) (?:wake|waking|breath\w*|"
    r"respond\w*|moving|move)"
    r"|\b(?:collapsed|fell|fainted|passed out|on the floor)\b(?: [a-z]+){0,6} (?:is not|not|will "
    r"not|can not|has not) (?:moving|moved|move|breathing|waking up|responding|talking)\b"
    r"(?! (?:very |so |that |too |as )?(?:well|properly|much|fast|quickly|easily|on|forward|"
    r"house|home|schools?|classes|about|around|his|her|their))"
    r"|\b(?:collapsed|fell|passed out)\b(?: [a-z]+){0,6} (?:can not|cannot|will not) wake "
    r"(?:him|her|them|my \w+|mum|dad)(?: up)?\b"
    r"|\bcan not wake (?:him|her|them|my \w+|mum|dad|nan|grandad) up\b"
    r"|\b(?:i am |im |he is |she is |it is |its )?bleeding (?:really |so |very )?(?:bad|badly|"
    r"loads|a lot|heavily|everywhere)\b|\b(?:bleeding|blood) (?:will not|wont) stop\b"
    r"|\b(?:can not|cannot) stop (?:the )?bleeding\b"
    r"|\b(?:took|taken|swallowed|necked) (?:all|loads|lots|a load|a lot|a handful|a whole \w+) "
    r"(?:of )?(?:[a-z]+ ){0,2}?(?:pills|tablets|meds|medicine|medication|"
    r"paracetamol|ibuprofen|aspirin|codeine|insulin|lithium|melatonin|antidepressants|painkillers|"
    r"prozac|ritalin|concerta|elvanse|\w+(?:oxetine|aline|alopram|azepam|apine|idone|azole|olol|"
    r"codamol|phenidate))\b(?: [a-z0-9]+){0,5} (?:feel|feeling|"
    r"i feel|am feeling) (?:really |so |very |a bit |quite |proper )?(?:weird|funny|strange|sick|"
    r"dizzy|sleepy|drowsy|faint|odd)\b"
    r"|\b(?:took|taken|swallowed|had|necked)\b(?: [a-z0-9]+){0,6} (?:pills|tablets|meds|"
    r"paracetamol|painkillers)\b(?: [a-z]+){0,5} (?:can not breathe|cannot breathe|struggling "
    r"to breathe|feel (?:weird|funny|strange|sick|dizzy)|dizzy|passing out|going to sleep)\b"
    r"|\b(?:can not breathe|cannot breathe)\b(?: [a-z]+){0,3} (?:took|taken|swallowed|had)"
    r"(?: [a-z0-9]+){0,4} (?:pills|tablets|meds|paracetamol|painkillers)\b"
    r"|\b(?:swallowed|drank|drunk|ate|eaten) (?:some |a |the )?(?:bleach|batteries|a battery|"
    r"button battery|magnets|washing tablets|dishwasher tablets|weed killer|anti ?freeze)\b"
    r"|\b(?:throat|tongue|lips|face) (?:is |are |has |keeps )?(?:swelling|swollen|closing|"
    r"going tight|tightening)(?: up)?\b"
    r"|\b(?:anaphyla\w*|allergic reaction)\b(?: [a-z]+){0,6} (?:throat|can not breathe|"
    r"swelling|swollen|epipen|epi pen)"
)


_PAST_EVENT = re.compile(
    r"\b(?:last (?:year|month|week|term|night|time|summer|christmas)|yesterday|years ago|"
    r"months ago|weeks ago|when (?:he|she|they|i) (?:was|were)|at school (?:today|on \w+day)|"
    r"in the past|used to|once|had (?:a|an|another) (?:seizure|fit))\b"
)
_SEIZURE_NOW = re.compile(
    r"\b(?:right now|still|going on|will not stop|wont stop|has not stopped|not stopping|it has "
    r"been|its been|what do i do|what should i do|help me|not coming round|not come round|"
    r"not waking|not responding|not breathing|will not wake)\b"
)
# A fit now that goes on: "having a seizure, it's been over 5 mins", "fit won't stop". Not one
# told as over ("she had a fit for 10 minutes at school and nobody rang me").
_SEIZURE = re.compile(
    r"\b(?:seizure|fit|fitting)\b(?: [a-z]+){0,8}? (?:will not stop|not "
    r"stopping|not stop|no stop|does not stop|has not stopped|(?:for )?(?:over |more than |"
    r"longer than )?(?:5|five|6|7|8|9|10|"
    r"ten|[1-5]\d) (?:minutes|mins))\b"
    r"|\b(?:is|are|am) having (?:a |another )?(?:seizure|fit|seizures|fits)\b(?: [a-z]+){0,6} "
    r"(?:right now|now|what do i do|what should i do|help|and (?:he|she|they) (?:is|are) not "
    r"(?:breathing|responding))\b"
)


# A fire now, where the writer is: the fire service.
_FIRE = re.compile(
    r"\b(?:there is|theres|there s) (?:a )?(?:fire|big fire) (?:in|at|upstairs|downstairs|"
    r"outside|next door)\b"
    r"|\b(?:house|home|flat|kitchen|room|bedroom|building|garage|hallway|stairs) (?:is |are )?"
    r"(?:on fire|burning|full of smoke)\b"
    r"|\bfire in (?:the|my|our) (?:kitchen|house|flat|home|bedroom|room|building|hallway)\b"
    r"|\bsmoke (?:is |are )?(?:everywhere|coming (?:out|from|under|in)|pouring)\b"
    r"|\b(?:i |we )?(?:can )?(?:smell|smells|smelling) (?:of )?gas\b|\bgas leak\b"
)


def is_fire(normalised: str) -> bool:
    """True when there is a fire where the writer is now: call 999 for the fire service."""
    return _FIRE.search(normalised) is not None


def is_medical_emergency(normalised: str) -> bool:
    """True when someone is having a medical emergency now ("not breathing", "going blue",
    "a fit that will not stop"): the answer is an ambulance."""
    if _MEDICAL.search(normalised) is not None:
        return True
    if _SEIZURE.search(normalised) is None:
        return False
    # "she had a fit for 10 minutes last year": told as over, unless it goes on now
    return _PAST_EVENT.search(normalised) is None or _SEIZURE_NOW.search(normalised) is not None


# Harm that is over: "he used to self harm but he is doing well now".
_PAST = re.compile(
    r"\b(?:used to|in the past|years ago|a few years back|when (?:he|she|i|they) (?:was|were) "
    r"(?:younger|little|in year \d+|\d{1,2})|back in year \d+|in year \d+|last (?:year|month|"
    r"summer|spring|autumn|winter|christmas|term)|months ago|a few months back)\b"
)
_RECOVERED = re.compile(
    r"\b(?:(?:is|am|are|was|were|been|doing|feels?|feeling) (?:so |much |a lot |really )?(?:well|"
    r"better|fine|great|good|ok|okay|happy|happier|settled|thriving)(?: now| these days)?|"
    r"in a (?:good|better) place|recovered|no longer|not any more|"
    r"(?:has not|have not|had not|hasnt|havent|not)(?: done it| hurt \w+| cut \w+)? (?:for|in) "
    r"(?:over |more than |nearly |almost |about )?(?:a|one|two|\d+) (?:year|years|month|months)|"
    r"stopped (?:now|years ago|a long time ago)|has stopped|have stopped|wants to help|"
    r"helped (?:him|her|them|me|us|my \w+)(?: so much| a lot| loads)?|thank you|thanks to|"
    r"(?:happy|keen|glad|would like|want|wanting) to help|i am \d{1,2} now|at (?:uni|university|"
    r"college) now)\b"
)


_AGAIN = re.compile(
    r"\b(?:still|again|started|restarted|back to|relapsed|tonight|today|right now)\b"
)


def harm_in_the_past(normalised: str) -> bool:
    """True when every danger wording is told as over and the writer says it is behind
    them ("she used to cut herself in year 8 but she is much better now")."""
    found = list(_CRISIS.finditer(normalised))
    if not found or _RECOVERED.search(normalised) is None or _AGAIN.search(normalised):
        return False
    return all(
        _PAST.search(normalised[max(0, m.start() - 50) : m.end() + 30]) is not None for m in found
    )


# A weapon held to or used on someone: danger whatever else the message says (no figure of
# speech about cooking or films takes it away).
_WEAPON = (
    r"(?:(?:a|the|his|her|their|my|our|this|that|some) )?(?:big |sharp |kitchen |bread |broken "
    r"|pair of )?(?:knife|knives|blade|scissors|gun|hammer|bat|machete|axe)"
)
_THREAT = re.compile(
    r"\b(?:held|holding|holds|hold|pulled|pulls|pulling|pointed|pointing|points|waved|waving|"
    rf"waves|pressed|pressing|put|puts|putting) {_WEAPON}\b(?: [a-z]+){{0,2}} (?:to|at|against|"
    r"on|in) (?:my|his|her|their|our|me|him|them|us|mum|dad|mums|dads)\b"
    r"|\b(?:came|comes|coming|went|goes|going|ran|runs|run|lunged|lunges|charged) (?:at|for) "
    rf"(?:me|him|her|them|us|mum|dad|my \w+) with {_WEAPON}\b"
    r"|\b(?:threaten\w*|attack\w*|stabbed|slashed|cut|hit|beat|beaten|chased) (?:me|him|her|them|"
    rf"us|mum|dad|my \w+) with {_WEAPON}\b"
    # someone at the door or in the house with a weapon, threatening: "my ex is outside with a
    # hammer threatening to get in"
    rf"|\b(?:outside|at the door|at the window|in the house|in the garden|downstairs|upstairs|"
    rf"here|in the hall|in the kitchen)\b(?: [a-z]+){{0,3}} with {_WEAPON}\b(?: [a-z]+){{0,3}} "
    r"(?:threaten\w*|shouting|screaming|trying to (?:get|break) in|banging|kicking)\b"
)


# Wanting to die or to kill oneself, in the languages families here often write in (SPEC.md
# journey 7 names them) and a few more. The rest of the check reads English only, so these
# are matched on the raw text: Latin letters with accents taken off, other scripts as typed.
_OTHER_LANGUAGES_LATIN = re.compile(
    r"\b(?:"
    # Spanish, Portuguese, Italian, French
    r"(?:me |se |te )?quier\w* (?:matar|morir|suicidar)|matarme|suicidarme|suicidarse|quero morrer|"
    r"quer morrer|me matar|se matar|voglio morire|uccidermi|veux mourir|me tuer|"
    # Polish
    r"chce umrzec|chce sie zabic|zabic sie|zabije sie|samoboj\w*|"
    # Romanian
    r"vreau sa mor|vrea sa moara|sa ma sinucid|sinucid\w*|sa ma omor|"
    # Turkish
    r"olmek istiyorum|olmek istiyor|intihar\w*|kendimi oldur\w*|"
    # German
    r"selbstmord|suizid\w*|umbringen|sterben will|will sterben"
    r")\b"
)
_OTHER_LANGUAGES_SCRIPT = re.compile(
    # Ukrainian and Russian; Arabic; Urdu; Bengali
    r"хочу померти|вбити себе|вбю себе|самогубств|суїцид|хочу умереть|убить себя|самоубийств|"
    r"انتحار|أريد أن أموت|اريد ان اموت|اقتل نفسي|"
    r"خودکشی|مرنا چاہت|"
    r"আত্মহত্যা|মরতে চাই"
)


def is_crisis_in_other_language(text: str) -> bool:
    """True when the raw message says, in another language, that someone wants to die."""
    if text.isascii():
        return _OTHER_LANGUAGES_LATIN.search(text.lower()) is not None
    return bool(
        _OTHER_LANGUAGES_SCRIPT.search(text.lower())
        or _OTHER_LANGUAGES_LATIN.search(plain_latin(text.lower()))
    )


# Danger said in two parts of a message, in either order: little children alone somewhere high
# ("the kids next door (about 3 and 5) are out on the balcony on their own, no adult home"); a
# partner who watches the phone and would kill ("if he finds out he will kill me. he reads my
# phone every night", where "he will kill me" alone would be a figure of speech)
_TOGETHER_DANGER = (
    (
        re.compile(
            r"\b(?:balcony|balconies|window ledge|windowsill|roof)\b.*\b(?:on (?:their|his|her) "
            r"own|left alone|no adult|no adults|nobody home|no one home|no one in|by themselves|by "
            r"himself|by herself)\b"
        ),
        re.compile(
            r"\b(?:kids|children|twins|toddler|toddlers|baby|babies|little (?:ones?|boy|girl|"
            r"brother|sister)|[1-6] year olds?|about [1-6]|aged [1-6])\b"
        ),
    ),
    (
        re.compile(
            r"\b(?:reads|checks|goes through|looks through|tracks|watches|controls) (?:my|all my) "
            r"(?:phone|messages|texts|location|emails|money)\b"
        ),
        re.compile(r"\b(?:kill|hurt|beat|batter|strangle) me\b"),
    ),
)


def is_crisis(normalised: str) -> bool:
    """True when a precise rule says the (normalised) message suggests danger."""
    threat = _THREAT.search(normalised) is not None
    return (
        threat
        or _fires(_CRISIS, normalised)
        or age_gap(normalised)
        or any(
            first.search(normalised) is not None and second.search(normalised) is not None
            for first, second in _TOGETHER_DANGER
        )
    )


# "I'm not suicidal", "I'm not going to kill myself", "I would never hurt myself": a danger
# wording said not to be so, with nothing between the "not" and it.
_DENIAL = re.compile(
    r"\b(?:not|never|no longer|nowhere near)(?: (?:really|actually|at all|even))?"
    r"(?: (?:going|gonna|planning|trying|about|wanting|thinking of|thinking about)(?: to)?)?"
    r"(?: really)? $"
)


# "what is your policy if a young person discloses self-harm here": someone in general, in a
# question about what happens, not a disclosure; the model judges the rest
_HYPOTHETICAL = re.compile(
    r"\b(?:if|when|what if|in case|where) (?:a |an |any |the |one of (?:our|my|the) )?(?:young "
    r"person|child|pupil|student|someone|somebody|anyone|teenager|teen|user|person|parent|kid)"
    r"s? (?:discloses|disclosed|discloses any|mentions|mentioned|reports|reported|talks about|"
    r"says they are|says they re|says they have|writes about|types about|raises|tells you about|"
    r"tells you they are|tells you they have|tells you that they are)(?: [a-z]+){0,2} $"
)


# "if i dont send him nudes...": a threat on a condition, not a denial
_ON_CONDITION = re.compile(r"\b(?:if|unless|or else|otherwise)\b(?: [a-z]+){0,3} (?:not|never) $")


def without_denied_crisis(normalised: str) -> str | None:
    """When every precise danger wording in the message is denied ("i am not suicidal, i just
    want the school to listen"), the message without them, for the model to judge the rest;
    otherwise None. A grooming age gap is never taken as denied."""
    if age_gap(normalised):
        return None
    found = list(_CRISIS.finditer(normalised))
    if not found or any(
        (
            _DENIAL.search(before := normalised[max(0, m.start() - 60) : m.start()]) is None
            and _HYPOTHETICAL.search(before) is None
        )
        or _ON_CONDITION.search(before) is not None
        for m in found
    ):
        return None
    kept, last = [], 0
    for m in found:
        kept.append(normalised[last : m.start()])
        last = m.end()
    kept.append(normalised[last:])
    return " ".join(" ".join(kept).split())


def is_warning(normalised: str) -> bool:
    """True when a weaker rule fires: danger only if the model sees concern too."""
    return _fires(_WEAK, normalised)


# Grooming often shows as an age gap: a child and an adult, and a relationship or a meeting
# ("im 14 and my boyfriend is 20", "my daughter is 13 and talking to a 30 year old man").
_CHILD_AGE = re.compile(
    r"\b(?:i am|im|she is|he is|shes|hes|they are|(?:daughter|son|sister|brother|friend|"
    r"niece|nephew|grandson|granddaughter|child|kid|girl|boy)(?: who is| whos| is)?|aged?)\s"
    r"(?:only\s|just\s)?"
    r"(1[0-7]|[4-9])\b"
    r"|\b(1[0-7]|[4-9])\s?(?:years? old|yr old|yo)\s(?:girl|boy|daughter|son|child|kid)\b"
)
_ADULT_AGE = re.compile(
    r"\b(?:he is|hes|she is|shes|they are|(?:man|guy|bloke|lad|boyfriend|girlfriend|bf|gf|"
    r"partner|woman|fella|dude)(?: is)?|like)\s(?:like\s|about\s|nearly\s|over\s)?"
    r"([2-6]\d|1[89])\b"
    r"|\b([2-6]\d|1[89])\s?(?:years? old|yr old|yo)?\s?(?:man|guy|bloke|lad|woman|fella|"
    r"boyfriend|girlfriend)\b"
)
_TOGETHER = re.compile(
    r"\b(?:boyfriend|girlfriend|bf|gf|dating|date|going out|seeing|meet|meeting|met|talking|"
    r"chatting|messag\w*|online|snap\w*|insta\w*|tiktok|discord|game|gaming|secret|pick \w+ up|"
    r"lift|car|hotel|gifts?|presents?|money|love|loves|relationship|sleep over|stay over)\b"
)


def age_gap(normalised: str) -> bool:
    """A child and an adult in a relationship or meeting: treated as grooming. The gap must
    be real: a child of 15 or under with an adult, or five years or more."""
    if not _TOGETHER.search(normalised):
        return False
    children = [int(a or b) for a, b in _CHILD_AGE.findall(normalised)]
    adults = [int(a or b) for a, b in _ADULT_AGE.findall(normalised)]
    return any(
        (child <= 15 and adult >= 18) or adult - child >= 5
        for child in children
        for adult in adults
    )
