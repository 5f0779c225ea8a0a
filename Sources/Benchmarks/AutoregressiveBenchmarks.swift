import Foundation
import GenerativeModels
import NeuralNetworks
import Tensors

/// Issue 19 figures: PixelCNN and CharRNN training and sampling, and a 3×3 convolution's throughput,
/// each beside PyTorch (float32, one thread) in the same run on the same data:
/// `scripts/autoregressive_reference.py` is given the data this suite uses (written to a temporary
/// JSON file) and its answer is printed beside Lectern's with the ratio. Without python3 and torch
/// the PyTorch column is skipped.
enum AutoregressiveBenchmarks {
    static let settings: [String: Int] = ["channels": 64, "layers": 4, "maxEpochs": 100, "patience": 10, "charEpochs": 2]

    static func run() throws {
        let (xTrain, xValid, xTest) = try notebookSplit()
        let corpus = try Dataset.courseNotes()
        let cut = corpus.index(corpus.startIndex, offsetBy: corpus.count * 9 / 10)
        let (textTrain, textTest) = (String(corpus[..<cut]), String(corpus[cut...]))
        print("digits: train \(xTrain.shape[0]), validation \(xValid.shape[0]), test \(xTest.shape[0]); "
            + "text: train \(textTrain.count) characters, test \(textTest.count)")

        let reference = try runReference(data: [
            "settings": settings, "train": rows(xTrain), "validation": rows(xValid), "test": rows(xTest),
            "corpus": corpus, "textTrain": textTrain, "textTest": textTest,
        ])
        if let producer = reference?["producer"] as? String { print("reference: \(producer)") }
        func peer(_ group: String, _ key: String) -> Double? { (reference?[group] as? [String: Any])?[key] as? Double }
        func line(_ what: String, _ ours: Double, _ theirs: Double?, unit: String, seconds: Bool = true) {
            let mine = seconds ? Measure.format(ours) : String(format: "%.2f \(unit)", ours)
            guard let theirs else { return print("\(what): Lectern \(mine)") }
            let other = seconds ? Measure.format(theirs) : String(format: "%.2f \(unit)", theirs)
            print("\(what): Lectern \(mine), PyTorch \(other), ratio \(String(format: "%.2f", ours / theirs))")
        }

        print("-- PixelCNN (5×5 type A, \(settings["layers"]!) residual 3×3 type B, \(settings["channels"]!) maps; Adam 1e-3, batch 128)")
        // Like for like with the reference (one thread, float32 products), then in Lectern's default
        // float64, then with this machine's threads.
        let threads = Tensor.threadCount
        for (count, precision) in [(1, ProductPrecision.float32), (1, .float64)] + (threads > 1 ? [(threads, .float64)] : []) {
            Tensor.threadCount = count
            defer { Tensor.threadCount = threads }
            line("seconds per epoch (3 epochs, no validation; Lectern \(precision) products on \(count) thread\(count == 1 ? "" : "s"))",
                 try pixelCNNEpochSeconds(xTrain, precision: precision), peer("pixelcnn", "secondsPerEpoch"), unit: "s")
        }
        let model = try PixelCNN(channels: settings["channels"]!, layers: settings["layers"]!, seed: 1)
        let fitSeconds = try Measure.seconds {
            try model.fit(xTrain, validation: xValid, epochs: settings["maxEpochs"]!, patience: settings["patience"]!, seed: 1)
        }
        let epochsRun = model.history["loss"].count
        print("early stopping: \(epochsRun) epochs in \(Measure.format(fitSeconds)), best epoch \(model.bestEpoch)"
            + (peer("pixelcnn", "bestEpoch").map { " (PyTorch: \(Int($0)) of \(Int(peer("pixelcnn", "epochs") ?? 0)))" } ?? ""))
        line("test NLL at the best epoch", try model.negativeLogLikelihood(xTest), peer("pixelcnn", "testAtBest"), unit: "nats", seconds: false)
        line("best validation NLL", model.history["validation"].min() ?? .nan, peer("pixelcnn", "bestValidation"), unit: "nats", seconds: false)
        print("parameters: \(model.parameterCount)" + (peer("pixelcnn", "parameters").map { " (PyTorch \(Int($0)))" } ?? ""))
        var sampleSeconds: [Double] = []
        for k in 0..<3 { sampleSeconds.append(try Measure.seconds { _ = try model.sample(64, seed: UInt64(k)) }) }
        line("64 images by 64 passes", Measure.median(sampleSeconds), peer("pixelcnn", "sample64Seconds"), unit: "s")
        for side in [4, 6, 8] {
            let m = try PixelCNN(height: side, width: side, channels: settings["channels"]!, layers: settings["layers"]!, seed: 1)
            let s = try Measure.seconds { _ = try m.sample(64, seed: 1) }
            print("sampling 64 images of \(side)×\(side): \(Measure.format(s)) (\(Measure.format(s / Double(side * side))) per pass)")
        }

        let convRate = try convolutionRate()
        if let theirs = peer("convolution", "forwardBackwardGFLOPS"), let theirGemm = peer("convolution", "gemmGFLOPS") {
            print(String(format: "PyTorch: %.1f GFLOP/s forward + backward, sgemm %.1f GFLOP/s; Lectern's rate is %.2f of PyTorch's",
                         theirs, theirGemm, convRate / theirs))
        }

        print("-- CharRNN (embedding 32, GRU 128, pieces of 64, batch 32, Adam 2e-3, clip 5), \(settings["charEpochs"]!) epochs")
        // Both on one thread: float32 products (the reference's precision), then float64, the model
        // evaluated and sampled below.
        Tensor.threadCount = 1
        let (_, float32Seconds) = try charRNNEpochSeconds(corpus, textTrain, epochs: settings["charEpochs"]!, precision: .float32)
        line("seconds per epoch (Lectern float32 products on 1 thread)", float32Seconds, peer("charRNN", "secondsPerEpoch"), unit: "s")
        let (rnn, rnnSeconds) = try charRNNEpochSeconds(corpus, textTrain, epochs: settings["charEpochs"]!, precision: .float64)
        Tensor.threadCount = threads
        line("seconds per epoch (Lectern float64 products on 1 thread)", rnnSeconds, peer("charRNN", "secondsPerEpoch"), unit: "s")
        line("test bits per character", try rnn.bitsPerCharacter(textTest), peer("charRNN", "testBitsPerCharacter"), unit: "bits", seconds: false)
        print(String(format: "unigram baseline: %.2f bits per character", try CharRNN.unigramBitsPerCharacter(train: textTrain, test: textTest)))
        let sampleRNN = try Measure.seconds { _ = try rnn.sample(length: 500, seed: 2) }
        line("time per sampled character", sampleRNN / 500, peer("charRNN", "secondsPerSampledCharacter"), unit: "s")
    }

    /// Lectern's training epochs alone, on one thread (no reference run): PixelCNN over 3 epochs and
    /// CharRNN over one, for profiling (`perf record … Benchmarks epochs`).
    static func runEpochs() throws {
        let (xTrain, _, _) = try notebookSplit()
        let corpus = try Dataset.courseNotes()
        let textTrain = String(corpus.prefix(corpus.count * 9 / 10))
        let threads = Tensor.threadCount
        Tensor.threadCount = 1
        defer { Tensor.threadCount = threads }
        for precision in ProductPrecision.allCases {
            print("PixelCNN (\(precision) products): \(Measure.format(try pixelCNNEpochSeconds(xTrain, precision: precision))) per epoch on one thread")
        }
        for precision in ProductPrecision.allCases {
            let seconds = try charRNNEpochSeconds(corpus, textTrain, epochs: 1, precision: precision).seconds
            print("CharRNN (\(precision) products): \(Measure.format(seconds)) per epoch on one thread")
        }
    }

    /// Seconds per epoch of the suite's PixelCNN over 3 epochs of `x` (no validation), at the current thread count.
    private static func pixelCNNEpochSeconds(_ x: Tensor, precision: ProductPrecision) throws -> Double {
        let model = try PixelCNN(channels: settings["channels"]!, layers: settings["layers"]!, precision: precision, seed: 1)
        return try Measure.seconds { try model.fit(x, epochs: 3, seed: 1) } / 3
    }

    /// The suite's CharRNN over `corpus`'s characters, trained `epochs` on `text`, and its seconds per epoch.
    private static func charRNNEpochSeconds(
        _ corpus: String, _ text: String, epochs: Int, precision: ProductPrecision
    ) throws -> (model: CharRNN, seconds: Double) {
        let model = try CharRNN(vocabularyFrom: corpus, cell: .gru, hidden: 128, embedding: 32, precision: precision, seed: 1)
        return (model, try Measure.seconds { try model.fit(text, epochs: epochs, seed: 1) } / Double(epochs))
    }

    /// A 3×3 convolution's forward + backward at the course's size against a dgemm of the same
    /// size, printed; returns the convolution's GFLOP/s. Also the suite "convolution" on its own.
    @discardableResult
    static func convolutionRate() throws -> Double {
        print("-- 3×3 convolution, x [128, 64, 8, 8], 64 → 64 maps, padding 1, forward + backward")
        let rng = RandomGenerator(seed: 3)
        let x = try Tensor.randomNormal([128, 64, 8, 8], using: rng), w = try Tensor.randomNormal([64, 64, 3, 3], using: rng)
        let step = { _ = try valueAndGrad(at: [x, w]) { try Tensor.conv2d($0[0], weight: $0[1], padding: [1]).sum() } }
        let forward = { _ = try Tensor.conv2d(x, weight: w, padding: [1]) }
        let flops = 2.0 * 128 * 64 * 64 * 9 * 64
        let a = try Tensor.randomNormal([64, 576], using: rng), b = try Tensor.randomNormal([576, 8192], using: rng)
        let gemm = { _ = try a • b }
        try step()
        try gemm()
        // Interleaved, so that the machine's slow and fast moments fall on both alike.
        var (stepTimes, forwardTimes, gemmTimes) = ([Double](), [Double](), [Double]())
        for _ in 0..<20 {
            stepTimes.append(try Measure.seconds(step))
            gemmTimes.append(try Measure.seconds(gemm))
            forwardTimes.append(try Measure.seconds(forward))
        }
        let (convSeconds, forwardSeconds, gemmSeconds) = (Measure.median(stepTimes), Measure.median(forwardTimes), Measure.median(gemmTimes))
        let (convRate, gemmRate) = (3 * flops / convSeconds / 1e9, 2.0 * 64 * 576 * 8192 / gemmSeconds / 1e9)
        print(String(format: "Lectern: %.1f GFLOP/s forward + backward (forward alone %.1f), dgemm of [64, 576] × [576, 8192] %.1f GFLOP/s: %.0f %% of the dgemm rate",
                     convRate, flops / forwardSeconds / 1e9, gemmRate, 100 * convRate / gemmRate))
        return convRate
    }

    /// PixelCNN's test NLL over seeds, Lectern and PyTorch on notebook 03's rows: is the gap to
    /// PyTorch's best one seed's luck or the implementation? Each seed seeds the model and the
    /// batch order on both sides (not the same numbers: different generators).
    static func runSeeds() throws {
        let (xTrain, xValid, xTest) = try notebookSplit()
        let seeds = [1, 2, 3]
        let reference = try runReference(data: [
            "settings": settings, "train": rows(xTrain), "validation": rows(xValid), "test": rows(xTest), "seeds": seeds,
        ])
        let theirs = (reference?["pixelcnnSeeds"] as? [[String: Any]]) ?? []
        print("-- PixelCNN over seeds on notebook 03's rows (train \(xTrain.shape[0]), validation \(xValid.shape[0]), test \(xTest.shape[0]))")
        var ours: [Double] = []
        for (i, seed) in seeds.enumerated() {
            let model = try PixelCNN(channels: settings["channels"]!, layers: settings["layers"]!, seed: UInt64(seed))
            try model.fit(xTrain, validation: xValid, epochs: settings["maxEpochs"]!, patience: settings["patience"]!, seed: UInt64(seed))
            let testNLL = try model.negativeLogLikelihood(xTest)
            ours.append(testNLL)
            var line = String(format: "seed %d: Lectern best epoch %d of %d, validation %.2f, test %.2f", seed, model.bestEpoch,
                              model.history["loss"].count, model.history["validation"].min() ?? .nan, testNLL)
            if i < theirs.count, let e = theirs[i]["bestEpoch"] as? Int, let n = theirs[i]["epochs"] as? Int,
               let v = theirs[i]["bestValidation"] as? Double, let t = theirs[i]["testAtBest"] as? Double {
                line += String(format: "; PyTorch best epoch %d of %d, validation %.2f, test %.2f", e, n, v, t)
            }
            print(line)
        }
        func summary(_ v: [Double]) -> String {
            let mean = v.reduce(0, +) / Double(v.count)
            let sd = (v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(v.count - 1, 1))).squareRoot()
            return String(format: "%.2f ± %.2f (min %.2f, max %.2f)", mean, sd, v.min()!, v.max()!)
        }
        print("test NLL over \(seeds.count) seeds: Lectern \(summary(ours))"
            + (theirs.isEmpty ? "" : ", PyTorch \(summary(theirs.compactMap { $0["testAtBest"] as? Double }))"))
    }

    /// Notebook 03's binarised rows: a fifth held out for test, 15 % of the rest for validation.
    /// The notebook's front matter seeds its cells' generator with 3, and each unseeded split
    /// draws its seed from that generator.
    private static func notebookSplit() throws -> (train: Tensor, validation: Tensor, test: Tensor) {
        let notebookGenerator = RandomGenerator(seed: 3)
        let (trainAll, test) = try Dataset.digits().split(testFraction: 0.2, seed: notebookGenerator.next())
        let (train, validation) = try trainAll.split(testFraction: 0.15, seed: notebookGenerator.next())
        return (train.binarized, validation.binarized, test.binarized)
    }

    private static func rows(_ x: Tensor) -> [[Double]] {
        (0..<x.shape[0]).map { r in Array(x.scalars[(r * x.shape[1])..<((r + 1) * x.shape[1])]) }
    }

    /// Runs the PyTorch reference on `data`; nil (with a note) when python3 or torch is missing or it fails.
    private static func runReference(data: [String: Any]) throws -> [String: Any]? {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/autoregressive_reference.py")
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-autoregressive-\(getpid()).json")
        try JSONSerialization.data(withJSONObject: data).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, input.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        print("running the PyTorch reference (\(script.lastPathComponent)) …")
        do { try process.run() } catch {
            print("PyTorch reference skipped: \(error)")
            return nil
        }
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let json = try? JSONSerialization.jsonObject(with: answer) as? [String: Any] else {
            print("PyTorch reference skipped: it exited with status \(process.terminationStatus) (is torch installed?)")
            return nil
        }
        return json
    }
}
