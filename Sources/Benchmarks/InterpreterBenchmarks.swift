import CellInterpreter
import Foundation

/// The cell language against CPython 3 running the same programs in the same run. Each side is
/// timed inside its own process, excluding start-up, in paired rounds (one run each, back to
/// back), and the speed ratio is the median of the rounds' ratios; both must print the same answer.
/// Goal (issue 15): every program at least 1.5× CPython's speed, the geometric mean at least 3×.
enum InterpreterBenchmarks {
    struct Program {
        let name: String
        let swift: String
        let python: String
    }

    static let programs = [
        Program(name: "recursive fib(25)",
                swift: """
            func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
            print(fib(25))
            """,
                python: """
            def fib(n):
                return n if n < 2 else fib(n - 1) + fib(n - 2)
            print(fib(25))
            """),
        Program(name: "loop: s += i for i in 0..<10_000_000",
                swift: """
            var s = 0
            for i in 0..<10_000_000 { s += i }
            print(s)
            """,
                python: """
            s = 0
            for i in range(10_000_000):
                s += i
            print(s)
            """),
        Program(name: "t += sqrt(Double(i)), 1,000,000 times",
                swift: """
            var t = 0.0
            for i in 0..<1_000_000 { t += sqrt(Double(i)) }
            print(t)
            """,
                python: """
            import math
            t = 0.0
            for i in range(1_000_000):
                t += math.sqrt(float(i))
            print(t)
            """),
        Program(name: "n-body: 5 bodies, 200,000 steps (structs)",
                swift: """
            import Foundation
            struct Body {
                var x, y, z, vx, vy, vz, mass: Double
            }
            let pi = 3.141592653589793
            let solarMass = 4 * pi * pi
            let daysPerYear = 365.24
            var bodies = [
                Body(x: 0, y: 0, z: 0, vx: 0, vy: 0, vz: 0, mass: solarMass),
                Body(x: 4.84143144246472090e+00, y: -1.16032004402742839e+00, z: -1.03622044471123109e-01,
                     vx: 1.66007664274403694e-03 * daysPerYear, vy: 7.69901118419740425e-03 * daysPerYear,
                     vz: -6.90460016972063023e-05 * daysPerYear, mass: 9.54791938424326609e-04 * solarMass),
                Body(x: 8.34336671824457987e+00, y: 4.12479856412430479e+00, z: -4.03523417114321381e-01,
                     vx: -2.76742510726862411e-03 * daysPerYear, vy: 4.99852801234917238e-03 * daysPerYear,
                     vz: 2.30417297573763929e-05 * daysPerYear, mass: 2.85885980666130812e-04 * solarMass),
                Body(x: 1.28943695621391310e+01, y: -1.51111514016986312e+01, z: -2.23307578892655734e-01,
                     vx: 2.96460137564761618e-03 * daysPerYear, vy: 2.37847173959480950e-03 * daysPerYear,
                     vz: -2.96589568540237556e-05 * daysPerYear, mass: 4.36624404335156298e-05 * solarMass),
                Body(x: 1.53796971148509165e+01, y: -2.59193146099879641e+01, z: 1.79258772950371181e-01,
                     vx: 2.68067772490389322e-03 * daysPerYear, vy: 1.62824170038242295e-03 * daysPerYear,
                     vz: -9.51592254519715870e-05 * daysPerYear, mass: 5.15138902046611451e-05 * solarMass),
            ]

            func energy(_ bodies: [Body]) -> Double {
                var e = 0.0
                for i in 0..<bodies.count {
                    let b = bodies[i]
                    e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
                    for j in (i + 1)..<bodies.count {
                        let dx = b.x - bodies[j].x, dy = b.y - bodies[j].y, dz = b.z - bodies[j].z
                        e -= b.mass * bodies[j].mass / (dx * dx + dy * dy + dz * dz).squareRoot()
                    }
                }
                return e
            }

            func advance(_ bodies: inout [Body], _ dt: Double) {
                let n = bodies.count
                for i in 0..<n {
                    for j in (i + 1)..<n {
                        let dx = bodies[i].x - bodies[j].x
                        let dy = bodies[i].y - bodies[j].y
                        let dz = bodies[i].z - bodies[j].z
                        let d2 = dx * dx + dy * dy + dz * dz
                        let mag = dt / (d2 * d2.squareRoot())
                        let mj = bodies[j].mass * mag
                        bodies[i].vx -= dx * mj
                        bodies[i].vy -= dy * mj
                        bodies[i].vz -= dz * mj
                        let mi = bodies[i].mass * mag
                        bodies[j].vx += dx * mi
                        bodies[j].vy += dy * mi
                        bodies[j].vz += dz * mi
                    }
                }
                for i in 0..<n {
                    bodies[i].x += dt * bodies[i].vx
                    bodies[i].y += dt * bodies[i].vy
                    bodies[i].z += dt * bodies[i].vz
                }
            }

            var px = 0.0, py = 0.0, pz = 0.0
            for b in bodies {
                px += b.vx * b.mass
                py += b.vy * b.mass
                pz += b.vz * b.mass
            }
            bodies[0].vx = -px / solarMass
            bodies[0].vy = -py / solarMass
            bodies[0].vz = -pz / solarMass
            let before = energy(bodies)
            for _ in 0..<200_000 { advance(&bodies, 0.01) }
            print(before, energy(bodies))
            """,
                python: """
            import math
            PI = 3.141592653589793
            SOLAR_MASS = 4 * PI * PI
            DAYS_PER_YEAR = 365.24
            bodies = [
                [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS],
                [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
                 1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
                 -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS],
                [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
                 -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
                 2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS],
                [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
                 2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
                 -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS],
                [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
                 2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
                 -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS],
            ]

            def energy(bodies):
                e = 0.0
                for i in range(len(bodies)):
                    b = bodies[i]
                    e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
                    for j in range(i + 1, len(bodies)):
                        c = bodies[j]
                        dx = b[0] - c[0]; dy = b[1] - c[1]; dz = b[2] - c[2]
                        e -= b[6] * c[6] / math.sqrt(dx * dx + dy * dy + dz * dz)
                return e

            def advance(bodies, dt):
                n = len(bodies)
                for i in range(n):
                    for j in range(i + 1, n):
                        bi = bodies[i]; bj = bodies[j]
                        dx = bi[0] - bj[0]
                        dy = bi[1] - bj[1]
                        dz = bi[2] - bj[2]
                        d2 = dx * dx + dy * dy + dz * dz
                        mag = dt / (d2 * math.sqrt(d2))
                        mj = bj[6] * mag
                        bi[3] -= dx * mj
                        bi[4] -= dy * mj
                        bi[5] -= dz * mj
                        mi = bi[6] * mag
                        bj[3] += dx * mi
                        bj[4] += dy * mi
                        bj[5] += dz * mi
                for b in bodies:
                    b[0] += dt * b[3]
                    b[1] += dt * b[4]
                    b[2] += dt * b[5]

            px = py = pz = 0.0
            for b in bodies:
                px += b[3] * b[6]; py += b[4] * b[6]; pz += b[5] * b[6]
            bodies[0][3] = -px / SOLAR_MASS
            bodies[0][4] = -py / SOLAR_MASS
            bodies[0][5] = -pz / SOLAR_MASS
            before = energy(bodies)
            for _ in range(200_000):
                advance(bodies, 0.01)
            print(before, energy(bodies))
            """),
        Program(name: "spectral-norm, n = 200",
                swift: """
            import Foundation
            let n = 200
            func a(_ i: Int, _ j: Int) -> Double {
                let k = (i + j) * (i + j + 1) / 2 + i + 1
                return 1.0 / Double(k)
            }
            func multiplyAv(_ v: [Double], _ out: inout [Double]) {
                for i in 0..<n {
                    var s = 0.0
                    for j in 0..<n { s += a(i, j) * v[j] }
                    out[i] = s
                }
            }
            func multiplyAtv(_ v: [Double], _ out: inout [Double]) {
                for i in 0..<n {
                    var s = 0.0
                    for j in 0..<n { s += a(j, i) * v[j] }
                    out[i] = s
                }
            }
            func multiplyAtAv(_ v: [Double], _ out: inout [Double], _ tmp: inout [Double]) {
                multiplyAv(v, &tmp)
                multiplyAtv(tmp, &out)
            }
            var u = [Double](repeating: 1, count: n)
            var v = [Double](repeating: 0, count: n)
            var tmp = [Double](repeating: 0, count: n)
            for _ in 0..<10 {
                multiplyAtAv(u, &v, &tmp)
                multiplyAtAv(v, &u, &tmp)
            }
            var vBv = 0.0, vv = 0.0
            for i in 0..<n {
                vBv += u[i] * v[i]
                vv += v[i] * v[i]
            }
            print((vBv / vv).squareRoot())
            """,
                python: """
            import math
            n = 200
            def a(i, j):
                return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)
            def multiply_av(v, out):
                for i in range(n):
                    s = 0.0
                    for j in range(n):
                        s += a(i, j) * v[j]
                    out[i] = s
            def multiply_atv(v, out):
                for i in range(n):
                    s = 0.0
                    for j in range(n):
                        s += a(j, i) * v[j]
                    out[i] = s
            def multiply_atav(v, out, tmp):
                multiply_av(v, tmp)
                multiply_atv(tmp, out)
            u = [1.0] * n
            v = [0.0] * n
            tmp = [0.0] * n
            for _ in range(10):
                multiply_atav(u, v, tmp)
                multiply_atav(v, u, tmp)
            vbv = vv = 0.0
            for i in range(n):
                vbv += u[i] * v[i]
                vv += v[i] * v[i]
            print(math.sqrt(vbv / vv))
            """),
        Program(name: "mandelbrot 200 × 200, 50 iterations",
                swift: """
            let size = 200
            var inside = 0
            for py in 0..<size {
                for px in 0..<size {
                    let cr = 2.5 * Double(px) / Double(size) - 2.0
                    let ci = 2.0 * Double(py) / Double(size) - 1.0
                    var zr = 0.0, zi = 0.0
                    var escaped = false
                    var k = 0
                    while k < 50 {
                        let t = zr * zr - zi * zi + cr
                        zi = 2.0 * zr * zi + ci
                        zr = t
                        if zr * zr + zi * zi > 4.0 {
                            escaped = true
                            break
                        }
                        k += 1
                    }
                    if !escaped { inside += 1 }
                }
            }
            print(inside)
            """,
                python: """
            size = 200
            inside = 0
            for py in range(size):
                for px in range(size):
                    cr = 2.5 * px / size - 2.0
                    ci = 2.0 * py / size - 1.0
                    zr = zi = 0.0
                    escaped = False
                    k = 0
                    while k < 50:
                        t = zr * zr - zi * zi + cr
                        zi = 2.0 * zr * zi + ci
                        zr = t
                        if zr * zr + zi * zi > 4.0:
                            escaped = True
                            break
                        k += 1
                    if not escaped:
                        inside += 1
            print(inside)
            """),
        Program(name: "word count over 200,000 words (dictionary)",
                swift: """
            var counts: [String: Int] = [:]
            for i in 0..<200_000 {
                let word = "w\\(i * 7919 % 5003)"
                counts[word, default: 0] += 1
            }
            print(counts.count, counts["w42"]!)
            """,
                python: """
            counts = {}
            for i in range(200_000):
                word = f"w{i * 7919 % 5003}"
                counts[word] = counts.get(word, 0) + 1
            print(len(counts), counts["w42"])
            """),
        Program(name: "sort 200,000 Doubles",
                swift: """
            var seed = 42
            var xs: [Double] = []
            for _ in 0..<200_000 {
                seed = (seed * 1103515245 + 12345) % 2147483648
                xs.append(Double(seed) / 2147483648.0)
            }
            let sorted = xs.sorted()
            print(sorted[0], sorted[100_000], sorted[199_999])
            """,
                python: """
            seed = 42
            xs = []
            for _ in range(200_000):
                seed = (seed * 1103515245 + 12345) % 2147483648
                xs.append(seed / 2147483648.0)
            s = sorted(xs)
            print(s[0], s[100_000], s[199_999])
            """),
        Program(name: "1,000,000 array writes and 1,000,000 appends",
                swift: """
            var a = [Double](repeating: 0, count: 1_000_000)
            for i in 0..<1_000_000 { a[i] = Double(i) }
            var b: [Int] = []
            for i in 0..<1_000_000 { b.append(i) }
            print(a[999_999], b.count)
            """,
                python: """
            a = [0.0] * 1_000_000
            for i in range(1_000_000):
                a[i] = float(i)
            b = []
            for i in range(1_000_000):
                b.append(i)
            print(a[999_999], len(b))
            """),
    ]

    static func run() throws {
        var ratios: [Double] = [], bestRatios: [Double] = []
        for program in programs {
            // Paired rounds: each round runs the program once in Lectern and once in a CPython
            // process that stays up, one right after the other (the order alternating), and the
            // ratio is taken per round. The machine's speed drifts by up to 2× within seconds on
            // a shared host; two runs a few milliseconds apart see the same machine, so the
            // median of the paired ratios measures the interpreters and not the drift.
            let python = try PythonWorker(program.python)
            var swiftTimes: [Double] = [], pythonTimes: [Double] = [], pairRatios: [Double] = []
            var swiftOutput = ""
            for round in 0..<rounds {
                func lectern() -> Double {
                    let session = Session()
                    let run = session.run(CellSource(code: program.swift, file: "bench.md", firstLine: 1), timeout: 600)
                    if let failure = run.failure { print("  failed: \(failure)") }
                    swiftOutput = run.outputs.map { if case .text(let t) = $0 { return t }; return "" }.joined()
                    return run.seconds
                }
                let s: Double, p: Double
                if round % 2 == 0 {
                    s = lectern()
                    p = try python.runOnce()
                } else {
                    p = try python.runOnce()
                    s = lectern()
                }
                swiftTimes.append(s)
                pythonTimes.append(p)
                pairRatios.append(p / s)
            }
            let pythonOutput = try python.finish()
            let agree = swiftOutput == pythonOutput ? "same output" : "OUTPUTS DIFFER: \(swiftOutput.prefix(80)) vs \(pythonOutput.prefix(80))"
            let ratio = Measure.median(pairRatios)
            ratios.append(ratio)
            bestRatios.append(pythonTimes.min()! / swiftTimes.min()!)
            print("\(program.name): Lectern \(Measure.format(Measure.median(swiftTimes))), CPython \(Measure.format(Measure.median(pythonTimes))) "
                + "(medians of \(rounds)); Lectern is \(String(format: "%.2f", ratio))× CPython's speed (median of the rounds' ratios, "
                + "\(String(format: "%.2f", pairRatios.min()!))–\(String(format: "%.2f", pairRatios.max()!))); best runs \(Measure.format(swiftTimes.min()!)) and "
                + "\(Measure.format(pythonTimes.min()!)) (\(agree))")
        }
        func geometricMean(_ xs: [Double]) -> Double { exp(xs.map { log($0) }.reduce(0, +) / Double(xs.count)) }
        print(String(format: "geometric mean: %.2f× CPython (goal ≥ 3×); slowest %.2f× (goal ≥ 1.5×)", geometricMean(ratios), ratios.min() ?? 0))
        // On a shared machine the noise only ever adds time: the best runs are another steady
        // comparison (as Python's timeit advises), shown beside the paired medians.
        print(String(format: "best runs: geometric mean %.2f× CPython; slowest %.2f×", geometricMean(bestRatios), bestRatios.min() ?? 0))
    }

    static let rounds = 11
}

/// A CPython process that compiles one program once and runs it whenever asked, timing each
/// run inside Python (perf_counter around exec, stdout captured): no start-up in the times.
final class PythonWorker {
    private let process = Process()
    private let input = Pipe(), output = Pipe()
    private let sourceFile: URL

    init(_ source: String) throws {
        sourceFile = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-bench-\(getpid()).py")
        try Data(source.utf8).write(to: sourceFile)
        let script = """
        import time, sys, io, contextlib
        code = compile(open(sys.argv[1]).read(), "bench", "exec")
        out = ""
        for line in sys.stdin:
            if line.strip() != "run":
                break
            g = {}
            buf = io.StringIO()
            t = time.perf_counter()
            with contextlib.redirect_stdout(buf):
                exec(code, g)
            dt = time.perf_counter() - t
            out = buf.getvalue()
            sys.stdout.write(repr(dt) + "\\n")
            sys.stdout.flush()
        sys.stdout.write(out)
        """
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, sourceFile.path]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    /// Runs the program once; its time in seconds.
    func runOnce() throws -> Double {
        input.fileHandleForWriting.write(Data("run\n".utf8))
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            guard let b = byte.first else { throw CocoaError(.fileReadUnknown) }
            if b == UInt8(ascii: "\n") { break }
            line.append(b)
        }
        guard let seconds = Double(String(decoding: line, as: UTF8.self)) else { throw CocoaError(.fileReadCorruptFile) }
        return seconds
    }

    /// Ends the process; what the program printed in its last run.
    func finish() throws -> String {
        input.fileHandleForWriting.write(Data("done\n".utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: sourceFile)
        return String(decoding: data, as: UTF8.self)
    }
}
