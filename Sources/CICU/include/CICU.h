/*
 * CICU: a narrow C face over system ICU (icuuc, icui18n).
 *
 * This header exposes no ICU type: only <stdint.h> types, opaque handles and CICU_-prefixed
 * functions returning CICU_Status codes. That keeps it from ever clashing with the ICU module that
 * Foundation carries on Linux (_FoundationICU). CICU.c is the only file that includes <unicode/...>.
 *
 * Thread safety: a handle (collator, folder) must be used by one thread at a time. ICU collators
 * and transliterators keep per-call scratch state, so the Swift side keeps a pool of clones and
 * lends one handle per call (see ICUHandlePool in ContactIndex/Interop). The IDNA and
 * normalization entry points use ICU singletons that ICU documents as thread-safe.
 *
 * Buffers are owned by the caller. Functions that write text return the full length needed in
 * *outLength; when the buffer is too small they return CICU_BUFFER_TOO_SMALL and write nothing
 * useful, so the caller grows the buffer and calls again.
 */
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Status codes for every CICU call. */
typedef int32_t CICU_Status;
enum {
    CICU_OK = 0,
    CICU_BUFFER_TOO_SMALL = 1,
    CICU_INVALID_ARGUMENT = 2,
    CICU_INVALID_UTF8 = 3,
    CICU_OPEN_FAILED = 4,
    CICU_IDNA_ERROR = 5,
    CICU_INTERNAL_ERROR = 6
};

/** Collation strengths (mirrors of ICU's UCollationStrength values). */
enum {
    CICU_STRENGTH_PRIMARY = 0,
    CICU_STRENGTH_SECONDARY = 1,
    CICU_STRENGTH_TERTIARY = 2,
    CICU_STRENGTH_QUATERNARY = 3,
    CICU_STRENGTH_IDENTICAL = 15
};

typedef struct CICU_Collator CICU_Collator;
typedef struct CICU_Folder CICU_Folder;

/** Opens a collator for a BCP 47 / ICU locale id ("" is the root locale) at a strength. */
CICU_Status CICU_collator_open(const char *locale, int32_t strength, CICU_Collator **out);
/** Clones a collator, so that another thread can use it. */
CICU_Status CICU_collator_clone(const CICU_Collator *collator, CICU_Collator **out);
void CICU_collator_close(CICU_Collator *collator);

/**
 * Writes the sort key of UTF-8 text. The key ends with a 0 byte, which *outLength counts.
 */
CICU_Status CICU_collator_sort_key(CICU_Collator *collator, const uint8_t *utf8, int32_t length,
                                   uint8_t *out, int32_t capacity, int32_t *outLength);

/**
 * Opens a folding transform: NFKC case folding, any script to Latin, Latin to ASCII, lower case.
 * `rules` is an ICU transliterator id; NULL means the default chain above.
 */
CICU_Status CICU_folder_open(const char *transliteratorID, CICU_Folder **out);
/**
 * Opens a folding transform as CICU_folder_open does, with the transliterator that the ICU
 * transform `rules` (UTF-8, at most 2,047 UTF-16 units) define; they may call ICU's own
 * ("::Any-Latin ;").
 */
CICU_Status CICU_folder_open_rules(const char *rules, CICU_Folder **out);
CICU_Status CICU_folder_clone(const CICU_Folder *folder, CICU_Folder **out);
void CICU_folder_close(CICU_Folder *folder);

/** Folds UTF-8 text to lower-case ASCII-ish Latin (UTF-8 out). */
CICU_Status CICU_folder_fold(CICU_Folder *folder, const uint8_t *utf8, int32_t length,
                             uint8_t *out, int32_t capacity, int32_t *outLength);

/**
 * The rules of the ICU transliterator `transliteratorID` (for example "Han-Latin"), as ICU's
 * toRules gives them, in UTF-8. *outLength receives the full length (without a terminating 0);
 * CICU_BUFFER_TOO_SMALL when `capacity` is less. Thread-safe.
 */
CICU_Status CICU_transliterator_rules(const char *transliteratorID, uint8_t *out, int32_t capacity,
                                      int32_t *outLength);

/** Whether a code point's Unicode script (ICU's uscript_getScript) is Han. Thread-safe. */
int32_t CICU_is_han(uint32_t codePoint);

/**
 * Whether a code point has Unicode's Alphabetic property (ICU's u_isUAlphabetic): a look-up in
 * ICU's property trie. Thread-safe.
 */
int32_t CICU_is_alphabetic(uint32_t codePoint);

/**
 * The value (0-9) of a decimal digit of any script (general category Nd, Numeric_Type=Decimal:
 * ICU's u_charDigitValue), or -1 for any other code point. Thread-safe.
 */
int32_t CICU_decimal_digit_value(uint32_t codePoint);

/**
 * Whether a code point is a Han ideograph that NFKC leaves as it is: script Han, the Ideographic
 * property, general category Lo, NFKC quick check yes. Thread-safe.
 */
int32_t CICU_is_plain_han_ideograph(uint32_t codePoint);

/**
 * Canonical composition (NFC) of UTF-8 text. When the text is NFC already, *changed is 0 and
 * nothing is written; otherwise *changed is 1 and the NFC form is written to `out` (UTF-8,
 * *outLength bytes; CICU_BUFFER_TOO_SMALL with the length needed when it does not fit).
 * Thread-safe.
 */
CICU_Status CICU_nfc(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity,
                     int32_t *outLength, int32_t *changed);

/** NFKC case folding only (UTF-8 in and out). Thread-safe. */
CICU_Status CICU_nfkc_casefold(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity,
                               int32_t *outLength);

/**
 * UTS #46 (nontransitional) IDNA conversion of a domain name, UTF-8 in and out. Thread-safe.
 * On CICU_IDNA_ERROR, *idnaErrors holds ICU's UIDNA_ERROR_* bit set.
 */
CICU_Status CICU_idna_to_ascii(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity,
                               int32_t *outLength, uint32_t *idnaErrors);
CICU_Status CICU_idna_to_unicode(const uint8_t *utf8, int32_t length, uint8_t *out,
                                 int32_t capacity, int32_t *outLength, uint32_t *idnaErrors);

/** The ICU version string ("72.1"), written into a caller buffer of at least 32 bytes. */
void CICU_version(char *out, int32_t capacity);

/**
 * The ISO 3166 region codes ICU knows: writes the `index`-th alpha-2 code ("GB") and its alpha-3
 * code ("GBR") as NUL-terminated ASCII. Returns CICU_INVALID_ARGUMENT past the last index.
 */
CICU_Status CICU_region_code(int32_t index, char alpha2[4], char alpha3[4]);

/**
 * The display name of a region (alpha-2 code) in a locale ("GB" in "en" -> "United Kingdom"),
 * UTF-8, same buffer protocol as the other text functions.
 */
CICU_Status CICU_region_display_name(const char *alpha2, const char *locale, uint8_t *out,
                                     int32_t capacity, int32_t *outLength);

#ifdef __cplusplus
}
#endif

#endif /* CICU_H */
