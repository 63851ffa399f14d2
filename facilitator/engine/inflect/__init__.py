"""Proposals that stay grammatical: a replacement fitted to the words it replaces and to the
words around it, and additions placed where each language puts them.

Two halves, one per moment:

- `fit_alternatives` runs in the engine, on the analysed draft (spaCy's lemmas, parts of speech
  and dependencies in `Context.toks`): a replacement verb takes the replaced verb's form
  (« optimisons » → « réduisons », "improving" → "increasing", « impactés » → « touchés »), a
  replacement noun its number (« les synergies » → « coopérations »), a replacement adjective
  its gender and number; a quantity verb (augmenter, reduce …) is kept only before a
  quantity-like object, in the direction that counts as progress for it, else a restructuring
  wording takes its place (« faire passer de X à Y l'indicateur de … », "set a target from X to
  Y for …"); a verb that would replace a noun inside a noun phrase ("the modernisation of" →
  "the modernise") is not proposed.
- `apply_edit` puts a replacement into the text, as the workbench does with one key, and mends
  the words at its edges, with no model needed: French determiners follow the new noun's gender
  and its first sound (le/la/l', un/une, ce/cet/cette, du/de la/de l', au/à la/à l'), « de » and
  « que » elide before a vowel or a mute h and come back before a consonant, « à le », « de
  le », « à les », « de les » contract, an adjective right after a noun whose gender changed
  follows it, a nominalisation turned verb takes its « de » complement as object, « permettre
  à » takes « de » before its infinitive; English "a"/"an" follow the next word's sound. An
  addition written « … d'ici [date] » goes inside the sentence, before its final punctuation
  (and a deadline before a purpose clause).

Why word lists and not a library: the package index has French conjugators (verbecc 2.0.3,
mlconjug3) but both are machine-learning packages that pin exact numpy, scipy and scikit-learn
releases (verbecc is LGPL and pulls lxml and Cython too) for a job that, here, covers a closed
set: the few hundred words the lexicons propose. For English, lemminflect and inflect fit but
add a dependency (and a data download for one of them) for -s, -ing and -ed. So the data lives
beside the lexicons, in `lexicons/<lang>/morphology/` (nouns and their genders, conjugation
patterns by ending, irregular English verbs, a/an exceptions, quantity words with directions),
where a consultant can add a word, and the rules that cover every regular word are here. A
word none of them covers is left as the lexicon wrote it, and a verb form the conjugator cannot
produce drops that proposal rather than offer a wrong one.

The modules: `data` (the tables), `words` (what both halves share), `french` and `english`
(morphology), `fitting` (the engine side), `additions` and `apply` (the apply side).
"""

from facilitator.engine.inflect.additions import fit_addition, place_addition
from facilitator.engine.inflect.apply import apply_edit
from facilitator.engine.inflect.english import en_forms
from facilitator.engine.inflect.fitting import fit_alternatives
from facilitator.engine.inflect.french import contract_fr, fr_conjugate, fr_form_of, fr_np_number
from facilitator.engine.inflect.words import DETERMINERS

__all__ = [
    "DETERMINERS",
    "apply_edit",
    "contract_fr",
    "en_forms",
    "fit_addition",
    "fit_alternatives",
    "fr_conjugate",
    "fr_form_of",
    "fr_np_number",
    "place_addition",
]
