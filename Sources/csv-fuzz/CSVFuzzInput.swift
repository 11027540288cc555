import ContactIndex

/// One fuzz input: two bytes of options, then the CSV bytes.
///
/// Byte 0 picks the load options: bits 0–1 the encoding (UTF-8, Latin-1, Windows-1252), bit 2
/// strict mode, bit 3 `;` as the delimiter, bits 4–5 the default region (US, GB, DE, none), bit 6
/// phone details off. Byte 1 picks an explicit header mapping: 0 none, else the header
/// `byte & 0x0F` (0-based, in the first line) mapped to id, phone, email, region or ignored by
/// `(byte >> 4) % 5`. `Tests/ContactIndexTests/CSVFuzzFindingsTests.swift` decodes inputs the
/// same way when it replays the corpus.
struct CSVFuzzInput {
    var options: ContactCSVLoader.Options
    var csv: [UInt8]

    init(_ bytes: [UInt8]) {
        let selector = bytes.first ?? 0
        let mapping = bytes.count > 1 ? bytes[1] : 0
        csv = Array(bytes.dropFirst(2))
        let encoding: CSVTextEncoding = switch selector & 3 {
        case 1: .latin1
        case 2: .windows1252
        default: .utf8
        }
        let delimiter = selector & 8 != 0 ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let region: String? = ["US", "GB", "DE", nil][Int((selector >> 4) & 3)]
        var columns: [String: ContactCSVColumn] = [:]
        if mapping != 0 {
            let headers = Self.firstLineFields(csv, delimiter: delimiter)
            let index = Int(mapping & 0x0F)
            if index < headers.count {
                let kinds: [ContactCSVColumn] = [.id, .phone(label: nil), .email(label: nil), .region, .ignored]
                columns[headers[index]] = kinds[Int(mapping >> 4) % kinds.count]
            }
        }
        options = ContactCSVLoader.Options(
            configuration: DirectoryConfiguration(defaultRegion: region, phoneDetails: selector & 64 == 0),
            encoding: encoding, delimiter: delimiter, columns: columns, strict: selector & 4 != 0)
    }

    /// The fields of the first line, split on the delimiter with surrounding quotes removed (a
    /// rough reading, enough to name a header for the explicit mapping).
    static func firstLineFields(_ csv: [UInt8], delimiter: UInt8) -> [String] {
        let line = csv.prefix { $0 != 0x0A && $0 != 0x0D }
        return line.split(separator: delimiter, omittingEmptySubsequences: false).map { field in
            var bytes = Array(field)
            if bytes.count >= 2, bytes.first == 0x22, bytes.last == 0x22 { bytes = Array(bytes.dropFirst().dropLast()) }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
