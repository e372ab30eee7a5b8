//! `examples/bulk.rs` against the emulator: it adds a campaign by upload, downloads it, raises
//! its keywords' bids by upload and deletes it, and says so.

#[allow(dead_code)]
#[path = "../examples/bulk.rs"]
mod bulk;

use bingads::Wire;
use bulk::common::{Out, Target};

async fn the_bulk_example_runs_against_the_emulator(wire: Wire) {
    let mut out = Out::capture();
    tokio::time::timeout(
        std::time::Duration::from_secs(60),
        bulk::run(Target::Emulator, wire, &mut out),
    )
    .await
    .expect("the example finished within 60 s")
    .unwrap_or_else(|e| panic!("{wire}: {e}\n{}", out.text()));
    let text = out.text();
    assert!(text.contains(&format!("over {wire}.")), "{text}");
    assert!(text.contains("Added campaign \"Bulk example"), "{text}");
    assert!(text.contains("\"dome tent\"): bid 0.4 -> 0.44"), "{text}");
    assert!(
        text.contains("\"ultralight tent\"): bid 0.6 -> 0.66"),
        "{text}"
    );
    assert!(
        text.contains("Updated 2 keywords (0 with errors)."),
        "{text}"
    );
    assert!(text.contains("Deleted campaign "), "{text}");
}

#[tokio::test]
async fn the_bulk_example_runs_against_the_emulator_over_rest() {
    the_bulk_example_runs_against_the_emulator(Wire::Rest).await
}

#[tokio::test]
async fn the_bulk_example_runs_against_the_emulator_over_soap() {
    the_bulk_example_runs_against_the_emulator(Wire::Soap).await
}
