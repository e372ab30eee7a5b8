//! `bulk_record!`: declares a typed record struct (its fields, the error rows and the source
//! row every record has) and its [`TypedRecord`](crate::bulk::table::TypedRecord) impl over a
//! column table. `bulk_only_record!`: the same for a record with no API object, whose every
//! column is a field of its own, declared once with its column name and cell format.

/// `bulk_record! { /// docs  pub struct BulkX = "X Type" (kind N, entity field: Type "Name") { fields } table TABLE }`
macro_rules! bulk_record {
    (
        $(#[$m:meta])*
        pub struct $name:ident = $type:literal (kind $kind:literal $(, entity $entity:ident: $ety:ty)? $(, rows $($hooks:ident)::+)?) {
            $($(#[$fm:meta])* pub $f:ident: $t:ty,)*
        }
        table $table:ident
    ) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct $name {
            $(
                #[doc = concat!("The `", stringify!($ety), "` this record carries.")]
                pub $entity: $ety,
            )?
            $($(#[$fm])* pub $f: $t,)*
            /// Error rows the service attached to this record.
            pub errors: Vec<$crate::bulk::record::RowError>,
            /// The row this record was read from: columns the table does not map, and cells
            /// whose value did not change, are written back from it exactly.
            pub source: Option<$crate::bulk::row::BulkRow>,
        }

        impl $crate::bulk::table::TypedRecord for $name {
            const TYPE: &'static str = $type;
            const KIND: usize = $kind;
            fn table() -> &'static [$crate::bulk::table::Column<Self>] {
                $table
            }
            fn source(&self) -> Option<&$crate::bulk::row::BulkRow> {
                self.source.as_ref()
            }
            fn set_source(&mut self, row: $crate::bulk::row::BulkRow) {
                self.source = Some(row);
            }
            fn take_source(&mut self) -> Option<$crate::bulk::row::BulkRow> {
                self.source.take()
            }
            fn errors(&self) -> &[$crate::bulk::record::RowError] {
                &self.errors
            }
            fn errors_mut(&mut self) -> &mut Vec<$crate::bulk::record::RowError> {
                &mut self.errors
            }
            $(
                fn continues_with(&self, row: &$crate::bulk::row::BulkRow) -> bool {
                    $($hooks)::+::continues_with(self, row)
                }
                fn push_row(
                    &mut self,
                    row: $crate::bulk::row::BulkRow,
                    positions: &mut $crate::bulk::table::Positions,
                ) -> Result<(), $crate::bulk::error::BulkError> {
                    $($hooks)::+::push_row(self, row, positions)
                }
                fn write_more(
                    &self,
                    out: &mut $crate::bulk::file::writer::RowWriter,
                ) -> Result<(), $crate::bulk::error::BulkError> {
                    $($hooks)::+::write_more(self, out)
                }
            )?
        }

        $crate::bulk::records::macros::entity_json!($name $(, $entity: $ety)?);
        $crate::bulk::records::macros::more_json!($name $(, $($hooks)::+)?);
    };
}

/// A record without an API object: each column is one line, `"Column" => field: Type as
/// Format`, which declares the field and its table row together (in table order), so a
/// column's name, field and format are written once.
macro_rules! bulk_only_record {
    (
        $(#[$m:meta])*
        pub struct $name:ident = $type:literal (kind $kind:literal) table $table:ident {
            $($(#[$fm:meta])* $column:literal => $f:ident: $t:ty as $format:ty,)*
        }
    ) => {
        $crate::bulk::records::macros::bulk_record! {
            $(#[$m])*
            pub struct $name = $type (kind $kind) {
                $(#[doc = concat!("`", $column, "`.")] $(#[$fm])* pub $f: $t,)*
            }
            table $table
        }

        static $table: &[$crate::bulk::table::Column<$name>] = &[
            $($crate::bulk::table::col!($column => $f, $format),)*
        ];
    };
}

/// The embedded API object of a record, for the JSON form.
#[cfg(feature = "bulk-json")]
macro_rules! entity_json {
    ($name:ident) => {
        impl $crate::bulk::json::EntityJson for $name {}
    };
    ($name:ident, $entity:ident: $ety:ty) => {
        impl $crate::bulk::json::EntityJson for $name {
            const ENTITY: Option<&'static str> =
                Some($crate::bulk::records::macros::type_name(stringify!($ety)));
            fn write_entity(&self, w: &mut $crate::bulk::json_doc::JsonWriter) {
                w.raw_value(&bingads_gen::json::to_string(&self.$entity))
            }
            fn read_entity(
                &mut self,
                v: &$crate::bulk::json_doc::JsonValue,
            ) -> Result<(), bingads_gen::json::JsonError> {
                self.$entity = $crate::bulk::json::read_api_object(v)?;
                Ok(())
            }
        }
    };
}

/// The last segment of a stringified type path: the JSON key of a record's API object is
/// `BiddableAdGroupCriterion`, not the path a macro named it by
/// (`bingads_gen :: v13 :: campaign_management :: BiddableAdGroupCriterion`).
#[cfg(feature = "bulk-json")]
pub(crate) const fn type_name(path: &'static str) -> &'static str {
    let mut rest = path.as_bytes();
    let mut at = 0usize;
    let mut start = 0usize;
    while let [byte, tail @ ..] = rest {
        at += 1;
        if *byte == b':' || *byte == b' ' {
            start = at;
        }
        rest = tail;
    }
    match path.as_bytes().split_at_checked(start) {
        Some((_, name)) => match std::str::from_utf8(name) {
            Ok(name) => name,
            Err(_) => path,
        },
        None => path,
    }
}

#[cfg(not(feature = "bulk-json"))]
macro_rules! entity_json {
    ($($t:tt)*) => {};
}

/// Records without further rows have no extra JSON members; the others implement
/// `MoreJson` by hand.
#[cfg(feature = "bulk-json")]
macro_rules! more_json {
    ($name:ident) => {
        impl $crate::bulk::json::MoreJson for $name {}
    };
    ($name:ident, $($hooks:ident)::+) => {};
}

#[cfg(not(feature = "bulk-json"))]
macro_rules! more_json {
    ($($t:tt)*) => {};
}

pub(crate) use {bulk_only_record, bulk_record, entity_json, more_json};
