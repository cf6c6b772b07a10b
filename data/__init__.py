"""Bundled data of pengampuan (CSV tables and boundaries); see README.md in this folder."""
