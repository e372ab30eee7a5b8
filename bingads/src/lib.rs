//! The Microsoft Advertising (Bing Ads) API v13 SDK.
//!
//! Build a [`Client`] once from [`AuthorizationData`] and an [`Environment`], then call any
//! operation through the typed service clients it hands out:
//! `client.campaign_management()?.get_campaigns_by_account_id(&request).await?`. Types and
//! operations come from `bingads-gen` (re-exported as [`v13`]); this crate adds OAuth
//! ([`auth`]), the HTTPS transport with the SOAP headers each operation declares, typed
//! [`Error`]s with the service's codes and TrackingId, and bounded retries ([`RetryPolicy`]).
#![forbid(unsafe_code)]

pub mod auth;
#[cfg(feature = "bulk")]
pub mod bulk;
mod client;
pub mod environment;
mod error;
pub mod fault;
pub mod http;
#[cfg(feature = "reporting")]
pub mod reporting;
pub mod retry;
pub mod secret;
#[cfg(feature = "transfer")]
pub mod transfer;
mod transport;

pub use bingads_gen::soap::{OperationMeta, Reply, ServiceMeta};
pub use bingads_gen::types::{Date, DateTime, Decimal, Flags, Nillable};
pub use bingads_gen::v13;
pub use client::{AuthorizationData, Client, ClientBuilder};
pub use environment::Environment;
pub use error::Error;
pub use fault::{ApiError, ServiceFault};
pub use retry::RetryPolicy;
pub use secret::SecretString;
pub use transport::SoapTransport;
