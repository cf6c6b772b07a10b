"""Configuration (policy numbers, labels, colours) and runtime settings.

:class:`Config` holds every policy number the analyses use -- the layanan and
their labels, the strata order, the national targets, the time thresholds and
the travel-time model -- each default with its source. It is frozen; derive a
changed copy with :meth:`Config.replace` or load one from TOML with
:func:`load_config`.

:data:`settings` is the one piece of module state: cache folder, offline mode,
network timeouts and the label language. It validates on assignment and
rejects unknown names, so a typo fails loudly.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from ._messages import msg, use_language_of

Layanan = Literal["kanker", "jantung", "stroke", "uronefrologi", "kia", "tb", "pie", "manajemen",
                  "sdm"]
Strata = Literal["dasar", "madya", "utama", "paripurna"]
Status = Literal["ada", "target"]
Tingkat = Literal["provinsi", "kabkota"]
Language = Literal["id", "en"]

LAYANAN: tuple[str, ...] = get_args(Layanan)
#: The four priority services of the KJSU programme (kanker, jantung, stroke, uronefrologi).
KJSU: tuple[str, ...] = ("kanker", "jantung", "stroke", "uronefrologi")
#: Strata from lowest to highest (DESIGN.md; KMK HK.01.07/MENKES/1277/2024 uses
#: madya/utama/paripurna).
STRATA: tuple[str, ...] = ("dasar", "madya", "utama", "paripurna")
STATUS: tuple[str, ...] = get_args(Status)
TINGKAT: tuple[str, ...] = get_args(Tingkat)
#: Non-clinical pengampuan topics (hospital management, staff training): layanan codes for
#: links, never part of the KJSU analyses (strata, access, coverage, proposals).
NON_KLINIS: tuple[str, ...] = ("manajemen", "sdm")

#: Evidence grades of a layanan, jejaring or fasilitas row, strongest first: ``regulasi`` (a
#: decree or regulation), ``dokumen`` (a signed MoU/PKS or an official document or data
#: system), ``berita`` (a news report), ``inferensi`` (derived by this project or the analyst).
BUKTI: tuple[str, ...] = ("regulasi", "dokumen", "berita", "inferensi")
#: Grades the analyses use unless told otherwise (keyword ``bukti=``, command line ``--bukti``).
DEFAULT_BUKTI: tuple[str, ...] = ("regulasi", "dokumen", "berita")

#: Services a hospital reports (``fasilitas.csv``; RS Online 2020 service flags): facts of
#: what exists, not strata.
FASILITAS: tuple[str, ...] = (
    "hemodialisis", "cathlab", "bedah_jantung", "radioterapi", "bedah_onkologi", "kemoterapi",
    "kedokteran_nuklir", "stroke_unit", "bedah_saraf", "nefrologi", "urologi",
)
#: The layanan whose travel-time threshold applies to access to a fasilitas.
FASILITAS_LAYANAN: dict[str, str] = {
    "hemodialisis": "uronefrologi", "nefrologi": "uronefrologi", "urologi": "uronefrologi",
    "cathlab": "jantung", "bedah_jantung": "jantung", "radioterapi": "kanker",
    "bedah_onkologi": "kanker", "kemoterapi": "kanker", "kedokteran_nuklir": "kanker",
    "stroke_unit": "stroke", "bedah_saraf": "stroke",
}
#: Precision of a hospital point, best first: a sourced point, RS Online 2021, Kemenkes 2019,
#: the centre of the desa/kelurahan its typed address names (``desa``), a point inside the
#: kecamatan its address names (``kecamatan``), a placeholder inside its kab/kota
#: (``kabkota``). The last three are approximate (:data:`APPROX_LOKASI`).
LOKASI_PRESISI: tuple[str, ...] = (
    "sumber", "rsonline2021", "kemenkes2019", "desa", "kecamatan", "kabkota",
)
#: The ``lokasi_presisi`` of the coarsest point, a placeholder inside the kab/kota.
APPROX_PRESISI = "kabkota"
#: The ``lokasi_presisi`` values of approximate points (not where the hospital stands, but
#: the desa, kecamatan or kab/kota around it): every distance or time measured from them is
#: approximate too.
APPROX_LOKASI: tuple[str, ...] = ("desa", "kecamatan", "kabkota")


def is_approx_lokasi(values: object) -> object:
    """Whether each ``lokasi_presisi`` (a value, a Series or an array) is approximate.

    Missing values are not approximate (a user's own point is taken as given).

    Examples
    --------
    >>> import pandas as pd
    >>> is_approx_lokasi("desa"), is_approx_lokasi("rsonline2021"), is_approx_lokasi(None)
    (True, False, False)
    >>> is_approx_lokasi(pd.Series(["kabkota", None, "sumber"])).tolist()
    [True, False, False]
    """
    import numpy as np
    import pandas as pd

    if isinstance(values, pd.Series):
        return values.astype("string").isin(APPROX_LOKASI).fillna(False).astype(bool)
    if isinstance(values, np.ndarray | list | tuple):
        return np.isin(np.asarray(values, dtype=object).astype(str), APPROX_LOKASI)
    return values is not None and str(values) in APPROX_LOKASI

#: Mean Earth radius, IUGG (Moritz 2000), in km.
EARTH_RADIUS_KM = 6371.0088

#: Equal-area projection for areas (Albers, standard parallels across Indonesia).
AREA_CRS = "+proj=aea +lat_1=-7 +lat_2=3 +lat_0=-2 +lon_0=118 +datum=WGS84 +units=m +no_defs"

#: Rough envelope of Indonesian territory (lat/lon degrees), with a margin of ~0.5 degree.
INDONESIA_BOUNDS = {"lat_min": -11.5, "lat_max": 6.5, "lon_min": 94.5, "lon_max": 141.5}


@dataclass(frozen=True)
class LayananInfo:
    """Labels and colour of one layanan."""

    label_id: str
    label_en: str
    colour: str

    def label(self, lang: str = "id") -> str:
        """The label in ``lang`` ('id' or 'en')."""
        return self.label_en if lang == "en" else self.label_id


def _default_layanan() -> dict[str, LayananInfo]:
    # Labels follow Kemenkes usage ("layanan prioritas KJSU"); colours are a
    # colour-blind-safe qualitative palette (Okabe & Ito 2008).
    return {
        "kanker": LayananInfo("Kanker", "Cancer", "#CC79A7"),
        "jantung": LayananInfo("Jantung", "Heart", "#D55E00"),
        "stroke": LayananInfo("Stroke", "Stroke", "#0072B2"),
        "uronefrologi": LayananInfo("Uronefrologi", "Uro-nephrology", "#009E73"),
        "kia": LayananInfo("Kesehatan Ibu dan Anak", "Maternal and child health", "#E69F00"),
        "tb": LayananInfo("Tuberkulosis", "Tuberculosis", "#56B4E9"),
        "pie": LayananInfo("Penyakit Infeksi Emerging", "Emerging infectious diseases", "#F0E442"),
        # non-clinical topics (NON_KLINIS)
        "manajemen": LayananInfo("Manajemen rumah sakit", "Hospital management", "#666666"),
        "sdm": LayananInfo("Sumber daya manusia (pelatihan)", "Staff training", "#999999"),
    }


def _default_layanan_aliases() -> dict[str, str]:
    # Spellings seen in Kemenkes decrees, MoUs and news (seeds: "Pelayanan
    # Kardiovaskuler" in the Banten MoU, "ginjal" in the Jawa Barat MoU).
    return {
        "kardiovaskular": "jantung",
        "kardiovaskuler": "jantung",
        "jantung dan pembuluh darah": "jantung",
        "heart": "jantung",
        "cardiology": "jantung",
        "onkologi": "kanker",
        "cancer": "kanker",
        "strok": "stroke",
        "otak": "stroke",
        "ginjal": "uronefrologi",
        "uro-nefrologi": "uronefrologi",
        "uro nefrologi": "uronefrologi",
        "nefrologi": "uronefrologi",
        "kidney": "uronefrologi",
        "tuberkulosis": "tb",
        "tbc": "tb",
        "penyakit infeksi emerging": "pie",
        "infeksi emerging": "pie",
        "kesehatan ibu dan anak": "kia",
        "ibu dan anak": "kia",
        "manajemen rumah sakit": "manajemen",
        "management": "manajemen",
        "sumber daya manusia": "sdm",
        "pelatihan": "sdm",
        "training": "sdm",
    }


def _default_strata_labels() -> dict[str, tuple[str, str]]:
    return {
        "paripurna": ("Paripurna (nasional)", "Paripurna (national)"),
        "utama": ("Utama (provinsi)", "Utama (province)"),
        "madya": ("Madya (kab/kota)", "Madya (district)"),
        "dasar": ("Dasar", "Basic"),
    }


def _default_thresholds() -> dict[str, float]:
    # Travel-time thresholds (minutes) per layanan, used for the flags in
    # district_access and the "within threshold" shares. They are planning
    # thresholds, not clinical guarantees.
    return {
        # Thrombolysis within 4.5 h of stroke onset (Powers et al. 2019,
        # AHA/ASA guideline; ESO 2021): the whole window, an upper bound.
        "stroke": 270.0,
        # STEMI: first medical contact to balloon <= 120 min (Ibanez et al.
        # 2018, ESC STEMI guideline).
        "jantung": 120.0,
        # Haemodialysis 2-3x a week (KDOQI 2015; seed: RSUD Rejang Lebong's 92
        # patients go twice a week): planning assumption of 1 h one way.
        "uronefrologi": 60.0,
        # Cancer care is not time-critical; planning assumption of a day trip
        # (4 h one way) for chemotherapy/radiotherapy visits.
        "kanker": 240.0,
    }


@dataclass(frozen=True, kw_only=True)
class Config:
    """Policy numbers, labels and colours used by every analysis.

    All defaults carry their source; override by keyword
    (``Config(circuity_factor=1.4)``), with :meth:`replace`, or from a TOML
    file (:func:`load_config`).

    Examples
    --------
    >>> cfg = Config()
    >>> cfg.target_strata_kabkota, cfg.strata_rank("utama") > cfg.strata_rank("madya")
    ('madya', True)
    >>> cfg.normalise_layanan(" Kardiovaskular ")
    'jantung'
    """

    layanan: Mapping[str, LayananInfo] = field(default_factory=_default_layanan)
    layanan_aliases: Mapping[str, str] = field(default_factory=_default_layanan_aliases)
    #: Strata from lowest to highest.
    strata_order: tuple[str, ...] = STRATA
    strata_labels: Mapping[str, tuple[str, str]] = field(default_factory=_default_strata_labels)
    strata_aliases: Mapping[str, str] = field(
        default_factory=lambda: {"pratama": "dasar", "primer": "dasar", "madia": "madya"}
    )
    # --- targets ----------------------------------------------------------
    # Kemenkes: "setiap provinsi memiliki rumah sakit utama layanan kanker" and
    # "setiap kabupaten juga ditargetkan memiliki layanan madya" (Validnews,
    # 6 Feb 2024; see data/README.md), applied to the four KJSU layanan.
    target_layanan: tuple[str, ...] = KJSU
    target_strata_provinsi: str = "utama"
    target_strata_kabkota: str = "madya"
    # --- time thresholds (minutes) -----------------------------------------
    travel_threshold_min: Mapping[str, float] = field(default_factory=_default_thresholds)
    #: Thrombolysis window, 4.5 h (Powers et al. 2019, AHA/ASA).
    stroke_window_min: float = 270.0
    #: STEMI first medical contact to balloon (Ibanez et al. 2018, ESC).
    stemi_fmc_to_balloon_min: float = 120.0
    #: Haemodialysis sessions per week (KDOQI 2015 recommends 3; the RSUD
    #: Rejang Lebong seed reports 2 a week, the common Indonesian practice).
    dialysis_sessions_per_week: float = 2.0
    # --- travel-time model (estimates) -------------------------------------
    #: Road distance / great-circle distance. Ballou, Rahardja & Sakai (2002)
    #: report 1.2-1.4 for most countries; 1.3 is a middle value. Estimate.
    circuity_factor: float = 1.3
    #: Mean door-to-door road speed, km/h. Assumption for Indonesian
    #: inter-district roads (mixed national/provincial roads); estimate.
    road_speed_kmh: float = 40.0
    #: Mean sea speed, km/h: ASDP ro-ro ferries sail at about 10-12 knots
    #: (18.5-22 km/h). Estimate.
    sea_speed_kmh: float = 20.0
    #: Waiting and boarding time added at each land-to-sea transition, minutes.
    #: Assumption (ferry schedules vary from hourly to weekly). Estimate.
    boarding_penalty_min: float = 60.0

    # ------------------------------------------------------------------
    def __post_init__(self) -> None:

        problems = []
        for name in ("circuity_factor", "road_speed_kmh", "sea_speed_kmh"):
            if not getattr(self, name) > 0:
                problems.append(msg("cfg_positive", name=name, value=getattr(self, name)))
        if self.boarding_penalty_min < 0:
            problems.append(msg("cfg_not_negative", name="boarding_penalty_min",
                                value=self.boarding_penalty_min))
        for name in ("target_strata_provinsi", "target_strata_kabkota"):
            if getattr(self, name) not in self.strata_order:
                problems.append(msg("cfg_not_strata", name=name, value=getattr(self, name),
                                    values=list(self.strata_order)))
        for lay in self.target_layanan:
            if lay not in self.layanan:
                problems.append(msg("cfg_target_layanan", value=lay, values=sorted(self.layanan)))
        if problems:
            raise ValueError(msg("cfg_invalid", problems="; ".join(problems)))

    def replace(self, **changes: Any) -> Config:
        """A copy with some fields changed (the object itself is frozen)."""
        return dataclasses.replace(self, **changes)

    def strata_rank(self, strata: str) -> int:
        """Position of ``strata`` in :attr:`strata_order` (0 = lowest).

        Raises
        ------
        ValueError
            If ``strata`` is not known.
        """
        try:
            return self.strata_order.index(strata)
        except ValueError:
            raise ValueError(
                f"strata={strata!r} is not known; expected one of {list(self.strata_order)}"
            ) from None

    def check_layanan(self, layanan: str) -> str:
        """Return ``layanan`` if known, else raise a ValueError listing the allowed values."""
        if layanan not in self.layanan:
            raise ValueError(
                f"layanan={layanan!r} is not known; expected one of {sorted(self.layanan)}"
            )
        return layanan

    def normalise_layanan(self, value: str) -> str | None:
        """Canonical layanan code for a spelling (case, spaces, aliases), or None."""
        key = " ".join(str(value).strip().lower().replace("_", " ").split())
        if key in self.layanan:
            return key
        return self.layanan_aliases.get(key)

    def normalise_strata(self, value: str) -> str | None:
        """Canonical strata for a spelling (case, spaces, aliases), or None."""
        key = " ".join(str(value).strip().lower().split())
        if key in self.strata_order:
            return key
        return self.strata_aliases.get(key)

    def layanan_label(self, layanan: str, lang: str | None = None) -> str:
        """Human label of a layanan in ``lang`` (default: ``settings.language``)."""
        info = self.layanan.get(layanan)
        if info is None:
            return layanan
        return info.label(lang or settings.language)

    def strata_label(self, strata: str, lang: str | None = None) -> str:
        """Human label of a strata in ``lang`` (default: ``settings.language``)."""
        pair = self.strata_labels.get(strata)
        if pair is None:
            return strata
        return pair[1] if (lang or settings.language) == "en" else pair[0]

    def check_bukti(self, bukti: Any) -> tuple[str, ...] | None:
        """Grades to include from a ``bukti=`` argument (None -> :data:`DEFAULT_BUKTI`).

        Accepts an iterable of grades or one comma-separated string; raises ValueError
        naming any unknown grade.

        Examples
        --------
        >>> Config().check_bukti(None)
        ('regulasi', 'dokumen', 'berita')
        >>> Config().check_bukti("regulasi, dokumen")
        ('regulasi', 'dokumen')
        """
        if bukti is None:
            return DEFAULT_BUKTI
        items = bukti.split(",") if isinstance(bukti, str) else list(bukti)
        grades = tuple(dict.fromkeys(str(b).strip().lower() for b in items if str(b).strip()))
        unknown = [b for b in grades if b not in BUKTI]
        if unknown or not grades:
            what = f"unknown grade(s) {unknown}" if unknown else "no grade given"
            raise ValueError(f"bukti={bukti!r}: {what}; expected some of {list(BUKTI)}")
        return grades

    def check_fasilitas(self, fasilitas: str) -> str:
        """Return ``fasilitas`` if known, else raise a ValueError listing the names."""
        if fasilitas not in FASILITAS:
            raise ValueError(f"fasilitas={fasilitas!r} is not known; expected one of "
                             f"{list(FASILITAS)}")
        return fasilitas

    def threshold_min(self, layanan: str) -> float | None:
        """Travel-time threshold (minutes) for ``layanan``, or None if there is none."""
        value = self.travel_threshold_min.get(layanan)
        return None if value is None else float(value)


_CONFIG_FIELDS = {f.name for f in dataclasses.fields(Config)}
_FIELD_TYPES = {f.name: str(f.type) for f in dataclasses.fields(Config)}
_LAYANAN_KEYS = ("label_id", "label_en", "colour")


def _type_name(value: Any) -> str:

    if isinstance(value, bool):
        return msg("cfg_type_bool", value=str(value).lower())
    if isinstance(value, str):
        return msg("cfg_type_text", value=value)
    if isinstance(value, (int, float)):
        return msg("cfg_type_number", value=repr(value))
    if isinstance(value, Mapping):
        return msg("cfg_type_table")
    if isinstance(value, (list, tuple)):
        return msg("cfg_type_array")
    return msg("cfg_type_other", kind=type(value).__name__)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_value(key: str, value: Any, annotation: str) -> list[str]:
    """Problems of one configuration value against its field's annotation (as text)."""
    example = getattr(Config(), key, None)

    def bad(name: str, got: Any, want: str, **values: Any) -> str:
        return msg("cfg_key_is", key=name, got=_type_name(got),
                   want=msg(want, key=key, **values))

    if annotation == "float":
        if not _is_number(value):
            return [bad(repr(key), value, "cfg_want_number", example=repr(example))]
    elif annotation == "str":
        if not isinstance(value, str):
            return [bad(repr(key), value, "cfg_want_text", example=repr(example))]
    elif annotation.startswith("tuple[str"):
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            return [bad(repr(key), value, "cfg_want_texts", example=repr(list(example or ())))]
    elif annotation.startswith("Mapping"):
        if not isinstance(value, Mapping):
            return [bad(repr(key), value, "cfg_want_table")]
        inner = annotation.split(",", 1)[1].strip()[:-1] if "," in annotation else ""
        out = []
        for k, v in value.items():
            name = f"'{key}.{k}'"
            if inner == "float" and not _is_number(v):
                out.append(bad(name, v, "cfg_want_minutes"))
            elif inner == "str" and not isinstance(v, str):
                out.append(bad(name, v, "cfg_want_a_text"))
            elif inner.startswith("tuple[str") and not (
                    isinstance(v, (list, tuple)) and len(v) == 2
                    and all(isinstance(x, str) for x in v)):
                out.append(bad(name, v, "cfg_want_two_texts"))
            elif inner == "LayananInfo" and not isinstance(v, LayananInfo):
                if not isinstance(v, Mapping):
                    out.append(bad(name, v, "cfg_want_layanan_table", k=k,
                                   keys=", ".join(_LAYANAN_KEYS)))
                    continue
                for kk, vv in v.items():
                    if kk not in _LAYANAN_KEYS:
                        out.append(msg("cfg_unknown_layanan_key", key=f"{key}.{k}.{kk}",
                                       keys=list(_LAYANAN_KEYS)))
                    elif not isinstance(vv, str):
                        out.append(bad(f"'{key}.{k}.{kk}'", vv, "cfg_want_a_text"))
        return out
    return []


def _check_config_values(values: Mapping[str, Any], source: str) -> None:
    """Raise :class:`ConfigError` naming every unknown key and every value of a wrong type."""
    import difflib

    from .errors import ConfigError

    problems: list[str] = []
    for key in values:
        if key not in _CONFIG_FIELDS:
            close = difflib.get_close_matches(str(key), sorted(_CONFIG_FIELDS), n=1, cutoff=0.6)
            hint = msg("cfg_did_you_mean", close=close[0]) if close else ""
            problems.append(msg("cfg_unknown_key", key=key, hint=hint,
                                keys=sorted(_CONFIG_FIELDS)))
    for key, value in values.items():
        if key in _FIELD_TYPES:
            problems.extend(_check_value(key, value, _FIELD_TYPES[key]))
    if problems:
        raise ConfigError("\n".join(f"{source}: {p}" for p in problems))


def load_config(path: str | os.PathLike[str] | None = None, **overrides: Any) -> Config:
    """Build a :class:`Config` from a TOML file and/or keyword overrides.

    The TOML file has top-level keys named like the fields of :class:`Config`;
    ``[layanan.<code>]`` tables take ``label_id``, ``label_en`` and ``colour``.

    Examples
    --------
    >>> load_config(road_speed_kmh=50).road_speed_kmh
    50
    """
    from .errors import ConfigError

    values: dict[str, Any] = {}
    source = "load_config(...)"
    if path is not None:
        p = Path(path)
        source = str(p)
        try:
            with p.open("rb") as fh:
                raw = tomllib.load(fh)
        except FileNotFoundError:
            raise FileNotFoundError(msg("cfg_missing", path=p)) from None
        except IsADirectoryError:
            raise ConfigError(msg("cfg_folder", path=p)) from None
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(msg("cfg_not_toml", path=p, reason=str(err))) from err
        except UnicodeDecodeError as err:
            raise ConfigError(msg("cfg_not_utf8", path=p, reason=err.reason,
                                  start=err.start)) from err
        except OSError as err:
            raise ConfigError(msg("file_unreadable_path", path=p,
                                  reason=str(err.strerror or err))) from err
        _check_config_values(raw, source)
        values.update(raw)
    _check_config_values(overrides, "load_config(...)")
    values.update(overrides)
    if "layanan" in values:
        base = dict(_default_layanan())
        for code, spec in dict(values["layanan"]).items():
            if isinstance(spec, LayananInfo):
                base[code] = spec
            else:
                old = base.get(code, LayananInfo(code, code, "#777777"))
                base[code] = dataclasses.replace(old, **dict(spec))
        values["layanan"] = base
    for key in ("travel_threshold_min", "layanan_aliases", "strata_aliases"):
        if key in values:
            merged = dict(getattr(Config(), key))
            merged.update(values[key])
            values[key] = merged
    for key in ("strata_order", "target_layanan"):
        if key in values:
            values[key] = tuple(values[key])
    try:
        return Config(**values)
    except (ValueError, TypeError) as err:
        raise ConfigError(f"{source}: {err}") from err


DEFAULT_CONFIG = Config()


def _default_cache_dir() -> Path:
    env = os.environ.get("PENGAMPUAN_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":  # pragma: no cover
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "pengampuan" / "cache"
    if sys.platform == "darwin":  # pragma: no cover
        return Path.home() / "Library" / "Caches" / "pengampuan"
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "pengampuan"


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "ya"}


class Settings:
    """Runtime settings: cache folder, offline mode, network time limits, retries, language.

    The names: ``cache_dir``, ``offline``, ``timeout_s``, ``deadline_s``, ``retries``,
    ``language``.

    ``timeout_s`` bounds each wait for the network (connecting, each read);
    ``deadline_s`` bounds one whole download, retries and waits included.

    Defaults come from the environment (``PENGAMPUAN_CACHE_DIR``,
    ``PENGAMPUAN_OFFLINE``). Assigning an unknown name or a bad value raises.

    Examples
    --------
    >>> s = Settings()
    >>> s.language = "en"
    >>> s.languag = "en"
    Traceback (most recent call last):
    ...
    AttributeError: unknown setting 'languag'; expected one of ['cache_dir', 'deadline_s', ...]
    """

    _names = ("cache_dir", "offline", "timeout_s", "deadline_s", "retries", "language")

    cache_dir: Path
    offline: bool
    timeout_s: float
    deadline_s: float
    retries: int
    language: str

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Restore every setting to its default (from the environment)."""
        self.cache_dir = _default_cache_dir()
        self.offline = _env_flag("PENGAMPUAN_OFFLINE")
        self.timeout_s = 30.0
        self.deadline_s = 600.0
        self.retries = 3
        self.language = "id"

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self._names:
            raise AttributeError(f"unknown setting {name!r}; expected one of {sorted(self._names)}")
        if name == "cache_dir":
            value = Path(value).expanduser()
        elif name == "offline":
            if not isinstance(value, bool):
                raise TypeError(f"offline must be True or False, not {value!r}")
        elif name in ("timeout_s", "deadline_s"):
            value = float(value)
            if not value > 0:
                raise ValueError(f"{name} must be > 0, not {value!r}")
        elif name == "retries":
            if int(value) != value or value < 0:
                raise ValueError(f"retries must be an integer >= 0, not {value!r}")
            value = int(value)
        elif name == "language":
            if value not in ("id", "en"):
                raise ValueError(f"language must be 'id' or 'en', not {value!r}")
        object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._names)
        return f"Settings({inner})"


#: The runtime settings object (the only module state of the package).
settings = Settings()
use_language_of(lambda: settings.language)  # messages (pengampuan._messages) follow it
