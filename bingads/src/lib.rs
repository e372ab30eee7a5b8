//! The Microsoft Advertising (Bing Ads) API v13 SDK.
//!
//! Build a [`Client`] once from [`AuthorizationData`] and an [`Environment`], then call any
//! operation through the typed service clients it hands out:
//! `client.campaign_management()?.get_campaigns_by_account_id(&request).await?`. Types and
//! operations come from `bingads-gen` (re-exported as [`v13`]); this crate adds OAuth
//! ([`auth`]), the HTTPS transport for both wires ([`Wire::Rest`], the default, and
//! [`Wire::Soap`], which Microsoft switches off on 2027-01-31), typed [`Error`]s with the
//! service's codes and TrackingId, and bounded retries ([`RetryPolicy`]).
//!
//! Coming from the official Python, .NET or Java SDK? The [`guide`] maps their tour and names.
//!
//! # Cargo features
//!
//! All but `bulk-json` are on by default; turn off what you do not use to compile less (a
//! service module is tens of thousands of generated lines).
//!
//! | feature | what it compiles in |
//! | --- | --- |
//! | `rest` | the REST/JSON wire, [`Wire::Rest`] (the default wire); turns on `bingads-gen`'s `json` (serde impls of every API type) |
//! | `soap` | the SOAP wire, [`Wire::Soap`] (Microsoft switches it off on 2027-01-31) |
//! | `ad-insight`, `campaign-management`, `customer-billing`, `customer-management` | that service's types ([`v13`]`::ad_insight`, ...) and its [`Client`] accessor |
//! | `bulk` | the Bulk service, bulk files and the `BulkServiceManager` (`bingads::bulk`; needs `campaign-management`) |
//! | `bulk-json` (off by default) | the JSON form of bulk records |
//! | `reporting` | the Reporting service, the report reader and the `ReportingServiceManager` (`bingads::reporting`) |
//! | `transfer` | the polling, download and upload machinery the two managers share (`bingads::transfer`; on with `bulk` or `reporting`) |
//!
//! At least one of `rest` and `soap` is required. On docs.rs every item shows the feature it needs.
#![forbid(unsafe_code)]
// docs.rs (nightly, `--cfg docsrs`): show which cargo feature enables each service and wire.
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(not(any(feature = "rest", feature = "soap")))]
compile_error!("enable at least one wire: the `rest` or `soap` cargo feature of bingads");

pub mod auth;
mod body;
#[cfg(feature = "bulk")]
pub mod bulk;
mod client;
mod config_error;
pub mod environment;
mod error;
pub mod fault;
pub mod guide;
pub mod http;
#[cfg(any(feature = "bulk", feature = "reporting"))]
mod plain_numbers;
#[cfg(feature = "reporting")]
pub mod reporting;
pub mod retry;
pub mod secret;
#[cfg(feature = "transfer")]
pub mod transfer;
mod transport;
pub mod wire;

/// The generated bindings' support modules, re-exported so that every type this crate's API
/// names (the `RequestBody` a request is prepared from, `xml::DecodeError` inside
/// [`Error::Decode`], `types::Guid`, the JSON form of API types) is reachable without a
/// dependency on `bingads-gen`.
#[cfg(feature = "rest")]
pub use bingads_gen::json;
pub use bingads_gen::soap::{OperationMeta, Reply, ServiceMeta};
pub use bingads_gen::types::{Date, DateTime, Decimal, Flags, Nillable};
pub use bingads_gen::v13;
pub use bingads_gen::{soap, types, xml};
pub use body::DEFAULT_MAX_RESPONSE_BYTES;
pub use client::{AuthorizationData, Client, ClientBuilder};
pub use config_error::{ConfigError, UnknownWire};
pub use environment::Environment;
pub use error::Error;
pub use fault::{ApiError, ServiceFault};
pub use retry::RetryPolicy;
pub use secret::SecretString;
pub use transport::{ServiceTransport, SoapTransport};
pub use wire::{HeaderValue, PreparedRequest, Wire};

/// The README's code blocks, compiled as doctests so the front page never shows code that
/// no longer builds (`cargo test -p bingads --doc readme`).
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
mod readme {}
