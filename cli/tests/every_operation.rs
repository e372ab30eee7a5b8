//! For every operation of every service: the `example` request is accepted by
//! `call --dry-run`, and the envelope it prints decodes back (`decode_request`, strict schema
//! order) to the same JSON. Run in-process over the library functions the commands use.

use bingads_cli::call::dry_run;
use bingads_cli::services;
use bingads_cli::{Env, Globals, Settings};

#[test]
fn example_dry_run_decode_round_trip_for_every_operation() {
    let settings = Settings::resolve(&Globals::default(), &Env::empty(None))
        .expect("settings without any configuration");
    let mut checked = 0;
    let mut failures = Vec::new();
    for svc in services::all() {
        for op in svc.operations {
            let name = op.meta.name;
            let example = bingads_cli::listing::example(svc.module, name).expect("example");
            let dry = match dry_run(
                svc.meta.name,
                name,
                example.as_bytes(),
                "example",
                &settings,
                false,
            ) {
                Ok(d) => d,
                Err(e) => {
                    failures.push(format!("{}.{name}: dry run: {}", svc.meta.name, e.render()));
                    continue;
                }
            };
            match (op.decode_request)(dry.envelope.as_bytes(), true) {
                Ok((_, json)) => {
                    if json.trim() != example.trim() {
                        failures.push(format!(
                            "{}.{name}: decoded request differs from the example\n--- example\n{}\n--- decoded\n{}",
                            svc.meta.name, example, json
                        ));
                    }
                }
                Err(e) => failures.push(format!("{}.{name}: decode_request: {e}", svc.meta.name)),
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert_eq!(checked, 292);
}
