extension ContactCSVRowConverter {
    /// The problems of a record's quoting, from what the tokenizer flagged; each names the
    /// field's column.
    /// - Parameters:
    ///   - flags: the record's flags (`CSVTokenizer.nextRecord`).
    ///   - spans: the record's fields.
    ///   - line: the line the record starts on.
    ///   - cellText: the decoded text of the field at an index.
    /// - Complexity: O(f) in the record's fields; only records with a quoting flag pay it.
    func quotingProblems(flags: CSVRecordFlags, spans: [CSVFieldSpan], line: Int, cellText: (Int) -> String) -> [CSVLoadProblem] {
        var problems: [CSVLoadProblem] = []
        func problem(_ index: Int, _ value: String, _ kind: CSVLoadProblem.Kind) {
            problems.append(CSVLoadProblem(line: line, column: header(index), contactID: "", value: value, kind: kind))
        }
        // The unclosed field is the record's last one.
        if flags.contains(.unterminatedQuote) { problem(spans.count - 1, "", .unterminatedQuote) }
        if flags.contains(.textAfterClosingQuote) {
            let index = spans.firstIndex(where: \.hasTextAfterClosingQuote) ?? 0
            problem(index, cellText(index), .textAfterClosingQuote)
        }
        // Once per line, for its first such field: a file written so has them on every line.
        if flags.contains(.spacesAroundQuotedField) {
            let index = spans.firstIndex(where: \.hasSpacesAroundQuotes) ?? 0
            problem(index, cellText(index), .spacesAroundQuotedField)
        }
        return problems
    }
}
