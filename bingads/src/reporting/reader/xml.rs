//! XML reports (quick-xml, streaming): `<Report ReportName=".." ..>` whose attributes are the
//! header block, `<Columns><Column name=".."/></Columns>`, then `<Table>` of `<Row>`s whose
//! children are named after the columns and carry the cell in a `value` attribute. Matching
//! is by local name, so the report's namespace (which has changed over API versions) does not
//! matter.

use std::io::BufRead;

use csv::ByteRecord;
use quick_xml::events::{BytesStart, Event};

use super::header::{self, ReportFooter, ReportHeader};
use crate::reporting::ReportError;

pub(crate) struct Xml<R: BufRead> {
    xml: quick_xml::Reader<R>,
    buf: Vec<u8>,
    /// Column names; empty until known (from `<Columns>`, the request, or the first row).
    columns: Vec<String>,
    /// The cells of the row being read, by column position.
    cells: Vec<String>,
    record: ByteRecord,
    rows: u64,
    /// A row read at open time to learn the columns, not yet handed out.
    pending: bool,
    done: bool,
}

pub(crate) struct Opened<R: BufRead> {
    pub reader: Xml<R>,
    pub header: ReportHeader,
    pub columns: Vec<String>,
}

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|b| *b == b':').next().unwrap_or(name)
}

impl<R: BufRead> Xml<R> {
    fn error(&self, message: impl std::fmt::Display) -> ReportError {
        ReportError::Xml {
            position: self.xml.buffer_position(),
            message: message.to_string(),
        }
    }

    fn attribute(
        &self,
        element: &BytesStart<'_>,
        name: &[u8],
    ) -> Result<Option<String>, ReportError> {
        for attr in element.attributes() {
            let attr = attr.map_err(|e| self.error(e))?;
            if local(attr.key.as_ref()) == name {
                let value = attr.unescape_value().map_err(|e| self.error(e))?;
                return Ok(Some(value.into_owned()));
            }
        }
        Ok(None)
    }

    fn next_event(&mut self) -> Result<Event<'static>, ReportError> {
        self.buf.clear();
        match self.xml.read_event_into(&mut self.buf) {
            Ok(event) => Ok(event.into_owned()),
            Err(e) => Err(self.error(e)),
        }
    }

    /// Reads the root element's attributes and the `<Columns>` list, up to `<Table>`. When
    /// the columns are neither listed nor given, reads the first row to learn them.
    pub(crate) fn open(source: R, expected: Option<&[String]>) -> Result<Opened<R>, ReportError> {
        let mut reader = Xml {
            xml: quick_xml::Reader::from_reader(source),
            buf: Vec::with_capacity(4096),
            columns: Vec::new(),
            cells: Vec::new(),
            record: ByteRecord::new(),
            rows: 0,
            pending: false,
            done: false,
        };
        let mut header = ReportHeader::default();
        let mut listed = Vec::new();
        let mut seen_root = false;
        let mut in_table = false;
        while !in_table {
            match reader.next_event()? {
                Event::Start(e) | Event::Empty(e) if !seen_root => {
                    seen_root = true;
                    for attr in e.attributes() {
                        let attr = attr.map_err(|err| reader.error(err))?;
                        if attr.key.as_ref().starts_with(b"xmlns") {
                            continue;
                        }
                        let key = String::from_utf8_lossy(local(attr.key.as_ref())).into_owned();
                        let value = attr.unescape_value().map_err(|err| reader.error(err))?;
                        if !header.set(&key, &value) {
                            header.other.push((key, value.into_owned()));
                        }
                    }
                }
                Event::Start(e) if local(e.name().as_ref()) == b"Table" => in_table = true,
                Event::Empty(e) if local(e.name().as_ref()) == b"Table" => {
                    reader.done = true;
                    break;
                }
                Event::Start(e) | Event::Empty(e) if local(e.name().as_ref()) == b"Column" => {
                    if let Some(name) = reader.attribute(&e, b"name")? {
                        listed.push(name);
                    }
                }
                Event::Eof => {
                    if !seen_root {
                        return Err(reader.error("no <Report> element"));
                    }
                    reader.done = true;
                    break;
                }
                _ => {}
            }
        }
        reader.columns = if listed.is_empty() {
            expected.map(<[String]>::to_vec).unwrap_or_default()
        } else {
            listed
        };
        if in_table && reader.columns.is_empty() {
            reader.pending = reader.read_row()?;
        }
        let columns = reader.columns.clone();
        Ok(Opened {
            reader,
            header,
            columns,
        })
    }

    /// Reads the next `<Row>` into `record`; false at the end of the table.
    fn read_row(&mut self) -> Result<bool, ReportError> {
        let learning = self.columns.is_empty();
        loop {
            match self.next_event()? {
                Event::Start(e) if local(e.name().as_ref()) == b"Row" => break,
                Event::Empty(e) if local(e.name().as_ref()) == b"Row" => {
                    self.record.clear();
                    self.rows += 1;
                    return Ok(true);
                }
                Event::Start(e) => {
                    // Something else inside the table: skip it whole.
                    let end = e.to_end().into_owned();
                    let mut skip = Vec::new();
                    self.xml
                        .read_to_end_into(end.name(), &mut skip)
                        .map_err(|err| self.error(err))?;
                }
                Event::End(e) if local(e.name().as_ref()) == b"Table" => {
                    self.done = true;
                    return Ok(false);
                }
                Event::Eof => {
                    return Err(self.error("the file ends inside <Table>; it is truncated"));
                }
                _ => {}
            }
        }
        self.cells.clear();
        self.cells.resize(self.columns.len(), String::new());
        loop {
            match self.next_event()? {
                event @ (Event::Empty(_) | Event::Start(_)) => {
                    let (e, is_start) = match event {
                        Event::Start(e) => (e, true),
                        Event::Empty(e) => (e, false),
                        _ => continue,
                    };
                    let qname = e.name();
                    let name = local(qname.as_ref());
                    let value = self.attribute(&e, b"value")?.unwrap_or_default();
                    let position = match self.columns.iter().position(|c| c.as_bytes() == name) {
                        Some(p) => Some(p),
                        None if learning => {
                            self.columns
                                .push(String::from_utf8_lossy(name).into_owned());
                            self.cells.push(String::new());
                            self.columns.len().checked_sub(1)
                        }
                        None => None,
                    };
                    if let Some(cell) = position.and_then(|p| self.cells.get_mut(p)) {
                        *cell = value;
                    }
                    if is_start {
                        let end = e.to_end().into_owned();
                        let mut skip = Vec::new();
                        self.xml
                            .read_to_end_into(end.name(), &mut skip)
                            .map_err(|err| self.error(err))?;
                    }
                }
                Event::End(_) => break,
                Event::Eof => return Err(self.error("the file ends inside <Row>; it is truncated")),
                _ => {}
            }
        }
        self.record.clear();
        for cell in &self.cells {
            self.record.push_field(cell.as_bytes());
        }
        self.rows += 1;
        Ok(true)
    }

    /// The next data row, or `None` after the table (the copyright, if any, goes into
    /// `footer`).
    pub(crate) fn next(
        &mut self,
        footer: &mut ReportFooter,
    ) -> Result<Option<(&ByteRecord, u64)>, ReportError> {
        if std::mem::take(&mut self.pending) {
            return Ok(Some((&self.record, self.rows)));
        }
        if self.done {
            return Ok(None);
        }
        if self.read_row()? {
            return Ok(Some((&self.record, self.rows)));
        }
        // After the table: a copyright text, if the service wrote one.
        loop {
            match self.next_event() {
                Ok(Event::Text(t)) => {
                    let text = t.decode().map(|c| c.into_owned()).unwrap_or_default();
                    if header::is_copyright(&text) {
                        footer.copyright = Some(text.trim().to_string());
                    }
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => {}
            }
        }
        Ok(None)
    }
}
