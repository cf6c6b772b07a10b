"""Normalisation of Indonesian region and hospital names for matching.

Shared by region matching (``regions.match_regions``), hospital name matching
in the data script and the validator.
"""

from __future__ import annotations

import re
import unicodedata

_REGION_PREFIX = re.compile(
    r"^(?:kabupaten\s+administrasi|kota\s+administrasi|kabupaten|kab\.?|kota\s+adm\.?|"
    r"kota|kodya|kotamadya|provinsi|prov\.?|daerah\s+khusus\s+ibukota|dki|"
    r"daerah\s+istimewa|d\.?i\.?)\s+"
)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: object) -> str:
    """Lower-case, strip accents, punctuation to single spaces.

    Examples
    --------
    >>> fold("  KAB. Rejang-Lebong ")
    'kab rejang lebong'
    """
    s = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(_NON_ALNUM.sub(" ", s.lower()).split())


def region_key(name: object) -> str:
    """Key for matching a kab/kota or province name: no prefix, no spaces.

    ``"KAB. REJANG LEBONG"``, ``"Kabupaten Rejang Lebong"`` and
    ``"Rejang Lebong"`` give the same key. Spaced-out spellings of the BPS list
    (``"S I A K"``) fold too.

    Examples
    --------
    >>> region_key("KAB. REJANG LEBONG") == region_key("Kabupaten Rejang Lebong") == "rejanglebong"
    True
    >>> region_key("Kota Administrasi Jakarta Pusat")
    'jakartapusat'
    """
    s = str(name).strip().lower()
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    prev = None
    while prev != s:
        prev = s
        s = _REGION_PREFIX.sub("", s.strip())
    return _NON_ALNUM.sub("", s)


def region_kind(name: object) -> str | None:
    """'kota', 'kabupaten' or None from a name's prefix.

    Examples
    --------
    >>> region_kind("KOTA BENGKULU"), region_kind("Kab. Lebong"), region_kind("Lebong")
    ('kota', 'kabupaten', None)
    """
    s = fold(name)
    if re.match(r"^(kota|kodya|kotamadya)\b", s):
        return "kota"
    if re.match(r"^(kabupaten|kab)\b", s):
        return "kabupaten"
    return None


_HOSPITAL_WORDS = [
    (r"\brumah sakit umum pusat nasional\b", "rsupn"),
    (r"\brumah sakit umum pusat\b", "rsup"),
    (r"\brumah sakit umum daerah\b", "rsud"),
    (r"\brumah sakit umum\b", "rsu"),
    (r"\brumah sakit khusus\b", "rsk"),
    (r"\brumah sakit\b", "rs"),
    (r"\bprofesor\b", "prof"),
    (r"\bdokter\b", "dr"),
]


def hospital_key(name: object) -> str:
    """Folded hospital name with the usual long forms abbreviated.

    Examples
    --------
    >>> hospital_key("Rumah Sakit Umum Daerah Dr. M. Yunus")
    'rsud dr m yunus'
    """
    s = fold(name)
    for pattern, repl in _HOSPITAL_WORDS:
        s = re.sub(pattern, repl, s)
    return s


_CODE_RE = re.compile(r"^\s*(\d{2})(?:\s*[.\-\s]?\s*(\d{2}))?\s*$")


def normalise_region_code(value: object) -> str | None:
    """Kemendagri-style code ``PP`` or ``PP.KK`` from ``17.02``, ``1702``, ``17 02``, ``17-02``.

    Returns None when the value is not a 2- or 4-digit code. Whether a 4-digit
    code is Kemendagri or BPS is *not* decided here.

    Examples
    --------
    >>> [normalise_region_code(v) for v in ("17.02", "1702", "17 02", 1702, "17", "x")]
    ['17.02', '17.02', '17.02', '17.02', '17', None]
    """
    if value is None:
        return None
    if isinstance(value, float):
        if value != value:
            return None
        if value.is_integer():
            value = int(value)
    m = _CODE_RE.match(str(value))
    if not m:
        return None
    return m.group(1) if m.group(2) is None else f"{m.group(1)}.{m.group(2)}"
