//! The bingads-rs code generator: WSDL 1.1 + inline XSD → a Rust-free model → Rust source.
//!
//! The pipeline is `wsdl` (parse one document into [`model::Service`]) → [`load_version`]
//! (read both environments of one API version and check they describe one contract) →
//! `emit` (Rust source for the `bingads-gen` crate). `diff` compares two models for API change
//! reports. Only `xtask` and tests use this crate; it never reaches an SDK user.
#![forbid(unsafe_code)]

pub mod diff;
pub mod emit;
pub mod example;
pub mod model;
pub mod names;
pub mod reference;
pub mod rest;
pub mod sample;
pub mod wsdl;

use std::path::{Path, PathBuf};

use model::{ApiVersion, Service};

/// Environments in the order we read them; the first is the reference model.
pub const ENVIRONMENTS: [&str; 2] = ["production", "sandbox"];

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Wsdl(#[from] wsdl::WsdlError),
    #[error("{0}")]
    Invalid(String),
}

/// A place where two environments' WSDLs describe different contracts.
#[derive(Debug, Clone, PartialEq)]
pub struct EnvironmentDifference {
    pub service: String,
    pub environment: String,
    /// Readable description of each difference (from [`diff`]).
    pub changes: Vec<String>,
}

/// Result of loading one API version folder.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub version: ApiVersion,
    /// The WSDL files read, relative to the version folder, sorted (for generated headers).
    pub files: Vec<String>,
    /// Contract differences between environments (empty when they agree, as they should).
    pub differences: Vec<EnvironmentDifference>,
    /// Facts about the REST/JSON form (`rest-json.json` in the version folder; empty if none).
    pub rest: rest::RestFacts,
    /// Microsoft Learn reference pages (`reference-pages.txt`, `reference-exceptions.txt`).
    pub reference: reference::ReferencePages,
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn wsdl_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = entry.path();
        if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("xml" | "wsdl")
        ) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Loads every service of one API version folder (e.g. `wsdl/v13`), which holds one
/// subfolder per environment with the same file names in each. A folder with WSDL files
/// directly inside (no environment subfolders) is read as a single `production` set.
///
/// Environments other than the first only contribute their endpoint addresses; any other
/// difference is returned in [`Loaded::differences`] so the caller can report it. The
/// emitted code is built from the first environment and decodes leniently (unknown elements
/// are skipped), so it stays correct for both when a field exists in only one.
pub fn load_version(dir: &Path) -> Result<Loaded, Error> {
    let name = dir
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| Error::Invalid(format!("{}: not a version folder", dir.display())))?
        .to_string();
    let mut envs: Vec<(&str, PathBuf)> = ENVIRONMENTS
        .iter()
        .map(|e| (*e, dir.join(e)))
        .filter(|(_, p)| p.is_dir())
        .collect();
    if envs.is_empty() {
        envs.push(("production", dir.to_path_buf()));
    }
    let mut services: Vec<Service> = Vec::new();
    let mut files = Vec::new();
    let mut differences = Vec::new();
    let (first_env, first_dir) = &envs[0];
    for path in wsdl_files(first_dir)? {
        let file_name = path
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or_default()
            .to_string();
        let mut service =
            wsdl::parse_service(&read(&path)?, &path.display().to_string(), first_env)?;
        files.push(relative(dir, &path));
        for (env, env_dir) in &envs[1..] {
            let other_path = env_dir.join(&file_name);
            if !other_path.exists() {
                differences.push(EnvironmentDifference {
                    service: service.name.clone(),
                    environment: env.to_string(),
                    changes: vec![format!("{file_name} is missing")],
                });
                continue;
            }
            files.push(relative(dir, &other_path));
            let other =
                wsdl::parse_service(&read(&other_path)?, &other_path.display().to_string(), env)?;
            let mut reference = service.clone();
            reference.endpoints = other.endpoints.clone();
            let changes = diff::diff_services(&reference, &other).describe();
            if !changes.is_empty() {
                differences.push(EnvironmentDifference {
                    service: service.name.clone(),
                    environment: env.to_string(),
                    changes,
                });
            }
            service.endpoints.extend(other.endpoints);
        }
        services.push(service);
    }
    files.sort();
    services.sort_by(|a, b| a.name.cmp(&b.name));
    if services.is_empty() {
        return Err(Error::Invalid(format!("{}: no WSDL files", dir.display())));
    }
    let api_revision = std::fs::read_to_string(dir.join("api-revision.txt"))
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let rest = rest::RestFacts::load(&dir.join("rest-json.json"))?;
    let reference = reference::ReferencePages::load(dir, &name)?;
    Ok(Loaded {
        rest,
        reference,
        version: ApiVersion {
            name,
            api_revision,
            services,
        },
        files,
        differences,
    })
}

fn relative(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}
