//! The decoding context a `DeserializeSeed` carries through one document: whether names
//! are checked strictly (user input) or leniently (service responses), and the path of the
//! value an error came from. The path is recorded while an error unwinds, so a successful
//! decode pays nothing for it; no state outlives the call or is shared between threads.

use std::cell::{Cell, RefCell};
use std::fmt;

/// How strictly a document is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// User input: an unknown member, enumeration value or `Type` is an error (a typo
    /// silently dropped would lose the user's data).
    Strict,
    /// Service responses: unknown members are skipped, unknown values and types kept, so a
    /// newer service never breaks an older client; a family variant's own `Type` member is
    /// filled from the discriminator, as the service's SOAP replies carry it.
    Lenient,
}

/// One step of a path from the document root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

/// The per-document decoding context (see the module documentation).
#[derive(Debug)]
pub struct Cx {
    mode: Mode,
    /// Innermost segment first: pushed while an error travels outwards.
    trail: RefCell<Vec<Seg>>,
    /// Set when a lenient read met text where the schema has an object (a recorded REST
    /// shape difference); the enclosing nillable member then reads as absent.
    text_for_object: Cell<bool>,
}

impl Cx {
    pub fn new(mode: Mode) -> Self {
        Cx {
            mode,
            trail: RefCell::new(Vec::new()),
            text_for_object: Cell::new(false),
        }
    }

    pub fn strict(&self) -> bool {
        self.mode == Mode::Strict
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Notes text read where an object belongs (lenient mode only).
    pub(crate) fn saw_text_for_object(&self) {
        self.text_for_object.set(true);
    }

    /// Whether text stood for an object since the last call (and forgets it).
    pub(crate) fn take_text_for_object(&self) -> bool {
        self.text_for_object.replace(false)
    }

    /// Records that the error now unwinding came from member `key`.
    #[cold]
    pub(crate) fn in_key(&self, key: &str) {
        self.trail.borrow_mut().push(Seg::Key(key.to_string()));
    }

    /// Records that the error now unwinding came from array item `index`.
    #[cold]
    pub(crate) fn in_index(&self, index: usize) {
        self.trail.borrow_mut().push(Seg::Index(index));
    }

    /// The recorded path, root first.
    pub(crate) fn path(&self) -> Vec<Seg> {
        self.trail.borrow().iter().rev().cloned().collect()
    }
}

/// `$.Campaigns[0].BiddingScheme` for a path.
pub(crate) struct PathDisplay<'a>(pub &'a [Seg]);

impl fmt::Display for PathDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for s in self.0 {
            match s {
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}
