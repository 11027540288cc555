import Foundation

/// The keys a `PUT /v1/contacts/{id}` body may hold, checked before the record is stored.
///
/// Why: a `PUT` replaces the whole record, and a decoder that skips the keys it does not know
/// turns `{"first_name":"John","phone":"…"}` (the CSV's column names) into a record with no
/// name, phone or email, stored with a 200: the contact is wiped and nothing says why. So a key
/// the record does not have is refused, naming it and the key it probably meant; and a body with
/// nothing to find or show the record by is refused too (`empty-record`): to remove a record,
/// `DELETE` it.
extension ContactInput {
    /// The top-level keys of a body, as written.
    static let keys: [String] = [
        "id", "firstName", "lastName", "displayName", "phones", "emails", "entity", "company", "region", "attributes",
        "createdAt", "updatedAt",
    ]

    /// Spellings a client may send for a key, by the key they mean (compared after `folded`: case,
    /// `_`, `-` and spaces ignored, so `first_name` and `FirstName` need no entry here).
    static let likelyMeant: [String: String] = [
        "phone": "phones", "phonenumber": "phones", "mobile": "phones", "tel": "phones", "telephone": "phones",
        "email": "emails", "emailaddress": "emails", "mail": "emails", "name": "displayName", "fullname": "displayName",
        "givenname": "firstName", "first": "firstName", "familyname": "lastName", "surname": "lastName", "last": "lastName",
        "organization": "company", "organisation": "company", "account": "company", "accountname": "company",
        "country": "region", "type": "entity", "created": "createdAt", "updated": "updatedAt", "modified": "updatedAt",
    ]

    /// Checks the body's top-level keys.
    /// - Throws: `APIError` 400 `unknown-field` naming the first key the record does not have.
    static func checkKeys(_ bytes: [UInt8]) throws(APIError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return }
        let known = Set(keys)
        guard let unknown = object.keys.sorted().first(where: { !known.contains($0) }) else { return }
        let hint = meant(by: unknown).map { " (did you mean \($0.debugDescription)?)" } ?? ""
        throw APIError(
            .badRequest, code: "unknown-field",
            message: "a contact has no key \(unknown.debugDescription)\(hint); its keys are \(keys.joined(separator: ", "))", field: unknown)
    }

    /// The key `key` probably stands for, or nil.
    static func meant(by key: String) -> String? {
        let folded = Self.folded(key)
        if let key = keys.first(where: { Self.folded($0) == folded }) { return key }
        return likelyMeant[folded]
    }

    /// Lowercased, without `_`, `-`, `.` or spaces.
    private static func folded(_ key: String) -> String {
        String(key.lowercased().filter { !"_-. ".contains($0) })
    }

    /// Whether the record has anything to be found or shown by: a name, a phone, an email or a
    /// company that is not blank.
    var hasIdentity: Bool {
        let blank: (String?) -> Bool = { $0?.allSatisfy(\.isWhitespace) ?? true }
        return !blank(firstName) || !blank(lastName) || !blank(displayName) || !blank(company)
            || (phones ?? []).contains { !blank($0.number) } || (emails ?? []).contains { !blank($0.address) }
    }

    /// 400 `empty-record`.
    static let emptyRecord = APIError(
        .badRequest, code: "empty-record",
        message: "the record has no name, phone, email or company: a PUT replaces the whole record, and this one no look-up could find; to remove a record, DELETE it")
}
