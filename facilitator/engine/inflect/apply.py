"""Apply side: a replacement put into the text as the workbench does with one key, its edges
mended with no model needed (determiners, elision, contraction, an adjective's agreement,
« permettre à … de », "a"/"an"), spaces tidied.
"""

from __future__ import annotations

import re

from facilitator.engine.inflect.additions import is_addition, looks_like_deadline, place_addition
from facilitator.engine.inflect.data import _data
from facilitator.engine.inflect.french import (
    _FR_LEADING_ADJ,
    _fr_adj_change_gender,
    _fr_head,
    _fr_is_verb,
    _frame,
    _guess_gender,
    _same_case,
    fr_forms,
    fr_gender,
    fr_singular,
)
from facilitator.engine.inflect.words import (
    _EN_DETS,
    _EN_STOPS,
    _FR_DETS,
    _FR_PREPS,
    _OBJECT_DETS,
    _WORD,
    _low,
    en_article,
    starts_with_vowel_sound_fr,
)

_FR_DET_AT_END = re.compile(
    r"(?:^|(?<=[\s(«\"“]))(de\s+la|de\s+l['’]|à\s+la|à\s+l['’]|le|la|l['’]|les|un|une|du|des|au|aux|"
    r"ce|cet|cette|ces|mon|ma|ton|ta|son|sa|de|d['’]|que|qu['’])\s*$",
    re.IGNORECASE,
)


_FR_BARE_NOUN_AFTER = ("en matière de", "en termes de")


def _det_kind(det: str) -> tuple[str, str | None, bool]:
    """(kind, gender, plural) of a French determiner or preposition."""
    d = re.sub(r"\s+", " ", _low(det))
    table: dict[str, tuple[str, str | None, bool]] = {
        "le": ("def", "m", False),
        "la": ("def", "f", False),
        "l'": ("def", None, False),
        "les": ("def", None, True),
        "un": ("indef", "m", False),
        "une": ("indef", "f", False),
        "du": ("de", "m", False),
        "de la": ("de", "f", False),
        "de l'": ("de", None, False),
        "des": ("de", None, True),
        "au": ("a", "m", False),
        "à la": ("a", "f", False),
        "à l'": ("a", None, False),
        "aux": ("a", None, True),
        "ce": ("dem", "m", False),
        "cet": ("dem", "m", False),
        "cette": ("dem", "f", False),
        "ces": ("dem", None, True),
        "mon": ("mon", None, False),
        "ma": ("mon", "f", False),
        "ton": ("ton", None, False),
        "ta": ("ton", "f", False),
        "son": ("son", None, False),
        "sa": ("son", "f", False),
        "de": ("de0", None, False),
        "d'": ("de0", None, False),
        "que": ("que", None, False),
        "qu'": ("que", None, False),
    }
    return table.get(d, ("", None, False))


def _render_det(kind: str, gender: str | None, plural: bool, vowel: bool, apos: str) -> str | None:
    if kind == "def":
        return "les" if plural else f"l{apos}" if vowel else "la" if gender == "f" else "le"
    if kind == "indef":
        return None if plural else "une" if gender == "f" else "un"
    if kind == "de":
        return "des" if plural else f"de l{apos}" if vowel else "de la" if gender == "f" else "du"
    if kind == "a":
        return "aux" if plural else f"à l{apos}" if vowel else "à la" if gender == "f" else "au"
    if kind == "dem":
        if plural:
            return "ces"
        return "cette" if gender == "f" else "cet" if vowel else "ce"
    if kind in ("mon", "ton", "son"):
        return kind if vowel or gender != "f" else kind[0] + "a"
    if kind == "de0":
        return f"d{apos}" if vowel else "de"
    if kind == "que":
        return f"qu{apos}" if vowel else "que"
    return None


def _first_word(s: str) -> str:
    m = _WORD.search(s)
    return m.group() if m else ""


def _fr_mend(before: str, old: str, rep: str, after: str) -> tuple[str, str, str]:
    # « le taux de » + « taux de désabonnement »: no stutter; « le délai » + « délai » (for
    # "lead time"): the words already say it, the anglicism goes.
    bwords = before.split()
    rwords = rep.split()
    for n in (3, 2, 1):
        if (
            len(bwords) >= n
            and len(rwords) >= n
            and [_low(w) for w in bwords[-n:]] == [_low(w) for w in rwords[:n]]
            and not all(_low(w) in _FR_DETS | _FR_PREPS for w in rwords[:n])
        ):
            rep = " ".join(rwords[n:])
            break
    rep = _fr_noun_complement(bwords, old, rep)
    rep_is_verb = bool(rep) and _fr_is_verb(rep.split(" ")[0])
    old_head = _fr_head(old)
    old_is_noun = old_head is not None and not _fr_is_verb(old_head)
    old_words = old.split()
    old_is_verb = bool(old_words) and not old_is_noun and _fr_is_verb(old_words[0])
    if rep_is_verb and old_is_noun:
        after = _fr_complement_to_object(after)
    elif rep_is_verb and old_is_verb:
        rep, after = _fr_verb_object(old_words, rep, after)
    # The determiner or preposition before the span, in the new word's gender and first sound.
    m = _FR_DET_AT_END.search(before)
    nxt = rep if rep else after.lstrip()
    new_gender: str | None = None
    old_gender: str | None = None
    if rep and not rep_is_verb and _low(rep.split(" ")[0]) not in _FR_DETS:
        new_gender = fr_gender(rep)
    if m:
        det = m.group(1)
        kind, det_gender, plural = _det_kind(det)
        old_gender = det_gender or (
            fr_gender(old) if old_head and old_is_noun is not False else None
        )
        if kind and (not rep_is_verb or kind in ("de0", "que")):
            gender = det_gender if rep_is_verb or not rep else new_gender or det_gender
            vowel = starts_with_vowel_sound_fr(_first_word(nxt))
            apos = "’" if "’" in det else "'"
            if kind in ("def", "de", "a") and not vowel and gender is None and not plural:
                gender = _guess_gender(_low(fr_singular(_fr_head(nxt) or ""))) or "m"
            new = _render_det(kind, gender, plural, vowel, apos)
            if new is not None and new != _low(det).replace("’", "'").replace("'", apos):
                new = _same_case(det, new)
                stem = before[: m.start(1)]
                glue = "" if new.endswith(apos) else " "
                before = stem + new + glue
                if not new.endswith(apos) and not rep:
                    after = " " + after.lstrip()
    if old_gender is None and old_head is not None and old_is_noun:
        old_gender = fr_gender(old)
    # The end of the replacement against what follows: contraction, elision, frames.
    if rep:
        rep, after = _fr_mend_right(rep, after)
    # An adjective after a noun whose gender changed follows it.
    if rep and new_gender and old_gender and new_gender != old_gender and old_is_noun:
        m2 = re.match(r"(\s+)([^\W\d_][\w-]*)", after)
        if m2:
            changed = _fr_adj_change_gender(m2.group(2), old_gender, new_gender)
            if changed:
                after = m2.group(1) + changed + after[m2.end() :]
    return before, rep, after


def _fr_noun_complement(bwords: list[str], old: str, rep: str) -> str:
    """An English noun used as a modifier (« la croissance revenue ») replaced by a French
    noun phrase takes « de » and its article: « la croissance du chiffre d'affaires ». Only a
    phrase that carries its own complement (« chiffre d'affaires », « taux de désabonnement »):
    a single noun may stand as a modifier in French (« satisfaction client »)."""
    rwords = rep.split()
    if len(rwords) < 2 or not re.search(r"\s(?:de|d['’]|des|du)\s?", rep) or not bwords:
        return rep
    prev = _low(bwords[-1])
    if prev in _FR_DETS or prev in _FR_PREPS or _fr_is_verb(prev) or not prev.isalpha():
        return rep
    if prev in _FR_LEADING_ADJ:
        return rep  # « le nouveau dashboard »: an adjective, not a noun this one qualifies
    if _low(rwords[0]) in _FR_DETS or len(old.split()) > 1:
        return rep
    gender = fr_gender(rep)
    if gender is None:
        return rep
    plural = _low(rwords[0]).endswith(("s", "x"))
    if plural:
        return f"des {rep}"
    if starts_with_vowel_sound_fr(rwords[0]):
        return f"de l'{rep}"
    return f"du {rep}" if gender == "m" else f"de la {rep}"


_TO_DIRECT = {"au": "le ", "aux": "les ", "à la": "la ", "à l'": "l'", "à": ""}


def _fr_verb_object(old_words: list[str], rep: str, after: str) -> tuple[str, str]:
    """The old verb's object in the new verb's construction: « Poser les bases d'une
    politique » → « Réussir une politique », « Contribuer à la réduction » → « Obtenir la
    réduction », « Participer au lancement » → « Réaliser le lancement »."""
    if len(old_words) >= 3 and _low(old_words[1]) in _OBJECT_DETS and " " not in rep:
        return rep, _fr_complement_to_object(after)
    old_object = _frame(" ".join(old_words))[0]
    new_object = _frame(rep)[0]
    if old_object != "à" or new_object == "à" or _low(rep).endswith((" à", " sur", " avec")):
        return rep, after
    kept = " ".join(old_words[1:])
    if _low(kept) in _TO_DIRECT:  # the span ended with the old verb's « au »
        return rep, " " + _TO_DIRECT[_low(kept)] + after.lstrip()
    m = re.match(r"\s*(au|aux|à\s+la|à\s+l['’]|à)\s*", after, re.IGNORECASE)
    if m and not kept:
        key = re.sub(r"\s+", " ", _low(m.group(1)))
        nxt = after[m.end() :]
        if key == "à" and re.match(r"[^\W\d_]+\b", nxt) and _fr_is_verb(nxt.split(" ")[0]):
            return rep, after
        return rep, " " + _TO_DIRECT[key] + nxt
    return rep, after


def _fr_complement_to_object(after: str) -> str:
    """« (Mise en place) d'un outil » → « un outil »; « (Réduction) de 20 % des délais » →
    « de 20 % les délais »."""
    m = re.match(r"(\s*(?:de\s+\d[\d\s,.]*\s*(?:%|points?|pts|jours?|€|M€|k€)?\s+)?)", after)
    lead = m.group(1) if m else ""
    rest = after[len(lead) :]
    if not lead:
        rest = rest.lstrip()
        lead = " "
    swaps = (
        (r"^du\s+", "le "),
        (r"^des\s+", "les "),
        (r"^de\s+la\s+", "la "),
        (r"^de\s+l['’]", "l'"),
        (r"^d['’](un|une)\s+", r"\1 "),
        (
            r"^de\s+(ces|cette|ce|cet|nos|notre|vos|votre|leurs|leur|ses|son|sa|mes|mon|ma)\s+",
            r"\1 ",
        ),
    )
    for pattern, repl in swaps:
        new, n = re.subn(pattern, repl, rest, count=1, flags=re.IGNORECASE)
        if n:
            return lead + new
    return after


def _fr_mend_right(rep: str, after: str) -> tuple[str, str]:
    words = rep.split(" ")
    last = _low(words[-1])
    nxt_m = re.match(r"\s*(\S+)", after)
    nxt = _low(nxt_m.group(1)) if nxt_m else ""
    low_rep = _low(rep)
    # « en matière de la facturation » → « en matière de facturation ».
    if low_rep.endswith(_FR_BARE_NOUN_AFTER):
        m = re.match(r"\s*(?:la|le|les|l['’])\s*", after, re.IGNORECASE)
        if m:
            after = " " + after[m.end() :]
            nxt_m = re.match(r"\s*(\S+)", after)
            nxt = _low(nxt_m.group(1)) if nxt_m else ""
    # A verb whose person object takes « à » and whose infinitive takes « de »:
    # « Aider les agences à vendre » → « Permettre aux agences de vendre ».
    frame = _frame_of(words)
    if frame and last == frame[0]:
        inf_prep = frame[1]
        m = re.match(r"\s*(à|de|d['’])\s+(\S+)", after)
        if m and _fr_is_verb(m.group(2)):
            words = words[:-1]
            rep = " ".join(words)
            last = _low(words[-1])
            vowel = starts_with_vowel_sound_fr(m.group(2))
            after = (
                " "
                + (("d'" if vowel else "de ") if inf_prep == "de" else "à ")
                + after[m.start(2) :]
            )
            nxt = ""
        else:
            m2 = re.search(r"\s(à)\s+(\S+)", after[:120])
            if m2 and _fr_is_verb(m2.group(2)) and not re.search(r"[,;.]", after[: m2.start()]):
                vowel = starts_with_vowel_sound_fr(m2.group(2))
                new = (" d'" if vowel else " de ") if inf_prep == "de" else " à "
                after = after[: m2.start()] + new + after[m2.start(2) :]
    if last in ("de", "à") and nxt in ("le", "les", "des", "du"):
        prep = words[-1]
        joined = (
            {"le": "du", "les": "des", "des": "des", "du": "du"}[nxt]
            if last == "de"
            else ({"le": "au", "les": "aux"}.get(nxt))
        )
        if joined:
            words[-1] = _same_case(prep, joined)
            rep = " ".join(words)
            assert nxt_m is not None
            after = after[nxt_m.end() :]
    elif last in ("de", "que", "le", "la") and nxt and starts_with_vowel_sound_fr(nxt):
        words[-1] = {"de": "d'", "que": "qu'", "le": "l'", "la": "l'"}[last]
        rep = " ".join(words)
        after = after.lstrip()
    return rep, after


def _frame_of(words: list[str]) -> tuple[str, str] | None:
    frames = _data("fr").frames
    first = _low(words[0])
    for verb, frame in frames.items():
        if not frame[0]:
            continue
        forms = fr_forms(verb) or {}
        if first == verb or first in forms.values():
            return frame
    return None


def _en_mend(before: str, old: str, rep: str, after: str) -> tuple[str, str, str]:
    bwords, rwords = before.split(), rep.split()
    for n in (2, 1):
        if (
            len(bwords) >= n
            and len(rwords) > n
            and [w.lower() for w in bwords[-n:]] == [w.lower() for w in rwords[:n]]
        ):
            rep = " ".join(rwords[n:])
            break
    m = re.search(r"(?:^|(?<=\s))(a|an|A|An)\s+$", before)
    if m:
        nxt = _first_word(rep) if rep else _first_word(after)
        if nxt:
            article = en_article(nxt)
            if article != m.group(1).lower():
                before = before[: m.start(1)] + _same_case(m.group(1), article) + " "
    return before, rep, after


def guess_lang(text: str) -> str:
    words = [_low(w) for w in _WORD.findall(text)]
    fr = sum(w in _FR_DETS or w in _FR_PREPS or w.endswith("'") for w in words)
    en = sum(w in _EN_DETS or w in _EN_STOPS for w in words)
    if fr == en:
        return "fr" if re.search(r"[éèêàçù]", text) else "en"
    return "fr" if fr > en else "en"


_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE = re.compile(r"\s+([,.)\]])")
_DOUBLED = re.compile(r"([,;:])\s*\1+|(?<!\.)\.\s*\.(?!\.)")


def apply_edit(text: str, start: int, end: int, replacement: str, lang: str | None = None) -> str:
    """`text` with [start, end) replaced by `replacement` (an empty one removes the words) and
    the edges mended; a replacement starting with « … » adds its words to the sentence."""
    start, end = max(0, start), min(len(text), end)
    lang = lang or guess_lang(text)
    if is_addition(replacement):
        addition = replacement.split(" ", 1)[1]
        if looks_like_deadline(text[start:end]):
            return apply_edit(text, start, end, addition, lang)
        return place_addition(text, end, addition)
    before, old, after = text[:start], text[start:end], text[end:]
    rep = replacement.strip()
    sentence_start = _starts_sentence(before)
    if rep and old[:1].isupper() and rep[:1].islower() and sentence_start:
        rep = rep[:1].upper() + rep[1:]
    if lang == "fr":
        before, rep, after = _fr_mend(before, old, rep, after)
    else:
        before, rep, after = _en_mend(before, old, rep, after)
    if not rep:
        head = before.rstrip(" ")
        tail = after.lstrip(" ") if not head or head.endswith(("'", "’")) else after
        if (
            head
            and tail
            and not tail.startswith((" ", ",", ".", ";", ")"))
            and not head.endswith(("'", "’", "("))
        ):
            head += " "
        result = head + tail
        if not head.strip():
            result = result.lstrip(" ,;:")
    else:
        glue_l = "" if not before or before.endswith((" ", "'", "’", "(", "«", "“", "-")) else " "
        glue_r = (
            "" if not after or after.startswith((" ", ",", ".", ";", ")", "]", "’", "'")) else " "
        )
        result = before + glue_l + rep + glue_r + after
    result = _tidy(result, lo=max(0, len(before) - 3), hi=len(before) + len(rep) + 3)
    if text[:1].isupper() and result[:1].islower():
        result = result[:1].upper() + result[1:]
    return result


def _starts_sentence(before: str) -> bool:
    tail = before.rstrip()
    return not tail or tail[-1] in ".!?:—–-•"


def _tidy(text: str, lo: int, hi: int) -> str:
    """Spaces and punctuation around an edit: no doubled spaces, no space before a comma or a
    full stop, no doubled comma or full stop."""
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _DOUBLED.sub(lambda m: m.group(1) or ".", text)
    return text.strip()
