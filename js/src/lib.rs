//! The wasm side of the `presign` JavaScript package.
//!
//! JavaScript users never see these exports: the hand-written ESM wrapper in `js/lib/` is the
//! API (`new Presigner({...})`, `getObject`, `presignPost`, `verify`, ...). What crosses the
//! boundary is kept to numbers and a few strings per call, in the small text protocol of
//! `wire.rs`, because every crossing costs more than the signing it carries.
//!
//! The library does no I/O and reads no clock; neither does this crate: the wrapper reads
//! `Date.now()` (or the caller's frozen `time`) and passes Unix seconds in.

#![cfg_attr(target_arch = "wasm32", no_std)]
#![deny(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;

mod codes;
mod generic;
mod io;
mod options;
mod post;
mod presigner;
mod verify;
mod wire;

pub use presigner::RawPresigner;
pub use verify::verify_request;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

/// Nothing here panics on any input (every error is a value); should a bug panic anyway, the
/// wasm instance traps and the wrapper sees a `RuntimeError`, never a corrupted result.
#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
