# ruff: noqa: E501  (long message texts)
"""Every text pengampuan shows to a person, in Bahasa Indonesia and English, in one place.

Each message is a template keyed by an id, with an ``id`` (Bahasa Indonesia)
and an ``en`` (English) text that take the same placeholders; :func:`msg`
fills one in, in the language of ``settings.language`` (``"id"`` by default,
``--lang`` on the command line). Numbers placed with a format spec
(``{n:,}``, ``{km:.1f}``, ``{x:g}``) follow the language: ``1.234.567`` and
``0,6`` in Bahasa Indonesia, ``1,234,567`` and ``0.6`` in English. The
helpers :func:`fmt_num`, :func:`fmt_km`, :func:`fmt_pct` and :func:`fmt_min`
are the one place where numbers are written for people (command line, maps,
figures).

Which texts follow the language
-------------------------------
Everything meant for the person running an analysis follows
``settings.language``: data problems (the ``problem`` column of a problems
table and its printed lines), boundary matching (:class:`MatchReport` lines,
``RegionMatchError``), downloads (``DownloadError``), configuration errors,
warnings, progress labels and everything the command line prints. Errors
about a wrong *Python argument* (``layanan='x'`` in a call, a wrong type)
stay in English: they are read by the person writing the code, next to
English names. The command line checks its own arguments first and reports
them in the user's language.

Hints name what the user can change where they are: a key may have a
``@cli`` variant (``hint_on_unmatched@cli``) used while the command line runs
(:func:`command_line`), naming flags (``--on-unmatched warn``) instead of
Python keywords (``on_unmatched='warn'``).

The module imports nothing from the package at import time, so any module may
use it.

Examples
--------
>>> msg("quote_swallowed_lines", lang="en", n=2, first=5, last=6)
'the next 2 line(s) (lines 5-6)'
>>> msg("quote_swallowed_lines", lang="id", n=2, first=5, last=6)
'2 baris berikutnya (baris 5-6)'
>>> fmt_num(1234567.25, "id", 1), fmt_km(0.6, "id"), fmt_pct(0.125, "id", 1)
('1.234.567,2', '0,6 km', '12,5%')
"""

from __future__ import annotations

import contextlib
import contextvars
import numbers
import string
from collections.abc import Callable, Iterator
from typing import Any

#: Languages of every message.
LANGS: tuple[str, ...] = ("id", "en")

_SURFACE: contextvars.ContextVar[str] = contextvars.ContextVar("pengampuan_surface",
                                                               default="api")


def _default_language() -> str:
    return "id"


#: Where the language of messages comes from: :mod:`pengampuan.config` registers
#: ``settings.language`` here when it is imported (this module imports nothing of the
#: package, so every module may import it).
_language_source: Callable[[], str] = _default_language


def use_language_of(source: Callable[[], str]) -> None:
    """Take the language of messages from ``source()`` (called by :mod:`pengampuan.config`)."""
    global _language_source
    _language_source = source


def current_lang(lang: str | None = None) -> str:
    """``lang`` if given, else ``settings.language`` ('id' or 'en')."""
    if lang is None:
        lang = _language_source()
    if lang not in LANGS:
        raise ValueError(f"lang={lang!r} is not known; expected one of {list(LANGS)}")
    return lang


@contextlib.contextmanager
def command_line() -> Iterator[None]:
    """While active, hints name command-line flags (the ``@cli`` variants of messages)."""
    token = _SURFACE.set("cli")
    try:
        yield
    finally:
        _SURFACE.reset(token)


def on_command_line() -> bool:
    """True while the command line runs a command (see :func:`command_line`)."""
    return _SURFACE.get() == "cli"


class _Formatter(string.Formatter):
    """``str.format`` whose numbers with a format spec follow the language's separators."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        text = format(value, format_spec)
        if (self.lang == "id" and format_spec and not isinstance(value, (bool, str))
                and _is_number(value)):
            text = _swap_separators(text)
        return text


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Number)


def _swap_separators(text: str) -> str:
    """'1,234.5' -> '1.234,5'."""
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def template(key: str, lang: str | None = None) -> str:
    """The raw text of ``key`` in ``lang`` (the ``@cli`` variant on the command line)."""
    lang = current_lang(lang)
    if on_command_line() and f"{key}@cli" in MESSAGES:
        key = f"{key}@cli"
    return MESSAGES[key][lang]


def msg(key: str, /, lang: str | None = None, **values: Any) -> str:
    """The message ``key`` in ``lang`` (default ``settings.language``), filled with ``values``.

    Examples
    --------
    >>> msg("severity_error", lang="id"), msg("severity_error", lang="en")
    ('kesalahan', 'error')
    >>> msg("n_rows", lang="id", n=1234567), msg("n_rows", lang="en", n=1234567)
    ('1.234.567 baris', '1,234,567 rows')
    """
    lang = current_lang(lang)
    return _Formatter(lang).vformat(template(key, lang), (), values)


def placeholders(text: str) -> set[str]:
    """Names of the placeholders of a template: ``'{n:,} of {m}'`` -> ``{'n', 'm'}``."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# --------------------------------------------------------------------------- numbers
def fmt_num(x: float, lang: str | None = None, decimals: int = 0) -> str:
    """A number with the thousands and decimal separators of ``lang``.

    Examples
    --------
    >>> fmt_num(1234567, "id"), fmt_num(1234567, "en"), fmt_num(0.55, "id", 2)
    ('1.234.567', '1,234,567', '0,55')
    """
    text = f"{x:,.{decimals}f}"
    return _swap_separators(text) if current_lang(lang) == "id" else text


def fmt_km(km: float, lang: str | None = None) -> str:
    """A distance: ``62 km``, ``3,5 km`` (one decimal under 10 km).

    Examples
    --------
    >>> fmt_km(3.46, "id"), fmt_km(1234.4, "en")
    ('3,5 km', '1,234 km')
    """
    return f"{fmt_num(km, lang, 1 if abs(km) < 10 else 0)} km"


def fmt_pct(share: float, lang: str | None = None, decimals: int = 0) -> str:
    """A share (0..1) as a percentage: ``86%``, ``12,5%``; never a rounded 100 % or 0 %.

    A share that would round to ``100%`` (or ``0%``) but is not exactly 1 (or 0)
    gets one more decimal (``99,8%``, ``0,2%``); if even that reads 100 (or 0),
    it is written as a bound: ``>99,9%``, ``<0,1%``. Exact 1 and 0 stay
    ``100%`` and ``0%``; NaN is a dash.

    Examples
    --------
    >>> fmt_pct(0.86), fmt_pct(0.125, "id", 1), fmt_pct(0.125, "en", 1)
    ('86%', '12,5%', '12.5%')
    >>> fmt_pct(1.0, "id"), fmt_pct(0.9979, "id"), fmt_pct(0.99999, "id")
    ('100%', '99,8%', '>99,9%')
    >>> fmt_pct(0.0, "id"), fmt_pct(0.002, "id"), fmt_pct(0.000004, "en")
    ('0%', '0,2%', '<0.1%')
    >>> fmt_pct(0.99995, "en", 1), fmt_pct(0.994, "en")
    ('>99.99%', '99%')
    """
    share = float(share)
    if share != share:  # NaN
        return "\u2013"
    pct = 100 * share
    if not 0 <= share <= 1:  # (not a share of a whole: as it is)
        return f"{fmt_num(pct, lang, decimals)}%"
    for d in (decimals, decimals + 1):
        text = f"{pct:.{d}f}"
        shown = float(text)
        if (shown >= 100 and share < 1) or (shown == 0 and share != 0):
            continue  # would read 100 % (or 0 %) without being exact
        return f"{fmt_num(pct, lang, d)}%"
    step = 10.0 ** -(decimals + 1)
    if share < 0.5:
        return f"<{fmt_num(step, lang, decimals + 1)}%"
    return f">{fmt_num(100 - step, lang, decimals + 1)}%"


def fmt_min(minutes: float, lang: str | None = None) -> str:
    """A travel time: ``45 menit``, ``2 jam 5 menit`` / ``2 h 5 min``.

    Examples
    --------
    >>> fmt_min(125, "id"), fmt_min(45, "en")
    ('2 jam 5 menit', '45 min')
    """
    m = int(round(minutes))
    if m < 60:
        return msg("unit_minutes", lang, n=m)
    h, rest = divmod(m, 60)
    hours = msg("unit_hours", lang, n=h)
    return hours + (" " + msg("unit_minutes", lang, n=rest) if rest else "")


def severity_label(severity: str, lang: str | None = None) -> str:
    """'error' | 'warning' | 'note' in ``lang`` (the table keeps the English codes)."""
    key = f"severity_{severity}"
    return msg(key, lang) if key in MESSAGES else str(severity)


def join_and(items: list[str], lang: str | None = None) -> str:
    """'a', 'a and b', 'a, b and c' (``dan`` in Bahasa Indonesia)."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {msg('word_and', lang)} {items[-1]}"


def progress_bar(stage: str, *, total: int | None = None, iterable: Any = None,
                 show: bool = True) -> Any:
    """One tqdm bar for one stage of a computation, labelled in the user's language.

    The label is the message ``progress_<stage>`` (``progress_sea``: "Membangun
    rute laut" / "Building sea routes"); the bar shows the share done and the
    time, not the internal unit being counted (rings, blocks). Callers give a
    bar to a whole stage only, never to an inner loop.

    Examples
    --------
    >>> with progress_bar("nearest", total=3, show=False) as bar:
    ...     bar.update(3)
    """
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=msg(f"progress_{stage}"), disable=not show,
                bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}<{remaining}",
                leave=False)


def visible(text: str) -> str:
    r"""``text`` with invisible and non-breaking characters written as ``<U+200B>``.

    Examples
    --------
    >>> visible("RS0001\u200b")
    "'RS0001<U+200B>'"
    """
    shown = "".join(f"<U+{ord(c):04X}>" if c in INVISIBLE or c in NON_BREAKING else c
                    for c in text)
    return repr(shown)


#: Characters that show nothing: zero-width spaces and joiners, a BOM inside a value, soft
#: hyphens and bidirectional marks (copied from web pages and PDFs).
INVISIBLE: dict[str, str] = {
    "\u200b": "ZERO WIDTH SPACE", "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER", "\u2060": "WORD JOINER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE (BOM)", "\u00ad": "SOFT HYPHEN",
    "\u200e": "LEFT-TO-RIGHT MARK", "\u200f": "RIGHT-TO-LEFT MARK",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING", "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
}
#: Spaces that do not break a line: they look like a space but are another character.
NON_BREAKING: dict[str, str] = {
    "\u00a0": "NO-BREAK SPACE", "\u202f": "NARROW NO-BREAK SPACE", "\u2007": "FIGURE SPACE",
}



# =========================================================================== the catalogue
MESSAGES: dict[str, dict[str, str]] = {
    # --- words -----------------------------------------------------------------------------
    "severity_error": {"id": "kesalahan", "en": "error"},
    "severity_warning": {"id": "peringatan", "en": "warning"},
    "severity_note": {"id": "catatan", "en": "note"},
    "word_and": {"id": "dan", "en": "and"},
    "unit_minutes": {"id": "{n} menit", "en": "{n} min"},
    "n_in_all": {"id": "{n} seluruhnya", "en": "{n} in all"},
    "unit_hours": {"id": "{n} jam", "en": "{n} h"},
    "n_rows": {"id": "{n:,} baris", "en": "{n:,} rows"},
    # --- what a file is (sniffed from its first bytes) -------------------------------------
    "file_excel_xlsx": {
        "en": "is an Excel workbook (.xlsx) with a .csv name, not CSV text; open it in Excel and "
              "save it as 'CSV UTF-8 (Comma delimited)' named {expected}",
        "id": "adalah buku kerja Excel (.xlsx) bernama .csv, bukan teks CSV; buka di Excel dan "
              "simpan sebagai 'CSV UTF-8 (Comma delimited)' dengan nama {expected}"},
    "file_excel_xls": {
        "en": "is an old Excel workbook (.xls, OLE2 format) with a .csv name, not CSV text; open it "
              "in Excel and save it as 'CSV UTF-8 (Comma delimited)' named {expected}",
        "id": "adalah buku kerja Excel lama (.xls, format OLE2) bernama .csv, bukan teks CSV; buka "
              "di Excel dan simpan sebagai 'CSV UTF-8 (Comma delimited)' dengan nama {expected}"},
    "file_ods": {
        "en": "is a LibreOffice/OpenOffice spreadsheet (.ods), not CSV text; save it as 'Text CSV' "
              "(UTF-8, comma) named {expected}",
        "id": "adalah lembar kerja LibreOffice/OpenOffice (.ods), bukan teks CSV; simpan sebagai "
              "'Text CSV' (UTF-8, koma) dengan nama {expected}"},
    "file_binary_kind": {
        "en": "is a {kind} file, not CSV text; expected {expected}, a text table with one header row",
        "id": "adalah berkas {kind}, bukan teks CSV; seharusnya {expected}, tabel teks dengan satu "
              "baris judul kolom"},
    "file_binary": {
        "en": "is a binary file ({detail}), not CSV text; expected {expected}, a text table with one "
              "header row",
        "id": "adalah berkas biner ({detail}), bukan teks CSV; seharusnya {expected}, tabel teks "
              "dengan satu baris judul kolom"},
    "file_control_chars": {
        "en": "{n} control character(s) in the first {m} characters, e.g. {code}",
        "id": "{n} karakter kendali dalam {m} karakter pertama, mis. {code}"},
    "file_control_chars_any": {"en": "control characters", "id": "karakter kendali"},
    "file_zip_archive": {"en": "zip archive", "id": "arsip zip"},
    "file_utf16_no_bom": {
        "en": "UTF-16 text without a byte-order mark detected ({order}); read as UTF-16: save as "
              "'CSV UTF-8' next time",
        "id": "teks UTF-16 tanpa penanda urutan bita (BOM) terdeteksi ({order}); dibaca sebagai "
              "UTF-16: lain kali simpan sebagai 'CSV UTF-8'"},
    "file_utf32": {
        "en": "UTF-32 text detected; read as UTF-32: save as 'CSV UTF-8' next time",
        "id": "teks UTF-32 terdeteksi; dibaca sebagai UTF-32: lain kali simpan sebagai 'CSV UTF-8'"},
    "file_not_utf8": {
        "en": "is not valid UTF-8 (byte 0x{byte} at position {pos}); read as {enc}: check accented "
              "names, and save as 'CSV UTF-8' next time",
        "id": "bukan UTF-8 yang sah (bita 0x{byte} di posisi {pos}); dibaca sebagai {enc}: periksa "
              "nama yang beraksen, dan lain kali simpan sebagai 'CSV UTF-8'"},
    "file_unreadable": {"en": "cannot be read ({reason})", "id": "tidak dapat dibaca ({reason})"},
    "file_only_separators": {
        "en": "holds only separators ({sep!r}) and no values; expected a header row with the "
              "columns {required} and one row per record",
        "id": "hanya berisi pemisah ({sep!r}) tanpa nilai; seharusnya ada baris judul dengan kolom "
              "{required} dan satu baris per data"},
    "file_only_quotes": {
        "en": "holds only quote characters and separators, no values; expected a header row with "
              "the columns {required} and one row per record",
        "id": "hanya berisi tanda kutip dan pemisah, tanpa nilai; seharusnya ada baris judul dengan "
              "kolom {required} dan satu baris per data"},
    "header_below_title": {
        "en": "the header seems to be on row {header_row} (it has the columns {found}); the "
              "{n_above} row(s) above it ({above}) look like a title: delete them so that the "
              "header is row 1; the rows below were checked as if it were",
        "id": "baris judul kolom tampaknya ada di baris {header_row} (berisi kolom {found}); "
              "{n_above} baris di atasnya ({above}) tampak seperti judul: hapus agar judul kolom "
              "ada di baris 1; baris di bawahnya diperiksa seolah-olah demikian"},
    # --- quoting and line breaks --------------------------------------------------------------
    "quote_unclosed": {
        "en": "a quote (\") opens the value of column {column!r} and is not closed on this line "
              "(line {line} of the file), so a CSV reader takes {what} into that one value; "
              "close the quote or remove it (a quote inside a value must be doubled: \"\")",
        "id": "tanda kutip (\") membuka nilai kolom {column!r} dan tidak ditutup di baris ini "
              "(baris {line} berkas), sehingga pembaca CSV memasukkan {what} ke dalam satu nilai "
              "itu; tutup atau hapus tanda kutipnya (tanda kutip di dalam nilai harus ditulis "
              "dua kali: \"\")"},
    "quote_swallowed_lines": {"en": "the next {n} line(s) (lines {first}-{last})",
                              "id": "{n} baris berikutnya (baris {first}-{last})"},
    "quote_swallowed_rest": {"en": "every line up to the end of the file ({n} line(s))",
                             "id": "semua baris sampai akhir berkas ({n} baris)"},
    "quote_multiline_value": {
        "en": "a quoted value spans lines {first}-{last} of the file (a line break inside the "
              "value), so the file has more lines than rows; read as one row with the line "
              "break(s) replaced by a space: check that the quote was meant to span lines",
        "id": "nilai bertanda kutip membentang di baris {first}-{last} berkas (ada ganti baris di "
              "dalam nilai), sehingga berkas punya lebih banyak baris teks daripada baris data; "
              "dibaca sebagai satu baris dengan ganti baris diganti spasi: periksa apakah tanda "
              "kutip itu memang dimaksudkan melintasi baris"},
    "record_unreadable": {"en": "cannot be read as CSV ({reason})",
                          "id": "tidak dapat dibaca sebagai CSV ({reason})"},
    # --- characters inside values -------------------------------------------------------------
    "invisible_chars": {
        "en": "{n} cell(s) hold invisible character(s) {chars} (first in row {row}: {shown}); "
              "removed: they make codes that look equal differ",
        "id": "{n} sel berisi karakter tak terlihat {chars} (pertama di baris {row}: {shown}); "
              "dihapus: karakter ini membuat kode yang tampak sama menjadi berbeda"},
    "nbsp_chars": {
        "en": "{n} cell(s) hold non-breaking space(s) {chars} (first in row {row}: {shown}); read as "
              "ordinary spaces",
        "id": "{n} sel berisi spasi tak-putus {chars} (pertama di baris {row}: {shown}); dibaca "
              "sebagai spasi biasa"},
    "thousands_in_whole_number": {
        "en": "is not a whole number; it looks like {plain} written with a thousands separator "
              "{sep!r}: write {plain}",
        "id": "bukan bilangan bulat; tampaknya {plain} yang ditulis dengan pemisah ribuan {sep!r}: "
              "tulis {plain}"},
    # --- file names in a data folder ------------------------------------------------------------
    "name_near_miss_read": {
        "en": "found {found!r} instead of {expected!r} ({why}); it was read as {expected}: rename it "
              "{expected!r} (in {folder})",
        "id": "ditemukan {found!r}, bukan {expected!r} ({why}); berkas itu dibaca sebagai "
              "{expected}: ganti namanya menjadi {expected!r} (di {folder})"},
    "name_near_miss_excel": {
        "en": "found {found!r} instead of {expected!r} ({why}); data is read from CSV files only: "
              "open it in a spreadsheet and save it as 'CSV UTF-8 (Comma delimited)' named "
              "{expected!r} (in {folder})",
        "id": "ditemukan {found!r}, bukan {expected!r} ({why}); data hanya dibaca dari berkas CSV: "
              "buka di aplikasi lembar kerja dan simpan sebagai 'CSV UTF-8 (Comma delimited)' "
              "dengan nama {expected!r} (di {folder})"},
    "name_near_miss_several": {
        "en": "found several files that could be {expected!r}: {found}; keep one and name it "
              "{expected!r} (in {folder})",
        "id": "ditemukan beberapa berkas yang mungkin {expected!r}: {found}; simpan satu dan beri "
              "nama {expected!r} (di {folder})"},
    "name_other_files": {"en": " (the folder holds {found})", "id": " (folder berisi {found})"},
    "why_spreadsheet": {"en": "a spreadsheet ({ext}), not a CSV file",
                        "id": "lembar kerja ({ext}), bukan berkas CSV"},
    "why_double_extension": {
        "en": "the name ends in {ext!r}: Windows hides known extensions, so {expected!r} was saved "
              "with a second {last!r}",
        "id": "nama berakhiran {ext!r}: Windows menyembunyikan ekstensi yang dikenal, sehingga "
              "{expected!r} tersimpan dengan {last!r} kedua"},
    "why_text_extension": {
        "en": "a text file with the extension {ext!r} instead of '.csv'",
        "id": "berkas teks berekstensi {ext!r}, bukan '.csv'"},
    "why_case": {
        "en": "the name differs in upper/lower case, which matters on Linux and macOS servers",
        "id": "nama berbeda huruf besar/kecil, yang berpengaruh di server Linux dan macOS"},
    # --- hospital points and their kab/kota ----------------------------------------------------
    "point_in_other_region": {
        "en": "the point lies in {other}, {km:.1f} km outside {own} (its kode_wilayah); expected "
              "inside it or at most {note_km:g} km outside (up to {error_km:g} km a warning, beyond "
              "an error); {hint}",
        "id": "titik berada di {other}, {km:.1f} km di luar {own} (kode_wilayah-nya); seharusnya "
              "di dalamnya atau paling jauh {note_km:g} km di luarnya (sampai {error_km:g} km "
              "peringatan, lebih jauh kesalahan); {hint}"},
    "point_near_border": {
        "en": "the point lies in {other}, {km:.1f} km outside {own} (its kode_wilayah): within "
              "{note_km:g} km, read as the generalisation of the boundaries; check it if the "
              "hospital stands in {own}",
        "id": "titik berada di {other}, {km:.1f} km di luar {own} (kode_wilayah-nya): dalam "
              "{note_km:g} km, dianggap akibat penyederhanaan batas wilayah; periksa bila RS "
              "berdiri di {own}"},
    "point_at_sea": {
        "en": "the point lies outside every kab/kota (at sea?), {km:.1f} km from {own} (its "
              "kode_wilayah); expected inside it or at most {ok_km:g} km off its coast (up to "
              "{error_km:g} km a warning, beyond an error); {hint}",
        "id": "titik berada di luar semua kab/kota (di laut?), {km:.1f} km dari {own} "
              "(kode_wilayah-nya); seharusnya di dalamnya atau paling jauh {ok_km:g} km dari "
              "pantainya (sampai {error_km:g} km peringatan, lebih jauh kesalahan); {hint}"},
    "point_hint_lat_sign": {
        "en": "with latitude {lat:g} it would lie in {own}: the sign of the latitude is wrong (south "
              "of the equator is negative)",
        "id": "dengan lintang {lat:g} titik akan berada di {own}: tanda lintangnya salah (selatan "
              "khatulistiwa bernilai negatif)"},
    "point_hint_other_region": {
        "en": "if the hospital stands there, kode_wilayah should be {other} (a decree's listing "
              "goes in kode_wilayah_sk); else correct lat/lon",
        "id": "jika RS memang berada di sana, kode_wilayah seharusnya {other} (kode menurut SK "
              "ditulis di kode_wilayah_sk); jika tidak, perbaiki lat/lon"},
    "point_hint_sea": {
        "en": "check lat/lon (digits dropped or shifted? lat and lon swapped?)",
        "id": "periksa lat/lon (ada angka yang hilang atau bergeser? lat dan lon tertukar?)"},
    "points_other_region_list": {
        "en": "{n} kab/kota code(s) of wilayah.csv name another region than the Kemendagri list "
              "(e.g. {example}, which is {bundled!r} there): the points of their hospitals were not "
              "checked against the bundled boundaries",
        "id": "{n} kode kab/kota di wilayah.csv menamai wilayah lain daripada daftar Kemendagri "
              "(mis. {example}, yang di sana adalah {bundled!r}): titik RS-nya tidak diperiksa "
              "terhadap batas wilayah bawaan"},
    "same_hospital_twice": {
        "en": "rows {rows} have the same name ({nama!r}) and points {km:.2f} km apart under two codes "
              "({codes}): the same hospital twice? keep one row and move its layanan and jejaring rows "
              "to its code",
        "id": "baris {rows} bernama sama ({nama!r}) dengan titik berjarak {km:.2f} km di bawah dua "
              "kode ({codes}): RS yang sama dua kali? simpan satu baris dan pindahkan baris layanan "
              "dan jejaring-nya ke kode itu"},
    # --- downloads --------------------------------------------------------------------------------
    "download_offline": {
        "en": "{url}: not in the cache ({target}) and offline mode is on (settings.offline / "
              "PENGAMPUAN_OFFLINE); download it on a connected machine and copy it to {target}",
        "id": "{url}: tidak ada di cache ({target}) dan mode luring aktif (settings.offline / "
              "PENGAMPUAN_OFFLINE); unduh di komputer yang terhubung internet lalu salin ke "
              "{target}"},
    "download_cache_folder": {
        "en": "{url}: cannot create the cache folder {folder} ({reason}); set settings.cache_dir or "
              "the environment variable PENGAMPUAN_CACHE_DIR to a writable folder",
        "id": "{url}: folder cache {folder} tidak dapat dibuat ({reason}); atur settings.cache_dir "
              "atau variabel lingkungan PENGAMPUAN_CACHE_DIR ke folder yang dapat ditulisi"},
    "download_cache_folder@cli": {
        "en": "{url}: cannot create the cache folder {folder} ({reason}); pass --cache-dir or set "
              "the environment variable PENGAMPUAN_CACHE_DIR to a writable folder",
        "id": "{url}: folder cache {folder} tidak dapat dibuat ({reason}); beri --cache-dir atau "
              "atur variabel lingkungan PENGAMPUAN_CACHE_DIR ke folder yang dapat ditulisi"},
    "download_deadline": {
        "en": "{url}: gave up after {seconds:g} s in all while {doing} (settings.deadline_s; the "
              "command line's --timeout): the server is too slow or does not answer",
        "id": "{url}: dihentikan setelah total {seconds:g} detik saat {doing} "
              "(settings.deadline_s; di baris perintah --timeout): server terlalu lambat atau "
              "tidak menjawab"},
    "download_deadline@cli": {
        "en": "{url}: gave up after {seconds:g} s in all while {doing} (--timeout): the server is "
              "too slow or does not answer",
        "id": "{url}: dihentikan setelah total {seconds:g} detik saat {doing} (--timeout): server "
              "terlalu lambat atau tidak menjawab"},
    "download_redirects": {
        "en": "{url}: too many redirects (a redirect loop?): {reason}; check the URL",
        "id": "{url}: terlalu banyak pengalihan (pengalihan berputar?): {reason}; periksa URL-nya"},
    "download_bad_request": {"en": "{url}: cannot be requested ({reason}); check the URL",
                             "id": "{url}: tidak dapat diminta ({reason}); periksa URL-nya"},
    "download_retry_after": {
        "en": "{url}: {reason}, and the server asks to wait {wait:g} s before trying again (longer "
              "than the {limit:g} s this download may still wait); try again later",
        "id": "{url}: {reason}, dan server meminta menunggu {wait:g} detik sebelum mencoba lagi "
              "(lebih lama dari {limit:g} detik yang masih tersisa untuk unduhan ini); coba lagi "
              "nanti"},
    "download_empty": {"en": "{url}: the server answered with an empty body; nothing was cached",
                       "id": "{url}: server menjawab dengan isi kosong; tidak ada yang disimpan "
                             "di cache"},
    "download_html": {
        "en": "{url}: the server answered with an HTML page{title}, not {expected} (an error or login "
              "page sent with HTTP 200?); nothing was cached: check the URL in a browser",
        "id": "{url}: server menjawab dengan halaman HTML{title}, bukan {expected} (halaman galat "
              "atau login yang dikirim dengan HTTP 200?); tidak ada yang disimpan di cache: periksa "
              "URL-nya di peramban"},
    "download_not_kind": {"en": "{url}: the answer is not {expected} ({found}); nothing was cached",
                          "id": "{url}: jawabannya bukan {expected} ({found}); tidak ada yang "
                                "disimpan di cache"},
    "download_bad_gzip": {
        "en": "{url}: the gzip file is damaged or incomplete ({reason}); nothing was cached",
        "id": "{url}: berkas gzip rusak atau tidak lengkap ({reason}); tidak ada yang disimpan di "
              "cache"},
    "download_bad_zip": {
        "en": "{url}: the zip file is damaged or incomplete ({reason}); nothing was cached",
        "id": "{url}: berkas zip rusak atau tidak lengkap ({reason}); tidak ada yang disimpan di "
              "cache"},
    "download_bad_json": {
        "en": "{url}: the answer does not parse as JSON/GeoJSON ({reason}); truncated or not a "
              "GeoJSON file; nothing was cached",
        "id": "{url}: jawabannya tidak dapat dibaca sebagai JSON/GeoJSON ({reason}); terpotong atau "
              "bukan berkas GeoJSON; tidak ada yang disimpan di cache"},
    "download_error_json": {
        "en": "{url}: the server answered with JSON that is not GeoJSON, probably an error message: "
              "{shown}; nothing was cached",
        "id": "{url}: server menjawab dengan JSON yang bukan GeoJSON, mungkin pesan galat: "
              "{shown}; tidak ada yang disimpan di cache"},
    "download_no_features": {"en": "{url}: the GeoJSON file has no features; nothing was cached",
                             "id": "{url}: berkas GeoJSON tidak berisi fitur; tidak ada yang "
                                   "disimpan di cache"},
}

# --- reading CSV files (io.py) ------------------------------------------------------------------
MESSAGES.update({
    "file_utf16": {"en": "UTF-16 text (Excel 'Unicode text') detected; read as UTF-16",
                   "id": "teks UTF-16 (Excel 'Unicode text') terdeteksi; dibaca sebagai UTF-16"},
    "file_utf8_bom": {
        "en": "UTF-8 byte-order mark (BOM) detected, as Excel's 'CSV UTF-8' writes; read as UTF-8",
        "id": "penanda urutan bita (BOM) UTF-8 terdeteksi, seperti yang ditulis 'CSV UTF-8' Excel; "
              "dibaca sebagai UTF-8"},
    "file_not_found_csv": {
        "en": "file not found at {path}; expected a CSV file with the columns {required}",
        "id": "berkas tidak ditemukan di {path}; seharusnya berkas CSV dengan kolom {required}"},
    "file_not_found": {"en": "file not found at {path}",
                       "id": "berkas tidak ditemukan di {path}"},
    "file_not_found_expected": {
        "en": "{path}: file not found; expected {expected} with the columns {required}",
        "id": "{path}: berkas tidak ditemukan; seharusnya {expected} dengan kolom {required}"},
    "file_is_folder": {"en": "{path} is a folder; expected a CSV file",
                       "id": "{path} adalah folder; seharusnya berkas CSV"},
    "file_empty": {
        "en": "file is empty; expected a header row with the columns {required} and one row per "
              "record",
        "id": "berkas kosong; seharusnya ada baris judul dengan kolom {required} dan satu baris "
              "per data"},
    "sep_comma": {"en": "comma", "id": "koma"},
    "sep_semicolon": {"en": "semicolon ';'", "id": "titik koma ';'"},
    "sep_tab": {"en": "tab", "id": "tab"},
    "separator_detected": {
        "en": "{sep} separator detected (as spreadsheets in an Indonesian locale write); read "
              "accordingly",
        "id": "pemisah {sep} terdeteksi (seperti yang ditulis lembar kerja berpengaturan "
              "Indonesia); dibaca sesuai pemisah itu"},
    "column_unnamed": {
        "en": "column {i} has no name in the header; it is called 'kolom_{i}'",
        "id": "kolom {i} tidak bernama di baris judul; kolom itu disebut 'kolom_{i}'"},
    "kelas_from_column": {
        "en": "no column 'kelas', and column {col!r} holds nothing but hospital classes: read as "
              "'kelas' (kept as {col!r} too)",
        "id": "tidak ada kolom 'kelas', dan kolom {col!r} hanya berisi kelas RS: dibaca sebagai "
              "'kelas' (tetap disimpan juga sebagai {col!r})"},
    "kelas_from_jenis_rs": {
        "en": "no column 'kelas', and column 'jenis_rs' holds nothing but hospital classes: read "
              "as 'kelas' ('jenis_rs', the hospital type, left empty: the type is read from the "
              "name)",
        "id": "tidak ada kolom 'kelas', dan kolom 'jenis_rs' hanya berisi kelas RS: dibaca sebagai "
              "'kelas' ('jenis_rs', jenis RS, dikosongkan: jenis RS dibaca dari namanya)"},
    "columns_alias_read": {
        "en": "column(s) read by their contract name: {renamed}",
        "id": "kolom dibaca dengan nama bakunya: {renamed}"},
    "column_name_read": {"en": "column name {orig!r} read as {col!r}",
                         "id": "nama kolom {orig!r} dibaca sebagai {col!r}"},
    "column_twice": {
        "en": "column {col!r} appears twice in the header (columns {a} and {b}); keep one",
        "id": "kolom {col!r} muncul dua kali di baris judul (kolom {a} dan {b}); simpan satu"},
    "fields_hint_comma": {
        "en": "a decimal comma in a comma-separated file? write -6.197 or quote the value",
        "id": "koma desimal dalam berkas berpemisah koma? tulis -6.197 atau beri tanda kutip pada "
              "nilainya"},
    "fields_hint_sep": {
        "en": "a separator inside a value? quote the value",
        "id": "ada pemisah di dalam nilai? beri tanda kutip pada nilainya"},
    "too_many_fields": {
        "en": "has {n} fields but the header has {m} ({hint})",
        "id": "berisi {n} isian, padahal baris judul berisi {m} ({hint})"},
    "empty_rows_ignored": {"en": "{n} empty row(s) ignored", "id": "{n} baris kosong diabaikan"},
    "spaces_removed": {
        "en": "spaces at the start or end of {n} cell(s) removed (first in row {row})",
        "id": "spasi di awal atau akhir {n} sel dihapus (pertama di baris {row})"},
    "no_data_rows": {"en": "has a header but no data rows",
                     "id": "ada baris judul tetapi tidak ada baris data"},
    "why_spelling": {
        "en": "the name is spelled with spaces, hyphens or capitals instead of '_'",
        "id": "nama ditulis dengan spasi, tanda hubung atau huruf besar, bukan '_'"},
    "separator_pipe": {"en": "; the separator looks like '|': use ',' or ';'",
                       "id": "; pemisahnya tampak seperti '|': pakai ',' atau ';'"},
    "missing_column": {
        "en": "missing required column {cols}; columns found: {found}{hint}",
        "id": "kolom wajib tidak ada: {cols}; kolom yang ditemukan: {found}{hint}"},
    "missing_columns": {
        "en": "missing required columns {cols}; columns found: {found}{hint}",
        "id": "kolom-kolom wajib tidak ada: {cols}; kolom yang ditemukan: {found}{hint}"},
    "extra_columns": {"en": "extra column(s) kept as they are: {extra}",
                      "id": "kolom tambahan disimpan apa adanya: {extra}"},
    "is_empty": {"en": "is empty; expected {expected}", "id": "kosong; seharusnya {expected}"},
    "exp_value": {"en": "a value", "id": "sebuah nilai"},
    "decimal_comma_read": {
        "en": "decimal comma in {n} value(s) read as a decimal point (e.g. {example!r} in row {row})",
        "id": "koma desimal pada {n} nilai dibaca sebagai titik desimal (mis. {example!r} di baris "
              "{row})"},
    "not_a_number": {"en": "is not a number; expected {expected}",
                     "id": "bukan angka; seharusnya {expected}"},
    "thousands_removed": {
        "en": "thousands separators in {n} value(s) removed (e.g. {example!r} in row {row})",
        "id": "pemisah ribuan pada {n} nilai dihapus (mis. {example!r} di baris {row})"},
    "not_whole_number": {"en": "is not a whole number", "id": "bukan bilangan bulat"},
    "text_expected": {"en": "{text}; expected {expected}", "id": "{text}; seharusnya {expected}"},
    "out_of_range": {"en": "is out of range; expected {expected}",
                     "id": "di luar rentang; seharusnya {expected}"},
    "not_known": {"en": "is not known; expected {expected}",
                  "id": "tidak dikenal; seharusnya {expected}"},
    "read_as": {"en": "read as {canon!r} ({n} cell(s), first in row {row})",
                "id": "dibaca sebagai {canon!r} ({n} sel, pertama di baris {row})"},
    "not_yes_no": {
        "en": "is not a yes/no value; expected one of 'ya', 'tidak', 'true', 'false', '1', '0' "
              "(empty = tidak)",
        "id": "bukan nilai ya/tidak; seharusnya salah satu dari 'ya', 'tidak', 'true', 'false', "
              "'1', '0' (kosong = tidak)"},
    "exp_date": {"en": "a date as yyyy-mm-dd (e.g. 2023-03-08)",
                 "id": "tanggal berformat yyyy-mm-dd (mis. 2023-03-08)"},
    "invalid_date": {"en": "is not a valid date; expected {expected}",
                     "id": "bukan tanggal yang sah; seharusnya {expected}"},
    "two_digit_year": {"en": "has a two-digit year, which is ambiguous; expected {expected}",
                       "id": "tahunnya dua angka, sehingga ambigu; seharusnya {expected}"},
    "not_a_date": {"en": "is not a date; expected {expected}, dd/mm/yyyy or an Excel date number",
                   "id": "bukan tanggal; seharusnya {expected}, dd/mm/yyyy atau angka tanggal "
                         "Excel"},
    "excel_serial_dates": {
        "en": "{n} Excel date number(s) (days since 1899-12-30) read as dates (first in row {row}); "
              "format the column as yyyy-mm-dd",
        "id": "{n} angka tanggal Excel (hari sejak 1899-12-30) dibaca sebagai tanggal (pertama di "
              "baris {row}); format kolomnya sebagai yyyy-mm-dd"},
    "month_dates": {
        "en": "{n} date(s) without a day read as the first of the month (first in row {row})",
        "id": "{n} tanggal tanpa hari dibaca sebagai tanggal 1 bulan itu (pertama di baris {row})"},
    "month_first": {
        "en": "is month-first (US format), but dates here are day-first (dd/mm/yyyy); write it as "
              "{iso}",
        "id": "berformat bulan-dulu (format AS), padahal tanggal di sini hari-dulu (dd/mm/yyyy); "
              "tulis sebagai {iso}"},
    "ambiguous_date": {
        "en": "is ambiguous: day-first it is {iso}, but row {row} ({other!r}) is month-first; write "
              "dates as yyyy-mm-dd",
        "id": "ambigu: jika hari-dulu nilainya {iso}, tetapi baris {row} ({other!r}) "
              "bulan-dulu; tulis tanggal sebagai yyyy-mm-dd"},
    "day_first_dates": {
        "en": "{n} date(s) written dd/mm/yyyy read day-first (e.g. {example!r} in row {row} = {iso}); "
              "write yyyy-mm-dd to avoid ambiguity",
        "id": "{n} tanggal bertulis dd/mm/yyyy dibaca hari-dulu (mis. {example!r} di baris {row} = "
              "{iso}); tulis yyyy-mm-dd agar tidak ambigu"},
    "not_kabkota_code": {
        "en": "is not a kab/kota code; expected a Kemendagri code 'PP.KK' such as '17.02'",
        "id": "bukan kode kab/kota; seharusnya kode Kemendagri 'PP.KK' seperti '17.02'"},
    "province_code_given": {
        "en": "is a province code; expected the kab/kota code 'PP.KK' (e.g. '17.02' for Kab. Rejang "
              "Lebong)",
        "id": "adalah kode provinsi; seharusnya kode kab/kota 'PP.KK' (mis. '17.02' untuk Kab. "
              "Rejang Lebong)"},
    "not_bps_code": {
        "en": "is not a BPS kab/kota code (code_scheme='bps', crosswalk kode_bps_kemendagri.csv); "
              "expected a 4-digit BPS code such as '3173'",
        "id": "bukan kode kab/kota BPS (code_scheme='bps', tabel padanan kode_bps_kemendagri.csv); "
              "seharusnya kode BPS 4 angka seperti '3173'"},
    "not_bps_code@cli": {
        "en": "is not a BPS kab/kota code (--code-scheme bps, crosswalk kode_bps_kemendagri.csv); "
              "expected a 4-digit BPS code such as '3173'",
        "id": "bukan kode kab/kota BPS (--code-scheme bps, tabel padanan kode_bps_kemendagri.csv); "
              "seharusnya kode BPS 4 angka seperti '3173'"},
    "bps_converted": {
        "en": "{n} BPS code(s) converted to Kemendagri (e.g. {old!r} -> {new!r} in row {row})",
        "id": "{n} kode BPS diubah ke kode Kemendagri (mis. {old!r} -> {new!r} di baris {row})"},
    "undotted_codes": {
        "en": "{n} code(s) not written 'PP.KK' read as Kemendagri codes (e.g. {old!r} -> {new!r} in "
              "row {row}){hint}",
        "id": "{n} kode yang tidak ditulis 'PP.KK' dibaca sebagai kode Kemendagri (mis. {old!r} -> "
              "{new!r} di baris {row}){hint}"},
    "hint_code_scheme_bps": {"en": "; if they are BPS codes pass code_scheme='bps'",
                             "id": "; jika itu kode BPS, beri code_scheme='bps'"},
    "hint_code_scheme_bps@cli": {"en": "; if they are BPS codes use --code-scheme bps",
                                 "id": "; jika itu kode BPS, pakai --code-scheme bps"},
    "exp_kode_rs": {"en": "a hospital code (kode_rs), unique per row",
                    "id": "kode rumah sakit (kode_rs), unik per baris"},
    "exp_nama_rs": {"en": "the hospital name", "id": "nama rumah sakit"},
    "exp_lat": {"en": "latitude in decimal degrees (e.g. -6.197)",
                "id": "lintang dalam derajat desimal (mis. -6.197)"},
    "exp_lon": {"en": "longitude in decimal degrees (e.g. 106.84)",
                "id": "bujur dalam derajat desimal (mis. 106.84)"},
    "exp_kode_wilayah": {"en": "the kab/kota code 'PP.KK' (e.g. '17.02')",
                         "id": "kode kab/kota 'PP.KK' (mis. '17.02')"},
    "exp_kelas": {"en": "a hospital class, one of {values} (also read: 'Tipe B', 'Kelas B')",
                  "id": "kelas rumah sakit, salah satu dari {values} (juga dibaca: 'Tipe B', "
                        "'Kelas B')"},
    "exp_one_of": {"en": "one of {values}", "id": "salah satu dari {values}"},
    "exp_jenis_rs": {
        "en": "a hospital type, one of {values}, or an RS Online JenisRS value {rsonline}; the "
              "type of this hospital is read from its name",
        "id": "jenis rumah sakit, salah satu dari {values}, atau nilai JenisRS RS Online "
              "{rsonline}; jenis RS ini dibaca dari namanya"},
    "exp_one_of_aliases": {"en": "one of {values} (aliases accepted: {aliases})",
                           "id": "salah satu dari {values} (alias yang diterima: {aliases})"},
    "lokasi_empty": {
        "en": "{n} empty cell(s) read as 'sumber' (the point is the hospital's own position; first "
              "in row {row})",
        "id": "{n} sel kosong dibaca sebagai 'sumber' (titik adalah posisi RS itu sendiri; "
              "pertama di baris {row})"},
    "not_rsonline_code": {
        "en": "is not an RS Online code; expected 7 digits as text (e.g. '3173014'; keep leading "
              "zeros, format the column as text)",
        "id": "bukan kode RS Online; seharusnya 7 angka sebagai teks (mis. '3173014'; pertahankan "
              "nol di depan, format kolomnya sebagai teks)"},
    "not_layanan_list": {
        "en": "is not a known layanan; expected ';'-separated codes from {values}",
        "id": "bukan layanan yang dikenal; seharusnya kode dipisah ';' dari {values}"},
    "code_not_unique": {
        "en": "appears in rows {rows}; {col} must be unique (one row per hospital)",
        "id": "muncul di baris {rows}; {col} harus unik (satu baris per rumah sakit)"},
    "code_case_not_unique": {
        "en": "appears in rows {rows} as {values}: codes that differ only in upper/lower case name "
              "the same hospital; {col} must be unique",
        "id": "muncul di baris {rows} sebagai {values}: kode yang hanya berbeda huruf besar/kecil "
              "menunjuk rumah sakit yang sama; {col} harus unik"},
    "range": {"en": "{lo:g}..{hi:g}", "id": "{lo:g}..{hi:g}"},
    "lat_lon_zero": {
        "en": "lat and lon are both 0 (a point in the Gulf of Guinea): a missing position exported "
              "as zero? expected the hospital's latitude and longitude in decimal degrees",
        "id": "lat dan lon keduanya 0 (titik di Teluk Guinea): posisi yang kosong diekspor sebagai "
              "nol? seharusnya lintang dan bujur rumah sakit dalam derajat desimal"},
    "hint_swapped": {"en": " (are lat and lon swapped?)", "id": " (lat dan lon tertukar?)"},
    "hint_projected": {"en": " (projected metres? expected degrees)",
                       "id": " (meter hasil proyeksi? seharusnya derajat)"},
    "hint_lon_sign": {"en": " (negative sign? Indonesia lies east of Greenwich)",
                      "id": " (tanda negatif? Indonesia terletak di timur Greenwich)"},
    "lat_outside": {"en": "is outside {range}; expected latitude in decimal degrees{hint}",
                    "id": "di luar {range}; seharusnya lintang dalam derajat desimal{hint}"},
    "lon_outside": {"en": "is outside {range}; expected longitude in decimal degrees east{hint}",
                    "id": "di luar {range}; seharusnya bujur timur dalam derajat desimal{hint}"},
    "exp_kode_rs_known": {"en": "the kode_rs of a hospital in rumah_sakit.csv",
                          "id": "kode_rs sebuah rumah sakit di rumah_sakit.csv"},
    "exp_layanan": {"en": "a layanan, one of {values}", "id": "layanan, salah satu dari {values}"},
    "exp_strata": {"en": "a strata, one of {values}", "id": "strata, salah satu dari {values}"},
    "exp_year": {"en": "a year such as {year}", "id": "tahun seperti {year}"},
    "no_status_column": {
        "en": "no column 'status': every row read as 'ada' (current strata)",
        "id": "tidak ada kolom 'status': setiap baris dibaca sebagai 'ada' (strata saat ini)"},
    "exp_status": {"en": "one of {values} ('ada' = current, 'target' = planned)",
                   "id": "salah satu dari {values} ('ada' = saat ini, 'target' = direncanakan)"},
    "status_empty": {"en": "{n} empty cell(s) read as 'ada' (first in row {row})",
                     "id": "{n} sel kosong dibaca sebagai 'ada' (pertama di baris {row})"},
    "exp_pengampu": {"en": "the kode_rs of the mentoring hospital",
                     "id": "kode_rs rumah sakit pengampu"},
    "exp_diampu": {"en": "the kode_rs of the mentored hospital",
                   "id": "kode_rs rumah sakit yang diampu"},
    "exp_jenis": {"en": "one of {values} ('sumber' = documented link, 'usulan' = proposed)",
                  "id": "salah satu dari {values} ('sumber' = tautan berdokumen, 'usulan' = "
                        "diusulkan)"},
    "no_bukti_column": {
        "en": "no column 'bukti' (evidence grade): every row read with an empty grade, which "
              "analyses always include",
        "id": "tidak ada kolom 'bukti' (tingkat bukti): setiap baris dibaca tanpa tingkat bukti, "
              "yang selalu diikutkan dalam analisis"},
    "exp_bukti": {
        "en": "an evidence grade, one of {values} ('regulasi' = decree or regulation, 'dokumen' = "
              "signed MoU/PKS or official document, 'berita' = news report, 'inferensi' = derived "
              "by the analyst)",
        "id": "tingkat bukti, salah satu dari {values} ('regulasi' = keputusan atau peraturan, "
              "'dokumen' = MoU/PKS bertanda tangan atau dokumen resmi, 'berita' = laporan berita, "
              "'inferensi' = disimpulkan oleh analis)"},
    "bukti_empty": {
        "en": "{n} empty cell(s): rows without an evidence grade, always included (first in row "
              "{row})",
        "id": "{n} sel kosong: baris tanpa tingkat bukti, selalu diikutkan (pertama di baris "
              "{row})"},
    "exp_fasilitas": {"en": "a service name, one of {values}",
                      "id": "nama fasilitas, salah satu dari {values}"},
    "exp_region_code": {"en": "a Kemendagri code 'PP' (provinsi) or 'PP.KK' (kab/kota)",
                        "id": "kode Kemendagri 'PP' (provinsi) atau 'PP.KK' (kab/kota)"},
    "exp_region_name": {"en": "the region name", "id": "nama wilayah"},
    "not_region_code": {
        "en": "is not a region code; expected a Kemendagri code 'PP' (provinsi) or 'PP.KK' "
              "(kab/kota)",
        "id": "bukan kode wilayah; seharusnya kode Kemendagri 'PP' (provinsi) atau 'PP.KK' "
              "(kab/kota)"},
    "code_pp": {"en": "'PP' (2 digits)", "id": "'PP' (2 angka)"},
    "tingkat_mismatch": {"en": "does not fit tingkat {tingkat!r}; expected a code {want}",
                         "id": "tidak cocok dengan tingkat {tingkat!r}; seharusnya kode {want}"},
    "kode_not_unique": {"en": "appears in rows {rows}; kode must be unique",
                        "id": "muncul di baris {rows}; kode harus unik"},
    "not_province_code": {"en": "is not a province code; expected 'PP' (e.g. '17')",
                          "id": "bukan kode provinsi; seharusnya 'PP' (mis. '17')"},
    "induk_derived": {
        "en": "{n} empty kode_induk of kab/kota read from the code (first in row {row})",
        "id": "{n} kode_induk kab/kota yang kosong dibaca dari kodenya (pertama di baris {row})"},
    "induk_mismatch": {"en": "does not match the code {kode!r}; expected {want!r}",
                       "id": "tidak cocok dengan kode {kode!r}; seharusnya {want!r}"},
    "induk_unknown": {
        "en": "is not a province (tingkat 'provinsi') in this file; expected the code of a province "
              "listed here",
        "id": "bukan provinsi (tingkat 'provinsi') dalam berkas ini; seharusnya kode provinsi yang "
              "tercantum di sini"},
    "exp_penduduk": {"en": "the population (persons, a whole number >= 0)",
                     "id": "jumlah penduduk (jiwa, bilangan bulat >= 0)"},
    "exp_beds": {"en": "the number of beds (a whole number >= 0)",
                 "id": "jumlah tempat tidur (bilangan bulat >= 0)"},
    "exp_pasien_hd": {"en": "the number of haemodialysis patients (>= 0)",
                      "id": "jumlah pasien hemodialisis (>= 0)"},
    "self_link": {"en": "is both pengampu and diampu: a hospital cannot mentor itself",
                  "id": "menjadi pengampu sekaligus diampu: rumah sakit tidak dapat mengampu "
                        "dirinya sendiri"},
    "link_repeated": {
        "en": "link {p} -> {d} ({lay}) appears in rows {rows}; row(s) {skipped} skipped",
        "id": "tautan {p} -> {d} ({lay}) muncul di baris {rows}; baris {skipped} dilewati"},
    "link_cycle": {
        "en": "links of layanan {layanan!r} form a cycle {path} (rows {rows}); a hospital cannot be "
              "(indirectly) its own pengampu: remove or reverse one link",
        "id": "tautan layanan {layanan!r} membentuk lingkaran {path} (baris {rows}); rumah sakit "
              "tidak dapat (secara tidak langsung) menjadi pengampu dirinya sendiri: hapus atau "
              "balik satu tautan"},
    "more_cycles": {"en": "{n} more cycle(s) of layanan {layanan!r} not listed",
                    "id": "{n} lingkaran lain pada layanan {layanan!r} tidak dicantumkan"},
    "load_warnings": {
        "en": "{n} warning(s) in the data at {path}; see Dataset.report. First: {first}",
        "id": "{n} peringatan dalam data di {path}; lihat Dataset.report. Yang pertama: {first}"},
    "load_warnings@cli": {
        "en": "{n} warning(s) in the data at {path}; see `pengampuan validate`. First: {first}",
        "id": "{n} peringatan dalam data di {path}; lihat `pengampuan validate`. Yang pertama: "
              "{first}"},
})

# --- checking a data folder (validate.py) ---------------------------------------------------------
MESSAGES.update({
    "summary_rows": {"en": "{table} {n} rows", "id": "{table} {n} baris"},
    "no_grade": {"en": "no grade", "id": "tanpa bukti"},
    "summary_skipped": {"en": "rows skipped: ", "id": "baris dilewati: "},
    "summary_contoh": {"en": "illustrative rows (contoh): ", "id": "baris contoh (ilustratif): "},
    "summary_wilayah_bundled": {"en": "wilayah: bundled Kemendagri region list",
                                "id": "wilayah: daftar wilayah Kemendagri bawaan"},
    "headline_where": {"en": " of {path}", "id": " {path}"},
    "html_valid": {"en": "valid", "id": "valid"},
    "html_invalid": {"en": "invalid", "id": "tidak valid"},
    "html_counts": {"en": "{errors} error(s), {warnings} warning(s), {notes} note(s)",
                    "id": "{errors} kesalahan, {warnings} peringatan, {notes} catatan"},
    "headline": {
        "en": "Validation{where}: {errors} error(s), {warnings} warning(s), {notes} note(s)",
        "id": "Pemeriksaan{where}: {errors} kesalahan, {warnings} peringatan, {notes} catatan"},
    "folder_is_file": {"en": "{folder} is a file; expected a folder holding {files}",
                       "id": "{folder} adalah berkas; seharusnya folder berisi {files}"},
    "folder_not_found": {"en": "{folder}: folder not found; expected a folder holding {files}",
                         "id": "{folder}: folder tidak ditemukan; seharusnya folder berisi "
                               "{files}"},
    "kode_rs_not_checked": {
        "en": "kode_rs in the other files not checked: {file} has no usable rows or no kode_rs "
              "column",
        "id": "kode_rs di berkas lain tidak diperiksa: {file} tidak punya baris yang dapat dipakai "
              "atau tidak punya kolom kode_rs"},
    "no_jejaring_file": {
        "en": "no {file} in {folder}: the dataset has no pengampuan links{holds}",
        "id": "tidak ada {file} di {folder}: data tidak memiliki tautan pengampuan{holds}"},
    "no_wilayah_file": {
        "en": "file not found at {path}; expected the region list with the columns ['kode', "
              "'nama', 'tingkat']",
        "id": "berkas tidak ditemukan di {path}; seharusnya daftar wilayah dengan kolom ['kode', "
              "'nama', 'tingkat']"},
    "wilayah_bundled_used": {
        "en": "no {file} in {folder}: the bundled Kemendagri region list ({source}) is used{holds}",
        "id": "tidak ada {file} di {folder}: daftar wilayah Kemendagri bawaan ({source}) "
              "dipakai{holds}"},
    "repeats_row": {"en": "repeats row {row} exactly; skipped",
                    "id": "sama persis dengan baris {row}; dilewati"},
    "repeats_earlier_row": {"en": "repeats an earlier row exactly; skipped",
                            "id": "sama persis dengan baris sebelumnya; dilewati"},
    "layanan_row_what": {"en": "hospital {kode!r}, layanan {layanan!r}, status {status!r}",
                         "id": "rumah sakit {kode!r}, layanan {layanan!r}, status {status!r}"},
    "layanan_same_strata": {
        "en": "{what} appears in rows {rows} with the same strata (other sources); all rows kept",
        "id": "{what} muncul di baris {rows} dengan strata yang sama (sumber lain); semua baris "
              "disimpan"},
    "layanan_other_strata": {
        "en": "{what} appears in rows {rows} with different strata ({strata}); the highest is used",
        "id": "{what} muncul di baris {rows} dengan strata berbeda ({strata}); yang tertinggi "
              "dipakai"},
    "kode_sk_unknown": {
        "en": "is not a kab/kota in {file}; expected the Kemendagri code 'PP.KK' under which a "
              "decree lists the hospital (empty when it is the kab/kota where the hospital stands)",
        "id": "bukan kab/kota di {file}; seharusnya kode Kemendagri 'PP.KK' tempat rumah sakit "
              "dicantumkan dalam SK (kosong bila sama dengan kab/kota lokasi rumah sakit)"},
    "kode_rs_row_unreadable": {
        "en": "not checked: row {row} of {file}, which has this kode_rs, could not be read (see the "
              "error there)",
        "id": "tidak diperiksa: baris {row} di {file}, yang berisi kode_rs ini, tidak dapat dibaca "
              "(lihat kesalahan di sana)"},
    "hint_did_you_mean_code": {
        "en": "; did you mean {alt!r}? (codes are compared exactly, upper/lower case matters)",
        "id": "; maksudnya {alt!r}? (kode dibandingkan persis, huruf besar/kecil berpengaruh)"},
    "hint_add_hospital": {"en": "; add the hospital there or correct the code",
                          "id": "; tambahkan rumah sakit itu di sana atau perbaiki kodenya"},
    "kode_rs_unknown": {"en": "is not a kode_rs in {file}{hint}",
                        "id": "bukan kode_rs di {file}{hint}"},
    "pengampu_no_strata": {
        "en": "pengampu {p!r} has no strata for layanan {layanan!r} in {file}; add its strata there",
        "id": "pengampu {p!r} tidak punya strata untuk layanan {layanan!r} di {file}; tambahkan "
              "stratanya di sana"},
    "status_current": {"en": "current", "id": "saat ini"},
    "status_target": {"en": "target", "id": "target"},
    "pengampu_strata_same": {
        "en": "pengampu {p!r} has strata {ps!r} ({p_status}) for {layanan!r}, the same as diampu "
              "{d!r} ({ds!r}, {d_status}); a pengampu is expected to have a higher strata (order: "
              "{order})",
        "id": "pengampu {p!r} berstrata {ps!r} ({p_status}) untuk {layanan!r}, sama dengan diampu "
              "{d!r} ({ds!r}, {d_status}); pengampu diharapkan berstrata lebih tinggi (urutan: "
              "{order})"},
    "pengampu_strata_below": {
        "en": "pengampu {p!r} has strata {ps!r} ({p_status}) for {layanan!r}, below diampu {d!r} "
              "({ds!r}, {d_status}); a pengampu is expected to have a higher strata (order: "
              "{order})",
        "id": "pengampu {p!r} berstrata {ps!r} ({p_status}) untuk {layanan!r}, di bawah diampu "
              "{d!r} ({ds!r}, {d_status}); pengampu diharapkan berstrata lebih tinggi (urutan: "
              "{order})"},
    "bps_code_given": {
        "en": "is not a Kemendagri kab/kota code but is the BPS code of {new} {label}; BPS codes (as "
              "in Kemenkes RS codes) must be converted: pass code_scheme=\"bps\" (command line: "
              "--code-scheme bps)",
        "id": "bukan kode kab/kota Kemendagri tetapi kode BPS untuk {new} {label}; kode BPS (seperti "
              "dalam kode RS Kemenkes) harus diubah: beri code_scheme=\"bps\" (baris perintah: "
              "--code-scheme bps)"},
    "bps_code_given@cli": {
        "en": "is not a Kemendagri kab/kota code but is the BPS code of {new} {label}; BPS codes (as "
              "in Kemenkes RS codes) must be converted: use --code-scheme bps",
        "id": "bukan kode kab/kota Kemendagri tetapi kode BPS untuk {new} {label}; kode BPS (seperti "
              "dalam kode RS Kemenkes) harus diubah: pakai --code-scheme bps"},
    "or_pre2022_code": {
        "en": "; or, if it is a pre-2022 Kemendagri code (Papua was split in 2022), use {new}",
        "id": "; atau, jika itu kode Kemendagri sebelum 2022 (Papua dimekarkan pada 2022), pakai "
              "{new}"},
    "or_pre2022_any": {
        "en": "; or, if it is a pre-2022 Kemendagri code, use the current code (Papua was split in "
              "2022)",
        "id": "; atau, jika itu kode Kemendagri sebelum 2022, pakai kode yang berlaku (Papua "
              "dimekarkan pada 2022)"},
    "papua_split_code": {
        "en": "is not a current kab/kota code: Papua was split in 2022; {nama} is now {new}",
        "id": "bukan kode kab/kota yang berlaku: Papua dimekarkan pada 2022; {nama} kini {new}"},
    "this_kabkota": {"en": "this kab/kota", "id": "kab/kota ini"},
    "papua_split_any": {
        "en": "is not a current kab/kota code: Papua was split in 2022 into six provinces (91 Papua, "
              "92 Papua Barat, 93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua "
              "Barat Daya); is it a pre-2022 code? expected a kab/kota of {file}",
        "id": "bukan kode kab/kota yang berlaku: Papua dimekarkan pada 2022 menjadi enam provinsi "
              "(91 Papua, 92 Papua Barat, 93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan, "
              "96 Papua Barat Daya); apakah ini kode sebelum 2022? seharusnya kab/kota di {file}"},
    "kabkota_unknown": {
        "en": "is not a kab/kota in {file} ({n} kab/kota); expected a Kemendagri code 'PP.KK' such "
              "as '17.02'",
        "id": "bukan kab/kota di {file} ({n} kab/kota); seharusnya kode Kemendagri 'PP.KK' seperti "
              "'17.02'"},
    "kemendagri_or_bps": {
        "en": "read as Kemendagri {code} {nama} (rows {rows}), but as a BPS code it is {bps} "
              "{bps_nama}: write 'PP.KK', or pass code_scheme=\"bps\" if the column holds BPS codes",
        "id": "dibaca sebagai kode Kemendagri {code} {nama} (baris {rows}), tetapi sebagai kode BPS "
              "artinya {bps} {bps_nama}: tulis 'PP.KK', atau beri code_scheme=\"bps\" jika kolom "
              "berisi kode BPS"},
    "kemendagri_or_bps@cli": {
        "en": "read as Kemendagri {code} {nama} (rows {rows}), but as a BPS code it is {bps} "
              "{bps_nama}: write 'PP.KK', or use --code-scheme bps if the column holds BPS codes",
        "id": "dibaca sebagai kode Kemendagri {code} {nama} (baris {rows}), tetapi sebagai kode BPS "
              "artinya {bps} {bps_nama}: tulis 'PP.KK', atau pakai --code-scheme bps jika kolom "
              "berisi kode BPS"},
})

# --- problem lines (errors.py) ----------------------------------------------------------------------
MESSAGES.update({
    "no_problems": {"en": "no problems", "id": "tidak ada masalah"},
    "problems_head": {"en": "{errors} error(s), {others} warning(s)/note(s) in the data:",
                      "id": "{errors} kesalahan, {others} peringatan/catatan dalam data:"},
    "more_like_above": {"en": "... and {n:,} more like the line above ({problem})",
                        "id": "... dan {n:,} lagi seperti baris di atas ({problem})"},
    "where_row": {"en": "row {row}", "id": "baris {row}"},
    "where_column": {"en": "column {column!r}", "id": "kolom {column!r}"},
    "where_value": {"en": "value {value!r} ", "id": "nilai {value!r} "},
})

# --- matching regions (regions.py) ----------------------------------------------------------------
MESSAGES.update({
    "unit_row": {"en": "row", "id": "baris"},
    "unit_rows": {"en": "rows", "id": "baris"},
    "unit_feature": {"en": "feature", "id": "fitur"},
    "unit_features": {"en": "features", "id": "fitur"},
    "method_code": {"en": "code", "id": "kode"},
    "method_exact": {"en": "exact", "id": "nama persis"},
    "method_alias": {"en": "alias", "id": "alias"},
    "method_fuzzy": {"en": "fuzzy", "id": "mirip"},
    "method_ambiguous": {"en": "ambiguous", "id": "ambigu"},
    "method_unmatched": {"en": "unmatched", "id": "tidak cocok"},
    "match_head": {"en": "{n} {unit} matched to Kemendagri codes: {counts}",
                   "id": "{n} {unit} dicocokkan dengan kode Kemendagri: {counts}"},
    "match_code": {"en": "code {code!r}", "id": "kode {code!r}"},
    "match_name": {"en": "name {name!r}", "id": "nama {name!r}"},
    "match_no_code_name": {"en": "no code or name", "id": "tanpa kode atau nama"},
    "match_ambiguous": {"en": "ambiguous between {candidates}",
                        "id": "ambigu antara {candidates}"},
    "match_none": {"en": "matches no region", "id": "tidak cocok dengan wilayah mana pun"},
    "match_closest": {"en": "; closest: {candidates}", "id": "; yang terdekat: {candidates}"},
    "match_score": {"en": ", score {score:.0f})", "id": ", skor {score:.0f})"},
    "note_tie_geometry": {"en": "tie broken by geometry ({pct} overlap)",
                          "id": "seri diputus oleh geometri ({pct} tumpang tindih)"},
    "note_no_name": {"en": "no name", "id": "tanpa nama"},
    "note_province_disagrees": {"en": "province column disagrees",
                                "id": "kolom provinsi tidak sesuai"},
    "note_wrong_kind": {"en": "the name fits only a region that is not a {kind}",
                        "id": "nama hanya cocok dengan wilayah yang bukan {kind}"},
    "note_no_confident": {"en": "no confident match", "id": "tidak ada kecocokan yang meyakinkan"},
    "note_code_unreadable": {"en": "code {code} is not a {form} code",
                             "id": "kode {code} bukan kode {form}"},
    "note_code_not_present": {"en": "code {code} is not a {scheme} code of a present-day region",
                              "id": "kode {code} bukan kode {scheme} wilayah yang berlaku kini"},
    "note_papua_code": {"en": " (pre-2022 Papua code?)", "id": " (kode Papua sebelum 2022?)"},
    "note_code_name_differ": {"en": "code {code} and name {name} name different regions",
                              "id": "kode {code} dan nama {name} menunjuk wilayah yang berbeda"},
    "note_code_several": {"en": "{scheme} code {code} covers several present-day regions",
                          "id": "kode {scheme} {code} mencakup beberapa wilayah yang berlaku kini"},
    "match_scheme_unclear": {
        "en": "cannot tell whether the {n} region codes are Kemendagri or BPS codes (both read {k} "
              "of them as valid codes of different regions, e.g. {example!r}); pass "
              "code_scheme='bps' or 'kemendagri'",
        "id": "tidak dapat ditentukan apakah {n} kode wilayah itu kode Kemendagri atau BPS (keduanya "
              "membaca {k} di antaranya sebagai kode sah untuk wilayah berbeda, mis. {example!r}); "
              "beri code_scheme='bps' atau 'kemendagri'"},
    "match_scheme_unclear@cli": {
        "en": "cannot tell whether the {n} region codes are Kemendagri or BPS codes (both read {k} "
              "of them as valid codes of different regions, e.g. {example!r}); use --code-scheme "
              "bps or --code-scheme kemendagri",
        "id": "tidak dapat ditentukan apakah {n} kode wilayah itu kode Kemendagri atau BPS (keduanya "
              "membaca {k} di antaranya sebagai kode sah untuk wilayah berbeda, mis. {example!r}); "
              "pakai --code-scheme bps atau --code-scheme kemendagri"},
    "match_no_columns": {
        "en": "no column with a region code or name was found among {cols}; pass code_col= and/or "
              "name_col=",
        "id": "tidak ditemukan kolom kode atau nama wilayah di antara {cols}; beri code_col= "
              "dan/atau name_col="},
    "match_no_columns@cli": {
        "en": "no column with a region code or name was found among {cols}; use --code-col and/or "
              "--name-col",
        "id": "tidak ditemukan kolom kode atau nama wilayah di antara {cols}; pakai --code-col "
              "dan/atau --name-col"},
    "match_fuzzy": {
        "en": "{n} of {total} {unit} matched only approximately (fuzzy); check them, and pass the "
              "right code or add the name to the alias table if one is wrong",
        "id": "{n} dari {total} {unit} hanya cocok secara perkiraan (nama mirip); periksa, dan beri "
              "kode yang benar atau tambahkan nama ke tabel alias jika ada yang salah"},
    "match_recoded": {
        "en": "{n} of {total} {unit} carry codes that match no present-day region and were matched "
              "by name instead",
        "id": "{n} dari {total} {unit} berkode yang tidak cocok dengan wilayah yang berlaku kini dan "
              "dicocokkan berdasarkan nama"},
    "match_recoded_papua": {
        "en": " (the file seems to predate the 2022 Papua split: 34 provinces)",
        "id": " (berkas tampaknya dibuat sebelum pemekaran Papua 2022: 34 provinsi)"},
    "match_more": {"en": "... and {n} more (see the report)",
                   "id": "... dan {n} lagi (lihat laporannya)"},
    "match_unmatched": {
        "en": "{n} of {total} {unit} matched no single region ({ambiguous} ambiguous, {unmatched} "
              "unmatched)",
        "id": "{n} dari {total} {unit} tidak cocok dengan tepat satu wilayah ({ambiguous} ambigu, "
              "{unmatched} tidak cocok)"},
    "hint_on_unmatched": {
        "en": "Fix the names or codes, give code_col=/province_col=, or pass on_unmatched='warn' or "
              "'keep' to keep them with kode = <NA>.",
        "id": "Perbaiki nama atau kodenya, beri code_col=/province_col=, atau beri "
              "on_unmatched='warn' atau 'keep' agar tetap disimpan dengan kode = <NA>."},
    "hint_on_unmatched@cli": {
        "en": "Fix the names or codes in the boundary file, check it with `pengampuan boundaries "
              "check FILE`, or use --on-unmatched warn (or keep) to go on without them.",
        "id": "Perbaiki nama atau kode di berkas batas, periksa dengan `pengampuan boundaries check "
              "BERKAS`, atau pakai --on-unmatched warn (atau keep) untuk melanjutkan tanpa "
              "wilayah itu."},
})

# --- provinces (provinsi.py) ------------------------------------------------------------------------
MESSAGES.update({
    "provinsi_empty": {
        "en": "provinsi is empty; expected a province code (e.g. 17) or a name (e.g. Bengkulu)",
        "id": "provinsi kosong; seharusnya kode provinsi (mis. 17) atau nama (mis. Bengkulu)"},
    "provinsi_is_kabkota": {
        "en": "provinsi {text!r} is a kab/kota code; its province is {parent} ({nama}): pass {parent}",
        "id": "provinsi {text!r} adalah kode kab/kota; provinsinya {parent} ({nama}): beri {parent}"},
    "provinsi_bad_code": {
        "en": "provinsi {text!r} is not a province code of the list; codes are {codes}",
        "id": "provinsi {text!r} bukan kode provinsi dalam daftar; kodenya adalah {codes}"},
    "provinsi_close": {"en": "close matches: {close}", "id": "yang mirip: {close}"},
    "provinsi_all": {"en": "provinces are: {names}", "id": "provinsinya adalah: {names}"},
    "provinsi_unknown": {"en": "provinsi {text!r} is not known; {hint}",
                         "id": "provinsi {text!r} tidak dikenal; {hint}"},
})

# --- the command line (cli/) ------------------------------------------------------------------------
MESSAGES.update({
    "cli_interrupted": {"en": "interrupted", "id": "dibatalkan"},
    "cli_bug": {
        "en": "unexpected {kind}: {error}\nThis is a bug in pengampuan, not in your data: please "
              "report it with the output of the same command with --debug.",
        "id": "{kind} tak terduga: {error}\nIni galat di pengampuan, bukan di data Anda: mohon "
              "laporkan bersama keluaran perintah yang sama dengan --debug."},
    "cli_boundaries_missing": {"en": "--boundaries {path}: file does not exist",
                               "id": "--boundaries {path}: berkas tidak ada"},
    "cli_unknown_value": {"en": "{flag} {value!r} is not known; expected one of {allowed}",
                          "id": "{flag} {value!r} tidak dikenal; seharusnya salah satu dari "
                                "{allowed}"},
    "cli_aliases": {"en": " (also accepted: {aliases})", "id": " (juga diterima: {aliases})"},
    "cli_closest": {"en": "; closest: {close}", "id": "; yang paling mirip: {close}"},
    "cli_wrote": {"en": "written: {path}", "id": "ditulis: {path}"},
    "cli_wrote_size": {"en": "{path}  ({mb:.2f} MB)", "id": "{path}  ({mb:.2f} MB)"},
})

MESSAGES.update({
    "validate_ok": {"en": "data valid", "id": "data valid"},
    "validate_not_ok": {"en": "data NOT valid: fix the {n} error(s) listed above",
                        "id": "data TIDAK valid: perbaiki {n} kesalahan yang tercantum di atas"},
})

# --- pengampuan access ----------------------------------------------------------------------------
MESSAGES.update({
    "travel_simple": {"en": "road estimate", "id": "perkiraan jalan darat"},
    "travel_sea": {"en": "land and sea with ferry crossings",
                   "id": "darat dan laut dengan penyeberangan"},
    "access_grid_pair": {"en": "--grid RES and --grid-out FILE go together; give both or neither",
                         "id": "--grid RES dan --grid-out BERKAS harus bersama; beri keduanya atau "
                               "tidak sama sekali"},
    "access_grid_res": {"en": "--grid {res}: expected an H3 resolution 0..15",
                        "id": "--grid {res}: seharusnya resolusi H3 0..15"},
    "access_one_layanan": {"en": "--layanan: one layanan at a time (given: {given})",
                           "id": "--layanan: satu layanan setiap kali (diberikan: {given})"},
    "access_title": {
        "en": "Access to {layanan} (strata >= {strata}, status {status}, travel model {travel}): "
              "{n} districts",
        "id": "Akses layanan {layanan} (strata >= {strata}, status {status}, waktu tempuh "
              "{travel}): {n} kab/kota"},
    "access_title_fasilitas": {
        "en": "Access to {fasilitas} (a reported service, not a strata; travel model {travel}): "
              "{n} districts",
        "id": "Akses fasilitas {fasilitas} (dilaporkan RS, bukan strata; waktu tempuh {travel}): "
              "{n} kab/kota"},
    "access_covered": {"en": "  a capable hospital in the district itself: {k} of {n}",
                       "id": "  ada RS mampu di kab/kota sendiri: {k} dari {n}"},
    "access_within": {"en": "  within the {thr} threshold: {k} of {n}",
                      "id": "  dalam ambang {thr}: {k} dari {n}"},
    "access_median": {"en": "  median distance {d}, median travel time {t}",
                      "id": "  median jarak {d}, median waktu tempuh {t}"},
    "access_none": {"en": "  no reachable capable hospital: {k} districts",
                    "id": "  tanpa RS mampu yang terjangkau: {k} kab/kota"},
    "access_grid": {"en": "  H3 cells at resolution {res}: {n:,} cells",
                    "id": "  sel H3 resolusi {res}: {n:,} sel"},
    "access_empty_ada": {
        "en": "note: no {layanan} hospital at strata >= {strata} with status 'ada'; no district has "
              "a capable hospital. The bundled data holds target strata: run with --status target",
        "id": "catatan: tidak ada RS {layanan} dengan strata >= {strata} berstatus 'ada'; semua "
              "kab/kota tanpa RS mampu. Data bawaan berisi strata target: jalankan dengan "
              "--status target"},
    "access_empty_fasilitas": {
        "en": "note: no hospital reported {fasilitas} (fasilitas.csv, with the evidence grades of "
              "--bukti); no district has one. Check fasilitas.csv, or add grades with --bukti",
        "id": "catatan: tidak ada RS yang melaporkan {fasilitas} (fasilitas.csv, dengan tingkat "
              "bukti --bukti); semua kab/kota tanpa RS itu. Periksa fasilitas.csv, atau tambah "
              "tingkat bukti dengan --bukti"},
    "access_grid_none": {"en": "  no reachable capable hospital: {k:,} cells",
                         "id": "  tanpa RS mampu yang terjangkau: {k:,} sel"},
    "access_empty_target": {
        "en": "note: no {layanan} hospital at strata >= {strata} (status 'target'); no district "
              "has a capable hospital. Try a lower --min-strata, or check layanan.csv",
        "id": "catatan: tidak ada RS {layanan} dengan strata >= {strata} (status 'target'); semua "
              "kab/kota tanpa RS mampu. Coba --min-strata yang lebih rendah, atau periksa "
              "layanan.csv"},
})

# --- pengampuan network ---------------------------------------------------------------------------
MESSAGES.update({
    "word_yes": {"en": "yes", "id": "ya"},
    "word_no": {"en": "no", "id": "tidak"},
    "network_limit": {"en": "--limit {limit}: expected 0 (all rows) or a positive number",
                      "id": "--limit {limit}: seharusnya 0 (semua baris) atau bilangan positif"},
    "network_title": {
        "en": "Mentoring network {layanan} (strata {status}){where}: {n_rs} hospitals, {n_links} "
              "links ({n_cross} cross-province), {n_nat} national pengampu",
        "id": "Jejaring pengampuan {layanan} (strata {status}){where}: {n_rs} RS, {n_links} "
              "tautan ({n_cross} lintas provinsi), {n_nat} pengampu nasional"},
    "network_where": {"en": ", province {nama} ({kode})", "id": ", provinsi {nama} ({kode})"},
    "network_more": {"en": "... {n} more hospitals not shown (--limit 0 for all, --csv to save)",
                     "id": "... {n} RS lagi tidak ditampilkan (--limit 0 untuk semua, --csv untuk "
                           "menyimpan)"},
    "network_province": {"en": "National pengampu in province {nama} ({kode})",
                         "id": "Pengampu nasional di provinsi {nama} ({kode})"},
    "network_checks": {"en": "Network checks: {n} finding(s) ({counts})",
                       "id": "Pemeriksaan jejaring: {n} temuan ({counts})"},
    "network_no_checks": {"en": "Network checks: no findings",
                          "id": "Pemeriksaan jejaring: tidak ada temuan"},
    "network_empty": {"en": "(no hospitals)", "id": "(tidak ada RS)"},
    "network_empty_ada": {
        "en": "note: no {layanan} hospital with status 'ada'; the bundled data holds target "
              "strata: run with --status target",
        "id": "catatan: tidak ada RS {layanan} berstatus 'ada'; data bawaan berisi strata "
              "target: jalankan dengan --status target"},
})

# --- pengampuan report / plot -----------------------------------------------------------------------
MESSAGES.update({
    "report_empty_ada": {
        "en": "note: no {layanan} hospital at strata >= {strata} with status 'ada'; the map says "
              "so. The bundled data holds target strata: run with --status target",
        "id": "catatan: tidak ada RS {layanan} dengan strata >= {strata} berstatus 'ada'; peta "
              "menandainya. Data bawaan berisi strata target: jalankan dengan --status target"},
    "report_empty_fasilitas": {
        "en": "note: no hospital reported {fasilitas}; the map says so. Check fasilitas.csv",
        "id": "catatan: tidak ada RS yang melaporkan {fasilitas}; peta menandainya. Periksa "
              "fasilitas.csv"},
    "report_empty_target": {
        "en": "note: no {layanan} hospital at strata >= {strata} (status 'target'); check "
              "layanan.csv",
        "id": "catatan: tidak ada RS {layanan} dengan strata >= {strata} (status 'target'); "
              "periksa layanan.csv"},
    "report_done": {"en": "report written in {s:.0f} s: open {index}",
                    "id": "laporan selesai dalam {s:.0f} detik: buka {index}"},
    "report_file": {"en": "written: {path} ({what})", "id": "ditulis: {path} ({what})"},
    "report_file_gpkg": {"en": "GeoPackage: wilayah, rumah_sakit, jejaring, with QGIS styles",
                         "id": "GeoPackage: wilayah, rumah_sakit, jejaring, dengan gaya QGIS"},
    "report_file_xlsx": {"en": "Excel workbook", "id": "buku kerja Excel"},
    "report_file_geojson": {"en": "kab/kota layer", "id": "lapisan kab/kota"},
    "report_file_shp": {"en": "kab/kota layer (Shapefile)", "id": "lapisan kab/kota (Shapefile)"},
    "report_file_csv": {"en": "summary", "id": "ringkasan"},
    "plot_dpi": {"en": "--dpi {dpi}: expected 50..1200", "id": "--dpi {dpi}: seharusnya 50..1200"},
    "plot_out_not_folder": {"en": "--out {path} exists and is not a folder",
                            "id": "--out {path} sudah ada dan bukan folder"},
    "plot_done": {"en": "{n} files in {s:.0f} s", "id": "{n} berkas dalam {s:.0f} detik"},
})

# --- pengampuan boundaries ------------------------------------------------------------------------
MESSAGES.update({
    "boundaries_info": {
        "en": "{level}: {n} regions, {km2:,.0f} km², {vertices:,} vertices, {mb:.2f} MB ({path})",
        "id": "{level}: {n} wilayah, {km2:,.0f} km², {vertices:,} titik sudut, {mb:.2f} MB ({path})"},
    "boundaries_source": {
        "en": "Source: Kepmendagri No 300.2.2-2138 Tahun 2025 codes; boundaries derived from "
              "cahyadsn/wilayah_boundaries (MIT), generalised (see data/README.md)",
        "id": "Sumber: kode Kepmendagri No 300.2.2-2138 Tahun 2025; batas wilayah diturunkan dari "
              "cahyadsn/wilayah_boundaries (MIT), disederhanakan (lihat data/README.md)"},
    "boundaries_dup": {"en": "{path}: {n} features share a region code: {codes}",
                       "id": "{path}: {n} fitur memakai kode wilayah yang sama: {codes}"},
    "boundaries_ok": {"en": "OK", "id": "OK"},
    "boundaries_not_ok": {"en": "NOT OK: fix the features listed above",
                          "id": "TIDAK OK: perbaiki fitur yang tercantum di atas"},
})

# --- downloads (datasets.py), continued ------------------------------------------------------------
MESSAGES.update({
    "download_size": {
        "en": "{url}: received {got} bytes, expected {size}; the file at the source changed or the "
              "transfer was altered (check the URL and --size/size=)",
        "id": "{url}: diterima {got} bita, seharusnya {size}; berkas di sumber berubah atau "
              "pengirimannya terganggu (periksa URL dan --size/size=)"},
    "download_size@cli": {
        "en": "{url}: received {got} bytes, expected {size}; the file at the source changed or the "
              "transfer was altered (check the URL and --size)",
        "id": "{url}: diterima {got} bita, seharusnya {size}; berkas di sumber berubah atau "
              "pengirimannya terganggu (periksa URL dan --size)"},
    "download_checksum": {
        "en": "{url}: checksum mismatch (SHA-256 {got}, expected {expected}); the file changed at "
              "the source or was corrupted in transit. If the source changed on purpose, pass its "
              "new checksum (--sha256/sha256=)",
        "id": "{url}: checksum tidak cocok (SHA-256 {got}, seharusnya {expected}); berkas berubah "
              "di sumber atau rusak saat dikirim. Jika sumbernya memang berubah, beri checksum "
              "barunya (--sha256/sha256=)"},
    "download_checksum@cli": {
        "en": "{url}: checksum mismatch (SHA-256 {got}, expected {expected}); the file changed at "
              "the source or was corrupted in transit. If the source changed on purpose, pass its "
              "new checksum with --sha256",
        "id": "{url}: checksum tidak cocok (SHA-256 {got}, seharusnya {expected}); berkas berubah "
              "di sumber atau rusak saat dikirim. Jika sumbernya memang berubah, beri checksum "
              "barunya dengan --sha256"},
    "kind_gpkg": {"en": "a GeoPackage", "id": "GeoPackage"},
    "download_starts_with": {"en": "it starts with {text!r}", "id": "diawali {text!r}"},
    "download_offline_ask": {
        "en": "cannot ask {url}: offline mode is on (settings.offline / PENGAMPUAN_OFFLINE)",
        "id": "tidak dapat menghubungi {url}: mode luring aktif (settings.offline / "
              "PENGAMPUAN_OFFLINE)"},
    "download_not_json": {"en": "{url}: the answer is not JSON ({reason}); it starts with {start!r}",
                          "id": "{url}: jawabannya bukan JSON ({reason}); diawali {start!r}"},
    "download_http": {"en": "{url}: HTTP {status} {reason}; check the URL (the file may have moved)",
                      "id": "{url}: HTTP {status} {reason}; periksa URL-nya (berkas mungkin sudah "
                            "pindah)"},
    "download_write": {
        "en": "{url}: writing {part} failed ({reason}){full}: free space in {folder} or set "
              "settings.cache_dir / PENGAMPUAN_CACHE_DIR to another folder",
        "id": "{url}: gagal menulis {part} ({reason}){full}: kosongkan ruang di {folder} atau atur "
              "settings.cache_dir / PENGAMPUAN_CACHE_DIR ke folder lain"},
    "download_write@cli": {
        "en": "{url}: writing {part} failed ({reason}){full}: free space in {folder} or pass "
              "--cache-dir (or set PENGAMPUAN_CACHE_DIR) to another folder",
        "id": "{url}: gagal menulis {part} ({reason}){full}: kosongkan ruang di {folder} atau beri "
              "--cache-dir (atau atur PENGAMPUAN_CACHE_DIR) ke folder lain"},
    "download_disk_full": {"en": "; the disk is full", "id": "; disk penuh"},
    "download_failed": {
        "en": "{url}: {reason} ({attempts} attempt(s); settings.retries, settings.timeout_s)",
        "id": "{url}: {reason} ({attempts} kali percobaan; settings.retries, settings.timeout_s)"},
    "download_failed@cli": {
        "en": "{url}: {reason} ({attempts} attempt(s); --timeout sets the time limit)",
        "id": "{url}: {reason} ({attempts} kali percobaan; --timeout mengatur batas waktunya)"},
    "doing_reading": {"en": "reading the answer", "id": "membaca jawaban"},
    "doing_connecting": {"en": "connecting", "id": "menghubungkan"},
    "doing_waiting": {"en": "waiting for an answer", "id": "menunggu jawaban"},
    "doing_receiving": {"en": "receiving the file ({n} bytes so far)",
                        "id": "menerima berkas ({n} bita sejauh ini)"},
    "doing_before_attempt": {"en": "before attempt {k} ({reason})",
                             "id": "sebelum percobaan ke-{k} ({reason})"},
    "doing_before_first": {"en": "before the first attempt", "id": "sebelum percobaan pertama"},
    "retry_broke_off": {"en": "the connection broke off ({reason})",
                        "id": "sambungan terputus ({reason})"},
    "retry_no_answer": {"en": "no answer within {wait:g} s (settings.timeout_s)",
                        "id": "tidak ada jawaban dalam {wait:g} detik (settings.timeout_s)"},
    "retry_cannot_connect": {"en": "cannot connect ({reason})",
                             "id": "tidak dapat tersambung ({reason})"},
    "retry_busy": {"en": " (too many requests)", "id": " (terlalu banyak permintaan)"},
    "retry_server_error": {"en": "server error HTTP {status} {reason}{busy}",
                           "id": "galat server HTTP {status} {reason}{busy}"},
    "retry_stalled": {
        "en": "the server stopped sending for more than {wait:g} s after {n} bytes "
              "(settings.timeout_s)",
        "id": "server berhenti mengirim lebih dari {wait:g} detik setelah {n} bita "
              "(settings.timeout_s)"},
    "of_bytes": {"en": " of {n}", "id": " dari {n}"},
    "retry_broke_off_after": {"en": "the connection broke off after {n}{of} bytes ({reason})",
                              "id": "sambungan terputus setelah {n}{of} bita ({reason})"},
    "retry_body_short": {"en": "the body ended after {n} of {expected} bytes",
                         "id": "isi berhenti setelah {n} dari {expected} bita"},
})

# --- boundary files (regions.py) ------------------------------------------------------------------
MESSAGES.update({
    "zip_invalid": {"en": "{path}: not a valid zip file ({reason})",
                    "id": "{path}: bukan berkas zip yang sah ({reason})"},
    "zip_no_layer": {
        "en": "{path}: the zip file holds no .shp, .geojson or .gpkg (it holds {members}); zip the "
              ".shp with its .shx, .dbf and .prj",
        "id": "{path}: berkas zip tidak berisi .shp, .geojson atau .gpkg (isinya {members}); "
              "zip-kan .shp bersama .shx, .dbf dan .prj-nya"},
    "zip_layers": {"en": "{path}: the zip file holds {n} layers {layers}; keep one boundary layer "
                         "per zip file",
                   "id": "{path}: berkas zip berisi {n} lapisan {layers}; simpan satu lapisan batas "
                         "per berkas zip"},
    "boundary_missing": {
        "en": "boundary file {path} does not exist; pass the path of a GeoJSON, GeoPackage, zipped "
              "Shapefile or TopoJSON file",
        "id": "berkas batas {path} tidak ada; beri path berkas GeoJSON, GeoPackage, Shapefile "
              "ber-zip atau TopoJSON"},
    "gpkg_layers": {"en": "{path}: the GeoPackage holds {n} polygon layers {layers}; pass layer=",
                    "id": "{path}: GeoPackage berisi {n} lapisan poligon {layers}; beri layer="},
    "gpkg_layers@cli": {
        "en": "{path}: the GeoPackage holds {n} polygon layers {layers}; save the boundary layer "
              "alone (e.g. as GeoJSON) and pass that file",
        "id": "{path}: GeoPackage berisi {n} lapisan poligon {layers}; simpan lapisan batasnya "
              "saja (mis. sebagai GeoJSON) lalu beri berkas itu"},
    "boundary_unreadable": {"en": "{path}: cannot be read as a boundary file ({reason})",
                            "id": "{path}: tidak dapat dibaca sebagai berkas batas ({reason})"},
    "boundary_no_features": {
        "en": "{path}: the file has no features; expected one polygon per region (is it an export "
              "of an empty layer or selection?)",
        "id": "{path}: berkas tidak berisi fitur; seharusnya satu poligon per wilayah (apakah ini "
              "ekspor lapisan atau pilihan yang kosong?)"},
    "boundary_no_crs": {
        "en": "{path} has no CRS (a Shapefile without its .prj file, or a layer without a spatial "
              "reference); if its coordinates are lon/lat degrees pass crs='EPSG:4326' "
              "(load_regions(..., crs='EPSG:4326'), CLI --crs EPSG:4326), else the EPSG code of "
              "its projection",
        "id": "{path} tidak punya CRS (Shapefile tanpa berkas .prj, atau lapisan tanpa acuan "
              "spasial); jika koordinatnya derajat lon/lat beri crs='EPSG:4326' "
              "(load_regions(..., crs='EPSG:4326'), CLI --crs EPSG:4326), jika tidak beri kode "
              "EPSG proyeksinya"},
    "boundary_no_crs@cli": {
        "en": "{path} has no CRS (a Shapefile without its .prj file, or a layer without a spatial "
              "reference); add its .prj, or save it with a CRS in a GIS (lon/lat degrees: "
              "EPSG:4326); `pengampuan boundaries check FILE --crs EPSG:4326` checks it",
        "id": "{path} tidak punya CRS (Shapefile tanpa berkas .prj, atau lapisan tanpa acuan "
              "spasial); tambahkan .prj-nya, atau simpan dengan CRS di GIS (derajat lon/lat: "
              "EPSG:4326); `pengampuan boundaries check BERKAS --crs EPSG:4326` memeriksanya"},
    "boundary_projected": {
        "en": "{path}: the CRS is {crs} (lon/lat degrees) but coordinates reach {reach:.0f}; the "
              "file is probably projected: pass the right crs= (e.g. crs='EPSG:32748', UTM 48S) "
              "and fix its .prj",
        "id": "{path}: CRS-nya {crs} (derajat lon/lat) tetapi koordinat mencapai {reach:.0f}; "
              "berkas mungkin sudah diproyeksikan: beri crs= yang benar (mis. crs='EPSG:32748', "
              "UTM 48S) dan perbaiki .prj-nya"},
    "boundary_projected@cli": {
        "en": "{path}: the CRS is {crs} (lon/lat degrees) but coordinates reach {reach:.0f}; the "
              "file is probably projected: fix its .prj (e.g. EPSG:32748, UTM 48S)",
        "id": "{path}: CRS-nya {crs} (derajat lon/lat) tetapi koordinat mencapai {reach:.0f}; "
              "berkas mungkin sudah diproyeksikan: perbaiki .prj-nya (mis. EPSG:32748, UTM 48S)"},
    "boundary_outside": {
        "en": "{path}: after reprojection from its CRS the features lie at lon {minx:.2f}..{maxx:.2f}, "
              "lat {miny:.2f}..{maxy:.2f}, outside Indonesia; the declared CRS is probably wrong "
              "(or lat/lon are swapped)",
        "id": "{path}: setelah diproyeksikan ulang dari CRS-nya fitur berada di lon "
              "{minx:.2f}..{maxx:.2f}, lat {miny:.2f}..{maxy:.2f}, di luar Indonesia; CRS yang "
              "dinyatakan mungkin salah (atau lat/lon tertukar)"},
    "label_km2": {"en": "{label}: {km2:.3g} km²", "id": "{label}: {km2:.3g} km²"},
    "label_pair_km2": {"en": "{a} and {b}: {km2:.2f} km²", "id": "{a} dan {b}: {km2:.2f} km²"},
    "boundary_slivers": {
        "en": "{path}: {n} sliver feature(s), too small or thin to be a region (e.g. {labels}): "
              "leftovers of an edit or a clip? remove them or merge them into their region",
        "id": "{path}: {n} fitur serpihan, terlalu kecil atau tipis untuk menjadi wilayah (mis. "
              "{labels}): sisa penyuntingan atau pemotongan? hapus atau gabungkan ke wilayahnya"},
    "boundary_overlaps": {
        "en": "{path}: {n} pair(s) of features overlap by {limit} km² or more ({total:.1f} km² of "
              "overlap in all, {pairs} pair(s) touching with some overlap), e.g. {labels}: the "
              "boundaries are not a clean coverage, so an area or a population split by polygon "
              "counts the overlap twice; clean them in a GIS (e.g. QGIS 'Fix geometries' and "
              "'Remove overlaps')",
        "id": "{path}: {n} pasang fitur bertumpang tindih {limit} km² atau lebih (total "
              "{total:.1f} km² tumpang tindih, {pairs} pasang bersinggungan dengan sedikit tumpang "
              "tindih), mis. {labels}: batas wilayah tidak rapi, sehingga luas atau penduduk yang "
              "dibagi per poligon menghitung tumpang tindih dua kali; rapikan di GIS (mis. QGIS "
              "'Fix geometries' dan 'Remove overlaps')"},
    "geometry_missing": {"en": "empty or missing geometry", "id": "geometri kosong atau tidak ada"},
    "geometry_not_polygon": {"en": "is not a polygon", "id": "bukan poligon"},
    "geometry_is_missing": {"en": "geometry is empty or missing",
                            "id": "geometri kosong atau tidak ada"},
    "geometry_is_other": {"en": "geometry is a {kind}, not a Polygon or MultiPolygon",
                          "id": "geometri berupa {kind}, bukan Polygon atau MultiPolygon"},
    "boundary_bad_geometries": {
        "en": "{n} feature(s) of {path} cannot be region boundaries (every feature must be one "
              "region's polygon):",
        "id": "{n} fitur di {path} tidak dapat menjadi batas wilayah (setiap fitur harus poligon "
              "satu wilayah):"},
    "boundary_repaired": {
        "en": "{path}: repaired {n} invalid polygon(s) with shapely.make_valid (e.g. {labels}); "
              "check them in a GIS if the areas matter",
        "id": "{path}: {n} poligon tidak sah diperbaiki dengan shapely.make_valid (mis. "
              "{labels}); periksa di GIS jika luasnya penting"},
    "dup_region_line": {"en": "code {kode} ({nama}) is matched by features {rows}",
                        "id": "kode {kode} ({nama}) cocok dengan fitur {rows}"},
    "dup_regions": {
        "en": "{path}: {n} features share a region; a boundary file needs one feature per region "
              "(dissolve multi-part regions first, e.g. gdf.dissolve('kode')):",
        "id": "{path}: {n} fitur menunjuk wilayah yang sama; berkas batas perlu satu fitur per "
              "wilayah (gabungkan dulu wilayah yang terpecah, mis. gdf.dissolve('kode')):"},
    "dup_regions@cli": {
        "en": "{path}: {n} features share a region; a boundary file needs one feature per region "
              "(dissolve multi-part regions first, e.g. QGIS 'Dissolve' by the code):",
        "id": "{path}: {n} fitur menunjuk wilayah yang sama; berkas batas perlu satu fitur per "
              "wilayah (gabungkan dulu wilayah yang terpecah, mis. 'Dissolve' QGIS menurut "
              "kodenya):"},
    "boundary_pre2022": {
        "en": "{path}: the file has provinces 91/92 but none of 93-96: it predates the 2022 Papua "
              "split (34 provinces), so its 91 Papua also covers today's Papua Selatan, Papua "
              "Tengah and Papua Pegunungan, and 92 Papua Barat covers Papua Barat Daya; use the "
              "bundled boundaries or a post-2022 file for province maps",
        "id": "{path}: berkas berisi provinsi 91/92 tetapi tidak ada 93-96: dibuat sebelum "
              "pemekaran Papua 2022 (34 provinsi), sehingga 91 Papua-nya juga mencakup Papua "
              "Selatan, Papua Tengah dan Papua Pegunungan masa kini, dan 92 Papua Barat mencakup "
              "Papua Barat Daya; pakai batas bawaan atau berkas setelah 2022 untuk peta provinsi"},
})

# --- configuration files (config.py) ----------------------------------------------------------------
MESSAGES.update({
    "cfg_type_bool": {"en": "the boolean {value}", "id": "nilai boolean {value}"},
    "cfg_type_text": {"en": "the text {value!r}", "id": "teks {value!r}"},
    "cfg_type_number": {"en": "the number {value}", "id": "angka {value}"},
    "cfg_type_table": {"en": "a table", "id": "sebuah tabel"},
    "cfg_type_array": {"en": "an array", "id": "sebuah larik"},
    "cfg_type_other": {"en": "a {kind}", "id": "sebuah {kind}"},
    "cfg_key_is": {"en": "key {key} is {got}; expected {want}",
                   "id": "kunci {key} berisi {got}; seharusnya {want}"},
    "cfg_want_number": {"en": "a number (e.g. {key} = {example})",
                        "id": "angka (mis. {key} = {example})"},
    "cfg_want_text": {"en": "a text (e.g. {key} = {example})", "id": "teks (mis. {key} = {example})"},
    "cfg_want_texts": {"en": "an array of texts (e.g. {key} = {example})",
                       "id": "larik teks (mis. {key} = {example})"},
    "cfg_want_table": {"en": "a table ([{key}] with one line per entry)",
                       "id": "tabel ([{key}] dengan satu baris per entri)"},
    "cfg_want_minutes": {"en": "a number (minutes)", "id": "angka (menit)"},
    "cfg_want_a_text": {"en": "a text", "id": "teks"},
    "cfg_want_two_texts": {"en": "an array of two texts (label in Bahasa Indonesia, label in "
                                 "English)",
                           "id": "larik dua teks (label dalam Bahasa Indonesia, label dalam "
                                 "bahasa Inggris)"},
    "cfg_want_layanan_table": {"en": "a table [{key}.{k}] with {keys}",
                               "id": "tabel [{key}.{k}] berisi {keys}"},
    "cfg_unknown_layanan_key": {"en": "unknown key '{key}'; expected some of {keys}",
                                "id": "kunci '{key}' tidak dikenal; seharusnya beberapa dari "
                                      "{keys}"},
    "cfg_did_you_mean": {"en": " (did you mean {close!r}?)", "id": " (maksudnya {close!r}?)"},
    "cfg_unknown_key": {"en": "unknown key {key!r}{hint}; the keys are {keys}",
                        "id": "kunci {key!r} tidak dikenal{hint}; kuncinya adalah {keys}"},
    "cfg_missing": {"en": "configuration file {path} does not exist",
                    "id": "berkas konfigurasi {path} tidak ada"},
    "cfg_folder": {"en": "{path}: is a folder; expected a TOML configuration file",
                   "id": "{path}: adalah folder; seharusnya berkas konfigurasi TOML"},
    "cfg_not_toml": {"en": "{path}: not valid TOML: {reason}",
                     "id": "{path}: bukan TOML yang sah: {reason}"},
    "cfg_not_utf8": {"en": "{path}: not a UTF-8 text file ({reason} at byte {start}); expected a TOML "
                           "configuration file",
                     "id": "{path}: bukan berkas teks UTF-8 ({reason} pada bita {start}); "
                           "seharusnya berkas konfigurasi TOML"},
    "file_unreadable_path": {"en": "{path}: cannot be read ({reason})",
                             "id": "{path}: tidak dapat dibaca ({reason})"},
})

# --- progress bars (one per stage) ----------------------------------------------------------------
MESSAGES.update({
    "progress_nearest": {"en": "Finding the nearest hospital", "id": "Mencari RS terdekat"},
    "progress_sea": {"en": "Building sea routes", "id": "Membangun rute laut"},
})

# --- output files (formats.py, export.py) ----------------------------------------------------------
MESSAGES.update({
    "ext_none": {"en": "(none)", "id": "(tidak ada)"},
    "ext_unknown": {
        "en": "{what} {path}: unknown file extension {shown}; expected one of {known} (GeoJSON, "
              "GeoPackage, Shapefile, CSV, Excel)",
        "id": "{what} {path}: ekstensi berkas {shown} tidak dikenal; seharusnya salah satu dari "
              "{known} (GeoJSON, GeoPackage, Shapefile, CSV, Excel)"},
    "out_is_file": {
        "en": "{path}: exists and is not a folder (a file of that name); choose another output "
              "folder",
        "id": "{path}: sudah ada dan bukan folder (berkas bernama sama); pilih folder keluaran "
              "lain"},
    "out_parent_file": {"en": "{path}: cannot be created: {parent} is a file, not a folder",
                        "id": "{path}: tidak dapat dibuat: {parent} adalah berkas, bukan folder"},
    "out_not_writable": {"en": "{path}: cannot be written: the folder {parent} is not writable",
                         "id": "{path}: tidak dapat ditulis: folder {parent} tidak dapat "
                               "ditulisi"},
})

# --- command-line help (--help) ---------------------------------------------------------------------
MESSAGES.update({
    "desc_main": {"en": "Geospatial analysis of Indonesia's hospital referral networks (pengampuan "
                        "KJSU: kanker, jantung, stroke, uronefrologi).",
                  "id": "Analisis geospasial jejaring pengampuan rumah sakit Indonesia (KJSU: "
                        "kanker, jantung, stroke, uronefrologi)."},
    "help_main_version": {"en": "show the version and exit", "id": "tampilkan versi lalu keluar"},
    "help_main_verbose": {"en": "more log output on stderr (-v info, -vv debug)",
                          "id": "lebih banyak log di stderr (-v info, -vv debug)"},
    "help_main_debug": {"en": "show the full traceback when something fails",
                        "id": "tampilkan traceback lengkap bila terjadi kegagalan"},
    "help_main_lang": {"en": "language of every message, label and number (default: id, Bahasa "
                             "Indonesia)",
                       "id": "bahasa semua pesan, label dan angka (bawaan: id, Bahasa Indonesia; "
                             "en: English)"},
    # options shared by several commands (pengampuan/cli/__init__.py: add_data, ...)
    "help_opt_data": {
        "en": "folder with rumah_sakit.csv, layanan.csv, jejaring.csv, wilayah.csv (and "
              "fasilitas.csv) (default: the bundled data)",
        "id": "folder berisi rumah_sakit.csv, layanan.csv, jejaring.csv, wilayah.csv (dan "
              "fasilitas.csv) (bawaan: data bawaan)"},
    "help_opt_boundaries": {
        "en": "kab/kota boundary file (GeoJSON, GeoPackage, Shapefile; default: the bundled "
              "boundaries); matched to Kemendagri codes, or used as is when its 'kode' column "
              "holds the kab/kota codes of the dataset's own wilayah.csv",
        "id": "berkas batas kab/kota (GeoJSON, GeoPackage, Shapefile; bawaan: batas bawaan); "
              "dicocokkan dengan kode Kemendagri, atau dipakai apa adanya bila kolom 'kode'-nya "
              "berisi kode kab/kota dari wilayah.csv data itu sendiri"},
    "help_opt_status": {
        "en": "strata used: 'target' (default: the higher of current and target strata; the "
              "bundled strata are targets) or 'ada' (current strata only)",
        "id": "strata yang dipakai: 'target' (bawaan: yang lebih tinggi dari strata saat ini dan "
              "target; strata bawaan adalah target) atau 'ada' (hanya strata saat ini)"},
    "help_opt_bukti": {
        "en": "evidence grades of the rows (layanan, links, reported services) that count, "
              "comma-separated, from {values} (default: regulasi,dokumen,berita)",
        "id": "tingkat bukti baris (layanan, tautan, fasilitas yang dilaporkan) yang dihitung, "
              "dipisah koma, dari {values} (bawaan: regulasi,dokumen,berita)"},
    "help_opt_lang": {"en": "language of labels, titles and messages (default: id)",
                      "id": "bahasa label, judul dan pesan (bawaan: id)"},
    "help_main_on_unmatched": {
        "en": "features of --boundaries that match no kab/kota: 'raise' (default: stop with the "
              "list), 'warn' (list them and go on without them) or 'keep' (go on silently); as "
              "on_unmatched= in Python",
        "id": "fitur --boundaries yang tidak cocok dengan kab/kota mana pun: 'raise' (bawaan: "
              "berhenti dengan daftarnya), 'warn' (tampilkan daftarnya lalu lanjut tanpa fitur itu) "
              "atau 'keep' (lanjut tanpa pesan); sama dengan on_unmatched= di Python"},
    # validate
    "help_cmd_validate": {
        "en": "check a data folder (rumah_sakit, layanan, jejaring, wilayah) and list every problem",
        "id": "periksa folder data (rumah_sakit, layanan, jejaring, wilayah) dan tampilkan semua "
              "masalah"},
    "desc_validate": {
        "en": "Check a data folder (rumah_sakit.csv, layanan.csv, jejaring.csv, wilayah.csv) and "
              "list every problem at once. Exit code 0 when the data is valid, 1 when it has "
              "errors, 3 when PATH does not exist.",
        "id": "Periksa folder data (rumah_sakit.csv, layanan.csv, jejaring.csv, wilayah.csv) dan "
              "tampilkan semua masalah sekaligus. Kode keluar 0 bila data valid, 1 bila ada "
              "kesalahan, 3 bila PATH tidak ada."},
    "help_validate_path": {"en": "folder with the CSV files (default: the bundled data)",
                           "id": "folder berisi berkas CSV (bawaan: data bawaan)"},
    "help_validate_code_scheme": {
        "en": "scheme of rumah_sakit.kode_wilayah: Kemendagri 'PP.KK' (default) or BPS 4-digit "
              "codes, converted with the bundled crosswalk",
        "id": "skema rumah_sakit.kode_wilayah: Kemendagri 'PP.KK' (bawaan) atau kode BPS 4 angka, "
              "diubah dengan tabel padanan bawaan"},
    "help_validate_output_format": {
        "en": "'text' (default): a readable list; 'csv': the problems table on stdout",
        "id": "'text' (bawaan): daftar yang mudah dibaca; 'csv': tabel masalah di stdout"},
    "help_validate_config": {"en": "configuration file (layanan, strata aliases, ...)",
                             "id": "berkas konfigurasi (layanan, alias strata, ...)"},
    "help_validate_limit": {
        "en": "problems listed of each kind (default {n}; the rest are counted); 0 = all",
        "id": "jumlah masalah yang ditampilkan per jenis (bawaan {n}; sisanya dihitung); 0 = "
              "semua"},
    # report
    "help_cmd_report": {"en": "write the HTML map report (index.html) with GeoJSON and CSV files",
                        "id": "tulis laporan peta HTML (index.html) beserta berkas GeoJSON dan CSV"},
    "desc_report": {
        "en": "Write the HTML map report (index.html) with wilayah.geojson, rumah_sakit.geojson, "
              "jejaring.geojson, ringkasan.csv and ringkasan.xlsx. Uses the bundled national data "
              "unless --data/--boundaries are given. By default the strata are the targets (status "
              "'target': the bundled strata come from KMK HK.01.07/MENKES/1277/2024) and the page "
              "works offline.",
        "id": "Tulis laporan peta HTML (index.html) beserta wilayah.geojson, rumah_sakit.geojson, "
              "jejaring.geojson, ringkasan.csv dan ringkasan.xlsx. Memakai data nasional bawaan "
              "kecuali --data/--boundaries diberikan. Secara bawaan strata yang dipakai adalah "
              "target (status 'target': strata bawaan berasal dari KMK "
              "HK.01.07/MENKES/1277/2024) dan halamannya bisa dibuka tanpa internet."},
    "help_report_out": {
        "en": "output folder (created if needed; files of the same names are replaced); or one file "
              "by its extension: .gpkg (every layer, styled for QGIS), .xlsx (the workbook), "
              ".geojson/.shp (the kab/kota layer), .csv (the summary)",
        "id": "folder keluaran (dibuat bila perlu; berkas bernama sama diganti); atau satu berkas "
              "menurut ekstensinya: .gpkg (semua lapisan, bergaya QGIS), .xlsx (buku kerja), "
              ".geojson/.shp (lapisan kab/kota), .csv (ringkasan)"},
    "help_report_layanan": {
        "en": "layanan to include; repeat or separate with commas, in any spelling layanan.csv "
              "accepts (Stroke, strok, onkologi, ...; default: kanker, jantung, stroke, "
              "uronefrologi)",
        "id": "layanan yang dimuat; ulangi atau pisahkan dengan koma, dengan ejaan apa pun yang "
              "diterima layanan.csv (Stroke, strok, onkologi, ...; bawaan: kanker, jantung, "
              "stroke, uronefrologi)"},
    "help_report_provinsi": {
        "en": "one province, by Kemendagri code or name (e.g. 17, Bengkulu, banten, DKI, 'Papua "
              "Barat Daya'): its kab/kota, hospitals and links, with the neighbouring provinces as "
              "context (default: every kab/kota given)",
        "id": "satu provinsi, dengan kode Kemendagri atau nama (mis. 17, Bengkulu, banten, DKI, "
              "'Papua Barat Daya'): kab/kota, RS dan tautannya, dengan provinsi tetangga sebagai "
              "konteks (bawaan: semua kab/kota)"},
    "help_report_offline": {
        "en": "inline every script and style so index.html opens without internet (default); "
              "--no-offline/--online links them from a CDN",
        "id": "sertakan semua skrip dan gaya agar index.html terbuka tanpa internet (bawaan); "
              "--no-offline/--online menautkannya dari CDN"},
    "help_report_code_scheme": {
        "en": "scheme of rumah_sakit.kode_wilayah in --data (default: kemendagri)",
        "id": "skema rumah_sakit.kode_wilayah di --data (bawaan: kemendagri)"},
    "help_report_config": {"en": "configuration file (targets, thresholds, labels)",
                           "id": "berkas konfigurasi (target, ambang, label)"},
    "help_report_csv_dialect": {
        "en": "ringkasan.csv as 'standard' CSV (default) or 'excel-id' for Excel with Indonesian "
              "settings (';', decimal comma, UTF-8 BOM)",
        "id": "ringkasan.csv sebagai CSV 'standard' (bawaan) atau 'excel-id' untuk Excel "
              "berpengaturan Indonesia (';', koma desimal, BOM UTF-8)"},
    "help_report_figures": {
        "en": "also write PNG/SVG maps per layanan and charts (default); --no-figures skips them",
        "id": "tulis juga peta PNG/SVG per layanan dan grafik (bawaan); --no-figures melewatinya"},
    # access
    "help_cmd_access": {
        "en": "distance and travel time to the nearest capable hospital per kab/kota",
        "id": "jarak dan waktu tempuh ke RS mampu terdekat per kab/kota"},
    "desc_access": {
        "en": "Distance and travel time to the nearest capable hospital (layanan, minimum strata) "
              "per kab/kota, written as a file whose format follows its extension. Optionally an "
              "H3 grid of the land.",
        "id": "Jarak dan waktu tempuh ke RS terdekat yang mampu (layanan, strata minimal) per "
              "kab/kota, ditulis ke berkas yang formatnya mengikuti ekstensinya. Dapat juga berupa "
              "grid H3 daratan."},
    "help_access_layanan": {
        "en": "layanan, e.g. stroke, Stroke, strok, onkologi (any spelling layanan.csv accepts; "
              "one of {values})",
        "id": "layanan, mis. stroke, Stroke, strok, onkologi (ejaan apa pun yang diterima "
              "layanan.csv; salah satu dari {values})"},
    "help_access_fasilitas": {
        "en": "a reported service instead of a layanan, e.g. hemodialisis, cathlab, radioterapi "
              "(fasilitas.csv; --min-strata/--status do not apply)",
        "id": "fasilitas yang dilaporkan sebagai ganti layanan, mis. hemodialisis, cathlab, "
              "radioterapi (fasilitas.csv; --min-strata/--status tidak berlaku)"},
    "help_access_min_strata": {"en": "lowest strata that counts (default: madya)",
                               "id": "strata terendah yang dihitung (bawaan: madya)"},
    "help_access_travel": {
        "en": "travel-time model: 'simple' (road, great-circle x circuity) or 'sea' (H3 land/sea "
              "graph with ferry crossings)",
        "id": "model waktu tempuh: 'simple' (jalan darat, jarak garis lurus x faktor kelokan) atau "
              "'sea' (graf darat/laut H3 dengan penyeberangan)"},
    "help_access_out": {
        "en": "file to write, one feature per kab/kota; the format follows the extension: "
              ".geojson, .gpkg (styled for QGIS), .shp, .csv, .xlsx",
        "id": "berkas yang ditulis, satu fitur per kab/kota; formatnya mengikuti ekstensi: "
              ".geojson, .gpkg (bergaya QGIS), .shp, .csv, .xlsx"},
    "help_access_grid": {"en": "also compute an H3 grid of the land at this resolution (e.g. 7)",
                         "id": "hitung juga grid H3 daratan pada resolusi ini (mis. 7)"},
    "help_access_grid_out": {
        "en": "file for the grid (required with --grid): .csv, .gpkg (hexagons), .geojson, .shp, "
              ".xlsx",
        "id": "berkas untuk grid (wajib bersama --grid): .csv, .gpkg (heksagon), .geojson, .shp, "
              ".xlsx"},
    "help_access_progress": {"en": "show one progress bar per stage (routes by sea, nearest "
                                   "hospital)",
                             "id": "tampilkan satu bilah kemajuan per tahap (rute laut, RS "
                                   "terdekat)"},
    # network
    "help_cmd_network": {
        "en": "summary, province view, checks and exports of the mentoring network",
        "id": "ringkasan, tampilan provinsi, pemeriksaan dan ekspor jejaring pengampuan"},
    "desc_network": {
        "en": "Summary of the mentoring network per layanan (diampu, pengampu, chain to a national "
              "pengampu, distances), province view, checks, and GraphML/GeoJSON exports. Exit code "
              "0, or 1 when --checks finds an error (a cycle or a self-link).",
        "id": "Ringkasan jejaring pengampuan per layanan (diampu, pengampu, rantai ke pengampu "
              "nasional, jarak), tampilan provinsi, pemeriksaan, dan ekspor GraphML/GeoJSON. Kode "
              "keluar 0, atau 1 bila --checks menemukan kesalahan (lingkaran atau tautan ke diri "
              "sendiri)."},
    "help_network_layanan": {
        "en": "layanan to show (repeat or separate with commas; default: {default}); one of "
              "{values}, in any spelling layanan.csv accepts (Stroke, strok, onkologi, ...)",
        "id": "layanan yang ditampilkan (ulangi atau pisahkan dengan koma; bawaan: {default}); "
              "salah satu dari {values}, dengan ejaan apa pun yang diterima layanan.csv (Stroke, "
              "strok, onkologi, ...)"},
    "help_network_provinsi": {
        "en": "one province, by Kemendagri code or name (e.g. 36, Banten, banten, DKI): only its "
              "hospitals, plus the table of national pengampu reaching them",
        "id": "satu provinsi, dengan kode Kemendagri atau nama (mis. 36, Banten, banten, DKI): "
              "hanya RS-nya, ditambah tabel pengampu nasional yang menjangkaunya"},
    "help_network_checks": {"en": "also list the findings of the network checks",
                            "id": "tampilkan juga temuan pemeriksaan jejaring"},
    "help_network_limit": {"en": "rows of each summary shown on screen (default 40; 0 = all)",
                           "id": "jumlah baris tiap ringkasan di layar (bawaan 40; 0 = semua)"},
    "help_network_csv": {"en": "write the full summary table(s) to this CSV file",
                         "id": "tulis tabel ringkasan lengkap ke berkas CSV ini"},
    "help_network_graphml": {"en": "write the network of the selected layanan as GraphML",
                             "id": "tulis jejaring layanan terpilih sebagai GraphML"},
    "help_network_geojson": {"en": "write the links of the selected layanan as GeoJSON LineStrings",
                             "id": "tulis tautan layanan terpilih sebagai LineString GeoJSON"},
    # plot
    "help_cmd_plot": {"en": "static maps and charts (PNG, SVG) for reports and slides",
                      "id": "peta statis dan grafik (PNG, SVG) untuk laporan dan salindia"},
    "desc_plot": {
        "en": "Draw static maps and charts (print-resolution PNG and SVG) for Word or PowerPoint "
              "reports: peta_akses_<layanan> (travel time to the nearest hospital), "
              "grafik_dalam_ambang (population within the time threshold), grafik_target (targets "
              "met per layanan); with --kind also peta_target_<layanan> and "
              "peta_jejaring_<layanan>. Same classes and colours as the web map.",
        "id": "Gambar peta statis dan grafik (PNG resolusi cetak dan SVG) untuk laporan Word atau "
              "PowerPoint: peta_akses_<layanan> (waktu tempuh ke RS terdekat), grafik_dalam_ambang "
              "(penduduk dalam ambang waktu), grafik_target (capaian target per layanan); dengan "
              "--kind juga peta_target_<layanan> dan peta_jejaring_<layanan>. Kelas dan warna sama "
              "dengan peta web."},
    "help_plot_out": {
        "en": "output folder (created if needed; files of the same names are replaced)",
        "id": "folder keluaran (dibuat bila perlu; berkas bernama sama diganti)"},
    "help_plot_provinsi": {
        "en": "one province, by code or name (e.g. 17, Bengkulu, banten, DKI): its kab/kota named, "
              "charts per kab/kota (default: the whole country)",
        "id": "satu provinsi, dengan kode atau nama (mis. 17, Bengkulu, banten, DKI): kab/kota-nya "
              "diberi nama, grafik per kab/kota (bawaan: seluruh Indonesia)"},
    "help_plot_layanan": {
        "en": "layanan to draw; repeat or separate with commas, in any spelling layanan.csv accepts "
              "(default: kanker, jantung, stroke, uronefrologi)",
        "id": "layanan yang digambar; ulangi atau pisahkan dengan koma, dengan ejaan apa pun yang "
              "diterima layanan.csv (bawaan: kanker, jantung, stroke, uronefrologi)"},
    "help_plot_kind": {
        "en": "what to draw, repeat or separate with commas: {values} (default: akses,grafik)",
        "id": "yang digambar, ulangi atau pisahkan dengan koma: {values} (bawaan: akses,grafik)"},
    "help_plot_format": {"en": "png, svg or pdf; repeat or separate with commas (default: png,svg)",
                         "id": "png, svg atau pdf; ulangi atau pisahkan dengan koma (bawaan: "
                               "png,svg)"},
    "help_plot_dpi": {"en": "resolution of PNG files (default 200, print quality)",
                      "id": "resolusi berkas PNG (bawaan 200, mutu cetak)"},
    # boundaries
    "help_cmd_boundaries": {
        "en": "bundled region boundaries, downloads of official boundaries, checks of a file",
        "id": "batas wilayah bawaan, unduhan batas resmi, pemeriksaan berkas batas"},
    "desc_boundaries": {
        "en": "Region boundaries: summary of the bundled ones, download official ones "
              "(geoBoundaries), check a boundary file. Exit codes: 0 ok, 1 a file that cannot be "
              "matched, 3 missing file, 4 download failure.",
        "id": "Batas wilayah: ringkasan batas bawaan, unduh batas resmi (geoBoundaries), periksa "
              "berkas batas. Kode keluar: 0 ok, 1 berkas yang tidak dapat dicocokkan, 3 berkas "
              "tidak ada, 4 unduhan gagal."},
    "help_cmd_info": {"en": "counts, area and source of the bundled boundaries",
                      "id": "jumlah, luas dan sumber batas bawaan"},
    "desc_info": {"en": "Summary of the bundled boundaries (regions per level, area, file size).",
                  "id": "Ringkasan batas bawaan (wilayah per tingkat, luas, ukuran berkas)."},
    "help_cmd_download": {
        "en": "download official boundaries into the cache (geoBoundaries by default)",
        "id": "unduh batas resmi ke cache (bawaan: geoBoundaries)"},
    "desc_download": {
        "en": "Download boundaries into the cache folder (settings.cache_dir, env "
              "PENGAMPUAN_CACHE_DIR) once; later runs use the cached copy. geoBoundaries IDN is the "
              "2020 BPS/OCHA edition (34 provinces, CC BY 3.0 IGO) without Kemendagri codes; "
              "load_regions() matches it by name.",
        "id": "Unduh batas wilayah ke folder cache (settings.cache_dir, env PENGAMPUAN_CACHE_DIR) "
              "sekali; proses berikutnya memakai salinan di cache. geoBoundaries IDN adalah edisi "
              "BPS/OCHA 2020 (34 provinsi, CC BY 3.0 IGO) tanpa kode Kemendagri; load_regions() "
              "mencocokkannya berdasarkan nama."},
    "help_boundaries_level": {"en": "kabkota (ADM2, default) or provinsi (ADM1)",
                              "id": "kabkota (ADM2, bawaan) atau provinsi (ADM1)"},
    "help_boundaries_url": {"en": "download this file instead of asking the geoBoundaries API",
                            "id": "unduh berkas ini alih-alih bertanya ke API geoBoundaries"},
    "help_boundaries_sha256": {"en": "expected SHA-256 of the file; a mismatch is an error",
                               "id": "SHA-256 berkas yang diharapkan; bila tidak cocok, "
                                     "kesalahan"},
    "help_boundaries_size": {"en": "expected size of the file in bytes",
                             "id": "ukuran berkas yang diharapkan dalam bita"},
    "help_boundaries_timeout": {
        "en": "give up after this many seconds in all, retries included (default: "
              "settings.timeout_s, 30 s, per connect/read and settings.deadline_s, 600 s, in all)",
        "id": "berhenti setelah sekian detik secara total, termasuk percobaan ulang (bawaan: "
              "settings.timeout_s, 30 detik, per sambungan/baca dan settings.deadline_s, 600 "
              "detik, total)"},
    "help_boundaries_cache_dir": {
        "en": "cache folder (default: settings.cache_dir / PENGAMPUAN_CACHE_DIR)",
        "id": "folder cache (bawaan: settings.cache_dir / PENGAMPUAN_CACHE_DIR)"},
    "help_cmd_check": {
        "en": "read a boundary file, match it to Kemendagri codes and print the match report",
        "id": "baca berkas batas, cocokkan dengan kode Kemendagri dan tampilkan laporan "
              "pencocokannya"},
    "desc_check": {
        "en": "Read a boundary file (GeoJSON, GeoPackage, zipped Shapefile, TopoJSON), match it by "
              "code and name to Kemendagri codes and print every row that did not match. Exit "
              "code 1 when a feature cannot be matched.",
        "id": "Baca berkas batas (GeoJSON, GeoPackage, Shapefile ber-zip, TopoJSON), cocokkan "
              "dengan kode Kemendagri menurut kode dan nama, dan tampilkan setiap baris yang tidak "
              "cocok. Kode keluar 1 bila ada fitur yang tidak dapat dicocokkan."},
    "help_boundaries_path": {"en": "the boundary file", "id": "berkas batas"},
    "help_boundaries_code_col": {"en": "column with the region code",
                                 "id": "kolom berisi kode wilayah"},
    "help_boundaries_name_col": {"en": "column with the region name",
                                 "id": "kolom berisi nama wilayah"},
    "help_boundaries_province_col": {"en": "column with the province (code or name)",
                                     "id": "kolom berisi provinsi (kode atau nama)"},
    "help_boundaries_crs": {"en": "CRS of a file that has none, e.g. EPSG:4326",
                            "id": "CRS untuk berkas yang tidak punya CRS, mis. EPSG:4326"},
    "help_boundaries_code_scheme": {
        "en": "scheme of 4-digit codes (default: decided from the data)",
        "id": "skema kode 4 angka (bawaan: ditentukan dari datanya)"},
})

# --- argparse's own words (templates filled by argparse with %-formatting) ---------------------
MESSAGES.update({
    "argparse_usage": {"en": "usage: ", "id": "penggunaan: "},
    "argparse_positional": {"en": "positional arguments", "id": "argumen posisi"},
    "argparse_options": {"en": "options", "id": "opsi"},
    "argparse_help": {"en": "show this help message and exit",
                      "id": "tampilkan bantuan ini lalu keluar"},
    "argparse_error": {"en": "%(prog)s: error: %(message)s\n",
                       "id": "%(prog)s: kesalahan: %(message)s\n"},
    "argparse_required": {"en": "the following arguments are required: %s",
                          "id": "argumen berikut wajib diisi: %s"},
    "argparse_unrecognized": {"en": "unrecognized arguments: %s",
                              "id": "argumen tidak dikenal: %s"},
    "argparse_invalid_choice": {"en": "invalid choice: %(value)r (choose from %(choices)s)",
                                "id": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)"},
    "argparse_argument": {"en": "argument %(argument_name)s: %(message)s",
                          "id": "argumen %(argument_name)s: %(message)s"},
    "argparse_one_value": {"en": "expected one argument", "id": "perlu satu nilai"},
    "argparse_at_least_one": {"en": "expected at least one argument",
                              "id": "perlu paling sedikit satu nilai"},
    "argparse_at_most_one": {"en": "expected at most one argument",
                             "id": "paling banyak satu nilai"},
    "argparse_invalid_value": {"en": "invalid %(type)s value: %(value)r",
                               "id": "nilai %(type)s tidak sah: %(value)r"},
    "argparse_not_allowed": {"en": "not allowed with argument %s",
                             "id": "tidak boleh bersama argumen %s"},
    "argparse_one_required": {"en": "one of the arguments %s is required",
                              "id": "salah satu argumen %s wajib diisi"},
    "argparse_ambiguous": {"en": "ambiguous option: %(option)s could match %(matches)s",
                           "id": "opsi ambigu: %(option)s bisa berarti %(matches)s"},
    "argparse_ignored": {"en": "ignored explicit argument %r",
                         "id": "argumen eksplisit %r diabaikan"},
})

# --- warnings of the analyses (demand, travel, coverage, network) ----------------------------------
MESSAGES.update({
    "hospitals_off_land": {
        "en": "{n} of {total} capable hospitals lie outside the given regions (kode_rs {codes}); "
              "the sea-aware model only knows the land of these regions, so trips to them cross "
              "unknown land as sea. Pass all regions, or a graph built from them: "
              "graph=pg.build_travel_graph(pg.load_regions(level='kabkota'), "
              "extra_points=(ds.rumah_sakit['lon'], ds.rumah_sakit['lat']))",
        "id": "{n} dari {total} RS mampu berada di luar wilayah yang diberikan (kode_rs {codes}); "
              "model darat-laut hanya mengenal daratan wilayah ini, sehingga perjalanan ke RS itu "
              "melintasi daratan yang tidak dikenal sebagai laut. Beri semua wilayah, atau graf "
              "yang dibangun darinya: graph=pg.build_travel_graph(pg.load_regions(level='kabkota'), "
              "extra_points=(ds.rumah_sakit['lon'], ds.rumah_sakit['lat']))"},
    "hospitals_off_land@cli": {
        "en": "{n} of {total} capable hospitals lie outside the kab/kota of --boundaries (kode_rs "
              "{codes}); the sea-aware model only knows the land of these kab/kota, so trips to "
              "them cross unknown land as sea: give a boundary file with every kab/kota, or leave "
              "out --boundaries",
        "id": "{n} dari {total} RS mampu berada di luar kab/kota --boundaries (kode_rs {codes}); "
              "model darat-laut hanya mengenal daratan kab/kota itu, sehingga perjalanan ke RS itu "
              "melintasi daratan yang tidak dikenal sebagai laut: beri berkas batas dengan semua "
              "kab/kota, atau jangan pakai --boundaries"},
    "demand_no_kecamatan": {
        "en": "{n} of {total} regions have no bundled kecamatan (their codes are not Kemendagri "
              "2025 kab/kota codes: {names}); each is measured from one point inside its polygon",
        "id": "{n} dari {total} wilayah tidak punya kecamatan bawaan (kodenya bukan kode kab/kota "
              "Kemendagri 2025: {names}); masing-masing diukur dari satu titik di dalam "
              "poligonnya"},
    "demand_how_code": {"en": "whose '{col}' is no region of regions",
                        "id": "yang '{col}'-nya bukan wilayah dari regions"},
    "demand_how_outside": {"en": "outside every region", "id": "di luar semua wilayah"},
    "demand_points_outside": {
        "en": "{n} of {total} {name} points ({persons:,.0f} persons) lie {how} and are not counted "
              "(index {index})",
        "id": "{n} dari {total} titik {name} ({persons:,.0f} jiwa) berada {how} dan tidak dihitung "
              "(indeks {index})"},
    "upgrades_no_change": {
        "en": "{n} upgrade(s) change nothing: {codes} already have {layanan} at that strata or "
              "higher (status={status!r})",
        "id": "{n} peningkatan tidak mengubah apa pun: {codes} sudah punya {layanan} pada strata itu "
              "atau lebih tinggi (status={status!r})"},
    "kabkota_no_penduduk": {
        "en": "{n} of {total} kab/kota have no penduduk in ds.wilayah; they count as 0 people",
        "id": "{n} dari {total} kab/kota tidak punya penduduk di ds.wilayah; dihitung 0 jiwa"},
    "upgrades_only_some": {
        "en": "only {n} of k={k} upgrades add anything for {layanan} (objective={objective!r}); no "
              "remaining candidate covers a kab/kota not yet covered",
        "id": "hanya {n} dari k={k} peningkatan yang menambah sesuatu untuk {layanan} "
              "(objective={objective!r}); tidak ada kandidat tersisa yang menjangkau kab/kota yang "
              "belum terjangkau"},
    "no_patient_column": {
        "en": "ds.wilayah has no column {col!r}: no kab/kota has patient numbers, so the weekly "
              "totals are <NA> (the per-patient figures are still given)",
        "id": "ds.wilayah tidak punya kolom {col!r}: tidak ada kab/kota dengan jumlah pasien, "
              "sehingga total mingguan <NA> (angka per pasien tetap diberikan)"},
    "patients_unmatched": {
        "en": "{n} wilayah row(s) with {col} match no kab/kota of regions (kode {codes}); their "
              "patients are not counted",
        "id": "{n} baris wilayah dengan {col} tidak cocok dengan kab/kota mana pun di regions (kode "
              "{codes}); pasiennya tidak dihitung"},
    "why_no_higher": {"en": "no hospital of a higher strata exists",
                      "id": "tidak ada RS dengan strata lebih tinggi"},
    "why_all_full": {"en": "every candidate pengampu is full (max_load={max_load})",
                     "id": "semua calon pengampu sudah penuh (max_load={max_load})"},
    "why_either": {"en": "no higher strata, or every candidate is full",
                   "id": "tidak ada strata lebih tinggi, atau semua calon sudah penuh"},
    "no_proposed_pengampu": {
        "en": "{n} hospital(s) with {layanan} got no proposed pengampu ({why}), e.g. {names}; see "
              "result.attrs['tanpa_pengampu']",
        "id": "{n} RS dengan {layanan} tidak mendapat usulan pengampu ({why}), mis. {names}; lihat "
              "result.attrs['tanpa_pengampu']"},
})

# --- no capable hospital (_inputs.py) ---------------------------------------------------------------
MESSAGES.update({
    "no_capable_fasilitas": {
        "en": "no hospital reported fasilitas={fasilitas!r} with the evidence grades asked for ({n} "
              "hospital(s) in fasilitas.csv have it at all)",
        "id": "tidak ada RS yang melaporkan fasilitas={fasilitas!r} dengan tingkat bukti yang "
              "diminta ({n} RS di fasilitas.csv memilikinya)"},
    "no_capable_layanan": {
        "en": "no hospital has layanan={layanan!r} at strata {min_strata!r} or higher "
              "(status={status!r}); {n_all} hospital(s) have layanan {layanan!r} at all ({n_ada} "
              "with a current strata, status 'ada'); {hint}",
        "id": "tidak ada RS dengan layanan={layanan!r} pada strata {min_strata!r} atau lebih tinggi "
              "(status={status!r}); {n_all} RS punya layanan {layanan!r} ({n_ada} dengan strata "
              "saat ini, status 'ada'); {hint}"},
    "hint_lower_strata": {"en": "lower min_strata", "id": "turunkan min_strata"},
    "hint_lower_strata@cli": {"en": "try a lower --min-strata", "id": "coba --min-strata yang lebih "
                                                                     "rendah"},
    "hint_status_target": {"en": " or use status='target'", "id": " atau pakai status='target'"},
    "hint_status_target@cli": {"en": " or --status target", "id": " atau --status target"},
    "capable_no_lat_lon": {
        "en": "rumah_sakit: {n} capable hospital(s) have no lat/lon (kode_rs {codes}); fix the data",
        "id": "rumah_sakit: {n} RS mampu tidak punya lat/lon (kode_rs {codes}); perbaiki datanya"},
})

MESSAGES.update({
    "cfg_positive": {"en": "{name}={value!r} must be > 0", "id": "{name}={value!r} harus > 0"},
    "cfg_not_negative": {"en": "{name}={value!r} must be >= 0", "id": "{name}={value!r} harus >= 0"},
    "cfg_not_strata": {"en": "{name}={value!r} is not a strata; expected one of {values}",
                       "id": "{name}={value!r} bukan strata; seharusnya salah satu dari {values}"},
    "cfg_target_layanan": {"en": "target_layanan contains {value!r}; expected one of {values}",
                           "id": "target_layanan berisi {value!r}; seharusnya salah satu dari "
                                 "{values}"},
    "cfg_invalid": {"en": "invalid Config: {problems}", "id": "Config tidak sah: {problems}"},
})

# --- report scope and travel model ------------------------------------------------------------------
MESSAGES.update({
    "scope_provinces": {"en": "{n} provinces: {names}", "id": "{n} provinsi: {names}"},
    "scope_no_overlap": {
        "en": "none of the {n} kab/kota codes of wilayah.csv (e.g. {example}) is among the codes "
              "of the {n_regions} kab/kota boundaries; every boundary is used. Check that "
              "wilayah.csv uses Kemendagri codes",
        "id": "tidak satu pun dari {n} kode kab/kota di wilayah.csv (mis. {example}) ada di antara "
              "kode {n_regions} batas kab/kota; semua batas dipakai. Periksa apakah wilayah.csv "
              "memakai kode Kemendagri"},
    "scope_missing_boundary": {
        "en": "{n} kab/kota of wilayah.csv have no boundary and are left out of the analysis: "
              "{codes}",
        "id": "{n} kab/kota di wilayah.csv tidak punya batas wilayah dan tidak ikut dianalisis: "
              "{codes}"},
    "scope_from_data": {
        "en": "scope taken from wilayah.csv: {n_kab} kab/kota in {n_prov} province(s) ({names})",
        "id": "cakupan diambil dari wilayah.csv: {n_kab} kab/kota di {n_prov} provinsi ({names})"},
    "report_travel_simple": {
        "en": "Travel time: simple model: great-circle distance x circuity factor {circuity} at "
              "{road} km/h by road; sea crossings are not modelled (trips to and from islands "
              "count as if by road).",
        "id": "Waktu tempuh: model sederhana: jarak garis lurus x faktor kelokan {circuity} "
              "dengan {road} km/jam lewat darat; penyeberangan laut tidak dimodelkan (perjalanan "
              "dari dan ke pulau dihitung seolah lewat darat)."},
    "travel_resolution": {"en": " at resolution {res}", "id": " resolusi {res}"},
    "report_travel_sea": {
        "en": "Travel time: land and sea model: H3 graph{res}; on land distance x "
              "circuity factor {circuity} at {road} km/h, at sea {sea} km/h plus {boarding} min "
              "of waiting and boarding per crossing; crossings up to {crossing} km.",
        "id": "Waktu tempuh: model darat-laut: graf H3{res}; darat: jarak x faktor "
              "kelokan {circuity} dengan {road} km/jam, laut {sea} km/jam ditambah {boarding} "
              "menit menunggu dan naik kapal tiap penyeberangan; penyeberangan hingga "
              "{crossing} km."},
    "help_report_travel": {
        "en": "travel-time model: 'simple' (default: straight-line km x circuity factor at a "
              "road speed; sea crossings not modelled) or 'sea' (H3 land/sea graph with ferry "
              "crossings)",
        "id": "model waktu tempuh: 'simple' (bawaan: jarak garis lurus x faktor kelokan pada "
              "kecepatan jalan darat; penyeberangan laut tidak dimodelkan) atau 'sea' (graf "
              "darat/laut H3 dengan penyeberangan)"},
    "network_more_checks": {
        "en": "... {n} more findings not shown (--limit 0 for all)",
        "id": "... {n} temuan lagi tidak ditampilkan (--limit 0 untuk semua)"},
})
