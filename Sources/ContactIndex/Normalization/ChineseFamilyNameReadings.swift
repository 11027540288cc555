/// The readings that Chinese family names written with characters of several readings take as
/// family names, where ICU reads the character's common word.
///
/// ICU's `Han-Latin` reads each character by its most common reading: 曾 "ceng" (as in "once"),
/// 查 "cha" ("to check"), 单 "dan" ("single"), 解 "jie", 仇 "chou", 朴 "pu", 区 "qu", 翟 "di", 乐
/// "le". As family names they are read Zeng, Zha, Shan, Xie, Qiu, Piao, Ou, Zhai, Yue, and
/// passports, business cards and agents spell them so: "Zha Junxiang" found 军想 查 only by its
/// given name, "Zeng Wei" 伟 曾 only as one typing error. These are facts of the language (the
/// lists of 多音字姓氏, family names of several readings), compiled for this project: only the
/// names whose family-name reading differs from ICU's once folded to ASCII, in simplified and
/// traditional characters, with the compound names whose reading differs as a whole.
///
/// A family name written in Han characters is also indexed under these readings
/// (`NameNormalizer.alternateRomanization`), beside ICU's: one more posting for each such contact.
enum ChineseFamilyNameReadings {
    /// Readings by family name, lower-case ASCII.
    static let table: [String: [String]] = [
        "曾": ["zeng"], "查": ["zha"], "单": ["shan"], "單": ["shan"], "解": ["xie"], "仇": ["qiu"],
        "朴": ["piao"], "区": ["ou"], "區": ["ou"], "翟": ["zhai"], "乐": ["yue"], "樂": ["yue"],
        "盖": ["ge"], "蓋": ["ge"], "覃": ["qin"], "缪": ["miao"], "繆": ["miao"], "员": ["yun"], "員": ["yun"],
        "种": ["chong"], "種": ["chong"], "薄": ["bo"], "祭": ["zhai"], "秘": ["bi"], "句": ["gou"],
        "阚": ["kan"], "隗": ["wei"], "召": ["shao"], "颉": ["xie"], "折": ["she"], "重": ["chong"],
        "藏": ["zang"], "郇": ["xun"], "粘": ["nian"], "能": ["nai"], "都": ["du"], "繁": ["po"],
        "晟": ["sheng"], "洗": ["xian"], "蔚": ["yu"], "乜": ["nie"], "黑": ["he"], "莘": ["xin"],
        "隽": ["jun"], "佴": ["nai"], "贲": ["bi"], "校": ["jiao"],
        "尉迟": ["yuchi"], "尉遲": ["yuchi"], "万俟": ["moqi"], "萬俟": ["moqi"], "单于": ["chanyu"],
        "單于": ["chanyu"], "澹台": ["tantai"],
    ]

    /// The family-name readings of a word of Han characters: the word is a listed family name
    /// (a family name field: 曾), or, when `leading`, a whole name of two to four characters
    /// written family name first without a space whose first one or two characters are one
    /// (曾伟, 尉迟敬德). Empty otherwise.
    /// - Parameter leading: the word begins a name that is not a given name (a display name's
    ///   first word), so it may be a whole name.
    static func readings(of word: Substring, leading: Bool) -> [String] {
        if let readings = table[String(word)] { return readings }
        let scalars = Array(word.unicodeScalars)
        guard leading, (2...4).contains(scalars.count), scalars.allSatisfy(HanSyllables.isHan) else { return [] }
        for familyLength in [2, 1] where familyLength < scalars.count {
            let family = String(String.UnicodeScalarView(scalars[..<familyLength]))
            if let readings = table[family] { return readings }
        }
        return []
    }
}
