//! `part_format!`: a cell format for one field of an optional API object that several
//! columns share (a listing group's `Dimension`, a conversion goal's `Revenue`). Reading a
//! part creates the object on first use and fills only that field, so the columns can come in
//! any order; writing a part of an absent object writes nothing.

/// `part_format!(/// docs  Name: Parent, field, InnerFormat, FieldType)`.
macro_rules! part_format {
    ($(#[$m:meta])* $name:ident: $parent:ty, $field:ident, $fmt:ty, $t:ty) => {
        $(#[$m])*
        pub(crate) struct $name;

        impl $crate::bulk::values::CellFormat<bingads_gen::types::Nillable<$parent>> for $name {
            fn parse(
                cell: &str,
            ) -> Result<bingads_gen::types::Nillable<$parent>, $crate::bulk::error::ValueError> {
                let mut slot = bingads_gen::types::Nillable::Absent;
                <Self as $crate::bulk::values::CellFormat<_>>::read_into(&mut slot, cell)?;
                Ok(slot)
            }
            fn read_into(
                slot: &mut bingads_gen::types::Nillable<$parent>,
                cell: &str,
            ) -> Result<(), $crate::bulk::error::ValueError> {
                // Parsed first, so an invalid cell leaves the object as it was.
                let part = <$fmt as $crate::bulk::values::CellFormat<$t>>::parse(cell)?;
                match slot {
                    bingads_gen::types::Nillable::Value(parent) => parent.$field = part,
                    _ => {
                        let mut parent = <$parent>::default();
                        parent.$field = part;
                        *slot = bingads_gen::types::Nillable::Value(parent);
                    }
                }
                Ok(())
            }
            fn format(value: &bingads_gen::types::Nillable<$parent>, out: &mut String) {
                if let bingads_gen::types::Nillable::Value(parent) = value {
                    <$fmt as $crate::bulk::values::CellFormat<$t>>::format(&parent.$field, out)
                }
            }
        }
    };
}

pub(crate) use part_format;
