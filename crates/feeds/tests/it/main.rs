//! The feed parser from outside: generated input it must survive.
//!
//! One integration-test binary for the crate (each file here is a module of it).

mod garbage;
