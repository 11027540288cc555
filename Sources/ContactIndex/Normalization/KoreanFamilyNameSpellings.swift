/// The Latin spellings Koreans use for their family names, which no romanization system gives.
///
/// ICU romanizes Hangul letter by letter, close to the Revised Romanization: 김 → "gim", 이 → "i",
/// 박 → "bag", 최 → "choe". Passports, business cards and English texts spell the same names
/// "Kim", "Lee", "Park", "Choi": spellings fixed by custom, older than any system, and each
/// shared by millions. An agent who types "Lee Minji" for 이 민지 therefore matched only the given
/// name, and 3–4% of the transliterated queries of a generated multi-locale directory missed
/// their contact for this alone. ICU's McCune–Reischauer transform (`Korean-Latin/BGN`) gives
/// "kim", "pak", "ch'oe" for some of them, but neither "lee" nor "park" nor "choi".
///
/// A Hangul word of a name that is a family name here is also indexed under these spellings
/// (`NameNormalizer.alternateRomanization`), beside ICU's. The list holds about a hundred common
/// family names with up to three spellings in common use for each (every spelling is one more
/// posting of every such contact), compiled for this project from the public record of Korean
/// surname romanizations (facts, not code). A name of three or four syllables written without a
/// space (이민지) whose first syllable or two are such a family name gets them too, with its given
/// name apart (`names(in:)`).
enum KoreanFamilyNameSpellings {
    /// Spellings by family name, lower case, most common first; ICU's own may be among them
    /// (it is dropped where it repeats the main folding).
    static let table: [String: [String]] = [
        "김": ["kim", "gim"], "이": ["lee", "yi", "rhee"], "박": ["park", "pak", "bak"],
        "최": ["choi", "choe", "choy"], "정": ["jung", "jeong", "chung"], "강": ["kang", "gang"],
        "조": ["cho", "jo", "joe"], "윤": ["yoon", "yun"], "장": ["jang", "chang"], "임": ["lim", "im", "rim"],
        "한": ["han"], "오": ["oh", "o"], "서": ["seo", "suh", "so"], "신": ["shin", "sin"],
        "권": ["kwon", "gwon"], "황": ["hwang"], "안": ["ahn", "an"], "송": ["song"],
        "류": ["ryu", "yoo", "yu"], "유": ["yoo", "yu", "you"], "전": ["jeon", "jun", "chun"],
        "홍": ["hong"], "고": ["ko", "go", "koh"], "문": ["moon", "mun"], "양": ["yang"],
        "손": ["son", "sohn"], "배": ["bae", "pae"], "백": ["baek", "paik", "baik"],
        "허": ["heo", "hur", "huh"], "남": ["nam"], "심": ["shim", "sim"], "노": ["noh", "roh", "no"],
        "하": ["ha"], "곽": ["kwak", "gwak"], "성": ["sung", "seong"], "차": ["cha"],
        "주": ["joo", "ju", "chu"], "우": ["woo", "u"], "구": ["koo", "ku", "gu"], "민": ["min"],
        "나": ["na", "ra"], "진": ["jin", "chin"], "지": ["ji", "chi"], "엄": ["um", "eom", "uhm"],
        "변": ["byun", "byeon", "pyun"], "채": ["chae"], "원": ["won"], "천": ["chun", "cheon"],
        "방": ["bang", "pang"], "공": ["kong", "gong"], "현": ["hyun", "hyeon"], "함": ["ham"],
        "염": ["yeom", "yum"], "여": ["yeo", "yuh"], "추": ["choo", "chu"], "도": ["do", "doh"],
        "소": ["so"], "석": ["seok", "suk"], "선": ["sun", "seon"], "설": ["seol", "sul"],
        "마": ["ma"], "길": ["gil", "kil"], "연": ["yeon", "yun"], "위": ["wi", "wee"],
        "표": ["pyo"], "명": ["myung", "myeong"], "기": ["ki", "gi"], "반": ["ban"],
        "라": ["ra", "la"], "왕": ["wang"], "금": ["keum", "geum"], "옥": ["ok"],
        "육": ["yook", "yuk"], "인": ["in"], "맹": ["maeng"], "제": ["je", "jae"],
        "모": ["mo"], "탁": ["tak"], "국": ["kook", "guk"], "어": ["eo"], "은": ["eun"],
        "편": ["pyun", "pyeon"], "용": ["yong"], "예": ["ye"], "경": ["kyung", "gyeong"],
        "봉": ["bong"], "사": ["sa"], "부": ["boo", "bu"], "가": ["ka", "ga"], "복": ["bok"],
        "태": ["tae"], "목": ["mok"], "형": ["hyung", "hyeong"], "피": ["pi", "pee"], "두": ["doo", "du"],
        "감": ["kam", "gam"], "음": ["eum"], "빈": ["bin"], "동": ["dong"], "온": ["on"],
        "남궁": ["namgoong", "namgung", "namkung"], "황보": ["hwangbo"], "제갈": ["jegal", "chegal"],
        "선우": ["sunwoo", "seonu"], "독고": ["dokgo", "tokko"], "사공": ["sagong"],
    ]

    /// What a word of Hangul syllables says of a family name: the word is one (이), or it is a
    /// whole name written without a space (이민지, 남궁민수), or neither (민지).
    enum Word: Equatable {
        /// The word is a listed family name.
        case familyName(String)
        /// A name of three or four syllables whose first one (or two: 남궁, 황보) is a listed
        /// family name; the rest is the given name. Shorter words are given names as often as
        /// not (민준, 이안), and Korean given names are rarely longer than two syllables.
        case wholeName(family: String, given: String)
        /// Neither: a given name written alone (민지), or a word of other length.
        case otherWord(String)
    }

    /// The words of `text` (runs of Hangul syllables), in order, each as what it says of a
    /// family name.
    /// - Complexity: O(n).
    static func names(in text: String) -> [Word] {
        var out: [Word] = []
        var word: [Unicode.Scalar] = []
        func flush() {
            defer { word = [] }
            let whole = String(String.UnicodeScalarView(word))
            if table[whole] != nil {
                out.append(.familyName(whole))
                return
            }
            if word.count == 3 || word.count == 4 {
                for familyLength in [2, 1] {
                    let family = String(String.UnicodeScalarView(word[..<familyLength]))
                    if table[family] != nil {
                        out.append(.wholeName(family: family, given: String(String.UnicodeScalarView(word[familyLength...]))))
                        return
                    }
                }
            }
            if !word.isEmpty { out.append(.otherWord(whole)) }
        }
        for scalar in text.unicodeScalars {
            if isHangulSyllable(scalar) {
                word.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// Whether the text holds a precomposed Hangul syllable.
    static func hasHangul(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isHangulSyllable)
    }

    @inline(__always)
    private static func isHangulSyllable(_ scalar: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7A3).contains(scalar.value)
    }
}
