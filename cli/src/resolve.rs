//! The one precedence order of every setting: the command-line option, then the `BINGADS_*`
//! variable, then the stored profile. [`Settings::resolve`](crate::Settings::resolve) (every
//! call) and `auth login` both go through here, so they cannot disagree.

use std::path::PathBuf;

use bingads::{Environment, SecretString};

use crate::config::{Credentials, Env, Profile};
use crate::error::CliError;
use crate::settings::Globals;

/// Where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Option,
    Env,
    Profile,
}

/// Which stored profile and environment a command is about.
#[derive(Debug, Clone)]
pub struct Selection {
    /// `--profile` or `BINGADS_PROFILE`, when given.
    pub explicit_profile: Option<String>,
    /// The explicit profile, else the environment's name (`production`, `sandbox`).
    pub profile_name: String,
    /// The profile of that name, if stored.
    pub profile: Option<Profile>,
    /// Profile names in the credentials file (for hints).
    pub stored_profiles: Vec<String>,
    pub credentials_path: Option<PathBuf>,
    /// `--environment` or `BINGADS_ENVIRONMENT`, else the stored profile's, else production.
    pub environment: Environment,
    /// Whether the environment was given (option or variable) rather than taken from the
    /// profile.
    pub explicit_environment: bool,
}

impl Selection {
    /// Reads the credentials file (when there is a configuration directory). A profile named
    /// but not stored is not an error here: `auth login` creates it.
    pub fn resolve(globals: &Globals, env: &Env) -> Result<Selection, CliError> {
        let explicit_env = match (globals.environment, env.var("BINGADS_ENVIRONMENT")) {
            (Some(e), _) => Some(e),
            (None, Some(v)) => Some(parse_environment(v, "BINGADS_ENVIRONMENT")?),
            (None, None) => None,
        };
        let explicit_profile = globals
            .profile
            .clone()
            .or_else(|| env.var("BINGADS_PROFILE").map(str::to_string));
        let profile_name = explicit_profile.clone().unwrap_or_else(|| {
            explicit_env
                .unwrap_or(Environment::Production)
                .as_str()
                .to_string()
        });
        let credentials_path = env.credentials_path().ok();
        let credentials = match &credentials_path {
            Some(p) => Credentials::load(p)?,
            None => Credentials::default(),
        };
        let stored_profiles: Vec<String> = credentials.profiles.keys().cloned().collect();
        let profile = credentials.profiles.get(&profile_name).cloned();
        let environment = match (explicit_env, &profile) {
            (Some(e), _) => e,
            (None, Some(p)) if !p.environment.is_empty() => {
                parse_environment(&p.environment, &format!("profile `{profile_name}`"))?
            }
            _ => Environment::Production,
        };
        Ok(Selection {
            explicit_profile,
            profile_name,
            profile,
            stored_profiles,
            credentials_path,
            environment,
            explicit_environment: explicit_env.is_some(),
        })
    }
}

/// Option, then variable, then profile, for one value at a time.
pub struct Sources<'a> {
    env: &'a Env,
    profile: Option<&'a Profile>,
    profile_name: &'a str,
}

impl<'a> Sources<'a> {
    /// Lookups in `env` and `profile` (none: options and variables only).
    pub fn new(env: &'a Env, profile: Option<&'a Profile>, profile_name: &'a str) -> Self {
        Sources {
            env,
            profile,
            profile_name,
        }
    }

    pub fn string(
        &self,
        option: Option<&str>,
        var: &str,
        stored: impl Fn(&Profile) -> Option<&String>,
    ) -> Option<String> {
        option
            .or_else(|| self.env.var(var))
            .map(str::to_string)
            .or_else(|| self.profile.and_then(stored).cloned())
    }

    pub fn secret(
        &self,
        option: Option<&SecretString>,
        var: &str,
        stored: impl Fn(&Profile) -> Option<&SecretString>,
    ) -> Option<(SecretString, Source)> {
        if let Some(value) = option {
            return Some((value.clone(), Source::Option));
        }
        if let Some(value) = self.env.var(var) {
            return Some((SecretString::new(value), Source::Env));
        }
        self.profile
            .and_then(stored)
            .map(|value| (value.clone(), Source::Profile))
    }

    /// An account or customer id; a stored one that is not a number is an error naming it.
    pub fn id(
        &self,
        option: Option<i64>,
        var: &str,
        stored: impl Fn(&Profile) -> Option<&String>,
    ) -> Result<Option<i64>, CliError> {
        if option.is_some() {
            return Ok(option);
        }
        if let Some(v) = self.env.var(var) {
            return parse_id(v, var).map(Some);
        }
        match self.profile.and_then(stored) {
            Some(v) => parse_id(
                v,
                &format!("the `{var}` of profile `{}`", self.profile_name),
            )
            .map(Some),
            None => Ok(None),
        }
    }
}

fn parse_environment(value: &str, from: &str) -> Result<Environment, CliError> {
    value
        .parse()
        .map_err(|e: bingads::environment::UnknownEnvironment| {
            CliError::usage(format!("{from}: {e}"))
        })
}

fn parse_id(value: &str, from: &str) -> Result<i64, CliError> {
    value.trim().parse().map_err(|_| {
        CliError::usage(format!("{from} must be a number, not `{value}`"))
            .hint("ids are the numbers the web UI shows in the address bar (aid=..., cid=...)")
    })
}
