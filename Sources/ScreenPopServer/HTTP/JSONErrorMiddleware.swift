import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

/// Turns every error into a JSON error response (`APIError`): the router's 404, body limits, a
/// body the HTTP parser rejects (a bad chunk size: 400 with `Connection: close`), and anything
/// unexpected, which becomes a 500 whose details go to the log only.
struct JSONErrorMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try Self.apiError(for: error, request: request, context: context).response(from: request, context: context)
        }
    }

    /// The `APIError` an error is answered with.
    static func apiError(for error: any Error, request: Request, context: Context) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as HTTPError:
            switch error.status {
            case .notFound: return .notFound(request.method, request.uri.path)
            case .contentTooLarge: return APIError(.contentTooLarge, code: "body-too-large", message: "the request body is too large")
            default:
                return APIError(error.status, code: Self.code(for: error.status), message: error.body ?? error.status.reasonPhrase)
            }
        case let error as HTTPParserError:
            return .malformedHTTP(error)
        case is NIOTooManyBytesError:
            return APIError(.contentTooLarge, code: "body-too-large", message: "the request body is too large")
        default:
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return .internalError
        }
    }

    /// A code for a bare status ("bad-request", "method-not-allowed").
    static func code(for status: HTTPResponse.Status) -> String {
        status.reasonPhrase.lowercased().split(separator: " ").joined(separator: "-")
    }
}
