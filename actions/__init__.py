"""The business steps of Get Involved as rasa-sdk actions.

The same classes run in-process (the engine calls them through rasa-sdk's executor) and in
rasa-sdk's action server (`getinvolved actions`) for a Rasa server. They stay thin: the work is
done by services in ``bot/``.
"""

from __future__ import annotations

from rasa_sdk import Action

from actions.context import ActionContext
from actions.feedback import ActionAllowPublishing, ActionSaveFeedback
from actions.forget import ActionForgetMe
from actions.profile import ValidateProfileForm
from actions.restart import ActionRestartConversation
from actions.routes import ActionMoreAboutRoutes, ActionRecommendRoutes


def build_actions(context: ActionContext) -> list[Action]:
    """One instance of every action, sharing ``context``."""
    return [
        ValidateProfileForm(context),
        ActionRecommendRoutes(context),
        ActionMoreAboutRoutes(context),
        ActionRestartConversation(context),
        ActionForgetMe(context),
        ActionSaveFeedback(context),
        ActionAllowPublishing(context),
    ]


__all__ = [
    "ActionAllowPublishing",
    "ActionContext",
    "ActionForgetMe",
    "ActionMoreAboutRoutes",
    "ActionRecommendRoutes",
    "ActionRestartConversation",
    "ActionSaveFeedback",
    "ValidateProfileForm",
    "build_actions",
]
