import NeuralNetworks
import Tensors

extension GAN {
    /// Trains on the rows of `data` (`[n, dataDimension]`) for `steps` generator steps, each after
    /// `discriminatorSteps` discriminator steps on fresh mini-batches of `batchSize` real and as many
    /// generated points. Both networks use Adam with β = (`beta1`, 0.999) and a rate falling linearly
    /// from `learningRate` to `finalLearningRate` (nil: constant); the generator minimises `loss`.
    /// Shuffles and noise come from `seed`; `progress` hears every generator step (its loss is the
    /// discriminator's) and may throw to stop.
    public func fit(_ data: Tensor, steps: Int = 5000, batchSize: Int = 128, learningRate: Double = 5e-4,
                    finalLearningRate: Double? = nil, discriminatorSteps: Int = 1, beta1: Double = 0.5, seed: UInt64 = 0,
                    progress: ProgressHandler? = nil) throws {
        try validateTrainingData(data, dimension: dataDimension, model: "GAN")
        guard discriminatorSteps >= 1 else {
            throw ModelError.invalidArgument(model: "GAN", reason: "discriminatorSteps must be at least 1, got \(discriminatorSteps)")
        }
        guard learningRate > 0, learningRate.isFinite else {
            throw ModelError.invalidArgument(model: "GAN", reason: "learningRate must be positive, got \(learningRate)")
        }
        if let finalLearningRate, !(finalLearningRate >= 0 && finalLearningRate.isFinite) {
            throw ModelError.invalidArgument(
                model: "GAN", reason: "finalLearningRate must be non-negative, got \(finalLearningRate)")
        }
        let rng = RandomGenerator(seed: seed)
        var loop = try StepLoop(model: "GAN", rows: data.shape[0], batchSize: batchSize, totalSteps: steps,
                                generator: rng.fork(), progress: progress)
        lastFit = FitSettings(steps: steps, batchSize: batchSize, learningRate: learningRate,
                              finalLearningRate: finalLearningRate, beta1: beta1)
        let noiseSource = rng.fork()
        let discriminatorOptimizer = Adam(learningRate: learningRate, beta1: beta1)
        let generatorOptimizer = Adam(learningRate: learningRate, beta1: beta1)
        for step in 0..<steps {
            if let finalLearningRate {
                let rate = learningRate + (finalLearningRate - learningRate) * Double(step) / Double(max(steps - 1, 1))
                discriminatorOptimizer.learningRate = rate
                generatorOptimizer.learningRate = rate
            }
            var dLoss = 0.0, realScore = 0.0, fakeScore = 0.0
            for _ in 0..<discriminatorSteps {
                let real = try data.take(try loop.nextBatch(), axis: 0)
                let fake = try generate(noise: try noise(real.shape[0], using: noiseSource))
                var realLogits = Tensor(0), fakeLogits = Tensor(0)
                let (value, gradients) = try valueAndGrad(model: discriminator) {
                    realLogits = try logits(real)
                    fakeLogits = try logits(fake)
                    return try GANLoss.discriminatorLoss(realLogits: realLogits, fakeLogits: fakeLogits)
                }
                try discriminatorOptimizer.update(gradients)
                dLoss = try value.item
                realScore = try realLogits.detached.sigmoid().mean().item
                fakeScore = try fakeLogits.detached.sigmoid().mean().item
            }
            let z = try noise(batchSize, using: noiseSource)
            let (gValue, gGradients) = try valueAndGrad(model: generator) {
                loss.generatorLoss(fakeLogits: try logits(try generator(z)))
            }
            try generatorOptimizer.update(gGradients)
            record(discriminatorLoss: dLoss, generatorLoss: try gValue.item, realScore: realScore, fakeScore: fakeScore)
            try loop.finishStep(loss: dLoss)
        }
    }

    /// Trains only the discriminator, for `steps` steps, against the generator as it is (which stays
    /// fixed): the experiment behind D*(x) = p_data(x) / (p_data(x) + p_g(x)). Records
    /// "discriminator" losses; other arguments as in `fit`.
    public func fitDiscriminator(_ data: Tensor, steps: Int = 1000, batchSize: Int = 128, learningRate: Double = 1e-3,
                                 beta1: Double = 0.5, seed: UInt64 = 0, progress: ProgressHandler? = nil) throws {
        try validateTrainingData(data, dimension: dataDimension, model: "GAN")
        let rng = RandomGenerator(seed: seed)
        var loop = try StepLoop(model: "GAN", rows: data.shape[0], batchSize: batchSize, totalSteps: steps,
                                generator: rng.fork(), progress: progress)
        let noiseSource = rng.fork()
        let optimizer = Adam(learningRate: learningRate, beta1: beta1)
        for _ in 0..<steps {
            let real = try data.take(try loop.nextBatch(), axis: 0)
            let fake = try generate(noise: try noise(real.shape[0], using: noiseSource))
            let (value, gradients) = try valueAndGrad(model: discriminator) {
                try GANLoss.discriminatorLoss(realLogits: try logits(real), fakeLogits: try logits(fake))
            }
            try optimizer.update(gradients)
            recordDiscriminatorOnly(try value.item)
            try loop.finishStep(loss: try value.item)
        }
    }
}
