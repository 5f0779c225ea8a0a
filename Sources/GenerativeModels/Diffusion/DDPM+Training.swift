import NeuralNetworks
import Tensors

extension DDPM {
    /// Trains the noise predictor on the rows of `data` (`[n, dataDimension]`) for `steps` Adam steps:
    /// each takes a mini-batch x₀ of `batchSize`, a step t uniform in 1 … T and noise ε per row, and
    /// minimises the simple loss `mean ‖ε − ε̂(√ᾱ_t·x₀ + √(1−ᾱ_t)·ε, t)‖²`. The rate falls linearly
    /// from `learningRate` to `finalLearningRate` over the run (nil: constant); the decay sharpens the
    /// samples markedly for the same steps. Draws come from `seed`; `progress` hears every step and
    /// may throw to stop.
    public func fit(_ data: Tensor, steps: Int = 5000, batchSize: Int = 128, learningRate: Double = 3e-3,
                    finalLearningRate: Double? = 0, seed: UInt64 = 0, progress: ProgressHandler? = nil) throws {
        try validateTrainingData(data, dimension: dataDimension, model: "DDPM")
        guard learningRate > 0, learningRate.isFinite else {
            throw ModelError.invalidArgument(model: "DDPM", reason: "learningRate must be positive, got \(learningRate)")
        }
        let rng = RandomGenerator(seed: seed)
        var loop = try StepLoop(model: "DDPM", rows: data.shape[0], batchSize: batchSize, totalSteps: steps,
                                generator: rng.fork(), progress: progress)
        let noiseSource = rng.fork()
        if let finalLearningRate, !(finalLearningRate >= 0 && finalLearningRate.isFinite) {
            throw ModelError.invalidArgument(
                model: "DDPM", reason: "finalLearningRate must be non-negative, got \(finalLearningRate)")
        }
        let optimizer = Adam(learningRate: learningRate)
        lastFit = FitSettings(steps: steps, batchSize: batchSize, learningRate: learningRate,
                              finalLearningRate: finalLearningRate, beta1: optimizer.beta1)
        let signal = Tensor(schedule.alphaBars.map { $0.squareRoot() })
        let noiseScale = Tensor(schedule.alphaBars.map { (1 - $0).squareRoot() })
        for step in 0..<steps {
            if let finalLearningRate {
                optimizer.learningRate = learningRate + (finalLearningRate - learningRate) * Double(step) / Double(max(steps - 1, 1))
            }
            let x0 = try data.take(try loop.nextBatch(), axis: 0)
            let n = x0.shape[0]
            let t = try (0..<n).map { _ in 1 + (try noiseSource.integer(below: schedule.steps)) }
            let epsilon = try Tensor.randomNormal(x0.shape, using: noiseSource)
            let indices = t.map { $0 - 1 }
            let xt = try signal.take(indices).reshaped([n, 1]) * x0 + noiseScale.take(indices).reshaped([n, 1]) * epsilon
            let (value, gradients) = try valueAndGrad(model: network) {
                try Loss.meanSquaredError(try predict(xt, steps: t), epsilon)
            }
            try optimizer.update(gradients)
            let loss = try value.item
            record(loss: loss)
            try loop.finishStep(loss: loss)
        }
    }
}
