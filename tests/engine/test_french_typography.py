"""French typography in everything the coach says: a no-break space before : ; ? ! and inside
« guillemets » (issue 11, item 5). Rule files are typed with plain spaces; the engine fixes them."""

import re

# A plain space before a high mark, or after an opening guillemet.
_PLAIN_SPACE = re.compile(r" [:;?!»]| ?«(?! |\u00a0)\S|« ")


def _bad_spacing(text: str) -> list[str]:
    return [m.group() for m in _PLAIN_SPACE.finditer(text) if "http" not in text]


def test_every_french_rule_text_is_typeset(engine):
    problems = [
        f"{rule.path}: {text!r} {bad}"
        for rule in engine.rules("fr")
        for text in (rule.title, rule.message, rule.rationale, *rule.suggestions)
        if (bad := _bad_spacing(text))
    ]
    assert not problems, "\n".join(problems)


def test_the_check_catches_plain_spaces():
    assert _bad_spacing("Pourquoi : parce que ?") == [" :", " ?"]
    assert _bad_spacing("«Essayer de»") and not _bad_spacing("«\u00a0Essayer de\u00a0»")


def test_findings_on_every_french_example_are_typeset(engine):
    problems = []
    for rule in engine.rules("fr"):
        for example in rule.bad:
            a = engine.assess(example.text, example.kind, lang="fr")
            for f in a.findings:
                for text in (f.message, *f.suggestions):
                    if bad := _bad_spacing(text):
                        problems.append(f"{example.text!r} · {f.rule}: {text!r} {bad}")
    assert not problems, "\n".join(problems[:20])
