//! `cargo xtask wsdl-diff OLD_DIR NEW_DIR`: the API change report between two WSDL sets.
//!
//! Both folders are loaded exactly as `codegen` loads them ([`codegen::load_version`]), so the
//! report describes what the generated SDK would see, and compared with
//! [`codegen::diff::diff_versions`] (whose module documentation states which changes count as
//! breaking). Meant for reviewing a WSDL refresh and, with `--fail-on-breaking`, for CI.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use codegen::diff::{ApiDiff, diff_versions};

use crate::CmdResult;

const USAGE: &str = "\
usage: cargo xtask wsdl-diff OLD_DIR NEW_DIR [--json FILE] [--markdown FILE]
                              [--fail-on-breaking | --fail-on-wire-breaking]

Compares two API version folders (each with production/ and sandbox/ subfolders, or WSDL
files directly inside) and reports every service, operation, type, field and enum value
added, removed or changed, marking the breaking ones.

  --json FILE          write the report as JSON to FILE (`-`: stdout)
  --markdown FILE      write the Markdown report to FILE (`-`: stdout) instead of stdout
  --fail-on-breaking   exit with code 2 when a change is breaking (for the wire or for
                       Rust struct literals)
  --fail-on-wire-breaking
                       exit with code 2 only when a change is breaking on the wire (an
                       added optional field, which breaks only struct literals, passes)

The Markdown report goes to stdout unless --markdown is given, or --json - already uses
stdout. A one-line summary goes to stderr.";

/// Exit code for `--fail-on-breaking` when the report has breaking changes (1 is errors).
const BREAKING_EXIT: u8 = 2;

#[derive(Debug, Default, PartialEq)]
struct Options {
    old: String,
    new: String,
    json: Option<String>,
    markdown: Option<String>,
    fail_on_breaking: bool,
    fail_on_wire_breaking: bool,
}

/// `None` means help was asked for.
fn parse(args: &[String]) -> Result<Option<Options>, String> {
    let mut options = Options::default();
    let mut positional = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        match flag {
            "-h" | "--help" => return Ok(None),
            "--json" | "--markdown" => {
                let value = match inline {
                    Some(v) => v,
                    None => it
                        .next()
                        .cloned()
                        .ok_or_else(|| format!("{flag} needs a FILE (or `-`)\n\n{USAGE}"))?,
                };
                if value.is_empty() {
                    return Err(format!("{flag} needs a FILE (or `-`)\n\n{USAGE}"));
                }
                let slot = if flag == "--json" {
                    &mut options.json
                } else {
                    &mut options.markdown
                };
                if slot.replace(value).is_some() {
                    return Err(format!("{flag} given twice"));
                }
            }
            "--fail-on-breaking" if inline.is_none() => options.fail_on_breaking = true,
            "--fail-on-wire-breaking" if inline.is_none() => {
                options.fail_on_wire_breaking = true;
            }
            f if f.starts_with('-') && f != "-" => {
                return Err(format!("unknown option `{arg}`\n\n{USAGE}"));
            }
            _ => positional.push(arg.clone()),
        }
    }
    match <[String; 2]>::try_from(positional) {
        Ok([old, new]) => {
            options.old = old;
            options.new = new;
            Ok(Some(options))
        }
        Err(p) => Err(format!(
            "expected OLD_DIR and NEW_DIR, got {} folder argument{}\n\n{USAGE}",
            p.len(),
            if p.len() == 1 { "" } else { "s" }
        )),
    }
}

fn load(dir: &str) -> Result<codegen::model::ApiVersion, String> {
    let path = Path::new(dir);
    if !path.is_dir() {
        return Err(format!("{dir}: not a folder"));
    }
    let loaded = codegen::load_version(path).map_err(|e| e.to_string())?;
    for d in &loaded.differences {
        eprintln!(
            "warning: {dir}: {} differs in {} from {}:",
            d.service,
            d.environment,
            codegen::ENVIRONMENTS[0]
        );
        for change in &d.changes {
            eprintln!("  {change}");
        }
    }
    Ok(loaded.version)
}

fn write_to(target: &str, text: &str) -> Result<(), String> {
    if target == "-" {
        print!("{text}");
        Ok(())
    } else {
        fs::write(target, text).map_err(|e| format!("{target}: {e}"))
    }
}

pub fn run(args: &[String]) -> CmdResult {
    let Some(options) = parse(args)? else {
        println!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    };
    let old = load(&options.old)?;
    let new = load(&options.new)?;
    let report: ApiDiff = diff_versions(&old, &new);

    let markdown_target = match (&options.markdown, &options.json) {
        (Some(file), _) => Some(file.as_str()),
        (None, Some(json)) if json == "-" => None,
        (None, _) => Some("-"),
    };
    if let Some(target) = markdown_target {
        write_to(target, &report.to_markdown())?;
    }
    if let Some(target) = &options.json {
        write_to(target, &report.to_json())?;
    }
    eprintln!(
        "{} → {}: {} change{}, {} breaking",
        report.old,
        report.new,
        report.change_count(),
        if report.change_count() == 1 { "" } else { "s" },
        report.breaking_count()
    );
    let fails = (options.fail_on_breaking && report.has_breaking())
        || (options.fail_on_wire_breaking && report.has_wire_breaking());
    if fails {
        return Ok(ExitCode::from(BREAKING_EXIT));
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_all_options() {
        let o = parse(&args(&[
            "a",
            "--json",
            "-",
            "b",
            "--markdown=r.md",
            "--fail-on-breaking",
        ]))
        .unwrap()
        .unwrap();
        assert_eq!(
            o,
            Options {
                old: "a".into(),
                new: "b".into(),
                json: Some("-".into()),
                markdown: Some("r.md".into()),
                fail_on_breaking: true,
                fail_on_wire_breaking: false,
            }
        );
        let wire = parse(&args(&["a", "b", "--fail-on-wire-breaking"]))
            .unwrap()
            .unwrap();
        assert!(wire.fail_on_wire_breaking && !wire.fail_on_breaking);
    }

    #[test]
    fn rejects_bad_arguments() {
        assert!(parse(&args(&["a"])).unwrap_err().contains("got 1 folder"));
        assert!(parse(&args(&["a", "b", "c"])).is_err());
        assert!(
            parse(&args(&["a", "b", "--json"]))
                .unwrap_err()
                .contains("needs a FILE")
        );
        assert!(
            parse(&args(&["a", "b", "--frob"]))
                .unwrap_err()
                .contains("unknown option")
        );
        assert!(parse(&args(&["a", "b", "--json", "x", "--json", "y"])).is_err());
        assert!(parse(&args(&["--help"])).unwrap().is_none());
    }
}
