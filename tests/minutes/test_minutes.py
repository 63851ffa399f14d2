"""Minutes exports: Word structure and content (demo, every template, FR and EN), Markdown,
JSON round trip, CSV, hostile text, client templates, atomic writes and the CLI."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import RGBColor

from facilitator import durable, minutes
from facilitator.cli import main
from facilitator.demo import demo_session
from facilitator.minutes import (
    ExportError,
    csvfile,
    default_filename,
    export_session,
    format_for,
    jsonfile,
    render,
)
from facilitator.minutes.content import build
from facilitator.minutes.facts import scores_of
from facilitator.minutes.labels import EN, FR, labels_for
from facilitator.minutes.sanitize import clean, one_line
from facilitator.session import AgendaStep, ParentObjective, Session, Version
from facilitator.store import SessionStore
from facilitator.workshops import list_templates

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = [t.id for t in list_templates("fr")]

# The first-level headings every set of minutes carries, in order (tracking and retrospective
# sections are added for the sessions that have them).
H1 = {
    "fr": ["Synthèse", "Participants", "Déroulé de l’atelier", "Vision et objectifs stratégiques",
           "Objectifs et résultats clés", "Votes", "Décisions", "Actions", "Parking",
           "Propositions du brainstorm", "Glossaire"],
    "en": ["Executive summary", "Attendees", "Agenda", "Vision and strategic objectives",
           "Objectives and key results", "Votes", "Decisions", "Actions", "Parking lot",
           "Brainstorm proposals", "Glossary"],
}  # fmt: skip
TRACKING = {"fr": ("Suivi des résultats clés", "Notation des résultats clés"),
            "en": ("Key result tracking", "Key result grades")}  # fmt: skip
RETRO = {"fr": "Rétrospective", "en": "Retrospective"}

HOSTILE = (
    "Début\x00\x01\x07\x08\x0b\x0c\x1b\x1f fin\ufffe\uffff"
    " \ud800 seul \udfff · paire \ud83d\ude00 · 😀🚀 · العربية · 中文 · ελληνικά · русский"
    " · tab\there · ligne 1\r\nligne 2\rligne 3 · **gras** | pipe # <b>html</b> =cmd()"
)
LONG = "Réduire les délais " * 5300  # ≈ 100,000 characters


# --------------------------------------------------------------------------------------------
# Sessions to export


def session_from_template(template_id: str, lang: str, text: str | None = None) -> Session:
    """A session built from a shipped template, with a little of everything it may hold."""
    template = next(t for t in list_templates(lang) if t.id == template_id)
    fr = lang == "fr"
    s = Session(
        kind=template.kind,
        template=template.id,
        lang=lang,
        title=text or template.text("title", lang),
        organisation="Laboratoires Exemple" if fr else "Example Labs",
        date="2026-04-07",
        place=text or "Lyon",
        facilitator="Claire Martin",
        vision=text or ("Devenir la référence en dermatologie." if fr else "Lead in dermatology."),
        glossary={"OKR": text or "Objectives and Key Results", "CAPA": "Corrective actions"},
    )
    s.agenda = [
        AgendaStep(id=step.id, kind=step.kind, title=step.text("title", lang),
                   planned_minutes=step.minutes)
        for step in template.steps
    ]  # fmt: skip
    s.goto_step(0)
    s.pause_timer()
    s.agenda[0].actual_seconds = 600.0
    if len(s.agenda) > 1:
        s.goto_step(1)
        s.pause_timer()
    anne = s.add_participant(text or "Anne Dubois", role="DG", team=text or "Direction")
    marc = s.add_participant("Marc Petit", role="DAF", team="Finance", present=False)
    s.parents.append(ParentObjective(id="p1", text=text or ("Croissance" if fr else "Growth")))
    o1 = s.add_objective(
        text or ("Améliorer la qualité" if fr else "Improve quality"),
        scores={"clarity": 50, "ambition": 40, "measurability": 40, "overall": 43},
        findings=["vague-verb"],
        owner=anne.id,
        parent_id="p1",
        status="retained",
    )
    o1.add_version(
        text or ("Libérer chaque lot à temps" if fr else "Release every batch on time"),
        scores={"clarity": 90, "ambition": 80, "measurability": 70, "overall": 80},
    )
    o1.mark_final()
    kr = o1.add_key_result(
        text or ("Réduire le délai de 42 à 25 jours" if fr else "Cut lead time from 42 to 25 days"),
        scores={"clarity": 90, "ambition": 85, "measurability": 100, "overall": 92},
        owner=anne.id,
        baseline="42",
        target="25",
        unit="jours" if fr else "days",
        deadline="2026-06-30",
    )
    o1.add_key_result(text or "KR 2", owner=marc.id, baseline="10 %", target="20 %")
    s.add_objective(text or ("Objectif orphelin" if fr else "Orphan objective"), owner=marc.id)
    s.votes_for(o1.id).set_priority(anne.id, "yes")
    s.set_dots(o1.id, anne.id, 2)
    s.add_decision(text or ("Retenir O1" if fr else "Keep O1"))
    s.add_action(text or ("Fiabiliser la mesure" if fr else "Check the baseline"),
                 owner=anne.id, due="2026-04-30")  # fmt: skip
    s.add_action("Deuxième action" if fr else "Second action", owner=text or "Marc Petit")
    s.park(text or "Sujet à revoir", owner=anne.id, next_step=text or "Revue d'avril")
    p1 = s.add_proposal(text or "Idée A")
    p2 = s.add_proposal("Idée B")
    s.merge_proposals([p1.id, p2.id], text or "Idée A+B")
    s.drop_proposal(s.add_proposal(text or "Idée C").id)
    if template.kind in ("review", "retrospective"):
        kr.add_checkin("30", confidence=6, comment=text or "En bonne voie",
                       blockers=[text or "Extraction lente"], lang=lang)  # fmt: skip
    if template.kind == "retrospective":
        kr.set_grade(0.7)
        s.worked.append(text or "Le rituel mensuel")
        s.to_change.append(text or "Mesurer plus tôt")
    return s


def hostile_session(lang: str = "fr") -> Session:
    s = session_from_template("retrospective", lang, HOSTILE)
    s.objectives[0].add_version(LONG, scores={"overall": 0.9})
    s.vision = LONG
    return s


def outline(path: Path | bytes) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph of a .docx."""
    document = docx.Document(io.BytesIO(path) if isinstance(path, bytes) else str(path))
    return [(p.style.name, p.text) for p in document.paragraphs]


def headings(doc: Any, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def table_after(doc: Any, heading: str) -> Any:
    """The first table that follows the paragraph `heading` in the body."""
    seen = False
    for item in doc.iter_inner_content():
        if isinstance(item, docx.text.paragraph.Paragraph):
            seen = seen or item.text == heading
        elif seen:
            return item
    raise AssertionError(f"no table after {heading!r}")


def rows(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


# --------------------------------------------------------------------------------------------
# Word: the demo


@pytest.fixture(scope="module")
def demo_docx(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("demo") / "minutes.docx"
    export_session(demo_session(), path)
    return docx.Document(str(path))


def test_demo_minutes_have_the_structure_in_french(demo_docx: Any) -> None:
    doc = demo_docx
    assert doc.paragraphs[0].style.name == "Title"
    assert doc.paragraphs[0].text == "Atelier de cadrage OKR — CODIR"
    assert headings(doc, 1) == H1["fr"]
    h2 = headings(doc, 2)
    objectives = [h for h in h2 if h.startswith("Objectif ")]
    assert len(objectives) == 5  # the dropped one is listed apart
    assert objectives[0] == (
        "Objectif 1 — Traiter nos déviations qualité sans retard pour libérer chaque lot à temps"
    )
    assert {"Vision", "Objectifs stratégiques", "Propositions fusionnées",
            "Propositions écartées", "Objectifs écartés"} <= set(h2)  # fmt: skip
    h3 = headings(doc, 3)
    assert h3.count("Résultats clés") == 5 and h3.count("Historique du libellé") == 5
    text = "\n".join(p.text for p in doc.paragraphs)
    for expected in (
        "Organisation\u00a0: Laboratoires Altavia",
        "Date\u00a0: 19 mars 2026",
        "Objectifs retenus\u00a0: 4 sur 6 examinés",
        "50\u202f% des objectifs votés (3 sur 6)",
        "⚠ Non aligné",
        "De v1 à v3\u00a0: score global 92 → 100 (+8).",
        "Constats levés en cours de route\u00a0: Objectif sans",
    ):
        assert expected in text
    assert any(p.style.name == "List Bullet" for p in doc.paragraphs)
    props = doc.core_properties
    assert props.language == "fr-FR" and props.title == "Atelier de cadrage OKR — CODIR"
    for english in ("Executive summary", "Key results", "Owner", "Decisions"):
        assert english not in text


def test_demo_tables_hold_key_results_agenda_and_actions(demo_docx: Any) -> None:
    doc = demo_docx
    assert {t.style.name for t in doc.tables} == {"Light List Accent 1"}
    kr = rows(table_after(doc, "Résultats clés"))
    assert kr[0] == ["#", "Résultat clé", "Départ", "Cible", "Échéance", "Responsable",
                     "Global (C/A/M)"]  # fmt: skip
    assert len(kr) == 4
    assert kr[1][0] == "RC1.1"
    assert kr[1][2:6] == ["42 jours", "25 jours", "30 juin 2026", "Sophie Marchal"]
    assert kr[1][6] == "100\n100/100/100"
    assert kr[3][1].endswith("(aspirationnel)")

    agenda = rows(table_after(doc, "Déroulé de l’atelier"))
    assert len(agenda) == 1 + 10 + 1  # header, the template's ten steps, total
    assert agenda[1][1:6] == ["Rappel de la vision et des enjeux", "15", "17", "+2", "Terminée"]
    assert agenda[5][2] == "30 (+5)"
    assert agenda[8][5] == "En cours" and agenda[9][3] == "—"
    assert agenda[-1][1:5] == ["Total", "180", "164", "+18"]

    actions = rows(table_after(doc, "Actions"))
    assert actions[0] == ["#", "Action", "Responsable", "Échéance", "Statut"]
    assert len(actions) == 8
    assert actions[2][2:5] == ["Karim Benali", "3 avril 2026", "À faire"]

    history = rows(table_after(doc, "Historique du libellé"))
    assert [r[0] for r in history] == ["Version", "v1", "v2", "v3 (final)"]
    assert history[2][2:] == ["98", "+23", "Objectif flou, Verbe vague"]
    assert "suggestion acceptée" in history[2][1]

    votes = rows(table_after(doc, "Votes"))
    # Ranked as the vote screen ranks: "clearly a priority" answers first, then dots.
    assert votes[1][0].startswith("O1 — ") and votes[1][1:] == ["8", "1", "0", "7", "Oui"]
    assert votes[2][0].startswith("O2 — ") and votes[2][1:] == ["7", "2", "0", "8", "Oui"]
    assert any(r[0].endswith("(écarté)") for r in votes)
    parking = rows(table_after(doc, "Parking"))
    assert [r[3] for r in parking[1:]] == ["Suite définie", "Suite définie", "À traiter"]
    glossary = dict(r for r in rows(table_after(doc, "Glossaire"))[1:])
    assert {"CAPA", "AMM", "BPF", "PSUR"} <= set(glossary)
    participants = rows(table_after(doc, "Participants"))
    assert ["Paolo Ferraro", "Directeur général de la filiale suisse", "Filiale Suisse",
            "Non"] in participants  # fmt: skip


def _twips(cell: Any) -> int:
    return int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w")))


def test_score_columns_never_wrap_and_tables_keep_together(demo_docx: Any) -> None:
    """Issue 13: "100/100/100" wrapped onto two lines; tables broke after their heading and
    inside rows. In DejaVu, which LibreOffice puts in place of a missing Calibri or Cambria
    (where the wrap was seen), digits are 0.636 em and the slash 0.337 em: "100/100/100" in 9 pt
    needs 57.6 pt (1152 twips), plus Word's cell margins (2 × 108 twips)."""
    krs = table_after(demo_docx, "Résultats clés")
    header, *body = krs.rows
    assert header.cells[-1].text == "Global (C/A/M)"
    assert all(row.cells[-1].text.split("\n")[-1] == "100/100/100" for row in body)
    assert _twips(header.cells[-1]) >= 1152 + 216
    for table in demo_docx.tables:
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None  # a row stays on one page
        first = table.rows[0].cells[0].paragraphs[0]._p.pPr
        assert first is not None and first.find(qn("w:keepNext")) is not None
    # The sentence that introduces a table stays on its page ("De v1 à v3 : score global …").
    intro = next(p for p in demo_docx.paragraphs if p.text.startswith("De v1 à v3"))
    assert intro.paragraph_format.keep_with_next
    # Figures are centred: the agenda's minutes, not its step names.
    agenda = table_after(demo_docx, "Déroulé de l’atelier").rows[1].cells
    assert agenda[2].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert agenda[1].paragraphs[0].alignment is None


def test_a_long_word_widens_its_narrow_column_at_the_expense_of_the_wide_ones() -> None:
    session = Session(title="Atelier", lang="fr")
    session.add_participant("Anne", role="R", team="Pharmacovigilance-réglementaire-qualité")
    doc = docx.Document(io.BytesIO(render(session, "docx")))
    table = table_after(doc, "Présence\u00a0: 1 sur 1.")
    team, presence = table.rows[1].cells[2], table.rows[1].cells[3]
    word = len("Pharmacovigilance-réglementaire-qualité")
    assert _twips(team) >= word * 0.5 * 9 * 20 + 216  # 0.5 em a letter at 9 pt, and margins
    assert _twips(presence) >= len("Présence") * 0.5 * 9 * 20
    total = sum(_twips(c) for c in table.rows[1].cells)
    assert total <= (21.0 - 4.0) / 2.54 * 1440 + 4  # still the text width of an A4 page


def test_demo_markdown_mirrors_the_word_document(demo_docx: Any) -> None:
    md = render(demo_session(), "md").decode("utf-8")
    md_headings = [line for line in md.splitlines() if line.startswith("#")]
    word = [(p.style.name, p.text) for p in demo_docx.paragraphs
            if p.style.name == "Title" or p.style.name.startswith("Heading")]  # fmt: skip
    assert len(md_headings) == len(word)
    marks = {"Title": "# ", "Heading 1": "## ", "Heading 2": "### ", "Heading 3": "#### "}
    for line, (style, text) in zip(md_headings, word, strict=True):
        assert line == marks[style] + text.replace("#", "\\#")
    assert "| RC1.1 | Réduire le délai moyen de clôture des déviations" in md
    assert "| 100<br>100/100/100 |" in md


# --------------------------------------------------------------------------------------------
# Word: every shipped template, in both languages


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("template_id", TEMPLATES)
def test_minutes_of_each_template(template_id: str, lang: str, tmp_path: Path) -> None:
    session = session_from_template(template_id, lang)
    path = export_session(session, tmp_path / "minutes.docx")
    doc = docx.Document(str(path))
    expected = list(H1[lang])
    if session.kind in ("review", "retrospective"):
        expected.insert(5, TRACKING[lang][session.kind == "retrospective"])
    if session.kind == "retrospective":
        expected.insert(-1, RETRO[lang])
    assert headings(doc, 1) == expected
    labels = labels_for(lang)
    kr = rows(table_after(doc, labels["key_results"]))
    assert kr[0][1] == labels["key_result"] and len(kr) == 3
    assert kr[1][2:5] == ["42 " + ("jours" if lang == "fr" else "days"), "25 "
                          + ("jours" if lang == "fr" else "days"),
                          "30 juin 2026" if lang == "fr" else "30 June 2026"]  # fmt: skip
    actions = rows(table_after(doc, labels["actions"]))
    assert [r[2] for r in actions] == [labels["owner"], "Anne Dubois", "Marc Petit"]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert labels["not_aligned"] in text
    other = EN if lang == "fr" else FR
    for key in ("summary", "glossary", "attendees"):
        assert other[key] not in headings(doc, 1)
    if session.kind in ("review", "retrospective"):
        tracking = rows(table_after(doc, TRACKING[lang][session.kind == "retrospective"]))
        assert tracking[1][4] == labels.percent(12 / 17)  # 42 → 25, now 30
        assert tracking[1][5] == "6/10"
    if session.kind == "retrospective":
        assert tracking[1][6] == labels.number(0.7)
        assert labels["worked"] in headings(doc, 2)
    md = render(session, "md").decode("utf-8")
    assert f"## {labels['summary']}" in md and f"## {labels['glossary']}" in md


def test_an_empty_session_still_exports(tmp_path: Path) -> None:
    for fmt in ("docx", "md", "json", "csv"):
        for lang in ("fr", "en"):
            export_session(Session(lang=lang), tmp_path / f"empty-{lang}.{fmt}")
    doc = docx.Document(str(tmp_path / "empty-en.docx"))
    assert doc.paragraphs[0].text == "Untitled session"
    assert "No objective yet." in [p.text for p in doc.paragraphs]


def test_scores_on_a_zero_to_one_scale_are_shown_out_of_100() -> None:
    assert scores_of(Version(n=1, text="x", scores={"clarity": 0.5, "overall": 0.33})) == {
        "clarity": 50,
        "overall": 33,
    }
    assert scores_of(Version(n=1, text="x", scores={"clarity": 90, "ambition": 60})) == {
        "clarity": 90,
        "ambition": 60,
        "overall": 75,
    }
    assert scores_of(Version(n=1, text="x")) is None


# --------------------------------------------------------------------------------------------
# Client templates


def make_client_template(path: Path, *, sparse: bool = False) -> Path:
    client = docx.Document()
    client.sections[0].header.paragraphs[0].text = "ALTAVIA — DIFFUSION RESTREINTE"
    client.sections[0].footer.paragraphs[0].text = "Pied de page du client"
    client.styles["Heading 1"].font.color.rgb = RGBColor(0x8B, 0x00, 0x00)
    client.add_paragraph("Contenu d’exemple à effacer")
    client.add_table(rows=2, cols=2)
    if sparse:
        for name in ("Heading 3", "List Bullet", "Light List Accent 1", "Subtitle"):
            client.styles[name].delete()
    client.save(str(path))
    return path


def test_a_client_template_gives_its_styles_header_and_footer(tmp_path: Path) -> None:
    template = make_client_template(tmp_path / "client.docx")
    out = export_session(demo_session(), tmp_path / "cr.docx", template=template)
    doc = docx.Document(str(out))
    assert doc.sections[0].header.paragraphs[0].text == "ALTAVIA — DIFFUSION RESTREINTE"
    assert doc.sections[0].footer.paragraphs[0].text == "Pied de page du client"
    assert doc.styles["Heading 1"].font.color.rgb == RGBColor(0x8B, 0x00, 0x00)
    texts = [p.text for p in doc.paragraphs]
    assert "Contenu d’exemple à effacer" not in texts
    assert texts[0] == "Atelier de cadrage OKR — CODIR"
    assert headings(doc, 1) == H1["fr"]
    assert all(t.style.name == "Light List Accent 1" for t in doc.tables)


def test_a_sparse_client_template_and_a_dotx_still_work(tmp_path: Path) -> None:
    template = make_client_template(tmp_path / "sparse.docx", sparse=True)
    doc = docx.Document(io.BytesIO(render(demo_session(), "docx", template=template)))
    assert headings(doc, 3).count("Résultats clés") == 5
    assert doc.styles["Heading 3"].type == WD_STYLE_TYPE.PARAGRAPH
    assert {t.style.name for t in doc.tables} == {"Table Grid"}
    bullets = [p.text for p in doc.paragraphs if p.text.startswith("• ")]
    assert any("Refaire l’intranet" in b for b in bullets)

    dotx = tmp_path / "client.dotx"  # a Word template: same package, another content type
    with (
        zipfile.ZipFile(make_client_template(tmp_path / "c.docx")) as source,
        zipfile.ZipFile(dotx, "w") as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(item, data)
    out = export_session(demo_session(), tmp_path / "from-dotx.docx", template=dotx)
    assert docx.Document(str(out)).sections[0].header.paragraphs[0].text.startswith("ALTAVIA")


def test_an_unusable_template_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"missing.docx: the template file does not exist"):
        render(demo_session(), "docx", template=tmp_path / "missing.docx")
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ExportError, match=r"fake.docx: not a Word document"):
        render(demo_session(), "docx", template=fake)
    with pytest.raises(ExportError, match=r"applies to Word minutes"):
        render(demo_session(), "md", template=fake)


# --------------------------------------------------------------------------------------------
# JSON


def test_json_export_import_export_gives_the_same_data(tmp_path: Path) -> None:
    for session in (demo_session(), hostile_session(), session_from_template("retrospective",
                                                                             "en")):  # fmt: skip
        first = export_session(session, tmp_path / "a.json", overwrite=True)
        again = jsonfile.load(first)
        second = export_session(again, tmp_path / "b.json", overwrite=True)
        a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (first, second))
        a.pop("exported"), b.pop("exported")
        assert a == b
        # JSON reads a surrogate pair written as two code points back as one character; the
        # ballots come back anonymous (tests/envelope checks they give the same results).
        joined = json.loads(json.dumps(session.to_dict()))
        assert {**again.to_dict(), "votes": None} == {**joined, "votes": None}
        assert a["format"] == "facilitator-session" and a["session"]["id"] == session.id


def test_json_keeps_accents_readable_and_survives_lone_surrogates(tmp_path: Path) -> None:
    plain = render(demo_session(), "json").decode("utf-8")
    assert "Déroulé" not in plain and "Hélène Vasseur" in plain  # content, not labels
    data = render(hostile_session(), "json")
    data.decode("ascii")  # escaped, since lone surrogates cannot be UTF-8
    title = json.loads(data)["session"]["title"]
    assert title == HOSTILE.replace("\ud83d\ude00", "😀") and "\ud800 seul \udfff" in title


def test_importing_a_broken_json_file_names_the_file(tmp_path: Path) -> None:
    from facilitator.store import StoreError

    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "facilitator-session", "schema_version": 1,', encoding="utf-8")
    with pytest.raises(StoreError, match=r"broken.json: not valid JSON at line 1"):
        jsonfile.load(bad)
    foreign = tmp_path / "foreign.json"
    foreign.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(StoreError, match=r"foreign.json: .*not a facilitator session"):
        jsonfile.load(foreign)


# --------------------------------------------------------------------------------------------
# CSV


def read_csv(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


def test_csv_lists_objectives_and_key_results_with_accents(tmp_path: Path) -> None:
    path = export_session(demo_session(), tmp_path / "okr.csv")
    table = read_csv(path.read_bytes())
    assert list(table[0]) == list(csvfile.COLUMNS)
    assert [r["type"] for r in table].count("objective") == 6
    assert [r["type"] for r in table].count("key_result") == 12
    first = table[0]
    assert first["number"] == "O1" and first["owner"] == "Isabelle Roche"
    assert (
        first["text"]
        == "Traiter nos déviations qualité sans retard pour libérer chaque lot à temps"
    )
    assert first["parent"].startswith("Garantir une qualité") and first["aligned"] == "yes"
    assert (first["clarity"], first["overall"], first["version"], first["versions"]) == (
        "100", "100", "3", "3",
    )  # fmt: skip
    kr = table[1]
    assert (kr["number"], kr["baseline"], kr["target"], kr["unit"], kr["deadline"]) == (
        "RC1.1", "42", "25", "jours", "2026-06-30",
    )  # fmt: skip
    orphan = next(r for r in table if r["objective_id"] == "obj-ged" and r["type"] == "objective")
    assert orphan["aligned"] == "no" and orphan["status"] == "draft"
    dropped = next(r for r in table if r["objective_id"] == "obj-achats")
    assert dropped["status"] == "dropped" and dropped["number"] == ""


def test_csv_for_french_excel_and_formula_guard() -> None:
    session = session_from_template("retrospective", "fr")
    session.objectives[0].key_results[0].versions[0].text = '=HYPERLINK("x")'
    session.objectives[0].key_results[1].versions[0].text = "-20 % de réclamations"
    table = read_csv(render(session, "csv", delimiter=";"), ";")
    kr1, kr2 = (r for r in table if r["type"] == "key_result")
    assert kr1["text"] == '\'=HYPERLINK("x")' and kr2["text"] == "'-20 % de réclamations"
    assert kr1["grade"] == "0,70" and kr1["progress"] == "71" and kr1["confidence"] == "6"
    assert read_csv(render(session, "csv"))[1]["grade"] == "0.70"
    with pytest.raises(ValueError):
        csvfile.render(session, "\t")


# --------------------------------------------------------------------------------------------
# Hostile text


def test_sanitize_keeps_what_can_be_written() -> None:
    assert clean("a\x00b\x07c\x1bd\x7fe") == "abcd\x7fe"
    assert clean("tab\tnl\n") == "tab\tnl\n"
    assert clean("x\r\ny\rz") == "x\ny\nz"
    assert clean("\ufffe\uffff") == ""
    assert clean("\ud83d\ude00 \ud800") == "😀 "
    assert clean(None) == "" and clean(12) == "12"
    assert one_line(" a\n\n b\tc\u00a0% ") == "a b c\u00a0%"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_hostile_text_exports_cleanly_in_every_format(lang: str, tmp_path: Path) -> None:
    session = hostile_session(lang)
    for fmt in minutes.FORMATS:
        export_session(session, tmp_path / f"hostile.{fmt}")
    doc = docx.Document(str(tmp_path / "hostile.docx"))
    body = "\n".join(p.text for p in doc.paragraphs)
    body += "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert not any(ord(ch) < 32 and ch not in "\t\n" for ch in body)
    assert "\ufffe" not in body and "😀🚀" in body and "العربية · 中文" in body
    assert "ligne 1\nligne 2\nligne 3" in body  # one break each, not two
    assert any(len(p.text) >= len(LONG.strip()) for p in doc.paragraphs)  # nothing truncated
    md = (tmp_path / "hostile.md").read_text(encoding="utf-8")
    assert "\\*\\*gras\\*\\* \\| pipe # \\<b\\>html\\</b\\>" in md
    assert LONG.strip() in md.replace("\\\n", "")
    table = read_csv((tmp_path / "hostile.csv").read_bytes())
    assert table[0]["text"] == LONG and table[0]["overall"] == "90"
    assert table[1]["text"].startswith("Début fin") and "😀" in table[1]["text"]
    assert "ligne 1\nligne 2\nligne 3" in table[1]["text"]
    assert json.loads((tmp_path / "hostile.json").read_bytes())["session"]["vision"] == LONG


# --------------------------------------------------------------------------------------------
# Atomic writes


def test_a_failing_export_leaves_the_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "cr.docx"
    target.write_bytes(b"previous minutes")
    os.chmod(target, 0o640)

    real_write = durable.Replacement.write

    def half_then_full_disk(replacement: durable.Replacement, data: bytes) -> None:
        real_write(replacement, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(durable.Replacement, "write", half_then_full_disk)
    with pytest.raises(ExportError, match=r"cr.docx: could not write the file .*No space left"):
        export_session(demo_session(), target, overwrite=True)
    assert target.read_bytes() == b"previous minutes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cr.docx"]  # no temp left behind
    monkeypatch.undo()

    def broken_writer(*args: Any, **kwargs: Any) -> bytes:
        raise RuntimeError("bug in the writer")

    monkeypatch.setattr(minutes.docx, "render", broken_writer)
    with pytest.raises(RuntimeError):
        export_session(demo_session(), target, overwrite=True)
    assert target.read_bytes() == b"previous minutes"
    monkeypatch.undo()

    def no_rename(*args: Any) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(durable.os, "replace", no_rename)
    with pytest.raises(ExportError):
        export_session(demo_session(), tmp_path / "new.md")
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cr.docx"]

    export_session(demo_session(), target, overwrite=True)  # replaced, keeping its mode
    assert target.read_bytes().startswith(b"PK") and (target.stat().st_mode & 0o777) == 0o640


def test_export_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"the folder .* does not exist"):
        export_session(demo_session(), tmp_path / "nowhere" / "cr.docx")
    with pytest.raises(ExportError, match=r"this is a folder"):
        export_session(demo_session(), tmp_path, "md")
    with pytest.raises(ExportError, match=r"unknown format 'pdf'"):
        export_session(demo_session(), tmp_path / "x.pdf", "pdf")


def test_file_names_and_formats() -> None:
    session = demo_session()
    assert default_filename(session, "docx") == "atelier-de-cadrage-okr-codir-2026-03-19.docx"
    assert default_filename(Session(id="abc"), "csv") == "session-abc.csv"
    assert format_for("CR.DOCX") == "docx" and format_for("a.markdown") == "md"
    assert format_for("a.txt") is None


def test_labels_exist_in_both_languages() -> None:
    assert FR.keys() == EN.keys()
    for table in (FR, EN):
        for key, value in table.items():
            assert value.strip(), key
            assert ("|" in value) == key.startswith("n."), key
    fr, en = labels_for("fr"), labels_for("en")
    assert (fr.n("n.topic", 1), fr.n("n.topic", 0), fr.n("n.topic", 3)) == (
        "1 sujet", "0 sujet", "3 sujets",
    )  # fmt: skip
    assert (en.n("n.topic", 1), en.n("n.topic", 0)) == ("1 topic", "0 topics")
    assert labels_for("de").lang == "fr" and labels_for("en-GB").lang == "en"


def test_minutes_module_is_headless() -> None:
    code = (
        "import sys, facilitator.minutes as m, facilitator.minutes.docx, "
        "facilitator.minutes.markdown, facilitator.minutes.csvfile, facilitator.minutes.jsonfile\n"
        "from facilitator.demo import demo_session\n"
        "for f in m.FORMATS: m.render(demo_session(), f)\n"
        "bad = [n for n in ('textual', 'spacy') if n in sys.modules]\n"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_content_builder_is_the_single_source(tmp_path: Path) -> None:
    built = build(demo_session())
    assert built.lang == "fr" and built.author.startswith("Camille Laurent")
    names = [b.name for b in built.blocks if hasattr(b, "name")]
    assert names[:3] == ["attendees", "agenda", "key_results"]
    assert {"history", "votes", "decisions", "actions", "parking", "glossary"} <= set(names)


# --------------------------------------------------------------------------------------------
# CLI


def test_cli_exports_the_demo_in_every_format(tmp_path: Path) -> None:
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=tmp_path):
        result = runner.invoke(main, ["export", "--demo", "-o", "minutes.docx"])
        assert result.exit_code == 0, result.output
        assert "minutes.docx (docx," in result.output
        assert docx.Document("minutes.docx").paragraphs[0].text.startswith("Atelier")
        result = runner.invoke(main, ["export", "--demo", "--format", "md"])
        assert result.exit_code == 0, result.output
        assert Path("atelier-de-cadrage-okr-codir-2026-03-19.md").is_file()
        result = runner.invoke(main, ["export", "--demo", "-o", "okr.csv", "--csv-delimiter", ";"])
        assert result.exit_code == 0 and Path("okr.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_cli_export_import_and_sessions(tmp_path: Path) -> None:
    runner = CliRunner()
    data = tmp_path / "data"
    store = SessionStore(data)
    session = store.create(session_from_template("codir-framing", "en"))
    out = tmp_path / "session.json"
    result = runner.invoke(main, ["export", session.id, "-o", str(out), "--data-dir", str(data)])
    assert result.exit_code == 0, result.output

    other = tmp_path / "other"
    result = runner.invoke(main, ["import", str(out), "--data-dir", str(other)])
    assert result.exit_code == 0, result.output
    assert f"as session {session.id}" in result.output
    imported = SessionStore(other).load(session.id)
    assert {**imported.to_dict(), "votes": None} == {**session.to_dict(), "votes": None}
    assert [v.tally() for v in imported.votes.values()] == [
        v.tally() for v in session.votes.values()
    ]  # the ballots came back anonymous, with the same results
    again = runner.invoke(main, ["import", str(out), "--data-dir", str(other)])
    assert again.exit_code == 0 and "got a new id" in again.output
    assert len(SessionStore(other).list()) == 2

    listing = runner.invoke(main, ["sessions", "--data-dir", str(data)])
    assert listing.exit_code == 0 and session.id in listing.output
    assert "Executive committee OKR framing workshop" in listing.output

    store.update(session.id, lambda s: setattr(s, "title", "Renamed"))
    restored = runner.invoke(main, ["sessions", "restore", session.id, "--data-dir", str(data)])
    assert restored.exit_code == 0, restored.output
    assert store.load(session.id).title == session.title

    md = runner.invoke(main, ["--data-dir", str(data), "export", session.id, "-o",
                              str(tmp_path / "cr.md")])  # fmt: skip
    assert md.exit_code == 0, md.output
    assert "## Executive summary" in (tmp_path / "cr.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "nosuchid"], "nosuchid.json: there is no session nosuchid"),
        (["export"], "give a SESSION id, or --demo"),
        (["export", "--demo", "-o", "x.txt"], "cannot tell the format from 'x.txt'"),
        (["export", "--demo", "-o", "x.md", "--template", "c.docx"], "applies to Word minutes"),
        (["export", "--demo", "--template", "missing.docx", "-o", "a.docx"],
         "missing.docx: the template file does not exist"),
        (["export", "--demo", "-o", "no/such/folder/a.docx"], "does not exist"),
        (["import", "broken.json"], "broken.json: not valid JSON"),
        (["import", "absent.json"], "absent.json: the file does not exist"),
        (["sessions", "restore", "nosuchid"], "nosuchid.json.bak: there is no backup"),
    ],
)  # fmt: skip
def test_cli_errors_are_messages_not_tracebacks(
    args: list[str], message: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=tmp_path):
        Path("broken.json").write_text("{", encoding="utf-8")
        result = runner.invoke(main, [*args, "--data-dir", "data"])
        assert result.exit_code != 0
        assert message in result.output, result.output
        assert "Traceback" not in result.output
        assert isinstance(result.exception, SystemExit)
