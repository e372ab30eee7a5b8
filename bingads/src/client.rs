//! [`Client`]: authorization data, environment, wire and HTTP settings set once, and a typed
//! client for each service built from them.
//!
//! ```no_run
//! # async fn example() -> Result<(), bingads::Error> {
//! use bingads::auth::PasswordAuthentication;
//! use bingads::v13::customer_management::GetUserRequest;
//! use bingads::{AuthorizationData, Client, Environment};
//!
//! let auth = AuthorizationData::new(PasswordAuthentication::new("user", "password"), "developer-token");
//! let client = Client::builder(auth, Environment::Sandbox).build()?;
//! let user = client.customer_management()?.get_user(&GetUserRequest::default()).await?;
//! println!("{:?} (TrackingId {:?})", user.value.user, user.tracking_id);
//! # Ok(()) }
//! ```

use std::sync::Arc;

use bingads_gen::soap::ServiceMeta;

use crate::auth::Authentication;
use crate::body::DEFAULT_MAX_RESPONSE_BYTES;
use crate::http::{HttpConfig, is_loopback_host, shared_client, user_agent};
use crate::retry::RetryPolicy;
use crate::transport::{ServiceTransport, Shared};
use crate::wire::{PreparedRequest, Wire, not_compiled};
use crate::{ConfigError, Environment, Error, SecretString};

/// Who is calling and on whose behalf: set once per client, as in the official SDKs.
#[derive(Clone)]
pub struct AuthorizationData {
    pub authentication: Arc<dyn Authentication>,
    /// Sent as the `CustomerId` header where an operation declares it.
    pub customer_id: Option<i64>,
    /// Sent as the `CustomerAccountId` header where an operation declares it.
    pub account_id: Option<i64>,
    pub developer_token: SecretString,
}

impl AuthorizationData {
    pub fn new(
        authentication: impl Authentication,
        developer_token: impl Into<SecretString>,
    ) -> Self {
        AuthorizationData {
            authentication: Arc::new(authentication),
            customer_id: None,
            account_id: None,
            developer_token: developer_token.into(),
        }
    }

    /// Shares an authentication object (and its tokens) with other clients.
    pub fn with_shared(
        authentication: Arc<dyn Authentication>,
        developer_token: impl Into<SecretString>,
    ) -> Self {
        AuthorizationData {
            authentication,
            customer_id: None,
            account_id: None,
            developer_token: developer_token.into(),
        }
    }

    pub fn with_customer_id(mut self, id: i64) -> Self {
        self.customer_id = Some(id);
        self
    }

    pub fn with_account_id(mut self, id: i64) -> Self {
        self.account_id = Some(id);
        self
    }
}

impl std::fmt::Debug for AuthorizationData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthorizationData")
            .field("customer_id", &self.customer_id)
            .field("account_id", &self.account_id)
            .field("developer_token", &self.developer_token)
            .finish_non_exhaustive()
    }
}

/// Builds a [`Client`].
#[derive(Debug)]
pub struct ClientBuilder {
    authorization: AuthorizationData,
    environment: Environment,
    endpoint_base: Option<String>,
    http: HttpConfig,
    http_client: Option<reqwest::Client>,
    retry: RetryPolicy,
    wire: Wire,
    max_response_bytes: usize,
}

impl ClientBuilder {
    /// The wire every service client of this `Client` speaks: [`Wire::Rest`] (the default)
    /// or [`Wire::Soap`], which Microsoft switches off on 2027-01-31.
    pub fn wire(mut self, wire: Wire) -> Self {
        self.wire = wire;
        self
    }

    /// The largest API response body read (after content decoding); a larger one fails
    /// with [`Error::ResponseTooLarge`]. Default 64 MiB.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Sends every call to this scheme, host and port instead of the environment's, keeping
    /// each service's path (a proxy, or the local emulator). Plain `http` is accepted only
    /// for loopback addresses.
    pub fn endpoint_base(mut self, base: impl Into<String>) -> Self {
        self.endpoint_base = Some(base.into());
        self
    }

    pub fn connect_timeout(mut self, t: std::time::Duration) -> Self {
        self.http.connect_timeout = t;
        self
    }

    pub fn request_timeout(mut self, t: std::time::Duration) -> Self {
        self.http.request_timeout = t;
        self
    }

    pub fn user_agent_suffix(mut self, s: impl Into<String>) -> Self {
        self.http.user_agent_suffix = Some(s.into());
        self
    }

    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Uses this HTTP client (its own timeouts and TLS) instead of building one.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }

    pub fn build(self) -> Result<Client, Error> {
        if !self.wire.is_compiled() {
            return Err(not_compiled(self.wire));
        }
        let base = match self.endpoint_base {
            Some(b) => Some(parse_base(&b)?),
            None => None,
        };
        let http = match self.http_client {
            Some(c) => c,
            None => shared_client(&self.http)?,
        };
        Ok(Client {
            shared: Arc::new(Shared {
                http,
                retry: self.retry,
                request_timeout: self.http.request_timeout,
                user_agent: user_agent(self.http.user_agent_suffix.as_deref()),
                max_response_bytes: self.max_response_bytes,
            }),
            wire: self.wire,
            authorization: self.authorization,
            environment: self.environment,
            endpoint_base: base,
        })
    }
}

fn parse_base(base: &str) -> Result<url::Url, Error> {
    let url = url::Url::parse(base).map_err(|e| ConfigError::InvalidEndpoint {
        endpoint: base.to_string(),
        reason: e.to_string(),
    })?;
    let host = url.host_str().unwrap_or_default();
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback_host(host) => Ok(url),
        "http" => Err(ConfigError::InsecureEndpoint {
            endpoint: base.to_string(),
        }
        .into()),
        other => Err(ConfigError::UnsupportedScheme {
            endpoint: base.to_string(),
            scheme: other.to_string(),
        }
        .into()),
    }
}

/// Authorization, environment and connection pool; hands out a client per service.
/// Cheap to clone: clones share the connection pool and the authentication.
// The official SDKs' `ServiceClient` is one object per service; here one `Client` hands out all.
#[doc(alias = "ServiceClient")]
#[derive(Clone, Debug)]
pub struct Client {
    shared: Arc<Shared>,
    wire: Wire,
    authorization: AuthorizationData,
    environment: Environment,
    endpoint_base: Option<url::Url>,
}

impl Client {
    pub fn builder(authorization: AuthorizationData, environment: Environment) -> ClientBuilder {
        ClientBuilder {
            authorization,
            environment,
            endpoint_base: None,
            http: HttpConfig::default(),
            http_client: None,
            retry: RetryPolicy::default(),
            wire: Wire::default(),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }

    pub fn wire(&self) -> Wire {
        self.wire
    }

    /// The same client speaking another wire (sharing pool and credentials); e.g. SOAP for
    /// the one operation Microsoft serves only over SOAP.
    pub fn with_wire(&self, wire: Wire) -> Result<Client, Error> {
        if !wire.is_compiled() {
            return Err(not_compiled(wire));
        }
        let mut c = self.clone();
        c.wire = wire;
        Ok(c)
    }

    pub fn environment(&self) -> Environment {
        self.environment
    }

    pub fn authorization(&self) -> &AuthorizationData {
        &self.authorization
    }

    /// The same client acting for another account (sharing pool and credentials).
    pub fn with_account_id(&self, account_id: i64) -> Client {
        let mut c = self.clone();
        c.authorization.account_id = Some(account_id);
        c
    }

    /// The same client acting for another customer.
    pub fn with_customer_id(&self, customer_id: i64) -> Client {
        let mut c = self.clone();
        c.authorization.customer_id = Some(customer_id);
        c
    }

    /// Where a service's calls go in this client's environment and wire (after any
    /// override): SOAP, the service's `.svc` URL; REST, the base URL the operation's route
    /// is appended to.
    pub fn endpoint(&self, service: &'static ServiceMeta) -> Result<String, Error> {
        let env = self.environment.as_str();
        let url = match self.wire {
            Wire::Soap => service.endpoint(env),
            Wire::Rest => service.rest_endpoint(env),
        };
        let url = url.ok_or(ConfigError::NoEndpoint {
            service: service.name,
            environment: self.environment,
            wire: self.wire,
        })?;
        let Some(base) = &self.endpoint_base else {
            return Ok(url.to_string());
        };
        let original = url::Url::parse(url).map_err(|e| ConfigError::InvalidServiceUrl {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
        let mut joined = base.clone();
        let prefix = base.path().trim_end_matches('/');
        joined.set_path(&format!("{prefix}{}", original.path()));
        Ok(joined.to_string())
    }

    /// The HTTP client (connection pool) this client's calls use; file transfers use it too.
    pub fn http_client(&self) -> &reqwest::Client {
        &self.shared.http
    }

    /// The per-request timeout of API calls (file transfers use it as their stall timeout).
    pub fn request_timeout(&self) -> std::time::Duration {
        self.shared.request_timeout
    }

    /// A transport for any service's metadata (what the typed accessors use).
    pub fn transport(&self, service: &'static ServiceMeta) -> Result<ServiceTransport, Error> {
        Ok(ServiceTransport {
            shared: self.shared.clone(),
            service,
            wire: self.wire,
            endpoint: self.endpoint(service)?,
            authorization: self.authorization.clone(),
        })
    }

    /// The HTTP request `request` would be sent as on this client's wire, with its current
    /// credentials (refreshing an expiring OAuth token first); nothing is sent. What the
    /// command line's `--dry-run` prints.
    pub async fn prepare(
        &self,
        request: &dyn bingads_gen::soap::RequestBody,
    ) -> Result<PreparedRequest, Error> {
        self.transport(request.operation().service)?
            .prepare(request)
            .await
    }
}

macro_rules! service_accessors {
    ($($feature:literal, $module:ident, $client:ident, $method:ident, $official:literal;)*) => {$(
        #[cfg(feature = $feature)]
        impl Client {
            #[doc = concat!("The `", stringify!($module), "` service client (the official SDKs' `ServiceClient('", $official, "')`). Needs cargo feature `", $feature, "` (on by default).")]
            #[doc(alias = $official)]
            pub fn $method(&self) -> Result<bingads_gen::v13::$module::$client<ServiceTransport>, Error> {
                Ok(bingads_gen::v13::$module::$client::new(self.transport(&bingads_gen::v13::$module::SERVICE)?))
            }
        }
    )*};
}

service_accessors! {
    "ad-insight", ad_insight, AdInsightClient, ad_insight, "AdInsightService";
    "bulk", bulk, BulkClient, bulk, "BulkService";
    "campaign-management", campaign_management, CampaignManagementClient, campaign_management, "CampaignManagementService";
    "customer-billing", customer_billing, CustomerBillingClient, customer_billing, "CustomerBillingService";
    "customer-management", customer_management, CustomerManagementClient, customer_management, "CustomerManagementService";
    "reporting", reporting, ReportingClient, reporting, "ReportingService";
}
