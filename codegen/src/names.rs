//! Rust names.
