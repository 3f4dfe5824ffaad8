//! ASCII tests eight bytes at a time: a `u64` read from the text is eight lanes of a byte
//! (SWAR), so a run of ASCII letters, or a stretch without any non-ASCII byte, is crossed in
//! steps of eight instead of one. Input: bytes (read little-endian, so the first byte is the
//! lowest lane). Output: bit masks with the top bit of each matching lane set. Cost: a few
//! integer operations per eight bytes, no tables. Used by the segmenter's language vote,
//! the figure tokenizer and the wasm layer's UTF-16 offsets.

/// The top bit of each byte of a `u64`.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// One in each byte of a `u64`.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;

/// The top bit of each byte of `word` (little-endian) that is an ASCII letter; the other
/// bits clear. (A byte with bit 5 set is in `a..=z` exactly when it is an ASCII letter;
/// adding to each byte's low seven bits sets its top bit at a threshold without carrying
/// into the next byte. Bytes of 0x80 and above are no ASCII letters.)
pub(crate) fn letter_bits(word: u64) -> u64 {
    let lower = (word & !HIGH_BITS) | (ONES * 0x20);
    let at_least_a = lower + ONES * (0x80 - u64::from(b'a'));
    let above_z = lower + ONES * (0x80 - u64::from(b'z') - 1);
    at_least_a & !above_z & !word & HIGH_BITS
}

/// The end of the run of ASCII letters at byte `i`: eight bytes at a time while they last
/// (most words fit in one step), then byte by byte.
pub(crate) fn letters_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let stops = !letter_bits(u64::from_le_bytes(*chunk)) & HIGH_BITS;
        if stops != 0 {
            return i + stops.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_bits_marks_exactly_the_ascii_letters() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                // The byte in one lane, surrounded by letters and by non-letters.
                for fill in [b'a', b' ', 0xC3] {
                    let mut bytes = [fill; 8];
                    bytes[lane] = b;
                    let bits = letter_bits(u64::from_le_bytes(bytes));
                    let expected = bytes
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| b.is_ascii_alphabetic())
                        .fold(0u64, |m, (k, _)| m | 0x80 << (8 * k));
                    assert_eq!(bits, expected, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn letters_end_stops_at_the_first_other_byte() {
        let text = "Harbourmasters said 12 ferries, Zürich-bound, waited";
        let bytes = text.as_bytes();
        for i in 0..=bytes.len() {
            let expected = i + bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            assert_eq!(letters_end(bytes, i), expected, "at {i}");
        }
    }
}
