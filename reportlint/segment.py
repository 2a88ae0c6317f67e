"""Word segmentation behind one lazy, cached service.

jieba's dictionary costs about half a second to load, so it is loaded only
when a rule first asks for words, once per process, and its start-up chatter
("Building prefix dict ...") never reaches the user's terminal.
"""

from __future__ import annotations

import contextlib
import io
import logging
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Token:
    word: str
    start: int
    end: int


class Segmenter:
    def __init__(self) -> None:
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._tokenizer is not None

    def _load(self) -> Any:
        with self._lock:
            if self._tokenizer is None:
                import jieba

                logging.getLogger("jieba").setLevel(logging.ERROR)
                jieba.setLogLevel(logging.ERROR)
                tokenizer = jieba.Tokenizer()
                # jieba prints to stderr through its own handler; keep it off the terminal.
                with contextlib.redirect_stderr(io.StringIO()):
                    tokenizer.initialize()
                self._tokenizer = tokenizer
        return self._tokenizer

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
        freq: int = self._load().FREQ.get(word, 0)
        return freq

    def is_word(self, word: str) -> bool:
        return self.word_frequency(word) > 0


@lru_cache(maxsize=8192)
def _cut_cached(segmenter: Segmenter, text: str) -> tuple[str, ...]:
    return tuple(segmenter._load().cut(text, HMM=False))


_SEGMENTER = Segmenter()


def get_segmenter() -> Segmenter:
    """The process-wide segmenter (loaded on first use)."""
    return _SEGMENTER
