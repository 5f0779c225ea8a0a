import Foundation
import GenerativeModels
import Tensors

/// Issue 7 (part 1) figures on the digits, default settings a notebook would use: training seconds and
/// the fit reached by GaussianClassifier, LogisticRegression, PPCA (2, 5, 10, 20 components) and MADE.
/// Held-out figures use `Dataset.digits().split(testFraction: 0.2, seed: 0)`.
enum ExplicitDensityBenchmarks {
    static func run() throws {
        var digits: LabeledData!
        let load = try Measure.seconds { digits = try Dataset.digits() }
        print("digits: \(digits.x.shape) loaded and parsed in \(Measure.format(load))")
        let (train, test) = try digits.split(testFraction: 0.2, seed: 0)
        print("split: \(train.count) training rows, \(test.count) held out")

        print("-- generative vs discriminative (accuracy on the held-out rows)")
        for covariance in GaussianClassifier.Covariance.allCases {
            let model = GaussianClassifier(covariance: covariance)
            let seconds = try Measure.seconds { try model.fit(train) }
            print("GaussianClassifier(\(covariance), regularization 0.01): fit \(Measure.format(seconds)), "
                + "train accuracy \(pct(try model.accuracy(train))), test accuracy \(pct(try model.accuracy(test)))")
        }
        let logistic = LogisticRegression()
        let logisticSeconds = try Measure.seconds { try logistic.fit(train) }
        print("LogisticRegression(defaults: 100 epochs, batch 128, Adam lr 0.05, l2 1e-4): fit \(Measure.format(logisticSeconds)), "
            + "train accuracy \(pct(try logistic.accuracy(train))), test accuracy \(pct(try logistic.accuracy(test)))")

        print("-- PPCA (average log-likelihood per image, nats; pixels in [0, 1])")
        for q in [2, 5, 10, 20] {
            let all = try PPCA(components: q)
            let allSeconds = try Measure.seconds { try all.fit(digits.x) }
            let heldOut = try PPCA(components: q)
            try heldOut.fit(train.x)
            print("PPCA(components: \(q)): closed-form fit on all 1797 in \(Measure.format(allSeconds)), "
                + String(format: "LL %.2f; σ² %.5f; ", try all.averageLogLikelihood(digits.x), all.noiseVariance)
                + String(format: "fit on train: train LL %.2f, test LL %.2f",
                         try heldOut.averageLogLikelihood(train.x), try heldOut.averageLogLikelihood(test.x)))
        }
        for q in [10] {
            let em = try PPCA(components: q)
            let seconds = try Measure.seconds { try em.fitEM(digits.x, iterations: 100) }
            let closed = try PPCA(components: q)
            try closed.fit(digits.x)
            print("PPCA(components: \(q)).fitEM(iterations: 100) on all: \(Measure.format(seconds)), "
                + String(format: "LL %.3f (closed form %.3f)", try em.averageLogLikelihood(digits.x), try closed.averageLogLikelihood(digits.x)))
        }

        print("-- MADE on binarised digits (negative log-likelihood, nats per image)")
        let binaryTrain = train.binarized, binaryTest = test.binarized
        let configurations: [(hidden: [Int], orderings: Int, epochs: Int)] = [
            ([512], 1, 30) /* the defaults */, ([256], 1, 20), ([256, 256], 1, 30), ([512], 4, 40),
        ]
        for (hidden, orderings, epochs) in configurations {
            let made = try MADE(inputs: 64, hidden: hidden, orderings: orderings, seed: 0)
            let seconds = try Measure.seconds { try made.fit(binaryTrain, epochs: epochs) }
            var samples = Tensor(0.0)
            let sampleSeconds = try Measure.seconds { samples = try made.sample(100, seed: 1) }
            print("MADE(hidden: \(hidden), orderings: \(orderings)), \(epochs) epochs, batch 64, Adam lr 2e-3: "
                + "train \(Measure.format(seconds)); "
                + String(format: "NLL train %.2f, test %.2f; ", try made.negativeLogLikelihood(binaryTrain), try made.negativeLogLikelihood(binaryTest))
                + "100 samples in \(Measure.format(sampleSeconds)) (mean pixel \(String(format: "%.3f", try samples.mean().item)))")
        }
        let meanPixel = try binaryTrain.mean(axis: 0).clamped(min: 1e-6, max: 1 - 1e-6)
        let independent = try -(binaryTest * meanPixel.log() + (1 - binaryTest) * (1 - meanPixel).log()).sum(axis: 1).mean().item
        print(String(format: "baseline, independent pixels fitted on train: test NLL %.2f", independent))
    }

    private static func pct(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }
}
