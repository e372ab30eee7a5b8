//! Shared helpers: an emulator on 127.0.0.1:0 kept running on its own runtime, and `bingads`
//! commands with a clean environment (no BINGADS_* from the caller, HOME and XDG_CONFIG_HOME
//! in a temporary folder).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use bingads_emulator::{ACCOUNT_ID, CUSTOMER_ID, DEVELOPER_TOKEN, Emulator, PASSWORD, USER_NAME};

/// A running emulator and the runtime that serves it.
pub struct Emu {
    pub emulator: Emulator,
    // Dropped after the emulator (fields drop in order).
    _rt: tokio::runtime::Runtime,
}

impl Emu {
    pub fn start() -> Emu {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let emulator = rt.block_on(Emulator::start()).expect("emulator starts");
        Emu { emulator, _rt: rt }
    }

    pub fn base(&self) -> String {
        self.emulator.base_url()
    }
}

impl std::ops::Deref for Emu {
    type Target = Emulator;
    fn deref(&self) -> &Emulator {
        &self.emulator
    }
}

/// A temporary home for the credentials file.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    pub fn credentials(&self) -> PathBuf {
        self.config().join("bingads").join("credentials.json")
    }
}

/// The path of the built `bingads` binary.
pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("bingads")
}

/// Removes every BINGADS_* variable the test process has and points the configuration at
/// `home`.
pub fn isolate(cmd: &mut std::process::Command, home: &Path) {
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("BINGADS_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("HOME", home);
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
}

/// `bingads` with a clean environment.
pub fn bingads(home: &Home) -> Command {
    let mut std_cmd = std::process::Command::new(bin());
    isolate(&mut std_cmd, home.dir.path());
    let mut cmd = Command::from_std(std_cmd);
    cmd.timeout(std::time::Duration::from_secs(60));
    cmd
}

/// `bingads` pointed at the emulator with the legacy UserName/Password credentials.
pub fn bingads_at(emu: &Emu, home: &Home) -> Command {
    let mut cmd = bingads(home);
    cmd.env("BINGADS_ENDPOINT", emu.base())
        .env("BINGADS_DEVELOPER_TOKEN", DEVELOPER_TOKEN)
        .env("BINGADS_USERNAME", USER_NAME)
        .env("BINGADS_PASSWORD", PASSWORD)
        .env("BINGADS_CUSTOMER_ID", CUSTOMER_ID.to_string())
        .env("BINGADS_ACCOUNT_ID", ACCOUNT_ID.to_string());
    cmd
}

/// Parses JSON output (serde_json is a dependency of the crate under test).
pub fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(bytes)))
}

/// The detail object of a fault's JSON, in either shape: `{"Type": name, ...}` (the REST
/// form) or `{name: {...}}` (keyed by the detail element).
pub fn fault_detail<'a>(fault: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    let detail = &fault["Detail"];
    if detail["Type"] == name {
        return detail;
    }
    assert!(detail[name].is_object(), "no {name} detail in {fault}");
    &detail[name]
}
