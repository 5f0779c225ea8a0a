/// Helpers shared by the classifiers.
enum Classification {
    /// The fraction of positions where `predicted` equals `labels`.
    static func accuracy(_ predicted: [Int], _ labels: [Int], model: String) throws -> Double {
        guard predicted.count == labels.count else {
            throw ModelError.invalidArgument(model: model, reason: "\(labels.count) labels for \(predicted.count) rows")
        }
        guard !labels.isEmpty else { return .nan }
        return Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
    }
}
