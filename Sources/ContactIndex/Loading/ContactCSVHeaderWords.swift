/// The words of a CSV header, for rules that must match whole words ("phone" in "Mobile Phone",
/// "MobilePhone" and "phone_2", never in "Phonetic First Name").
///
/// A header is cut at every character that is not a letter or digit, between a lower-case and
/// an upper-case letter ("MobilePhone"), and between letters and digits ("Phone2"); the words
/// are lower-cased.
enum ContactCSVHeaderWords {
    /// The lower-cased words of `header`.
    /// - Complexity: O(n) in the header's characters; an ASCII header is cut byte by byte,
    ///   without the Unicode property tables.
    static func words(_ header: String) -> [String] {
        if let ascii = asciiWords(header) { return ascii }
        var words: [String] = []
        var current = ""
        var previous: Unicode.Scalar? = nil
        func flush() {
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        for scalar in header.unicodeScalars {
            let properties = scalar.properties
            let isLetter = properties.isAlphabetic
            let isDigit = properties.numericType != nil
            guard isLetter || isDigit else {
                flush()
                previous = nil
                continue
            }
            if let previous {
                let previousIsDigit = previous.properties.numericType != nil
                let caseBreak = previous.properties.isLowercase && properties.isUppercase
                if caseBreak || previousIsDigit != isDigit { flush() }
            }
            current.unicodeScalars.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            previous = scalar
        }
        flush()
        return words
    }

    /// `words(_:)` of an all-ASCII header, or nil when the header has other characters.
    private static func asciiWords(_ header: String) -> [String]? {
        var words: [String] = []
        var current: [UInt8] = []
        // 0: none (start, or after a separator), 1: lower-case letter, 2: upper-case, 3: digit.
        var previous = 0
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in header.utf8 {
            let kind: Int
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): kind = 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): kind = 2
            case UInt8(ascii: "0")...UInt8(ascii: "9"): kind = 3
            case 0x80...: return nil
            default: kind = 0
            }
            guard kind != 0 else {
                flush()
                previous = 0
                continue
            }
            if previous != 0, (previous == 1 && kind == 2) || ((previous == 3) != (kind == 3)) { flush() }
            current.append(kind == 2 ? byte + 32 : byte)
            previous = kind
        }
        flush()
        return words
    }

    /// Whether a word names a telephone: "phone", "phones", "telephone", "mobile", "cell", "tel",
    /// or a compound ending in "phone" ("homephone", "cellphone"), also glued to "number", "num",
    /// "no" or "nr" ("phonenumber", "mobileno"). Words that merely begin with "phone"
    /// ("phonetic") do not.
    static func namesPhone(_ word: String) -> Bool {
        // Every telephone word has three bytes or more and starts with a letter: most words of a
        // wide header ("c123", "2") are turned away here, before the suffix comparisons.
        guard let first = word.utf8.first, word.utf8.count >= 3, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        var stem = Substring(word)
        for suffix in ["number", "num", "nr", "no"] where stem.count > suffix.count && stem.hasSuffix(suffix) {
            stem = stem.dropLast(suffix.count)
            break
        }
        switch stem {
        case "phone", "phones", "telephone", "mobile", "cell", "tel": return true
        // The words of European exports (German, French, Spanish, Italian, Dutch, Portuguese
        // Outlook: "Telefon geschäftlich", "Téléphone bureau", "Teléfono móvil", "Tél. mobile").
        case "telefon", "téléphone", "teléfono", "telefono", "telefoon", "tél", "handy", "portable", "móvil", "movil",
             "cellulare", "mobiel", "mobil", "celular", "telemóvel", "telemovel":
            return true
        default: return ["phone", "telefon", "telefono", "telefoon"].contains(where: stem.hasSuffix)
        }
    }

    /// Whether the words name one of the record's own email addresses: an email word ("email",
    /// "e" "mail", "emails", or glued to a qualifier: "emailaddress", "workemail") beside
    /// qualifiers only ("address", a number, "value", "work", "home", "primary", "additional",
    /// …). Any other word says the column holds something else: another person's address ("Owner
    /// Email"), a name ("E-mail Display Name"), a domain, or marketing figures ("Marketing emails
    /// opened", "Unsubscribed from all email").
    static func nameOwnEmail(_ words: [String]) -> Bool {
        var sawEmail = false
        var index = 0
        while index < words.count {
            var word = words[index]
            // "E-mail", "E-Mail-Adresse", "E-mailadres" (Dutch).
            if word == "e", index + 1 < words.count, words[index + 1].hasPrefix("mail") {
                word = "e" + words[index + 1]
                index += 1
            }
            index += 1
            if isQualifier(word) { continue }
            // A word shorter than "email" holds none (and skips Foundation's search).
            guard word.utf8.count >= 5, let range = word.range(of: "email") else { return false }
            let before = word[..<range.lowerBound]
            var after = word[range.upperBound...]
            if after.hasPrefix("s") { after = after.dropFirst() }
            guard before.isEmpty || isQualifier(String(before)), after.isEmpty || isQualifier(String(after)) else { return false }
            sawEmail = true
        }
        return sawEmail
    }

    /// Words that qualify an email address or a phone number of the record's own without
    /// changing what it is.
    static let qualifiers: Set<String> = [
        "address", "addresses", "addr", "value", "work", "home", "personal", "private", "other", "primary", "secondary",
        "additional", "alternate", "alternative", "alt", "business", "main", "office", "preferred", "contact", "person", "lead",
        // The same in the languages of European exports ("E-Mail-Adresse", "E-mail privé").
        "adresse", "adres", "adresa", "indirizzo", "endereco", "endereço", "direccion", "dirección", "privat", "privé", "prive",
        "geschäftlich", "geschaftlich", "beruflich", "arbeit", "travail", "trabajo", "lavoro", "personnel", "personal",
    ]

    private static func isQualifier(_ word: String) -> Bool {
        qualifiers.contains(word) || (!word.isEmpty && word.allSatisfy(\.isNumber))
    }

    /// Whether the words name someone other than the record: its owner in the CRM, the user who
    /// created or changed it, a sales representative ("Owner Phone", "Created By Email"). Their
    /// numbers and addresses are not the record's: a call from the owner must not pop every
    /// record they own.
    static func nameAnotherPerson(_ words: [String]) -> Bool {
        words.contains { word in
            ["user", "rep", "representative", "agent", "salesperson"].contains(word)
                // also glued, as Data Loader writes them ("OWNERPHONE", "CREATEDBYEMAIL")
                || ["owner", "created", "modified"].contains(where: word.hasPrefix)
        }
    }

    /// Whether the words name an address of the network, not of the record ("IP Country",
    /// "IP Country Code": where a web visitor was seen).
    static func nameNetworkLocation(_ words: [String]) -> Bool {
        words.contains { $0 == "ip" || $0.hasPrefix("ipcountry") || $0 == "geoip" }
    }

    /// How much a country column speaks for the record's phones, best first: 0 for the record's
    /// country or its main address ("Country", "Country/Region", "Mailing Country", "Address 1 -
    /// Country"), 1 for a business one ("Business Country/Region", "Billing Country"), 2 for a
    /// home one, 3 for the others ("Other Country", "Shipping Country", "Address 2 - Country").
    /// A row's phones take the region of its best-ranked country cell that is not empty.
    static func countryRank(_ words: [String]) -> Int {
        // Words may be glued ("OTHERCOUNTRY", "MAILINGCOUNTRY"): looked for inside the header.
        let key = words.joined()
        func names(_ qualifiers: [String]) -> Bool { qualifiers.contains(where: key.contains) }
        // English, then the words of German, French, Spanish, Italian and Dutch Outlook exports
        // ("Land/Region geschäftlich", "Pays/Région (domicile)", "País o región del trabajo").
        if names(["other", "shipping", "secondary", "alternate", "alternative", "previous", "weitere", "andere", "autre", "otro", "otra", "altro", "overig"]) {
            return 3
        }
        if words.contains(where: { $0.allSatisfy(\.isNumber) && (Int($0) ?? 1) > 1 }) { return 3 }
        if names(["home", "personal", "private", "privat", "domicile", "domicilio", "casa", "thuis", "privé", "prive"]) { return 2 }
        if names(["business", "work", "billing", "office", "company", "geschäftlich", "geschaftlich", "bureau", "trabajo", "lavoro", "ufficio", "werk", "zakelijk"]) {
            return 1
        }
        return 0
    }

    /// Whether the words name a country in the languages of European exports: "Land" (German,
    /// Dutch, Swedish; alone or as "Land/Region …", never "Land Line"), "Pays", "País", "Paese".
    static func nameCountry(_ words: [String]) -> Bool {
        if words == ["land"] || words.starts(with: ["land", "region"]) { return true }
        return words.contains { ["pays", "país", "pais", "paese"].contains($0) }
    }
}
