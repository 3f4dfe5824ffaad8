//! String interning without an allocation per string.
//!
//! Input: strings, one at a time. Output: dense ids `0, 1, 2, …` in order of first insertion,
//! and the string of an id back. The strings live back to back in one `String` arena and the
//! ids in an open-addressing table (linear probing, at most half full) that stores each
//! string's hash, so growing never rehashes a string. A tokenizer interns every distinct word
//! form and stem of a text; with a `HashMap<String, u32>` that was two or three heap
//! allocations per distinct word and a quarter of the tokenizer's time (callgrind). Cost:
//! one FxHash of the string and, on a hit, one comparison; amortised O(1) per call.
//! Deterministic: ids follow insertion order, never hash order. [`KeyMap`] is the same
//! table for words of up to 16 bytes packed into integers (the tokenizer's hot path):
//! a multiply to hash, integer comparisons to probe.

use std::hash::Hasher;

/// Strings interned into one arena; see the module docs.
#[derive(Clone, Debug, Default)]
pub(crate) struct Interner {
    /// Every string, back to back.
    arena: String,
    /// String `i` ends at `ends[i]` and starts where string `i - 1` ends.
    ends: Vec<usize>,
    /// The hash of string `i`.
    hashes: Vec<u32>,
    /// `0` for an empty slot, else `id + 1`; the length is zero or a power of two.
    slots: Vec<u32>,
}

impl Interner {
    /// The number of strings.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The string of `id` (an id this interner returned).
    pub(crate) fn resolve(&self, id: u32) -> &str {
        let i = id as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.arena[start..self.ends[i]]
    }

    /// The id of `s`, if it was interned.
    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        self.get_hashed(s, hash(s))
    }

    /// [`Interner::get`] with the string's [`hash`] computed already.
    pub(crate) fn get_hashed(&self, s: &str, hash: u32) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        match self.probe(s, hash) {
            Probe::Found(id) => Some(id),
            Probe::Empty(_) => None,
        }
    }

    /// The id of `s`, inserting it first if it is new.
    pub(crate) fn intern(&mut self, s: &str) -> u32 {
        self.intern_hashed(s, hash(s))
    }

    /// [`Interner::intern`] with the string's [`hash`] computed already.
    pub(crate) fn intern_hashed(&mut self, s: &str, hash: u32) -> u32 {
        // Keep at most half the slots used, so probe runs stay short.
        if (self.len() + 1) * 2 > self.slots.len() {
            self.rebuild((self.slots.len() * 2).max(16));
        }
        match self.probe(s, hash) {
            Probe::Found(id) => id,
            Probe::Empty(slot) => {
                let id = self.len() as u32;
                self.arena.push_str(s);
                self.ends.push(self.arena.len());
                self.hashes.push(hash);
                self.slots[slot] = id + 1;
                id
            }
        }
    }

    /// Where `s` is, or the empty slot where it would go.
    fn probe(&self, s: &str, hash: u32) -> Probe {
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            match self.slots[slot] {
                0 => return Probe::Empty(slot),
                taken => {
                    let id = taken - 1;
                    if self.hashes[id as usize] == hash && self.resolve(id) == s {
                        return Probe::Found(id);
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Makes the table `size` slots (a power of two) and puts every id back by its stored
    /// hash.
    fn rebuild(&mut self, size: usize) {
        let mask = size - 1;
        let mut slots = vec![0u32; size];
        for (id, &hash) in self.hashes.iter().enumerate() {
            let mut slot = hash as usize & mask;
            while slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id as u32 + 1;
        }
        self.slots = slots;
    }
}

/// A map from short keys (a word of at most 16 bytes packed into a `u128`, see
/// [`crate::wordkey::word_key`]) to ids: open addressing (linear probing, at most half
/// full), so a lookup is one multiply and integer comparisons, with no string hashed,
/// copied or compared. The slots hold 4-byte indexes into a dense array of entries (key and
/// value side by side, so a hit reads one entry), so a fresh table costs a quarter of the
/// zeroing that slots of keys would.
#[derive(Clone, Debug, Default)]
pub(crate) struct KeyMap {
    entries: Vec<Entry>,
    /// `0` for an empty slot, else an index into `entries` plus one; the length is zero or
    /// a power of two.
    slots: Vec<u32>,
    /// `64 - log2(slots.len())`: the hash's top bits pick the slot.
    shift: u32,
}

/// A key of a [`KeyMap`] (its two halves) and its value.
#[derive(Clone, Copy, Debug)]
struct Entry {
    lo: u64,
    hi: u64,
    value: u32,
}

impl Entry {
    #[inline]
    fn is(&self, key: u128) -> bool {
        self.lo == key as u64 && self.hi == (key >> 64) as u64
    }

    fn key(&self) -> u128 {
        u128::from(self.hi) << 64 | u128::from(self.lo)
    }
}

impl KeyMap {
    /// An empty map with room for `n` keys before it grows.
    pub(crate) fn with_capacity(n: usize) -> Self {
        let mut map = KeyMap {
            entries: Vec::with_capacity(n),
            ..KeyMap::default()
        };
        map.resize((n * 2).next_power_of_two().max(16));
        map
    }

    /// The number of keys.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    #[inline]
    fn slot_of(&self, key: u128) -> usize {
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        let h = (lo ^ hi.rotate_left(23)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> self.shift) as usize
    }

    /// The value of `key`, if it was inserted.
    #[inline]
    pub(crate) fn get(&self, key: u128) -> Option<u32> {
        self.find(key).ok()
    }

    /// The value of `key`; or, if it is not in the map, the slot where
    /// [`KeyMap::insert_vacant`] can put it.
    #[inline]
    pub(crate) fn find(&self, key: u128) -> Result<u32, usize> {
        // An empty map (shift 0) has no slot to find: the slot given back is out of range.
        let mut slot = self.slot_of(key);
        loop {
            let Some(i) = self.slots.get(slot).and_then(|i| i.checked_sub(1)) else {
                return Err(slot);
            };
            if let Some(entry) = self.entries.get(i as usize).filter(|e| e.is(key)) {
                return Ok(entry.value);
            }
            slot = (slot + 1) & (self.slots.len() - 1);
        }
    }

    /// Adds `key` where [`KeyMap::find`] just missed it, nothing having been inserted
    /// since: no second probe (a new word form is looked up, then added).
    pub(crate) fn insert_vacant(&mut self, slot: usize, key: u128, value: u32) {
        if (self.len() + 1) * 2 > self.slots.len() || self.slots.get(slot) != Some(&0) {
            // The table must grow (or was empty): the key gets a slot of the new one.
            return self.insert_new(key, value);
        }
        debug_assert_eq!(self.find(key), Err(slot));
        self.push(slot, key, value);
    }

    /// The value of `key` if it is in the map; else adds it with `value` and returns
    /// `None` (one probe for both).
    pub(crate) fn get_or_insert(&mut self, key: u128, value: u32) -> Option<u32> {
        if (self.len() + 1) * 2 > self.slots.len() {
            self.resize((self.slots.len() * 2).max(16));
        }
        let mask = self.slots.len() - 1;
        let mut slot = self.slot_of(key);
        while let Some(i) = self.slots[slot].checked_sub(1) {
            let entry = &self.entries[i as usize];
            if entry.is(key) {
                return Some(entry.value);
            }
            slot = (slot + 1) & mask;
        }
        self.push(slot, key, value);
        None
    }

    /// Adds `key`, which is not in the map yet, with its value: the probe looks only for a
    /// free slot (the tokenizer has just missed the key; `get_or_insert` here, comparing
    /// keys again, made the tokenize stage 5% dearer).
    pub(crate) fn insert_new(&mut self, key: u128, value: u32) {
        debug_assert_eq!(self.get(key), None);
        if (self.len() + 1) * 2 > self.slots.len() {
            self.resize((self.slots.len() * 2).max(16));
        }
        let mask = self.slots.len() - 1;
        let mut slot = self.slot_of(key);
        while self.slots[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        self.push(slot, key, value);
    }

    /// Adds a new entry in a free slot.
    #[inline]
    fn push(&mut self, slot: usize, key: u128, value: u32) {
        self.entries.push(Entry {
            lo: key as u64,
            hi: (key >> 64) as u64,
            value,
        });
        self.slots[slot] = self.entries.len() as u32;
    }

    /// Makes the table `size` slots (a power of two) and puts every key back.
    fn resize(&mut self, size: usize) {
        self.slots = vec![0; size];
        self.shift = 64 - size.trailing_zeros();
        let mask = size - 1;
        for (i, entry) in self.entries.iter().enumerate() {
            let mut slot = self.slot_of(entry.key());
            while self.slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = i as u32 + 1;
        }
    }
}

enum Probe {
    Found(u32),
    Empty(usize),
}

/// FxHash of the bytes, folded to 32 bits (the high half mixes best).
/// The hash the table files a string under (for the `_hashed` calls, so that a caller who
/// looks a string up and then inserts it hashes it once).
pub(crate) fn hash(s: &str) -> u32 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(s.as_bytes());
    let h = hasher.finish();
    (h >> 32) as u32 ^ h as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_dense_in_insertion_order_and_resolve_back() {
        let mut interner = Interner::default();
        let words = ["the", "bridge", "", "the", "Bridge", "bridge", "é", "東京"];
        let ids: Vec<u32> = words.iter().map(|w| interner.intern(w)).collect();
        assert_eq!(ids, [0, 1, 2, 0, 3, 1, 4, 5]);
        assert_eq!(interner.len(), 6);
        for (w, id) in words.iter().zip(&ids) {
            assert_eq!(interner.resolve(*id), *w);
            assert_eq!(interner.get(w), Some(*id));
        }
        assert_eq!(interner.get("bridges"), None);
    }

    #[test]
    fn key_map_keeps_every_key_through_growth() {
        let mut map = KeyMap::default();
        assert_eq!(map.get(7), None);
        let key = |i: u32| u128::from(i) * 0x1_0000_0001 + (u128::from(i) << 77) + 1;
        for i in 0..5_000u32 {
            assert_eq!(map.get(key(i)), None);
            map.insert_new(key(i), i);
        }
        assert_eq!(map.len(), 5_000);
        assert_eq!(map.get_or_insert(key(7), 70), Some(7));
        assert_eq!(map.get_or_insert(key(5_000), 50), None);
        assert_eq!(map.get(key(5_000)), Some(50));
        for i in 0..5_001u32 {
            assert_eq!(map.get(key(i)), Some(if i == 5_000 { 50 } else { i }));
        }
        assert_eq!(KeyMap::with_capacity(100).get(key(1)), None);
    }

    #[test]
    fn survives_growth_with_many_strings() {
        let mut interner = Interner::default();
        assert_eq!(interner.get("x"), None);
        for i in 0..10_000u32 {
            assert_eq!(interner.intern(&format!("w{i}")), i);
        }
        for i in (0..10_000u32).rev() {
            assert_eq!(interner.get(&format!("w{i}")), Some(i));
            assert_eq!(interner.resolve(i), format!("w{i}"));
        }
        assert_eq!(interner.get("w10000"), None);
        assert_eq!(interner.intern("w10000"), 10_000);
        assert_eq!(interner.get("w5"), Some(5));
    }
}
