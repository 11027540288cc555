#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads the ISO 8601 timestamps CRM exports write: `2023-04-01`, `2023-04-01T12:34:56Z`,
/// `2023-04-01T12:34:56.000+0000` (Salesforce), `2023-04-01 12:34:56`, `…+02:00`. A time without
/// an offset is read as UTC.
enum ISO8601Timestamp {
    /// The instant, or nil when the text is not of these shapes or not a real date.
    /// - Complexity: O(n), no allocation.
    static func parse(_ text: String) -> Date? {
        var copy = text
        return copy.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 32 { start += 1 }
        while end > start, bytes[end - 1] == 32 { end -= 1 }
        var index = start
        func number(_ width: Int) -> Int? {
            guard index + width <= end else { return nil }
            var value = 0
            for offset in 0..<width {
                let byte = bytes[index + offset]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += width
            return value
        }
        func expect(_ ascii: UInt8) -> Bool {
            guard index < end, bytes[index] == ascii else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var seconds = 0.0
        var offset = 0
        if index < end {
            guard bytes[index] == UInt8(ascii: "T") || bytes[index] == 32 else { return nil }
            index += 1
            guard let hour = number(2), hour < 24, expect(58), let minute = number(2), minute < 60 else { return nil }
            var second = 0
            if index < end, bytes[index] == 58 {
                index += 1
                guard let value = number(2), value <= 60 else { return nil }
                second = value
            }
            seconds = Double(hour * 3600 + minute * 60 + second)
            if index < end, bytes[index] == 46 || bytes[index] == 44 {  // fraction
                index += 1
                var scale = 0.1
                var digits = 0
                while index < end, bytes[index] >= 48, bytes[index] <= 57 {
                    seconds += Double(bytes[index] - 48) * scale
                    scale /= 10
                    index += 1
                    digits += 1
                }
                guard digits > 0 else { return nil }
            }
            if index < end {
                if bytes[index] == UInt8(ascii: "Z") {
                    index += 1
                } else if bytes[index] == 43 || bytes[index] == 45 {
                    let sign = bytes[index] == 43 ? 1 : -1
                    index += 1
                    guard let hours = number(2), hours <= 14 else { return nil }
                    _ = expect(58)
                    let minutes = index < end ? number(2) : 0
                    guard let minutes, minutes < 60 else { return nil }
                    offset = sign * (hours * 3600 + minutes * 60)
                }
            }
            guard index == end else { return nil }
        }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days) * 86_400 + seconds - Double(offset))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
