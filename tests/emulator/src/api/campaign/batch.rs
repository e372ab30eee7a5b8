//! The batch shapes every entity family shares: add, get, update and delete a list of items
//! under one parent, each item failing on its own (a `PartialErrors` entry) while the others
//! succeed. A family passes its error codes and its own rules; the loops live here once.

use std::collections::{BTreeMap, HashSet};

use bingads_gen::Nillable;
use bingads_gen::v13::campaign_management::BatchError;

use super::{PartialErrors, partial, same_name, valid_name};
use crate::api::BatchItem;
use crate::errors::{self, ErrorCode};
use crate::state::{DataStore, Owned};

/// The codes and limits the service answers one entity family's requests with.
pub(super) struct Family {
    /// Most items, or ids, in one request.
    pub max: usize,
    /// A nil or empty item list.
    pub no_items: ErrorCode,
    /// An item list over `max`.
    pub too_many_items: ErrorCode,
    /// A nil or empty id list.
    pub no_ids: ErrorCode,
    /// An id list over `max`.
    pub too_many_ids: ErrorCode,
    /// A nil item.
    pub null: ErrorCode,
    /// An added item that comes with an id (the service assigns ids).
    pub id_set: ErrorCode,
    /// An id that is missing or not an entity under the request's parent.
    pub invalid_id: ErrorCode,
    /// An id sent twice in one request.
    pub duplicate_id: ErrorCode,
}

/// One add batch: each item must be present and come without an id (`has_id`); `add` checks
/// the family's own rules, stores the entity and returns its new id. A failed item has a nil
/// slot in the returned ids and a `PartialErrors` entry.
pub(super) fn add_each<T>(
    items: Vec<Option<T>>,
    codes: &Family,
    has_id: impl Fn(&T) -> bool,
    mut add: impl FnMut(usize, T) -> Result<i64, BatchItem>,
) -> (Nillable<Vec<Option<i64>>>, PartialErrors) {
    let mut ids = Vec::with_capacity(items.len());
    let mut errs = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let result = match item {
            None => Err(BatchItem::new(i, codes.null)),
            Some(item) if has_id(&item) => Err(BatchItem::new(i, codes.id_set).field("Id")),
            Some(item) => add(i, item),
        };
        match result {
            Ok(id) => ids.push(Some(id)),
            Err(e) => {
                ids.push(None);
                errs.push(e);
            }
        }
    }
    (Nillable::Value(ids), partial(&errs))
}

/// Stores a new entity under `parent` with a fresh id (`set_id` writes it into the value);
/// a full store fails the item with an internal error.
pub(super) fn insert_new<T>(
    data: &mut DataStore,
    family: fn(&mut DataStore) -> &mut BTreeMap<i64, Owned<T>>,
    i: usize,
    parent: i64,
    mut value: T,
    set_id: impl FnOnce(&mut T, i64),
) -> Result<i64, BatchItem> {
    let Some(id) = data.alloc_id() else {
        return Err(BatchItem::new(i, errors::INTERNAL_ERROR));
    };
    set_id(&mut value, id);
    family(data).insert(id, Owned { parent, value });
    Ok(id)
}

/// The codes of a family's name checks.
pub(super) struct NameCodes {
    /// A name that is missing, blank or too long.
    pub invalid: ErrorCode,
    /// A name a sibling already has (case-insensitive).
    pub duplicate: ErrorCode,
}

/// Whether an entity under `parent` other than `except` is called `name` (case-insensitive).
pub(super) fn name_taken<T>(
    family: &BTreeMap<i64, Owned<T>>,
    parent: i64,
    except: Option<i64>,
    name: &str,
    name_of: impl Fn(&T) -> &Nillable<String>,
) -> bool {
    family.iter().any(|(id, entity)| {
        Some(*id) != except && entity.parent == parent && same_name(name_of(&entity.value), name)
    })
}

/// A new entity's name: valid, and neither a stored sibling's (`taken`) nor an earlier item's
/// of the same batch. Returns the key to record in `batch` once the item is stored.
pub(super) fn new_name(
    i: usize,
    name: &Nillable<String>,
    codes: &NameCodes,
    batch: &HashSet<String>,
    taken: impl FnOnce(&str) -> bool,
) -> Result<String, BatchItem> {
    let Some(name) = valid_name(name) else {
        return Err(BatchItem::new(i, codes.invalid).field("Name"));
    };
    let key = name.to_lowercase();
    if batch.contains(&key) || taken(name) {
        return Err(BatchItem::new(i, codes.duplicate).field("Name"));
    }
    Ok(key)
}

/// An update's name, when it sets one: valid, and no other sibling's (`taken`).
pub(super) fn check_rename(
    i: usize,
    name: &Nillable<String>,
    codes: &NameCodes,
    taken: impl FnOnce(&str) -> bool,
) -> Result<(), BatchItem> {
    if name.value().is_none() {
        return Ok(());
    }
    match valid_name(name) {
        None => Err(BatchItem::new(i, codes.invalid).field("Name")),
        Some(name) if taken(name) => Err(BatchItem::new(i, codes.duplicate).field("Name")),
        Some(_) => Ok(()),
    }
}

/// The entities under `parent` that `keep` accepts, in id order.
pub(super) fn children<T: Clone>(
    family: &BTreeMap<i64, Owned<T>>,
    parent: i64,
    keep: impl Fn(&T) -> bool,
) -> Nillable<Vec<Option<T>>> {
    let found = family
        .values()
        .filter(|entity| entity.parent == parent && keep(&entity.value))
        .map(|entity| Some(entity.value.clone()))
        .collect();
    Nillable::Value(found)
}

/// The entity `id` under `parent` for a get by ids: `invalid` when there is none, and
/// `EntityIdFilterMismatch` when the request's filter (`keep`) refuses it.
pub(super) fn child<T: Clone>(
    family: &BTreeMap<i64, Owned<T>>,
    parent: i64,
    id: i64,
    keep: impl Fn(&T) -> bool,
    invalid: ErrorCode,
) -> Result<T, ErrorCode> {
    match family.get(&id).filter(|entity| entity.parent == parent) {
        Some(entity) if keep(&entity.value) => Ok(entity.value.clone()),
        Some(_) => Err(errors::ENTITY_ID_FILTER_MISMATCH),
        None => Err(invalid),
    }
}

/// One update batch: each item must be present and name (by `id_of`) an entity `owned`
/// accepts, at most once; `apply` checks the family's own rules and stores the merged entity.
pub(super) fn update_each<T>(
    data: &mut DataStore,
    items: Vec<Option<T>>,
    codes: &Family,
    id_of: impl Fn(&T) -> Option<i64>,
    owned: impl Fn(&DataStore, i64) -> bool,
    mut apply: impl FnMut(&mut DataStore, usize, i64, T) -> Result<(), BatchItem>,
) -> Nillable<Vec<Option<BatchError>>> {
    let mut errs = Vec::new();
    let mut seen = HashSet::new();
    for (i, item) in items.into_iter().enumerate() {
        let result = match item {
            None => Err(BatchItem::new(i, codes.null)),
            Some(update) => match id_of(&update).filter(|id| owned(data, *id)) {
                None => Err(BatchItem::new(i, codes.invalid_id).field("Id")),
                Some(id) if !seen.insert(id) => {
                    Err(BatchItem::new(i, codes.duplicate_id).field("Id"))
                }
                Some(id) => apply(data, i, id, update),
            },
        };
        if let Err(e) = result {
            errs.push(e);
        }
    }
    partial(&errs)
}

/// One delete batch: each id at most once, naming an entity `owned` accepts (else an error
/// with the id as its details); `remove` may still refuse it (a budget in use) or removes it
/// with what it owns.
pub(super) fn delete_each(
    data: &mut DataStore,
    ids: Vec<i64>,
    codes: &Family,
    owned: impl Fn(&DataStore, i64) -> bool,
    mut remove: impl FnMut(&mut DataStore, usize, i64) -> Result<(), BatchItem>,
) -> PartialErrors {
    let mut errs = Vec::new();
    let mut seen = HashSet::new();
    for (i, id) in ids.into_iter().enumerate() {
        let result = if !seen.insert(id) {
            Err(BatchItem::new(i, codes.duplicate_id))
        } else if !owned(data, id) {
            Err(BatchItem::new(i, codes.invalid_id).details(id.to_string()))
        } else {
            remove(data, i, id)
        };
        if let Err(e) = result {
            errs.push(e);
        }
    }
    partial(&errs)
}
