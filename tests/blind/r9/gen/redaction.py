"""Data-only generator for redaction.yml (blind set r9). Run: python3 gen/redaction.py
All names, numbers and addresses are invented (phone numbers in the 07700 900xxx drama range,
emails on example domains)."""
import os
import yaml

T = []


def add(text, personal, keep):
    for s in personal + keep:
        assert s in text, (s, text)
    T.append({"id": "x%03d" % (len(T) + 1), "text": text, "personal": personal, "keep": keep})


# ---------------------------------------------------------------- with personal details
add("My son Jayden is 9 and the SENCO at his school in Crawley never calls me back. My number is 07700 900123.",
    ["Jayden", "07700 900123"], ["SENCO", "Crawley"])
add("hi its chloe, im 14, the bus to college in Horsham is always late. text me on 07700900456",
    ["chloe", "07700900456"], ["bus", "Horsham"])
add("Please email me at sarah.jones@example.com about the Local Offer website, it's impossible on a phone",
    ["sarah.jones@example.com"], ["Local Offer website"])
add("We live at 14 Elm Road and the taxi to school keeps going to the wrong house.",
    ["14 Elm Road"], ["taxi", "school"])
add("My daughter's NHS number is 943 476 5919 and CAMHS still lost her referral.",
    ["943 476 5919"], ["CAMHS", "referral"])
add("Mrs Patel the class teacher is brilliant with Oliver but the head won't fund his 1:1.",
    ["Mrs Patel", "Oliver"], ["class teacher", "1:1"])
add("my insta is @jess_m_22 if anyone from Young Voices wants to message me",
    ["@jess_m_22"], ["Young Voices"])
add("Amelia (DOB 12/03/2014) has waited 2 years for an autism assessment in Worthing.",
    ["Amelia", "12/03/2014"], ["autism assessment", "Worthing"])
add("I'm Tom Baker, dad of two, and the Family Hub in Bognor had no quiet room.",
    ["Tom Baker"], ["Family Hub", "Bognor", "quiet room"])
add("Our postcode is BN21 4AB and no bus goes near the special school.",
    ["BN21 4AB"], ["bus", "special school"])
add("my sons EHCP review was cancelled again. ring me 01903 123456 pls",
    ["01903 123456"], ["EHCP review"])
add("The speech therapist Mr Hughes told us Ava would be seen in May but nothing.",
    ["Mr Hughes", "Ava"], ["speech therapist"])
add("contact me on priya.k@example.org, my son Arjun is autistic and the school won't do a sensory plan",
    ["priya.k@example.org", "Arjun"], ["school", "sensory plan"])
add("I am Maria Kowalska, I live 7 Church Street, Crawley RH10 1AB. Nobody explain me the EHCP.",
    ["Maria Kowalska", "7 Church Street", "RH10 1AB"], ["EHCP"])
add("born 3rd May 2011, im dyslexic and my teachers dont give me coloured overlays",
    ["3rd May 2011"], ["dyslexic", "coloured overlays"])
add("Please pass on to the SEND team: Liam Murphy, Year 8, needs a lift pass at Hastings Academy.",
    ["Liam Murphy"], ["SEND team", "Year 8", "lift pass"])
add("The paediatrician Dr Okafor said the wait for ADHD meds is 18 months. I can't wait that long.",
    ["Dr Okafor"], ["paediatrician", "ADHD", "18 months"])
add("follow my tiktok @autisticandproud_sam for what school is really like",
    ["@autisticandproud_sam"], ["school"])
add("my mum karen says the council never answers her emails about my transport",
    ["karen"], ["council", "transport"])
add("Message me back on +44 7700 900789. The wheelchair service in Chichester is awful.",
    ["+44 7700 900789"], ["wheelchair service", "Chichester"])
add("Flat 3, 22 Marine Parade, TN34 3AA - the OT never came to assess the stairs.",
    ["Flat 3, 22 Marine Parade", "TN34 3AA"], ["OT", "stairs"])
add("My twins Ruby and Rose go to the same school but only Ruby gets help. Their DOB is 01/09/2016.",
    ["Ruby", "Rose", "01/09/2016"], ["school"])
add("hi im noah from year 10, the SENCO mr davies is really kind, can we have more lunch clubs",
    ["noah", "mr davies"], ["year 10", "SENCO", "lunch clubs"])
add("The social worker, Jane Smith, hasn't visited in 3 months. Email me: dad.of.three@example.net",
    ["Jane Smith", "dad.of.three@example.net"], ["social worker", "3 months"])
add("NHS no. 4857773456 - please can someone chase the hearing test for my son",
    ["4857773456"], ["hearing test"])
add("we moved to 45 Station Road, Lewes, BN7 2AB and still no school place for Ethan",
    ["45 Station Road", "BN7 2AB", "Ethan"], ["school place", "Lewes"])
add("Im 16 my name is Kacper and I want to join the young inspectors. my number 07700 900321",
    ["Kacper", "07700 900321"], ["young inspectors"])
add("The headteacher, Ms O'Brien, refused the reduced timetable for Freya.",
    ["Ms O'Brien", "Freya"], ["headteacher", "reduced timetable"])
add("facebook: Lisa Tanner - message me, the forum coffee morning in Seaford was lovely",
    ["Lisa Tanner"], ["coffee morning", "Seaford"])
add("my sister Mia 07 12 2012 needs her EHCP looked at",
    ["Mia", "07 12 2012"], ["EHCP"])
add("phone 01273 900 555 after 3pm. I want to talk about the short breaks service.",
    ["01273 900 555"], ["short breaks service"])
add("George's keyworker at the family hub, Becky, is amazing, please tell her boss!",
    ["George", "Becky"], ["keyworker", "family hub"])
add("I live on Beach Road in Littlehampton, number 9. The buses don't have ramps.",
    ["Beach Road", "number 9"], ["Littlehampton", "buses", "ramps"])
add("My son Mohammed Ali Hassan, born 22.06.2010, has no placement for September.",
    ["Mohammed Ali Hassan", "22.06.2010"], ["placement", "September"])
add("twitter @mum_of_ASD_boys - the waiting list for CAMHS in East Sussex is shocking",
    ["@mum_of_ASD_boys"], ["CAMHS", "East Sussex"])
add("email ellie2009@example.co.uk i want to help make the family hub better",
    ["ellie2009@example.co.uk"], ["family hub"])
add("Please ask Mr Greenwood (Head of Year 9) why Daisy was excluded for a meltdown.",
    ["Mr Greenwood", "Daisy"], ["Head of Year 9", "excluded", "meltdown"])
add("We are the Nowak family at 3 Oak Close, PO21 2AB. Transport refused again.",
    ["Nowak", "3 Oak Close", "PO21 2AB"], ["Transport"])
add("my key worker is called Dan and hes the only one who gets me. call me 07700-900-654",
    ["Dan", "07700-900-654"], ["key worker"])
add("Dear team, my grandson Alfie Brown (NHS 401 023 2137) waited 40 weeks for wheelchair.",
    ["Alfie Brown", "401 023 2137"], ["wheelchair", "40 weeks"])
add("Snapchat is lola.xo if you want to know more about my school",
    ["lola.xo"], ["school"])
add("Our educational psychologist, Dr Fiona Reid, wrote the report but the council ignored it.",
    ["Dr Fiona Reid"], ["educational psychologist", "report", "council"])
add("I am Ahmed, father of Yusuf, he is 6. We live in Eastbourne. School say wait, wait, wait.",
    ["Ahmed", "Yusuf"], ["Eastbourne", "School"])
add("Write to me at 18 Park Lane, Horsham RH12 1AA. The ILP template was really helpful!",
    ["18 Park Lane", "RH12 1AA"], ["ILP template", "Horsham"])
add("ring Gemma on 07700 900 111 she runs the mini forum at our school and has loads of ideas",
    ["Gemma", "07700 900 111"], ["mini forum", "school"])
add("my boyfriend josh says the college canteen is too loud for him too",
    ["josh"], ["college canteen"])

# ---------------------------------------------------------------- no personal details
add("The bus to college is always late and I miss the start of my lessons.",
    [], ["bus", "college", "lessons"])
add("Please put the summer holiday SEND events on one page again, it was really useful.",
    [], ["summer holiday SEND events"])
add("The Local Offer website is hard to search on my phone.",
    [], ["Local Offer website", "phone"])
add("My son's EHCP annual review was cancelled twice and nobody explained why.",
    [], ["EHCP annual review", "cancelled"])
add("The family hub in Crawley needs a sign with pictures saying who is in today.",
    [], ["family hub", "Crawley", "sign with pictures"])
add("CAMHS waiting lists in East Sussex are far too long for teenagers.",
    [], ["CAMHS", "East Sussex", "teenagers"])
add("i want more clubs for autistic kids in the holidays in Worthing",
    [], ["clubs", "autistic", "Worthing"])
add("The SENCO and the head teacher should meet parents before writing the support plan.",
    [], ["SENCO", "head teacher", "support plan"])
add("The NHS wheelchair service took over a year to fix my chair.",
    [], ["NHS wheelchair service", "over a year"])
add("Our school's mini forum for parents has been brilliant, thank you.",
    [], ["mini forum", "parents"])
add("school uniform is too itchy and i cant concentrate in maths",
    [], ["school uniform", "maths"])
add("Hastings needs more short breaks for disabled children.",
    [], ["Hastings", "short breaks", "disabled children"])
add("Please add disabled parking information to the Family Hubs pages.",
    [], ["disabled parking", "Family Hubs"])
add("The transition from primary to secondary in Bexhill was badly planned.",
    [], ["transition", "primary", "secondary", "Bexhill"])
add("Young Voices helped me feel listened to for the first time.",
    [], ["Young Voices", "listened to"])
add("May we have ear defenders in every classroom at the academy?",
    [], ["ear defenders", "classroom"])
add("The Together for Change panel should meet in Chichester sometimes, not only online.",
    [], ["Together for Change panel", "Chichester", "online"])


if __name__ == "__main__":
    ids = [t["id"] for t in T]
    assert len(ids) == len(set(ids))
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "redaction.yml")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Blind set r9 - redaction of anonymous feedback. Invented details only. Written blind from SPEC.md + seeds.\n")
        yaml.safe_dump({"texts": T}, f, sort_keys=False, allow_unicode=True, width=1000)
    print(len(T), sum(1 for t in T if not t["personal"]), "clean")
