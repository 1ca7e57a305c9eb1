//! The Fairhire domain: what an organization, a supplier, an assessment or a fee
//! audit *is*, and the use cases that change them.
//!
//! Owns: sea-orm entities and every query of the platform (the doors, `api` and
//! `web`, do not depend on sea-orm: they hold a [`database::Database`] handle and
//! call use cases), value types parsed once at the edge (`Email`, `Role`…),
//! use-case functions generic over `ConnectionTrait` (so they run on the pool or in a
//! transaction), the enqueue side of the job queue, outbound-email records, the
//! idempotency-key store and the audit trail; the one i18n machinery (`i18n`: Fluent
//! catalogs and the language negotiator) and the worker-voice words
//! (`locales/<lang>/voice.ftl`).
//! Must not touch: HTTP, SMTP, PDF rendering or the job runner's loop. Nothing here
//! depends on actix, lettre or a PDF writer; reqwest only reaches S3 storage
//! (`files`) and Open Supply Hub (`sites::os_hub`).

pub mod access;
pub mod accounts;
pub mod api_keys;
pub mod assessments;
pub mod audit;
pub mod clock;
pub mod company_view;
pub mod corridors;
pub mod csv_import;
pub mod database;
pub mod email;
pub mod entities;
pub mod error;
pub mod events;
pub mod evidence;
pub mod evidence_packs;
pub mod exports;
pub mod fee_audit;
pub mod files;
pub mod findings;
pub mod i18n;
pub mod idempotency;
pub mod jobs;
pub mod listing;
pub mod login_throttle;
pub mod notifications;
pub mod products;
pub mod questionnaire;
pub mod recruiters;
pub mod reference;
pub mod reports;
pub mod risk_overrides;
pub mod risk_score;
pub mod screening;
pub mod second_factor;
pub mod secret_token;
pub mod sessions;
pub mod sites;
pub mod sso;
pub mod statements;
pub mod supplier_links;
pub mod suppliers;
pub mod transaction;
pub mod values;
pub mod voice;
pub mod webhooks;

pub use error::DomainError;
