"""numbers.toml and what is derived from its patterns, read back from the cache folder, are
exactly what tomllib and the pattern parser make of them.

Each is kept with the very inputs it was made from; changed inputs, another Python build, a
changed module, a damaged or an unwritable cache file must each fall back to working it out.
"""

from __future__ import annotations

import marshal
import sys
import tomllib
from zlib import crc32

import pytest

from orgwrite import lazyre, numerals
from orgwrite.resources import data_dir
from orgwrite.rules.numbers import fixed_expressions

SHIPPED = data_dir("lexicon") / "numbers.toml"


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "orgwrite"


def _kept_file(path=SHIPPED):
    return lazyre.module_keyed_file(f"{path.stem}-toml", numerals.__file__, ".marshal")[0]


def _parse_nothing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("parsed")

    monkeypatch.setattr(tomllib, "loads", refuse)


def test_the_parse_read_back_is_tomllibs(cache_home, monkeypatch):
    expected = tomllib.loads(SHIPPED.read_text("utf-8"))
    assert numerals.parsed_toml(SHIPPED) == expected
    assert _kept_file().is_file()
    _parse_nothing(monkeypatch)
    again = numerals.parsed_toml(SHIPPED)
    assert again == expected and marshal.dumps(again) == marshal.dumps(expected)
    assert numerals.number_data() == expected


def test_a_changed_data_file_is_parsed_again(cache_home, tmp_path):
    copy = tmp_path / "numbers.toml"
    copy.write_bytes(SHIPPED.read_bytes())
    assert numerals.parsed_toml(copy) == numerals.parsed_toml(SHIPPED)
    copy.write_bytes(SHIPPED.read_bytes() + '\nextra = ["一"]\n'.encode())  # same name, same folder
    assert numerals.parsed_toml(copy)["extra"] == ["一"]
    copy.write_bytes(SHIPPED.read_bytes())
    assert "extra" not in numerals.parsed_toml(copy)


@pytest.mark.parametrize("damage", ["garbage", "checksum", "module changed", "other bytes"])
def test_a_damaged_or_stale_file_is_not_read(cache_home, monkeypatch, damage):
    expected = numerals.parsed_toml(SHIPPED)
    path = _kept_file()
    data = path.read_bytes()
    key, _value = marshal.loads(data[4:])
    forged = {"fixed_cn": ["伪造"]}
    if damage == "garbage":
        path.write_bytes(b"\0\1\2\3not marshal")
    elif damage == "checksum":
        path.write_bytes(data[:4] + marshal.dumps((key, forged)))
    else:
        if damage == "module changed":  # (..., size, mtime, (name, bytes)): another modification time
            key = (*key[:3], key[3] + 1, key[4])
        else:
            key = (*key[:4], (key[4][0], key[4][1] + b"\n"))
        payload = marshal.dumps((key, forged))
        path.write_bytes(crc32(payload).to_bytes(4, "little") + payload)
    assert numerals.parsed_toml(SHIPPED) == expected


def test_another_python_build_keeps_a_file_of_its_own(cache_home, monkeypatch):
    expected = numerals.parsed_toml(SHIPPED)
    ours = _kept_file()
    before = ours.read_bytes()
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    parsed = []
    real = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed.append(1) or real(text))
    assert numerals.parsed_toml(SHIPPED) == expected and parsed == [1]
    theirs = _kept_file()
    assert theirs != ours and theirs.is_file() and ours.read_bytes() == before


def test_an_unwritable_cache_folder_is_passed_over(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert numerals.parsed_toml(SHIPPED) == tomllib.loads(SHIPPED.read_text("utf-8"))
    assert list(tmp_path.iterdir()) == [blocker]


def test_what_marshal_cannot_keep_is_parsed_each_time(cache_home, tmp_path):
    dated = tmp_path / "dated.toml"
    dated.write_text("until = 2024-01-01\n")
    assert numerals.parsed_toml(dated) == tomllib.loads("until = 2024-01-01\n")
    assert not _kept_file(dated).exists()
    assert numerals.parsed_toml(dated) == tomllib.loads("until = 2024-01-01\n")


def _worked_out_fixed_cn() -> tuple[tuple[str, str], ...]:
    patterns = numerals.number_data()["fixed_cn"]
    return tuple((fixed_expressions.required_literal(p), fixed_expressions.digit_anchor(p)) for p in patterns)


def test_what_the_fixed_cn_patterns_give_is_read_back(cache_home, monkeypatch):
    expected = _worked_out_fixed_cn()
    assert len(expected) > 10 and any(anchor for _literal, anchor in expected)
    assert fixed_expressions._derived.__wrapped__() == expected
    monkeypatch.setattr(fixed_expressions, "required_literal", None)  # read back, nothing parsed
    assert fixed_expressions._derived.__wrapped__() == expected
    assert fixed_expressions._derived() == expected


@pytest.mark.parametrize("change", ["other patterns", "module changed", "damaged"])
def test_what_the_fixed_cn_patterns_give_is_worked_out_again(cache_home, monkeypatch, change):
    expected = _worked_out_fixed_cn()
    fixed_expressions._derived.__wrapped__()
    path = lazyre.module_keyed_file("fixed-cn", fixed_expressions.__file__, ".marshal")[0]
    key, value = marshal.loads(path.read_bytes()[4:])
    forged = tuple(("伪", "造") for _ in value)
    if change == "damaged":
        path.write_bytes(path.read_bytes()[:4] + marshal.dumps((key, forged)))
    else:
        if change == "other patterns":
            key = (*key[:4], (*key[4][:-1], key[4][-1] + "x"))
        else:
            key = (*key[:3], key[3] + 1, key[4])
        payload = marshal.dumps((key, forged))
        path.write_bytes(crc32(payload).to_bytes(4, "little") + payload)
    assert fixed_expressions._derived.__wrapped__() == expected


def test_what_the_fixed_cn_patterns_give_without_a_cache_folder(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert fixed_expressions._derived.__wrapped__() == _worked_out_fixed_cn()
