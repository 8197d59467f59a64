// Averaged perceptron weights, shared by the training scripts: per feature one weight per label, averaged
// over the training steps by the running-total trick (a weight's total is brought up to date only when it
// changes, and once at the end).

export class AveragedWeights {
  /** Current weights, read while training. */
  readonly current = new Map<string, Float64Array>();
  private readonly total = new Map<string, Float64Array>();
  private readonly stamp = new Map<string, Float64Array>();
  private steps = 0;

  constructor(private readonly labels: number) {}

  /** Counts one training step (an example, or a word of a sequence). */
  step(): void {
    this.steps++;
  }

  /** The labels' scores for a feature list under the current weights. */
  scores(features: Iterable<string>): Float64Array {
    const s = new Float64Array(this.labels);
    for (const f of features) {
      const w = this.current.get(f);
      if (w) for (let i = 0; i < this.labels; i++) s[i] += w[i];
    }
    return s;
  }

  update(feature: string, label: number, delta: number): void {
    const w = this.vector(this.current, feature);
    const total = this.vector(this.total, feature);
    const stamp = this.vector(this.stamp, feature);
    total[label] += (this.steps - stamp[label]) * w[label];
    stamp[label] = this.steps;
    w[label] += delta;
  }

  /** The averaged weights, rounded to `decimals`, leaving out features whose weights all stay under `floor`. */
  averaged(floor: number, decimals = 3): Record<string, number[]> {
    const scale = 10 ** decimals;
    const t = this.steps;
    const out: Record<string, number[]> = {};
    for (const [f, w] of this.current) {
      const total = this.total.get(f)!;
      const stamp = this.stamp.get(f)!;
      const avg = [...w].map((x, i) => (total[i] + (t - stamp[i]) * x) / t);
      // Weights that round to nothing only make the model file larger.
      if (avg.some((x) => Math.abs(x) >= floor)) out[f] = avg.map((x) => Math.round(x * scale) / scale);
    }
    return out;
  }

  private vector(m: Map<string, Float64Array>, f: string): Float64Array {
    let v = m.get(f);
    if (!v) m.set(f, (v = new Float64Array(this.labels)));
    return v;
  }
}

/** Deterministic shuffle (a seeded LCG), so a run can be repeated. */
export function shuffled<T>(items: T[], seed: number): T[] {
  const a = [...items];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
