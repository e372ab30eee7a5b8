//! `bingads bulk` against the emulator: download with an entity list, upload with a per-row
//! error summary, status and resume by request id, and the errors for a bad entity name and
//! an existing output file.

mod common;

use common::{Emu, Home, bingads_at, json};

fn csv_rows(path: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn download_then_upload_then_status_and_resume() {
    let emu = Emu::start();
    let home = Home::new();
    let out = home.dir.path().join("entities.csv");

    // Adds through an upload: a campaign referenced by an ad group, a keyword, and a bad row.
    let upload = home.dir.path().join("upload.csv");
    std::fs::write(
        &upload,
        "Type,Id,Parent Id,Campaign,Ad Group,Budget,Keyword,Match Type,Bid,Name\r\n\
         Format Version,,,,,,,,,6.0\r\n\
         Campaign,-1,,Contoso Outdoor,,50,,,,\r\n\
         Ad Group,-2,-1,,Backpacks,,,,0.5,\r\n\
         Keyword,,-2,,,,kids hiking backpack,Phrase,0.41,\r\n\
         Keyword,,-2,,,,,Phrase,0.41,\r\n",
    )
    .unwrap();
    let result = home.dir.path().join("result.csv");
    let o = bingads_at(&emu, &home)
        .args(["bulk", "upload"])
        .arg(&upload)
        .args(["--results", "-q", "--poll-interval", "1", "-o"])
        .arg(&result)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let summary = json(&o.stdout);
    assert_eq!(summary["ResultFile"], result.to_string_lossy().as_ref());
    let errors = summary["Errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{summary}");
    assert_eq!(errors[0]["Type"], "Keyword Error");
    assert_eq!(errors[0]["Error"], "CampaignServiceInvalidKeywordText");
    assert_eq!(errors[0]["ErrorNumber"], "1503");
    let upload_id = summary["RequestId"].as_str().unwrap().to_string();

    let o = bingads_at(&emu, &home)
        .args([
            "bulk",
            "download",
            "--entities",
            "campaigns,ad-groups,keywords",
            "-q",
            "--poll-interval",
            "1",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v = json(&o.stdout);
    assert_eq!(v["File"], out.to_string_lossy().as_ref());
    assert!(v["SyncTime"].as_str().unwrap().contains('/'));
    let rows = csv_rows(&out);
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Campaign,") && r.contains("Contoso Outdoor")),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Keyword,") && r.contains("kids hiking backpack"))
    );
    let download_id = v["RequestId"].as_str().unwrap().to_string();

    // The same file again: refused without --overwrite, nothing touched.
    let before = std::fs::read(&out).unwrap();
    let o = bingads_at(&emu, &home)
        .args(["bulk", "resume", "--download", &download_id, "-q", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&out).unwrap(), before);
    let o = bingads_at(&emu, &home)
        .args([
            "bulk",
            "resume",
            "--download",
            &download_id,
            "-q",
            "--overwrite",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    for (flag, id, status) in [
        ("--download", &download_id, "Completed"),
        ("--upload", &upload_id, "CompletedWithErrors"),
    ] {
        let o = bingads_at(&emu, &home)
            .args(["bulk", "status", flag, id])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let s = json(&o.stdout);
        assert_eq!(s["Status"], status);
        assert_eq!(s["PercentComplete"], 100);
        assert_eq!(s["ResultFileReady"], true);
    }
    let resumed = home.dir.path().join("again.csv");
    let o = bingads_at(&emu, &home)
        .args(["bulk", "resume", "--upload", &upload_id, "-q", "-o"])
        .arg(&resumed)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(json(&o.stdout)["Errors"].as_array().unwrap().len(), 1);
}

#[test]
fn a_bad_entity_name_is_a_usage_error_before_anything_is_sent() {
    let emu = Emu::start();
    let home = Home::new();
    let o = bingads_at(&emu, &home)
        .args(["bulk", "download", "--entities", "keywordz"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("unknown entity `keywordz`"), "{err}");
    assert!(emu.requests().iter().all(|r| r.service != "BulkService"));
}

#[test]
fn bulk_help_lists_every_command() {
    let home = Home::new();
    let o = common::bingads(&home)
        .args(["bulk", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&o.stdout);
    for command in ["download", "upload", "status", "resume", "read", "write"] {
        assert!(help.contains(command), "{help}");
    }
}

#[test]
fn read_prints_json_lines_and_write_turns_them_back_into_a_file() {
    let home = Home::new();
    let file = home.dir.path().join("in.csv");
    std::fs::write(
        &file,
        "\u{feff}Type,Status,Id,Parent Id,Campaign,Ad Group,Keyword,Match Type,Bid,Name,Mystery\r\n\
         Format Version,,,,,,,,,6.0,\r\n\
         Keyword,Active,191609573,199321527,Contoso Outdoor,Backpacks - Broad,kids hiking backpack,Phrase,0.41,,\r\n\
         Unknown Thing,,5,,,,,,,,x\r\n",
    )
    .unwrap();
    let o = common::bingads(&home)
        .args(["bulk", "read"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| json(l.as_bytes())).collect();
    let keyword = lines
        .iter()
        .find(|v| v["Type"] == "Keyword")
        .expect("a keyword line");
    assert_eq!(keyword["Keyword"]["Text"], "kids hiking backpack");
    assert_eq!(keyword["Keyword"]["Id"], "191609573");
    let unknown = lines.iter().find(|v| v["Type"] == "Unknown Thing").unwrap();
    assert_eq!(unknown["Untyped"], true);
    assert_eq!(unknown["Cells"]["Mystery"], "x");

    let jsonl = home.dir.path().join("records.jsonl");
    std::fs::write(&jsonl, &text).unwrap();
    let out = home.dir.path().join("out.tsv");
    let o = common::bingads(&home)
        .args(["bulk", "write", "--format", "tsv", "--input"])
        .arg(&jsonl)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with('\u{feff}'));
    assert!(
        written
            .lines()
            .any(|l| l.starts_with("Keyword\t") && l.contains("kids hiking backpack")),
        "{written}"
    );
    // Read back: the same records.
    let o = common::bingads(&home)
        .args(["bulk", "read"])
        .arg(&out)
        .output()
        .unwrap();
    let again: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| json(l.as_bytes()))
        .collect();
    let k2 = again.iter().find(|v| v["Type"] == "Keyword").unwrap();
    assert_eq!(k2["Keyword"], keyword["Keyword"]);

    // A bad line: a usage error naming the line, and no output file.
    std::fs::write(
        &jsonl,
        "{\"Type\": \"Keyword\", \"Row\": 1, \"Keyword\": {\"Bid\": 5}}\n",
    )
    .unwrap();
    let bad = home.dir.path().join("bad.csv");
    let o = common::bingads(&home)
        .args(["bulk", "write", "--input"])
        .arg(&jsonl)
        .arg("--output")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!bad.exists());
    assert!(
        std::fs::read_dir(home.dir.path()).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".part"))
    );
}

#[test]
fn since_sends_the_files_sync_time_as_the_last_sync_time_and_a_bad_time_is_refused() {
    let emu = Emu::start();
    let home = Home::new();
    let o = bingads_at(&emu, &home)
        .args(["bulk", "download", "--since", "yesterday", "-q"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("--since `yesterday` is not a time"), "{err}");
    assert!(emu.requests().iter().all(|r| r.service != "BulkService"));

    // The `Sync Time` cell of a downloaded file (`MM/dd/yyyy HH:mm:ss`, UTC) as printed in
    // SyncTime, fed back as --since.
    let out = home.dir.path().join("delta.csv");
    let o = bingads_at(&emu, &home)
        .args(["bulk", "download", "--since", "12/06/2026 05:44:34", "-q"])
        .args(["--poll-interval", "1", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let submits: Vec<_> = emu
        .requests()
        .into_iter()
        .filter(|r| r.operation == "DownloadCampaignsByAccountIds")
        .collect();
    assert_eq!(submits.len(), 1);
    assert!(
        submits[0].body.contains("2026-12-06T05:44:34"),
        "LastSyncTime in {}",
        submits[0].body
    );
    assert!(out.exists());
}
