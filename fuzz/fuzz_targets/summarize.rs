//! Fuzz target `summarize`: no panic on any input, and the result passes the invariants of
//! `tests/common/invariants.rs` (see `summarize_input` there for the input layout and checks).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::summarize_input(data));
