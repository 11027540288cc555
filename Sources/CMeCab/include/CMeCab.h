/*
 * CMeCab: a narrow C face over MeCab, the Japanese morphological analyser, and its IPA
 * dictionary (Debian's libmecab-dev and mecab-ipadic-utf8).
 *
 * What the engine asks of it: how a name written in kanji is read ("村上" → "ムラカミ"), which
 * no Unicode table holds (ICU's Han-Latin reads Han characters as Mandarin). The header exposes
 * no MeCab type: an opaque handle and <stdint.h> types.
 *
 * Thread safety: one reader serves every thread at once. MeCab's model and tagger are shared
 * and each call parses in a lattice of its own (MeCab's documented thread-safe use).
 */
#ifndef CMECAB_H
#define CMECAB_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Results of CMeCab_reading besides a length. */
enum {
    /** A word of the text is not in the dictionary, or has no reading there. */
    CMECAB_NO_READING = -1,
    /** The buffer is too small: call again with more room. */
    CMECAB_BUFFER_TOO_SMALL = -2,
    /** The text or the buffer is invalid. */
    CMECAB_INVALID_ARGUMENT = -3,
    /** MeCab failed to parse the text. */
    CMECAB_PARSE_FAILED = -4
};

/** MeCab's model and tagger with the system dictionary. */
typedef struct CMeCab_Reader CMeCab_Reader;

/**
 * Opens MeCab with the dictionary its configuration names (/etc/mecabrc). Returns NULL when
 * MeCab or its dictionary is missing: the caller goes on without readings.
 */
CMeCab_Reader *CMeCab_open(void);

/** Frees a reader. */
void CMeCab_close(CMeCab_Reader *reader);

/**
 * Writes into `out` the reading (UTF-8 katakana) of the UTF-8 text `utf8` of `length` bytes:
 * the dictionary readings of the words of MeCab's best parse, one after another (a space
 * after a family name: "村上春樹" → "ムラカミ ハルキ"). Returns the reading's length in bytes, or
 * CMECAB_NO_READING when some word has no reading (a character the dictionary does not know,
 * such as a simplified Chinese one) or, when `namesOnly` is nonzero, when some word is neither
 * listed as a person's or an organization's name nor written in kana; or another CMECAB_ code.
 * With `wordFeature` (IPA dictionary features, such as "名詞,固有名詞,人名,名" for a given name),
 * the whole text is read as one word of that kind: 治 as a given name is "オサム", where its
 * best parse as any word is "チ"; a text the dictionary does not list as such has no reading.
 */
int32_t CMeCab_reading(CMeCab_Reader *reader, const char *utf8, int32_t length, int32_t namesOnly,
                       const char *wordFeature, char *out, int32_t capacity);

/**
 * Writes into `out` every reading (UTF-8 katakana) the dictionary lists for the whole text as
 * one word: of the kind `wordFeature` names (the start of its IPA features, such as
 * "名詞,固有名詞,人名,名" for a given name) or, when it is NULL, listed as a person's or an
 * organization's name; each once, the most common first (by the dictionary's word cost),
 * separated by spaces: 和子 as a given name is "カズコ マサコ", 中田 "ナカタ ナカダ". Returns the
 * length in bytes, or CMECAB_NO_READING when the dictionary lists no such word, or another
 * CMECAB_ code (CMECAB_BUFFER_TOO_SMALL: call again with more room).
 */
int32_t CMeCab_wordReadings(CMeCab_Reader *reader, const char *utf8, int32_t length, const char *wordFeature,
                            char *out, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
