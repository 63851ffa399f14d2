"""`exercises check` speaks the trainer's language (issue 15, item 7): a pack's problems in
French or English, the same problem at the same place in both."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.training import check_pack, packs_dir
from facilitator.training.criteria import CriterionError, compile_criterion


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    text = (packs_dir() / "fr-1-reperer.toml").read_text(encoding="utf-8")
    text = text.replace("level = 1", 'level = "1"', 1).replace("hints = [", "hint = [", 1)
    path = tmp_path / "fr-1-reperer.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_same_problems_in_french_and_in_english(broken: Path):
    french, english = check_pack(broken, lang="fr"), check_pack(broken, lang="en")
    assert [(p.line, p.field) for p in french] == [(p.line, p.field) for p in english]
    messages = [p.message for p in french]
    assert any(m.startswith("écrivez le nombre sans guillemets\u00a0: level = 1") for m in messages)
    assert any(m.startswith("manquant\u00a0: écrivez hints") for m in messages)
    assert any(p.message.startswith("missing: write hints") for p in english)
    assert check_pack(broken, lang=None) == french  # None: the pack's own language


def test_a_criterion_error_reads_in_either_language():
    with pytest.raises(CriterionError) as caught:
        compile_criterion("rule.kr-no-deadlin", "", "fr")
    assert str(caught.value).startswith('unknown rule "kr-no-deadlin"')
    assert 'did you mean "rule.kr-no-deadline"' in str(caught.value)
    assert caught.value.text("fr").startswith("règle inconnue «\u00a0kr-no-deadlin\u00a0»")
