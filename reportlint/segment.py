"""Word segmentation behind one lazy, cached service.

Segmentation is jieba's precise mode without HMM (``jieba.cut(text, HMM=False)``),
computed here from jieba's own dictionary with jieba's own algorithm (a DAG of
dictionary words, then the most probable route), so the words are identical.

What differs is the cost of the dictionary. jieba unmarshals a 500,000-entry
dictionary before it segments its first character (about half a second,
longer than the whole check of a draft). Here the dictionary is converted once
into a compact file in the user cache directory (``$XDG_CACHE_HOME/reportlint``
or ``~/.cache/reportlint``): one UTF-8 blob of words grouped by first
character, one array of frequencies and a small index. Loading it is one
read; the dictionary entries of a character are decoded the first time a
window containing that character is segmented. A rule that segments a few
candidate windows therefore pays a few milliseconds, not half a second.

Nothing is loaded until a rule first asks for words.
"""

from __future__ import annotations

import contextlib
import re
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from math import log
from pathlib import Path
from typing import Any

from reportlint.usercache import prune, user_cache_dir, write_atomic

# jieba's own block patterns (stdlib ``re``, as jieba uses them, so that blocks split identically).
_RE_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
_RE_SKIP = re.compile("(\r\n|\\s)", re.U)
_RE_ENG = re.compile("[a-zA-Z0-9]", re.U)

_FORMAT = 2
_HEADER = "<IQIII"  # format, total frequency, index size, words size, frequencies size
_MAGIC = b"reportlint-words\n"
_EMPTY: dict[str, int] = {}


@dataclass(frozen=True)
class Token:
    word: str
    start: int
    end: int


class WordDictionary:
    """jieba's prefix dictionary (word -> frequency, prefixes with frequency 0), by first character.

    ``buffer`` holds the words of each first character as one UTF-8 chunk (``\\n``-separated)
    from ``blob_start`` and their frequencies as native uint32 from ``freq_start``; ``index`` maps a
    character to (chunk start, chunk end, first frequency, count). The buffer may be a memory map
    of the cached file, so loading reads only the header and the index.
    """

    def __init__(
        self,
        total: int,
        index: dict[str, tuple[int, int, int, int]],
        buffer: Any,
        blob_start: int,
        freq_start: int,
    ) -> None:
        self.total = total
        self.log_total = log(total)
        self._index = index
        self._buffer = buffer
        self._blob_start = blob_start
        self._freq_start = freq_start
        self._buckets: dict[str, dict[str, int]] = {}

    @classmethod
    def from_frequencies(cls, freq: dict[str, int], total: int) -> WordDictionary:
        """Build from a jieba-style prefix dictionary (used when converting and as a fallback)."""
        from array import array

        groups: dict[str, list[str]] = {}
        for word in freq:
            if word:
                groups.setdefault(word[0], []).append(word)
        index: dict[str, tuple[int, int, int, int]] = {}
        parts: list[bytes] = []
        values = array("I")
        position = 0
        for first in sorted(groups):
            words = groups[first]
            chunk = "\n".join(words).encode("utf-8")
            index[first] = (position, position + len(chunk), len(values), len(words))
            parts.append(chunk)
            position += len(chunk)
            values.extend(freq[w] for w in words)
        blob = b"".join(parts)
        return cls(total, index, blob + values.tobytes(), 0, len(blob))

    def bucket(self, first: str) -> dict[str, int]:
        """Entries starting with the character ``first`` (decoded on first use)."""
        found = self._buckets.get(first)
        if found is not None:
            return found
        entry = self._index.get(first)
        if entry is None:
            self._buckets[first] = _EMPTY
            return _EMPTY
        from array import array

        start, end, freq_start, count = entry
        words = self._buffer[self._blob_start + start : self._blob_start + end].decode("utf-8").split("\n")
        freqs = array("I")
        offset = self._freq_start + freq_start * freqs.itemsize
        freqs.frombytes(self._buffer[offset : offset + count * freqs.itemsize])
        bucket = dict(zip(words, freqs.tolist(), strict=True))
        self._buckets[first] = bucket
        return bucket

    def frequency(self, word: str) -> int:
        return self.bucket(word[0]).get(word, 0) if word else 0

    def dump(self) -> bytes:
        """The cache file: magic, header, marshalled index, word chunks, frequencies."""
        import marshal
        import struct

        index = marshal.dumps(self._index)
        blob = self._buffer[self._blob_start : self._freq_start]
        freqs = self._buffer[self._freq_start :]
        header = struct.pack(_HEADER, _FORMAT, self.total, len(index), len(blob), len(freqs))
        return b"".join((_MAGIC, header, index, blob, freqs))

    @classmethod
    def load(cls, buffer: Any) -> WordDictionary:
        """Open a cache file's contents (bytes or a memory map); ValueError when it is not one."""
        import marshal
        import struct

        head = len(_MAGIC) + struct.calcsize(_HEADER)
        if len(buffer) < head or buffer[: len(_MAGIC)] != _MAGIC:
            raise ValueError("not a reportlint word file")
        version, total, index_size, blob_size, freq_size = struct.unpack(_HEADER, buffer[len(_MAGIC) : head])
        if version != _FORMAT or head + index_size + blob_size + freq_size != len(buffer) or total <= 0:
            raise ValueError("unsupported or truncated word file")
        index = marshal.loads(buffer[head : head + index_size])
        if not isinstance(index, dict):
            raise ValueError("bad word file index")
        blob_start = head + index_size
        return cls(total, index, buffer, blob_start, blob_start + blob_size)


def _jieba_dict_path() -> Path | None:
    """jieba's dict.txt, found without importing jieba (its import alone costs ~70 ms)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("jieba")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / "dict.txt"
        if candidate.is_file():
            return candidate
    return None


def parse_jieba_dict(path: Path) -> tuple[dict[str, int], int]:
    """Read jieba's dict.txt exactly as ``jieba.Tokenizer.gen_pfdict`` does."""
    freq: dict[str, int] = {}
    total = 0
    with open(path, "rb") as fh:
        for raw in fh:
            line = raw.strip().decode("utf-8")
            if not line:
                continue
            word, count = line.split(" ")[:2]
            value = int(count)
            freq[word] = value
            total += value
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)
    return freq, total


def _words_file(source: Path) -> Path:
    stat = source.stat()
    import zlib

    tag = zlib.crc32(f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()) & 0xFFFFFFFF
    return user_cache_dir() / f"words-v{_FORMAT}-{sys.byteorder}-{tag:08x}.bin"


def load_dictionary() -> WordDictionary:
    """jieba's dictionary in compact form: from the user cache, converted on first use."""
    source = _jieba_dict_path()
    if source is None:
        return _from_jieba()
    target = _words_file(source)
    try:
        return WordDictionary.load(_map(target))
    except (OSError, ValueError, EOFError, TypeError):
        pass  # missing or unreadable: convert again
    freq, total = parse_jieba_dict(source)
    dictionary = WordDictionary.from_frequencies(freq, total)
    with contextlib.suppress(OSError):  # a read-only cache directory only costs speed
        write_atomic(target, dictionary.dump())
        prune("words-*.bin", keep=target)
    return dictionary


def _map(path: Path) -> Any:
    """The file's contents, memory-mapped where possible (only the pages used are read)."""
    import mmap

    with open(path, "rb") as fh:
        try:
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return fh.read()


def _from_jieba() -> WordDictionary:
    """Fallback when jieba's dict.txt is not a plain file: let jieba load it."""
    import io
    import logging

    import jieba

    logging.getLogger("jieba").setLevel(logging.ERROR)
    jieba.setLogLevel(logging.ERROR)
    tokenizer = jieba.Tokenizer()
    # jieba prints to stderr through its own handler; keep it off the terminal.
    with contextlib.redirect_stderr(io.StringIO()):
        tokenizer.initialize()
    return WordDictionary.from_frequencies(tokenizer.FREQ, tokenizer.total)


class Segmenter:
    def __init__(self) -> None:
        self._dictionary: WordDictionary | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._dictionary is not None

    def _load(self) -> WordDictionary:
        if self._dictionary is None:
            with self._lock:
                if self._dictionary is None:
                    self._dictionary = load_dictionary()
        return self._dictionary

    def cut(self, text: str) -> list[str]:
        """Segment ``text`` (precise mode, no HMM for new words: stable, dictionary-driven)."""
        return list(_cut_cached(self, text))

    def tokens(self, text: str, offset: int = 0) -> list[Token]:
        tokens: list[Token] = []
        position = offset
        for word in _cut_cached(self, text):
            tokens.append(Token(word, position, position + len(word)))
            position += len(word)
        return tokens

    def word_frequency(self, word: str) -> int:
        """How often jieba's dictionary has seen ``word`` (0 when it is not a dictionary word)."""
        return self._load().frequency(word)

    def is_word(self, word: str) -> bool:
        return self.word_frequency(word) > 0

    # -- jieba's algorithm (Tokenizer.cut with HMM=False) ------------------------------
    def _cut(self, sentence: str) -> list[str]:
        words: list[str] = []
        for block in _RE_HAN.split(sentence):
            if not block:
                continue
            if _RE_HAN.match(block):
                words.extend(self._cut_block(block))
            else:
                for part in _RE_SKIP.split(block):
                    if _RE_SKIP.match(part):
                        words.append(part)
                    else:
                        words.extend(part)
        return words

    def _cut_block(self, sentence: str) -> list[str]:
        dictionary = self._load()
        bucket = dictionary.bucket
        n = len(sentence)
        # DAG: for each start, the ends (inclusive) of dictionary words starting there.
        dag: list[list[int]] = []
        for k in range(n):
            entries = bucket(sentence[k])
            ends: list[int] = []
            i = k
            fragment = sentence[k]
            while i < n and fragment in entries:
                if entries[fragment]:
                    ends.append(i)
                i += 1
                fragment = sentence[k : i + 1]
            dag.append(ends or [k])
        # Most probable route, right to left; ties go to the longer word, as in jieba.
        log_total = dictionary.log_total
        route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
        for idx in range(n - 1, -1, -1):
            entries = bucket(sentence[idx])
            route[idx] = max(
                (log(entries.get(sentence[idx : x + 1]) or 1) - log_total + route[x + 1][0], x)
                for x in dag[idx]
            )
        words: list[str] = []
        x = 0
        buffer = ""
        while x < n:
            y = route[x][1] + 1
            word = sentence[x:y]
            if len(word) == 1 and _RE_ENG.match(word):
                buffer += word
            else:
                if buffer:
                    words.append(buffer)
                    buffer = ""
                words.append(word)
            x = y
        if buffer:
            words.append(buffer)
        return words


@lru_cache(maxsize=8192)
def _cut_cached(segmenter: Segmenter, text: str) -> tuple[str, ...]:
    return tuple(segmenter._cut(text))


_SEGMENTER = Segmenter()


def get_segmenter() -> Segmenter:
    """The process-wide segmenter (loaded on first use)."""
    return _SEGMENTER
