//! How files land on disk: written under a temporary name in the target directory, then moved
//! into place in one step, so a reader never sees half a file, and whatever stops the
//! transfer (an error, a cancelled or dropped future, a panic) removes the temporary file.
//! An existing file is replaced only when the caller asked for it.

use std::path::{Path, PathBuf};

use super::error::TransferError;

/// A temporary file that is removed on drop unless [`TempFile::persist`] moved it into place.
#[derive(Debug)]
pub(crate) struct TempFile {
    path: PathBuf,
    armed: bool,
}

impl TempFile {
    /// Creates `.NAME.RANDOM.part` next to `target` (same directory, so the final rename
    /// stays on one file system and is atomic).
    pub fn create_for(target: &Path) -> Result<(TempFile, std::fs::File), TransferError> {
        let dir = parent_dir(target);
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "download".into());
        let mut last_error = None;
        for _ in 0..8 {
            let suffix = getrandom::u64().unwrap_or_default();
            let path = dir.join(format!(".{name}.{suffix:016x}.part"));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(file) => return Ok((TempFile { path, armed: true }, file)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last_error = Some(e),
                Err(e) => return Err(TransferError::io(dir, e)),
            }
        }
        Err(TransferError::io(
            dir,
            last_error.unwrap_or_else(|| std::io::Error::other("no free temporary name")),
        ))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Moves the file to `target`. Without `overwrite`, an existing `target` is an error and
    /// is left untouched (checked atomically where the file system supports hard links).
    pub fn persist(mut self, target: &Path, overwrite: bool) -> Result<PathBuf, TransferError> {
        if overwrite {
            std::fs::rename(&self.path, target).map_err(|e| TransferError::io(target, e))?;
            self.armed = false;
            return Ok(target.to_path_buf());
        }
        match std::fs::hard_link(&self.path, target) {
            Ok(()) => {
                // The temporary name goes with `self` on drop.
                Ok(target.to_path_buf())
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(TransferError::FileExists {
                    path: target.to_path_buf(),
                })
            }
            Err(_) => {
                // No hard links here (some network or FAT file systems): check, then rename.
                if target.exists() {
                    return Err(TransferError::FileExists {
                        path: target.to_path_buf(),
                    });
                }
                std::fs::rename(&self.path, target).map_err(|e| TransferError::io(target, e))?;
                self.armed = false;
                Ok(target.to_path_buf())
            }
        }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if self.armed {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The directory a target path lives in (`.` for a bare file name).
pub(crate) fn parent_dir(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Fails early when `target` exists and may not be replaced (before any byte is fetched).
pub(crate) fn check_target(target: &Path, overwrite: bool) -> Result<(), TransferError> {
    if !overwrite && target.exists() {
        return Err(TransferError::FileExists {
            path: target.to_path_buf(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "bingads-landing-{name}-{:x}",
            getrandom::u64().unwrap_or_default()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_dropped_temp_file_leaves_nothing() {
        let dir = scratch("drop");
        let (tmp, _file) = TempFile::create_for(&dir.join("a.csv")).unwrap();
        assert!(tmp.path().exists());
        drop(tmp);
        assert!(entries(&dir).is_empty());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn persist_never_clobbers_unless_asked() {
        let dir = scratch("clobber");
        let target = dir.join("a.csv");
        std::fs::write(&target, b"old").unwrap();
        let (tmp, _) = TempFile::create_for(&target).unwrap();
        std::fs::write(tmp.path(), b"new").unwrap();
        let e = tmp.persist(&target, false).unwrap_err();
        assert!(matches!(e, TransferError::FileExists { .. }), "{e}");
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        assert_eq!(entries(&dir), ["a.csv"]);

        let (tmp, _) = TempFile::create_for(&target).unwrap();
        std::fs::write(tmp.path(), b"new").unwrap();
        tmp.persist(&target, true).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        assert_eq!(entries(&dir), ["a.csv"]);

        let fresh = dir.join("b.csv");
        let (tmp, _) = TempFile::create_for(&fresh).unwrap();
        std::fs::write(tmp.path(), b"b").unwrap();
        tmp.persist(&fresh, false).unwrap();
        assert_eq!(entries(&dir), ["a.csv", "b.csv"]);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
