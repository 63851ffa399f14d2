"""The extraction pitfalls listed in the issue, one by one."""

import pytest

from facilitator.engine.extract import extract
from facilitator.engine.normalize import normalize
from facilitator.engine.numbers import parse_digits

SCOPE = frozenset({"territoires", "pays", "sites", "usines", "countries"})


def ex(text: str, lang: str = "fr"):
    return extract(normalize(text).text, lang, SCOPE)


@pytest.mark.parametrize("text", ["30 %", "30%", "30\u202f%", "30\u00a0%"])
def test_percent_forms(text):
    e = ex(f"Atteindre {text} de conversion")
    [q] = e.targets
    assert q.value == 30 and q.kind == "percent"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 500 000 €", 1_500_000),
        ("1\u202f500 €", 1500),
        ("1,5 M€", 1_500_000),
        ("1.5M€", 1_500_000),
        ("2,5k€", 2500),
        ("10M€", 10_000_000),
    ],
)
def test_amounts(text, value):
    [q] = ex(f"Générer {text} de chiffre d'affaires").targets
    assert q.kind == "money" and q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lang", "baseline", "target", "direction"),
    [
        ("Passer le taux de 70 % à 85 %", "fr", "70 %", "85 %", "up"),
        ("Passer de 4 à 2 jours", "fr", "4 jours", "2 jours", "down"),
        ("Reduce churn from 12% to 8%", "en", "12%", "8%", "down"),
    ],
)
def test_ranges(text, lang, baseline, target, direction):
    e = ex(text, lang)
    assert e.parts.baseline == baseline and e.parts.target == target
    assert e.parts.direction == direction and e.has_baseline and e.measurable


@pytest.mark.parametrize(
    "text",
    [
        "+15 pts de NPS",
        "x2 sur les ventes",
        "Doubler les ventes",
        "Ventes divisé par 3",
        "Diviser par 3 les retards",
    ],
)
def test_relative_targets_and_multipliers(text):
    e = ex(text)
    assert e.measurable and not e.has_baseline


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        # French: a dot, a space, a no-break or a narrow no-break space group thousands …
        ("Recruter 1.500 clients", "fr", 1500),
        ("Recruter 1 500 clients", "fr", 1500),
        ("Recruter 1\u00a0500 clients", "fr", 1500),
        ("Recruter 1\u202f500 clients", "fr", 1500),
        ("Atteindre 12 345 678 visites", "fr", 12_345_678),
        ("Atteindre 1.234.567 visites", "fr", 1_234_567),
        # … and a comma marks the decimals.
        ("Gagner 1,5 point de marge", "fr", 1.5),
        ("Atteindre 0,75 % de taux de clic", "fr", 0.75),
        ("Générer 1.500,50 € de dons", "fr", 1500.5),
        ("Générer 1 500,5 € de dons", "fr", 1500.5),
        # English: a comma groups thousands, a dot marks the decimals.
        ("Sign 1,500 customers", "en", 1500),
        ("Reach 1,234,567 visits", "en", 1_234_567),
        ("Gain 1.5 points of margin", "en", 1.5),
        ("Raise 1,500.50 € in donations", "en", 1500.5),
        ("Sign 1 500 customers", "en", 1500),
        # A comma with one or two digits after it is a decimal in both languages.
        ("Reach 2,5% conversion", "en", 2.5),
    ],
)
def test_thousands_and_decimals(text, lang, value):
    [q] = ex(text, lang).targets
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("raw", "lang", "value"),
    [
        ("1.500", "fr", 1500),
        ("1.500", "en", 1.5),
        ("1,500", "en", 1500),
        ("1,500", "fr", 1.5),
        ("1.500,5", "fr", 1500.5),
        ("1.500,5", "en", 1500.5),
        ("1,500.5", "en", 1500.5),
        ("1,500.5", "fr", 1500.5),
        ("-1 500", "fr", -1500),
        ("+2,5", "fr", 2.5),
    ],
)
def test_parse_digits(raw, lang, value):
    assert parse_digits(raw, lang) == pytest.approx(value)


def test_score_out_of_five():
    [q] = ex("Atteindre 4,5/5 de satisfaction").targets
    assert q.kind == "score" and q.value == 4.5 and q.unit == "/5"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Lancer l'offre T3 2026", "2026-09-30"),
        ("Livrer en Q3", None),
        ("Livrer au S1", None),
        ("Ship in H2", None),
        ("Terminer d'ici fin 2026", "2026-12-31"),
        ("Terminer avant le 31/12/2026", "2026-12-31"),
        ("Ship by end of Q2", None),
        ("Ship by June 30, 2026", "2026-06-30"),
        ("Livrer d'ici T3-2026", "2026-09-30"),
        ("Ship by Q3-2026", "2026-09-30"),
        ("Q3-2026 : lancer l'offre", "2026-09-30"),
    ],
)
def test_deadlines(text, date):
    e = ex(text, "en" if text.startswith("Ship") else "fr")
    assert e.has_deadline
    assert e.deadlines[-1].date == date
    assert not e.measurable  # a quarter or a year alone is not a target


def test_rate_is_not_a_deadline():
    e = ex("Répondre à 95 % des demandes sous 48 h")
    assert not e.has_deadline
    assert [q.text for q in e.targets] == ["95 %"]


def test_rate_alone_is_a_threshold_target():
    e = ex("Répondre aux demandes sous 48 h")
    assert e.measurable and not e.has_deadline


def test_24_7_is_a_name_not_a_target():
    assert not ex("Assurer un support 24/7").measurable


def test_une_is_not_a_target():
    assert not ex("Lancer une nouvelle plateforme").measurable


@pytest.mark.parametrize(("text", "value"), [("trois", 3), ("vingt-cinq", 25), ("zéro", 0)])
def test_number_words(text, value):
    e = ex(f"Atteindre {text} incidents")
    assert e.measurable and e.targets[0].value == value


@pytest.mark.parametrize(
    "text",
    [
        "Obtenir la certification ISO 27001",
        "Migrer vers Windows 11",
        "Passer à la version 10",
        "Déployer sur 5 territoires",
        "Nombre de connexions",
        "Taux actuel : 25 %",
        "Former tous les managers",
        "Lancer en 2026",
    ],
)
def test_not_measurable(text):
    assert not ex(text).measurable


def test_baseline_only_is_flagged_as_baseline():
    e = ex("Taux actuel : 25 %")
    assert e.has_baseline and not e.measurable


@pytest.mark.parametrize("text", ["X %", "N clients"])
def test_placeholders_count_as_targets(text):
    assert ex(f"Atteindre {text}").measurable


@pytest.mark.parametrize("verb", ["Réduire", "Doubler", "Déployer", "Augmenter"])
def test_capitalised_first_verb_metric(verb):
    e = ex(f"{verb} le délai de traitement de 30 %")
    assert e.parts.metric == "délai de traitement"


def test_parts_of_a_full_key_result():
    p = ex("Passer le taux de réclamation de 4 % à 2 % d'ici fin 2026").parts
    assert p.metric == "taux de réclamation"
    assert (p.baseline, p.target, p.unit, p.direction) == ("4 %", "2 %", "%", "down")
    assert p.deadline_date == "2026-12-31"


def test_baseline_year_is_not_the_deadline():
    e = ex("Porter la part de marché à 12 % contre 9 % en 2025")
    assert e.parts.baseline == "9 %" and e.parts.target == "12 %" and not e.has_deadline


@pytest.mark.parametrize(
    ("text", "baseline", "target"),
    [
        ("Grow revenue to $2M, up from $1.2M", "$1.2M", "$2M"),
        ("Cut churn to 3%, down from 5%", "5%", "3%"),
    ],
)
def test_up_from_states_the_baseline(text, baseline, target):
    e = ex(text, "en")
    assert (e.parts.baseline, e.parts.target) == (baseline, target) and len(e.targets) == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Faire passer la couverture de tests de 78 % à 80 % (confiance : 60 %)", "fr"),
        ("Raise test coverage from 78% to 80% (confidence: 60%)", "en"),
    ],
)
def test_a_confidence_level_is_not_a_target(text, lang):
    e = ex(text, lang)
    assert [q.text for q in e.targets] == ["80 %" if lang == "fr" else "80%"]


@pytest.mark.parametrize(
    ("text", "lang", "deadline"),
    [
        ("Porter la participation de 48 % à 75 % lors de la campagne d'octobre", "fr", True),
        ("Raise survey participation from 48% to 75% in the October campaign", "en", True),
        ("Lors du salon de Lyon, signer 3 contrats", "fr", False),
        ("Grow sales in the United States", "en", False),
    ],
)
def test_an_event_named_by_its_month_dates_the_result(text, lang, deadline):
    assert ex(text, lang).has_deadline is deadline


def _full_scan(text: str) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """The dates the fast search finds in `text`, and those a scan of every position finds."""
    from facilitator.engine.extract import dates, lower_same_length

    text = normalize(text).text
    low = lower_same_length(text)
    found = extract(text, "fr")
    full = {
        m.span()
        for m in dates.DEADLINE.finditer(low)
        if not (m.group("alone") and not m.group("lead"))
        and not dates._DELAY_END.search(m.group())
        and not (m.group("dm") and not dates._day_month(m.group("dm"), "fr"))
    }
    # Deadlines and baseline periods ("vs Q2 2025") together: every date the scan finds.
    return {(d.start, d.end) for d in found.deadlines + found.periods}, full


def test_fast_deadline_search_finds_what_a_full_scan_finds():
    """The deadline pattern is only tried where a deadline can start (a speed-up): on every
    labelled draft it must find exactly what scanning every position finds."""
    import json
    from pathlib import Path

    data = Path(__file__).resolve().parents[1]
    texts = [
        json.loads(line)["text"]
        for path in [*data.glob("data/*.jsonl"), *data.glob("heldout/*.jsonl")]
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert len(texts) > 800
    for raw in texts:
        fast, full = _full_scan(raw)
        assert fast == full, raw


@pytest.mark.parametrize(
    "text",
    [
        "Signer 6 partenaires sur le prochain trimestre",
        "Ouvrir 2 agences le trimestre prochain, puis 3 l'an prochain",
        "Close 12 deals this quarter and 20 next quarter",
        "Réduire les délais de 20 % pendant ce semestre",
        "Rénover 5 000 logements sur 2026-2030 et 800 écoles sur cinq ans",
        "Deliver the study by Week 8, the pilot before launch, the rest by end of year",
        "Atteindre 75 % au 31/03 puis 90 % au 45/12",
        "Raccourcir la clôture de fin d'année de 15 à 8 jours d'ici mi-avril",
        "Launch within the next 9 months, not within 3 months of signup",
    ],
)
def test_fast_deadline_search_on_the_newer_forms(text):
    fast, full = _full_scan(text)
    assert fast == full
