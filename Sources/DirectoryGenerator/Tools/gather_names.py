#!/usr/bin/env python3
"""Gathers the name lists of `DirectoryGenerator` from public, permissively licensed data.

Not run by the build: its output, `Resources/names/*.tsv` and `Resources/romanization/han.tsv`,
is committed as data. Re-run it only to refresh the lists:

    pip install faker==40.63.0 pypinyin==0.55.0
    python3 Sources/DirectoryGenerator/Tools/gather_names.py Sources/DirectoryGenerator/Resources

Sources (see Resources/NOTICE.md): the person-name lists of Faker (MIT) per locale, with their
frequencies where Faker has them; pypinyin (MIT) for the Mandarin reading of Han characters.

Each names/<locale>.tsv line is `kind<TAB>name<TAB>weight[<TAB>typed]`:
- kind: given.m, given.f, family (either sex), family.m, family.f;
- weight: relative popularity. Faker's frequency where it has one; otherwise a Zipf-Mandelbrot
  weight 1/(rank+10) by the list's order (the offset keeps the head of a short list from
  holding a sixth of all people) when that order is by popularity, or by a rank drawn from a
  fixed shuffle when the list is alphabetical (so that "Aaron" is not the most common name);
- typed: a romanization a person would type, where the source pairs one (Japanese).
"""
import importlib
import os
import random
import sys

from pypinyin import Style, lazy_pinyin

# locale -> (faker module, {kind: (attribute, ordered_by_popularity)})
LOCALES = {
    "en": ("en_US", {"given.m": ("first_names_male", True), "given.f": ("first_names_female", True), "family": ("last_names", True)}),
    "gb": ("en_GB", {"given.m": ("first_names_male", True), "given.f": ("first_names_female", True), "family": ("last_names", False)}),
    "in": ("en_IN", {"given.m": ("first_names_male", False), "given.f": ("first_names_female", False), "family": ("last_names", False)}),
    "hi": ("hi_IN", {"given.m": ("first_names_male", False), "given.f": ("first_names_female", False), "family": ("last_names", True)}),
    "de": ("de_DE", {"given.m": ("first_names_male", False), "given.f": ("first_names_female", False), "family": ("last_names", False)}),
    "fr": ("fr_FR", {"given.m": ("first_names_male", False), "given.f": ("first_names_female", False), "family": ("last_names", True)}),
    "es": ("es_ES", {"given.m": ("first_names_male", False), "given.f": ("first_names_female", False), "family": ("last_names", False)}),
    "mx": ("es_MX", {"given.m": ("first_names_male", False), "given.f": ("first_names_female", False), "family": ("last_names", False)}),
    "it": ("it_IT", {"given.m": ("first_names_male", False), "given.f": ("first_names_female", False), "family": ("last_names", False)}),
    "nl": ("nl_NL", {"given.m": ("first_names_male", False), "given.f": ("first_names_female", False), "family": ("last_names", False)}),
    "pl": ("pl_PL", {"given.m": ("first_names_male", True), "given.f": ("first_names_female", False),
                     "family.m": ("male_last_names", True), "family": ("unisex_last_names", False)}),
    "tr": ("tr_TR", {"given.m": ("first_names_male", False), "given.f": ("first_names_female", False), "family": ("last_names", True)}),
    "vi": ("vi_VN", {"given.m": ("first_names_male", True), "given.f": ("first_names_female", True),
                     "given.u": ("first_names_unisex", True), "middle": ("middle_names", True), "family": ("last_names", True)}),
    "pt": ("pt_BR", {"given.m": ("first_names_male", False), "given.f": ("first_names_female", False), "family": ("last_names", False)}),
    "ro": ("ro_RO", {"given.m": ("first_names_male", False), "given.f": ("first_names_female", False), "family": ("last_names", False)}),
    "sv": ("sv_SE", {"given.m": ("first_names_male", True), "given.f": ("first_names_female", True), "family": ("last_names", True)}),
    "ru": ("ru_RU", {"given.m": ("first_names_male", False), "given.f": ("first_names_female", False),
                     "family.m": ("last_names_male", True), "family.f": ("last_names_female", True)}),
    "uk": ("uk_UA", {"given.m": ("first_names_male", False), "given.f": ("first_names_female", False),
                     "family": ("last_names_common", False), "family.m": ("last_names_male_only", False),
                     "family.f": ("last_names_female_only", False)}),
    "el": ("el_GR", {"given.m": ("first_names_male", False), "given.f": ("first_names_female", False),
                     "family.m": ("last_names_male", False), "family.f": ("last_names_female", False)}),
    "zh": ("zh_CN", {"given.m": ("first_names_male", True), "given.f": ("first_names_female", True), "family": ("last_names", True)}),
    "tw": ("zh_TW", {"given.m": ("first_names_male", True), "given.f": ("first_names_female", True), "family": ("last_names", True)}),
    "ja": ("ja_JP", {"given.m": ("first_name_male_pairs", True), "given.f": ("first_name_female_pairs", True), "family": ("last_name_pairs", True)}),
    "ko": ("ko_KR", {"given.m": ("first_names_male", True), "given.f": ("first_names_female", True), "family": ("last_names", True)}),
    "ar": ("ar_AA", {"given.m": ("first_names_male", False), "given.f": ("first_names_female", False), "family": ("last_names", False)}),
}

# Surnames whose reading differs from the character's most common reading.
SURNAME_READINGS = {"单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "朴": "piao", "区": "ou", "查": "zha", "乐": "yue",
                    "覃": "qin", "盖": "ge", "缪": "miao", "翟": "zhai", "尉迟": "yuchi", "万俟": "moqi", "长孙": "zhangsun",
                    "柏": "bai", "秘": "bi", "种": "chong", "黑": "he", "祭": "zhai", "车": "che", "重": "chong", "沈": "shen"}


def entries(value, popular, rng):
    """(name, weight, typed) triples of one Faker list."""
    if isinstance(value, dict):
        items = list(value.items())
        have_weights = len({w for _, w in items}) > 1
        out = []
        for rank, (key, weight) in enumerate(items):
            w = float(weight) if have_weights else 1.0 / (rank + 10)
            if isinstance(key, tuple):  # Japanese (kanji, kana, romaji)
                out.append((key[0], w, key[2]))
            else:
                out.append((key, w, None))
        return out
    items = list(dict.fromkeys(value))  # order kept, duplicates dropped
    ranks = list(range(len(items)))
    if not popular:
        rng.shuffle(ranks)
    out = []
    for item, rank in zip(items, ranks):
        if isinstance(item, tuple):
            out.append((item[0], 1.0 / (rank + 10), item[2]))
        else:
            out.append((item, 1.0 / (rank + 10), None))
    return out


def main(root):
    rng = random.Random(20261201)
    han = set()
    for locale, (module_name, kinds) in LOCALES.items():
        provider = importlib.import_module("faker.providers.person." + module_name).Provider
        lines = [f"# {locale}: from Faker {module_name} (MIT); kind, name, weight, typed romanization (optional)"]
        for kind, (attribute, popular) in kinds.items():
            for name, weight, typed in entries(getattr(provider, attribute), popular, rng):
                name = name.strip()
                if not name:
                    continue
                if locale in ("zh", "tw"):
                    han.update(name)
                    if kind == "family":
                        typed = SURNAME_READINGS.get(name) or "".join(lazy_pinyin(name, style=Style.NORMAL))
                        typed = typed.capitalize()
                fields = [kind, name, f"{weight:.6g}"] + ([typed] if typed else [])
                lines.append("\t".join(fields))
        with open(os.path.join(root, "names", f"{locale}.tsv"), "w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
    with open(os.path.join(root, "romanization", "han.tsv"), "w", encoding="utf-8") as out:
        out.write("# Han character -> Mandarin pinyin without tones (pypinyin 0.55.0, MIT), for the characters of the Chinese name lists\n")
        for char in sorted(han):
            reading = lazy_pinyin(char, style=Style.NORMAL)[0]
            if reading != char:
                out.write(f"{char}\t{reading}\n")


if __name__ == "__main__":
    main(sys.argv[1])
