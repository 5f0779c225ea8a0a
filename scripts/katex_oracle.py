#!/usr/bin/env python3
"""KaTeX's MathML for a corpus of formulas: the oracle TeXToMathML is measured against.

The corpus is every formula of the course notes (notebooks/*.md: $…$ and $$…$$ outside code)
and the extra formulas below (constructs from LaTeX and amsmath that notes use: fractions of
every kind, delimiters and their sizes, accents, arrows, environments, text in math). For each
formula KaTeX's command-line renderer writes MathML; the answers go to
Tests/TeXToMathMLTests/KaTeX/corpus.json, which the Swift tests read (no Python, no network).

    python3 scripts/katex_oracle.py [--katex PATH]

KaTeX: the `katex` binary from PyPI's markdown-katex wheel (KaTeX 0.15.1, standalone), found
through --katex or $KATEX, or downloaded with pip into a temporary folder.
"""
import argparse, glob, json, os, re, subprocess, sys, tempfile, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "TeXToMathMLTests", "KaTeX", "corpus.json")

# Constructs beyond the notes, written for this corpus (inline unless marked display).
EXTRA = [
    r"\frac{a+b}{c-d}", r"\dfrac{1}{2}", r"\tfrac{1}{2}", r"\binom{n}{k}", r"{n \choose k}",
    r"\genfrac{(}{)}{0pt}{}{n}{k}", r"{n \brace k}", r"{n \brack k}", r"\cfrac{1}{1 + \cfrac{1}{x}}",
    r"\sqrt{x}", r"\sqrt[3]{x + 1}", r"\left( \frac{a}{b} \right)", r"\left\{ x \middle| x > 0 \right\}",
    r"\big( x \big)", r"\Big[ y \Big]", r"\bigg\langle z \bigg\rangle", r"\big\lVert v \big\rVert^2",
    r"\Big( \sum_i x_i \Big)^{1/2}", r"\hat{x} + \bar{y} + \tilde{z} + \vec{v} + \dot{a} + \ddot{b}",
    r"\widehat{xyz}", r"\overline{AB}", r"\underline{AB}", r"\underbar{x}",
    r"\overbrace{a + b}^{n}", r"\underbrace{x_1 + \dots + x_n}_{n \text{ terms}}",
    r"\overset{!}{=}", r"\underset{x}{\arg\min}", r"\stackrel{\text{def}}{=}",
    r"A \xrightarrow{f} B", r"A \xleftarrow[g]{f} B", r"A \xrightleftharpoons[k_2]{k_1} B",
    r"\cancel{x}", r"\bcancel{y}", r"\xcancel{z}", r"a \not\in B", r"a \not= b", r"A \not\subset B",
    r"a \doteqdot b", r"a \coloneqq b", r"a \approx b \sim c \simeq d \cong e \equiv f \propto g",
    r"\lim_{n \to \infty} a_n", r"\sum_{k=1}^{n} k^2", r"\prod_{i} p_i", r"\int_0^1 f(x)\, dx",
    r"\iint_D f\, dA", r"\oint_C \mathbf{F} \cdot d\mathbf{r}", r"\max_{\theta} \log p_\theta(x)",
    r"\operatorname{argmax}_x f(x)", r"\mathbb{R}^n", r"\mathcal{L}", r"\mathfrak{g}", r"\mathscr{F}",
    r"\mathbf{x}^\top \mathbf{y}", r"\boldsymbol{\mu}", r"\mathrm{KL}(p \,\|\, q)", r"\mathsf{T}",
    r"\text{if } x > 0", r"\text{for all \(x\)}", r"\text{it\rq s}", r"\textbf{bold} + \textit{italic}",
    r"\alpha \beta \gamma \Gamma \Delta \varepsilon \vartheta \varphi \Omega",
    r"x \in \{1, \dots, n\}", r"f \colon X \to Y", r"x \mapsto x^2", r"a \le b \ge c \ne d",
    r"\forall x \, \exists y", r"\nabla f", r"\partial_t u", r"\infty", r"\hbar", r"\ell",
    r"a \bmod b", r"a \pmod{n}", r"\gcd(a, b)", r"\det A", r"\exp(x)", r"\ln x",
    r"f'(x) + f''(x)", r"x_{i,j}^{(k)}", r"{}^{14}_{6}\mathrm{C}", r"e^{-\frac{x^2}{2\sigma^2}}",
    r"\color{red}{x} + \textcolor{blue}{y}", r"\boxed{E = mc^2}", r"\phantom{x} y", r"a\,b\;c\quad d\qquad e",
    r"\displaystyle \sum_{i=1}^n i", r"\tfrac{a}{b} \dfrac{c}{d}",
    ("display", r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}"),
    ("display", r"\begin{bmatrix} 1 & 0 \\ 0 & 1 \end{bmatrix}"),
    ("display", r"\begin{vmatrix} a & b \\ c & d \end{vmatrix}"),
    ("display", r"f(x) = \begin{cases} 0 & x < 0 \\ 1 & x \ge 0 \end{cases}"),
    ("display", r"\begin{aligned} a &= b + c \\ &= d \end{aligned}"),
    ("display", r"\begin{array}{c|c} a & b \\ \hline c & d \end{array}"),
    ("display", r"\sum_{\substack{i < j \\ i, j \in S}} a_{ij}"),
    ("display", r"\int_{-\infty}^{\infty} e^{-x^2}\, dx = \sqrt{\pi}"),
]

# The course notes' formulas: outside fenced code and code spans.
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
CODE_SPAN = re.compile(r"`[^`\n]*`")
DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.S)
INLINE = re.compile(r"(?<![\\$])\$(?!\$)([^$\n]+?)(?<![\\ ])\$(?!\d)")


def course_formulas():
    found = []
    for path in sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.md"))):
        text = open(path, encoding="utf-8").read()
        if text.startswith("---"):
            end = text.find("\n---", 3)
            text = text[end + 4:] if end > 0 else text
        text = CODE_SPAN.sub("", FENCE.sub("", text))
        for m in DISPLAY.finditer(text):
            found.append(("display", m.group(1).strip()))
        text = DISPLAY.sub("", text)
        for m in INLINE.finditer(text):
            found.append(("inline", m.group(1).strip()))
    return found


def find_katex(given):
    if given:
        return given
    folder = tempfile.mkdtemp(prefix="katex-")
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", folder,
                    "markdown-katex==202406.1035"], check=True)
    wheel = glob.glob(os.path.join(folder, "markdown_katex-*.whl"))[0]
    name = "markdown_katex/bin/katex_v0.15.1_node10_x86_64-Linux"
    with zipfile.ZipFile(wheel) as z:
        z.extract(name, folder)
    path = os.path.join(folder, name)
    os.chmod(path, 0o755)
    return path


def katex_mathml(katex, tex, display):
    args = [katex, "-F", "mathml"] + (["-d"] if display else [])
    done = subprocess.run(args, input=tex.encode(), capture_output=True, timeout=60)
    if done.returncode != 0:
        return None  # KaTeX refuses it too: not part of the comparison
    out = done.stdout.decode()
    start, end = out.find("<math"), out.rfind("</math>")
    return out[start:end + len("</math>")] if start >= 0 and end > start else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--katex", default=os.environ.get("KATEX"))
    args = ap.parse_args()
    katex = find_katex(args.katex)
    version = subprocess.run([katex, "--version"], capture_output=True, text=True).stdout.strip()
    formulas, seen = [], set()
    for item in course_formulas() + [e if isinstance(e, tuple) else ("inline", e) for e in EXTRA]:
        if item not in seen:
            seen.add(item)
            formulas.append(item)
    cases, refused = [], 0
    for kind, tex in formulas:
        mathml = katex_mathml(katex, tex, kind == "display")
        if mathml is None:
            refused += 1
            continue
        cases.append({"tex": tex, "display": kind == "display", "katex": mathml})
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"katex": version, "cases": cases}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(cases)} formulas with KaTeX {version}'s MathML in {os.path.relpath(OUT, ROOT)}"
          f" ({refused} that KaTeX refuses left out)")


if __name__ == "__main__":
    main()
