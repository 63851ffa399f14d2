"""Acronyms per audience: everyday business acronyms, domain packs, the glossary."""

import pytest

from facilitator.engine import Engine
from facilitator.engine.lexicon import LexiconError, domain_names, read_domain
from facilitator.paths import data_dir


@pytest.fixture(scope="module")
def lexical() -> Engine:
    return Engine(validate=False)


def _jargon(engine: Engine, text: str, lang: str, **kw) -> list[str]:
    return engine.assess(text, "key_result", lang=lang, tier="lexical", **kw).flags.jargon


EVERYDAY = {
    "en": "API CRM ERP KPI NPS ROI SLA SaaS B2B B2C CEO CFO CTO HR IT AI SEO UX UI PDF URL FAQ MVP "
    "OKR KR Q1 Q2 Q3 Q4 H1 H2 FY24 FY2026",
    "fr": "API CRM ERP KPI NPS ROI SLA SaaS B2B B2C CEO CFO CTO RH IT IA PME TPE CA TVA SEO UX UI "
    "PDF URL FAQ MVP OKR KR T1 T2 T3 T4 S1 S2 H1 H2 RSE ETP CODIR COMEX",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_everyday_business_acronyms_are_not_jargon(lexical, lang):
    frame = {
        "en": "Cut the {} backlog by 20% by end of 2026",
        "fr": "Réduire de 20 % le retard sur le {} d'ici fin 2026",
    }[lang]
    for acronym in EVERYDAY[lang].split():
        assert _jargon(lexical, frame.format(acronym), lang) == [], acronym
        if acronym.isalpha():  # "KPIs", "CRMs"
            assert _jargon(lexical, frame.format(acronym + "s"), lang) == [], acronym + "s"


@pytest.mark.parametrize(
    ("text", "lang", "pack", "terms"),
    [
        ("Réduire le délai de clôture des CAPA et des OOS de 60 à 30 jours", "fr", "pharma",
         ["CAPA", "OOS"]),
        ("Soumettre 100 % des PSUR à l'ANSM et à l'EMA dans les délais", "fr", "pharma",
         ["PSUR", "ANSM", "EMA"]),
        ("Meet every KOL and MSL visit target under GMP by Q4 2026", "en", "pharma",
         ["KOL", "MSL", "GMP"]),
        ("Keep p95 latency under 200 ms and MTTR under 1 hour with SLO alerts", "en", "software",
         ["MTTR", "SLO"]),
        ("Réduire le MTTR de 4 h à 1 h et publier un SDK", "fr", "software", ["MTTR", "SDK"]),
        ("Traiter 90 % des dossiers MDPH et des demandes CCAS en 30 jours", "fr",
         "public-service", ["MDPH", "CCAS"]),
        ("Answer 95% of FOI requests to HMRC within 20 days", "en", "public-service",
         ["FOI", "HMRC"]),
    ],
)  # fmt: skip
def test_a_domain_pack_silences_its_acronyms(lexical, text, lang, pack, terms):
    assert _jargon(lexical, text, lang) == terms
    assert _jargon(lexical, text, lang, domains=[pack]) == []
    assert _jargon(lexical, text, lang, domains=["pharma", "software", "public-service"]) == []


def test_a_pack_for_every_draft_or_per_call():
    pharma = Engine(validate=False, domains=["pharma"])
    text = "Réduire de 30 % les écarts BPF relevés en audit d'ici fin 2026"
    assert _jargon(pharma, text, "fr") == []
    assert _jargon(pharma, text, "fr", domains=[]) == ["BPF"]  # the call's packs replace them
    assert _jargon(pharma, text, "fr", domains=["software"]) == ["BPF"]
    # The glossary still adds to the packs.
    assert _jargon(pharma, text + " et des XYZ", "fr", glossary=["xyz"]) == []


def test_assess_many_takes_domains(lexical):
    text = "Cut MTTR from 6 to 2 hours by Q3 2026"
    plain, software = lexical.assess_many(
        [{"text": text, "kind": "key_result"}, {"text": text, "domains": ["software"]}]
    )
    assert plain.flags.jargon == ["MTTR"] and software.flags.jargon == []


def test_an_unknown_pack_is_refused_with_the_known_names(lexical):
    with pytest.raises(LexiconError, match="pharma"):
        Engine(validate=False, domains=["pharmacy"])
    with pytest.raises(LexiconError, match="software"):
        lexical.assess("Grow ARR", domains=["sofware"])


def test_packs_spell_every_term_out_in_both_languages(lexical):
    folder = data_dir("lexicons")
    names = domain_names(folder)
    assert {"pharma", "software", "public-service"} <= set(names)
    for name in names:
        pack = read_domain(folder / "domains" / f"{name}.toml")
        assert pack.title.keys() == {"fr", "en"} and len(pack.terms) >= 20, name
        for term, spelled in pack.terms.items():
            assert spelled.keys() == {"fr", "en"}, (name, term)
    assert lexical.domain("pharma").glossary("fr")["AMM"] == "autorisation de mise sur le marché"
    pharma = "AMM BPF GMP HAS KOL PSUR CAPA ANSM EMA FDA MSL ATU PV RCP SMR ASMR CEPS"
    for term in pharma.split(" "):
        assert term in lexical.domain("pharma").terms, term
    for term in ["CI", "CD", "PR", "SDK", "SRE", "SLO", "p95", "MTTR"]:
        assert term in lexical.domain("software").terms, term


def test_a_broken_pack_names_its_file_and_field(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('title = { fr = "Essai", en = "Test" }\n[terms]\nXYZ = "x"\n', "utf-8")
    with pytest.raises(LexiconError, match=r"broken\.toml: term 'XYZ'"):
        read_domain(path)
    path.write_text('title = { fr = "Essai" }\n[terms]\nXYZ = { fr = "x", en = "x" }\n', "utf-8")
    with pytest.raises(LexiconError, match="title"):
        read_domain(path)


@pytest.mark.parametrize(
    ("text", "lang", "head", "terms"),
    [
        (
            "Réduire de 30 % les écarts BPF et de 20 % le délai des CAPA et des OOS d'ici fin 2026",
            "fr",
            "Sigles à expliquer\u00a0: BPF, CAPA, OOS.",
            ["BPF", "CAPA", "OOS"],
        ),
        (
            "Cut MTTR from 6 to 2 hours and keep SLO breaches under 3 a month by Q3 2026",
            "en",
            "Acronyms to spell out: MTTR, SLO.",
            ["MTTR", "SLO"],
        ),
    ],
)
@pytest.mark.parametrize("tier", ["lexical", "full"])
def test_one_finding_lists_every_unexplained_acronym(engine, text, lang, head, terms, tier):
    a = engine.assess(text, "key_result", lang, tier=tier)
    [finding] = [f for f in a.findings if f.rule == "unexplained-acronym"]
    assert finding.message.startswith(head)
    assert finding.text == terms[0] and text[finding.start : finding.end] == terms[0]
    # One suggestion per acronym to spell out, then the glossary.
    assert [s.split(" (")[0] for s in finding.suggestions[: len(terms)]] == terms
    assert len(finding.suggestions) == len(terms) + 1
    assert a.flags.jargon == terms  # the flag still lists each term
    assert ("unexplained-acronym", round(finding.weight)) in a.scores.explain["clarity"]


def test_the_list_leaves_out_what_the_room_knows(lexical):
    text = "Réduire de 20 % le délai des CAPA et des OOS d'ici fin 2026"
    a = lexical.assess(text, "key_result", "fr", glossary=["capa"], tier="lexical")
    [finding] = [f for f in a.findings if f.rule == "unexplained-acronym"]
    assert finding.message.startswith("Sigles à expliquer\u00a0: OOS.")
    assert a.flags.jargon == ["OOS"]
    explained = "Réduire le délai des actions correctives et préventives (CAPA) et des OOS"
    a = lexical.assess(explained, "key_result", "fr", tier="lexical")
    assert a.flags.jargon == ["OOS"]


# Anglicisms in French drafts, each with a French wording the coach proposes.
ANGLICISMS = [
    ("Atteindre 98 % de compliance aux procédures", "compliance", "conformité"),
    ("Devenir best-in-class sur le service après-vente", "best-in-class", "de référence"),
    ("Simplifier le workflow de validation des devis", "workflow", "processus"),
    ("Réduire la durée de l'onboarding à 5 jours", "onboarding", "intégration"),
    ("Faire baisser le churn mensuel à 2 %", "churn", "attrition"),
    ("Générer 300 leads par mois", "leads", "prospects"),
    ("Automatiser le reporting mensuel", "reporting", "tableau de bord"),
    ("Réussir le go-live du nouvel outil en mars", "go-live", "mise en service"),
    ("Publier une release par mois", "release", "version"),
    ("Partager la roadmap avec les clients", "roadmap", "feuille de route"),
    ("Collecter le feedback de 200 clients", "feedback", "retour"),
    ("Tenir chaque deadline du projet", "deadline", "échéance"),
    ("Lancer un benchmark des prix concurrents", "benchmark", "comparaison"),
    ("Organiser le kick-off avec les 12 agences", "kick-off", "lancement"),
    ("Partager les insights clients chaque mois", "insights", "enseignements"),
    ("Rendre la plateforme scalable", "scalable", "extensible"),
    (
        "Doubler le pipeline commercial d'ici fin 2026",
        "pipeline commercial",
        "portefeuille d'affaires",
    ),
]


@pytest.mark.parametrize(("text", "term", "french"), ANGLICISMS)
def test_anglicisms_get_a_french_wording(engine, text, term, french):
    a = engine.assess(text, "key_result", "fr")
    found = [f for f in a.findings if f.text == term]
    assert found, [(f.rule, f.text) for f in a.findings]
    assert any(french in f.suggestions for f in found), [f.suggestions for f in found]
    assert term in a.flags.jargon


def test_a_software_pipeline_is_no_anglicism(engine):
    a = engine.assess("Ramener la durée du pipeline de déploiement à 10 minutes", "key_result")
    assert a.lang == "fr" and "pipeline" not in " ".join(a.flags.jargon)


@pytest.mark.parametrize(
    ("text", "lang", "jargon"),
    [
        # Spelled out by the initials of words in a row, before or after.
        ("Deploy Electric Vehicle Charging stations: 500 EV chargers by 2026", "en", []),
        ("Réduire de 20 % les délais du Service Après-Vente (SAV) et du PCA", "fr", ["PCA"]),
        # A heading or a label in capitals is no acronym.
        ("EQUITY: Support 30 community grants by Q3", "en", []),
        ("KEY RESULT 1 (KR1) : Atteindre 2 millions d'utilisateurs actifs", "fr", []),
        # Two letters must be capitals to count as spelled out: "plant visited" is no PV.
        ("Install PV panels on every plant visited by June", "en", ["PV"]),
    ],
)
def test_acronyms_spelled_out_or_in_headings_are_not_jargon(engine, text, lang, jargon):
    assert engine.assess(text, "key_result", lang=lang).flags.jargon == jargon
