/// Guesses what each column of a CRM export holds from its header, for canonical files and the
/// exports of Salesforce, HubSpot, Google Contacts and Outlook (and of Zoho, Pipedrive, Zendesk
/// and Dynamics 365, whose headers follow the same words).
///
/// Headers are compared blind to case and punctuation ("E-mail 2 Address", "email_2_address" and
/// "Email2Address" are one header). Salesforce custom fields (`…__c`) are always attributes.
/// Columns it does not recognise are kept as attributes under their header; an explicit mapping
/// (by header, compared the same blind way) overrides any guess.
///
/// Exactly one column is the record id: an explicit one, else the column that best names the
/// record's own id (`RecordIDRank`: "Id" and "Contact ID" before "External ID" before
/// "Account ID"; "Owner ID" and other ids of related records are never the id).
public enum ContactCSVHeaderMapping {
    /// The columns for a header row.
    /// - Parameters:
    ///   - headers: the header fields, in order.
    ///   - overrides: explicit choices by header; they win over the guess.
    /// - Returns: one column per header.
    /// - Complexity: O(h) in the headers.
    ///   - ownKind: the kind of record the rows are (`ContactEntity.rawValue`, "contact" by
    ///     default): when the header has an id column of that kind and one of another person
    ///     kind (Close's contacts export: "lead_id" and "contact_id"), the own kind's id wins and
    ///     the other kind's prefixed fields ("lead_name") are attributes.
    public static func columns(for headers: [String], overrides: [String: ContactCSVColumn] = [:], ownKind: String? = "contact") -> [ContactCSVColumn] {
        let explicit = Dictionary(overrides.map { (folded($0.key), $0.value) }, uniquingKeysWith: { _, last in last })
        var explicitIDs: Set<Int> = []
        var explicitColumns: Set<Int> = []
        let idKinds = Set(headers.compactMap { recordIDKind(folded: folded($0)) }).intersection(ownRecordKinds)
        let otherKinds: Set<String> = ownKind.map { idKinds.contains($0) ? idKinds.subtracting([$0, "record", "person"]) : [] } ?? []
        let columns = headers.enumerated().map { index, header -> ContactCSVColumn in
            if let chosen = explicit[folded(header)] {
                if chosen == .id { explicitIDs.insert(index) }
                explicitColumns.insert(index)
                return chosen
            }
            return guess(header, otherRecordKinds: otherKinds)
        }
        // One id column: an explicit one, else the one that best names the record's own id
        // ("Contact ID" before "Account ID"); the others are attributes.
        let withOneID = keepingOneID(columns, headers: headers, explicitIDs: explicitIDs, ownKind: ownKind)
        // "Phone Ext" is the extension of "Phone", not a phone of its own.
        return pairingPhoneExtensions(withOneID, headers: headers, explicit: explicitColumns)
    }

    /// A header reduced to lower-case ASCII letters and digits (other scripts kept as they are,
    /// lower-cased).
    /// - Complexity: O(n) in the header; an ASCII header is folded byte by byte, without the
    ///   Unicode property tables (each look-up of `lowercaseMapping` made a string).
    public static func folded(_ header: String) -> String {
        if let ascii = foldedASCII(header) { return ascii }
        var out = ""
        out.reserveCapacity(header.utf8.count)
        for scalar in header.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    /// `folded(_:)` of an all-ASCII header, or nil when the header has other characters.
    private static func foldedASCII(_ header: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(header.utf8.count)
        for byte in header.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case 0x80...: return nil
            default: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The guess for one header.
    /// - Parameter otherRecordKinds: person kinds whose prefixed fields belong to another record
    ///   in this file ("lead" in Close's contacts export, where the lead is the parent).
    static func guess(_ header: String, otherRecordKinds: Set<String> = []) -> ContactCSVColumn {
        let trimmed = String(Substring(header).trimmingWhitespace())
        if trimmed.lowercased().hasSuffix("__c") { return .attribute(trimmed) }
        let key = folded(trimmed)
        if recordIDRank(folded: key) != nil { return .id }
        if let known = exact[key] { return known }
        // Google Contacts: "Phone 1 - Value" / "Phone 1 - Type", "E-mail 2 - Value" / "- Type".
        // Whole words only: "Phonetic First Name" and "Surname Yomi" are name readings.
        let words = ContactCSVHeaderWords.words(trimmed)
        let isPhoneish = words.contains(where: ContactCSVHeaderWords.namesPhone)
        let labelSuffix = words.last == "type" || words.last == "label"
        // An email column's words are an email word and qualifiers ("E-mail 2 Address",
        // "Additional email addresses"): "Owner Email", "E-mail Display Name" and "Email
        // Domain" hold something else.
        let isEmailish = ContactCSVHeaderWords.nameOwnEmail(labelSuffix ? Array(words.dropLast()) : words)
        let excluded = ["fax", "opt", "bounce", "donot", "verified", "consent", "status", "date", "count"]
        if (isPhoneish || isEmailish), !excluded.contains(where: { key.contains($0) }), !key.hasPrefix("has"), !key.hasPrefix("is"),
           !ContactCSVHeaderWords.nameAnotherPerson(words)
        {
            if labelSuffix, key.hasSuffix("type") || key.hasSuffix("label") {
                return .label(forHeader: String(key.dropLast(key.hasSuffix("type") ? 4 : 5)) + "value")
            }
            return isEmailish ? .email(label: nil) : .phone(label: nil)
        }
        if key.hasSuffix("country") || key.hasSuffix("countryregion") || key == "countrycode" || ContactCSVHeaderWords.nameCountry(words) {
            // "IP Country": where a web visitor was seen, not where the record's phones are.
            return ContactCSVHeaderWords.nameNetworkLocation(words) ? .attribute(trimmed) : .region
        }
        if let field = fieldOfOwnRecord(trimmed), !otherRecordKinds.contains(ContactCSVHeaderWords.words(trimmed)[0]) {
            let column = guess(field)
            if case .attribute = column {} else { return column }
        }
        return .attribute(trimmed)
    }

    /// The rest of a header that begins with the row's own kind of record, as Pipedrive's do
    /// ("Person - Name", "Person - Organization"; "Contact First Name" elsewhere), or nil: the
    /// field is then guessed from the rest ("Name", "Organization"). A kind alone, or another
    /// record's ("Deal - Title", "Organization - Address"), gives nil.
    static func fieldOfOwnRecord(_ header: String) -> String? {
        let words = ContactCSVHeaderWords.words(header)
        guard words.count >= 2, ownRecordKinds.contains(words[0]) else { return nil }
        return words.dropFirst().joined(separator: " ")
    }

    /// Headers known by their folded form.
    static let exact: [String: ContactCSVColumn] = {
        var table: [String: ContactCSVColumn] = [:]
        // With the names of European Outlook and CRM exports (German, French, Spanish, Italian,
        // Dutch, Portuguese, Scandinavian): "Vorname", "Prénom", "Nachname", "Nom"…
        for key in ["firstname", "givenname", "first", "forename", "vorname", "prénom", "prenom", "nombre", "nome", "voornaam",
                    "förnamn", "fornamn", "fornavn"] {
            table[key] = .firstName
        }
        for key in ["lastname", "familyname", "surname", "last", "nachname", "familienname", "nom", "apellidos", "apellido",
                    "cognome", "achternaam", "sobrenome", "efternamn", "etternavn"] {
            table[key] = .lastName
        }
        for key in ["name", "fullname", "displayname", "contactname"] { table[key] = .displayName }
        for key in ["phone", "phonenumber", "mobile", "mobilephone", "mobilephonenumber", "cell", "cellphone", "homephone",
                    "otherphone", "workphone", "businessphone", "businessphone2", "homephone2", "assistantphone",
                    "primaryphone", "companymainphone", "carphone", "telephone", "tel"] {
            table[key] = .phone(label: nil)
        }
        for key in ["email", "emailaddress", "email2address", "email3address", "additionalemailaddresses", "mail",
                    "adressedemessagerie", "adressemessagerie", "courriel", "adressecourriel", "direccióndecorreoelectrónico",
                    "direcciondecorreoelectronico", "correoelectrónico", "correoelectronico", "correo"] {
            table[key] = .email(label: nil)
        }
        for key in ["entity", "entitytype", "recordtype", "objecttype", "kind"] { table[key] = .entity }
        // Not "account" alone: Outlook's "Account" is a free-text field of the contact's, not
        // its employer (Salesforce writes "Account Name" or "Account.Name").
        for key in ["firma", "société", "societe", "empresa", "organización", "organizacion", "azienda", "società", "societa",
                    "bedrijf", "organisatie", "företag", "foretag"] {
            table[key] = .company
        }
        for key in ["company", "companyname", "accountname", "organization", "organizationname",
                    "organization1name", "organisation", "employer"] {
            table[key] = .company
        }
        for key in ["country", "countryregion", "mailingcountry", "mailingcountrycode", "billingcountry", "othercountry",
                    "businesscountryregion", "homecountryregion", "othercountryregion", "address1country", "countrycode"] {
            table[key] = .region
        }
        // With Zoho's "Modified Time", Dynamics 365's "Created On", "Modified On" and "(Do Not
        // Modify) Modified On", and Pipedrive's "Person - Add time" and "- Update time".
        for key in ["createddate", "createdat", "createdate", "created", "datecreated", "createdtime", "createdon", "addtime"] {
            table[key] = .createdAt
        }
        for key in ["lastmodifieddate", "updatedat", "modifiedat", "lastmodified", "modified", "updated", "lastmodifiedtime",
                    "systemmodstamp", "modifiedtime", "modifiedon", "donotmodifymodifiedon", "datemodified", "updatetime"] {
            table[key] = .updatedAt
        }
        return table
    }()
}
