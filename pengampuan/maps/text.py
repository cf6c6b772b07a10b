"""Words of the maps (Bahasa Indonesia and English) and the HTML text built from them.

Every value that comes from data is escaped here, with :func:`esc`, before it
reaches a page; the page script only joins these pieces. Links are made only
from ``http://`` and ``https://`` URLs (:func:`linkify`).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from .._messages import fmt_km, fmt_min, fmt_num, fmt_pct  # noqa: F401  (one number format)
from ..config import FASILITAS, FASILITAS_LAYANAN, Config, is_approx_lokasi
from ..palette import BIN_EDGES  # noqa: F401  (re-exported for the maps modules)
from ..travel import travel_description

DASH = "\u2013"
DOT = " \u00b7 "
#: Radius (px) of the marker of a hospital reporting a service (fasilitas layers).
FAS_RADIUS_PX = 5.0
#: SVG dash pattern of a link by its evidence style (0 solid, 1 news, 2 inferred), as
#: drawn by page.js (``D.linkDash``); proposed links: ``USULAN_DASH``.
LINK_DASH: tuple[str | None, ...] = (None, "6 4", "1 4")
USULAN_DASH = "8 4 1 4"

TEXT: dict[str, dict[str, str]] = {
    "id": {
        "of_which_approx": "di antaranya bertumpu pada titik RS perkiraan",
        "approx_pct": "perkiraan",
        "approx_note": ("penduduk dalam ambang waktu yang RS terdekatnya hanya diketahui "
                        "kab/kotanya (titik RS perkiraan)"),
        "title_access": "Akses ke rumah sakit layanan KJSU per kabupaten/kota",
        "title_network": "Jejaring pengampuan rumah sakit",
        "title_coverage": "Capaian target rumah sakit per kabupaten/kota",
        "in_province": "Provinsi {nama}",
        "status_target": "Strata: target (yang direncanakan, mis. KMK HK.01.07/MENKES/1277/2024), "
                         "bukan kondisi saat ini",
        "status_ada": "Strata: yang sudah ada (kondisi saat ini)",
        "empty_status": "{layanan}: tidak ada RS dengan strata \u2265 {strata} berstatus "
                        "'{status}'. Data bawaan berisi strata target: pakai status='target' "
                        "(baris perintah: --status target).",
        "contoh": "DATA CONTOH: sebagian data bersifat ilustratif, bukan data resmi",
        "var_travel_min": "Perkiraan waktu tempuh ke RS terdekat",
        "var_distance_km": "Jarak garis lurus ke RS terdekat",
        "min_strata": "strata minimal",
        "fas_legend": "RS dengan layanan {name} ({sumber})",
        "no_capable": "tidak ada RS yang mampu",
        "no_data": "tanpa data",
        "hospitals": "Rumah sakit",
        "hospitals_other": "RS lain (tanpa layanan terpilih)",
        "hospitals_legend": "Rumah sakit (strata untuk layanan terpilih)",
        "approx": "lokasi perkiraan (desa/kecamatan dari alamat, atau titik di dalam kab/kota)",
        "approx_short": "lokasi perkiraan",
        "outside": "di luar provinsi",
        "loc_sumber": "Lokasi: koordinat dari sumber yang dikutip",
        "loc_rsonline2021": "Lokasi: titik RS Online 2021",
        "loc_kemenkes2019": "Lokasi: titik peta fasilitas Kemenkes 2019 (BPPSDMK)",
        "loc_desa": ("Lokasi perkiraan: pusat desa/kelurahan yang disebut alamat RS (bukan "
                     "titik RS)"),
        "loc_kecamatan": "Lokasi perkiraan: titik di dalam kecamatan yang disebut alamat RS",
        "loc_desa_named": ("Lokasi perkiraan: pusat desa/kelurahan {name} yang disebut alamat RS "
                           "(bukan titik RS)"),
        "loc_kecamatan_named": ("Lokasi perkiraan: titik di dalam kecamatan {name} yang disebut "
                                "alamat RS"),
        "loc_kabkota": "Lokasi perkiraan: titik di dalam kab/kota (bukan lokasi RS)",
        "links": "Jejaring pengampuan",
        "links_legend": "pengampu \u2192 diampu",
        "usulan": "usulan",
        "provinces": "Batas provinsi",
        "context": "Provinsi tetangga",
        "land": "Daratan (batas provinsi)",
        "labels": "Nama kab/kota",
        "below_target": "Belum memenuhi target kab/kota",
        "tiles": "Peta latar OpenStreetMap (perlu internet)",
        "tiles_failed": "Peta latar tidak dapat dimuat (tanpa internet?); dimatikan.",
        "nearest": "RS terdekat",
        "distance": "Jarak (garis lurus)",
        "travel": "Waktu tempuh (perkiraan)",
        "threshold": "Dalam ambang",
        "target_kab": "Target kab/kota",
        "target_prov": "Target provinsi",
        "met": "tercapai",
        "not_met": "belum tercapai",
        "yes": "ya",
        "no": "tidak",
        "n_hospitals": "RS yang memenuhi",
        "by_sk": "menurut SK; RS yang dicantumkan berdiri di kab/kota lain",
        "incl_by_sk": "termasuk {n} menurut SK",
        "kelas": "kelas",
        "layanan": "Layanan",
        "strata": "Strata",
        "pengampu": "Pengampu",
        "mengampu": "Mengampu",
        "bukti": "bukti",
        "rs": "RS",
        "location": "Lokasi",
        "source": "Sumber",
        "sources": "Sumber data dan lisensi",
        "summary": "Ringkasan capaian target",
        "legend": "Legenda",
        "col_prov": "Provinsi",
        "col_kab": "Kab/kota",
        "col_pop": "Penduduk \u2264 ambang waktu",
        "col_links": "Tautan",
        "col_hospitals": "RS",
        "col_penduduk": "Penduduk",
        "col_target": "Target",
        "target_met_legend": "target kab/kota tercapai",
        "target_not_met_legend": "target kab/kota belum tercapai",
        "coverage_legend": "Ada RS dengan strata target di kab/kota",
        "user_data": "Data pengguna (lihat kolom sumber)",
        "hour": "jam",
        "minute": "menit",
        "status_word_ada": "ada",
        "status_word_target": "target",
        "none": "tidak ada",
        "basemap_note": "Peta latar hanya dimuat bila dinyalakan di kontrol lapisan.",
        "population": "Penduduk",
        "pop_within": "Penduduk dalam ambang",
        "near_approx": "lokasi RS terdekat perkiraan",
        "pick": "Pilih provinsi",
        "pick_all": "Seluruh Indonesia",
        "kab_table": "Kab/kota",
        "files": "Berkas laporan",
        "made": "Dibuat {date} dengan pengampuan {version}",
        "prov_met": "Target provinsi (\u2265 {strata})",
        "kab_met": "Kab/kota \u2265 {strata}",
        "reported": "dilaporkan {tahun}",
        "reported_head": "Layanan yang {when} oleh RS (RS Online), bukan strata:",
        "reported_notice": "{layer}: layanan yang {when} oleh RS (RS Online), bukan strata "
                           "dan bukan target KMK",
        "reported_legend": "RS yang melaporkan layanan (bukan strata)",
        "reported_list": "Layanan yang {when} (RS Online, bukan strata)",
        "approx_mark": "\u2265 {pct} penduduk: RS terdekat di lokasi perkiraan",
        "approx_layer": "Bertumpu pada titik RS perkiraan",
        "approx_share": "Penduduk dengan RS terdekat di lokasi perkiraan",
        "kecamatan": "Kecamatan (waktu tempuh per kecamatan)",
        "kecamatan_distance": "Kecamatan (jarak per kecamatan)",
        "kec_legend": "Kecamatan: warna per kecamatan (titik kecamatan), kelas yang sama",
        "grid": "Grid H3 resolusi {res} (\u2248 {area} km\u00b2 per sel)",
        "grid_legend": "Grid H3: warna per sel (jarak dari pusat sel), kelas yang sama; "
                       "batas kab/kota tetap dapat diklik",
        "grid_none": "tidak ada grid untuk lapisan ini",
        "kab_of": "Kab/kota",
        "fas_hemodialisis": "Hemodialisis",
        "fas_cathlab": "Cathlab (jantung intervensi)",
        "fas_bedah_jantung": "Bedah jantung",
        "fas_radioterapi": "Radioterapi",
        "fas_bedah_onkologi": "Bedah onkologi",
        "fas_kemoterapi": "Kemoterapi (hemato-onkologi)",
        "fas_kedokteran_nuklir": "Kedokteran nuklir",
        "fas_stroke_unit": "Unit stroke",
        "fas_bedah_saraf": "Bedah saraf",
        "fas_nefrologi": "Nefrologi",
        "fas_urologi": "Urologi",
        "bukti_legend": "Bukti tautan",
        "bukti_regulasi": "regulasi / dokumen (garis penuh)",
        "bukti_berita": "berita (garis putus pendek)",
        "bukti_inferensi": "inferensi proyek ini (garis titik; di luar analisis bawaan)",
    },
    "en": {
        "of_which_approx": "of which resting on an approximate hospital point",
        "approx_pct": "approx.",
        "approx_note": ("of the people within the threshold, those whose nearest hospital is known "
                        "only by its kab/kota (an approximate hospital point)"),
        "title_access": "Access to KJSU hospitals by district (kabupaten/kota)",
        "title_network": "Hospital mentoring network (pengampuan)",
        "title_coverage": "Hospital targets met by district (kabupaten/kota)",
        "in_province": "Province {nama}",
        "status_target": "Strata: targets (planned, e.g. KMK HK.01.07/MENKES/1277/2024), "
                         "not the current situation",
        "status_ada": "Strata: current (ada)",
        "empty_status": "{layanan}: no hospital at strata \u2265 {strata} with status "
                        "'{status}'. The bundled data holds target strata: use "
                        "status='target' (command line: --status target).",
        "contoh": "ILLUSTRATIVE DATA (data contoh): some rows are examples, not official data",
        "var_travel_min": "Estimated travel time to the nearest hospital",
        "var_distance_km": "Straight-line distance to the nearest hospital",
        "min_strata": "minimum strata",
        "fas_legend": "hospitals reporting {name} ({sumber})",
        "no_capable": "no capable hospital",
        "no_data": "no data",
        "hospitals": "Hospitals",
        "hospitals_other": "Other hospitals (without the selected layanan)",
        "hospitals_legend": "Hospitals (strata for the selected layanan)",
        "approx": "approximate location (village/sub-district from the address, or a point "
                  "inside the district)",
        "approx_short": "approximate location",
        "outside": "outside the province",
        "loc_sumber": "Location: coordinates from a cited source",
        "loc_rsonline2021": "Location: RS Online 2021 point",
        "loc_kemenkes2019": "Location: Kemenkes 2019 facility map point (BPPSDMK)",
        "loc_desa": "Approximate location: centre of the village (desa/kelurahan) named in the "
                    "hospital's address (not the hospital's point)",
        "loc_kecamatan": "Approximate location: a point inside the sub-district (kecamatan) "
                         "named in the hospital's address",
        "loc_desa_named": ("Approximate location: centre of the village (desa/kelurahan) {name} "
                           "named in the hospital's address (not the hospital's point)"),
        "loc_kecamatan_named": ("Approximate location: a point inside the sub-district "
                                "(kecamatan) {name} named in the hospital's address"),
        "loc_kabkota": "Approximate location: a point inside the district (not the hospital's "
                       "location)",
        "links": "Mentoring links",
        "links_legend": "pengampu \u2192 diampu",
        "usulan": "proposed (usulan)",
        "provinces": "Province boundaries",
        "context": "Neighbouring provinces",
        "land": "Land (province boundaries)",
        "labels": "District names",
        "below_target": "District target not met",
        "tiles": "OpenStreetMap background (needs internet)",
        "tiles_failed": "The background map could not be loaded (no internet?); switched off.",
        "nearest": "Nearest hospital",
        "distance": "Distance (straight line)",
        "travel": "Travel time (estimate)",
        "threshold": "Within threshold",
        "target_kab": "District target",
        "target_prov": "Province target",
        "met": "met",
        "not_met": "not met",
        "yes": "yes",
        "no": "no",
        "n_hospitals": "Hospitals meeting it",
        "by_sk": "by the decree; the hospital it lists stands in another district",
        "incl_by_sk": "incl. {n} by the decree",
        "kelas": "class",
        "layanan": "Layanan",
        "strata": "Strata",
        "pengampu": "Pengampu",
        "mengampu": "Mentors",
        "bukti": "evidence",
        "rs": "hospitals",
        "location": "Location",
        "source": "Source",
        "sources": "Data sources and licences",
        "summary": "Targets met",
        "legend": "Legend",
        "col_prov": "Provinces",
        "col_kab": "Districts",
        "col_pop": "Population \u2264 time threshold",
        "col_links": "Links",
        "col_hospitals": "Hospitals",
        "col_penduduk": "Population",
        "col_target": "Target",
        "target_met_legend": "district target met",
        "target_not_met_legend": "district target not met",
        "coverage_legend": "A hospital at the target strata in the district",
        "user_data": "User data (see the sumber column)",
        "hour": "h",
        "minute": "min",
        "status_word_ada": "current",
        "status_word_target": "target",
        "none": "none",
        "basemap_note": "The background map is only loaded when switched on in the layer control.",
        "population": "Population",
        "pop_within": "Population within threshold",
        "near_approx": "nearest hospital's location approximate",
        "pick": "Choose a province",
        "pick_all": "All of Indonesia",
        "kab_table": "Districts",
        "files": "Report files",
        "made": "Made on {date} with pengampuan {version}",
        "prov_met": "Province target (\u2265 {strata})",
        "kab_met": "Districts \u2265 {strata}",
        "reported": "reported in {tahun}",
        "reported_head": "Services {when} by hospitals (RS Online), not strata:",
        "reported_notice": "{layer}: a service {when} by the hospitals (RS Online), not "
                           "strata and not a KMK target",
        "reported_legend": "Hospitals reporting the service (not strata)",
        "reported_list": "Services {when} (RS Online, not strata)",
        "approx_mark": "\u2265 {pct} of people: nearest hospital at an approximate location",
        "approx_layer": "Resting on approximate hospital points",
        "approx_share": "People whose nearest hospital is at an approximate location",
        "kecamatan": "Kecamatan (travel time per kecamatan)",
        "kecamatan_distance": "Kecamatan (distance per kecamatan)",
        "kec_legend": "Kecamatan: colour per kecamatan (its point), same classes",
        "grid": "H3 grid, resolution {res} (\u2248 {area} km\u00b2 per cell)",
        "grid_legend": "H3 grid: colour per cell (distance from the cell centre), same "
                       "classes; the districts stay clickable",
        "grid_none": "no grid for this layer",
        "kab_of": "District",
        "fas_hemodialisis": "Haemodialysis",
        "fas_cathlab": "Cath lab (interventional cardiology)",
        "fas_bedah_jantung": "Cardiac surgery",
        "fas_radioterapi": "Radiotherapy",
        "fas_bedah_onkologi": "Surgical oncology",
        "fas_kemoterapi": "Chemotherapy (haemato-oncology)",
        "fas_kedokteran_nuklir": "Nuclear medicine",
        "fas_stroke_unit": "Stroke unit",
        "fas_bedah_saraf": "Neurosurgery",
        "fas_nefrologi": "Nephrology",
        "fas_urologi": "Urology",
        "bukti_legend": "Evidence of the links",
        "bukti_regulasi": "regulation / document (solid)",
        "bukti_berita": "news report (short dashes)",
        "bukti_inferensi": "inferred by this project (dotted; not in the default analyses)",
    },
}


# ---------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------
def check_lang(lang: str | None) -> str:
    """``lang`` or ``settings.language``, checked (:func:`pengampuan._messages.current_lang`)."""
    from .._messages import current_lang

    return current_lang(lang or None)


def esc(value: Any) -> str:
    """HTML-escape any value as text (quotes included)."""
    return html.escape(str(value), quote=True)


_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)\]]", re.IGNORECASE)


def linkify(text: Any) -> str:
    """Escaped ``text`` with its http(s) URLs as links that open in a new tab.

    Examples
    --------
    >>> linkify("Berita <b> https://a.id/x?y=1&z=2.")
    'Berita &lt;b&gt; <a href="https://a.id/x?y=1&amp;z=2" target="_blank" rel="noopener \
noreferrer">https://a.id/x?y=1&amp;z=2</a>.'
    >>> linkify("javascript:alert(1)")
    'javascript:alert(1)'
    """
    s = str(text)
    out, last = [], 0
    for mo in _URL.finditer(s):
        out.append(esc(s[last:mo.start()]))
        url = esc(mo.group(0))
        out.append(f'<a href="{url}" target="_blank" rel="noopener noreferrer">{url}</a>')
        last = mo.end()
    out.append(esc(s[last:]))
    return "".join(out)


def present(value: Any) -> bool:
    """False for None, NaN, <NA> and blank strings."""
    if value is None:
        return False
    try:
        if pd.isna(value):
            return False
    except (TypeError, ValueError):
        pass
    return str(value).strip() != ""


def num(value: Any) -> float | None:
    """``value`` as a float, or None."""
    if not present(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def met_html(ok: Any, lang: str) -> str:
    """"tercapai" / "belum tercapai" with its class; a dash when unknown."""
    if not present(ok):
        return DASH
    tx = TEXT[lang]
    return (f'<span class="pg-ok">{tx["met"]}</span>' if bool(ok)
            else f'<span class="pg-no">{tx["not_met"]}</span>')


def target_html(gap: Mapping[str, Any] | None, lang: str) -> str:
    """
    :func:`met_html` of a region's target; a dash without a gap row.

    Says when the target is met only through the decree's listing of a hospital
    standing elsewhere (``dasar_target == "sk"``, names in ``nama_rs_sk``).

    Examples
    --------
    >>> html = target_html({"meets_target": True, "dasar_target": "sk",
    ...                     "nama_rs_sk": "RSU Cut Meutia (11.73)"}, "id")
    >>> html.startswith('<span class="pg-ok">tercapai</span>'), "menurut SK" in html
    (True, True)
    >>> html.endswith(": RSU Cut Meutia (11.73))</span>")
    True
    """
    if gap is None:
        return DASH
    out = met_html(gap.get("meets_target"), lang)
    if present(gap.get("dasar_target")) and str(gap["dasar_target"]) == "sk":
        names = next((str(gap[k]) for k in ("nama_rs_sk", "kode_rs_sk")
                      if present(gap.get(k)) and str(gap[k])), "")
        out += (f' <span class="pg-meta">({TEXT[lang]["by_sk"]}'
                + (f": {esc(names)}" if names else "") + ")</span>")
    return out


def threshold_of(layer: str, cfg: Config) -> float | None:
    """Travel-time threshold of a layer: its layanan's, or for a fasilitas its layanan's."""
    return cfg.threshold_min(FASILITAS_LAYANAN.get(layer, layer))


def years_text(tahun: Sequence[Any]) -> str:
    """``2020`` or ``2019\u20132020`` from the years of some rows ('' when none is known)."""
    years = sorted({int(float(t)) for t in tahun if num(t) is not None})
    if not years:
        return ""
    return str(years[0]) if len(years) == 1 else f"{years[0]}\u2013{years[-1]}"


def layer_label(layer: str, cfg: Config, lang: str, *, tahun: str = "") -> str:
    """
    The name of a map layer: a layanan's label, or a reported service with its year.

    Examples
    --------
    >>> from pengampuan.config import DEFAULT_CONFIG as cfg
    >>> layer_label("stroke", cfg, "id"), layer_label("hemodialisis", cfg, "id", tahun="2020")
    ('Stroke', 'Hemodialisis (dilaporkan 2020)')
    >>> layer_label("radioterapi", cfg, "en", tahun="2020")
    'Radiotherapy (reported in 2020)'
    """
    if layer in FASILITAS:
        tx = TEXT[lang]
        when = tx["reported"].format(tahun=tahun).strip()
        return f"{tx['fas_' + layer]} ({when})"
    return cfg.layanan_label(layer, lang)


def travel_note(travel: str, cfg: Config, lang: str) -> str:
    """
    The travel-time model the minutes come from, with its assumptions (escaped text).

    :func:`pengampuan.travel.travel_description`, as the tables and figures say it.

    Examples
    --------
    >>> from pengampuan.config import DEFAULT_CONFIG as cfg
    >>> note = travel_note("simple", cfg, "id")
    >>> note.startswith("Waktu tempuh: model sederhana"), "1,3" in note, "40 km/jam" in note
    (True, True, True)
    >>> "penyeberangan laut tidak dimodelkan" in note
    True
    """
    return esc(travel_description(travel, cfg, lang=lang))


def legend_heading(variable: str, layer: str, *, cfg: Config, lang: str,
                   min_strata: str | None = None, tahun: str = "") -> str:
    """
    Heading of the legend's classes for one layer (escaped HTML text).

    A layanan: what is measured and the minimum strata counted; a reported
    service: what is measured and which hospitals count.

    Examples
    --------
    >>> from pengampuan.config import DEFAULT_CONFIG as cfg
    >>> legend_heading("travel_min", "stroke", cfg=cfg, lang="id", min_strata="madya")
    'Perkiraan waktu tempuh ke RS terdekat (strata minimal Madya (kab/kota))'
    >>> legend_heading("travel_min", "hemodialisis", cfg=cfg, lang="id", tahun="2020")
    'Perkiraan waktu tempuh ke RS terdekat: RS dengan layanan hemodialisis (RS Online 2020)'
    """
    tx = TEXT[lang]
    head = tx["var_" + variable]
    if layer in FASILITAS:
        name = tx["fas_" + layer]
        name = name[:1].lower() + name[1:]
        sumber = f"RS Online {tahun}".strip()
        return f"{head}: {esc(tx['fas_legend'].format(name=name, sumber=sumber))}"
    if min_strata:
        return f"{head} ({tx['min_strata']} {esc(cfg.strata_label(min_strata, lang))})"
    return head


def bin_labels(variable: str, lang: str = "id") -> list[str]:
    """
    Legend labels of the choropleth classes, with units.

    Examples
    --------
    >>> bin_labels("travel_min")[:3]
    ['< 30 menit', '30\u201360 menit', '1\u20132 jam']
    >>> bin_labels("distance_km", "en")[-1]
    '\u2265 800 km'
    """
    edges = BIN_EDGES[variable]
    tx = TEXT[check_lang(lang)]

    def fmt(v: float) -> str:
        if variable == "travel_min" and v >= 60:
            return f"{v / 60:g}"
        return f"{v:g}"

    def unit(lo: float) -> str:
        if variable == "distance_km":
            return "km"
        return tx["hour"] if lo >= 60 else tx["minute"]

    labels = [f"< {fmt(edges[0])} {unit(edges[0] - 1)}"]
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        # a class from 30 to 60 minutes still reads in minutes
        minutes = variable == "travel_min" and lo < 60 <= hi
        u = tx["minute"] if minutes else unit(lo)
        lo_s, hi_s = (f"{lo:g}", f"{hi:g}") if minutes else (fmt(lo), fmt(hi))
        labels.append(f"{lo_s}\u2013{hi_s} {u}")
    labels.append(f"\u2265 {fmt(edges[-1])} {unit(edges[-1])}")
    return labels


# ---------------------------------------------------------------------------
# legend
# ---------------------------------------------------------------------------
def legend_html(*, lang: str, cfg: Config, colours: Sequence[str], none_colour: str,
                nodata_colour: str, strata_colours: Sequence[str],
                strata_radius: Sequence[float], variable: str | None, hospitals: bool,
                links: bool, coverage: tuple[str, str] | None = None,
                min_strata: str | None = None, hatch: bool = False, outside: bool = False,
                context: bool = False, land: str | None = None,
                fasilitas: str | None = None, approx_mark: tuple[str, float] | None = None,
                link_styles: Sequence[int] = (), kecamatan: bool = False,
                grid_info: Mapping[str, Any] | None = None, heading: str | None = None,
                travel: str | None = None) -> str:
    """The legend panel: classes (their units on each class), markers, lines.

    ``fasilitas``: colour of the markers of hospitals reporting a service;
    ``approx_mark``: (outline colour, population share) of the regions marked as
    resting on approximate hospital points; ``link_styles``: the evidence styles
    of the links drawn (:data:`pengampuan.maps.layers.LINK_STYLE`); ``kecamatan``
    and ``grid`` (its resolution and cell area): notes on those layers;
    ``heading``: the heading of the classes (escaped; default from ``variable``
    and ``min_strata``; the page script swaps it per layer, see
    :func:`legend_heading`); ``travel``: the travel-time model note
    (:func:`travel_note`, escaped). Rows that only apply to layanan layers
    (strata) or to reported-service layers carry the classes ``pg-leg-strata``
    and ``pg-leg-fas``: the page script shows those of the visible layer.
    """
    tx = TEXT[lang]
    parts: list[str] = []

    def grid(rows: list[str]) -> str:
        return '<div class="pg-grid">' + "".join(rows) + "</div>"

    if variable is not None:
        if heading is None:
            heading = legend_heading(variable, "", cfg=cfg, lang=lang, min_strata=min_strata)
        parts.append(f'<div class="pg-h pg-leg-var">{heading}</div>')
        labels = bin_labels(variable, lang)
        rows = [swatch(colour, label) for colour, label in zip(colours, labels, strict=True)]
        rows += [swatch(none_colour, tx["no_capable"]), swatch(nodata_colour, tx["no_data"])]
        # column-major order: the classes read top to bottom, then the next column
        half = (len(rows) + 1) // 2
        pairs = zip(rows[:half], rows[half:] + [""], strict=False)
        parts.append(grid([r for pair in pairs for r in pair]))
        if travel:
            parts.append(f'<div class="pg-row pg-meta pg-travel">{travel}</div>')
    if coverage is not None:
        parts.append(f"<div class=\"pg-h\">{tx['coverage_legend']}</div>")
        parts.append(swatch(coverage[0], tx["target_met_legend"]))
        parts.append(swatch(coverage[1], tx["target_not_met_legend"]))
        parts.append(swatch(nodata_colour, tx["no_data"]))
    if hatch:
        parts.append('<div class="pg-row"><i class="pg-sw pg-hatch-sw"></i>'
                     f"{tx['below_target']}</div>")
    if approx_mark is not None:
        parts.append(f'<div class="pg-row"><i class="pg-sw pg-approx-sw" '
                     f'style="border-color:{esc(approx_mark[0])}"></i>'
                     f"{tx['approx_mark'].format(pct=esc(fmt_pct(approx_mark[1], lang)))}</div>")
    if kecamatan:
        parts.append(f'<div class="pg-row pg-meta">{tx["kec_legend"]}</div>')
    if grid_info is not None:
        parts.append(f'<div class="pg-row pg-meta">{tx["grid_legend"]}</div>')
    if hospitals:
        n = min(len(cfg.strata_order), len(strata_colours))
        rows = [circle(strata_colours[rank], strata_radius[rank],
                       esc(cfg.strata_label(cfg.strata_order[rank], lang)))
                for rank in range(n - 1, -1, -1)]
        parts.append(f"<div class=\"pg-leg-strata\"><div class=\"pg-h\">"
                     f"{tx['hospitals_legend']}</div>{grid(rows)}</div>")
        if fasilitas is not None:
            parts.append(f"<div class=\"pg-leg-fas\" hidden><div class=\"pg-h\">{tx['hospitals']}"
                         f"</div>{circle(fasilitas, FAS_RADIUS_PX, tx['reported_legend'])}</div>")
        parts.append(circle(strata_colours[2], strata_radius[2], tx["approx"], approx=True))
        if outside:
            parts.append(circle("#777777", strata_radius[1], tx["outside"], outside=True))
    lines = []
    if links:
        lines += [line("#555555", tx["links_legend"], dashed=False),
                  line("#555555", tx["usulan"], dashed=True, dash=USULAN_DASH)]
    lines.append(line("#333333", tx["provinces"], dashed=False, width=2, arrow=False))
    if links:
        for style in sorted(set(link_styles)):
            key = ("bukti_regulasi", "bukti_berita", "bukti_inferensi")[style]
            lines.append(line("#555555", tx[key], dashed=False, dash=LINK_DASH[style],
                              arrow=False))
        parts.append(f"<div class=\"pg-h\">{tx['links']}</div>")
    parts.append(grid(lines))
    if land:
        parts.append(swatch(land, tx["land"]))
    if context:
        parts.append(swatch("#d9d9d9", tx["context"]))
    return (f'<details open class="pg-fold"><summary>{tx["legend"]}</summary>'
            f'{"".join(parts)}</details>')


def swatch(colour: str, label: str) -> str:
    """A filled square and its label."""
    return (f'<div class="pg-row"><i class="pg-sw" style="background:{esc(colour)}"></i>'
            f"{label}</div>")


def circle(colour: str, r: float, label: str, *, approx: bool = False,
           outside: bool = False) -> str:
    """A hospital marker and its label (as page.js draws it)."""
    fill = "#ffffff" if outside else colour
    opacity = 0.5 if approx else 0.55 if outside else 0.95
    dash = ' stroke-dasharray="2 2"' if approx else ""
    stroke = "#08306b" if approx else "#555555" if outside else "#ffffff"
    width = 1.5 if approx else 2 if outside else 1
    return (f'<div class="pg-row"><svg width="20" height="20" class="pg-sym" aria-hidden="true">'
            f'<circle cx="10" cy="10" r="{r:g}" fill="{esc(fill)}" fill-opacity="{opacity:g}" '
            f'stroke="{esc(stroke)}" stroke-width="{width:g}"{dash}/></svg>{label}</div>')


def line(colour: str, label: str, *, dashed: bool, width: float = 1.5,
         arrow: bool = True, dash: str | None = None) -> str:
    """A link (or boundary) line and its label (``dash``: an SVG dash pattern)."""
    dash = (f' stroke-dasharray="{esc(dash)}" stroke-linecap="round"' if dash
            else ' stroke-dasharray="5 4"' if dashed else "")
    head = (f'<path d="M14,5 L20,10 L14,15 z" fill="{colour}"/>' if arrow else "")
    return (f'<div class="pg-row"><svg width="22" height="20" class="pg-sym" aria-hidden="true">'
            f'<line x1="1" y1="10" x2="{16 if arrow else 21}" y2="10" stroke="{colour}" '
            f'stroke-width="{width:g}"{dash}/>{head}</svg>{label}</div>')


# ---------------------------------------------------------------------------
# summary panels
# ---------------------------------------------------------------------------
def coverage_summary_html(gaps: pd.DataFrame | None, layanan: Sequence[str], *, cfg: Config,
                          lang: str, access: Mapping[str, pd.DataFrame] | None,
                          penduduk: pd.Series | None, labels: Mapping[str, str] | None = None,
                          travel: str | None = None) -> str:
    """Table: per layanan, provinces and kab/kota meeting the targets, population in time.

    ``layanan`` may hold reported services (fasilitas layers, no target: a dash),
    named by ``labels`` (escaped text). ``travel``: the note of the travel-time
    model (:func:`travel_note`), a footnote under the population in time.
    """
    tx = TEXT[lang]
    have_pop = access is not None and penduduk is not None
    if gaps is None and not have_pop:
        return ""
    head = [tx["layanan"]]
    if gaps is not None:
        head += [f"{tx['col_prov']} \u2265 {esc(cfg.target_strata_provinsi)}",
                 f"{tx['col_kab']} \u2265 {esc(cfg.target_strata_kabkota)}"]
    if have_pop:
        head.append(tx["col_pop"])
    rows = []
    for lay in layanan:
        cells = [_layanan_cell(lay, labels, cfg, lang)]
        if gaps is not None:
            g = gaps[gaps["layanan"].astype(str) == lay]
            for tingkat in ("provinsi", "kabkota"):
                rows_t = g[g["tingkat"].astype(str) == tingkat]
                sel = rows_t["meets_target"].dropna()
                n_ok, n = int(sel.astype(bool).sum()), len(sel)
                cell = f"{n_ok}/{n}" if n else DASH
                n_sk = (int((rows_t["dasar_target"].astype("string") == "sk").sum())
                        if "dasar_target" in rows_t else 0)
                if n_sk:  # met only through the decree's listing of a hospital elsewhere
                    note = esc(tx["incl_by_sk"].format(n=n_sk))
                    cell += f'<br><span class="pg-meta">{note}</span>'
                cells.append(cell)
        if have_pop and access is not None and penduduk is not None:
            cells.append(_pop_share(access.get(lay), penduduk, threshold_of(lay, cfg), lang))
        rows.append(cells)
    return _summary_table(tx["summary"], head, rows, lang=lang,
                          travel=travel if have_pop else None)


def _layanan_cell(lay: str, labels: Mapping[str, str] | None, cfg: Config, lang: str) -> str:
    """The first cell of a summary row: the layer's label (``labels``: escaped already)."""
    return labels[lay] if labels and lay in labels else esc(cfg.layanan_label(lay, lang))


def _summary_table(title: str, head: Sequence[str], rows: Sequence[Sequence[str]], *,
                   lang: str, travel: str | None = None) -> str:
    """A folded summary panel: a table of HTML cells, with the footnote of the approximate mark.

    The footnote is added when a cell marks a share resting on approximate hospital points;
    ``travel``, the travel-time model, is a footnote of its own.
    """
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>" for cells in rows)
    note = (f'<div class="pg-approx-note">* {esc(TEXT[lang]["approx_note"])}</div>'
            if 'class="pg-approx"' in body else "")
    if travel:
        note += f'<div class="pg-approx-note pg-travel">{travel}</div>'
    return (f'<details open class="pg-fold"><summary>{title}</summary>'
            '<table class="pg-tab"><tr>' + "".join(f"<th>{h}</th>" for h in head) + "</tr>"
            + body + f"</table>{note}</details>")


def _pop_share(frame: pd.DataFrame | None, penduduk: pd.Series, threshold_min: float | None,
               lang: str) -> str:
    if frame is None or threshold_min is None:
        return "\u2013"
    pop = frame["kode"].astype(str).map(penduduk).astype(float)
    total = float(pop.sum())
    if not total > 0:
        return "\u2013"
    if "penduduk_within_threshold" in frame:  # people per demand point (kecamatan)
        within = float(pd.to_numeric(frame["penduduk_within_threshold"]).fillna(0.0).sum())
    else:  # one point per region: all of its people or none
        travel = pd.to_numeric(frame["travel_min"], errors="coerce").astype(float)
        within = float(pop[travel <= threshold_min].sum())
    # (sums of the same people in another order may differ by a rounding error: less than
    # half a person apart is everyone, not ">99,9%")
    share = 1.0 if abs(total - within) < 0.5 else within / total
    text = f"{esc(fmt_pct(share, lang))} ({fmt_min(threshold_min, lang)})"
    if "penduduk_within_threshold_approx" in frame and within > 0:
        approx_people = float(pd.to_numeric(frame["penduduk_within_threshold_approx"])
                              .fillna(0.0).sum())
        approx = 1.0 if abs(within - approx_people) < 0.5 else approx_people / within
        if approx > 0:  # (none: nothing rests on a placeholder point)
            text += (f'<br><span class="pg-approx" title="{esc(TEXT[lang]["of_which_approx"])}">'
                     f'{esc(fmt_pct(approx, lang))} {esc(TEXT[lang]["approx_pct"])}*</span>')
    return text


def network_summary_html(n_hospitals: Mapping[str, int], links: Mapping[str, list[list[Any]]],
                         layanan: Sequence[str], *, cfg: Config, lang: str) -> str:
    """Table: per layanan, hospitals drawn, sourced and proposed links."""
    tx = TEXT[lang]
    head = [tx["layanan"], tx["col_hospitals"], tx["col_links"], tx["usulan"]]
    rows = []
    for lay in layanan:
        lk = links.get(lay, [])
        n_usulan = sum(1 for x in lk if x[2])
        rows.append([esc(cfg.layanan_label(lay, lang)), str(n_hospitals.get(lay, 0)),
                     str(len(lk) - n_usulan), str(n_usulan)])
    return _summary_table(tx["links"], head, rows, lang=lang)


def province_summary_html(nama: str, gaps: pd.DataFrame | None,
                          access: Mapping[str, pd.DataFrame] | None, penduduk: pd.Series | None,
                          layanan: Sequence[str], *, kode: str, cfg: Config, lang: str,
                          labels: Mapping[str, str] | None = None,
                          travel: str | None = None) -> str:
    """Table of one province: its own target, its kab/kota meeting theirs, population in time.

    ``travel``: the note of the travel-time model (:func:`travel_note`).
    """
    tx = TEXT[lang]
    head = [tx["layanan"]]
    if gaps is not None:
        head += [tx["prov_met"].format(strata=esc(cfg.strata_label(cfg.target_strata_provinsi,
                                                                    lang))),
                 tx["kab_met"].format(strata=esc(cfg.strata_label(cfg.target_strata_kabkota,
                                                                   lang)))]
    if access is not None and penduduk is not None:
        head.append(tx["col_pop"])
    rows = []
    for lay in layanan:
        cells = [_layanan_cell(lay, labels, cfg, lang)]
        if gaps is not None:
            g = gaps[gaps["layanan"].astype(str) == lay]
            own = g[(g["tingkat"].astype(str) == "provinsi") & (g["kode"].astype(str) == kode)]
            cells.append(met_html(own["meets_target"].iloc[0], lang) if len(own) else DASH)
            kab = g[(g["tingkat"].astype(str) == "kabkota")
                    & (g["kode_induk"].astype(str) == kode)]["meets_target"].dropna()
            cells.append(f"{int(kab.astype(bool).sum())}/{len(kab)}" if len(kab) else DASH)
        if access is not None and penduduk is not None:
            frame = access.get(lay)
            if frame is not None:
                induk = _kode_induk(frame)
                frame = frame[induk == kode]
            cells.append(_pop_share(frame, penduduk, threshold_of(lay, cfg), lang))
        rows.append(cells)
    return _summary_table(f"{tx['summary']}: {esc(nama)}", head, rows, lang=lang,
                          travel=travel if access is not None and penduduk is not None
                          else None)


def _kode_induk(frame: pd.DataFrame) -> pd.Series:
    if "kode_induk" in frame:
        induk = frame["kode_induk"].astype("string")
        return induk.fillna(frame["kode"].astype(str).str.slice(0, 2))
    return frame["kode"].astype(str).str.slice(0, 2)


def region_row(row: Mapping[str, Any], *, lay: str, cfg: Config, lang: str,
               variable: str, gap: Mapping[str, Any] | None, prov_gap: Mapping[str, Any] | None
               ) -> list[str]:
    """Popup cells of one kab/kota for one layanan: value, nearest hospital, target, extra."""
    tx = TEXT[lang]
    dist = num(row.get("distance_km"))
    travel = num(row.get("travel_min"))
    if dist is None:
        value, nearest = tx["no_data"], DASH
    elif math.isinf(dist):
        value, nearest = tx["no_capable"], DASH
    else:
        parts = []
        if travel is not None and math.isfinite(travel):
            parts.append(fmt_min(travel, lang))
        parts.append(fmt_km(dist, lang))
        if variable == "distance_km":
            parts.reverse()
        value = DOT.join(parts)
        rs = row.get("nama_rs")
        nearest = esc(rs) if present(rs) else DASH
        # the named hospital's own precision when known (the share of people served by an
        # approximate point has its own line); else whether any of them is
        presisi = row.get("lokasi_presisi")
        approx = (bool(is_approx_lokasi(presisi)) if present(presisi)
                  else (num(row.get("share_nearest_approx")) or 0) > 0)
        if approx and nearest != DASH:
            nearest += f' <span class="pg-meta">({tx["approx_short"]})</span>'
    extra = []
    thr = num(row.get("threshold_min"))
    if thr is None:
        thr = threshold_of(lay, cfg)
    share = num(row.get("share_within_threshold"))
    within = row.get("within_threshold")
    if thr is not None and share is not None:
        extra.append(f"{tx['pop_within']} ({fmt_min(thr, lang)}): {esc(fmt_pct(share, lang))}")
    elif thr is not None and present(within):
        extra.append(f"{tx['threshold']} ({fmt_min(thr, lang)}): "
                     f"{tx['yes'] if bool(within) else tx['no']}")
    approx_share = num(row.get("share_nearest_approx"))
    if approx_share is not None and approx_share > 0 and dist is not None:
        extra.append(f"{tx['approx_share']}: {esc(fmt_pct(approx_share, lang))}")
    target = target_html(gap, lang)
    if prov_gap is not None and present(prov_gap.get("meets_target")):
        extra.append(f"{tx['target_prov']}: {met_html(prov_gap['meets_target'], lang)}")
    return [value, nearest, target, "<br>".join(extra)]


def coverage_row(row: Mapping[str, Any], *, lang: str, gap: Mapping[str, Any] | None,
                 prov_gap: Mapping[str, Any] | None) -> list[str]:
    """Popup cells of one kab/kota on the coverage map."""
    tx = TEXT[lang]
    if gap is None:
        return [tx["no_data"], DASH, DASH, ""]
    n = num(gap.get("n_hospitals"))
    value = f"{tx['n_hospitals']}: {int(n)}" if n is not None else DASH
    near = gap.get("nearest_nama")
    dist = num(gap.get("distance_km"))
    nearest = DASH
    if present(near):
        nearest = esc(near) + (f" ({fmt_km(dist, lang)})" if dist is not None
                               and math.isfinite(dist) else "")
    extra = ""
    if prov_gap is not None and present(prov_gap.get("meets_target")):
        extra = f"{tx['target_prov']}: {met_html(prov_gap['meets_target'], lang)}"
    return [value, nearest, target_html(gap, lang), extra]
