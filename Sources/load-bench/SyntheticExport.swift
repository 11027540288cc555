/// A generated CRM export in the canonical layout, for runs without a file.
///
/// `id, first_name, last_name, phone, mobile, email, company, country`: one or two phones a row,
/// mostly US numbers written in several styles, some UK and German ones with their country, and
/// unique email addresses. Names repeat (small lists), as in real directories.
enum SyntheticExport {
    private static let firstNames = ["Marie", "José", "Anna", "John", "Wei", "Fatima", "Olga", "Hans", "Priya", "Kenji", "Lucía", "Ahmed", "Sarah", "Pierre", "Chloé", "Mateo"]
    private static let lastNames = ["Smith", "López", "Müller", "Garcia", "Chen", "Khan", "Ivanova", "Rossi", "Patel", "Tanaka", "Dubois", "Silva", "Brown", "Nowak", "Jensen", "Okafor"]
    private static let areaCodes = [201, 212, 305, 312, 415, 503, 617, 646, 702, 713, 818, 917]

    /// `rows` data rows after the header.
    static func canonicalCSV(rows: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        var text = "id,first_name,last_name,phone,mobile,email,company,country\n"
        text.reserveCapacity(rows * 120)
        for row in 0..<rows {
            let first = firstNames[Int(random.next() % UInt64(firstNames.count))]
            let last = lastNames[Int(random.next() % UInt64(lastNames.count))]
            let country = random.next() % 10
            let phone = number(country: country, &random)
            let mobile = random.next() % 2 == 0 ? number(country: country, &random) : ""
            let mail = "\(first.lowercased()).\(last.lowercased()).\(row)@example\(row % 97).com"
            let countryName = country == 0 ? "GB" : country == 1 ? "DE" : country < 5 ? "United States" : "US"
            text += "C\(row),\(first),\(last),\(phone),\(mobile),\(mail),\"\(last) & Co, Ltd\",\(countryName)\n"
        }
        return Array(text.utf8)
    }

    /// A number of country 0 (UK), 1 (Germany) or any other (US, written in several styles).
    private static func number(country: UInt64, _ random: inout SplitMix64) -> String {
        let subscriber = Int(random.next() % 10_000)
        let digits = String(repeating: "0", count: 4 - String(subscriber).count) + String(subscriber)
        let exchange = 200 + Int(random.next() % 800)
        let area = areaCodes[Int(random.next() % UInt64(areaCodes.count))]
        switch country {
        case 0: return "+44 20 7946 \(digits)"
        case 1: return "030 \(exchange) \(digits)"
        case 2, 3: return "(\(area)) \(exchange)-\(digits)"
        case 4, 5: return "+1 \(area)-\(exchange)-\(digits)"
        default: return "\(area).\(exchange).\(digits)"
        }
    }
}
