/// Something a `PUT /v1/contacts/{id}` body held that the record could not take as written:
/// a number kept raw, an invalid address, a region that names no country. The record is still
/// stored; the problem is listed in the answer's `problems`.
struct ContactInputProblem: Encodable, Sendable, Hashable {
    /// The field, as the body names it ("phones[0]", "region").
    var field: String
    /// The value as the body gave it.
    var value: String
    /// What happened to it, for people.
    var message: String
}
