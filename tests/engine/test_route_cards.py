"""Routes as cards with working links; "tell me more" about one route at a time; easy read;
the crisis reply's phone numbers as tel: links."""

from __future__ import annotations

from bot.app import GetInvolved
from bot.engine.engine import TurnResult
from bot.engine.replies import Reply


async def say(
    bot: GetInvolved, sender: str, *texts: str, easy_read: bool | None = None
) -> TurnResult:
    result = None
    for text in texts:
        result = await bot.converse("test", sender, text, easy_read=easy_read)
    assert result is not None and result.state is not None
    return result


def cards(result: TurnResult) -> list[Reply]:
    return [reply for reply in result.replies if reply.title]


async def test_each_route_is_a_card_with_its_links_and_symbol(bot: GetInvolved) -> None:
    result = await say(bot, "p", "I'm a mum in Lewes", "rather not say", "health")
    shown = cards(result)
    assert [card.title for card in shown][:1] == ["East Sussex Parent Carer Forum"]
    forum = shown[0]
    assert forum.symbol == "family"
    assert [link.as_dict() for link in forum.links] == [
        {"title": "Email the forum", "url": "mailto:info@espcf.org.uk"}
    ]
    assert "East Sussex" in forum.text  # who it is for
    assert all(card.symbol for card in shown)
    assert all(len(card.text.split()) <= 40 for card in shown), "one or two short sentences"
    assert result.replies[-1].buttons, "what next follows the cards"
    assert not result.replies[-1].title


async def test_a_route_the_seeds_give_no_link_for_has_none(bot: GetInvolved) -> None:
    result = await say(bot, "y", "im 15 in horsham", "making friends")
    voices = next(card for card in cards(result) if card.title == "Young Voices")
    assert voices.links == ()


async def test_tell_me_more_asks_which_then_shows_one_route(bot: GetInvolved) -> None:
    result = await say(bot, "m", "I'm a mum in Lewes", "/skip", "health", "/more")
    question = result.replies[-1]
    assert "Which one" in question.text
    assert [(b.title, b.payload, b.symbol) for b in question.buttons][0] == (
        "East Sussex Parent Carer Forum",
        '/more{"route": "espcf"}',
        "family",
    )
    assert not cards(result), "nothing is shown until they choose"
    result = await say(bot, "m", '/more{"route": "espcf"}')
    assert [card.title for card in cards(result)] == ["East Sussex Parent Carer Forum"]
    assert "info@espcf.org.uk" in cards(result)[0].text  # how to get in touch
    assert cards(result)[0].links[0].url == "mailto:info@espcf.org.uk"
    assert result.replies[-1].buttons[0].payload == "/more", "then what next"


async def test_with_one_route_tell_me_more_shows_it_at_once(bot: GetInvolved) -> None:
    result = await say(bot, "k", "I live in Kent, I'm a parent", "I'm 45", "school", "tell me more")
    assert result.state is not None and result.state.routes == ["find-local-forum"]
    assert [card.title for card in cards(result)] == ["Find your local parent carer forum"]


async def test_typed_route_names_work(bot: GetInvolved) -> None:
    await say(bot, "t", "im 15 in horsham", "school")
    result = await say(bot, "t", "tell me more about young voices")
    assert [card.title for card in cards(result)] == ["Young Voices"]
    result = await say(bot, "t", "Have a say at your school")  # a button's own words
    assert [card.title for card in cards(result)] == ["Have a say at your school"]
    await say(bot, "f", "I'm a dad in Crawley", '/inform{"age_band": "over_25"}', "his school")
    result = await say(bot, "f", "more about the forum")
    assert [card.title for card in cards(result)] == ["West Sussex Parent Carer Forum"]


async def test_more_about_something_not_offered_asks_which(bot: GetInvolved) -> None:
    result = await say(
        bot, "n", "I'm a dad in Crawley", "Over 25", "his school", "more about the weather"
    )
    assert "Which one" in result.replies[-1].text
    assert not cards(result)


async def test_easy_read_uses_the_shorter_texts_and_is_remembered(bot: GetInvolved) -> None:
    plain = await say(bot, "e1", "I'm a mum in Lewes", "rather not say", "health")
    easy = await say(bot, "e2", "hi", easy_read=True)
    assert easy.state is not None and easy.state.easy_read
    assert easy.replies[-1].text == "Who are you? Tap a button."
    easy = await say(bot, "e2", "I'm a mum in Lewes")  # not sent again: remembered
    assert easy.replies[-1].text == "How old are you? I mean you, not your child."
    easy = await say(bot, "e2", "rather not say", "health")
    plain_words = sum(len(card.text.split()) for card in cards(plain))
    easy_words = sum(len(card.text.split()) for card in cards(easy))
    assert easy_words < plain_words
    assert [c.title for c in cards(easy)] == [c.title for c in cards(plain)]
    assert cards(easy)[0].links == cards(plain)[0].links
    assert easy.replies[-1].text == "What next?"
    off = await say(bot, "e2", "/more", easy_read=False)
    assert off.replies[-1].text.startswith("Which one would you like")


async def test_crisis_replies_carry_the_helplines_as_phone_links(bot: GetInvolved) -> None:
    plain = await say(bot, "c1", "i want to kill myself")
    easy = await say(bot, "c2", "i want to kill myself", easy_read=True)
    urls = [link.url for link in plain.replies[0].links]
    assert {"tel:999", "tel:111", "tel:08001111", "tel:116123"} <= set(urls)
    assert easy.replies[0].text == plain.replies[0].text, "crisis words never change"
    other = await say(bot, "c3", "my little sister is meeting an adult she met online tonight")
    assert "tel:08088005000" in [link.url for link in other.replies[0].links]


async def test_symbols_on_the_main_buttons(bot: GetInvolved) -> None:
    result = await say(bot, "s", "hi")
    assert [b.symbol for b in result.replies[-1].buttons] == [
        "young-person",
        "family",
        "worker",
        "person",
        "skip",
    ]


async def test_after_which_one_a_route_name_is_enough(bot: GetInvolved) -> None:
    await say(bot, "w", "im 15 in horsham", "school", "tell me more")
    result = await say(bot, "w", "young voices please")
    assert [card.title for card in cards(result)] == ["Young Voices"]
    result = await say(bot, "w", "the youth group one")  # no longer choosing: not a route
    assert not cards(result)
    await say(bot, "w", "/more")
    result = await say(bot, "w", "the school one")
    assert [card.title for card in cards(result)] == ["Have a say at your school"]
