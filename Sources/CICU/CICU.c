// The only file of the package that includes ICU headers. See include/CICU.h for the contract.
#include "CICU.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/uidna.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

struct CICU_Collator { UCollator *collator; };
struct CICU_Folder { UTransliterator *transliterator; };

enum { STACK_UNITS = 256 };

/* A UTF-16 scratch buffer: on the stack when small, on the heap otherwise. */
typedef struct {
    UChar stack[STACK_UNITS];
    UChar *units;
    int32_t capacity;
} Scratch;

static void scratch_init(Scratch *s) { s->units = s->stack; s->capacity = STACK_UNITS; }
static void scratch_free(Scratch *s) { if (s->units != s->stack) free(s->units); }
/* Grows the buffer to at least `capacity` units, keeping what it holds. */
static int scratch_reserve(Scratch *s, int32_t capacity) {
    if (capacity <= s->capacity) return 1;
    UChar *grown = (UChar *)malloc((size_t)capacity * sizeof(UChar));
    if (!grown) return 0;
    memcpy(grown, s->units, (size_t)s->capacity * sizeof(UChar));
    scratch_free(s);
    s->units = grown;
    s->capacity = capacity;
    return 1;
}

/* UTF-8 to UTF-16 into the scratch buffer. Invalid UTF-8 fails (no substitution). */
static CICU_Status to_utf16(const uint8_t *utf8, int32_t length, Scratch *s, int32_t extra,
                            int32_t *units) {
    if (length < 0 || (length > 0 && utf8 == NULL)) return CICU_INVALID_ARGUMENT;
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = 0;
    /* UTF-16 never needs more units than UTF-8 has bytes. */
    if (!scratch_reserve(s, length + extra + 1)) return CICU_INTERNAL_ERROR;
    u_strFromUTF8(s->units, s->capacity, &needed, (const char *)utf8, length, &status);
    if (status == U_INVALID_CHAR_FOUND || status == U_ILLEGAL_CHAR_FOUND) return CICU_INVALID_UTF8;
    if (U_FAILURE(status)) return CICU_INTERNAL_ERROR;
    *units = needed;
    return CICU_OK;
}

/* UTF-16 to UTF-8 into a caller buffer. */
static CICU_Status to_utf8(const UChar *units, int32_t count, uint8_t *out, int32_t capacity,
                           int32_t *outLength) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strToUTF8((char *)out, capacity, &needed, units, count, &status);
    *outLength = needed;
    if (status == U_BUFFER_OVERFLOW_ERROR || needed > capacity) return CICU_BUFFER_TOO_SMALL;
    if (U_FAILURE(status)) return CICU_INTERNAL_ERROR;
    return CICU_OK;
}

/* ---- Collation ---------------------------------------------------------------------------- */

CICU_Status CICU_collator_open(const char *locale, int32_t strength, CICU_Collator **out) {
    if (!out) return CICU_INVALID_ARGUMENT;
    *out = NULL;
    UErrorCode status = U_ZERO_ERROR;
    UCollator *collator = ucol_open(locale ? locale : "", &status);
    if (U_FAILURE(status) || !collator) return CICU_OPEN_FAILED;
    ucol_setStrength(collator, (UCollationStrength)strength);
    /* Names sort and match the same whatever their normalization form. */
    ucol_setAttribute(collator, UCOL_NORMALIZATION_MODE, UCOL_ON, &status);
    if (U_FAILURE(status)) { ucol_close(collator); return CICU_OPEN_FAILED; }
    CICU_Collator *handle = (CICU_Collator *)malloc(sizeof *handle);
    if (!handle) { ucol_close(collator); return CICU_INTERNAL_ERROR; }
    handle->collator = collator;
    *out = handle;
    return CICU_OK;
}

CICU_Status CICU_collator_clone(const CICU_Collator *collator, CICU_Collator **out) {
    if (!collator || !out) return CICU_INVALID_ARGUMENT;
    *out = NULL;
    UErrorCode status = U_ZERO_ERROR;
    UCollator *copy = ucol_clone(collator->collator, &status);
    if (U_FAILURE(status) || !copy) return CICU_OPEN_FAILED;
    CICU_Collator *handle = (CICU_Collator *)malloc(sizeof *handle);
    if (!handle) { ucol_close(copy); return CICU_INTERNAL_ERROR; }
    handle->collator = copy;
    *out = handle;
    return CICU_OK;
}

void CICU_collator_close(CICU_Collator *collator) {
    if (!collator) return;
    ucol_close(collator->collator);
    free(collator);
}

CICU_Status CICU_collator_sort_key(CICU_Collator *collator, const uint8_t *utf8, int32_t length,
                                   uint8_t *out, int32_t capacity, int32_t *outLength) {
    if (!collator || !outLength || capacity < 0) return CICU_INVALID_ARGUMENT;
    Scratch s;
    scratch_init(&s);
    int32_t units = 0;
    CICU_Status converted = to_utf16(utf8, length, &s, 0, &units);
    if (converted != CICU_OK) { scratch_free(&s); return converted; }
    int32_t needed = ucol_getSortKey(collator->collator, s.units, units, out, capacity);
    scratch_free(&s);
    if (needed <= 0) return CICU_INTERNAL_ERROR;
    *outLength = needed;
    return needed > capacity ? CICU_BUFFER_TOO_SMALL : CICU_OK;
}

/* ---- Folding ------------------------------------------------------------------------------ */

/* NFKC case folding runs first (through unorm2), then these transform rules (CICU_folder_open
   without an id):
   - the Arabic alef maqsura is read as the alef it sounds: Arabic-Latin writes it "y" ("ʿysy" for
     عيسى), where names are spelt with "a" ("Issa", "Musa", "Mona", "Huda", "Mustafa");
   - kana after a Han character start a word: Any-Latin joins the runs of two scripts, so the
     family name and the given name of "吉田あすか" came out as "ji tianasuka";
   - Any-Latin, then Latin-ASCII;
   - the modifier letters Latin-ASCII leaves are dropped: the ayn and hamza of Arabic-Latin ("ʿly"
     for علي, which people spell "Ali"), the iteration mark 々 and the Japanese long-vowel mark ー.
     A name typed with them and one typed without then fold alike;
   - before all that, symbols outside ASCII are dropped: emoji and their modifiers, joiners and
     variation selectors, and signs such as ™ or ©. No name is spelt with them; pasted from a
     chat or a CRM's display name ("John Smith 👍"), each became a word that no contact has;
   - and so are the vowel signs of Arabic (harakat, the shadda, the dagger alef) and the points
     and accents of Hebrew (niqqud, cantillation): names are written without them, and Any-Latin
     reads them as vowels, so "مُحَمَّد" came out "muhammad" where "محمد", as agents type it,
     comes out "mhmd", and the one was not found by the other. */
static const char *DEFAULT_FOLD_RULES =
    "::[[[:So:][:Sk:][:Cf:][\\uFE00-\\uFE0F]] - [\\u0000-\\u007F]] Remove ; "
    "[\\u064B-\\u065F\\u0670\\u0591-\\u05BD\\u05BF\\u05C1\\u05C2\\u05C4\\u05C5\\u05C7] > ; \\u0649 > \\u0627 ; ([:Han:]) } [[:Hiragana:][:Katakana:]] > $1 ' ' ; ::Any-Latin ; ::Latin-ASCII ; ::[:Lm:] Remove ;";

/* Converts a UTF-8 C string to UTF-16 in `units` (of `capacity`). */
static CICU_Status utf16_of(const char *text, UChar *units, int32_t capacity, int32_t *length) {
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8(units, capacity, length, text, -1, &status);
    return U_FAILURE(status) ? CICU_INVALID_ARGUMENT : CICU_OK;
}

/* Opens the transliterator of a UTF-8 id (forward); with `rules`, the rule-based transliterator
   they define, named `id`. */
static CICU_Status open_transliterator(const char *id, const char *rules, UTransliterator **out) {
    UChar idUnits[256];
    UChar ruleUnits[2048];
    int32_t idLength = 0;
    int32_t rulesLength = 0;
    if (utf16_of(id, idUnits, 256, &idLength) != CICU_OK) return CICU_INVALID_ARGUMENT;
    if (rules && utf16_of(rules, ruleUnits, 2048, &rulesLength) != CICU_OK) return CICU_INVALID_ARGUMENT;
    UErrorCode status = U_ZERO_ERROR;
    UParseError parseError;
    *out = utrans_openU(idUnits, idLength, UTRANS_FORWARD, rules ? ruleUnits : NULL, rules ? rulesLength : 0, &parseError,
                        &status);
    if (U_FAILURE(status) || !*out) return CICU_OPEN_FAILED;
    return CICU_OK;
}

/* Wraps an open transliterator in a folder handle (closing it on failure). */
static CICU_Status folder_of(UTransliterator *t, CICU_Folder **out);

CICU_Status CICU_folder_open(const char *transliteratorID, CICU_Folder **out) {
    if (!out) return CICU_INVALID_ARGUMENT;
    *out = NULL;
    UTransliterator *t = NULL;
    CICU_Status opened = transliteratorID ? open_transliterator(transliteratorID, NULL, &t)
                                          : open_transliterator("ContactMatch-Fold", DEFAULT_FOLD_RULES, &t);
    if (opened != CICU_OK) return opened;
    return folder_of(t, out);
}

CICU_Status CICU_folder_open_rules(const char *rules, CICU_Folder **out) {
    if (!out || !rules) return CICU_INVALID_ARGUMENT;
    *out = NULL;
    UTransliterator *t = NULL;
    CICU_Status opened = open_transliterator("ContactMatch-Rules", rules, &t);
    if (opened != CICU_OK) return opened;
    return folder_of(t, out);
}

static CICU_Status folder_of(UTransliterator *t, CICU_Folder **out) {
    CICU_Folder *handle = (CICU_Folder *)malloc(sizeof *handle);
    if (!handle) { utrans_close(t); return CICU_INTERNAL_ERROR; }
    handle->transliterator = t;
    *out = handle;
    return CICU_OK;
}

CICU_Status CICU_folder_clone(const CICU_Folder *folder, CICU_Folder **out) {
    if (!folder || !out) return CICU_INVALID_ARGUMENT;
    *out = NULL;
    UErrorCode status = U_ZERO_ERROR;
    UTransliterator *copy = utrans_clone(folder->transliterator, &status);
    if (U_FAILURE(status) || !copy) return CICU_OPEN_FAILED;
    CICU_Folder *handle = (CICU_Folder *)malloc(sizeof *handle);
    if (!handle) { utrans_close(copy); return CICU_INTERNAL_ERROR; }
    handle->transliterator = copy;
    *out = handle;
    return CICU_OK;
}

void CICU_folder_close(CICU_Folder *folder) {
    if (!folder) return;
    utrans_close(folder->transliterator);
    free(folder);
}

CICU_Status CICU_transliterator_rules(const char *transliteratorID, uint8_t *out, int32_t capacity,
                                      int32_t *outLength) {
    if (!transliteratorID || !outLength || capacity < 0) return CICU_INVALID_ARGUMENT;
    UTransliterator *t = NULL;
    CICU_Status opened = open_transliterator(transliteratorID, NULL, &t);
    if (opened != CICU_OK) return opened;
    UErrorCode status = U_ZERO_ERROR;
    int32_t units = utrans_toRules(t, 0, NULL, 0, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) { utrans_close(t); return CICU_INTERNAL_ERROR; }
    UChar *rules = (UChar *)malloc(((size_t)units + 1) * sizeof(UChar));
    if (!rules) { utrans_close(t); return CICU_INTERNAL_ERROR; }
    status = U_ZERO_ERROR;
    utrans_toRules(t, 0, rules, units + 1, &status);
    utrans_close(t);
    CICU_Status result = U_FAILURE(status) ? CICU_INTERNAL_ERROR : to_utf8(rules, units, out, capacity, outLength);
    free(rules);
    return result;
}

int32_t CICU_is_han(uint32_t codePoint) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript((UChar32)codePoint, &status);
    return U_SUCCESS(status) && script == USCRIPT_HAN;
}

int32_t CICU_is_alphabetic(uint32_t codePoint) {
    return u_isUAlphabetic((UChar32)codePoint) ? 1 : 0;
}

int32_t CICU_decimal_digit_value(uint32_t codePoint) {
    return u_charDigitValue((UChar32)codePoint);
}

int32_t CICU_is_plain_han_ideograph(uint32_t codePoint) {
    UChar32 c = (UChar32)codePoint;
    return CICU_is_han(codePoint)
        && u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)
        && u_charType(c) == U_OTHER_LETTER
        && u_getIntPropertyValue(c, UCHAR_NFKC_QUICK_CHECK) == UNORM_YES;
}

static CICU_Status casefold_units(const UChar *in, int32_t count, Scratch *dest, int32_t *units) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkcCasefold = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) return CICU_INTERNAL_ERROR;
    for (int attempt = 0; attempt < 2; attempt++) {
        status = U_ZERO_ERROR;
        int32_t needed = unorm2_normalize(nfkcCasefold, in, count, dest->units, dest->capacity, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            if (!scratch_reserve(dest, needed + 1)) return CICU_INTERNAL_ERROR;
            continue;
        }
        if (U_FAILURE(status)) return CICU_INTERNAL_ERROR;
        *units = needed;
        return CICU_OK;
    }
    return CICU_INTERNAL_ERROR;
}

CICU_Status CICU_folder_fold(CICU_Folder *folder, const uint8_t *utf8, int32_t length,
                             uint8_t *out, int32_t capacity, int32_t *outLength) {
    if (!folder || !outLength || capacity < 0) return CICU_INVALID_ARGUMENT;
    Scratch source, folded;
    scratch_init(&source);
    scratch_init(&folded);
    int32_t units = 0;
    CICU_Status result = to_utf16(utf8, length, &source, 0, &units);
    if (result == CICU_OK) result = casefold_units(source.units, units, &folded, &units);
    if (result == CICU_OK) {
        /* Transliteration grows text (one Han character becomes a syllable): leave room. */
        int32_t room = units * 8 + 16;
        for (int attempt = 0; attempt < 3 && result == CICU_OK; attempt++) {
            if (!scratch_reserve(&folded, room)) { result = CICU_INTERNAL_ERROR; break; }
            UErrorCode status = U_ZERO_ERROR;
            int32_t textLength = units;
            int32_t limit = units;
            /* utrans_transUChars works in place; keep the input to retry on overflow. */
            if (!scratch_reserve(&source, units + 1)) { result = CICU_INTERNAL_ERROR; break; }
            memcpy(source.units, folded.units, (size_t)units * sizeof(UChar));
            utrans_transUChars(folder->transliterator, folded.units, &textLength, folded.capacity,
                               0, &limit, &status);
            if (status == U_BUFFER_OVERFLOW_ERROR) {
                memcpy(folded.units, source.units, (size_t)units * sizeof(UChar));
                room *= 4;
                continue;
            }
            if (U_FAILURE(status)) { result = CICU_INTERNAL_ERROR; break; }
            /* Lower-case what the Latin-ASCII step left in upper case (it can, for ligatures). */
            for (int32_t i = 0; i < textLength; i++) {
                UChar c = folded.units[i];
                if (c >= 'A' && c <= 'Z') folded.units[i] = (UChar)(c + 32);
            }
            result = to_utf8(folded.units, textLength, out, capacity, outLength);
            break;
        }
    }
    scratch_free(&source);
    scratch_free(&folded);
    return result;
}

CICU_Status CICU_nfkc_casefold(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity,
                               int32_t *outLength) {
    if (!outLength || capacity < 0) return CICU_INVALID_ARGUMENT;
    Scratch source, folded;
    scratch_init(&source);
    scratch_init(&folded);
    int32_t units = 0;
    CICU_Status result = to_utf16(utf8, length, &source, 0, &units);
    if (result == CICU_OK) result = casefold_units(source.units, units, &folded, &units);
    if (result == CICU_OK) result = to_utf8(folded.units, units, out, capacity, outLength);
    scratch_free(&source);
    scratch_free(&folded);
    return result;
}

/* ---- Canonical composition ---------------------------------------------------------------- */

CICU_Status CICU_nfc(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity,
                     int32_t *outLength, int32_t *changed) {
    if (!outLength || !changed || capacity < 0) return CICU_INVALID_ARGUMENT;
    *outLength = 0;
    *changed = 0;
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return CICU_INTERNAL_ERROR;
    Scratch source, composed;
    scratch_init(&source);
    scratch_init(&composed);
    int32_t units = 0;
    CICU_Status result = to_utf16(utf8, length, &source, 0, &units);
    if (result == CICU_OK) {
        int32_t span = unorm2_spanQuickCheckYes(nfc, source.units, units, &status);
        if (U_FAILURE(status)) result = CICU_INTERNAL_ERROR;
        else if (span < units) {
            /* Composition never lengthens text by more than a few units per character. */
            int32_t room = units * 3 + 16;
            int32_t composedUnits = 0;
            for (int attempt = 0; attempt < 2; attempt++) {
                if (!scratch_reserve(&composed, room)) { result = CICU_INTERNAL_ERROR; break; }
                status = U_ZERO_ERROR;
                composedUnits = unorm2_normalize(nfc, source.units, units, composed.units, composed.capacity, &status);
                if (status == U_BUFFER_OVERFLOW_ERROR) { room = composedUnits + 1; continue; }
                if (U_FAILURE(status)) result = CICU_INTERNAL_ERROR;
                break;
            }
            /* A "maybe" character can leave the text as it was. */
            if (result == CICU_OK && (composedUnits != units
                    || memcmp(composed.units, source.units, (size_t)units * sizeof(UChar)) != 0)) {
                *changed = 1;
                result = to_utf8(composed.units, composedUnits, out, capacity, outLength);
            }
        }
    }
    scratch_free(&source);
    scratch_free(&composed);
    return result;
}

/* ---- IDNA --------------------------------------------------------------------------------- */

static pthread_once_t idnaOnce = PTHREAD_ONCE_INIT;
static UIDNA *idna = NULL;

static void open_idna(void) {
    UErrorCode status = U_ZERO_ERROR;
    uint32_t options = UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE |
                       UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | UIDNA_USE_STD3_RULES;
    UIDNA *opened = uidna_openUTS46(options, &status);
    if (U_SUCCESS(status)) idna = opened;
}

static CICU_Status idna_convert(int toASCII, const uint8_t *utf8, int32_t length, uint8_t *out,
                                int32_t capacity, int32_t *outLength, uint32_t *idnaErrors) {
    if (!outLength || capacity < 0 || length < 0 || (length > 0 && !utf8)) return CICU_INVALID_ARGUMENT;
    pthread_once(&idnaOnce, open_idna);
    if (!idna) return CICU_INTERNAL_ERROR;
    UErrorCode status = U_ZERO_ERROR;
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    int32_t needed = toASCII
        ? uidna_nameToASCII_UTF8(idna, (const char *)utf8, length, (char *)out, capacity, &info, &status)
        : uidna_nameToUnicodeUTF8(idna, (const char *)utf8, length, (char *)out, capacity, &info, &status);
    *outLength = needed;
    if (idnaErrors) *idnaErrors = info.errors;
    if (status == U_BUFFER_OVERFLOW_ERROR || needed > capacity) return CICU_BUFFER_TOO_SMALL;
    if (U_FAILURE(status)) return status == U_INVALID_CHAR_FOUND ? CICU_INVALID_UTF8 : CICU_INTERNAL_ERROR;
    if (info.errors != 0) return CICU_IDNA_ERROR;
    return CICU_OK;
}

CICU_Status CICU_idna_to_ascii(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity,
                               int32_t *outLength, uint32_t *idnaErrors) {
    return idna_convert(1, utf8, length, out, capacity, outLength, idnaErrors);
}

CICU_Status CICU_idna_to_unicode(const uint8_t *utf8, int32_t length, uint8_t *out,
                                 int32_t capacity, int32_t *outLength, uint32_t *idnaErrors) {
    return idna_convert(0, utf8, length, out, capacity, outLength, idnaErrors);
}

void CICU_version(char *out, int32_t capacity) {
    if (!out || capacity < U_MAX_VERSION_STRING_LENGTH) return;
    UVersionInfo version;
    u_getVersion(version);
    u_versionToString(version, out);
}

CICU_Status CICU_region_code(int32_t index, char alpha2[4], char alpha3[4]) {
    if (alpha2 == NULL || alpha3 == NULL || index < 0) return CICU_INVALID_ARGUMENT;
    const char *const *countries = uloc_getISOCountries();
    for (int32_t i = 0; i < index; i++) {
        if (countries[i] == NULL) return CICU_INVALID_ARGUMENT;
    }
    const char *code = countries[index];
    if (code == NULL) return CICU_INVALID_ARGUMENT;
    strncpy(alpha2, code, 3);
    alpha2[3] = '\0';
    char locale[8] = "und_";
    strncat(locale, code, 3);
    const char *three = uloc_getISO3Country(locale);
    strncpy(alpha3, three == NULL ? "" : three, 3);
    alpha3[3] = '\0';
    return CICU_OK;
}

CICU_Status CICU_region_display_name(const char *alpha2, const char *locale, uint8_t *out,
                                     int32_t capacity, int32_t *outLength) {
    if (alpha2 == NULL || locale == NULL || outLength == NULL || capacity < 0) return CICU_INVALID_ARGUMENT;
    char regionLocale[8] = "und_";
    strncat(regionLocale, alpha2, 3);
    UChar name[256];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uloc_getDisplayCountry(regionLocale, locale, name, 256, &status);
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) return CICU_INTERNAL_ERROR;
    status = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strToUTF8((char *)out, capacity, &needed, name, length, &status);
    *outLength = needed;
    if (status == U_BUFFER_OVERFLOW_ERROR || needed > capacity) return CICU_BUFFER_TOO_SMALL;
    if (U_FAILURE(status)) return CICU_INTERNAL_ERROR;
    return CICU_OK;
}
