#!/usr/bin/env python3
"""An independent labeled name corpus: a contacts CSV and labeled queries made by other hands
than `match-bench generate` (whose name lists, romanizations and typing errors the engine was
tuned on), to see how the name search does on names it was not built against.

usage: scripts/independent-name-corpus.py CONTACTS QUERIES_PER_CLASS OUT.csv OUT.jsonl [--seed N]
       match-bench run --contacts OUT.csv --queries OUT.jsonl --rounds 1

- Names: Faker's locales (25 written in Latin letters, 14 in other scripts), not our lists.
- Romanizations, the way people type them, not ICU's transliterator: pypinyin for Chinese,
  Faker's own readings for Japanese, Revised Romanization syllable by syllable for Korean (with
  the customary spellings of common family names, and given names hyphenated 3 times in 10),
  BGN/PCGN-like or passport tables for Russian, the national tables for Ukrainian and Bulgarian,
  ELOT 743-like for Greek, a Devanagari table with the final vowel dropped for Hindi, unidecode
  for Georgian and Armenian. Names in Arabic, Hebrew and Thai script get none (no table here
  writes the vowels people type).
- Typing errors: one QWERTY-neighbour substitution, insertion, deletion or transposition per
  edit, not on the first letter of a word longer than 3; typo2 puts two edits in a word of 8
  letters or more, else one in each word.
- Nicknames: the engine's own table (Sources/ContactIndex/Resources/nicknames.csv, from the
  `nicknames` Python package 1.0.1, Apache-2.0: see NOTICE.md there), English locales only: the
  one class whose relation is not made by other hands, only its names and directory are.
- Unknown names: a real given name and family name never seen together, or both with a
  typing error and a made-up ending.
- "expected": every contact with the target's given and family name as written (initials:
  the same first letter and family name).

Needs: pip install faker==40.63.0 pypinyin==0.55.0 unidecode==1.4.0 (the versions measured).
"""
import collections
import csv
import json
import os
import random
import sys
import unicodedata

from faker import Faker
from pypinyin import lazy_pinyin
from unidecode import unidecode

if len(sys.argv) not in (5, 7) or (len(sys.argv) == 7 and (sys.argv[5] != '--seed' or not sys.argv[6].isdigit())):
    sys.exit(__doc__)
N = int(sys.argv[1]); NQ = int(sys.argv[2]); OUT_CSV = sys.argv[3]; OUT_Q = sys.argv[4]
SEED = int(sys.argv[6]) if len(sys.argv) == 7 else 11
NICKNAMES = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'Sources', 'ContactIndex', 'Resources', 'nicknames.csv')
rnd = random.Random(SEED)

LATIN = {  # locale: (country, weight)
    'en_US': ('US', 14), 'en_GB': ('GB', 5), 'de_DE': ('DE', 5), 'fr_FR': ('FR', 5), 'es_ES': ('ES', 4),
    'es_MX': ('MX', 4), 'it_IT': ('IT', 4), 'pt_BR': ('BR', 4), 'pl_PL': ('PL', 3), 'nl_NL': ('NL', 2),
    'tr_TR': ('TR', 3), 'cs_CZ': ('CZ', 2), 'hu_HU': ('HU', 2), 'sv_SE': ('SE', 2), 'vi_VN': ('VN', 2),
    'fi_FI': ('FI', 1), 'ro_RO': ('RO', 2), 'hr_HR': ('HR', 1), 'id_ID': ('ID', 2), 'en_IN': ('IN', 3),
    'da_DK': ('DK', 1), 'en_IE': ('IE', 1), 'pt_PT': ('PT', 1), 'sk_SK': ('SK', 1), 'lt_LT': ('LT', 1),
}
NATIVE = {
    'ru_RU': ('RU', 5), 'uk_UA': ('UA', 3), 'bg_BG': ('BG', 1), 'el_GR': ('GR', 3), 'zh_CN': ('CN', 5),
    'zh_TW': ('TW', 1), 'ja_JP': ('JP', 4), 'ko_KR': ('KR', 3), 'hi_IN': ('IN', 3), 'ka_GE': ('GE', 1),
    'hy_AM': ('AM', 1), 'ar_AA': ('SA', 2), 'he_IL': ('IL', 1), 'th_TH': ('TH', 1),
}
fakers = {loc: Faker(loc) for loc in list(LATIN) + list(NATIVE)}
for i, f in enumerate(fakers.values()):
    f.seed_instance(SEED * 100 + i)

# ---- romanizations, the way people type them -------------------------------------------
RU_BGN = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
    ['a','b','v','g','d','e','e','zh','z','i','y','k','l','m','n','o','p','r','s','t','u','f','kh','ts','ch','sh','shch','','y','','e','yu','ya']))
RU_PASSPORT = dict(RU_BGN, **{'й': 'i', 'ю': 'iu', 'я': 'ia', 'ъ': 'ie'})
UK = dict(zip('абвгґдеєжзиіїйклмнопрстуфхцчшщьюя',
    ['a','b','v','h','g','d','e','ie','zh','z','y','i','i','i','k','l','m','n','o','p','r','s','t','u','f','kh','ts','ch','sh','shch','','iu','ia']))
UK_START = {'є': 'ye', 'ї': 'yi', 'й': 'y', 'ю': 'yu', 'я': 'ya'}
BG = dict(zip('абвгдежзийклмнопрстуфхцчшщъьюя',
    ['a','b','v','g','d','e','zh','z','i','y','k','l','m','n','o','p','r','s','t','u','f','h','ts','ch','sh','sht','a','y','yu','ya']))

def cyrillic(word, table, start=None):
    out = []
    word = word.replace('ʼ', '').replace("'", '').replace('’', '')
    for i, ch in enumerate(word.lower()):
        if i == 0 and start and ch in start:
            out.append(start[ch])
        elif ch == 'е' and table is RU_BGN and (i == 0 or word.lower()[i-1] in 'аеёиоуыэюяъь'):
            out.append('ye')
        else:
            out.append(table.get(ch, ch))
    return ''.join(out)

GREEK_PAIRS = {'ου': 'ou', 'αι': 'ai', 'ει': 'ei', 'οι': 'oi', 'αυ': 'av', 'ευ': 'ev', 'μπ': 'mp', 'ντ': 'nt', 'γγ': 'ng', 'γκ': 'gk', 'τσ': 'ts', 'τζ': 'tz'}
GREEK = dict(zip('αβγδεζηθικλμνξοπρσςτυφχψω', ['a','v','g','d','e','z','i','th','i','k','l','m','n','x','o','p','r','s','s','t','y','f','ch','ps','o']))

def greek(word):
    w = ''.join(c for c in unicodedata.normalize('NFD', word.lower()) if not unicodedata.combining(c))
    out, i = [], 0
    while i < len(w):
        pair = w[i:i+2]
        if pair in ('μπ', 'ντ') and i == 0:
            out.append('b' if pair == 'μπ' else 'd'); i += 2
        elif pair in GREEK_PAIRS:
            out.append(GREEK_PAIRS[pair]); i += 2
        else:
            out.append(GREEK.get(w[i], w[i])); i += 1
    return ''.join(out)

KO_SURNAMES = {'김': 'Kim', '이': 'Lee', '박': 'Park', '최': 'Choi', '정': 'Jung', '강': 'Kang', '조': 'Cho',
    '윤': 'Yoon', '장': 'Jang', '임': 'Lim', '한': 'Han', '오': 'Oh', '서': 'Seo', '신': 'Shin', '권': 'Kwon',
    '황': 'Hwang', '안': 'Ahn', '송': 'Song', '류': 'Ryu', '홍': 'Hong', '전': 'Jeon', '고': 'Ko', '문': 'Moon',
    '양': 'Yang', '손': 'Son', '배': 'Bae', '백': 'Baek', '허': 'Heo', '노': 'Noh', '남': 'Nam', '심': 'Shim'}

KO_INITIAL = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h']
KO_VOWEL = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i']
KO_FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't']

def ko_rr(syllable):
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172: return unidecode(syllable)
    return KO_INITIAL[code // 588] + KO_VOWEL[(code % 588) // 28] + KO_FINAL[code % 28]

def korean(family, given):
    fam = KO_SURNAMES.get(family) if rnd.random() < 0.7 else None
    fam = fam or ko_rr(family).capitalize()
    syllables = [ko_rr(s) for s in given]
    g = '-'.join(syllables) if rnd.random() < 0.3 else ''.join(syllables)
    return fam, g.capitalize()

DEVA_V = {'अ': 'a', 'आ': 'a', 'इ': 'i', 'ई': 'i', 'उ': 'u', 'ऊ': 'u', 'ए': 'e', 'ऐ': 'ai', 'ओ': 'o', 'औ': 'au', 'ऋ': 'ri'}
DEVA_M = {'ा': 'a', 'ि': 'i', 'ी': 'i', 'ु': 'u', 'ू': 'u', 'े': 'e', 'ै': 'ai', 'ो': 'o', 'ौ': 'au', 'ृ': 'ri'}
DEVA_C = {'क': 'k', 'ख': 'kh', 'ग': 'g', 'घ': 'gh', 'ङ': 'n', 'च': 'ch', 'छ': 'chh', 'ज': 'j', 'झ': 'jh', 'ञ': 'n',
    'ट': 't', 'ठ': 'th', 'ड': 'd', 'ढ': 'dh', 'ण': 'n', 'त': 't', 'थ': 'th', 'द': 'd', 'ध': 'dh', 'न': 'n',
    'प': 'p', 'फ': 'ph', 'ब': 'b', 'भ': 'bh', 'म': 'm', 'य': 'y', 'र': 'r', 'ल': 'l', 'व': 'v', 'श': 'sh',
    'ष': 'sh', 'स': 's', 'ह': 'h', 'ळ': 'l', 'क़': 'q', 'ज़': 'z', 'फ़': 'f', 'ड़': 'r', 'ढ़': 'rh'}

def devanagari(word):
    out, i, w = [], 0, unicodedata.normalize('NFC', word)
    while i < len(w):
        ch = w[i]
        if ch in DEVA_C:
            out.append(DEVA_C[ch]); nxt = w[i+1] if i + 1 < len(w) else ''
            if nxt in DEVA_M: out.append(DEVA_M[nxt]); i += 2; continue
            if nxt == '्': i += 2; continue
            out.append('' if i + 1 >= len(w) else 'a'); i += 1; continue
        if ch in DEVA_V: out.append(DEVA_V[ch])
        elif ch in 'ंँ': out.append('n')
        elif ch in DEVA_M: out.append(DEVA_M[ch])
        i += 1
    s = ''.join(out)
    return s

def clean(s):
    return s.replace('`', '').replace("'", '')

def person(loc):
    f = fakers[loc]
    male = rnd.random() < 0.5
    if loc == 'ja_JP':
        fk, _, fr = f.first_name_male_pair() if male else f.first_name_female_pair()
        lk, _, lr = f.last_name_pair()
        return fk, lk, (fr, lr)
    first = f.first_name_male() if male and hasattr(f, 'first_name_male') else (f.first_name_female() if hasattr(f, 'first_name_female') else f.first_name())
    last = f.last_name_male() if male and hasattr(f, 'last_name_male') else (f.last_name_female() if not male and hasattr(f, 'last_name_female') else f.last_name())
    return first, last, None

def romanize(loc, first, last, pair):
    """(given, family) in Latin letters as a person of that country types them, or None."""
    if loc == 'ja_JP': return pair
    if loc in ('zh_CN', 'zh_TW'):
        return ''.join(lazy_pinyin(first)).capitalize(), ''.join(lazy_pinyin(last)).capitalize()
    if loc == 'ru_RU':
        t = RU_BGN if rnd.random() < 0.6 else RU_PASSPORT
        return cyrillic(first, t).capitalize(), cyrillic(last, t).capitalize()
    if loc == 'uk_UA': return cyrillic(first, UK, UK_START).capitalize(), cyrillic(last, UK, UK_START).capitalize()
    if loc == 'bg_BG': return cyrillic(first, BG).capitalize(), cyrillic(last, BG).capitalize()
    if loc == 'el_GR': return greek(first).capitalize(), greek(last).capitalize()
    if loc == 'ko_KR':
        fam, given = korean(last, first); return given, fam
    if loc == 'hi_IN': return devanagari(first).capitalize(), devanagari(last).capitalize()
    if loc in ('ka_GE', 'hy_AM'): return clean(unidecode(first)).capitalize(), clean(unidecode(last)).capitalize()
    return None

def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s) if not unicodedata.combining(c)).lower()

# ---- the directory ------------------------------------------------------------------------
locales = list(LATIN) + list(NATIVE)
weights = [LATIN[l][1] for l in LATIN] + [NATIVE[l][1] for l in NATIVE]
rows, by_name, by_initial = [], collections.defaultdict(list), collections.defaultdict(list)
for i in range(N):
    loc = rnd.choices(locales, weights)[0]
    first, last, pair = person(loc)
    cid = f'F{i+1:07d}'
    f = fakers[loc]
    country = (LATIN.get(loc) or NATIVE[loc])[0]
    rows.append(dict(id=cid, first_name=first, last_name=last, phone=f.phone_number(), mobile='',
        email=f'{fold(unidecode(first))}.{fold(unidecode(last))}{rnd.randint(1, 999)}@example.{country.lower()}'.replace(' ', ''),
        entity=rnd.choice(['contact', 'contact', 'contact', 'lead']), company=f.company() if rnd.random() < 0.5 else '',
        country=country, _loc=loc, _pair=pair))
    by_name[(first, last)].append(cid)
    by_initial[(first[:1], last)].append(cid)
with open(OUT_CSV, 'w', newline='') as out:
    w = csv.DictWriter(out, fieldnames=['id', 'first_name', 'last_name', 'phone', 'mobile', 'email', 'entity', 'company', 'country'], extrasaction='ignore')
    w.writeheader(); w.writerows(rows)

# ---- typing errors ------------------------------------------------------------------------
KEYS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
NEAR = {}
for r, row in enumerate(KEYS):
    for c, k in enumerate(row):
        n = [row[c-1]] if c > 0 else []
        n += [row[c+1]] if c + 1 < len(row) else []
        for rr in (r - 1, r + 1):
            if 0 <= rr < 3:
                n += [KEYS[rr][cc] for cc in (c - 1, c, c + 1) if 0 <= cc < len(KEYS[rr])]
        NEAR[k] = n

def edit(word, avoid_first=True):
    lo = 1 if avoid_first and len(word) > 3 else 0
    for _ in range(20):
        kind = rnd.choice(['sub', 'sub', 'del', 'ins', 'swap'])
        p = rnd.randrange(lo, len(word))
        ch = word[p].lower()
        if kind == 'sub' and ch in NEAR: w = word[:p] + rnd.choice(NEAR[ch]) + word[p+1:]
        elif kind == 'del' and len(word) > 3: w = word[:p] + word[p+1:]
        elif kind == 'ins' and ch in NEAR: w = word[:p] + rnd.choice(NEAR[ch] + [ch]) + word[p:]
        elif kind == 'swap' and p + 1 < len(word) and word[p] != word[p+1]: w = word[:p] + word[p+1] + word[p] + word[p+2:]
        else: continue
        if w != word: return w
    return None

# ---- nicknames ----------------------------------------------------------------------------
nick = collections.defaultdict(list)
for r in csv.DictReader(open(NICKNAMES)):
    if r['relationship'] == 'has_nickname': nick[r['name1']].append(r['name2'])

# ---- queries ------------------------------------------------------------------------------
latin_rows = [r for r in rows if r['_loc'] in LATIN and ' ' not in r['first_name'] and ' ' not in r['last_name']]
native_rows = [r for r in rows if r['_loc'] in NATIVE]
names = set(by_name)
queries, made = [], collections.Counter()

def add(cls, q, expected):
    if made[cls] < NQ:
        queries.append(dict({'class': cls, 'kind': 'search', 'query': q, 'expected': expected})); made[cls] += 1

tries = 0
while min(made[c] for c in ['name_exact', 'name_folded', 'name_swapped', 'name_typo1', 'name_typo2', 'name_prefix', 'name_initials', 'name_nickname']) < NQ and tries < 200000:
    tries += 1
    r = rnd.choice(latin_rows); first, last = r['first_name'], r['last_name']; ids = by_name[(first, last)]
    add('name_exact', f'{first} {last}', ids)
    if fold(first) != first.lower() or fold(last) != last.lower():
        add('name_folded', f'{fold(first)} {fold(last)}', ids)
    add('name_swapped', rnd.choice([f'{last} {first}', f'{last}, {first}', f'{last.upper()}, {first}']), ids)
    toks = [first, last]; k = rnd.randrange(2)
    if len(toks[k]) >= 4:
        e = edit(toks[k])
        if e:
            t = list(toks); t[k] = e
            if (t[0], t[1]) not in names: add('name_typo1', ' '.join(t), ids)
    long = [i for i, t in enumerate(toks) if len(t) >= 8]
    if long:
        i = long[0]; e = edit(toks[i]); e = e and edit(e)
        t = list(toks)
        if e: t[i] = e
    else:
        e0, e1 = (edit(toks[0]) if len(toks[0]) >= 4 else None), (edit(toks[1]) if len(toks[1]) >= 4 else None)
        t = [e0, e1] if e0 and e1 else None
    if t and t != toks and (t[0], t[1]) not in names: add('name_typo2', ' '.join(t), ids)
    if len(first) >= 3 and len(last) >= 4:
        add('name_prefix', rnd.choice([f'{first[:rnd.randint(3, max(3, len(first)-1))]} {last[:rnd.randint(3, len(last)-1)]}', f'{first} {last[:rnd.randint(3, len(last)-1)]}']), ids)
    add('name_initials', rnd.choice([f'{first[0]} {last}', f'{first[0]}. {last}']), by_initial[(first[:1], last)])
    nk = nick.get(first.lower())
    if nk and r['_loc'].startswith('en'):
        add('name_nickname', f'{rnd.choice(nk).capitalize()} {last}', ids)

for r in rnd.sample(native_rows, min(len(native_rows), 20 * NQ)):
    if made['name_transliterated'] >= NQ: break
    rom = romanize(r['_loc'], r['first_name'], r['last_name'], r['_pair'])
    if not rom: continue
    given, family = rom
    ids = by_name[(r['first_name'], r['last_name'])]
    q = f'{family} {given}' if r['_loc'] in ('zh_CN', 'zh_TW', 'ko_KR', 'ja_JP') and rnd.random() < 0.5 else f'{given} {family}'
    add('name_transliterated', q, ids)
    made[f"translit.{r['_loc']}"] += 1

firsts = [r['first_name'] for r in latin_rows]; lasts = [r['last_name'] for r in latin_rows]
while made['name_unknown'] < NQ:
    a, b = rnd.choice(firsts), rnd.choice(lasts)
    if (a, b) in names: continue
    if made['name_unknown'] % 2:
        add('name_unknown', f'{a} {b}', [])
    else:
        add('name_unknown', f'{edit(a) or a}{rnd.choice(["ov", "ek", "ui"])} {edit(b) or b}{rnd.choice(["ski", "ano", "eux"])}', [])

with open(OUT_Q, 'w') as out:
    for q in queries: out.write(json.dumps(q, ensure_ascii=False) + '\n')
print(dict(made), file=sys.stderr)
