"""Key results proposed for every objective (issue 11, item 4): the measures library, and the
proposals for every demo and exercise objective, in its language, whole phrases only, with
placeholders and no invented figure; experiment key results for a learning objective; the CLI's
text, JSON and JSONL outputs.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from facilitator.cli import main
from facilitator.demo import demo_session
from facilitator.engine import Engine
from facilitator.engine.french import typography
from facilitator.engine.model import Proposal
from facilitator.engine.proposals import (
    KINDS,
    MeasureError,
    choosing,
    default_library,
    load_library,
)
from facilitator.paths import data_dir
from facilitator.training import list_packs
from facilitator.training.criteria import split_items

FIELDS = {
    "quality",
    "regulatory",
    "pharmacovigilance",
    "medical-affairs",
    "sales",
    "supply-chain",
    "hr",
    "it",
    "customer-service",
    "public-service",
    "software",
}
PLACEHOLDER = re.compile(r"\b[XYN]\b")
# Words a measured phrase never ends on: a determiner, a preposition, a dangling possessive.
FR_DANGLING = "le la les l' un une des du de d' à au aux en dans sur par pour avec et ou leur "
FR_DANGLING += "leurs son sa ses nos notre vos votre ce cet cette ces qui que qu' dont chaque"
EN_DANGLING = "the a an of to in on for with and or their its our his her your this these those "
EN_DANGLING += "who which that each every"
DANGLING = {"fr": set(FR_DANGLING.split()), "en": set(EN_DANGLING.split())}
BARE_ADJECTIVES = {"strong", "significant", "better", "good", "great", "fort", "forte", "bon"}


def demo_objectives() -> list[tuple[str, str]]:
    session = demo_session()
    return [(session.lang, v.text) for o in session.objectives for v in o.versions]


def exercise_objectives() -> list[tuple[str, str]]:
    out = []
    for pack in list_packs():
        for ex in pack.exercises:
            if ex.kind != "objective":
                continue
            for text in (ex.draft, ex.model_answer):
                out += [(ex.lang, item) for item in split_items(text, ex.items)]
    return out


def objectives() -> list[tuple[str, str]]:
    return list(dict.fromkeys(demo_objectives() + exercise_objectives()))


def digits(text: str) -> set[str]:
    return set(re.findall(r"\d+", text))


def truncation(text: str, lang: str) -> str | None:
    """What reads as a cut phrase in a proposal, if anything."""
    for quoted in re.findall(r"«\s*([^»]*?)\s*»|“([^”]*)”", text):
        words = "".join(quoted).lower().replace("’", "'").split()
        if not words:
            return "empty quotes"
        if words[-1] in DANGLING[lang]:
            return f"quote ends on '{words[-1]}'"
        if len(words) == 1 and words[0] in BARE_ADJECTIVES:
            return f"bare adjective '{words[0]}'"
    # The measured thing, right before "de X à Y" / "from X to Y".
    m = re.search(r"(\S+)\s+(?:de X|from X|à X|at X)\b", text)
    if m and m.group(1).lower().replace("’", "'") in DANGLING[lang]:
        return f"ends on '{m.group(1)}' before its figures"
    head = re.match(r"(?:Faire passer|Take|Hold|Tenir)\s+(\S+)\s+(?:de|from|à|at)\s+X\b", text)
    if head and head.group(1).lower() in BARE_ADJECTIVES:
        return f"bare adjective '{head.group(1)}'"
    return None


@pytest.fixture(scope="module")
def proposals(engine: Engine) -> dict[tuple[str, str], Sequence[Proposal]]:
    items = objectives()
    found = engine.assess_many(
        [{"text": text, "kind": "objective", "lang": lang} for lang, text in items]
    )
    return {item: a.key_result_proposals for item, a in zip(items, found, strict=True)}


# --- the library -------------------------------------------------------------------------------


def test_the_library_loads_with_every_field_and_every_measure_complete() -> None:
    library = load_library()
    names = {f.name for f in library.role("field")}
    assert names >= FIELDS, FIELDS - names
    assert len(library.measures()) >= 100
    for f in library.fields:
        assert f.keywords and f.title["fr"] and f.title["en"] and f.who["fr"] and f.who["en"]
        kinds = {m.kind for m in f.measures}
        assert kinds == set(KINDS), f"{f.name} lacks {set(KINDS) - kinds}"
        for m in f.measures:
            assert m.kind in KINDS and m.keywords and m.source.strip(), m.key
            for lang in ("fr", "en"):
                text = m.wording[lang]
                assert PLACEHOLDER.search(text), (m.key, lang)
                assert not re.search(r"\d", text), (m.key, lang)
            for guarded in m.guards:
                assert any(g.id == guarded for g in f.measures), (m.key, guarded)


def test_a_broken_measure_names_its_file_and_key(tmp_path: Path) -> None:
    folder = tmp_path / "measures"
    shutil.copytree(data_dir("measures"), folder)
    path = folder / "quality.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('kind = "outcome"', 'kind = "result"', 1), encoding="utf-8")
    with pytest.raises(MeasureError, match=r"quality\.toml: deviation-closure-time: kind"):
        load_library(folder)
    path.write_text(text.replace("de X à Y jours", "de 3 à 2 jours", 1), encoding="utf-8")
    with pytest.raises(MeasureError, match=r"quality\.toml: deviation-closure-time: fr: a digit"):
        load_library(folder)
    path.write_text(text.replace("source = ", "sauce = ", 1), encoding="utf-8")
    with pytest.raises(MeasureError, match="sauce: unknown key"):
        load_library(folder)


def test_french_typography_puts_no_break_spaces_where_they_belong() -> None:
    assert typography("Décider : X % de « oui » ?", "fr") == (
        "Décider\u00a0: X\u00a0% de «\u00a0oui\u00a0»\u00a0?"
    )
    assert typography("Decide: X% say “yes”?", "en") == "Decide: X% say “yes”?"


# --- every bundled objective -------------------------------------------------------------------


def test_every_demo_and_exercise_objective_is_covered() -> None:
    items = objectives()
    assert len(demo_objectives()) >= 10 and len(exercise_objectives()) >= 40
    assert {lang for lang, _ in items} == {"fr", "en"}


def test_every_objective_gets_an_outcome_a_leading_indicator_and_a_counter_measure(
    proposals: dict[tuple[str, str], Sequence[Proposal]],
) -> None:
    for (_, text), found in proposals.items():
        assert 2 <= len(found) <= 4, (text, found)
        assert {p.kind for p in found} == set(KINDS), (text, [p.kind for p in found])
        assert found[0].kind == "outcome", text
        assert len({p.text for p in found}) == len(found), text


def test_proposals_are_whole_phrases_with_placeholders_and_no_invented_figure(
    engine: Engine, proposals: dict[tuple[str, str], Sequence[Proposal]]
) -> None:
    for (lang, text), found in proposals.items():
        for p in found:
            where = f"{text!r} → {p.text!r}"
            assert PLACEHOLDER.search(p.text), where
            assert truncation(p.text, lang) is None, f"{where}: {truncation(p.text, lang)}"
            placeholders = p.text.replace("T4", "").replace("Q4", "")
            assert digits(placeholders) <= digits(text), where
            assert p.why.strip() and p.source.strip() and p.measure, where


def test_proposals_are_in_the_objective_s_language(
    engine: Engine, proposals: dict[tuple[str, str], Sequence[Proposal]]
) -> None:
    english = re.compile(r"\b(?:the|from|by|share|of|and|with|under)\b")
    french = re.compile(r"\b(?:le|la|les|des|de|d'ici|part|sous|avec|et)\b")
    for (lang, text), found in proposals.items():
        for p in found:
            other = english if lang == "fr" else french
            assert not other.search(p.text), (text, p.text)
            if lang == "fr":
                assert not re.search(r" [:;?!%»]|« ", p.text + p.why), p.text


def test_the_objective_s_own_measure_comes_first(engine: Engine) -> None:
    a = engine.assess("Fidéliser nos pharmaciens pour augmenter la part de marché en officine")
    assert a.key_result_proposals[0].text == (
        "Faire passer la part de marché en officine de X à Y d'ici [date]"
    )
    assert a.key_result_hint == a.key_result_proposals[0].text
    a = engine.assess("Reach 95% customer satisfaction", lang="en")
    assert a.key_result_proposals[0].text == "Take customer satisfaction from X to 95% by [date]"
    a = engine.assess("Réduire les retards de livraison d'ici fin 2026", lang="fr")
    assert a.key_result_proposals[0].text == (
        "Faire passer le nombre de retards de livraison de X à Y par mois d'ici fin 2026"
    )
    assert all("fin 2026" in p.text for p in a.key_result_proposals if p.kind != "counter")


def test_never_a_bare_adjective_nor_a_cut_phrase(engine: Engine) -> None:
    for text, lang in [
        ("Grow strong revenue", "en"),
        ("Deliver strong 20% growth", "en"),
        ("Augmenter la part des clients qui renouvellent leur contrat", "fr"),
    ]:
        for p in engine.assess(text, lang=lang).key_result_proposals:
            assert "strong" not in p.text and truncation(p.text, lang) is None, p.text
            assert not re.search(r"\bleur\s*(?:»|de X)", p.text), p.text


def test_a_counter_measure_watches_what_the_outcome_could_cost(engine: Engine) -> None:
    a = engine.assess("Traiter plus rapidement nos déviations qualité", lang="fr")
    [counter] = [p for p in a.key_result_proposals if p.kind == "counter"]
    assert counter.measure == "quality/recurring-deviations"
    assert "deux fois" in counter.why


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Vérifier que nos clients paieraient pour une livraison le jour même", "fr"),
        ("Comprendre si les pharmaciens utiliseraient un outil de commande en ligne", "fr"),
        ("Understand whether small clinics would pay for remote monitoring", "en"),
        ("Test whether our users want a weekly summary by email", "en"),
    ],
)
def test_a_learning_objective_gets_experiment_key_results(
    engine: Engine, text: str, lang: str
) -> None:
    found = engine.assess(text, lang=lang).key_result_proposals
    assert {p.kind for p in found} == set(KINDS)
    assert all(p.measure.startswith("learning/") for p in found), found
    texts = " ".join(p.text for p in found)
    assert ("go ou no-go" if lang == "fr" else "go or no-go") in texts
    assert re.search(r"\bN (?:entretiens|interviews|personnes|people)\b", texts), texts
    for p in found:
        assert PLACEHOLDER.search(p.text) and truncation(p.text, lang) is None, p.text


def test_who_comes_from_the_objective(engine: Engine) -> None:
    found = engine.assess(
        "Comprendre si les pharmaciens utiliseraient un outil de commande en ligne", lang="fr"
    ).key_result_proposals
    assert any("avec les pharmaciens" in p.text for p in found), found


def test_only_objectives_in_the_full_pass_get_proposals(engine: Engine) -> None:
    assert not engine.assess("Réduire le churn de 5 % à 3 %", "key_result").key_result_proposals
    lexical = engine.assess("Fidéliser nos pharmaciens", tier="lexical")
    assert not lexical.key_result_proposals and lexical.key_result_hint is None
    data = engine.assess("Fidéliser nos pharmaciens").to_dict()
    assert data["key_result_proposals"][0].keys() == {"text", "kind", "why", "source", "measure"}


def test_the_default_library_is_loaded_once() -> None:
    assert default_library() is default_library()


def test_a_library_that_no_longer_loads_leaves_the_scores_alone(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = MeasureError("measures/quality.toml: deviation-closure-time: kind: 'result'")
    monkeypatch.setattr(choosing, "_bundled", lambda: broken)  # where propose() looks it up
    a = engine.assess("Fidéliser nos pharmaciens pour augmenter la part de marché en officine")
    assert a.key_result_proposals == [] and a.scores.overall
    assert a.key_result_hint and "part de marché en officine" in a.key_result_hint  # as before


# --- the command line --------------------------------------------------------------------------


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input)


def test_score_lists_the_proposals_in_text_and_json() -> None:
    r = run("score", "Réduire les retards de livraison")
    assert r.exit_code == 0, r.output
    out = " ".join(r.output.split())
    assert "Résultats clés proposés" in out and "(contre-mesure)" in out
    assert "Faire passer le nombre de retards de livraison de X à Y par mois" in out
    r = run("score", "Cut late deliveries", "--format", "json")
    data = json.loads(r.output)
    assert data["key_result_proposals"][0]["kind"] == "outcome"
    assert data["key_result_hint"] == data["key_result_proposals"][0]["text"]


def test_jsonl_lines_carry_the_proposals_and_the_notices() -> None:
    lines = [
        {"id": "o", "text": "Réduire les retards de livraison", "kind": "objective"},
        {"id": "k", "text": "Réduire le churn de 5 % à 3 % d'ici fin 2026", "kind": "kr"},
        {"id": "long", "text": "Réduire les retards de livraison " + "x " * 1200},
    ]
    r = run("score", "--jsonl", "-", input="\n".join(json.dumps(x) for x in lines) + "\n")
    out = {d["id"]: d for d in map(json.loads, r.output.splitlines())}
    assert len(out["o"]["key_result_proposals"]) >= 3 and out["o"]["notices"] == []
    assert out["k"]["key_result_proposals"] == []
    assert out["long"]["key_result_proposals"] and out["long"]["notices"]
