//! Values many items share (a statement, a note), written once when the model is stored in binary
//! form: a shared value is stored as its number in a pool, and the pool is stored beside the model.
//!
//! The pools live for one [`Pools::store`] or [`Pools::restore`] on the calling thread; outside
//! one, a shared value cannot be serialized.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use serde::de::{DeserializeOwned, Error as _};
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::catalog::model::Statement;
use crate::text::Text;

/// One kind of shared value: its pool while the model is stored, and the values it is restored with.
pub struct Pool<T> {
    numbers: HashMap<*const T, u32>,
    values: Vec<Arc<T>>,
    open: bool,
    restoring: Option<Shared<T>>,
}

/// The values of one kind a stored model shares, in their numbered order.
type Shared<T> = Arc<Vec<Arc<T>>>;

impl<T> Default for Pool<T> {
    fn default() -> Self {
        Pool {
            numbers: HashMap::new(),
            values: Vec::new(),
            open: false,
            restoring: None,
        }
    }
}

thread_local! {
    static STATEMENTS: RefCell<Pool<Statement>> = RefCell::default();
    static TEXTS: RefCell<Pool<Text>> = RefCell::default();
}

/// A type whose values the model shares through `Arc`.
pub trait Pooled: Serialize + DeserializeOwned + Sized + 'static {
    fn with_pool<R>(f: impl FnOnce(&mut Pool<Self>) -> R) -> R;
}

impl Pooled for Statement {
    fn with_pool<R>(f: impl FnOnce(&mut Pool<Self>) -> R) -> R {
        STATEMENTS.with_borrow_mut(f)
    }
}

impl Pooled for Text {
    fn with_pool<R>(f: impl FnOnce(&mut Pool<Self>) -> R) -> R {
        TEXTS.with_borrow_mut(f)
    }
}

/// Every value shared in a stored model, each once. Cloning shares them: parts of one model decoded
/// at different times (items decoded as they are used) restore the very same values.
#[derive(Serialize, Deserialize, Default, Clone)]
pub struct Pools {
    statements: Shared<Statement>,
    texts: Shared<Text>,
}

impl Pools {
    /// Runs `store` (which serializes a model) with the pools open, and returns its result with
    /// every value it shared.
    pub fn store<R>(store: impl FnOnce() -> R) -> (R, Pools) {
        open::<Statement>();
        open::<Text>();
        let result = store();
        let pools = Pools {
            statements: Arc::new(close::<Statement>()),
            texts: Arc::new(close::<Text>()),
        };
        (result, pools)
    }

    /// Runs `restore` (which deserializes a model, or a part of one) with these values to share.
    pub fn restore<R>(&self, restore: impl FnOnce() -> R) -> R {
        let statements = swap(Some(Arc::clone(&self.statements)));
        let texts = swap(Some(Arc::clone(&self.texts)));
        let result = restore();
        swap(statements);
        swap(texts);
        result
    }
}

fn open<T: Pooled>() {
    T::with_pool(|pool| {
        pool.numbers = HashMap::new();
        pool.values = Vec::new();
        pool.open = true;
    });
}

fn close<T: Pooled>() -> Vec<Arc<T>> {
    T::with_pool(|pool| {
        pool.open = false;
        pool.numbers = HashMap::new();
        std::mem::take(&mut pool.values)
    })
}

/// Sets the values deserialized numbers refer to, returning those set before.
fn swap<T: Pooled>(values: Option<Shared<T>>) -> Option<Shared<T>> {
    T::with_pool(|pool| std::mem::replace(&mut pool.restoring, values))
}

/// For `#[serde(with)]` on an `Arc` field.
pub fn serialize<T: Pooled, S: Serializer>(value: &Arc<T>, serializer: S) -> Result<S::Ok, S::Error> {
    let number = T::with_pool(|pool| {
        if !pool.open {
            return None;
        }
        let next = u32::try_from(pool.values.len()).ok()?;
        Some(*pool.numbers.entry(Arc::as_ptr(value)).or_insert_with(|| {
            pool.values.push(Arc::clone(value));
            next
        }))
    });
    match number {
        Some(n) => serializer.serialize_u32(n),
        None => Err(S::Error::custom("a shared value outside a stored model")),
    }
}

/// For `#[serde(with)]` on an `Arc` field.
pub fn deserialize<'de, T: Pooled, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<T>, D::Error> {
    let number = u32::deserialize(deserializer)?;
    T::with_pool(|pool| pool.restoring.as_ref()?.get(number as usize).cloned())
        .ok_or_else(|| D::Error::custom("a shared value the stored model does not hold"))
}

/// For `#[serde(with)]` on an `Option<Arc>` field.
pub mod option {
    use super::{Arc, Deserialize, Deserializer, Pooled, Serializer};

    #[allow(clippy::ref_option, reason = "serde's `with` hands the field as it is")]
    pub fn serialize<T: Pooled, S: Serializer>(
        value: &Option<Arc<T>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.serialize_some(&Shared(v)),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Pooled, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Arc<T>>, D::Error> {
        Ok(Option::<Restored<T>>::deserialize(deserializer)?.map(|r| r.0))
    }

    struct Shared<'a, T>(&'a Arc<T>);

    impl<T: Pooled> serde::Serialize for Shared<'_, T> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            super::serialize(self.0, serializer)
        }
    }

    struct Restored<T>(Arc<T>);

    impl<'de, T: Pooled> Deserialize<'de> for Restored<T> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            super::deserialize(deserializer).map(Restored)
        }
    }
}
