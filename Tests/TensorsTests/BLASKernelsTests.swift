import Testing
@testable import Tensors

@Suite("OpenBLAS kernel choice")
struct BLASKernelsTests {
    static let avx512: Set<String> = ["sse3", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl"]

    @Test func olderKernelsOnANewerProcessorAreReplaced() {
        #expect(BLASKernels.better(than: "Prescott", flags: Self.avx512) == "SkylakeX")
        #expect(BLASKernels.better(than: "Sandybridge", flags: ["avx", "avx2", "fma"]) == "Haswell")
        #expect(BLASKernels.better(than: "Core2", flags: ["sse3", "ssse3"]) == nil, "nothing better to offer")
    }

    @Test func aModernChoiceIsLeftAlone() {
        for core in ["SkylakeX", "Haswell", "Zen", "Cooperlake", "SapphireRapids"] {
            #expect(BLASKernels.better(than: core, flags: Self.avx512) == nil, "\(core)")
        }
    }

    @Test func theLoadedLibraryNamesItsKernels() {
        #expect(!BLASKernels.current.isEmpty)
    }
}
