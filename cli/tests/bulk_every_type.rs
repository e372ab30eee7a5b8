//! `bingads bulk read` on a file with one row of every record Type the official SDK maps
//! (`bingads/tests/fixtures/bulk/sdk_every_type.csv`): no line says `"Untyped": true`.

mod common;

use common::Home;

#[test]
fn bulk_read_shows_every_sdk_record_type_typed() {
    let home = Home::new();
    let file = home.dir.path().join("every_type.csv");
    std::fs::write(
        &file,
        include_bytes!("../../bingads/tests/fixtures/bulk/sdk_every_type.csv"),
    )
    .unwrap();
    let o = common::bingads(&home)
        .args(["bulk", "read"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert!(lines.len() > 200, "{}", lines.len());
    let untyped: Vec<&str> = lines
        .iter()
        .filter(|v| v["Untyped"] == true)
        .map(|v| v["Type"].as_str().expect("a Type"))
        .collect();
    assert!(untyped.is_empty(), "untyped lines: {untyped:?}");
    // Typed lines carry their Type too, and none says `"Untyped": false` by accident.
    assert!(
        lines
            .iter()
            .any(|v| v["Type"] == "Topic" && v.get("Untyped").is_none())
    );
}
