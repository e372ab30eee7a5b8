//! placeholder, being written
use crate::CmdResult;
pub fn run(_args: &[String]) -> CmdResult { Err("not written yet".into()) }
