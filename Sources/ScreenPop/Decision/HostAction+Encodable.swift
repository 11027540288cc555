import ContactIndex

extension HostAction: Encodable {
    /// Encodes `{"action": name, …fields}`; a popped contact is written as an item.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.encode(name, forKey: AnyKey("action"))
        func put<T: Encodable>(_ key: String, _ value: T?) throws { try c.encodeIfPresent(value, forKey: AnyKey(key)) }
        switch self {
        case .pop(let a):
            try put("engagementId", a.engagementId)
            try put("contact", ContactItem(contact: a.contact))
            try put("reason", a.reason)
            try put("resolution", a.resolution)
            try put("unsolicited", a.unsolicited)
            try put("alternatives", a.alternatives)
        case .chooseAmong(let a):
            try put("engagementId", a.engagementId)
            try put("candidates", a.candidates)
            try put("rememberedId", a.rememberedID)
        case .offerNewRecord(let a):
            try put("engagementId", a.engagementId)
            try put("channel", a.channel)
            try put("phone", a.phone)
            try put("email", a.email)
            try put("region", a.region)
            try put("numberType", a.numberType)
            try put("numberIsValid", a.numberIsValid)
        case .logEngagement(let a):
            try put("engagementId", a.engagementId)
            try put("record", a.record)
            try put("recordSource", a.recordSource)
            try put("channel", a.channel)
            try put("direction", a.direction)
            try put("from", a.from)
            try put("to", a.to)
            try put("startTime", a.startTime)
            try put("endTime", a.endTime)
            try put("duration", a.duration)
            try put("durationSeconds", a.durationSeconds)
            try put("dispositionCode", a.dispositionCode)
            try put("dispositionId", a.dispositionId)
            try put("queue", a.queue)
            try put("agentName", a.agentName)
            try put("notesHtml", a.notesHTML)
            try put("notesPlainText", a.notesPlainText)
            try put("smartNotesHtml", a.smartNotesHTML)
            try put("smartNotesPlainText", a.smartNotesPlainText)
            try put("update", a.isUpdate ? true : nil)
        case .attachLink(let a):
            try put("engagementId", a.engagementId)
            try put("kind", a.kind)
            try put("url", a.url)
        case .addNote(let a):
            try put("engagementId", a.engagementId)
            try put("html", a.html)
            try put("plainText", a.plainText)
        case .softphoneError(let a):
            try put("code", a.code)
            try put("message", a.message)
        case .unmatchedAnswer(let a):
            try put("type", a.type)
            try put("requestId", a.requestId)
            try put("engagementId", a.engagementId)
            try put("reason", a.reason)
        }
    }
}
