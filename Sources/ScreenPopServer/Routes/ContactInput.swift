import ContactIndex
import Foundation

/// The body of `PUT /v1/contacts/{id}`: a record as a host backend writes it.
///
/// ```json
/// {"firstName": "Mary", "lastName": "Smith", "entity": "contact", "company": "Acme Corp",
///  "phones": ["+1 650 555 1234", {"number": "650.555.0142", "label": "mobile"}],
///  "emails": ["mary@example.com"], "region": "US", "attributes": {"Title": "CFO"},
///  "createdAt": "2024-01-02T03:04:05Z", "updatedAt": "2025-06-01T00:00:00Z"}
/// ```
/// A phone or email is a string or `{number|address, label}`; the id comes from the path (an `id`
/// in the body must agree). Numbers and addresses are normalized by the directory, never taken
/// from the client already normalized.
struct ContactInput: Decodable {
    struct Phone: Decodable {
        var number: String
        var label: String?

        private enum CodingKeys: String, CodingKey { case number, raw, label }

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                number = text
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            guard let number = try container.decodeIfPresent(String.self, forKey: .number) ?? container.decodeIfPresent(String.self, forKey: .raw) else {
                throw DecodingError.keyNotFound(CodingKeys.number, .init(codingPath: container.codingPath, debugDescription: "a phone needs a number"))
            }
            self.number = number
            label = try container.decodeIfPresent(String.self, forKey: .label)
        }
    }

    struct Email: Decodable {
        var address: String
        var label: String?

        private enum CodingKeys: String, CodingKey { case address, raw, label }

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                address = text
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            guard let address = try container.decodeIfPresent(String.self, forKey: .address) ?? container.decodeIfPresent(String.self, forKey: .raw) else {
                throw DecodingError.keyNotFound(CodingKeys.address, .init(codingPath: container.codingPath, debugDescription: "an email needs an address"))
            }
            self.address = address
            label = try container.decodeIfPresent(String.self, forKey: .label)
        }
    }

    var id: String?
    var firstName: String?
    var lastName: String?
    var displayName: String?
    var phones: [Phone]?
    var emails: [Email]?
    var entity: String?
    var company: String?
    var region: String?
    var attributes: [String: String]?
    var createdAt: Date?
    var updatedAt: Date?

    /// Decodes a body.
    /// - Throws: `APIError` 400 naming the field; `unknown-field` for a key a record does not
    ///   have (`ContactInput+Keys`).
    static func decode(_ bytes: [UInt8]) throws(APIError) -> ContactInput {
        let input = try decodeFields(bytes)
        try checkKeys(bytes)
        return input
    }

    private static func decodeFields(_ bytes: [UInt8]) throws(APIError) -> ContactInput {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(ContactInput.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            throw APIError.malformed("missing \(key.stringValue)", field: Self.path(context.codingPath + [key]))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw APIError.malformed("wrong type: \(context.debugDescription)", field: Self.path(context.codingPath))
        } catch let DecodingError.dataCorrupted(context) {
            throw APIError.malformed("not a contact record: \(context.debugDescription)", field: context.codingPath.isEmpty ? nil : Self.path(context.codingPath))
        } catch {
            throw APIError.malformed("not a contact record")
        }
    }

    /// The contact, with the id from the path, and what the body held that the record could not
    /// take as written.
    ///
    /// The `region` is read as a CSV import reads a country cell (`CountryRegionResolver`):
    /// "DE", "DEU", "Germany" and "Deutschland" all give "DE". A region that names no known
    /// country is dropped, so that the directory's default region reads the phones, and reported.
    func contact(id: String) -> (contact: Contact, problems: [ContactInputProblem]) {
        var problems: [ContactInputProblem] = []
        var resolved: String?
        if let region, !region.allSatisfy(\.isWhitespace) {
            resolved = CountryRegionResolver.shared.region(for: region)
            if resolved == nil {
                problems.append(ContactInputProblem(
                    field: "region", value: region,
                    message: "record \(id.debugDescription), region \(region.debugDescription) names no known country; the default region was used"))
            }
        }
        let contact = Contact(
            id: id, firstName: firstName, lastName: lastName, displayName: displayName,
            phones: (phones ?? []).map { ContactPhone($0.number, label: $0.label) },
            emails: (emails ?? []).map { ContactEmail($0.address, label: $0.label) },
            entity: entity.map { ContactEntity(rawValue: $0) } ?? .contact,
            company: company, region: resolved, attributes: attributes ?? [:], createdAt: createdAt, updatedAt: updatedAt)
        return (contact, problems)
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }
}
