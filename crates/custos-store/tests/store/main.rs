//! Store behaviour, one test binary.
//!
//! - `suite`: every behaviour test, run once per backend (`suite::sqlite::*`, `suite::postgres::*`) through the
//!   `per_engine!` macro, as ripgrep runs each test per regex engine. New trait behaviour goes there.
//! - `postgres`: what only PostgreSQL has: concurrent writers, connect retries, schemas, several replicas.
//! - `fixture`: a fresh store per test. SQLite uses a temporary directory; PostgreSQL a fresh database
//!   `custos_test_<hex>` created through `CUSTOS_TEST_PG_URL` (default `postgres://postgres@127.0.0.1:5432/test`)
//!   and dropped at the end, also when the test fails. An unreachable PostgreSQL fails the tests; it never skips.

mod fixture;
mod postgres;
mod suite;
