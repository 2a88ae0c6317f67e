"""The compact dictionary segments exactly as jieba does, and is converted once into the user cache."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportlint import segment
from reportlint.segment import Segmenter, WordDictionary, get_segmenter

SEEDS = sorted((Path(__file__).parent / "seeds").glob("*.txt"))
SENTENCES = [
    "我们要坚持以人民为中心的发展思想，推动高质量发展。",
    "全年完成固定资产投资3.5万亿元，同比增长9.8%，GDP达到12.3万亿元。",
    "推进“放管服”改革，优化营商环境；实施乡村振兴战略。",
    "2023年度 COVID-19 A+B  test_case 50% #1 & R&D\r\n第二行\t制表符",
    "",
    "。。。",
    "养殖养殖养殖养殖",
]


@pytest.fixture(scope="module")
def jieba_tokenizer() -> Iterator[object]:
    jieba = pytest.importorskip("jieba")
    jieba.setLogLevel(logging.ERROR)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    yield tokenizer


@pytest.mark.parametrize("text", SENTENCES)
def test_same_words_as_jieba(jieba_tokenizer: object, text: str) -> None:
    expected = list(jieba_tokenizer.cut(text, HMM=False))  # type: ignore[attr-defined]
    assert get_segmenter().cut(text) == expected


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_same_words_as_jieba_on_drafts(jieba_tokenizer: object, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert Segmenter()._cut(text) == list(jieba_tokenizer.cut(text, HMM=False))  # type: ignore[attr-defined]


def test_same_frequencies_as_jieba(jieba_tokenizer: object) -> None:
    freq = jieba_tokenizer.FREQ  # type: ignore[attr-defined]
    segmenter = get_segmenter()
    for word in ("发展", "高质量", "放管服", "中华人民共和国", "高质", "x万元", "的", "𠀀"):
        assert segmenter.word_frequency(word) == freq.get(word, 0), word
    assert segmenter.is_word("发展") and not segmenter.is_word("展发")
    assert segmenter._load().total == jieba_tokenizer.total  # type: ignore[attr-defined]


def test_tokens_carry_offsets() -> None:
    tokens = get_segmenter().tokens("推动高质量发展", offset=10)
    assert [(t.word, t.start, t.end) for t in tokens] == [
        ("推动", 10, 12),
        ("高质量", 12, 15),
        ("发展", 15, 17),
    ]


def test_dictionary_file_round_trip() -> None:
    dictionary = WordDictionary.from_frequencies({"发": 0, "发展": 5, "展": 2, "a": 1}, 8)
    loaded = WordDictionary.load(dictionary.dump())
    assert loaded.total == 8
    assert [loaded.frequency(w) for w in ("发", "发展", "展", "a", "b")] == [0, 5, 2, 1, 0]
    with pytest.raises(ValueError):
        WordDictionary.load(b"garbage")


def test_converted_once_into_the_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = segment.load_dictionary()
    files = list((tmp_path / "reportlint").glob("words-*.bin"))
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    second = segment.load_dictionary()
    assert files[0].stat().st_mtime_ns == stamp
    assert second.frequency("发展") == first.frequency("发展") > 0


def test_word_files_of_other_environments_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every virtualenv writes its own dictionary file; only the newest few stay."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache = tmp_path / "reportlint"
    cache.mkdir()
    for number in range(5):
        stale = cache / f"words-v2-little-{number:08x}.bin"
        stale.write_bytes(b"old")
        os.utime(stale, (1_000_000 + number, 1_000_000 + number))
    segment.load_dictionary()
    left = sorted(p.name for p in cache.glob("words-*.bin"))
    assert len(left) == 3
    assert "words-v2-little-00000004.bin" in left and "words-v2-little-00000003.bin" in left


def test_corrupt_or_unwritable_cache_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    segment.load_dictionary()
    (target,) = (tmp_path / "reportlint").glob("words-*.bin")
    target.write_bytes(b"reportlint-words\n\x00broken")
    assert segment.load_dictionary().frequency("发展") > 0
    assert segment.WordDictionary.load(target.read_bytes()).frequency("发展") > 0  # rewritten
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert segment.load_dictionary().frequency("发展") > 0


def test_checking_a_draft_does_not_import_jieba() -> None:
    """jieba's own import and dictionary stay out of the process (the compact dictionary replaces them)."""
    code = (
        "import sys\n"
        "from reportlint.runner import check_text\n"
        "from reportlint.segment import get_segmenter\n"
        "check_text(open(sys.argv[1], encoding='utf-8').read())\n"
        "get_segmenter().cut('推动高质量发展')\n"
        "print('jieba' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(SEEDS[0])], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_falls_back_to_jieba_when_its_dictionary_is_not_a_plain_file(
    jieba_tokenizer: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(segment, "_jieba_dict_path", lambda: None)
    dictionary = segment.load_dictionary()
    assert dictionary.total == jieba_tokenizer.total  # type: ignore[attr-defined]
    assert dictionary.frequency("高质量") == jieba_tokenizer.FREQ["高质量"]  # type: ignore[attr-defined]
