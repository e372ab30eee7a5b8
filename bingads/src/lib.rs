//! The Microsoft Advertising (Bing Ads) API v13 SDK runtime.
#![forbid(unsafe_code)]

pub mod auth;
pub mod environment;
pub mod secret;

pub use bingads_gen::v13;
pub use environment::Environment;
pub use secret::SecretString;
