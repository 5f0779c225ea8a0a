import Tensors

/// A model used in a way it cannot accept: an argument outside its domain, data of the wrong shape,
/// or a method that needs a trained model called before `fit`. The message names the model.
public enum ModelError: Error, CustomStringConvertible, Equatable, Sendable {
    /// An argument or data the model cannot use, with the reason.
    case invalidArgument(model: String, reason: String)
    /// A method that needs a fitted model was called before `fit`.
    case notFitted(model: String, method: String)

    public var description: String {
        switch self {
        case let .invalidArgument(model, reason): return "\(model): \(reason)"
        case let .notFitted(model, method): return "\(model).\(method): the model has not been fitted yet; call fit first"
        }
    }
}

extension ModelError {
    /// Throws unless `x` is a matrix with `features` columns (any number when nil) and at least `minimumRows` rows.
    static func checkMatrix(_ x: Tensor, features: Int?, minimumRows: Int = 0, model: String) throws {
        guard x.rank == 2 else {
            throw ModelError.invalidArgument(model: model, reason: "expected a matrix of rows, got shape \(x.shape)")
        }
        if let features, x.shape[1] != features {
            throw ModelError.invalidArgument(model: model, reason: "expected \(features) columns, got shape \(x.shape)")
        }
        guard x.shape[0] >= minimumRows else {
            throw ModelError.invalidArgument(model: model, reason: "needs at least \(minimumRows) rows, got \(x.shape[0])")
        }
        guard x.allFinite else {
            throw ModelError.invalidArgument(model: model, reason: "the data contain NaN or infinite values")
        }
    }
}
