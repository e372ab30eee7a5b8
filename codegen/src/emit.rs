//! Emitter.
