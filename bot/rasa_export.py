"""`getinvolved export-rasa DIR`: a Rasa Open Source 3.x project made from dialogues/ and content/.

Rasa classifies intents (trained from dialogues/nlu.yml and examples made from the content);
the profile questions are a Rasa form whose slots use custom mappings, so our
`validate_profile_form` action (served by `getinvolved actions`) reads the typed answers with the
bot's own understanding, and `action_recommend_routes` picks the routes. Train it with
`rasa train` and run it with `rasa run --enable-api` beside `getinvolved actions`.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import yaml

from bot.content import load_content
from bot.dialogues import load_dialogues
from bot.engine.nlu.interests import INTERESTS
from bot.settings import Settings

FORM_SLOTS = ("role", "age", "area", "interests")


def _block(lines: list[str]) -> str:
    return "".join(f"- {line}\n" for line in dict.fromkeys(lines) if line.strip())


def _inform_examples(settings: Settings) -> list[str]:
    """Answers to the profile questions, made from the content (roles, places, topics)."""
    content = load_content(settings.content_dir)
    dialogues = load_dialogues(settings.dialogues_dir)
    picker = random.Random(7)
    examples: list[str] = []
    for value in ("young_person", "parent_carer", "professional"):
        for phrase in dialogues.synonyms.get(value, [])[:25]:
            examples += [phrase, f"I'm a {phrase}" if value != "young_person" else phrase]
    for interest in INTERESTS:
        examples += dialogues.synonyms.get(interest, [])[:20]
    places = [name for names in content.places.by_council().values() for name in names]
    examples += picker.sample(places, min(120, len(places)))
    examples += [f"I live in {name}" for name in picker.sample(places, 40)]
    examples += [str(age) for age in range(8, 30)]
    examples += ["I'm 15", "fifteen", "I am 12 years old", "14 yrs old", "year 9", "twenty one"]
    examples += [
        "I'm a mum in Crawley and my son is 9",
        "im 15 from eastbourne",
        "I'm a dad in Lewes",
        "I work for the NHS in Hastings",
        "I'm a parent in Worthing",
        "15 and live in Horsham",
        "I'm a SENCO in Bognor",
        "we live near Chichester",
    ]
    return examples


def _rasa_variation(variation: dict[str, Any]) -> dict[str, Any]:
    """A response variation in Rasa's own shape: our links and button symbols are left out
    (Rasa's channels do not know them); the condition goes last, as Rasa writes it."""
    exported = {key: value for key, value in variation.items() if key not in ("condition", "links")}
    if "buttons" in exported:
        exported["buttons"] = [
            {key: value for key, value in button.items() if key != "symbol"}
            for button in exported["buttons"]
        ]
    if "condition" in variation:
        exported["condition"] = variation["condition"]
    return exported


def export_rasa(settings: Settings, directory: Path, *, actions_url: str) -> list[str]:
    """Write the project; returns the files written."""
    dialogues = load_dialogues(settings.dialogues_dir)
    domain: dict[str, Any] = dict(dialogues.raw_domain)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "data").mkdir(exist_ok=True)

    slots = dict(domain["slots"])
    for slot in FORM_SLOTS:
        slots[slot] = {
            **slots[slot],
            "mappings": [{"type": "custom", "action": "validate_profile_form"}],
        }
    slots["role"] = {**slots["role"], "values": [*slots["role"]["values"], "skipped"]}
    slots["area"] = {**slots["area"], "values": [*slots["area"]["values"], "skipped"]}
    slots["age_band"] = {**slots["age_band"], "mappings": [{"type": "custom"}]}
    slots["requested_slot"] = {
        "type": "text",
        "influence_conversation": False,
        "mappings": [{"type": "custom"}],
    }
    intents = list(dict.fromkeys([*domain["intents"], "crisis"]))
    responses = {
        name: [_rasa_variation(variation) for variation in variations]
        for name, variations in domain["responses"].items()
    }
    exported_domain = {
        "version": "3.1",
        "intents": intents,
        "entities": domain.get("entities", []),
        "slots": slots,
        "forms": {"profile_form": {"required_slots": list(FORM_SLOTS)}},
        "actions": domain["actions"],
        "responses": responses,
        "session_config": {
            "session_expiration_time": settings.conversation_expiry_minutes,
            "carry_over_slots_to_new_session": False,
        },
    }

    nlu: list[dict[str, Any]] = []
    for intent, examples in dialogues.intent_examples.items():
        nlu.append({"intent": intent, "examples": _block(examples)})
    nlu.append({"intent": "inform", "examples": _block(_inform_examples(settings))})
    nlu.append(
        {
            "intent": "crisis",
            "examples": _block(
                [
                    "I want to kill myself",
                    "i wanna die",
                    "I'm going to hurt myself",
                    "im suicidal",
                    "someone is hurting me",
                    "I don't feel safe at home",
                    "my son says he wants to end it",
                    "I have been cutting myself",
                    "I took too many pills",
                    "he hits me",
                ]
            ),
        }
    )

    rules = [
        {
            "rule": "greet, then ask who they are",
            "steps": [
                {"intent": "greet"},
                {"action": "utter_greet"},
                {"action": "profile_form"},
                {"active_loop": "profile_form"},
            ],
        },
        {
            "rule": "a first message with answers starts the questions",
            "steps": [
                {"intent": "inform"},
                {"action": "profile_form"},
                {"active_loop": "profile_form"},
            ],
        },
        {
            "rule": "offer routes when the questions are done",
            "condition": [{"active_loop": "profile_form"}],
            "steps": [
                {"action": "profile_form"},
                {"active_loop": None},
                {"slot_was_set": [{"requested_slot": None}]},
                {"action": "action_recommend_routes"},
            ],
        },
        {"rule": "crisis first", "steps": [{"intent": "crisis"}, {"action": "utter_crisis"}]},
        {"rule": "help", "steps": [{"intent": "help"}, {"action": "utter_help"}]},
        {
            "rule": "more about the routes",
            "steps": [{"intent": "more"}, {"action": "action_more_about_routes"}],
        },
        # "restart" and "back" are Rasa's own intents: its default actions handle them.
        {"rule": "delete my data", "steps": [{"intent": "forget"}, {"action": "action_forget_me"}]},
    ]
    config = {
        "recipe": "default.v1",
        "language": "en",
        "assistant_id": "getinvolved",
        "pipeline": [
            {"name": "WhitespaceTokenizer"},
            {"name": "RegexFeaturizer"},
            {"name": "LexicalSyntacticFeaturizer"},
            {"name": "CountVectorsFeaturizer"},
            {
                "name": "CountVectorsFeaturizer",
                "analyzer": "char_wb",
                "min_ngram": 1,
                "max_ngram": 4,
            },
            {"name": "DIETClassifier", "epochs": 60, "constrain_similarities": True},
            {"name": "FallbackClassifier", "threshold": 0.3},
        ],
        "policies": [
            {"name": "MemoizationPolicy"},
            {
                "name": "RulePolicy",
                "core_fallback_threshold": 0.3,
                "core_fallback_action_name": "action_default_fallback",
                "enable_fallback_prediction": True,
            },
        ],
    }
    files = {
        "config.yml": config,
        "domain.yml": exported_domain,
        "data/nlu.yml": {"version": "3.1", "nlu": nlu},
        "data/rules.yml": {"version": "3.1", "rules": rules},
        "endpoints.yml": {"action_endpoint": {"url": actions_url}},
        "credentials.yml": {"rest": None},
    }
    for name, data in files.items():
        with (directory / name).open("w", encoding="utf-8") as handle:
            handle.write("# Made by `getinvolved export-rasa` from dialogues/ and content/.\n")
            yaml.safe_dump(data, handle, sort_keys=False, allow_unicode=True, width=100)
    return list(files)


def prepare_trained_project(
    settings: Settings, project: Path, *, rasa: Path, actions_url: str, timeout: float = 1800
) -> Path:
    """Keep a trained Rasa project in ``project``: export afresh, train again only when the
    export changed (or there is no model yet), and point its endpoints at ``actions_url``."""
    with tempfile.TemporaryDirectory(prefix="getinvolved-rasa-") as folder:
        fresh = Path(folder) / "project"
        export_rasa(settings, fresh, actions_url=actions_url)

        def files(root: Path) -> dict[str, str]:
            found = {
                str(p.relative_to(root)): p.read_text(encoding="utf-8")
                for p in root.rglob("*.yml")
                if ".rasa" not in p.parts
            }
            found.pop("endpoints.yml", None)
            return found

        cached = files(project) if project.exists() else {}
        if files(fresh) != cached or not list((project / "models").glob("*.tar.gz")):
            shutil.rmtree(project, ignore_errors=True)
            shutil.copytree(fresh, project)
            subprocess.run(
                [str(rasa), "train", "--fixed-model-name", "getinvolved"],
                check=True,
                cwd=project,
                timeout=timeout,
            )
        shutil.copy(fresh / "endpoints.yml", project / "endpoints.yml")
    return project / "models" / "getinvolved.tar.gz"


def rasa_run_command(rasa: Path, port: int) -> list[str]:
    """`rasa run` on ``port`` for a project made by :func:`prepare_trained_project`
    (run it in the project's folder)."""
    return [
        str(rasa),
        "run",
        "--enable-api",
        "--port",
        str(port),
        "--endpoints",
        "endpoints.yml",
        "--model",
        "models/getinvolved.tar.gz",
    ]
