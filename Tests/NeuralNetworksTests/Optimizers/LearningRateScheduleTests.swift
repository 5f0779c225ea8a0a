import Foundation
import Testing
import Tensors
@testable import NeuralNetworks

/// Learning-rate schedules against PyTorch's schedulers: `schedule_cases.json` holds the rate each
/// of 40 updates used, written by PyTorchOracle/make_schedules.py. PyTorch updates most rates
/// recursively, so they agree with the closed forms to a relative 1e-9, not bit for bit.
struct LearningRateScheduleTests {
    struct ScheduleCase: Codable, Sendable, CustomTestStringConvertible {
        let kind: String
        let settings: [String: Double]
        let rates: [Double]
        var testDescription: String { "\(kind) \(settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))" }

        func schedule() throws -> LearningRateSchedule {
            let s = settings
            func int(_ k: String) -> Int { Int(s[k]!) }
            switch kind {
            case "stepDecay": return .stepDecay(initial: s["initial"]!, every: int("every"), factor: s["factor"]!)
            case "exponential": return .exponential(initial: s["initial"]!, factor: s["factor"]!)
            case "cosine": return .cosine(initial: s["initial"]!, minimum: s["minimum"]!, steps: int("steps"))
            case "linear":
                return .linear(initial: s["initial"]!, startFactor: s["startFactor"]!, endFactor: s["endFactor"]!, steps: int("steps"))
            case "warmupThenCosine":
                return .sequence(.linear(initial: s["initial"]!, startFactor: s["startFactor"]!, endFactor: 1, steps: int("warmup")),
                                 steps: int("warmup"),
                                 then: .cosine(initial: s["initial"]!, minimum: s["minimum"]!, steps: int("steps")))
            default: throw TensorError.invalidArgument(operation: "test", reason: "unknown schedule \(kind)")
            }
        }
    }

    struct Table: Codable, Sendable {
        let torch: String
        let cases: [ScheduleCase]
    }

    static let cases: [ScheduleCase] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("PyTorchOracle/schedule_cases.json")
        return (try? JSONDecoder().decode(Table.self, from: Data(contentsOf: url)))?.cases ?? []
    }()

    @Test func theTableIsThere() { #expect(Self.cases.count == 7) }

    @Test(arguments: cases)
    func ratesMatchPyTorch(_ c: ScheduleCase) throws {
        let schedule = try c.schedule().validated()
        for (k, expected) in c.rates.enumerated() {
            let rate = schedule.rate(at: k)
            #expect(Swift.abs(rate - expected) <= 1e-9 * Swift.abs(expected), "step \(k): \(rate) against PyTorch's \(expected)")
        }
    }

    /// An optimiser with a schedule takes update k's rate from it; without one, a rate set between
    /// steps is the one the next step uses.
    @Test func anOptimiserFollowsItsSchedule() throws {
        let model = try Linear(1, 1, bias: false, using: RandomGenerator(seed: 4))
        let optimizer = SGD(learningRate: 1)
        optimizer.schedule = .stepDecay(initial: 0.5, every: 2, factor: 0.1)
        var used: [Double] = []
        for _ in 0..<5 {
            let before = model.weight.scalars[0]
            // d/dw of w is 1: each step moves the weight by exactly the rate.
            let (_, g) = try valueAndGrad(model: model) { model.weight.sum() }
            try optimizer.update(g)
            used.append(before - model.weight.scalars[0])
        }
        let expected = [0.5, 0.5, 0.05, 0.05, 0.005]
        #expect(zip(used, expected).allSatisfy { Swift.abs($0 - $1) <= 1e-12 * $1 })

        optimizer.schedule = nil
        optimizer.learningRate = 0.25
        let before = model.weight.scalars[0]
        try optimizer.update(try valueAndGrad(model: model) { model.weight.sum() }.gradients)
        #expect(Swift.abs(before - model.weight.scalars[0] - 0.25) <= 1e-12)
    }

    @Test func settingsThatCannotBeARateAreRefused() {
        let bad: [LearningRateSchedule] = [
            .constant(-1), .constant(.nan), .stepDecay(initial: 0.1, every: 0, factor: 0.5),
            .cosine(initial: 0.1, minimum: 0, steps: 0), .linear(initial: 0.1, startFactor: 0, endFactor: 1, steps: 5),
            .sequence(.constant(0.1), steps: 3, then: .exponential(initial: .infinity, factor: 0.9)),
        ]
        for schedule in bad {
            #expect(throws: TensorError.self, "\(schedule)") { try schedule.validated() }
        }
    }
}
