//! `cargo xtask codegen --check` as a test: `cargo test` fails when the checked-in generated
//! code (`bingads-gen/src/v13/**`, `bingads-gen/tests/roundtrip.rs`) is not what the generator
//! writes from the checked-in WSDLs, or when a file it no longer writes is left behind.
//! It runs the xtask binary itself, so the check is the one CI and contributors run.

use std::process::Command;

#[test]
fn generated_code_is_up_to_date() {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["codegen", "--check"])
        .output()
        .expect("the xtask binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "generated code is stale; run `cargo xtask codegen`\n{stdout}{stderr}"
    );
    assert!(stdout.contains("generated code is up to date"), "{stdout}");
}
