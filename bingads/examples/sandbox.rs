//! Production or sandbox: what changes between the two environments.
//!
//! Prints, for each environment, the endpoint every service client would post to and the
//! OAuth endpoints, scope and redirect URI a grant uses, then makes one call (GetUser):
//! against the built-in emulator by default (or with `--emulator`), or against the
//! environment named by `BINGADS_ENVIRONMENT` when credentials are set.
//!
//! ```sh
//! cargo run --example sandbox                   # endpoint tables + one call to the emulator
//! cargo run --example sandbox -- --no-call      # only the tables
//! BINGADS_ENVIRONMENT=sandbox BINGADS_DEVELOPER_TOKEN=... BINGADS_CLIENT_ID=... \
//! BINGADS_REFRESH_TOKEN=... cargo run --example sandbox
//! ```
//!
//! An environment is chosen when a client is built; tokens, accounts and ids do not carry
//! over between sandbox and production, so switching means new credentials and a new client.

// `pub`: tests/examples.rs includes this file and calls `run` with `common` types.
pub mod common;

use std::process::ExitCode;

use bingads::auth::{OAuthDesktopMobileAuthCodeGrant, OAuthEndpoints, OAuthTokens};
use bingads::v13::customer_management::GetUserRequest;
use bingads::v13::{
    ad_insight, bulk, campaign_management, customer_billing, customer_management, reporting,
};
use bingads::{AuthorizationData, Client, Environment, Nillable, Wire};
use bingads_emulator::Emulator;
use common::{ExampleError, Needs, Out, Target, text};

#[tokio::main]
async fn main() -> ExitCode {
    let start = || -> Result<(Target, Options), ExitCode> {
        let usage = "usage: sandbox [--emulator] [--no-call]";
        let mut options = common::needed(Options::parse(std::env::args().skip(1)), usage)?;
        let target = if options.emulator {
            Ok(Target::Emulator)
        } else {
            Target::from_process_env(Needs::RefreshToken)
                .map_err(|message| format!("{message}\n(or pass --emulator)"))
        };
        let target = common::needed(target, "")?;
        options.wire = common::needed(common::wire_from_process_env(), "")?;
        Ok((target, options))
    };
    let (target, options) = match start() {
        Ok(started) => started,
        Err(code) => return code,
    };
    let mut out = Out::stdout();
    common::finished("sandbox", run(target, options, &mut out).await)
}

/// Command-line options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Call the emulator even when credentials are set.
    pub emulator: bool,
    /// Only print the tables.
    pub no_call: bool,
    /// The wire (`BINGADS_TRANSPORT`; REST by default): which endpoints are printed and used.
    pub wire: Wire,
}

impl Options {
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Options, String> {
        let mut options = Options::default();
        for arg in args {
            match arg.as_str() {
                "--emulator" => options.emulator = true,
                "--no-call" => options.no_call = true,
                other => return Err(format!("unknown argument `{other}`")),
            }
        }
        Ok(options)
    }
}

/// The endpoint of each of the six services for `client`'s environment.
fn service_endpoints(client: &Client) -> Result<Vec<(&'static str, String)>, ExampleError> {
    Ok(vec![
        ("Ad Insight", client.endpoint(&ad_insight::SERVICE)?),
        ("Bulk", client.endpoint(&bulk::SERVICE)?),
        (
            "Campaign Management",
            client.endpoint(&campaign_management::SERVICE)?,
        ),
        (
            "Customer Billing",
            client.endpoint(&customer_billing::SERVICE)?,
        ),
        (
            "Customer Management",
            client.endpoint(&customer_management::SERVICE)?,
        ),
        ("Reporting", client.endpoint(&reporting::SERVICE)?),
    ])
}

/// The call's result, when one was made.
#[derive(Debug, Clone)]
pub struct Called {
    pub environment: String,
    pub endpoint: String,
    pub user_id: i64,
    pub tracking_id: Option<String>,
}

pub async fn run(
    target: Target,
    options: Options,
    out: &mut Out,
) -> Result<Option<Called>, ExampleError> {
    for environment in [Environment::Production, Environment::Sandbox] {
        // A grant and a client for this environment; no sign-in is needed to read endpoints.
        let grant = OAuthDesktopMobileAuthCodeGrant::new("your-client-id", environment);
        let oauth = grant.endpoints();
        let client = Client::builder(
            AuthorizationData::new(grant, "your-developer-token"),
            environment,
        )
        .wire(options.wire)
        .build()?;
        writeln!(out, "== {environment} ==");
        writeln!(out, "Service endpoints:");
        for (name, endpoint) in service_endpoints(&client)? {
            writeln!(out, "  {name:<20} {endpoint}");
        }
        print_oauth(out, "OAuth (Microsoft identity platform)", &oauth);
    }
    print_oauth(
        out,
        "OAuth for sandbox users of the older sandbox identity service (OAuthEndpoints::microsoft_sandbox_ppe)",
        &OAuthEndpoints::microsoft_sandbox_ppe(),
    );

    if options.no_call {
        return Ok(None);
    }
    let called = match target {
        Target::Emulator => call_emulator(options.wire, out).await?,
        Target::Microsoft(creds) => {
            let refresh_token = creds
                .refresh_token
                .clone()
                .ok_or("BINGADS_REFRESH_TOKEN is not set")?;
            let grant =
                OAuthDesktopMobileAuthCodeGrant::new(creds.client_id.clone(), creds.environment)
                    // The access token is obtained with the refresh token at the first call.
                    .with_tokens(OAuthTokens::from_refresh_token(refresh_token));
            let client = Client::builder(
                AuthorizationData::new(grant, creds.developer_token.clone()),
                creds.environment,
            )
            .wire(options.wire)
            .build()?;
            get_user(&client, out).await?
        }
    };
    Ok(Some(called))
}

fn print_oauth(out: &mut Out, title: &str, e: &OAuthEndpoints) {
    writeln!(out, "{title}:");
    writeln!(out, "  authorize     {}", e.authorize_url);
    writeln!(out, "  token         {}", e.token_url);
    writeln!(out, "  scope         {}", e.scope);
    writeln!(
        out,
        "  redirect URI  {}",
        e.redirect_uri.as_deref().unwrap_or("-")
    );
    if !e.extra_authorize_params.is_empty() {
        let extra: Vec<String> = e
            .extra_authorize_params
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        writeln!(out, "  extra         {}", extra.join("&"));
    }
}

/// One call to the emulator, signed in with a refresh token it issued (as if stored from an
/// earlier sign-in), through the production endpoint paths on the emulator's host.
async fn call_emulator(wire: Wire, out: &mut Out) -> Result<Called, ExampleError> {
    let emulator = Emulator::start().await?;
    let stored = emulator.issue_tokens(
        bingads_emulator::DESKTOP_CLIENT_ID,
        "https://ads.microsoft.com/msads.manage offline_access",
    );
    let refresh_token = stored
        .refresh_token
        .ok_or("the emulator issued no refresh token")?;
    let grant = OAuthDesktopMobileAuthCodeGrant::new(
        bingads_emulator::DESKTOP_CLIENT_ID,
        Environment::Production,
    )
    .with_endpoints(OAuthEndpoints::microsoft_at(
        &emulator.base_url(),
        "common",
        Environment::Production,
    )?)?
    .with_tokens(OAuthTokens::from_refresh_token(refresh_token));
    let client = Client::builder(
        AuthorizationData::new(grant, bingads_emulator::DEVELOPER_TOKEN),
        Environment::Production,
    )
    // Same paths as production, another scheme, host and port.
    .endpoint_base(emulator.base_url())
    .wire(wire)
    .build()?;
    writeln!(out, "== emulator ({}) ==", emulator.base_url());
    let called = get_user(&client, out).await?;
    emulator.shutdown().await;
    Ok(called)
}

async fn get_user(client: &Client, out: &mut Out) -> Result<Called, ExampleError> {
    let endpoint = client.endpoint(&customer_management::SERVICE)?;
    let reply = client
        .customer_management()?
        .get_user(&GetUserRequest {
            user_id: Nillable::Nil,
        })
        .await?;
    let user = reply.value.user.value().ok_or("GetUser returned no user")?;
    let user_id = user.id.value().copied().unwrap_or_default();
    writeln!(out, "GetUser via {endpoint}");
    writeln!(
        out,
        "  user {user_id} ({}), TrackingId {}",
        text(&user.user_name),
        reply.tracking_id.as_deref().unwrap_or("-")
    );
    Ok(Called {
        environment: client.environment().to_string(),
        endpoint,
        user_id,
        tracking_id: reply.tracking_id.clone(),
    })
}
