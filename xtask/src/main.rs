//! Project automation: `cargo xtask <command>` (see `cargo xtask help`).
//!
//! Kept as a plain binary crate so the generator and its dependencies never reach users of
//! `bingads-gen` or `bingads` (the rust-analyzer `xtask` convention).

mod codegen_cmd;
mod diff;
mod fetch;
mod msads;

use std::process::ExitCode;

/// What every subcommand returns: an exit code, or an error message for stderr.
pub type CmdResult = Result<ExitCode, String>;

const HELP: &str = "\
cargo xtask <command>

Commands:
  codegen [--check]                 regenerate bingads-gen from wsdl/ (--check: fail if stale)
  wsdl-fetch DIR [--base-url URL]   download every service's ?singleWsdl, both environments
  wsdl-diff OLD_DIR NEW_DIR [--json FILE] [--markdown FILE] [--fail-on-breaking]
                                    API change report between two WSDL sets
  msads-compare (SDIST | DIR | --version V) [--rest-json FILE] [--json FILE] [--markdown FILE]
                [--fail-on-difference]
                                    compare an msads release's routes, headers, Api-Revision
                                    and discriminators with wsdl/v13/rest-json.json
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => ("help", &[][..]),
    };
    let result = match cmd {
        "codegen" => codegen_cmd::run(rest),
        "wsdl-fetch" => fetch::run(rest),
        "wsdl-diff" => diff::run(rest),
        "msads-compare" => msads::run(rest),
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
