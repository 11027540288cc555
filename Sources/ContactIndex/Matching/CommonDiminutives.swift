/// Given names and their everyday short forms that the English `nicknames.csv` dataset lacks:
/// English pairs it leaves out (Katie for Katherine, Liam for William), and the diminutives of
/// German, Dutch, Italian, Spanish, Portuguese, Russian and Ukrainian (as English texts spell
/// them), Greek, Polish and Hungarian given names. `NicknameTable.shared` adds them to the
/// dataset's pairs; the dataset file itself stays as shipped.
///
/// Why: an agent types the name the caller gives, and callers give the name they go by: "Paco"
/// for Francisco, "Dima" for Dmitry, "Giannis" for Ioannis, "Hans" for Johannes. Without
/// these, such a query matched the family name only (a partial match at 0.20), ranked among
/// every other contact of that family name.
///
/// Names are written as `NameNormalizer` folds them: lower-case ASCII, accents dropped
/// ("jose", "malgorzata"). A formal name written in Cyrillic is indexed under ICU's reading
/// and English texts' spelling ("dmitrij", "dmitriy"): both are listed where they differ from
/// the usual Latin spelling. One-letter and two-letter short forms are left out: as query
/// tokens they are initials or prefixes.
enum CommonDiminutives {
    /// (formal name, short form) pairs, each group a formal name's spellings and its forms.
    static let pairs: [(String, String)] = groups.flatMap { group in
        group.formal.flatMap { formal in group.short.map { (formal, $0) } }
    }

    private static let groups: [(formal: [String], short: [String])] = [
        // English pairs the dataset leaves out
        (["katherine", "catherine", "kathryn", "kathleen"], ["katie"]),
        (["catherine"], ["kate", "cate"]),
        (["william"], ["liam"]),
        (["robert"], ["robbie", "bert"]),
        (["elizabeth", "elisabeth"], ["ellie", "lisa"]),
        (["margaret"], ["greta"]),
        (["christopher"], ["topher"]),
        // German and Dutch
        (["johannes", "johann"], ["hans"]),
        (["friedrich"], ["fritz"]),
        (["wilhelm"], ["willi", "willy"]),
        (["willem"], ["wim"]),
        (["nikolaus"], ["klaus"]),
        (["hendrik"], ["henk"]),
        (["cornelis"], ["kees"]),
        (["katharina"], ["kathi", "katja"]),
        (["margarete", "margarethe"], ["grete", "gretchen"]),
        // Italian
        (["giuseppe"], ["beppe", "peppe", "pino"]),
        (["giuseppina"], ["pina"]),
        (["giovanni"], ["gianni"]),
        (["vincenzo"], ["enzo"]),
        (["domenico"], ["mimmo"]),
        (["salvatore"], ["toto"]),
        (["alessandro"], ["sandro"]),
        (["francesco"], ["franco", "checco"]),
        // Spanish and Portuguese
        (["francisco"], ["paco", "pancho", "curro", "chico"]),
        (["jose"], ["pepe"]),
        (["guillermo"], ["memo"]),
        (["ignacio"], ["nacho"]),
        (["manuel"], ["manolo", "manu"]),
        (["dolores"], ["lola"]),
        (["concepcion"], ["concha", "conchita"]),
        (["enrique"], ["quique"]),
        (["jesus"], ["chucho", "chuy"]),
        (["mercedes"], ["merche"]),
        (["rosario"], ["charo"]),
        (["eduardo"], ["lalo"]),
        (["alberto", "roberto"], ["beto"]),
        (["santiago"], ["santi"]),
        (["rafael"], ["rafa"]),
        (["fernando"], ["nando"]),
        // Russian and Ukrainian, in the spellings of English texts and of ICU's reading
        (["aleksandr", "alexander", "alexandr", "aleksandra", "alexandra", "oleksandr", "oleksandra"], ["sasha", "shura"]),
        (["dmitry", "dmitriy", "dmitrij", "dmitri"], ["dima"]),
        (["mikhail"], ["misha"]),
        (["natalya", "natalia", "nataliya"], ["natasha"]),
        (["maria", "mariya"], ["masha"]),
        (["ekaterina", "yekaterina"], ["katya"]),
        (["anastasia", "anastasiya"], ["nastya"]),
        (["ivan"], ["vanya"]),
        (["vladimir"], ["volodya", "vova"]),
        (["evgeny", "evgeniy", "evgenij", "yevgeny", "yevgeniy", "evgenia", "evgeniya", "yevgeniya"], ["zhenya"]),
        (["sergey", "sergei", "sergej"], ["seryozha"]),
        (["aleksey", "alexey", "alexei", "aleksei", "aleksej"], ["alyosha", "lyosha"]),
        (["nikolay", "nikolai", "nikolaj"], ["kolya"]),
        (["pavel"], ["pasha"]),
        (["konstantin"], ["kostya"]),
        (["yury", "yuri", "yuriy", "jurij"], ["yura"]),
        (["tatiana", "tatyana"], ["tanya"]),
        (["svetlana"], ["sveta"]),
        (["olga"], ["olya"]),
        (["lyudmila", "ludmila"], ["lyuda", "luda"]),
        (["irina"], ["ira"]),
        (["yulia", "yuliya"], ["yulya"]),
        (["ksenia", "kseniya"], ["ksyusha"]),
        (["daria", "darya"], ["dasha"]),
        (["anna"], ["anya"]),
        (["grigory", "grigoriy", "grigorij"], ["grisha"]),
        (["boris"], ["borya"]),
        (["viktor"], ["vitya"]),
        (["andrey", "andrei", "andrej"], ["andryusha"]),
        // Greek, as passports and everyday use spell them
        (["georgios"], ["giorgos", "yiorgos"]),
        (["konstantinos"], ["kostas"]),
        (["dimitrios"], ["dimitris", "mitsos"]),
        (["ioannis"], ["giannis", "yannis"]),
        (["nikolaos"], ["nikos"]),
        (["panagiotis"], ["panos", "takis"]),
        (["vasileios"], ["vasilis"]),
        (["athanasios"], ["thanasis", "thanos"]),
        (["evangelos"], ["vangelis"]),
        (["spyridon"], ["spyros"]),
        (["michail"], ["michalis"]),
        (["aikaterini"], ["katerina"]),
        // Polish and Hungarian
        (["katarzyna"], ["kasia"]),
        (["malgorzata"], ["gosia", "malgosia"]),
        (["wojciech"], ["wojtek"]),
        (["tomasz"], ["tomek"]),
        (["krzysztof"], ["krzys"]),
        (["aleksander"], ["olek"]),
        (["magdalena"], ["magda"]),
        (["joanna"], ["asia"]),
        (["erzsebet"], ["erzsi"]),
        (["istvan"], ["pista"]),
    ]
}
