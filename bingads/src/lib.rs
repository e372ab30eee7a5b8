//! The Microsoft Advertising (Bing Ads) API v13 SDK runtime (being written).
#![forbid(unsafe_code)]
pub use bingads_gen::v13;
