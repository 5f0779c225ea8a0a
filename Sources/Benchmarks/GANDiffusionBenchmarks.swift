import Foundation
import GenerativeModels
import NeuralNetworks
import Tensors

/// The GAN and diffusion suite (issue 8): each model trained with the settings a notebook would use on
/// the 8-mode ring and on the UCI digits, reporting training seconds per 1000 steps, sampling seconds,
/// mode coverage on the ring, and the kernel MMD (median-heuristic bandwidth) of 1000 samples to
/// held-out data beside the MMD of the training data itself to those held-out points (the floor).
enum GANDiffusionBenchmarks {
    /// Samples of the digit models, for a picture.
    struct DigitSamples {
        var gan: Tensor
        var ddpm: Tensor
        var data: Tensor
    }

    static func run() throws {
        _ = try report()
    }

    static func report(digitsToo: Bool = true) throws -> DigitSamples? {
        print("GAN and diffusion benchmarks (release build expected; \(Tensor.threadCount) BLAS threads)")
        try ring()
        return digitsToo ? try digits() : nil
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func format(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }

    static func coverage(_ samples: Tensor) throws -> String {
        let tight = try Evaluation.ringModeCoverage(samples)
        let loose = try Evaluation.ringModeCoverage(samples, nearDistance: 0.3)
        return "modes covered \(tight.modesCovered)/8 (far share \(format(tight.farShare, 3)) within 0.15), "
            + "\(loose.modesCovered)/8 (far share \(format(loose.farShare, 3)) within 0.3)"
    }

    /// Ring: 2000 training points (seed 1), 1000 held out (seed 2).
    static func ring() throws {
        let train = try Dataset.ring(count: 2000, seed: 1)
        let held = try Dataset.ring(count: 1000, seed: 2)
        print("Ring (8 modes, radius 2, noise 0.05): 2000 training points, 1000 held out")
        print("  floor: MMD²(training[..<1000], held out) = \(format(try Evaluation.mmd(try train[..<1000], held), 5))")

        let ganSteps = 5000
        let gan = try GAN(dataDimension: 2, seed: 0)
        let ganTime = try seconds { try gan.fit(train, steps: ganSteps) }
        let ganSamples = try gan.sample(1000, seed: 1)
        let ganSampleTime = try timeIt(repeats: 5) { _ = try gan.sample(1000, seed: 1) }
        print("  GAN (latent 2, G and D [64, 64] leaky ReLU, non-saturating, Adam 5e-4 β₁ 0.5, batch 128; the defaults), \(ganSteps) steps:")
        print("    training \(format(ganTime, 2)) s = \(format(ganTime / Double(ganSteps) * 1000, 2)) s per 1000 steps")
        print("    1000 samples in \(format(ganSampleTime * 1000, 2)) ms; \(try coverage(ganSamples))")
        print("    MMD² to held out \(format(try Evaluation.mmd(ganSamples, held), 5))")

        let ddpmSteps = 5000
        let ddpm = try DDPM(dataDimension: 2, seed: 0)
        let ddpmTime = try seconds { try ddpm.fit(train, steps: ddpmSteps) }
        var ancestral = Tensor(0), ddim = Tensor(0)
        let ancestralTime = try seconds { ancestral = try ddpm.sample(1000, seed: 1) }
        let ddimTime = try seconds { ddim = try ddpm.sampleDDIM(1000, steps: 50, seed: 1) }
        print("  DDPM (T = 1000 linear, MLP [2+32, 64, 64, 64, 2] SiLU, Adam 3e-3 → 0, batch 128; the defaults), \(ddpmSteps) steps:")
        print("    training \(format(ddpmTime, 2)) s = \(format(ddpmTime / Double(ddpmSteps) * 1000, 2)) s per 1000 steps")
        print("    1000 samples, 1000 ancestral steps: \(format(ancestralTime, 2)) s; \(try coverage(ancestral)); "
              + "MMD² \(format(try Evaluation.mmd(ancestral, held), 5))")
        print("    1000 samples, 50 DDIM steps: \(format(ddimTime, 3)) s; \(try coverage(ddim)); "
              + "MMD² \(format(try Evaluation.mmd(ddim, held), 5))")
    }

    /// Digits: the 80/20 split (seed 0) of the UCI digits in [0, 1]; the DDPM works on 2x − 1.
    static func digits() throws -> DigitSamples {
        let (trainSet, testSet) = try Dataset.digits().split(testFraction: 0.2, seed: 0)
        let train = trainSet.x, held = testSet.x
        let n = held.shape[0]
        print("Digits (8×8 in [0, 1]): \(train.shape[0]) training, \(n) held-out images")
        let floor = try Evaluation.mmd(try train[..<n], held)
        let dataSharpness = try Evaluation.sharpness(held)
        let nnFloor = try Evaluation.nearestNeighbourDistances(held, to: train).mean().item
        print("  floor: MMD²(training[..<\(n)], held out) = \(format(floor, 5)); held-out sharpness \(format(dataSharpness, 4)); "
              + "held-out → training nearest-neighbour distance \(format(nnFloor, 3))")
        func describe(_ samples: Tensor) throws -> String {
            let nn = try Evaluation.nearestNeighbourDistances(samples, to: train).mean().item
            return "MMD² to held out \(format(try Evaluation.mmd(samples, held), 5)), sharpness \(format(try Evaluation.sharpness(samples), 4)), "
                + "sample → training nearest-neighbour distance \(format(nn, 3))"
        }

        let ganSteps = 3000
        let gan = try GAN(dataDimension: 64, latentDimension: 16, generatorWidths: [256, 256], discriminatorWidths: [256, 256],
                          outputActivation: .sigmoid, seed: 0)
        let ganTime = try seconds { try gan.fit(train, steps: ganSteps, batchSize: 64, learningRate: 1e-3) }
        let ganSamples = try gan.sample(1000, seed: 1)
        print("  GAN (latent 16, G and D [256, 256], sigmoid output, Adam 1e-3 β₁ 0.5, batch 64), \(ganSteps) steps:")
        print("    training \(format(ganTime, 2)) s = \(format(ganTime / Double(ganSteps) * 1000, 2)) s per 1000 steps")
        print("    \(try describe(ganSamples))")

        let ddpmSteps = 4000
        let scaled = 2 * train - 1
        let ddpm = try DDPM(dataDimension: 64, hiddenWidths: [256, 256, 256], seed: 0)
        let ddpmTime = try seconds { try ddpm.fit(scaled, steps: ddpmSteps) }
        var ancestral = Tensor(0), ddim = Tensor(0)
        let ancestralTime = try seconds { ancestral = try ddpm.sample(1000, seed: 1) }
        let ddimTime = try seconds { ddim = try ddpm.sampleDDIM(1000, steps: 50, seed: 1) }
        let toPixels = { (x: Tensor) in ((x + 1) / 2).clamped(min: 0, max: 1) }
        print("  DDPM (T = 1000 linear, MLP [64+32, 256, 256, 256, 64] SiLU, Adam 3e-3 → 0, batch 128, data 2x − 1), \(ddpmSteps) steps:")
        print("    training \(format(ddpmTime, 2)) s = \(format(ddpmTime / Double(ddpmSteps) * 1000, 2)) s per 1000 steps")
        print("    1000 samples, 1000 ancestral steps: \(format(ancestralTime, 2)) s; \(try describe(toPixels(ancestral)))")
        print("    1000 samples, 50 DDIM steps: \(format(ddimTime, 3)) s; \(try describe(toPixels(ddim)))")
        let clipped = try ddpm.sampleDDIM(1000, steps: 50, clip: -1...1, seed: 1)
        print("    1000 samples, 50 DDIM steps, x̂₀ clipped to [−1, 1]: \(try describe(toPixels(clipped)))")
        return DigitSamples(gan: ganSamples, ddpm: toPixels(ancestral), data: held)
    }
}
