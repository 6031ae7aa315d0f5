"""Themes storage on SQLite and PostgreSQL: suggestions saved by the batch, staff tags that win,
rename, merge (tags move, later suggestions follow), new themes, and deletion with feedback."""

from __future__ import annotations

import pytest

from bot.app import GetInvolved
from bot.settings import Settings
from bot.store import themes as store
from bot.themes.batch import suggest_pending
from bot.themes.suggest import ThemeSuggester
from bot.themes.vocabulary import load_themes
from tests.themes.factories import create_feedback


@pytest.fixture(scope="module")
def suggester() -> ThemeSuggester:
    return ThemeSuggester(load_themes(Settings().content_dir)).fitted()


async def test_batch_suggests_once_for_each_item(
    bot_on: GetInvolved, suggester: ThemeSuggester
) -> None:
    taxi = await create_feedback(bot_on, text="The school taxi was late again this week")
    other = await create_feedback(bot_on, text="We waited 18 months for an autism assessment")
    assert await suggest_pending(bot_on.sessions, suggester) == 2
    assert await suggest_pending(bot_on.sessions, suggester) == 0  # nothing left to look at
    async with bot_on.sessions() as session:
        tags = await store.tags_for(session, [taxi, other])
        assert len(await store.list_themes(session)) == 12
    assert tags[taxi][0].theme_id == "transport" and tags[taxi][0].source == "suggested"
    assert tags[other][0].theme_id == "waiting"


async def test_staff_tags_win_and_can_be_cleared(
    bot_on: GetInvolved, suggester: ThemeSuggester
) -> None:
    item = await create_feedback(bot_on, text="The school taxi was late again this week")
    await suggest_pending(bot_on.sessions, suggester)
    async with bot_on.sessions.begin() as session:
        await store.set_staff_themes(session, item, ["listening", "transport"], staff_user_id=None)
    async with bot_on.sessions() as session:
        tags = (await store.tags_for(session, [item]))[item]
    assert [(t.theme_id, t.source) for t in tags] == [
        ("listening", "staff"),
        ("transport", "staff"),
    ]
    async with bot_on.sessions.begin() as session:
        await store.set_staff_themes(session, item, [], staff_user_id=None)
    async with bot_on.sessions() as session:
        tags = (await store.tags_for(session, [item]))[item]
    assert tags[0].source == "suggested"


async def test_rename_keeps_the_id_and_sync_keeps_the_new_name(
    bot_on: GetInvolved, suggester: ThemeSuggester
) -> None:
    await suggest_pending(bot_on.sessions, suggester)
    async with bot_on.sessions.begin() as session:
        theme = await store.get_theme(session, "transport")
        assert theme is not None
        await store.rename_theme(session, theme, "Travel to school")
    await suggest_pending(bot_on.sessions, suggester)  # syncs content themes again
    async with bot_on.sessions() as session:
        theme = await store.get_theme(session, "transport")
        assert theme is not None and theme.name == "Travel to school"


async def test_merge_moves_tags_and_later_suggestions(
    bot_on: GetInvolved, suggester: ThemeSuggester
) -> None:
    first = await create_feedback(bot_on, text="The school taxi was late again this week")
    both = await create_feedback(bot_on, text="The bus to college never comes")
    await suggest_pending(bot_on.sessions, suggester)
    async with bot_on.sessions.begin() as session:
        # "both" has a staff tag on each of the two themes: after the merge it keeps one
        await store.set_staff_themes(session, both, ["transport", "adulthood"], staff_user_id=None)
        transport = await store.get_theme(session, "transport")
        adulthood = await store.get_theme(session, "adulthood")
        assert transport is not None and adulthood is not None
        await store.merge_themes(session, transport, adulthood)
    later = await create_feedback(bot_on, text="Our child's taxi driver changed without notice")
    await suggest_pending(bot_on.sessions, suggester)
    async with bot_on.sessions() as session:
        tags = await store.tags_for(session, [first, both, later])
        listed = {theme.id for theme in await store.list_themes(session)}
        assert await store.merge_map(session) == {"transport": "adulthood"}
    assert "transport" not in listed and "adulthood" in listed
    assert tags[first][0].theme_id == "adulthood"
    assert [t.theme_id for t in tags[both]] == ["adulthood"]
    assert tags[later][0].theme_id == "adulthood"
    with pytest.raises(ValueError):
        async with bot_on.sessions.begin() as session:
            adulthood = await store.get_theme(session, "adulthood")
            assert adulthood is not None
            await store.merge_themes(session, adulthood, adulthood)


async def test_new_theme_tags_its_items_and_goes_with_deleted_feedback(
    bot_on: GetInvolved, suggester: ThemeSuggester
) -> None:
    item = await create_feedback(bot_on, text="Hospital parking is too dear")
    await suggest_pending(bot_on.sessions, suggester)
    async with bot_on.sessions.begin() as session:
        theme = await store.accept_new_theme(
            session,
            name="Parking",
            words=["parking", "hospital"],
            feedback_ids=[item],
            staff_user_id=None,
        )
    assert theme.id == "new_parking" and theme.origin == "discovered"
    async with bot_on.sessions() as session:
        assert (await store.tags_for(session, [item]))[item][0].theme_id == "new_parking"
    await bot_on.feedback.purge(0)  # everything is older than now
    async with bot_on.sessions() as session:
        assert await store.tags_for(session, [item]) == {}
        assert await store.unchecked_feedback(session) == []
