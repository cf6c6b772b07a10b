"""Checks across the tables of a data folder.

Codes that must exist in another file (a kode_rs of a layanan or a link, a
kab/kota of the region list, with hints for BPS and pre-2022 Papua codes),
repeated layanan and fasilitas rows, and a pengampu whose strata is not above
its diampu's.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import numpy as np
import pandas as pd

from .._messages import msg
from ..config import NON_KLINIS, Config
from .contract import FILES, OPTIONAL_FILES, ROW
from .problems import _Problems, _rows_text
from .read import _RawTable
from .values import bps_crosswalk


def _check_layanan_rows(lay: pd.DataFrame, problems: _Problems) -> tuple[pd.DataFrame, int]:
    """Rows repeating (kode_rs, layanan, status, tahun).

    Rows identical in every column are skipped (warning). Rows with the same
    strata but another ``sumber`` confirm each other (note, kept). Rows with
    different strata contradict each other (warning, kept: the highest is used).
    Rows with another ``tahun`` are separate facts (e.g. a target for 2024 and
    one for 2025) and are not repeats.
    """
    file = FILES["layanan"]
    ok = (lay["kode_rs"] != "") & (lay["layanan"] != "") & (lay["strata"] != "")
    key = ["kode_rs", "layanan", "status", "tahun"]
    content = [c for c in lay.columns if c != ROW]
    exact = ok & lay.duplicated(content, keep="first")
    drop = list(lay.index[exact])
    for idx in drop:
        first = lay[(lay[content] == lay.loc[idx, content]).all(axis=1)].iloc[0]
        problems.add(file, msg("repeats_row", row=int(first[ROW])),
                     row=int(lay.loc[idx, ROW]),
                     column="kode_rs", value=lay.loc[idx, "kode_rs"], severity="warning")
    rest = lay.drop(index=drop)
    keyed = rest.assign(tahun=rest["tahun"].astype("string").fillna(""))
    dup = keyed[ok.loc[rest.index] & keyed.duplicated(key, keep=False)]
    for (kode, layanan, status, tahun), grp in dup.groupby(key, sort=False):
        rows = grp[ROW].tolist()
        strata = list(dict.fromkeys(grp["strata"]))
        what = msg("layanan_row_what", kode=kode, layanan=layanan, status=status) + (
            f", tahun {tahun}" if tahun else "")
        if len(strata) == 1:
            problems.add(file, msg("layanan_same_strata", what=what, rows=_rows_text(rows)),
                         row=rows[1], column="kode_rs", value=kode, severity="note")
        else:
            problems.add(file, msg("layanan_other_strata", what=what, rows=_rows_text(rows),
                                   strata=", ".join(map(repr, strata))), row=rows[1],
                         column="strata", value=grp["strata"].iloc[1], severity="warning")
    return rest, len(drop)


def _check_fasilitas_rows(fas: pd.DataFrame, problems: _Problems) -> tuple[pd.DataFrame, int]:
    """Exact repeats of a fasilitas row are skipped (warning); other repeats are kept."""
    file = OPTIONAL_FILES["fasilitas"]
    content = [c for c in fas.columns if c != ROW]
    exact = fas.duplicated(content, keep="first") & (fas["kode_rs"] != "")
    for idx in fas.index[exact]:
        problems.add(file, msg("repeats_earlier_row"), row=int(fas.loc[idx, ROW]),
                     column="kode_rs", value=fas.loc[idx, "kode_rs"], severity="warning")
    return fas[~exact], int(exact.sum())


def _check_kode_wilayah_sk(rs: pd.DataFrame, wil: pd.DataFrame, problems: _Problems) -> None:
    """kode_wilayah_sk, when given, must be a kab/kota of the region list."""
    file = FILES["rumah_sakit"]
    kab = set(wil.loc[wil["kode"].str.len() == 5, "kode"])
    sk = rs["kode_wilayah_sk"]
    bad = ((sk != "") & ~sk.isin(kab)).to_numpy()
    for row, value in zip(rs[ROW].to_numpy()[bad], sk.to_numpy()[bad], strict=True):
        problems.add(file, msg("kode_sk_unknown", file=FILES["wilayah"]), row=int(row),
                     column="kode_wilayah_sk", value=value)


def _unreadable_codes(raw: _RawTable | None) -> dict[str, int]:
    """kode_rs (as far as it can be seen) of rumah_sakit rows that could not be read -> row."""
    if raw is None or "kode_rs" not in raw.columns:
        return {}
    i = raw.columns.index("kode_rs")
    return {cells[i].strip(): row for row, cells in raw.unreadable.items() if len(cells) > i}


def _check_known(df: pd.DataFrame, rs: pd.DataFrame, problems: _Problems, columns: list[str],
                 file: str, *, unreadable: Mapping[str, int]) -> None:
    """Every code in ``columns`` must be a kode_rs of rumah_sakit.csv (hint for case typos).

    A code whose rumah_sakit row could not be read gets a note pointing at that
    row (its error is reported there) instead of a second error.
    """
    known = set(rs["kode_rs"]) - {""}
    by_upper: dict[str, str] = {}
    for k in known:
        by_upper.setdefault(k.upper(), k)
    for col in columns:
        s = df[col]
        unknown = ((s != "") & ~s.isin(known)).to_numpy()
        for row, value in zip(df[ROW].to_numpy()[unknown], s.to_numpy()[unknown], strict=True):
            if value in unreadable:
                problems.add(file, msg("kode_rs_row_unreadable", row=unreadable[value],
                                       file=FILES["rumah_sakit"]),
                             row=int(row), column=col, value=value,
                             severity="note")
                continue
            alt = by_upper.get(str(value).upper())
            hint = (msg("hint_did_you_mean_code", alt=alt) if alt
                    else msg("hint_add_hospital"))
            problems.add(file, msg("kode_rs_unknown", file=FILES["rumah_sakit"], hint=hint),
                         row=int(row),
                         column=col, value=value)


def _check_strata_order(links: pd.DataFrame, lay: pd.DataFrame, rs: pd.DataFrame,
                        problems: _Problems, *, config: Config) -> None:
    """Check that a pengampu's strata for the layanan is above the diampu's.

    Each hospital's strata is its current one (status ``ada``) when it has
    one for that layanan, else its highest target. A pengampu below its
    diampu is a warning; the same strata is a warning when both are current,
    and a note when the diampu's is a target (mentoring towards a target the
    pengampu already has, e.g. a national hospital and a province hospital
    that aims at ``paripurna``). A pengampu without any strata for the
    layanan is a warning.
    """
    file = FILES["jejaring"]
    known = set(rs["kode_rs"])
    order = {s: i for i, s in enumerate(config.strata_order)}
    valid = lay[(lay["strata"] != "") & (lay["layanan"] != "")]
    ranks = valid.assign(rank=valid["strata"].map(order), ada=valid["status"] == "ada")
    top = (ranks.sort_values(["ada", "rank"])
           .groupby(["kode_rs", "layanan"], sort=False).tail(1))
    best = {(k, lay): (strata, bool(ada)) for k, lay, strata, ada
            in zip(top["kode_rs"], top["layanan"], top["strata"], top["ada"], strict=True)}
    ok = (links["pengampu"].isin(known) & links["diampu"].isin(known) & (links["layanan"] != "")
          & (links["pengampu"] != links["diampu"]) & ~links["layanan"].isin(NON_KLINIS))
    sub = links[ok]
    for p, d, layanan, row in zip(sub["pengampu"], sub["diampu"], sub["layanan"], sub[ROW],
                                  strict=True):
        pk, dk = (p, layanan), (d, layanan)
        if pk not in best:
            problems.add(file, msg("pengampu_no_strata", p=p, layanan=layanan,
                                   file=FILES["layanan"]), row=int(row),
                         column="pengampu", value=p, severity="warning")
            continue
        if dk not in best:
            continue
        (ps, p_ada), (ds, d_ada) = best[pk], best[dk]
        if order[ps] > order[ds]:
            continue
        p_status = msg("status_current" if p_ada else "status_target")
        d_status = msg("status_current" if d_ada else "status_target")
        equal_towards_target = order[ps] == order[ds] and not d_ada
        problems.add(file, msg("pengampu_strata_same" if order[ps] == order[ds]
                               else "pengampu_strata_below",
                               p=p, ps=ps, p_status=p_status, layanan=layanan, d=d, ds=ds,
                               d_status=d_status, order=" < ".join(config.strata_order)),
                     row=int(row),
                     column="pengampu", value=p,
                     severity="note" if equal_towards_target else "warning")


#: Kemendagri province codes of Papua since the 2022 split.
_PAPUA = frozenset({"91", "92", "93", "94", "95", "96"})


@lru_cache(maxsize=1)
def _papua_2022() -> Mapping[str, str]:
    """Pre-2022 Kemendagri kab/kota codes in Papua -> current codes (from the BPS crosswalk)."""
    cw = bps_crosswalk()
    col = next((c for c in ("kode_kemendagri_2020_di_sumber", "kode_kemendagri_2020") if c in cw),
               None)
    if col is None:
        return {}
    old = cw[col].str.replace(".", "", regex=False).str.strip()
    old = old.str.slice(0, 2) + "." + old.str.slice(2, 4)
    papua = cw["kode"].str.slice(0, 2).isin(sorted(_PAPUA))
    sel = papua & (old != cw["kode"]) & (old.str.len() == 5)
    return dict(zip(old[sel], cw.loc[sel, "kode"], strict=True))


def _check_kode_wilayah(rs: pd.DataFrame, raw: _RawTable, wil: pd.DataFrame, problems: _Problems,
                        *, code_scheme: str) -> None:
    """Check that kode_wilayah is a kab/kota of the region list (hints: BPS, old Papua codes)."""
    file = FILES["rumah_sakit"]
    kab = wil[wil["kode"].str.len() == 5]  # 'PP.KK'; a bad tingkat is reported on its own
    names = dict(zip(kab["kode"], kab["nama"], strict=True))
    codes = rs["kode_wilayah"]
    given = raw.data["kode_wilayah"].reindex(rs.index)
    rows = rs[ROW].to_numpy()
    unknown = ((codes != "") & ~codes.isin(set(names))).to_numpy()
    cw = bps_crosswalk()
    bps = dict(zip(cw["kode_bps"], cw["kode"], strict=True))
    bps_names = (dict(zip(cw["kode_bps"], cw["nama_bps"], strict=True)) if "nama_bps" in cw
                 else {})
    papua = _papua_2022()
    for i in np.flatnonzero(unknown):
        code, value = codes.iloc[i], given.iloc[i]
        if code_scheme == "kemendagri" and value.isdigit() and len(value) == 4 and value in bps:
            new = bps[value]
            label = names.get(new) or bps_names.get(value, "")
            text = msg("bps_code_given", new=new, label=label)
            if code in papua:
                text += msg("or_pre2022_code", new=papua[code])
            elif code[:2] in _PAPUA:
                text += msg("or_pre2022_any")
        elif code in papua:
            new = papua[code]
            text = msg("papua_split_code", nama=names.get(new) or msg("this_kabkota"), new=new)
        elif code[:2] in _PAPUA:
            text = msg("papua_split_any", file=FILES["wilayah"])
        else:
            text = msg("kabkota_unknown", file=FILES["wilayah"], n=len(names))
        problems.add(file, text, row=int(rows[i]), column="kode_wilayah", value=value)
    if code_scheme != "kemendagri" or not len(cw):
        return
    # 4-digit codes read as Kemendagri that BPS uses for another kab/kota
    plain = (given.str.fullmatch(r"\d{4}").fillna(False).to_numpy(dtype=bool) & ~unknown)
    ambiguous: dict[str, list[int]] = {}
    for i in np.flatnonzero(plain):
        value = given.iloc[i]
        if value in bps and bps[value] != codes.iloc[i]:
            ambiguous.setdefault(value, []).append(int(rows[i]))
    for value, rws in ambiguous.items():
        code = f"{value[:2]}.{value[2:]}"
        problems.add(file, msg("kemendagri_or_bps", code=code, nama=names.get(code, ""),
                               rows=_rows_text(rws), bps=bps[value],
                               bps_nama=names.get(bps[value], "")),
                     row=rws[0], column="kode_wilayah",
                     value=value, severity="warning")
