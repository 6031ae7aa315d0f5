"""Data-only generator for consent.yml (blind set r9). Run: python3 gen/consent.py"""
import os
import yaml

A = []


def add(expect, feedback, answer):
    A.append({"id": "k%03d" % (len(A) + 1), "feedback": feedback, "answer": answer, "expect": expect})


AN, CO, NO, UN = "anonymous", "contact", "no", "unclear"

# anonymous: a clear yes, without their details
add(AN, "The Local Offer website is really hard to use on a phone", "yes, anonymously please")
add(AN, "my school dont let me use my ear defenders in assembly", "anonymous is fine")
add(AN, "We waited 9 months for a speech and language appointment", "Yes - pass it on anonymously.")
add(AN, "the bus to college comes too early, i have to get up at 5", "yeh go on, anon")
add(AN, "Please put the SEND events on one page again, it was really useful", "annonymous pls")
add(AN, "The family hub in Crawley had nowhere quiet to wait", "sure, keep me anonymous")
add(AN, "more clubs for autistic teenagers in the holidays please", "ok share it without my name 👍")
add(AN, "The annual review paperwork arrived the night before the meeting", "Anonymously")
add(AN, "CAMHS letters are full of jargon I can't understand", "yes you can pass it on, anonymous")
add(AN, "lunch hall is too loud", "yep anonymous")
add(AN, "There should be a picture sign saying who is in the building today", "Happy for you to share it anonymously")
add(AN, "the wheelchair service took a year to fix my chair", "go ahead, just leave my details out")
add(AN, "Teachers need more training on ADHD", "y anonymous")
add(AN, "Hospital appointments are always in school time", "That's fine, anonymous please")
add(AN, "I'd like the forum meetings in the evening for working parents", "yes share it, I'd rather stay anonymous")
add(AN, "my tutor is really nice and helps me a lot", "Yes please, anonymously")

# contact: a clear yes and they want a reply
add(CO, "Our EHCP is 6 weeks late and nobody will tell me why", "yes and please contact me back")
add(CO, "Why was the transport for my son changed without asking us?", "Yes, with a way to contact me")
add(CO, "i want to join the young inspectors next time", "yes pls get back to me")
add(CO, "The school's SEND policy isn't on their website", "yes you can share it and email me the answer")
add(CO, "I have ideas for making the Local Offer easier to read", "yeah pass it on, id like a reply")
add(CO, "Can the forum run a session in Bognor?", "Yes. Contact me on here please")
add(CO, "The respite service has closed and nobody told us", "happy for you to pass it on, and ring me")
add(CO, "i want to help with interview panels", "yes!! contact me plz")
add(CO, "We need more places in specialist schools in East Sussex", "Yes please share it, and let me know what happens")
add(CO, "The autism assessment letters don't say how long the wait is", "yes contact me back on telegram")
add(CO, "my plan says i get extra time but i never do", "yes n message me back")
add(CO, "Short breaks info is out of date on the website", "Yes, I would like someone to get back to me about this")
add(CO, "Thank you for the new leaflet, it's much clearer", "yes, with my contact details")

# no: any refusal
add(NO, "The SENCO never answers my emails", "no")
add(NO, "i dont like PE because of the changing rooms", "nah")
add(NO, "Nobody explained what the Local Offer is", "Not at all")
add(NO, "the taxi is always late", "no thanks")
add(NO, "My daughter's school won't let her have a quiet space", "dont share it")
add(NO, "waiting lists are too long", "nope")
add(NO, "The forum meeting was great", "please don't pass it on")
add(NO, "They lost our paperwork twice", "I'd rather you didn't")
add(NO, "the youth club closed", "na forget it")
add(NO, "The new form is confusing", "NO")
add(NO, "im scared to tell my teacher i dont understand", "no way, keep it to yourself")
add(NO, "I had a bad experience at the family hub", "I've changed my mind, don't send it")
add(NO, "The OT service is brilliant but too far away", "Absolutely not")
add(NO, "no one listens at my school", "nooo")
add(NO, "I want more information about transition to adult services", "not at all thanks")

# unclear: mixed, hesitant or off-topic (must not be stored)
add(UN, "The bus driver doesn't know how to help my son", "yes no")
add(UN, "School reports are hard to read", "maybe")
add(UN, "The Local Offer search is broken", "idk")
add(UN, "my school has no quiet room", "hmm not sure")
add(UN, "We need more support in the holidays", "what do you mean")
add(UN, "The speech therapist left and was never replaced", "yes... actually no wait")
add(UN, "There is nowhere to park at the child development centre", "can I think about it")
add(UN, "i want more trips at school", "pizza")
add(UN, "The annual review was cancelled twice", "depends who will see it")
add(UN, "My son has been out of school for 4 months", "I guess?")
add(UN, "the forum newsletter is great", "yes and no")
add(UN, "Too many forms to fill in", "🤷")
add(UN, "School uniform rules are hard for my sensory needs", "sort of")
add(UN, "I'd like the council to reply faster", "ok but dont share it")


if __name__ == "__main__":
    ids = [a["id"] for a in A]
    assert len(ids) == len(set(ids))
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "consent.yml")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Blind set r9 - consent answers. Written blind from SPEC.md + seeds only.\n")
        yaml.safe_dump({"answers": A}, f, sort_keys=False, allow_unicode=True, width=1000)
    from collections import Counter
    print(len(A), Counter(a["expect"] for a in A))
