//! API change reports between two models (placeholder while the full diff is written).
use crate::model::Service;

pub struct ServiceDiff {
    changes: Vec<String>,
}
impl ServiceDiff {
    pub fn describe(&self) -> Vec<String> {
        self.changes.clone()
    }
}
pub fn diff_services(old: &Service, new: &Service) -> ServiceDiff {
    ServiceDiff {
        changes: if old == new {
            vec![]
        } else {
            vec![format!("{} differs", old.name)]
        },
    }
}
