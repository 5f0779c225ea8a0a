import Foundation
import Testing
import Tensors
import NeuralNetworks
import GenerativeModels

@Suite("GAN losses")
struct GANLossTests {
    func sigmoid(_ l: Double) -> Double { 1 / (1 + exp(-l)) }

    @Test("generator losses: minimax is mean log(1 − D), non-saturating is mean −log D", arguments: [-4.0, -0.5, 0.0, 2.0])
    func generatorLosses(logit: Double) throws {
        let logits = Tensor([logit, logit])
        let d = sigmoid(logit)
        #expect(abs(try GANLoss.minimax.generatorLoss(fakeLogits: logits).item - log(1 - d)) < 1e-12)
        #expect(abs(try GANLoss.nonSaturating.generatorLoss(fakeLogits: logits).item - (-log(d))) < 1e-12)
    }

    @Test("discriminator loss is −log D(real) − log(1 − D(fake))")
    func discriminatorLoss() throws {
        let loss = try GANLoss.discriminatorLoss(realLogits: Tensor([1.5]), fakeLogits: Tensor([-0.3]))
        #expect(abs(try loss.item - (-log(sigmoid(1.5)) - log(1 - sigmoid(-0.3)))) < 1e-12)
    }

    @Test("when D confidently rejects a sample, the minimax gradient vanishes and the non-saturating one does not")
    func saturation() throws {
        let rejected = Tensor([-6.0])
        let minimax = try grad(at: rejected) { GANLoss.minimax.generatorLoss(fakeLogits: $0) }.item
        let nonSaturating = try grad(at: rejected) { GANLoss.nonSaturating.generatorLoss(fakeLogits: $0) }.item
        #expect(abs(minimax - (-sigmoid(-6))) < 1e-12)          // −D ≈ −0.0025
        #expect(abs(nonSaturating - (-(1 - sigmoid(-6)))) < 1e-12)  // −(1 − D) ≈ −0.9975
        #expect(abs(nonSaturating) > 100 * abs(minimax))
    }
}
