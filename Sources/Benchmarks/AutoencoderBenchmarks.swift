import Foundation
import GenerativeModels
import NeuralNetworks
import Tensors

/// The autoencoder suite (issue 7): each model trained on the UCI digits with the defaults a notebook
/// would use, reporting training seconds and the fit reached. The digits are split 80/20 (seed 0); the
/// VAE is trained and scored on binarised pixels (x > 0.5), so its figures are log-likelihoods of binary
/// images in nats per image (ELBO from 10 draws per image, importance-weighted with K = 100).
enum AutoencoderBenchmarks {
    static func run() {
        do {
            print("Autoencoder benchmarks (release build expected)")
            let digits = try Dataset.digits()
            let (train, test) = try digits.split(testFraction: 0.2, seed: 0)
            print("digits: \(train.count) training and \(test.count) test images of 64 pixels")
            try autoencoders(train.x, test.x)
            for latent in [2, 8] { try vae(latentSize: latent, train.binarized, test.binarized) }
            try vqvae(train.x, test.x)
        } catch {
            print("autoencoder benchmark failed: \(error)")
        }
    }

    /// Wall-clock seconds of `body`.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func format(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }

    /// A linear and a nonlinear autoencoder (code size 2), with PCA's rank-2 error beside them and the
    /// principal angles between the linear decoder's span and PCA's top two components.
    static func autoencoders(_ train: Tensor, _ test: Tensor) throws {
        let mean = try train.mean(axis: 0)
        let centred = try train - mean
        let top = try Linalg.eigh(try centred.T • centred).eigenvectors[TensorIndex.all, 62..<64]
        let pca = { (x: Tensor) throws -> Double in
            let c = try x - mean
            return try Loss.meanSquaredError(try (try (c • top) • top.T) + mean, x).item
        }
        print("Autoencoder (code size 2): mean squared error per pixel")
        print("  PCA, 2 components: train \(format(try pca(train), 4)), test \(format(try pca(test), 4))")
        let runs: [(String, Autoencoder, Int, Double)] = [
            ("linear [64, 2], default fit (30 epochs, Adam 3e-3)", try Autoencoder.linear(inputSize: 64, latentSize: 2, seed: 0), 30, 3e-3),
            ("linear [64, 2], 100 epochs, Adam 1e-2", try Autoencoder.linear(inputSize: 64, latentSize: 2, seed: 0), 100, 1e-2),
            ("relu [64, 128, 2], default fit (30 epochs, Adam 3e-3)", try Autoencoder(widths: [64, 128, 2], seed: 0), 30, 3e-3),
        ]
        for (name, model, epochs, rate) in runs {
            let time = try seconds { try model.fit(train, epochs: epochs, learningRate: rate) }
            var line = "  \(name): \(format(time, 2)) s, train \(format(try model.reconstructionError(train), 4)), "
                + "test \(format(try model.reconstructionError(test), 4))"
            if model.decoder.layers.count == 1 {
                let angles = try principalAngles(model.decoder.layers[0].weight.T, top)
                line += ", principal angles to PCA \(angles.map { format($0) }) rad"
            }
            print(line)
        }
    }

    /// The principal angles between the column spans of two matrices (cosines: singular values of Q₁ᵀQ₂).
    static func principalAngles(_ a: Tensor, _ b: Tensor) throws -> [Double] {
        let qa = try Linalg.svd(a).u, qb = try Linalg.svd(b).u
        return try Linalg.svd(try qa.T • qb).singularValues.scalars.map { Foundation.acos(min(1, $0)) }
    }

    /// A VAE with the default architecture ([128] hidden, Bernoulli decoder) and fit (50 epochs, Adam 3e-3).
    static func vae(latentSize: Int, _ train: Tensor, _ test: Tensor) throws {
        let model = try VAE(inputSize: 64, latentSize: latentSize, seed: 0)
        let time = try seconds { try model.fit(train) }
        print("VAE, latent size \(latentSize) (hidden [128], Bernoulli; fit: 50 epochs, batch 64, Adam 3e-3): \(format(time, 2)) s")
        for (name, x) in [("train", train), ("test", test)] {
            let bound = try model.elbo(x, samples: 10, seed: 1)
            var ll = 0.0
            let scoring = try seconds { ll = try model.logLikelihood(x, samples: 100, seed: 2) }
            print("  \(name): ELBO \(format(bound.total)) nats (reconstruction \(format(bound.reconstruction)), "
                  + "KL \(format(bound.kl))); log-likelihood (K = 100) \(format(ll)) nats [\(format(scoring, 2)) s]")
        }
    }

    /// A VQ-VAE with the default architecture (4 codes of size 8 per image, 32-code book) and fit (30 epochs).
    static func vqvae(_ train: Tensor, _ test: Tensor) throws {
        let model = try VQVAE(inputSize: 64, seed: 0)
        let time = try seconds { try model.fit(train) }
        print("VQ-VAE (4 × 8-d codes, 32-code book, β 0.25, hidden [128]; fit: 30 epochs, batch 64, Adam 3e-3): \(format(time, 2)) s")
        for (name, x) in [("train", train), ("test", test)] {
            let usage = try model.codebookUsage(x)
            print("  \(name): reconstruction error \(format(try model.reconstructionError(x), 4)) per pixel, "
                  + "\(usage.used)/\(usage.counts.count) codes used, perplexity \(format(usage.perplexity, 2))")
        }
    }
}
