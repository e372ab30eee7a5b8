//! The `bingads` command line, as a library: `main.rs` only calls [`run`] with the process's
//! arguments and environment; tests call the functions below directly.
//!
//! - [`services`]: services and operations by any of their names;
//! - [`call`]: `call` (and `--dry-run`), `decode`, and the output shape they share;
//! - [`listing`]: `operations`, `example`;
//! - [`login`]: `auth login | status | logout`; [`config`]: the credentials file;
//!   [`settings`]: options, `BINGADS_*` variables and profiles resolved into credentials;
//! - [`emulator`]: the `emulator` command;
//! - [`bulk`]: `bulk download | upload | status | resume | read | write`;
//! - [`error`]: failures and their exit codes.
#![forbid(unsafe_code)]

pub mod args;
pub mod bulk;
pub mod call;
pub mod config;
pub mod emulator;
pub mod error;
pub mod input;
mod listener;
pub mod listing;
pub mod login;
pub mod services;
pub mod settings;

use std::ffi::OsString;
use std::io::Write;
use std::time::Duration;

use clap::Parser;

pub use config::Env;
pub use error::{CliError, Exit};
pub use settings::{Globals, Settings};

use args::{AuthCommand, Cli, Command};
use input::{Input, parse_request};

/// What a command printed: stdout, stderr lines, and how it ended.
#[derive(Debug)]
pub struct Outcome {
    pub stdout: String,
    /// Notes for stderr (printed before the error, if any).
    pub notes: Vec<String>,
    pub result: Result<(), CliError>,
}

impl Outcome {
    fn ok(stdout: String) -> Self {
        Outcome {
            stdout,
            notes: Vec::new(),
            result: Ok(()),
        }
    }

    fn err(e: CliError) -> Self {
        Outcome {
            stdout: String::new(),
            notes: Vec::new(),
            result: Err(e),
        }
    }
}

impl From<Result<String, CliError>> for Outcome {
    fn from(r: Result<String, CliError>) -> Self {
        match r {
            Ok(s) => Outcome::ok(s),
            Err(e) => Outcome::err(e),
        }
    }
}

impl From<&args::GlobalArgs> for Globals {
    fn from(g: &args::GlobalArgs) -> Self {
        Globals {
            profile: g.profile.clone(),
            environment: g.environment,
            endpoint: g.endpoint.clone(),
            oauth_endpoint: g.oauth_endpoint.clone(),
            customer_id: g.customer_id,
            account_id: g.account_id,
        }
    }
}

/// Runs the command line and returns the process exit code.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>, env: &Env) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return e.exit_code();
        }
    };
    let outcome = execute(cli, env);
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(outcome.stdout.as_bytes());
    let _ = stdout.flush();
    let mut stderr = std::io::stderr().lock();
    for n in &outcome.notes {
        let _ = writeln!(stderr, "# {n}");
    }
    match outcome.result {
        Ok(()) => Exit::Success.code(),
        Err(e) => {
            let _ = stderr.write_all(e.render().as_bytes());
            e.exit.code()
        }
    }
}

pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| CliError::failure(format!("cannot start the async runtime: {e}")))
}

/// Runs a parsed command.
pub fn execute(cli: Cli, env: &Env) -> Outcome {
    let globals = Globals::from(&cli.globals);
    match cli.command {
        Command::Operations(a) => listing::operations(a.service.as_deref(), a.json).into(),
        Command::Example(a) => listing::example(&a.op.service, &a.op.operation).into(),
        Command::Call(a) => call_command(&globals, env, a),
        Command::Decode(a) => {
            let input = Input::from_args(a.input.as_deref(), None);
            let bytes = match input.read(a.input.is_some(), "envelope") {
                Ok(b) => b,
                Err(e) => return Outcome::err(e),
            };
            match call::decode(
                &a.op.service,
                &a.op.operation,
                &bytes,
                a.request,
                a.show_secrets,
            ) {
                Ok((stdout, notes)) => Outcome {
                    stdout,
                    notes,
                    result: Ok(()),
                },
                Err(e) => Outcome::err(e),
            }
        }
        Command::Auth(AuthCommand::Login(a)) => {
            let options = login::LoginOptions {
                client_id: a.client_id,
                developer_token: a.developer_token,
                tenant: a.tenant,
                no_browser: a.no_browser,
                port: a.port,
                redirect_uri: a.redirect_uri,
                timeout: Duration::from_secs(a.timeout.max(1)),
            };
            let rt = match runtime() {
                Ok(rt) => rt,
                Err(e) => return Outcome::err(e),
            };
            let r = rt.block_on(login::login(&globals, env, &options));
            // The stdin reader thread may still be blocked; do not wait for it.
            rt.shutdown_background();
            r.into()
        }
        Command::Auth(AuthCommand::Status) => match login::status(&globals, env) {
            Ok((stdout, problem)) => Outcome {
                stdout,
                notes: Vec::new(),
                result: problem.map_or(Ok(()), Err),
            },
            Err(e) => Outcome::err(e),
        },
        Command::Auth(AuthCommand::Logout { all }) => login::logout(&globals, env, all).into(),
        Command::Bulk(c) => bulk::execute(&globals, env, c),
        Command::Emulator(a) => {
            let rt = match runtime() {
                Ok(rt) => rt,
                Err(e) => return Outcome::err(e),
            };
            let r = rt.block_on(emulator::run(a.port));
            Outcome {
                stdout: String::new(),
                notes: Vec::new(),
                result: r,
            }
        }
    }
}

fn call_command(globals: &Globals, env: &Env, a: args::CallArgs) -> Outcome {
    let input = Input::from_args(a.input.as_deref(), a.data.as_deref());
    let run = || -> Result<Outcome, CliError> {
        // Names are checked before anything is read, so a typo fails at once.
        let (svc, op) = services::find_operation(&a.op.service, &a.op.operation)?;
        let bytes = input.read(a.input.is_some(), "request")?;
        let settings = Settings::resolve(globals, env)?;
        if a.dry_run {
            let d = call::dry_run(
                &a.op.service,
                &a.op.operation,
                &bytes,
                &input.name(),
                &settings,
                a.show_secrets,
            )?;
            let mut stdout = d.envelope;
            stdout.push('\n');
            return Ok(Outcome {
                stdout,
                notes: d.notes,
                result: Ok(()),
            });
        }
        let request = parse_request(svc.short_name(), op, &bytes, &input.name())?;
        let options = call::CallOptions {
            max_attempts: a.max_attempts,
            timeout: Duration::from_secs(a.timeout.max(1)),
        };
        let rt = runtime()?;
        let r = rt.block_on(call::call(svc, op, request.as_ref(), &settings, &options));
        Ok(r.into())
    };
    run().unwrap_or_else(Outcome::err)
}
