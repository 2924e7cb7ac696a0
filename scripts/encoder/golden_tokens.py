#!/usr/bin/env python3
"""Regenerates crates/custos-engine/tests/fixtures/wordpiece_golden.jsonl: the token ids Hugging Face `tokenizers`
(0.23.3, the reference BERT tokenizer) gives for a set of tricky texts with all-MiniLM-L6-v2's tokenizer.json.
Run by hand:  pip install tokenizers==0.23.3; golden_tokens.py path/to/tokenizer.json > FIXTURE.
The Rust WordPiece tokenizer must reproduce these ids exactly (test `wordpiece_matches_reference`)."""
import json
import sys

from tokenizers import Tokenizer

TEXTS = [
    "I will kill you",
    "Hello, world! How are you doing today?",
    "The café served crème brûlée; naïve façade.",
    "ÄÖÜ äöü ß Straße Größe",
    "Zażółć gęślą jaźń",
    "我要杀了你 and 日本語のテキスト",
    "مرحبا بالعالم",
    "नमस्ते दुनिया",
    "Привет, мир",
    "emoji 😀🔥 test 👍🏽",
    "tabs\tand\nnewlines\r\nand  spaces",
    "control\u0000chars\u0007here\ufffd",
    "don't won't it's e-mail @user #hashtag http://example.com/a?b=c",
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
    "a" * 120,
    "k1ll 4ll th3 p30pl3 !!! ??? ...",
    "$100.50 3.14159 1,000,000 2024-11-27",
    "UPPER lower MiXeD",
    "zero\u200bwidth\u200djoiner",
    "   ",
    "",
    "¿Qué pasa? ¡Nada!",
    "«quotes» “curly” ‘single’ — dash – en",
    "Ｆｕｌｌｗｉｄｔｈ ｌｅｔｔｅｒｓ",
    "x̶y̶z̶ strike",
    "I want to hurt myself, I can't go on anymore.",
]


def main():
    tok = Tokenizer.from_file(sys.argv[1])
    tok.no_padding()
    tok.no_truncation()
    for t in TEXTS:
        enc = tok.encode(t)
        print(json.dumps({"text": t, "ids": enc.ids}, ensure_ascii=False))


if __name__ == "__main__":
    main()
