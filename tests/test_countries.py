"""The ISO 3166-1 country list shipped as a package resource."""

from __future__ import annotations

import os

import baliprocess
from baliprocess import _countries


def test_lookup_folds_names() -> None:
    assert _countries.lookup("Viet Nam") == ("VNM", "Vietnam")
    assert _countries.lookup("  VIÊT-NAM ") == ("VNM", "Vietnam")
    assert _countries.lookup("the United Kingdom") == ("GBR", "United Kingdom")
    assert _countries.lookup("Korea, Republic of") == ("KOR", "South Korea")
    assert _countries.lookup("China") == ("CHN", "China")
    assert _countries.lookup("Narnia") is None
    assert _countries.lookup("") is None


def test_every_country_is_listed_once() -> None:
    codes = [code for code, _ in _countries.countries()]
    assert len(codes) == len(set(codes)) >= 249
    assert all(len(code) == 3 and code.isupper() for code in codes)


def test_resource_ships_with_its_licence() -> None:
    folder = os.path.join(os.path.dirname(baliprocess.__file__), "countries")
    assert {"iso3166-1.json", "README.md", "LICENSE-LGPL-2.1"} <= set(os.listdir(folder))
