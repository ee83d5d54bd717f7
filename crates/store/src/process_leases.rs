//! Work that one process does for all of them at a time, leased by name (as feeds are): a
//! process that stops renewing its lease (killed, or cut off) loses it when the lease ends.

use chrono::{DateTime, Utc};

use crate::{Store, StoreError, time};

impl Store {
    /// Takes, or renews, the lease `name` for `owner` until `now + lease`, unless another
    /// owner holds it and its lease has not ended. True when `owner` holds it now.
    ///
    /// # Errors
    /// Database errors.
    pub async fn claim_process_lease(
        &self,
        name: &str,
        owner: &str,
        now: DateTime<Utc>,
        lease: std::time::Duration,
    ) -> Result<bool, StoreError> {
        let until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::minutes(1));
        let row = self
            .sql(
                "INSERT INTO process_leases (name, owner, lease_until) VALUES (?, ?, ?) \
                 ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until \
                 WHERE process_leases.owner = excluded.owner OR process_leases.lease_until <= ? \
                 RETURNING owner",
            )
            .bind(name)
            .bind(owner)
            .bind(time::to_db(until))
            .bind(time::to_db(now))
            .fetch_optional(self.pool())
            .await?;
        Ok(row.is_some())
    }

    /// Gives the lease `name` up, if `owner` holds it, so that another process can take it at
    /// once.
    ///
    /// # Errors
    /// Database errors.
    pub async fn release_process_lease(&self, name: &str, owner: &str) -> Result<(), StoreError> {
        self.sql("DELETE FROM process_leases WHERE name = ? AND owner = ?")
            .bind(name)
            .bind(owner)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use chrono::TimeZone;

    use super::*;
    use crate::StoreOptions;

    #[tokio::test]
    async fn one_owner_at_a_time_until_the_lease_ends_or_is_given_up() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("l.db").to_str().unwrap(), &StoreOptions::default()).await.unwrap();
        let t = |s: i64| Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap() + chrono::Duration::seconds(s);
        let lease = Duration::from_secs(30);
        assert!(store.claim_process_lease("understanding", "a", t(0), lease).await.unwrap());
        assert!(!store.claim_process_lease("understanding", "b", t(10), lease).await.unwrap(), "a holds it");
        assert!(store.claim_process_lease("understanding", "a", t(20), lease).await.unwrap(), "a renews");
        assert!(!store.claim_process_lease("understanding", "b", t(45), lease).await.unwrap(), "renewed to 50 s");
        assert!(store.claim_process_lease("other", "b", t(45), lease).await.unwrap(), "leases are per name");
        assert!(store.claim_process_lease("understanding", "b", t(50), lease).await.unwrap(), "a's lease ended");
        assert!(!store.claim_process_lease("understanding", "a", t(51), lease).await.unwrap());
        store.release_process_lease("understanding", "a").await.unwrap();
        assert!(!store.claim_process_lease("understanding", "a", t(52), lease).await.unwrap(), "only b can give it up");
        store.release_process_lease("understanding", "b").await.unwrap();
        assert!(store.claim_process_lease("understanding", "a", t(53), lease).await.unwrap());
    }
}
