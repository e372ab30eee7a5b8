//! Where settings come from: the process environment (captured once, so that library callers
//! and tests can pass their own) and the credentials file with its profiles.
//!
//! The file is `credentials.json` in the `bingads` folder of the user's configuration
//! directory (`$XDG_CONFIG_HOME/bingads`, else `~/.config/bingads` on Linux and the BSDs;
//! `~/Library/Application Support/bingads` on macOS; `%APPDATA%\bingads` on Windows). It is
//! written whole to a new file created with owner-only permissions (0600, folder 0700) and
//! renamed over the old one, so it is never readable by others, not even for a moment, and
//! never half written. Every read-modify-write holds an advisory lock on `credentials.json.lock`
//! beside it ([`CredentialsLock`]), so parallel `bingads` processes renewing the same
//! single-use refresh token take turns instead of racing.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use bingads::SecretString;
use serde::{Deserialize, Serialize};

use crate::error::CliError;

/// The environment variables and directories a command reads.
#[derive(Debug, Clone, Default)]
pub struct Env {
    vars: HashMap<String, String>,
    /// The user's configuration directory (the credentials live in `bingads/` inside).
    pub config_dir: Option<PathBuf>,
}

impl Env {
    /// The current process's environment and configuration directory.
    pub fn from_process() -> Self {
        Env {
            vars: std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
                .filter(|(k, _)| k.starts_with("BINGADS_") || k == "RUST_LOG")
                .collect(),
            config_dir: dirs::config_dir(),
        }
    }

    /// No variables; credentials under `config_dir`.
    pub fn empty(config_dir: Option<PathBuf>) -> Self {
        Env {
            vars: HashMap::new(),
            config_dir,
        }
    }

    pub fn with_var(mut self, name: &str, value: &str) -> Self {
        self.vars.insert(name.to_string(), value.to_string());
        self
    }

    /// A variable's value; an empty one counts as unset.
    pub fn var(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The credentials file.
    pub fn credentials_path(&self) -> Result<PathBuf, CliError> {
        match &self.config_dir {
            Some(d) => Ok(d.join("bingads").join("credentials.json")),
            None => Err(CliError::usage(
                "cannot tell where to keep credentials: the user's configuration directory is unknown",
            )
            .hint("set HOME (or XDG_CONFIG_HOME), or pass credentials in BINGADS_* variables")),
        }
    }
}

/// One stored sign-in. Ids are kept as strings (they do not fit a JSON double). Every
/// credential is a [`SecretString`]: `Debug` shows `<redacted>`, and memory is wiped on drop.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// `production` or `sandbox`.
    pub environment: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", with = "secret_field")]
    pub client_secret: Option<SecretString>,
    /// The Entra tenant used to sign in (`common` when absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", with = "secret_field")]
    pub developer_token: Option<SecretString>,
    #[serde(skip_serializing_if = "Option::is_none", with = "secret_field")]
    pub refresh_token: Option<SecretString>,
    #[serde(skip_serializing_if = "Option::is_none", with = "secret_field")]
    pub access_token: Option<SecretString>,
    /// When the access token expires, in seconds since 1970-01-01 UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_token_expires_at: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// The service host the sign-in was made for (`--endpoint` at login), if not Microsoft's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// The OAuth host the tokens come from (`--oauth-endpoint` at login), if not Microsoft's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth_endpoint: Option<String>,
    /// The wire calls use (`rest` or `soap`; `--transport` at login), when not the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transport: Option<String>,
}

/// The credentials file: profiles by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Credentials {
    pub profiles: BTreeMap<String, Profile>,
}

impl Credentials {
    /// Reads the file; a missing file is an empty set of profiles.
    pub fn load(path: &Path) -> Result<Credentials, CliError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Credentials::default());
            }
            Err(e) => {
                return Err(CliError::failure(format!(
                    "cannot read {}: {e}",
                    path.display()
                )));
            }
        };
        serde_json::from_str(&text).map_err(|e| {
            CliError::failure(format!(
                "{} is not a valid credentials file: {e}",
                path.display()
            ))
            .hint("fix it, or delete it and run `bingads auth login` again")
        })
    }

    /// Writes the file atomically with owner-only permissions.
    pub fn save(&self, path: &Path) -> Result<(), CliError> {
        let text = serde_json::to_string_pretty(self)
            .map_err(|e| CliError::failure(format!("cannot encode the credentials: {e}")))?;
        write_private(path, text.as_bytes())
            .map_err(|e| CliError::failure(format!("cannot write {}: {e}", path.display())))
    }

    /// Loads the file, lets `change` edit it and saves it, all under the file's lock.
    pub fn update(
        path: &Path,
        change: impl FnOnce(&mut Credentials) -> Result<(), CliError>,
    ) -> Result<(), CliError> {
        CredentialsLock::acquire(path)?.update(change)
    }
}

/// The advisory lock every read-modify-write of the credentials file holds (an exclusive lock
/// on `credentials.json.lock`; the file itself is replaced by a rename on every save, so it
/// cannot carry the lock). Released on drop. Only `bingads` processes honour it; readers that
/// do not write need not take it, since saves are atomic.
#[derive(Debug)]
pub struct CredentialsLock {
    path: PathBuf,
    _file: File,
}

impl CredentialsLock {
    /// Waits until no other process holds the lock of `path`'s credentials file.
    pub fn acquire(path: &Path) -> Result<CredentialsLock, CliError> {
        let lock_path = lock_path(path);
        let locked = (|| {
            if let Some(dir) = lock_path.parent() {
                private_dir(dir)?;
            }
            let mut options = std::fs::OpenOptions::new();
            options.read(true).write(true).create(true).truncate(false);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let file = options.open(&lock_path)?;
            file.lock()?;
            Ok::<_, std::io::Error>(file)
        })();
        match locked {
            Ok(file) => Ok(CredentialsLock {
                path: path.to_path_buf(),
                _file: file,
            }),
            Err(e) => Err(
                CliError::failure(format!("cannot lock {}: {e}", lock_path.display()))
                    .hint("check the permissions of the folder, or remove a stale lock file"),
            ),
        }
    }

    /// The file as it is now (another process may have changed it before the lock was ours).
    pub fn load(&self) -> Result<Credentials, CliError> {
        Credentials::load(&self.path)
    }

    /// Loads the file, lets `change` edit it, saves it; the lock stays held.
    pub fn update(
        &self,
        change: impl FnOnce(&mut Credentials) -> Result<(), CliError>,
    ) -> Result<(), CliError> {
        let mut creds = self.load()?;
        change(&mut creds)?;
        creds.save(&self.path)
    }
}

fn lock_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "credentials.json".into());
    name.push(".lock");
    path.with_file_name(name)
}

/// `Option<SecretString>` as an optional JSON string: the file is the one place a secret is
/// written out in full.
mod secret_field {
    use bingads::SecretString;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        value: &Option<SecretString>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(secret) => serializer.serialize_str(secret.expose()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<SecretString>, D::Error> {
        Ok(Option::<String>::deserialize(deserializer)?.map(SecretString::new))
    }
}

/// Creates `dir` (and its parents) with mode 0700 where it does not exist, and makes `dir`
/// itself owner-only if it is not.
fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(0o700);
        builder.create(dir)?;
        let mode = std::fs::metadata(dir)?.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        builder.create(dir)
    }
}

/// Writes `bytes` to a fresh file created with mode 0600 beside `path`, then renames it over
/// `path`.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    private_dir(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "credentials.json".into());
    let mut attempt = 0u32;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        match options.open(&tmp) {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    };
    let written = file
        .write_all(bytes)
        .and_then(|()| file.write_all(b"\n"))
        .and_then(|()| file.sync_all());
    drop(file);
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_empty_values_are_unset() {
        let env = Env::empty(None)
            .with_var("BINGADS_X", "  ")
            .with_var("BINGADS_Y", "y");
        assert_eq!(env.var("BINGADS_X"), None);
        assert_eq!(env.var("BINGADS_Y"), Some("y"));
        assert!(env.credentials_path().is_err());
    }

    #[test]
    fn saves_privately_and_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let env = Env::empty(Some(dir.path().join("cfg")));
        let path = env.credentials_path().unwrap();
        let mut creds = Credentials::default();
        creds.profiles.insert(
            "production".into(),
            Profile {
                environment: "production".into(),
                refresh_token: Some("r".into()),
                access_token: Some("a".into()),
                ..Default::default()
            },
        );
        creds.save(&path).unwrap();
        creds.save(&path).unwrap();
        assert_eq!(Credentials::load(&path).unwrap(), creds);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(path.parent().unwrap()), 0o700);
        }
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(r#""refresh_token": "r""#), "{text}");
        assert!(!format!("{creds:?}").contains(r#""r""#), "Debug redacts");
        Credentials::update(&path, |c| {
            c.profiles.clear();
            Ok(())
        })
        .unwrap();
        let mut left: Vec<String> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            ["credentials.json", "credentials.json.lock"],
            "no temporary files left behind"
        );
    }
}
