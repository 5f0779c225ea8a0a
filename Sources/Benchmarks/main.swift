import Foundation
import Tensors

Allocator.configure()
BLASKernels.restartIfSlower()
BLASKernels.stopIdleThreads()  // as `lectern` does: OpenBLAS's own threads would only spin

/// `swift run -c release Benchmarks [suite …]`: the performance figures the issues ask for,
/// measured in a release build. With no suite named, every suite runs.
let suites: [(name: String, run: () throws -> Void)] = [
    ("render", RenderBenchmarks.run),
    ("site", SiteBenchmarks.run),
    ("interpreter", InterpreterBenchmarks.run),
    ("math", MathBenchmarks.run),
    ("tensors", TensorBenchmarks.run),
    ("explicit-density", ExplicitDensityBenchmarks.run),
    ("autoencoders", AutoencoderBenchmarks.run),
    ("gans-diffusion", GANDiffusionBenchmarks.run),
    ("gan-parity", GANParityBenchmarks.run),
    ("vae-parity", VAEParityBenchmarks.run),
    ("autoregressive", AutoregressiveBenchmarks.run),
    ("convolution", { try AutoregressiveBenchmarks.convolutionRate() }),
    ("pixelcnn-seeds", AutoregressiveBenchmarks.runSeeds),
    ("epochs", AutoregressiveBenchmarks.runEpochs),
]

let requested = Array(CommandLine.arguments.dropFirst())
for name in requested where !suites.contains(where: { $0.name == name }) {
    FileHandle.standardError.write(Data("unknown suite '\(name)'; suites: \(suites.map(\.name).joined(separator: ", "))\n".utf8))
    exit(2)
}
print("OpenBLAS kernels: \(BLASKernels.current)")
for suite in suites where requested.isEmpty || requested.contains(suite.name) {
    print("== \(suite.name)")
    try suite.run()
}
