"""The message catalogue (pengampuan/_messages.py) and the command line in both languages.

Every key has an Indonesian and an English text with the same placeholders and is used
somewhere in the package; every command speaks the language asked for (``--lang id`` /
``--lang en``), with Indonesian numbers in Indonesian output, and never shows a traceback.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from pengampuan import _messages as m
from pengampuan.cli import main
from pengampuan.config import settings

PACKAGE = Path(m.__file__).resolve().parent
TESTS = Path(__file__).resolve().parent
TINY = TESTS / "data" / "tiny"
BAD_CSV = TESTS / "bad_inputs" / "csv"
BAD_BOUNDARIES = TESTS / "bad_inputs" / "boundaries"


# --------------------------------------------------------------------------- the catalogue
def _sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py"))
                     if p.name != "_messages.py")


def test_every_key_has_both_languages() -> None:
    for key, texts in m.MESSAGES.items():
        assert set(texts) == set(m.LANGS), key
        for lang in m.LANGS:
            assert isinstance(texts[lang], str), (key, lang)


def test_same_placeholders_in_both_languages_and_in_the_cli_variant() -> None:
    for key, texts in m.MESSAGES.items():
        names = m.placeholders(texts["id"])
        assert names == m.placeholders(texts["en"]), key
        if key.endswith("@cli"):
            base = key.removesuffix("@cli")
            assert base in m.MESSAGES, f"{key} varies a key that does not exist"
            assert names == m.placeholders(m.MESSAGES[base]["en"]), key


def test_every_key_is_used_in_the_package() -> None:
    src = _sources()
    literals = set(re.findall(r"[\"']([a-z0-9_]+)[\"']", src))
    # keys built at run time: f"access_empty_{status}", "method_" + method, ...
    prefixes = set(re.findall(r"f[\"']([a-z0-9_]+_)\{", src))
    prefixes |= set(re.findall(r"[\"']([a-z0-9_]+_)[\"']\s*\+", src))
    unused = []
    for key in m.MESSAGES:
        base = key.removesuffix("@cli")
        if base in literals or any(base.startswith(p) for p in prefixes):
            continue
        # keys named in this module's own helpers (severity_label, fmt_min, join_and)
        if base in {"severity_error", "severity_warning", "severity_note", "unit_minutes",
                    "unit_hours", "word_and", "n_rows"} or base.startswith("progress_"):
            continue
        unused.append(key)
    assert not unused, f"catalogue keys used nowhere: {unused}"


def test_every_key_used_in_the_package_exists() -> None:
    used = set(re.findall(r"\b(?:msg|_h|_text|_say)\(\s*[\"']([a-z0-9_]+)[\"']\s*[,)]", _sources()))
    assert used, "no msg() call found"
    assert sorted(used - set(m.MESSAGES)) == []


@pytest.mark.parametrize("lang", m.LANGS)
def test_every_message_fills_in(lang: str) -> None:
    import string

    for key, texts in m.MESSAGES.items():
        values = {name: (1234.5 if spec else "x")
                  for _, name, spec, _ in string.Formatter().parse(texts[lang]) if name}
        out = m._Formatter(lang).vformat(texts[lang], (), values)
        assert out.strip(), key


def test_language_follows_settings_and_argument() -> None:
    assert m.msg("where_row", row=3) == "baris 3"  # the default is Bahasa Indonesia
    settings.language = "en"
    assert m.msg("where_row", row=3) == "row 3"
    assert m.msg("where_row", "id", row=3) == "baris 3"


def test_cli_variant_only_on_the_command_line() -> None:
    assert "code_scheme='bps'" in m.msg("hint_code_scheme_bps", "en")
    with m.command_line():
        assert m.msg("hint_code_scheme_bps", "en") == (
            "; if they are BPS codes use --code-scheme bps")
    assert not m.on_command_line()


def test_numbers_in_each_language() -> None:
    assert m.fmt_num(1234567, "id") == "1.234.567"
    assert m.fmt_num(1234567, "en") == "1,234,567"
    assert m.fmt_km(0.6, "id") == "0,6 km" and m.fmt_km(0.6, "en") == "0.6 km"
    assert m.fmt_pct(0.125, "id", 1) == "12,5%" and m.fmt_pct(0.125, "en", 1) == "12.5%"
    assert m.fmt_min(270, "id") == "4 jam 30 menit" and m.fmt_min(270, "en") == "4 h 30 min"
    # numbers with a format spec inside a message follow the language; codes and rows do not
    assert m.msg("more_like_above", "id", n=999980, problem="p").startswith("... dan 999.980")
    assert m.msg("more_like_above", "en", n=999980, problem="p").startswith("... and 999,980")
    assert m.msg("where_row", "id", row=12345) == "baris 12345"


@pytest.mark.parametrize("share, id_text, en_text", [
    (1.0, "100%", "100%"), (0.0, "0%", "0%"), (0.86, "86%", "86%"),
    (0.9979, "99,8%", "99.8%"), (0.995, "99,5%", "99.5%"), (0.9949, "99%", "99%"),
    (0.99999, ">99,9%", ">99.9%"), (0.002, "0,2%", "0.2%"), (0.004999, "0,5%", "0.5%"),
    (0.0004, "<0,1%", "<0.1%"), (1e-12, "<0,1%", "<0.1%"), (1 - 1e-12, ">99,9%", ">99.9%"),
    (float("nan"), "\u2013", "\u2013"),
])
def test_fmt_pct_never_rounds_to_a_whole_or_nothing(share: float, id_text: str,
                                                    en_text: str) -> None:
    assert m.fmt_pct(share, "id") == id_text and m.fmt_pct(share, "en") == en_text


def test_fmt_pct_reads_100_or_0_only_when_exact() -> None:
    # every share on a fine grid near both ends, at 0 and 1 decimals: "100"/"0" only when
    # exact, and the number shown (or the bound) stays within half a shown unit of the truth
    import numpy as np

    shares = np.concatenate([np.linspace(0, 0.02, 2001), np.linspace(0.98, 1, 2001),
                             [1e-9, 1 - 1e-9, 0.5]])
    for decimals in (0, 1):
        for share in shares.tolist():
            text = m.fmt_pct(share, "en", decimals)
            number = float(text.strip("<>%"))
            if share not in (0.0, 1.0):
                assert number not in (0.0, 100.0), (share, decimals, text)
            if text[0] == "<":
                assert 0 < share < number / 100, (share, text)
            elif text[0] == ">":
                assert number / 100 < share < 1, (share, text)
            else:
                shown = len(text.split(".")[1].rstrip("%")) if "." in text else 0
                assert abs(number - 100 * share) <= 0.5 * 10 ** -shown + 1e-9, (share, text)


def test_maps_and_figures_use_the_same_number_format() -> None:
    from pengampuan.export import figures
    from pengampuan.maps import text

    assert text.fmt_num is m.fmt_num and text.fmt_km is m.fmt_km
    assert figures._fmt_int(1234567, "id") == m.fmt_num(1234567, "id") == "1.234.567"


def test_problem_lines_in_each_language() -> None:
    from pengampuan.errors import format_problem

    rec = {"file": "rumah_sakit.csv", "row": 14, "column": "lat", "value": "106.84",
           "problem": "x", "severity": "error"}
    assert format_problem(rec, "id") == (
        "[kesalahan] rumah_sakit.csv, baris 14, kolom 'lat': nilai '106.84' x")
    assert format_problem(rec, "en") == (
        "[error] rumah_sakit.csv, row 14, column 'lat': value '106.84' x")


def test_problems_table_text_follows_the_language_columns_do_not() -> None:
    import pengampuan as pg

    case = BAD_CSV / "lat_not_a_number"
    id_problems = pg.validate(case).problems
    settings.language = "en"
    en_problems = pg.validate(case).problems
    assert list(id_problems.columns) == list(en_problems.columns) == [
        "file", "row", "column", "value", "problem", "severity"]
    assert set(id_problems["severity"]) <= {"error", "warning", "note"}
    bad_id = id_problems[id_problems["column"] == "lat"]["problem"].iloc[0]
    bad_en = en_problems[en_problems["column"] == "lat"]["problem"].iloc[0]
    assert bad_id.startswith("bukan angka; seharusnya lintang"), bad_id
    assert bad_en.startswith("is not a number; expected latitude"), bad_en


def test_match_report_in_each_language() -> None:
    import pandas as pd

    from pengampuan.regions import match_regions

    frame = pd.DataFrame({"nama": ["KAB. REJANG LEBONG", "Kota Atlantis"]})
    _, rep = match_regions(frame, on_unmatched="keep")
    text_id = str(rep)
    assert "2 baris dicocokkan dengan kode Kemendagri: 1 nama persis, 1 tidak cocok" in text_id
    settings.language = "en"
    assert "2 rows matched to Kemendagri codes: 1 exact, 1 unmatched" in str(rep)


def test_unmatched_boundaries_hint_names_python_keywords_in_python() -> None:
    import pengampuan as pg
    from pengampuan.errors import RegionMatchError

    with pytest.raises(RegionMatchError) as info:
        pg.load_regions("kabkota", source=BAD_BOUNDARIES / "unknown_names.geojson")
    assert "on_unmatched='warn'" in str(info.value)
    assert "tidak cocok" in str(info.value)


# --------------------------------------------------------------------------- the command line
#: Words that show the language of a command's output.
ID_WORDS = re.compile(r"\b(baris|kolom|nilai|dari|ditulis|tidak|seharusnya|kesalahan|"
                      r"berkas|fitur|dan|yang)\b", re.IGNORECASE)
EN_WORDS = re.compile(r"\b(rows?|columns?|value|of|written|not|expected|errors?|the|with|"
                      r"and|features?|regions)\b", re.IGNORECASE)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("default")  # the CLI prints warnings, never raises them
        code = main(argv)
    out, err = capsys.readouterr()
    text = out + err
    assert "Traceback" not in text
    return code, text


def _prose(text: str) -> str:
    """The output without paths, quoted values and flags (which are not language)."""
    text = re.sub(r"(/|[A-Za-z]:\\)[^\s,;:()]+", " ", text)
    text = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", " ", text)
    return re.sub(r"--[a-z-]+( [a-z0-9,]+)?", " ", text)


def _commands(tmp: Path) -> dict[str, tuple[list[str], int]]:
    """Command lines of the sweep and their exit codes."""
    tiny_b = str(TINY / "batas_kabkota.geojson")
    return {
        "validate_bad_folder": (["validate", str(BAD_CSV / "lat_not_a_number")], 1),
        "validate_corpus_case": (["validate", str(BAD_CSV / "kode_wilayah_bps_without_scheme")],
                                 1),
        "validate_tiny": (["validate", str(TINY)], 0),
        "validate_missing": (["validate", str(tmp / "x404")], 3),
        "access": (["access", "--layanan", "onkologi", "--data", str(TINY), "--boundaries",
                    tiny_b, "--out", str(tmp / "akses.geojson")], 0),
        "access_unknown_layanan": (["access", "--layanan", "strk", "--out",
                                    str(tmp / "x.geojson")], 1),
        "network": (["network", "--provinsi", "banten", "--layanan", "Stroke", "--limit", "3"],
                    0),
        "network_unknown_provinsi": (["network", "--provinsi", "Bantten"], 1),
        "report": (["report", "--data", str(TINY), "--boundaries", tiny_b, "--no-figures",
                    "--layanan", "strok", "--out", str(tmp / "laporan")], 0),
        "report_bad_folder": (["report", "--data", str(BAD_CSV / "lat_not_a_number"),
                               "--out", str(tmp / "laporan2")], 1),
        "report_unmatched_boundaries": (["report", "--boundaries",
                                         str(BAD_BOUNDARIES / "unknown_names.geojson"),
                                         "--out", str(tmp / "laporan3")], 1),
        "boundaries_info": (["boundaries", "info"], 0),
        "boundaries_check": (["boundaries", "check",
                              str(BAD_BOUNDARIES / "ambiguous_names.geojson")], 1),
        "boundaries_no_crs": (["boundaries", "check", str(BAD_BOUNDARIES / "no_crs.zip")], 1),
        "plot_unknown_kind": (["plot", "--kind", "peta", "--out", str(tmp / "gambar")], 1),
    }


SWEEP = list(_commands(Path("/tmp")))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", SWEEP)
def test_cli_sweep_speaks_the_language(name: str, lang: str, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    argv, expected_code = _commands(tmp_path)[name]
    code, text = _run(["--lang", lang, *argv], capsys)
    assert code == expected_code, text
    prose = _prose(text)
    own, other = (ID_WORDS, EN_WORDS) if lang == "id" else (EN_WORDS, ID_WORDS)
    assert own.search(prose), f"no {lang} word in:\n{text}"
    found = sorted(set(other.findall(prose)))
    assert not found, f"{lang} output holds words of the other language {found}:\n{text}"


def test_validate_bad_folder_explains_in_each_language(capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    case = str(BAD_CSV / "lat_not_a_number")
    _, text_id = _run(["--lang", "id", "validate", case], capsys)
    assert ("[kesalahan] rumah_sakit.csv, baris 3, kolom 'lat': nilai '3°49 LS' bukan angka; "
            "seharusnya lintang dalam derajat desimal") in text_id
    _, text_en = _run(["--lang", "en", "validate", case], capsys)
    assert ("[error] rumah_sakit.csv, row 3, column 'lat': value '3°49 LS' is not a number; "
            "expected latitude in decimal degrees") in text_en


def test_cli_hints_name_flags_not_python_keywords(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["access", "--layanan", "stroke", "--boundaries",
            str(BAD_BOUNDARIES / "unknown_names.geojson"), "--out", str(tmp_path / "a.geojson")]
    code, text = _run(["--lang", "en", *argv], capsys)
    assert code == 1
    assert "--on-unmatched warn" in text and "on_unmatched=" not in text
    code, text = _run(["--lang", "id", *argv, "--on-unmatched", "warn"], capsys)
    assert code == 0, text
    assert "[peringatan] 2 dari 3 fitur tidak cocok" in text  # listed, then left out
    code, text = _run(["--lang", "en", "validate", str(BAD_CSV / "kode_wilayah_without_dot")],
                      capsys)
    assert "code_scheme=" not in text


def test_cli_warnings_print_the_message_only(capsys: pytest.CaptureFixture[str]) -> None:
    from pengampuan.errors import PengampuanWarning

    def command(args: object) -> int:
        warnings.warn("pesan uji", PengampuanWarning, stacklevel=1)
        return 0

    import argparse

    from pengampuan import cli

    parser = cli.build_parser()
    original = parser.parse_args

    def parse(argv: list[str]) -> argparse.Namespace:
        ns = original(argv)
        ns.func = command
        return ns

    parser.parse_args = parse  # type: ignore[method-assign]
    build = cli.build_parser
    cli.build_parser = lambda: parser  # type: ignore[assignment]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            assert cli.main(["boundaries", "info"]) == 0
    finally:
        cli.build_parser = build  # type: ignore[assignment]
    err = capsys.readouterr().err
    assert err == "[peringatan] pesan uji\n"


@pytest.mark.parametrize(("value", "code"), [("Stroke", "stroke"), ("strok", "stroke"),
                                             ("onkologi", "kanker"), ("KARDIOVASKULAR", "jantung"),
                                             ("Uro-Nefrologi", "uronefrologi")])
def test_layanan_spellings(value: str, code: str) -> None:
    from pengampuan.cli import parse_layanan

    assert parse_layanan([value]) == [code]


@pytest.mark.parametrize(("value", "kode"), [("banten", "36"), ("PROVINSI BENGKULU", "17"),
                                             ("DKI", "31"), ("17", "17"), ("Jabar", "32")])
def test_provinsi_spellings(value: str, kode: str) -> None:
    from pengampuan.cli import parse_provinsi

    assert parse_provinsi(value)[0] == kode  # type: ignore[index]


def test_unknown_layanan_lists_allowed_and_closest(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = _run(["--lang", "en", "network", "--layanan", "jantng"], capsys)
    assert code == 1
    assert "expected one of kanker, jantung" in text and "closest: jantung" in text


def test_cli_restores_the_language() -> None:
    settings.language = "id"
    main(["--lang", "en", "boundaries", "info"])
    assert settings.language == "id"


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("command", [[], ["validate"], ["report"], ["access"], ["network"],
                                     ["boundaries"], ["boundaries", "check"], ["plot"]])
def test_help_speaks_the_language(command: list[str], lang: str,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--lang", lang, *command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    if lang == "id":
        assert out.startswith("penggunaan: ") and "\nopsi:\n" in out
        assert "show this help" not in out and "default" not in out
    else:
        assert out.startswith("usage: ") and "\noptions:\n" in out
        assert "bawaan" not in out and "tampilkan" not in out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_usage_errors_speak_the_language(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--lang", lang, "access", "--layanan", "stroke", "--status", "kemarin",
              "--out", "x.geojson"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    expected = ("kesalahan: argumen --status: pilihan tidak sah: 'kemarin'" if lang == "id"
                else "error: argument --status: invalid choice: 'kemarin'")
    assert expected in err


def test_one_progress_bar_per_stage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    from pengampuan import access, travel

    stages: list[str] = []
    real = m.progress_bar

    def counting(stage: str, **kwargs: object) -> object:
        stages.append(stage)
        return real(stage, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(access, "progress_bar", counting)
    monkeypatch.setattr(travel, "progress_bar", counting)
    code, text = _run(["access", "--layanan", "kanker", "--data", str(TINY), "--boundaries",
                       str(TINY / "batas_kabkota.geojson"), "--travel", "sea", "--progress",
                       "--out", str(tmp_path / "a.geojson"), "--grid", "5", "--grid-out",
                       str(tmp_path / "g.csv")], capsys)
    assert code == 0, text
    # two analyses (kab/kota and grid), each: the sea routes, then the nearest hospital
    assert 1 <= len(stages) <= 4 and set(stages) <= {"sea", "nearest"}, stages
    assert "Mencari RS terdekat" in text and "cincin" not in text and "blok" not in text


def test_shared_options_read_the_same_in_every_command() -> None:
    # --data, --boundaries, ... are declared once (cli.add_data, ...): same values, same help
    import argparse

    from pengampuan.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    shared = ("--data", "--boundaries", "--on-unmatched", "--status", "--bukti", "--lang",
              "--layanan", "--provinsi")
    seen: dict[str, dict[str, tuple[object, ...]]] = {}
    for name, sub in commands.choices.items():
        for action in sub._actions:
            flag = next((f for f in action.option_strings if f in shared), None)
            if flag is not None:
                seen.setdefault(flag, {})[name] = (action.choices and tuple(action.choices),
                                                   action.default, action.metavar)
                if flag not in ("--layanan", "--provinsi"):  # their help says what they do
                    seen[flag][name] += (action.help,)
    assert set(seen["--data"]) == {"report", "access", "network", "plot"}
    assert set(seen["--provinsi"]) == {"report", "network", "plot"}
    for flag, per_command in seen.items():
        if flag == "--layanan":  # access takes one, in a group with --fasilitas
            per_command.pop("access")
        assert len(set(per_command.values())) == 1, (flag, per_command)
