//! [`ConfigError`]: the ways a client or a manager can be set up so that no call can work.
//! Each variant names the setting to change; nothing was sent when one is returned.

use crate::environment::Environment;
use crate::wire::Wire;

/// A configuration that cannot work (returned inside [`crate::Error::Config`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The endpoint override is not an absolute URL.
    #[error(
        "endpoint `{endpoint}` is not an absolute URL ({reason}); pass one such as `https://host/` to `ClientBuilder::endpoint_base`"
    )]
    InvalidEndpoint { endpoint: String, reason: String },
    /// The endpoint override is plain http on a host that is not a loopback address.
    #[error(
        "endpoint `{endpoint}` uses plain http; use https (plain http is allowed only on loopback addresses)"
    )]
    InsecureEndpoint { endpoint: String },
    /// The endpoint override has a scheme other than https or http.
    #[error("endpoint `{endpoint}` has the unsupported scheme `{scheme}`; use https")]
    UnsupportedScheme { endpoint: String, scheme: String },
    /// The service publishes no endpoint for this environment and wire.
    #[error(
        "{service} has no {environment} {wire} endpoint; use the other wire (`ClientBuilder::wire`) or environment"
    )]
    NoEndpoint {
        service: &'static str,
        environment: Environment,
        wire: Wire,
    },
    /// A URL of the generated service tables does not parse (a bug: the tables are checked
    /// when they are generated).
    #[error(
        "the SDK's URL `{url}` does not parse ({reason}); this is a bug in the SDK, please report it"
    )]
    InvalidServiceUrl { url: String, reason: String },
    /// The wire was left out of this build.
    #[error("this build of bingads has no {wire} wire; enable the `{wire}` cargo feature")]
    WireNotCompiled { wire: Wire },
    /// The HTTP client could not be built from the HTTP settings.
    #[error(
        "could not build the HTTP client: {message}; check the timeouts and user agent suffix given to `ClientBuilder`"
    )]
    HttpClient { message: String },
}

/// A name [`Wire::from_str`](std::str::FromStr::from_str) does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown wire `{name}`: expected `rest` or `soap`")]
#[non_exhaustive]
pub struct UnknownWire {
    /// The name as given.
    pub name: String,
}
