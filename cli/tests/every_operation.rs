//! For every operation of every service, on both wires: the `example` request is accepted by
//! `call --dry-run`, and what it prints comes back to the same JSON — on REST the body through
//! the REST (JSON) reader, on SOAP the envelope through `decode_request` in strict schema
//! order — and `decode --request` reads the whole printed HTTP message back to the same JSON.
//! Run in-process over the library functions the commands use.

use bingads::Wire;
use bingads_cli::call::{decode, dry_run};
use bingads_cli::services;
use bingads_cli::{Env, Globals, Settings};
use bingads_gen::json;

fn settings(wire: Wire) -> Settings {
    let globals = Globals {
        transport: Some(wire),
        ..Globals::default()
    };
    Settings::resolve(&globals, &Env::empty(None)).expect("settings without any configuration")
}

/// The request JSON back from a REST body, as the REST reader sees it.
fn from_rest_body(op: &json::JsonOperation, body: &str) -> Result<String, String> {
    let request = (op.read_request)(body.as_bytes()).map_err(|e| e.to_string())?;
    Ok(request.to_json_pretty())
}

#[test]
fn example_dry_run_decode_round_trip_for_every_operation_on_both_wires() {
    let mut checked = [0, 0];
    let mut failures = Vec::new();
    for (slot, wire) in [Wire::Rest, Wire::Soap].into_iter().enumerate() {
        let settings = settings(wire);
        for svc in services::all() {
            for op in svc.operations {
                let name = op.meta.name;
                let context = format!("{wire} {}.{name}", svc.meta.name);
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
                    Err(e) if wire == Wire::Rest && op.meta.rest.is_none() => {
                        // No REST route (PutMetricData): refused with the way to SOAP.
                        let text = e.render();
                        if !(text.contains(name) && text.contains("--transport soap")) {
                            failures.push(format!("{context}: unclear refusal: {text}"));
                        }
                        continue;
                    }
                    Err(e) => {
                        failures.push(format!("{context}: dry run: {}", e.render()));
                        continue;
                    }
                };
                assert_eq!(dry.wire, wire, "{context}");
                let back =
                    match wire {
                        Wire::Rest => {
                            let route = op.meta.rest.expect("a REST route");
                            let line = format!("{} ", route.method);
                            if !dry.message.starts_with(&line)
                                || !dry.message.lines().next().is_some_and(|l| {
                                    l.ends_with(&format!("{} HTTP/1.1", route.path))
                                })
                            {
                                failures.push(format!(
                                    "{context}: request line {:?}",
                                    dry.message.lines().next()
                                ));
                            }
                            from_rest_body(op, &dry.body)
                        }
                        Wire::Soap => (op.decode_request)(dry.body.as_bytes(), true)
                            .map(|(_, json)| json)
                            .map_err(|e| e.to_string()),
                    };
                match back {
                    Ok(json) if json.trim() == example.trim() => {}
                    Ok(json) => failures.push(format!(
                        "{context}: decoded request differs from the example\n--- example\n{example}\n--- decoded\n{json}"
                    )),
                    Err(e) => failures.push(format!("{context}: read back: {e}")),
                }
                // `decode --request` takes the whole printed message.
                match decode(
                    svc.meta.name,
                    name,
                    dry.message.as_bytes(),
                    true,
                    false,
                    Some(wire),
                ) {
                    Ok((json, _)) if json.trim() == example.trim() => {}
                    Ok((json, _)) => {
                        failures.push(format!("{context}: decode --request differs\n{json}"))
                    }
                    Err(e) => failures.push(format!("{context}: decode --request: {}", e.render())),
                }
                checked[slot] += 1;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    // Every operation on SOAP; on REST every one with a route (all but PutMetricData).
    assert_eq!(checked, [291, 292]);
}
