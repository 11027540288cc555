#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A request registered in `PendingRequests`: hand it to `PendingRequests.answer(_:)` to await
/// the softphone's answer, typed as `Answer`.
public struct PendingTicket<Answer: Sendable>: Sendable {
    /// What the answer is matched by.
    public let key: RequestKey
    /// The request's `type` ("zcc-engagement-status-request").
    public let requestType: String
    /// The answer's `type` ("zcc-engagement-status-response").
    public let answerType: String
    /// When the request times out (the table's clock).
    public let deadline: Date
    /// The entry in the table.
    let id: UInt64
    /// The typed answer in a message of `answerType`.
    let extract: @Sendable (SoftphoneMessage) -> Answer?
}
