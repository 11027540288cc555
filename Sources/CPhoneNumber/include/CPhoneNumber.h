/*
 * CPhoneNumber: a narrow extern "C" face over Google libphonenumber (C++).
 *
 * Only <stdint.h> types and caller-owned buffers cross this boundary. Every entry point catches
 * every C++ exception and reports it as CPN_EXCEPTION. libphonenumber's PhoneNumberUtil is a
 * process-wide singleton that the library documents as thread-safe, so these calls may run on
 * any thread at once.
 */
#ifndef CPHONENUMBER_H
#define CPHONENUMBER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Status of a call. Values 1-5 mirror libphonenumber's ErrorType. */
typedef int32_t CPN_Status;
enum {
    CPN_OK = 0,
    CPN_INVALID_COUNTRY_CODE = 1,
    CPN_NOT_A_NUMBER = 2,
    CPN_TOO_SHORT_AFTER_IDD = 3,
    CPN_TOO_SHORT_NSN = 4,
    CPN_TOO_LONG_NSN = 5,
    CPN_INVALID_ARGUMENT = 6,
    CPN_EXCEPTION = 7
};

/** Number types (mirror of PhoneNumberUtil::PhoneNumberType). */
enum {
    CPN_TYPE_FIXED_LINE = 0,
    CPN_TYPE_MOBILE = 1,
    CPN_TYPE_FIXED_LINE_OR_MOBILE = 2,
    CPN_TYPE_TOLL_FREE = 3,
    CPN_TYPE_PREMIUM_RATE = 4,
    CPN_TYPE_SHARED_COST = 5,
    CPN_TYPE_VOIP = 6,
    CPN_TYPE_PERSONAL_NUMBER = 7,
    CPN_TYPE_PAGER = 8,
    CPN_TYPE_UAN = 9,
    CPN_TYPE_VOICEMAIL = 10,
    CPN_TYPE_UNKNOWN = 11
};

/** How the country code was found (mirror of PhoneNumber::CountryCodeSource). */
enum {
    CPN_SOURCE_UNSPECIFIED = 0,
    CPN_SOURCE_FROM_NUMBER_WITH_PLUS_SIGN = 1,
    CPN_SOURCE_FROM_NUMBER_WITH_IDD = 5,
    CPN_SOURCE_FROM_NUMBER_WITHOUT_PLUS_SIGN = 10,
    CPN_SOURCE_FROM_DEFAULT_COUNTRY = 20
};

/** A parsed number. Strings are NUL-terminated ASCII. */
typedef struct {
    char e164[24];            /* "+442079460958" */
    char nationalNumber[24];  /* national significant number, with Italian leading zeros */
    char extension[48];       /* "" when none */
    char region[4];           /* region the number belongs to ("GB"), "ZZ" when unknown;
                                 filled only with details */
    int32_t countryCode;      /* 44 */
    int32_t countryCodeSource;
    int32_t hasDetails;       /* 1 when isValid and numberType were computed */
    int32_t isValid;          /* 1 when the metadata calls the number valid */
    int32_t numberType;       /* CPN_TYPE_* */
} CPN_Number;

/**
 * Parses `text` (UTF-8, `length` bytes) with a default region (ISO 3166 alpha-2, or "ZZ"/NULL
 * for none: then the text needs a leading + or IDD). With `withDetails` it also computes validity,
 * number type and region: those cost about 25 microseconds more.
 */
CPN_Status CPN_parse(const char *text, int32_t length, const char *defaultRegion,
                     int32_t withDetails, CPN_Number *out);

/** Country calling code for a region ("GB" -> 44), 0 when unknown. */
int32_t CPN_country_code_for_region(const char *region);

/** Main region for a country calling code (44 -> "GB"); writes "ZZ" when unknown. */
void CPN_region_for_country_code(int32_t countryCode, char out[4]);

/** 1 when libphonenumber has metadata for the region. */
int32_t CPN_is_supported_region(const char *region);

/**
 * Writes the E.164 example number that the metadata gives for a region and type, or returns
 * CPN_NOT_A_NUMBER when there is none.
 */
CPN_Status CPN_example_number(const char *region, int32_t numberType, char out[24]);

/**
 * Formats a parsed E.164 number for people: 0 international ("+44 20 7946 0958"), 1 national
 * ("020 7946 0958"). Writes at most `capacity` bytes including the NUL; returns the length needed.
 */
int32_t CPN_format(const char *e164, int32_t style, char *out, int32_t capacity);

/* ---- The metadata itself, for compiling a fast path (CPhoneMetadata.cpp) ---- */

/** Text fields of one territory of libphonenumber's metadata. */
enum {
    CPN_META_ID = 0,                            /* "GB", or "001" for non-geographic codes */
    CPN_META_INTERNATIONAL_PREFIX = 1,          /* IDD pattern ("00") */
    CPN_META_NATIONAL_PREFIX_FOR_PARSING = 2,   /* pattern stripped from national numbers */
    CPN_META_NATIONAL_PREFIX_TRANSFORM_RULE = 3,
    CPN_META_LEADING_DIGITS = 4,
    CPN_META_PREFERRED_INTERNATIONAL_PREFIX = 5,
    CPN_META_NATIONAL_PREFIX = 6
};

/** Integer fields of one territory. */
enum {
    CPN_META_COUNTRY_CODE = 0,
    CPN_META_MAIN_COUNTRY_FOR_CODE = 1,
    CPN_META_SAME_MOBILE_AND_FIXED_LINE_PATTERN = 2
};

/** Number descriptions of one territory, in libphonenumber's type-check order. */
enum {
    CPN_DESC_GENERAL = 0,
    CPN_DESC_FIXED_LINE = 1,
    CPN_DESC_MOBILE = 2,
    CPN_DESC_TOLL_FREE = 3,
    CPN_DESC_PREMIUM_RATE = 4,
    CPN_DESC_SHARED_COST = 5,
    CPN_DESC_PERSONAL_NUMBER = 6,
    CPN_DESC_VOIP = 7,
    CPN_DESC_PAGER = 8,
    CPN_DESC_UAN = 9,
    CPN_DESC_VOICEMAIL = 10
};

/** The number of territories in the metadata libphonenumber ships (0 when it cannot be read). */
int32_t CPN_metadata_territory_count(void);

/**
 * Writes a text field (CPN_META_*) of territory `index`, NUL-terminated. Returns the length it
 * needs without the NUL (write nothing useful when that is >= capacity), or -1 for a bad index.
 */
int32_t CPN_metadata_text(int32_t index, int32_t field, char *out, int32_t capacity);

/** An integer field (CPN_META_COUNTRY_CODE…) of territory `index`; -1 for a bad index. */
int32_t CPN_metadata_int(int32_t index, int32_t field);

/**
 * One number description (CPN_DESC_*) of territory `index`: its national number pattern
 * (returns its length as CPN_metadata_text does; -2 when the territory lacks the description),
 * and its possible lengths and local-only lengths (at most 32 each; counts written).
 */
int32_t CPN_metadata_desc(int32_t index, int32_t desc, char *pattern, int32_t capacity,
                          int32_t lengths[32], int32_t *lengthCount,
                          int32_t localLengths[32], int32_t *localLengthCount);

#ifdef __cplusplus
}
#endif

#endif /* CPHONENUMBER_H */
