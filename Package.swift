// swift-tools-version:6.0
// Lectern: Markdown notebooks whose Swift cells run, rendered to self-contained HTML pages.
// The target graph follows DESIGN §6: a target per layer, lower layers never import upper ones.
import Foundation
import PackageDescription

let package = Package(
    name: "Lectern",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lectern", targets: ["lectern"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // The preview's HTTP server (small, no SwiftNIO).
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
    ],
    targets: [
        // System libraries (Debian: libcmark-gfm-dev libcmark-gfm-extensions-dev libpng-dev
        // libopenblas-dev liblapacke-dev).
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng16", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),

        // The model library: knows nothing of notebooks.
        .target(name: "Tensors", dependencies: ["CBLAS"]),
        .target(name: "NeuralNetworks", dependencies: ["Tensors"]),
        .target(name: "GenerativeModels", dependencies: ["Tensors", "NeuralNetworks"],
                resources: [.copy("Data/Resources/digits.csv"), .copy("Data/Resources/digits-source.md"),
                            .copy("Data/Resources/course-notes.txt"), .copy("Data/Resources/course-notes-source.md")]),

        // Shared by figures, equations and pages: the one escaping function, the one
        // colour-map table.
        .target(name: "Markup"),
        .target(name: "ColorMaps"),

        // Figures and equations: know nothing of notebooks.
        .target(name: "TeXToMathML", dependencies: ["Markup"]),
        .target(name: "Plotting", dependencies: ["Markup", "ColorMaps"]),
        .target(name: "Imaging", dependencies: ["CPNG", "ColorMaps"]),

        // The notebook layers.
        .target(name: "Notebook", dependencies: [
            "CCmarkGFM", "Markup",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "CellInterpreter", dependencies: [
            "Tensors", "NeuralNetworks", "GenerativeModels", "Plotting", "Imaging",
            .product(name: "SwiftSyntax", package: "swift-syntax"),
            .product(name: "SwiftParser", package: "swift-syntax"),
            .product(name: "SwiftOperators", package: "swift-syntax"),
            .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
            .product(name: "SwiftDiagnostics", package: "swift-syntax"),
        ], swiftSettings: [
            // Frames and globals are class-held storage touched on every variable access; Swift's
            // dynamic exclusivity checks on them cost more than the access itself.
            .unsafeFlags(["-enforce-exclusivity=unchecked"]),
        ]),
        .target(name: "NotebookRunner", dependencies: ["Notebook", "CellInterpreter", "Plotting"]),
        .target(name: "PageRendering", dependencies: [
            "Notebook", "NotebookRunner", "CellInterpreter", "TeXToMathML", "Markup", "CCmarkGFM",
            .product(name: "SwiftSyntax", package: "swift-syntax"),
            .product(name: "SwiftParser", package: "swift-syntax"),
            .product(name: "SwiftIDEUtils", package: "swift-syntax"),
        ]),
        .executableTarget(name: "lectern", dependencies: [
            "Notebook", "NotebookRunner", "PageRendering", "TeXToMathML", "Tensors",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "FlyingFox", package: "FlyingFox"),
        ]),

        // A development tool: runs a Swift file (or a notebook's cells) in the interpreter.
        .executableTarget(name: "CellRun", dependencies: ["CellInterpreter"]),
        // The differential fuzzer: random programs run by swiftc and by the interpreter
        // (`swift run -c release FuzzDifferential --seconds 1800`; Fuzz/differential/README.md).
        .executableTarget(name: "FuzzDifferential", dependencies: ["CellInterpreter"],
                          path: "Fuzz/differential", exclude: ["README.md"]),

        // Benchmarks: `swift run -c release Benchmarks [suite]`.
        .executableTarget(name: "Benchmarks", dependencies: [
            "Notebook", "NotebookRunner", "PageRendering", "CellInterpreter", "TeXToMathML",
            "Tensors", "NeuralNetworks", "GenerativeModels",
        ]),

        .testTarget(name: "TensorsTests", dependencies: ["Tensors"]),
        .testTarget(name: "NeuralNetworksTests", dependencies: ["NeuralNetworks"]),
        .testTarget(name: "GenerativeModelsTests", dependencies: ["GenerativeModels"]),
        .testTarget(name: "TeXToMathMLTests", dependencies: ["TeXToMathML", "Markup"], exclude: ["KaTeX"]),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"]),
        .testTarget(name: "ColorMapsTests", dependencies: ["ColorMaps"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"], exclude: ["Golden"]),
        .testTarget(name: "ImagingTests", dependencies: ["Imaging", "CPNG"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"]),
        // Corpus/ holds Swift programs with swiftc's answers, run by CorpusTests (not compiled).
        .testTarget(name: "CellInterpreterTests", dependencies: ["CellInterpreter"], exclude: ["Corpus"]),
        .testTarget(name: "NotebookRunnerTests", dependencies: ["NotebookRunner", "Notebook"]),
        .testTarget(name: "PageRenderingTests", dependencies: [
            "PageRendering", "NotebookRunner", "Notebook",
        ], resources: [.copy("Golden")]),
        .testTarget(name: "lecternTests", dependencies: []),
    ]
)

// Fuzz targets (libFuzzer), only when asked for: `Fuzz/run` builds them with
// `LECTERN_FUZZ=1 swift build --sanitize=fuzzer …`; libFuzzer supplies their `main`.
if ProcessInfo.processInfo.environment["LECTERN_FUZZ"] != nil {
    package.targets += [
        .executableTarget(name: "FuzzTeX", dependencies: ["TeXToMathML"], path: "Fuzz/tex"),
        .executableTarget(name: "FuzzMarkdown", dependencies: ["Notebook", "NotebookRunner", "PageRendering"], path: "Fuzz/markdown"),
        .executableTarget(name: "FuzzCells", dependencies: ["CellInterpreter"], path: "Fuzz/cells"),
        .executableTarget(name: "FuzzSafe", dependencies: ["CellInterpreter", "Notebook", "NotebookRunner", "PageRendering"], path: "Fuzz/safe"),
    ]
}
