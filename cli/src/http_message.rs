//! Reading back what `--dry-run` prints (an HTTP/1.1 request message) or a saved response
//! with its status line, for `decode`: the start line, the headers and the body. Input without
//! a start line is a bare body (an envelope or a JSON document), read as is.

use bingads::Wire;

/// A message split into its parts; borrowed from the input.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Message<'a> {
    /// `POST https://... HTTP/1.1` (a request) or `HTTP/1.1 400 Bad Request` (a response).
    pub request_line: Option<&'a str>,
    /// The status of a response message.
    pub status: Option<u16>,
    pub headers: Vec<(&'a str, &'a str)>,
    pub body: &'a [u8],
}

impl Message<'_> {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }
}

/// Splits `input` into start line, headers and body when it starts with an HTTP/1.1 start
/// line; otherwise all of it is the body.
pub fn parse(input: &[u8]) -> Message<'_> {
    let bare = Message {
        body: input,
        ..Message::default()
    };
    let Some(first_end) = input.iter().position(|b| *b == b'\n') else {
        return bare;
    };
    let Some(first) = input
        .get(..first_end)
        .and_then(|l| std::str::from_utf8(l).ok())
    else {
        return bare;
    };
    let first = first.trim_end_matches('\r');
    let words: Vec<&str> = first.split(' ').collect();
    let status = match words.as_slice() {
        [method, url, "HTTP/1.1"]
            if method.bytes().all(|b| b.is_ascii_uppercase()) && url.contains("://") =>
        {
            None
        }
        ["HTTP/1.1", code, ..] => match code.parse::<u16>() {
            Ok(code) => Some(code),
            Err(_) => return bare,
        },
        _ => return bare,
    };
    let mut message = Message {
        request_line: Some(first),
        status,
        headers: Vec::new(),
        body: &[],
    };
    let mut rest = input.get(first_end + 1..).unwrap_or_default();
    loop {
        let end = rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
        let line = rest.get(..end).unwrap_or_default();
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        rest = rest.get(end + 1..).unwrap_or_default();
        if line.is_empty() {
            break;
        }
        let Ok(line) = std::str::from_utf8(line) else {
            continue;
        };
        if let Some((name, value)) = line.split_once(':') {
            message.headers.push((name.trim(), value.trim()));
        }
    }
    message.body = rest;
    message
}

/// Which wire a body belongs to, by its first character: `<` SOAP, `{` (or an empty body,
/// which REST sends for responses without fields) JSON.
pub fn wire_of(body: &[u8]) -> Option<Wire> {
    let text = body.strip_prefix("\u{feff}".as_bytes()).unwrap_or(body);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'<') => Some(Wire::Soap),
        Some(b'{') | None => Some(Wire::Rest),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_messages_responses_and_bare_bodies() {
        let m = parse(b"POST https://h/p HTTP/1.1\r\nA: 1\r\nB: x: y\r\n\r\n{\"X\":1}");
        assert_eq!(m.request_line, Some("POST https://h/p HTTP/1.1"));
        assert_eq!(m.headers, [("A", "1"), ("B", "x: y")]);
        assert_eq!(m.body, b"{\"X\":1}");
        let m = parse(b"HTTP/1.1 400 Bad Request\nTrackingId: t\n\n{}");
        assert_eq!((m.status, m.header("trackingid")), (Some(400), Some("t")));
        assert_eq!(m.body, b"{}");
        let bare = b"<s:Envelope/>\n";
        assert_eq!(parse(bare).body, bare);
        assert_eq!(parse(bare).request_line, None);
        assert_eq!(wire_of(b"  <x/>"), Some(Wire::Soap));
        assert_eq!(wire_of(b"\n{}"), Some(Wire::Rest));
        assert_eq!(wire_of(b""), Some(Wire::Rest));
        assert_eq!(wire_of(b"nope"), None);
    }
}
