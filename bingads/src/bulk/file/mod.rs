//! The file layer: bytes in and out (containers, encodings, CSV/TSV), independent of what
//! the records mean.

pub mod columns;
pub mod format;
pub(crate) mod parse;
pub mod reader;
pub mod writer;
