//! Helpers shared by the unit tests (compiled for `cargo test` only).

/// A deterministic pseudo-random source (xorshift64), for the tests that compare a fast
/// path with a plain one on many generated inputs. A `Cell`, so that several closures of a
/// test can draw from one source.
pub(crate) struct XorShift(std::cell::Cell<u64>);

impl XorShift {
    /// A source starting from `seed` (not 0).
    pub(crate) fn new(seed: u64) -> Self {
        XorShift(std::cell::Cell::new(seed))
    }

    /// The next number, in `0..m`.
    pub(crate) fn below(&self, m: u64) -> u64 {
        let mut x = self.0.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0.set(x);
        x % m
    }
}
