import Testing
@testable import Plotting

@Suite("Number formatting is locale-free and exact")
struct NumberFormatTests {
    @Test("fixed decimals", arguments: [
        (0.0, 0, "0"), (1.5, 0, "2"), (-1.5, 0, "-2"), (0.1 + 0.2, 2, "0.30"), (-0.004, 2, "0.00"),
        (-0.006, 2, "-0.01"), (1234567.891, 1, "1234567.9"), (0.000123, 6, "0.000123"), (12, 3, "12.000"),
    ] as [(Double, Int, String)])
    func fixed(_ v: Double, _ d: Int, _ expected: String) {
        #expect(NumberFormat.fixed(v, decimals: d) == expected)
    }

    @Test("coordinates: one decimal, no trailing .0, no -0", arguments: [
        (12.0, "12"), (12.04, "12"), (12.05, "12.1"), (-0.04, "0"), (-3.25, "-3.3"), (.nan, "0"), (1e300, "10000000"),
    ] as [(Double, String)])
    func coordinate(_ v: Double, _ expected: String) {
        #expect(NumberFormat.coordinate(v) == expected)
    }

    @Test("linear tick labels take their precision from the step", arguments: [
        ([0, 0.2, 0.4], 0.2, ["0.0", "0.2", "0.4"]),  // as d3: precision from the step
        ([-1, 0, 1], 1, ["−1", "0", "1"]),
        ([0.98, 1, 1.02], 0.02, ["0.98", "1.00", "1.02"]),
        ([0, 5000, 10000], 5000, ["0", "5,000", "10,000"]),
        ([2000, 4000], 2000, ["2000", "4000"]),
        ([0, 2e6, 4e6], 2e6, ["0", "2×10⁶", "4×10⁶"]),
        ([1e-5, 2e-5], 1e-5, ["1×10⁻⁵", "2×10⁻⁵"]),
        ([2.5e6, 3e6], 5e5, ["2.5×10⁶", "3×10⁶"]),
    ] as [([Double], Double, [String])])
    func tickLabels(_ ticks: [Double], _ step: Double, _ expected: [String]) {
        #expect(NumberFormat.tickLabels(ticks, step: step) == expected)
    }

    @Test("general: short, significant digits", arguments: [
        (0.0, "0"), (3.14159, "3.142"), (-0.000123456, "-0.0001235"), (1234567, "1.235e+6"), (1e-7, "1e-7"),
    ] as [(Double, String)])
    func general(_ v: Double, _ expected: String) {
        #expect(NumberFormat.general(v) == expected)
    }
}
