//! The `bingads` command line. Everything is in the library (`bingads_cli::run`).

fn main() {
    let env = bingads_cli::Env::from_process();
    std::process::exit(bingads_cli::run(std::env::args_os(), &env));
}
