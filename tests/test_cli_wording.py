"""Words of the command line: province spellings an analyst types, and "N more" lines that
name what was left out."""

from __future__ import annotations

import re

import pytest

from pengampuan import _messages as m
from pengampuan.cli import UsageError, main, parse_provinsi
from pengampuan.provinsi import resolve_provinsi

#: What a Dinas Kesehatan analyst types -> Kemendagri province code.
SPELLINGS = {
    "DKJ": "31", "dkj": "31", "Daerah Khusus Jakarta": "31", "Provinsi DKJ": "31",
    "DKI": "31", "DKI Jakarta": "31", "Jakarta": "31", "Jkt": "31",
    "DIY": "34", "Jogja": "34", "Yogya": "34", "DI Yogyakarta": "34", "D.I. Yogyakarta": "34",
    "Babel": "19", "Kep. Babel": "19", "Bangka Belitung": "19",
    "NTB": "52", "NTT": "53", "Kalbar": "61", "Kalteng": "62", "Kalsel": "63", "Kaltim": "64",
    "Kaltara": "65", "Sulut": "71", "Sulteng": "72", "Sulsel": "73", "Sultra": "74",
    "Sulbar": "76", "Sumut": "12", "Sumbar": "13", "Sumsel": "16", "Kepri": "21",
    "Jabar": "32", "Jateng": "33", "Jatim": "35", "Malut": "82", "NAD": "11",
    "Pabar": "92", "PBD": "96", "Papteng": "94", "Papsel": "93", "Papua Pegunungan": "95",
}


@pytest.mark.parametrize(("typed", "kode"), sorted(SPELLINGS.items()))
def test_province_spellings(typed: str, kode: str) -> None:
    assert resolve_provinsi(typed)[0] == kode
    assert parse_provinsi(typed)[0] == kode


def test_unknown_province_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="Jakarta"):
        parse_provinsi("DKX Jakartaa")


def test_report_accepts_dkj(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "jakarta.csv"  # one file: the summary only (fast)
    assert main(["report", "--provinsi", "DKJ", "--layanan", "stroke", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Daerah Khusus Ibukota Jakarta" in text and "Indonesia" not in text


def test_more_lines_name_what_they_count(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["network", "--layanan", "stroke", "--checks", "--limit", "2"]) in (0, 1)
    out = capsys.readouterr().out
    more = [line for line in out.splitlines() if "lagi tidak ditampilkan" in line]
    assert len(more) == 2, out
    assert re.match(r"\.\.\. [\d.]+ RS lagi", more[0])  # the hospital summary
    assert re.match(r"\.\.\. [\d.]+ temuan lagi", more[1])  # the findings
    assert main(["--lang", "en", "network", "--layanan", "stroke", "--checks",
                 "--limit", "2"]) in (0, 1)
    out = capsys.readouterr().out
    assert "more hospitals not shown" in out and "more findings not shown" in out


def test_every_truncation_message_names_its_items_or_none() -> None:
    """A "... N more" message says what it counts (RS, temuan, ...) or nothing at all."""
    nouns = ("RS", "temuan", "baris", "kab/kota", "lingkaran", "hospitals", "findings", "cycle",
             "rows", "districts")
    for key, texts in m.MESSAGES.items():
        for lang, text in texts.items():
            if re.search(r"\{n[^}]*\} (RS|more|lagi|lain)\b", text):
                after = re.search(r"\{n[^}]*\} (.*)", text).group(1)
                neutral = after.startswith(("lagi ", "more (", "more like"))
                assert neutral or any(w in after for w in nouns), (key, lang, text)
                if key == "network_more":
                    assert "RS" in text or "hospitals" in text
                if key == "network_more_checks":
                    assert "temuan" in text or "findings" in text
