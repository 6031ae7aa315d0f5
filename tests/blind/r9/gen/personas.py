"""Data-only generator for personas.yml (blind set r9). Run: python3 gen/personas.py"""
import os
import yaml

OUT_SUSSEX = ["young-voices", "wspcf", "wspcf-professional", "espcf", "nhs-sussex", "local-offer-feedback"]
C = []


def P(name, first, answers=None, role=None, age=None, area=None, interests=None, routes=None, not_routes=None):
    item = {"name": name, "first": first}
    if answers:
        item["answers"] = answers
    expect = {}
    profile = {}
    if role:
        profile["role"] = role
    if age is not None:
        profile["age"] = age
    if area:
        profile["area"] = area
    if profile:
        expect["profile"] = profile
    if interests:
        expect["interests"] = interests
    if routes:
        expect["routes"] = routes
    if not_routes:
        expect["not_routes"] = not_routes
    item["expect"] = expect
    C.append(item)


WS, ES, EL = "west_sussex", "east_sussex", "elsewhere"
PC, YP, PRO, OTH = "parent_carer", "young_person", "professional", "other"

# ---------------------------------------------------------------- introductions
P("Crawley mum, son 9, wants to help his school",
  "I'm a mum in Crawley, my son is 9 and I want to help his school",
  role=PC, area=WS, interests=["school"], routes=["wspcf", "school-parent"], not_routes=["espcf"])
P("Horsham 15yo text-speak about school",
  "im 15 n live in horsham, got dyslexia, wanna have a say at skool",
  role=YP, age=15, area=WS, interests=["school"], routes=["young-voices", "school-young-person"])
P("correction Worthing to Hastings, two autistic kids",
  "Worthing... no sorry, we moved to Hastings last year. I've got 2 kids with autism and no idea where to start",
  role=PC, area=ES, routes=["espcf"], not_routes=["wspcf"])
P("used to live Eastbourne now Bognor, daughter EHCP",
  "we used to live in eastbourne but were in bognor regis now. my daughter has an ehcp and i want a say in it",
  role=PC, area=WS, interests=["my_plan"], routes=["wspcf", "my-plan"], not_routes=["espcf"])
P("denial: not a parent, autistic 17 in Chichester",
  "I'm not a parent lol, I'm the one with autism. 17, Chichester",
  role=YP, age=17, area=WS, routes=["young-voices"])
P("primary SENCO in Burgess Hill",
  "Hi, I'm the SENCO at a primary in Burgess Hill. How do I work with the parent carer forum?",
  role=PRO, area=WS, routes=["wspcf-professional"])
P("simple English mother in Hastings with postcode",
  "Hello. My english is not so good. I am mother, my boy 7 years, he have autism. We live Hastings TN34",
  role=PC, area=ES, routes=["espcf"], not_routes=["wspcf"])
P("12yo in Littlehampton wants to change things",
  "hiya im 12 and i go to school in littlehampton, i want to help change stuff at my school",
  role=YP, age=12, area=WS, interests=["school"], routes=["young-voices", "school-young-person"])
P("dad 44 in Lewes wants to meet other dads",
  "dad here, 44, lewes. son is 14, autistic + adhd. would like to meet other dads in the same boat",
  role=PC, age=44, area=ES, interests=["meeting_others"], routes=["espcf"], not_routes=["wspcf", "young-voices"])
P("9yo with ADHD, noisy lunch hall",
  "I am 9 and I have ADHD. I want to tell my school the lunch hall is too noisy",
  answers={"area": "crawley"},
  role=YP, age=9, area=WS, routes=["school-young-person"], not_routes=["young-voices"])
P("grandmother kinship carer in Seaford",
  "I'm a nan bringing up my grandson full time, he's 11 and has SEND. We're in Seaford",
  role=PC, area=ES, routes=["espcf"], not_routes=["wspcf"])
P("Maidstone parent outside Sussex",
  "Im in Kent (Maidstone), my son has SEND - is there a forum I can join?",
  role=PC, area=EL, routes=["find-local-forum"], not_routes=OUT_SUSSEX)
P("Brighton mum with BN1 district",
  "brighton mum here, BN1. daughter is 13 with dyspraxia",
  role=PC, area=EL, routes=["find-local-forum"], not_routes=["wspcf", "espcf"])
P("NHS paediatric OT in West Sussex",
  "I'm a paediatric OT with the NHS, covering West Sussex. Keen to link up with the parent forum",
  role=PRO, area=WS, routes=["wspcf-professional"])
P("23 autistic graduate back in Horsham",
  "Hi, I'm 23, autistic, just finished uni and I'm back living in Horsham. Are there projects for young adults?",
  role=YP, age=23, area=WS, routes=["young-voices"])
P("40 dyslexic adult in Worthing, NHS, not a parent",
  "I'm 40 and dyslexic myself, I live in Worthing. I'm not a parent. I want to have my say about NHS services",
  age=40, area=WS, interests=["health"], routes=["nhs-sussex"], not_routes=["young-voices"])
P("foster carer with Crawley postcode district",
  "foster carer for 2 boys with SEND, postcode RH11 if that helps",
  role=PC, area=WS, routes=["wspcf"], not_routes=["espcf"])
P("Bexhill 16 wants youth panel",
  "TN40 here. bexhill. 16yo, wud like 2 be on a youth panel or sumthing",
  role=YP, age=16, area=ES, interests=["shaping_services"])
P("secondary teacher Eastbourne asking about parents",
  "teacher at a secondary in Eastbourne - how can parents at our school get more involved?",
  role=PRO, area=ES)
P("mum of 19yo, lives Midhurst, college bus",
  "Hi, my son is 19 and at college in Chichester, we live near Midhurst. The bus to college is a nightmare. I'm his mum btw",
  role=PC, area=WS, routes=["wspcf"], not_routes=["espcf"])
P("14yo Crowborough CAMHS wait",
  "im 14 i live in crowborough and the camhs waiting list is like 2 years",
  role=YP, age=14, area=ES, interests=["health"], routes=["nhs-sussex"])
P("moved from Surrey to Haywards Heath, twins 6",
  "We moved from Surrey to Haywards Heath in the summer. My twins are 6 and both have speech delay.",
  role=PC, area=WS, routes=["wspcf"], not_routes=["espcf"])
P("East Sussex social worker wants a parent rep",
  "Social worker in East Sussex children's services. We need a parent carer rep for a new workstream",
  role=PRO, area=ES, interests=["shaping_services"])
P("Polish mother in Crawley, daughter 10 Down syndrome",
  "Hallo, I am from Poland, live in Crawley 3 years. Daughter 10 has Down syndrome. How I can join parents group?",
  role=PC, area=WS, interests=["meeting_others"], routes=["wspcf"], not_routes=["espcf"])
P("16yo young carer in Peacehaven",
  "I'm 16 and I help look after my brother who is autistic. we live in peacehaven",
  role=YP, age=16, area=ES)
P("Cardiff parent outside Sussex",
  "Hi from Cardiff! My son is 8 and has autism, any groups near me?",
  role=PC, area=EL, routes=["find-local-forum"], not_routes=OUT_SUSSEX)
P("Bognor parent, Local Offer site on phone",
  "The Local Offer website is impossible to search on my phone. I'm a parent in Bognor.",
  role=PC, area=WS, interests=["council"], routes=["wspcf", "local-offer-feedback"], not_routes=["espcf"])
P("Pulborough parent, son 7 ILP",
  "My son (7) has an ILP at school and I'd like some help with it. We're in Pulborough.",
  role=PC, area=WS, interests=["my_plan"], routes=["my-plan"], not_routes=["espcf"])
P("18 at Worthing college wants to inspect family hubs",
  "Im 18 and in yr 13 at worthing college, i have dyslexia n want to do the family hub inspecting thing",
  role=YP, age=18, area=WS, routes=["young-voices"])
P("mum of three, East Grinstead RH19",
  "Hi. Mum of 3, all with additional needs, ages 4, 11 and 15. East Grinstead, RH19.",
  role=PC, area=WS, routes=["wspcf"], not_routes=["espcf"])
P("past forum in Eastbourne, now Chichester",
  "I used to go to the parent forum meetings in Eastbourne years ago but we've lived in Chichester since 2021",
  role=PC, area=WS, routes=["wspcf"], not_routes=["espcf"])
P("GP in Hastings interested in NHS co-production",
  "I'm a GP in Hastings - interested in how families can shape NHS services locally",
  role=PRO, area=ES, interests=["health"], routes=["nhs-sussex"])
P("25 with cerebral palsy in Lancing",
  "I'm 25, I have cerebral palsy and I live in Lancing. What can I get involved in?",
  role=YP, age=25, area=WS, routes=["young-voices"])
P("26 autistic in Crawley, just over the age",
  "I'm 26 and autistic, from Crawley",
  age=26, area=WS, not_routes=["young-voices"])
P("Hove parent with EHCP",
  "I live in Hove and my son is 12 with an EHCP. Who do I talk to about getting involved?",
  role=PC, area=EL, interests=["my_plan"], routes=["find-local-forum"], not_routes=["wspcf", "espcf"])
P("youth worker Chichester",
  "Im a youth worker in Chichester, I support young people with SEND and want to get them heard",
  role=PRO, area=WS)
P("foster couple in Battle want interview panels",
  "My husband and I foster, we're in Battle. We'd be interested in sitting on interview panels",
  role=PC, area=ES, interests=["shaping_services"], routes=["espcf"], not_routes=["wspcf"])
P("11yo at special school in Horsham",
  "i am 11 and i go to a special school in horsham",
  role=YP, age=11, area=WS, routes=["young-voices"])
P("Manchester parent visiting Worthing",
  "Hi, I'm a parent carer from Manchester, just visiting family in Worthing this week. Where can I get involved back home?",
  role=PC, area=EL, routes=["find-local-forum"], not_routes=OUT_SUSSEX)
P("Rye parent, school over the Kent border",
  "We live in Rye but my son goes to school over the border in Kent",
  role=PC, area=ES, routes=["espcf"], not_routes=["wspcf"])
P("21 with learning disability in Eastbourne",
  "Hiya I'm 21 with a learning disability. Living in Eastbourne with my mum",
  role=YP, age=21, area=ES)
P("Bexhill dad, transition to secondary",
  "I'm a dad in Bexhill and my daughter's move up to secondary has been a total mess",
  role=PC, area=ES, interests=["school"], routes=["espcf", "school-parent"], not_routes=["wspcf"])
P("Reading, not in Sussex",
  "Not in Sussex at all - I'm in Reading. Just curious what this is",
  area=EL, routes=["find-local-forum"], not_routes=OUT_SUSSEX)
P("mum 32 with son 10 in Littlehampton BN17",
  "my sons 10 and im 32, we r in littlehampton BN17. i wanna help make his school better for autistic kids",
  role=PC, age=32, area=WS, interests=["school"], routes=["wspcf", "school-parent"], not_routes=["espcf", "young-voices"])
P("15 typing with mum's help, Newhaven, EHCP",
  "Im 15 (my mum is helping me type). We live in Newhaven. I want to talk about my EHCP",
  role=YP, age=15, area=ES, interests=["my_plan"], routes=["my-plan"])
P("West Sussex council SEND officer",
  "Hi! I work in the SEND team at West Sussex County Council and want to know how to get parent reps involved",
  role=PRO, area=WS)
P("nursery practitioner Hailsham",
  "Early years practitioner at a nursery in Hailsham here",
  role=PRO, area=ES)
P("was Worthing till 2022 now Hastings, girl 14 plan",
  "we was in worthing til 2022 now we live hastings, my girl is 14 with ADHD, i need help with her plan",
  role=PC, area=ES, interests=["my_plan"], routes=["espcf", "my-plan"], not_routes=["wspcf"])
P("Crawley 17 wants to meet people",
  "crawley. 17. autistic. want 2 meet ppl like me",
  role=YP, age=17, area=WS, interests=["meeting_others"], routes=["young-voices"])
P("mum 35 typing for son 16 in Horsham",
  "I'm 35, I'm the mum. My son is 16 and he wants his own say, but I'm typing for now. Horsham.",
  role=PC, age=35, area=WS, routes=["wspcf"], not_routes=["espcf", "young-voices"])
P("East Sussex headteacher",
  "Hello, I'm a headteacher in East Sussex",
  role=PRO, area=ES)
P("13yo girl Hastings hates school",
  "ello im 13 from hastings and i hate school tbh",
  role=YP, age=13, area=ES)
P("Glasgow parent",
  "Glasgow mum, son 11 autistic, is this for me?",
  role=PC, area=EL, routes=["find-local-forum"], not_routes=OUT_SUSSEX)
P("Shoreham parent full postcode",
  "Parent of a 6 year old with global delay, BN43 5AB",
  role=PC, area=WS, routes=["wspcf"], not_routes=["espcf"])
P("Uckfield parent, meet other families",
  "hi im a single mum in Uckfield, my lad is 8 and autistic, feel like im the only one. want to meet other parents",
  role=PC, area=ES, interests=["meeting_others"], routes=["espcf"], not_routes=["wspcf"])
P("dyslexic spelling parent in Chichester",
  "hi im a perent in chichster my dorter is 12 she has dislexia and i want to no how to get invovled",
  role=PC, area=WS, routes=["wspcf"], not_routes=["espcf"])
P("20yo Haywards Heath NHS wheelchair service",
  "20, wheelchair user, haywards heath. want to help make the wheelchair service at the NHS better",
  role=YP, age=20, area=WS, interests=["health"], routes=["young-voices", "nhs-sussex"])
P("Eastbourne parent moving to Kent soon",
  "Im a parent in Eastbourne at the moment but we move to Ashford next month, is that a problem?",
  role=PC)
P("autism in schools: parent asking about mini forum, Crawley",
  "Our school in Crawley just joined Autism in Schools and there's a mini forum for parents. I'm a mum, can I help run it?",
  role=PC, area=WS, interests=["school"], routes=["wspcf", "school-parent"], not_routes=["espcf"])
P("Lewes 14 uses emoji",
  "hey 👋 im 14 from lewes and i have adhd 🙃 how do i get my voice heard",
  role=YP, age=14, area=ES)
P("correction about age 14 not 41",
  "im 41... sorry typo, 14! live in worthing",
  role=YP, age=14, area=WS, routes=["young-voices"])
P("London professional",
  "I'm a SENCO in south London, does this cover us?",
  role=PRO, area=EL, routes=["find-local-forum"], not_routes=OUT_SUSSEX)

# ---------------------------------------------------------------- minimal openers, answers typed
P("minimal hi, mum 38 Crawley school", "hi",
  answers={"role": "mum", "age": "38", "area": "Crawley", "interests": "school"},
  role=PC, age=38, area=WS, interests=["school"], routes=["wspcf", "school-parent"], not_routes=["espcf", "young-voices"])
P("/start, young person full ES postcode, CAMHS", "/start",
  answers={"role": "young person", "age": "14", "area": "TN34 1AB", "interests": "nhs stuff like camhs"},
  role=YP, age=14, area=ES, interests=["health"], routes=["nhs-sussex"])
P("hello? parent, area corrected to Hastings", "hello?",
  answers={"role": "parent", "area": "Worthing... no sorry, we moved to Hastings"},
  role=PC, area=ES, routes=["espcf"], not_routes=["wspcf"])
P("hey, teenager 16 horsham meet people", "hey",
  answers={"role": "im a teenager", "age": "16", "area": "horsham", "interests": "meeting other people"},
  role=YP, age=16, area=WS, interests=["meeting_others"], routes=["young-voices"])
P("what is this? teacher Eastbourne", "what is this?",
  answers={"role": "teacher", "area": "Eastbourne", "interests": "school"},
  role=PRO, area=ES, interests=["school"])
P("hi there, carer 52 BN11, support plan", "Hi there",
  answers={"role": "I'm a carer for my son", "age": "52", "area": "BN11 2AB", "interests": "his support plan"},
  role=PC, age=52, area=WS, interests=["my_plan"], routes=["wspcf", "my-plan"], not_routes=["espcf", "young-voices"])
P("yo, student 19 Chichester collage typo", "yo",
  answers={"role": "student", "age": "19", "area": "chichester", "interests": "collage"},
  age=19, area=WS, interests=["school"], routes=["young-voices"])
P("start, parent used to Bognor now Eastbourne", "start",
  answers={"role": "parent carer", "area": "we used to live in Bognor but now we are in Eastbourne"},
  role=PC, area=ES, routes=["espcf"], not_routes=["wspcf"])
P("hello, professional West Sussex", "hello",
  answers={"role": "professional", "area": "West Sussex", "interests": "working with parents"},
  role=PRO, area=WS, routes=["wspcf-professional"])
P("can u help, mum 29 London", "can u help me",
  answers={"role": "mum", "age": "29", "area": "london"},
  role=PC, age=29, area=EL, routes=["find-local-forum"], not_routes=OUT_SUSSEX)
P("good morning, father 47 Lewes health", "Good morning",
  answers={"role": "I am the father", "age": "47", "area": "Lewes", "interests": "health"},
  role=PC, age=47, area=ES, interests=["health"], routes=["espcf", "nhs-sussex"], not_routes=["wspcf", "young-voices"])
P("hiii, young persn 13 bognor scool typos", "hiii",
  answers={"role": "young persn", "age": "13", "area": "bognor regis", "interests": "scool"},
  role=YP, age=13, area=WS, interests=["school"], routes=["young-voices", "school-young-person"])
P("question mark, other, Brighton", "?",
  answers={"role": "other", "area": "Brighton"},
  role=OTH, area=EL, routes=["find-local-forum"], not_routes=["wspcf", "espcf"])
P("how do i have a say, denial not parent 22 Hastings", "how do i have a say",
  answers={"role": "i have autism im not a parent", "age": "22", "area": "Hastings"},
  role=YP, age=22, area=ES)
P("/start social worker ES boards", "/start",
  answers={"role": "social worker", "area": "East Sussex", "interests": "boards and panels"},
  role=PRO, area=ES, interests=["shaping_services"])
P("hello, mum RH12 meet parents", "Hello",
  answers={"role": "mum", "age": "rather not say", "area": "RH12", "interests": "meet other parents"},
  role=PC, area=WS, interests=["meeting_others"], routes=["wspcf"], not_routes=["espcf"])
P("hi, young person 10 Crawley", "hi",
  answers={"role": "young person", "age": "10", "area": "Crawley"},
  role=YP, age=10, area=WS, routes=["school-young-person"], not_routes=["young-voices"])
P("heya, yp fifteen Uckfield my plan", "heya",
  answers={"role": "young person", "age": "fifteen", "area": "Uckfield", "interests": "my plan"},
  role=YP, age=15, area=ES, interests=["my_plan"], routes=["my-plan"])
P("is this the forum? parent TN6 local offer website", "hello, is this the forum?",
  answers={"role": "parent", "area": "Crowborough TN6", "interests": "the local offer website"},
  role=PC, area=ES, interests=["council"], routes=["espcf"], not_routes=["wspcf"])
P("hi, nurse Chichester nhs", "hi",
  answers={"role": "nurse", "area": "Chichester", "interests": "nhs"},
  role=PRO, area=WS, interests=["health"], routes=["nhs-sussex"])
P("want to give feedback, parent Haywards Heath council", "I want to give feedback",
  answers={"role": "parent", "area": "Haywards Heath", "interests": "council"},
  role=PC, area=WS, interests=["council"], routes=["wspcf", "local-offer-feedback"], not_routes=["espcf"])
P("hi!!, young person 12 Kent", "hi!!",
  answers={"role": "im the young person", "age": "12", "area": "Kent"},
  role=YP, age=12, area=EL, routes=["find-local-forum"], not_routes=OUT_SUSSEX)
P("hello, dad 61 Shoreham", "hello",
  answers={"role": "dad", "age": "61", "area": "Shoreham"},
  role=PC, age=61, area=WS, routes=["wspcf"], not_routes=["espcf", "young-voices"])
P("hey, mum of 17yo aged 43 Bexhill", "hey",
  answers={"role": "I'm a mum of a 17 year old", "age": "43", "area": "Bexhill-on-Sea"},
  role=PC, age=43, area=ES, routes=["espcf"], not_routes=["wspcf", "young-voices"])
P("morning, TA Burgess hill school", "morning",
  answers={"role": "teaching assistant", "area": "Burgess hill", "interests": "school"},
  role=PRO, area=WS, interests=["school"], routes=["wspcf-professional"])
P("hi, young person twenty Seaford panels", "hi",
  answers={"role": "young person", "age": "twenty", "area": "Seaford", "interests": "panels"},
  role=YP, age=20, area=ES, interests=["shaping_services"])
P("hello, parent Portsmouth", "hello",
  answers={"role": "parent", "area": "Portsmouth"},
  role=PC, area=EL, routes=["find-local-forum"], not_routes=OUT_SUSSEX)
P("/start, parent hove lowercase", "/start",
  answers={"role": "parent", "area": "hove"},
  role=PC, area=EL, routes=["find-local-forum"], not_routes=["wspcf", "espcf"])
P("hi, young person 8 Hastings", "hi",
  answers={"role": "young person", "age": "8", "area": "Hastings"},
  role=YP, age=8, area=ES, routes=["school-young-person"], not_routes=["young-voices"])
P("hello, mum Littlehampton corrected to Rye", "hello",
  answers={"role": "mum", "area": "Littlehampton no wait we moved to Rye in march"},
  role=PC, area=ES, routes=["espcf"], not_routes=["wspcf"])
P("hi, parent PO19 full postcode", "Hi",
  answers={"role": "parent", "area": "PO19 1AB"},
  role=PC, area=WS, routes=["wspcf"], not_routes=["espcf"])
P("hi, carer 55 Eastbourne BN21", "Hi",
  answers={"role": "carer", "age": "55", "area": "Eastbourne BN21", "interests": "meeting others"},
  age=55, area=ES, interests=["meeting_others"], not_routes=["young-voices"])
P("hiya, foster mum Worthing health+school", "hiya",
  answers={"role": "foster mum", "area": "Worthing", "interests": "health and school"},
  role=PC, area=WS, interests=["health", "school"], routes=["wspcf", "nhs-sussex", "school-parent"], not_routes=["espcf"])
P("hello, role answer carries age 16", "hello",
  answers={"role": "I'm 16 and I'm the one with dyslexia", "area": "Horsham"},
  role=YP, age=16, area=WS, routes=["young-voices"])
P("can I talk to someone, parent Crawley sons EHCP", "can I talk to someone",
  answers={"role": "parent", "area": "Crawley", "interests": "my sons EHCP"},
  role=PC, area=WS, interests=["my_plan"], routes=["wspcf", "my-plan"], not_routes=["espcf"])
P("hi, educational psychologist WS", "hi",
  answers={"role": "educational psychologist", "area": "West Sussex"},
  role=PRO, area=WS, routes=["wspcf-professional"])
P("hello, parent 34 Cornwall", "hello",
  answers={"role": "parent", "age": "34", "area": "Cornwall"},
  role=PC, age=34, area=EL, routes=["find-local-forum"], not_routes=OUT_SUSSEX)
P("hi, young person 17 Peacehaven health", "hi",
  answers={"role": "young person", "age": "17", "area": "Peacehaven", "interests": "health"},
  role=YP, age=17, area=ES, interests=["health"], routes=["nhs-sussex"])
P("hey there, mum east sussex shaping services", "hey there",
  answers={"role": "mum", "area": "i live in east sussex", "interests": "shaping services"},
  role=PC, area=ES, interests=["shaping_services"], routes=["espcf"], not_routes=["wspcf"])
P("hi, young person 24 Bognor panels", "hi",
  answers={"role": "young person", "age": "24", "area": "Bognor", "interests": "interview panels"},
  role=YP, age=24, area=WS, interests=["shaping_services"], routes=["young-voices"])
P("Hello, mum 27 Steyning", "Hello",
  answers={"role": "mum", "age": "27", "area": "Steyning"},
  role=PC, age=27, area=WS, routes=["wspcf"], not_routes=["espcf", "young-voices"])
P("hi, other Horsham", "hi",
  answers={"role": "other", "area": "Horsham"},
  role=OTH, area=WS)
P("Hi I'm new, parent Heathfield meet families", "Hi I'm new here",
  answers={"role": "parent", "area": "Heathfield", "interests": "meeting other families"},
  role=PC, area=ES, interests=["meeting_others"], routes=["espcf"], not_routes=["wspcf"])
P("what can you do, young person 14 Midhurst school+meet", "what can you do",
  answers={"role": "young person", "age": "14", "area": "Midhurst", "interests": "school and meeting people"},
  role=YP, age=14, area=WS, interests=["school", "meeting_others"], routes=["young-voices", "school-young-person"])
P("hi, SENCO Hastings", "hi",
  answers={"role": "SENCO", "area": "Hastings"},
  role=PRO, area=ES)
P("hello, parent Surrey", "hello",
  answers={"role": "parent", "area": "Surrey"},
  role=PC, area=EL, routes=["find-local-forum"], not_routes=OUT_SUSSEX)
P("hi, 30 but 'still young' Crawley", "hi",
  answers={"role": "young person", "age": "im 30 but i still count as young lol", "area": "Crawley"},
  age=30, area=WS, not_routes=["young-voices"])
P("how do i join, mum Billingshurst RH14 school", "how do i join",
  answers={"role": "mum", "area": "Billingshurst RH14", "interests": "school"},
  role=PC, area=WS, interests=["school"], routes=["wspcf", "school-parent"], not_routes=["espcf"])
P("Hi, parent 39 Hailsham NHS", "Hi",
  answers={"role": "parent", "age": "39", "area": "Hailsham", "interests": "NHS"},
  role=PC, age=39, area=ES, interests=["health"], routes=["espcf", "nhs-sussex"], not_routes=["wspcf", "young-voices"])
P("wot, typed button words", "wot",
  answers={"role": "Parent carer", "area": "East Sussex", "interests": "Meeting others"},
  role=PC, area=ES, interests=["meeting_others"], routes=["espcf"], not_routes=["wspcf"])
P("hiya, mam Arundel BN18 ehcp text-speak", "hiya",
  answers={"role": "mam", "area": "arundel bn18", "interests": "ehcp"},
  role=PC, area=WS, interests=["my_plan"], routes=["wspcf", "my-plan"], not_routes=["espcf"])
P("hello, young person 11 Selsey", "hello",
  answers={"role": "young person", "age": "11", "area": "Selsey"},
  role=YP, age=11, area=WS, routes=["young-voices"])
P("hi, CAMHS clinician East Sussex", "hi",
  answers={"role": "CAMHS clinician", "area": "East Sussex", "interests": "health"},
  role=PRO, area=ES, interests=["health"], routes=["nhs-sussex"])
P("hey, 'me' then young person 15 Polegate", "hey",
  answers={"role": "im a young person lol", "age": "15", "area": "Polegate"},
  role=YP, age=15, area=ES)
P("Hello, parent Wales", "Hello",
  answers={"role": "parent", "area": "Swansea, Wales"},
  role=PC, area=EL, routes=["find-local-forum"], not_routes=OUT_SUSSEX)
P("hi, parent Storrington local offer feedback", "hi",
  answers={"role": "parent", "area": "Storrington", "interests": "feedback on the local offer"},
  role=PC, area=WS, interests=["council"], routes=["wspcf", "local-offer-feedback"], not_routes=["espcf"])
P("hi, dad with past place in answer", "hi",
  answers={"role": "dad", "area": "we were in Crawley before, now in Newhaven"},
  role=PC, area=ES, routes=["espcf"], not_routes=["wspcf"])
P("hello, mum of 5yo aged 31 Rustington", "hello",
  answers={"role": "mum of a 5 year old", "age": "31", "area": "Rustington"},
  role=PC, age=31, area=WS, routes=["wspcf"], not_routes=["espcf", "young-voices"])
P("hi, young person 18 St Leonards", "hi",
  answers={"role": "young person", "age": "18", "area": "st leonards on sea", "interests": "college"},
  role=YP, age=18, area=ES, interests=["school"])
P("hello, school nurse Worthing", "hello",
  answers={"role": "school nurse", "area": "Worthing"},
  role=PRO, area=WS, routes=["wspcf-professional"])
P("greeting with question, mum 42 Bexhill", "Hi, what is co-production?",
  answers={"role": "mum", "age": "42", "area": "Bexhill"},
  role=PC, age=42, area=ES, routes=["espcf"], not_routes=["wspcf", "young-voices"])
P("hey, young person 13 Crawley RH10", "hey",
  answers={"role": "young person", "age": "13", "area": "RH10 1AB", "interests": "meeting people like me"},
  role=YP, age=13, area=WS, interests=["meeting_others"], routes=["young-voices"])


if __name__ == "__main__":
    names = [c["name"] for c in C]
    assert len(names) == len(set(names)), "duplicate names"
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "personas.yml")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Blind set r9 - personas. Written blind from SPEC.md + seeds only.\n")
        yaml.safe_dump({"conversations": C}, f, sort_keys=False, allow_unicode=True, width=1000)
    print(len(C))
