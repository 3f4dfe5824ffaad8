//! UTF-8 byte offsets → UTF-16 code unit offsets, for the wasm layer: the core's offsets
//! are bytes of its Rust string, JS strings are indexed in UTF-16 units.
//!
//! Input: the text; then byte offsets in any order (cheapest in increasing order).
//! Output: their UTF-16 offsets. Cost: one pass over the text to build a table of UTF-16
//! offsets every 64 bytes (eight bytes at a time), then O(1) per ASCII block and a scan of
//! at most 63 bytes otherwise.

use crate::ascii::HIGH_BITS;

/// UTF-8 byte offset → UTF-16 offset, in O(1) amortised per lookup: a table of UTF-16
/// offsets every 64 bytes, then a short scan of at most 63 bytes, eight at a time — from the
/// previous lookup instead when that is in the same block and not after, so that offsets
/// looked up in order (sentences, figures) cost one pass over the text in all. In a block
/// of ASCII (most of an English article's), the offset is found without a scan.
pub(crate) struct Utf16Offsets<'t> {
    bytes: &'t [u8],
    blocks: Vec<usize>,
    /// Whether each block is ASCII.
    ascii: Vec<bool>,
    /// The previous lookup: (byte offset, UTF-16 offset).
    last: (usize, usize),
}

const BLOCK: usize = 64;

/// UTF-16 units contributed by a UTF-8 byte: one per character start, two for a 4-byte one.
fn units(b: u8) -> usize {
    match b {
        0x00..=0x7F | 0xC0..=0xEF => 1,
        0xF0..=0xFF => 2,
        _ => 0, // continuation byte
    }
}

/// Eight bytes as a word (`chunk` has eight).
pub(crate) fn word(chunk: &[u8]) -> u64 {
    let mut bytes = [0; 8];
    bytes.copy_from_slice(chunk);
    u64::from_le_bytes(bytes)
}

/// The UTF-16 units of `bytes` (`units` summed), eight bytes at a time.
pub(crate) fn units_in(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut total = 0;
    for chunk in &mut chunks {
        let x = word(chunk);
        if x & HIGH_BITS == 0 {
            total += 8; // ASCII
            continue;
        }
        // Bit 7 of each byte, and below it bits 6, 5, 4 shifted into place.
        let continuation = x & !(x << 1) & HIGH_BITS; // 10xxxxxx
        let four = x & (x << 1) & (x << 2) & (x << 3) & HIGH_BITS; // 1111xxxx
        total += 8 - continuation.count_ones() as usize + four.count_ones() as usize;
    }
    total + chunks.remainder().iter().map(|&b| units(b)).sum::<usize>()
}

/// Whether UTF-8 `bytes` hold U+FFFD (EF BF BD), skipping ASCII eight bytes at a time.
pub(crate) fn has_replacement(bytes: &[u8]) -> bool {
    let mut at = 0;
    while at < bytes.len() {
        if at + 8 <= bytes.len() && word(&bytes[at..at + 8]) & HIGH_BITS == 0 {
            at += 8;
        } else if bytes[at..].starts_with("\u{FFFD}".as_bytes()) {
            return true;
        } else {
            at += 1;
        }
    }
    false
}

impl<'t> Utf16Offsets<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut ascii = Vec::with_capacity(bytes.len() / BLOCK);
        let mut total = 0;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(total);
            total += units_in(chunk);
            ascii.push(chunk.is_ascii());
        }
        blocks.push(total);
        Utf16Offsets {
            bytes,
            blocks,
            ascii,
            last: (0, 0),
        }
    }

    pub(crate) fn get(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let block = byte / BLOCK;
        if self.ascii.get(block) == Some(&true) {
            return self.blocks[block] + byte % BLOCK;
        }
        let (from, base) = match self.last {
            (at, units) if at <= byte && at >= block * BLOCK => (at, units),
            _ => (block * BLOCK, self.blocks[block]),
        };
        let offset = base + units_in(&self.bytes[from..byte]);
        self.last = (byte, offset);
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The UTF-16 offset of byte `at`, counted the plain way.
    fn plain(text: &str, at: usize) -> usize {
        text[..at].encode_utf16().count()
    }

    fn boundaries(text: &str) -> Vec<usize> {
        (0..=text.len())
            .filter(|&at| text.is_char_boundary(at))
            .collect()
    }

    fn check(text: &str, order: &[usize]) {
        let mut map = Utf16Offsets::new(text);
        for &at in order {
            assert_eq!(map.get(at), plain(text, at), "byte {at} of {text:?}");
        }
        assert_eq!(units_in(text.as_bytes()), text.encode_utf16().count());
        assert_eq!(has_replacement(text.as_bytes()), text.contains('\u{FFFD}'));
    }

    #[test]
    fn offsets_across_block_edges_with_wide_characters() {
        // A 4-byte character ending a block, 2- and 3-byte ones across block edges, an
        // ASCII block after them, U+FFFD.
        let text = format!(
            "{}😀{}é{}€{}\u{FFFD} end",
            "a".repeat(60),
            "b".repeat(63),
            "c".repeat(62),
            "d".repeat(130)
        );
        let order = boundaries(&text);
        check(&text, &order);
        let reversed: Vec<usize> = order.iter().rev().copied().collect();
        check(&text, &reversed);
    }

    proptest! {
        #[test]
        fn offsets_equal_counting_code_units(text in "(\\PC|[a-z ]{1,70}){0,40}", seed in any::<u64>()) {
            let mut order = boundaries(&text);
            // Any order, not only increasing: a shuffle by a seeded xorshift.
            let rng = crate::testing::XorShift::new(seed | 1);
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i as u64 + 1) as usize);
            }
            check(&text, &order);
        }
    }
}
