//! A guide for users of the official SDKs: their getting-started tour, section by section, and
//! the table of their names and exceptions mapped to this crate's. Documentation only (the
//! page is `docs/guide.md`, whose code blocks run as doctests).
#![doc = include_str!("../docs/guide.md")]

// In scope for the page's links only.
#[cfg(feature = "bulk")]
#[allow(unused_imports)]
use crate::bulk;
#[cfg(feature = "reporting")]
#[allow(unused_imports)]
use crate::reporting;
#[cfg(any(feature = "bulk", feature = "reporting"))]
#[allow(unused_imports)]
use crate::transfer;
#[allow(unused_imports)]
use crate::{
    ApiError, AuthorizationData, Client, Environment, Error, RetryPolicy, ServiceFault, auth,
};
