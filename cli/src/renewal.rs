//! OAuth tokens of a stored profile, renewed in turn with other `bingads` processes.
//!
//! Microsoft's refresh tokens are single-use: once one process redeems the stored refresh
//! token, every other process still holding it gets `invalid_grant`. So a renewal takes the
//! credentials file's lock, re-reads the profile (another process may have renewed while this
//! one waited, and then its access token is simply used), redeems the newest refresh token,
//! and stores the answer before releasing the lock. Before reporting `invalid_grant` it reads
//! the file once more, in case a writer that does not take the lock rotated the token.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use bingads::SecretString;
use bingads::auth::{
    AuthError, Authentication, BoxFuture, DEFAULT_REFRESH_MARGIN, OAuthDesktopMobileAuthCodeGrant,
    OAuthTokens, OAuthWebAuthCodeGrant,
};

use crate::config::{CredentialsLock, Profile};
use crate::settings::{from_unix_seconds, store_tokens_locked};

/// The grant that redeems the refresh token: web (with a client secret) or desktop.
pub enum ProfileGrant {
    Web(OAuthWebAuthCodeGrant),
    Desktop(OAuthDesktopMobileAuthCodeGrant),
}

impl ProfileGrant {
    fn tokens(&self) -> Option<OAuthTokens> {
        match self {
            ProfileGrant::Web(g) => g.tokens(),
            ProfileGrant::Desktop(g) => g.tokens(),
        }
    }

    fn set_tokens(&self, tokens: OAuthTokens) {
        match self {
            ProfileGrant::Web(g) => g.set_tokens(tokens),
            ProfileGrant::Desktop(g) => g.set_tokens(tokens),
        }
    }

    async fn redeem(&self, refresh_token: &SecretString) -> Result<OAuthTokens, AuthError> {
        match self {
            ProfileGrant::Web(g) => {
                g.request_oauth_tokens_by_refresh_token(refresh_token.clone())
                    .await
            }
            ProfileGrant::Desktop(g) => {
                g.request_oauth_tokens_by_refresh_token(refresh_token.clone())
                    .await
            }
        }
    }
}

/// [`Authentication`] for the tokens of a stored profile.
pub struct ProfileAuthentication {
    grant: ProfileGrant,
    path: PathBuf,
    profile: String,
    margin: Duration,
    /// One renewal at a time inside this process too (the file lock is per process).
    renewing: tokio::sync::Mutex<()>,
}

impl ProfileAuthentication {
    /// `grant` holds the tokens read with the settings; `path` and `profile` say where they
    /// are stored.
    pub fn new(grant: ProfileGrant, path: PathBuf, profile: String) -> Arc<Self> {
        Arc::new(ProfileAuthentication {
            grant,
            path,
            profile,
            margin: DEFAULT_REFRESH_MARGIN,
            renewing: tokio::sync::Mutex::new(()),
        })
    }

    /// A usable access token: the current one, or a renewed one when it expires within the
    /// margin or the service rejected `rejected`.
    async fn access_token(
        &self,
        rejected: Option<&SecretString>,
    ) -> Result<SecretString, AuthError> {
        let usable = |t: &OAuthTokens| {
            !t.expires_within(self.margin) && rejected.is_none_or(|r| *r != t.access_token)
        };
        if let Some(current) = self.grant.tokens().filter(usable) {
            return Ok(current.access_token);
        }
        let _in_process = self.renewing.lock().await;
        if let Some(current) = self.grant.tokens().filter(usable) {
            return Ok(current.access_token);
        }
        let lock = self.lock().await;
        let stored = self.stored_tokens(lock.as_ref());
        if let Some(newer) = stored.clone().filter(usable) {
            tracing::debug!(
                profile = %self.profile,
                "using the access token another bingads process stored"
            );
            self.grant.set_tokens(newer.clone());
            return Ok(newer.access_token);
        }
        let Some(refresh_token) = stored
            .and_then(|t| t.refresh_token)
            .or_else(|| self.grant.tokens().and_then(|t| t.refresh_token))
        else {
            return Err(AuthError::NoRefreshToken);
        };
        let renewed = match self.grant.redeem(&refresh_token).await {
            Err(AuthError::OAuth { error, description }) if error == "invalid_grant" => {
                // Read once more: a writer that does not take the lock (an older bingads) may
                // have redeemed it and stored the next one.
                match self
                    .stored_tokens(lock.as_ref())
                    .filter(|t| t.refresh_token.as_ref() != Some(&refresh_token))
                {
                    Some(newer) if usable(&newer) => {
                        self.grant.set_tokens(newer.clone());
                        return Ok(newer.access_token);
                    }
                    Some(OAuthTokens {
                        refresh_token: Some(next),
                        ..
                    }) => self.grant.redeem(&next).await?,
                    _ => return Err(AuthError::OAuth { error, description }),
                }
            }
            other => other?,
        };
        if let Err(e) = store_tokens_locked(lock.as_ref(), &self.path, &self.profile, &renewed) {
            eprintln!(
                "warning: could not save the renewed refresh token: {}; the next command may need \
                 `bingads auth login` again",
                e.message
            );
        }
        Ok(renewed.access_token)
    }

    /// The credentials file's lock, or `None` (with a warning) when it cannot be taken: the
    /// renewal then goes ahead unlocked, as a single process would.
    async fn lock(&self) -> Option<CredentialsLock> {
        let path = self.path.clone();
        let locked = tokio::task::spawn_blocking(move || CredentialsLock::acquire(&path)).await;
        match locked {
            Ok(Ok(lock)) => Some(lock),
            Ok(Err(e)) => {
                tracing::warn!(error = %e.message, "renewing the OAuth tokens without the file lock");
                None
            }
            Err(e) => {
                tracing::warn!(error = %e, "renewing the OAuth tokens without the file lock");
                None
            }
        }
    }

    /// The profile's tokens as the file has them now.
    fn stored_tokens(&self, lock: Option<&CredentialsLock>) -> Option<OAuthTokens> {
        let credentials = match lock {
            Some(l) => l.load(),
            None => crate::config::Credentials::load(&self.path),
        }
        .ok()?;
        credentials.profiles.get(&self.profile).map(profile_tokens)
    }
}

/// The tokens a profile stores (an access token without expiry counts as expired: it was
/// written by hand, or by something that did not know).
fn profile_tokens(p: &Profile) -> OAuthTokens {
    OAuthTokens {
        access_token: p.access_token.clone().unwrap_or_default(),
        refresh_token: p.refresh_token.clone(),
        expires_at: Some(from_unix_seconds(p.access_token_expires_at.unwrap_or(0))),
        scope: None,
        token_type: None,
    }
}

impl Authentication for ProfileAuthentication {
    fn header_values(&self) -> BoxFuture<'_, Result<Vec<(&'static str, SecretString)>, AuthError>> {
        Box::pin(async move {
            Ok(vec![(
                "AuthenticationToken",
                self.access_token(None).await?,
            )])
        })
    }

    fn token_expired<'a>(
        &'a self,
        rejected_access_token: &'a SecretString,
    ) -> BoxFuture<'a, Result<bool, AuthError>> {
        Box::pin(async move {
            self.access_token(Some(rejected_access_token)).await?;
            Ok(true)
        })
    }
}

#[cfg(test)]
mod tests {
    use bingads::Environment;
    use bingads::auth::OAuthEndpoints;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;
    use crate::config::Credentials;

    fn write_profile(path: &std::path::Path, refresh_token: &str) {
        let mut credentials = Credentials::load(path).unwrap();
        credentials.profiles.insert(
            "p".into(),
            Profile {
                environment: "production".into(),
                client_id: Some("cid".into()),
                refresh_token: Some(refresh_token.into()),
                access_token: Some("expired".into()),
                access_token_expires_at: Some(1),
                ..Default::default()
            },
        );
        credentials.save(path).unwrap();
    }

    /// The refresh token in a request body (the test's token endpoint reads nothing else).
    async fn refresh_token_sent(stream: &mut tokio::net::TcpStream) -> String {
        let mut request = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            let n = stream.read(&mut buf).await.unwrap();
            request.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&request);
            if let Some((head, body)) = text.split_once("\r\n\r\n") {
                let length: usize = head
                    .lines()
                    .find_map(|l| {
                        l.to_ascii_lowercase()
                            .strip_prefix("content-length:")
                            .map(|v| v.trim().parse().unwrap())
                    })
                    .unwrap_or(0);
                if body.len() >= length || n == 0 {
                    return url::form_urlencoded::parse(body.as_bytes())
                        .find(|(k, _)| k == "refresh_token")
                        .map(|(_, v)| v.into_owned())
                        .unwrap_or_default();
                }
            }
        }
    }

    #[tokio::test]
    async fn a_token_rotated_behind_the_lock_is_read_again_before_invalid_grant() {
        // Another writer that does not take the lock (an older bingads) redeems R1 and stores
        // R2 while this process waits on its own R1 request: without the second read the
        // process reported invalid_grant although the file holds a working refresh token.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("credentials.json");
        write_profile(&path, "R1");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let file = path.clone();
        tokio::spawn(async move {
            loop {
                let (mut stream, _) = listener.accept().await.unwrap();
                let (status, body) = match refresh_token_sent(&mut stream).await.as_str() {
                    "R1" => {
                        write_profile(&file, "R2");
                        ("400 Bad Request", r#"{"error":"invalid_grant"}"#)
                    }
                    "R2" => (
                        "200 OK",
                        r#"{"access_token":"A3","refresh_token":"R3","expires_in":3600,"token_type":"Bearer"}"#,
                    ),
                    _ => ("400 Bad Request", r#"{"error":"invalid_request"}"#),
                };
                let reply = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                stream.write_all(reply.as_bytes()).await.unwrap();
            }
        });
        let base = format!("http://127.0.0.1:{port}");
        let endpoints = OAuthEndpoints::custom(
            &format!("{base}/authorize"),
            &format!("{base}/token"),
            "scope",
        )
        .unwrap();
        let grant = OAuthDesktopMobileAuthCodeGrant::new("cid", Environment::Production)
            .with_endpoints(endpoints)
            .unwrap()
            .with_tokens(OAuthTokens::from_refresh_token("R1"));
        let auth =
            ProfileAuthentication::new(ProfileGrant::Desktop(grant), path.clone(), "p".into());
        let headers = auth.header_values().await.unwrap();
        assert_eq!(headers[0].1.expose(), "A3");
        let stored = Credentials::load(&path).unwrap().profiles["p"].clone();
        assert_eq!(stored.refresh_token.unwrap().expose(), "R3");
        assert_eq!(stored.access_token.unwrap().expose(), "A3");
    }
}
