import TeXToMathML

/// TeX → MathML throughput on formulas typical of the course notes (issue 5: at least
/// 20,000 formulas per second, single-threaded, release build).
enum MathBenchmarks {
    /// Formulas as course notes write them: the seed formulas of each chapter plus the
    /// inline symbols that fill the prose around them.
    static let corpus: [(tex: String, display: Bool)] = [
        // Probabilistic PCA.
        (#"p(\mathbf{x}) = \int p(\mathbf{x} \mid \mathbf{z})\, p(\mathbf{z})\, d\mathbf{z} = \mathcal{N}\left(\mathbf{x} \mid \boldsymbol{\mu},\; \mathbf{W}\mathbf{W}^\top + \sigma^2 \mathbf{I}\right)"#, true),
        (#"p(\mathbf{z} \mid \mathbf{x}) = \mathcal{N}\left(\mathbf{z} \mid \mathbf{M}^{-1}\mathbf{W}^\top(\mathbf{x} - \boldsymbol{\mu}),\; \sigma^2 \mathbf{M}^{-1}\right)"#, true),
        (#"\mathbf{M} = \mathbf{W}^\top\mathbf{W} + \sigma^2 \mathbf{I}"#, false),
        (#"\mathbf{W}_{\text{ML}} = \mathbf{U}_M (\boldsymbol{\Lambda}_M - \sigma^2 \mathbf{I})^{1/2} \mathbf{R}"#, true),
        (#"\sigma^2_{\text{ML}} = \frac{1}{D - M} \sum_{i=M+1}^{D} \lambda_i"#, true),
        (#"z \sim \mathcal{N}(0, I)"#, false),
        (#"x = Wz + \mu + \epsilon"#, false),
        (#"\epsilon \sim \mathcal{N}(0, \sigma^2 I)"#, false),
        (#"\mathbf{W} \in \mathbb{R}^{D \times M}"#, false),
        // Autoregressive models.
        (#"p(\mathbf{x}) = \prod_{i=1}^{D} p(x_i \mid x_1, \ldots, x_{i-1}) = \prod_{i=1}^{D} p(x_i \mid \mathbf{x}_{<i})"#, true),
        (#"\log p(\mathbf{x}) = \sum_{i=1}^{D} \log p(x_i \mid \mathbf{x}_{<i})"#, true),
        (#"\hat{x}_i = \sigma\left(b_i + \mathbf{V}_{i,<i}\, \mathbf{h}_i\right)"#, true),
        (#"\mathbf{h}_i = \operatorname{sigm}(\mathbf{c} + \mathbf{W}_{:,<i}\, \mathbf{x}_{<i})"#, true),
        (#"x_{<i}"#, false),
        (#"O(D)"#, false),
        // Autoencoders and VAEs.
        (#"\log p_\theta(x) \geq \mathbb{E}_{q_\phi(z|x)}\left[\log p_\theta(x \mid z)\right] - D_{KL}\left(q_\phi(z \mid x) \,\|\, p(z)\right)"#, true),
        (#"\mathcal{L}(\theta, \phi; x) = \mathbb{E}_{q_\phi(z \mid x)}\left[\log \frac{p_\theta(x, z)}{q_\phi(z \mid x)}\right]"#, true),
        (#"D_{KL}(\cdot \| \cdot)"#, false),
        (#"D_{KL}\left(\mathcal{N}(\boldsymbol{\mu}, \operatorname{diag}(\boldsymbol{\sigma}^2)) \,\|\, \mathcal{N}(\mathbf{0}, \mathbf{I})\right) = \frac{1}{2} \sum_{j=1}^{J} \left(\mu_j^2 + \sigma_j^2 - \log \sigma_j^2 - 1\right)"#, true),
        (#"z = \mu + \sigma \odot \epsilon, \quad \epsilon \sim \mathcal{N}(0, I)"#, true),
        (#"\log p(x) \approx \log \frac{1}{K} \sum_{k=1}^{K} \frac{p(x, z_k)}{q(z_k \mid x)}"#, true),
        (#"\begin{aligned} \log p(x) &= \log \int p(x, z)\, dz \\ &= \log \mathbb{E}_{q(z)}\left[\frac{p(x, z)}{q(z)}\right] \\ &\ge \mathbb{E}_{q(z)}\left[\log \frac{p(x, z)}{q(z)}\right] \end{aligned}"#, true),
        (#"q_\phi(z \mid x)"#, false),
        (#"\|x - \hat{x}\|_2^2"#, false),
        (#"\phi^*, \theta^* = \arg\max_{\phi, \theta} \sum_{n=1}^{N} \mathcal{L}(\theta, \phi; x_n)"#, true),
        // VQ-VAE.
        (#"z_q(x) = e_k, \quad k = \operatorname*{arg\,min}_j \|z_e(x) - e_j\|_2"#, true),
        (#"L = \log p(x \mid z_q(x)) + \|\operatorname{sg}[z_e(x)] - e\|_2^2 + \beta \|z_e(x) - \operatorname{sg}[e]\|_2^2"#, true),
        // GANs.
        (#"\min_G \max_D V(D, G) = \mathbb{E}_{x \sim p_{\text{data}}(x)}[\log D(x)] + \mathbb{E}_{z \sim p_z(z)}[\log(1 - D(G(z)))]"#, true),
        (#"D^*_G(x) = \frac{p_{\text{data}}(x)}{p_{\text{data}}(x) + p_g(x)}"#, true),
        (#"C(G) = -\log 4 + 2 \cdot \operatorname{JSD}\left(p_{\text{data}} \,\|\, p_g\right)"#, true),
        (#"\nabla_{\theta_g} \frac{1}{m} \sum_{i=1}^{m} \log\left(1 - D\left(G\left(z^{(i)}\right)\right)\right)"#, true),
        (#"-\mathbb{E}_{z}[\log D(G(z))]"#, false),
        (#"p_g = p_{\text{data}}"#, false),
        // Diffusion.
        (#"q(\mathbf{x}_t \mid \mathbf{x}_{t-1}) = \mathcal{N}(\mathbf{x}_t; \sqrt{1 - \beta_t}\,\mathbf{x}_{t-1}, \beta_t \mathbf{I})"#, true),
        (#"q(\mathbf{x}_t \mid \mathbf{x}_0) = \mathcal{N}\left(\mathbf{x}_t; \sqrt{\bar\alpha_t}\,\mathbf{x}_0, (1 - \bar\alpha_t)\mathbf{I}\right), \quad \bar\alpha_t = \prod_{s=1}^{t} \alpha_s"#, true),
        (#"L_{\text{simple}}(\theta) = \mathbb{E}_{t, \mathbf{x}_0, \boldsymbol{\epsilon}}\left[\left\| \boldsymbol{\epsilon} - \boldsymbol{\epsilon}_\theta\!\left(\sqrt{\bar\alpha_t}\,\mathbf{x}_0 + \sqrt{1 - \bar\alpha_t}\,\boldsymbol{\epsilon},\, t\right) \right\|^2\right]"#, true),
        (#"\mathbf{x}_{t-1} = \frac{1}{\sqrt{\alpha_t}}\left(\mathbf{x}_t - \frac{1 - \alpha_t}{\sqrt{1 - \bar\alpha_t}}\,\boldsymbol{\epsilon}_\theta(\mathbf{x}_t, t)\right) + \sigma_t \mathbf{z}"#, true),
        (#"\beta_t \in (0, 1)"#, false),
        (#"t \sim \mathcal{U}\{1, \ldots, T\}"#, false),
        (#"\alpha_t = 1 - \beta_t"#, false),
        // Generative vs discriminative, optimisation, linear algebra.
        (#"p(y = k \mid \mathbf{x}) = \frac{\pi_k \mathcal{N}(\mathbf{x} \mid \boldsymbol{\mu}_k, \boldsymbol{\Sigma})}{\sum_{j} \pi_j \mathcal{N}(\mathbf{x} \mid \boldsymbol{\mu}_j, \boldsymbol{\Sigma})}"#, true),
        (#"\sigma(a) = \frac{1}{1 + e^{-a}}"#, true),
        (#"\theta_{t+1} = \theta_t - \eta \nabla_\theta \mathcal{L}(\theta_t)"#, true),
        (#"\hat{m}_t = \frac{m_t}{1 - \beta_1^t}, \quad \hat{v}_t = \frac{v_t}{1 - \beta_2^t}"#, true),
        (#"\mathcal{N}(\mathbf{x} \mid \boldsymbol{\mu}, \boldsymbol{\Sigma}) = \frac{1}{(2\pi)^{D/2} |\boldsymbol{\Sigma}|^{1/2}} \exp\left(-\frac{1}{2}(\mathbf{x} - \boldsymbol{\mu})^\top \boldsymbol{\Sigma}^{-1} (\mathbf{x} - \boldsymbol{\mu})\right)"#, true),
        (#"\mathbf{A} = \begin{pmatrix} a_{11} & a_{12} \\ a_{21} & a_{22} \end{pmatrix}"#, true),
        (#"\operatorname{ReLU}(x) = \begin{cases} x & \text{if } x > 0, \\ 0 & \text{otherwise} \end{cases}"#, true),
        (#"\frac{\partial \mathcal{L}}{\partial \mathbf{W}}"#, false),
        (#"\lim_{n \to \infty} \frac{1}{n} \sum_{i=1}^{n} x_i = \mathbb{E}[X]"#, true),
        (#"\operatorname{Var}[X] = \mathbb{E}[X^2] - \mathbb{E}[X]^2"#, false),
        (#"\theta"#, false), (#"x_i"#, false), (#"\mathbf{x}"#, false), (#"K"#, false),
        (#"N = 1000"#, false), (#"\sigma^2"#, false), (#"p_\theta"#, false), (#"\mathcal{D}"#, false),
    ]

    static func run() {
        let converter = MathMLConverter()
        var failures = 0
        var outputBytes = 0
        for formula in corpus {
            let rendering = converter.render(formula.tex, display: formula.display)
            if rendering.isError {
                failures += 1
                print("  conversion failed: \(formula.tex): \(rendering.diagnostics[0])")
            }
            outputBytes += rendering.mathML.utf8.count
        }
        let inputBytes = corpus.reduce(0) { $0 + $1.tex.utf8.count }

        // Five trials of at least half a second each; the median is reported.
        var rates: [Double] = []
        var sink = 0
        for _ in 0..<5 {
            var count = 0
            let clock = ContinuousClock()
            let start = clock.now
            var elapsed = Duration.zero
            while elapsed < .milliseconds(500) {
                for formula in corpus {
                    sink &+= converter.render(formula.tex, display: formula.display).mathML.utf8.count
                }
                count += corpus.count
                elapsed = clock.now - start
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            rates.append(Double(count) / seconds)
        }
        rates.sort()
        let median = rates[rates.count / 2]
        print("TeX → MathML (TeXToMathML), single-threaded")
        print("  corpus: \(corpus.count) course formulas, \(inputBytes) bytes of TeX "
              + "(mean \(inputBytes / corpus.count) bytes), \(outputBytes) bytes of MathML, \(failures) failures")
        print("  formulas/second: median \(Int(median)) of 5 trials (min \(Int(rates[0])), max \(Int(rates[rates.count - 1])))")
        print("  TeX throughput: \(Int(median * Double(inputBytes) / Double(corpus.count) / 1_000_000 * 10) / 10) MB/s")
        print("  goal: 20000 formulas/second — \(median >= 20_000 ? "met" : "NOT met")")
        if sink == 42 { print("") }  // keeps the work observable
    }
}
