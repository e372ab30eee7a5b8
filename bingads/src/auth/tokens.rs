//! [`OAuthTokens`]: an access token, its lifetime and the refresh token that renews it.

use std::time::{Duration, SystemTime};

use crate::SecretString;

/// Tokens received from the authorization server.
///
/// `Debug` never shows the tokens ([`SecretString`] redacts them). Persist
/// [`refresh_token`](Self::refresh_token) after every sign-in and refresh (see
/// `on_tokens_refreshed`): Microsoft rotates refresh tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OAuthTokens {
    /// Sent as the `AuthenticationToken` SOAP header. May be empty when only a refresh token is
    /// known ([`OAuthTokens::from_refresh_token`]); it is then renewed before first use.
    pub access_token: SecretString,
    /// Renews the access token. `None` for the implicit grant, or when `offline_access` was not
    /// granted.
    pub refresh_token: Option<SecretString>,
    /// When the access token expires; `None` when the server did not say (it is then used until
    /// the service rejects it).
    pub expires_at: Option<SystemTime>,
    /// The scopes granted, space separated, when the server listed them.
    pub scope: Option<String>,
    /// The token type, normally `bearer`.
    pub token_type: Option<String>,
}

impl OAuthTokens {
    /// Tokens that expire `expires_in` from now.
    pub fn new(
        access_token: impl Into<SecretString>,
        refresh_token: Option<SecretString>,
        expires_in: Option<Duration>,
    ) -> Self {
        OAuthTokens {
            access_token: access_token.into(),
            refresh_token,
            expires_at: expires_in.and_then(expiry_after),
            scope: None,
            token_type: None,
        }
    }

    /// Only a (stored) refresh token: the access token is obtained at first use.
    pub fn from_refresh_token(refresh_token: impl Into<SecretString>) -> Self {
        OAuthTokens {
            access_token: SecretString::default(),
            refresh_token: Some(refresh_token.into()),
            expires_at: Some(SystemTime::UNIX_EPOCH),
            scope: None,
            token_type: None,
        }
    }

    /// Whether the access token is missing, or expires within `margin` from now.
    pub fn expires_within(&self, margin: Duration) -> bool {
        if self.access_token.is_empty() {
            return true;
        }
        match self.expires_at {
            None => false,
            // Compares what is left with the margin: `now + margin` would overflow (and panic)
            // for a huge margin. An expiry in the past is an error here, so expired.
            Some(at) => match at.duration_since(SystemTime::now()) {
                Ok(left) => left <= margin,
                Err(_) => true,
            },
        }
    }

    /// Whether the access token is missing or already expired.
    pub fn is_expired(&self) -> bool {
        self.expires_within(Duration::ZERO)
    }

    /// Seconds left before the access token expires (0 when expired), if known.
    pub fn expires_in(&self) -> Option<Duration> {
        self.expires_at.map(|at| {
            at.duration_since(SystemTime::now())
                .unwrap_or(Duration::ZERO)
        })
    }
}

/// No access token lives longer than this; a longer `expires_in` is taken as this long.
const LONGEST_TOKEN_LIFETIME: Duration = Duration::from_secs(10 * 365 * 24 * 3600);

/// When a token that lives `lifetime` from now expires. The lifetime comes from the network
/// (`expires_in`), so it may be absurd (`u64::MAX` seconds): it is capped, and the addition
/// is checked, because `SystemTime + Duration` panics on overflow.
pub(crate) fn expiry_after(lifetime: Duration) -> Option<SystemTime> {
    SystemTime::now().checked_add(lifetime.min(LONGEST_TOKEN_LIFETIME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry() {
        let t = OAuthTokens::new("a", None, Some(Duration::from_secs(60)));
        assert!(!t.is_expired());
        assert!(t.expires_within(Duration::from_secs(300)));
        assert!(!t.expires_within(Duration::from_secs(10)));
        let t = OAuthTokens::new("a", None, None);
        assert!(!t.expires_within(Duration::from_secs(3600)));
        let t = OAuthTokens::from_refresh_token("r");
        assert!(t.is_expired());
        assert_eq!(t.expires_in(), Some(Duration::ZERO));
    }

    #[test]
    fn extreme_lifetimes_and_margins_do_not_panic() {
        // Panicked before (overflow when adding a duration to an instant).
        let t = OAuthTokens::new("a", None, Some(Duration::from_secs(u64::MAX)));
        assert!(!t.is_expired());
        let t = OAuthTokens::new("a", None, Some(Duration::MAX));
        assert!(!t.expires_within(Duration::from_secs(300)));
        assert!(
            t.expires_within(Duration::MAX),
            "a margin longer than any lifetime"
        );
        let t = OAuthTokens::new("a", None, Some(Duration::from_secs(60)));
        assert!(t.expires_within(Duration::MAX));
        assert!(OAuthTokens::from_refresh_token("r").expires_within(Duration::MAX));
    }
}
