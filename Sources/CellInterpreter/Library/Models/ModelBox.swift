import Foundation
import GenerativeModels
import Tensors

/// A model or data object of the GenerativeModels library as cells hold it. Models are
/// classes that train in place (`vae.fit(x)`), so the box shares the model, as Swift would.
final class ModelBox<Model: AnyObject>: LibraryValue, CustomStringConvertible {
    let model: Model
    let typeName: String
    private let summary: (Model) -> String

    init(_ model: Model, typeName: String, summary: @escaping (Model) -> String = { _ in "" }) {
        self.model = model
        self.typeName = typeName
        self.summary = summary
    }

    var description: String {
        let s = summary(model)
        return s.isEmpty ? "<\(typeName)>" : "<\(typeName): \(s)>"
    }
}

extension Invocation {
    /// The receiver's model of type `M`.
    func model<M: AnyObject>(_ type: M.Type) throws -> M {
        try receiver(as: ModelBox<M>.self).model
    }

    /// Argument `i` as a model of type `M`.
    func model<M: AnyObject>(_ i: Int, _ type: M.Type, named name: String) throws -> M {
        try object(i, as: ModelBox<M>.self, named: name).model
    }

    /// A seed argument: the one written, or the next draw of the notebook's generator, so an
    /// unseeded model is still the same on every run of the notebook.
    func seed(_ i: Int) throws -> UInt64 {
        if value(i) == nil { return generator.next() }
        let s = try int(i)
        guard s >= 0 else { throw fail("seed must not be negative, got \(s)") }
        return UInt64(s)
    }

    /// What long library loops call every step: it ends the cell at its timeout and reports
    /// training progress to whoever runs the notebook (a terminal progress bar).
    var progress: ProgressHandler {
        let context = self.context, position = self.position, label = function.name
        return { p in
            try context.checkClock(at: position)
            context.reportProgress(LibraryProgress(label: label, step: p.step, totalSteps: p.totalSteps, loss: p.loss,
                                                   seconds: p.seconds))
        }
    }

    /// A path argument, relative to the notebook's folder.
    func path(_ i: Int) throws -> String {
        try context.resolvePath(try string(i), at: position)
    }

    /// A tuple with labelled elements, as Swift shows `(total: …, kl: …)`.
    func record(_ fields: KeyValuePairs<String, Value>) -> Value {
        .tuple(TupleValue(fields.map(\.value), labels: fields.map(\.key)))
    }
}

/// A step of a long-running library call, for a progress display.
public struct LibraryProgress: Sendable {
    /// The method that is running (`fit`, `sample`).
    public var label: String
    public var step: Int
    public var totalSteps: Int
    public var loss: Double
    public var seconds: Double
}

extension Value {
    static func ints(_ xs: [Int]) -> Value { .array(xs.map { .int($0) }) }
    static func doubles(_ xs: [Double]) -> Value { .array(xs.map { .double($0) }) }
}

/// `model.history`: the losses a model recorded while it trained, by name.
final class HistoryValue: LibraryValue, CustomStringConvertible {
    let history: LossHistory
    var typeName: String { "LossHistory" }

    init(_ history: LossHistory) {
        self.history = history
    }

    var description: String {
        let parts = history.names.map { "\($0): \(history[$0].count) values" }
        return "<LossHistory \(parts.joined(separator: ", "))>"
    }
}

extension Registry {
    func registerTiming() {
        function(NativeFunction("timeIt(repeats: Int = 5, warmUp: Bool = true, _ body: () -> Any) -> Double",
                                doc: "The median seconds the block takes over repeats (after one untimed warm-up run unless warmUp is false).") { call in
            let body = call.value(2)!
            let repeats = try call.int(0, default: 5)
            guard (1...1000).contains(repeats) else { throw call.fail("repeats must be between 1 and 1000, got \(repeats)") }
            return .double(try GenerativeModels.timeIt(repeats: repeats, warmUp: try call.bool(1, default: true)) { _ = try call.call(body, []) })
        }, topic: "Timing")
    }

    func registerHistory() {
        type(TypeBinding("LossHistory", doc: "The losses a model recorded while training, by name (\"loss\", \"kl\", …).")
            .method(NativeFunction("subscript(_ name: String) -> [Double]", doc: "The values recorded under a name, in order ([] if none).") { call in
                let h = try call.receiver(as: HistoryValue.self).history
                let name = try call.string(0)
                guard h.names.contains(name) else {
                    throw call.fail("no losses named '\(name)'; recorded: \(h.names.joined(separator: ", "))")
                }
                return .doubles(h[name])
            })
            .property(NativeProperty("names", "[String]", doc: "The names recorded, sorted.", get: { v in
                guard case .object(let h as HistoryValue) = v else { return .none }
                return .array(h.history.names.map { .string($0) })
            })),
             topic: "Models")
    }
}
