//! A small element tree, for documents read without a schema type (SOAP faults scanned for
//! error codes whatever service sent them, envelopes shown by debugging tools).

use super::{DecodeError, XmlReader};

/// An element: its local name, its text content (for leaves) and its child elements.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct XmlElement {
    pub name: String,
    /// True when the element carried `xsi:nil="true"`.
    pub nil: bool,
    /// The `xsi:type` local name, if any.
    pub xsi_type: Option<String>,
    /// Text of a leaf element (empty when the element has children).
    pub text: String,
    pub children: Vec<XmlElement>,
}

/// Elements a tree may hold at most; larger documents are refused (a tree is for small
/// documents such as faults).
pub const MAX_TREE_ELEMENTS: usize = 100_000;

impl XmlElement {
    /// Parses a whole document into a tree.
    pub fn parse(input: &[u8]) -> Result<XmlElement, DecodeError> {
        let mut r = XmlReader::new(input);
        let name = r.root()?;
        let mut budget = MAX_TREE_ELEMENTS;
        read_element(&mut r, name, &mut budget)
    }

    /// The first child with this local name.
    pub fn child(&self, name: &str) -> Option<&XmlElement> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Text of the first child with this local name (`None` when absent or nil).
    pub fn child_text(&self, name: &str) -> Option<&str> {
        self.child(name).filter(|c| !c.nil).map(|c| c.text.as_str())
    }

    /// Depth-first search for the first element with this local name (self included).
    pub fn find(&self, name: &str) -> Option<&XmlElement> {
        if self.name == name {
            return Some(self);
        }
        self.children.iter().find_map(|c| c.find(name))
    }

    /// Visits every element depth-first with its parent's name.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a XmlElement, Option<&'a XmlElement>)) {
        fn go<'a>(
            e: &'a XmlElement,
            parent: Option<&'a XmlElement>,
            f: &mut dyn FnMut(&'a XmlElement, Option<&'a XmlElement>),
        ) {
            f(e, parent);
            for c in &e.children {
                go(c, Some(e), f);
            }
        }
        go(self, None, f);
    }
}

fn read_element(
    r: &mut XmlReader<'_>,
    name: String,
    budget: &mut usize,
) -> Result<XmlElement, DecodeError> {
    let mut element = XmlElement {
        name,
        nil: r.is_nil(),
        xsi_type: r.xsi_type().map(str::to_string),
        ..Default::default()
    };
    // Children first; if there are none, the element's text is what matters. Mixed content
    // does not occur in these documents, so reading one or the other loses nothing.
    let mut children = Vec::new();
    let text = r.read_mixed(|r, child_name| {
        if *budget == 0 {
            return Err(r.error(super::DecodeErrorKind::UnexpectedElement {
                expected: format!("at most {MAX_TREE_ELEMENTS} elements"),
                found: "more".into(),
            }));
        }
        *budget -= 1;
        let child_name = String::from_utf8_lossy(child_name).into_owned();
        children.push(read_element(r, child_name, budget)?);
        Ok(())
    })?;
    if children.is_empty() {
        element.text = text;
    }
    element.children = children;
    Ok(element)
}
