extension ContactCSVRowConverter {
    /// The problems of a record's quoting, from what the tokenizer flagged: each names the
    /// field's column, and a quoted field over several lines names the lines it held, since
    /// those lines were not read as records (or, for a field read again with its quote as text,
    /// were read as records after all).
    /// - Parameters:
    ///   - flags: the record's flags (`CSVTokenizer.nextRecord`).
    ///   - spans: the record's fields.
    ///   - bytes: the block; `rowStart` is where the record starts in it, on line `line`.
    ///   - cellText: the decoded text of the field at an index.
    /// - Complexity: O(n) in the record's bytes; only records with a quoting flag pay it.
    func quotingProblems(
        flags: CSVRecordFlags, spans: [CSVFieldSpan], bytes: UnsafeBufferPointer<UInt8>, rowStart: Int, line: Int, cellText: (Int) -> String
    ) -> [CSVLoadProblem] {
        var problems: [CSVLoadProblem] = []
        /// The file line of a byte of the record.
        func lineOf(_ offset: Int) -> Int {
            line + CSVTokenizer.lineBreaks(in: UnsafeBufferPointer(rebasing: bytes[rowStart..<max(rowStart, offset)]))
        }
        func content(_ span: CSVFieldSpan) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.end)])
        }
        func problem(_ index: Int, _ value: String, _ kind: CSVLoadProblem.Kind) {
            problems.append(CSVLoadProblem(line: line, column: header(index), contactID: "", value: value, kind: kind))
        }
        if flags.contains(.byteOrderMark) { problem(0, "", .byteOrderMarkDropped) }
        if flags.contains(.quoteReadAsText) {
            for (index, span) in spans.enumerated() where span.quoteReadAsText {
                let opening = CSVTokenizer.quoteAfterSpaces(in: bytes, from: Int(span.start)) ?? Int(span.start)
                let from = lineOf(opening)
                problem(index, cellText(index), .quoteReadAsText(fromLine: from, toLine: from + CSVTokenizer.lineBreaksInQuotedField(in: bytes, opening: opening)))
            }
        }
        if flags.contains(.unterminatedQuote), let last = spans.last {
            // The unclosed field is the record's last one.
            let from = lineOf(Int(last.start))
            problem(spans.count - 1, "", .unterminatedQuote(fromLine: from, toLine: from + CSVTokenizer.lineBreaks(in: content(last), countsFinalBreak: false)))
        }
        if flags.contains(.textAfterClosingQuote) {
            let index = spans.firstIndex(where: \.hasTextAfterClosingQuote) ?? 0
            problem(index, cellText(index), .textAfterClosingQuote)
        }
        // Once per line, for its first such field: a file written so has them on every line.
        if flags.contains(.spacesAroundQuotedField) {
            let index = spans.firstIndex(where: \.hasSpacesAroundQuotes) ?? 0
            problem(index, cellText(index), .spacesAroundQuotedField)
        }
        // A closed field over several lines in a row of the wrong length: maybe a stray quote
        // that closed cleanly, maybe an address in a short row; the lines it held are named.
        if flags.contains(.quotedLineBreak), !flags.contains(.unterminatedQuote), spans.count != layout.columns.count,
           let index = spans.firstIndex(where: { !$0.quoteReadAsText && CSVTokenizer.lineBreaks(in: content($0)) > 0 })
        {
            let from = lineOf(Int(spans[index].start))
            problem(index, "", .quotedFieldOverLines(fromLine: from, toLine: from + CSVTokenizer.lineBreaks(in: content(spans[index]))))
        }
        return problems
    }
}
