// extern "C" access to the metadata libphonenumber ships (a serialized PhoneMetadataCollection),
// so that Swift can compile its patterns into automata. Every entry point catches every exception.
#include "CPhoneNumber.h"

#include <cstring>
#include <string>

#include <phonenumbers/phonemetadata.pb.h>

namespace i18n {
namespace phonenumbers {
// Exported by libphonenumber.so (metadata.h is not installed).
int metadata_size();
const void *metadata_get();
}  // namespace phonenumbers
}  // namespace i18n

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumberDesc;

namespace {

const PhoneMetadataCollection *collection() {
    static const PhoneMetadataCollection *parsed = [] {
        auto *metadata = new PhoneMetadataCollection();
        if (!metadata->ParseFromArray(i18n::phonenumbers::metadata_get(), i18n::phonenumbers::metadata_size())) {
            metadata->Clear();
        }
        return metadata;
    }();
    return parsed;
}

const PhoneMetadata *territory(int32_t index) {
    const PhoneMetadataCollection *all = collection();
    if (index < 0 || index >= all->metadata_size()) return nullptr;
    return &all->metadata(index);
}

int32_t write_text(const std::string &value, char *out, int32_t capacity) {
    int32_t length = static_cast<int32_t>(value.size());
    if (out != nullptr && capacity > length) {
        std::memcpy(out, value.data(), value.size());
        out[length] = '\0';
    }
    return length;
}

const PhoneNumberDesc *description(const PhoneMetadata &meta, int32_t desc) {
    switch (desc) {
    case CPN_DESC_GENERAL: return meta.has_general_desc() ? &meta.general_desc() : nullptr;
    case CPN_DESC_FIXED_LINE: return meta.has_fixed_line() ? &meta.fixed_line() : nullptr;
    case CPN_DESC_MOBILE: return meta.has_mobile() ? &meta.mobile() : nullptr;
    case CPN_DESC_TOLL_FREE: return meta.has_toll_free() ? &meta.toll_free() : nullptr;
    case CPN_DESC_PREMIUM_RATE: return meta.has_premium_rate() ? &meta.premium_rate() : nullptr;
    case CPN_DESC_SHARED_COST: return meta.has_shared_cost() ? &meta.shared_cost() : nullptr;
    case CPN_DESC_PERSONAL_NUMBER: return meta.has_personal_number() ? &meta.personal_number() : nullptr;
    case CPN_DESC_VOIP: return meta.has_voip() ? &meta.voip() : nullptr;
    case CPN_DESC_PAGER: return meta.has_pager() ? &meta.pager() : nullptr;
    case CPN_DESC_UAN: return meta.has_uan() ? &meta.uan() : nullptr;
    case CPN_DESC_VOICEMAIL: return meta.has_voicemail() ? &meta.voicemail() : nullptr;
    default: return nullptr;
    }
}

}  // namespace

extern "C" int32_t CPN_metadata_territory_count(void) {
    try {
        return collection()->metadata_size();
    } catch (...) {
        return 0;
    }
}

extern "C" int32_t CPN_metadata_text(int32_t index, int32_t field, char *out, int32_t capacity) {
    try {
        const PhoneMetadata *meta = territory(index);
        if (meta == nullptr) return -1;
        switch (field) {
        case CPN_META_ID: return write_text(meta->id(), out, capacity);
        case CPN_META_INTERNATIONAL_PREFIX: return write_text(meta->international_prefix(), out, capacity);
        case CPN_META_NATIONAL_PREFIX_FOR_PARSING: return write_text(meta->national_prefix_for_parsing(), out, capacity);
        case CPN_META_NATIONAL_PREFIX_TRANSFORM_RULE: return write_text(meta->national_prefix_transform_rule(), out, capacity);
        case CPN_META_LEADING_DIGITS: return write_text(meta->leading_digits(), out, capacity);
        case CPN_META_PREFERRED_INTERNATIONAL_PREFIX: return write_text(meta->preferred_international_prefix(), out, capacity);
        case CPN_META_NATIONAL_PREFIX: return write_text(meta->national_prefix(), out, capacity);
        default: return -1;
        }
    } catch (...) {
        return -1;
    }
}

extern "C" int32_t CPN_metadata_int(int32_t index, int32_t field) {
    try {
        const PhoneMetadata *meta = territory(index);
        if (meta == nullptr) return -1;
        switch (field) {
        case CPN_META_COUNTRY_CODE: return meta->country_code();
        case CPN_META_MAIN_COUNTRY_FOR_CODE: return meta->main_country_for_code() ? 1 : 0;
        case CPN_META_SAME_MOBILE_AND_FIXED_LINE_PATTERN: return meta->same_mobile_and_fixed_line_pattern() ? 1 : 0;
        default: return -1;
        }
    } catch (...) {
        return -1;
    }
}

extern "C" int32_t CPN_metadata_desc(int32_t index, int32_t desc, char *pattern, int32_t capacity,
                                     int32_t lengths[32], int32_t *lengthCount,
                                     int32_t localLengths[32], int32_t *localLengthCount) {
    try {
        if (lengthCount != nullptr) *lengthCount = 0;
        if (localLengthCount != nullptr) *localLengthCount = 0;
        const PhoneMetadata *meta = territory(index);
        if (meta == nullptr) return -1;
        const PhoneNumberDesc *number_desc = description(*meta, desc);
        if (number_desc == nullptr) return -2;
        int32_t count = 0;
        for (int i = 0; i < number_desc->possible_length_size() && count < 32; i++) {
            if (lengths != nullptr) lengths[count] = number_desc->possible_length(i);
            count++;
        }
        if (lengthCount != nullptr) *lengthCount = count;
        count = 0;
        for (int i = 0; i < number_desc->possible_length_local_only_size() && count < 32; i++) {
            if (localLengths != nullptr) localLengths[count] = number_desc->possible_length_local_only(i);
            count++;
        }
        if (localLengthCount != nullptr) *localLengthCount = count;
        return write_text(number_desc->national_number_pattern(), pattern, capacity);
    } catch (...) {
        return -1;
    }
}
