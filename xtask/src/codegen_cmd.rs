//! `cargo xtask codegen [--check]`: regenerate `bingads-gen` from `wsdl/`.
//!
//! Every folder `wsdl/v<N>` is one API version. Generation is pure (model in, files out), so
//! `--check` generates into memory and compares with the checked-in files, naming each
//! stale, missing or extra file: CI fails when someone edits generated code by hand or
//! changes the generator without regenerating.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crate::CmdResult;

/// The workspace root (the parent of this crate's manifest directory).
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// Version folders under `wsdl/`, sorted: `v` followed by digits.
pub fn version_dirs(wsdl: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(wsdl).map_err(|e| format!("{}: {e}", wsdl.display()))?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_prefix('v'))
                .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect();
    dirs.sort();
    Ok(dirs)
}

/// Loads and generates every version; returns files relative to the `bingads-gen` root.
pub fn generate_all(root: &Path) -> Result<Vec<codegen::emit::GeneratedFile>, String> {
    let wsdl = root.join("wsdl");
    let mut loaded = Vec::new();
    for dir in version_dirs(&wsdl)? {
        let l = codegen::load_version(&dir).map_err(|e| e.to_string())?;
        for d in &l.differences {
            eprintln!(
                "warning: {} differs in {} (code is generated from production and decodes both):",
                d.service, d.environment
            );
            for c in &d.changes {
                eprintln!("  - {c}");
            }
        }
        loaded.push(l);
    }
    if loaded.is_empty() {
        return Err(format!("no version folders (v<N>) in {}", wsdl.display()));
    }
    codegen::emit::generate(&loaded, "wsdl").map_err(|e| e.to_string())
}

/// Generated files currently on disk (every file in the folders the generator writes
/// version modules to), relative to the `bingads-gen` crate root.
fn existing_generated(src: &Path, files: &[codegen::emit::GeneratedFile]) -> Vec<String> {
    let mut dirs: Vec<String> = files
        .iter()
        .filter_map(|f| f.path.rsplit_once('/').map(|(d, _)| d.to_string()))
        .filter(|d| d.starts_with("src/v"))
        .collect();
    dirs.sort();
    dirs.dedup();
    let mut out = Vec::new();
    for d in dirs {
        if let Ok(entries) = std::fs::read_dir(src.join(&d)) {
            for e in entries.filter_map(|e| e.ok()) {
                if let Some(name) = e.file_name().to_str().filter(|n| n.ends_with(".rs")) {
                    out.push(format!("{d}/{name}"));
                }
            }
        }
    }
    out.sort();
    out
}

pub fn run(args: &[String]) -> CmdResult {
    let check = match args {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => return Err("usage: cargo xtask codegen [--check]".into()),
    };
    let root = workspace_root();
    let src = root.join("bingads-gen");
    let started = Instant::now();
    let files = generate_all(&root)?;
    let elapsed = started.elapsed();
    let extra: Vec<String> = existing_generated(&src, &files)
        .into_iter()
        .filter(|p| !files.iter().any(|f| &f.path == p))
        .collect();
    if check {
        let mut problems = Vec::new();
        for f in &files {
            match std::fs::read_to_string(src.join(&f.path)) {
                Ok(current) if current == f.contents => {}
                Ok(current) => {
                    let line = first_difference(&current, &f.contents);
                    problems.push(format!(
                        "bingads-gen/{} is stale (first difference at line {line})",
                        f.path
                    ))
                }
                Err(_) => problems.push(format!("bingads-gen/{} is missing", f.path)),
            }
        }
        for p in &extra {
            problems.push(format!("bingads-gen/{p} is not produced by the generator"));
        }
        if problems.is_empty() {
            println!("generated code is up to date ({} files)", files.len());
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!("generated code is stale:");
        for p in &problems {
            eprintln!("  - {p}");
        }
        eprintln!("run `cargo xtask codegen` and commit the result");
        return Ok(ExitCode::FAILURE);
    }
    let mut written = 0;
    for f in &files {
        let path = src.join(&f.path);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(f.contents.as_str()) {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, &f.contents).map_err(|e| format!("{}: {e}", path.display()))?;
        written += 1;
    }
    for p in &extra {
        let path = src.join(p);
        std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let lines: usize = files.iter().map(|f| f.contents.lines().count()).sum();
    println!(
        "generated {} files ({lines} lines) in {:.2?}; {written} changed, {} removed",
        files.len(),
        elapsed,
        extra.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn first_difference(a: &str, b: &str) -> usize {
    a.lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .map_or_else(|| a.lines().count().min(b.lines().count()) + 1, |i| i + 1)
}
