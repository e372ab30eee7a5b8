//! The command-line grammar (clap). Every command's `--help` says what it prints, where the
//! input comes from and what to do next.

use clap::{Args, Parser, Subcommand};

use crate::error::EXIT_CODES_HELP;

const ENVIRONMENT_HELP: &str = "\
Environment variables (options given on the command line win over them, and they win over the
stored profile):
  BINGADS_ENVIRONMENT       production or sandbox
  BINGADS_PROFILE           the stored profile to use (default: the environment's name)
  BINGADS_TRANSPORT         rest or soap, like --transport
  BINGADS_DEVELOPER_TOKEN   your developer token
  BINGADS_CLIENT_ID         your app registration's client id (OAuth)
  BINGADS_CLIENT_SECRET     only for web-app registrations
  BINGADS_REFRESH_TOKEN     an OAuth refresh token (used as is, never written to disk)
  BINGADS_USERNAME          legacy UserName/Password sign-in, with BINGADS_PASSWORD
  BINGADS_PASSWORD
  BINGADS_CUSTOMER_ID       sent as the CustomerId header
  BINGADS_ACCOUNT_ID        sent as the CustomerAccountId header
  BINGADS_ENDPOINT          like --endpoint
  BINGADS_OAUTH_ENDPOINT    like --oauth-endpoint";

const MAIN_AFTER_HELP: &str = "\
Examples:
  bingads operations                                   list the services
  bingads operations CampaignManagement                list its operations and headers
  bingads example CampaignManagement AddCampaigns      a request with every field
  bingads auth login --client-id ID                    sign in (stores a refresh token)
  bingads call CustomerManagement GetUser --data '{\"UserId\": null}'
  bingads call CampaignManagement AddCampaigns --input campaigns.json --dry-run
  bingads emulator                                     a local service to try things on

Output: `call` prints {\"TrackingId\": ..., \"Response\": {...}} on stdout; a service fault
(either wire) is printed as JSON on stderr (exit code 3); other errors as `error:` / `hint:`
lines on stderr. Calls use REST (JSON) unless --transport soap or BINGADS_TRANSPORT=soap;
Microsoft switches the SOAP endpoints off on 2027-01-31.";

/// The `bingads` command line: every Microsoft Advertising API v13 operation from JSON.
#[derive(Debug, Parser)]
#[command(
    name = "bingads",
    version,
    about = "Every Microsoft Advertising (Bing Ads) API v13 operation from the command line, in JSON",
    long_about = "Every Microsoft Advertising (Bing Ads) API v13 operation from the command line.\n\n\
        Requests and responses are JSON in the REST form of the API (the same property names as \
        the WSDL, `Type` on polymorphic values, 64-bit ids as strings); `bingads` sends them over \
        REST (the default) or SOAP (--transport soap), with the headers each operation needs, \
        and decodes the answer back to JSON.",
    after_help = MAIN_AFTER_HELP,
    after_long_help = format!("{MAIN_AFTER_HELP}\n\n{ENVIRONMENT_HELP}\n\n{EXIT_CODES_HELP}"),
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub globals: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command accepts.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Show what happens on stderr: -v retries, throttling waits and token refreshes, -vv
    /// every call and attempt, -vvv everything [env: RUST_LOG, e.g. bingads=debug]. Secrets
    /// are never shown.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// The stored profile to use [env: BINGADS_PROFILE] (default: the environment's name,
    /// `production` or `sandbox`).
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// production or sandbox [env: BINGADS_ENVIRONMENT] (default: the profile's, else
    /// production).
    #[arg(long, global = true, value_name = "ENV", value_parser = parse_environment)]
    pub environment: Option<bingads::Environment>,
    /// Send calls to this scheme, host and port instead of Microsoft's, keeping each service's
    /// path (a proxy, or `bingads emulator`); plain http only on loopback [env:
    /// BINGADS_ENDPOINT].
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint: Option<String>,
    /// Get OAuth tokens from this host instead of login.microsoftonline.com (its
    /// /{tenant}/oauth2/v2.0/authorize and /token) [env: BINGADS_OAUTH_ENDPOINT].
    #[arg(long, global = true, value_name = "URL")]
    pub oauth_endpoint: Option<String>,
    /// Sent as the CustomerId header [env: BINGADS_CUSTOMER_ID].
    #[arg(long, global = true, value_name = "ID")]
    pub customer_id: Option<i64>,
    /// Sent as the CustomerAccountId header [env: BINGADS_ACCOUNT_ID].
    #[arg(long, global = true, value_name = "ID")]
    pub account_id: Option<i64>,
    /// The wire every call uses: `rest` (JSON, the default) or `soap` (XML envelopes; Microsoft
    /// switches SOAP off on 2027-01-31). Else BINGADS_TRANSPORT, else the stored profile's.
    #[arg(long, global = true, value_name = "WIRE", value_parser = parse_wire)]
    pub transport: Option<bingads::Wire>,
}

fn parse_wire(s: &str) -> Result<bingads::Wire, bingads::UnknownWire> {
    s.parse()
}

fn parse_environment(
    s: &str,
) -> Result<bingads::Environment, bingads::environment::UnknownEnvironment> {
    s.parse()
}

const CALL_EXAMPLES: &str = "\
Examples:
  bingads example CampaignManagement GetCampaignsByAccountId > get.json   # then edit it
  bingads call CampaignManagement GetCampaignsByAccountId --input get.json
  echo '{\"UserId\": null}' | bingads call customer-management getuser
  bingads call CampaignManagement AddCampaigns --input add.json --dry-run \\
    | bingads decode CampaignManagement AddCampaigns --request";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Call an operation: a JSON request in, the JSON response out.
    #[command(
        long_about = "Call an operation: reads the request as JSON (REST form), sends it on the \
            chosen wire (--transport rest, the default, or soap) with the headers the operation \
            needs, prints the response as JSON.\n\n\
            stdout gets {\"TrackingId\": \"...\", \"Response\": {...}}. A fault from either wire is \
            printed as JSON on stderr with exit code 3: {\"Wire\", \"HttpStatus\", \"FaultCode\" \
            (SOAP only), \"Message\", \"TrackingId\", \"Errors\": [{\"Code\", \"ErrorCode\", \
            \"Message\", ...}], \"Detail\": {\"Type\", ...}}. With --dry-run nothing is sent: the \
            request is printed as an HTTP/1.1 message instead (request line with the absolute \
            URL, the headers in the order they are sent, an empty line, the JSON body or SOAP \
            envelope), credentials as <redacted> unless --show-secrets.\n\n\
            Credentials come from BINGADS_* variables or the profile stored by `bingads auth login` \
            (see `bingads --help`).",
        after_help = CALL_EXAMPLES,
        after_long_help = format!("{CALL_EXAMPLES}\n\n{EXIT_CODES_HELP}")
    )]
    Call(CallArgs),
    /// Decode a response (or fault, or with --request a request) of either wire to JSON.
    #[command(
        long_about = "Decode a response or request of an operation to JSON, offline, on either \
            wire: a SOAP envelope or a REST JSON body, alone or after an HTTP/1.1 start line and \
            headers (--transport, when given, must match).\n\n\
            A response prints exactly what `bingads call` would have printed had the service \
            answered it: {\"TrackingId\", \"Response\"} on stdout (REST bodies read leniently, \
            like answers to calls), or a fault as JSON on stderr with exit code 3. With \
            --request, either wire's `call --dry-run` output prints the request JSON that `call` \
            takes, and its headers on stderr (credentials as <redacted> unless --show-secrets).",
        after_help = "Examples:\n  \
            bingads decode CampaignManagement GetCampaignsByAccountId --input response.xml\n  \
            bingads call Reporting SubmitGenerateReport --input r.json --dry-run | bingads decode Reporting SubmitGenerateReport --request"
    )]
    Decode(DecodeArgs),
    /// List the services, or one service's operations with their SOAP action and headers.
    #[command(
        after_help = "Examples:\n  bingads operations\n  bingads operations campaign-management\n  bingads operations Reporting --json"
    )]
    Operations(OperationsArgs),
    /// Print a request for an operation with every field filled in (a template to edit).
    #[command(
        long_about = "Print a request for an operation in JSON (REST form) with every field filled \
            with a placeholder of its type (\"string\", \"0\" for ids, 1.5, false, the first enum \
            value) and, in arrays of polymorphic values, one item of every derived type with its \
            `Type`. Delete what you do not need: a missing property is not sent, null is sent as \
            nil (clears a value in updates).",
        after_help = "Examples:\n  bingads example CampaignManagement AddCampaigns > add.json\n  bingads example AdInsight GetKeywordIdeas"
    )]
    Example(ExampleArgs),
    /// Sign in with OAuth, show or forget stored credentials.
    #[command(subcommand)]
    Auth(AuthCommand),
    /// Run the local Microsoft Advertising emulator in the foreground.
    #[command(
        long_about = "Run the local emulator of the Microsoft Advertising API services and OAuth \
            endpoints (the one the tests use) in the foreground until Ctrl-C. It prints its base \
            URL and the credentials to use with --endpoint / BINGADS_ENDPOINT. State lives in \
            memory.",
        after_help = "Example:\n  bingads emulator --port 8400   # then, in another terminal, the exports it prints"
    )]
    #[cfg(feature = "emulator")]
    Emulator(EmulatorArgs),
    /// Bulk files: download and upload entities, track operations, read and write files.
    #[command(subcommand)]
    Bulk(crate::bulk::args::BulkCommand),
    /// Download reports (with progress), check a report's status, resume a download, read a report file.
    #[command(subcommand)]
    Report(ReportCommand),
}

const REPORT_DOWNLOAD_EXAMPLES: &str = "Examples:
  bingads report download --type KeywordPerformance --account 123 \\
      --columns TimePeriod,Keyword,Impressions,Clicks,Spend --aggregation Daily -o kw.csv
  bingads report download --request report.json --format tsv -o report.tsv
  bingads report download --request report.json -o report.zip      # keep the zip as sent
  bingads example Reporting SubmitGenerateReport                    # a request to start from";

/// `bingads report ...`
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Submit a report request, wait for the report (progress on stderr), download it.
    #[command(
        long_about = "Submit a report request, poll until the service has prepared the report (a \
            spinner on stderr), download it (a progress bar) and unzip it to -o FILE (a name ending \
            in .zip keeps the archive). Prints the file's path; prints nothing (and says so on \
            stderr) when the report has no data. The request comes from --request (JSON in the REST \
            form: a ReportRequest object with its Type, or a SubmitGenerateReport body) or from \
            --type/--columns/--account and a time (--time, or --from and --to). --format and the \
            --exclude-* flags override the request. On a timeout the report request id is printed: \
            `bingads report resume ID -o FILE` picks it up.",
        after_help = REPORT_DOWNLOAD_EXAMPLES
    )]
    Download(ReportDownloadArgs),
    /// One PollGenerateReport call: the status (Pending, Success, Error) and download URL as JSON.
    #[command(after_help = "Example:\n  bingads report status 30000000001")]
    Status {
        /// The report request id (printed by `report download`).
        id: String,
    },
    /// Wait for a report submitted earlier and download it, from its request id.
    #[command(after_help = "Example:\n  bingads report resume 30000000001 -o kw.csv")]
    Resume(ReportResumeArgs),
    /// Read a report file (CSV, TSV or XML; zipped or not): JSON lines, or clean CSV.
    #[command(
        long_about = "Read a report file as the service writes it (CSV, TSV or XML, zipped or \
            not, with or without the header block, column row and footer). By default prints JSON \
            lines: first one object with the header block (ReportName, ReportTimeStart, TimeZone, \
            Rows, Columns, ...), then one object per data row with typed cells: numbers as JSON \
            numbers (`1,234` → 1234, `12.5%` → 12.5), no value (empty or `--`) as null, ids and \
            text as strings. --csv prints a clean CSV instead: the column row and the data rows, \
            without header block and footer.",
        after_help = "Examples:\n  bingads report read kw.csv | head -3\n  bingads report read 30000000001.zip --csv > clean.csv\n  bingads report read kw.tsv --columns Keyword,Clicks   # a file without its column row"
    )]
    Read(ReportReadArgs),
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ReportFormatArg {
    Csv,
    Tsv,
    Xml,
}

#[derive(Debug, Args)]
pub struct ReportDownloadArgs {
    /// The report request as JSON (REST form) from FILE (- for standard input).
    #[arg(long, value_name = "FILE", conflicts_with = "type")]
    pub request: Option<String>,
    /// The report type for a request built from flags: KeywordPerformance, CampaignPerformance,
    /// AdGroupPerformance, SearchQueryPerformance, ... (any report type of the Reporting service).
    #[arg(long = "type", value_name = "TYPE")]
    pub r#type: Option<String>,
    /// The columns, comma separated, in the order wanted (with --type).
    #[arg(long, value_name = "A,B,..", value_delimiter = ',')]
    pub columns: Vec<String>,
    /// The account (with --type; default: --account-id / BINGADS_ACCOUNT_ID).
    #[arg(long, value_name = "ID")]
    pub account: Option<i64>,
    /// A predefined period (with --type): Today, Yesterday, LastSevenDays, Last30Days, ThisMonth, LastMonth, ...
    #[arg(long, value_name = "PERIOD", default_value = "Last30Days")]
    pub time: String,
    /// First day of a custom range, YYYY-MM-DD (with --to).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day of a custom range, YYYY-MM-DD (with --from).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Summary, Hourly, Daily, Weekly, Monthly, Yearly, HourOfDay, DayOfWeek (with --type).
    #[arg(long, value_name = "AGGREGATION")]
    pub aggregation: Option<String>,
    /// The file format (overrides the request's).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormatArg>,
    /// The report name written in the header block.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Leave out the header block.
    #[arg(long)]
    pub exclude_header: bool,
    /// Leave out the copyright footer.
    #[arg(long)]
    pub exclude_footer: bool,
    /// Leave out the column row.
    #[arg(long)]
    pub exclude_column_headers: bool,
    /// Where to write the report (default: REQUEST-ID.csv/.tsv/.xml here); .zip keeps the archive.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// Replace an existing file.
    #[arg(long)]
    pub overwrite: bool,
    /// Give up waiting after this many seconds (the report request id is printed to resume).
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u64>,
    /// No progress bars.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ReportResumeArgs {
    /// The report request id.
    pub id: String,
    /// Where to write the report; .zip keeps the archive.
    #[arg(long, short, value_name = "FILE")]
    pub output: std::path::PathBuf,
    /// Replace an existing file.
    #[arg(long)]
    pub overwrite: bool,
    /// Give up waiting after this many seconds.
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u64>,
    /// No progress bars.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ReportReadArgs {
    /// The report file (.csv, .tsv, .xml, or the .zip as downloaded).
    pub file: std::path::PathBuf,
    /// Print a clean CSV (column row and data rows only) instead of JSON lines.
    #[arg(long)]
    pub csv: bool,
    /// The format, when the file name and content do not tell.
    #[arg(long, value_enum)]
    pub format: Option<ReportFormatArg>,
    /// The columns, for a file without its column row (the request's columns, in order).
    #[arg(long, value_name = "A,B,..", value_delimiter = ',')]
    pub columns: Vec<String>,
}

#[derive(Debug, Args)]
pub struct Operation {
    /// The service: CampaignManagementService, CampaignManagement or campaign-management (any
    /// case).
    #[arg(value_name = "SERVICE")]
    pub service: String,
    /// The operation, e.g. GetCampaignsByAccountId (any case).
    #[arg(value_name = "OPERATION")]
    pub operation: String,
}

#[derive(Debug, Args)]
pub struct CallArgs {
    #[command(flatten)]
    pub op: Operation,
    /// Read the JSON request from FILE (- for standard input; default: standard input when it
    /// is not a terminal).
    #[arg(long, short, value_name = "FILE", conflicts_with = "data")]
    pub input: Option<String>,
    /// The JSON request itself.
    #[arg(long, short, value_name = "JSON")]
    pub data: Option<String>,
    /// Print the request as an HTTP/1.1 message (request line, headers, empty line, the JSON
    /// body or SOAP envelope) instead of sending it: built by the code that sends.
    #[arg(long)]
    pub dry_run: bool,
    /// With --dry-run: show the developer token, password and a stored access token instead of
    /// <redacted>.
    #[arg(long, requires = "dry_run")]
    pub show_secrets: bool,
    /// Tries in all, counting the first (throttling and connection failures are retried; an
    /// operation that changes data is not re-sent after an ambiguous failure).
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub max_attempts: u32,
    /// Seconds to wait for each response.
    #[arg(long, value_name = "SECONDS", default_value_t = 120)]
    pub timeout: u64,
}

#[derive(Debug, Args)]
pub struct DecodeArgs {
    #[command(flatten)]
    pub op: Operation,
    /// Read the document (an envelope, a JSON body, or a dry run's HTTP message) from FILE
    /// (- for standard input; default: standard input when it is not a terminal).
    #[arg(long, short, value_name = "FILE")]
    pub input: Option<String>,
    /// The envelope is a request (as the service receives it), not a response.
    #[arg(long)]
    pub request: bool,
    /// With --request: show credential headers instead of <redacted>.
    #[arg(long, requires = "request")]
    pub show_secrets: bool,
}

#[derive(Debug, Args)]
pub struct OperationsArgs {
    /// A service (any spelling); without it, the services are listed.
    #[arg(value_name = "SERVICE")]
    pub service: Option<String>,
    /// JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExampleArgs {
    #[command(flatten)]
    pub op: Operation,
}

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Sign in with the desktop OAuth flow (PKCE) and store the tokens in a profile.
    #[command(
        long_about = "Sign in with the OAuth authorization code flow for desktop apps, with PKCE, \
            and store the tokens in a profile.\n\n\
            A one-shot listener on 127.0.0.1 receives the browser's redirect (redirect URI \
            http://127.0.0.1:PORT/); you can also paste the address the browser ended on. The \
            profile (default: the environment's name) keeps the refresh token, the access token \
            and its expiry, the client id, the environment and the developer token if given, in \
            credentials.json in the bingads folder of your configuration directory \
            ($XDG_CONFIG_HOME/bingads or ~/.config/bingads on Linux), readable only by you (0600). \
            Every later call renews the access token when needed and stores the newest refresh \
            token.\n\n\
            The app registration (Microsoft Entra ID) needs the platform \"Mobile and desktop \
            applications\" with the redirect URI http://127.0.0.1 (Entra ignores the port of \
            loopback redirect URIs; add it in the app manifest if the portal refuses it). An app \
            registered with http://localhost only: pass --redirect-uri http://localhost:PORT/. \
            An app with only the native-client redirect: pass --redirect-uri \
            https://login.microsoftonline.com/common/oauth2/nativeclient and paste the address.",
        after_help = "Examples:\n  \
            bingads auth login --client-id 00000000-0000-0000-0000-000000000000 --developer-token TOKEN\n  \
            bingads auth login --environment sandbox --client-id ID --no-browser\n  \
            bingads auth login --profile emulator --client-id ID --endpoint http://127.0.0.1:8400 --oauth-endpoint http://127.0.0.1:8400"
    )]
    Login(LoginArgs),
    /// Show the stored profile and which credentials calls would use (never shows secrets).
    #[command(
        long_about = "Show the selected profile (or the one --profile names), the other stored \
            profiles, which BINGADS_* variables are set, and which credentials a call would use. \
            Secrets are never shown. Exits with code 2 when no usable credentials are configured."
    )]
    Status,
    /// Forget the stored tokens of a profile (or --all).
    #[command(
        long_about = "Remove the selected profile (or the one --profile names) from the \
            credentials file, or the whole file with --all. Tokens already issued stay valid \
            until they expire; to revoke the app's access, remove its consent in your Microsoft \
            account."
    )]
    Logout {
        /// Remove every profile (deletes the credentials file).
        #[arg(long)]
        all: bool,
    },
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// The application (client) id of your app registration [env: BINGADS_CLIENT_ID].
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// Store this developer token in the profile [env: BINGADS_DEVELOPER_TOKEN].
    #[arg(long, value_name = "TOKEN", value_parser = secret)]
    pub developer_token: Option<bingads::SecretString>,
    /// The Entra tenant: common (default), organizations, consumers, or a tenant id.
    #[arg(long, value_name = "TENANT")]
    pub tenant: Option<String>,
    /// Do not open a browser; only print the address to open.
    #[arg(long)]
    pub no_browser: bool,
    /// Port of the redirect listener on 127.0.0.1 (0: any free port).
    #[arg(long, value_name = "PORT", default_value_t = 0)]
    pub port: u16,
    /// Use this registered redirect URI instead of the listener's (a non-loopback one, such as
    /// https://login.microsoftonline.com/common/oauth2/nativeclient, means pasting the address).
    #[arg(long, value_name = "URI")]
    pub redirect_uri: Option<String>,
    /// Seconds to wait for the sign-in.
    #[arg(long, value_name = "SECONDS", default_value_t = 600)]
    pub timeout: u64,
}

#[derive(Debug, Args)]
pub struct EmulatorArgs {
    /// TCP port on 127.0.0.1 (0: any free port).
    #[arg(long, value_name = "PORT", default_value_t = 8400)]
    pub port: u16,
}

/// A credential given on the command line, kept as a `SecretString` from the start.
fn secret(value: &str) -> Result<bingads::SecretString, std::convert::Infallible> {
    Ok(bingads::SecretString::new(value))
}
