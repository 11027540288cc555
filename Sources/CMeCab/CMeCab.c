#include "CMeCab.h"

#include <mecab.h>
#include <stdlib.h>
#include <string.h>

struct CMeCab_Reader {
    mecab_model_t *model;
    mecab_t *tagger;
};

CMeCab_Reader *CMeCab_open(void) {
    mecab_model_t *model = mecab_model_new2("");
    if (!model) return NULL;
    mecab_t *tagger = mecab_model_new_tagger(model);
    if (!tagger) {
        mecab_model_destroy(model);
        return NULL;
    }
    CMeCab_Reader *reader = (CMeCab_Reader *)malloc(sizeof *reader);
    if (!reader) {
        mecab_destroy(tagger);
        mecab_model_destroy(model);
        return NULL;
    }
    reader->model = model;
    reader->tagger = tagger;
    return reader;
}

void CMeCab_close(CMeCab_Reader *reader) {
    if (!reader) return;
    mecab_destroy(reader->tagger);
    mecab_model_destroy(reader->model);
    free(reader);
}

/* The IPA dictionary's features are comma-separated: part of speech and its three
   subdivisions, conjugation type and form, base form, reading, pronunciation. Field `index`
   of a node's features, or 0 when it has none there (words it does not know have fewer). */
static int feature_field(const char *feature, int index, const char **start, size_t *length) {
    const char *field = feature;
    for (int skipped = 0; skipped < index; skipped++) {
        field = strchr(field, ',');
        if (!field) return 0;
        field++;
    }
    const char *end = strchr(field, ',');
    size_t count = end ? (size_t)(end - field) : strlen(field);
    if (count == 0 || (count == 1 && field[0] == '*')) return 0;
    *start = field;
    *length = count;
    return 1;
}

/* Whether feature field `index` is `expected` (UTF-8). */
static int feature_is(const char *feature, int index, const char *expected) {
    const char *field = NULL;
    size_t count = 0;
    return feature_field(feature, index, &field, &count) && count == strlen(expected) && memcmp(field, expected, count) == 0;
}

/* Whether the dictionary lists the word as a person's name (固有名詞,人名: a family or given
   name) or as an organization's (固有名詞,組織: many family names, such as 清水, are both). */
static int is_name(const char *feature) {
    return feature_is(feature, 1, "固有名詞") && (feature_is(feature, 2, "人名") || feature_is(feature, 2, "組織"));
}

/* Whether `length` bytes of UTF-8 are all kana (U+3040–U+30FF: E3 81 80 to E3 83 BF): a word
   whose reading is its own spelling, which the dictionary may list as anything (あすか is a
   place name there, ゆい a verb). */
static int is_kana(const char *surface, unsigned short length) {
    if (length == 0 || length % 3 != 0) return 0;
    const unsigned char *bytes = (const unsigned char *)surface;
    for (unsigned short offset = 0; offset < length; offset += 3) {
        if (bytes[offset] != 0xE3 || bytes[offset + 1] < 0x81 || bytes[offset + 1] > 0x83) return 0;
    }
    return 1;
}

/* Appends `count` bytes of `reading` to the `*written` bytes of `out`, after a space when
   `space`; CMECAB_BUFFER_TOO_SMALL when `capacity` has no room for them, else 0. */
static int32_t append_reading(char *out, int32_t *written, int32_t capacity, const char *reading, size_t count, int space) {
    if ((size_t)*written + (size_t)space + count > (size_t)capacity) return CMECAB_BUFFER_TOO_SMALL;
    if (space) out[(*written)++] = ' ';
    memcpy(out + *written, reading, count);
    *written += (int32_t)count;
    return 0;
}

int32_t CMeCab_reading(CMeCab_Reader *reader, const char *utf8, int32_t length, int32_t namesOnly,
                       const char *wordFeature, char *out, int32_t capacity) {
    if (!reader || !utf8 || length < 0 || !out || capacity < 0) return CMECAB_INVALID_ARGUMENT;
    mecab_lattice_t *lattice = mecab_model_new_lattice(reader->model);
    if (!lattice) return CMECAB_PARSE_FAILED;
    mecab_lattice_set_sentence2(lattice, utf8, (size_t)length);
    /* The whole text one word of that kind: the dictionary's entry for it as such, or an unknown
       word (no reading) when it has none. (Constraints set this way need no MECAB_PARTIAL, which
       would read the sentence as MeCab's "word<TAB>feature" lines.) */
    if (wordFeature) mecab_lattice_set_feature_constraint(lattice, 0, (size_t)length, wordFeature);
    int32_t result = 0;
    if (!mecab_parse_lattice(reader->tagger, lattice)) {
        result = CMECAB_PARSE_FAILED;
    } else {
        int32_t written = 0;
        int afterFamilyName = 0;
        for (const mecab_node_t *node = mecab_lattice_get_bos_node(lattice); node; node = node->next) {
            if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE) continue;
            const char *reading = NULL;
            size_t count = 0;
            if (node->stat == MECAB_UNK_NODE || !node->feature || !feature_field(node->feature, 7, &reading, &count)
                || (namesOnly && !is_name(node->feature) && !is_kana(node->surface, node->length))) {
                result = CMECAB_NO_READING;
                break;
            }
            /* A given name after a family name in one word (村上春樹, 吉田あすか) is a word of its own. */
            result = append_reading(out, &written, capacity, reading, count, afterFamilyName);
            if (result != 0) break;
            afterFamilyName = feature_is(node->feature, 3, "姓");
        }
        if (result == 0) result = written;
    }
    mecab_lattice_destroy(lattice);
    return result;
}

/* Whether a node's features begin with `prefix` (UTF-8). */
static int feature_starts_with(const char *feature, const char *prefix) {
    return strncmp(feature, prefix, strlen(prefix)) == 0;
}

int32_t CMeCab_wordReadings(CMeCab_Reader *reader, const char *utf8, int32_t length, const char *wordFeature,
                            char *out, int32_t capacity) {
    if (!reader || !utf8 || length <= 0 || !out || capacity < 0) return CMECAB_INVALID_ARGUMENT;
    /* A node's length is 16 bits: no word is longer, and a longer text's length would wrap. */
    if (length > 0xFFFF) return CMECAB_NO_READING;
    mecab_lattice_t *lattice = mecab_model_new_lattice(reader->model);
    if (!lattice) return CMECAB_PARSE_FAILED;
    mecab_lattice_set_sentence2(lattice, utf8, (size_t)length);
    /* Every dictionary word the text starts with (and unknown-word guesses), linked by bnext;
       the nodes live in the lattice. */
    const mecab_node_t *found = mecab_model_lookup(reader->model, utf8, utf8 + length, lattice);
    enum { most = 16 };
    const mecab_node_t *entries[most];
    int count = 0;
    for (const mecab_node_t *node = found; node && count < most; node = node->bnext) {
        if (node->stat != MECAB_NOR_NODE || node->length != (unsigned short)length || node->rlength != node->length || !node->feature) continue;
        if (wordFeature ? !feature_starts_with(node->feature, wordFeature) : !is_name(node->feature)) continue;
        /* Most common first: by the dictionary's word cost (insertion sort of a few). */
        int at = count++;
        while (at > 0 && entries[at - 1]->wcost > node->wcost) {
            entries[at] = entries[at - 1];
            at--;
        }
        entries[at] = node;
    }
    int32_t written = 0;
    int32_t result = count == 0 ? CMECAB_NO_READING : 0;
    for (int index = 0; index < count && result == 0; index++) {
        const char *reading = NULL;
        size_t size = 0;
        if (!feature_field(entries[index]->feature, 7, &reading, &size)) continue;
        /* Each reading once: the dictionary lists a word once for each part of speech. */
        int repeated = 0;
        for (int32_t start = 0; start < written && !repeated;) {
            int32_t end = start;
            while (end < written && out[end] != ' ') end++;
            repeated = (size_t)(end - start) == size && memcmp(out + start, reading, size) == 0;
            start = end + 1;
        }
        if (repeated) continue;
        result = append_reading(out, &written, capacity, reading, size, written > 0);
    }
    if (result == 0) result = written > 0 ? written : CMECAB_NO_READING;
    mecab_lattice_destroy(lattice);
    return result;
}
