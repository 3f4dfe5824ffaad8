//! One small stable sort for every sort in the library.
//!
//! Input: a slice of `Copy` values and a strict "less than". Output: the slice sorted,
//! equal elements in their original order. Why not `slice::sort*`: each call site with its
//! own element type and comparator instantiates the standard library's driftsort or ipnsort
//! (with their small-sort networks, pivot selection and heapsort fallback): the dozen sites
//! here came to 57 functions and 68 KB of the wasm at opt-level 3, against a budget that
//! counts every kilobyte. This is insertion sort on runs of 16 and then bottom-up merging
//! through one scratch buffer: a few hundred bytes per instance. Cost: O(n log n)
//! comparisons, n extra elements of memory when n > 16.

/// Sorts `v` stably by `less` (a strict weak order: `less(a, b)` means a goes first).
pub(crate) fn sort_by<T: Copy>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    const RUN: usize = 16;
    for run in v.chunks_mut(RUN) {
        insertion_sort(run, &mut less);
    }
    if v.len() <= RUN {
        return;
    }
    let mut scratch = v.to_vec();
    let mut width = RUN;
    // Merged runs alternate between `v` and `scratch`; `in_v` says where they are now.
    let mut in_v = true;
    while width < v.len() {
        if in_v {
            merge_pass(v, &mut scratch, width, &mut less);
        } else {
            merge_pass(&scratch, v, width, &mut less);
        }
        in_v = !in_v;
        width *= 2;
    }
    if !in_v {
        v.copy_from_slice(&scratch);
    }
}

/// Sorts `v` ascending (stable, so equal values keep their order).
pub(crate) fn sort<T: Copy + Ord>(v: &mut [T]) {
    sort_by(v, |a, b| a < b);
}

fn insertion_sort<T: Copy>(v: &mut [T], less: &mut impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let x = v[i];
        let mut j = i;
        while j > 0 && less(&x, &v[j - 1]) {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

/// Merges each pair of adjacent sorted runs of `width` in `src` into `dst`.
fn merge_pass<T: Copy>(
    src: &[T],
    dst: &mut [T],
    width: usize,
    less: &mut impl FnMut(&T, &T) -> bool,
) {
    let n = src.len();
    let mut start = 0;
    while start < n {
        let mid = (start + width).min(n);
        let end = (start + 2 * width).min(n);
        let (mut i, mut j) = (start, mid);
        for slot in &mut dst[start..end] {
            // Take from the right run only when strictly less: that keeps the sort stable.
            let take_right = j < end && (i >= mid || less(&src[j], &src[i]));
            if take_right {
                *slot = src[j];
                j += 1;
            } else {
                *slot = src[i];
                i += 1;
            }
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, proptest::prelude::any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut theirs = v.clone();
            // By the first field only, so stability shows in the second.
            sort_by(&mut ours, |a, b| a.0 < b.0);
            theirs.sort_by_key(|e| e.0);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn sorts_edge_sizes() {
        for n in [0usize, 1, 2, 15, 16, 17, 31, 32, 33, 100, 1000] {
            let mut v: Vec<u32> = (0..n as u32)
                .map(|i| i.wrapping_mul(2_654_435_761) % 97)
                .collect();
            let mut expected = v.clone();
            expected.sort();
            sort(&mut v);
            assert_eq!(v, expected, "n = {n}");
        }
    }
}
