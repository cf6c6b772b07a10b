"""Write the configuration part of the bad-input corpus: one TOML file per case.

Each ``<case>.toml`` is a configuration file (``--config``) with one mistake,
and ``<case>.expected.txt`` the fragment of the message that must name it. Every
case is refused: ``pengampuan validate --config <case>.toml`` exits with status 1,
names the file, the key and what was expected, and shows no traceback. Run from
the repository root:

    python tests/bad_inputs/config/make_config_cases.py
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

#: case -> (file content, expected fragment)
CASES: dict[str, tuple[str | bytes, str]] = {
    "unknown_key": ("road_sped = 40\n",
                    "unknown key 'road_sped' (did you mean 'road_speed_kmh'?)"),
    "number_as_text": ('road_speed_kmh = "40 km/jam"\n',
                       "key 'road_speed_kmh' is the text '40 km/jam'; expected a number"),
    "threshold_as_text": ('[travel_threshold_min]\nstroke = "4,5 jam"\n',
                          "key 'travel_threshold_min.stroke' is the text '4,5 jam'; expected a "
                          "number (minutes)"),
    "strata_order_as_text": ('strata_order = "dasar, madya, utama, paripurna"\n',
                             "key 'strata_order' is the text 'dasar, madya, utama, paripurna'; "
                             "expected an array of texts"),
    "layanan_label_number": ("[layanan.kanker]\nlabel_id = 5\n",
                             "key 'layanan.kanker.label_id' is the number 5; expected a text"),
    "layanan_unknown_field": ('[layanan.kanker]\nwarna = "#ff0000"\n',
                              "unknown key 'layanan.kanker.warna'"),
    "speed_negative": ("road_speed_kmh = -5\n", "road_speed_kmh=-5 must be > 0"),
    "target_strata_unknown": ('target_strata_kabkota = "sedang"\n',
                              "target_strata_kabkota='sedang' is not a strata"),
    "yaml_not_toml": ("road_speed_kmh: 40\ncircuity_factor: 1.3\n", "not valid TOML"),
    "latin1_text": ('# kecepatan rata-rata \xe9\nroad_speed_kmh = 40\n'.encode("latin-1"),
                    "not a UTF-8 text file"),
    "boolean_as_number": ("circuity_factor = true\n",
                          "key 'circuity_factor' is the boolean true; expected a number"),
}


def main() -> None:
    """Write every case."""
    for name, (content, fragment) in CASES.items():
        path = HERE / f"{name}.toml"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        (HERE / f"{name}.expected.txt").write_text(fragment + "\n", encoding="utf-8")
    print(f"{len(CASES)} cases written to {HERE}")


if __name__ == "__main__":
    main()
