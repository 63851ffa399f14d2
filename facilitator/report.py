"""Terminal output for the CLI (rich): an assessment with its spans highlighted, and rules.

A draft, and the findings, suggestions and rewrite made from it, are outside text: each goes
through `_plain` (or `for_terminal` in a Text) so that it can carry neither a terminal escape
sequence nor rich markup ("[/b]" would stop the output with a MarkupError).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from facilitator.engine import Assessment
from facilitator.engine.rules import Rule
from facilitator.terminal import for_terminal, one_line_for_terminal
from facilitator.typography import NBSP, colon

_LEVEL_STYLE = {"error": "bold red", "warning": "yellow", "suggestion": "cyan"}
_LABELS = {
    "fr": {
        "clarity": "Clarté",
        "ambition": "Ambition",
        "measurability": "Mesurabilité",
        "overall": "Global",
        "rewrite": "Proposition",
        "ask": "À demander à la salle avant d'accepter",
        "alternatives": "Autres formulations (chiffres et date à fixer en séance)\u00a0:",
        "suggest": "Suggestions",
        "why": "Pourquoi",
        "remove": "(supprimer)",
        "none": "Aucun problème détecté.",
        "parts": "Éléments extraits",
        "empty": "Texte vide : rien à évaluer.",
        "kr_hint": "À mesurer par un résultat clé, par exemple",
        "kr_proposals": "Résultats clés proposés (chiffres et date à fixer en séance)\u00a0:",
        "outcome": "résultat",
        "leading": "indicateur avancé",
        "counter": "contre-mesure",
    },
    "en": {
        "clarity": "Clarity",
        "ambition": "Ambition",
        "measurability": "Measurability",
        "overall": "Overall",
        "rewrite": "Suggested rewrite",
        "ask": "Ask the room before accepting",
        "alternatives": "Other wordings (figures and date to set in the room):",
        "suggest": "Suggestions",
        "why": "Why",
        "remove": "(remove)",
        "none": "No problem found.",
        "parts": "Extracted parts",
        "empty": "Empty text: nothing to assess.",
        "kr_hint": "Measure it with a key result, for example",
        "kr_proposals": "Proposed key results (figures and date to set in the room):",
        "outcome": "outcome",
        "leading": "leading indicator",
        "counter": "counter-measure",
    },
}


def _plain(value: object) -> str:
    """Outside text for a markup string: shown as it is, never acted on by rich or the terminal."""
    return escape(for_terminal(value))


def _quoted(text: str, lang: str) -> str:
    return f"«{NBSP}{text}{NBSP}»" if lang == "fr" else f"“{text}”"


def _bar(value: int) -> Text:
    filled = round(value / 10)
    style = "green" if value >= 75 else "yellow" if value >= 50 else "red"
    return Text("█" * filled + "░" * (10 - filled), style=style)


def render_assessment(a: Assessment, console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    labels = _LABELS[a.lang]
    sep = colon(a.lang)  # "Pourquoi : …" in French, "Why: …" in English
    for notice in a.notices:
        console.print(f"[dim]note: {_plain(notice)}[/dim]")
    if not a.normalized.strip():
        console.print(labels["empty"])
        return
    text = Text(for_terminal(a.text))
    for f in a.findings:
        # Offsets are into the draft: once escapes are removed they no longer fit, and the
        # spans go unmarked rather than mismarked.
        if f.end - f.start < len(a.text) and text.plain == a.text:
            text.stylize(f"underline {_LEVEL_STYLE[f.level]}", f.start, f.end)
    console.print(text)
    console.print()
    table = Table.grid(padding=(0, 2))
    for dim in ("clarity", "ambition", "measurability", "overall"):
        value = getattr(a.scores, dim)
        table.add_row(labels[dim], _bar(value), f"{value:>3}")
    console.print(table)
    parts = {k: v for k, v in a.parts.items() if v}
    if a.kind == "key_result" and parts:
        console.print(
            f"\n[bold]{labels['parts']}[/bold]{sep}"
            + ", ".join(f"{k}={_plain(v)}" for k, v in parts.items())
        )
    console.print()
    if not a.findings:
        console.print(f"[green]{labels['none']}[/green]")
    for f in a.findings:
        head = Text(f"● {f.rule}", style=_LEVEL_STYLE[f.level])
        head.append(f"  [{f.dimension}, {f.level}]", style="dim")
        if f.end - f.start < len(a.text):
            head.append(f"  {_quoted(for_terminal(f.text), a.lang)}")
        console.print(head)
        console.print(f"  {_plain(f.message)}")
        console.print(
            f"  [dim]{labels['why']}{sep}{_plain(f.rationale)} — {_plain(f.source)}[/dim]"
        )
        if f.suggestions:
            shown = [_plain(s) if s else labels["remove"] for s in f.suggestions[:4]]
            console.print(f"  → {labels['suggest']}{sep}" + " | ".join(shown))
    if a.key_result_proposals:
        console.print(f"\n[bold]{labels['kr_proposals']}[/bold]")
        for p in a.key_result_proposals:
            kind = _plain(labels.get(p.kind, p.kind))
            console.print(f"  • {_plain(p.text)}  [cyan]({kind})[/cyan]")
            console.print(f"    [dim]{_plain(p.why)} — {_plain(p.source)}[/dim]")
    elif a.key_result_hint:
        console.print(f"\n[bold]{labels['kr_hint']}[/bold]{sep}{_plain(a.key_result_hint)}")
    if a.rewrite:
        s = a.rewrite.scores
        console.print(f"\n[bold]{labels['rewrite']}[/bold]{sep}{_plain(a.rewrite.text)}")
        console.print(
            f"  {labels['overall']} {a.scores.overall} → {s.overall}  "
            f"({labels['clarity']} {s.clarity}, {labels['ambition']} {s.ambition}, "
            f"{labels['measurability']} {s.measurability})"
        )
        for question in a.rewrite.questions:
            console.print(f"  [yellow]? {labels['ask']}{sep}{_plain(question)}[/yellow]")
    others = [x for x in a.alternatives if not a.rewrite or x.text != a.rewrite.text]
    if others:
        console.print(f"\n[bold]{labels['alternatives']}[/bold]")
        for x in others:
            console.print(
                f"  • {_plain(x.text)}  [cyan]({labels['overall']} {x.scores.overall})[/cyan]"
            )
            console.print(f"    [dim]{_plain(x.changed)} {_plain(x.why)}[/dim]")
            for question in x.questions:
                console.print(f"    [yellow]? {labels['ask']}{sep}{_plain(question)}[/yellow]")


def list_rules(rules: Sequence[Rule], console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    table = Table("id", "lang", "dimension", "level", "applies to", "title")
    for r in sorted(rules, key=lambda r: (r.lang, r.dimension, r.id)):
        cells = (r.id, r.lang, r.dimension, r.level, r.applies_to, r.title)
        table.add_row(*(escape(one_line_for_terminal(cell)) for cell in cells))
    console.print(table)
    console.print(f"{len(rules)} rules")


def explain_rule(rule: Rule, console: Console | None = None) -> None:
    """The ruff-style page: what it does, why it is bad, example, use instead."""
    console = console or Console(highlight=False)
    fr = rule.lang == "fr"
    heads = (
        ("Ce qu'elle détecte", "Pourquoi c'est un problème", "Exemple", "À la place", "Source")
        if fr
        else ("What it does", "Why is this bad?", "Example", "Use instead", "Source")
    )
    console.print(f"[bold]{_plain(rule.id)}[/bold] ({rule.lang}) — {_plain(rule.title)}")
    console.print(
        f"[dim]{rule.kind}, {rule.dimension}, {rule.level}, {rule.applies_to}, "
        f"−{rule.weight:g} points, {_plain(rule.path)}[/dim]\n"
    )
    console.print(f"[bold]{heads[0]}[/bold]\n  {_plain(rule.message)}\n")
    console.print(f"[bold]{heads[1]}[/bold]\n  {_plain(rule.rationale)}\n")
    console.print(f"[bold]{heads[2]}[/bold]")
    for ex in rule.bad:
        console.print(f"  ✗ {_plain(ex.text)}")
    console.print(f"\n[bold]{heads[3]}[/bold]")
    for ex in rule.good:
        console.print(f"  ✓ {_plain(ex.text)}")
    if rule.suggestions:
        console.print("  → " + " | ".join(_plain(s) for s in rule.suggestions))
    console.print(f"\n[bold]{heads[4]}[/bold]\n  {_plain(rule.source)}")
