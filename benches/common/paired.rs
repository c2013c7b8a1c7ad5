//! Paired timing for the benches: two functions timed in alternating rounds, so both sides of a
//! ratio run under the same machine conditions (this machine's speed drifts every second or so,
//! which moves separate criterion measurements by ±10% and more under load).

use std::time::Instant;

/// Median of `v` (sorted in place).
pub fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// `a` and `b` timed in alternating rounds of `n` calls: (median a, median b, median a/b) in ns.
pub fn paired(rounds: usize, n: u32, mut a: impl FnMut(), mut b: impl FnMut()) -> (f64, f64, f64) {
    let (mut ta, mut tb, mut r) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let time = |f: &mut dyn FnMut()| {
            let t = Instant::now();
            for _ in 0..n {
                f();
            }
            t.elapsed().as_nanos() as f64 / f64::from(n)
        };
        let (x, y) = if round % 2 == 0 {
            let x = time(&mut a);
            (x, time(&mut b))
        } else {
            let y = time(&mut b);
            (time(&mut a), y)
        };
        ta.push(x);
        tb.push(y);
        r.push(x / y);
    }
    (median(&mut ta), median(&mut tb), median(&mut r))
}

/// Whether to run the paired ratios after criterion's groups: when benchmarking (`--bench`, not
/// `--list` or `--test`) with no filter, or with a filter naming `paired`.
pub fn wanted() -> bool {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bench_mode =
        args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--list" || a == "--test");
    // A positional argument is criterion's filter; option values are numbers.
    let filtered_out = args
        .iter()
        .any(|a| !a.starts_with('-') && a.parse::<f64>().is_err() && !a.contains("paired"));
    bench_mode && !filtered_out
}
