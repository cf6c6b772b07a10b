# ruff: noqa: E501  (doctest output lines)
"""Texts of the messages about input files, downloads and report folders, in one place.

Each message is a template keyed by an id; :func:`msg` fills it in. Keeping
the texts here (instead of f-strings spread over the readers) lets them be
translated or reworded without touching the checks. The module imports
nothing from the package, so any module may use it.

Examples
--------
>>> msg("file_only_separators", sep=";", required=["kode_rs"])
"holds only separators (';') and no values; expected a header row with the columns ['kode_rs'] and one row per record"
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, str] = {
    # --- what a file is (sniffed from its first bytes) -------------------------------------
    "file_excel_xlsx": (
        "is an Excel workbook (.xlsx) with a .csv name, not CSV text; open it in Excel and "
        "save it as 'CSV UTF-8 (Comma delimited)' named {expected}"),
    "file_excel_xls": (
        "is an old Excel workbook (.xls, OLE2 format) with a .csv name, not CSV text; open it "
        "in Excel and save it as 'CSV UTF-8 (Comma delimited)' named {expected}"),
    "file_ods": (
        "is a LibreOffice/OpenOffice spreadsheet (.ods), not CSV text; save it as 'Text CSV' "
        "(UTF-8, comma) named {expected}"),
    "file_binary_kind": (
        "is a {kind} file, not CSV text; expected {expected}, a text table with one header row"),
    "file_binary": (
        "is a binary file ({detail}), not CSV text; expected {expected}, a text table with one "
        "header row"),
    "file_utf16_no_bom": (
        "UTF-16 text without a byte-order mark detected ({order}); read as UTF-16: save as "
        "'CSV UTF-8' next time"),
    "file_utf32": "UTF-32 text detected; read as UTF-32: save as 'CSV UTF-8' next time",
    "file_unreadable": "cannot be read ({reason})",
    "file_only_separators": (
        "holds only separators ({sep!r}) and no values; expected a header row with the "
        "columns {required} and one row per record"),
    "file_only_quotes": (
        "holds only quote characters and separators, no values; expected a header row with "
        "the columns {required} and one row per record"),
    "header_below_title": (
        "the header seems to be on row {header_row} (it has the columns {found}); the "
        "{n_above} row(s) above it ({above}) look like a title: delete them so that the "
        "header is row 1; the rows below were checked as if it were"),
    # --- quoting and line breaks --------------------------------------------------------------
    "quote_unclosed": (
        "a quote (\") opens the value of column {column!r} and is not closed on this line "
        "(line {line} of the file), so a CSV reader takes {what} into that one value; "
        "close the quote or remove it (a quote inside a value must be doubled: \"\")"),
    "quote_swallowed_lines": "the next {n} line(s) (lines {first}-{last})",
    "quote_swallowed_rest": "every line up to the end of the file ({n} line(s))",
    "quote_multiline_value": (
        "a quoted value spans lines {first}-{last} of the file (a line break inside the "
        "value), so the file has more lines than rows; read as one row with the line "
        "break(s) replaced by a space: check that the quote was meant to span lines"),
    "record_unreadable": "cannot be read as CSV ({reason})",
    # --- characters inside values -------------------------------------------------------------
    "invisible_chars": (
        "{n} cell(s) hold invisible character(s) {chars} (first in row {row}: {shown}); "
        "removed: they make codes that look equal differ"),
    "nbsp_chars": (
        "{n} cell(s) hold non-breaking space(s) {chars} (first in row {row}: {shown}); read as "
        "ordinary spaces"),
    "thousands_in_whole_number": (
        "is not a whole number; it looks like {plain} written with a thousands separator "
        "{sep!r}: write {plain}"),
    # --- file names in a data folder ------------------------------------------------------------
    "name_near_miss_read": (
        "found {found!r} instead of {expected!r} ({why}); it was read as {expected}: rename it "
        "{expected!r} (in {folder})"),
    "name_near_miss_excel": (
        "found {found!r} instead of {expected!r} ({why}); data is read from CSV files only: "
        "open it in a spreadsheet and save it as 'CSV UTF-8 (Comma delimited)' named "
        "{expected!r} (in {folder})"),
    "name_near_miss_several": (
        "found several files that could be {expected!r}: {found}; keep one and name it "
        "{expected!r} (in {folder})"),
    "name_other_files": " (the folder holds {found})",
    # --- hospital points and their kab/kota ----------------------------------------------------
    "point_in_other_region": (
        "the point lies in {other}, {km:.1f} km outside {own} (its kode_wilayah); {hint}"),
    "point_at_sea": (
        "the point lies outside every kab/kota (at sea?), {km:.1f} km from {own} (its "
        "kode_wilayah); {hint}"),
    "point_hint_lat_sign": (
        "with latitude {lat:g} it would lie in {own}: the sign of the latitude is wrong (south "
        "of the equator is negative)"),
    "point_hint_other_region": (
        "if the hospital stands there, kode_wilayah should be {other} (a decree's listing "
        "goes in kode_wilayah_sk); else correct lat/lon"),
    "point_hint_sea": "check lat/lon (digits dropped or shifted? lat and lon swapped?)",
    "points_other_region_list": (
        "{n} kab/kota code(s) of wilayah.csv name another region than the Kemendagri list "
        "(e.g. {example}, which is {bundled!r} there): the points of their hospitals were not "
        "checked against the bundled boundaries"),
    "same_hospital_twice": (
        "rows {rows} have the same name ({nama!r}) and points {km:.2f} km apart under two codes "
        "({codes}): the same hospital twice? keep one row and move its layanan and jejaring rows "
        "to its code"),
    # --- downloads --------------------------------------------------------------------------------
    "download_offline": (
        "{url}: not in the cache ({target}) and offline mode is on (settings.offline / "
        "PENGAMPUAN_OFFLINE); download it on a connected machine and copy it to {target}"),
    "download_cache_folder": (
        "{url}: cannot create the cache folder {folder} ({reason}); set settings.cache_dir or "
        "the environment variable PENGAMPUAN_CACHE_DIR to a writable folder"),
    "download_deadline": (
        "{url}: gave up after {seconds:g} s in all while {doing} (settings.deadline_s; the "
        "command line's --timeout): the server is too slow or does not answer"),
    "download_redirects": (
        "{url}: too many redirects (a redirect loop?): {reason}; check the URL"),
    "download_bad_request": "{url}: cannot be requested ({reason}); check the URL",
    "download_retry_after": (
        "{url}: {reason}, and the server asks to wait {wait:g} s before trying again (longer "
        "than the {limit:g} s this download may still wait); try again later"),
    "download_empty": "{url}: the server answered with an empty body; nothing was cached",
    "download_html": (
        "{url}: the server answered with an HTML page{title}, not {expected} (an error or login "
        "page sent with HTTP 200?); nothing was cached: check the URL in a browser"),
    "download_not_kind": "{url}: the answer is not {expected} ({found}); nothing was cached",
    "download_bad_gzip": (
        "{url}: the gzip file is damaged or incomplete ({reason}); nothing was cached"),
    "download_bad_zip": (
        "{url}: the zip file is damaged or incomplete ({reason}); nothing was cached"),
    "download_bad_json": (
        "{url}: the answer does not parse as JSON/GeoJSON ({reason}); truncated or not a "
        "GeoJSON file; nothing was cached"),
    "download_error_json": (
        "{url}: the server answered with JSON that is not GeoJSON, probably an error message: "
        "{shown}; nothing was cached"),
    "download_no_features": "{url}: the GeoJSON file has no features; nothing was cached",
}


def msg(key: str, /, **values: Any) -> str:
    """The message ``key`` filled in with ``values``.

    Examples
    --------
    >>> msg("quote_swallowed_lines", n=2, first=5, last=6)
    'the next 2 line(s) (lines 5-6)'
    """
    return MESSAGES[key].format(**values)


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
