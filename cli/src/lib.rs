//! The `bingads` command line, as a library: `main.rs` only calls [`run`] with the process's
//! arguments and environment; tests call the functions below directly.
//!
//! - [`services`]: services and operations by any of their names;
//! - [`call`]: `call` (and `--dry-run`), `decode`, and the output shape they share;
//! - [`listing`]: `operations`, `example`;
//! - [`login`]: `auth login | status | logout`; [`config`]: the credentials file;
//!   [`settings`]: options, `BINGADS_*` variables and profiles resolved into credentials;
//!   [`resolve`]: the one option → variable → profile order;
//!   [`renewal`]: a stored profile's OAuth tokens, renewed under the credentials file's lock;
//! - `emulator`: the `emulator` command (cargo feature `emulator`, on by default);
//! - [`bulk`]: `bulk download | upload | status | resume | read | write`;
//! - [`error`]: failures and their exit codes; [`logging`]: `-v` and `RUST_LOG`.
#![forbid(unsafe_code)]

// The doc comments of `args` are the terminal `--help` text clap prints, not markdown:
// `<redacted>` and bare URLs are meant literally there.
#[allow(rustdoc::invalid_html_tags, rustdoc::bare_urls)]
pub mod args;
pub mod bulk;
pub mod call;
pub mod config;
#[cfg(feature = "emulator")]
pub mod emulator;
pub mod error;
pub mod fault_output;
pub mod http_message;
pub mod input;
mod listener;
pub mod listing;
pub mod logging;
pub mod login;
pub mod renewal;
pub mod report;
pub mod resolve;
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
            transport: g.transport,
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
    if let Some(note) = logging::init(cli.globals.verbose, env.var("RUST_LOG")) {
        eprintln!("warning: {note}");
    }
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
        Command::Report(c) => report_command(&globals, env, c),
        Command::Decode(a) => {
            let input = Input::from_args(a.input.as_deref(), None);
            let bytes = match input.read(a.input.is_some(), "envelope") {
                Ok(b) => b,
                Err(e) => return Outcome::err(e),
            };
            let wire = match decode_wire(&globals, env) {
                Ok(w) => w,
                Err(e) => return Outcome::err(e),
            };
            match call::decode(
                &a.op.service,
                &a.op.operation,
                &bytes,
                a.request,
                a.show_secrets,
                wire,
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
        #[cfg(feature = "emulator")]
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

fn report_command(globals: &Globals, env: &Env, command: args::ReportCommand) -> Outcome {
    use args::ReportCommand;
    let run = || -> Result<Outcome, CliError> {
        let stdout = match command {
            ReportCommand::Read(a) => {
                let mut out = Vec::new();
                report::read(&a, &mut out)?;
                String::from_utf8_lossy(&out).into_owned()
            }
            ReportCommand::Status { id } => {
                let settings = Settings::resolve(globals, env)?;
                runtime()?.block_on(report::status(&id, &settings))?
            }
            ReportCommand::Resume(a) => {
                let settings = Settings::resolve(globals, env)?;
                runtime()?.block_on(report::resume(&a, &settings))?
            }
            ReportCommand::Download(a) => {
                let json = match &a.request {
                    Some(source) => {
                        let input = Input::from_args(Some(source), None);
                        let bytes = input.read(true, "report request")?;
                        Some(
                            String::from_utf8(bytes)
                                .map_err(|_| CliError::usage("the report request is not UTF-8"))?,
                        )
                    }
                    None => None,
                };
                let settings = Settings::resolve(globals, env)?;
                let request =
                    report::build_request(&a, json.as_deref(), a.account.or(settings.account_id))?;
                runtime()?.block_on(report::download(&a, request, &settings))?
            }
        };
        Ok(Outcome {
            stdout,
            notes: Vec::new(),
            result: Ok(()),
        })
    };
    run().unwrap_or_else(Outcome::err)
}

/// The wire `decode` was told the input is for (`--transport`, else `BINGADS_TRANSPORT`);
/// the stored profile's default does not apply to a document at hand.
fn decode_wire(globals: &Globals, env: &Env) -> Result<Option<bingads::Wire>, CliError> {
    match (globals.transport, env.var("BINGADS_TRANSPORT")) {
        (Some(w), _) => Ok(Some(w)),
        (None, Some(v)) => v
            .parse()
            .map(Some)
            .map_err(|e: bingads::UnknownWire| CliError::usage(format!("BINGADS_TRANSPORT: {e}"))),
        (None, None) => Ok(None),
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
            let mut stdout = d.message;
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
