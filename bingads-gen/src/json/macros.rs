//! The one-line impls generated code invokes per type: the serde traits and the JSON codec
//! traits, all delegating to the generic helpers of this module.

/// `JsonRead` and `JsonWrite` for a struct with `JsonStruct` + `JsonMembers`, and the serde
/// traits.
macro_rules! json_struct {
    ($t:ty) => {
        impl $crate::json::JsonRead for $t {
            fn read<'de, D: serde::Deserializer<'de>>(
                d: D,
                cx: &$crate::json::Cx,
            ) -> Result<Self, D::Error> {
                $crate::json::read_struct(d, cx)
            }
        }
        impl $crate::json::JsonWrite for $t {
            fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $crate::json::write_struct(self, s, None)
            }
        }
        $crate::json::serde_impls!($t);
    };
}

/// `JsonRead` and `JsonWrite` for an enumeration with `JsonEnum`, and the serde traits.
macro_rules! json_enum {
    ($t:ty) => {
        impl $crate::json::JsonRead for $t {
            fn read<'de, D: serde::Deserializer<'de>>(
                d: D,
                cx: &$crate::json::Cx,
            ) -> Result<Self, D::Error> {
                $crate::json::read_enum(d, cx)
            }
        }
        impl $crate::json::JsonWrite for $t {
            fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $crate::json::write_enum(self, s)
            }
        }
        $crate::json::serde_impls!($t);
    };
}

/// `JsonRead` for a polymorphic family with `JsonPoly` (its `JsonWrite` is generated), and
/// the serde traits.
macro_rules! json_poly {
    ($t:ty) => {
        impl $crate::json::JsonRead for $t {
            fn read<'de, D: serde::Deserializer<'de>>(
                d: D,
                cx: &$crate::json::Cx,
            ) -> Result<Self, D::Error> {
                $crate::json::read_poly(d, cx)
            }
        }
        $crate::json::serde_impls!($t);
    };
}

/// `JsonBody` for a request type: its REST body is its JSON form.
macro_rules! json_request {
    ($t:ty) => {
        impl $crate::json::JsonBody for $t {
            fn write_json_body(&self, out: &mut Vec<u8>) {
                $crate::json::write_body(self, out)
            }
        }
    };
}

/// `JsonFaultDetail` for a service's `FaultDetail`: each REST `Type` value with the variant
/// and the detail type it reads into.
macro_rules! json_fault_detail {
    ($t:ty { $($name:literal => $variant:ident($detail:ty)),* $(,)? }) => {
        impl $crate::json::JsonFaultDetail for $t {
            fn decode_json_detail(type_name: &str, body: &serde_json::Value) -> Option<Self> {
                match type_name {
                    $($name => $crate::json::from_value_lenient::<$detail>(body).ok().map(Self::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

/// `Serialize` and (strict) `Deserialize` through the JSON codec traits.
macro_rules! serde_impls {
    ($t:ty) => {
        impl $crate::json::ArrayItem for $t {}
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $crate::json::JsonWrite::write(self, s)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::json::deserialize_strict(d)
            }
        }
    };
}

pub(crate) use {json_enum, json_fault_detail, json_poly, json_request, json_struct, serde_impls};
