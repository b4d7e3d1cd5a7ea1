//! Column values.

mod decimal;

pub use decimal::{Decimal, DecimalError, binary_size as decimal_binary_size};
