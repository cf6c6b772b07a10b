"""One province from what a user types: a Kemendagri code or a name, in any common spelling.

Shared by the command line (``pengampuan report --provinsi``) and every
function with a ``provinsi=`` keyword, so ``17``, ``"Bengkulu"``,
``"PROVINSI BENGKULU"``, ``"DKI"``, ``"Jakarta"``, ``"DIY"``, ``"Jabar"`` and
``"Papua Barat Daya"`` are read the same way everywhere.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import pandas as pd

from ._messages import msg
from ._textnorm import fold, normalise_region_code, region_key
from .errors import RegionMatchError

__all__ = ["resolve_provinsi", "PROVINSI_SINGKATAN"]

_KEP = re.compile(r"\bkep\s+")  # "Kep. Riau" = Kepulauan Riau
_SUMATRA = re.compile(r"\bsumatra\b")  # the English spelling

#: Short names in everyday use (official abbreviations of the provincial governments and
#: the press) -> Kemendagri province code. Old names (Irian Jaya, NAD, ...) are in
#: :data:`pengampuan.regions.PROVINCE_ALIASES`, which is used too.
PROVINSI_SINGKATAN: tuple[tuple[str, str], ...] = (
    ("Sumut", "12"), ("Sumbar", "13"), ("Sumsel", "16"), ("Babel", "19"), ("Kepri", "21"),
    ("DKI", "31"), ("Jabar", "32"), ("Jateng", "33"), ("DIY", "34"), ("Jogja", "34"),
    ("Jogjakarta", "34"), ("Jatim", "35"), ("NTB", "52"), ("NTT", "53"), ("Kalbar", "61"),
    ("Kalteng", "62"), ("Kalsel", "63"), ("Kaltim", "64"), ("Kaltara", "65"), ("Sulut", "71"),
    ("Sulteng", "72"), ("Sulsel", "73"), ("Sultra", "74"), ("Sulbar", "76"), ("Malut", "82"),
    ("Pabar", "92"), ("Papua Barat Daya", "96"), ("PBD", "96"),
    # Jakarta's name since UU 2/2024 (Daerah Khusus Jakarta) and more everyday spellings
    ("DKJ", "31"), ("Daerah Khusus Jakarta", "31"), ("Jkt", "31"), ("Yogya", "34"),
    ("Jogya", "34"), ("Kepulauan Babel", "19"), ("Papteng", "94"), ("Papsel", "93"),
)


def resolve_provinsi(value: Any, provinces: pd.DataFrame | None = None) -> tuple[str, str]:
    """
    The ``(kode, nama)`` of one province, given its code or its name.

    Codes may be written ``17``, ``"17"`` or ``" 17 "``. Names are matched
    without regard to case, accents, punctuation or a leading "Provinsi",
    "DKI", "Daerah Istimewa" (so ``"banten"``, ``"Jakarta"``,
    ``"Yogyakarta"`` work), and common short names (``"DKI"``, ``"DIY"``,
    ``"Jabar"``, ``"NTT"``: :data:`PROVINSI_SINGKATAN`) and old names (Irian
    Jaya, NAD) are known.

    Parameters
    ----------
    value : str or int
        What the user typed.
    provinces : DataFrame, optional
        The province list (``kode``, ``nama``; rows with ``tingkat`` other
        than ``provinsi`` are ignored), e.g. ``ds.wilayah``. Default: the
        bundled Kemendagri list of 38 provinces.

    Returns
    -------
    tuple of str
        Kemendagri code and name, e.g. ``("17", "Bengkulu")``.

    Raises
    ------
    RegionMatchError
        (a ``ValueError``) when the value names no province of the list; the
        message lists the closest names, or says when a kab/kota code was given.

    Examples
    --------
    >>> resolve_provinsi(17), resolve_provinsi("banten"), resolve_provinsi("DKI")
    (('17', 'Bengkulu'), ('36', 'Banten'), ('31', 'Daerah Khusus Ibukota Jakarta'))
    >>> resolve_provinsi("Yogyakarta")[0], resolve_provinsi("papua barat daya")[0]
    ('34', '96')
    >>> resolve_provinsi("Bengkuluu")
    Traceback (most recent call last):
    ...
    pengampuan.errors.RegionMatchError: provinsi 'Bengkuluu' tidak dikenal; ...: 17 Bengkulu
    """
    table = _province_table(provinces)
    kode_of = dict(zip(table["kode"], table["nama"], strict=True))
    text = "" if value is None else str(value).strip()
    if not text:
        raise RegionMatchError(msg("provinsi_empty"))
    code = normalise_region_code(value)
    if code is not None:
        if code in kode_of:
            return code, kode_of[code]
        if "." in code and code.split(".")[0] in kode_of:
            parent = code.split(".")[0]
            raise RegionMatchError(msg("provinsi_is_kabkota", text=text, parent=parent,
                                       nama=kode_of[parent]))
        raise RegionMatchError(msg("provinsi_bad_code", text=text,
                                   codes=", ".join(sorted(kode_of))))
    by_key: dict[str, str] = {}
    for kode, nama in kode_of.items():
        by_key.setdefault(region_key(nama), kode)
        by_key.setdefault(region_key(fold(nama)), kode)
    from .regions import PROVINCE_ALIASES

    extra = [(old, kode) for old, _, kode in PROVINCE_ALIASES] + list(PROVINSI_SINGKATAN)
    for alias, kode in extra:
        if kode in kode_of:
            by_key.setdefault(region_key(alias), kode)
    # "DKI" alone is both a prefix and the short name of Jakarta
    folded = _SUMATRA.sub("sumatera", _KEP.sub("kepulauan ", fold(text)))
    keys = [region_key(text), region_key(folded), fold(text).replace(" ", "")]
    for key in keys:
        if key in by_key:
            kode = by_key[key]
            return kode, kode_of[kode]
    key = keys[1] or keys[2]
    names = [f"{k} {n}" for k, n in kode_of.items()]
    close = difflib.get_close_matches(key, list(by_key), n=4, cutoff=0.6)
    close_codes = list(dict.fromkeys(by_key[c] for c in close))
    hint = (msg("provinsi_close", close=", ".join(f"{k} {kode_of[k]}" for k in close_codes))
            if close_codes else msg("provinsi_all", names=", ".join(names)))
    raise RegionMatchError(msg("provinsi_unknown", text=text, hint=hint))


def _province_table(provinces: pd.DataFrame | None) -> pd.DataFrame:
    if provinces is None:
        from .regions import region_list

        table = region_list("provinsi")
    else:
        missing = [c for c in ("kode", "nama") if c not in provinces.columns]
        if missing:
            raise ValueError(f"the province list lacks column(s) {missing}; expected kode, nama")
        table = provinces
        if "tingkat" in table:
            table = table[table["tingkat"].astype(str) == "provinsi"]
        else:
            table = table[~table["kode"].astype(str).str.contains(".", regex=False)]
    out = pd.DataFrame({"kode": table["kode"].astype(str).str.strip(),
                        "nama": table["nama"].astype(str).str.strip()})
    out = out.drop_duplicates("kode")
    if out.empty:
        raise ValueError("the province list is empty")
    return out.reset_index(drop=True)
