//! Everything an emulator instance remembers: seed data, OAuth grants, campaign entities,
//! queued injections and recorded requests. Each part has its own lock, held only for
//! short synchronous sections (never across an `.await`).

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use crate::inject::{Injection, InjectionRule};
use crate::oauth::OAuthStore;
use crate::{EmulatorConfig, TokenSet};

/// Locks a mutex, recovering the data if a panicking thread poisoned it (state stays usable;
/// the emulator never panics while holding a lock on purpose).
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Most queued injections kept.
const MAX_INJECTIONS: usize = 10_000;
/// Most campaign-management entities (budgets, campaigns, ad groups, keywords, ads) stored.
pub(crate) const MAX_ENTITIES: usize = 1_000_000;

/// One API call (SOAP or REST) as the emulator received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// `"soap"` or `"rest"`.
    pub wire: String,
    /// The HTTP method (`POST`; REST also uses `PUT` and `DELETE`).
    pub method: String,
    /// e.g. `CampaignManagementService`.
    pub service: String,
    /// The operation the `SOAPAction` (or the REST method and path) named, e.g.
    /// `AddCampaigns` (empty if it named none).
    pub operation: String,
    /// The `SOAPAction` header as sent (quotes removed); empty on REST.
    pub soap_action: String,
    /// The request path.
    pub path: String,
    /// HTTP headers in the order received, names lowercase.
    pub http_headers: Vec<(String, String)>,
    /// SOAP header elements `(local name, text)`, when the envelope could be read. On REST,
    /// the credential HTTP headers under the same names (`AuthenticationToken` for the
    /// token of `Authorization: Bearer`), so a test reads them the same way on both wires.
    pub soap_headers: Vec<(String, String)>,
    /// The request body (lossy UTF-8).
    pub body: String,
    /// The injection applied to this call, if any (e.g. `"CallRateExceeded"`).
    pub injected: Option<String>,
    /// Which TCP connection carried the call (numbered from 1 in accept order).
    pub connection_id: u64,
}

impl RecordedRequest {
    /// An HTTP header's value (name case-insensitive).
    pub fn http_header(&self, name: &str) -> Option<&str> {
        self.http_headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// A SOAP header element's text, e.g. `soap_header("CustomerAccountId")`.
    pub fn soap_header(&self, name: &str) -> Option<&str> {
        self.soap_headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The seeded user.
#[derive(Debug, Clone)]
pub(crate) struct UserRecord {
    pub id: i64,
    pub user_name: String,
    pub password: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub customer_id: i64,
}

#[derive(Debug, Clone)]
pub(crate) struct CustomerRecord {
    pub id: i64,
    pub name: String,
    pub number: String,
}

#[derive(Debug, Clone)]
pub(crate) struct AccountRecord {
    pub id: i64,
    pub name: String,
    pub number: String,
    pub customer_id: i64,
}

/// The fixed directory of users, customers and accounts.
#[derive(Debug, Clone)]
pub(crate) struct Directory {
    pub user: UserRecord,
    pub customer: CustomerRecord,
    pub accounts: Vec<AccountRecord>,
}

impl Directory {
    fn seed(config: &EmulatorConfig) -> Self {
        Directory {
            user: UserRecord {
                id: crate::USER_ID,
                user_name: config.user_name.clone(),
                password: config.password.clone(),
                first_name: "Emma".into(),
                last_name: "Ulator".into(),
                email: config.user_name.clone(),
                customer_id: crate::CUSTOMER_ID,
            },
            customer: CustomerRecord {
                id: crate::CUSTOMER_ID,
                name: "Emulator Customer".into(),
                number: crate::CUSTOMER_NUMBER.into(),
            },
            accounts: vec![
                AccountRecord {
                    id: crate::ACCOUNT_ID,
                    name: crate::ACCOUNT_NAME.into(),
                    number: crate::ACCOUNT_NUMBER.into(),
                    customer_id: crate::CUSTOMER_ID,
                },
                AccountRecord {
                    id: crate::SECOND_ACCOUNT_ID,
                    name: crate::SECOND_ACCOUNT_NAME.into(),
                    number: crate::SECOND_ACCOUNT_NUMBER.into(),
                    customer_id: crate::CUSTOMER_ID,
                },
            ],
        }
    }

    /// The account with this id, if the user can access it.
    pub fn account(&self, id: i64) -> Option<&AccountRecord> {
        self.accounts.iter().find(|a| a.id == id)
    }
}

/// An entity with the id of what owns it (account, campaign or ad group).
#[derive(Debug, Clone)]
pub(crate) struct Owned<T> {
    pub parent: i64,
    pub value: T,
}

/// Campaign Management entities.
#[derive(Debug, Default)]
pub(crate) struct DataStore {
    next_id: i64,
    pub budgets: BTreeMap<i64, Owned<bingads_gen::v13::campaign_management::Budget>>,
    pub campaigns: BTreeMap<i64, Owned<bingads_gen::v13::campaign_management::Campaign>>,
    pub ad_groups: BTreeMap<i64, Owned<bingads_gen::v13::campaign_management::AdGroup>>,
    pub keywords: BTreeMap<i64, Owned<bingads_gen::v13::campaign_management::Keyword>>,
    pub ads: BTreeMap<i64, Owned<bingads_gen::v13::campaign_management::Ad>>,
}

impl DataStore {
    fn new() -> Self {
        DataStore {
            next_id: crate::FIRST_ENTITY_ID,
            ..Default::default()
        }
    }

    fn len(&self) -> usize {
        self.budgets.len()
            + self.campaigns.len()
            + self.ad_groups.len()
            + self.keywords.len()
            + self.ads.len()
    }

    /// A fresh id, or `None` when the store is full.
    pub fn alloc_id(&mut self) -> Option<i64> {
        if self.len() >= MAX_ENTITIES {
            return None;
        }
        let id = self.next_id;
        self.next_id = self.next_id.checked_add(2)?;
        Some(id)
    }

    /// Removes a campaign with its ad groups, keywords and ads.
    pub fn remove_campaign(&mut self, id: i64) {
        self.campaigns.remove(&id);
        let groups: Vec<i64> = self
            .ad_groups
            .iter()
            .filter(|(_, g)| g.parent == id)
            .map(|(k, _)| *k)
            .collect();
        for g in groups {
            self.remove_ad_group(g);
        }
    }

    /// Removes an ad group with its keywords and ads.
    pub fn remove_ad_group(&mut self, id: i64) {
        self.ad_groups.remove(&id);
        self.keywords.retain(|_, k| k.parent != id);
        self.ads.retain(|_, a| a.parent != id);
    }

    /// The account an ad group belongs to.
    pub fn ad_group_account(&self, ad_group_id: i64) -> Option<i64> {
        let group = self.ad_groups.get(&ad_group_id)?;
        self.campaigns.get(&group.parent).map(|c| c.parent)
    }
}

/// State shared by the server tasks and the [`crate::Emulator`] handle.
#[derive(Debug)]
pub(crate) struct Shared {
    pub config: EmulatorConfig,
    pub directory: Directory,
    pub oauth: Mutex<OAuthStore>,
    pub data: Mutex<DataStore>,
    pub reports: crate::reports::Reports,
    /// Bulk jobs, published result files, bulk faults, recorded uploads.
    pub bulk: Mutex<crate::bulk::BulkStore>,
    /// `http://127.0.0.1:PORT`, set once the listener is bound (for result and upload URLs).
    pub base_url: std::sync::OnceLock<String>,
    injections: Mutex<VecDeque<InjectionRule>>,
    requests: Mutex<Recorded>,
    connections: AtomicU64,
    token_requests: AtomicU64,
}

/// Recorded requests and the bytes their bodies hold.
#[derive(Debug, Default)]
struct Recorded {
    list: VecDeque<RecordedRequest>,
    body_bytes: usize,
}

impl Shared {
    pub fn new(config: EmulatorConfig) -> Self {
        Shared {
            directory: Directory::seed(&config),
            config,
            oauth: Mutex::new(OAuthStore::default()),
            data: Mutex::new(DataStore::new()),
            reports: Mutex::default(),
            bulk: Mutex::new(crate::bulk::BulkStore::default()),
            base_url: std::sync::OnceLock::new(),
            injections: Mutex::new(VecDeque::new()),
            requests: Mutex::new(Recorded::default()),
            connections: AtomicU64::new(0),
            token_requests: AtomicU64::new(0),
        }
    }

    pub fn push_injection(&self, rule: InjectionRule) {
        let mut q = lock(&self.injections);
        if q.len() < MAX_INJECTIONS {
            q.push_back(rule);
        }
    }

    /// Takes one use of the first queued rule that applies to `operation`.
    pub fn take_injection(&self, operation: &str) -> Option<Injection> {
        let mut q = lock(&self.injections);
        let pos = q.iter().position(|r| r.matches(operation))?;
        let rule = q.get_mut(pos)?;
        let injection = rule.injection.clone();
        rule.remaining = rule.remaining.saturating_sub(1);
        if rule.remaining == 0 {
            q.remove(pos);
        }
        Some(injection)
    }

    pub fn clear_injections(&self) {
        lock(&self.injections).clear();
    }

    pub fn pending_injections(&self) -> usize {
        lock(&self.injections).len()
    }

    pub fn expire_access_tokens(&self) {
        lock(&self.oauth).expire_all_access_tokens();
    }

    pub fn issue_tokens(&self, client_id: &str, scope: &str) -> TokenSet {
        let lifetime = self.config.access_token_lifetime;
        lock(&self.oauth).issue(self.directory.user.id, client_id, scope, lifetime)
    }

    /// Records a request, dropping the oldest ones beyond the configured count and body
    /// bytes.
    pub fn record(&self, request: RecordedRequest) {
        let mut r = lock(&self.requests);
        let max_count = self.config.max_recorded_requests.max(1);
        let max_bytes = self.config.max_recorded_body_bytes;
        r.body_bytes += request.body.len();
        r.list.push_back(request);
        while r.list.len() > max_count || (r.body_bytes > max_bytes && r.list.len() > 1) {
            match r.list.pop_front() {
                Some(old) => r.body_bytes = r.body_bytes.saturating_sub(old.body.len()),
                None => break,
            }
        }
    }

    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.requests).list.iter().cloned().collect()
    }

    pub fn clear_requests(&self) {
        let mut r = lock(&self.requests);
        r.list.clear();
        r.body_bytes = 0;
    }

    /// Counts an accepted connection and returns its number.
    pub fn connection_accepted(&self) -> u64 {
        self.connections.fetch_add(1, Ordering::Relaxed) + 1
    }

    pub fn connections_accepted(&self) -> u64 {
        self.connections.load(Ordering::Relaxed)
    }

    /// Counts a request at the token endpoint.
    pub fn token_request(&self) {
        self.token_requests.fetch_add(1, Ordering::Relaxed);
    }

    pub fn token_requests(&self) -> u64 {
        self.token_requests.load(Ordering::Relaxed)
    }
}

/// A map that forgets its oldest entries beyond a capacity (grants, pending consents).
#[derive(Debug)]
pub(crate) struct BoundedMap<V> {
    map: HashMap<String, V>,
    order: VecDeque<String>,
    capacity: usize,
}

impl<V> BoundedMap<V> {
    pub fn new(capacity: usize) -> Self {
        BoundedMap {
            map: HashMap::new(),
            order: VecDeque::new(),
            capacity,
        }
    }

    pub fn insert(&mut self, key: String, value: V) {
        while self.map.len() >= self.capacity {
            match self.order.pop_front() {
                Some(old) => {
                    self.map.remove(&old);
                }
                None => break,
            }
        }
        // Keys removed earlier may still sit in `order`; keep it from growing without bound.
        if self.order.len() > self.capacity * 2 {
            let map = &self.map;
            self.order.retain(|k| map.contains_key(k));
        }
        self.order.push_back(key.clone());
        self.map.insert(key, value);
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.map.get(key)
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.map.remove(key)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.map.values_mut()
    }
}
