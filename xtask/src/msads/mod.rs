//! `cargo xtask msads-compare`: checks the recorded REST facts against a release of
//! Microsoft's official REST client (the `msads` pip package): each operation's HTTP method
//! and path, the headers the client sends, the API revision, and the `Type` value of every
//! polymorphic family member. Run it when a new `msads` release appears; each difference is
//! either a fact to update in `wsdl/<version>/rest-json.json` (with its provenance in
//! `REST-JSON.md`, then `cargo xtask codegen`) or a client change to look at.
//!
//! The package is read as text (see `extract`); nothing from it runs. A version is fetched
//! with `pip download` (the interpreter from `$PYTHON`, else `python3`) into a temporary
//! folder; a `.tar.gz` is unpacked with the system `tar`.

mod compare;
mod extract;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use crate::CmdResult;

pub use compare::compare;
pub use extract::read_package;

const USAGE: &str = "\
usage: cargo xtask msads-compare (SDIST | DIR | --version VERSION) [--rest-json FILE]
                                 [--json FILE] [--markdown FILE] [--fail-on-difference]

Compares an msads release (the official REST client) with wsdl/v13/rest-json.json and
wsdl/v13/api-revision.txt: every operation's method and path, the HTTP headers the client
sends, its Api-Revision, and the Type value of every polymorphic family member.

  SDIST                  an msads-X.Y.Z.tar.gz source distribution
  DIR                    an unpacked one (the folder holding openapi_client/)
  --version VERSION      fetch msads==VERSION with `$PYTHON -m pip download` (needs network)
  --rest-json FILE       the facts file (default wsdl/v13/rest-json.json; api-revision.txt is
                         read next to it)
  --json FILE            write the report as JSON to FILE (`-`: stdout)
  --markdown FILE        write the Markdown report to FILE (`-`: stdout) instead of stdout
  --fail-on-difference   exit with code 2 when anything differs

A one-line summary goes to stderr.";

/// Exit code for `--fail-on-difference` when something differs (1 is errors).
const DIFFERENCE_EXIT: u8 = 2;

#[derive(Debug, Default, PartialEq)]
struct Options {
    package: Option<String>,
    version: Option<String>,
    rest_json: Option<String>,
    json: Option<String>,
    markdown: Option<String>,
    fail_on_difference: bool,
}

fn parse(args: &[String]) -> Result<Option<Options>, String> {
    let mut o = Options::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{flag} needs {what}\n\n{USAGE}"))
        };
        match flag {
            "-h" | "--help" => return Ok(None),
            "--version" => o.version = Some(value("a VERSION")?),
            "--rest-json" => o.rest_json = Some(value("a FILE")?),
            "--json" => o.json = Some(value("a FILE (or `-`)")?),
            "--markdown" => o.markdown = Some(value("a FILE (or `-`)")?),
            "--fail-on-difference" => o.fail_on_difference = true,
            f if f.starts_with('-') => return Err(format!("unknown option `{f}`\n\n{USAGE}")),
            _ if o.package.is_none() => o.package = Some(arg.clone()),
            _ => return Err(format!("unexpected argument `{arg}`\n\n{USAGE}")),
        }
    }
    if o.package.is_some() == o.version.is_some() {
        return Err(format!(
            "give either an sdist or folder, or --version\n\n{USAGE}"
        ));
    }
    Ok(Some(o))
}

pub fn run(args: &[String]) -> CmdResult {
    let Some(options) = parse(args)? else {
        println!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    };
    let rest_json = options
        .rest_json
        .clone()
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::codegen_cmd::workspace_root().join("wsdl/v13/rest-json.json"));
    let scratch = Scratch::new()?;
    let (root, package) = match (&options.package, &options.version) {
        (Some(p), _) => locate(Path::new(p), &scratch)?,
        (None, Some(v)) => {
            let sdist = pip_download(v, &scratch)?;
            locate(&sdist, &scratch)?
        }
        (None, None) => return Err(USAGE.to_string()),
    };
    let facts = read_package(&root)?;
    let rest: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(&rest_json).map_err(|e| format!("{}: {e}", rest_json.display()))?,
    )
    .map_err(|e| format!("{}: {e}", rest_json.display()))?;
    let revision_file = rest_json.with_file_name("api-revision.txt");
    let revision = fs::read_to_string(&revision_file)
        .ok()
        .map(|t| t.trim().to_string());
    let differences = compare(&facts, &rest, revision.as_deref());
    let recorded = rest_json
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let operations: usize = facts.services.values().map(|s| s.routes.len()).sum();
    let families: usize = facts.services.values().map(|s| s.families.len()).sum();
    eprintln!(
        "{package}: {} services, {operations} routes, {} headers, {families} families; {} difference(s)",
        facts.services.len(),
        facts.headers.len(),
        differences.len()
    );
    let md = compare::markdown(&package, &recorded, &differences);
    if let Some(target) = &options.json {
        write(target, &compare::to_json(&package, &recorded, &differences))?;
    }
    match &options.markdown {
        Some(target) => write(target, &md)?,
        None if options.json.as_deref() != Some("-") => print!("{md}"),
        None => {}
    }
    Ok(if options.fail_on_difference && !differences.is_empty() {
        ExitCode::from(DIFFERENCE_EXIT)
    } else {
        ExitCode::SUCCESS
    })
}

fn write(target: &str, text: &str) -> Result<(), String> {
    if target == "-" {
        print!("{text}");
        Ok(())
    } else {
        fs::write(target, text).map_err(|e| format!("{target}: {e}"))
    }
}

/// A temporary folder removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Self, String> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!("xtask-msads-{}-{nanos}", std::process::id()));
        fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// The package root (the folder holding `openapi_client/`) and a name for the report.
fn locate(input: &Path, scratch: &Scratch) -> Result<(PathBuf, String), String> {
    let name = input
        .file_name()
        .map(|n| n.to_string_lossy().trim_end_matches(".tar.gz").to_string())
        .unwrap_or_default();
    let folder = if input.is_dir() {
        input.to_path_buf()
    } else {
        let into = scratch.0.join("unpacked");
        fs::create_dir_all(&into).map_err(|e| format!("{}: {e}", into.display()))?;
        let status = Command::new("tar")
            .arg("-xzf")
            .arg(input)
            .arg("-C")
            .arg(&into)
            .status()
            .map_err(|e| format!("running tar: {e}"))?;
        if !status.success() {
            return Err(format!("tar could not unpack {}", input.display()));
        }
        into
    };
    if folder.join("openapi_client").is_dir() {
        return Ok((folder, name));
    }
    // An sdist holds one top folder, `msads-X.Y.Z/`.
    let mut inner: Vec<PathBuf> = fs::read_dir(&folder)
        .map_err(|e| format!("{}: {e}", folder.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("openapi_client").is_dir())
        .collect();
    inner.sort();
    let root = inner.into_iter().next().ok_or_else(|| {
        format!(
            "{}: no openapi_client/ folder (not an msads package)",
            input.display()
        )
    })?;
    let name = root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(name);
    Ok((root, name))
}

fn pip_download(version: &str, scratch: &Scratch) -> Result<PathBuf, String> {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string());
    let into = scratch.0.join("download");
    let status = Command::new(&python)
        .args([
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-binary",
            ":all:",
            "--quiet",
        ])
        .arg(format!("msads=={version}"))
        .arg("-d")
        .arg(&into)
        .status()
        .map_err(|e| {
            format!("running {python} -m pip: {e} (set $PYTHON to an interpreter with pip)")
        })?;
    if !status.success() {
        return Err(format!("pip could not download msads=={version}"));
    }
    fs::read_dir(&into)
        .map_err(|e| format!("{}: {e}", into.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().ends_with(".tar.gz"))
        .ok_or_else(|| format!("pip downloaded no sdist of msads=={version}"))
}

#[cfg(test)]
mod tests;
