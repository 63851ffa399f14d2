"""The Word minutes (python-docx), laid out with Word's built-in styles.

Title, Subtitle, Heading 1–3, List Bullet and a built-in table style ("Light List Accent 1",
else "Table Grid") carry all the formatting, so a client's template restyles the whole document.
With `template=` the document is built on the client's .docx or .dotx: its body is cleared, and
its styles, page set-up, header and footer apply. A style the template does not define is added
as the built-in style of that name (Word then shows it under its usual name), so a sparse
template never stops an export.

The template must be a regular file of at most 20 MB whose parts unpack to at most 100 MB
(`MAX_TEMPLATE_BYTES`, `MAX_TEMPLATE_UNPACKED`), checked before python-docx opens it: a FIFO
or a device would hang the export, a zip bomb exhaust the memory.

Without a template, the document gets an A4 page, 2 cm margins, the session's language for the
spelling checker, compact table text and a footer with the page number. Direct formatting is
kept to that case: on a client template, the client's styles decide. The tables' column widths
are reckoned by `table_widths`.

One module of about 500 lines: the writer is one pass over the blocks that shares one
document's state, and the template's checks guard the one place that opens it.
"""

from __future__ import annotations

import io
import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt
from lxml.etree import SubElement

from facilitator import __version__

from .blocks import (
    BulletList,
    Cell,
    Heading,
    Minutes,
    Paragraph,
    Run,
    Subtitle,
    Table,
    Title,
)
from .files import not_regular
from .table_widths import cell_texts, figure_columns, fit_widths, word_width

TABLE_STYLES = ("Light List Accent 1", "Table Grid")
"""Built-in table styles of Word's default template, in order of preference."""

_LANG_TAGS = {"fr": "fr-FR", "en": "en-GB"}
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


MAX_TEMPLATE_BYTES = 20_000_000
"""A client template's file size: Word templates with a logo weigh well under 1 MB."""
MAX_TEMPLATE_UNPACKED = 100_000_000
"""The total unpacked size of a template's parts. A zip of 1.6 MB can declare 1.5 GB of zeros,
which python-docx would read into memory whole."""


class TemplateProblem(ValueError):
    """The client template cannot be used (missing, not a Word file, too big …)."""


def render(minutes: Minutes, template: str | Path | None = None) -> bytes:
    """The .docx file's bytes. Nothing touches the disk except reading `template`."""
    doc, fresh = _open(template)
    writer = _Writer(doc, fresh, minutes)
    writer.write()
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------
# Opening the base document


def _open(template: str | Path | None) -> tuple[Any, bool]:
    if template is None:
        return Document(), True
    path = Path(template)
    data = _read_template(path)
    try:
        _check_unpacked_size(path, data)
        data = _as_document(data)
        doc = Document(io.BytesIO(data))
    except TemplateProblem:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise TemplateProblem(
            f"{path}: not a Word document or template (.docx, .dotx): {error}"
        ) from None
    except Exception as error:  # python-docx raises its own PackageNotFoundError, among others
        raise TemplateProblem(f"{path}: cannot open the template: {error}") from None
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # keep the last section: page set-up, header, footer
            body.remove(child)
    return doc, False


def _read_template(path: Path) -> bytes:
    """The template's bytes, from a regular file of at most MAX_TEMPLATE_BYTES."""

    def check(st: os.stat_result) -> None:
        kind = not_regular(st.st_mode)
        if kind is not None:
            raise TemplateProblem(
                f"{path}: the template is {kind}, not a regular file: give a .docx or .dotx file"
            )
        if st.st_size > MAX_TEMPLATE_BYTES:
            _too_big(path, "is", st.st_size, MAX_TEMPLATE_BYTES)

    try:
        check(os.stat(path))  # before opening: opening a device can itself act on it
        # O_NONBLOCK: should the path turn into a FIFO meanwhile, opening it must not wait for
        # a writer. It changes nothing for a regular file.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise TemplateProblem(f"{path}: the template file does not exist") from None
    except OSError as error:
        raise TemplateProblem(f"{path}: cannot read the template ({error.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        check(os.fstat(handle.fileno()))  # the file opened is the one checked
        data = handle.read(MAX_TEMPLATE_BYTES + 1)  # it may have grown since
    if len(data) > MAX_TEMPLATE_BYTES:
        _too_big(path, "is", len(data), MAX_TEMPLATE_BYTES)
    return data


def _check_unpacked_size(path: Path, data: bytes) -> None:
    """Refuse a template whose parts unpack to more than MAX_TEMPLATE_UNPACKED, before
    python-docx reads them: zipfile never unpacks more than a part's declared size, so the
    sizes in the zip's directory bound what opening the template costs."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(item.file_size for item in archive.infolist())
    if unpacked > MAX_TEMPLATE_UNPACKED:
        _too_big(path, "unpacks to", unpacked, MAX_TEMPLATE_UNPACKED)


def _too_big(path: Path, verb: str, size: int, limit: int) -> NoReturn:
    raise TemplateProblem(
        f"{path}: the template {verb} {size / 1e6:,.0f} MB, over the {limit / 1e6:,.0f} MB "
        "limit: save it without its embedded pictures or media, or use another template"
    )


def _as_document(data: bytes) -> bytes:
    """A .dotx template re-labelled as a .docx (python-docx only opens documents)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
        if _TEMPLATE_TYPE not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    content = content.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
                target.writestr(item, content)
        return out.getvalue()


# --------------------------------------------------------------------------------------------
# Writing


class _Writer:
    def __init__(self, doc: Any, fresh: bool, minutes: Minutes) -> None:
        self.doc = doc
        self.fresh = fresh
        self.m = minutes
        self.styles = {name: self._paragraph_style(name) for name in _PARAGRAPH_STYLES}
        self.bullet_prefix = "" if self.styles["List Bullet"] == "List Bullet" else "• "
        self.table_style = self._table_style()
        # python-docx looks a style up by scanning every style on each use (≈1 ms): resolve the
        # ids once and set them directly, which keeps a 200-objective document under a second.
        self.style_ids = {key: self._style_id(name) for key, name in self.styles.items()}
        self.table_style_id = self._style_id(self.table_style) if self.table_style else None
        self.section_properties = doc.element.body.find(qn("w:sectPr"))
        section = doc.sections[-1]
        if fresh:
            section.page_width, section.page_height = Cm(21.0), Cm(29.7)
            for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
                setattr(section, side, Cm(2.0))
        width = (section.page_width or Cm(21.0)) - (section.left_margin or Cm(2.5))
        self.text_width = int(width - (section.right_margin or Cm(2.5)))

    # -- styles -------------------------------------------------------------------------------

    def _has_style(self, name: str, kind: Any) -> bool:
        try:
            return bool(self.doc.styles[name].type == kind)
        except KeyError:
            return False

    def _paragraph_style(self, name: str) -> str:
        if self._has_style(name, WD_STYLE_TYPE.PARAGRAPH):
            return name
        if name == "List Bullet":  # a list style without its numbering would show no bullet
            return (
                "List Paragraph"
                if self._has_style("List Paragraph", WD_STYLE_TYPE.PARAGRAPH)
                else "Normal"
            )
        size, level = _PARAGRAPH_STYLES[name]
        style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = self.doc.styles["Normal"]
        style.quick_style = True
        style.font.bold = name != "Subtitle"
        style.font.size = Pt(size)
        style.paragraph_format.keep_with_next = name != "Subtitle"
        if level is not None:
            ppr = style.element.get_or_add_pPr()
            outline = OxmlElement("w:outlineLvl")
            outline.set(qn("w:val"), str(level))
            ppr.append(outline)
        return name

    def _style_id(self, name: str) -> str:
        return str(self.doc.styles[name].style_id)

    def add_paragraph(
        self,
        style: str,
        runs: list[Run] | None = None,
        *,
        size: int | None = None,
        space_after: int | None = None,
        keep_next: bool = False,
    ) -> None:
        """Append a body paragraph in the built-in style `style` (a key of `self.styles`).

        Written as WordprocessingML directly, like table rows (see `table`); `size` is in
        half-points, `space_after` in twentieths of a point; `keep_next` keeps the paragraph on
        the page of what follows (a table's introduction with the table).
        """
        p = OxmlElement("w:p")
        if style != "Normal" or space_after is not None or keep_next:
            ppr = SubElement(p, _W_PPR)  # schema order: pStyle, keepNext, …, spacing
            if style != "Normal":
                SubElement(ppr, _W_PSTYLE).set(_W_VAL, self.style_ids[style])
            if keep_next:
                SubElement(ppr, _W_KEEPNEXT)
            if space_after is not None:
                SubElement(ppr, _W_SPACING).set(_W_AFTER, str(space_after))
        for run in runs or []:
            if run.text:
                _xml_run(p, run.text, run.bold, run.italic, size)
        body = self.doc.element.body
        if self.section_properties is not None:
            self.section_properties.addprevious(p)
        else:
            body.append(p)

    def _table_style(self) -> str | None:
        for name in TABLE_STYLES:
            if self._has_style(name, WD_STYLE_TYPE.TABLE):
                return name
        return None

    # -- blocks -------------------------------------------------------------------------------

    def write(self) -> None:
        blocks = self.m.blocks
        for i, block in enumerate(blocks):
            after = blocks[i + 1] if i + 1 < len(blocks) else None
            if isinstance(block, Title):
                self.add_paragraph("Title", [Run(block.text)])
            elif isinstance(block, Subtitle):
                self.add_paragraph("Subtitle", [Run(block.text)])
            elif isinstance(block, Heading):
                level = min(max(block.level, 1), 3)
                self.add_paragraph(f"Heading {level}", [Run(block.text)])
            elif isinstance(block, Paragraph):
                # A paragraph that introduces a table stays on the table's page; lines of facts
                # one after the other ("Responsable : …", "Statut : …") read as one block.
                keep = isinstance(after, Table)
                if block.note:
                    runs = [Run(r.text, r.bold, True) for r in block.runs]
                    self.add_paragraph(
                        "Normal", runs, size=17 if self.fresh else None, keep_next=keep
                    )
                else:
                    grouped = self.fresh and isinstance(after, Paragraph) and not after.note
                    space = _FACT_SPACING if grouped else None
                    self.add_paragraph("Normal", block.runs, space_after=space, keep_next=keep)
            elif isinstance(block, BulletList):
                for item in block.items:
                    runs = [Run(self.bullet_prefix), *item] if self.bullet_prefix else item
                    self.add_paragraph("List Bullet", runs)
            elif isinstance(block, Table):
                self.table(block)
        self.finish()

    def table(self, block: Table) -> None:
        """A table in the built-in table style, its header row repeated on each page.

        Rows are written as WordprocessingML directly: through python-docx's cell API, the
        ≈11,000 cells of a 200-objective session took seconds; this takes a fraction of one.
        """
        columns = len(block.headers)
        table = self.doc.add_table(rows=0, cols=columns)
        if self.table_style_id:
            table._tbl.tblStyle_val = self.table_style_id
        table.autofit = False
        _plain_first_column(table)
        rows = [
            [[Run(v)] if isinstance(v, str) else v for v in _fit(r, columns)] for r in block.rows
        ]
        widths = self._widths(block.widths, columns, [block.headers, *cell_texts(rows)])
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        twips = [str(int(w / 635)) for w in widths]  # 635 EMU per twentieth of a point
        size = 18 if self.fresh else None  # half-points: 9 pt
        centred = figure_columns(rows, columns)
        # Rows never break across pages; the header and the first row stay with the heading
        # above them, and a short table stays whole.
        last = len(rows) - 1
        together = last if len(rows) <= _WHOLE_TABLE_ROWS else 1
        _xml_row(table._tbl, [[Run(h)] for h in block.headers], twips, True, size, self.fresh,
                 header=True, keep_next=last >= 0, centred=centred)  # fmt: skip
        for i, cells in enumerate(rows):
            _xml_row(table._tbl, cells, twips, block.total_row and i == last, size, self.fresh,
                     keep_next=i < together, centred=centred)  # fmt: skip
        self.add_paragraph("Normal", space_after=40)  # a little air after the table

    def _widths(
        self, relative: tuple[float, ...], columns: int, texts: list[list[str]] | None = None
    ) -> list[Emu]:
        """Column widths from the relative `widths`, each at least as wide as the longest word
        or figure of its column ("100/100/100", "Responsable"), so that no score, date part or
        word is ever split over two lines; the wider columns give up what the others need."""
        weights = list(relative) if len(relative) == columns else [1.0] * columns
        total = sum(weights) or 1.0
        widths = [self.text_width * w / total for w in weights]
        needs = [0.0] * columns
        for row in texts or []:
            for column, text in enumerate(row[:columns]):
                # A word wider than half the page (a link) may wrap rather than crush the rest.
                needs[column] = max(needs[column], min(word_width(text), self.text_width / 2))
        return [Emu(int(w)) for w in fit_widths(widths, needs, self.text_width)]

    # -- document properties, language, footer --------------------------------------------------

    def finish(self) -> None:
        props = self.doc.core_properties
        now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
        props.title = self.m.title[:255]
        props.subject = self.m.subject[:255]
        props.author = (self.m.author or f"facilitator {__version__}")[:255]
        props.last_modified_by = f"facilitator {__version__}"
        props.language = _LANG_TAGS.get(self.m.lang, self.m.lang)
        props.keywords = "OKR"
        props.comments = ""
        props.created = props.modified = now
        props.revision = 1
        if self.fresh:
            self._language()
            self._footer()

    def _language(self) -> None:
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
        if rpr is None:
            return
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), _LANG_TAGS.get(self.m.lang, "fr-FR"))

    def _footer(self) -> None:
        footer = self.doc.sections[-1].footer
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.text = ""
        run = paragraph.add_run(f"{self.m.footer} — {self.m.labels['page']} ")
        run.font.size = Pt(8.5)
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        number = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        number.append(text)
        field.append(number)
        paragraph._p.append(field)


# name → (size in points and outline level, used only when the template lacks the style)
_PARAGRAPH_STYLES: dict[str, tuple[float, int | None]] = {
    "Normal": (11, None),
    "Title": (24, None),
    "Subtitle": (14, None),
    "Heading 1": (16, 0),
    "Heading 2": (13, 1),
    "Heading 3": (11.5, 2),
    "List Bullet": (11, None),
}


def _xml_row(
    tbl: Any,
    cells: list[list[Run]],
    twips: list[str],
    bold: bool,
    size: int | None,
    compact: bool,
    *,
    header: bool = False,
    keep_next: bool = False,
    centred: frozenset[int] = frozenset(),
) -> None:
    """Append a <w:tr> to `tbl`: one paragraph per cell, runs with their emphasis.

    The row never breaks across a page; `keep_next` keeps it on the page of the next row;
    the cells of the `centred` columns (figures) are centred."""
    tr = SubElement(tbl, _W_TR)
    trpr = SubElement(tr, _W_TRPR)
    SubElement(trpr, _W_CANTSPLIT)
    if header:  # repeat at the top of each page the table spans
        SubElement(trpr, _W_TBLHEADER).set(_W_VAL, "true")
    for column, (runs, width) in enumerate(zip(cells, twips, strict=True)):
        tc = SubElement(tr, _W_TC)
        tcw = SubElement(SubElement(tc, _W_TCPR), _W_TCW)
        tcw.set(_W_W, width)
        tcw.set(_W_TYPE, "dxa")
        p = SubElement(tc, _W_P)
        if compact or keep_next or column in centred:
            ppr = SubElement(p, _W_PPR)  # schema order: keepNext, spacing, jc
            if keep_next:
                SubElement(ppr, _W_KEEPNEXT)
            if compact:
                spacing = SubElement(ppr, _W_SPACING)
                spacing.set(_W_AFTER, "0")
                spacing.set(_W_LINE, "240")
                spacing.set(_W_LINE_RULE, "auto")
            if column in centred:
                SubElement(ppr, _W_JC).set(_W_VAL, "center")
        for run in runs:
            if run.text:
                _xml_run(p, run.text, bold or run.bold, run.italic, size)


def _xml_run(p: Any, text: str, bold: bool, italic: bool, size: int | None) -> None:
    r = SubElement(p, _W_R)
    if bold or italic or size:
        rpr = SubElement(r, _W_RPR)  # schema order: b, i, sz
        if bold:
            SubElement(rpr, _W_B)
        if italic:
            SubElement(rpr, _W_I)
        if size:
            SubElement(rpr, _W_SZ).set(_W_VAL, str(size))
    for n, line in enumerate(text.split("\n")):
        if n:
            SubElement(r, _W_BR)
        for m, piece in enumerate(line.split("\t")):
            if m:
                SubElement(r, _W_TAB)
            if piece:
                t = SubElement(r, _W_T)
                t.text = piece
                t.set(_XML_SPACE, "preserve")


_W_TR, _W_TRPR, _W_TBLHEADER, _W_TC, _W_TCPR, _W_TCW, _W_P, _W_PPR, _W_SPACING = (
    qn(f"w:{tag}")
    for tag in ("tr", "trPr", "tblHeader", "tc", "tcPr", "tcW", "p", "pPr", "spacing")
)
_W_PSTYLE, _W_KEEPNEXT, _W_CANTSPLIT, _W_JC = (
    qn(f"w:{tag}") for tag in ("pStyle", "keepNext", "cantSplit", "jc")
)
_W_R, _W_RPR, _W_B, _W_I, _W_SZ, _W_BR, _W_TAB, _W_T = (
    qn(f"w:{tag}") for tag in ("r", "rPr", "b", "i", "sz", "br", "tab", "t")
)
_W_VAL, _W_W, _W_TYPE, _W_AFTER, _W_LINE, _W_LINE_RULE = (
    qn(f"w:{name}") for name in ("val", "w", "type", "after", "line", "lineRule")
)
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _plain_first_column(table: Any) -> None:
    """Emphasise the header row only: a first column of wordings in bold reads heavily."""
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    for name, value in (
        ("firstRow", "1"),
        ("firstColumn", "0"),
        ("lastRow", "0"),
        ("lastColumn", "0"),
        ("noHBand", "0"),
        ("noVBand", "1"),
    ):
        look.set(qn(f"w:{name}"), value)
    look.set(qn("w:val"), "0420")  # the same flags, as Word 2007 reads them


def _fit(values: list[Cell], columns: int) -> list[Cell]:
    return (values + [""] * columns)[:columns]


_FACT_SPACING = 60
"""Space after a line of facts followed by another (twentieths of a point: 3 pt, not 10)."""
_WHOLE_TABLE_ROWS = 8
"""A table of at most this many rows is kept on one page (a longer one may break between rows)."""
