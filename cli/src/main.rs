//! The `bingads` command line (being written).
fn main() {}
