"""What the pipeline services and workflow refuse, said in the viewer's language.

The workflow (``pipeline.workflow``) explains a refused move in one English sentence per rule, and
several refusals share a field, so these sentences are recognised by their wording (``RULES``),
sentence by sentence; a message with a sentence no rule knows is looked up whole in the catalogue
(and shown in English if it is not there). ``tests/web/test_pipeline_pages.py`` and
``test_settings_pipeline_pages.py`` show them in Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic_core import ErrorDetails

from talentbridge.jobs.enums import JobStatus
from talentbridge.jobs.web import value_error_text
from talentbridge.pipeline.enums import ReasonKind, StageCategory
from talentbridge.web.forms import translate_message
from talentbridge.web.i18n import _, gettext
from talentbridge.web.labels import label

Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def rule(pattern: str, build: Callable[[re.Match[str]], str]) -> Rule:
    """A known English sentence (a regular expression) and how to say it in the viewer's language."""
    return re.compile(pattern), build


def _category_words(values: str) -> str:
    words = []
    for value in values.split(", "):
        try:
            words.append(label(StageCategory(value.strip())))
        except ValueError:
            words.append(value)
    return gettext(", ").join(words)


def _kind_rule(reason: str, kind: str, stage: str) -> str:
    if kind == ReasonKind.WITHDRAWAL.value:
        text = _("“%(reason)s” is a withdrawal reason; moving to “%(stage)s” needs a rejection reason.")
    else:
        text = _("“%(reason)s” is a rejection reason; moving to “%(stage)s” needs a withdrawal reason.")
    return text % {"reason": reason, "stage": stage}


RULES: list[Rule] = [
    rule(
        r"Moving to '(?P<stage>.+?)' needs a (?P<kind>rejection|withdrawal) reason\.",
        lambda m: (
            (
                _("Choose a rejection reason to move the candidate to “%(stage)s”.")
                if m["kind"] == "rejection"
                else _("Choose a withdrawal reason to move the candidate to “%(stage)s”.")
            )
            % {"stage": m["stage"]}
        ),
    ),
    rule(
        r"'(?P<reason>.+?)' is a (?P<kind>rejection|withdrawal) reason; moving to '(?P<stage>.+?)' needs a "
        r"(rejection|withdrawal) reason\.",
        lambda m: _kind_rule(m["reason"], m["kind"], m["stage"]),
    ),
    rule(
        r"The reason '(?P<reason>.+?)' is no longer in use; choose another\.",
        lambda m: _("The reason “%(reason)s” is no longer in use; choose another.") % {"reason": m["reason"]},
    ),
    rule(
        r"A reason is only recorded when rejecting or withdrawing; '(?P<stage>.+?)' is a [a-z]+ stage\.",
        lambda m: (
            _(
                "A reason is only recorded when rejecting or withdrawing; "
                "leave it empty to move to “%(stage)s”."
            )
            % {"stage": m["stage"]}
        ),
    ),
    rule(
        r"The application is already in '(?P<stage>.+?)'\.",
        lambda m: _("The candidate is already in “%(stage)s”.") % {"stage": m["stage"]},
    ),
    rule(
        r"A hired candidate cannot be rejected\. If they will not start, record a withdrawal; to correct a "
        r"mistaken hire, move them back to an active stage\.",
        lambda _m: _(
            "A hired candidate cannot be rejected. If they will not start, record a withdrawal; to correct "
            "a mistaken hire, move them back to an active stage."
        ),
    ),
    rule(
        r"This application is (rejected|withdrawn); move it back to an active stage before hiring\.",
        lambda _m: _("This application is closed; move it back to an active stage before hiring."),
    ),
    rule(
        r"That stage is not part of this job's pipeline\.",
        lambda _m: _("That stage is not part of this job's pipeline."),
    ),
    rule(r"No such stage\.", lambda _m: _("That stage does not exist any more; reload the page.")),
    rule(r"No such reason\.", lambda _m: _("That reason does not exist any more; reload the page.")),
    rule(r"No such person\.", lambda _m: _("This person does not exist any more.")),
    rule(r"No such source\.", lambda _m: _("This source does not exist any more.")),
    rule(
        r"The job is (?P<status>[a-z ]+); reopen it to add applications\.",
        lambda m: (
            _("The job is %(status)s; reopen it to add candidates.")
            % {"status": label(_job_status(m["status"]))}
        ),
    ),
    rule(
        r"This person has already applied to this job\.",
        lambda _m: _("This person is already in this job's pipeline."),
    ),
    rule(
        r"This job's pipeline has no applied stage to start in\.",
        lambda _m: _("This job's pipeline has no applied stage to start in."),
    ),
    rule(r"Every stage needs a name\.", lambda _m: _("Every stage needs a name.")),
    rule(
        r"The stage name '(?P<name>.+?)' is used twice\.",
        lambda m: _("The stage name “%(name)s” is used twice.") % {"name": m["name"]},
    ),
    rule(
        r"The pipeline needs at least one stage of each category: missing (?P<missing>[a-z, ]+)\.",
        lambda m: (
            _("The pipeline needs at least one stage of each of these categories: %(missing)s.")
            % {"missing": _category_words(m["missing"])}
        ),
    ),
    rule(
        r"There is already a (rejection|withdrawal) reason '(?P<label>.+?)'\.",
        lambda m: _("There is already a reason “%(label)s” in this list.") % {"label": m["label"]},
    ),
]


def _job_status(words: str) -> JobStatus:
    try:
        return JobStatus(words.replace(" ", "_"))
    except ValueError:
        return JobStatus.CLOSED


def say(message: str) -> str:
    """A pipeline service's English message in the viewer's language, sentence by sentence."""
    text = message.strip()
    parts: list[str] = []
    position = 0
    while position < len(text):
        for pattern, build in RULES:
            match = pattern.match(text, position)
            if match is not None:
                parts.append(build(match))
                position = match.end()
                break
        else:
            return translate_message(message)
        while position < len(text) and text[position] == " ":
            position += 1
    return " ".join(parts)


def explain(error: ErrorDetails) -> str:
    """A pipeline schema's ``ValueError`` in the viewer's language."""
    return say(value_error_text(error))
