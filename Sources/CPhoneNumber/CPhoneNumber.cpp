// extern "C" shim over libphonenumber. Every entry point catches every exception.
#include "CPhoneNumber.h"

#include <cstring>
#include <string>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

const PhoneNumberUtil &util() { return *PhoneNumberUtil::GetInstance(); }

void copy_string(const std::string &value, char *out, size_t capacity) {
    size_t n = value.size() < capacity - 1 ? value.size() : capacity - 1;
    std::memcpy(out, value.data(), n);
    out[n] = '\0';
}

std::string region_or_unknown(const char *region) {
    if (region == nullptr || region[0] == '\0') return "ZZ";
    return std::string(region);
}

}  // namespace

extern "C" CPN_Status CPN_parse(const char *text, int32_t length, const char *defaultRegion,
                                int32_t withDetails, CPN_Number *out) {
    if (out == nullptr || length < 0 || (length > 0 && text == nullptr)) return CPN_INVALID_ARGUMENT;
    try {
        std::memset(out, 0, sizeof *out);
        copy_string("ZZ", out->region, sizeof out->region);
        out->numberType = CPN_TYPE_UNKNOWN;
        PhoneNumber number;
        std::string input(text == nullptr ? "" : text, static_cast<size_t>(length));
        PhoneNumberUtil::ErrorType error =
            util().ParseAndKeepRawInput(input, region_or_unknown(defaultRegion), &number);
        if (error != PhoneNumberUtil::NO_PARSING_ERROR) return static_cast<CPN_Status>(error);
        std::string e164;
        util().Format(number, PhoneNumberUtil::E164, &e164);
        copy_string(e164, out->e164, sizeof out->e164);
        std::string national;
        util().GetNationalSignificantNumber(number, &national);
        copy_string(national, out->nationalNumber, sizeof out->nationalNumber);
        if (number.has_extension()) copy_string(number.extension(), out->extension, sizeof out->extension);
        out->countryCode = number.country_code();
        out->countryCodeSource = static_cast<int32_t>(number.country_code_source());
        if (withDetails) {
            out->hasDetails = 1;
            out->isValid = util().IsValidNumber(number) ? 1 : 0;
            out->numberType = static_cast<int32_t>(util().GetNumberType(number));
            std::string region;
            util().GetRegionCodeForNumber(number, &region);
            copy_string(region.empty() ? std::string("ZZ") : region, out->region, sizeof out->region);
        }
        return CPN_OK;
    } catch (...) {
        return CPN_EXCEPTION;
    }
}

extern "C" int32_t CPN_country_code_for_region(const char *region) {
    if (region == nullptr) return 0;
    try {
        return util().GetCountryCodeForRegion(region);
    } catch (...) {
        return 0;
    }
}

extern "C" void CPN_region_for_country_code(int32_t countryCode, char out[4]) {
    if (out == nullptr) return;
    try {
        std::string region;
        util().GetRegionCodeForCountryCode(countryCode, &region);
        copy_string(region.empty() ? std::string("ZZ") : region, out, 4);
    } catch (...) {
        copy_string("ZZ", out, 4);
    }
}

extern "C" int32_t CPN_is_supported_region(const char *region) {
    if (region == nullptr) return 0;
    try {
        std::set<std::string> regions;
        util().GetSupportedRegions(&regions);
        return regions.count(region) ? 1 : 0;
    } catch (...) {
        return 0;
    }
}

extern "C" CPN_Status CPN_example_number(const char *region, int32_t numberType, char out[24]) {
    if (region == nullptr || out == nullptr || numberType < 0 || numberType > CPN_TYPE_UNKNOWN)
        return CPN_INVALID_ARGUMENT;
    try {
        out[0] = '\0';
        PhoneNumber number;
        if (!util().GetExampleNumberForType(region, static_cast<PhoneNumberUtil::PhoneNumberType>(numberType), &number))
            return CPN_NOT_A_NUMBER;
        std::string e164;
        util().Format(number, PhoneNumberUtil::E164, &e164);
        copy_string(e164, out, 24);
        return CPN_OK;
    } catch (...) {
        return CPN_EXCEPTION;
    }
}

extern "C" int32_t CPN_format(const char *e164, int32_t style, char *out, int32_t capacity) {
    if (e164 == nullptr || out == nullptr || capacity <= 0) return 0;
    try {
        out[0] = '\0';
        PhoneNumber number;
        if (util().Parse(e164, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return 0;
        std::string formatted;
        util().Format(number, style == 1 ? PhoneNumberUtil::NATIONAL : PhoneNumberUtil::INTERNATIONAL, &formatted);
        copy_string(formatted, out, static_cast<size_t>(capacity));
        return static_cast<int32_t>(formatted.size()) + 1;
    } catch (...) {
        return 0;
    }
}
