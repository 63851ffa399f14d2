"""Classes of drafts the coach reads as outputs, or as two points, on real text (issue 10,
item 4), each with the near miss that must stay as it is."""

import pytest


@pytest.mark.parametrize(
    ("text", "lang", "kind", "output"),
    [
        # A key result that names a thing to deliver, with no verb and no figure.
        ("Regression test platform for the mobile app", "en", "key_result", True),
        ("Tableau de bord de suivi des ventes", "fr", "key_result", True),
        # A measure or a change named by a noun is not a deliverable.
        ("Customer satisfaction in our stores", "en", "key_result", False),
        ("Réduction des délais de traitement des dossiers", "fr", "key_result", False),
        ("Taux de churn mensuel", "fr", "key_result", False),
        # A thing and its state: a milestone.
        ("Produit prêt pour production", "fr", "objective", True),
        ("Référendum jeunesse en place dès 2028", "fr", "objective", True),
        ("Checkout v2 live for all customers by Q3", "en", "key_result", True),
        # People ready to act, an adjective before its noun, a service level: not milestones.
        ("Des clients prêts à nous recommander", "fr", "objective", False),
        ("Excellence opérationnelle", "fr", "objective", False),
        ("Plateforme disponible à 99,9 % sur le trimestre", "fr", "key_result", False),
        # A milestone's noun with a rate on it is a result; without one, a milestone.
        ("Atteindre un taux de conformité de 98 % d'ici fin 2027", "fr", "key_result", False),
        ("Reach a 98% compliance rate by end of 2027", "en", "key_result", False),
        ("Achieve SOC 2 compliance by Q3 2027", "en", "key_result", True),
    ],
)
def test_deliverables_and_states_read_as_outputs(engine, text, lang, kind, output):
    assert engine.assess(text, kind, lang=lang).flags.output is output


@pytest.mark.parametrize(
    ("text", "lang", "two_points"),
    [
        ("Triggers & Automation project shipped, achieving 30% pen rate", "en", True),
        ("20 blog posts written achieving at least 200 views", "en", True),
        ("Nouveau tunnel de commande livré, atteignant 30 % d'adoption", "fr", True),
        # "by achieving" is the means to the one target.
        ("Reduce churn to 3% by achieving 95% onboarding completion", "en", False),
    ],
)
def test_a_deliverable_achieving_a_target_holds_two_points(engine, text, lang, two_points):
    assert engine.assess(text, "key_result", lang=lang).flags.too_long is two_points


@pytest.mark.parametrize(
    ("text", "lang", "jargon"),
    [
        (
            "By September 30, 2027, DOT commits to raise small business use from 14% to 18%",
            "en",
            [],
        ),
        ("DOT’s reporting will show fatalities down from 40,000 to 36,000 by 2027", "en", []),
        ("Cut MTTR for P1 incidents from 6 to 2 hours by Q3 2026", "en", ["MTTR"]),
        # In French the acronym subject is a third party the readers may not know.
        ("La HAS rend un avis favorable sur 2 dossiers d'ici fin 2026", "fr", ["HAS"]),
    ],
)
def test_an_english_acronym_naming_the_writer_is_not_jargon(engine, text, lang, jargon):
    assert engine.assess(text, "key_result", lang=lang).flags.jargon == jargon


@pytest.mark.parametrize(
    ("text", "lang", "kind", "output"),
    [
        # Activities written as verbs or nouns of their class.
        ("Ajouter un filtre de recherche par catégorie", "fr", "key_result", True),
        ("Mise en production de la version 2 d'ici fin juin", "fr", "key_result", True),
        ("Renouvellement du parc informatique de 3 agences", "fr", "key_result", True),
        ("Translate the help center into 3 languages", "en", "key_result", True),
        ("Support and promote 3 Paper Reading Clubs", "en", "key_result", True),
        # An opening on a change names a result, whatever activity caused it.
        (
            "Réduction des délais de traitement après la mise en place de l'outil",
            "fr",
            "key_result",
            False,
        ),
        ("Fewer support tickets after the new onboarding flow ships", "en", "key_result", False),
        # "développer" grows what exists; it builds only something new.
        ("Développer les dons en ligne", "fr", "key_result", False),
        ("Développer une application mobile pour les patients", "fr", "objective", True),
        # A quality bar on the work: how well it is done is the result.
        ("Livrer nos clients hospitaliers plus vite et à date fiable", "fr", "objective", False),
        ("Submit 100% of planned label updates by their due date", "en", "key_result", False),
        ("PSUR published on time", "en", "key_result", True),
        # A participle that qualifies a noun after the draft's own verb, a verb in its base form.
        ("Objective 2 : Renforcer l'excellence produit", "fr", "objective", False),
        (
            "Deepen our commitment by strengthening how we allocate support",
            "en",
            "objective",
            False,
        ),
        ("Être le laboratoire que les hématologues appellent en premier", "fr", "objective", False),
        # A participle of measuring before "by"/« par » names the measure (the coach's own
        # rewrites say it); a deliverable made by someone stays a deliverable.
        (
            "Take onboarding time, measured by days to first commit, from 20 to 10",
            "en",
            "key_result",
            False,
        ),
        (
            "Faire passer la qualité du code, mesurée par le taux de défauts, de 12 à 6",
            "fr",
            "key_result",
            False,
        ),
        ("Dashboard published by the data team", "en", "key_result", True),
        # The French list says what the English one says ("provide" → « fournir »); giving
        # customers an answer is still a result.
        ("Fournir aux agences un outil de planification partagé", "fr", "objective", True),
        ("Offrir à chaque client une réponse claire et rapide", "fr", "objective", False),
        # A thing and a state that says it can be used; not when a verb makes it so, nor with
        # a service level; « opérationnel » qualifies (« excellence opérationnelle »).
        ("Portail fournisseurs en ligne sur les 5 sites", "fr", "key_result", True),
        ("Supplier portal operational on all 5 sites", "en", "key_result", True),
        ("Rendre le site accessible aux personnes malvoyantes", "fr", "objective", False),
        ("Site accessible à 99,9 % du temps", "fr", "key_result", False),
    ],
)
def test_classes_of_activity_and_result_on_real_text(engine, text, lang, kind, output):
    assert engine.assess(text, kind, lang=lang).flags.output is output


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A measurement note, a window, a detail of the one target, a change said twice.
        ("Increase NPS from 30 to 45, as measured by the quarterly survey", "en"),
        ("Porter le NPS de 30 à 45, mesuré sur 3 mois glissants", "fr"),
        ("Grow active contributors from 40 to 60, measured over a rolling 30 days", "en"),
        ("Atteindre 500 clients actifs, dont 100 en Belgique", "fr"),
        ("Réduire de 30 % le temps de traitement, de 10 à 7 jours", "fr"),
        ("Grow revenue to $2M, up from $1.2M", "en"),
        # Verbs in a row on one object.
        ("Recruit, train and certify 20 new agents", "en"),
        ("Concevoir, tester et livrer le module de paiement", "fr"),
        # A guardrail keeps the one result honest.
        ("Raise conversion from 4% to 6% while keeping CSAT above 4.5", "en"),
        ("Passer l'inscription de 4 % à 12 %, garde-fou : le churn reste sous 8 %", "fr"),
        # Signs that join nouns or stick to a figure.
        ("Implement observability with 50+ monitored metrics", "en"),
        ("Faire passer le ratio DAU/MAU de 35 % à 55 %", "fr"),
    ],
)
def test_one_target_with_its_details_is_one_idea(engine, text, lang):
    assert not engine.assess(text, "key_result", lang=lang).flags.too_long


@pytest.mark.parametrize(
    "text",
    [
        "Increase revenue by 20% and cut churn from 5% to 3%",
        "Renewals at 1.5x plan and upsell at 2x plan",
    ],
)
def test_two_targets_stay_two_ideas(engine, text):
    assert engine.assess(text, "key_result", lang="en").flags.too_long


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Recruter 3 développeurs / lancer la v2 avant juin", "fr"),
        ("Hire 3 engineers + launch v2 by June", "en"),
    ],
)
def test_two_aims_joined_by_a_sign_are_two_ideas(engine, text, lang):
    """A spaced "/" or "+" between two predicates joins two aims, as "and" does."""
    assert engine.assess(text, "key_result", lang=lang).flags.too_long
