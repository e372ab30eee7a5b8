//! `bingads::auth` against a tiny local token server (hand-written HTTP/1.1 on 127.0.0.1), so
//! these tests depend on nothing but the SDK.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use bingads::auth::{
    AuthError, Authentication, GoogleOAuthDesktopMobileAuthCodeGrant, GoogleOAuthWebAuthCodeGrant,
    OAuthDesktopMobileAuthCodeGrant, OAuthDesktopMobileImplicitGrant, OAuthEndpoints, OAuthTokens,
    OAuthWebAuthCodeGrant, PasswordAuthentication,
};
use bingads::{Environment, SecretString};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use url::Url;

// ---------------------------------------------------------------------------------------------
// The token server
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct Recorded {
    path: String,
    headers: HashMap<String, String>,
    form: HashMap<String, String>,
}

impl Recorded {
    fn field(&self, name: &str) -> Option<&str> {
        self.form.get(name).map(String::as_str)
    }
}

type Handler = Arc<dyn Fn(&Recorded) -> (u16, String) + Send + Sync>;

struct TokenServer {
    base: String,
    requests: Arc<Mutex<Vec<Recorded>>>,
    hits: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for TokenServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

const MAX_HEAD: usize = 16 * 1024;
const MAX_BODY: usize = 64 * 1024;

impl TokenServer {
    async fn start(handler: impl Fn(&Recorded) -> (u16, String) + Send + Sync + 'static) -> Self {
        Self::start_with_delay(Duration::ZERO, handler).await
    }

    async fn start_with_delay(
        delay: Duration,
        handler: impl Fn(&Recorded) -> (u16, String) + Send + Sync + 'static,
    ) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let hits = Arc::new(AtomicUsize::new(0));
        let handler: Handler = Arc::new(handler);
        let (reqs, count) = (requests.clone(), hits.clone());
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let (reqs, count, handler) = (reqs.clone(), count.clone(), handler.clone());
                tokio::spawn(async move {
                    let _ = tokio::time::timeout(
                        Duration::from_secs(10),
                        serve(stream, delay, reqs, count, handler),
                    )
                    .await;
                });
            }
        });
        TokenServer {
            base,
            requests,
            hits,
            task,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn endpoints(&self, scope: &str) -> OAuthEndpoints {
        OAuthEndpoints::custom(&self.url("/authorize"), &self.url("/token"), scope).unwrap()
    }

    fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }

    fn last(&self) -> Recorded {
        self.requests
            .lock()
            .unwrap()
            .last()
            .cloned()
            .expect("the server got a request")
    }
}

/// One request per connection: bounded head and body, then `Connection: close`.
async fn serve(
    mut stream: TcpStream,
    delay: Duration,
    requests: Arc<Mutex<Vec<Recorded>>>,
    hits: Arc<AtomicUsize>,
    handler: Handler,
) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        if buf.len() > MAX_HEAD {
            return;
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let path = request_line
        .split(' ')
        .nth(1)
        .unwrap_or_default()
        .to_string();
    let headers: HashMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let length: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if length > MAX_BODY {
        return;
    }
    let mut body = buf[head_end..].to_vec();
    while body.len() < length {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => body.extend_from_slice(&chunk[..n]),
        }
    }
    body.truncate(length);
    let form = url::form_urlencoded::parse(&body).into_owned().collect();
    let recorded = Recorded {
        path,
        headers,
        form,
    };
    hits.fetch_add(1, Ordering::SeqCst);
    requests.lock().unwrap().push(recorded.clone());
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let (status, json) = handler(&recorded);
    let reply = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{json}",
        json.len()
    );
    let _ = stream.write_all(reply.as_bytes()).await;
    let _ = stream.shutdown().await;
}

fn token_json(access: &str, refresh: Option<&str>, expires_in: u64) -> String {
    match refresh {
        Some(r) => format!(
            r#"{{"token_type":"Bearer","scope":"https://ads.microsoft.com/msads.manage","expires_in":{expires_in},"ext_expires_in":{expires_in},"access_token":"{access}","refresh_token":"{r}"}}"#
        ),
        None => format!(
            r#"{{"token_type":"Bearer","expires_in":{expires_in},"access_token":"{access}"}}"#
        ),
    }
}

fn query(url: &Url) -> HashMap<String, String> {
    url.query_pairs().into_owned().collect()
}

const SCOPE: &str = "https://ads.microsoft.com/msads.manage offline_access";

// ---------------------------------------------------------------------------------------------
// Authorization URLs
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn desktop_url_has_pkce_s256_matching_the_verifier_sent_later() {
    let server = TokenServer::start(|_| (200, token_json("AT-1", Some("RT-1"), 3600))).await;
    let grant = OAuthDesktopMobileAuthCodeGrant::new("my-client", Environment::Production)
        .with_endpoints(server.endpoints(SCOPE))
        .unwrap();
    let url = grant.authorization_endpoint().unwrap();
    assert!(url.as_str().starts_with(&server.url("/authorize?")));
    let q = query(&url);
    assert_eq!(q["client_id"], "my-client");
    assert_eq!(q["scope"], SCOPE);
    assert_eq!(q["response_type"], "code");
    assert_eq!(
        q["redirect_uri"],
        "https://login.microsoftonline.com/common/oauth2/nativeclient"
    );
    assert_eq!(q["code_challenge_method"], "S256");
    let state = q["state"].clone();
    assert!(state.len() >= 32, "state is random and long: {state}");
    assert_eq!(grant.state().as_deref(), Some(state.as_str()));
    // Same URL on a second call (state and verifier are remembered).
    assert_eq!(grant.authorization_endpoint().unwrap(), url);
    // Another grant gets another state.
    let other = OAuthDesktopMobileAuthCodeGrant::new("my-client", Environment::Production);
    assert_ne!(
        query(&other.authorization_endpoint().unwrap())["state"],
        state
    );

    let response = format!(
        "https://login.microsoftonline.com/common/oauth2/nativeclient?code=THE-CODE&state={state}"
    );
    let tokens = grant
        .request_oauth_tokens_by_response_uri(&response)
        .await
        .unwrap();
    assert_eq!(tokens.access_token.expose(), "AT-1");
    assert_eq!(tokens.refresh_token.as_ref().unwrap().expose(), "RT-1");
    assert_eq!(tokens.token_type.as_deref(), Some("bearer"));
    assert!(tokens.expires_in().unwrap() > Duration::from_secs(3500));

    let sent = server.last();
    assert_eq!(sent.path, "/token");
    assert_eq!(sent.field("grant_type"), Some("authorization_code"));
    assert_eq!(sent.field("code"), Some("THE-CODE"));
    assert_eq!(sent.field("client_id"), Some("my-client"));
    assert_eq!(
        sent.field("redirect_uri"),
        Some("https://login.microsoftonline.com/common/oauth2/nativeclient")
    );
    assert_eq!(
        sent.field("client_secret"),
        None,
        "a public client has no secret"
    );
    assert!(!sent.headers.contains_key("authorization"));
    let verifier = sent.field("code_verifier").expect("PKCE verifier sent");
    assert!((43..=128).contains(&verifier.len()));
    assert_eq!(
        URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())),
        q["code_challenge"]
    );
    assert_eq!(grant.tokens().unwrap(), tokens);
}

#[tokio::test]
async fn web_code_exchange_sends_client_secret_and_no_verifier() {
    let server = TokenServer::start(|_| (200, token_json("AT-W", Some("RT-W"), 3600))).await;
    let refreshed = Arc::new(Mutex::new(Vec::new()));
    let seen = refreshed.clone();
    let grant = OAuthWebAuthCodeGrant::new(
        "web-client",
        SecretString::new("web-secret~value"),
        "https://app.example.com/oauth/callback",
        Environment::Production,
    )
    .with_endpoints(server.endpoints(SCOPE))
    .unwrap()
    .on_tokens_refreshed(move |t| seen.lock().unwrap().push(t.refresh_token.clone()));
    let url = grant.authorization_endpoint().unwrap();
    let q = query(&url);
    assert_eq!(q["redirect_uri"], "https://app.example.com/oauth/callback");
    assert_eq!(q["response_type"], "code");
    assert!(!q.contains_key("code_challenge"));

    let response = format!(
        "https://app.example.com/oauth/callback?code=C0DE&state={}",
        q["state"]
    );
    grant
        .request_oauth_tokens_by_response_uri(&response)
        .await
        .unwrap();
    let sent = server.last();
    assert_eq!(sent.field("client_secret"), Some("web-secret~value"));
    assert_eq!(sent.field("client_id"), Some("web-client"));
    assert_eq!(sent.field("code"), Some("C0DE"));
    assert_eq!(
        sent.field("redirect_uri"),
        Some("https://app.example.com/oauth/callback")
    );
    assert_eq!(sent.field("code_verifier"), None);
    // Persistence hook also runs for the code exchange.
    let seen = refreshed.lock().unwrap().clone();
    assert_eq!(seen, vec![Some(SecretString::new("RT-W"))]);
}

#[tokio::test]
async fn web_app_restores_state_across_grant_objects() {
    let server = TokenServer::start(|_| (200, token_json("AT", Some("RT"), 3600))).await;
    let make = || {
        OAuthWebAuthCodeGrant::new(
            "c",
            SecretString::new("s"),
            "https://app/cb",
            Environment::Production,
        )
        .with_endpoints(server.endpoints(SCOPE))
        .unwrap()
    };
    let first = make();
    let _ = first.authorization_endpoint().unwrap();
    let stored = first.state().unwrap();
    let response = format!("https://app/cb?code=X&state={stored}");
    // A fresh object that was not told the state refuses the response...
    assert_eq!(
        make()
            .request_oauth_tokens_by_response_uri(&response)
            .await
            .unwrap_err(),
        AuthError::StateMismatch
    );
    assert_eq!(server.hits(), 0);
    // ...and accepts it once the stored state is restored.
    let second = make().with_state(stored);
    second
        .request_oauth_tokens_by_response_uri(&response)
        .await
        .unwrap();
    assert_eq!(server.hits(), 1);
}

#[test]
fn builtin_authorization_urls() {
    let prod = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production);
    let url = prod.authorization_endpoint().unwrap();
    assert_eq!(url.host_str(), Some("login.microsoftonline.com"));
    assert_eq!(url.path(), "/common/oauth2/v2.0/authorize");
    assert_eq!(query(&url)["scope"], SCOPE);
    assert_eq!(
        prod.endpoints().token_url.as_str(),
        "https://login.microsoftonline.com/common/oauth2/v2.0/token"
    );

    let tenant = OAuthWebAuthCodeGrant::new("cid", "s", "https://a/cb", Environment::Production)
        .with_tenant("contoso.onmicrosoft.com");
    assert_eq!(
        tenant.authorization_endpoint().unwrap().path(),
        "/contoso.onmicrosoft.com/oauth2/v2.0/authorize"
    );
    assert_eq!(
        tenant.endpoints().token_url.as_str(),
        "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"
    );

    let sandbox = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Sandbox);
    let url = sandbox.authorization_endpoint().unwrap();
    assert_eq!(url.host_str(), Some("login.microsoftonline.com"));
    assert_eq!(
        query(&url)["scope"],
        "https://si.ads.microsoft.com/msads.manage offline_access"
    );
    assert_eq!(
        sandbox.redirect_uri(),
        "https://login.microsoftonline.com/common/oauth2/nativeclient"
    );

    let ppe = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Sandbox)
        .with_endpoints(OAuthEndpoints::microsoft_sandbox_ppe())
        .unwrap();
    let url = ppe.authorization_endpoint().unwrap();
    assert_eq!(url.host_str(), Some("login.windows-ppe.net"));
    assert_eq!(url.path(), "/consumers/oauth2/v2.0/authorize");
    let q = query(&url);
    assert_eq!(
        q["scope"],
        "https://api.ads.microsoft.com/msads.manage offline_access"
    );
    assert_eq!(q["prompt"], "login");
    assert_eq!(
        q["redirect_uri"],
        "https://login.windows-ppe.net/common/oauth2/nativeclient"
    );
    assert_eq!(
        ppe.endpoints().token_url.as_str(),
        "https://login.windows-ppe.net/consumers/oauth2/v2.0/token"
    );

    let implicit = OAuthDesktopMobileImplicitGrant::new("cid", Environment::Production);
    let q = query(&implicit.authorization_endpoint().unwrap());
    assert_eq!(q["response_type"], "token");
    assert!(!q.contains_key("code_challenge"));

    let google = GoogleOAuthDesktopMobileAuthCodeGrant::new("g-client");
    let url = google.authorization_endpoint().unwrap();
    assert_eq!(url.host_str(), Some("accounts.google.com"));
    assert_eq!(url.path(), "/o/oauth2/v2/auth");
    let q = query(&url);
    assert_eq!(q["scope"], "openid email profile");
    assert_eq!(q["access_type"], "offline");
    assert_eq!(q["prompt"], "consent");
    assert_eq!(q["redirect_uri"], "http://localhost");
    assert_eq!(q["code_challenge_method"], "S256");
    assert_eq!(
        google.endpoints().token_url.as_str(),
        "https://oauth2.googleapis.com/token"
    );

    let google_web = GoogleOAuthWebAuthCodeGrant::new("g", "s", "https://app/cb");
    let q = query(&google_web.authorization_endpoint().unwrap());
    assert_eq!(q["redirect_uri"], "https://app/cb");
    assert_eq!(q["access_type"], "offline");

    let loopback = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
        .with_redirect_uri("http://localhost:8400/")
        .unwrap()
        .with_state("fixed-state");
    let q = query(&loopback.authorization_endpoint().unwrap());
    assert_eq!(q["redirect_uri"], "http://localhost:8400/");
    assert_eq!(q["state"], "fixed-state");
}

#[tokio::test]
async fn microsoft_at_puts_the_tenant_in_the_path() {
    let server = TokenServer::start(|_| (200, token_json("AT", Some("RT"), 3600))).await;
    let endpoints =
        OAuthEndpoints::microsoft_at(&server.base, "my-tenant", Environment::Production).unwrap();
    assert_eq!(
        endpoints.authorize_url.path(),
        "/my-tenant/oauth2/v2.0/authorize"
    );
    let grant = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
        .with_endpoints(endpoints)
        .unwrap();
    grant
        .request_oauth_tokens_by_refresh_token("RT-0")
        .await
        .unwrap();
    assert_eq!(server.last().path, "/my-tenant/oauth2/v2.0/token");
}

// ---------------------------------------------------------------------------------------------
// Response URIs
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn state_mismatch_is_refused_before_any_request() {
    let server = TokenServer::start(|_| (200, token_json("AT", Some("RT"), 3600))).await;
    let grant = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
        .with_endpoints(server.endpoints(SCOPE))
        .unwrap();
    // No authorization URL issued yet: nothing to compare with.
    let err = grant
        .request_oauth_tokens_by_response_uri("https://x/cb?code=C&state=s")
        .await
        .unwrap_err();
    assert_eq!(err, AuthError::StateMismatch);
    let state = query(&grant.authorization_endpoint().unwrap())["state"].clone();
    for uri in [
        "https://x/cb?code=C&state=forged".to_string(),
        "https://x/cb?code=C".to_string(),
        format!("https://x/cb?code=C&state={state}x"),
        format!("https://x/cb?code=C&state={state}&state=other"),
    ] {
        let err = grant
            .request_oauth_tokens_by_response_uri(&uri)
            .await
            .unwrap_err();
        assert!(
            matches!(
                err,
                AuthError::StateMismatch | AuthError::InvalidResponseUri { .. }
            ),
            "{uri}: {err:?}"
        );
    }
    assert_eq!(server.hits(), 0);
    let err = grant
        .request_oauth_tokens_by_response_uri(&format!("https://x/cb?state={state}"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, AuthError::InvalidResponseUri { .. }),
        "{err:?}"
    );
    let err = grant
        .request_oauth_tokens_by_response_uri("not a uri")
        .await
        .unwrap_err();
    assert!(
        matches!(err, AuthError::InvalidResponseUri { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("complete URI"));
}

#[tokio::test]
async fn access_denied_and_other_oauth_errors() {
    let grant = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production);
    let state = grant
        .state()
        .unwrap_or_else(|| query(&grant.authorization_endpoint().unwrap())["state"].clone());
    let err = grant
        .request_oauth_tokens_by_response_uri(&format!(
            "https://login.microsoftonline.com/common/oauth2/nativeclient?error=access_denied&\
             error_description=The+user+has+denied+access&state={state}"
        ))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        AuthError::AccessDenied {
            description: "The user has denied access".into()
        }
    );
    assert!(err.to_string().contains("sign in again"));

    // The state is used up by the answer above; the next sign-in has a new one.
    let state = query(&grant.authorization_endpoint().unwrap())["state"].clone();
    let err = grant
        .request_oauth_tokens_by_response_uri(&format!(
            "https://x/cb?error=invalid_request&error_description=AADSTS50011%3A+bad+redirect&state={state}"
        ))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        AuthError::OAuth {
            error: "invalid_request".into(),
            description: "AADSTS50011: bad redirect".into()
        }
    );
    assert!(err.to_string().contains("redirect URI"));

    let implicit = OAuthDesktopMobileImplicitGrant::new("cid", Environment::Production);
    let state = query(&implicit.authorization_endpoint().unwrap())["state"].clone();
    let err = implicit
        .request_oauth_tokens_by_response_uri(&format!(
            "https://x/cb#error=access_denied&error_description=no&state={state}"
        ))
        .unwrap_err();
    assert_eq!(
        err,
        AuthError::AccessDenied {
            description: "no".into()
        }
    );
}

#[tokio::test]
async fn token_endpoint_errors_are_mapped() {
    let server = TokenServer::start(|r| match r.field("refresh_token") {
        Some("revoked") => (
            400,
            r#"{"error":"invalid_grant","error_description":"AADSTS70008: The refresh token has expired.","error_codes":[70008]}"#
                .into(),
        ),
        Some("denied") => (400, r#"{"error":"access_denied","error_description":"nope"}"#.into()),
        Some("html") => (502, "<html>bad gateway SECRET-IN-BODY</html>".into()),
        _ => (200, r#"{"access_token":"SECRET-AT","token_type":"Bearer","expires_in":"SECRET-EXP"}"#.into()),
    })
    .await;
    let grant = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
        .with_endpoints(server.endpoints(SCOPE))
        .unwrap();
    let err = grant
        .request_oauth_tokens_by_refresh_token("revoked")
        .await
        .unwrap_err();
    assert_eq!(
        err,
        AuthError::OAuth {
            error: "invalid_grant".into(),
            description: "AADSTS70008: The refresh token has expired.".into()
        }
    );
    assert!(err.to_string().contains("sign the user in again"), "{err}");
    let err = grant
        .request_oauth_tokens_by_refresh_token("denied")
        .await
        .unwrap_err();
    assert_eq!(
        err,
        AuthError::AccessDenied {
            description: "nope".into()
        }
    );
    for rt in ["html", "wrong-shape"] {
        let err = grant
            .request_oauth_tokens_by_refresh_token(rt)
            .await
            .unwrap_err();
        assert!(matches!(err, AuthError::InvalidTokenResponse(_)), "{err:?}");
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains("SECRET"), "{shown}");
    }
    assert!(
        grant.tokens().is_none(),
        "failed requests leave the tokens alone"
    );

    // Nobody listening: an Http error naming the endpoint, not the body.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap()
    };
    let grant = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
        .with_endpoints(
            OAuthEndpoints::custom(
                &format!("http://{closed}/a"),
                &format!("http://{closed}/t"),
                SCOPE,
            )
            .unwrap(),
        )
        .unwrap();
    let err = grant
        .request_oauth_tokens_by_refresh_token("SECRET-RT")
        .await
        .unwrap_err();
    assert!(matches!(err, AuthError::Http(_)), "{err:?}");
    let shown = format!("{err} {err:?}");
    assert!(
        shown.contains(&closed.to_string()) && !shown.contains("SECRET"),
        "{shown}"
    );
}

#[test]
fn implicit_grant_reads_the_fragment() {
    let grant = OAuthDesktopMobileImplicitGrant::new("cid", Environment::Production);
    let state = query(&grant.authorization_endpoint().unwrap())["state"].clone();
    let uri = format!(
        "https://login.microsoftonline.com/common/oauth2/nativeclient#access_token=EwB%2Bx&\
         token_type=bearer&expires_in=3600&scope=https%3A%2F%2Fads.microsoft.com%2Fmsads.manage&state={state}"
    );
    let tokens = grant.request_oauth_tokens_by_response_uri(&uri).unwrap();
    assert_eq!(tokens.access_token.expose(), "EwB+x");
    assert_eq!(tokens.refresh_token, None);
    assert_eq!(
        tokens.scope.as_deref(),
        Some("https://ads.microsoft.com/msads.manage")
    );
    assert!(tokens.expires_in().unwrap() > Duration::from_secs(3500));
    assert_eq!(grant.tokens().unwrap(), tokens);

    let err = grant
        .request_oauth_tokens_by_response_uri("https://x/cb#access_token=A&state=forged")
        .unwrap_err();
    assert_eq!(err, AuthError::StateMismatch);
    let state = query(&grant.authorization_endpoint().unwrap())["state"].clone();
    let err = grant
        .request_oauth_tokens_by_response_uri(&format!("https://x/cb#state={state}"))
        .unwrap_err();
    assert!(
        matches!(err, AuthError::InvalidResponseUri { .. }),
        "{err:?}"
    );
    let state = query(&grant.authorization_endpoint().unwrap())["state"].clone();
    let err = grant
        .request_oauth_tokens_by_response_uri(&format!(
            "https://x/cb#access_token=A&expires_in=soon&state={state}"
        ))
        .unwrap_err();
    assert!(
        matches!(err, AuthError::InvalidResponseUri { .. }),
        "{err:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Refresh
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn refresh_calls_the_callback_with_the_new_refresh_token() {
    let n = Arc::new(AtomicUsize::new(0));
    let counter = n.clone();
    let server = TokenServer::start(move |_| {
        let i = counter.fetch_add(1, Ordering::SeqCst) + 1;
        // The second answer omits the refresh token (as Google does).
        let refresh = format!("RT-{i}");
        (
            200,
            token_json(
                &format!("AT-{i}"),
                (i == 1).then_some(refresh.as_str()),
                3600,
            ),
        )
    })
    .await;
    let persisted = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = persisted.clone();
    let grant = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
        .with_endpoints(server.endpoints(SCOPE))
        .unwrap()
        .on_tokens_refreshed(move |t| {
            sink.lock()
                .unwrap()
                .push(t.refresh_token.as_ref().unwrap().expose().to_string())
        });
    let tokens = grant
        .request_oauth_tokens_by_refresh_token("RT-0")
        .await
        .unwrap();
    assert_eq!(tokens.access_token.expose(), "AT-1");
    let sent = server.last();
    assert_eq!(sent.field("grant_type"), Some("refresh_token"));
    assert_eq!(sent.field("refresh_token"), Some("RT-0"));
    assert_eq!(sent.field("scope"), Some(SCOPE));
    assert_eq!(sent.field("client_id"), Some("cid"));
    assert_eq!(*persisted.lock().unwrap(), vec!["RT-1".to_string()]);

    // Rejected by the service: refresh with the current refresh token.
    assert!(
        grant
            .token_expired(&SecretString::new("AT-1"))
            .await
            .unwrap()
    );
    assert_eq!(server.last().field("refresh_token"), Some("RT-1"));
    let tokens = grant.tokens().unwrap();
    assert_eq!(tokens.access_token.expose(), "AT-2");
    assert_eq!(
        tokens.refresh_token.unwrap().expose(),
        "RT-1",
        "kept when the answer has none"
    );
    assert_eq!(
        *persisted.lock().unwrap(),
        vec!["RT-1".to_string(), "RT-1".to_string()]
    );
}

#[tokio::test]
async fn header_values_refresh_first_within_the_margin() {
    let server = TokenServer::start(|_| (200, token_json("AT-NEW", Some("RT-NEW"), 3600))).await;
    let soon = OAuthTokens::new(
        "AT-OLD",
        Some("RT-OLD".into()),
        Some(Duration::from_secs(60)),
    );
    let grant = OAuthWebAuthCodeGrant::new("cid", "sec", "https://a/cb", Environment::Production)
        .with_endpoints(server.endpoints(SCOPE))
        .unwrap()
        .with_tokens(soon);
    let headers = grant.header_values().await.unwrap();
    assert_eq!(headers.len(), 1);
    assert_eq!(headers[0].0, "AuthenticationToken");
    assert_eq!(headers[0].1.expose(), "AT-NEW");
    assert_eq!(server.hits(), 1);
    assert_eq!(server.last().field("client_secret"), Some("sec"));
    // Fresh now: no further request.
    assert_eq!(grant.header_values().await.unwrap()[0].1.expose(), "AT-NEW");
    assert_eq!(server.hits(), 1);

    // A smaller margin leaves a token with 60 s left alone.
    let grant = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
        .with_endpoints(server.endpoints(SCOPE))
        .unwrap()
        .with_refresh_margin(Duration::from_secs(10))
        .with_tokens(OAuthTokens::new(
            "AT-OLD",
            Some("RT".into()),
            Some(Duration::from_secs(60)),
        ));
    assert_eq!(grant.header_values().await.unwrap()[0].1.expose(), "AT-OLD");
    assert_eq!(server.hits(), 1);

    // Only a stored refresh token: refreshed at first use.
    let grant = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
        .with_endpoints(server.endpoints(SCOPE))
        .unwrap()
        .with_tokens(OAuthTokens::from_refresh_token("RT-STORED"));
    assert_eq!(grant.header_values().await.unwrap()[0].1.expose(), "AT-NEW");
    assert_eq!(server.last().field("refresh_token"), Some("RT-STORED"));
}

#[tokio::test]
async fn header_values_fall_back_on_network_errors_inside_the_margin() {
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap()
    };
    let endpoints = OAuthEndpoints::custom(
        &format!("http://{closed}/a"),
        &format!("http://{closed}/t"),
        SCOPE,
    )
    .unwrap();
    let grant = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
        .with_endpoints(endpoints.clone())
        .unwrap()
        .with_tokens(OAuthTokens::new(
            "AT-STILL-VALID",
            Some("RT".into()),
            Some(Duration::from_secs(60)),
        ));
    assert_eq!(
        grant.header_values().await.unwrap()[0].1.expose(),
        "AT-STILL-VALID"
    );
    // Expired: the network error is reported.
    grant.set_tokens(OAuthTokens {
        expires_at: Some(SystemTime::now() - Duration::from_secs(1)),
        ..OAuthTokens::new("AT-EXPIRED", Some("RT".into()), None)
    });
    assert!(matches!(
        grant.header_values().await.unwrap_err(),
        AuthError::Http(_)
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn token_expired_from_50_tasks_refreshes_once() {
    let server = TokenServer::start_with_delay(Duration::from_millis(100), |_| {
        (200, token_json("AT-2", Some("RT-2"), 3600))
    })
    .await;
    let callbacks = Arc::new(AtomicUsize::new(0));
    let count = callbacks.clone();
    let grant = Arc::new(
        OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
            .with_endpoints(server.endpoints(SCOPE))
            .unwrap()
            .with_tokens(OAuthTokens::new(
                "AT-1",
                Some("RT-1".into()),
                Some(Duration::from_secs(3600)),
            ))
            .on_tokens_refreshed(move |_| {
                count.fetch_add(1, Ordering::SeqCst);
            }),
    );
    let auth: Arc<dyn Authentication> = grant.clone();
    let barrier = Arc::new(tokio::sync::Barrier::new(50));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let (auth, barrier) = (auth.clone(), barrier.clone());
        tasks.spawn(async move {
            let rejected = auth.header_values().await.unwrap().remove(0).1;
            barrier.wait().await;
            let retry = auth.token_expired(&rejected).await.unwrap();
            (retry, auth.header_values().await.unwrap().remove(0).1)
        });
    }
    while let Some(done) = tasks.join_next().await {
        let (retry, token) = done.unwrap();
        assert!(retry);
        assert_eq!(token.expose(), "AT-2");
    }
    assert_eq!(server.hits(), 1, "exactly one refresh at the server");
    assert_eq!(callbacks.load(Ordering::SeqCst), 1);
    // A stale rejection (already replaced) does not refresh again.
    assert!(
        grant
            .token_expired(&SecretString::new("AT-1"))
            .await
            .unwrap()
    );
    assert_eq!(server.hits(), 1);
}

#[tokio::test]
async fn missing_tokens_and_missing_refresh_tokens() {
    let grant = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production);
    assert_eq!(
        grant.header_values().await.unwrap_err(),
        AuthError::NoTokens
    );
    assert_eq!(
        grant.token_expired(&"x".into()).await.unwrap_err(),
        AuthError::NoTokens
    );

    let implicit = OAuthDesktopMobileImplicitGrant::new("cid", Environment::Production)
        .with_tokens(OAuthTokens::new("AT", None, Some(Duration::from_secs(60))));
    // Inside the margin but not expired, and nothing to refresh with: still used.
    assert_eq!(implicit.header_values().await.unwrap()[0].1.expose(), "AT");
    assert_eq!(
        implicit.token_expired(&"AT".into()).await.unwrap_err(),
        AuthError::NoRefreshToken
    );
    implicit.set_tokens(OAuthTokens::new("AT", None, Some(Duration::ZERO)));
    let err = implicit.header_values().await.unwrap_err();
    assert_eq!(err, AuthError::NoRefreshToken);
    assert!(err.to_string().contains("sign the user in again"));
}

#[tokio::test]
async fn password_authentication_headers() {
    let auth = PasswordAuthentication::new("api-user", SecretString::new("p@ss"));
    let headers = auth.header_values().await.unwrap();
    let shown: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.expose())).collect();
    assert_eq!(shown, vec![("UserName", "api-user"), ("Password", "p@ss")]);
    assert!(!auth.token_expired(&"x".into()).await.unwrap());
}

// ---------------------------------------------------------------------------------------------
// Endpoint security
// ---------------------------------------------------------------------------------------------

#[test]
fn plain_http_endpoints_are_refused_except_loopback() {
    for bad in [
        "http://login.example.com",
        "http://10.1.2.3",
        "http://localhost.evil.com",
        "ftp://127.0.0.1",
    ] {
        let err =
            OAuthEndpoints::custom(&format!("{bad}/a"), &format!("{bad}/t"), SCOPE).unwrap_err();
        assert!(
            matches!(err, AuthError::InsecureEndpoint { .. }),
            "{bad}: {err:?}"
        );
        assert!(err.to_string().contains("https"));
        let err = OAuthEndpoints::microsoft_at(bad, "common", Environment::Production).unwrap_err();
        assert!(
            matches!(err, AuthError::InsecureEndpoint { .. }),
            "{bad}: {err:?}"
        );
    }
    for good in [
        "http://127.0.0.1:1",
        "http://127.9.9.9",
        "http://[::1]:8080",
        "http://localhost:3000",
        "https://proxy.example.com",
    ] {
        OAuthEndpoints::custom(&format!("{good}/a"), &format!("{good}/t"), SCOPE).unwrap();
    }
    // Fields are public: with_endpoints validates again.
    let mut endpoints = OAuthEndpoints::microsoft(Environment::Production, "common");
    endpoints.token_url = Url::parse("http://tokens.example.com/token").unwrap();
    let err = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
        .with_endpoints(endpoints)
        .unwrap_err();
    assert_eq!(
        err,
        AuthError::InsecureEndpoint {
            url: "http://tokens.example.com/token".into()
        }
    );
    let err = OAuthEndpoints::custom("https://user:pw@h/a", "not a url", SCOPE).unwrap_err();
    assert!(matches!(err, AuthError::InvalidEndpoint { .. }), "{err:?}");
}

// ---------------------------------------------------------------------------------------------
// Nothing prints a secret
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn no_secret_in_debug_or_display() {
    const ACCESS: &str = "EwBwA8l6BAAURSN-access-token-value";
    const REFRESH: &str = "M.R3_BAY.-refresh-token-value";
    const CLIENT_SECRET: &str = "Xyz8Q~client.secret.value";
    const PASSWORD: &str = "hunter2-password-value";
    const CODE: &str = "M.C5_BAY.authorization-code-value";
    let secrets = [ACCESS, REFRESH, CLIENT_SECRET, PASSWORD, CODE];

    let server = TokenServer::start(|r| match r.field("grant_type") {
        Some("authorization_code") => (
            400,
            r#"{"error":"invalid_grant","error_description":"AADSTS54005: code was already redeemed."}"#.into(),
        ),
        _ => (200, token_json(ACCESS, Some(REFRESH), 3600)),
    })
    .await;
    let tokens = OAuthTokens::new(
        ACCESS,
        Some(REFRESH.into()),
        Some(Duration::from_secs(3600)),
    );
    let mut shown: Vec<String> = Vec::new();
    let mut show_debug =
        |label: &str, v: &dyn std::fmt::Debug| shown.push(format!("{label}: {v:?} {v:#?}"));

    let web = OAuthWebAuthCodeGrant::new(
        "cid",
        CLIENT_SECRET,
        "https://a/cb",
        Environment::Production,
    )
    .with_endpoints(server.endpoints(SCOPE))
    .unwrap()
    .with_tokens(tokens.clone());
    let _ = web.authorization_endpoint().unwrap();
    let desktop = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Sandbox)
        .with_endpoints(server.endpoints(SCOPE))
        .unwrap();
    let state = query(&desktop.authorization_endpoint().unwrap())["state"].clone();
    // A real exchange (fails server-side) and a real refresh.
    let exchange_err = desktop
        .request_oauth_tokens_by_response_uri(&format!("https://x/cb?code={CODE}&state={state}"))
        .await
        .unwrap_err();
    desktop
        .request_oauth_tokens_by_refresh_token(REFRESH)
        .await
        .unwrap();
    let implicit = OAuthDesktopMobileImplicitGrant::new("cid", Environment::Production)
        .with_tokens(tokens.clone());
    let google = GoogleOAuthDesktopMobileAuthCodeGrant::new("g")
        .with_client_secret(CLIENT_SECRET)
        .with_tokens(tokens.clone());
    let google_web = GoogleOAuthWebAuthCodeGrant::new("g", CLIENT_SECRET, "https://a/cb")
        .with_tokens(tokens.clone());
    let password = PasswordAuthentication::new("user", PASSWORD);

    show_debug("tokens", &tokens);
    show_debug("web", &web);
    show_debug("desktop", &desktop);
    show_debug("desktop tokens", &desktop.tokens());
    show_debug("implicit", &implicit);
    show_debug("google", &google);
    show_debug("google web", &google_web);
    show_debug("password", &password);
    show_debug("endpoints", &web.endpoints());
    show_debug("headers", &web.header_values().await.unwrap());
    show_debug("password headers", &password.header_values().await.unwrap());

    let errors = vec![
        exchange_err,
        AuthError::StateMismatch,
        AuthError::AccessDenied {
            description: "denied".into(),
        },
        AuthError::OAuth {
            error: "invalid_grant".into(),
            description: "expired".into(),
        },
        AuthError::InsecureEndpoint {
            url: "http://h/t".into(),
        },
        AuthError::InvalidEndpoint {
            url: "x".into(),
            reason: "y".into(),
        },
        AuthError::NoTokens,
        AuthError::NoRefreshToken,
        AuthError::InvalidResponseUri { reason: "r".into() },
        AuthError::InvalidTokenResponse("t".into()),
        AuthError::Http("h".into()),
        // Errors produced from inputs that hold secrets:
        desktop
            .request_oauth_tokens_by_response_uri(&format!("https://x/cb?code={CODE}&state=forged"))
            .await
            .unwrap_err(),
        desktop
            .request_oauth_tokens_by_response_uri(&format!(
                "https://x/cb?code={CODE}&code={ACCESS}&state={state}"
            ))
            .await
            .unwrap_err(),
        implicit
            .request_oauth_tokens_by_response_uri(&format!(
                "https://x/cb#access_token={ACCESS}&expires_in={REFRESH}"
            ))
            .unwrap_err(),
        OAuthEndpoints::custom(
            &format!("https://u:{PASSWORD}@h/a"),
            &format!("http://u:{PASSWORD}@h/t?s={CLIENT_SECRET}"),
            SCOPE,
        )
        .unwrap_err(),
        OAuthEndpoints::custom(
            &format!("https://h/a?{CLIENT_SECRET}"),
            &format!("::{PASSWORD}"),
            SCOPE,
        )
        .unwrap_err(),
    ];
    for e in &errors {
        shown.push(format!("{e} | {e:?}"));
    }
    shown.push(format!(
        "{} {:?}",
        SecretString::new(ACCESS),
        SecretString::new(ACCESS)
    ));

    for text in &shown {
        for secret in secrets {
            assert!(!text.contains(secret), "secret {secret:?} in {text}");
        }
    }
    // The messages are about something: spot-check that they were produced.
    assert!(shown.iter().any(|s| s.contains("<redacted>")));
    assert!(shown.iter().any(|s| s.contains("AADSTS54005")));
}

// ---------------------------------------------------------------------------------------------
// Hostile values: no panic, no replay, no forged abort
// ---------------------------------------------------------------------------------------------

/// `u64::MAX` seconds: `SystemTime::now() + expires_in` panicked before.
const FOREVER: u64 = u64::MAX;

#[tokio::test]
async fn an_expires_in_of_u64_max_from_the_token_endpoint_does_not_panic() {
    let server = TokenServer::start(|_| (200, token_json("AT", Some("RT-2"), FOREVER))).await;
    let grant = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
        .with_endpoints(server.endpoints(SCOPE))
        .unwrap();
    let tokens = grant
        .request_oauth_tokens_by_refresh_token("RT-1")
        .await
        .unwrap();
    assert!(!tokens.is_expired());
    assert!(tokens.expires_in().unwrap() > Duration::from_secs(365 * 24 * 3600));
    let headers = grant.header_values().await.unwrap();
    assert_eq!(headers[0].1.expose(), "AT");
    assert_eq!(
        server.hits(),
        1,
        "a long-lived token is not refreshed again"
    );
}

#[test]
fn an_expires_in_of_u64_max_in_an_implicit_fragment_does_not_panic() {
    let grant = OAuthDesktopMobileImplicitGrant::new("cid", Environment::Production);
    let state = query(&grant.authorization_endpoint().unwrap())["state"].clone();
    let tokens = grant
        .request_oauth_tokens_by_response_uri(&format!(
            "https://x/cb#access_token=A&expires_in={FOREVER}&state={state}"
        ))
        .unwrap();
    assert!(!tokens.is_expired());
    // One past u64::MAX is not a number of seconds.
    let state = query(&grant.authorization_endpoint().unwrap())["state"].clone();
    let err = grant
        .request_oauth_tokens_by_response_uri(&format!(
            "https://x/cb#access_token=A&expires_in=18446744073709551616&state={state}"
        ))
        .unwrap_err();
    assert!(
        matches!(err, AuthError::InvalidResponseUri { .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_refresh_margin_of_duration_max_refreshes_instead_of_panicking() {
    let server = TokenServer::start(|_| (200, token_json("AT-NEW", Some("RT-NEW"), 3600))).await;
    let grant = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
        .with_endpoints(server.endpoints(SCOPE))
        .unwrap()
        .with_refresh_margin(Duration::MAX)
        .with_tokens(OAuthTokens::new(
            "AT-OLD",
            Some("RT-OLD".into()),
            Some(Duration::from_secs(FOREVER)),
        ));
    let headers = grant.header_values().await.unwrap();
    assert_eq!(headers[0].1.expose(), "AT-NEW");
}

#[tokio::test]
async fn a_response_uri_is_accepted_once() {
    let server = TokenServer::start(|_| (200, token_json("AT", Some("RT"), 3600))).await;
    let grant = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
        .with_endpoints(server.endpoints(SCOPE))
        .unwrap();
    let first = query(&grant.authorization_endpoint().unwrap());
    let response = format!("https://x/cb?code=C&state={}", first["state"]);
    grant
        .request_oauth_tokens_by_response_uri(&response)
        .await
        .unwrap();
    assert_eq!(grant.state(), None, "the state is used up");
    let replayed = grant
        .request_oauth_tokens_by_response_uri(&response)
        .await
        .unwrap_err();
    assert_eq!(replayed, AuthError::StateMismatch);
    assert_eq!(server.hits(), 1, "a replay sends nothing");
    // The next sign-in has its own state and PKCE verifier.
    let second = query(&grant.authorization_endpoint().unwrap());
    assert_ne!(second["state"], first["state"]);
    assert_ne!(second["code_challenge"], first["code_challenge"]);
}

#[tokio::test]
async fn a_forged_error_redirect_neither_passes_nor_aborts_the_sign_in() {
    let server = TokenServer::start(|_| (200, token_json("AT", Some("RT"), 3600))).await;
    let grant = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
        .with_endpoints(server.endpoints(SCOPE))
        .unwrap();
    let state = query(&grant.authorization_endpoint().unwrap())["state"].clone();
    for forged in [
        "https://x/cb?error=access_denied&error_description=forged".to_string(),
        "https://x/cb?error=access_denied&state=guess".to_string(),
        format!("https://x/cb?error=server_error&state={state}0"),
    ] {
        let err = grant
            .request_oauth_tokens_by_response_uri(&forged)
            .await
            .unwrap_err();
        assert_eq!(err, AuthError::StateMismatch, "{forged}");
    }
    // The real answer still gets through.
    let tokens = grant
        .request_oauth_tokens_by_response_uri(&format!("https://x/cb?code=C&state={state}"))
        .await
        .unwrap();
    assert_eq!(tokens.access_token.expose(), "AT");
}

#[tokio::test]
async fn redirect_uris_must_be_https_or_loopback_http() {
    for refused in [
        "http://example.com/cb",
        "http://192.168.1.2:8400/",
        "file:///tmp/x",
    ] {
        let err = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
            .with_redirect_uri(refused)
            .unwrap_err();
        assert!(
            matches!(err, AuthError::InsecureRedirectUri { .. }),
            "{refused}: {err:?}"
        );
        assert!(err.to_string().contains("loopback"), "{err}");
    }
    for accepted in [
        "https://app.example.com/cb",
        "http://127.0.0.1:8400/",
        "http://localhost",
    ] {
        OAuthDesktopMobileImplicitGrant::new("cid", Environment::Production)
            .with_redirect_uri(accepted)
            .unwrap();
    }
    // A web grant takes its redirect URI unchecked; the code exchange refuses to use it.
    let server = TokenServer::start(|_| (200, token_json("AT", Some("RT"), 3600))).await;
    let web = OAuthWebAuthCodeGrant::new(
        "cid",
        "secret",
        "http://app.example.com/cb",
        Environment::Production,
    )
    .with_endpoints(server.endpoints(SCOPE))
    .unwrap();
    let state = query(&web.authorization_endpoint().unwrap())["state"].clone();
    let err = web
        .request_oauth_tokens_by_response_uri(&format!("https://x/cb?code=C&state={state}"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, AuthError::InsecureRedirectUri { .. }),
        "{err:?}"
    );
    assert_eq!(server.hits(), 0);
}
